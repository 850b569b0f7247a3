"""Write a deterministic synthetic cable corpus: test and benchmark data, not real cables.

    python bench/generate.py --count N --out DIR [--seed S] [--formats csv,txt,html] [--jobs J]

writes ``DIR/cables.csv`` (the 2011 dump's format, DESIGN section 3 item 3),
``DIR/txt/YYYY/<ID>.txt`` (telegram text), with ``html`` also ``DIR/cable/YYYY/MM/<ID>.html``
(Cablegate-like pages), and ``DIR/manifest.json`` (seed, counts, marker words). The same seed
and count give byte-identical files whatever ``--jobs`` is: all metadata is planned in one
sequential pass and each cable's text comes from its own seed (see ``bench/synthetic``).

As a library: ``generate``, ``generate_csv``, ``generate_txt``, ``generate_html`` write files;
``iter_cables`` yields cables in memory with the facts a parser should recover.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

if not __package__:  # run as a script: make the ``bench`` package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic.formats import (
    PARTIAL_NOTE,
    csv_date,
    csv_row,
    html_page,
    html_relpath,
    telegram_text,
    txt_relpath,
)
from bench.synthetic.plan import CLASSIFICATIONS, CablePlan, iter_plans
from bench.synthetic.render import SYNTHETIC_LINE, SyntheticCable, iter_cables, render
from bench.synthetic.stations import STATIONS
from bench.synthetic.words import MARKERS

__all__ = [
    "CLASSIFICATIONS",
    "FORMATS",
    "MARKERS",
    "PARTIAL_NOTE",
    "STATIONS",
    "SYNTHETIC_LINE",
    "Report",
    "SyntheticCable",
    "csv_date",
    "csv_row",
    "generate",
    "generate_csv",
    "generate_html",
    "generate_txt",
    "html_page",
    "html_relpath",
    "iter_cables",
    "iter_plans",
    "main",
    "render",
    "telegram_text",
    "txt_relpath",
]

FORMATS = ("csv", "txt", "html")
_CHUNK = 200  # cables per task: big enough to amortize the pipe, small enough to stream
# Rough bytes per cable, to refuse a run that cannot fit on the disk before starting it.
_BYTES_PER_CABLE = {"csv": 7_400, "txt": 7_600, "html": 8_600}


@dataclass(frozen=True, slots=True)
class _CableStats:
    markers: tuple[str, ...]
    classification: str
    partial: bool
    body_bytes: int

    @classmethod
    def of(cls, cable: SyntheticCable) -> _CableStats:
        return cls(cable.markers, cable.classification, cable.is_partial, len(cable.body))


@dataclass
class Report:
    """What a run wrote: counts, sizes, how many cables hold each marker word, time taken."""

    seed: int = 0
    count: int = 0
    bytes_written: dict[str, int] = field(default_factory=dict)
    marker_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MARKERS, 0))
    classifications: dict[str, int] = field(default_factory=dict)
    partial: int = 0
    body_bytes: int = 0
    largest_body: int = 0
    over_100k: int = 0
    seconds: float = 0.0

    def add(self, stats: _CableStats) -> None:
        self.count += 1
        for word in stats.markers:
            self.marker_counts[word] += 1
        name = stats.classification
        self.classifications[name] = self.classifications.get(name, 0) + 1
        self.partial += stats.partial
        self.body_bytes += stats.body_bytes
        self.largest_body = max(self.largest_body, stats.body_bytes)
        self.over_100k += stats.body_bytes > 100_000

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes_written.values())

    def as_dict(self) -> dict[str, object]:
        return {
            "synthetic": "invented test data; every cable contains the word 'synthetic'",
            "count": self.count,
            "seed": self.seed,
            "bytes_written": self.bytes_written,
            "markers": {
                word: {"target_share": MARKERS[word], "cables": n}
                for word, n in self.marker_counts.items()
            },
            "classifications": self.classifications,
            "partial": self.partial,
            "mean_body_bytes": round(self.body_bytes / self.count) if self.count else 0,
            "largest_body_bytes": self.largest_body,
            "bodies_over_100k": self.over_100k,
        }


@dataclass(frozen=True)
class _Targets:
    csv: bool
    txt_root: str | None
    html_root: str | None


_ChunkResult = tuple[bytes, list[_CableStats], int, int]


def _write_chunk(plans: list[CablePlan], targets: _Targets) -> _ChunkResult:
    """Render a chunk, write its txt and html files here, hand the CSV bytes back in order."""
    rows = []
    stats = []
    txt_bytes = html_bytes = 0
    made: set[str] = set()
    for plan in plans:
        cable = render(plan)
        if targets.csv:
            rows.append(csv_row(cable))
        if targets.txt_root is not None:
            text = telegram_text(cable)
            txt_bytes += _write_file(targets.txt_root, txt_relpath(cable), text, made)
        if targets.html_root is not None:
            page = html_page(cable)
            html_bytes += _write_file(targets.html_root, html_relpath(cable), page, made)
        stats.append(_CableStats.of(cable))
    return "".join(rows).encode("utf-8"), stats, txt_bytes, html_bytes


def _write_file(root: str, relpath: str, text: str, made: set[str]) -> int:
    path = os.path.join(root, relpath)
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    data = memoryview(text.encode("utf-8"))
    # Raw descriptors: a quarter of a million files, so the buffered-file setup calls add up.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        written = 0
        while written < len(data):
            written += os.write(fd, data[written:])
    finally:
        os.close(fd)
    return written


def _chunks(plans: Iterable[CablePlan], size: int) -> Iterator[list[CablePlan]]:
    iterator = iter(plans)
    while chunk := list(islice(iterator, size)):
        yield chunk


def estimated_bytes(count: int, formats: Iterable[str]) -> int:
    return sum(count * _BYTES_PER_CABLE[name] for name in formats)


def generate(
    out: str | os.PathLike[str],
    count: int,
    seed: int = 0,
    formats: Iterable[str] = ("csv", "txt"),
    jobs: int = 1,
    progress: Callable[[int, int, int], None] | None = None,
    chunk_size: int = _CHUNK,
) -> Report:
    """Write ``count`` cables under ``out``: cables.csv, txt/, cable/ (html), manifest.json.

    ``progress(done, count, bytes_so_far)`` is called after each chunk of ``chunk_size``
    cables. The files are the same for any ``jobs``; memory stays flat because only a few
    chunks are in flight at once.
    """
    wanted = tuple(dict.fromkeys(formats))
    unknown = [name for name in wanted if name not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    if count < 0:
        raise ValueError("count must be zero or more")
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    targets = _Targets(
        csv="csv" in wanted,
        txt_root=str(root / "txt") if "txt" in wanted else None,
        html_root=str(root / "cable") if "html" in wanted else None,
    )
    report = Report(seed=seed, bytes_written=dict.fromkeys(wanted, 0))
    started = time.perf_counter()
    with open(root / "cables.csv", "wb") if targets.csv else _NoFile() as csv_file:

        def consume(result: _ChunkResult) -> None:
            rows, stats, txt_bytes, html_bytes = result
            if targets.csv:
                csv_file.write(rows)
                report.bytes_written["csv"] += len(rows)
            if targets.txt_root is not None:
                report.bytes_written["txt"] += txt_bytes
            if targets.html_root is not None:
                report.bytes_written["html"] += html_bytes
            for item in stats:
                report.add(item)
            if progress is not None:
                progress(report.count, count, report.total_bytes)

        chunks = _chunks(iter_plans(count, seed), max(1, chunk_size))
        if jobs <= 1:
            for chunk in chunks:
                consume(_write_chunk(chunk, targets))
        else:
            _run_parallel(chunks, targets, jobs, consume)
    report.seconds = time.perf_counter() - started
    manifest = json.dumps(report.as_dict(), indent=2) + "\n"
    (root / "manifest.json").write_text(manifest, encoding="utf-8")
    return report


class _NoFile:
    """Stands in for the CSV file when no CSV is wanted."""

    def __enter__(self) -> _NoFile:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, data: bytes) -> int:
        return 0


def _run_parallel(
    chunks: Iterator[list[CablePlan]],
    targets: _Targets,
    jobs: int,
    consume: Callable[[_ChunkResult], None],
) -> None:
    # Pool.imap would read every chunk ahead of the workers; a bounded window of tasks keeps
    # memory flat and the results in order.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    window: collections.deque = collections.deque()
    with context.Pool(jobs) as pool:
        for chunk in chunks:
            window.append(pool.apply_async(_write_chunk, (chunk, targets)))
            if len(window) >= 3 * jobs:
                consume(window.popleft().get())
        while window:
            consume(window.popleft().get())


def generate_csv(path: str | os.PathLike[str], count: int, seed: int = 0) -> Report:
    """Write only a cables.csv, at ``path``."""
    report = Report(seed=seed, bytes_written={"csv": 0})
    with open(path, "wb") as handle:
        for cable in iter_cables(count, seed):
            data = csv_row(cable).encode("utf-8")
            handle.write(data)
            report.bytes_written["csv"] += len(data)
            report.add(_CableStats.of(cable))
    return report


def generate_txt(root: str | os.PathLike[str], count: int, seed: int = 0) -> Report:
    """Write only telegram files, ``root/YYYY/<ID>.txt``."""
    return _generate_files(root, count, seed, "txt", txt_relpath, telegram_text)


def generate_html(root: str | os.PathLike[str], count: int, seed: int = 0) -> Report:
    """Write only Cablegate-like pages, ``root/YYYY/MM/<ID>.html``."""
    return _generate_files(root, count, seed, "html", html_relpath, html_page)


def _generate_files(
    root: str | os.PathLike[str],
    count: int,
    seed: int,
    name: str,
    relpath: Callable[[SyntheticCable], str],
    text: Callable[[SyntheticCable], str],
) -> Report:
    report = Report(seed=seed, bytes_written={name: 0})
    made: set[str] = set()
    for cable in iter_cables(count, seed):
        report.bytes_written[name] += _write_file(str(root), relpath(cable), text(cable), made)
        report.add(_CableStats.of(cable))
    return report


# ---------------------------------------------------------------------------------------------
# Command line.
# ---------------------------------------------------------------------------------------------


def _formats_arg(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if not names or any(name not in FORMATS for name in names):
        raise argparse.ArgumentTypeError(
            f"expected a comma list of {', '.join(FORMATS)}, got {value!r}"
        )
    return names


def _count_arg(value: str) -> int:
    try:
        number = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return number


def _progress_printer() -> Callable[[int, int, int], None]:
    started = time.perf_counter()
    next_share = 0.0

    def show(done: int, total: int, written: int) -> None:
        nonlocal next_share
        share = done / total if total else 1.0
        if share < next_share and done != total:
            return
        next_share = share + 0.05
        rate = written / 1e6 / max(time.perf_counter() - started, 1e-9)
        print(
            f"  {done:>9,}/{total:,} cables {share:5.0%} {written / 1e6:9.0f} MB {rate:7.1f} MB/s",
            file=sys.stderr,
        )

    return show


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a deterministic synthetic cable corpus (invented test data)."
    )
    parser.add_argument("--count", type=_count_arg, required=True, help="number of cables")
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--formats",
        type=_formats_arg,
        default=("csv", "txt"),
        help="comma list of csv,txt,html (default csv,txt)",
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)

    out = Path(args.out)
    existing = next((p for p in (out, *out.parents) if p.exists()), Path.cwd())
    need = estimated_bytes(args.count, args.formats)
    free = shutil.disk_usage(existing).free
    if need > free * 0.9:
        print(
            f"error: about {need / 1e9:.1f} GB needed, {free / 1e9:.1f} GB free on {existing}",
            file=sys.stderr,
        )
        return 1
    try:
        report = generate(
            out,
            args.count,
            seed=args.seed,
            formats=args.formats,
            jobs=max(1, args.jobs),
            progress=None if args.quiet else _progress_printer(),
        )
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    _print_report(report, out)
    return 0


def _print_report(report: Report, out: Path) -> None:
    seconds = max(report.seconds, 1e-9)
    rate = report.total_bytes / 1e6 / seconds
    print(f"wrote {report.count:,} synthetic cables to {out} (seed {report.seed})")
    for name, size in report.bytes_written.items():
        print(f"  {name:5} {size / 1e6:10.1f} MB")
    speed = f"{rate:.1f} MB/s, {report.count / seconds:,.0f} cables/s"
    print(f"  time  {report.seconds:10.1f} s  ({speed})")
    if report.count:
        print(
            f"  bodies: mean {report.body_bytes / report.count / 1000:.1f} KB, "
            f"largest {report.largest_body / 1000:.0f} KB, {report.over_100k} over 100 KB; "
            f"{report.partial:,} partial (no header)"
        )
    print("marker words (cables containing each; 'synthetic' is in every cable):")
    for word, n in report.marker_counts.items():
        share = n / report.count if report.count else math.nan
        print(f"  {word:12} target {MARKERS[word]:8.2%}   actual {n:>9,} ({share:.3%})")


if __name__ == "__main__":
    sys.exit(main())
