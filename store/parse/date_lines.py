"""Dates written above a telegram by whoever printed it, for texts with no DTG.

Partial extracts and copied pages carry the date on a line of its own: the web release's
``Wednesday, 14 May 2003, 16:40``, ``Cable dated:2002-11-15T12:40:00``, or a database's
``3/10/2005 16:26``. Only the lines above the banner (or the first lines) are looked at, and
only a line that is the date alone (with its label), so that a date in a sentence is not read.
"""

from __future__ import annotations

import re
from datetime import datetime

from store.parse.lazy_pattern import lazy_compile

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("JAN", "JANUARY"), ("FEB", "FEBRUARY"), ("MAR", "MARCH"), ("APR", "APRIL"),
         ("MAY",), ("JUN", "JUNE"), ("JUL", "JULY"), ("AUG", "AUGUST"),
         ("SEP", "SEPT", "SEPTEMBER"), ("OCT", "OCTOBER"), ("NOV", "NOVEMBER"),
         ("DEC", "DECEMBER")),
        start=1,
    )
    for name in names
}  # fmt: skip
_LABEL = r"(?:(?:cable\s+)?dated|date|created|sent)\s*:?\s*"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?)?"
_FORMS = (
    # Wednesday, 14 May 2003, 16:40
    lazy_compile(
        rf"(?:{_LABEL})?{_WEEKDAY}(?P<d>\d{{1,2}})\s+(?P<mon>[A-Za-z]{{3,9}})\.?,?\s+"
        rf"(?P<y>\d{{4}}){_TIME}",
        re.IGNORECASE,
    ),
    # 2002-11-15T12:40:00, 2002-11-15 12:40
    lazy_compile(
        rf"(?:{_LABEL})?(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})"
        r"(?:[T\s]+(?P<hh>\d{2}):(?P<mi>\d{2})(?::\d{2})?)?Z?",
        re.IGNORECASE,
    ),
    # 3/10/2005 16:26 (month first, as the State Department writes it)
    lazy_compile(rf"(?:{_LABEL})?(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}", re.I),
)
_SEARCH_LINES = 40


def find_date_line(lines: list[str]) -> datetime | None:
    """The first line among ``lines`` (the head of a text) that is a date and nothing else."""
    for line in lines[:_SEARCH_LINES]:
        stripped = line.strip().strip("[]").rstrip(".")
        if not 8 <= len(stripped) <= 60:
            continue
        for form in _FORMS:
            match = form.fullmatch(stripped)
            if match is not None:
                found = _datetime(match)
                if found is not None:
                    return found
    return None


def _datetime(match: re.Match[str]) -> datetime | None:
    parts = match.groupdict()
    if parts.get("mon"):
        month = _MONTHS.get(parts["mon"].upper())
        if month is None:
            return None
    else:
        month = int(parts["m"])
    try:
        return datetime(
            int(parts["y"]), month, int(parts["d"]), int(parts["hh"] or 0), int(parts["mi"] or 0)
        )
    except ValueError:
        return None


# "2001BAMAKO03110": a line some copies put above the text, the cable's year, station, serial.
_YEAR_ID_LINE = lazy_compile(r"[ \t]*((?:19|20)\d{2})[A-Z][A-Z]{2,30}0*\d{1,7}[ \t]*\Z")


def find_year_line(lines: list[str]) -> int | None:
    """The year of the first ``2001BAMAKO03110``-style line among ``lines``."""
    for line in lines[:_SEARCH_LINES]:
        if len(line) <= 48:
            match = _YEAR_ID_LINE.match(line)
            if match is not None:
                return int(match.group(1))
    return None
