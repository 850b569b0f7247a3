"""The people index: names normalised, kept at import, replaced on re-import, gone with a
removed cable, and added to a corpus made before it existed."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from store.corpus.corpus import Corpus
from store.corpus.filters import Filters
from store.corpus.schema import CorpusError
from store.ingest.removal import remove_cables
from store.people.index import cables_of, people, people_in
from store.people.names import normalise, reading_order


@pytest.mark.parametrize(
    ("written", "surname_first", "canonical"),
    [
        ("BIDEN, JOSEPH", True, "BIDEN, JOSEPH"),
        ("CLINTON, HILLARY R", True, "CLINTON, HILLARY"),
        ("Miriam K. Oduya", False, "ODUYA, MIRIAM"),
        ("DAVID T. ARKWRIGHT JR.", False, "ARKWRIGHT, DAVID"),
        ("david t. arkwright", False, "ARKWRIGHT, DAVID"),
        ("Blake, Jr., Robert O.", False, "BLAKE, ROBERT"),
        ("Kurt van Voorst", False, "VAN VOORST, KURT"),
        ("Van Voorst", False, "VAN VOORST"),
        ("RICE", False, "RICE"),
        ("J. Smith", False, "SMITH, J"),
        ("O'Connor, Patrick", False, "O'CONNOR, PATRICK"),
        ("Charles W. Larson, Jr.", False, "LARSON, CHARLES"),
        ("CRETZ  CRETZ", False, "CRETZ"),
    ],
)
def test_names_are_normalised(written, surname_first, canonical):
    assert normalise(written, surname_first=surname_first) == canonical


def test_what_cannot_be_a_name_is_none():
    assert normalise(None) is None
    assert normalise("   ") is None
    assert normalise("1.4 (b)") is None
    assert normalise("A B C D E F G H") is None  # a sentence, not a name
    assert reading_order("CLINTON, HILLARY") == "Hillary Clinton"
    assert reading_order("RICE") == "Rice"


def _telegrams(tmp_path):
    return write_telegrams(
        tmp_path / "in",
        {
            "one": telegram(serial=1, when=datetime(2006, 1, 12, 5, 8),
                            tags="PGOV OVIP (CLINTON, HILLARY R)",
                            classified_by="Ambassador Miriam K. Oduya", signer="ODUYA"),
            "two": telegram(serial=2, when=datetime(2008, 3, 1, 9, 0),
                            tags="PREL OVIP BIDEN JOSEPH",
                            classified_by="POLOFF DAVID T. ARKWRIGHT JR.", signer="ODUYA"),
            "three": telegram(serial=3, when=datetime(2009, 7, 4, 9, 0), tags="ECON",
                              classified_by="Miriam Oduya", signer="NNNN"),
        },
    )  # fmt: skip


@pytest.fixture
def corpus_path(tmp_path):
    return build_corpus(tmp_path / "c.sqlite", _telegrams(tmp_path))


def test_import_keeps_tags_classifiers_and_signers(corpus_path):
    with Corpus(corpus_path, readonly=True) as corpus:
        found = {p.name: p for p in people(corpus)}
    assert set(found) >= {"CLINTON, HILLARY", "BIDEN, JOSEPH", "ODUYA, MIRIAM",
                          "ARKWRIGHT, DAVID", "ODUYA"}  # fmt: skip
    oduya = found["ODUYA, MIRIAM"]
    assert oduya.count == 2 and oduya.roles == ("classifier",)
    assert (oduya.first.date().isoformat(), oduya.last.date().isoformat()) == (
        "2006-01-12", "2009-07-04",
    )  # fmt: skip
    assert found["ODUYA"].roles == ("signer",) and found["ODUYA"].count == 2
    assert found["CLINTON, HILLARY"].roles == ("tag",)


def test_names_filter_and_a_persons_cables(corpus_path):
    with Corpus(corpus_path, readonly=True) as corpus:
        assert [p.name for p in people(corpus, ["oduya", "miriam"])] == ["ODUYA, MIRIAM"]
        assert people(corpus, ["nobody"]) == []
        rowids = cables_of(corpus, "Miriam K. Oduya")  # as written: normalised to find
        assert [s.id for s in corpus.summaries(rowids)] == ["09TESTPOST3", "06TESTPOST1"]
        listing = corpus.ids()
        inside = people_in(corpus, [r for r in listing if r in set(rowids)])
        assert {p.name: p.count for p in inside}["ODUYA, MIRIAM"] == 2
        assert "BIDEN, JOSEPH" not in {p.name for p in inside}


def test_remove_and_reimport_keep_the_index_true(tmp_path, corpus_path):
    remove_cables(corpus_path, ["08TESTPOST2"])
    with Corpus(corpus_path, readonly=True) as corpus:
        names = {p.name for p in people(corpus)}
    assert "BIDEN, JOSEPH" not in names and "ARKWRIGHT, DAVID" not in names
    # The same cable again, now classified by someone else: the index follows the text.
    again = write_telegrams(tmp_path / "again", {"one": telegram(
        serial=1, when=datetime(2006, 1, 12, 5, 8), tags="PGOV OVIP (CLINTON, HILLARY R)",
        classified_by="Acting DCM Peter Quill", signer="ODUYA")})  # fmt: skip
    build_corpus(corpus_path, again)
    with Corpus(corpus_path, readonly=True) as corpus:
        found = {p.name: p.count for p in people(corpus)}
    assert found["QUILL, PETER"] == 1 and found["ODUYA, MIRIAM"] == 1


def test_an_older_corpus_is_read_as_it_is_and_upgraded_when_written(corpus_path):
    # Make it a schema-6 corpus: no people table, no trigger.
    conn = sqlite3.connect(corpus_path)
    conn.executescript(
        "DROP TRIGGER cables_ad_people; DROP TABLE people; PRAGMA user_version = 6;"
    )
    conn.close()
    with Corpus(corpus_path, readonly=True) as corpus:
        assert corpus.count() == 3  # still readable
        with pytest.raises(CorpusError, match="older cables"):
            people(corpus)
        with pytest.raises(CorpusError, match="person:"):
            corpus.ids(Filters(people=("ODUYA, MIRIAM",)))
    with Corpus(corpus_path) as corpus:  # writable: upgraded, filled from the stored texts
        assert corpus.connection().execute("PRAGMA user_version").fetchone()[0] == 7
        found = {p.name: p.roles for p in people(corpus)}
    assert found["ODUYA, MIRIAM"] == ("classifier",) and found["ODUYA"] == ("signer",)
    assert found["CLINTON, HILLARY"] == ("tag",)
    remove_cables(corpus_path, ["06TESTPOST1"])  # the trigger came with the upgrade
    with Corpus(corpus_path, readonly=True) as corpus:
        assert "CLINTON, HILLARY" not in {p.name for p in people(corpus)}


def test_a_much_older_corpus_is_still_refused(corpus_path):
    conn = sqlite3.connect(corpus_path)
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with pytest.raises(CorpusError, match="older cables"):
        Corpus(corpus_path)


def test_an_unchanged_cable_imported_again_gets_its_people_written_again(tmp_path, corpus_path):
    # As after a parser that finds more names: the rows are rewritten for unchanged cables.
    conn = sqlite3.connect(corpus_path)
    conn.execute("DELETE FROM people")
    conn.commit()
    conn.close()
    from store.ingest.importer import import_paths

    report = import_paths(corpus_path, [tmp_path / "in"], parse_workers=0)
    assert report.unchanged == 3 and report.imported == report.updated == 0
    with Corpus(corpus_path, readonly=True) as corpus:
        assert {p.name for p in people(corpus)} >= {"ODUYA, MIRIAM", "BIDEN, JOSEPH"}


def test_the_person_filter_of_the_search_language(corpus_path):
    from store.query.compile import QueryError, compile_query

    query = compile_query('person:"Miriam K. Oduya" person:biden,joseph')
    assert query.filters.people == ("ODUYA, MIRIAM", "BIDEN, JOSEPH")
    with Corpus(corpus_path, readonly=True) as corpus:
        alone = corpus.ids(compile_query('person:"oduya, miriam"').filters)
        assert [s.id for s in corpus.summaries(alone)] == ["09TESTPOST3", "06TESTPOST1"]
        both = compile_query('person:"oduya, miriam" person:"clinton, hillary"').filters
        assert [s.id for s in corpus.summaries(corpus.ids(both))] == ["06TESTPOST1"]
        hits = corpus.search_ids(*_compiled('person:"oduya, miriam" invented'))
        assert len(hits) == 2
    for bad, message in (("person:1.4", "names no one"), ("people:x", "did you mean person:")):
        with pytest.raises(QueryError, match=message):
            compile_query(bad)


def _compiled(text: str):
    from store.query.compile import compile_query

    query = compile_query(text)
    return query.match, query.filters
