"""Scroll positions of a listing whose rows are more than one line (a hit and its snippet).

A scroll position between a row's lines would show a snippet at the top without the cable
row it belongs to. Positions are therefore kept at row starts: a move goes on to the next
row start in its direction, and the scroll length is padded so that the last position, too,
is a row start.
"""

from __future__ import annotations


def snapped(value: float, old: float, height: int) -> float:
    """``value`` moved to a row start, onward in the direction it moves from ``old``."""
    if height <= 1:
        return value
    rows, rest = divmod(round(value), height)
    if rest and value > old:
        rows += 1
    return float(rows * height)


def padded_length(lines: int, view: int, height: int) -> int:
    """``lines`` plus the blank lines that make the last scroll position a row start."""
    if height <= 1 or lines <= view:
        return lines
    return lines + (view - lines) % height
