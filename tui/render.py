"""The one renderer of a Cable, shared by the Textual reader pane and ``cables show``.

``render_cable`` turns a Cable into width-independent ``Block``s (banner, header field, REF
item, paragraph, heading, ...), each a Rich ``Text`` plus what the reader needs to act on it
(the cable a REF points to, the paragraph index). ``layout`` wraps those blocks to a width as
``Line``s, which a Line-API widget paints one by one and ``cables show`` prints; resizing the
pane re-runs only ``layout``. Only Rich is imported: ``cables show`` must start fast.

Cable text never goes through Rich markup: every string is cleaned with
``store.sanitize.clean`` (via ``export_formats.safe``) and placed with ``Text.append`` and
``Text.stylize``, so ``[bold]`` or ``[@click=app.quit]`` in a cable stays literal text.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from store.model import Cable, Paragraph
from tui.export_formats import (
    PARTIAL_NOTICE,
    banner_text,
    body_paragraphs,
    header_fields,
    safe,
)
from tui.marking_style import chip, chip_text

LABEL_STYLE = Style(bold=True)
NUMBER_STYLE = Style(bold=True)
HEADING_STYLE = Style(bold=True, underline=True)
RULER_STYLE = Style(dim=True)
NOTICE_STYLE = Style(italic=True)
REF_STYLE = Style(underline=True)
MISSING_STYLE = Style(dim=True, italic=True)
SIGNER_STYLE = Style(bold=True)
REDACTION_STYLE = Style(dim=True)
# Reverse video and bold survive NO_COLOR and monochrome terminals.
HIGHLIGHT_STYLE = Style(reverse=True, bold=True)
SECTION_STYLES = {
    "summary": Style(italic=True),
    "comment": Style(italic=True, color="cyan"),
    "note": Style(italic=True, color="magenta"),
}
SECTION_LABEL_STYLE = Style(bold=True)

NOT_IN_CORPUS = "(not in corpus)"
TAB_SIZE = 8


class BlockKind(enum.StrEnum):
    BANNER = "banner"  # classification banner, top and bottom; centered on the level's color
    FIELD = "field"  # one header field: "Subject: ..."; ``Block.field`` names it
    NOTICE = "notice"  # the partial-extract notice
    LIST_LABEL = "list_label"  # "References:" / "Cited by:" above their items
    REF = "ref"  # a cable this one cites; ``target`` is its ID
    CITED_BY = "cited_by"  # a cable of the corpus that cites this one; ``target`` is its ID
    PARAGRAPH = "paragraph"  # number as written, marking chip, text
    HEADING = "heading"  # a section title or a dashed ruler
    SIGNER = "signer"
    BLANK = "blank"  # an empty line between parts


@dataclass(frozen=True, slots=True)
class Block:
    """One logical piece of a rendered cable, before wrapping.

    ``target``: the cable ID a REF or CITED_BY item leads to (so the reader can make it
    selectable and follow it). ``in_corpus``: for REF items, False when ``refs_in_corpus``
    said the cable is not in the corpus, None when unknown. ``paragraph``: index into
    ``cable.paragraphs``. ``field``: the ``HeaderField.key`` of a FIELD. ``hang``: cells of
    indentation for wrapped continuation lines (header values line up after their label).
    """

    kind: BlockKind
    text: Text
    target: str | None = None
    in_corpus: bool | None = None
    paragraph: int | None = None
    field: str | None = None
    hang: int = 0

    @property
    def selectable(self) -> bool:
        return self.target is not None


@dataclass(frozen=True, slots=True, order=True)
class HitPosition:
    """A highlighted search term: ``blocks[block].text.plain[start:end]``."""

    block: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Line:
    """One display line: ``text`` is ready to paint (indent included, no newline).

    ``start``/``end`` locate the line in ``blocks[block].text.plain``; ``indent`` is the
    number of cells of hanging indent in front of that range.
    """

    block: int
    start: int
    end: int
    text: Text
    indent: int = 0


@dataclass(frozen=True)
class Layout:
    """A rendered cable wrapped to ``width``: the reader scrolls over ``lines``."""

    width: int
    lines: tuple[Line, ...]
    _keys: tuple[tuple[int, int], ...] = field(repr=False, compare=False, default=())

    def line_of(self, block: int, offset: int = 0) -> int:
        """Index of the line that shows ``offset`` of ``block`` (for n/N and REF focus)."""
        index = bisect.bisect_right(self._keys, (block, offset)) - 1
        return max(index, 0)

    def lines_of_block(self, block: int) -> range:
        first = bisect.bisect_left(self._keys, (block, 0))
        last = bisect.bisect_left(self._keys, (block + 1, 0))
        return range(first, last)


@dataclass(frozen=True)
class RenderedCable:
    """A cable as blocks, plus the search hits in reading order (for the n/N keys).

    Printable with a Rich console: ``console.print(rendered)`` wraps it to the console width.
    """

    cable_id: str
    blocks: tuple[Block, ...]
    hits: tuple[HitPosition, ...] = ()

    def layout(self, width: int) -> Layout:
        return layout(self, width)

    def selectable_blocks(self) -> list[int]:
        """Indices of the REF and CITED_BY items, in order (what enter/o can follow)."""
        return [i for i, block in enumerate(self.blocks) if block.selectable]

    def body_start(self) -> int:
        """Index of the first paragraph's block (past the header), or of the end."""
        body = (BlockKind.PARAGRAPH, BlockKind.HEADING)
        return next((i for i, b in enumerate(self.blocks) if b.kind in body), len(self.blocks))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for line in layout(self, options.max_width).lines:
            yield from line.text.render(console)
            yield Segment.line()


# ----------------------------------------------------------------------------- rendering


def render_cable(
    cable: Cable,
    *,
    highlight_terms: Sequence[str] = (),
    refs_in_corpus: Callable[[str], bool] | None = None,
    cited_by: Sequence[str] = (),
    as_written: bool = False,
    first_part: bool = False,
) -> RenderedCable:
    """Render a cable to blocks; see the module docstring.

    ``highlight_terms``: words (``nato``), prefixes (``baim*``) or phrases (``ak zhol``),
    matched case-insensitively at word starts; a plain word also matches its simple
    inflections (``election`` -> ``elections``). ``refs_in_corpus``: tells which REF IDs the
    corpus holds; without it nothing is marked missing. ``cited_by``: IDs of corpus cables
    that cite this one. ``as_written``: paragraphs with every line as the cable has it (for
    output that must not re-wrap), rather than with prose lines joined for wrapping.
    ``first_part``: ``cable`` is a long cable's start (``Corpus.get_head``): the counts over
    its whole text are left to the whole.
    """
    builder = _Builder(_highlighter(highlight_terms))
    builder.banner(cable)
    builder.blank()
    builder.header(cable, first_part)
    builder.references(cable.references, refs_in_corpus)
    builder.cited_by(cited_by)
    builder.body(cable, as_written)
    if cable.signer:
        builder.blank()
        builder.signer(cable.signer)
    builder.blank()
    builder.banner(cable)
    return RenderedCable(safe(cable.id), tuple(builder.blocks), tuple(builder.hits))


def _data(value: str) -> str:
    """Cable text as it may enter a Text: cleaned, tabs expanded (a tab breaks cell math)."""
    value = safe(value)
    return value.expandtabs(TAB_SIZE) if "\t" in value else value


class _Builder:
    def __init__(self, highlighter: _Highlighter | None) -> None:
        self.blocks: list[Block] = []
        self.hits: list[HitPosition] = []
        self.highlighter = highlighter

    def add(self, block: Block, data_ranges: Iterable[tuple[int, int]] = ()) -> None:
        """Append a block, highlighting search terms inside its cable-text ranges."""
        index = len(self.blocks)
        if self.highlighter is not None:
            plain = block.text.plain
            for start, end in data_ranges:
                for first, last in self.highlighter.finditer(plain, start, end):
                    block.text.stylize(HIGHLIGHT_STYLE, first, last)
                    self.hits.append(HitPosition(index, first, last))
        self.blocks.append(block)

    def blank(self) -> None:
        self.add(Block(BlockKind.BLANK, Text()))

    def banner(self, cable: Cable) -> None:
        self.add(Block(BlockKind.BANNER, chip(cable.classification, banner_text(cable))))

    def header(self, cable: Cable, first_part: bool = False) -> None:
        fields = header_fields(cable, first_part=first_part)
        label_width = max(len(f.label) for f in fields) + 2
        for f in fields:
            text = Text(end="")
            text.append(f"{f.label}:".ljust(label_width), style=LABEL_STYLE)
            if f.key == "subject" and cable.subject_marking is not None:
                text.append_text(chip(cable.subject_marking, chip_text(cable.subject_marking)))
                text.append(" ")
            start = len(text)
            text.append(_data(f.value))
            _dim_redactions(text, start, len(text))
            block = Block(BlockKind.FIELD, text, field=f.key, hang=label_width)
            self.add(block, [(start, len(text))])
        if cable.is_partial:
            self.add(Block(BlockKind.NOTICE, Text(PARTIAL_NOTICE, style=NOTICE_STYLE)))

    def references(
        self, references: Sequence[str], refs_in_corpus: Callable[[str], bool] | None
    ) -> None:
        if not references:
            return
        self.add(Block(BlockKind.LIST_LABEL, Text("References:", style=LABEL_STYLE)))
        for raw in references:
            ref = _data(raw)
            in_corpus = None if refs_in_corpus is None else bool(refs_in_corpus(ref))
            text = Text("  ", end="")
            text.append(ref, style=REF_STYLE if in_corpus is not False else None)
            if in_corpus is False:
                text.append("  ")
                text.append(NOT_IN_CORPUS, style=MISSING_STYLE)
            self.add(Block(BlockKind.REF, text, target=ref, in_corpus=in_corpus, hang=2))

    def cited_by(self, cited_by: Sequence[str]) -> None:
        if not cited_by:
            return
        self.add(Block(BlockKind.LIST_LABEL, Text("Cited by:", style=LABEL_STYLE)))
        for raw in cited_by:
            cable_id = _data(raw)
            text = Text("  ", end="")
            text.append(cable_id, style=REF_STYLE)
            self.add(Block(BlockKind.CITED_BY, text, target=cable_id, in_corpus=True, hang=2))

    def body(self, cable: Cable, as_written: bool = False) -> None:
        paragraphs = body_paragraphs(cable)
        texts = [_data(p.as_written if as_written else p.text) for p in paragraphs]
        sections = _section_spans(paragraphs, texts)
        for index, (paragraph, body) in enumerate(zip(paragraphs, texts, strict=True)):
            self.blank()
            text = Text(end="")
            if paragraph.number:
                text.append(_data(paragraph.number), style=NUMBER_STYLE)
                text.append(" ")
            if paragraph.marking is not None:
                text.append_text(chip(paragraph.marking, chip_text(paragraph.marking)))
                text.append(" ")
            start = len(text)
            text.append(body)
            if paragraph.is_heading:
                _style_heading(text, start)
            for section_start, section_end, style in sections[index]:
                text.stylize(style, start + section_start, start + section_end)
            _dim_redactions(text, start, len(text))
            kind = BlockKind.HEADING if paragraph.is_heading else BlockKind.PARAGRAPH
            from_cable = index if cable.paragraphs else None
            self.add(Block(kind, text, paragraph=from_cable), [(start, len(text))])

    def signer(self, signer: str) -> None:
        text = Text(_data(signer), style=SIGNER_STYLE)
        self.add(Block(BlockKind.SIGNER, text), [(0, len(text))])


def _is_ruler(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and set(stripped) <= set("-=_*~ ")


def _style_heading(text: Text, start: int) -> None:
    """Title lines bold and underlined; dashed ruler lines (``-----``) only dimmed."""
    plain = text.plain
    position = start
    for line in plain[start:].split("\n"):
        end = position + len(line)
        if line.strip():
            style = RULER_STYLE if _is_ruler(line) else HEADING_STYLE
            text.stylize(style, position + len(line) - len(line.lstrip()), end)
        position = end + 1


def _heading_words(text: str) -> str:
    """A heading without its ruler lines and colon: ``Comment`` for ``----/Comment/----``."""
    words = " ".join(line for line in text.split("\n") if not _is_ruler(line))
    return words.strip().rstrip(":").strip().lower()


_REDACTION = re.compile(r"XXXX+")


def _dim_redactions(text: Text, start: int, end: int) -> None:
    plain = text.plain
    for match in _REDACTION.finditer(plain, start, end):
        text.stylize(REDACTION_STYLE, match.start(), match.end())


# ----------------------------------------------------------- Summary / Comment / Note spans

# Tokens are found by their keyword on lower-cased text, then checked around it by hand:
# a case-insensitive regex that starts with a lookbehind scans a 200 KB cable 20x slower.
_SECTION_WORD = re.compile(r"summary|comment|note")
_END_BEFORE = re.compile(r"\bend\s+(?:of\s+)?\Z")
_BEGIN_BEFORE = re.compile(r"\bbegin\s+\Z")
_COLON_AFTER = re.compile(r"\s*:")
# At the very start of a paragraph "Summary." and "Comment --" open a block too.
_LEAD_AFTER = re.compile(r"(?:\s+and\s+\w+)?\s*(?:[.:]|--?)")
_WORD_CHAR = re.compile(r"\w")
LOOK_BACK = 40


@dataclass(frozen=True, slots=True)
class _Token:
    paragraph: int
    start: int
    end: int
    kind: str
    opens: bool


def _section_spans(
    paragraphs: Sequence[Paragraph], texts: Sequence[str]
) -> list[list[tuple[int, int, Style]]]:
    """Per paragraph, ``(start, end, style)`` ranges of Summary, Comment and Note blocks.

    A block runs from ``Summary:`` (or ``Begin Summary``, or a heading that just says
    ``Comment``) to the matching ``End Summary``, possibly across paragraphs. A start with
    no end styles the rest of its own paragraph only, so a stray ``Note:`` cannot color the
    whole cable. The labels themselves are bold.
    """
    spans: list[list[tuple[int, int, Style]]] = [[] for _ in texts]
    tokens: list[_Token] = []
    for index, (paragraph, text) in enumerate(zip(paragraphs, texts, strict=True)):
        bare = _heading_words(text) if paragraph.is_heading else ""
        if paragraph.is_heading and bare in SECTION_STYLES:
            word = re.search(bare, text, re.IGNORECASE)
            start, end = (word.start(), word.end()) if word else (0, len(text))
            tokens.append(_Token(index, start, end, bare, True))
            continue
        tokens.extend(_section_tokens(index, text))

    for kind, style in SECTION_STYLES.items():
        opened: _Token | None = None
        for token in (t for t in tokens if t.kind == kind):
            spans[token.paragraph].append((token.start, token.end, SECTION_LABEL_STYLE))
            if token.opens and opened is None:
                opened = token
            elif not token.opens and opened is not None:
                _add_span(spans, texts, opened, token, style)
                opened = None
        if opened is not None:
            spans[opened.paragraph].append((opened.start, len(texts[opened.paragraph]), style))
    # Labels are recorded before their section, but must be drawn over it.
    for per_paragraph in spans:
        per_paragraph.sort(key=lambda span: span[2] is SECTION_LABEL_STYLE)
    return spans


def _lower_same_length(text: str) -> str:
    """``text.lower()``, unless that changes offsets (``İ`` lowers to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _section_tokens(paragraph: int, text: str) -> list[_Token]:
    low = _lower_same_length(text)
    tokens: list[_Token] = []
    for match in _SECTION_WORD.finditer(low):
        start, end = match.span()
        if (start and _WORD_CHAR.match(low, start - 1)) or _WORD_CHAR.match(low, end):
            continue
        kind = match.group()
        window = max(0, start - LOOK_BACK)
        before = _END_BEFORE.search(low, window, start)
        if before:
            stop = end + 1 if low.startswith(".", end) else end
            tokens.append(_Token(paragraph, before.start(), stop, kind, False))
            continue
        before = _BEGIN_BEFORE.search(low, window, start)
        colon = _COLON_AFTER.match(low, end)
        stop = colon.end() if colon else end
        if before:
            tokens.append(_Token(paragraph, before.start(), stop, kind, True))
        elif colon:
            tokens.append(_Token(paragraph, start, stop, kind, True))
        elif not low[:start].strip() and (lead := _LEAD_AFTER.match(low, end)):
            tokens.append(_Token(paragraph, start, lead.end(), kind, True))
    return tokens


def _add_span(
    spans: list[list[tuple[int, int, Style]]],
    texts: Sequence[str],
    first: _Token,
    last: _Token,
    style: Style,
) -> None:
    if first.paragraph == last.paragraph:
        spans[first.paragraph].append((first.start, last.end, style))
        return
    spans[first.paragraph].append((first.start, len(texts[first.paragraph]), style))
    for middle in range(first.paragraph + 1, last.paragraph):
        spans[middle].append((0, len(texts[middle]), style))
    spans[last.paragraph].append((0, last.end, style))


# ---------------------------------------------------------------------------- highlights

_INFLECTION = r"(?:'s|s|es|ed|ing)?"


@dataclass(frozen=True)
class _Highlighter:
    """Finds search terms at word starts, case-insensitively.

    The pattern starts with the terms' literal text (lower case) so the regex engine can
    skip ahead; the word-start check is done per match, which keeps a 200 KB cable fast.
    """

    pattern: re.Pattern[str]
    fallback: re.Pattern[str]

    def finditer(self, plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        low = plain.lower()
        pattern = self.pattern
        if len(low) != len(plain):
            low, pattern = plain, self.fallback
        for match in pattern.finditer(low, start, end):
            first, last = match.span()
            if last == first:
                continue
            if first and _WORD_CHAR.match(low, first - 1) and _WORD_CHAR.match(low, first):
                continue
            yield first, last


def _term_pattern(term: str) -> str | None:
    term = term.strip().strip('"').strip().lower()
    prefix = term.endswith("*")
    words = term.rstrip("*").split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    if prefix:
        tail = r"\w*"
    elif re.search(r"\w\Z", words[-1]):
        tail = _INFLECTION + r"(?!\w)"
    else:
        tail = ""
    return body + tail


def _highlighter(terms: Sequence[str]) -> _Highlighter | None:
    patterns = [p for p in (_term_pattern(t) for t in terms) if p]
    if not patterns:
        return None
    # Longest first, so a phrase wins over one of its own words at the same place.
    patterns.sort(key=len, reverse=True)
    joined = "|".join(f"(?:{p})" for p in patterns)
    return _Highlighter(re.compile(joined), re.compile(joined, re.IGNORECASE))


# -------------------------------------------------------------------------------- layout


def natural_width(rendered: RenderedCable) -> int:
    """The width at which no line of the rendered cable needs wrapping (at least 80)."""
    longest = max(
        (cell_len(line) for block in rendered.blocks for line in block.text.plain.split("\n")),
        default=0,
    )
    return max(80, longest)


# A word with the blanks before it; NBSP is not a blank, so it never breaks a line.
_WORD = re.compile(r"[ ]*[^ ]+")
MIN_HANG_ROOM = 20


def layout(rendered: RenderedCable, width: int) -> Layout:
    """Wrap every block to ``width`` cells: words wrap, over-long words fold, line breaks
    in the cable are kept, banners are centered, blank blocks are one empty line."""
    width = max(width, 1)
    lines: list[Line] = []
    for index, block in enumerate(rendered.blocks):
        if block.kind is BlockKind.BANNER and cell_len(block.text.plain) <= width:
            banner = block.text.copy()
            banner.align("center", width)
            lines.append(Line(index, 0, len(block.text), _flat(banner)))
            continue
        hang = block.hang if width - block.hang >= MIN_HANG_ROOM else 0
        ranges = list(_wrap(block.text.plain, width, hang))
        for (start, end, continued), piece in zip(ranges, _pieces(block.text, ranges), strict=True):
            piece.rstrip()
            indent = hang if continued else 0
            if indent or piece.style:
                piece = _flat(piece, indent)
            lines.append(Line(index, start, end, piece, indent))
    keys = tuple((line.block, line.start) for line in lines)
    return Layout(width, tuple(lines), keys)


def _pieces(text: Text, ranges: list[tuple[int, int, bool]]) -> list[Text]:
    """One Text per display line, from a single ``divide`` of the block.

    Each piece runs from its line's start to the next line's start; the caller strips the
    blanks and newline at its end. (Slicing line by line re-scans every span each time.)
    """
    if len(ranges) == 1:
        return [text.copy()]
    return list(text.divide([start for start, _end, _continued in ranges[1:]]))


def _flat(text: Text, indent: int = 0) -> Text:
    """The same line with its base style turned into a span, after ``indent`` blanks.

    ``Text.render`` ignores a base style when a Text has no spans, and a Line-API widget
    renders lines with exactly that call, so lines must carry all their styling as spans.
    """
    line = Text(" " * indent, end="", no_wrap=True)
    line.append_text(text)
    return line


def _wrap(plain: str, width: int, hang: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, is_continuation)`` for each display line of ``plain``."""
    position = 0
    length = len(plain)
    # Cleaned ASCII has no controls left and tabs are expanded: one cell per character.
    wrap_line = _wrap_ascii_line if plain.isascii() else _wrap_line
    while True:
        newline = plain.find("\n", position)
        stop = length if newline == -1 else newline
        yield from wrap_line(plain, position, stop, width, width - hang)
        if newline == -1:
            return
        position = newline + 1


def _wrap_line(
    plain: str, start: int, stop: int, first_width: int, next_width: int
) -> Iterator[tuple[int, int, bool]]:
    if cell_len(plain[start:stop]) <= first_width:
        yield start, stop, False
        return
    line_start = start
    column = 0
    room = first_width
    continued = False
    for match in _WORD.finditer(plain, start, stop):
        token = plain[match.start() : match.end()]
        token_width = cell_len(token)
        if column + token_width <= room:
            column += token_width
            continue
        if column > 0:
            yield line_start, match.start(), continued
            continued = True
            room = next_width
            line_start = match.start() + (len(token) - len(token.lstrip(" ")))
            token_width = cell_len(plain[line_start : match.end()])
        while token_width > room:
            cut = _fold(plain, line_start, match.end(), room)
            yield line_start, cut, continued
            continued = True
            room = next_width
            line_start = cut
            token_width = cell_len(plain[line_start : match.end()])
        column = token_width
    yield line_start, stop, continued


def _wrap_ascii_line(
    plain: str, start: int, stop: int, first_width: int, next_width: int
) -> Iterator[tuple[int, int, bool]]:
    """``_wrap_line`` for one-cell characters: blanks found with ``rfind``, 10x faster."""
    line_start = start
    room = first_width
    continued = False
    while stop - line_start > room:
        body = line_start
        while body < stop and plain[body] == " ":
            body += 1  # indentation is not a place to break
        if body >= stop:
            break  # only blanks are left: one (blank) line
        limit = line_start + room
        blank = plain.rfind(" ", body, limit + 1)
        if blank <= body:
            # No blank to break at: fold the word.
            cut = max(limit, line_start + 1)
            yield line_start, cut, continued
            line_start = cut
        else:
            line_end = blank
            while plain[line_end - 1] == " ":
                line_end -= 1
            next_start = blank + 1
            while next_start < stop and plain[next_start] == " ":
                next_start += 1
            if next_start >= stop:
                break  # only blanks follow: they stay on this line
            yield line_start, line_end, continued
            line_start = next_start
        continued = True
        room = next_width
    yield line_start, stop, continued


def _fold(plain: str, start: int, stop: int, room: int) -> int:
    """The offset where ``plain[start:stop]`` must be cut to fit ``room`` cells (>= 1 char)."""
    used = 0
    for offset in range(start, stop):
        used += get_character_cell_size(plain[offset])
        if used > room:
            return max(offset, start + 1)
    return stop
