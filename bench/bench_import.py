"""Import benchmark: `cables import` of a cables.csv vs raw FTS5 inserts of the same rows.

    python bench/bench_import.py --csv DIR/cables.csv [--out DIR] [--limit N]

Prints wall time, cables/s and peak RSS for (1) the real import (reader + parser + schema +
triggers + tags/refs) and (2) a baseline that only streams the CSV with the stdlib and
inserts (id, body) into a bare FTS5 table with the same tokenizer, and their ratio. Both run
in child processes, one after the other, in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_BASELINE = r"""
import csv, sqlite3, sys, time
csv.field_size_limit(1 << 30)
path, db, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=NORMAL")
conn.execute("CREATE VIRTUAL TABLE f USING fts5(subject, body, "
             "tokenize='porter unicode61 remove_diacritics 2')")
conn.execute("INSERT INTO f(f, rank) VALUES ('hashsize', 16777216)")
n = 0
with open(path, newline="", encoding="utf-8", errors="replace") as handle:
    rows = csv.reader(handle, escapechar="\\", doublequote=False)
    conn.execute("BEGIN")
    for row in rows:
        if len(row) != 8:
            continue
        conn.execute("INSERT INTO f(subject, body) VALUES (?, ?)", (row[2], row[7]))
        n += 1
        if n % 1000 == 0:
            conn.execute("COMMIT"); conn.execute("BEGIN")
        if limit and n >= limit:
            break
    conn.execute("COMMIT")
print(n)
"""


def _tree_rss_kb(root: int) -> int:
    """Resident KB of ``root`` and all its descendants (0 where one is gone).

    Walks the tree through each thread's ``children`` file rather than reading every process
    on the machine: the import uses both cores, so the sampler's own CPU (1.8 s of a
    120 s import when it read all of /proc five times a second) is taken from it, and not
    from the one-core baseline.
    """
    total, todo = 0, [root]
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * page_kb
            for thread in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{thread}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue  # gone meanwhile
    return total


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str, float]:
    """(seconds, peak RSS MB of the largest single process, peak MB of the tree summed, stdout,
    CPU seconds of the whole tree: on a shared machine the steadier figure).

    The importer parses in a child process, so the figure a machine pays is the sum of both;
    the tree is sampled every 0.2 s (a peak shorter than that can slip by).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    tree_peak = 0
    while proc.poll() is None:
        tree_peak = max(tree_peak, _tree_rss_kb(proc.pid))
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    cpu = (usage.ru_utime - before.ru_utime) + (usage.ru_stime - before.ru_stime)
    return elapsed, usage.ru_maxrss / 1024, tree_peak / 1024, out, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None, help="where the corpora go")
    parser.add_argument("--limit", type=int, default=0, help="baseline: stop after N rows")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--jobs", type=int, default=None, help="cables import --jobs N")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="cables-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    corpus = out / "bench-import.sqlite"
    for stale in out.glob("bench-import.sqlite*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    jobs = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    seconds, rss, tree_rss, _, cpu = _timed(
        [sys.executable, "-m", "tui.cli", "--corpus", str(corpus), "import", "-q", *jobs,
         str(args.csv)],
        env,
    )  # fmt: skip
    import sqlite3

    count = sqlite3.connect(corpus).execute("SELECT count(*) FROM cables").fetchone()[0]
    result = {
        # Both sides run on this interpreter. Its build matters to the import (Python) and
        # hardly to the baseline (C): Debian's python3.11 parsed 15% faster than pyenv's
        # default build (no PGO, shared libpython) on the same machine.
        "python": f"{sys.version.split()[0]} {sys.executable}",
        "cables": count,
        "import_s": round(seconds, 1),
        "import_cables_per_s": round(count / seconds),
        "import_cpu_s": round(cpu, 1),
        "import_peak_rss_mb_largest_process": round(rss),
        "import_peak_rss_mb_all_processes": round(tree_rss),
        "corpus_mb": round(corpus.stat().st_size / 2**20),
    }
    index = corpus.with_name(corpus.name + ".fulltext")  # the full-text index, if beside it
    if index.is_dir():
        result["index_mb"] = round(sum(f.stat().st_size for f in index.iterdir()) / 2**20)
    if not args.skip_baseline:
        base = out / "bench-baseline.sqlite"
        for stale in out.glob("bench-baseline.sqlite*"):
            stale.unlink()
        b_seconds, _, b_rss, _, b_cpu = _timed(
            [sys.executable, "-c", _BASELINE, str(args.csv), str(base), str(args.limit)], env
        )
        result |= {
            "baseline_raw_fts5_s": round(b_seconds, 1),
            "baseline_cpu_s": round(b_cpu, 1),
            "baseline_peak_rss_mb": round(b_rss),
            "ratio_import_to_baseline": round(seconds / b_seconds, 2),
        }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
