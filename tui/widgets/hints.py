"""Footer hints that fit the context: link keys only when the cable has links, n/N only
when there are hits, q and ? first so that a narrow terminal still shows them.

Which keys apply now is the main screen's to say (``MainScreen.update_hints``); this is the
footer that shows them.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Shown first, in this order, whatever has the focus: the way out and the way to learn more.
FIRST_KEYS = ("q", "question_mark")
# Below this many columns the footer drops the padding around each key.
COMPACT_BELOW = 140
# Below this many columns the palette's key (ctrl+p, docked right) is not shown.
PALETTE_BELOW = 100


class HintFooter(Footer):
    """Textual's footer with the keys of ``FIRST_KEYS`` moved to the front, and only the keys
    that fit whole (Textual would cut the last one in the middle of its word)."""

    DEFAULT_CSS = """
    /* Compact, the docked palette key lost its right padding, and the cell beside it
       showed a letter of the key under it. */
    HintFooter.-compact FooterKey.-command-palette {
        padding-right: 1;
    }
    """

    def compose(self) -> ComposeResult:
        width = self.app.size.width
        compact = width < COMPACT_BELOW
        self.compact = compact
        # ctrl+p is in Help; below PALETTE_BELOW its 13 cells go to the browsing keys.
        self.set_reactive(Footer.show_command_palette, width >= PALETTE_BELOW)
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey) and not _docked(w)]
        # The docked key has a border on its left and padding on its right.
        room = width - sum(_width(w, compact) + 2 for w in widgets if _docked(w))
        keys.sort(key=_rank)
        for key in keys:
            room -= _width(key, compact)
            if room < 0:
                break
            yield key
        yield from (w for w in widgets if w not in keys)

    def on_resize(self) -> None:
        # What fits depends on the width: a resize is rare, the rebuild is cheap then.
        self.refresh(recompose=True)


def _rank(widget: FooterKey) -> int:
    return FIRST_KEYS.index(widget.key) if widget.key in FIRST_KEYS else len(FIRST_KEYS)


def _docked(widget: Widget) -> bool:
    return widget.has_class("-command-palette")


def _width(widget: Widget, compact: bool) -> int:
    """A key's cells in the footer: the key, the words, the padding around them (compact:
    one blank between them and a margin of one after)."""
    if not isinstance(widget, FooterKey):
        return 0
    padding = 2 if compact else 3
    return cell_len(widget.key_display) + cell_len(widget.description) + padding
