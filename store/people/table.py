"""The ``people`` table: who each cable names, kept with the cable and gone with it.

Written at import for every cable (also an unchanged one, so that a better parser's names
replace older ones on re-import); a cable's delete trigger takes its rows. A corpus made
before this table gets it, filled from its stored texts, the first time it is opened for
writing (``upgrade``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

DDL = """
CREATE TABLE IF NOT EXISTS people (
    person TEXT NOT NULL,
    cable INTEGER NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (person, cable, role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS people_cable ON people(cable);
CREATE TRIGGER IF NOT EXISTS cables_ad_people AFTER DELETE ON cables BEGIN
    DELETE FROM people WHERE cable = old.rowid;
END;
"""
_INSERT = "INSERT OR IGNORE INTO people(person, cable, role) VALUES (?, ?, ?)"


def has_people(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people'"
    ).fetchone()
    return row is not None


def write_people(
    conn: sqlite3.Connection, rowid: int, people: Iterable[tuple[str, str]]
) -> None:
    """Replace the people rows of one cable."""
    conn.execute("DELETE FROM people WHERE cable = ?", (rowid,))
    insert_people(conn, rowid, people)


def insert_people(
    conn: sqlite3.Connection, rowid: int, people: Iterable[tuple[str, str]]
) -> None:
    """The people rows of a cable that has none yet."""
    rows = [(person, rowid, role) for person, role in people]
    if rows:
        conn.executemany(_INSERT, rows)


def upgrade(conn: sqlite3.Connection, statements: Iterable[str]) -> None:
    """Add the table to an older corpus and fill it from the stored texts (inside the
    caller's transaction)."""
    from store.people.extract import people_of_text

    for statement in statements:
        conn.execute(statement)
    person_tags: dict[int, list[str]] = {}
    for cable, tag in conn.execute("SELECT cable, tag FROM tags WHERE tag LIKE '%,%'"):
        person_tags.setdefault(cable, []).append(tag)
    cursor = conn.execute("SELECT rowid, body FROM texts")
    while rows := cursor.fetchmany(1000):
        batch = []
        for rowid, body in rows:
            for person, role in people_of_text(body or "", person_tags.get(rowid, ())):
                batch.append((person, rowid, role))
        conn.executemany(_INSERT, batch)
