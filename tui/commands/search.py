"""``cables search QUERY``: full-text search from the shell."""

from __future__ import annotations

import argparse
import json
import sys

from tui.commands import output
from tui.commands.common import CommandError, add_corpus_argument, limit_argument, open_corpus

DESCRIPTION = "Search the corpus; newest first unless --rank. Exit 1 when nothing matched."
EPILOG = """query language:
  words            all must occur (stemmed: election finds elections)
  "a phrase"       exact phrase          prefix*    words starting with prefix
  -word, NOT word  must not occur        a OR b     either
  tag:PGOV  origin:almaty  class:secret|confidential|noforn  para:secret  id:06ALMATY
  subject:nato  subject:"opposition leader"   (the subject lines only)
  from:2005-06  to:2006  (inclusive; a year, year-month or a date; years 1900 to 2100)

examples:
  cables search Baimenov
  cables search '"opposition leader" tag:KZ from:2005' --rank --limit 10
  cables search 'nato OR otan class:secret' --json | jq -r .id
  cables search nato --color always | less -R
"""


# The options of this command; any other argument, ``-word`` included, is part of the query.
_VALUE_OPTIONS = ("--limit", "-n", "--corpus", "--color")
_FLAG_OPTIONS = ("--rank", "--json", "-h", "--help")


def split_query_words(
    args: list[str], own: tuple[tuple[str, ...], tuple[str, ...]] | None = None
) -> tuple[list[str], list[str]]:
    """(options, query words) of the arguments after ``search``.

    argparse would read an exclusion such as ``-almaty`` (in ``cables search nato -almaty``)
    as an unknown option; here only this command's own options are options, and everything
    after ``--`` is query. ``own`` gives another command's (value options, flag options).
    """
    value_options, flag_options = own or (_VALUE_OPTIONS, _FLAG_OPTIONS)
    options: list[str] = []
    words: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        name = arg.split("=", 1)[0]
        if arg == "--":
            words.extend(args[index + 1 :])
            break
        if arg in flag_options or (name in value_options and "=" in arg):
            options.append(arg)
        elif arg in value_options:
            options.extend(args[index : index + 2])
            index += 1
        elif own is None and arg.startswith("-n") and arg[2:].isdigit():
            options.append(arg)
        else:
            words.append(arg)
        index += 1
    return options, words


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help="the search (quote it in the shell)")
    limit_argument(parser, 20, "hits")
    parser.add_argument("--rank", action="store_true", help="best matches first (bm25)")
    parser.add_argument("--json", action="store_true", help="JSON Lines, one hit per line")
    output.add_color_argument(parser)
    add_corpus_argument(parser)


def run(args: argparse.Namespace) -> int:
    from store.query.compile import QueryError, compile_query

    text = " ".join(args.query)
    if not text.strip():
        raise CommandError("bad query: empty query: type words to search for")
    try:
        compiled = compile_query(text)
    except QueryError as error:
        raise CommandError(f"bad query: {error}") from None
    with open_corpus(args, search=True) as corpus:
        hits = corpus.search(compiled.match, compiled.filters, limit=args.limit, rank=args.rank)
    if not hits:
        print("no cables matched", file=sys.stderr)
        return 1
    if args.json:
        for hit in hits:
            print(json.dumps(_hit_json(hit), ensure_ascii=False))
    else:
        from tui.output.search_output import print_hits

        console = output.console(args.color)
        print_hits(hits, console)
        sys.stdout.write(console.file.getvalue())
    return 0


def _hit_json(hit) -> dict:
    from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START
    from tui.output.export_formats import safe

    s = hit.summary
    return {
        "id": s.id,
        "date": s.created.isoformat() if s.created else None,
        "origin": s.origin,
        "classification": s.classification.full if s.classification else None,
        "subject": safe(s.subject) if s.subject else None,
        "snippet": safe(hit.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")),
        "score": hit.score,
    }
