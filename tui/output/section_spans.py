"""Summary, Comment and Note sections of a cable's body: where they start and end.

Cables mark these asides in prose (``Summary:`` ... ``End Summary.``, ``Begin Comment``, a
heading that just says ``Comment``), often across paragraphs; the reader sets them off in
their own style. Finding them is a scan of its own, apart from building the blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style

from store.model import Paragraph

SECTION_STYLES = {
    "summary": Style(italic=True),
    "comment": Style(italic=True, color="cyan"),
    "note": Style(italic=True, color="magenta"),
}
SECTION_LABEL_STYLE = Style(bold=True)


def is_ruler(text: str) -> bool:
    """A line of dashes, equals signs and the like: a heading's ruler, not its words."""
    stripped = text.strip()
    return bool(stripped) and set(stripped) <= set("-=_*~ ")


def _heading_words(text: str) -> str:
    """A heading without its ruler lines and colon: ``Comment`` for ``----/Comment/----``."""
    words = " ".join(line for line in text.split("\n") if not is_ruler(line))
    return words.strip().rstrip(":").strip().lower()


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


def section_spans(
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
