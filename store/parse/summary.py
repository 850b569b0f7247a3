"""The summary: the text between ``Summary:`` and ``End Summary``.

When only ``End Summary`` marks it, the summary is the opening paragraph(s) up to that mark:
from a ``Summary`` heading or a paragraph that starts with the word, else from the first
numbered paragraph, else from the first paragraph.
"""

from __future__ import annotations

import re

from store.model import Paragraph
from store.parse.lazy_pattern import lazy_compile

_SUMMARY_START = lazy_compile(
    r"[ \t]*(?:(?:Begin|Start)[ \t]+(?:of[ \t]+)?)?Summary(?:[ \t]+and[ \t]+(?:Comments?|"
    r"Action[ \t]+Requests?|Recommendations?))?[ \t]*(?:[:.]+|-+)[ \t]*",
    re.IGNORECASE,
)


# "Summary and Introduction:", "(SBU) Summary:", "Summary/Action Request.", ". Summary:".
_LOOSE_START = lazy_compile(
    r"[ \t.]*(?:\([A-Za-z/]{1,12}\)[ \t]*)?(?:Begin[ \t]+)?Summary\b"
    r"(?:[ \t]*(?:and|/)[ \t]*\w+(?:[ \t]\w+)?)?[ \t]*"
    r"(?:\([A-Z/]{1,12}\)[ \t]*(?:[:.]+|-+)?|[:.]+|-+|(?=\n))[ \t]*",
    re.IGNORECASE,
)


# The white space other than a blank an ASCII text may hold.
_ASCII_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _one_blank(text: str) -> str:
    """``text`` with each run of white space one blank, none at either end."""
    if text.isascii() and "  " not in text and not any(c in text for c in _ASCII_SPACES):
        # Blanks alone, never two in a row (most summaries: the paragraph text is unwrapped):
        # only the ends can change, and splitting into words costs ten times the tests.
        return text.strip(" ")
    # Split and join: a regex sub makes a match object for every blank between two words,
    # ten times slower on a long summary.
    return " ".join(text.split())


# "End Summary", "END OF SUMMARY" in any case, its letters spelt out rather than IGNORECASE
# (which also lets "ſ" stand for "s"): a search can then skip to the first letter at C speed,
# three times faster. An opening bracket before it is taken by ``_summary_end``.
_SUMMARY_END = lazy_compile(
    r"[Ee](?<=\b[Ee])[Nn][Dd][ \t]+(?:[Oo][Ff][ \t]+)?[Ssſ][Uu][Mm][Mm][Aa][Rr][Yy]\b"
)


# How many paragraphs a summary may open in, and run over before its End Summary.
_SUMMARY_OPENS_WITHIN = 12


_SUMMARY_RUNS_OVER = 6


_ALNUM = lazy_compile(r"[^\W_]")


def find_summary(paragraphs: list[Paragraph]) -> str | None:
    """The text between ``Summary:`` and ``End Summary``, without the markers."""
    for index, paragraph in enumerate(paragraphs[:_SUMMARY_OPENS_WITHIN]):
        if paragraph.is_heading:
            words = " ".join(w for w in paragraph.text.split() if w.strip("-=_*~"))
            if words.rstrip(":").strip().lower() in ("summary", "begin summary"):
                return _summary_from(paragraphs, index + 1, 0)
            continue
        if "ummary" not in paragraph.text[:40] and "UMMARY" not in paragraph.text[:40]:
            continue
        start = _SUMMARY_START.match(paragraph.text)
        if start is not None:
            return _summary_from(paragraphs, index, start.end())
    return _summary_before_end(paragraphs)


def _summary_before_end(paragraphs: list[Paragraph]) -> str | None:
    """The opening paragraphs up to an ``End Summary`` that no ``Summary:`` opened."""
    reach = paragraphs[: _SUMMARY_OPENS_WITHIN + _SUMMARY_RUNS_OVER]
    end = next((i for i, p in enumerate(reach) if _ends_summary(p.text)), None)
    if end is None:
        return None
    first = _opening(paragraphs, end)
    offset = 0
    if first is None:
        return None
    lead = _LOOSE_START.match(paragraphs[first].text)
    if lead is not None:
        offset = lead.end()
    return _summary_from(paragraphs, first, offset)


def _ends_summary(text: str) -> bool:
    # A substring test first: the regex over every opening paragraph costs 6% of a parse.
    return ("ummary" in text or "UMMARY" in text) and _end_search(text) is not None


# What may stand between the start of an End Summary and the "ummary" of its last word.
_BEFORE_UMMARY = "EeNnDdOoFfSs \t"


def _end_search(text: str) -> re.Match[str] | None:
    """``_SUMMARY_END.search(text)``, which stops at every "e": started, in an ASCII text,
    at the run of the letters and blanks of "End of S" before the first "ummary" in any case
    (no End Summary starts above it, as its own "ummary" would come first or lie in that
    run), so that the search skips the summary's text above its end."""
    # Its letters in whatever case lower to this: a text without it has no End Summary.
    at = text.lower().find("ummary")
    if at < 0:
        return None
    if not text.isascii():  # (lower case may change lengths, and "ſ" stands for an "s")
        return _SUMMARY_END.search(text)
    return _SUMMARY_END.search(text, len(text[:at].rstrip(_BEFORE_UMMARY)))


def _summary_end(text: str) -> int | None:
    """Where the first End Summary starts, its opening bracket if it has one ("(End")."""
    match = _end_search(text)
    if match is None:
        return None
    start = match.start()
    return start - 1 if start and text[start - 1] == "(" else start


def _opening(paragraphs: list[Paragraph], end: int) -> int | None:
    """Where the summary ending in paragraph ``end`` starts."""
    for index in range(end, max(-1, end - _SUMMARY_RUNS_OVER), -1):
        paragraph = paragraphs[index]
        if paragraph.is_heading:
            return index + 1 if "summary" in paragraph.text.lower() and index < end else None
        if _LOOSE_START.match(paragraph.text):
            return index
    body = [i for i in range(end + 1) if not paragraphs[i].is_heading]
    numbered = [i for i in body if paragraphs[i].number]
    first = numbered[0] if numbered else (body[0] if body else None)
    if first is None or end - first >= _SUMMARY_RUNS_OVER:
        return None
    return first


def _summary_from(paragraphs: list[Paragraph], first: int, offset: int) -> str | None:
    """From ``paragraphs[first]`` (at ``offset``) to the End Summary within reach.

    With no End Summary in reach the summary is the opening paragraph alone.
    """
    last = min(len(paragraphs), first + _SUMMARY_RUNS_OVER)
    pieces: list[str] = []
    for index in range(first, last):
        paragraph = paragraphs[index]
        if paragraph.is_heading:
            break
        text = paragraph.text[offset:] if index == first else paragraph.text
        end = _summary_end(text)
        if end is not None:
            pieces.append(text[:end])
            return _join_summary(pieces)
        pieces.append(text)
    return _join_summary(pieces[:1])


def _join_summary(pieces: list[str]) -> str | None:
    texts = [_one_blank(piece).strip(" (") for piece in pieces]
    # A ruler under the "Summary" heading word is no text of the summary.
    return "\n\n".join(t for t in texts if _ALNUM.search(t)) or None
