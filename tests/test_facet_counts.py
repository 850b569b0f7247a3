"""Counts on every facet for a search or listing: the same numbers SQL gives, narrowed by
ticked boxes, and read again when the corpus changes."""

from __future__ import annotations

from datetime import datetime

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from store.corpus.corpus import Corpus
from store.corpus.facet_counts import FacetIndex, Selection, facet_counts, facet_index
from store.corpus.filters import Filters
from store.model import Level
from store.query.compile import compile_query

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")


def _cables(count: int) -> dict[str, str]:
    """Cables over three years, three levels, two posts and tags both common and rare."""
    texts = {}
    for i in range(count):
        tags = ["PGOV"] + (["KZ"] if i % 4 == 0 else []) + ([f"Z{i:03d}"] if i % 7 == 0 else [])
        words = "grain harvest" if i % 2 else "oil pipeline"
        texts[f"c{i}"] = telegram(
            station=("ALMATY", "ASTANA")[i % 2], serial=i + 1,
            when=datetime(2006 + i % 3, 1 + i % 12, 1 + i % 27, 9, 0), level=LEVELS[i % 3],
            tags=" ".join(tags), paragraphs=[("(U)", f"A paragraph about {words}.")],
        )  # fmt: skip
    return texts


@pytest.fixture
def corpus(tmp_path):
    path = build_corpus(tmp_path / "c.sqlite", write_telegrams(tmp_path / "in", _cables(60)))
    with Corpus(path, readonly=True) as opened:
        yield opened


def _truth(corpus: Corpus, rowids) -> dict:
    """The counts, the slow and obvious way: SQL over the same rowids."""
    conn = corpus.connection()
    marks = ",".join(str(r) for r in rowids)
    def grouped(column: str, source: str = "cables c") -> dict:
        return dict(conn.execute(
            f"SELECT {column}, count(*) FROM {source} WHERE c.rowid IN ({marks}) GROUP BY 1"))
    return {
        "levels": {Level(k) if k is not None else None: n for k, n in grouped("c.level").items()},
        "years": {int(k): n for k, n in grouped("substr(c.created, 1, 4)").items()},
        "origins": grouped("c.origin"),
        "tags": grouped("t.tag", "tags t JOIN cables c ON c.rowid = t.cable"),
    }  # fmt: skip


def _as_dicts(counts) -> dict:
    return {name: dict(getattr(counts, name)) for name in ("levels", "years", "origins", "tags")}


def test_counts_of_a_search_match_sql(corpus):
    query = compile_query("pipeline")
    rowids = corpus.search_ids(query.match, query.filters)
    counts = facet_counts(corpus, query.match, query.filters)
    assert counts.total == len(rowids) == 30
    assert _as_dicts(counts) == _truth(corpus, rowids)
    assert counts.tags[0] == ("PGOV", 30)  # most common first
    assert [y for y, _ in counts.years] == sorted({y for y, _ in counts.years}, reverse=True)


def test_counts_of_a_listing_and_of_the_whole_corpus(corpus):
    listing = corpus.ids(Filters(levels=frozenset({Level.SECRET})))
    counts = facet_counts(corpus, None, Filters(levels=frozenset({Level.SECRET})))
    assert _as_dicts(counts) == _truth(corpus, listing)
    assert dict(counts.levels) == {Level.SECRET: 20}
    everything = facet_counts(corpus)
    assert everything.total == 60 and _as_dicts(everything) == _truth(corpus, corpus.ids())
    held = facet_index(corpus).counts(listing)  # what the browser does with its rowids
    assert held == counts


def test_ticked_boxes_narrow_the_counts(corpus):
    index = FacetIndex(corpus)
    hits = corpus.ids()
    ticked = Selection(levels=frozenset({Level.SECRET, Level.CONFIDENTIAL}),
                       years=frozenset({2007}), tags=frozenset({"KZ"}))  # fmt: skip
    narrowed = index.counts(hits, ticked)
    expected = corpus.ids(Filters(levels=ticked.levels, tags=("KZ",),
                                  date_from=datetime(2007, 1, 1).date(),
                                  date_to=datetime(2007, 12, 31).date()))  # fmt: skip
    assert narrowed.total == len(expected) > 0
    truth = _truth(corpus, expected)
    assert dict(narrowed.tags) == truth["tags"] and dict(narrowed.origins) == truth["origins"]
    # A facet's own ticks leave its counts alone: the other levels stay there to tick.
    other_levels = corpus.ids(Filters(tags=("KZ",), date_from=datetime(2007, 1, 1).date(),
                                      date_to=datetime(2007, 12, 31).date()))  # fmt: skip
    assert dict(narrowed.levels) == _truth(corpus, other_levels)["levels"]
    other_years = corpus.ids(Filters(levels=ticked.levels, tags=("KZ",)))
    assert dict(narrowed.years) == _truth(corpus, other_years)["years"]
    rare = sorted(t for t, _ in index.counts().tags if t.startswith("Z"))[0]  # a rare tag
    only = index.counts(hits, Selection(tags=frozenset({rare})))
    assert only.total == 1 and dict(only.tags)[rare] == 1
    assert index.counts(hits, Selection(origins=frozenset({"Nowhere"}))).total == 0


def test_unknown_rowids_are_left_out_and_a_change_reads_the_index_again(corpus, tmp_path):
    index = facet_index(corpus)
    assert index.counts([*corpus.ids()[:5], 123456789]).total == 5
    assert facet_index(corpus) is index  # unchanged file: the same index
    build_corpus(corpus.path, write_telegrams(tmp_path / "more", {"x": telegram(serial=999)}))
    again = facet_index(corpus)
    assert again is not index and len(again) == 61
