"""Dates in a cable's text: two-digit years and the declassification date (``DECL:``)."""

from __future__ import annotations

from datetime import date

from store.parse.lazy_pattern import lazy_compile

_DECL_DATE = (
    (lazy_compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("m", "d", "y")),
    (lazy_compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)"), ("y", "m", "d")),
    (lazy_compile(r"(\d{1,2})/(\d{1,2})/(\d{2})(?!\d)"), ("m", "d", "yy")),
)


def year_of(cable_id: str) -> int | None:
    """The year an ID states (``06ALMATY79`` -> 2006), None for an undated ID."""
    if len(cable_id) > 2 and cable_id[:2].isdigit():
        return full_year(int(cable_id[:2]))
    return None


def full_year(short: int) -> int:
    """Two-digit years: the cables run from 1966 to 2010."""
    return short + (1900 if short >= 60 else 2000)


def declassification(value: str | None) -> tuple[date | None, str | None]:
    if not value:
        return None, None
    value = " ".join(value.split())
    for pattern, order in _DECL_DATE:
        match = pattern.search(value)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts.get("y") or full_year(parts["yy"])
            try:
                return date(year, parts["m"], parts["d"]), None
            except ValueError:
                break
    return None, value[:200]
