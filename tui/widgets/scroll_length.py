"""Changing how long a Line-API view is, without re-laying out the screen.

Assigning ``virtual_size`` makes Textual lay out the whole screen and repaint all of it
(about 40 ms and every cell sent again over SSH). The sidebar and the reader never change size
with their content, so only their scrollbar must learn the new length. Their scrollbar is
always shown (``overflow-y: scroll``), so it never appears or disappears (which would need a
layout).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_scroll_length(view: ScrollView, width: int, lines: int) -> None:
    size = Size(width, lines)
    if size == view.virtual_size:
        return
    if not view.size.width:
        view.virtual_size = size  # not laid out yet: the normal way
        return
    view.set_reactive(ScrollView.virtual_size, size)
    # Textual's own update of the scrollbars for a new virtual size (what a layout would do).
    view._scroll_update(size)
    view.refresh()
