"""``cables show ID``: print one cable with the reader's renderer, then exit."""

from __future__ import annotations

import argparse
import json
import os
import sys

from tui.commands.common import CommandError, add_corpus_argument, not_found, open_corpus

DESCRIPTION = "Print one cable: colored markings on a terminal, plain text when piped."
EPILOG = """examples:
  cables show 06ALMATY79
  cables show 06almaty79 --format md > cable.md
  cables show 06ALMATY79 --format json | jq .paragraphs
  cables show 06ALMATY79 | less -R

IDs are case-insensitive; zero padding and spaces are fine (06 ALMATY 000079), and a
page's own garbled ID finds its cable (07ECTION01OF02KABUL455 -> 07KABUL455).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="reference ID, e.g. 06ALMATY79")
    parser.add_argument(
        "--format", "-f", choices=("rich", "text", "json", "md"), default=None,
        help="rich (default on a terminal), text (default when piped), json, md",
    )  # fmt: skip
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        help="wrap width of the coloured output (default: the terminal's); "
        "text and md keep the cable's own line breaks",
    )
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.parse.refids import canonical_id

    wanted = canonical_id(args.id) or "".join(args.id.split()).upper()
    with open_corpus(args) as corpus:
        cable = corpus.get(args.id)  # as written first: a page kept under its own garbled ID
        if cable is None:
            raise CommandError(not_found(corpus, wanted), code=1)
        cited = [s.id for s in corpus.cited_by(cable.id)]
        present = corpus.existing(cable.references)
    if args.width is not None and args.width < 20:
        raise CommandError("--width must be at least 20 columns")
    fmt = args.format or ("rich" if _color_terminal() else "text")
    if fmt == "json":
        from tui.export_formats import cable_to_json

        print(json.dumps(cable_to_json(cable), ensure_ascii=False, indent=2))
    elif fmt == "md":
        from tui.export_formats import cable_to_markdown

        sys.stdout.write(cable_to_markdown(cable))
    elif fmt == "text":
        from tui.export_formats import cable_to_text

        sys.stdout.write(cable_to_text(cable))
    else:
        from rich.console import Console

        from tui.render import render_cable

        console = Console(highlight=False, width=args.width)
        console.print(render_cable(cable, refs_in_corpus=present.__contains__, cited_by=cited))
    return 0


def _color_terminal() -> bool:
    # NO_COLOR is honoured by Rich itself: the marks stay, the colors go.
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
