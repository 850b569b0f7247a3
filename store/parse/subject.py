"""The SUBJECT line's value: the subject, and the portion mark it may start with."""

from __future__ import annotations

from store.model import Marking
from store.parse.lazy_pattern import lazy_compile
from store.parse.markings import parse_portion_mark
from store.parse.paragraphs import PARAGRAPH_START

# The page header of a flattened page run onto the subject: "... THE HAGUE 00001001 001.2 OF
# 002"; the station's words come before the serial.
_PAGE_HEADER = lazy_compile(r"\s\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b")


def split_subject(
    value: str | None, station: str | None = None
) -> tuple[str | None, Marking | None]:
    """The subject and its portion mark. ``station`` (the banner's) helps to cut a page
    header that a flattened page ran onto the subject."""
    if not value:
        return None, None
    value = " ".join(value.split())
    page_header = _PAGE_HEADER.search(value)
    if page_header is not None:
        value = _without_station(value[: page_header.start()], station)
    match = PARAGRAPH_START.match(value)
    if match.group("mark") and not match.group("number"):
        marking = parse_portion_mark(match.group("mark"))
        if marking is not None:
            return value[match.end() :].strip() or None, marking
    return value or None, None


def _without_station(text: str, station: str | None) -> str:
    squeezed = (station or "").replace(" ", "").upper()
    words = text.split()
    for count in (3, 2, 1):
        if squeezed and "".join(words[-count:]).upper() == squeezed:
            return " ".join(words[:-count])
    return " ".join(words[:-1])  # the station as the page printed it: one word most often
