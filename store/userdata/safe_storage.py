"""TinyDB files that survive several writers and crashes (DESIGN section 6).

Stock TinyDB rewrites its file in place, so two processes writing at once interleave their
bytes and a kill mid-write leaves half a file. Here TinyDB only ever sees a parsed copy held in
memory; this module owns the file:

- every change is a read-modify-write under an exclusive ``flock`` on ``<file>.lock``, with a
  fresh read of the file once the lock is held, so writers never lose each other's changes;
- the new contents go to a temp file in the same directory, which is fsynced and then
  ``os.replace``-d over the file (the directory is fsynced too), so readers and survivors of a
  crash see either the old file or the new one, never a mix;
- a file that is not TinyDB JSON is renamed aside to ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` and
  a one-line notice says where it went; it is never overwritten or treated as empty.

Readers take no lock (a replaced file is always whole) and reuse the last parse while the
file's inode, mtime and size are unchanged, so polling for other sessions' changes is cheap.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import json
import os
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

DEFAULT_TABLE = TinyDB.default_table_name

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

_FileKey = tuple[int, int, int] | None  # (inode, mtime_ns, size); None when there is no file


class StorageError(Exception):
    """A user file cannot be read or written; ``str()`` is one line to show the user."""


class SafeStore:
    """One TinyDB JSON file, shared safely by every process that uses this class on it.

    ``transaction()`` is the only way to change the file; ``snapshot()`` reads it. Notices
    about files moved aside are appended to ``notices`` (the caller may show and clear them).
    """

    def __init__(self, path: Path | str) -> None:
        # Resolved so that a symlinked file is replaced at its target, not turned into a copy.
        self.path = Path(os.path.realpath(Path(path).expanduser()))
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.notices: list[str] = []
        self._cache: tuple[_FileKey, TinyDB] | None = None

    # -- reading ---------------------------------------------------------------------------

    def snapshot(self, table: str = DEFAULT_TABLE) -> Table:
        """The file as it is now, read-only; the same object while the file is unchanged."""
        key, raw = self._read(reuse=True)
        cache = self._cache
        if raw is None and cache is not None:
            return cache[1].table(table)
        data = _parse(raw or b"")
        if data is not None:
            return self._remember(key, data).table(table)
        # Unreadable: let a transaction move it aside under the lock (if it is still bad).
        try:
            with self.transaction():
                pass
        except StorageError as exc:
            self.notices.append(f"{self.path} could not be read and was left in place: {exc}")
            return self._remember(key, {}).table(table)
        return self._cache[1].table(table)  # type: ignore[index]

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, table: str = DEFAULT_TABLE) -> Iterator[Table]:
        """Yield a TinyDB table holding the file's current contents, under the lock.

        Changes made to the table are written (atomically, once) when the block ends without
        an exception; an exception discards them. Raises ``StorageError`` when the file cannot
        be locked, read or written.
        """
        with self._locked():
            key, raw = self._read(reuse=False)
            data = _parse(raw or b"")
            if data is None:
                self._move_aside()
                data, key = {}, None
            storage_db = TinyDB(data, storage=_MemoryStorage)
            storage: _MemoryStorage = storage_db.storage  # type: ignore[assignment]
            try:
                yield storage_db.table(table)
            finally:
                storage.closed = True
            if storage.changed:
                self._remember(self._write(storage.data), storage.data)
            elif self._cache is None or self._cache[0] != key:
                # Unchanged and already cached: keep the old snapshot so callers' caches hold.
                self._remember(key, storage.data)

    # -- internals -------------------------------------------------------------------------

    def _remember(self, key: _FileKey, data: dict[str, Any]) -> TinyDB:
        db = TinyDB(data, storage=_MemoryStorage)
        db.storage.closed = True  # type: ignore[attr-defined]
        self._cache = (key, db)
        return db

    def _read(self, *, reuse: bool) -> tuple[_FileKey, bytes | None]:
        """The file's key and bytes; bytes is None when ``reuse`` and the cache is current."""
        try:
            with open(self.path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
                cache = self._cache
                if reuse and cache is not None and cache[0] == key:
                    return key, None
                return key, handle.read()
        except (FileNotFoundError, NotADirectoryError):
            cache = self._cache
            if reuse and cache is not None and cache[0] is None:
                return None, None
            return None, b""
        except OSError as exc:
            raise StorageError(f"cannot read {self.path}: {_reason(exc)}") from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        flags = os.O_CREAT | os.O_CLOEXEC
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                # NFS emulates flock with fcntl locks, whose exclusive form needs write access.
                fd = os.open(self.lock_path, os.O_RDWR | flags, 0o600)
            except PermissionError:
                fd = os.open(self.lock_path, os.O_RDONLY | flags, 0o600)
        except OSError as exc:
            raise StorageError(f"cannot write {self.path}: {_reason(exc)}") from None
        try:
            self._acquire(fd)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def _acquire(self, fd: int) -> None:
        # Blocking, not polling: the kernel wakes a waiter as soon as the lock is free, while
        # pollers that sleep between tries were starved for seconds by busy writers.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            raise StorageError(f"cannot lock {self.lock_path}: {_reason(exc)}") from None

    def _write(self, data: dict[str, Any]) -> _FileKey:
        """Replace the file with ``data`` atomically and durably; the lock must be held."""
        # ensure_ascii keeps the file readable by TinyDB whatever the reader's locale.
        payload = json.dumps(data, separators=(",", ":")).encode("ascii")
        parent = self.path.parent
        self._remove_stale_temps()
        tmp_name = None
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=self._temp_prefix(), suffix=".tmp", dir=parent)
            with open(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
            tmp_name = None
            _fsync_directory(parent)
            stat = os.stat(self.path)
        except OSError as exc:
            raise StorageError(f"cannot write {self.path}: {_reason(exc)}") from None
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def _temp_prefix(self) -> str:
        return f".{self.path.name}."

    def _remove_stale_temps(self) -> None:
        # Under the lock nobody else is writing, so any temp file left is from a killed writer.
        pattern = os.path.join(glob.escape(str(self.path.parent)), glob.escape(self._temp_prefix()))
        for leftover in glob.glob(pattern + "*.tmp", include_hidden=True):
            with contextlib.suppress(OSError):
                os.unlink(leftover)

    def _move_aside(self) -> None:
        """Rename the unreadable file to a name not yet taken; the lock must be held."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 1
        while aside.exists():
            number += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
        try:
            os.rename(self.path, aside)
            _fsync_directory(self.path.parent)
        except OSError as exc:
            reason = _reason(exc)
            raise StorageError(f"cannot move aside unreadable {self.path}: {reason}") from None
        self.notices.append(
            f"{self.path} could not be read; moved it to {aside} and started a new one"
        )


class _MemoryStorage(Storage):
    """TinyDB's view of one parsed copy of the file; ``SafeStore`` does the file I/O."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.changed = False
        self.closed = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        if self.closed:
            raise StorageError("this view of the file is read-only; change it in a transaction")
        self.data = data
        self.changed = True


def _parse(raw: bytes) -> dict[str, Any] | None:
    """TinyDB's layout ``{table: {"<int>": {document}}}``, or None when ``raw`` is not that."""
    if not raw.strip():
        return {}  # an empty file is how TinyDB itself starts one
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    for table in data.values():
        if not isinstance(table, dict):
            return None
        # Whole-table checks in C: a loop per document would cost more than the JSON parse.
        ids = "".join(table)
        if "" in table or (ids and not (ids.isascii() and ids.isdigit())):
            return None
        if not {type(doc) for doc in table.values()} <= {dict}:
            return None
    return data


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a directory; the rename itself has happened
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{exc.strerror} (is the location read-only?)"
    return exc.strerror or str(exc)


# -- the timestamp format of the user files ------------------------------------------------


def time_to_store(moment: datetime) -> str:
    """An aware datetime as ISO 8601 in UTC, the form every user file uses."""
    return moment.astimezone(UTC).isoformat()


def time_from_store(value: object) -> datetime:
    """A stored timestamp back to an aware UTC datetime; anything unreadable becomes EPOCH."""
    if not isinstance(value, str):
        return EPOCH
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return EPOCH
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
