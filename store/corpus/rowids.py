"""Rowids that follow date order, so "newest first" is a walk down the primary key.

A rowid is the minute the cable was sent (counted from 1900) times ``SLOTS`` plus a slot
that separates cables sent in the same minute. Few slots keep rowids dense: FTS5 stores the
gap between neighbouring rowids in every posting, and 4096 slots made those gaps three bytes
instead of one. Cables with no known date get negative rowids and so sort as the oldest.
"""

from __future__ import annotations

from datetime import date, datetime

SLOTS = 16
_EPOCH = datetime(1900, 1, 1)
# Dated cables have rowids at or above this; undated ones are below it (negative).
UNDATED_LIMIT = 0
_MINUTES_A_DAY = 1440


def base_rowid(created: datetime | None, cable_id: str) -> int:
    """The preferred rowid; when it is taken the importer probes on by ``probe_step``."""
    import zlib  # only the importer makes rowids; `cables show` imports this module too

    crc = zlib.crc32(cable_id.encode())
    if created is None:
        return -1 - crc
    minutes = int((created.replace(tzinfo=None) - _EPOCH).total_seconds() // 60)
    return (max(minutes, 0) + 1) * SLOTS + crc % SLOTS


def probe_step(created: datetime | None) -> int:
    """Where to look next for a free rowid: later for dated cables, lower for undated ones
    (so an undated cable never lands among the dated)."""
    return 1 if created is not None else -1


def floor_of_day(day: date) -> int:
    """The smallest rowid a cable sent on ``day`` (or later) can have."""
    return (max(_minutes(day), 0) + 1) * SLOTS


def floor_after_day(day: date) -> int:
    """The smallest rowid a cable sent after ``day`` can have (no overflow at 9999-12-31,
    where ``day + timedelta(days=1)`` would raise)."""
    return (max(_minutes(day) + _MINUTES_A_DAY, 0) + 1) * SLOTS


def _minutes(day: date) -> int:
    return int((datetime(day.year, day.month, day.day) - _EPOCH).total_seconds() // 60)
