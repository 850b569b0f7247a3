"""What every command shares: the --corpus option, opening the corpus, one-line errors.

No Textual here: one-shot commands import this.
"""

from __future__ import annotations

import argparse
import os
import sys

from store import pattern_cache
from store.corpus.corpus import Corpus
from store.corpus.schema import CorpusError, NeedsUpgrade


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="FILE",
        default=None,
        help="corpus file to use (default: corpus.sqlite in the data dir; see `cables locate`)",
    )


# More than any corpus holds (the 2011 dump is 251,287 cables), and far below the integers
# SQLite takes: a bigger count is a typo, or a probe for an overflow.
MAX_COUNT = 1_000_000


def limit_argument(parser: argparse.ArgumentParser, default: int, what: str) -> None:
    """``--limit/-n N``, the same for every command that has it: N is 1 to ``MAX_COUNT``."""
    parser.add_argument(
        "--limit", "-n", type=count_type, default=default, metavar="N",
        help=f"at most N {what} ({default})",
    )  # fmt: skip


def whole_number_type(low: int, high: int):
    """An argparse type: a whole number from ``low`` to ``high``, in ASCII digits."""

    def whole_number(text: str) -> int:
        digits = text.strip()
        # int() would also take '1_000', '٣' and ' 7 ', and raise on 5,000 digits.
        if not _WHOLE.fullmatch(digits):
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number")
        too_long = len(digits.lstrip("+-").lstrip("0")) > len(str(high))
        if too_long or int(digits) > high:
            raise argparse.ArgumentTypeError(f"must be at most {high:,}")
        value = int(digits)
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    return whole_number


count_type = whole_number_type(1, MAX_COUNT)


_WHOLE = pattern_cache.compile(r"[+-]?[0-9]+")


def corpus_path(args: argparse.Namespace) -> Path:  # noqa: F821 - imported in the body
    from pathlib import Path

    return Path(_chosen_corpus(args)[0])


def _chosen_corpus(args: argparse.Namespace) -> tuple[str | os.PathLike[str], bool]:
    """The corpus path and whether the user named it (--corpus or the config file). The
    one named on the command line stays a string: pathlib is 1.5 ms of a fresh `cables show`
    (see store.parse.data_files)."""
    chosen = getattr(args, "corpus", None)
    if chosen is not None:
        return os.path.expanduser(chosen), True
    from store.userdata import paths
    from store.userdata.config import load_config

    config = load_config()
    config.check("corpus")  # only the corpus: a bad sidebar_width is the browser's business
    configured = config.corpus
    if configured is not None:
        return configured, True
    return paths.default_corpus(), False


def open_corpus(args: argparse.Namespace, *, write: bool = False, search: bool = False) -> Corpus:
    """The chosen corpus; the default one is created from the bundled samples on first use.

    A corpus of the previous schema is upgraded in place first, with a progress line;
    ``search``: its full-text index is brought in step now too (with a progress line when
    that takes long), rather than at the first search."""
    # Only the default corpus is made from the samples: a path the user named and that is
    # not there is more likely a typo or an unmounted disk than a wish for a new corpus.
    path, explicit = _chosen_corpus(args)
    if not os.path.exists(path) and not explicit:
        ensure_sample_corpus(path)
    if not os.path.exists(path):
        raise CommandError(f"{path}: no corpus there (create it with `cables import FILE...`)")
    readonly = not write and not os.access(path, os.W_OK)
    if write and not os.access(path, os.W_OK):
        raise CommandError(f"{path}: the corpus is read-only")
    try:
        try:
            corpus = Corpus(path, readonly=readonly or not write)
        except NeedsUpgrade:
            from store.fulltext.sync import upgrade

            upgrade(path, progress_line(f"upgrading {path}: indexing"))
            corpus = Corpus(path, readonly=readonly or not write)
        if search:
            _index_ready(corpus)
    except CorpusError as error:
        raise CommandError(str(error)) from None
    return corpus


def _index_ready(corpus: Corpus) -> None:
    from store.fulltext import sync

    try:
        if not sync.is_current(corpus.path):
            what = "bringing the search index up to date"
            sync.catch_up(corpus.path, progress_line(what, from_total=5000))
    except (sync.IndexBusy, OSError):
        pass  # an import writes it, or it is not ours: the search waits or says why


def progress_line(what: str, *, from_total: int = 0):
    """A progress callback ``(done, total)``: one line on stderr, redrawn on a terminal;
    nothing when the work is fewer than ``from_total`` cables."""
    interactive = sys.stderr.isatty()

    def update(done: int, total: int) -> None:
        if total < from_total:
            return
        if interactive:
            end = "\n" if done >= total else ""
            print(f"\rcables: {what}: {done:,} of {total:,} cables", end=end, file=sys.stderr)
        elif done == 0 or done >= total:
            print(f"cables: {what}: {done:,} of {total:,} cables", file=sys.stderr)

    return update


def ensure_sample_corpus(path: str | os.PathLike[str], *, quiet: bool = False) -> None:
    """First run: import the bundled sample cables so there is something to read."""
    from store.ingest.importer import import_paths
    from store.ingest.removal import mark_samples
    from store.userdata import paths

    try:
        report = import_paths(path, [paths.samples_dir()])
        mark_samples(path)  # so that the first real import replaces them
    except CorpusError as error:
        raise CommandError(str(error)) from None
    if not quiet:
        print(
            f"cables: first run: imported {report.imported} sample cables into {path}",
            file=sys.stderr,
        )


def not_found(corpus: Corpus, wanted: str) -> str:
    """'no cable X' plus the nearest IDs sharing the longest prefix with it."""
    for cut in range(len(wanted), 1, -1):
        near = corpus.find_prefix(wanted[:cut], limit=5)
        if near:
            return f"no cable {wanted} in {corpus.path}; closest: {', '.join(s.id for s in near)}"
    return f"no cable {wanted} in {corpus.path}"


def match_and_filters(text: str):
    """The full-text match and the filters of a query (None and no filters for a blank
    one); a bad query is a CommandError, exit 2."""
    from store.corpus.filters import Filters
    from store.query.compile import QueryError, compile_query

    if not text.strip():
        return None, Filters()
    try:
        compiled = compile_query(text)
    except QueryError as error:
        raise CommandError(f"bad query: {error}") from None
    return compiled.match, compiled.filters
