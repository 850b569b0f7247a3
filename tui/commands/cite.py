"""``cables cite ID...``: a citation of each cable (Chicago, APA, BibTeX or Markdown)."""

from __future__ import annotations

import argparse
import sys

from tui.commands.common import add_corpus_argument, not_found, open_corpus

DESCRIPTION = "Print a citation of each cable: origin, subject, ID, date, classification."
EPILOG = """examples:
  cables cite 06ALMATY79
  cables cite 06ALMATY79 09STATE1234 --style bibtex >> refs.bib
  cables cite 06ALMATY79 --style md

Exit 1 when a cable is not in the corpus (the others are still printed).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from tui.output.citation import STYLES

    parser.add_argument("ids", metavar="ID", nargs="+", help="reference IDs")
    parser.add_argument("--style", "-s", choices=STYLES, default="chicago",
                        help="chicago (default), apa, bibtex or md")  # fmt: skip
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.parse.refids import canonical_id
    from store.sanitize import clean
    from tui.output.citation import cite

    status = 0
    out: list[str] = []
    with open_corpus(args) as corpus:
        for raw in args.ids:
            wanted = canonical_id(raw) or "".join(raw.split()).upper()
            summary = corpus.summary(wanted)
            if summary is None:
                print(f"cables: {clean(not_found(corpus, wanted))}", file=sys.stderr)
                status = 1
                continue
            out.append(cite(summary, args.style))
    if not out:
        return status
    sys.stdout.write(("\n\n" if args.style == "bibtex" else "\n").join(out) + "\n")
    return status
