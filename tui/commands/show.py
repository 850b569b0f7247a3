"""``cables show ID``: print one cable with the reader's renderer, then exit."""

from __future__ import annotations

import argparse

from tui.commands import output
from tui.commands.common import CommandError, add_corpus_argument, not_found, open_corpus

DESCRIPTION = (
    "Print one cable: colored markings on a terminal, plain text when piped. On a terminal, "
    "a cable longer than the screen goes through $CABLES_PAGER, $PAGER or less -R."
)
EPILOG = """examples:
  cables show 06ALMATY79
  cables show 06almaty79 --format md > cable.md
  cables show 06ALMATY79 --format json | jq .paragraphs
  cables show 06ALMATY79 --color always | less -R
  cables show 06ALMATY79 --no-pager       print it all, even when longer than the screen
  cables show 06ALMATY79 --format text --width 72   prose re-wrapped to 72 columns
  cables show 06ALMATY79 --format raw               the cable exactly as imported

IDs are case-insensitive; zero padding and spaces are fine (06 ALMATY 000079), and a
page's own garbled ID finds its cable (07ECTION01OF02KABUL455 -> 07KABUL455).
A unique prefix (06ALMATY7) works too; an ambiguous prefix lists the cables it matches.
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
    output.add_color_argument(parser)
    output.add_pager_argument(parser)
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from tui.commands.cable_id import resolve_cable_id

    if args.width is not None and args.width != 0 and not 20 <= args.width <= 1000:
        raise CommandError("--width must be 0 (keep the cable's lines) or 20 to 1000 columns")
    fmt = args.format or ("rich" if output.styled(args.color) else "text")
    with open_corpus(args) as corpus:
        cable = corpus.get(resolve_cable_id(corpus, args.id))
        if cable is None:  # removed between the two reads by another process
            raise CommandError(not_found(corpus, args.id), code=1)
        if fmt == "rich":  # only the rich view marks the references the corpus holds
            cited = [s.id for s in corpus.cited_by(cable.id)]
            present = corpus.existing(cable.references)
    if fmt == "json":
        import json

        from tui.output.export_formats import cable_to_json

        text = json.dumps(cable_to_json(cable), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        from tui.output.export_formats import cable_to_markdown

        text = cable_to_markdown(cable, _text_width(args.width))
    elif fmt == "text":
        from tui.output.export_formats import cable_to_text

        text = cable_to_text(cable, _text_width(args.width))
    elif fmt == "raw":
        from tui.output.export_formats import cable_to_raw

        text = cable_to_raw(cable)
    else:
        from tui.output.render import natural_width, render_cable

        rendered = render_cable(
            cable, refs_in_corpus=present.__contains__, cited_by=cited, as_written=args.width == 0
        )
        width = natural_width(rendered) if args.width == 0 else args.width
        console = output.console(args.color, width=width)
        console.print(rendered)
        text = console.file.getvalue()
    output.emit(text, page=not args.no_pager)
    return 0


def _text_width(width: int | None) -> int:
    """The width text and md wrap to: the one asked for; else the terminal's; piped, 0."""
    if width is not None:
        return width
    if output.stdout_is_terminal():
        return output.terminal_size().columns
    return 0
