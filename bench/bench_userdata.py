"""Latency of the user-data layer: bookmark toggles and search-history record / recall.

    python bench/bench_userdata.py [--dir DIR] [--runs N]

Each change is a full locked read-modify-write with two fsyncs (DESIGN section 6), so the
numbers depend on the disk under ``--dir`` (default: a temporary directory). Prints the median
and p95 of many runs in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store.userdata.bookmarks import Bookmarks
from store.userdata.history import History
from store.userdata.safe_storage import SafeStore, time_to_store


class Timings:
    """Wall-clock and CPU milliseconds of each run (CPU time shows the cost on a busy box)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def measure(self, action: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        self.cpu.append((time.process_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)


def _timed(action: Callable[[int], object], runs: int) -> Timings:
    timings = Timings()
    for number in range(runs):
        timings.measure(lambda number=number: action(number))
    return timings


def _report(label: str, timings: Timings) -> None:
    wall = sorted(timings.wall)
    p95 = wall[min(len(wall) - 1, round(0.95 * (len(wall) - 1)))]
    print(f"{label:<50} median {statistics.median(wall):7.3f} ms  p95 {p95:7.3f} ms"
          f"  (CPU median {statistics.median(timings.cpu):6.3f} ms, {len(wall)} runs)")  # fmt: skip


def _seed(path: Path, documents: list[dict[str, object]]) -> None:
    with SafeStore(path).transaction() as table:
        table.insert_multiple(documents)


def bench_bookmarks(folder: Path, runs: int) -> None:
    path = folder / "bookmarks.json"
    now = time_to_store(datetime.now(UTC))
    _seed(path, [{"id": f"06BENCH{n}", "note": f"note {n}", "added": now} for n in range(1000)])
    marks, other_session = Bookmarks(path), Bookmarks(path)
    assert len(marks) == 1000
    _report("bookmark toggle (1,000 present)", _timed(lambda _n: marks.toggle("09EXTRA1"), runs))
    _report("bookmark ids(), file unchanged", _timed(lambda _n: marks.ids(), runs * 10))

    changed_reads = Timings()
    for _ in range(runs):
        other_session.toggle("09OTHER1")
        changed_reads.measure(marks.ids)
    _report("bookmark ids(), after another session's change", changed_reads)


def bench_history(folder: Path, runs: int) -> None:
    path = folder / "history.json"
    now = time_to_store(datetime.now(UTC))
    _seed(path, [{"query": f"word{n} origin:Ankara", "when": now, "hits": n} for n in range(500)])
    history, other_session = History(path), History(path)
    assert len(history) == 500
    _report("history record (500 present, cap 500)",
            _timed(lambda n: history.record(f"new query {n}", n), runs))  # fmt: skip
    _report("history recall recent('word1'), file unchanged",
            _timed(lambda _n: history.recent("word1"), runs * 10))  # fmt: skip

    changed_reads = Timings()
    for number in range(runs):
        other_session.record(f"other {number}", 1)
        changed_reads.measure(lambda: history.recent("word1"))
    _report("history recall, after another session's change", changed_reads)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="where to put the files (default: a temp dir)")
    parser.add_argument("--runs", type=int, default=300, help="changes timed per measure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        print(f"files in {folder}")
        bench_bookmarks(Path(folder), args.runs)
        bench_history(Path(folder), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
