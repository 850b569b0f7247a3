"""The corpus file: SQLite schema, settings, and opening it safely.

One SQLite file holds the whole corpus. Rowids follow date order (see
``store.corpus.rowids``), so "newest first" is a walk down the rowid. The full-text index
lives beside the file (``store.fulltext``).
"""

from __future__ import annotations

import os
import sqlite3

from store.corpus import totals
from store.fulltext import ledger
from store.people.table import DDL as PEOPLE_DDL
from store.people.table import upgrade as add_people

# "CBLS": tells a cables corpus from any other SQLite file.
APPLICATION_ID = 0x43424C53
SCHEMA_VERSION = 7
# Schema 5 kept the full-text index in an FTS5 table; 6 keeps it beside the file (store.fulltext)
# and is made from 5 in place. 7 adds the people table (store.people), made from 6 in place
# when the corpus is opened for writing; a 6 is read as it is meanwhile.
UPGRADES_FROM = 5
PEOPLE_FROM = 6
# The schemas whose count table (store.corpus.totals) a reader may refresh in place: 6 lacks
# only the people table, which nothing there touches.
CURRENT_VERSIONS = (PEOPLE_FROM, SCHEMA_VERSION)

# Metadata and text live in separate tables: a listing walks ``cables`` (about 150 bytes a
# row), and with the 7 KB bodies inline the same walk read all 3.4 GB of the file (460 ms
# for the rowids of 250k cables, and bm25 ranking dragged every body through the sorter).
DDL = """
CREATE TABLE IF NOT EXISTS cables (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created TEXT,
    hour_only INTEGER NOT NULL DEFAULT 0,
    origin TEXT,
    level INTEGER,
    caveats TEXT NOT NULL DEFAULT '',
    classification TEXT,
    partial INTEGER NOT NULL DEFAULT 0,
    subject TEXT,
    source TEXT,
    -- The levels of its portion marks, one bit each (1 << level): "has a SECRET paragraph".
    para_levels INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS cables_level ON cables(level);
CREATE INDEX IF NOT EXISTS cables_origin ON cables(origin);
CREATE TABLE IF NOT EXISTS texts (
    rowid INTEGER PRIMARY KEY,
    subject TEXT,
    header TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS tags (
    tag TEXT NOT NULL,
    cable INTEGER NOT NULL,
    PRIMARY KEY (tag, cable)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tags_cable ON tags(cable);
-- Key columns first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table whose
-- NOT NULL column comes before the key columns.
CREATE TABLE IF NOT EXISTS refs (
    cable INTEGER NOT NULL,
    position INTEGER NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (cable, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS refs_target ON refs(target);
-- A cable's other IDs: the catalogue's own when it was garbled (07ECTION01OF02KABUL455).
CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT NOT NULL,
    cable INTEGER NOT NULL,
    PRIMARY KEY (alias, cable)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_cable ON aliases(cable);
CREATE TABLE IF NOT EXISTS origins (
    origin TEXT PRIMARY KEY,
    count INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS cables_ad AFTER DELETE ON cables BEGIN
    DELETE FROM texts WHERE rowid = old.rowid;
    DELETE FROM tags WHERE cable = old.rowid;
    DELETE FROM refs WHERE cable = old.rowid;
    DELETE FROM aliases WHERE cable = old.rowid;
END;
"""
DDL += ledger.DDL  # the full-text index's bookkeeping
DDL += totals.DDL  # the whole corpus's counts, for `cables stats`


class CorpusError(Exception):
    """A corpus that cannot be used; ``str()`` is a one-line message for the user."""


class NeedsUpgrade(CorpusError):
    """A corpus of the schema this version upgrades in place, opened read-only."""


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB
    conn.execute("PRAGMA temp_store = MEMORY")


def connect(path: str | os.PathLike[str], *, readonly: bool) -> sqlite3.Connection:
    """Open the corpus, creating it when writable and absent. Raises CorpusError.

    Paths through ``os.path``, not ``pathlib``: ``cables show`` opens a corpus, and
    pathlib is 1.5 ms of it (see store.parse.data_files)."""
    if readonly:
        if not os.path.exists(path):
            raise CorpusError(f"{path}: no corpus there (run `cables import FILE` first)")
        conn = _open_readonly(path)
    else:
        try:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise CorpusError(f"{path}: cannot open the corpus for writing ({error})") from None
    try:
        _configure(conn)
        _check_or_create(conn, path, readonly=readonly)
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_readonly_error(error):
            raise read_only(path) from None
        raise CorpusError(f"{path}: not a cables corpus ({error})") from None
    except CorpusError:
        conn.close()
        raise
    return conn


def is_readonly_error(error: sqlite3.Error) -> bool:
    return "readonly" in str(error) or "read-only" in str(error)


def read_only(path: str | os.PathLike[str]) -> CorpusError:
    """The error for a corpus that can be read but not written (file or directory)."""
    return CorpusError(
        f"{path}: the corpus is read-only (the file or its directory cannot be written); "
        "import into a corpus of your own with --corpus FILE"
    )


def _open_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    uri = f"{_file_uri(path)}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as error:
        if not isinstance(error, sqlite3.OperationalError):
            raise CorpusError(f"{path}: not a cables corpus ({error})") from None
        # A read-only directory on a server cannot hold the WAL index; when no one writes
        # to the file there, immutable mode reads it without one.
        uri = f"{_file_uri(path)}?immutable=1"
        try:
            return sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as error:
            raise CorpusError(f"{path}: cannot open the corpus ({error})") from None


# What a file: URI keeps as it is (the rest is %-escaped): as pathlib's as_uri() makes it.
_URI_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/"
)


def _file_uri(path: str | os.PathLike[str]) -> str:
    """``Path(path).resolve().as_uri()``, without importing pathlib (or urllib)."""
    raw = os.fsencode(os.path.realpath(path))
    return "file://" + "".join(
        chr(byte) if chr(byte) in _URI_SAFE else f"%{byte:02X}" for byte in raw
    )


def _check_or_create(
    conn: sqlite3.Connection, path: str | os.PathLike[str], *, readonly: bool
) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id == APPLICATION_ID:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise CorpusError(
                f"{path}: corpus made by a newer cables (schema {version}); upgrade cables"
            )
        if version == UPGRADES_FROM and not readonly:
            _upgrade(conn)
            _add_people(conn)
        elif version == PEOPLE_FROM and not readonly:
            _add_people(conn)
        elif version == PEOPLE_FROM:
            pass  # read as it is: the people index says it is missing when asked
        elif version == UPGRADES_FROM:
            raise NeedsUpgrade(
                f"{path}: corpus made by an older cables (schema {version}); its owner "
                "upgrades it in place by running any cables command on it once"
            )
        elif version < SCHEMA_VERSION:
            raise CorpusError(
                f"{path}: corpus made by an older cables (schema {version}); "
                "import your files again into a new corpus file"
            )
        return
    if has_tables or app_id != 0:
        raise CorpusError(f"{path}: not a cables corpus (an SQLite file of something else)")
    if readonly:
        raise CorpusError(f"{path}: empty file, not a cables corpus")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    for statement in _statements(DDL + PEOPLE_DDL):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    ledger.start(conn)
    conn.execute("COMMIT")


def _upgrade(conn: sqlite3.Connection) -> None:
    """Schema 5 to 6: the FTS5 table goes (the index beside the file is built from the texts
    on first use, see store.fulltext.sync); its pages stay free in the file for later
    imports (VACUUM gives them back to the disk)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != UPGRADES_FROM:
            conn.execute("ROLLBACK")
            return  # another process upgraded it meanwhile
        conn.execute("DROP TRIGGER IF EXISTS texts_ad")
        conn.execute("DROP TABLE IF EXISTS cables_fts")
        for statement in _statements(ledger.DDL):
            conn.execute(statement)
        ledger.start(conn)
        conn.execute(f"PRAGMA user_version = {PEOPLE_FROM}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _add_people(conn: sqlite3.Connection) -> None:
    """Schema 6 to 7: the people table, filled from the stored texts (store.people.table)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have upgraded it while this one waited for the lock.
        if conn.execute("PRAGMA user_version").fetchone()[0] == PEOPLE_FROM:
            add_people(conn, _statements(PEOPLE_DDL))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _statements(script: str) -> list[str]:
    """Split DDL into statements; triggers contain semicolons, so split on complete ones."""
    out: list[str] = []
    current = ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out
