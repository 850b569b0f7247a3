"""``cables tags``, ``cables people`` and the meanings in ``cables stats``: output, --json
shape, exit codes 0/1/2 and one-line errors."""

from __future__ import annotations

import json
import re

import pytest
from test_app_know import know_corpus

from tui.cli import main


@pytest.fixture
def corpus(tmp_path):
    return str(know_corpus(tmp_path))


def run(capsys, corpus, *args: str) -> tuple[int, str, str]:
    code = main(["--corpus", corpus, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_tags_lists_the_corpus_codes_with_meaning_kind_and_count(corpus, capsys):
    code, out, err = run(capsys, corpus, "tags")
    assert code == 0, err
    assert [line.split()[0] for line in out.splitlines()][:2] == ["KZ", "PGOV"]  # most used
    assert re.search(r"^PGOV +2 +subject +Government$", out, re.M)
    assert re.search(r"^KZ +2 +country +Kazakhstan$", out, re.M)
    assert re.search(r"^ZQXW +1 +unknown +\(unknown\)$", out, re.M)  # never guessed
    assert re.search(r"^BIDEN, JOSEPH +1 +person +Joseph Biden$", out, re.M)


def test_tags_by_code_word_and_kind(corpus, capsys):
    code, out, _ = run(capsys, corpus, "tags", "kz", "terror")
    assert code == 0 and [line.split()[0] for line in out.splitlines()][:2] == ["KZ", "PTER"]
    assert "KTFN" in out  # "Terrorist financing": in the glossary, not in this corpus: count 0
    code, out, _ = run(capsys, corpus, "tags", "--kind", "unknown")
    assert code == 0 and out.split() == ["ZQXW", "1", "unknown", "(unknown)"]


def test_tags_json_shape(corpus, capsys):
    code, out, _ = run(capsys, corpus, "tags", "PGOV", "ZQXW", "--json")
    data = json.loads(out)
    assert code == 0 and data == [
        {"code": "PGOV", "meaning": "Government", "kind": "subject", "source": "tags-1974",
         "count": 2},
        {"code": "ZQXW", "meaning": None, "kind": "unknown", "source": None, "count": 1},
    ]  # fmt: skip
    code, out, _ = run(capsys, corpus, "tags", "--all", "--json")
    assert code == 0 and len(json.loads(out)) > 400  # the whole glossary


def test_tags_exit_codes_and_one_line_errors(corpus, capsys, tmp_path):
    code, out, err = run(capsys, corpus, "tags", "nosuchwordanywhere")
    assert (code, out) == (1, "") and err.count("\n") == 1 and "no TAGS code" in err
    code, out, _ = run(capsys, corpus, "tags", "nosuchwordanywhere", "--json")
    assert code == 1 and json.loads(out) == []
    code, _, err = run(capsys, str(tmp_path / "missing.sqlite"), "tags")
    assert code == 2 and err.count("\n") == 1 and "no corpus there" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--corpus", corpus, "tags", "--kind", "planet"])
    assert exit_info.value.code == 2


def test_stats_by_tag_shows_the_meanings(corpus, capsys):
    code, out, _ = run(capsys, corpus, "stats", "--by", "tag")
    assert code == 0 and re.search(r"^ +PGOV Government +2 ", out, re.M)
    code, out, _ = run(capsys, corpus, "stats", "--by", "tag", "--json")
    buckets = {b["label"]: b for b in json.loads(out)["buckets"]}
    assert buckets["KZ"]["meaning"] == "Kazakhstan" and buckets["ZQXW"]["meaning"] is None
    code, out, _ = run(capsys, corpus, "stats")
    assert code == 0 and re.search(r"^ +PGOV Government +2 ", out, re.M)
    code, out, _ = run(capsys, corpus, "stats", "--json")
    assert {"label": "PGOV", "count": 2, "meaning": "Government"} in json.loads(out)["tag"]


def test_people_lists_names_counts_and_dates(corpus, capsys):
    code, out, err = run(capsys, corpus, "people")
    assert code == 0, err
    assert [line[:13] for line in out.splitlines()[:2]] == ["DOE          ", "ODUYA, MIRIAM"]
    assert re.search(r"^ODUYA, MIRIAM +2 +2006-01-12 \.\. 2009-05-01 +classifier$", out, re.M)
    assert re.search(r"^DOE +2 +2008-05-01 \.\. 2009-05-01 +signer$", out, re.M)
    assert re.search(r"^BIDEN, JOSEPH +1 .* tag$", out, re.M)
    code, out, _ = run(capsys, corpus, "people", "oduya", "--json")
    data = json.loads(out)
    assert code == 0 and data[0] == {"name": "ODUYA, MIRIAM", "count": 2, "first": "2006-01-12",
                                     "last": "2009-05-01", "roles": ["classifier"]}  # fmt: skip
    assert {p["name"] for p in data} == {"ODUYA, MIRIAM", "ODUYA"}


def test_people_cables_of_one_person(corpus, capsys):
    code, out, _ = run(capsys, corpus, "people", "--cables", "oduya,", "miriam")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [
        "09TESTPOST3", "06TESTPOST1"]  # fmt: skip
    code, out, _ = run(capsys, corpus, "people", "--cables", "quill", "--json")
    assert json.loads(out)["person"] == "QUILL, PETER"
    assert [c["id"] for c in json.loads(out)["cables"]] == ["08TESTPOST2"]


def test_people_exit_codes_and_one_line_errors(corpus, capsys):
    code, out, err = run(capsys, corpus, "people", "nobody")
    assert (code, out) == (1, "") and err.count("\n") == 1 and "nobody named" in err
    code, out, err = run(capsys, corpus, "people", "--cables", "oduya")
    assert code == 0 and out.split()[0] == "06TESTPOST1"  # the exact name wins: ODUYA
    code, out, err = run(capsys, corpus, "people", "--cables", "o")
    assert code == 1 and err.count("\n") == 1 and "people match; name one:" in err
    code, _, err = run(capsys, corpus, "people", "--cables")
    assert code == 2 and err.count("\n") == 1 and "needs a NAME" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--corpus", corpus, "people", "--limit", "0"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith("must be at least 1, not 0")
