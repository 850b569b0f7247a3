"""Timelines: how many cables of a search or a filtered listing fall in each period, origin,
tag or classification level.

Periods come from the rowid alone (it encodes the minute a cable was sent, see
``store.corpus.rowids``): SQLite groups the hits by day without reading a row of ``cables``, and
the days fold into months and years here. A word in 150k cables is counted straight off the
full-text index's hits; origins, tags and levels need the ``cables`` table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from store.corpus.corpus import NO_FILTERS, Corpus
from store.corpus.filters import Filters
from store.corpus.periods import period_bound
from store.corpus.rowids import SLOTS
from store.model import Level

BY = ("year", "month", "origin", "tag", "class")
UNDATED = "undated"
_EPOCH = date(1900, 1, 1)
_MINUTES_A_DAY = 1440
# The day a rowid falls on, in SQL (rowid = (minutes since 1900 + 1) * SLOTS + slot); undated
# cables have negative rowids and get -1.
_DAY = f"CASE WHEN {{r}} >= {SLOTS} THEN ({{r}} / {SLOTS} - 1) / {_MINUTES_A_DAY} ELSE -1 END"


@dataclass(frozen=True)
class Bucket:
    """One bar: a period (``2006``, ``2006-03``), origin, tag or level, and its counts."""

    label: str
    count: int
    # For periods: how many of ``count`` are at each level (None: no marking known).
    levels: tuple[tuple[Level | None, int], ...] = ()


def counts(
    corpus: Corpus,
    match: str | None,
    filters: Filters = NO_FILTERS,
    *,
    by: str = "year",
    top: int = 30,
    levels: bool = False,
) -> list[Bucket]:
    """The buckets for a search (``match``, an FTS5 expression from ``store.query.compile``, or None
    for a listing) and its filters. Periods come oldest first with empty ones filled in;
    origins, tags and levels most common first (``top`` of them)."""
    if by not in BY:
        raise ValueError(f"unknown grouping {by!r}; one of {', '.join(BY)}")
    if by in ("year", "month"):
        return _periods(corpus, match, filters, by, levels)
    if by == "class":
        return _grouped(corpus, match, filters, "c.classification", top, "UNKNOWN")
    if by == "origin":
        return _grouped(corpus, match, filters, "c.origin", top, "unknown")
    return _grouped(corpus, match, filters, "t.tag", top, "none", tags=True)


def _source(corpus: Corpus, match: str | None, filters: Filters, *, need_cables: bool):
    """(FROM ... WHERE ..., params, rowid expression) for the hits."""
    where, params = corpus.where(filters)
    if match is None:
        return f"cables c WHERE {where}", params, "c.rowid"
    from store.fulltext.hits import all_hits, members_clause

    clause, values = members_clause(all_hits(corpus, match, filters, rank=False))
    return f"cables c WHERE {clause}", values, "c.rowid"


def _periods(
    corpus: Corpus, match: str | None, filters: Filters, by: str, levels: bool
) -> list[Bucket]:
    source, params, rowid = _source(corpus, match, filters, need_cables=levels)
    day = _DAY.format(r=rowid)
    level = "c.level" if levels else "NULL"
    rows = corpus.connection().execute(
        f"SELECT {day} AS d, {level} AS l, count(*) FROM {source} GROUP BY d, l", params
    )
    totals: Counter[str] = Counter()
    split: dict[str, Counter] = {}
    for day_number, level_value, n in rows:
        if day_number < 0:
            label = UNDATED
        else:
            when = _EPOCH + timedelta(days=day_number)
            label = f"{when.year}" if by == "year" else f"{when.year}-{when.month:02d}"
        totals[label] += n
        key = Level(level_value) if level_value is not None else None
        split.setdefault(label, Counter())[key] += n
    return [
        Bucket(label, totals[label], _level_counts(split.get(label)) if levels else ())
        for label in _filled(totals, by)
    ]


def _level_counts(counter: Counter | None) -> tuple[tuple[Level | None, int], ...]:
    if not counter:
        return ()
    order = sorted(counter, key=lambda lv: -1 if lv is None else int(lv))
    return tuple((lv, counter[lv]) for lv in order if counter[lv])


def _filled(totals: Counter[str], by: str) -> list[str]:
    """Every period from the first to the last (a gap is a bar of zero), then undated."""
    dated = sorted(label for label in totals if label != UNDATED)
    out: list[str] = []
    if dated:
        if by == "year":
            out = [str(y) for y in range(int(dated[0]), int(dated[-1]) + 1)]
        else:
            year, month = map(int, dated[0].split("-"))
            last = tuple(map(int, dated[-1].split("-")))
            while (year, month) <= last:
                out.append(f"{year}-{month:02d}")
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if UNDATED in totals:
        out.append(UNDATED)
    return out


def _grouped(
    corpus: Corpus,
    match: str | None,
    filters: Filters,
    column: str,
    top: int,
    missing: str,
    *,
    tags: bool = False,
) -> list[Bucket]:
    source, params, rowid = _source(corpus, match, filters, need_cables=True)
    if tags:
        source = source.replace(" WHERE ", f" JOIN tags t ON t.cable = {rowid} WHERE ", 1)
    rows = corpus.connection().execute(
        f"SELECT {column}, count(*) FROM {source} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
        [*params, max(top, 1)],
    )
    return [Bucket(name or missing, n) for name, n in rows]


def period_range(label: str) -> tuple[date, date] | None:
    """The first and last day of a period label (``2006``, ``2006-03``); None for undated."""
    if label == UNDATED:
        return None
    return period_bound(label, end=False), period_bound(label, end=True)
