"""Reading the corpus: listings, one cable, references, facets; search is in ``search``.

``Corpus`` is safe to use from several threads: each thread gets its own SQLite connection
(the browser runs every query in a thread worker).
"""

from __future__ import annotations

import _thread
import contextlib
import functools
import os
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from datetime import date

from store.corpus import schema, totals
from store.corpus.census import mask_of
from store.corpus.filters import Filters
from store.corpus.rowids import UNDATED_LIMIT, floor_after_day, floor_of_day
from store.corpus.rows import SUMMARY_COLUMNS, rowid_array, summary_of
from store.frozen import frozen, replace
from store.model import Cable, Hit, Summary

NO_FILTERS = Filters()


@frozen
class Facets:
    """Counts for the filter screen and ``cables stats``, most common first."""

    total: int
    levels: list[tuple[str, int]]
    years: list[tuple[int | None, int]]
    origins: list[tuple[str, int]]
    tags: list[tuple[str, int]]


class Corpus:
    """A corpus file opened for reading (and writing, unless ``readonly``)."""

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False) -> None:
        # The path as given; ``path`` makes it a Path when asked (pathlib is 1.5 ms of a
        # fresh `cables show`, which never asks: see store.parse.data_files).
        self.location = os.fspath(path)
        self.readonly = readonly
        # A connection per thread (the browser's workers read while it draws), found by the
        # thread's ident: threading.local would import threading, 0.6 ms of every `cables
        # show`. A thread that ends leaves its connection to the next one given its ident
        # (connections are not bound to their thread: check_same_thread=False).
        self._by_thread: dict[int, sqlite3.Connection] = {}
        self._lock = _thread.allocate_lock()
        self.connection()  # fail now, with a clear CorpusError, not at the first query

    @functools.cached_property
    def path(self) -> Path:  # noqa: F821 - imported in the body, not for every command
        from pathlib import Path

        return Path(self.location)

    # -- connections -------------------------------------------------------------------------

    def connection(self):
        thread = _thread.get_ident()
        conn = self._by_thread.get(thread)
        if conn is None:
            conn = schema.connect(self.location, readonly=self.readonly)
            with self._lock:
                self._by_thread[thread] = conn
        return conn

    def interrupt(self) -> None:
        """Abort the queries running in any thread (they raise sqlite3.OperationalError)."""
        with self._lock:
            for conn in self._by_thread.values():
                with contextlib.suppress(sqlite3.ProgrammingError):  # already closed
                    conn.interrupt()

    def close(self) -> None:
        fulltext = getattr(self, "_fulltext", None)
        if fulltext is not None:  # the index's reader (store.fulltext), if a search opened it
            fulltext.close()
        with self._lock:
            for conn in self._by_thread.values():
                conn.close()
            self._by_thread.clear()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- listings ----------------------------------------------------------------------------

    def count(self, filters: Filters = NO_FILTERS) -> int:
        source, _, where, params = self._listing(filters)
        return (
            self.connection()
            .execute(f"SELECT count(*) FROM {source} WHERE {where}", params)
            .fetchone()[0]
        )

    def longest_id(self) -> int:
        """Characters in the longest reference ID (the listing sizes its ID column to it)."""
        row = self.connection().execute("SELECT max(length(id)) FROM cables").fetchone()
        return row[0] or 0

    def ids(self, filters: Filters = NO_FILTERS) -> array:
        """Rowids of every matching cable, newest first: the sidebar's index of rows."""
        source, key, where, params = self._listing(filters)
        cursor = self.connection().execute(
            f"SELECT {key} FROM {source} WHERE {where} ORDER BY {key} DESC", params
        )
        return rowid_array(cursor)

    def summaries(self, rowids: Sequence[int]) -> list[Summary]:
        """Summaries for these rowids, in the order given (missing ones left out)."""
        if not rowids:
            return []
        found: dict[int, Summary] = {}
        conn = self.connection()
        for start in range(0, len(rowids), 500):
            chunk = list(rowids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM cables c WHERE c.rowid IN ({marks})", chunk
            ):
                found[row[0]] = summary_of(row)
        return [found[r] for r in rowids if r in found]

    def page(
        self, filters: Filters = NO_FILTERS, *, before: int | None = None, limit: int = 100
    ) -> list[Summary]:
        """Up to ``limit`` cables older than rowid ``before``, newest first (keyset paging)."""
        source, key, where, params = self._listing(filters)
        if before is not None:
            where += f" AND {key} < ?"
            params.append(before)
        rows = self.connection().execute(
            f"SELECT {SUMMARY_COLUMNS} FROM {source} WHERE {where} ORDER BY {key} DESC LIMIT ?",
            [*params, limit],
        )
        return [summary_of(row) for row in rows]

    # -- one cable ---------------------------------------------------------------------------

    def get(self, cable_id: str) -> Cable | None:
        """The cable of this ID or alias (see ``resolve``)."""
        rowid = self._rowid_of(cable_id)
        return self.get_rowid(rowid) if rowid is not None else None

    def resolve(self, text: str) -> str | None:
        """The stored ID a user's ID means: as written, canonical, or a page's own (alias).

        ``07ECTION01OF02KABUL455``, ``07 kabul 000455`` and ``07KABUL455`` all find the cable
        stored as ``07KABUL455``.
        """
        rowid = self._rowid_of(text)
        if rowid is None:
            return None
        row = self.connection().execute("SELECT id FROM cables WHERE rowid = ?", (rowid,))
        return row.fetchone()[0]

    def _rowid_of(self, text: str) -> int | None:
        from store.parse.refids import canonical_id

        written = "".join(text.split()).upper()
        conn = self.connection()
        for wanted in dict.fromkeys((written, canonical_id(written) or written)):
            row = conn.execute("SELECT rowid FROM cables WHERE id = ?", (wanted,)).fetchone()
            if row is None:
                row = conn.execute(
                    "SELECT cable FROM aliases WHERE alias = ? ORDER BY cable LIMIT 1", (wanted,)
                ).fetchone()
            if row is not None:
                return row[0]
        return None

    def get_rowid(self, rowid: int) -> Cable | None:
        """The full cable, parsed again from its stored text with its stored metadata."""
        from store.corpus.stored_cable import load_cable  # (and the parser): not at start-up

        return load_cable(self.connection(), rowid)

    def get_head(self, rowid: int, chars: int) -> Cable | None:
        """The first part of a long cable (see ``load_cable``); None for a short one."""
        from store.corpus.stored_cable import load_cable

        return load_cable(self.connection(), rowid, head_chars=chars)

    def get_start(self, rowid: int, chars: int) -> tuple[Cable, bool] | None:
        """The cable and whether it is only its first part (``chars`` of its body, for a
        long one; whole, for a short one), in one read."""
        from store.corpus.stored_cable import load_start

        return load_start(self.connection(), rowid, chars)

    def summary(self, cable_id: str) -> Summary | None:
        """The listing row of this ID or alias."""
        rowid = self._rowid_of(cable_id)
        if rowid is None:
            return None
        row = (
            self.connection()
            .execute(f"SELECT {SUMMARY_COLUMNS} FROM cables c WHERE c.rowid = ?", (rowid,))
            .fetchone()
        )
        return summary_of(row) if row else None

    def find_prefix(self, prefix: str, limit: int = 20) -> list[Summary]:
        """Cables whose ID starts with ``prefix`` (an index range scan, never a full scan)."""
        prefix = "".join(prefix.split()).upper()
        if not prefix:
            return []
        rows = self.connection().execute(
            f"SELECT {SUMMARY_COLUMNS} FROM cables c WHERE c.id >= ? AND c.id < ? "
            "ORDER BY c.id LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [summary_of(row) for row in rows]

    def existing(self, cable_ids: Iterable[str]) -> set[str]:
        """Which of these IDs are in the corpus."""
        wanted = list(dict.fromkeys(cable_ids))
        found: set[str] = set()
        conn = self.connection()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0] for r in conn.execute(f"SELECT id FROM cables WHERE id IN ({marks})", chunk)
            )
        return found

    def cited_by(self, cable_id: str, limit: int = 200) -> list[Summary]:
        """Cables of the corpus whose REF list names this one, newest first."""
        rows = self.connection().execute(
            f"SELECT DISTINCT {SUMMARY_COLUMNS} FROM refs r JOIN cables c ON c.rowid = r.cable "
            "WHERE r.target = ? ORDER BY c.rowid DESC LIMIT ?",
            (cable_id.upper(), limit),
        )
        return [summary_of(row) for row in rows]

    # -- facets ------------------------------------------------------------------------------

    def facets(self, filters: Filters = NO_FILTERS, top: int = 30) -> Facets:
        if filters == NO_FILTERS:
            counts = self._whole_counts()
            return _facets(
                sum(n for _, n in counts["level"]),
                counts["level"],
                sorted(counts["year"], key=lambda row: int(row[0] or 0), reverse=True),
                counts["origin"][:top],
                counts["tag"][:top],
            )
        conn = self.connection()
        where, params = self.where(filters)
        total = self.count(filters)
        levels = conn.execute(
            f"SELECT c.classification, count(*) FROM cables c WHERE {where} "
            "GROUP BY c.classification ORDER BY count(*) DESC, 1",
            params,
        ).fetchall()
        years = conn.execute(
            f"SELECT substr(c.created, 1, 4), count(*) FROM cables c WHERE {where} "
            "GROUP BY 1 ORDER BY 1 DESC",
            params,
        ).fetchall()
        origins = conn.execute(
            f"SELECT c.origin, count(*) FROM cables c WHERE {where} "
            "GROUP BY c.origin ORDER BY count(*) DESC, 1 LIMIT ?",
            [*params, top],
        ).fetchall()
        tags = conn.execute(
            f"SELECT t.tag, count(*) FROM tags t JOIN cables c ON c.rowid = t.cable "
            f"WHERE {where} GROUP BY t.tag ORDER BY count(*) DESC, 1 LIMIT ?",
            [*params, top],
        ).fetchall()
        return _facets(total, levels, years, origins, tags)

    def _whole_counts(self) -> dict[str, list[tuple[str | None, int]]]:
        """Every count of the whole corpus: kept in a table (``store.corpus.totals``),
        refreshed first when out of date and the file can be written, else counted now."""
        conn = self.connection()
        counts = totals.stored(conn)
        if counts is None and totals.refresh_file(self.location, schema.CURRENT_VERSIONS):
            counts = totals.stored(conn)
        return counts if counts is not None else totals.counted(conn)

    def origin_names(self) -> list[str]:
        return [r[0] for r in self.connection().execute("SELECT origin FROM origins ORDER BY 1")]

    # -- search ------------------------------------------------------------------------------

    def search(
        self,
        match: str | None,
        filters: Filters = NO_FILTERS,
        *,
        limit: int = 50,
        rank: bool = False,
        before: int | None = None,
    ) -> list[Hit]:
        """Hits for a search expression (``CompiledQuery.match``, from
        ``store.query.compile``) plus filters.

        Newest first by default; ``rank``: best first (bm25, the subject weighing more).
        """
        from store.corpus.search import search  # not needed to open the corpus at start-up

        return search(self, match, filters, limit=limit, rank=rank, before=before)

    def search_ids(self, match: str, filters: Filters = NO_FILTERS, *, rank: bool = False) -> array:
        """Rowids of every hit, newest first or best first: the search listing's rows."""
        from store.corpus.search import search_ids

        return search_ids(self, match, filters, rank=rank)

    def snippets(self, match: str, rowids: Sequence[int]) -> dict[int, str]:
        """Snippets for some hits (the visible ones of a listing)."""
        from store.corpus.search import snippets

        return snippets(self, match, rowids)

    # -- filters -> SQL ----------------------------------------------------------------------

    def where(self, filters: Filters) -> tuple[str, list]:
        """A WHERE clause over ``cables c`` (and its parameters) keeping what ``filters`` keep.

        Never empty (``"1"`` for no filters), so a caller may append ``AND ...``.
        """
        clauses: list[str] = ["1"]
        params: list = []
        if filters.levels:
            levels = sorted(int(level) for level in filters.levels)
            clauses.append(f"c.level IN ({','.join('?' * len(levels))})")
            params.extend(levels)
        for caveat in sorted(filters.caveats):
            clauses.append("(',' || c.caveats || ',') LIKE ?")
            params.append(f"%,{caveat.upper()},%")
        if filters.origins:
            names = self._matching_origins(filters.origins)
            clauses.append(f"c.origin IN ({','.join('?' * len(names))})" if names else "0")
            params.extend(names)
        for tag in filters.tags:
            clauses.append("EXISTS (SELECT 1 FROM tags t WHERE t.tag = ? AND t.cable = c.rowid)")
            params.append(tag.upper())
        if filters.date_from is not None:
            clauses.append("c.rowid >= ?")
            params.append(floor_of_day(filters.date_from))
        if filters.date_to is not None:
            # Undated cables sit below every dated rowid; a date range never includes them.
            clauses.append("c.rowid >= ? AND c.rowid < ?")
            params.append(UNDATED_LIMIT)
            params.append(floor_after_day(filters.date_to))
        if filters.para_levels:
            clauses.append("(c.para_levels & ?) != 0")
            params.append(mask_of(filters.para_levels))
        if filters.people:
            from store.people.table import has_people

            if not has_people(self.connection()):
                raise schema.CorpusError(
                    f"{self.path}: made by an older cables, without the people index "
                    "(person:); it is added the next time the corpus is written"
                )
        for person in filters.people:
            clauses.append(
                "EXISTS (SELECT 1 FROM people p WHERE p.person = ? AND p.cable = c.rowid)"
            )
            params.append(person)
        if filters.id_prefix:
            clauses.append("c.id >= ? AND c.id < ?")
            params.extend([filters.id_prefix, filters.id_prefix + "\U0010ffff"])
        return " AND ".join(clauses), params

    def _listing(self, filters: Filters) -> tuple[str, str, str, list]:
        """(FROM clause, ordering column, WHERE clause, parameters) for a listing.

        With a tag filter the walk is driven by the (tag, cable) index, newest first: a
        page of a common tag is then as quick as one of a rare tag (the IN-subquery form
        built a 100k-entry list first: 240 ms for tag:PGOV at 250k cables).
        """
        if not filters.tags:
            where, params = self.where(filters)
            return "cables c", "c.rowid", where, params
        first, *rest = filters.tags
        where, params = self.where(replace(filters, tags=tuple(rest)))
        return (
            "tags t0 JOIN cables c ON c.rowid = t0.cable",
            "t0.cable",
            f"t0.tag = ? AND {where}",
            [first.upper(), *params],
        )

    def _matching_origins(self, needles: Sequence[str]) -> list[str]:
        """Exact origin names containing any needle (case-insensitive), via the small table."""
        conn = self.connection()
        names: list[str] = []
        for needle in needles:
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            names.extend(
                r[0]
                for r in conn.execute(
                    "SELECT origin FROM origins WHERE origin LIKE ? ESCAPE '\\'",
                    (f"%{escaped}%",),
                )
            )
        return sorted(set(names))


def year_range(year_from: int | None, year_to: int | None) -> tuple[date | None, date | None]:
    """Inclusive whole years as dates, for filters."""
    return (
        date(year_from, 1, 1) if year_from else None,
        date(year_to, 12, 31) if year_to else None,
    )


def _facets(total: int, levels, years, origins, tags) -> Facets:
    """Facets from (label, count) rows, the labels as the filter screen shows them."""
    return Facets(
        total=total,
        levels=[(name or "UNKNOWN", n) for name, n in levels],
        years=[(int(y) if y else None, n) for y, n in years],
        origins=[(name or "unknown", n) for name, n in origins],
        tags=[(name, n) for name, n in tags],
    )
