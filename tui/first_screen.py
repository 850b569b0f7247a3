"""Render what is visible first: the first screens of a long cable, wrapped before the rest.

Wrapping a 750 KB cable takes a quarter of a second; its first screen is a few dozen blocks.
The app's worker sends the first screens to the reader at once and the whole layout after.
"""

from __future__ import annotations

from dataclasses import replace

from tui.render import Layout, RenderedCable, layout

# Cables with fewer blocks than this are wrapped whole at once (a millisecond or two).
SMALL = 64
# Lines wrapped first: a few screens of the tallest terminal, so paging down stays smooth.
FIRST_LINES = 300


def first_layout(rendered: RenderedCable, width: int, lines: int = FIRST_LINES) -> Layout | None:
    """A layout of the cable's first blocks holding at least ``lines`` lines, or None when
    the cable is short enough to wrap whole straight away."""
    blocks = rendered.blocks
    count = SMALL
    while count < len(blocks):
        part = layout(replace(rendered, blocks=blocks[:count]), width)
        if len(part.lines) >= lines:
            return part
        count *= 2
    return None
