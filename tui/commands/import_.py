"""``cables import PATH...``: read cable files into the corpus, with progress and a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.common import (
    CommandError,
    add_corpus_argument,
    corpus_path,
    ensure_sample_corpus,
    whole_number_type,
)

# More readers than this only wait on the one process that writes the corpus.
MAX_JOBS = 64

DESCRIPTION = "Import cables (cables.csv, the Cablegate HTML tree, telegram .txt files)."
EPILOG = """examples:
  cables import cables.csv               the full 2011 dump (about 3 minutes)
  cables import cablegate/cable/         the HTML release, a whole tree
  cables import ~/notes/*.txt            telegram texts or page extracts
  cables --corpus /srv/c.sqlite import cables.csv
  cables import --jobs 4 cables.csv      parse in 4 processes (default: cores - 1)

The first import into the corpus that holds the bundled samples replaces them.
Re-importing is safe: a cable already there is updated, never duplicated.
Ctrl-C stops cleanly; run the same command again to resume where it stopped.
Exit status: 0 imported, 1 every item was skipped, 2 bad corpus, 130 interrupted.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add_corpus_argument(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.add_argument(
        "--jobs", "-j", type=whole_number_type(0, MAX_JOBS), default=None, metavar="N",
        help="processes that read and parse, each a share of the files (default: one per "
        "core but the one this process writes with; 0: this process alone). The result is "
        "the same for any N",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from store.corpus.schema import CorpusError
    from store.ingest.importer import import_paths
    from store.ingest.parsed_records import ReaderFailed
    from store.ingest.removal import drop_samples

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise CommandError(f"{missing[0]}: no such file or directory")
    target = corpus_path(args)
    progress, finish = _progress_bar(quiet=args.quiet or not sys.stderr.isatty())
    try:
        samples = drop_samples(target)  # the first real import replaces the bundled samples
        report = import_paths(target, args.paths, progress=progress, parse_workers=args.jobs)
    except CorpusError as error:
        raise CommandError(str(error)) from None
    except ReaderFailed as error:
        raise CommandError(f"{error}: run the same command again to resume") from None
    finally:
        finish()
    if samples and not (report.imported or report.updated or report.unchanged):
        ensure_sample_corpus(target, quiet=True)  # nothing came in: keep something to read
    elif samples:
        print(f"replaced the {len(samples)} bundled sample cables")
    if report.resumed_from:
        print(f"resumed after {report.resumed_from:,} items done by an earlier run")
    print(
        f"imported {report.imported:,}, updated {report.updated:,}, "
        f"unchanged {report.unchanged:,}, skipped {len(report.skipped):,} -> {target}"
    )
    _listed("kept both:", report.notes, "more kept both")
    if report.id_notes:
        count = len(report.id_notes)
        print(f"kept {count:,} cable{'' if count == 1 else 's'} under a safe ID: the ID the data "
              "gave is not a cable ID", file=sys.stderr)  # fmt: skip
        _listed("not an ID:", report.id_notes, "more IDs that are not cable IDs")
    _listed("skipped", [str(skipped) for skipped in report.skipped], "more skipped")
    if report.interrupted:
        print("interrupted: run the same command again to resume", file=sys.stderr)
        return 130
    if report.skipped and not (report.imported or report.updated or report.unchanged):
        print("nothing was imported: every item was skipped", file=sys.stderr)
        return 1
    return 0


def _listed(label: str, lines: list[str], more: str, shown: int = 50) -> None:
    """The first ``shown`` lines on stderr, then how many more there are."""
    from tui.output.export_formats import safe

    for line in lines[:shown]:
        print(f"  {label} {safe(line)}", file=sys.stderr)
    if len(lines) > shown:
        print(f"  ... and {len(lines) - shown:,} {more}", file=sys.stderr)


def _progress_bar(*, quiet: bool):
    if quiet:
        return None, lambda: None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} cables/s"),
        TimeRemainingColumn(),
        transient=True,
    )
    bar.start()
    task = bar.add_task("import", total=None, rate="-")
    import time

    started = time.monotonic()

    def update(done: int, total: int | None) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        bar.update(task, completed=done, total=max(total or 0, done) or None,
                   rate=f"{done / elapsed:,.0f}")  # fmt: skip

    return update, bar.stop
