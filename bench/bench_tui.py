"""Browser benchmark: the real app in a pseudo-terminal, measured from the outside.

    python bench/bench_tui.py --corpus FILE [--size 120x40] [--moves 40] [--repeat 3]

Prints medians of:
- start-up: process start to the first sidebar row painted (the newest cable's ID appears in
  the terminal output), and the same for a bare Textual app showing one Static, with the ratio;
- per cursor key (j in the sidebar): CPU time of the app process and bytes written to the
  terminal, for single moves that let the reader preview catch up, and for a burst of key
  repeats (the preview waits for the cursor to rest, so a burst mostly repaints two rows);
- opening the largest cable: in-process get + render + wrap, and `cables open ID` from process
  start to the cable's ID painted in the reader's status line;
- the app's peak RSS (VmHWM) after the session;
- with ``--big-cable KB``: a cable of that size is added to the corpus (once, ID
  ``10BENCHBIG1``: the corpus file is changed) and opened in a headless app from the key to
  the first screen of it painted, the figure that says whether a huge cable feels instant.

Only the standard library is used to drive the terminal (pty, select), so the same harness
also serves the hostile-text test, which checks that no control sequence from a cable reaches
the terminal.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("BARE-APP-READY")
Bare().run()
"""


# Bytes written this soon after a key are the row repaint; the preview comes later.
ROWS_WINDOW = 0.05
# Style and cursor codes, to read what was painted.
_CSI = re.compile(rb"\x1b\[[0-9;:?<>=$]*[ -/]*[@-~]")


class PtyTerminal:
    """A program running in a pseudo-terminal of a given size; everything it writes is kept."""

    def __init__(
        self, argv: list[str], cols: int = 120, rows: int = 40, env: dict[str, str] | None = None
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environment = dict(os.environ if env is None else env)
        environment.setdefault("TERM", "xterm-256color")
        environment.setdefault("COLORTERM", "truecolor")
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            preexec_fn=_controlling_terminal,
            close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self.output = bytearray()
        # (time since start, bytes so far) after each read: when things were painted.
        self.marks: list[tuple[float, int]] = []

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.output += data
        self.marks.append((time.perf_counter() - self.started, len(self.output)))
        return True

    def wait_for(self, needle: bytes, timeout: float = 20.0, start: int = 0) -> float | None:
        """Seconds since the process started when ``needle`` first appeared; None on timeout."""
        deadline = time.perf_counter() + timeout
        while needle not in self.output[start:]:
            if time.perf_counter() > deadline or self.process.poll() is not None:
                if needle in self.output[start:]:
                    break
                return None
            self._read(0.05)
        index = self.output.index(needle, start) + len(needle)
        for seconds, size in self.marks:
            if size >= index:
                return seconds
        return time.perf_counter() - self.started

    def wait_for_text(self, text: str, timeout: float = 20.0, start: int = 0) -> bool:
        """Whether ``text`` gets painted (style codes between its characters ignored)."""
        return self.seconds_until(re.escape(text.encode()), time.perf_counter(), start,
                                  timeout) is not None  # fmt: skip

    def seconds_until(
        self, pattern: bytes, since: float, start: int, timeout: float = 20.0
    ) -> float | None:
        """Seconds from ``since`` (a perf_counter time) until output written after byte
        ``start`` matches ``pattern`` once style codes are removed; None on timeout."""
        regex = re.compile(pattern)
        deadline = time.perf_counter() + timeout
        while True:
            if regex.search(_CSI.sub(b"", bytes(self.output[start:]))):
                return time.perf_counter() - since
            if time.perf_counter() > deadline or self.process.poll() is not None:
                return None
            self._read(0.005)

    def type_text(self, text: str, gap: float = 0.06) -> None:
        """Type like a person: one key every ``gap`` seconds (reading meanwhile)."""
        for char in text:
            self.send(char)
            end = time.perf_counter() + gap
            while time.perf_counter() < end:
                self._read(max(0.001, end - time.perf_counter()))

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> int:
        """Read until nothing arrives for ``quiet`` seconds; returns the bytes read."""
        before = len(self.output)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self._read(quiet):
                break
        return len(self.output) - before

    def send(self, keys: str | bytes) -> None:
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self, quit_keys: str = "Q", timeout: float = 10.0) -> None:
        """Quit with ``quit_keys``; keep reading meanwhile (a full pty would block the app)."""
        if self.process.poll() is None:
            self.send(quit_keys)
            deadline = time.perf_counter() + timeout
            while self.process.poll() is None and time.perf_counter() < deadline:
                self._read(0.05)
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                self.process.wait(5)
        self.settle(0.05, 1)
        os.close(self.fd)


def _controlling_terminal() -> None:
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def cables_argv(corpus: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "tui.cli", "--corpus", str(corpus), *extra]


def newest_and_largest(corpus: Path) -> tuple[str, str, int]:
    conn = sqlite3.connect(f"{corpus.resolve().as_uri()}?mode=ro", uri=True)
    try:
        newest = conn.execute("SELECT id FROM cables ORDER BY rowid DESC LIMIT 1").fetchone()[0]
        largest, size = conn.execute(
            "SELECT c.id, length(t.header) + length(t.body) FROM texts t "
            "JOIN cables c ON c.rowid = t.rowid ORDER BY 2 DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return newest, largest, size


def startup_seconds(argv: list[str], needle: bytes, size: tuple[int, int]) -> float:
    terminal = PtyTerminal(argv, *size)
    try:
        seconds = terminal.wait_for(needle)
        if seconds is None:
            raise SystemExit(f"never painted {needle!r}: {bytes(terminal.output[-400:])!r}")
        return seconds
    finally:
        terminal.close("\x11" if b"BARE" in needle else "Q")


def session(corpus: Path, newest: str, size: tuple[int, int], moves: int) -> dict[str, float]:
    """One app session: single moves, a burst, then the peak RSS."""
    terminal = PtyTerminal(cables_argv(corpus), *size)
    try:
        if terminal.wait_for(newest.encode()) is None:
            raise SystemExit("the app never painted its first row")
        terminal.settle(0.5)
        cpu_before = terminal.cpu_seconds()
        single_bytes, row_bytes = [], []
        for _ in range(moves):
            sent = time.perf_counter() - terminal.started
            before = len(terminal.output)
            terminal.send("j")
            single_bytes.append(terminal.settle(0.25))
            # What arrived before the preview timer (PREVIEW_DELAY) could fire: the two rows.
            window = (sent, sent + ROWS_WINDOW)
            early = [size for seconds, size in terminal.marks if window[0] <= seconds < window[1]]
            row_bytes.append((max(early) if early else before) - before)
        single_cpu = (terminal.cpu_seconds() - cpu_before) / moves
        # The same wait with no key: what the idle app (timers, workers) costs in that time.
        cpu_before = terminal.cpu_seconds()
        for _ in range(moves):
            terminal.settle(0.25)
        idle_cpu = (terminal.cpu_seconds() - cpu_before) / moves
        terminal.settle(0.5)
        cpu_before = terminal.cpu_seconds()
        before = len(terminal.output)
        for _ in range(moves):
            terminal.send("j")
            terminal._read(0.015)  # key repeat at about 60 per second
        terminal.settle(0.5)
        burst_bytes = (len(terminal.output) - before) / moves
        burst_cpu = (terminal.cpu_seconds() - cpu_before) / moves
        # Scroll to the end and back: pages are fetched as they come into view.
        terminal.send("G")
        terminal.settle(0.5)
        terminal.send("g")
        terminal.settle(0.5)
        rss = terminal.peak_rss_mb()
    finally:
        terminal.close()
    return {
        "single_bytes": statistics.median(single_bytes),
        "row_bytes": statistics.median(row_bytes),
        "single_cpu_ms": single_cpu * 1000,
        "idle_cpu_ms": idle_cpu * 1000,
        "burst_bytes": burst_bytes,
        "burst_cpu_ms": burst_cpu * 1000,
        "rss_mb": rss,
    }


def userdata_session(
    corpus: Path, size: tuple[int, int], words: list[str], marks: int, repeat: int
) -> dict[str, list[float]]:
    """Search as you type, history recall and bookmark toggles, timed from the key press to
    the change painted; the app runs with its own empty XDG directories and ``marks``
    bookmarks made beforehand."""
    import tempfile

    from store.userdata.bookmarks import Bookmarks

    home = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    env = dict(os.environ, HOME=str(home))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    store = Bookmarks(Path(env["XDG_DATA_HOME"]) / "cables" / "bookmarks.json")
    for n in range(marks):
        store.add(f"99BENCH{n}", f"note {n}")
    out: dict[str, list[float]] = {"first": [], "all": [], "recall": [], "toggle": []}
    terminal = PtyTerminal(cables_argv(corpus), *size, env=env)
    try:
        if not terminal.wait_for_text(" of ", timeout=30):
            raise SystemExit("the app never painted its listing")
        terminal.settle(0.5)
        for _ in range(repeat):
            for word in words:
                terminal.send("/")
                terminal.settle(0.2)
                terminal.type_text(word[:-1])
                start, since = len(terminal.output), time.perf_counter()
                terminal.send(word[-1])
                # "100+ of 250,000 match word" first, then "60,230 of 250,000 match word".
                # A narrow pane may cut the label after "match": the query is not waited for
                # (the listing before it said no "match"; only output after the key counts).
                label = rb" match"
                first = terminal.seconds_until(rb"of [\d,]+" + label, since, start)
                out["first"].append(first or float("nan"))
                done = terminal.seconds_until(rb"[\d,]+ of [\d,]+" + label, since, start, 60)
                out["all"].append(done or float("nan"))
                terminal.send("\r")  # run it: recorded in the history
                terminal.settle(0.3)
                terminal.send("\x1b")  # back to the full listing
                terminal.settle(0.3)
        terminal.send("/")
        terminal.settle(0.3)
        for word in reversed(words):
            start, since = len(terminal.output), time.perf_counter()
            terminal.send("\x1b[A")  # up
            out["recall"].append(terminal.seconds_until(word.encode(), since, start) or 0)
            terminal.settle(0.2)
        terminal.send("\x1b")
        terminal.settle(0.3)
        for _ in range(repeat * 3):
            start, since = len(terminal.output), time.perf_counter()
            terminal.send("m")
            terminal.seconds_until(rb"note \(optional\)", since, start)
            terminal.send("\r")
            added = terminal.seconds_until(rb"bookmarked", since, start)
            terminal.settle(0.3)
            start, since = len(terminal.output), time.perf_counter()
            terminal.send("m")
            removed = terminal.seconds_until(rb"bookmark removed", since, start)
            out["toggle"] += [added or float("nan"), removed or float("nan")]
            terminal.settle(0.3)
    finally:
        terminal.close()
    return out


def percentiles(values: list[float]) -> str:
    ordered = sorted(v * 1000 for v in values)
    if not ordered:
        return "n/a"
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):6.0f} ms  p95 {p95:6.0f} ms"


def open_in_process(corpus: Path, cable_id: str, width: int, repeat: int) -> float:
    from store.corpus.corpus import Corpus
    from tui.output.render import render_cable

    with Corpus(corpus, readonly=True) as store:
        times = []
        for _ in range(repeat + 1):
            started = time.perf_counter()
            cable = store.get(cable_id)
            assert cable is not None
            present = store.existing(cable.references)
            cited = [s.id for s in store.cited_by(cable.id)]
            rendered = render_cable(cable, refs_in_corpus=present.__contains__, cited_by=cited)
            rendered.layout(width)
            times.append(time.perf_counter() - started)
    return statistics.median(times[1:]) * 1000


BIG_ID = "10BENCHBIG1"


def add_big_cable(corpus: Path, kilobytes: int) -> None:
    """Put a cable of about ``kilobytes`` KB in the corpus (the largest one's paragraphs
    repeated), unless it is there; plain SQL, as the tests' generated corpora do."""
    from store.corpus import schema
    from store.corpus.rowids import base_rowid

    conn = schema.connect(corpus, readonly=False)
    try:
        if conn.execute("SELECT 1 FROM cables WHERE id = ?", (BIG_ID,)).fetchone():
            return
        rowid, header, body = conn.execute(
            "SELECT rowid, header, body FROM texts ORDER BY length(body) DESC LIMIT 1"
        ).fetchone()
        row = conn.execute(
            "SELECT created, hour_only, origin, level, caveats, classification, partial, "
            "subject, source FROM cables WHERE rowid = ?", (rowid,)
        ).fetchone()  # fmt: skip
        big = body
        while len(big) < kilobytes * 1024:
            big += "\n\n" + body
        from datetime import datetime

        new = base_rowid(datetime(2010, 12, 31, 23, 0), BIG_ID)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO cables(rowid, id, created, hour_only, origin, level, caveats, "
            "classification, partial, subject, source) VALUES (?, ?, '2010-12-31 23:00:00', "
            "?, ?, ?, ?, ?, ?, ?, ?)", (new, BIG_ID, *row[1:])
        )  # fmt: skip
        conn.execute(
            "INSERT INTO texts(rowid, subject, header, body) VALUES (?, ?, ?, ?)",
            (new, row[7], header, big),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def open_key_to_paint(corpus: Path, cable_id: str, size: tuple[int, int], repeat: int) -> float:
    """Median ms from the key that opens ``cable_id`` (the app's open action, as enter on a
    REF or the palette runs it) to the frame with its first screen, in a headless app."""
    import asyncio

    from store.corpus.corpus import Corpus
    from tui.app import CablesApp

    async def once() -> float:
        app = CablesApp(Corpus(corpus, readonly=True))
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.5)
            await app.workers.wait_for_complete()
            app.reader.focus()
            await pilot.pause(0.1)
            painted = asyncio.Event()
            original = app.reader.render_line

            def watch(y: int):
                strip = original(y)
                if app.shown is not None and app.shown.id == cable_id:
                    painted.set()
                return strip

            app.reader.render_line = watch  # type: ignore[method-assign]
            started = time.perf_counter()
            app.opener.open_cable_id(cable_id, record=True)
            await asyncio.wait_for(painted.wait(), 30)
            return time.perf_counter() - started

    times = [asyncio.run(once()) for _ in range(repeat)]
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--size", default="120x40", help="terminal COLSxROWS (120x40)")
    parser.add_argument("--moves", type=int, default=40, help="cursor keys per measurement")
    parser.add_argument("--repeat", type=int, default=3, help="runs per start-up figure")
    parser.add_argument(
        "--words",
        default="quorvax,vexmoor,plindax,trevoquin,gravixbok",
        help="search words typed in the app (default: the generator's marker words)",
    )
    parser.add_argument("--bookmarks", type=int, default=1000, help="bookmarks made first")
    parser.add_argument(
        "--big-cable", type=int, metavar="KB",
        help="add a cable of KB kilobytes to the corpus (changes the file) and time opening it",
    )  # fmt: skip
    parser.add_argument(
        "--only", choices=("start", "keys", "open", "userdata"), action="append",
        help="measure only these parts (repeatable; default all)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    parts = set(args.only or ("start", "keys", "open", "userdata"))
    cols, rows = (int(n) for n in args.size.lower().split("x"))
    size = (cols, rows)
    corpus = args.corpus
    newest, largest, largest_size = newest_and_largest(corpus)
    count = (
        sqlite3.connect(f"{corpus.resolve().as_uri()}?mode=ro", uri=True)
        .execute("SELECT count(*) FROM cables")
        .fetchone()[0]
    )
    print(f"corpus {corpus} ({count:,} cables), terminal {cols}x{rows}")
    if args.big_cable and "open" in parts:
        add_big_cable(corpus, args.big_cable)
        newest, largest, largest_size = newest_and_largest(corpus)
        key_ms = open_key_to_paint(corpus, BIG_ID, size, args.repeat)
        print(f"big cable {BIG_ID} ({largest_size / 1024:.0f} KB): key to first screen "
              f"painted {key_ms:8.0f} ms")  # fmt: skip
    if "start" in parts:
        start_figures(corpus, newest, size, args.repeat)
    if "keys" in parts:
        figures = session(corpus, newest, size, args.moves)
        key_figures(figures, args.moves)
    if "open" in parts:
        open_figures(corpus, largest, largest_size, size, args.repeat)
    if "userdata" in parts:
        userdata_figures(corpus, size, args)
    return 0


def compile_sources() -> None:
    """Byte-compile the project's modules, as installing a package does.

    The bare app's Textual comes compiled from its wheel; this checkout may run with
    PYTHONDONTWRITEBYTECODE (so nothing is ever cached) or be fresh. Without this the
    start-up figure would time compiling about 30 of our modules from source (25 ms here),
    which no installed ``cables`` does after its first run.
    """
    import compileall

    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=2, force=False)


def start_figures(corpus: Path, newest: str, size: tuple[int, int], repeat: int) -> None:
    compile_sources()

    app_start = [startup_seconds(cables_argv(corpus), newest.encode(), size)
                 for _ in range(repeat)]  # fmt: skip
    bare = [startup_seconds([sys.executable, "-c", BARE_APP], b"BARE-APP-READY", size)
            for _ in range(repeat)]  # fmt: skip
    app_ms, bare_ms = statistics.median(app_start) * 1000, statistics.median(bare) * 1000
    print(f"first sidebar row painted   {app_ms:8.0f} ms   (bare Textual app + Static "
          f"{bare_ms:.0f} ms; ratio {app_ms / bare_ms:.2f})")  # fmt: skip


def key_figures(figures: dict[str, float], moves: int) -> None:
    print(f"cursor key, single move     {figures['single_cpu_ms']:8.1f} ms CPU   "
          f"{figures['single_bytes']:8.0f} bytes: {figures['row_bytes']:.0f} for the two rows, "
          f"the rest the reader's preview of the next cable")  # fmt: skip
    print(f"  (the idle app over the same 0.25 s wait: {figures['idle_cpu_ms']:.1f} ms CPU)")
    print(f"cursor key, burst of {moves:<3}    {figures['burst_cpu_ms']:8.1f} ms CPU   "
          f"{figures['burst_bytes']:8.0f} bytes per key")  # fmt: skip
    print(f"peak RSS                    {figures['rss_mb']:8.1f} MB")


def open_figures(
    corpus: Path, largest: str, largest_size: int, size: tuple[int, int], repeat: int
) -> None:
    in_process = open_in_process(corpus, largest, size[0] - 48, repeat)
    opened = []
    for _ in range(repeat):
        terminal = PtyTerminal(cables_argv(corpus, "open", largest), *size)
        try:
            # The reader's status line shows the ID once the cable is rendered.
            seconds = terminal.wait_for(largest.encode(), timeout=30)
            opened.append(seconds or float("nan"))
        finally:
            terminal.close()
    print(f"largest cable {largest} ({largest_size / 1024:.0f} KB): get+render+wrap "
          f"{in_process:.0f} ms in process; `cables open` to painted "
          f"{statistics.median(opened) * 1000:.0f} ms")  # fmt: skip


def userdata_figures(corpus: Path, size: tuple[int, int], args: argparse.Namespace) -> None:
    words = [w for w in args.words.split(",") if w]
    timings = userdata_session(corpus, size, words, args.bookmarks, args.repeat)
    print(f"search as you type, last key to first hits shown    {percentiles(timings['first'])}")
    print(f"search as you type, last key to the full hit count  {percentiles(timings['all'])}")
    print(f"history recall (up in the search line)             {percentiles(timings['recall'])}")
    print(f"bookmark toggle with {args.bookmarks:,} bookmarks (m, enter / m) "
          f"{percentiles(timings['toggle'])}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
