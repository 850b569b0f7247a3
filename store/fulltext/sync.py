"""Bringing the index in step with the corpus: catching up the changes logged since the
generation it records, or building it whole (a new index, an upgraded corpus, ``cables
reindex``), with progress.

The text of each changed cable is parsed again from the corpus, as the reader parses it, so
the index holds what the reader shows. A whole build parses in as many processes as there
are cores.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from store.corpus import schema
from store.fulltext import ledger
from store.fulltext.index import IndexBusy, Writer, directory_of, recorded

Progress = Callable[[int, int], None]

# Documents between commits while building: a crash loses at most these.
_COMMIT_EVERY = 20_000
_CHUNK = 500


def is_current(corpus_path: Path) -> bool:
    from store.fulltext.index import Reader, exists

    directory = directory_of(corpus_path)
    if not exists(directory):
        return False
    conn = schema.connect(Path(corpus_path), readonly=True)
    try:
        wanted = ledger.state(conn)
    finally:
        conn.close()
    reader = Reader(directory)
    try:
        return recorded(reader.searcher()) == wanted
    finally:
        reader.close()


def catch_up(corpus_path: Path, progress: Progress | None = None, *, rebuild: bool = False) -> int:
    """Bring the index to the corpus's generation; returns how many cables were indexed.

    Raises IndexBusy while another process writes the index, OSError when its directory
    cannot be written."""
    corpus_path = Path(corpus_path)
    conn = schema.connect(corpus_path, readonly=True)
    try:
        writer = Writer(directory_of(corpus_path), corpus_path)
        try:
            done = _catch_up(conn, writer, progress, rebuild)
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.close()
    finally:
        conn.close()
    return done


def _catch_up(conn: sqlite3.Connection, writer: Writer, progress, rebuild: bool) -> int:
    corpus_id, generation = ledger.state(conn)
    had_id, had = recorded(writer.index.searcher())
    if not rebuild and (had_id, had) == (corpus_id, generation):
        return 0
    rowids = None
    if not rebuild and had_id == corpus_id and had <= generation:
        rowids = ledger.changed_since(conn, had)
    # Committed halfway, a whole build records no generation (it is started again), a
    # catch-up the one it started from (its deletes and adds are done again).
    halfway = (corpus_id, had) if rowids is not None else ("", 0)
    if rowids is None:
        writer.delete_all()
        rowids = [r[0] for r in conn.execute("SELECT rowid FROM cables ORDER BY rowid")]
    else:
        for rowid in rowids:
            writer.delete(rowid)
    total = len(rowids)
    if progress:
        progress(0, total)
    database = conn.execute("PRAGMA database_list").fetchone()[2]
    for done, (rowid, fields) in enumerate(documents(database, rowids), 1):
        if fields is not None:
            writer.add(rowid, *fields)
        if done % _COMMIT_EVERY == 0:
            writer.commit(*halfway)
        if progress and (done % _CHUNK == 0 or done == total):
            progress(done, total)
    writer.commit(corpus_id, generation)
    return total


def documents(database: str, rowids: list[int]) -> Iterator[tuple[int, tuple | None]]:
    """(rowid, indexed fields or None for a cable no longer there), in ``rowids`` order."""
    chunks = [rowids[i : i + _CHUNK] for i in range(0, len(rowids), _CHUNK)]
    workers = min(os.cpu_count() or 1, len(chunks))
    if workers <= 1 or len(rowids) < 2000:
        for chunk in chunks:
            yield from _parse_chunk((database, chunk))
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        for parsed in pool.imap(_parse_chunk, [(database, c) for c in chunks]):
            yield from parsed


_connections: dict[str, sqlite3.Connection] = {}


def _parse_chunk(job: tuple[str, list[int]]) -> list[tuple[int, tuple | None]]:
    from store.corpus.stored_cable import load_cable
    from store.fulltext.shown import indexed

    database, rowids = job
    conn = _connections.get(database)
    if conn is None:
        conn = schema.connect(Path(database), readonly=True)
        _connections[database] = conn
    out = []
    for rowid in rowids:
        cable = load_cable(conn, rowid)
        out.append((rowid, indexed(cable) if cable is not None else None))
    return out


def upgrade(corpus_path: Path, progress: Progress | None = None) -> int:
    """A corpus of the previous schema made current in place: its FTS5 table dropped and
    the index built from its texts. Raises CorpusError when it cannot be written."""
    corpus_path = Path(corpus_path)
    if not os.access(corpus_path, os.W_OK):
        raise schema.CorpusError(
            f"{corpus_path}: corpus made by an older cables; its owner upgrades it in place "
            "by running any cables command on it once"
        )
    schema.connect(corpus_path, readonly=False).close()
    return catch_up(corpus_path, progress, rebuild=True)


__all__ = ["IndexBusy", "catch_up", "is_current", "upgrade"]
