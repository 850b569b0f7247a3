"""Reference IDs: the canonical form, repairs of malformed ones, and REF-block items.

Canonical form is two-digit year + station + serial without zero padding (``06ALMATY79``).
When the year is unknown the ID keeps what is known (``ALMATY2558``).
"""

from __future__ import annotations

import re

_ID = re.compile(r"(?P<year>\d{2})?(?P<station>[A-Z]{2,40})0*(?P<serial>\d{1,7})")
# A banner's SECTION words glued into the ID by the old tooling: 08ECTION01OF02MANAMA492.
_SECTION_GLUE = re.compile(r"(?P<year>\d{2})S?ECTION\d{1,3}OF\d{1,3}(?P<rest>[A-Z].*)")
_SQUEEZE = re.compile(r"[\s_.-]+")
# "2006 ALMATY 79": a four-digit year where two are meant.
_LONG_YEAR = re.compile(r"(?:19|20)(?=\d{2}[A-Z])")


def canonical_id(text: str) -> str | None:
    """``06 ALMATY 000079`` -> ``06ALMATY79``; None when the text is no reference ID."""
    if not text or len(text) > 80:
        return None
    squeezed = _SQUEEZE.sub("", text).upper()
    glued = _SECTION_GLUE.fullmatch(squeezed)
    if glued:
        squeezed = glued.group("year") + glued.group("rest")
    elif _LONG_YEAR.match(squeezed):
        squeezed = squeezed[2:]
    match = _ID.fullmatch(squeezed)
    if match is None:
        return None
    return f"{match.group('year') or ''}{match.group('station')}{int(match.group('serial'))}"


def make_id(year: int | None, station: str, serial: int) -> str:
    prefix = f"{year % 100:02d}" if year is not None else ""
    return f"{prefix}{station.upper()}{serial}"


# Words that show a REF item is a meeting, e-mail or phone call, not a cable.
_NOT_CABLES = {
    "EMAIL", "E-MAIL", "MAIL", "TELCON", "TELCONS", "MEMCON", "FAX", "LETTER", "PHONE",
    "CALL", "MEETING", "NOTE", "CONVERSATION", "DIPNOTE", "WEB", "SITE", "REPORT", "ARTICLE",
    "JANUARY",
    "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
    "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT",
    "OCT", "NOV", "DEC", "PARA", "PARAS", "PARAGRAPH", "SECTION", "TAB", "PAGE", "NO",
    "NUMBER", "ITEM", "ANNEX", "VOL", "RES", "RESOLUTION", "UNSCR", "LAW",
    "DECREE", "ORDER", "CHAPTER", "ROOM", "EXT", "PL", "USC", "CFR",
}  # fmt: skip
# Small words that may sit inside a station's name (PORT OF SPAIN) but never start or end one.
_CONNECTIVES = {"OF", "FROM", "TO", "THE", "AND", "DATED", "ON", "IN", "AT", "BY"}
# Words near an item that show it is not a cable even when the station looks like one.
_NOT_CABLE_CONTEXT = ("EMAIL", "E-MAIL", "TELCON", "MEMCON", "@", "HTTP", "WWW.")
# The Department's cables are filed under STATE whatever the REF line calls the sender.
_STATION_ALIASES = {"SECSTATE": "STATE", "SECSTATEWASHDC": "STATE", "STATEWASHDC": "STATE"}

# One item: optional year (2 or 4 digits), a station of one to four words, a serial.
_REF_ITEM = re.compile(
    r"(?<![A-Z0-9/@.-])(?:(?:19|20)?(?P<year>\d{2})\s*)?"
    r"(?P<station>[A-Z][A-Z]+(?:[ \t][A-Z][A-Z]+){0,3})"
    r"[ \t]*(?P<serial>\d{1,7})(?![0-9A-Z/@:.]|\.\d)",
)
# Splits a REF block into items at "A.", "B)", "(C)" letter labels.
_ITEM_LABEL = re.compile(r"(?:^|[\s;,])\(?[A-Z]\s?[.)](?=\s)")
# Refs over this many characters are prose pasted into the REF line; read only the start.
_MAX_BLOCK = 4000


def parse_references(block: str, own_year: int | None, own_id: str | None) -> list[str]:
    """The cable IDs cited in a REF block, canonical, in order, without repeats or self.

    ``A. 06 TBILISI 619`` -> ``06TBILISI619``; an item without a year takes ``own_year``.
    Items that name an e-mail, telcon or meeting are not cables and are left out.
    """
    if not block:
        return []
    found: list[str] = []
    for piece in _ITEM_LABEL.split(block[:_MAX_BLOCK].upper()):
        for match in _REF_ITEM.finditer(piece):
            words = match.group("station").split()
            if any(word in _NOT_CABLES for word in words) or (
                words[0] in _CONNECTIVES or words[-1] in _CONNECTIVES
            ):
                continue
            context = piece[max(0, match.start() - 20) : match.end() + 20]
            if any(word in context for word in _NOT_CABLE_CONTEXT):
                continue
            station = "".join(words)
            if set(station) == {"X"}:
                continue  # a redacted name, not a station
            station = _STATION_ALIASES.get(station, station)
            year = match.group("year")
            year_num = int(year) if year else own_year
            ref = make_id(year_num, station, int(match.group("serial")))
            if ref != own_id and ref not in found:
                found.append(ref)
    return found
