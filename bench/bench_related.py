"""Related cables (R, `cables related`): how long finding the 20 closest takes.

    python bench/bench_related.py --corpus C.sqlite [--cables 40] [--repeat 3]

Picks cables spread evenly over the corpus (every N-th rowid, so the same ones each run),
times `related()` for each (median of the warm runs per cable; CPU time too, as the machine
may be shared), and prints the median and p95 over the cables with the target (200 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.corpus.corpus import Corpus  # noqa: E402
from store.fulltext.related import related  # noqa: E402

TARGET_MS = 200


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cables", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with Corpus(args.corpus, readonly=True) as corpus:
        conn = corpus.connection()
        total = conn.execute("SELECT count(*) FROM cables").fetchone()[0]
        step = max(1, total // args.cables)
        ids = [row[0] for row in conn.execute(
            "SELECT id FROM cables WHERE rowid % ? = 0 LIMIT ?", (step, args.cables)
        )]  # fmt: skip
        related(corpus, ids[0])  # opens the index
        walls, cpus, sizes = [], [], []
        for cable_id in ids:
            per_wall, per_cpu = [], []
            for _ in range(args.repeat + 1):
                wall, cpu = time.perf_counter(), time.process_time()
                found = related(corpus, cable_id)
                per_wall.append((time.perf_counter() - wall) * 1000)
                per_cpu.append((time.process_time() - cpu) * 1000)
            walls.append(statistics.median(per_wall[1:]))
            cpus.append(statistics.median(per_cpu[1:]))
            sizes.append(len(found or ()))
    walls.sort()
    cpus.sort()
    p95 = walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
    print(f"{total:,} cables; related() for {len(ids)} cables, {args.repeat} warm runs each")
    print(f"  wall ms: median {statistics.median(walls):.1f}, p95 {p95:.1f}, max {walls[-1]:.1f}")
    print(f"  CPU ms:  median {statistics.median(cpus):.1f}, max {cpus[-1]:.1f}")
    print(f"  cables listed: median {statistics.median(sizes):.0f}")
    verdict = "meets" if p95 < TARGET_MS else "MISSES"
    print(f"  target p95 < {TARGET_MS} ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
