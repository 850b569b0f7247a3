"""``cables related ID``: the cables closest to one cable in content, REF links first."""

from __future__ import annotations

import argparse
import json

from tui.commands.common import CommandError, add_corpus_argument, open_corpus

DESCRIPTION = (
    "The cables most like one cable: those it cites and those citing it first, then the "
    "closest in content (its most distinctive words, weighted by how rare they are in the "
    "corpus), counting shared TAGS, the same post and nearness in time."
)
EPILOG = """examples:
  cables related 06ALMATY79
  cables related 06ALM -n 5
  cables related 06ALMATY79 --json | jq -r '.related[].id'
"""
LIMIT = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="reference ID, or a unique start of one")
    parser.add_argument("-n", "--limit", type=_count, default=LIMIT, metavar="N",
                        help=f"how many cables ({LIMIT}, at most 200)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="the list as JSON")
    add_corpus_argument(parser)


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 200:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 200, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from store.fulltext.related import related
    from tui.commands.cable_id import resolve_cable_id
    from tui.output.export_formats import safe

    with open_corpus(args) as corpus:
        cable_id = resolve_cable_id(corpus, args.id)
        found = related(corpus, cable_id, args.limit)
    if found is None:  # gone between the two reads
        raise CommandError(f"{cable_id}: no such cable", code=1)
    if args.json:
        document = {"id": cable_id, "related": [
            {"id": r.id, "link": r.link, "score": r.score, "created": r.created,
             "origin": r.origin, "subject": r.subject, "shared_tags": list(r.shared_tags)}
            for r in found
        ]}  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0 if found else 1
    if not found:
        print(safe(f"nothing in the corpus is like {cable_id}"), file=__import__("sys").stderr)
        return 1
    width = max(len(r.id) for r in found)
    for r in found:
        why = r.link or f"{r.score:.2f}"
        day = (r.created or "")[:10] or "no date   "
        print(safe(f"{why:>8}  {day}  {r.id:<{width}}  {r.subject or ''}"))
    return 0
