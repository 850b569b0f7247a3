"""The reading half of an import: files read and parsed into the rows the tables store.

Apart from the importer, which writes those rows: this half may run in a child process, and
what it sends the parent (``Record``s, small to pickle) is all the two halves share.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from store.census import level_mask
from store.ingest.cable_shape import not_a_cable
from store.model import Cable
from store.parse import parse_text
from store.parse.safe_ids import NOT_AN_ID, is_plain_id
from store.people.extract import people_of
from store.records import RawCable, Skipped, place


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


def produce_records(paths: list[Path], skip: int) -> Iterator[Record | Skipped]:
    from store.ingest.read_files import read_paths

    for index, item in enumerate(read_paths(paths)):
        if index >= skip:
            yield _parse_one(item)


def _parse_one(item: RawCable | Skipped) -> Record | Skipped:
    """Parse one cable into what the tables store (small to send between processes)."""
    if isinstance(item, Skipped):
        return item
    try:
        cable = parse_text(item.text, source=item.source, known=item.known)
    except Exception as error:  # the parser never raises; if it does, skip, do not stop
        return Skipped(item.source, item.location, f"parser error: {error!r}")
    reason = not_a_cable(item.text, cable)
    if reason:
        return Skipped(item.source, item.location, reason)
    if not cable.id:
        return Skipped(item.source, item.location, "no reference ID found")
    if not is_plain_id(cable.id):  # the parser never gives one; if it does, it names no file
        return Skipped(item.source, item.location, f"reference ID {cable.id[:60]!r} {NOT_AN_ID}")
    id_note = next((warning for warning in cable.warnings if NOT_AN_ID in warning), None)
    return Record(
        _row(cable),
        cable.created,
        tuple(sorted({tag.upper() for tag in cable.tags})),
        cable.references,
        level_mask(cable.paragraphs),
        cable.aliases,
        f"{place(item.source, item.location)}: {id_note}" if id_note else None,
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
    # "file:row: reference ID '../../X' is not a cable ID: kept as ...", for the summary.
    id_note: str | None = None
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
