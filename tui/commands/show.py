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
  cables show 06ALMATY79 --format text --width 72   prose re-wrapped to 72 columns
  cables show 06ALMATY79 --format raw               the cable exactly as imported

IDs are case-insensitive; zero padding and spaces are fine (06 ALMATY 000079).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="reference ID, e.g. 06ALMATY79")
    parser.add_argument(
        "--format", "-f", choices=("rich", "text", "json", "md", "raw"), default=None,
        help="rich (default on a terminal), text (default when piped), json, md, "
        "raw (the cable's text exactly as imported)",
    )  # fmt: skip
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        help="wrap prose to this width (default: the terminal's; piped, text and md keep "
        "the cable's own lines); 0 keeps every line as the cable has it. Lists, tables "
        "and headings always keep their lines",
    )
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.parse.refids import canonical_id

    wanted = canonical_id(args.id) or "".join(args.id.split()).upper()
    with open_corpus(args) as corpus:
        cable = corpus.get(wanted)
        if cable is None:
            raise CommandError(not_found(corpus, wanted), code=1)
        cited = [s.id for s in corpus.cited_by(cable.id)]
        present = corpus.existing(cable.references)
    if args.width is not None and args.width != 0 and not 20 <= args.width <= 1000:
        raise CommandError("--width must be 0 (keep the cable's lines) or 20 to 1000 columns")
    fmt = args.format or ("rich" if _color_terminal() else "text")
    if fmt == "json":
        from tui.export_formats import cable_to_json

        print(json.dumps(cable_to_json(cable), ensure_ascii=False, indent=2))
    elif fmt == "md":
        from tui.export_formats import cable_to_markdown

        sys.stdout.write(cable_to_markdown(cable, _text_width(args.width)))
    elif fmt == "text":
        from tui.export_formats import cable_to_text

        sys.stdout.write(cable_to_text(cable, _text_width(args.width)))
    elif fmt == "raw":
        from tui.export_formats import cable_to_raw

        sys.stdout.write(cable_to_raw(cable))
    else:
        from rich.console import Console

        from tui.render import natural_width, render_cable

        rendered = render_cable(
            cable, refs_in_corpus=present.__contains__, cited_by=cited, as_written=args.width == 0
        )
        width = natural_width(rendered) if args.width == 0 else args.width
        Console(highlight=False, width=width).print(rendered)
    return 0


def _text_width(width: int | None) -> int:
    """The width text and md wrap to: the one asked for; else the terminal's; piped, 0."""
    if width is not None:
        return width
    if sys.stdout.isatty():
        return os.get_terminal_size(sys.stdout.fileno()).columns
    return 0


def _color_terminal() -> bool:
    # NO_COLOR is honoured by Rich itself: the marks stay, the colors go.
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
