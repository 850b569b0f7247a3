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

from store.ingest.parse_records import Record, produce_records
from store.records import Skipped


def parsed_records(paths: list[Path], skip: int, workers: int | None) -> Iterator[Record | Skipped]:
    """Read and parse everything after the first ``skip`` items (done by an earlier run).

    With a core to spare, reading and parsing run in a child process, so this process only
    writes to SQLite: the import then costs little more than the index inserts themselves.
    """
    if workers is None:
        workers = 1 if (os.cpu_count() or 1) > 1 else 0
    if workers <= 0 or os.name != "posix":
        yield from produce_records(paths, skip)
        return
    from store.ingest.reader_child import start_reader

    receiving, child = start_reader(paths, skip)
    try:
        yield from received(receiving, child)
    finally:
        receiving.close()
        with contextlib.suppress(OSError):
            child.stdin.close()  # its lifeline: the child ends on its own
        if child.poll() is None:
            child.terminate()
        child.wait()


class ReaderFailed(RuntimeError):
    """The child process that reads and parses failed or died; what was written stays."""


def received(connection, child) -> Iterator[Record | Skipped]:
    """The records ``child`` (a ``Popen``) sends through ``connection``, up to its None.

    A pipe, not a multiprocessing.Queue: the parent keeps no copy of the sending end, so a
    child killed halfway through a message (out of memory, kill -9) ends in EOF here, where
    a Queue's reader would wait for the rest of the message for ever."""
    while True:
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
