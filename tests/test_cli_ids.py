"""`cables show` by a page's own garbled ID; `cables parse --json` as safe JSON Lines."""

from __future__ import annotations

import json

from tui.cli import main

_ROW = '"1","3/4/2007 10:15","07ECTION01OF02KABUL455","Embassy Kabul","UNCLASSIFIED","","","{}"\n'


def test_show_accepts_the_page_id(tmp_path, capsys):
    source = tmp_path / "cables.csv"
    source.write_text(_ROW.format("UNCLASSIFIED\\n\\nSUBJECT: POPPY PRICES\\n\\n1. (U) Up."))
    corpus = tmp_path / "c.sqlite"
    assert main(["--corpus", str(corpus), "import", "-q", str(source)]) == 0
    capsys.readouterr()
    code = main(["--corpus", str(corpus), "show", "07ECTION01OF02KABUL455", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["id"] == "07KABUL455"


def test_parse_json_escapes_line_separators(tmp_path, capsys):
    text = "UNCLASSIFIED ROME 000321\n\nSUBJECT: A\u2028B\u2029C\n\n1. (U) Text\u2028here.\n"
    path = tmp_path / "cable.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["parse", "--json", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\u2028" not in out and "\u2029" not in out
    assert len(out.splitlines()) == 1
    record = json.loads(out)
    # The parser reads the separators as the line breaks they are.
    assert record["paragraphs"][-1]["text"] == "Text here."
