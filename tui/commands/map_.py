"""``cables map [QUERY]``: where the cables (of a search) came from, on a world map."""

from __future__ import annotations

import argparse
import json
import os
import sys

from tui.commands.common import add_corpus_argument, match_and_filters, open_corpus
from tui.commands.output import add_color_argument, console, stdout_is_terminal, terminal_size

DESCRIPTION = (
    "The cables of the corpus, or of a search (the language of `cables search`), counted by "
    "the post that sent them and drawn on a world map: one mark per post, bigger for more "
    "cables, the biggest named. Braille dots on a terminal; plain ASCII under TERM=dumb, "
    "with --ascii, or where the output cannot carry Unicode."
)
EPILOG = """examples:
  cables map                          the whole corpus
  cables map 'tag:IZ' --top 12        cables tagged Iraq, twelve posts named
  cables map nato --json | jq '.posts[:5]'
"""
VALUE_OPTIONS = ("--top", "--width", "--corpus", "--color")
FLAG_OPTIONS = ("--json", "--ascii", "-h", "--help")
# Counting every origin: a corpus has a few hundred.
ALL_ORIGINS = 100_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="*", help="map only the cables matching this search")
    parser.add_argument("--top", type=_count, default=8, metavar="N",
                        help="posts named on the map and listed under it (8)")  # fmt: skip
    parser.add_argument("--width", type=_count, default=None, metavar="COLUMNS",
                        help="map width (default: the terminal's, else 100)")  # fmt: skip
    parser.add_argument("--ascii", action="store_true", help="plain ASCII, no braille")
    parser.add_argument("--json", action="store_true", help="posts, counts and coordinates")
    add_color_argument(parser)
    add_corpus_argument(parser)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"must be 1-1000, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    from store.corpus.timeline import counts
    from store.geo.places import place_of

    text = " ".join(args.query or [])
    match, filters = match_and_filters(text)
    with open_corpus(args) as corpus:
        buckets = counts(corpus, match, filters, by="origin", top=ALL_ORIGINS)
    by_origin = {b.label: b.count for b in buckets if b.count}
    if not by_origin:
        print("no cables matched", file=sys.stderr)
        return 1
    if args.json:
        posts = []
        for origin, count in sorted(by_origin.items(), key=lambda item: (-item[1], item[0])):
            place = place_of(origin)
            posts.append({
                "origin": origin, "count": count,
                "city": place.city if place else None,
                "country": place.country if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
            })  # fmt: skip
        print(json.dumps({"query": text, "total": sum(by_origin.values()), "posts": posts},
                         ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    print(render(by_origin, args, text), end="")
    return 0


def render(by_origin: dict[str, int], args: argparse.Namespace, text: str) -> str:
    from tui.output.export_formats import safe
    from tui.output.world_map import draw_world

    width = args.width or (terminal_size().columns - 1 if stdout_is_terminal()
                           else 100)  # fmt: skip
    ascii_only = args.ascii or os.environ.get("TERM") == "dumb" or not _can_write_braille()
    world = draw_world(by_origin, max(width, 20), ascii_only=ascii_only, labels=args.top)
    out = console(args.color, width=max(width, 20))
    total = sum(by_origin.values())
    what = f"matching {' '.join(text.split())}" if text.strip() else "in the corpus"
    out.print(safe(f"{total:,} cables {what}, from {len(by_origin):,} posts"))
    for line in world.lines:
        out.print(line)
    glyphs = "+o@" if ascii_only else "·•●"
    for mark in world.marks[: args.top]:
        out.print(safe(f"  {glyphs[mark.size]} {mark.count:>7,}  {mark.city} ({mark.origin})"))
    if world.unplaced:
        missing = sum(count for _, count in world.unplaced)
        names = ", ".join(origin for origin, _ in world.unplaced[:3])
        out.print(safe(f"  not on the map: {missing:,} cables from posts with no place ({names})"))
    return out.file.getvalue()


def _can_write_braille() -> bool:
    try:
        "⣿●".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
