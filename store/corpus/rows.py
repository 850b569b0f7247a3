"""Rows of the ``cables`` table as values: the columns a ``Summary`` is read from, and rowids
gathered into a compact array.

Shared by the listings (``corpus``), full-text search (``search``) and threads (``threads``),
which all select summaries, so none of them reaches into another's private helpers.
"""

from __future__ import annotations

from array import array
from datetime import datetime

from store.model import Level, Marking, Summary

# Select these (from ``cables c``) and hand each row to ``summary_of``.
SUMMARY_COLUMNS = (
    "c.rowid, c.id, c.created, c.origin, c.level, c.caveats, c.classification, c.subject"
)


def summary_of(row) -> Summary:
    """A row of ``SUMMARY_COLUMNS`` as a Summary."""
    rowid, cable_id, created, origin, level, caveats, classification, subject = row
    marking = None
    if level is not None:
        marking = Marking(
            Level(level), tuple(c for c in caveats.split(",") if c), classification or ""
        )
    return Summary(
        rowid=rowid,
        id=cable_id,
        created=datetime.fromisoformat(created) if created else None,
        origin=origin,
        classification=marking,
        subject=subject,
    )


def rowid_array(cursor) -> array:
    """The first column of every row, as a compact array (250k rowids are 2 MB)."""
    out = array("q")
    while chunk := cursor.fetchmany(8192):
        out.extend(row[0] for row in chunk)
    return out
