"""The transmission header: VZCZC line, precedence, DTG, FM / TO / INFO.

It sits above the classification banner in a complete telegram; partial extracts lack it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

_MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}  # fmt: skip
_PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

# "R 120508Z JAN 06", "O P 021200Z DEC 09", "P 310930Z OCT 2007"
_DTG_LINE = re.compile(
    r"\s*(?P<prec>[ZOPR](?:\s+[ZOPR])?)\s+(?P<dtg>(?P<day>\d{2})(?P<hh>\d{2})(?P<mm>\d{2})Z\s+"
    r"(?P<mon>[A-Z]{3})\s+(?P<year>\d{2}|\d{4}))\s*\Z"
)
_ROUTING = re.compile(r"^\s*[A-Z]{4,8}/")
# Trailing delivery words on an addressee line: "PRIORITY 1234", "IMMEDIATE", a serial.
_TRAILER = re.compile(r"(?:\s+(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE|NIACT))*(?:\s+\d{1,6})?\s*\Z")


@dataclass
class Transmission:
    transmission_id: str | None = None
    precedence: str | None = None
    dtg: str | None = None
    sent: datetime | None = None
    sender: str | None = None
    to: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)


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


def _addressee(line: str) -> str | None:
    name = _ROUTING.sub("", line.strip())
    name = _TRAILER.sub("", name).strip(" ,")
    return name or None


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
        if upper.startswith("VZCZC") and result.transmission_id is None:
            result.transmission_id = line.split()[0]
            continue
        dtg = _DTG_LINE.match(upper)
        if dtg and result.dtg is None:
            result.dtg = dtg.group("dtg")
            result.precedence = _PRECEDENCE.get(dtg.group("prec").split()[0])
            result.sent = parse_dtg(
                int(dtg.group("day")), int(dtg.group("hh")), int(dtg.group("mm")),
                dtg.group("mon"), dtg.group("year"),
            )  # fmt: skip
            continue
        if upper.startswith("FM "):
            result.sender = _addressee(line[3:])
            section = None
        elif upper.startswith("TO "):
            section = result.to
            line = line[3:]
        elif upper.startswith("INFO "):
            section = result.info
            line = line[5:]
        elif upper in ("BT", "NNNN") or upper.startswith(("ZEN/", "ZFR")):
            section = None
            continue
        if section is not None:
            name = _addressee(line)
            if name:
                section.append(name)
    return result


def origin_from_sender(sender: str | None) -> str | None:
    """``AMEMBASSY ALMATY`` -> ``Embassy Almaty``, the catalogue's way of naming origins."""
    if not sender:
        return None
    words = sender.split()
    if sender.upper().startswith("SECSTATE"):
        return "Secretary of State"
    kinds = {"AMEMBASSY": "Embassy", "AMCONSUL": "Consulate", "USMISSION": "Mission"}
    kind = kinds.get(words[0].upper())
    if kind and len(words) > 1:
        return " ".join([kind, *(w.title() if len(w) > 4 else w for w in words[1:])])
    return sender
