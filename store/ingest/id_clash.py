"""Which ID a cable is stored under, so that one page never overwrites a different cable.

A garbled catalogue ID is repaired (``07ECTION01OF02KABUL455`` -> ``07KABUL455``) and the
page's own ID is kept as an alias. When the repaired ID is already another page's, both are
kept: the page whose catalogue ID is the canonical one holds it, the other its own ID.
"""

from __future__ import annotations

import sqlite3


def page_id(cable_id: str, aliases: tuple[str, ...]) -> str:
    """The ID the catalogue gave the page: its first alias, or the ID itself."""
    return aliases[0] if aliases else cable_id


def settle_id(
    conn: sqlite3.Connection, cable_id: str, aliases: tuple[str, ...]
) -> tuple[str, tuple[str, ...], str | None, bool]:
    """(ID to store under, its aliases, a note for the import summary or None, whether a
    cable may be stored under that ID: False when it surely is not, as for most of an
    import, which then need not look again)."""
    row = conn.execute("SELECT rowid FROM cables WHERE id = ?", (cable_id,)).fetchone()
    if row is None:
        return cable_id, aliases, None, False
    mine = page_id(cable_id, aliases)
    theirs = _stored_page_id(conn, row[0], cable_id)
    if theirs == mine:
        return cable_id, aliases, None, True  # the same page again: an update
    if aliases:
        note = f"{mine}: {cable_id} is another cable's ID; this one is kept under {mine}"
        return mine, (), note, True
    taken = conn.execute("SELECT 1 FROM cables WHERE id = ?", (theirs,)).fetchone()
    if taken:
        return cable_id, aliases, None, True  # cannot move the other one: update as before
    conn.execute("UPDATE cables SET id = ? WHERE rowid = ?", (theirs, row[0]))
    conn.execute("DELETE FROM aliases WHERE cable = ?", (row[0],))
    note = f"{cable_id}: the cable imported under this ID before is now under {theirs}, its page ID"
    return cable_id, aliases, note, False


def _stored_page_id(conn: sqlite3.Connection, rowid: int, cable_id: str) -> str:
    row = conn.execute(
        "SELECT alias FROM aliases WHERE cable = ? ORDER BY alias LIMIT 1", (rowid,)
    ).fetchone()
    return row[0] if row else cable_id


def write_aliases(conn: sqlite3.Connection, rowid: int, aliases: tuple[str, ...]) -> None:
    if aliases:
        conn.executemany(
            "INSERT OR IGNORE INTO aliases(alias, cable) VALUES (?, ?)",
            [(a, rowid) for a in aliases],
        )
