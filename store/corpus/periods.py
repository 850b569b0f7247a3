"""Periods as people write them: ``2009``, ``2009-12``, ``2009-12-04``, to the first or last
day they cover, and back. One place for the search language (``from:2009-12``), the filter
dialog, the timeline's bars and the labels, so a month picked anywhere stays a month."""

from __future__ import annotations

import calendar
import re
from datetime import date

from store.corpus.filters import FIRST_YEAR, LAST_YEAR

# ASCII digits only: \d would also take other scripts' digits, which no one types for a date.
_PERIOD = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?")
SHAPES = "YYYY, YYYY-MM or YYYY-MM-DD"


def period_bound(text: str, *, end: bool) -> date:
    """The first day of the period ``text`` names, or its last (``end``); ValueError when
    it is not one (its message says why, in a few words)."""
    found = _PERIOD.fullmatch(text.strip())
    if not found:
        raise ValueError(f"use {SHAPES}")
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"the year must be {FIRST_YEAR} to {LAST_YEAR}")
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if not 1 <= month <= 12:
        raise ValueError("the month must be 1 to 12")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, last if end else 1)
    if not 1 <= day <= last:
        raise ValueError(f"{year}-{month:02d} has days 1 to {last}")
    return date(year, month, day)


def bounds_text(start: date | None, end: date | None) -> tuple[str, str]:
    """The two ends in the coarsest unit that says them exactly, the same for both ends:
    ``("2005", "2006")``, ``("2009-12", "2009-12")`` (a 31 December is a year's end and a
    month's), else days; an open end is ``""``."""
    ends = _ends(start, end)
    if all(_starts_or_ends(day, is_end, year=True) for day, is_end in ends):
        width = 4
    elif all(_starts_or_ends(day, is_end, year=False) for day, is_end in ends):
        width = 7
    else:
        width = 10
    first = start.isoformat()[:width] if start else ""
    last = end.isoformat()[:width] if end else ""
    return first, last


def _ends(start: date | None, end: date | None) -> list[tuple[date, bool]]:
    return [(day, is_end) for day, is_end in ((start, False), (end, True)) if day is not None]


def _starts_or_ends(day: date, is_end: bool, *, year: bool) -> bool:
    """``day`` is the first (or last, ``is_end``) day of its year, or of its month."""
    if year:
        return (day.month, day.day) == ((12, 31) if is_end else (1, 1))
    return day.day == (calendar.monthrange(day.year, day.month)[1] if is_end else 1)


def period_text(start: date | None, end: date | None) -> str:
    """``2009-12`` for that month, ``2005–2006`` for a range, ``2005–`` or ``–2006`` for
    an open one; empty for none."""
    first, last = bounds_text(start, end)
    return first if first == last else f"{first}–{last}"
