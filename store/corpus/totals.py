"""The whole corpus's counts (``cables stats``, the filter screen), kept in a table.

Counting 250,000 cables by classification, year, origin and tag reads every row (200 ms;
a second with the tag count joined to the cables), and the counts change only when the
cables do. A writer that changes cables refreshes the table in the same transaction
(``refresh``, after ``ledger.seal``), stamped with the corpus generation it leaves; a
reader takes the table only when the stamp is the generation now (``stored``). A corpus
whose last writer did not refresh it (an import cut short, an older cables, a corpus made
before the table) is counted live, or refreshed first when its file can be written
(``refresh_file``): stale counts are never shown.
"""

from __future__ import annotations

import os
import sqlite3

from store.fulltext import ledger

DDL = """
CREATE TABLE IF NOT EXISTS totals (
    kind TEXT NOT NULL,
    label TEXT,
    count INTEGER NOT NULL
);
"""
STAMP = "totals_generation"

# kind -> (label, count) rows of the whole corpus. A tag row always has its cable (the
# delete trigger takes it along), so tags are counted without joining the cables.
COUNTS = {
    "level": "SELECT classification, count(*) FROM cables GROUP BY 1",
    "year": "SELECT substr(created, 1, 4), count(*) FROM cables GROUP BY 1",
    "origin": "SELECT origin, count(*) FROM cables GROUP BY 1",
    "tag": "SELECT tag, count(*) FROM tags GROUP BY 1",
}
# Most common first, ties by label: the order of the live count too (Corpus.facets).
ORDER = "ORDER BY count DESC, label"


def refresh(conn: sqlite3.Connection) -> None:
    """Count again, unless the counts are of the generation now, and stamp them with it;
    inside a write transaction, after the writer's ``ledger.seal``."""
    generation = str(ledger.state(conn)[1])
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STAMP,)).fetchone()
    if row is not None and row[0] == generation:
        return  # no cable changed since they were counted
    conn.execute("DELETE FROM totals")
    for kind, query in COUNTS.items():
        conn.execute(f"INSERT INTO totals(kind, label, count) SELECT ?, * FROM ({query})", (kind,))
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
        (STAMP, generation),
    )


def counted(conn: sqlite3.Connection) -> dict[str, list[tuple[str | None, int]]]:
    """The counts of each kind counted now (a corpus whose table is out of date and that
    this user cannot write), in the table's order."""
    return {
        kind: conn.execute(f"SELECT * FROM ({query}) ORDER BY 2 DESC, 1").fetchall()
        for kind, query in COUNTS.items()
    }


def stored(conn: sqlite3.Connection) -> dict[str, list[tuple[str | None, int]]] | None:
    """The counts of each kind, most common first; None unless they match the corpus now."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # the stamp and the rows from one snapshot
    try:
        rows = dict(
            conn.execute("SELECT key, value FROM meta WHERE key IN ('generation', ?)", (STAMP,))
        )
        if STAMP not in rows or rows[STAMP] != rows.get("generation"):
            return None
        counts: dict[str, list[tuple[str | None, int]]] = {kind: [] for kind in COUNTS}
        for kind, label, count in conn.execute(f"SELECT kind, label, count FROM totals {ORDER}"):
            counts.setdefault(kind, []).append((label, count))
        return counts
    finally:
        if own:
            conn.execute("COMMIT")


def can_write(path: str | os.PathLike[str]) -> bool:
    """Whether this user may write the corpus file and its directory (the journal's)."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def refresh_file(path: str | os.PathLike[str], schema_versions: tuple[int, ...]) -> bool:
    """Refresh the counts of the corpus file at ``path`` when it can be written now;
    False when it cannot (read-only, another process writing, not of these schema
    versions). Never waits for a writer: counting live is as quick as waiting."""
    if not can_write(path):
        return False
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    except sqlite3.Error:
        return False
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] not in schema_versions:
            return False
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(DDL)  # this connection is not schema.connect's, which makes the table
        refresh(conn)
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        return False
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
