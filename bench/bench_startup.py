"""Start-up benchmark: one-shot commands as whole processes against `python -c pass`.

    python bench/bench_startup.py --corpus C.sqlite [--id ID] [--runs N] [--query QUERY]

Each repetition runs every command once, in turn (so a slow spell of the machine hits all of
them alike), after one warm-up round; it prints the median of each in ms and as a ratio to
`python -c pass` run by the same interpreter. Output goes to a pipe, as `cables ... | less`.
The commands only read the corpus, but for the first `cables stats` on a corpus whose
counts are out of date (made by an older cables): it stores them, as it would for a user,
in the warm-up round.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def middle_id(corpus: Path) -> str:
    """A cable from the middle of the corpus (neither end of the rowid order)."""
    conn = sqlite3.connect(f"{corpus.resolve().as_uri()}?mode=ro", uri=True)
    try:
        count = conn.execute("SELECT count(*) FROM cables").fetchone()[0]
        row = conn.execute(
            "SELECT id FROM cables ORDER BY rowid LIMIT 1 OFFSET ?", (count // 2,)
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        sys.exit(f"{corpus}: no cables")
    return row[0]


RICH = ("--format", "rich", "--color", "always")


def commands(corpus: Path, cable_id: str, query: str) -> dict[str, list[str]]:
    cables = [sys.executable, "-m", "tui.cli", "--corpus", str(corpus)]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        f"cables show {cable_id} (text, piped)": [*cables, "show", cable_id],
        f"cables show {cable_id} {' '.join(RICH)}": [*cables, "show", cable_id, *RICH],
        "cables stats": [*cables, "stats"],
        f"cables stats {query}": [*cables, "stats", query],
    }


def timed_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall ms, CPU ms of the process): on a machine others share, the CPU time tells
    the work apart from the waiting for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # From the tree of this file: `-m` puts the working directory first on the path.
    done = subprocess.run(command, capture_output=True, env=env, cwd=ROOT)
    elapsed = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.decode()[-400:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--id", default=None, help="the cable to show (default: a middle one)")
    parser.add_argument("--runs", type=int, default=15, help="repetitions (15)")
    parser.add_argument("--query", default="government", help="the query of `stats QUERY`")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus}: no such file")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # As after `pip install`: modules load from bytecode (the warm-up round writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    corpus = args.corpus.resolve()
    chosen = commands(corpus, args.id or middle_id(corpus), args.query)
    for command in chosen.values():
        timed_run(command, env)  # warm: bytecode, page cache, index catch-up
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in chosen}
    for _ in range(args.runs):
        for name, command in chosen.items():
            times[name].append(timed_run(command, env))
    wall = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}
    bare, bare_cpu = wall["python -c pass"], cpu["python -c pass"]
    width = max(map(len, wall))
    print(f"{args.corpus}: medians of {args.runs} alternated runs (wall; CPU of the process)")
    for name, ms in wall.items():
        print(
            f"  {name:<{width}}  {ms:7.1f} ms {ms / bare:5.1f}x"
            f"   CPU {cpu[name]:7.1f} ms {cpu[name] / bare_cpu:5.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
