"""``cables history``: past searches, newest first."""

from __future__ import annotations

import argparse
import sys

from tui.commands.common import CommandError, limit_argument

DESCRIPTION = "Print the search history (newest first); --clear empties it."
EPILOG = """examples:
  cables history
  cables history --limit 5
  cables history --clear
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    limit_argument(parser, 50, "entries")
    parser.add_argument("--clear", action="store_true", help="forget every past search")


def run(args: argparse.Namespace) -> int:
    from store.userdata.history import History
    from store.userdata.safe_storage import StorageError
    from tui.output.export_formats import safe

    try:
        history = History()
        if args.clear:
            history.clear()
            print("search history cleared")
            return 0
        entries = history.recent()
    except StorageError as error:
        raise CommandError(str(error)) from None
    for notice in history.notices:
        print(f"cables: {notice}", file=sys.stderr)
    if not entries:
        print("no searches yet", file=sys.stderr)
        return 1
    for entry in entries[: args.limit]:
        hits = "" if entry.hits is None else f"{entry.hits:>7,} {_plural(entry.hits, 'hit')}"
        when = entry.when.astimezone().strftime("%Y-%m-%d %H:%M")
        print(safe(f"{when}  {hits:<12}  {entry.query}"))
    return 0


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"
