"""Parser benchmark: cables/s and MB/s of ``store.parse.parse_text`` on one core.

    python bench/bench_parse.py [--count N] [--seed S] [--runs 5] [--mode csv|txt]
                                [--check] [--profile]

Cables come from the synthetic generator (``bench/synthetic``, in memory, ~7 KB on average,
the real corpus's shape); without it, from the samples and the invented test telegrams,
varied. ``--mode csv`` parses as the importer does for cables.csv rows (header and metadata
known); ``--mode txt`` parses bare telegram text, everything found by the parser. Prints the
median of ``--runs`` timed passes, in wall-clock and in CPU time (the steadier figure on a
shared machine); the process is pinned to one CPU where the OS allows.
``--check`` also prints how often the parser recovers what the generator put in;
``--profile`` prints where the time goes.

Target (issue 2): at least 2,000 cables/s (about 15 MB/s), so that parsing is not the
bottleneck of a 251,287-cable import.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.parse import parse_text  # noqa: E402
from store.records import KnownFields  # noqa: E402
from store.sanitize import decode  # noqa: E402

TARGET_CABLES_PER_S = 2000

# (text, known fields, expected facts or None)
Item = tuple[str, KnownFields | None, dict | None]


def synthetic_items(count: int, seed: int, mode: str) -> list[Item] | None:
    try:
        from bench.synthetic.formats import telegram_text
        from bench.synthetic.render import iter_cables
    except ImportError:
        return None
    items: list[Item] = []
    for cable in iter_cables(count, seed):
        facts = {
            "id": cable.id,
            "tags": cable.tags,
            "signer": cable.signer,
            "references": cable.references,
            "is_partial": cable.is_partial,
        }
        if mode == "csv":
            known = KnownFields(
                id=cable.id,
                created=cable.created,
                origin=cable.origin,
                classification=cable.classification,
                references=cable.references,
                header=cable.header,
            )
            text = f"{cable.header}\n{cable.body}" if cable.header else cable.body
            items.append((text, known, facts))
        else:
            items.append((telegram_text(cable), None, facts))
    return items


def fallback_items(count: int) -> list[Item]:
    """The seeds and invented telegrams, with their serials varied so no two are alike."""
    paths = sorted((ROOT / "samples").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "fixtures" / "telegrams").glob("*.txt"))
    texts = [decode(path.read_bytes()) for path in paths]
    items: list[Item] = []
    for index in range(count):
        text = texts[index % len(texts)]
        items.append((text.replace("000079", f"{index:06d}"), None, None))
    return items


def time_runs(items: list[Item], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run: on a shared machine the CPU time is the
    steadier figure (other processes' time slices do not count)."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        for text, known, _facts in items:
            parse_text(text, known=known)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return walls, cpus


def check(items: list[Item]) -> None:
    """How often the parser recovers the generator's facts (bare-text parsing is the test)."""
    tallies: dict[str, list[int]] = {}
    for text, known, facts in items:
        if facts is None:
            continue
        cable = parse_text(text, known=known)
        got = {
            "id": cable.id,
            "tags": cable.tags,
            "signer": cable.signer,
            "references": tuple(sorted(cable.references)),
            "is_partial": cable.is_partial,
        }
        facts = {**facts, "references": tuple(sorted(facts["references"]))}
        for key, value in facts.items():
            tally = tallies.setdefault(key, [0, 0])
            tally[0] += got[key] == value
            tally[1] += 1
    for key, (good, total) in tallies.items():
        print(f"  {key:<12} {good:>7} / {total:<7} {100 * good / total:6.2f}% recovered")


def pin_to_one_cpu() -> str:
    setter: Callable | None = getattr(os, "sched_setaffinity", None)
    if setter is None:
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    setter(0, {cpu})
    return f"pinned to CPU {cpu}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3000, help="cables per run (3000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5, help="timed runs; the median is shown")
    parser.add_argument("--mode", choices=("csv", "txt"), default="csv")
    parser.add_argument("--check", action="store_true", help="print recovery rates")
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    args = parser.parse_args(argv)
    if args.count < 1 or args.runs < 1:
        parser.error("--count and --runs must be at least 1")

    pinned = pin_to_one_cpu()
    items = synthetic_items(args.count, args.seed, args.mode)
    source = f"synthetic generator, seed {args.seed}, mode {args.mode}"
    if items is None:
        items = fallback_items(args.count)
        source = "samples and invented telegrams (no bench/synthetic)"
    total_bytes = sum(len(text.encode("utf-8", "surrogatepass")) for text, _, _ in items)
    print(f"{len(items)} cables, {total_bytes / 1e6:.1f} MB, mean "
          f"{total_bytes / len(items) / 1000:.1f} KB; {source}; {pinned}")  # fmt: skip

    time_runs(items[: min(200, len(items))], 1)  # warm the regex caches and the CPU
    seconds, cpu_seconds = time_runs(items, args.runs)
    median = statistics.median(seconds)
    rate = len(items) / median
    print(
        f"parse_text: {rate:,.0f} cables/s, {total_bytes / median / 1e6:.1f} MB/s "
        f"(median of {args.runs}; runs {', '.join(f'{s:.2f}' for s in seconds)} s)"
    )
    cpu_median = statistics.median(cpu_seconds)
    print(
        f"CPU time: {len(items) / cpu_median:,.0f} cables per CPU-second "
        f"(median of {args.runs}; runs {', '.join(f'{s:.2f}' for s in cpu_seconds)} s)"
    )
    verdict = "meets" if rate >= TARGET_CABLES_PER_S else "MISSES"
    print(f"target {TARGET_CABLES_PER_S:,} cables/s: {verdict}")
    if args.check:
        check(items)
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        time_runs(items, 1)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
