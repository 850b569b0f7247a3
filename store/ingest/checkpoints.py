"""Copying an import's write-ahead log back into the corpus file, in a thread of its own.

SQLite copies the log into the database (a checkpoint) in the thread of the commit that
fills it past ``wal_autocheckpoint`` pages, and waits there for the disk to sync: with a
batch of a thousand cables (14 MB of log) that was every commit, and 40% of the time the
importer spent in SQLite. Here, after each commit, this thread does a passive checkpoint on
a connection of its own while the importer locates and indexes the batch (sqlite3 lets go
of the GIL while it copies and syncs), and the importer's next transaction waits for it
(``settled``): a log copied whole is started again from its beginning by the next write,
so the log stays one batch long. Begun while a checkpoint still ran, a write would append
instead, and the log grew by every batch (83 MB for 80 MB written, in a test without the
wait). A checkpoint that fails leaves the log to the next one, or to the importer's own
autocheckpoint, kept as a backstop: the corpus is the same either way.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

# The importer's own checkpoint, should this thread fail: 64 MB of log (4 KiB pages); and
# the size the log file is cut back to, should it ever grow past it.
BACKSTOP_PAGES = 16384
LOG_LIMIT_BYTES = BACKSTOP_PAGES * 4096


class Checkpoints:
    """Passive checkpoints of ``corpus_path`` after each ``committed()``, until ``close()``."""

    def __init__(self, conn: sqlite3.Connection, corpus_path: Path) -> None:
        self.turns = threading.Condition()
        self.asked = self.done = 0  # checkpoints asked for, and the last one served
        self.stopping = False
        self.thread: threading.Thread | None = None
        try:
            self.conn = sqlite3.connect(corpus_path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # SQLite's own checkpoints, as before
        conn.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {LOG_LIMIT_BYTES}")
        self.thread = threading.Thread(target=self._run, name="cables-checkpoint", daemon=True)
        self.thread.start()

    def committed(self) -> None:
        """A transaction was committed: copy its log into the file."""
        if self.thread is not None:
            with self.turns:
                self.asked += 1
                self.turns.notify_all()

    def settled(self) -> None:
        """Wait for the copies ``committed`` asked for (call before the next transaction)."""
        with self.turns:
            self.turns.wait_for(lambda: self.done >= self.asked)

    def close(self) -> None:
        """A last copy, then the thread ends."""
        if self.thread is None:
            return
        with self.turns:
            self.stopping = True
        self.committed()
        self.thread.join()
        self.conn.close()

    def _run(self) -> None:
        while True:
            with self.turns:
                self.turns.wait_for(lambda: self.asked > self.done)
                serving, last = self.asked, self.stopping
            # Busy or failed: the next commit's turn, or the backstop, copies it. (Nothing
            # may end this thread early: the importer waits for its turns.)
            with contextlib.suppress(Exception):
                self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            with self.turns:
                self.done = serving
                self.turns.notify_all()
            if last:
                return
