"""Related cables (store/fulltext/related.py): closest in content, REF links first."""

from __future__ import annotations

import pytest
from related_support import related_corpus

from store.corpus.corpus import Corpus
from store.fulltext.related import related


@pytest.fixture
def corpus(tmp_path):
    with Corpus(related_corpus(tmp_path)) as opened:
        yield opened


def test_a_near_duplicate_ranks_first_and_common_words_find_nothing(corpus):
    found = related(corpus, "06TESTPOST1")
    ids = [r.id for r in found]
    assert ids[0] == "06TESTPOST5" and found[0].link == "cited by"  # REF links first
    assert ids[1] == "06TESTPOST2" and found[1].link is None and found[1].score == 1.0
    assert "08OTHERPOST3" in ids and ids.index("08OTHERPOST3") > 1  # fewer words shared
    assert "06TESTPOST4" not in ids  # shares only common words
    assert "06TESTPOST1" not in ids  # never itself


def test_links_both_ways_and_an_unknown_cable(corpus):
    cites = related(corpus, "06TESTPOST5")
    assert cites[0].id == "06TESTPOST1" and cites[0].link == "cites"
    assert related(corpus, "99NOWHERE1") is None


def test_the_limit_and_shared_tags(corpus):
    found = related(corpus, "06TESTPOST1", limit=2)
    assert len(found) == 2
    assert all(isinstance(r.shared_tags, tuple) for r in found)


def test_cables_related_prints_and_exits_as_documented(corpus, capsys):
    import json

    from tui.cli import main

    path = str(corpus.path)
    assert main(["--corpus", path, "related", "06TESTPOST1", "-n", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and "cited by" in lines[0] and "06TESTPOST5" in lines[0]
    assert "06TESTPOST2" in lines[1] and "1.00" in lines[1]
    assert main(["--corpus", path, "related", "06TESTPOST1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["id"] == "06TESTPOST1" and document["related"][0]["link"] == "cited by"
    assert main(["--corpus", path, "related", "99NOWHERE1"]) == 1
    assert "no cable 99NOWHERE1" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["--corpus", path, "related", "06TESTPOST1", "-n", "0"])
    assert exit_info.value.code == 2
