"""The reading half of an import: files read and parsed into the rows the tables store.

Apart from the importer, which writes those rows: this half may run in a child process, and
what it sends the parent (``Record``s, small to pickle) is all the two halves share.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store.census import level_mask
from store.model import Cable
from store.parse import parse_text
from store.people.extract import people_of
from store.records import RawCable, Skipped


def parsed_records(paths: list[Path], skip: int, workers: int | None) -> Iterator[Record | Skipped]:
    """Read and parse everything after the first ``skip`` items (done by an earlier run).

    With a core to spare, reading and parsing run in a child process, so this process only
    writes to SQLite: the import then costs little more than the index inserts themselves.
    """
    if workers is None:
        workers = 1 if (os.cpu_count() or 1) > 1 else 0
    if workers <= 0:
        yield from _produce_records(paths, skip)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    # A pipe, not a multiprocessing.Queue: the parent keeps no copy of the sending end, so a
    # child killed halfway through a message (out of memory, kill -9) ends in EOF here, where
    # a Queue's reader would wait for the rest of the message for ever.
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_producer, args=(paths, skip, sending), daemon=True)
    child.start()
    sending.close()
    try:
        yield from received(receiving, child)
    finally:
        receiving.close()
        if child.is_alive():
            child.terminate()
        child.join()


class ReaderFailed(RuntimeError):
    """The child process that reads and parses failed or died; what was written stays."""


# Chunks the child may parse ahead of the parent's writing (it must not run ahead through a
# 1.7 GB file).
_AHEAD = 8


def received(connection, child) -> Iterator[Record | Skipped]:
    """The records ``child`` sends through ``connection``, up to its None."""
    while True:
        try:
            chunk = connection.recv()
        except (EOFError, OSError):  # OSError: "got end of file during message"
            child.join(1)
            raise ReaderFailed(
                f"the reader process ended without finishing (exit code {child.exitcode})"
            ) from None
        if chunk is None:
            return
        if isinstance(chunk, str):
            raise ReaderFailed(f"the reader process failed: {chunk}")
        yield from chunk


def _producer(paths: list[Path], skip: int, connection) -> None:
    """Child process: send parsed records in chunks, then None (or a one-line error).

    A thread sends while the main thread parses on, up to ``_AHEAD`` chunks ahead."""
    import queue
    import signal
    import threading

    # Ctrl-C is for the parent, which stops cleanly and then ends this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    outbox: queue.Queue = queue.Queue(maxsize=_AHEAD)

    def feed() -> None:
        while True:
            item = outbox.get()
            try:
                connection.send(item)
            except OSError:
                return  # the parent stopped reading (it is ending this process)
            if item is None or isinstance(item, str):
                return

    sender = threading.Thread(target=feed, daemon=True)
    sender.start()
    try:
        chunk: list[Record | Skipped] = []
        for record in _produce_records(paths, skip):
            chunk.append(record)
            if len(chunk) >= _CHUNK:
                outbox.put(chunk)
                chunk = []
        if chunk:
            outbox.put(chunk)
        outbox.put(None)
    except Exception as error:  # report, do not hang the parent
        outbox.put(f"{type(error).__name__}: {error}")
    sender.join()


def _produce_records(paths: list[Path], skip: int) -> Iterator[Record | Skipped]:
    from store.ingest.read_files import read_paths

    for index, item in enumerate(read_paths(paths)):
        if index >= skip:
            yield _parse_one(item)


_CHUNK = 200


def _parse_one(item: RawCable | Skipped) -> Record | Skipped:
    """Parse one cable into what the tables store (small to send between processes)."""
    if isinstance(item, Skipped):
        return item
    try:
        cable = parse_text(item.text, source=item.source, known=item.known)
    except Exception as error:  # the parser never raises; if it does, skip, do not stop
        return Skipped(item.source, item.location, f"parser error: {error!r}")
    if not cable.id:
        return Skipped(item.source, item.location, "no reference ID found")
    return Record(
        _row(cable),
        cable.created,
        tuple(sorted({tag.upper() for tag in cable.tags})),
        cable.references,
        level_mask(cable.paragraphs),
        cable.aliases,
        people_of(cable),
    )


@dataclass(frozen=True, slots=True)
class Record:
    """One parsed cable as rows: the cables row, its tags and its references."""

    values: tuple
    created: datetime | None
    tags: tuple[str, ...]
    references: tuple[str, ...]
    para_levels: int = 0
    aliases: tuple[str, ...] = ()
    # (person, role) pairs: see store.people.extract.
    people: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return self.values[0]


def _row(cable: Cable) -> tuple:
    marking = cable.classification
    return (
        cable.id,
        cable.created.isoformat(sep=" ") if cable.created else None,
        1 if cable.date_note and cable.created else 0,
        cable.origin,
        int(marking.level) if marking else None,
        ",".join(marking.caveats) if marking else "",
        marking.full if marking else None,
        1 if cable.is_partial else 0,
        cable.subject,
        cable.source,
        cable.header,
        cable.body,
    )
