"""The corpus side of keeping the index in step: a generation number and the changed rowids.

Every write transaction that changes cables seals its changes (``seal``) before COMMIT: the
corpus generation goes up by one, and each rowid a trigger logged in ``fulltext_pending``
gets that generation. The index records the generation it matches in its own commit; a
smaller one means it misses the rowids logged since, which are read from here to catch up.
Rows the index has are pruned by the next writer.
"""

from __future__ import annotations

import sqlite3

DDL = """
CREATE TABLE IF NOT EXISTS fulltext_pending (
    rowid INTEGER PRIMARY KEY,
    generation INTEGER
);
CREATE INDEX IF NOT EXISTS fulltext_pending_generation ON fulltext_pending(generation);
CREATE TRIGGER IF NOT EXISTS cables_ai_fulltext AFTER INSERT ON cables BEGIN
    INSERT OR REPLACE INTO fulltext_pending(rowid, generation) VALUES (new.rowid, NULL);
END;
CREATE TRIGGER IF NOT EXISTS cables_ad_fulltext AFTER DELETE ON cables BEGIN
    INSERT OR REPLACE INTO fulltext_pending(rowid, generation) VALUES (old.rowid, NULL);
END;
"""


def start(conn: sqlite3.Connection) -> None:
    """A new corpus's identity and first generation (inside the creating transaction)."""
    import uuid  # here: every command that opens a corpus imports this module

    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('corpus_id', ?)", (uuid.uuid4().hex,)
    )
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '1')")
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('pruned', '0')")


def state(conn: sqlite3.Connection) -> tuple[str, int]:
    """(corpus id, generation)."""
    rows = dict(
        conn.execute("SELECT key, value FROM meta WHERE key IN ('corpus_id', 'generation')")
    )
    return rows.get("corpus_id", ""), int(rows.get("generation", 0))


def seal(conn: sqlite3.Connection) -> int:
    """Give this transaction's changes a new generation; returns the generation now."""
    _, generation = state(conn)
    if conn.execute("SELECT 1 FROM fulltext_pending WHERE generation IS NULL LIMIT 1").fetchone():
        generation += 1
        conn.execute(
            "UPDATE fulltext_pending SET generation = ? WHERE generation IS NULL", (generation,)
        )
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", (str(generation),)
        )
    return generation


def sealed_at(conn: sqlite3.Connection, generation: int) -> list[int]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM fulltext_pending WHERE generation = ?", (generation,)
        )
    ]


def changed_since(conn: sqlite3.Connection, generation: int) -> list[int] | None:
    """Rowids changed after ``generation``; None when the log no longer goes back so far."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'pruned'").fetchone()
    if row is None or generation < int(row[0]):
        return None
    return [
        r[0]
        for r in conn.execute(
            "SELECT rowid FROM fulltext_pending WHERE generation > ? OR generation IS NULL "
            "ORDER BY rowid",
            (generation,),
        )
    ]


def prune(conn: sqlite3.Connection, upto: int) -> None:
    """Forget the changes the index has (up to generation ``upto``), in a write transaction."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'pruned'").fetchone()
    if row is not None and int(row[0]) >= upto:
        return
    conn.execute("DELETE FROM fulltext_pending WHERE generation <= ?", (upto,))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('pruned', ?)", (str(upto),))
