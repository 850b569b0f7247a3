"""``cables reindex``: build the corpus's full-text index again from its texts."""

from __future__ import annotations

import argparse

from tui.commands.common import CommandError, add_corpus_argument, open_corpus, progress_line

DESCRIPTION = "Build the full-text index beside the corpus file again, from the corpus."
EPILOG = """examples:
  cables reindex
  cables --corpus /srv/c.sqlite reindex

Searches keep the index in step by themselves; this is for an index that was lost,
damaged or copied from elsewhere. It needs write access to the corpus's directory.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.fulltext.sync import IndexBusy, catch_up

    with open_corpus(args) as corpus:
        path = corpus.path
    try:
        count = catch_up(path, progress_line(f"indexing {path}"), rebuild=True)
    except IndexBusy:
        raise CommandError(f"{path}: another cables process is writing its index") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot write its index ({error})") from None
    print(f"indexed {count:,} cable{'' if count == 1 else 's'} -> {path}")
    return 0
