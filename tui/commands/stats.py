"""``cables stats``: what the corpus holds, as compact text charts."""

from __future__ import annotations

import argparse

from tui.commands.common import add_corpus_argument, open_corpus

DESCRIPTION = "Counts by classification, year, origin and tag, with bar charts."
EPILOG = """examples:
  cables stats
  cables stats --top 40
"""
BAR = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--top", type=int, default=15, help="origins and tags to show (15)")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from tui.export_formats import safe

    with open_corpus(args) as corpus:
        facets = corpus.facets(top=max(args.top, 1))
    print(f"{facets.total:,} cables in {corpus.path}")
    sections = [
        ("classification", facets.levels),
        ("year", [(str(y) if y else "undated", n) for y, n in facets.years]),
        ("origin", facets.origins),
        ("tag", facets.tags),
    ]
    for title, rows in sections:
        if not rows:
            continue
        print(f"\n{title}")
        widest = max(n for _, n in rows)
        label_width = min(max(len(str(label)) for label, _ in rows), 36)
        for label, n in rows:
            bar = "#" * max(1, round(BAR * n / widest)) if n else ""
            print(safe(f"  {str(label)[:label_width]:<{label_width}} {n:>8,} {bar}"))
    return 0
