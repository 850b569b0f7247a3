"""``cables bookmarks [list|export]``: the bookmarks from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.common import CommandError, add_corpus_argument, open_corpus

DESCRIPTION = "List or export your bookmarks (set them in the browser with m)."
EPILOG = """examples:
  cables bookmarks                      list them, newest first
  cables bookmarks export --format md > reading-list.md
  cables bookmarks export --format json | jq -r '.bookmarks[].id'
  cables bookmarks export reading-list.md        never over an existing file ...
  cables bookmarks export reading-list.md --force    ... unless --force
  cables bookmarks export refs.bib                  BibTeX (also --format bibtex)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "export"), default="list")
    parser.add_argument(
        "file", nargs="?", type=Path, default=None,
        help="export: write to FILE instead of stdout (Markdown; JSON for .json, BibTeX for .bib)",
    )  # fmt: skip
    parser.add_argument("--force", action="store_true", help="export: replace an existing FILE")
    parser.add_argument("--format", choices=("json", "md", "bibtex"), default=None,
                        help="export format (json); with list, print that format instead "
                             "of the table")  # fmt: skip
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.userdata.bookmarks import Bookmarks
    from store.userdata.safe_storage import StorageError
    from tui.output.export_formats import safe

    try:
        bookmarks = Bookmarks()
        marks = bookmarks.all()
    except StorageError as error:
        raise CommandError(str(error)) from None
    for notice in bookmarks.notices:
        print(f"cables: {notice}", file=sys.stderr)
    describe = _describer(args)
    if args.file is not None and args.action != "export":
        raise CommandError(f"a file is for export: cables bookmarks export {args.file}")
    if args.action == "export" or args.format is not None:
        fmt = args.format or _format_of(args.file)
        if fmt == "bibtex":
            out = _bibtex(args, marks)
        elif fmt == "md":
            out = bookmarks.export_markdown(describe)
        else:
            out = bookmarks.export_json(describe)
        if args.file is None or str(args.file) == "-":
            sys.stdout.write(safe(out))
            return 0
        return _write(args.file, safe(out), force=args.force, count=len(marks))
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


def _format_of(file: Path | None) -> str:
    """JSON to stdout; to a file, by its name (as the browser's export does)."""
    if file is None or str(file) == "-":
        return "json"
    suffix = file.suffix.lower()
    return "json" if suffix == ".json" else "bibtex" if suffix == ".bib" else "md"


def _write(file: Path, text: str, *, force: bool, count: int) -> int:
    from store.userdata.export_file import ExportError, ExportExists, write_export

    try:
        write_export(file, text, overwrite=force)
    except ExportExists as error:
        raise CommandError(f"{error}: --force replaces it") from None
    except ExportError as error:
        raise CommandError(str(error)) from None
    print(f"exported {count:,} bookmark{'' if count == 1 else 's'} to {file}", file=sys.stderr)
    return 0


def _bibtex(args, marks) -> str:
    """One entry a bookmark (its note as ``annote``); cables the corpus lacks keep their ID."""
    from tui.output.citation import bibtex_entry, missing_bibtex_entry

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
    from store.userdata.errors import ConfigError

    try:
        corpus = open_corpus(args)
    except (CommandError, ConfigError):  # the list needs no corpus; it only says less
        return lambda cable_id: None

    def describe(cable_id: str):
        summary = corpus.summary(cable_id)
        if summary is None:
            return None
        return (summary.created.date().isoformat() if summary.created else None, summary.subject)

    return describe
