"""Taking cables out of a corpus: ``cables remove ID...``, and the bundled samples making way
for the first real import.

The delete triggers of the schema take a cable's text, tags and references with it, and log
it for the full-text index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from store.corpus import schema
from store.fulltext import ledger
from store.ingest.importer import refresh_counts

# meta key: the IDs of the bundled samples a first run put into this corpus, while they are
# all it holds from them (a real import then replaces them).
SAMPLES_KEY = "bundled_samples"


def remove_cables(path: Path, cable_ids: Iterable[str]) -> list[str]:
    """Delete these cables (exact IDs) in one transaction; returns the IDs that were there."""
    wanted = list(dict.fromkeys(cable_ids))
    return _write(path, lambda conn: _delete(conn, wanted))


def mark_samples(path: Path) -> None:
    """Remember that every cable now in the corpus is a bundled sample."""

    def mark(conn: sqlite3.Connection) -> None:
        ids = [row[0] for row in conn.execute("SELECT id FROM cables ORDER BY id")]
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (SAMPLES_KEY, json.dumps(ids))
        )

    _write(path, mark)


def drop_samples(path: Path) -> list[str]:
    """Delete the bundled samples a first run put here (once); returns their IDs."""

    def drop(conn: sqlite3.Connection) -> list[str]:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SAMPLES_KEY,)).fetchone()
        if row is None:
            return []
        conn.execute("DELETE FROM meta WHERE key = ?", (SAMPLES_KEY,))
        return _delete(conn, json.loads(row[0]))

    if not Path(path).exists():
        return []
    return _write(path, drop)


def _delete(conn: sqlite3.Connection, cable_ids: list[str]) -> list[str]:
    removed = []
    for cable_id in cable_ids:
        if conn.execute("DELETE FROM cables WHERE id = ?", (cable_id,)).rowcount:
            removed.append(cable_id)
    if removed:
        ledger.seal(conn)  # the index drops them when next opened (store.fulltext.sync)
        refresh_counts(conn)
    return removed


def _write(path: Path, change):
    conn = schema.connect(path, readonly=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        result = change(conn)
        conn.execute("COMMIT")
        return result
    except sqlite3.OperationalError as error:
        if schema.is_readonly_error(error):
            raise schema.read_only(path) from None
        raise schema.CorpusError(f"{path}: cannot change the corpus ({error})") from None
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
