"""``cables people [NAME...]``: who the cables name, in how many cables, from when to when."""

from __future__ import annotations

import argparse
import json
import sys

from tui.commands.common import CommandError, add_corpus_argument, limit_argument, open_corpus

DESCRIPTION = (
    "The people the cables name in structured places: personal-name TAGS, the Classified By "
    "line and the signature; names normalised (SURNAME, GIVEN, without middle initials or "
    "JR). With NAME: only those whose name has every word."
)
EPILOG = """examples:
  cables people                  who appears most
  cables people clinton          everyone named Clinton
  cables people --cables rice    the cables of one person (IDs, newest first)
  cables people --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="*", help="words of a name")
    parser.add_argument("--cables", action="store_true",
                        help="list the cables of the one person named")  # fmt: skip
    limit_argument(parser, 50, "people")
    parser.add_argument("--json", action="store_true", help="as JSON")
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.corpus.schema import CorpusError
    from store.people.index import people

    if not _indexed(args):
        # An older corpus gets its people index the first time it is opened for writing.
        open_corpus(args, write=True).close()
    with open_corpus(args) as corpus:
        try:
            found = people(corpus, args.name, limit=None if args.cables else args.limit)
        except CorpusError as error:
            raise CommandError(str(error)) from None
        if args.cables:
            return _cables(corpus, args, found)
    if args.json:
        print(json.dumps([_document(p) for p in found], ensure_ascii=False, indent=2))
        return 0 if found else 1
    if not found:
        print(_nobody(args), file=sys.stderr)
        return 1
    from tui.output.safe_text import safe

    width = min(max(len(p.name) for p in found), 40)
    count_width = len(f"{max(p.count for p in found):,}")
    for person in found:
        print(safe(
            f"{person.name:<{width}}  {person.count:>{count_width},}  "
            f"{_day(person.first)} .. {_day(person.last)}  {', '.join(person.roles)}"
        ))  # fmt: skip
    return 0


def _indexed(args: argparse.Namespace) -> bool:
    import os

    from store.people.table import has_people

    with open_corpus(args) as corpus:
        return has_people(corpus.connection()) or not os.access(corpus.path, os.W_OK)


def _cables(corpus, args: argparse.Namespace, found) -> int:
    from store.people.index import cables_of
    from tui.output.safe_text import safe

    if not args.name:
        raise CommandError("--cables needs a NAME")
    exact = [p for p in found if p.name == " ".join(args.name).upper()]
    if len(found) > 1 and not exact:
        names = "; ".join(p.name for p in found[:5])
        raise CommandError(f"{len(found)} people match; name one: {names}", code=1)
    if not found:
        print(_nobody(args), file=sys.stderr)
        return 1
    person = (exact or found)[0]
    summaries = corpus.summaries(cables_of(corpus, person.name)[: args.limit])
    if args.json:
        rows = [{"id": s.id, "date": s.created.isoformat() if s.created else None,
                 "origin": s.origin, "subject": s.subject} for s in summaries]  # fmt: skip
        print(json.dumps({"person": person.name, "cables": rows}, ensure_ascii=False, indent=2))
        return 0
    for s in summaries:
        print(safe(f"{s.id:<20} {_day(s.created)}  {s.subject or ''}"))
    return 0


def _document(person) -> dict:
    return {
        "name": person.name,
        "count": person.count,
        "first": person.first.date().isoformat() if person.first else None,
        "last": person.last.date().isoformat() if person.last else None,
        "roles": list(person.roles),
    }


def _day(when) -> str:
    return when.date().isoformat() if when else "undated   "


def _nobody(args: argparse.Namespace) -> str:
    from tui.output.safe_text import safe

    if args.name:
        return safe(f"nobody named {' '.join(args.name)} in the corpus")
    return "the corpus names nobody (no personal-name tags, Classified By lines or signers)"
