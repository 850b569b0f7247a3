"""Rowids that follow date order, so "newest first" is a walk down the primary key.

A rowid is the minute the cable was sent (counted from 1900) times ``SLOTS`` plus a slot
that separates cables sent in the same minute. Cables with no known date get the lowest
rowids and so sort as the oldest.
"""

from __future__ import annotations

import zlib
from datetime import date, datetime

SLOTS = 4096
_EPOCH = datetime(1900, 1, 1)
# Undated cables live below this; dated ones start at minute 1.
UNDATED_LIMIT = SLOTS


def base_rowid(created: datetime | None, cable_id: str) -> int:
    """The preferred rowid; the importer probes upward from it when it is taken."""
    slot = zlib.crc32(cable_id.encode()) % SLOTS
    if created is None:
        return slot
    minutes = int((created.replace(tzinfo=None) - _EPOCH).total_seconds() // 60)
    return (max(minutes, 0) + 1) * SLOTS + slot


def floor_of_day(day: date) -> int:
    """The smallest rowid a cable sent on ``day`` (or later) can have."""
    minutes = int((datetime(day.year, day.month, day.day) - _EPOCH).total_seconds() // 60)
    return (max(minutes, 0) + 1) * SLOTS
