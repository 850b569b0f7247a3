"""The transmission header: VZCZC line, precedence, DTG, FM / TO / INFO.

It sits above the classification banner in a complete telegram; partial extracts lack it.
"""

from __future__ import annotations

import re
from datetime import datetime

from store.parse.lazy_pattern import lazy_compile
from store.parse.stations import origin_of_sender

_MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

# "R 120508Z JAN 06", "O P 021200Z DEC 09", "P 310930Z OCT 2007"
# The precedence may be missing ("121036Z MAR 01" alone on a line of an old routing block), and
# other routing text may follow ("O 221108Z SEP 08 ZDK CTG #00514").
_DTG_LINE = lazy_compile(
    r"\s*(?:(?P<prec>[ZOPR](?:\s+[ZOPR])?)\s+)?(?P<dtg>(?P<day>\d{2})(?P<hh>\d{2})(?P<mm>\d{2})Z"
    r"\s+(?P<mon>[A-Z]{3})\s+(?P<year>\d{4}|\d{2}))(?![0-9A-Z])(?:\s+Z[A-Z0-9]{2,4})*"
    r"(?:\s+[A-Z#][A-Z0-9 #/-]{0,40})?\s*\Z"
)
# Header lines that end an addressee list: routing, station serial, security and XMT lines.
_NOT_ADDRESSEES = (
    "ZFR", "XMT ", "DE ", "ZNR ", "ZNY ", "VZCZC", "#", "---", "ACTION ",
)  # fmt: skip (banners end the list too: see _LIST_END_START)
_ROUTING = lazy_compile(r"[A-Z]{4,8}/")
# A page header repeated at a page break ("PAGE 02 STATE 023763 071504Z"): no addressee.
_PAGE_HEADER = lazy_compile(r"PAGE\s+\d{1,3}\b")
# Distribution office codes of old routing blocks ("INFO LOG-00 EUR-00 SS-00"), a ruler, or
# a DTG alone on its line ("121036Z MAR 01"): none is an addressee and each ends the list.
_ROUTING_LINE = lazy_compile(
    r"(?:[A-Z0-9]{1,8}-\d{2,3}\b[ \t]*)+\Z|[-=_ ]{5,}\Z|\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\Z"
)
# Lines where addressees stand that are none and end the list: a banner however spaced
# ("C O N F I D E N T I A L THE HAGUE", or cut by a line break: "C O N F I D E N T"), a
# caption, a label ("Cable dated:", "Class:"), and anywhere in the line a date, a DTG, a
# reference ID (a database row) or the release's notice.
_LIST_END_START = lazy_compile(
    r"(?:T ?O ?P ?)?(?:S ?E ?C ?R ?E ?T(?! ?SERVICE)|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L"
    r"|U ?N ?C ?L ?A ?S(?: ?S ?I ?F ?I ?E ?D)?|LIMITED OFFICIAL USE)(?![A-Z])"
    r"|(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS)\b|[CSU] [OEN] [NC] [FRL] "
    r"|[A-Z][A-Z ]{1,20}:(?!\S*/)",
    re.IGNORECASE,
)
_LIST_END_ANYWHERE = lazy_compile(
    r"(?<!\d)\d(?:\d{3}-\d\d-\d\d|\d?/\d{1,2}/\d{2,4}\b|\d{5}Z\b|\d[A-Z]{3,}\d{1,6}\b)"
    r"|artial extract|ARTIAL EXTRACT"
)
# Where a fragment's header ends: its first labelled field or numbered paragraph.
_FRAGMENT_END = lazy_compile(
    r"\s*(?:SUBJECT|TAGS|E\.\s?O\.|REF|CLASSIFIED BY|\d{1,2}\s?\.\s)", re.I
)
_FRAGMENT_LINES = 60
# Trailing delivery words on an addressee line: "PRIORITY 1234", "IMMEDIATE", a serial.
_DELIVERY_WORDS = {"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT"}


class Transmission:
    """The fields as ``parse_transmission`` fills them in, line by line."""

    __slots__ = ("dtg", "info", "precedence", "sender", "sent", "to", "transmission_id")

    def __init__(self) -> None:
        self.transmission_id: str | None = None
        self.precedence: str | None = None
        self.dtg: str | None = None
        self.sent: datetime | None = None
        self.sender: str | None = None
        self.to: list[str] = []
        self.info: list[str] = []


def parse_dtg(day: int, hour: int, minute: int, month: str, year: str) -> datetime | None:
    month_num = _MONTHS.get(month.upper())
    if month_num is None:
        return None
    full_year = int(year)
    if full_year < 100:
        full_year += 1900 if full_year >= 60 else 2000
    try:
        return datetime(full_year, month_num, day, hour, minute)
    except ValueError:
        return None


def _sent(dtg: re.Match[str]) -> datetime | None:
    return parse_dtg(
        int(dtg.group("day")), int(dtg.group("hh")), int(dtg.group("mm")),
        dtg.group("mon"), dtg.group("year"),
    )  # fmt: skip


def find_dtg(lines: list[str]) -> datetime | None:
    """The first DTG standing on a line of its own among ``lines``: a later section's header
    (``R 231340Z AUG 01`` above section 2) dates the cable as its first would."""
    for line in lines:
        stripped = line.strip()
        dtg = None
        if 12 <= len(stripped) <= 80 and stripped[0] in "ZOPR0123":
            dtg = _DTG_LINE.match(stripped.upper())
        if dtg is None and "FM " in line:
            dtg = _DTG_BEFORE_FM.search(line)
        if dtg is not None:
            sent = _sent(dtg)
            if sent is not None:
                return sent
    return None


# A flattened routing block: the DTG inside a line, the FM line run on after it.
_DTG_BEFORE_FM = lazy_compile(
    r"(?<![A-Z0-9])[ZOPR](?:[ \t]+[ZOPR])?[ \t]+(?P<day>\d{2})(?P<hh>\d{2})(?P<mm>\d{2})Z[ \t]+"
    r"(?P<mon>[A-Z]{3})[ \t]+(?P<year>\d{4}|\d{2})[ \t]+FM[ \t]"
)


def _addressee(line: str, routing: re.Match[str] | None = None) -> str | None:
    """``RUEHC/SECSTATE WASHDC PRIORITY 1234`` -> ``SECSTATE WASHDC``; ``routing``: the
    routing indicator already matched on the stripped line."""
    line = line.strip()
    if routing is None:
        routing = _ROUTING.match(line)
    words = line[routing.end() :].split() if routing else line.split()
    if words and words[-1].isdigit() and len(words[-1]) <= 6:
        words.pop()  # the message's serial number for this addressee
    while words and words[-1].upper() in _DELIVERY_WORDS:
        words.pop()
    return " ".join(words).strip(" ,") or None


def first_sent(lines: list[str]) -> datetime | None:
    """``parse_transmission(lines).sent`` without reading the addressees: the time of the
    first DTG line (None if that one names no real date)."""
    for raw in lines:
        if len(raw) > 300:
            continue
        upper = raw.strip().upper()
        dtg = _dtg_line(upper) if upper else None
        if dtg:
            return _sent(dtg)
    return None


def _dtg_line(upper: str) -> re.Match[str] | None:
    """A non-empty line in capitals that is a DTG line (its first character told first)."""
    return _DTG_LINE.match(upper) if upper[0] in "ZOPR0123" else None


def parse_transmission(lines: list[str]) -> Transmission:
    """Read the transmission fields from the lines above the banner."""
    result = Transmission()
    section: list[str] | None = None
    for raw in lines:
        if len(raw) > 300:
            continue
        line = raw.strip()
        if not line:
            section = None
            continue
        upper = line.upper()
        sliced = False
        if upper.startswith("VZCZC") and result.transmission_id is None:
            result.transmission_id = line.split()[0]
            continue
        dtg = _dtg_line(upper) if result.dtg is None else None
        if dtg:
            result.dtg = dtg.group("dtg")
            if dtg.group("prec"):
                result.precedence = _PRECEDENCE.get(dtg.group("prec").split()[0])
            result.sent = _sent(dtg)
            continue
        if upper.startswith("FM "):
            result.sender = _addressee(line[3:])
            section = None
        elif upper.startswith("TO "):
            section = result.to
            line, sliced = line[3:], True
        elif upper.startswith("INFO "):
            # Above FM, "INFO LOG-00 AF-00 ..." of an old routing block lists offices that
            # got copies, by distribution code: not addressees.
            section = result.info if result.sender or result.to else None
            line, sliced = line[5:], True
            if _ROUTING_LINE.match(line.strip().upper()):
                section = None  # an office distribution list, not addressees
                continue
        elif section is None:
            continue  # no list open: what ends or skips a line of one changes nothing
        elif upper.startswith("ZEN/"):
            continue  # an addressee the message was not sent to; the list goes on
        elif upper in ("BT", "NNNN") or upper.startswith(_NOT_ADDRESSEES):
            section = None
            continue
        elif _PAGE_HEADER.match(upper):
            continue  # a page break inside the list: the list goes on after it
        elif _ROUTING_LINE.match(upper):
            section = None
            continue
        if section is None:
            continue  # after FM, or an INFO above it
        stripped = line.strip()
        # (A line not cut after its TO or INFO was tested whole above.)
        if sliced and _PAGE_HEADER.match(stripped.upper()):
            continue  # "TO PAGE 02 STATE 015113 182333Z": the list goes on below it
        routing = _ROUTING.match(stripped)
        if routing is None and (
            _LIST_END_START.match(stripped) or _LIST_END_ANYWHERE.search(stripped)
        ):
            section = None
            continue
        name = _addressee(stripped, routing)
        if name:
            section.append(name)
    return result


def fragment_head(lines: list[str]) -> list[str]:
    """The lines of a fragment (no banner found) that may hold FM / TO / INFO.

    Up to its first labelled field or numbered paragraph, so that a sentence in the body
    that starts with "To" is never read as an addressee.
    """
    head: list[str] = []
    for line in lines[:_FRAGMENT_LINES]:
        if _FRAGMENT_END.match(line):
            break
        head.append(line)
    return head


# Sender kinds as the catalogue names them ("AMEMBASSY ALMATY" -> "Embassy Almaty").
_SENDER_KINDS = {
    "AMEMBASSY": "Embassy",
    "AMCONSUL": "Consulate",
    "USMISSION": "Mission",
    "USOFFICE": "US Office",
    "USINT": "US Interests Section",
}
# Words that stay in capitals inside an origin: missions and offices named by acronym.
_ACRONYMS = {
    "USNATO", "USEU", "USUN", "USOSCE", "UNVIE", "USTR", "USAID", "REO", "AIT", "NATO", "OSCE",
    "UN", "EU", "CDR", "AFB", "DC", "USCENTCOM", "USEUCOM", "USPACOM", "USSOCOM", "USDAO",
}  # fmt: skip


def origin_from_sender(sender: str | None) -> str | None:
    """``AMEMBASSY ALMATY`` -> ``Embassy Almaty``, the catalogue's way of naming origins."""
    if not sender:
        return None
    words = sender.split()
    if not words:
        return None
    from_table = origin_of_sender(sender)
    if from_table:
        return from_table
    if words[0].upper() in ("SECSTATE", "SECSTATEWASHDC") or sender.upper().startswith("SECSTATE"):
        return "Secretary of State"
    kind = _SENDER_KINDS.get(words[0].upper())
    names = [w if w.upper() in _ACRONYMS else w.title() for w in words[1:]]
    if kind and names:
        return " ".join([kind, *names])
    return " ".join(w if w.upper() in _ACRONYMS else w.title() for w in words)
