"""Importing: idempotent re-imports, bad files reported and skipped, kill-safety, resume."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from cable_factory import telegram, write_telegrams
from fulltext_support import assert_index_matches

from store.corpus.corpus import Corpus
from store.ingest.importer import import_paths

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.generate import generate_csv  # noqa: E402


def test_samples_import_and_reimport_is_idempotent(tmp_path, samples_dir):
    path = tmp_path / "c.sqlite"
    first = import_paths(path, [samples_dir])
    assert (first.imported, first.updated, len(first.skipped)) == (2, 0, 0)
    again = import_paths(path, [samples_dir])
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    with Corpus(path) as corpus:
        assert corpus.count() == 2


def test_changed_cable_is_updated_not_duplicated(tmp_path):
    source = write_telegrams(tmp_path / "in", {"a": telegram(subject="FIRST: VERSION")})
    path = tmp_path / "c.sqlite"
    import_paths(path, [source])
    write_telegrams(source, {"a": telegram(subject="SECOND: VERSION")})
    report = import_paths(path, [source])
    assert report.updated == 1
    with Corpus(path) as corpus:
        assert corpus.count() == 1
        assert corpus.get("06TESTPOST1").subject == "SECOND: VERSION"
        from store.query.compile import compile_query

        assert corpus.search(compile_query("first").match) == []
        assert len(corpus.search(compile_query("second").match)) == 1


def test_one_cable_twice_in_one_batch_keeps_the_index_consistent(tmp_path):
    # The batch's index rows are written late and sorted; a second copy of a cable in the
    # same batch deletes the first copy's terms, which must be in the index by then.
    source = write_telegrams(
        tmp_path / "in",
        {
            "a": telegram(subject="ZORBLAX: VERSION"),
            "b": telegram(station="OTHERPOST", subject="UNRELATED: CABLE"),
            "c": telegram(subject="QUIMBLE: VERSION"),
        },
    )
    path = tmp_path / "c.sqlite"
    report = import_paths(path, [source], parse_workers=0)
    assert (report.imported, report.updated) == (2, 1)
    assert_index_matches(path)
    with Corpus(path) as corpus:
        from store.query.compile import compile_query

        assert corpus.search(compile_query("zorblax").match) == []
        assert len(corpus.search(compile_query("quimble").match)) == 1
        assert len(corpus.search(compile_query("unrelated").match)) == 1


def test_an_html_page_after_the_csv_keeps_the_csv_minutes(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    body = "C O N F I D E N T I A L PARIS 000077\n\nSUBJECT: MINUTES\n\n1. (C) Text.\n"
    (source / "cables.csv").write_text(
        f'"1","3/1/2008 10:07","08PARIS77","Embassy Paris","CONFIDENTIAL","","","{body}"\n'
    )
    page = (
        "<table><tr><td>Reference ID</td><td>Created</td><td>Classification</td>"
        "<td>Origin</td></tr><tr><td>08PARIS77</td><td>2008-03-01 10:10</td>"
        "<td>CONFIDENTIAL</td><td>Embassy Paris</td></tr></table>"
        f"<pre>{body}</pre>"
    )
    path = tmp_path / "c.sqlite"
    import_paths(path, [source / "cables.csv"], parse_workers=0)
    (source / "08PARIS77.html").write_text(page)
    import_paths(path, [source / "08PARIS77.html"], parse_workers=0)
    with Corpus(path) as corpus:
        cable = corpus.get("08PARIS77")
        assert cable.created == datetime(2008, 3, 1, 10, 7)
        assert cable.date_note is None


def test_an_html_page_takes_its_minutes_from_the_dtg(tmp_path):
    page = tmp_path / "08PARIS78.html"
    page.write_text(
        "<table><tr><td>Reference ID</td><td>08PARIS78</td></tr>"
        "<tr><td>Created</td><td>2008-03-01 10:10</td></tr></table>"
        "<pre>VZCZCXRO1234\nO 011007Z MAR 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC</pre>"
        "<pre>C O N F I D E N T I A L PARIS 000078\n\nSUBJECT: DTG\n\n1. (C) Text.</pre>"
    )
    path = tmp_path / "c.sqlite"
    import_paths(path, [page], parse_workers=0)
    with Corpus(path) as corpus:
        cable = corpus.get("08PARIS78")
        assert cable.created == datetime(2008, 3, 1, 10, 7)
        assert cable.date_note is None


def test_bad_files_are_reported_and_the_rest_imports(tmp_path):
    source = write_telegrams(tmp_path / "in", {"good": telegram()})
    (source / "empty.txt").write_bytes(b"")
    (source / "binary.bin").write_bytes(bytes(range(256)) * 50)
    (source / "noid.txt").write_text("Just some words, no banner, no id at all.\n")
    (source / "cp1252.txt").write_bytes(
        telegram(station="OTHERPOST", subject="CAF\xc9: \x93QUOTED\x94").encode("latin-1")
    )
    (source / "broken.csv").write_bytes(b'"1","12/28/2006 10:00","06X1","Embassy X","SECRET",')
    report = import_paths(tmp_path / "c.sqlite", [source])
    assert report.imported == 2
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    assert set(reasons) == {"empty.txt", "binary.bin", "noid.txt", "broken.csv"}
    assert all(reason for reason in reasons.values())
    with Corpus(tmp_path / "c.sqlite") as corpus:
        assert corpus.get("06OTHERPOST1").subject == "CAFÉ: “QUOTED”"


def test_a_hostile_tree_is_reported_and_its_good_files_import(tmp_path, deep_folder):
    source = write_telegrams(tmp_path / "in", {"good": telegram()})
    write_telegrams(deep_folder(source / "d", 1200), {"deep": telegram(serial=2)})
    (source / "loop").symlink_to(source)
    (source / "again.txt").symlink_to(source / "good.txt")
    (source / "broken.txt").symlink_to(source / "missing.txt")
    os.mkfifo(source / "fifo.txt")
    report = import_paths(tmp_path / "c.sqlite", [source], parse_workers=0)
    assert report.imported == 2
    reasons = sorted((Path(s.source).name, s.reason.split(" (")[0]) for s in report.skipped)
    assert reasons == [
        ("broken.txt", "broken symbolic link"),
        ("fifo.txt", "not a regular file"),
        ("good.txt", f"same file as {source / 'again.txt'}, read once"),
        ("loop", "symbolic link to a directory, not followed"),
    ]
    with Corpus(tmp_path / "c.sqlite") as corpus:
        assert corpus.get("06TESTPOST2") is not None


def test_two_formats_of_one_cable_make_one_row(tmp_path):
    text = telegram(when=datetime(2007, 2, 3, 4, 5))
    source = write_telegrams(tmp_path / "in", {"07TESTPOST1": text})
    path = tmp_path / "c.sqlite"
    import_paths(path, [source])
    body = text.split("BT\n", 1)[1].replace('"', '\\"')
    header = text.split("BT\n", 1)[0].replace('"', '\\"')
    meta = '"1","2/3/2007 4:05","07TESTPOST1","Embassy Testpost","CONFIDENTIAL",""'
    row = f'{meta},"{header}","{body}"\n'
    (tmp_path / "cables.csv").write_text(row)
    report = import_paths(path, [tmp_path / "cables.csv"])
    assert report.skipped == []
    with Corpus(path) as corpus:
        assert corpus.count() == 1
        assert corpus.get("07TESTPOST1").origin == "Embassy Testpost"


@pytest.mark.slow
def test_sigkill_leaves_a_sound_corpus_that_resumes(tmp_path):
    csv_path = tmp_path / "cables.csv"
    generate_csv(csv_path, 3000, seed=7)
    corpus = tmp_path / "c.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tui.cli", "--corpus", str(corpus), "import", "-q",
               str(csv_path)]  # fmt: skip
    for delay in (0.8, 1.6):
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        time.sleep(delay)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        if corpus.exists():
            check = sqlite3.connect(corpus).execute("PRAGMA integrity_check").fetchone()[0]
            assert check == "ok"
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Corpus(corpus) as opened:
        assert opened.count() == 3000
        conn = opened.connection()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert_index_matches(corpus)
        cursors = "SELECT count(*) FROM meta WHERE key LIKE 'resume:%'"
        assert conn.execute(cursors).fetchone()[0] == 0


def test_interrupted_import_resumes_from_its_cursor(tmp_path, monkeypatch):
    source = write_telegrams(
        tmp_path / "in", {f"c{i}": telegram(serial=i + 1, subject=f"N{i}: X") for i in range(25)}
    )
    path = tmp_path / "c.sqlite"
    calls = {"n": 0}

    def progress(done, total):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt

    first = import_paths(path, [source], progress=progress, batch_size=10)
    assert first.interrupted and first.imported == 20
    second = import_paths(path, [source], batch_size=10)
    assert second.resumed_from == 20
    assert second.imported == 5
    with Corpus(path) as corpus:
        assert corpus.count() == 25


class _InterruptingConnection:
    """A connection that raises KeyboardInterrupt as Ctrl-C would, at a chosen statement."""

    def __init__(self, conn: sqlite3.Connection, when) -> None:
        self._conn = conn
        self._when = when
        self.commits = 0

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def execute(self, sql, *args):
        if self._when(self, sql, before=True):
            raise KeyboardInterrupt
        result = self._conn.execute(sql, *args)
        if sql == "COMMIT":
            self.commits += 1
        if self._when(self, sql, before=False):
            raise KeyboardInterrupt
        return result


def _import_interrupted(tmp_path, monkeypatch, when):
    from store.corpus import schema
    from store.ingest import importer

    source = write_telegrams(
        tmp_path / "in", {f"c{i}": telegram(serial=i + 1, subject=f"N{i}: X") for i in range(25)}
    )
    path = tmp_path / "c.sqlite"
    real_connect = schema.connect
    monkeypatch.setattr(
        importer.schema,
        "connect",
        lambda *a, **k: _InterruptingConnection(real_connect(*a, **k), when),
    )
    report = import_paths(path, [source], batch_size=10, parse_workers=0)
    monkeypatch.setattr(importer.schema, "connect", real_connect)
    with Corpus(path) as corpus:
        stored = corpus.count()
    return report, stored, source, path


def test_ctrl_c_just_after_a_commit_is_a_clean_stop_that_counts_that_batch(tmp_path, monkeypatch):
    def after_second_commit(conn, sql, *, before):
        return not before and sql == "COMMIT" and conn.commits == 2

    report, stored, source, path = _import_interrupted(tmp_path, monkeypatch, after_second_commit)
    assert report.interrupted
    assert stored == 20
    assert report.imported == 20
    again = import_paths(path, [source], batch_size=10)
    assert (again.resumed_from, again.imported) == (20, 5)


def test_ctrl_c_inside_a_batch_reports_only_what_was_committed(tmp_path, monkeypatch):
    texts = []

    def in_the_second_batch(conn, sql, *, before):
        if before and conn.commits == 1 and sql.startswith("INSERT INTO texts"):
            texts.append(sql)
            return len(texts) == 5  # half way through the batch
        return False

    report, stored, _, _ = _import_interrupted(tmp_path, monkeypatch, in_the_second_batch)
    assert report.interrupted
    assert stored == 10
    assert report.imported == 10


def test_a_corpus_that_cannot_be_written_is_one_clear_error(tmp_path, monkeypatch, samples_dir):
    from store.corpus import schema
    from store.corpus.schema import CorpusError
    from store.ingest import importer

    path = tmp_path / "c.sqlite"
    import_paths(path, [samples_dir], parse_workers=0)
    source = write_telegrams(tmp_path / "in", {"a": telegram()})
    # As on a read-only mount, or a 444 file when root opens it: it opens, writes fail.
    real_connect = schema.connect
    monkeypatch.setattr(
        importer.schema, "connect", lambda p, readonly: real_connect(p, readonly=True)
    )
    with pytest.raises(CorpusError, match="the corpus is read-only"):
        import_paths(path, [source], parse_workers=0)


def test_cables_whose_rowids_collide_each_get_the_next_free_one(tmp_path, monkeypatch):
    from store.ingest import importer

    # Every cable wants the same rowid, dated ones a later place, undated ones an earlier.
    monkeypatch.setattr(importer, "base_rowid", lambda created, cable_id: 5_000_000)
    texts = {f"c{i}": telegram(serial=i + 1, subject=f"N{i}: X") for i in range(4)}
    source = write_telegrams(tmp_path / "in", texts)
    report = import_paths(tmp_path / "c.sqlite", [source], parse_workers=0)
    assert report.imported == 4
    conn = sqlite3.connect(tmp_path / "c.sqlite")
    rowids = sorted(r[0] for r in conn.execute("SELECT rowid FROM cables"))
    conn.close()
    assert rowids == [5_000_000, 5_000_001, 5_000_002, 5_000_003]
    assert_index_matches(tmp_path / "c.sqlite")
    again = import_paths(tmp_path / "c.sqlite", [source], parse_workers=0)
    assert (again.imported, again.unchanged) == (0, 4)
