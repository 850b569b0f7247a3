"""Find in the open cable, as less does: the matches of a pattern in the rendered blocks, and
which one a search from the screen's position goes to.

Plain text, not a regular expression (a pattern typed by anyone never backtracks for
minutes), and smart case: a pattern in lower case matches any case, one with a capital
matches exactly. Matches are found in each block's whole text, so a phrase wrapped over two
lines of the screen is found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.output.blocks import Block, HitPosition


@dataclass(frozen=True)
class Finding:
    """A find in the cable: its pattern, its direction (``/`` forward, the backward key
    back; n repeats it, N goes the other way) and where it matched."""

    pattern: str
    forward: bool
    matches: tuple[HitPosition, ...]


def find_all(blocks: Sequence[Block], pattern: str) -> tuple[HitPosition, ...]:
    """Every match of ``pattern`` in ``blocks``, in reading order."""
    if not pattern:
        return ()
    # An escaped pattern is a literal: the regex engine only adds the case folding.
    needle = re.compile(re.escape(pattern), re.IGNORECASE if pattern == pattern.lower() else 0)
    return tuple(
        HitPosition(index, match.start(), match.end())
        for index, block in enumerate(blocks)
        for match in needle.finditer(block.text.plain)
    )


def from_view(lines_of_matches: Sequence[int], top: int, forward: bool) -> int | None:
    """The match a search from the screen goes to: forward, the first at or below the top
    line shown; backward, the last above it. None when there is none that way (less says
    "Pattern not found" and stays: at the end of a cable n does not jump back up)."""
    if forward:
        return next((i for i, line in enumerate(lines_of_matches) if line >= top), None)
    above = [i for i, line in enumerate(lines_of_matches) if line < top]
    return above[-1] if above else None
