"""``cables bookmarks [list|export]``: the bookmarks from the shell."""

from __future__ import annotations

import argparse
import sys

from tui.commands.common import CommandError, add_corpus_argument, open_corpus

DESCRIPTION = "List or export your bookmarks (set them in the browser with m)."
EPILOG = """examples:
  cables bookmarks                      list them, newest first
  cables bookmarks export --format md > reading-list.md
  cables bookmarks export --format json | jq -r '.bookmarks[].id'
  cables bookmarks export --format bibtex > bookmarks.bib
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "export"), default="list")
    parser.add_argument("--format", choices=("json", "md", "bibtex"), default=None,
                        help="export format (json); with list, print that format instead "
                             "of the table")  # fmt: skip
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.bookmarks import Bookmarks
    from store.safe_storage import StorageError
    from tui.export_formats import safe

    try:
        bookmarks = Bookmarks()
        marks = bookmarks.all()
    except StorageError as error:
        raise CommandError(str(error)) from None
    for notice in bookmarks.notices:
        print(f"cables: {notice}", file=sys.stderr)
    if args.format == "bibtex":
        sys.stdout.write(_bibtex(args, marks))
        return 0
    describe = _describer(args)
    if args.action == "export" or args.format is not None:
        out = bookmarks.export_markdown(describe) if args.format == "md" else (
            bookmarks.export_json(describe)
        )
        sys.stdout.write(safe(out))
        return 0
    if not marks:
        print("no bookmarks yet (press m in the browser to bookmark a cable)", file=sys.stderr)
        return 1
    for mark in marks:
        known = describe(mark.id)
        date, subject = known if known else ("", "(not in the current corpus)")
        note = f"  [{mark.note}]" if mark.note else ""
        line = f"{mark.id:<20} {date or '':<10} {subject or ''}{note}"
        print(safe(line))
    return 0


def _bibtex(args, marks) -> str:
    """One entry a bookmark (its note as ``annote``); cables the corpus lacks keep their ID."""
    from tui.citation import bibtex_entry, missing_bibtex_entry

    try:
        corpus = open_corpus(args)
    except CommandError:
        corpus = None
    entries = []
    for mark in marks:
        summary = corpus.summary(mark.id) if corpus is not None else None
        if summary is None:
            entries.append(missing_bibtex_entry(mark.id, mark.note))
        else:
            entries.append(bibtex_entry(summary, mark.note))
    return "".join(entry + "\n\n" for entry in entries)


def _describer(args):
    """(date, subject) of a bookmarked cable, or None when the corpus lacks it."""
    try:
        corpus = open_corpus(args)
    except CommandError:
        return lambda cable_id: None

    def describe(cable_id: str):
        summary = corpus.summary(cable_id)
        if summary is None:
            return None
        return (summary.created.date().isoformat() if summary.created else None, summary.subject)

    return describe
