"""Bookmarks: behaviour, exports, corrupt files, several writers and writers killed mid-write."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from store.userdata import paths
from store.userdata.bookmarks import Bookmark, Bookmarks
from store.userdata.safe_storage import SafeStore


@pytest.fixture
def marks(tmp_path: Path) -> Bookmarks:
    return Bookmarks(tmp_path / "data" / "bookmarks.json")


def _stored_ids(path: Path) -> list[str]:
    """IDs as the raw file holds them; json.loads also proves the file is valid JSON."""
    data = json.loads(path.read_bytes())
    return [doc["id"] for doc in data.get("_default", {}).values()]


def test_toggle_adds_then_removes(marks: Bookmarks) -> None:
    assert marks.toggle("06ALMATY79", note="oil") is True
    assert marks.ids() == {"06ALMATY79"}
    assert marks.get("06ALMATY79").note == "oil"  # type: ignore[union-attr]
    assert marks.toggle("06ALMATY79") is False
    assert marks.ids() == frozenset()
    assert marks.get("06ALMATY79") is None


def test_add_updates_the_note_and_keeps_the_date(marks: Bookmarks) -> None:
    first = marks.add("06ALMATY79", "first")
    again = marks.add("06ALMATY79", "second")
    assert again.added == first.added
    assert marks.all() == [Bookmark("06ALMATY79", "second", first.added)]
    assert first.added.tzinfo is not None
    assert abs(datetime.now(UTC) - first.added).total_seconds() < 60


def test_remove_and_set_note_report_whether_the_bookmark_existed(marks: Bookmarks) -> None:
    assert marks.remove("06ALMATY79") is False
    assert marks.set_note("06ALMATY79", "x") is False
    assert marks.get("06ALMATY79") is None
    marks.add("06ALMATY79")
    assert marks.set_note("06ALMATY79", "now with a note") is True
    assert marks.get("06ALMATY79").note == "now with a note"  # type: ignore[union-attr]
    assert marks.remove("06ALMATY79") is True
    assert len(marks) == 0


def test_all_is_newest_first(marks: Bookmarks) -> None:
    for cable_id in ("A1", "B2", "C3"):
        marks.add(cable_id)
    marks.add("A1", "a new note does not make it newer")
    assert [mark.id for mark in marks.all()] == ["C3", "B2", "A1"]
    assert "B2" in marks
    assert "Z9" not in marks


def test_blank_ids_are_refused(marks: Bookmarks) -> None:
    with pytest.raises(ValueError, match="cable ID"):
        marks.toggle("   ")
    assert marks.add(" 06ALMATY79 ").id == "06ALMATY79"


def test_default_file_is_in_the_data_dir() -> None:
    marks = Bookmarks()
    marks.add("06ALMATY79")
    assert marks.path == paths.bookmarks_file().resolve()
    assert _stored_ids(paths.bookmarks_file()) == ["06ALMATY79"]


def test_sessions_see_each_others_changes(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    one, two = Bookmarks(path), Bookmarks(path)
    one.add("06ALMATY79")
    assert two.ids() == {"06ALMATY79"}
    two.toggle("09TBILISI619")
    assert one.ids() == {"06ALMATY79", "09TBILISI619"}
    two.remove("06ALMATY79")
    assert [mark.id for mark in one.all()] == ["09TBILISI619"]


def test_hand_edited_documents_do_not_break_reads(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    with SafeStore(path).transaction() as table:
        table.insert({"id": "GOOD1", "note": 42, "added": "not a date"})
        table.insert({"note": "no id at all"})
        table.insert({"id": " GOOD2 ", "added": "2024-05-01T10:30:00"})
    marks = Bookmarks(path)
    assert [mark.id for mark in marks.all()] == ["GOOD2", "GOOD1"]
    assert marks.get("GOOD1").note == ""  # type: ignore[union-attr]
    assert marks.get("GOOD2").added == datetime(2024, 5, 1, 10, 30, tzinfo=UTC)  # type: ignore[union-attr]
    assert marks.toggle("GOOD2") is False  # the padded ID is the same cable
    assert marks.ids() == {"GOOD1"}


def _describe(cable_id: str) -> tuple[str | None, str | None] | None:
    # Invented corpus of one cable, with a subject that tries to be markup and a terminal
    # escape sequence.
    if cable_id == "06ALMATY79":
        return "2006-01-23", "KAZAKHSTAN: [bold]OIL[/] | *PIPE* \x1b]52;c;evil\x07"
    return None


def test_export_json(marks: Bookmarks) -> None:
    marks.add("06ALMATY79", "oil ünïcode")
    marks.add("99GONE1")
    plain = json.loads(marks.export_json())
    assert [item["id"] for item in plain["bookmarks"]] == ["99GONE1", "06ALMATY79"]
    assert plain["bookmarks"][1]["note"] == "oil ünïcode"
    assert "in_corpus" not in plain["bookmarks"][0]
    described = json.loads(marks.export_json(_describe))["bookmarks"]
    assert described[0] == {**described[0], "in_corpus": False}
    assert described[1]["in_corpus"] is True
    assert described[1]["date"] == "2006-01-23"
    assert marks.export_json().isascii()


def test_export_markdown_marks_missing_cables_and_neutralizes_text(marks: Bookmarks) -> None:
    marks.add("06ALMATY79", "line one\nline | two")
    marks.add("99GONE1")
    text = marks.export_markdown(_describe)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert rows[0] == "| ID | Date | Subject | Note | Added |"
    assert rows[1].startswith("| 99GONE1 |  | *not in the current corpus* |")
    assert "\x1b" not in text
    assert r"^\[\]52;c;evil^G" in text
    assert r"\[bold\]OIL\[/\] \| \*PIPE\*" in rows[2]
    assert r"line one line \| two" in rows[2]
    assert "2 bookmarks" in text
    assert "| ID | Note | Added |" in marks.export_markdown()


def test_export_markdown_of_no_bookmarks(marks: Bookmarks) -> None:
    text = marks.export_markdown()
    assert "0 bookmarks" in text
    assert "|" not in text


def test_a_corrupt_file_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    garbage = b'{"_default": {"1": {"id": "06ALMATY79", "no'
    path.write_bytes(garbage)
    marks = Bookmarks(path)
    assert marks.all() == []
    [aside] = tmp_path.glob("bookmarks.json.corrupt-*")
    assert aside.read_bytes() == garbage
    assert marks.notices == [
        f"{path} could not be read; moved it to {aside} and started a new one"
    ]
    assert marks.toggle("06ALMATY79") is True
    assert _stored_ids(path) == ["06ALMATY79"]


# -- several processes -----------------------------------------------------------------------

_FORK = multiprocessing.get_context("fork")


def _add_many(path: str, prefix: str, count: int, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    marks = Bookmarks(Path(path))
    for number in range(count):
        marks.add(f"{prefix}{number}")


@pytest.mark.slow
def test_four_processes_adding_500_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    start = _FORK.Event()
    writers = [
        _FORK.Process(target=_add_many, args=(str(path), f"P{n}X", 500, start)) for n in range(4)
    ]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=120)
    assert [writer.exitcode for writer in writers] == [0, 0, 0, 0]
    stored = _stored_ids(path)
    assert len(stored) == 2000
    assert set(stored) == {f"P{n}X{i}" for n in range(4) for i in range(500)}
    assert len(Bookmarks(path)) == 2000
    assert not list(tmp_path.glob("*.corrupt-*"))


def _plan(run: int) -> Iterator[tuple[str, str]]:
    """The writer's endless, deterministic list of operations: add, add, add, delete, ..."""
    for number in itertools.count():
        yield "+", f"R{run}N{number}"
        if number % 3 == 2:
            yield "-", f"R{run}N{number - 1}"


def _apply(state: set[str], op: tuple[str, str]) -> set[str]:
    kind, cable_id = op
    return state | {cable_id} if kind == "+" else state - {cable_id}


def _write_until_killed(path: str, run: int, report_fd: int) -> None:
    marks = Bookmarks(Path(path))
    for kind, cable_id in _plan(run):
        if kind == "+":
            marks.add(cable_id, note=f"run {run}")
        else:
            marks.remove(cable_id)
        # Only after the call has returned: each line is a write the file must now hold.
        os.write(report_fd, f"{kind}{cable_id}\n".encode())


def _read_lines(fd: int, count: int) -> str:
    """Block until the writer has reported ``count`` completed writes (or has died)."""
    received = b""
    while received.count(b"\n") < count:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        received += chunk
    return received.decode()


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


@pytest.mark.slow
def test_writers_killed_mid_write_never_corrupt_or_lose_completed_writes(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    rng = random.Random(20240501)
    expected: set[str] = set()
    for run in range(50):
        read_fd, write_fd = os.pipe()
        writer = _FORK.Process(target=_write_until_killed, args=(str(path), run, write_fd))
        writer.start()
        os.close(write_fd)
        # Random moments: before the first write, between writes, inside one. Waiting for a
        # few reports first makes every run do real work however slow the machine is.
        received = _read_lines(read_fd, rng.randrange(0, 6))
        time.sleep(rng.uniform(0.0, 0.01))
        writer.kill()
        writer.join()
        lines = (received + _read_all(read_fd)).splitlines()
        os.close(read_fd)

        plan = _plan(run)
        for line in lines:
            op = next(plan)
            assert line == op[0] + op[1]
            expected = _apply(expected, op)
        in_flight = next(plan)  # the call the kill may have interrupted, done or not

        stored = set(_stored_ids(path)) if path.exists() else set()
        assert stored in (expected, _apply(expected, in_flight)), f"run {run}"
        expected = stored
    assert not list(tmp_path.glob("*.corrupt-*"))
    survivor = Bookmarks(path)
    survivor.add("AFTER1")
    assert survivor.notices == []
    assert set(_stored_ids(path)) == expected | {"AFTER1"}
    assert not list(tmp_path.glob(".bookmarks.json.*.tmp"))
