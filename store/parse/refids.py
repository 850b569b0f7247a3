"""Reference IDs: the canonical form, repairs of malformed ones, and REF-block items.

Canonical form is two-digit year + station + serial without zero padding (``06ALMATY79``).
When the year is unknown the ID keeps what is known (``ALMATY2558``). Stations are the
station table's (``store/parse/stations.py``): spellings and small typos map to them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.parse.lazy_pattern import lazy_compile
from store.parse.stations import is_own_spelling, known_station, ref_station, station_of

_SQUEEZE = lazy_compile(r"[\s_.-]+")
# Digits here are ASCII only (re.ASCII): an ID names files and is typed in shells.
_ID_SHAPE = lazy_compile(r"(?P<year>\d{2})?(?P<rest>[A-Z].*)", re.ASCII)
# What follows the year: the station's letters (digits only inside a glued SECTION word),
# the serial, then perhaps junk letters the old tooling left after it.
_STATION_SERIAL = lazy_compile(
    r"(?P<station>[A-Z]{2,40})0*(?P<serial>\d{1,7})(?P<tail>[A-Z]{0,12})", re.ASCII
)
# A banner's SECTION words glued into the ID: 08ECTION01OF02MANAMA492, SECTION01GF02..., 0QF.
_SECTION_GLUE = lazy_compile(r"(?P<word>[A-Z]{3,9})\d{1,3}[0OQGF]{1,3}\d{1,3}(?=[A-Z])", re.ASCII)
# Markings and post words glued before the station: 08EFTOLONDON123, AMEMBASSYROME5.
_GLUED_WORDS = ("EFTO", "NOFORN", "SIPDIS", "AMEMBASSY", "AMCONSUL", "USMISSION", "CONFIDENTIAL")
# "2006 ALMATY 79": a four-digit year where two are meant.
_LONG_YEAR = lazy_compile(r"(?:19|20)(?=\d{2}[A-Z])", re.ASCII)
# An ID in its canonical form already, as a catalogue gives most: none of the repairs below
# can apply to it, and it is its own canonical form when its station is a table spelling.
_CANONICAL = lazy_compile(r"\d\d(?P<station>[A-Z]{2,40})[1-9]\d{0,6}", re.ASCII)


@lru_cache(maxsize=1 << 16)  # a corpus cites the same IDs over and over
def canonical_id(text: str) -> str | None:
    """``06 ALMATY 000079`` -> ``06ALMATY79``; None when the text is no reference ID.

    Garbled catalogue IDs are repaired: ``07ECTION01OF02KABUL455`` -> ``07KABUL455``,
    ``09SECTION02OF03QUITQ318`` -> ``09QUITO318`` (a misspelt station matched to the table).
    """
    if not text or len(text) > 80:
        return None
    plain = _CANONICAL.fullmatch(text)
    if plain is not None and is_own_spelling(plain.group("station")):
        return text  # one regex call rather than the five of the long way
    squeezed = _SQUEEZE.sub("", text).upper()
    if _LONG_YEAR.match(squeezed):
        squeezed = squeezed[2:]
    shape = _ID_SHAPE.fullmatch(squeezed)
    if shape is None:
        return None
    rest = shape.group("rest")
    glued = _SECTION_GLUE.match(rest)
    if glued and _near_section(glued.group("word")):
        rest = rest[glued.end() :]
    match = _STATION_SERIAL.fullmatch(rest)
    if match is None:
        return None
    station = _repair_station(match.group("station"))
    return f"{shape.group('year') or ''}{station}{int(match.group('serial'))}"


def _near_section(word: str) -> bool:
    """``SECTION``, ``ECTION``, ``SCTION``, ``SETION``: the banner word, typed or cut."""
    return word.endswith(("ION", "TON", "TIN")) or word in ("SECTIO", "SECTI")


def _repair_station(station: str) -> str:
    known = known_station(station)
    if known:
        return known
    for word in _GLUED_WORDS:
        if station.startswith(word) and len(station) > len(word) + 1:
            inner = station[len(word) :]
            return known_station(inner) or station_of(inner) or inner
    return station_of(station) or station


def page_id_alias(given: str | None, cable_id: str) -> tuple[str, ...]:
    """The catalogue's own ID when it is not the canonical one (``07ECTION01OF02KABUL455``)."""
    if not given:
        return ()
    written = _SQUEEZE.sub("", given).upper()
    if not written or written == cable_id or canonical_id(written) is None:
        return ()
    return (written,) if _letters(written) != _letters(cable_id) else ()


_DIGITS = lazy_compile(r"\d+")


def _letters(ident: str) -> str:
    return _DIGITS.sub(lambda m: str(int(m.group())), ident)


def make_id(year: int | None, station: str, serial: int) -> str:
    prefix = f"{year % 100:02d}" if year is not None else ""
    return f"{prefix}{station.upper()}{serial}"


# Words that show a REF item is a meeting, e-mail, report or phone call, not a cable.
_NOT_CABLES = {
    "EMAIL", "E-MAIL", "EMAILS", "MAIL", "TELCON", "TELCONS", "TELECON", "MEMCON", "FAX",
    "LETTER", "PHONE", "CALL", "MEETING", "NOTE", "CONVERSATION", "DIPNOTE", "WEB", "SITE",
    "REPORT", "ARTICLE", "IIR", "TD", "TDX", "OSC", "FBIS", "DAILY", "POINTS", "JANUARY",
    "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
    "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT",
    "OCT", "NOV", "DEC", "PARA", "PARAS", "PARAGRAPH", "SECTION", "TAB", "PAGE", "NO",
    "NUMBER", "ITEM", "ANNEX", "VOL", "RES", "RESOLUTION", "UNSCR", "LAW",
    "DECREE", "ORDER", "CHAPTER", "ROOM", "EXT", "PL", "USC", "CFR", "DSCG",
}  # fmt: skip
# Words near an item that show it is not a cable even when the station looks like one.
_NOT_CABLE_CONTEXT = ("EMAIL", "E-MAIL", "TELCON", "MEMCON", "@", "HTTP", "WWW.")

# One item: optional year (2 or 4 digits, bare, in brackets or hyphened: ``10-OTTAWA-57``;
# ``O4`` with a letter O, ``094`` with a stray digit), a station of one to five words (a ``0``
# typed for ``O`` inside or at the end of a word), perhaps the year in brackets, a serial
# (``#3565``, ``O1512``), and optionally a year after it: ``(08)``, ``(2008)``, ``-91``, ``/08``.
_WORD = r"[A-Z](?:[A-Z']|-(?=[A-Z])|0(?=[A-Z])|0(?=[ \t]+\d))+"
_REF_ITEM = lazy_compile(
    r"(?<![A-Z0-9/@.-])(?:\(?(?:19|20)?(?P<year>\d{2}|O\d|0\d{2})\)?(?:[ \t]+|-)?)?"
    rf"(?P<station>{_WORD}(?:[ \t]+{_WORD}){{0,4}})"
    r"(?:[ \t]*\((?:(?:19|20)?(?P<year_mid>\d{2})|[CSU])\))?"
    r"(?:[ \t]*|-)#?(?:O(?=\d))?0*(?P<serial>\d{1,7})"
    r"(?:[ \t]*\((?:19|20)?(?P<year_in>\d{2})\)|[-/](?P<year_after>\d{2})(?![\d/-]))?"
    r"(?![0-9A-Z@]|[.:]\d|/\d{1,2}/)",
    re.ASCII,
)
# A serial alone after an item, the same station's: "877 AND 880", "936/935", "33, 53".
_MORE = lazy_compile(
    r"[ \t]*(?:,|&|/|AND)[ \t]*(?P<serial>0*\d{1,7})(?![0-9A-Z@]|[.:-]\d)", re.ASCII
)
_NEXT_WORD = lazy_compile(r"[ \t]+([A-Z]{2,})")
# Splits a REF block into items at "A.", "B)", "(C)", "D:" letter labels.
_ITEM_LABEL = lazy_compile(r"(?:^|[\s;,])\(?[A-Z]\s?[.):](?=\s)")
# A label glued to what is around it: "14201B. GENEVA", "A.BOGOTA", "¶B.".
_GLUED_LABEL = lazy_compile(r"(?<=\d)(?=[A-Z][.)]\s)|(?<![A-Z])(?<=[A-Z][.)])(?=[A-Z]{2})")
# Where a REF block that ran on ends: the first paragraph, Classified By, a summary.
_BLOCK_END = lazy_compile(
    r"(?:^|\s)1\.\s*\([A-Z/]+\)|CLASSIFIED\s+BY|\bSUMMARY\b|SENSITIVE BUT UNCLASSIFIED"
)
# Page headers a REF block runs across: "TRIPOLI 00000402 001.2 OF 003" (perhaps flattened,
# perhaps wrapped) and "PAGE 02 ROME 01196 01 OF 02 082030Z". Never items.
_PAGE_HEADER = lazy_compile(
    r"\b[A-Z][A-Z .'-]{1,30}?\s0*\d{3,8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b"
    r"|\bPAGE\s+\d{1,3}\s+[A-Z][A-Z .'-]{1,30}?\s+\d{3,8}(?:\s+\d{2}\s+OF\s+\d{2})?\s+\d{6}Z"
)
# Refs over this many characters are prose pasted into the REF line; read only the start.
_MAX_BLOCK = 4000


# A line that goes on with REF items: perhaps a dash or a letter label ("(C)", "B."), perhaps a
# year, a station's name and a serial. "(C) SAO PAULO 260" is item C, not a paragraph marked
# CONFIDENTIAL.
_ITEM_LINE = lazy_compile(
    r"[ \t]*[-\u00b6]?[ \t]*(?:\(?[ ]?[A-Z][ ]?[.):]\)?[ \t]*)?(?:\(?(?:19|20)?\d{2}\)?[ \t]+)?"
    r"(?P<station>[A-Za-z][A-Za-z.' -]{1,30}?)[ \t]+#?0*\d{1,7}\b"
)


def continues_refs(line: str) -> bool:
    """Whether ``line`` (inside a REF block, perhaps after a blank line) holds more items."""
    # Blanks taken off first: the pattern's two blank runs at its start split a long run
    # of blanks every way (quadratic); taking them off changes no match and no station.
    match = _ITEM_LINE.match(line.lstrip(" \t"))
    return match is not None and ref_station(match.group("station")) is not None


def parse_references(block: str, own_year: int | None, own_id: str | None) -> list[str]:
    """The cable IDs cited in a REF block, canonical, in order, without repeats or self.

    ``A. 06 TBILISI 619`` -> ``06TBILISI619``; an item without a year takes ``own_year``.
    Items that name an e-mail, telcon, meeting or intelligence report are not cables.
    """
    if not block:
        return []
    text = block[:_MAX_BLOCK].upper().replace("¶", " ")
    end = _BLOCK_END.search(text)
    if end:
        text = text[: end.start()]
    text = _PAGE_HEADER.sub(" ", _GLUED_LABEL.sub(" ", text))
    found: list[str] = []
    own_station = _own_station(own_id)
    for piece in _ITEM_LABEL.split(text):
        for ref in _piece_refs(piece, own_year) or _bare_item(piece, own_year, own_station):
            if ref != own_id and ref not in found:
                found.append(ref)
    return found


def _own_station(own_id: str | None) -> str | None:
    shape = _ID_SHAPE.fullmatch(own_id or "")
    match = _STATION_SERIAL.fullmatch(shape.group("rest")) if shape else None
    return match.group("station") if match else None


# An item of a serial alone ("A) 6307": the cable's own station), or of the serial before
# the station ("870 ULAANBAATAR").
_SERIAL_ONLY = lazy_compile(r"[\s:-]*0*(?P<serial>\d{3,7})[\s,;.]*")
_SERIAL_FIRST = lazy_compile(
    r"[\s:-]*(?:(?:19|20)?(?P<year>\d{2})[ \t]+)?0*(?P<serial>\d{2,7})[ \t]+"
    r"(?P<station>[A-Z][A-Z' .-]{1,30}?)[\s,;.]*"
)


def _bare_item(piece: str, own_year: int | None, own_station: str | None) -> list[str]:
    if own_station and (alone := _SERIAL_ONLY.fullmatch(piece)):
        return [make_id(own_year, own_station, int(alone.group("serial")))]
    first = _SERIAL_FIRST.fullmatch(piece)
    station = ref_station(first.group("station")) if first else None
    if first is None or station is None:
        return []
    year = int(first.group("year")) if first.group("year") else own_year
    return [make_id(year, station, int(first.group("serial")))]


def _item_year(text: str | None, own_year: int | None) -> int | None:
    """A year as written before or after a serial: ``08``, ``O8`` (letter O), ``094``."""
    if not text:
        return own_year
    text = text.replace("O", "0")
    if len(text) == 2:
        return int(text)
    # "094": one digit too many; of the two readings the latest not after the cable's own.
    readings = [int(text[:2]), int(text[1:])]
    if own_year is not None:
        own = own_year % 100
        # The readings as years since 1950, so that 94 (1994) comes before 09 (2009).
        fitting = [y for y in readings if (y - 50) % 100 <= (own - 50) % 100]
        readings = fitting or readings
    return max(readings, key=lambda y: (y - 50) % 100)


def _piece_refs(piece: str, own_year: int | None) -> list[str]:
    refs: list[str] = []
    position = 0
    # Searched by hand, not finditer: after a candidate that is no cable ("AND 08") the next
    # search starts inside it, where a real item may begin ("08 ALGIERS 75").
    while match := _REF_ITEM.search(piece, position):
        position = match.start() + 1
        words = match.group("station").replace("0", "O").split()
        if any(word in _NOT_CABLES for word in words) and ref_station(" ".join(words)) is None:
            continue  # "JAN" is a month, but "RIO DE JAN" a station
        context = _same_item(piece, match.start(), match.end())
        if any(word in context for word in _NOT_CABLE_CONTEXT):
            continue
        serial = int(match.group("serial"))
        if match.group("year_after") and serial <= 12:
            continue  # "ROME 5/16": a day and month, not a serial and year
        year_text = (
            match.group("year")
            or match.group("year_mid")
            or match.group("year_in")
            or match.group("year_after")
        )
        station = _station_in(words)
        if station is None and not piece[: match.start()].strip():
            station = _unknown_station(words, match.group("serial"), year_text)
        if station is None:
            continue
        year = _item_year(year_text, own_year)
        refs.append(make_id(year, station, serial))
        more, position = _more_serials(piece, match.end())
        refs.extend(make_id(year, station, serial) for serial in more)
    return refs


def _same_item(piece: str, start: int, end: int) -> str:
    """The text around a candidate, within its item: items a semicolon parts are looked at
    apart, so that an e-mail item does not drop the cables beside it."""
    left = piece.rfind(";", max(0, start - 20), start)
    right = piece.find(";", end, end + 20)
    return piece[max(0, start - 20) if left < 0 else left : end + 20 if right < 0 else right]


def _station_in(words: list[str]) -> str | None:
    """The station the last words name (``AND THE HAGUE`` -> THEHAGUE), or None."""
    for start in range(len(words)):
        station = ref_station(" ".join(words[start:]))
        if station:
            return station
    if set(words[-1]) == {"X"}:
        return None  # a redacted name, not a station
    return station_of(words[-1]) if len(words[-1]) >= 5 else None


def _unknown_station(words: list[str], serial: str, year: str | None) -> str | None:
    """A station the table lacks, kept when it alone opens an item: ``A. 06 TESTPOST 1``.

    Runs of words (``APPROXIMATELY USD 19``), a word before a year (``FALL 2008``) or before
    a small bare number (``APPROXIMATELY 19``) are prose, not items.
    """
    if len(words) != 1 or len(words[0]) < 4 or set(words[0]) == {"X"} or "'" in words[0]:
        return None  # an apostrophe is prose ("D'ETAT"), and no ID may hold one
    if year is None and (len(serial.lstrip("0")) < 3 or 1950 <= int(serial) <= 2029):
        return None
    return words[0]


def _more_serials(piece: str, position: int) -> tuple[list[int], int]:
    serials: list[int] = []
    while more := _MORE.match(piece, position):
        if piece.startswith("/", more.end()) and len(more.group("serial").lstrip("0")) <= 2:
            break  # "5/16/08": a date
        following = _NEXT_WORD.match(piece, more.end())
        if following and len(more.group("serial")) == 2 and known_station(following.group(1)):
            break  # "... AND 08 ALGIERS 75": a year starting the next item
        serials.append(int(more.group("serial")))
        position = more.end()
    return serials, position
