"""Text bar charts and sparklines for the shell and the status line (stdlib only).

Unicode blocks give eighths of a cell; under ``TERM=dumb`` (or when asked) bars are ``#``
and a sparkline uses ``_.-=#``, so the output survives any terminal and any pipe reader.
"""

from __future__ import annotations

import os

_EIGHTHS = " ▏▎▍▌▋▊▉"
_FULL = "█"
_SPARKS = "▁▂▃▄▅▆▇█"
_ASCII_SPARKS = "_.-=#"


def plain_terminal() -> bool:
    return os.environ.get("TERM") == "dumb"


def bar(value: int, widest: int, width: int, *, ascii_only: bool = False) -> str:
    """A bar ``width`` cells long at ``widest``; anything above zero gets at least a sliver."""
    if value <= 0 or widest <= 0:
        return ""
    if ascii_only:
        return "#" * max(1, round(width * value / widest))
    eighths = max(1, round(8 * width * value / widest))
    full, part = divmod(eighths, 8)
    return _FULL * full + (_EIGHTHS[part] if part else "")


def sparkline(values: list[int], *, ascii_only: bool = False) -> str:
    """One character per value, its height by the value (zero is the lowest mark, or blank)."""
    marks = _ASCII_SPARKS if ascii_only else _SPARKS
    top = max(values, default=0)
    if top <= 0:
        return ""
    out = []
    for value in values:
        if value <= 0:
            out.append(" ")
        else:
            out.append(marks[min(len(marks) - 1, (value * len(marks) - 1) // top)])
    return "".join(out)


def chart_lines(
    rows: list[tuple[str, int]], *, width: int = 30, ascii_only: bool | None = None
) -> list[str]:
    """``  label   count bar`` lines, labels cut at 36 columns."""
    if not rows:
        return []
    if ascii_only is None:
        ascii_only = plain_terminal()
    widest = max(n for _, n in rows)
    label_width = min(max(len(label) for label, _ in rows), 36)
    lines = []
    for label, n in rows:
        drawn = bar(n, widest, width, ascii_only=ascii_only)
        lines.append(f"  {label[:label_width]:<{label_width}} {n:>8,} {drawn}".rstrip())
    return lines
