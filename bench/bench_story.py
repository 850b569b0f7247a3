"""Threads and timelines at scale: thread build times and timeline counts on a corpus.

    python bench/bench_story.py --corpus C.sqlite [--threads 200] [--words quorvax vexmoor]

Threads: ``store.corpus.threads.build_thread`` at depth 3 for a sample of cables (every Nth rowid,
plus the most cited cables, the worst case), median / p95 / max in ms, and the largest tree.
Timelines: ``store.corpus.timeline.counts`` per year (plain and split by level), per month, and by
class, origin and tag, for each word (default: the generator's marker words, common first),
median of warm runs. Targets (issue 14): any depth-3 thread under 50 ms; a word in 150k
cables per year under 100 ms, at 251k cables.
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
from store.corpus.filters import Filters  # noqa: E402
from store.corpus.threads import build_thread  # noqa: E402
from store.corpus.timeline import counts  # noqa: E402
from store.query.compile import compile_query  # noqa: E402

WORDS = ["quorvax", "vexmoor", "plindax", "trevoquin"]


def ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def sample_ids(corpus: Corpus, count: int) -> list[str]:
    conn = corpus.connection()
    total = conn.execute("SELECT count(*) FROM cables").fetchone()[0]
    step = max(1, total // max(count, 1))
    ids = [r[0] for r in conn.execute("SELECT id FROM cables WHERE rowid % ? = 0 LIMIT ?",
                                      (step, count))]  # fmt: skip
    if len(ids) < count:
        ids += [r[0] for r in conn.execute("SELECT id FROM cables ORDER BY random() LIMIT ?",
                                           (count - len(ids),))]  # fmt: skip
    most_cited = [r[0] for r in conn.execute(
        "SELECT target FROM refs GROUP BY target ORDER BY count(*) DESC LIMIT 20")]  # fmt: skip
    return ids + [i for i in most_cited if corpus.summary(i) is not None]


def bench_threads(corpus: Corpus, count: int) -> None:
    ids = sample_ids(corpus, count)
    for cable_id in ids[:5]:
        build_thread(corpus, cable_id)  # warm the cache
    times, sizes = [], []
    for cable_id in ids:
        started = time.perf_counter()
        thread = build_thread(corpus, cable_id, 3)
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(sum(1 for _ in thread.nodes()) if thread else 0)
    worst = max(range(len(times)), key=times.__getitem__)
    print(f"threads, depth 3, {len(ids)} cables (incl. the 20 most cited):")
    print(f"  median {statistics.median(times):6.2f} ms  p95 {p95(times):6.2f} ms  "
          f"max {max(times):6.2f} ms ({ids[worst]}, {sizes[worst]} nodes)  "
          f"largest tree {max(sizes)} nodes")  # fmt: skip


def bench_timelines(corpus: Corpus, words: list[str], repeat: int) -> None:
    print(f"timelines (median of {repeat} warm runs, ms):")
    print(f"  {'query':<12} {'hits':>8} {'year':>7} {'year+lvl':>8} {'month':>7} "
          f"{'class':>7} {'origin':>7} {'tag':>7}")  # fmt: skip
    for word in [None, *words]:
        compiled = compile_query(word) if word else None
        match = compiled.match if compiled else None
        filters = compiled.filters if compiled else Filters()
        row = []
        hits = 0
        for by, levels in (("year", False), ("year", True), ("month", False), ("class", False),
                           ("origin", False), ("tag", False)):  # fmt: skip
            def run(by=by, levels=levels, match=match, filters=filters):
                return counts(corpus, match, filters, by=by, levels=levels)

            found = run()
            if by == "year" and not levels:
                hits = sum(b.count for b in found)
            row.append(statistics.median(ms(run) for _ in range(repeat)))
        cells = " ".join(f"{t:7.1f}" for t in row[:1]) + f" {row[1]:8.1f} " + " ".join(
            f"{t:7.1f}" for t in row[2:])  # fmt: skip
        print(f"  {word or '(all)':<12} {hits:>8,} {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=200)
    parser.add_argument("--words", nargs="*", default=WORDS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with Corpus(args.corpus, readonly=True) as corpus:
        total = corpus.count()
        refs = corpus.connection().execute("SELECT count(*) FROM refs").fetchone()[0]
        print(f"{total:,} cables, {refs:,} REF items in {args.corpus}")
        bench_threads(corpus, args.threads)
        bench_timelines(corpus, args.words, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
