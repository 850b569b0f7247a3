"""``cables thread ID``: what a cable cites and what cites it, as a tree, JSON or DOT."""

from __future__ import annotations

import argparse
import json
import os
import sys

from tui.commands.common import CommandError, add_corpus_argument, not_found, open_corpus

DESCRIPTION = (
    "Print the thread of a cable: the cables it cites (following their REFs further) and the "
    "cables that cite it (and those citing them), to a depth."
)
EPILOG = """examples:
  cables thread 06ALMATY79
  cables thread 06ALMATY79 --depth 5
  cables thread 06ALMATY79 --json | jq '.root.children[].id'
  cables thread 06ALMATY79 --dot | dot -Tsvg > thread.svg

Cables cited but not in the corpus are shown as such; a node with many links shows the
newest (or first) few and "+N more".
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from store.corpus.threads import DEFAULT_DEPTH, MAX_DEPTH

    parser.add_argument("id", metavar="ID", help="reference ID, e.g. 06ALMATY79")
    parser.add_argument(
        "--depth",
        type=int,
        default=DEFAULT_DEPTH,
        help=f"links to follow each way ({DEFAULT_DEPTH}, at most {MAX_DEPTH})",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="the tree as JSON")
    out.add_argument("--dot", action="store_true", help="Graphviz DOT (an arrow means cites)")
    add_corpus_argument(parser)  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from store.corpus.threads import MAX_DEPTH, build_thread
    from store.parse.refids import canonical_id
    from tui.output import thread_formats

    if not 1 <= args.depth <= MAX_DEPTH:
        raise CommandError(f"--depth must be from 1 to {MAX_DEPTH}")
    wanted = canonical_id(args.id) or "".join(args.id.split()).upper()
    with open_corpus(args) as corpus:
        thread = build_thread(corpus, wanted, args.depth)
        if thread is None:
            raise CommandError(not_found(corpus, wanted), code=1)
    if args.json:
        print(json.dumps(thread_formats.thread_json(thread), ensure_ascii=False, indent=2))
    elif args.dot:
        sys.stdout.write(thread_formats.thread_dot(thread))
    else:
        ascii_only = os.environ.get("TERM") == "dumb"
        for line in thread_formats.tree_lines(thread, ascii_only=ascii_only):
            print(line)
    return 0
