"""Search and lookup benchmark on a corpus, side by side with `rg -l -i` over the .txt tree.

    python bench/bench_search.py --corpus C.sqlite --txt DIR/txt [--manifest DIR/manifest.json]

For each word (the generator's marker words, from common to rare, or --words): hit count,
newest-first 50 hits with snippets (median of warm runs), bm25-ranked top 50 with snippets
(median and p95), and `rg -l -i WORD` over the same cables as .txt files (median of 3 warm
runs), with the ratios. Then: a page of 100 rows at several positions with filters, getting
one cable, and `cables show ID` as a whole process against `python -c pass`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.corpus.corpus import Corpus  # noqa: E402
from store.corpus.filters import Filters  # noqa: E402
from store.model import Level  # noqa: E402
from store.query.compile import compile_query  # noqa: E402


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def grep_ms(word: str, txt: Path) -> float | None:
    tool = shutil.which("rg")
    if tool is None or not txt.is_dir():
        return None
    command = [tool, "-l", "-i", word, str(txt)]
    subprocess.run(command, stdout=subprocess.DEVNULL)  # warm the page cache
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def _sizes(path: Path) -> str:
    """The corpus file's size and its full-text index's: FTS5 tables inside, or the
    directory beside it (store.fulltext)."""
    import sqlite3

    mb = 2**20
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        inside = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'cables_fts%'"
        ).fetchone()[0]
    except sqlite3.Error:
        inside = None
    finally:
        conn.close()
    beside = path.with_name(path.name + ".fulltext")
    index = sum(f.stat().st_size for f in beside.iterdir()) if beside.is_dir() else inside or 0
    where = "beside the file" if beside.is_dir() else "FTS5 tables in the file"
    return (f"sizes: corpus file {path.stat().st_size / mb:,.0f} MB; full-text index "
            f"{index / mb:,.0f} MB ({where})")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--txt", type=Path, default=None)
    parser.add_argument("--manifest", type=Path, default=None)
    parser.add_argument("--words", nargs="*", default=None)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    words = args.words
    if not words and args.manifest and args.manifest.exists():
        manifest = json.loads(args.manifest.read_text())
        words = list(manifest.get("markers", {}))
    words = words or ["election"]
    corpus = Corpus(args.corpus, readonly=True)
    total = corpus.count()
    print(f"corpus: {total:,} cables  ({args.corpus})")
    print(_sizes(args.corpus))
    header = (f"{'word':<12} {'hits':>8} {'newest50 ms':>11} {'ranked50 ms':>11} "
              f"{'rank p95':>9} {'rg -l ms':>9} {'rg/newest':>9} {'rg/ranked':>9}")  # fmt: skip
    print(header)
    for word in words:
        compiled = compile_query(word)
        hits = len(corpus.search_ids(compiled.match))
        newest = timed(lambda m=compiled.match: corpus.search(m, limit=50), args.repeat)
        ranked = timed(
            lambda m=compiled.match: corpus.search(m, limit=50, rank=True),
            max(3, args.repeat // 3),
        )
        rg = grep_ms(word, args.txt) if args.txt else None
        n_med, r_med = statistics.median(newest), statistics.median(ranked)
        ratio_n = f"{rg / n_med:>8.0f}x" if rg else "       -"
        ratio_r = f"{rg / r_med:>8.0f}x" if rg else "       -"
        print(f"{word:<12} {hits:>8,} {n_med:>11.2f} {r_med:>11.1f} {p95(ranked):>9.1f} "
              f"{(rg or 0):>9.0f} {ratio_n} {ratio_r}")  # fmt: skip

    ids = corpus.ids()
    print("\npage of 100 rows (keyset, newest first), median ms:")
    cases = {
        "no filter": Filters(),
        "class:secret": Filters(levels=frozenset({Level.SECRET})),
        "tag:PGOV": Filters(tags=("PGOV",)),
        "origin:ankara": Filters(origins=("ankara",)),
    }
    for name, filters in cases.items():
        for position in (0.0, 0.5, 0.99):
            before = ids[int(position * (len(ids) - 1))] if position else None
            runs = timed(lambda f=filters, b=before: corpus.page(f, before=b, limit=100), 9)
            print(f"  {name:<14} at {position:>4.0%}: {statistics.median(runs):7.2f}")
    print("sidebar window: summaries of 100 rowids at 50%: "
          f"{statistics.median(timed(lambda: corpus.summaries(ids[len(ids)//2:len(ids)//2+100]), 9)):.2f} ms")  # noqa: E501
    print(f"all rowids (sidebar index): {statistics.median(timed(corpus.ids, 5)):.1f} ms")
    sample = [ids[i] for i in range(0, len(ids), max(1, len(ids) // 200))]
    largest = corpus.connection().execute(
        "SELECT rowid, length(body) FROM texts ORDER BY length(body) DESC LIMIT 1"
    ).fetchone()
    gets = []
    for rowid in sample:
        started = time.perf_counter()
        corpus.get_rowid(rowid)
        gets.append((time.perf_counter() - started) * 1000)
    print(f"get one cable (parse included), {len(sample)} spread: "
          f"median {statistics.median(gets):.2f} ms, p95 {p95(gets):.2f} ms")
    big = timed(lambda: corpus.get_rowid(largest[0]), 5)
    size_kb = largest[1] / 1024
    print(f"get the largest cable ({size_kb:.0f} KB): median {statistics.median(big):.1f} ms")

    one = corpus.summaries([ids[len(ids) // 3]])[0].id
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # As after `pip install`: modules load from bytecode (the first run below writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    show = [sys.executable, "-m", "tui.cli", "--corpus", str(args.corpus), "show", one]
    bare = [sys.executable, "-c", "pass"]

    def run(cmd):
        started = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)
        return (time.perf_counter() - started) * 1000
    run(show)
    pairs = [(run(show), run(bare)) for _ in range(7)]
    show_ms = statistics.median(p[0] for p in pairs)
    bare_ms = statistics.median(p[1] for p in pairs)
    print(f"`cables show {one}` (piped): median {show_ms:.0f} ms; python -c pass: {bare_ms:.0f} ms; "  # noqa: E501
          f"ratio {show_ms / bare_ms:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
