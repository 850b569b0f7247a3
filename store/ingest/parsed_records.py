"""The reading half of an import, as the importer sees it: the records of the files, read
and parsed (``parse_records``) in a child process when a core is free, else in this one.

Apart from the importer, which writes those rows: what the child sends the parent
(``Record``s, small to pickle) is all the two halves share.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from store.ingest.parse_records import Record, parsed, produce_records
from store.records import RawCable, Skipped


def default_workers() -> int:
    """Reader processes for an import: one per core this process may run on but one, which
    the importer's own writing keeps busy (SQLite and the index: at 250,000 cables on 2 cores
    two readers took 175 s and 465 MB, one 181 s and 353 MB); none on a single core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores - 1


def parsed_records(paths: list[Path], skip: int, workers: int | None) -> Iterator[Record | Skipped]:
    """Read and parse everything after the first ``skip`` items (done by an earlier run).

    ``workers`` child processes read and parse (None: ``default_workers()``), each every
    ``workers``-th item, and their records are dealt back in turn: the same records in the
    same order as one process gives, so a resumed import counts its place the same way.
    With 0, this process reads and parses.
    """
    if workers is None:
        workers = default_workers()
    if workers <= 0 or os.name != "posix":
        yield from produce_records(paths, skip)
        return
    from store.ingest.reader_child import start_reader

    started: list[tuple] = []
    try:
        for part in range(workers):
            started.append(start_reader(paths, skip, part, workers))
        streams = [received(receiving, child) for receiving, child in started]
        # A reader hands over what it read unparsed while this process waits for it
        # (reader_child): parsed here, the same record.
        yield from map(parsed, _in_turn(streams))
    finally:
        for receiving, child in started:
            receiving.close()
            with contextlib.suppress(OSError):
                child.stdin.close()  # its lifeline: the child ends on its own
        for _, child in started:
            if child.poll() is None:
                child.terminate()
            child.wait()


_END = object()


def _in_turn(streams: list[Iterator[Record | Skipped]]) -> Iterator[Record | Skipped]:
    """One item from each stream in turn until one ends; then every other must end too."""
    while True:
        for number, stream in enumerate(streams):
            item = next(stream, _END)
            if item is _END:
                others = streams[number + 1 :] + streams[:number]
                if any(next(other, _END) is not _END for other in others):
                    raise ReaderFailed("the reader processes disagree on the files' contents "
                                       "(did a file change during the import?)")  # fmt: skip
                return
            yield item


class ReaderFailed(RuntimeError):
    """The child process that reads and parses failed or died; what was written stays."""


def received(connection, child) -> Iterator[Record | RawCable | Skipped]:
    """The records ``child`` (a ``Popen``) sends through ``connection``, up to its None.

    A pipe, not a multiprocessing.Queue: the parent keeps no copy of the sending end, so a
    child killed halfway through a message (out of memory, kill -9) ends in EOF here, where
    a Queue's reader would wait for the rest of the message for ever."""
    while True:
        if not connection.poll():
            _say_waiting(child)
        try:
            chunk = connection.recv()
        except (EOFError, OSError):  # OSError: "got end of file during message"
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(1)
            raise ReaderFailed(
                f"the reader process ended without finishing (exit code {child.returncode})"
            ) from None
        if chunk is None:
            return
        if isinstance(chunk, str):
            raise ReaderFailed(f"the reader process failed: {chunk}")
        yield from chunk


def _say_waiting(child) -> None:
    """Tell the child, on its lifeline, that this process has nothing to write and waits
    for it: it hands over items unparsed (``reader_child``)."""
    from store.ingest.reader_child import WAITING

    with contextlib.suppress(OSError):  # it has ended: the pipe says so next
        child.stdin.write(WAITING)
        child.stdin.flush()
