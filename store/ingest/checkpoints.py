"""Copying an import's write-ahead log back into the corpus file, in a thread of its own.

SQLite copies the log into the database (a checkpoint) in the thread of the commit that
fills it past ``wal_autocheckpoint`` pages, and waits there for the disk to sync: with a
batch of a thousand cables (14 MB of log) that was every commit, and 40% of the time the
importer spent in SQLite. Here the importer's own connection checkpoints only as a
backstop, far later, and after each commit this thread does a passive checkpoint on a
connection of its own, while the importer parses and indexes (sqlite3 lets go of the GIL
while it copies and syncs). A checkpoint that fails or is cut short leaves the log to the
next one, or to the backstop: the corpus is the same either way.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

# The importer's own checkpoint, should this thread fall behind: 64 MB of log (4 KiB pages).
BACKSTOP_PAGES = 16384


class Checkpoints:
    """Passive checkpoints of ``corpus_path`` after each ``committed()``, until ``close()``."""

    def __init__(self, conn: sqlite3.Connection, corpus_path: Path) -> None:
        self.wake = threading.Event()
        self.stopping = False
        self.thread: threading.Thread | None = None
        try:
            self.conn = sqlite3.connect(corpus_path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # SQLite's own checkpoints, as before
        conn.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
        self.thread = threading.Thread(target=self._run, name="cables-checkpoint", daemon=True)
        self.thread.start()

    def committed(self) -> None:
        self.wake.set()

    def close(self) -> None:
        if self.thread is None:
            return
        self.stopping = True
        self.wake.set()
        self.thread.join()
        self.conn.close()

    def _run(self) -> None:
        while not self.stopping:  # (the last turn, at close, copies what is left)
            self.wake.wait()
            self.wake.clear()
            # Busy or failed: the next commit's turn, or the backstop, copies it.
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
