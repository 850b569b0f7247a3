"""``cables remove ID...``: delete cables from a corpus."""

from __future__ import annotations

import argparse
import sys

from tui.commands.common import CommandError, add_corpus_argument, corpus_path, open_corpus

DESCRIPTION = "Delete cables from the corpus (their text, tags, references and index entries)."
EPILOG = """examples:
  cables remove 06ALMATY79
  cables --corpus /srv/c.sqlite remove 06ALMATY79 ALMATY2558

Give whole IDs (or a cable's other IDs), not prefixes: when one is not in the corpus,
nothing is removed. Bookmarks of removed cables stay; importing the file again brings the
cable back.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID", help="reference IDs, e.g. 06ALMATY79")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.corpus.schema import CorpusError
    from store.ingest.removal import remove_cables
    from tui.commands.cable_id import resolve_cable_id

    with open_corpus(args, write=True) as corpus:
        # Every ID is checked before any is removed: one typo removes nothing.
        ids = [resolve_cable_id(corpus, typed, prefix=False) for typed in args.ids]
    try:
        removed = remove_cables(corpus_path(args), ids)
    except CorpusError as error:
        raise CommandError(str(error)) from None
    print(f"removed {len(removed):,} cable{'' if len(removed) == 1 else 's'}: "
          f"{' '.join(removed)}")  # fmt: skip
    if len(removed) < len(ids):
        print("some were removed meanwhile by another process", file=sys.stderr)
    return 0
