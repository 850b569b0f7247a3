"""The import's reader process: a child that dies without a word stops the import with a
message instead of hanging it (the parent used to wait on the queue for ever)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from store.ingest.parsed_records import ReaderFailed, received


class _Child:
    """What ``received`` uses of a ``Popen``."""

    def __init__(self, returncode: int | None = None) -> None:
        self.returncode = returncode

    def wait(self, timeout: float | None = None) -> None:
        pass


class _Process(_Child):
    """A multiprocessing child seen as a ``Popen``."""

    def __init__(self, process) -> None:
        self.process = process

    def wait(self, timeout: float | None = None) -> None:
        self.process.join(timeout)

    @property
    def returncode(self) -> int | None:
        return self.process.exitcode


def _pipe(*items):
    """The receiving end of a pipe holding ``items``; its sending end closed (the child
    gone), as the parent holds no copy of it."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    for item in items:
        sending.send(item)
    sending.close()
    return receiving


def test_a_child_that_died_silently_is_reported_not_waited_for():
    with pytest.raises(ReaderFailed, match=r"ended without finishing \(exit code -9\)"):
        list(received(_pipe(), _Child(returncode=-9)))


def test_what_a_child_sent_before_it_ended_is_all_taken():
    got = received(_pipe(["a", "b"], ["c"], None), _Child(returncode=0))
    assert list(got) == ["a", "b", "c"]


def test_a_child_that_reported_its_error_says_what_it_was():
    got = received(_pipe(["a"], "OSError: disk gone"), _Child())
    assert next(got) == "a"
    with pytest.raises(ReaderFailed, match="disk gone"):
        next(got)


def _sends_a_big_chunk(sending) -> None:
    sending.send(["x" * 4_000_000])  # far past a pipe's buffer: blocks half written


def test_a_child_killed_halfway_through_a_chunk_is_reported_not_waited_for():
    # The case a multiprocessing.Queue hung on: the parent found the start of a message and
    # waited for its rest, holding a sending end itself so that no EOF could ever come.
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_sends_a_big_chunk, args=(sending,), daemon=True)
    child.start()
    sending.close()
    receiving.poll(5)  # the first bytes are in
    time.sleep(0.2)
    os.kill(child.pid, signal.SIGKILL)
    with pytest.raises(ReaderFailed, match="exit code -9"):
        list(received(receiving, _Process(child)))


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
