"""The corpus API: listings in date order, filters, one cable, references, search."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from store.corpus.corpus import Corpus
from store.corpus.filters import Filters
from store.corpus.schema import CorpusError
from store.model import Level
from store.query.compile import compile_query
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START


@pytest.fixture
def corpus(tmp_path, samples_dir):
    texts = {
        "a": telegram("ANKARA", 10, datetime(2005, 3, 1, 9, 0), "SECRET",
                      "TURKEY: INVENTED TALKS ON WIDGETS", tags="PREL TU",
                      paragraphs=[("(S)", "Widgets were discussed with O'Brien."),
                                  ("(C)", "The C-130 flew over the U.S. base.")]),
        "b": telegram("ANKARA", 11, datetime(2006, 7, 2, 10, 30), "CONFIDENTIAL",
                      "TURKEY: FOLLOW UP ON WIDGETS", refs=["05 ANKARA 10", "STATE 99"],
                      tags="PREL PGOV TU"),
        "c": telegram("PARIS", 5, datetime(2009, 12, 31, 23, 59), "UNCLASSIFIED",
                      "FRANCE: NOTHING ABOUT GADGETS", tags="ECON FR",
                      paragraphs=[("(U)", "Gadgets, not widgets, were the subject.")]),
    }  # fmt: skip
    source = write_telegrams(tmp_path / "in", texts)
    for sample in samples_dir.iterdir():
        (source / sample.name).write_bytes(sample.read_bytes())
    path = build_corpus(tmp_path / "c.sqlite", source)
    with Corpus(path, readonly=True) as opened:
        yield opened


def test_listing_is_newest_first_and_undated_last(corpus):
    ids = [s.id for s in corpus.page(limit=10)]
    assert ids == ["09PARIS5", "06ANKARA11", "06ALMATY79", "05ANKARA10", "ALMATY2558"]
    assert corpus.count() == 5
    assert list(corpus.ids()) == [s.rowid for s in corpus.page(limit=10)]


def test_keyset_paging_walks_everything_once(corpus):
    seen, before = [], None
    while page := corpus.page(before=before, limit=2):
        seen += [s.id for s in page]
        before = page[-1].rowid
    assert seen == [s.id for s in corpus.page(limit=10)]


def test_filters(corpus):
    assert corpus.count(Filters(levels=frozenset({Level.SECRET}))) == 1
    assert corpus.count(Filters(tags=("TU",))) == 2
    assert corpus.count(Filters(tags=("TU", "PGOV"))) == 1
    assert corpus.count(Filters(origins=("ankara",))) == 2
    assert corpus.count(Filters(origins=("nowhere",))) == 0
    assert corpus.count(Filters(date_from=date(2006, 1, 1), date_to=date(2009, 12, 31))) == 3
    assert corpus.count(Filters(date_to=date(2005, 12, 31))) == 1
    assert corpus.count(Filters(caveats=frozenset({"FOUO"}))) == 1
    assert [s.id for s in corpus.page(Filters(id_prefix="06"))] == ["06ANKARA11", "06ALMATY79"]


def test_get_round_trips_the_parsed_cable(corpus):
    cable = corpus.get("06almaty79")
    assert cable is not None
    assert cable.classification.full == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert cable.origin == "US Office Almaty"
    assert cable.is_partial
    assert [p.number for p in cable.paragraphs if p.number][:3] == ["1.", "2.", "3."]
    undated = corpus.get("ALMATY2558")
    assert undated.created is None and undated.is_partial
    assert corpus.get("99NOWHERE1") is None


def test_references_and_cited_by(corpus):
    cable = corpus.get("06ANKARA11")
    assert cable.references == ("05ANKARA10", "06STATE99")
    assert corpus.existing(cable.references) == {"05ANKARA10"}
    assert [s.id for s in corpus.cited_by("05ANKARA10")] == ["06ANKARA11"]
    assert corpus.cited_by("09PARIS5") == []


def test_find_prefix_for_jump_to_id(corpus):
    assert [s.id for s in corpus.find_prefix("06a")] == ["06ALMATY79", "06ANKARA11"]
    assert corpus.find_prefix("") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("widgets", ["09PARIS5", "06ANKARA11", "05ANKARA10"]),
        ("widgets -gadgets", ["06ANKARA11", "05ANKARA10"]),
        ('"follow up"', ["06ANKARA11"]),
        ("widg*", ["09PARIS5", "06ANKARA11", "05ANKARA10"]),
        ("O'Brien", ["05ANKARA10"]),
        ("C-130", ["05ANKARA10"]),
        ("U.S.", ["05ANKARA10"]),
        ("widgets class:secret", ["05ANKARA10"]),
        ("widgets tag:PGOV", ["06ANKARA11"]),
        ("baimenov", ["ALMATY2558"]),
        ("gadgets OR baymenov", ["09PARIS5", "06ALMATY79"]),
    ],
)
def test_search_newest_first(corpus, query, expected):
    compiled = compile_query(query)
    hits = corpus.search(compiled.match, compiled.filters)
    assert [h.summary.id for h in hits] == expected
    assert list(corpus.search_ids(compiled.match, compiled.filters)) == [
        h.summary.rowid for h in hits
    ]


def test_search_snippets_mark_terms_and_rank(corpus):
    compiled = compile_query("widgets")
    hits = corpus.search(compiled.match, rank=True)
    assert {h.summary.id for h in hits} == {"09PARIS5", "06ANKARA11", "05ANKARA10"}
    assert all(h.score is not None for h in hits)
    # Subject matches weigh more: both Ankara cables have WIDGETS in the subject.
    assert hits[-1].summary.id == "09PARIS5"
    assert all(HIGHLIGHT_START in h.snippet and HIGHLIGHT_END in h.snippet for h in hits)


def test_facets(corpus):
    facets = corpus.facets()
    assert facets.total == 5
    assert dict(facets.levels)["SECRET"] == 1
    assert dict(facets.tags)["TU"] == 2
    assert dict(facets.years)[None] == 1


def test_not_a_corpus_gets_a_clear_message(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(CorpusError, match="not a cables corpus"):
        Corpus(junk)
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(CorpusError, match="something else"):
        Corpus(other, readonly=True)
    with pytest.raises(CorpusError, match="no corpus"):
        Corpus(tmp_path / "absent.sqlite", readonly=True)


def test_readonly_file_still_reads(tmp_path, corpus):
    import os
    import shutil

    copy = tmp_path / "ro" / "c.sqlite"
    copy.parent.mkdir()
    shutil.copy(corpus.path, copy)
    os.chmod(copy, 0o444)
    os.chmod(copy.parent, 0o555)
    try:
        with Corpus(copy, readonly=True) as ro:
            assert ro.count() == 5
    finally:
        os.chmod(copy.parent, 0o755)
