"""IDs from the data that are not cable IDs: reported with their row, kept under a safe ID.

All rows here are invented."""

from __future__ import annotations

import json

from store.corpus.corpus import Corpus
from store.ingest.importer import import_paths, report_json
from store.parse.safe_ids import is_plain_id, safe_id
from store.sanitize import clean

HOSTILE = ["../../X", "a/b", "$(touch x)", "06 TEST\tPOST\x1b]0;x\x07 9", "\u0666\u0660TESTPOST7"]


def _row(number: int, cable_id: str, body: str = "INVENTED TEST CABLE\n1. (U) Nothing.") -> str:
    quoted = cable_id.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'"{number}","1/10/2006 12:00","{quoted}","Embassy Testville","UNCLASSIFIED","",'
        f'"","{body}"\n'
    )


def test_hostile_ids_are_kept_under_safe_ids_and_reported_with_their_row(tmp_path):
    rows = [_row(1, "06TESTVILLE7")] + [_row(n, i) for n, i in enumerate(HOSTILE, 2)]
    (tmp_path / "cables.csv").write_text("".join(rows), encoding="utf-8")
    path = tmp_path / "c.sqlite"
    report = import_paths(path, [tmp_path / "cables.csv"], parse_workers=0)
    assert (report.imported, report.skipped) == (len(HOSTILE) + 1, [])
    assert len(report.id_notes) == len(HOSTILE)
    for number, (given, note) in enumerate(zip(HOSTILE, report.id_notes, strict=True), 2):
        assert note.startswith(f"{tmp_path / 'cables.csv'}:row {number} (line ")
        # Controls are made visible (^[) at ingest, before the ID is derived.
        assert note.endswith(f"is not a cable ID: kept as {safe_id(clean(given))}")
    with Corpus(path) as corpus:
        ids = {summary.id for summary in corpus.summaries(corpus.ids())}
    assert all(is_plain_id(cable_id) for cable_id in ids)
    assert ids == {"06TESTVILLE7", *(safe_id(clean(given)) for given in HOSTILE)}
    assert safe_id("../../X").startswith("BADID") and safe_id("../../X").endswith("X")
    assert json.loads(report_json(report))["id_notes"] == report.id_notes
    # The same input gives the same IDs: a second import changes nothing.
    again = import_paths(path, [tmp_path / "cables.csv"], parse_workers=0)
    assert (again.imported, again.unchanged) == (0, len(HOSTILE) + 1)


def test_a_banner_gives_the_id_when_the_catalogue_gives_none(tmp_path):
    body = "UNCLAS TESTVILLE 000012\n\nSUBJECT: INVENTED\n\n1. (U) Nothing."
    (tmp_path / "cables.csv").write_text(_row(1, "../../X", body), encoding="utf-8")
    report = import_paths(tmp_path / "c.sqlite", [tmp_path / "cables.csv"], parse_workers=0)
    [note] = report.id_notes
    assert note.endswith("'../../X' is not a cable ID: kept as 06TESTVILLE12")


def test_the_import_summary_says_how_many_and_which(tmp_path, capsys):
    from tui.cli import main

    source = tmp_path / "cables.csv"
    source.write_text(_row(1, "../../X") + _row(2, "a/b"), encoding="utf-8")
    code = main(["import", "-q", "--corpus", str(tmp_path / "c.sqlite"), str(source)])
    err = capsys.readouterr().err.splitlines()
    assert code == 0
    assert err[0] == "kept 2 cables under a safe ID: the ID the data gave is not a cable ID"
    assert err[1].startswith("  not an ID: ") and f"kept as {safe_id('../../X')}" in err[1]
    assert "row 2" in err[2] and f"kept as {safe_id('a/b')}" in err[2]
    assert not (tmp_path / "x").exists() and not (tmp_path.parent.parent / "X").exists()
