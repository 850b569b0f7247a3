"""Facet counts benchmark: per level, year, origin and tag, for a search or a listing.

    python bench/bench_facets.py --corpus C.sqlite [--word quorvax] [--repeat 15]

Measures (median and p95 of warm runs, in ms): reading the facet index once; counting the
whole corpus; counting the rowids a listing or search already holds (what the browser's
filter dialog does; a fresh copy each run, so nothing is remembered); the same with boxes
ticked (a year and a level: the listing's set is remembered from the run before); and the whole
``facet_counts`` of a search, with its rowids fetched from the full-text index. The
generator's marker ``quorvax`` is in 60% of the cables: 150k of a 250k corpus.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_search  # noqa: E402
from store.corpus.corpus import Corpus  # noqa: E402
from store.corpus.facet_counts import FacetIndex, Selection, facet_counts, facet_index  # noqa: E402
from store.corpus.filters import Filters  # noqa: E402
from store.model import Level  # noqa: E402
from store.query.compile import compile_query  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, float, float]:
    """Median and p95 of warm runs and the median CPU time of this process, in ms: on a
    machine shared with other work the CPU time says what the counting itself costs."""
    cpu = []

    def measured() -> None:
        started = time.process_time()
        fn()
        cpu.append((time.process_time() - started) * 1000)

    runs = bench_search.timed(measured, repeat)
    return statistics.median(runs), bench_search.p95(runs), statistics.median(cpu[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--word", default="quorvax", help="the search (default quorvax)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    corpus = Corpus(args.corpus, readonly=True)
    started = time.perf_counter()
    index = FacetIndex(corpus)
    load = (time.perf_counter() - started) * 1000
    facet_index(corpus)  # cached for facet_counts below
    query = compile_query(args.word)
    hits = corpus.search_ids(query.match, query.filters)
    listing = corpus.ids(Filters(levels=frozenset({Level.UNCLASSIFIED, Level.CONFIDENTIAL})))
    year = index.counts(hits).years[0][0]
    ticked = Selection(years=frozenset({year}), levels=frozenset({Level.CONFIDENTIAL}))
    print(f"{len(index):,} cables; search {args.word!r}: {len(hits):,} hits; "
          f"listing UNCLASSIFIED+CONFIDENTIAL: {len(listing):,} cables")  # fmt: skip
    print(f"read the facet index once                      {load:8.1f} ms")
    rows = [
        ("whole corpus (cached after the first)", lambda: index.counts()),
        (f"search hits held ({len(hits):,} rowids)", lambda: index.counts(list(hits))),
        (f"listing held ({len(listing):,} rowids)", lambda: index.counts(list(listing))),
        (f"search hits, {year} and CONFIDENTIAL ticked", lambda: index.counts(hits, ticked)),
        (
            "facet_counts(search), hits fetched too",
            lambda: facet_counts(corpus, query.match, query.filters),
        ),
    ]
    for label, fn in rows:
        median, p95, cpu = timed(fn, args.repeat)
        print(f"{label:<46} {median:8.1f} ms median {p95:8.1f} ms p95 {cpu:8.1f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
