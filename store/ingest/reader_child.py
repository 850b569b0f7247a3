"""The child process that reads and parses for an import, and how it ends with its parent.

It is a plain ``python -c`` child, not a ``multiprocessing`` one: the spawn start method
always starts a resource tracker process too, which outlived a killed import, and fork is
unsafe in a process that runs threads. The parent sends the job on the child's stdin and keeps
that pipe open without writing to it again: it is the child's lifeline. The child ends at
once when the lifeline reaches end of file or its parent pid changes (the parent died by
SIGKILL, SIGTERM or anything else), and on Linux the kernel also kills it when the parent
goes (PR_SET_PDEATHSIG). Without this a child blocked sending to a dead parent stayed for
minutes. The records travel on a pipe of their own (see ``parsed_records.received``).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path

# How often the watchdog looks at the parent pid when the lifeline says nothing.
WATCH_SECONDS = 1.0
# Chunks the child may parse ahead of the parent's writing (it must not run ahead through a
# 1.7 GB file; each of the import's readers holds this many).
AHEAD = 4
CHUNK = 200
# Which items go to the parent unparsed (see ``_produce``): "waiting" (those read while the
# parent waits), "never", or "every other" (tests: the parent's parse of them).
HAND_OVER = "waiting"
# Which chunks this process makes the index's documents of (``parse_records.indexed_ahead``)
# before it sends them: "ahead" (those it would otherwise wait to send: the importer is the
# busier side then), "always" or "never" (tests).
INDEX_AHEAD = "ahead"
# What the parent writes on the lifeline when it has nothing left to write and waits for
# this process (``parsed_records.received``).
WAITING = b"w"
_parent_waits = threading.Event()

_LENGTH = struct.Struct("!Q")
_PR_SET_PDEATHSIG = 1


def start_reader(
    paths: list[Path], skip: int, part: int = 0, parts: int = 1
) -> tuple[Connection, subprocess.Popen]:
    """Start the child on ``paths`` (after the first ``skip`` items; its ``part`` of
    ``parts``, see ``produce_records``): the end that receives its records, and the
    child, whose stdin the caller closes when done."""
    receiving, sending = os.pipe()
    root = str(Path(__file__).resolve().parents[2])  # the folder holding the store package
    code = (
        f"import sys; sys.path.insert(0, {root!r}); "
        f"from store.ingest.reader_child import main; main({sending})"
    )
    try:
        child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                 pass_fds=(sending,))  # fmt: skip
    except BaseException:
        os.close(receiving)
        raise
    finally:
        os.close(sending)  # the child's copy is all there is: its death is EOF here
    job = pickle.dumps((paths, skip, part, parts, os.getpid(), (HAND_OVER, INDEX_AHEAD)))
    try:
        child.stdin.write(_LENGTH.pack(len(job)) + job)
        child.stdin.flush()
    except OSError:
        pass  # the child died at once: the receiving end says so
    return Connection(receiving, writable=False), child


def main(sending: int) -> None:
    """Child process: read the job from stdin, watch the parent, send records, then None
    (or a one-line error)."""
    job = _read_exactly(0, _LENGTH.unpack(_read_exactly(0, _LENGTH.size))[0])
    paths, skip, part, parts, parent, policies = pickle.loads(job)
    _die_with_parent(parent)
    # Ctrl-C is for the parent, which stops cleanly and then ends this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _produce(paths, skip, part, parts, Connection(sending, readable=False), *policies)


def _read_exactly(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        part = os.read(fd, size - len(data))
        if not part:
            os._exit(1)  # the parent went before it sent the job
        data += part
    return data


def _die_with_parent(parent: int) -> None:
    # The kernel's signal comes when the *thread* that started this child ends: an import
    # runs from start to end in one thread (the generator in parsed_records), so that is
    # the parent's end too.
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still ends this process
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the kernel was told to watch it
    threading.Thread(target=_watchdog, args=(parent,), daemon=True).start()


def _watchdog(parent: int) -> None:
    while True:
        readable, _, _ = select.select([0], [], [], WATCH_SECONDS)
        said = os.read(0, 4096) if readable else None
        if said == b"" or os.getppid() != parent:
            # Every thread ends here, also one blocked sending to the dead parent.
            os._exit(1)
        if said:
            _parent_waits.set()


def _produce(
    paths: list[Path],
    skip: int,
    part: int,
    parts: int,
    connection: Connection,
    policy: str,
    indexing: str = INDEX_AHEAD,
) -> None:
    """Send parsed records in chunks; a thread sends while this one parses on, up to
    ``AHEAD`` chunks ahead."""
    import queue

    from store.ingest.parse_records import indexed_ahead, produce_records

    outbox: queue.Queue = queue.Queue(maxsize=AHEAD)

    def feed() -> None:
        while True:
            item = outbox.get()
            try:
                connection.send(item)
            except OSError:
                os._exit(1)  # the parent stopped reading: nothing more to do
            _parent_waits.clear()  # it has work again
            if item is None or isinstance(item, str):
                return

    # While the parent says it waits for this process, items go to it unparsed, to parse
    # while it would wait. It then takes longer over each chunk, waits less, and is handed
    # less: the two processes balance whatever the machine and the files. (On 2 cores the
    # parse is the larger half of a CSV import's work, and much the larger of a page's.
    # Every item rather than every other: a 20,000-cable import 10.7-11.2 s -> 10.0-10.3 s.)
    turn = 0

    def hand_over() -> bool:
        nonlocal turn
        if policy == "every other":
            turn += 1
            return turn % 2 == 0
        return policy == "waiting" and _parent_waits.is_set()

    def send(chunk: list) -> None:
        # The importer is behind (this process would wait to send): some of its work done
        # here, the chunk's in a loop of its own (interleaved with the parse, each cable's
        # took twice as long).
        if indexing == "always" or (indexing == "ahead" and outbox.full()):
            chunk = [indexed_ahead(item) for item in chunk]
        outbox.put(chunk)

    sender = threading.Thread(target=feed, daemon=True)
    sender.start()
    try:
        chunk: list = []
        for record in produce_records(paths, skip, part, parts, hand_over):
            chunk.append(record)
            if len(chunk) >= CHUNK:
                send(chunk)
                chunk = []
        if chunk:
            send(chunk)
        outbox.put(None)
    except Exception as error:  # report, do not hang the parent
        outbox.put(f"{type(error).__name__}: {error}")
    sender.join()
