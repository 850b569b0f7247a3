"""Not a cable, not imported: a file with nothing of a cable in it is reported as "not a
cable" and skipped, while short cables and partial extracts import. All texts are invented."""

from __future__ import annotations

import shutil
from pathlib import Path

from store.corpus.corpus import Corpus
from store.ingest.cable_shape import not_a_cable
from store.ingest.importer import import_paths
from store.parse import parse_text

SHORT = "UNCLAS TESTVILLE 000012\n\nSUBJECT: INVENTED\n\n1. (U) Nothing more.\n"
# A partial extract: no banner, no header, no date; its paragraphs are numbered and marked.
EXTRACT_ONLY = "1. (C) An invented extract, cut from its cable.\n\n2. (C) Its second part.\n"
# The release's note alone says it is an extract, with unnumbered text after it.
NOTE_ONLY = (
    "This record is a partial extract of the original cable. The full text of the original "
    "cable is not available.\n\nAn invented unnumbered passage.\n"
)
NOT_CABLES = {
    "LONG10.txt": "A" * (10 << 20),
    "06ROME12.txt": "Just some invented words under a name shaped like an ID.\n",
    "07PARIS4.txt": "# Notes\n\nInvented notes.\n\n- a list item\n- another one\n",
    "08BERN5.txt": "".join(chr(0x80 + (i * 37) % 0x700) for i in range(5000)),
}


def test_files_with_nothing_of_a_cable_are_reported_and_skipped(tmp_path, samples_dir):
    source = tmp_path / "in"
    shutil.copytree(samples_dir, source)
    cables = {"06TESTVILLE12.txt": SHORT, "06TESTVILLE13.txt": EXTRACT_ONLY,
              "06TESTVILLE14.txt": NOTE_ONLY}  # fmt: skip
    for name, text in {**NOT_CABLES, **cables}.items():
        (source / name).write_text(text, encoding="utf-8")
    (source / "09OSLO7.txt").write_bytes(bytes(range(256)) * 40)
    report = import_paths(tmp_path / "c.sqlite", [source], parse_workers=0)
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    assert set(reasons) == {*NOT_CABLES, "09OSLO7.txt"}
    assert all(reason.startswith("not a cable: ") for reason in reasons.values())
    assert reasons["LONG10.txt"].endswith("; one line of 10,485,760 characters")
    assert reasons["09OSLO7.txt"] == "not a cable: binary data"
    assert report.imported == 2 + 3  # the two samples, the short cable and both extracts
    with Corpus(tmp_path / "c.sqlite") as corpus:
        assert corpus.summary("LONG10") is None
        assert corpus.summary("06TESTVILLE13") is not None


def test_every_fixture_telegram_is_a_cable(fixtures_dir):
    for path in sorted((fixtures_dir / "telegrams").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not_a_cable(text, parse_text(text, source=str(path))) is None, path.name


def test_the_catalogue_says_a_cable_is_one():
    from store.ingest.read_csv import parse_row

    row = '"1","1/10/2006 12:00","06TESTVILLE7","Embassy Testville","UNCLASSIFIED","","","x"'
    raw = parse_row("cables.csv", row, "row 1")
    assert not_a_cable(raw.text, parse_text(raw.text, source=raw.source, known=raw.known)) is None
