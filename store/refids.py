"""Reference IDs: the canonical form, repairs of malformed ones, and REF-block items.

Canonical form is two-digit year + station + serial without zero padding (``06ALMATY79``).
When the year is unknown the ID keeps what is known (``ALMATY2558``).
"""

from __future__ import annotations

import re

_ID = re.compile(r"(?P<year>\d{2})?(?P<station>[A-Z][A-Z0-9]*?[A-Z])0*(?P<serial>\d{1,7})")
# A banner's SECTION words glued into the ID by the old tooling: 08ECTION01OF02MANAMA492.
_SECTION_GLUE = re.compile(r"(?P<year>\d{2})S?ECTION\d+OF\d+(?P<rest>[A-Z].*)")


def canonical_id(text: str) -> str | None:
    """``06 ALMATY 000079`` -> ``06ALMATY79``; None when the text is no reference ID."""
    squeezed = re.sub(r"[\s_.-]+", "", text).upper()
    glued = _SECTION_GLUE.fullmatch(squeezed)
    if glued:
        squeezed = glued.group("year") + glued.group("rest")
    match = _ID.fullmatch(squeezed)
    if match is None:
        return None
    return f"{match.group('year') or ''}{match.group('station')}{int(match.group('serial'))}"


def make_id(year: int | None, station: str, serial: int) -> str:
    prefix = f"{year % 100:02d}" if year is not None else ""
    return f"{prefix}{station.upper()}{serial}"


# Words that show a REF item is a meeting, e-mail or phone call, not a cable.
_NOT_CABLES = {
    "EMAIL", "E-MAIL", "MAIL", "TELCON", "MEMCON", "FAX", "LETTER", "PHONE", "CALL",
    "MEETING", "NOTE", "CONVERSATION", "DIPNOTE", "OF", "FROM", "TO", "THE", "AND", "DATED",
    "ON", "IN", "AT", "BY", "WEB", "SITE", "REPORT", "ARTICLE", "JANUARY", "FEBRUARY",
    "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER",
    "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT",
    "NOV", "DEC", "PARA", "PARAS", "PARAGRAPH", "SECTION", "TAB", "PAGE", "AND",
}  # fmt: skip

# One item: optional 2-digit year, a station of one to three words, a serial.
_REF_ITEM = re.compile(
    r"(?<![A-Z0-9])(?:(?P<year>\d{2})\s*)?(?P<station>[A-Z][A-Z]+(?:\s[A-Z][A-Z]+){0,2})"
    r"\s*(?P<serial>\d{1,7})(?![0-9A-Z/])",
)
# Splits a REF block into items at "A.", "B)", "(C)" letter labels.
_ITEM_LABEL = re.compile(r"(?:^|[\s;,])\(?[A-Z]\s?[.)](?=\s)")


def parse_references(block: str, own_year: int | None, own_id: str | None) -> list[str]:
    """The cable IDs cited in a REF block, canonical, in order, without repeats or self.

    ``A. 06 TBILISI 619`` -> ``06TBILISI619``; an item without a year takes ``own_year``.
    Items that name an e-mail, telcon or meeting are not cables and are left out.
    """
    found: list[str] = []
    pieces = _ITEM_LABEL.split(block.upper()) if block else []
    for piece in pieces:
        for match in _REF_ITEM.finditer(piece):
            words = match.group("station").split()
            if any(word in _NOT_CABLES for word in words):
                continue
            context = piece[max(0, match.start() - 12) : match.end() + 12]
            if any(word in context for word in ("EMAIL", "E-MAIL", "TELCON", "MEMCON")):
                continue
            year = match.group("year")
            year_num = int(year) if year else own_year
            ref = make_id(year_num, "".join(words), int(match.group("serial")))
            if ref != own_id and ref not in found:
                found.append(ref)
    return found
