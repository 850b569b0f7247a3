"""``cables stats [QUERY] [--by ...]``: what the corpus (or a search) holds, as text charts."""

from __future__ import annotations

import argparse
import json

from tui.commands.common import (
    add_corpus_argument,
    count_type,
    match_and_filters,
    open_corpus,
)

DESCRIPTION = (
    "Counts by classification, year, origin and tag, with bar charts; with a QUERY (the "
    "search language of `cables search`) or --by, the counts of the matching cables."
)
EPILOG = """examples:
  cables stats
  cables stats --top 40
  cables stats nato --by year          when did NATO come up
  cables stats 'tag:KZ' --by month
  cables stats '"ak zhol"' --by origin --json

Bars are Unicode blocks; TERM=dumb gives plain # bars.
"""
BAR = 30
BY_CHOICES = ("year", "month", "origin", "tag", "class")

# This command's options; every other argument (``-word`` too) belongs to the query.
VALUE_OPTIONS = ("--top", "--by", "--corpus")
FLAG_OPTIONS = ("--json", "-h", "--help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help="count only the cables matching this search")
    parser.add_argument("--by", choices=BY_CHOICES, default=None,
                        help="one chart: per year (the default with a query), month, origin, "
                             "tag or classification")  # fmt: skip
    parser.add_argument("--top", type=count_type, default=15, metavar="N",
                        help="origins and tags to show (15)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="the counts as JSON")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    text = " ".join(args.query or [])
    if text.strip() or args.by:
        return _one_chart(args, text)
    with open_corpus(args) as corpus:
        facets = corpus.facets(top=args.top)
    sections = [
        ("classification", facets.levels),
        ("year", [(str(y) if y else "undated", n) for y, n in facets.years]),
        ("origin", facets.origins),
        ("tag", facets.tags),
    ]
    if args.json:
        document = {"total": facets.total, **{t: _pairs(rows) for t, rows in sections}}
        _add_meanings(document["tag"])
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    sections[-1] = ("tag", _labelled(facets.tags))
    from tui.output.bars import chart_lines
    from tui.output.safe_text import safe

    print(f"{facets.total:,} cables in {corpus.path}")
    for title, rows in sections:
        if rows:
            print(f"\n{title}")
            for line in chart_lines([(str(label), n) for label, n in rows], width=BAR):
                print(safe(line))
    return 0


def _one_chart(args: argparse.Namespace, text: str) -> int:
    from store.corpus.timeline import counts

    match, filters = match_and_filters(text)
    by = args.by or "year"
    with open_corpus(args, search=match is not None) as corpus:
        buckets = counts(corpus, match, filters, by=by, top=args.top)
    total = sum(b.count for b in buckets) if by in ("year", "month", "class") else None
    if args.json:
        document = {"query": text, "by": by, "total": total,
                    "buckets": [{"label": b.label, "count": b.count} for b in buckets]}  # fmt: skip
        if by == "tag":
            _add_meanings(document["buckets"])
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0 if any(b.count for b in buckets) else 1
    from tui.output.bars import chart_lines
    from tui.output.safe_text import safe

    if not any(b.count for b in buckets):
        import sys

        print("no cables matched", file=sys.stderr)
        return 1
    one = total == 1
    what = (
        f"{'matches' if one else 'match'} {' '.join(text.split())}"
        if text.strip()
        else "in the corpus"
    )
    noun = "cable" if one else "cables"
    head = f"{total:,} {noun} {what}" if total is not None else f"cables {what}"
    print(safe(f"{head}, by {by}"))
    rows = [(b.label, b.count) for b in buckets]
    for line in chart_lines(_labelled(rows) if by == "tag" else rows, width=BAR):
        print(safe(line))
    return 0


def _pairs(rows) -> list[dict]:
    return [{"label": str(label) if label is not None else None, "count": n} for label, n in rows]


def _labelled(rows) -> list[tuple[str, int]]:
    """Tags with their meaning (``PGOV Government``)."""
    from store.glossary import labelled

    return [(labelled(tag), n) for tag, n in rows]


def _add_meanings(items: list[dict]) -> None:
    from store.glossary import meaning

    for item in items:
        item["meaning"] = meaning(item["label"]) if item["label"] else None
