"""The one renderer of a Cable, shared by the Textual reader pane and ``cables show``.

``render_cable`` turns a Cable into width-independent ``Block``s (banner, header field, REF
item, paragraph, heading, ...), each a Rich ``Text`` plus what the reader needs to act on it
(the cable a REF points to, the paragraph index). ``layout`` wraps those blocks to a width as
``Line``s, which a Line-API widget paints one by one and ``cables show`` prints; resizing the
pane re-runs only ``layout``. Only Rich is imported: ``cables show`` must start fast.

This module builds the blocks and is where callers import from; the blocks themselves are in
``tui.output.blocks``, the wrapping in ``tui.output.wrapping``, finding search terms in
``tui.output.term_highlighter`` and the Summary/Comment/Note sections in
``tui.output.section_spans``.

Cable text never goes through Rich markup: every string is cleaned with
``store.sanitize.clean`` (via ``export_formats.safe``) and placed with ``Text.append`` and
``Text.stylize``, so ``[bold]`` or ``[@click=app.quit]`` in a cable stays literal text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from store.model import Cable
from tui.output.blocks import Block, BlockKind, HitPosition
from tui.output.export_formats import (
    PARTIAL_NOTICE,
    HeaderField,
    banner_text,
    body_paragraphs,
    header_fields,
    safe,
)
from tui.output.marking_style import chip, chip_text
from tui.output.section_spans import is_ruler, section_spans
from tui.output.tag_meanings import WIDE_TAGS, tag_meanings
from tui.output.term_highlighter import TermHighlighter, term_highlighter
from tui.output.wrapping import MIN_HANG_ROOM, Layout, Line, layout, natural_width

# The names callers have always taken from here, wherever they are defined now.
__all__ = [
    "HIGHLIGHT_STYLE",
    "MIN_HANG_ROOM",
    "NOT_IN_CORPUS",
    "Block",
    "BlockKind",
    "HitPosition",
    "Layout",
    "Line",
    "RenderedCable",
    "layout",
    "natural_width",
    "render_cable",
]

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

NOT_IN_CORPUS = "(not in corpus)"
TAB_SIZE = 8


@dataclass(frozen=True)
class RenderedCable:
    """A cable as blocks, plus the search hits in reading order (for the n/N keys).

    Printable with a Rich console: ``console.print(rendered)`` wraps it to the console width.
    """

    cable_id: str
    blocks: tuple[Block, ...]
    hits: tuple[HitPosition, ...] = ()

    def layout(self, width: int, fold_over: int | None = None) -> Layout:
        return layout(self, width, fold_over)

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
    builder = _Builder(term_highlighter(highlight_terms))
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
    def __init__(self, highlighter: TermHighlighter | None) -> None:
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
        self.add(Block(BlockKind.FOLDED, folded_header(fields)))
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
            wide = tag_meanings(f, cable.tags, label_width) if f.key == "tags" else None
            if wide is not None:  # the codes alone below WIDE_TAGS columns, with meanings above
                block = replace(block, max_width=WIDE_TAGS - 1)
            self.add(block, [(start, len(text))])
            if wide is not None:
                self.add(replace(wide, min_width=WIDE_TAGS))
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
        sections = section_spans(paragraphs, texts)
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


FOLDED_FIELDS = ("date", "subject", "origin")


def folded_header(fields: Sequence[HeaderField]) -> Text:
    """``i+ 2006-01-12 · KAZAKHSTAN: BAYMENOV ... · US Office Almaty``: the key that shows
    every field first (a narrow pane cuts the end, never it), the day, the subject and the
    origin (the ID is in the status line, the level in the banner)."""
    values = {f.key: _data(f.value) for f in fields}
    if values.get("date"):
        values["date"] = values["date"].split(" ")[0]  # the day: the hour can wait for i
    text = Text(end="")
    text.append("i+", style=LABEL_STYLE)
    text.append(" " + " · ".join(values[key] for key in FOLDED_FIELDS if values.get(key)))
    return text


def _style_heading(text: Text, start: int) -> None:
    """Title lines bold and underlined; dashed ruler lines (``-----``) only dimmed."""
    plain = text.plain
    position = start
    for line in plain[start:].split("\n"):
        end = position + len(line)
        if line.strip():
            style = RULER_STYLE if is_ruler(line) else HEADING_STYLE
            text.stylize(style, position + len(line) - len(line.lstrip()), end)
        position = end + 1


_REDACTION = re.compile(r"XXXX+")


def _dim_redactions(text: Text, start: int, end: int) -> None:
    plain = text.plain
    for match in _REDACTION.finditer(plain, start, end):
        text.stylize(REDACTION_STYLE, match.start(), match.end())
