"""Garbled catalogue IDs: stored canonical, the page's own ID kept as an alias, never a clash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.corpus.corpus import Corpus
from store.ingest.importer import import_paths, report_json

_BODY = "UNCLASSIFIED\n\nSUBJECT: {subject}\n\n1. (U) {subject} in the text.\n"


def _row(number: int, ref_id: str, subject: str) -> str:
    fields = [
        str(number), "3/4/2007 10:15", ref_id, "Embassy Kabul", "UNCLASSIFIED", "",
        "", _BODY.format(subject=subject),
    ]  # fmt: skip
    return ",".join('"' + field.replace("\\", "\\\\").replace('"', '\\"') + '"' for field in fields)


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = [_row(n, ref_id, subject) for n, (ref_id, subject) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_garbled_id_stored_canonical_and_found_by_its_own(tmp_path):
    source = _csv(tmp_path / "cables.csv", [("07ECTION01OF02KABUL455", "POPPY PRICES")])
    corpus_path = tmp_path / "c.sqlite"
    report = import_paths(corpus_path, [source])
    assert (report.imported, report.skipped, report.notes) == (1, [], [])
    with Corpus(corpus_path) as corpus:
        cable = corpus.get("07ECTION01OF02KABUL455")
        assert cable is not None and cable.id == "07KABUL455"
        assert cable.aliases == ("07ECTION01OF02KABUL455",)
        assert corpus.resolve("07 kabul 000455") == "07KABUL455"
        assert corpus.summary("07ECTION01OF02KABUL455").id == "07KABUL455"
    again = import_paths(corpus_path, [source])
    assert (again.imported, again.unchanged, again.notes) == (0, 1, [])


@pytest.mark.parametrize("order", ["garbled first", "clean first"])
def test_two_pages_on_one_canonical_id_are_both_kept(tmp_path, order):
    rows = [("07ECTION01OF02KABUL455", "POPPY PRICES"), ("07KABUL455", "WHEAT PRICES")]
    if order == "clean first":
        rows.reverse()
    source = _csv(tmp_path / "cables.csv", rows)
    corpus_path = tmp_path / "c.sqlite"
    report = import_paths(corpus_path, [source])
    assert report.imported == 2
    assert len(report.notes) == 1 and "07ECTION01OF02KABUL455" in report.notes[0]
    assert json.loads(report_json(report))["notes"] == report.notes
    with Corpus(corpus_path) as corpus:
        assert corpus.count() == 2
        assert corpus.get("07KABUL455").subject == "WHEAT PRICES"
        assert corpus.get("07ECTION01OF02KABUL455").subject == "POPPY PRICES"
    again = import_paths(corpus_path, [source])
    assert (again.imported, again.unchanged) == (0, 2)


def test_page_whose_table_names_an_id_is_never_skipped(tmp_path):
    source = _csv(
        tmp_path / "cables.csv",
        [("08SECTION01GF02BISHIEK21", "YURT TAX"), ("NOT AN ID AT ALL", "ODD ROW")],
    )
    corpus_path = tmp_path / "c.sqlite"
    report = import_paths(corpus_path, [source])
    assert (report.imported, report.skipped) == (2, [])
    with Corpus(corpus_path) as corpus:
        assert corpus.get("08BISHKEK21").aliases == ("08SECTION01GF02BISHIEK21",)
        assert corpus.get("NOTANIDATALL").subject == "ODD ROW"
