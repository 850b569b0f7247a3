"""The whole corpus's counts kept in a table (store.corpus.totals): right after an import and
a removal, on a read-only corpus, and never shown once the cables changed after them."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

from store.corpus import totals
from store.corpus.corpus import Corpus
from store.fulltext import ledger
from tui.cli import main

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")


def _texts(first: int, count: int) -> dict[str, str]:
    texts = {}
    for i in range(first, first + count):
        tags = "PGOV" + (" KZ" if i % 3 == 0 else "") + (" ECON" if i % 5 == 0 else "")
        texts[f"c{i}"] = telegram(
            station=("ALMATY", "ASTANA", "ROME")[i % 3], serial=i + 1,
            when=datetime(2005 + i % 4, 1 + i % 12, 1 + i % 27, 9, 0), level=LEVELS[i % 3],
            tags=tags,
        )  # fmt: skip
    return texts


@pytest.fixture
def path(tmp_path):
    return build_corpus(tmp_path / "c.sqlite", write_telegrams(tmp_path / "in", _texts(0, 20)))


def _live(path) -> dict:
    """The counts straight from the cables, joined the slow way: what stats must print."""
    conn = sqlite3.connect(path)
    try:

        def pairs(sql):
            return sorted((str(label), n) for label, n in conn.execute(sql))

        return {
            "total": conn.execute("SELECT count(*) FROM cables").fetchone()[0],
            "classification": pairs("SELECT classification, count(*) FROM cables GROUP BY 1"),
            "year": pairs("SELECT substr(created, 1, 4), count(*) FROM cables GROUP BY 1"),
            "origin": pairs("SELECT origin, count(*) FROM cables GROUP BY 1"),
            "tag": pairs(
                "SELECT t.tag, count(*) FROM tags t JOIN cables c ON c.rowid = t.cable GROUP BY 1"
            ),
        }
    finally:
        conn.close()


def _stats(capsys, path) -> dict:
    assert main(["--corpus", str(path), "stats", "--json", "--top", "100"]) == 0
    document = json.loads(capsys.readouterr().out)
    return {
        "total": document["total"],
        **{
            kind: sorted((item["label"], item["count"]) for item in document[kind])
            for kind in ("classification", "year", "origin", "tag")
        },
    }


def _stamp_is_current(path) -> bool:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (totals.STAMP,)).fetchone()
        return row is not None and int(row[0]) == ledger.state(conn)[1]
    finally:
        conn.close()


def _change_behind_their_back(path, cable_id: str) -> None:
    """What a writer that does not keep the table (an older cables) leaves: one cable gone,
    the change sealed, the counts not refreshed."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        assert conn.execute("DELETE FROM cables WHERE id = ?", (cable_id,)).rowcount == 1
        ledger.seal(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_an_import_leaves_the_counts_current_and_right(path, capsys):
    assert _stamp_is_current(path)
    assert _stats(capsys, path) == _live(path)


def test_a_second_import_and_a_removal_count_again(path, tmp_path, capsys):
    build_corpus(path, write_telegrams(tmp_path / "more", _texts(20, 7)))
    assert _stamp_is_current(path)
    after_import = _stats(capsys, path)
    assert after_import["total"] == 27 and after_import == _live(path)
    with Corpus(path, readonly=True) as corpus:
        gone = [s.id for s in corpus.page(limit=3)]
    assert main(["--corpus", str(path), "remove", *gone]) == 0
    capsys.readouterr()
    assert _stamp_is_current(path)
    after_removal = _stats(capsys, path)
    assert after_removal["total"] == 24 and after_removal == _live(path)


def test_counts_out_of_date_are_counted_again_not_shown(path, capsys):
    with Corpus(path, readonly=True) as corpus:
        before = corpus.facets()
        gone = corpus.page(limit=1)[0].id
    _change_behind_their_back(path, gone)
    assert not _stamp_is_current(path)
    shown = _stats(capsys, path)
    assert shown["total"] == before.total - 1 and shown == _live(path)
    assert _stamp_is_current(path)  # a writable corpus has them refreshed on the way


def _read_only(copy, monkeypatch) -> None:
    """Write permission taken away; root, whom permissions do not bind, is told so."""
    os.chmod(copy, 0o444)
    os.chmod(copy.parent, 0o555)
    if os.geteuid() == 0:
        monkeypatch.setattr(totals, "can_write", lambda path: False)


def test_a_read_only_corpus_with_counts_out_of_date_counts_live(
    path, tmp_path, capsys, monkeypatch
):
    copy = tmp_path / "ro" / "c.sqlite"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    with Corpus(copy, readonly=True) as corpus:
        gone = corpus.page(limit=1)[0].id
    _change_behind_their_back(copy, gone)
    _read_only(copy, monkeypatch)
    try:
        shown = _stats(capsys, copy)
        with Corpus(copy, readonly=True) as corpus:
            facets = corpus.facets(top=2)
    finally:
        os.chmod(copy.parent, 0o755)
        os.chmod(copy, 0o644)
    assert shown["total"] == 19 and shown == _live(copy)
    assert not _stamp_is_current(copy)  # nothing was written
    assert facets.tags == [("PGOV", 19), ("KZ", 7)]


def test_a_read_only_corpus_with_current_counts_reads_them(path, tmp_path, capsys, monkeypatch):
    copy = tmp_path / "ro" / "c.sqlite"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    _read_only(copy, monkeypatch)
    try:
        shown = _stats(capsys, copy)
    finally:
        os.chmod(copy.parent, 0o755)
        os.chmod(copy, 0o644)
    assert shown == _live(path)


def test_a_corpus_made_before_the_table_gets_it_at_the_first_stats(path, capsys):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE totals")
    conn.execute("DELETE FROM meta WHERE key = ?", (totals.STAMP,))
    conn.close()
    assert _stats(capsys, path) == _live(path)
    assert _stamp_is_current(path)


def test_an_import_cut_short_never_leaves_its_counts_shown(path, tmp_path, capsys, monkeypatch):
    from store.ingest.importer import import_paths

    def interrupt(done, total):
        raise KeyboardInterrupt

    more = write_telegrams(tmp_path / "more", _texts(20, 6))
    report = import_paths(path, [more], batch_size=2, progress=interrupt, parse_workers=0)
    assert report.interrupted and report.imported == 2
    assert not _stamp_is_current(path)  # the counts of 20 cables, the corpus now of 22
    monkeypatch.setattr(totals, "can_write", lambda path: False)  # as if read-only
    assert _stats(capsys, path) == _live(path)
    assert _live(path)["total"] == 22
