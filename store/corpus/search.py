"""Full-text search over the corpus: the index side of ``Corpus`` (hits, hit rowids, snippets).

A module of its own so that ``store/corpus/corpus.py`` stays the listings and single cables the
browser needs at start-up; ``Corpus.search``, ``search_ids`` and ``snippets`` delegate here
and import it when first used. The index itself is ``store.fulltext``.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from store.corpus.filters import Filters
from store.fulltext import hits as fulltext
from store.model import Hit

if TYPE_CHECKING:
    from store.corpus.corpus import Corpus


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
    found = fulltext.top(corpus, match, filters, limit=limit, rank=rank, before=before)
    summaries = {s.rowid: s for s in corpus.summaries([rowid for rowid, _, _ in found])}
    snippets = _snippets(corpus, match, {rowid: cut for rowid, _, cut in found})
    return [
        Hit(summaries[rowid], snippets.get(rowid, ""), score)
        for rowid, score, _ in found
        if rowid in summaries
    ]


def search_ids(corpus: Corpus, match: str, filters: Filters, *, rank: bool) -> array:
    """See ``Corpus.search_ids``."""
    return fulltext.all_hits(corpus, match, filters, rank=rank)


def snippets(corpus: Corpus, match: str, rowids: Sequence[int]) -> dict[int, str]:
    """See ``Corpus.snippets``."""
    if not rowids:
        return {}
    return _snippets(corpus, match, fulltext.located(corpus, rowids))


def _snippets(corpus: Corpus, match: str, cuts: dict[int, bytes]) -> dict[int, str]:
    """Snippets from the text the index holds: the stored body cut as the index cut it."""
    if not cuts:
        return {}
    from store.corpus.snippets import make_snippet
    from store.fulltext.shown import cut_out

    marks = ",".join("?" * len(cuts))
    rows = corpus.connection().execute(
        f"SELECT rowid, body, subject FROM texts WHERE rowid IN ({marks})", list(cuts)
    )
    return {r[0]: make_snippet(match, cut_out(r[1], cuts.get(r[0])), r[2] or "") for r in rows}
