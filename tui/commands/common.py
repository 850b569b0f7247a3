"""What every command shares: the --corpus option, opening the corpus, one-line errors.

No Textual here: one-shot commands import this.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from store.corpus.corpus import Corpus
from store.corpus.schema import CorpusError
from store.userdata import paths


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="FILE",
        type=Path,
        default=None,
        help="corpus file to use (default: corpus.sqlite in the data dir; see `cables locate`)",
    )


def limit_argument(parser: argparse.ArgumentParser, default: int, what: str) -> None:
    """``--limit/-n N``, the same for every command that has it: N is at least 1."""
    parser.add_argument(
        "--limit", "-n", type=_at_least_one, default=default, metavar="N",
        help=f"at most N {what} ({default})",
    )  # fmt: skip


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def corpus_path(args: argparse.Namespace) -> Path:
    return _chosen_corpus(args)[0]


def _chosen_corpus(args: argparse.Namespace) -> tuple[Path, bool]:
    """The corpus path and whether the user named it (--corpus or the config file)."""
    chosen = getattr(args, "corpus", None)
    if chosen is not None:
        return Path(chosen).expanduser(), True
    from store.userdata.config import load_config

    config = load_config()
    config.check("corpus")  # only the corpus: a bad sidebar_width is the browser's business
    configured = config.corpus
    if configured is not None:
        return configured, True
    return paths.default_corpus(), False


def open_corpus(args: argparse.Namespace, *, write: bool = False) -> Corpus:
    """The chosen corpus; the default one is created from the bundled samples on first use."""
    # Only the default corpus is made from the samples: a path the user named and that is
    # not there is more likely a typo or an unmounted disk than a wish for a new corpus.
    path, explicit = _chosen_corpus(args)
    if not path.exists() and not explicit:
        ensure_sample_corpus(path)
    if not path.exists():
        raise CommandError(f"{path}: no corpus there (create it with `cables import FILE...`)")
    readonly = not write and not os.access(path, os.W_OK)
    if write and not os.access(path, os.W_OK):
        raise CommandError(f"{path}: the corpus is read-only")
    try:
        return Corpus(path, readonly=readonly or not write)
    except CorpusError as error:
        raise CommandError(str(error)) from None


def ensure_sample_corpus(path: Path, *, quiet: bool = False) -> None:
    """First run: import the bundled sample cables so there is something to read."""
    from store.ingest.importer import import_paths
    from store.ingest.removal import mark_samples

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
