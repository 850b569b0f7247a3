"""``cables open ID``: the browser, opened on one cable."""

from __future__ import annotations

import argparse

from tui.commands.common import add_corpus_argument

DESCRIPTION = "Open the browser on one cable (an ID, or an ID prefix that names one cable)."
EPILOG = """example:
  cables open 06ALMATY79
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the cable's reference ID, e.g. 06ALMATY79")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from tui.commands import browse

    return browse.run(args, open_id=args.id)
