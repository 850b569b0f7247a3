"""The widget's own style, looked up once per repaint rather than once per line.

A Line-API widget paints every line on the widget's base style. ``Widget.rich_style``
walks all the ancestors' styles each time it is read (about 0.1 ms): read in
``render_line`` it was most of the cost of painting a 40-line reader, repainted with each
cursor move in the listing. Textual paints a widget with one ``render_lines`` call, so the
style is read there, once.
"""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class FrameStyle:
    """Mixed into a Line-API widget: ``frame_style`` is its ``rich_style`` for this repaint."""

    _frame_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_style = self.rich_style  # type: ignore[attr-defined]
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._frame_style = None

    @property
    def frame_style(self) -> Style:
        style = self._frame_style
        # Outside a repaint (a test calling render_line itself): the live lookup.
        return style if style is not None else self.rich_style  # type: ignore[attr-defined]
