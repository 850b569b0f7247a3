"""``cables locate``: where the corpus, bookmarks, history and config live."""

from __future__ import annotations

import argparse

from store.userdata import paths
from tui.commands.common import add_corpus_argument, corpus_path

DESCRIPTION = "Print where cables keeps its files (XDG directories)."
EPILOG = """example:
  cables locate
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    rows = [
        ("corpus", corpus_path(args)),
        ("bookmarks", paths.bookmarks_file()),
        ("history", paths.history_file()),
        ("config", paths.config_file()),
        ("samples", paths.samples_dir()),
    ]
    for name, path in rows:
        print(f"{name:<10} {path}")
    return 0
