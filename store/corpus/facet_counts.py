"""Counts on every facet for the current search or listing: how many of its cables have each
level, year, origin and tag.

Every cable of the corpus gets a position (rowid order), and every facet value the set of
positions that have it, as one big integer with a bit per cable (31 KB at 250k cables): a
listing or a search becomes such a set too, and the count of a value is
``(value & listing).bit_count()``, a C loop over the bytes. Tags used by few cables keep
their positions instead of a bitset (thousands of rare tags as bitsets would take hundreds
of MB), counted through the listing's byte map. The index is read once per corpus file and
kept while the file does not change.

A ``Selection`` (the boxes ticked in the filter dialog) narrows the listing's set with the
same bitsets, so the counts follow the ticks without a query. As in faceted search
elsewhere, a facet's own ticks do not narrow its own counts: with SECRET ticked, the count
beside CONFIDENTIAL still says how many more ticking it would add.
"""

from __future__ import annotations

import os
import threading
from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from store.corpus.corpus import NO_FILTERS, Corpus
from store.corpus.filters import Filters
from store.model import Level

# A tag on fewer cables than this share of the corpus keeps a list of positions, not a
# bitset: the bitset costs N/8 bytes whatever the count.
_RARE_SHARE = 1 / 256


@dataclass(frozen=True)
class FacetCounts:
    """Cables per value of each facet, among ``total`` cables; most common first (years
    newest first). Values no cable of the listing has are left out."""

    total: int
    levels: list[tuple[Level | None, int]]
    years: list[tuple[int | None, int]]
    origins: list[tuple[str | None, int]]
    tags: list[tuple[str, int]]


@dataclass(frozen=True)
class Selection:
    """Ticked values: a cable must have one of the ticked levels, years and origins (none
    ticked: no condition) and every ticked tag."""

    levels: frozenset[Level | None] = field(default_factory=frozenset)
    years: frozenset[int | None] = field(default_factory=frozenset)
    origins: frozenset[str | None] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)

    def is_empty(self) -> bool:
        return not (self.levels or self.years or self.origins or self.tags)


class FacetIndex:
    """The facets of every cable of one corpus, as it was when read."""

    def __init__(self, corpus: Corpus) -> None:
        conn = corpus.connection()
        rows = conn.execute(
            "SELECT rowid, level, substr(created, 1, 4), origin FROM cables ORDER BY rowid"
        ).fetchall()
        self._n = n = len(rows)
        self._size = (n + 7) // 8
        self._ones = int.from_bytes(b"\x01" * self._size, "little")
        self._position = {row[0]: i for i, row in enumerate(rows)}
        levels: dict[Level | None, list[int]] = {}
        years: dict[int | None, list[int]] = {}
        origins: dict[str | None, list[int]] = {}
        for i, (_, level, year, origin) in enumerate(rows):
            levels.setdefault(Level(level) if level is not None else None, []).append(i)
            years.setdefault(int(year) if year else None, []).append(i)
            origins.setdefault(origin, []).append(i)
        del rows
        self.levels = {value: self._bitset(ps) for value, ps in levels.items()}
        self.years = {value: self._bitset(ps) for value, ps in years.items()}
        self.origins = {value: self._bitset(ps) for value, ps in origins.items()}
        tags: dict[str, array] = {}
        position = self._position.get
        for cable, tag in conn.execute("SELECT cable, tag FROM tags"):
            at = position(cable)
            if at is not None:
                tags.setdefault(tag, array("i")).append(at)
        self.tags = self._sets(tags)
        self._all: FacetCounts | None = None
        self._people: dict[str, int | array] | None = None
        # The last listing's set: the filter dialog counts the same rowids again at every
        # tick (the listing is held, so its id cannot be another object's meanwhile).
        self._last: tuple[object, int, int, bytearray] | None = None
        self._last_lock = threading.Lock()

    def __len__(self) -> int:
        return self._n

    # -- counting ----------------------------------------------------------------------------

    def counts(
        self, rowids: Iterable[int] | None = None, selection: Selection | None = None
    ) -> FacetCounts:
        """Counts among ``rowids`` (every cable for None), narrowed by ``selection``.

        Rowids the index does not know (a cable imported since it was read) are left out."""
        if rowids is None and (selection is None or selection.is_empty()):
            if self._all is None:
                self._all = self._count((1 << self._n) - 1, None)
            return self._all
        if rowids is None:
            chosen, marks = (1 << self._n) - 1, None
        else:
            chosen, marks = self._listing(rowids)
        if selection is None or selection.is_empty():
            return self._count(chosen, marks)
        level, year, origin, tag = self._selected(selection)
        # A facet's own ticks do not narrow its counts (they are alternatives to tick more
        # of); tags are all required, so every tick narrows the tag counts.
        return self._count(
            chosen & level & year & origin & tag,
            None,
            levels=chosen & year & origin & tag,
            years=chosen & level & origin & tag,
            origins=chosen & level & year & tag,
        )

    def people(self, corpus: Corpus, rowids: Iterable[int] | None = None) -> list[tuple[str, int]]:
        """Cables per person (the people index) among ``rowids``, most first; the people
        are read on first use (and not at all by a corpus without the index)."""
        if self._people is None:
            from store.people.table import has_people

            people: dict[str, array] = {}
            conn = corpus.connection()
            if has_people(conn):
                position = self._position.get
                rows = conn.execute("SELECT DISTINCT person, cable FROM people")
                for person, cable in rows:
                    at = position(cable)
                    if at is not None:
                        people.setdefault(person, array("i")).append(at)
            self._people = self._sets(people)
        if rowids is None:
            chosen, marks = (1 << self._n) - 1, None
        else:
            chosen, marks = self._listing(rowids)
        found = self._tally(self._people, chosen, marks)
        return sorted(found, key=lambda item: (-item[1], item[0]))

    def _count(
        self,
        chosen: int,
        marks: bytearray | None,
        *,
        levels: int | None = None,
        years: int | None = None,
        origins: int | None = None,
    ) -> FacetCounts:
        """Counts among ``chosen``; the levels, years and origins among their own sets
        when given."""

        def of(table: dict, among: int | None) -> list:
            among = chosen if among is None else among
            counted = []
            for value, bits in table.items():
                n = (bits & among).bit_count()
                if n:
                    counted.append((value, n))
            return counted

        tags = self._tally(self.tags, chosen, marks)
        by_count = lambda item: (-item[1], str(item[0]))  # noqa: E731
        return FacetCounts(
            total=chosen.bit_count(),
            levels=sorted(of(self.levels, levels), key=by_count),
            years=sorted(
                of(self.years, years), key=lambda item: (item[0] is None, -(item[0] or 0))
            ),
            origins=sorted(of(self.origins, origins), key=by_count),
            tags=sorted(tags, key=by_count),
        )

    def _selected(self, selection: Selection) -> tuple[int, int, int, int]:
        """The cables each facet's ticks allow: any ticked level (year, origin), every
        ticked tag; everything where nothing is ticked."""
        everything = (1 << self._n) - 1
        allowed = []
        for ticked, table in (
            (selection.levels, self.levels),
            (selection.years, self.years),
            (selection.origins, self.origins),
        ):
            either = everything if not ticked else 0
            for value in ticked:
                either |= table.get(value, 0)
            allowed.append(either)
        every = everything
        for tag in selection.tags:
            bits = self.tags.get(tag.upper(), 0)
            every &= bits if isinstance(bits, int) else self._bitset(bits)
        return allowed[0], allowed[1], allowed[2], every

    def _tally(self, table: dict, chosen: int, marks: bytearray | None) -> list[tuple]:
        """(value, count) of a table whose values are bitsets or, when rare, positions."""
        out = []
        for value, bits in table.items():
            if isinstance(bits, int):
                n = (bits & chosen).bit_count()
            else:
                if marks is None:
                    marks = self._unpack(chosen)
                n = sum(map(marks.__getitem__, bits))
            if n:
                out.append((value, n))
        return out

    def _sets(self, table: dict[str, array]) -> dict[str, int | array]:
        """Bitsets for the common values, the positions themselves for the rare ones."""
        rare = max(2, int(self._n * _RARE_SHARE))
        return {
            value: self._bitset(ps) if len(ps) >= rare else ps for value, ps in table.items()
        }

    # -- bitsets -----------------------------------------------------------------------------

    def _listing(self, rowids: Iterable[int]) -> tuple[int, bytearray]:
        """The bitset and byte map of these rowids; the last ones are remembered."""
        size = len(rowids) if isinstance(rowids, Sequence) else -1
        with self._last_lock:
            last = self._last
        if last is not None and last[0] is rowids and last[1] == size >= 0:
            return last[2], last[3]
        marks = self._marks(rowids)
        chosen = self._pack(marks)
        if size >= 0:
            with self._last_lock:
                self._last = (rowids, size, chosen, marks)
        return chosen, marks

    def _marks(self, rowids: Iterable[int]) -> bytearray:
        """One byte per position, 1 for the given rowids (unknown ones land past the end)."""
        marks = bytearray(self._size * 8 + 1)
        beyond = len(marks) - 1
        deque(map(marks.__setitem__, map(self._position.get, rowids, repeat(beyond)),
                  repeat(1)), maxlen=0)  # fmt: skip
        marks[beyond] = 0
        return marks

    def _pack(self, marks: bytearray) -> int:
        """The byte map as a bitset: byte ``8j + k`` becomes bit ``8j + k``."""
        bits = 0
        for k in range(8):
            bits |= int.from_bytes(marks[k : self._size * 8 : 8], "little") << k
        return bits

    def _unpack(self, bits: int) -> bytearray:
        marks = bytearray(self._size * 8)
        for k in range(8):
            marks[k::8] = ((bits >> k) & self._ones).to_bytes(self._size, "little")
        return marks

    def _bitset(self, positions: Sequence[int]) -> int:
        marks = bytearray(self._size * 8 + 1)
        deque(map(marks.__setitem__, positions, repeat(1)), maxlen=0)
        return self._pack(marks)


_CACHE: dict[Path, tuple[tuple, FacetIndex]] = {}
_CACHE_LOCK = threading.Lock()


def facet_index(corpus: Corpus) -> FacetIndex:
    """The index of this corpus, read again only when its file has changed since."""
    path = Path(corpus.path).resolve()
    signature = _signature(path)
    with _CACHE_LOCK:
        cached = _CACHE.get(path)
        if cached is not None and cached[0] == signature:
            return cached[1]
    index = FacetIndex(corpus)
    with _CACHE_LOCK:
        _CACHE[path] = (signature, index)
    return index


def _signature(path: Path) -> tuple:
    """Size and modification time of the file and its WAL: any commit changes one."""
    out = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            stat = os.stat(name)
            out.append((stat.st_size, stat.st_mtime_ns))
        except OSError:
            out.append(None)
    return tuple(out)


def facet_counts(
    corpus: Corpus,
    match: str | None = None,
    filters: Filters = NO_FILTERS,
    *,
    rowids: Sequence[int] | None = None,
    selection: Selection | None = None,
) -> FacetCounts:
    """Counts for a search (``match``, an FTS5 expression from ``store.query``) or a listing
    (``match`` None) with its filters; or for ``rowids`` a listing already holds."""
    if rowids is None and (match is not None or not filters.is_empty()):
        rowids = corpus.search_ids(match, filters) if match else corpus.ids(filters)
    return facet_index(corpus).counts(rowids, selection)
