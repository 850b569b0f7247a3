"""Search across page breaks: does a phrase the reader shows across a former page break find
its cable, and does a page header's text find nothing?

    python bench/bench_page_breaks.py --corpus C.sqlite [--show 5]

For every page header in the stored bodies (found here with patterns of its own, apart from
the parser's: ``KABUL 00000672  002 OF 003`` and ``PAGE 02 ROME 01196 ...``), the two words
before it and the two after make a four-word phrase. Counted: the breaks, how many phrases
the reader shows joined (the four words in a row in its paragraphs), how many of those
``cables search '"phrase"'`` finds in their cable (the target is all), and how many page
headers searched as phrases find any cable the reader does not show them in.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.corpus.corpus import Corpus  # noqa: E402
from store.query.compile import compile_query  # noqa: E402

_HEADER = re.compile(
    r"^[ \t]*(?:[A-Z]{2,}[ \t]+){1,3}\d{8}[ \t]+\d{3}(?:\.\d{1,2})?[ \t]+OF[ \t]+\d{3}[ \t]*$"
    r"|^[ \t]*PAGE[ \t]+\d{2,3}[ \t]+[A-Z]{2,}.*$",
    re.MULTILINE,
)
_LEVEL_LINE = re.compile(r"^[ \t]*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET)[ \t]*$")
_WORD = re.compile(r"[^\W_]+")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--show", type=int, default=5, help="misses to print")
    args = parser.parse_args()
    corpus = Corpus(args.corpus, readonly=True)
    rows = corpus.connection().execute("SELECT rowid, body FROM texts ORDER BY rowid").fetchall()
    breaks = joined = found = 0
    headers = header_hits = 0
    misses: list[str] = []
    for rowid, body in rows:
        cable = None
        for header in _HEADER.finditer(body):
            before = _words_before(body, header.start())
            after = _words_after(body, header.end())
            if len(before) < 2 or len(after) < 2:
                continue
            breaks += 1
            if cable is None:
                cable = corpus.get_rowid(rowid)
                shown = " ".join(_WORD.findall(" ".join(p.text for p in cable.paragraphs)))
                shown = f" {shown.lower()} "
            phrase = " ".join(before[-2:] + after[:2])
            headers += 1
            if _hits(corpus, header.group().strip()) - (
                {rowid} if header.group().strip().lower() in shown else set()
            ):
                header_hits += 1
            if f" {phrase.lower()} " not in shown:
                continue
            joined += 1
            if rowid in _hits(corpus, phrase):
                found += 1
            elif len(misses) < args.show:
                misses.append(f"{cable.id}: {phrase!r}")
    print(f"corpus: {len(rows):,} cables ({args.corpus})")
    print(f"page breaks with two words on each side: {breaks:,}")
    if breaks:
        print(f"  shown joined by the reader: {joined:,} ({joined / breaks:.1%})")
    if joined:
        print(f"  of those, found by a phrase search: {found:,} ({found / joined:.1%})")
    print(f"page headers searched as phrases: {headers:,}; finding a cable: {header_hits:,}")
    for miss in misses:
        print(f"  missed: {miss}")
    return 0


def _hits(corpus: Corpus, text: str) -> set[int]:
    compiled = compile_query(f'"{text}"')
    return set(corpus.search_ids(compiled.match)) if compiled.match else set()


def _words_before(body: str, position: int) -> list[str]:
    lines = body[:position].split("\n")
    words: list[str] = []
    for line in reversed(lines):
        if not line.strip() or _LEVEL_LINE.match(line):
            continue
        words = _WORD.findall(line) + words
        if len(words) >= 2:
            break
    return words


def _words_after(body: str, position: int) -> list[str]:
    words: list[str] = []
    for line in body[position:].split("\n"):
        if not line.strip() or _LEVEL_LINE.match(line):
            continue
        words += _WORD.findall(line)
        if len(words) >= 2:
            break
    return words


if __name__ == "__main__":
    raise SystemExit(main())
