"""The import's write-ahead log is copied into the corpus by a thread of its own."""

from __future__ import annotations

import sqlite3

from store.ingest.checkpoints import BACKSTOP_PAGES, Checkpoints


def _wal_database(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x TEXT)")
    return conn


def test_a_commit_is_copied_into_the_database_by_the_thread(tmp_path):
    path = tmp_path / "c.sqlite"
    conn = _wal_database(path)
    checkpoints = Checkpoints(conn, path)
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == BACKSTOP_PAGES
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,) for _ in range(500)])
    conn.execute("COMMIT")
    before = path.stat().st_size  # the commit's pages are in the log only
    checkpoints.committed()
    checkpoints.close()
    assert path.stat().st_size > before + 400_000  # the thread has copied them in
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 500
    conn.close()


def test_a_corpus_it_cannot_open_leaves_sqlite_to_checkpoint(tmp_path):
    path = tmp_path / "c.sqlite"
    conn = _wal_database(path)
    default = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    checkpoints = Checkpoints(conn, tmp_path / "missing" / "c.sqlite")
    checkpoints.committed()
    checkpoints.close()
    assert checkpoints.thread is None
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == default
    conn.close()


def test_the_log_stays_one_batch_long_when_each_transaction_waits_for_the_copy(tmp_path):
    """Begun while a checkpoint still ran, a write appended to the log instead of starting
    it again: batch after batch, back to back, it grew by every one."""
    path = tmp_path / "c.sqlite"
    conn = _wal_database(path)
    conn.execute("PRAGMA synchronous = NORMAL")
    checkpoints = Checkpoints(conn, path)
    wal = tmp_path / "c.sqlite-wal"
    largest = 0
    for _ in range(30):
        checkpoints.settled()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,) for _ in range(500)])
        conn.execute("COMMIT")
        checkpoints.committed()
        largest = max(largest, wal.stat().st_size)
    checkpoints.close()
    assert largest < 3 * 500 * 4096  # about one batch (2 MB), not 30 (60 MB)
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 15_000
    conn.close()


def test_close_copies_what_was_committed_since_the_last_turn(tmp_path):
    path = tmp_path / "c.sqlite"
    conn = _wal_database(path)
    checkpoints = Checkpoints(conn, path)
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,) for _ in range(500)])
    before = path.stat().st_size
    checkpoints.close()
    assert path.stat().st_size > before + 400_000
    conn.close()
