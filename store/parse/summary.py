"""The summary: the text between ``Summary:`` and ``End Summary``."""

from __future__ import annotations

import re

from store.model import Paragraph

_SUMMARY_START = re.compile(
    r"[ \t]*(?:(?:Begin|Start)[ \t]+(?:of[ \t]+)?)?Summary(?:[ \t]+and[ \t]+(?:Comments?|"
    r"Action[ \t]+Requests?|Recommendations?))?[ \t]*(?:[:.]+|-+)[ \t]*",
    re.IGNORECASE,
)


_SUMMARY_END = re.compile(r"\(?\bEnd[ \t]+(?:of[ \t]+)?Summary\b", re.IGNORECASE)


# How many paragraphs a summary may open in, and run over before its End Summary.
_SUMMARY_OPENS_WITHIN = 12


_SUMMARY_RUNS_OVER = 6


_WHITESPACE = re.compile(r"\s+")


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
    return None


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
        end = _SUMMARY_END.search(text)
        if end is not None:
            pieces.append(text[: end.start()])
            return _join_summary(pieces)
        pieces.append(text)
    return _join_summary(pieces[:1])


def _join_summary(pieces: list[str]) -> str | None:
    texts = [_WHITESPACE.sub(" ", piece).strip(" (") for piece in pieces]
    return "\n\n".join(t for t in texts if t) or None
