"""The safe TinyDB layer: atomic locked writes, fresh reads, corrupt files moved aside."""

from __future__ import annotations

import errno
import json
import os
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from store.userdata import safe_storage
from store.userdata.safe_storage import (
    EPOCH,
    SafeStore,
    StorageError,
    time_from_store,
    time_to_store,
)


def _tinydb_read(path: Path) -> list[dict]:
    """What stock TinyDB sees in the file (opened read-only so it cannot touch it)."""
    db = TinyDB(path, storage=JSONStorage, access_mode="r")
    try:
        return [dict(doc) for doc in db.all()]
    finally:
        db.close()


def test_transaction_writes_a_file_stock_tinydb_reads(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "store.json"  # parents do not exist yet
    store = SafeStore(path)
    with store.transaction() as table:
        table.insert({"id": "06ALMATY79"})
        table.insert({"id": "09TBILISI619"})
    assert _tinydb_read(path) == [{"id": "06ALMATY79"}, {"id": "09TBILISI619"}]
    assert set(json.loads(path.read_text())) == {"_default"}
    assert [doc["id"] for doc in store.snapshot()] == ["06ALMATY79", "09TBILISI619"]


def test_an_exception_in_the_block_discards_the_changes(tmp_path: Path) -> None:
    store = SafeStore(tmp_path / "s.json")
    with store.transaction() as table:
        table.insert({"n": 1})
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as table:
        table.insert({"n": 2})
        raise RuntimeError("changed my mind")
    assert store.path.read_bytes() == before
    assert len(store.snapshot()) == 1


def test_a_transaction_without_changes_does_not_write(tmp_path: Path) -> None:
    store = SafeStore(tmp_path / "s.json")
    with store.transaction() as table:
        assert len(table) == 0
    assert not store.path.exists()


def test_views_outside_a_transaction_are_read_only(tmp_path: Path) -> None:
    store = SafeStore(tmp_path / "s.json")
    with store.transaction() as table:
        table.insert({"n": 1})
    with pytest.raises(StorageError):
        table.insert({"n": 2})
    with pytest.raises(StorageError):
        store.snapshot().insert({"n": 3})
    assert len(SafeStore(store.path).snapshot()) == 1


def test_snapshot_is_reused_until_another_process_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    mine, theirs = SafeStore(path), SafeStore(path)
    with mine.transaction() as table:
        table.insert({"who": "me"})
    first = mine.snapshot()
    assert mine.snapshot() is first
    with theirs.transaction() as table:
        table.insert({"who": "them"})
    assert [doc["who"] for doc in mine.snapshot()] == ["me", "them"]
    assert mine.snapshot() is not first


def test_a_transaction_starts_from_the_file_not_from_a_stale_cache(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    mine, theirs = SafeStore(path), SafeStore(path)
    assert len(mine.snapshot()) == 0
    with theirs.transaction() as table:
        table.insert({"who": "them"})
    with mine.transaction() as table:
        table.insert({"who": "me"})
    assert sorted(doc["who"] for doc in theirs.snapshot()) == ["me", "them"]


def test_several_tables_share_one_file(tmp_path: Path) -> None:
    store = SafeStore(tmp_path / "s.json")
    with store.transaction("a") as table:
        table.insert({"x": 1})
    with store.transaction("b") as table:
        table.insert({"y": 2})
    assert set(json.loads(store.path.read_text())) == {"a", "b"}
    assert store.snapshot("a").all() == [{"x": 1}]


def test_an_empty_file_is_an_empty_database_not_a_corrupt_one(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"")
    store = SafeStore(path)
    assert len(store.snapshot()) == 0
    assert store.notices == []


CORRUPT = {
    "truncated": b'{"_default": {"1": {"id": "06ALM',
    "not json": b"this is not json at all\n",
    "a list": b"[1, 2, 3]",
    "table not a dict": b'{"_default": [1, 2]}',
    "document not a dict": b'{"_default": {"1": "06ALMATY79"}}',
    "id not a number": b'{"_default": {"one": {"id": "x"}}}',
    "bad utf-8": b'{"_default": {"1": {"note": "\xff\xfe"}}}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
@pytest.mark.parametrize("via", ["snapshot", "transaction"])
def test_a_corrupt_file_is_moved_aside_with_a_notice(
    tmp_path: Path, content: bytes, via: str
) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_bytes(content)
    store = SafeStore(path)
    if via == "snapshot":
        assert len(store.snapshot()) == 0
    else:
        with store.transaction() as table:
            assert len(table) == 0
            table.insert({"id": "fresh"})
    asides = list(tmp_path.glob("bookmarks.json.corrupt-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == content
    assert len(store.notices) == 1
    assert str(asides[0]) in store.notices[0]
    assert "\n" not in store.notices[0]
    with store.transaction() as table:
        table.insert({"id": "after"})
    assert "after" in {doc["id"] for doc in _tinydb_read(path)}


def test_a_second_corrupt_file_never_overwrites_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_storage.time, "strftime", lambda _fmt: "20240101-120000")
    path = tmp_path / "h.json"
    store = SafeStore(path)
    for content in (b"first {", b"second {"):
        path.write_bytes(content)
        store.snapshot()
    first = tmp_path / "h.json.corrupt-20240101-120000"
    second = tmp_path / "h.json.corrupt-20240101-120000-2"
    assert first.read_bytes() == b"first {"
    assert second.read_bytes() == b"second {"
    assert len(store.notices) == 2


def test_a_corrupt_file_that_cannot_be_moved_is_left_alone_with_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"{not json")

    def read_only(*_args: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(safe_storage.os, "rename", read_only)
    store = SafeStore(path)
    assert len(store.snapshot()) == 0
    assert len(store.snapshot()) == 0  # said once, not on every read
    assert path.read_bytes() == b"{not json"
    assert len(store.notices) == 1
    assert "left in place" in store.notices[0]
    with pytest.raises(StorageError), store.transaction() as table:
        table.insert({"n": 1})
    assert path.read_bytes() == b"{not json"


def test_a_read_only_location_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SafeStore(tmp_path / "s.json")
    with store.transaction() as table:
        table.insert({"n": 1})
    before = store.path.read_bytes()

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(safe_storage.tempfile, "mkstemp", read_only)
    with pytest.raises(StorageError) as caught, store.transaction() as table:
        table.insert({"n": 2})
    message = str(caught.value)
    assert "\n" not in message
    assert str(store.path) in message
    assert "read-only" in message.lower()
    assert store.path.read_bytes() == before


def test_a_parent_that_cannot_be_created_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be")
    store = SafeStore(blocker / "s.json")
    assert len(store.snapshot()) == 0  # nothing to read is not an error
    with pytest.raises(StorageError) as caught, store.transaction():
        pass
    assert "\n" not in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_directory_is_readable_but_not_writable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    store = SafeStore(folder / "s.json")
    with store.transaction() as table:
        table.insert({"n": 1})
    (folder / "s.json.lock").unlink()
    folder.chmod(0o555)
    try:
        fresh = SafeStore(folder / "s.json")
        assert len(fresh.snapshot()) == 1
        with pytest.raises(StorageError), fresh.transaction() as table:
            table.insert({"n": 2})
    finally:
        folder.chmod(0o755)


def test_temp_files_left_by_a_killed_writer_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    store = SafeStore(folder / "s.json")
    leftover = folder / ".s.json.abc123.tmp"
    leftover.write_text("half a write")
    with store.transaction() as table:
        table.insert({"n": 1})
    assert not leftover.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["s.json", "s.json.lock"]


def test_a_writer_waits_for_the_lock_and_then_reads_the_new_contents(tmp_path: Path) -> None:
    store = SafeStore(tmp_path / "s.json")
    holder = SafeStore(store.path)
    entered = threading.Event()
    release = threading.Event()

    def hold_the_lock() -> None:
        with holder.transaction() as table:
            entered.set()
            release.wait(timeout=10)
            table.insert({"who": "holder"})

    thread = threading.Thread(target=hold_the_lock)
    thread.start()
    assert entered.wait(timeout=10)
    # The holder finishes its write only after the waiter has been blocked for a while.
    threading.Timer(0.05, release.set).start()
    with store.transaction() as table:
        assert [doc["who"] for doc in table] == ["holder"]
        table.insert({"who": "waiter"})
    thread.join()
    assert [doc["who"] for doc in _tinydb_read(store.path)] == ["holder", "waiter"]


def test_a_symlinked_file_is_written_through_the_link(tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "bookmarks.json"
    target.parent.mkdir()
    link = tmp_path / "bookmarks.json"
    link.symlink_to(target)
    with SafeStore(link).transaction() as table:
        table.insert({"n": 1})
    assert link.is_symlink()
    assert _tinydb_read(target) == [{"n": 1}]


def test_stored_times_round_trip_in_utc() -> None:
    moment = datetime(2024, 5, 1, 12, 30, tzinfo=timezone(timedelta(hours=2)))
    text = time_to_store(moment)
    assert text == "2024-05-01T10:30:00+00:00"
    assert time_from_store(text) == moment
    assert time_from_store("2024-05-01T10:30:00") == datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
    assert time_from_store("yesterday") == EPOCH
    assert time_from_store(None) == EPOCH
