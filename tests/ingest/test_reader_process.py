"""The import's reader process: a child that dies without a word stops the import with a
message instead of hanging it (the parent used to wait on the queue for ever)."""

from __future__ import annotations

import queue

import pytest

from store.ingest import parsed_records
from store.ingest.parsed_records import ReaderFailed, received


class _Child:
    def __init__(self, alive: bool, exitcode: int | None = None) -> None:
        self.alive, self.exitcode = alive, exitcode

    def is_alive(self) -> bool:
        return self.alive


@pytest.fixture(autouse=True)
def quick_checks(monkeypatch):
    monkeypatch.setattr(parsed_records, "_CHILD_CHECK", 0.01)


def test_a_child_that_died_silently_is_reported_not_waited_for():
    with pytest.raises(ReaderFailed, match=r"ended without finishing \(exit code -9\)"):
        list(received(queue.Queue(), _Child(alive=False, exitcode=-9)))


def test_what_a_child_sent_before_it_ended_is_all_taken():
    chunks: queue.Queue = queue.Queue()
    chunks.put(["a", "b"])
    chunks.put(["c"])
    chunks.put(None)
    assert list(received(chunks, _Child(alive=False, exitcode=0))) == ["a", "b", "c"]


def test_a_child_that_reported_its_error_says_what_it_was():
    chunks: queue.Queue = queue.Queue()
    chunks.put(["a"])
    chunks.put("OSError: disk gone")
    got = received(chunks, _Child(alive=True))
    assert next(got) == "a"
    with pytest.raises(ReaderFailed, match="disk gone"):
        next(got)


def test_the_cli_says_it_in_one_line_and_how_to_resume(tmp_path, monkeypatch, capsys):
    from tui.cli import main

    def failing(*args, **kwargs):
        raise ReaderFailed("the reader process ended without finishing (exit code -9)")

    monkeypatch.setattr("store.ingest.importer.import_paths", failing)
    source = tmp_path / "one.txt"
    source.write_text("text")
    code = main(["import", "--quiet", "--corpus", str(tmp_path / "c.sqlite"), str(source)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0
    assert err == [
        "cables: the reader process ended without finishing (exit code -9): "
        "run the same command again to resume"
    ]
