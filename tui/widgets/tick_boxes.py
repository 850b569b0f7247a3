"""Check boxes that show their state as a character, not only as a colour.

Textual draws an ``X`` in every box and tells ticked from clear by colour alone, which is lost
under NO_COLOR and on a monochrome link. Here a ticked box holds ``✓`` and a clear one a blank.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.selection_list import SelectionType

TICK, CLEAR = "✓", " "


class TickBox(Checkbox):
    @property
    # The name Textual's ToggleButton reads when it draws the box.
    def BUTTON_INNER(self) -> str:
        return TICK if self.value else CLEAR


class TickList(SelectionList[SelectionType]):
    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except Exception:  # past the last option: a blank line, no box to mark
            return strip
        segments = list(strip)
        # The box is [left edge, inner, right edge, space, prompt...] (SelectionList's layout).
        if len(segments) < 3:
            return strip
        inner = segments[1]
        mark = TICK if selection.value in self._selected else CLEAR
        segments[1] = Segment(mark, inner.style, inner.control)
        return Strip(segments, strip.cell_length)
