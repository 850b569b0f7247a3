"""One stored cable back as a ``Cable``: its text parsed again with its stored metadata.

The corpus keeps each cable's text as the release has it, not the parser's output, so a
better parser improves every cable without a re-import. Parsing is quick for a cable of a
few KB; a 600 KB one takes tens of milliseconds, so ``head_chars`` gives the reader the
start of a long cable first: the header whole and the body up to a paragraph break.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from store.frozen import replace
from store.model import Cable
from store.records import KnownFields


def load_cable(conn: sqlite3.Connection, rowid: int, head_chars: int | None = None) -> Cable | None:
    """The cable at ``rowid``, or None. With ``head_chars``: only its first part (the
    body cut at the last blank line within that many characters), or None when the body is
    no longer than that (the whole cable is as quick to give)."""
    start = load_start(conn, rowid, head_chars)
    if start is None or (head_chars and not start[1]):
        return None
    return start[0]


def load_start(
    conn: sqlite3.Connection, rowid: int, head_chars: int | None
) -> tuple[Cable, bool] | None:
    """The cable at ``rowid`` and whether it is only its first part: cut to ``head_chars``
    when its body is longer, else whole, from the one read (a short body is read whole)."""
    length = "length(t.body)" if head_chars else "0"
    body = "substr(t.body, 1, ?)" if head_chars else "t.body"
    params: tuple = (head_chars, rowid) if head_chars else (rowid,)
    row = conn.execute(
        "SELECT c.id, c.created, c.hour_only, c.origin, c.classification, c.partial, "
        f"t.header, {body}, c.source, {length} FROM cables c JOIN texts t ON t.rowid = c.rowid "
        "WHERE c.rowid = ?",
        params,
    ).fetchone()
    if row is None:
        return None
    cable_id, created, hour_only, origin, classification, partial, header, body, source, size = row
    cut = bool(head_chars) and size > head_chars
    if cut:
        body = _cut_at_break(body)
    refs = tuple(
        r[0]
        for r in conn.execute("SELECT target FROM refs WHERE cable = ? ORDER BY position", (rowid,))
    )
    known = KnownFields(
        id=cable_id,
        created=datetime.fromisoformat(created) if created else None,
        created_hour_only=bool(hour_only),
        origin=origin,
        classification=classification,
        references=refs,
        header="" if partial else (header or None),
    )
    text = f"{header}\n{body}" if header else body
    # Imported here: listing and search never need the parser, and it costs start-up.
    from store.parse import parse_text

    cable = parse_text(text, source=source, known=known)
    aliases = tuple(
        r[0] for r in conn.execute("SELECT alias FROM aliases WHERE cable = ?", (rowid,))
    )
    return (replace(cable, aliases=aliases) if aliases else cable), cut


def _cut_at_break(body: str) -> str:
    """``body`` up to its last blank line (a paragraph break), else its last line break."""
    for mark in ("\n\n", "\n"):
        end = body.rfind(mark)
        if end > 0:
            return body[:end]
    return body
