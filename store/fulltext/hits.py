"""Searching the index for a ``Corpus``: hits newest first or best first, every hit, the
indexed text's cut of a stored body, with the catalogue's filters applied in SQLite.

Before each search the index is checked against the corpus generation: behind it, it is
caught up (when this process may write it), waited for (while an import writes it), or the
search fails with a message; it never answers from an index of another state.
"""

from __future__ import annotations

import json
import threading
import time
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

import tantivy

from store.corpus.filters import Filters
from store.corpus.schema import CorpusError
from store.fulltext import ledger
from store.fulltext.analysis import ROWID, SHOWN, schema
from store.fulltext.expression import to_query
from store.fulltext.index import IndexBusy, Reader, directory_of, exists, recorded

if TYPE_CHECKING:
    from store.corpus.corpus import Corpus

# How long a search waits for an import to commit the index to the corpus's generation.
_WAIT_SECONDS = 90.0
_MEMBERS = "c.rowid IN (SELECT value FROM json_each(?))"


class FullText:
    """The index of one corpus, opened for searching from any thread."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.directory = directory_of(corpus.path)
        self._lock = threading.Lock()
        self._reader: Reader | None = None
        self._matches: tuple[str, int] | None = None

    def searcher(self) -> tantivy.Searcher:
        """A searcher of the index as of the corpus's generation (see the module docstring)."""
        wanted = ledger.state(self.corpus.connection())
        with self._lock:
            if self._matches != wanted or self._reader is None:
                self._follow(wanted)
            assert self._reader is not None
            return self._reader.searcher()

    def _follow(self, wanted: tuple[str, int]) -> None:
        deadline = None
        caught_up = False
        while True:
            if exists(self.directory):
                if self._reader is None:
                    self._reader = Reader(self.directory)
                else:
                    self._reader.refresh()
                have = recorded(self._reader.searcher())
                if have == wanted or (deadline is not None and _ahead(have, wanted)):
                    self._matches = wanted
                    return
            if caught_up:
                raise CorpusError(_stale(self.corpus.path, "it did not take the changes"))
            try:
                from store.fulltext.sync import catch_up

                catch_up(self.corpus.path)
                caught_up = True
            except IndexBusy:
                # An import writes it: it commits every 50 batches (INDEX_COMMIT_BATCHES, about
                # 35 s at 1,400 cables/s on 2 cores), well within _WAIT_SECONDS.
                deadline = deadline or time.monotonic() + _WAIT_SECONDS
                if time.monotonic() > deadline:
                    raise CorpusError(_stale(self.corpus.path, "an import is writing it")) from None
                time.sleep(0.1)
            except OSError as error:
                why = f"it cannot be written ({error.strerror or error})"
                raise CorpusError(_stale(self.corpus.path, why)) from None

    def close(self) -> None:
        with self._lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            self._matches = None


def _ahead(have: tuple[str, int], wanted: tuple[str, int]) -> bool:
    # While an import runs, the index may be a batch past what this connection read.
    return have[0] == wanted[0] and have[1] >= wanted[1]


def _stale(path, why: str) -> str:
    return (
        f"{path}: the search index is behind the corpus and {why}; "
        "run `cables reindex` as the corpus's owner"
    )


def fulltext(corpus: Corpus) -> FullText:
    found = getattr(corpus, "_fulltext", None)
    if found is None:
        found = FullText(corpus)
        corpus._fulltext = found
    return found


# -- searches -------------------------------------------------------------------------------


def top(
    corpus: Corpus,
    match: str,
    filters: Filters,
    *,
    limit: int,
    rank: bool,
    before: int | None,
) -> list[tuple[int, float | None, bytes]]:
    """(rowid, score, cut) of the first ``limit`` hits, newest first or best first; the cut
    is where the stored body's indexed text is (``store.fulltext.shown``)."""
    searcher = fulltext(corpus).searcher()
    query = to_query(match)
    if before is not None and not rank:
        query = _and(query, _rowids_in(None, before))
    where, params = corpus.where(filters)
    filtered = where != "1"
    if not rank and not filtered:
        newest = _newest(corpus, searcher, query, limit, before)
        return [(rowid, score, _cut(searcher, address)) for rowid, score, address in newest]
    found: list[tuple[int, float | None, tantivy.DocAddress]] = []
    offset = 0
    # With filters, hits are checked in the catalogue a batch at a time, each batch larger.
    batch = max(4 * limit, 200) if filtered else limit
    while len(found) < limit:
        page = _page(searcher, query, batch, offset, rank)
        got = len(page)
        if filtered and page:
            kept = _members(corpus, [p[0] for p in page], where, params)
            page = [p for p in page if p[0] in kept]
        found.extend(page[: limit - len(found)])
        if not filtered or got < batch:
            break
        offset += batch
        batch *= 4
    # The same searcher as the addresses: a newer one numbers its segments otherwise.
    return [(rowid, score, _cut(searcher, address)) for rowid, score, address in found]


# Newest first: hits among the newest so many cables first. Ordering every hit of a common
# word by rowid took 8-18 ms at 250k cables; within the newest 2,000 it takes 0.2-0.4 ms,
# and a word in 50 of them needs no more. (A rare word is as quick in the whole index, and
# finding the floor of a larger window, an OFFSET walk, costs more than it saves.)
_WINDOWS = (2_000, 20_000)


def _newest(corpus: Corpus, searcher, query, limit: int, before: int | None):
    conn = corpus.connection()
    below = "WHERE rowid < ?" if before is not None else ""
    for size in _WINDOWS:
        row = conn.execute(
            f"SELECT rowid FROM cables {below} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [*([before] if before is not None else []), size - 1],
        ).fetchone()
        if row is None:
            break  # fewer cables than that: the whole search is as quick
        page = _page(searcher, _and(query, _rowids_in(row[0], None)), limit, 0, False)
        if len(page) >= limit:
            return page
    return _page(searcher, query, limit, 0, False)


def _cut(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> bytes:
    return searcher.doc(address).get_first(SHOWN) or b""


def _page(searcher, query, limit: int, offset: int, rank: bool):
    if rank:
        hits = searcher.search(query, limit, count=False, offset=offset).hits
        if not hits:
            return []
        rowids = searcher.fast_field_values(ROWID, [address for _, address in hits])
        # Lower is better, as bm25() gave it: scores compare the way they did.
        return [(int(r), -score, address) for r, (score, address) in zip(rowids, hits, strict=True)]
    hits = searcher.search(
        query, limit, count=False, offset=offset, order_by_field=ROWID, order=tantivy.Order.Desc
    ).hits
    return [(int(value), None, address) for value, address in hits]


def all_hits(corpus: Corpus, match: str, filters: Filters, *, rank: bool) -> array:
    """Rowids of every hit, newest first or best first."""
    searcher = fulltext(corpus).searcher()
    query = to_query(match)
    everything = max(1, searcher.num_docs)
    out = array("q")
    if rank:
        hits = searcher.search(query, everything, count=False).hits
        if hits:
            out.extend(searcher.fast_field_values(ROWID, [h[1] for h in hits]))
    else:
        hits = searcher.search(
            query, everything, count=False, order_by_field=ROWID, order=tantivy.Order.Desc
        ).hits
        out.extend(int(value) for value, _ in hits)
    where, params = corpus.where(filters)
    if where == "1" or not out:
        return out
    kept = _members(corpus, out, where, params)
    return array("q", (r for r in out if r in kept))


def members_clause(rowids: Sequence[int]) -> tuple[str, list]:
    """A WHERE clause (on ``cables c``) for these rowids, and its parameter."""
    return _MEMBERS, [json.dumps(list(rowids))]


def _members(corpus: Corpus, rowids: Sequence[int], where: str, params: list) -> set[int]:
    clause, values = members_clause(rowids)
    rows = corpus.connection().execute(
        f"SELECT c.rowid FROM cables c WHERE {clause} AND {where}", [*values, *params]
    )
    return {r[0] for r in rows}


def located(corpus: Corpus, rowids: Sequence[int]) -> dict[int, bytes]:
    """Each rowid's cut of its stored body (see ``store.fulltext.shown``)."""
    searcher = fulltext(corpus).searcher()
    query = tantivy.Query.term_set_query(schema(), ROWID, list(rowids))
    hits = searcher.search(query, max(1, len(rowids)), count=False).hits
    addresses = [address for _, address in hits]
    found = searcher.fast_field_values(ROWID, addresses)
    return {int(r): _cut(searcher, a) for r, a in zip(found, addresses, strict=True)}


def _and(query: tantivy.Query, other: tantivy.Query) -> tantivy.Query:
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, other)])


def _rowids_in(lowest: int | None, below: int | None) -> tantivy.Query:
    """Rowids from ``lowest`` up to ``below`` (excluded), either end open when None."""
    return tantivy.Query.range_query(
        schema(), ROWID, tantivy.FieldType.Integer, lower_bound=lowest, upper_bound=below,
        include_upper=below is None,
    )  # fmt: skip
