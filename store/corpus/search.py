"""Full-text search over the corpus: the FTS5 side of ``Corpus`` (hits, hit rowids, snippets).

A module of its own so that ``store/corpus/corpus.py`` stays the listings and single cables the
browser needs at start-up; ``Corpus.search``, ``search_ids`` and ``snippets`` delegate here
and import it when first used.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from store.corpus.filters import Filters
from store.corpus.rows import rowid_array
from store.model import Hit

if TYPE_CHECKING:
    from store.corpus.corpus import Corpus

# Ranking: a word in the subject weighs more than one in the body.
_BM25 = "bm25(cables_fts, 4.0, 1.0)"


def search(
    corpus: Corpus,
    match: str | None,
    filters: Filters,
    *,
    limit: int,
    rank: bool,
    before: int | None,
) -> list[Hit]:
    """See ``Corpus.search``."""
    if match is None:
        return [Hit(s, "") for s in corpus.page(filters, before=before, limit=limit)]
    where, params = corpus.where(filters)
    if before is not None and not rank:
        where += " AND cables_fts.rowid < ?"
        params.append(before)
    # First the rowids (and scores) of the page, then summaries and snippets for just
    # those: a sorter that carried wide rows for every match cost 5x in bm25 mode.
    join = "" if where == "1" else "JOIN cables c ON c.rowid = cables_fts.rowid "
    order = "score, cables_fts.rowid DESC" if rank else "cables_fts.rowid DESC"
    score = _BM25 if rank else "NULL"
    found = (
        corpus.connection()
        .execute(
            f"SELECT cables_fts.rowid, {score} AS score FROM cables_fts {join}"
            f"WHERE cables_fts MATCH ? AND {where} ORDER BY {order} LIMIT ?",
            [match, *params, limit],
        )
        .fetchall()
    )
    rowids = [row[0] for row in found]
    summaries = {s.rowid: s for s in corpus.summaries(rowids)}
    snippets = corpus.snippets(match, rowids)
    return [
        Hit(summaries[rowid], snippets.get(rowid, ""), score)
        for rowid, score in found
        if rowid in summaries
    ]


def search_ids(corpus: Corpus, match: str, filters: Filters, *, rank: bool) -> array:
    """See ``Corpus.search_ids``."""
    where, params = corpus.where(filters)
    join = "" if where == "1" else "JOIN cables c ON c.rowid = cables_fts.rowid "
    order = f"{_BM25}, cables_fts.rowid DESC" if rank else "cables_fts.rowid DESC"
    cursor = corpus.connection().execute(
        f"SELECT cables_fts.rowid FROM cables_fts {join}"
        f"WHERE cables_fts MATCH ? AND {where} ORDER BY {order}",
        [match, *params],
    )
    return rowid_array(cursor)


def snippets(corpus: Corpus, match: str, rowids: Sequence[int]) -> dict[int, str]:
    """See ``Corpus.snippets``."""
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    rows = corpus.connection().execute(
        f"SELECT rowid, body, subject FROM texts WHERE rowid IN ({marks})", list(rowids)
    )
    from store.corpus.snippets import make_snippet

    return {r[0]: make_snippet(match, r[1], r[2] or "") for r in rows}
