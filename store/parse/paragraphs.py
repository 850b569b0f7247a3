"""The body of a telegram as paragraphs: numbers as written, portion marks, headings.

Nothing is renumbered or reordered: ``11.`` and ``9.(C)`` stay as they were written; the web
release's anchor in ``¶1.`` is no part of the number.

The body is cut with regular expressions over the whole text rather than a Python loop per
line, because this runs 251,287 times in an import; only the rare block that hides a
paragraph start or a ruler inside it is looked at line by line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from store.frozen import replace
from store.model import Marking, Paragraph
from store.parse.lazy_pattern import lazy_compile
from store.parse.line_structure import (
    COLON_BEFORE_BREAK,
    KEPT_AFTER_BREAK,
    RULER_CHARS,
    unwrap,
)
from store.parse.markings import STRICT_PORTION_MARK, parse_banner, parse_portion_mark

MAX_PARAGRAPHS = 5000
MAX_BLOCKS = 20000
_MARK = STRICT_PORTION_MARK.pattern
# After a number a mark may be written in lower case ("2. (c)"); alone at a line start "(c)"
# is a list item, so there it must be upper case.
_ANY_CASE_MARK = f"(?i:{_MARK})"
# "2 . (U)": a blank before the number's full stop, where a mark follows.
_NUMBER = r"¶ ?\d{1,3}\.?|\d{1,3}\.(?!\d)|\d{1,3} \.(?=[^\S\n]*\()"
# Sub-paragraph labels, numbers only when a mark follows: "A.", "b.", "(1)", "2)", "iv.".
_SUB = r"[A-Za-z]\.|[ivx]{2,5}\.|\(\d{1,2}\)|\d{1,2}\)"
# "11. (C) ...", "9.(C) ...", "¶1. ...", "(C) ..." (mark alone), "A. (S) ..." (lettered).
PARAGRAPH_START = lazy_compile(
    rf"[^\S\n]*(?:(?P<number>{_NUMBER}|(?:{_SUB})(?=[^\S\n]*{_ANY_CASE_MARK}))"
    rf"[^\S\n]*(?P<after>{_ANY_CASE_MARK})?|(?P<mark>{_MARK}))?"
)
# Every pattern that searches (rather than matches at a known place) starts with a literal
# newline: Python's regex engine then skips to candidates at C speed instead of trying each
# character, which is ten times faster on a typical body.
# One or more blank lines: paragraph boundaries.
_BLANKS_AFTER_BREAK = r"(?:[^\S\n]*\n)+"
_BLANK_LINES = lazy_compile(rf"\n{_BLANKS_AFTER_BREAK}")
# Inside a block, a line that might begin a new paragraph or be a ruler: checked one by one.
# Possessive: no alternative starts with a blank, and none needs fewer letters or digits
# than there are, so giving some back (five tries on every line of prose) never matches.
_INNER_AFTER_BREAK = (
    rf"[^\S\n]*+(?:[-=_*]{{3}}|¶|\d{{1,3}}+[.)]|\(\d|[A-Za-z]{{1,5}}+\.[^\S\n]*\(|{_MARK})"
)
_INNER_CANDIDATE = lazy_compile(rf"\n{_INNER_AFTER_BREAK}")
# Either that or a line break ``unwrap`` keeps (before an indented line or a list item, after
# a colon): one search over each block for both, as most blocks have neither.
_LOOK_CLOSER = lazy_compile(
    rf"\n(?:{COLON_BEFORE_BREAK}|{_INNER_AFTER_BREAK}|{KEPT_AFTER_BREAK})"
)
# What every line ``_LOOK_CLOSER`` finds starts with, told from its first characters: a blank,
# one of a few signs, a number and a full stop or a bracket, a letter label ("A. (C)", "b) "),
# or a bullet "o ". A line of prose has none ("and." after a line break is no label), and this
# search over a block costs half that one, whose many alternatives are tried at every line
# break.
_HINT_AFTER_BREAK = (
    rf"[^\S\n]|[-=_*¶•(]|\d\d{{0,2}}+[.)]"
    rf"|[A-Za-z](?:[.)][^\S\n]|[A-Za-z]{{0,4}}+\.[^\S\n]*\()|o[^\S\n]|{COLON_BEFORE_BREAK}"
)
_CLOSER_HINT = lazy_compile(rf"\n(?:{_HINT_AFTER_BREAK})")
# The blank lines between blocks (an empty group marks them) or that hint, in one scan of
# the body rather than one for the blanks and another of each block for the hint
# (``_blocks``: 1% of a cables.csv row's parse). No hint reaches past a line break, so each
# one found lies inside one block. This is tried at every line break: the blank lines
# (``_BLANKS_AFTER_BREAK``) are written as two alternatives, and the hint's number with its
# first digit apart, so that each alternative opens with one character (a line break, a
# blank, a digit), which the regex engine tests before it enters the alternative at all (7%
# fewer instructions for the scan of a cables.csv body than with an alternative that opens
# with a repeat). The group comes after that character: an alternative that opens with a
# group is entered at every line break whatever its first character (8% less time again).
_GAP_OR_HINT = lazy_compile(
    r"\n(?:\n()(?:[^\S\n]*\n)*|[^\S\n][^\S\n]*+\n()(?:[^\S\n]*\n)*"
    rf"|{_HINT_AFTER_BREAK})"
)
_ANCHOR = lazy_compile(r"(?m)^([^\S\n]*)¶[^\S\n]?(?=\d{1,3}\b|[A-Za-z][.)])")
_MARKED_LINE = lazy_compile(rf"[^\S\n]*(?:(?:{_NUMBER}|{_SUB})[^\S\n]*{_ANY_CASE_MARK}|{_MARK})")
_NUMBERED_LINE = lazy_compile(rf"[^\S\n]*(?:{_NUMBER})[^\S\n]+[A-Z\"'(]")
_RULER = lazy_compile(r"[^\S\n]*[-=_*~]{3,}[^\S\n]*\Z")
# Repeated banners of later sections ("C O N F I D E N T I A L SECTION 02 OF 03 ANKARA
# 000123") and the caption lines under them: page furniture, not text.
_S = "[ \t]*"
_SECTION_BANNER_LINE = lazy_compile(
    rf"\n[^\S\n]*(?:U{_S}N{_S}C{_S}L|C{_S}O{_S}N{_S}F|S{_S}E{_S}C{_S}R|T{_S}O{_S}P)"
    rf"[^\n]{{0,120}}?S{_S}E{_S}C{_S}T{_S}I{_S}O{_S}N[^\n]{{0,120}}(?=\n|\Z)"
)
_CAPTIONS = ("SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS", "LIMDIS", "STADIS")
_CAPTION_WORD = "(?:" + "|".join(_CAPTIONS) + ")"
_CAPTION_LINE = lazy_compile(
    rf"\n[^\S\n]*{_CAPTION_WORD}(?:[ \t,]+{_CAPTION_WORD}){{0,3}}[ \t,]*(?=\n|\Z)"
)
# A capital letter in brackets opening a line: the label of a lettered item, "(D) Do not".
_LETTER_LABEL = lazy_compile(r"\n[^\S\n]*\(([A-Z])\)[^\S\n]")
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "'", ")", "]")
_REDACTION = lazy_compile(r"X{4,}")
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"}


def may_start_paragraph(line: str) -> bool:
    """Whether ``line`` may open a paragraph (``PARAGRAPH_START`` with a number or a mark) or
    be a ``_MARKED_LINE`` or a ``_NUMBERED_LINE``: after its blanks, a number, an anchor, a
    bracket or a lettered label ("A.", "iv.") comes first. Told from two characters, as most
    lines are not: a regular expression call costs more than this whole test."""
    head = line.lstrip()[:2]
    first = head[:1]
    return bool(first) and (
        first in "¶(" or first.isdigit() or first in "ivx" or head[1:] == "."
    )


def _is_ruler(line: str) -> bool:
    """``_RULER.match(line)``, told at once for a line that starts otherwise."""
    return line.lstrip()[:1] in RULER_CHARS and _RULER.match(line) is not None


def split_paragraphs(body: str, sectioned: bool | None = None) -> tuple[list[Paragraph], bool]:
    """Paragraphs from the body text (everything after the subject and REF block), and
    whether the split stopped early.

    Past ``MAX_PARAGRAPHS`` paragraphs or ``MAX_BLOCKS`` blank-line-separated blocks the rest
    of the body is kept as written in the last paragraph: no real cable comes near, and it
    bounds the work a hostile file can cause. ``sectioned``: whether the body holds a SECTION
    word, when the caller knows (see ``Unpaged.sectioned``).
    """
    body = _drop_page_furniture(body, sectioned)
    if "¶" in body:
        # The web release's paragraph anchor, typed into a plain-text copy: "¶1." is
        # paragraph 1 and "¶B." item B, as on the page, where the anchor is a link.
        body = _ANCHOR.sub(r"\1", body)
    built = _Paragraphs()
    built.body = body
    for index, (start, end, hinted) in enumerate(_blocks(body)):
        block = body[start:end]
        if built.count >= MAX_PARAGRAPHS or index >= MAX_BLOCKS:
            built.keep_rest_whole(body[start:])
            return built.finish(), True
        if not block or block.isspace():
            continue
        if not hinted or _LOOK_CLOSER.search(block) is None:
            _add_piece(block, built, plain=True)
            continue
        # One piece more than the budget: the last holds the rest of an overlong block.
        budget = MAX_PARAGRAPHS - built.count + 1
        pieces = _split_block(block, budget) if _INNER_CANDIDATE.search(block) else (block,)
        for piece in pieces:
            _add_piece(piece, built)
    return built.finish(), built.count > MAX_PARAGRAPHS


def _blocks(body: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, hinted) of each block of ``body`` between blank lines (``_BLANK_LINES``),
    the last one up to its end; ``hinted``: ``_CLOSER_HINT`` finds a line in it."""
    start = 0
    hinted = False
    for match in _GAP_OR_HINT.finditer(body):
        if match.lastindex is None:
            hinted = True  # a line break inside the block, and its hint
            continue
        yield start, match.start(), hinted
        start, hinted = match.end(), False
    yield start, len(body), hinted


class _Paragraphs:
    """The paragraphs so far; the last one stays open, as a list of parts, so that blocks
    appended to it cost linear time however many there are."""

    def __init__(self) -> None:
        self.done: list[Paragraph] = []
        self.parts: list[str] = []
        # The same text with the cable's own line breaks, for output that keeps them.
        self.written: list[str] = []
        self.number: str | None = None
        self.marking: Marking | None = None
        self.is_heading = False
        self.open = False
        # The body, and the letters that label lettered items in it (see ``_item_letters``),
        # found when a bare mark first asks: most bodies have none.
        self.body = ""
        self._letters: frozenset[str] | None = None

    @property
    def count(self) -> int:
        return len(self.done) + self.open

    @property
    def letters(self) -> frozenset[str]:
        if self._letters is None:
            self._letters = _item_letters(self.body)
        return self._letters

    @property
    def last_text_end(self) -> str:
        """The last few characters of the open paragraph's text, blanks stripped."""
        for part in reversed(self.parts):
            if part.strip():
                return part.rstrip()[-3:]
        return ""

    def add(
        self, text: str, written: str, number=None, marking=None, is_heading: bool = False
    ) -> None:
        self._close()
        self.parts = [text] if text else []
        self.written = [written] if written else []
        self.number, self.marking, self.is_heading = number, marking, is_heading
        self.open = True

    def extend(self, joiner: str, text: str, written: str) -> None:
        self.parts.extend((joiner, text) if self.parts else (text,))
        self.written.extend(("\n\n", written) if self.written else (written,))

    def keep_rest_whole(self, rest: str) -> None:
        rest = rest.strip()
        if not rest:
            return
        if self.count > MAX_PARAGRAPHS or (self.open and not self.is_heading):
            self.extend("\n\n", rest, rest)
        else:
            self.add(rest, rest)

    def finish(self) -> list[Paragraph]:
        self._close()
        return self.done

    def _close(self) -> None:
        if self.open:
            text = "".join(self.parts)
            written = "".join(self.written)
            paragraph = Paragraph(
                text,
                self.number,
                self.marking,
                self.is_heading,
                None if written == text else written,
            )
            self.done.append(paragraph)
            self.open = False


def _drop_page_furniture(body: str, sectioned: bool | None = None) -> str:
    """Remove repeated section banners and caption lines (cheap ``in`` test first)."""
    has_section = sectioned if sectioned is not None else "SECTION" in body or "S E C T" in body
    body = "\n" + body  # so that the first line, too, follows a newline
    if has_section:
        body = _SECTION_BANNER_LINE.sub(_blank_if_section_banner, body)
    # Each match is a newline and its line: removing it removes the line, and makes no blank
    # line that would cut a paragraph in two.
    return _CAPTION_LINE.sub("", body)[1:]


def _blank_if_section_banner(match: re.Match[str]) -> str:
    banner = parse_banner(match.group()[1:])
    return "" if banner is not None and banner.section is not None else match.group()


def _add_piece(piece: str, built: _Paragraphs, plain: bool = False) -> None:
    """``plain``: no line of the piece but its first needs a closer look (``_LOOK_CLOSER``)."""
    match = PARAGRAPH_START.match(piece)
    number = match.group("number")
    mark_text = match.group("after") or match.group("mark")
    marking = _marking(mark_text) if mark_text else None
    if number is None and mark_text is not None and mark_text[1:-1] in built.letters:
        marking = None  # "(C) Close to the old town": item C of a lettered list
    if number is None and marking is None:
        _add_unnumbered(piece, built, plain)
        return
    rest = piece[match.end() :].lstrip()
    built.add(unwrap(rest, plain), _as_written(rest), number, marking)


def _item_letters(body: str) -> frozenset[str]:
    """The level codes C, S and U that label lettered items here rather than mark paragraphs.

    A bare ``(C)`` opening a line is read as a mark, but where the letters beside it in the
    alphabet open lines too ("(B) ...", "(D) ..."), it is one item of a lettered list or of
    the choices of a questionnaire: real marks come as C, S and U, never with their
    neighbours B, D, R, T or V.
    """
    if "(" not in body:
        return frozenset()
    labels = set(_LETTER_LABEL.findall("\n" + body))
    return frozenset(
        code
        for code in "CSU"
        if code in labels and (chr(ord(code) - 1) in labels or chr(ord(code) + 1) in labels)
    )


def _as_written(piece: str) -> str:
    """A piece with its lines as the cable has them, blank lines at either end taken off
    (the blanks that end its lines go at output: see ``Paragraph.as_written``)."""
    return piece.strip() if "\n" not in piece else piece.strip("\n")


@lru_cache(maxsize=512)
def _marking(written: str) -> Marking | None:
    """The marking of a mark as written; ``(c)`` reads as ``(C)`` but keeps its spelling.

    Cached: a body's marks are a handful of spellings ("(C)", "(SBU)") over and over, and a
    Marking is frozen, so one object may stand in every paragraph that has it."""
    if written == written.upper():
        return parse_portion_mark(written)
    marking = parse_portion_mark(written.upper())
    return replace(marking, text=written) if marking is not None else None


def _add_unnumbered(piece: str, built: _Paragraphs, plain: bool = False) -> None:
    """A block with no number or mark: a heading, a continuation, or a plain paragraph."""
    if len(piece) <= 400:
        lines = [line.strip() for line in piece.strip().split("\n")]
        if _is_heading(lines):
            built.add("\n".join(lines), _as_written(piece), is_heading=True)
            return
    text = unwrap(piece.strip(), plain)
    written = _as_written(piece)
    if not built.open or built.is_heading:
        built.add(text, written)
        return
    ended = built.last_text_end.endswith(_SENTENCE_ENDS)
    if not ended and text[:1].islower():
        built.extend(" ", text, written)  # a blank line in mid-sentence, seen in real cables
    elif built.number is not None or built.marking is not None:
        built.extend("\n\n", text, written)  # a second block of a numbered paragraph
    else:
        built.add(text, written)  # plain paragraphs of an unnumbered cable stay apart


def _is_heading(lines: list[str]) -> bool:
    """A short title line (``Money Drying Up``), alone or between rulers, or a ruler alone."""
    if len(lines) > 3:
        return False
    words = [line for line in lines if not _is_ruler(line)]
    if not words:
        return True  # a ruler on its own
    if len(words) > 1:
        return False
    title = words[0].rstrip("-=_*~ \t")
    if not 0 < len(title) <= 60 or (title[0] == "X" and _REDACTION.fullmatch(title)):
        return False
    if not (title[0].isupper() or title[0].isdigit()):
        return False
    if title.endswith(":"):
        # "Comment:" and "Next Steps:" are titles; "He said:" opens a quotation.
        return all(w[0].isupper() or w in _SMALL_WORDS for w in title[:-1].split()[:6])
    return not title.endswith((".", ",", ";"))


def _split_block(block: str, budget: int) -> list[str]:
    """Cut a block where a line starts a paragraph or a ruler frames a heading.

    At most ``budget`` pieces: the last one keeps the rest of the block.
    """
    lines = block.split("\n")
    pieces: list[list[str]] = []
    current: list[str] = []
    for number, line in enumerate(lines):
        if len(pieces) >= budget - 1:
            current.extend(lines[number:])
            break
        if current and _starts_new_piece(line, current):
            pieces.append(current)
            current = []
        current.append(line)
        if _is_ruler(line) and _closes_heading(current):
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    # A blank line left after a ruler (the block's trailing newline) is no paragraph.
    return ["\n".join(piece) for piece in pieces if any(line.strip() for line in piece)]


def _starts_new_piece(line: str, current: list[str]) -> bool:
    numbered = may_start_paragraph(line)  # else neither marked nor numbered
    if numbered and _MARKED_LINE.match(line):
        return True
    previous = current[-1].strip()
    if _is_ruler(line):
        # A ruler after prose opens a heading; after a title it underlines it.
        return not _is_heading([s.strip() for s in current])
    if all(_is_ruler(s) for s in current):
        # After a lone ruler, anything but a title starts a new piece.
        return not _is_heading([line.strip()])
    if numbered and _NUMBERED_LINE.match(line):
        if not previous or previous.endswith(_SENTENCE_ENDS):
            return True
        # After a title line; but a paragraph's own first line is no title ("1. (C) The vote
        # was lost by" / "12. Nobody expected it.").
        opens = len(current) == 1 and (
            may_start_paragraph(previous)
            and (_NUMBERED_LINE.match(previous) or _MARKED_LINE.match(previous))
        )
        return not opens and _is_heading([previous])
    return False


def _closes_heading(current: list[str]) -> bool:
    """True when ``current`` is a title framed by rulers (or underlined) and is complete."""
    titled = [s for s in current if s.strip() and not _is_ruler(s)]
    return bool(titled) and _is_heading([s.strip() for s in current])


def marking_of(paragraphs: list[Paragraph]) -> Marking | None:
    """The highest portion marking among the paragraphs (used when there is no banner)."""
    marks = [p.marking for p in paragraphs if p.marking is not None]
    return max(marks, key=lambda m: m.level) if marks else None
