"""Long hostile lines through the whole parser: which of them take super-linear time.

    python bench/parser_long_lines.py [--size N] [--limit SECONDS] [--pairs K]

Each input is a field line of a cable (the fuzz tests' banners and field lines, page headers,
marks) with a long run of one character before it, after it, or around it, and an ending
that a pattern may not take; then K random pairs of field lines with a run between them.
Each is parsed alone and inside a small cable. Prints the inputs slower than the limit (a
linear parse of 6,000 characters takes a few milliseconds; a quadratic one, near a second)
and the count. The fuzz tests of tests/test_fuzz.py find such lines at random, once in a
while; this walks the combinations, so run it after changing a pattern of store/parse.
"""

from __future__ import annotations

import argparse
import itertools
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_fuzz import BANNERS, FIELD_LINES  # noqa: E402

from store.parse import parse_text  # noqa: E402

EXTRA_LINES = [
    "PAGE 02 ALMATY 00000079 002 OF 003", "00000079 002 OF 003", "SECTION 01 OF 02",
    "ALMATY 00000079  002 OF 003", "END SUMMARY", "SIPDIS", "NOFORN", "1.4 (B) AND (D)",
    "CLASSIFIED BY:", "Reason:", "DERIVED FROM:", "(U)", "(S//NF)", "2. (C)", "a) ", "--",
    "REF A", "TO:", "INFO", "DE RUEHTA #0079/01 0120508", "ZNY CCCCC ZZH", "P 120508Z JAN 06",
]  # fmt: skip
RUNS = [
    " ", "\t", ".", "-", "1", "A", "é", "\x00", "/", "(", ")", ",", ":", "  A", " 1.", "A ",
    ". ", "\n ", "\n", "(C) ", "- ", "1.4 ", "REF ", "A. ",
]  # fmt: skip
ENDINGS = ["", "x", "é", "!", "\n", ";^N", "SECRET", "(C)"]
GIVE_UP = 20.0  # seconds: a parse this slow is reported as such and the scan goes on


class _TooSlow(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _TooSlow


def _variants(line: str, run: str) -> list[str]:
    out = []
    for ending in ENDINGS:
        out += [line + run + ending, run + line + ending, f"{line}\n{run}{ending}",
                run + line + run + ending]  # fmt: skip
    return out


def _seconds(text: str) -> float:
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, GIVE_UP)
    try:
        parse_text(text)
    except _TooSlow:
        return GIVE_UP
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=6000, help="characters in each run")
    parser.add_argument("--limit", type=float, default=0.3, help="report parses slower than this")
    parser.add_argument("--pairs", type=int, default=3000)
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    lines = BANNERS + FIELD_LINES + EXTRA_LINES
    inputs = []
    for line, run in itertools.product(lines, RUNS):
        inputs += _variants(line, run * (args.size // len(run)))
    chosen = random.Random(1)
    for _ in range(args.pairs):
        run = chosen.choice(RUNS)
        inputs.append(chosen.choice(lines) + run * (args.size // len(run)) + chosen.choice(lines)
                      + chosen.choice(ENDINGS))  # fmt: skip
    slow = 0
    for text in inputs:
        for whole in (text, f"UNCLAS\nSUBJECT: X\n{text}\n1. (U) A paragraph.\n{text}"):
            seconds = _seconds(whole)
            if seconds > args.limit:
                slow += 1
                print(f"{seconds:6.2f} s  {text[:50]!r} ... {text[-50:]!r}", flush=True)
    print(f"{len(inputs) * 2} parses, {slow} slower than {args.limit} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
