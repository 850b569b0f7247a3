"""``cables tags [CODE|WORD...]``: what TAGS codes mean, and how often the corpus uses them."""

from __future__ import annotations

import argparse
import json
import sys

from tui.commands.common import CommandError, add_corpus_argument, open_corpus

DESCRIPTION = (
    "TAGS codes with their meaning, kind (subject, program, country, region, organisation, "
    "person) and how many cables of the corpus carry them; codes no source explains are "
    "listed as unknown. With CODE or WORD: those codes, and the codes whose meaning has "
    "every WORD."
)
EPILOG = """examples:
  cables tags                    every code the corpus uses, most used first
  cables tags PGOV KZ            two codes
  cables tags terror             codes whose meaning says "terror"
  cables tags --kind unknown     codes no source explains
  cables tags --all --json       the whole glossary, as JSON

Sources of the meanings: store/glossary/tags.tsv (made by tools/glossary/build_tags.py).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from store.glossary import KINDS

    parser.add_argument("words", nargs="*", metavar="CODE|WORD", help="codes or words")
    parser.add_argument("--kind", choices=KINDS, help="only codes of this kind")
    parser.add_argument("--all", action="store_true",
                        help="also the glossary's codes the corpus does not use")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="the codes as JSON")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.glossary.usage import tag_uses
    from tui.output.safe_text import safe

    with open_corpus(args) as corpus:
        uses = tag_uses(corpus, args.words, everything=args.all)
    if args.kind:
        uses = [use for use in uses if use.entry.kind == args.kind]
    if args.json:
        document = [
            {"code": u.entry.code, "meaning": u.entry.meaning, "kind": u.entry.kind,
             "source": u.entry.source, "count": u.count}
            for u in uses
        ]  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0 if uses else 1
    if not uses:
        what = " ".join(args.words) or "the corpus"
        print(safe(f"no TAGS code matches {what}"), file=sys.stderr)
        return 1
    if any(len(w) > 200 for w in args.words):
        raise CommandError("a word longer than 200 characters")
    code_width = min(max(len(u.entry.code) for u in uses), 24)
    count_width = len(f"{max(u.count for u in uses):,}")
    for use in uses:
        entry = use.entry
        meaning = entry.meaning if entry.known else "(unknown)"
        print(safe(
            f"{entry.code:<{code_width}}  {use.count:>{count_width},}  {entry.kind:<12}  {meaning}"
        ))  # fmt: skip
    return 0
