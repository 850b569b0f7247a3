"""The colors of classification markings (DESIGN section 5) as Rich styles.

The reader, the sidebar and ``cables show`` all color markings through here, so a level
looks the same everywhere. Only Rich is imported: one-shot commands must not pull in Textual.

Color is never the only signal: every chip carries the marking text itself and is bold, so
a NO_COLOR or monochrome terminal (where Rich drops the colors) still says ``(C)`` or
``SECRET//NOFORN``.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from store.model import Level, Marking
from store.sanitize import clean

# The US classification label convention: (background, text on it).
GREEN = ("#007A33", "#FFFFFF")
BLUE = ("#0033A0", "#FFFFFF")
RED = ("#C8102E", "#FFFFFF")
ORANGE = ("#FF671F", "#000000")
YELLOW = ("#F7EA48", "#000000")
# No marking known: a grey that no level uses, so "unknown" never passes for a level.
NEUTRAL = ("#5F5F5F", "#FFFFFF")

LEVEL_COLORS: dict[Level, tuple[str, str]] = {
    Level.UNCLASSIFIED: GREEN,
    Level.CONFIDENTIAL: BLUE,
    Level.SECRET: RED,
    Level.TOP_SECRET: ORANGE,
}


def marking_colors(marking: Marking | None) -> tuple[str, str]:
    """``(background, foreground)`` hex colors for a marking; grey for None.

    For callers that style with CSS rather than Rich (Textual widgets).
    """
    if marking is None:
        return NEUTRAL
    if marking.level is Level.TOP_SECRET and marking.is_sci:
        return YELLOW
    return LEVEL_COLORS.get(marking.level, NEUTRAL)


def marking_style(marking: Marking | None) -> Style:
    """The bold chip/banner style of a marking: its level's color with readable text on it."""
    background, foreground = marking_colors(marking)
    return Style(color=foreground, bgcolor=background, bold=True)


def chip_text(marking: Marking) -> str:
    """The mark as a chip shows it: ``(C)``, ``(SBU)``, ``(S//NF)`` (normalized, in parens)."""
    return f"({marking.short})"


def chip(marking: Marking | None, text: str | None = None) -> Text:
    """A marking's text on its color, bold.

    ``text`` defaults to ``chip_text(marking)`` (or ``?`` with no marking). Pass the short
    form for the sidebar (``C``, ``S//NF``) or the full form for a banner. The text is
    cleaned because callers may hand in a mark as written in the cable.
    """
    if text is None:
        text = chip_text(marking) if marking is not None else "?"
    return Text(clean(text), style=marking_style(marking), end="")
