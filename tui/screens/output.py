"""What a ``|`` command printed, where the app cannot hand it the terminal (a page of
``cables serve``, a test): shown until a key is pressed, as mutt does, or paged when longer
than the screen (space/b/j/k/g/G, q or escape closes); a non-zero exit status is said."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.output.safe_text import safe
from tui.screens.base import Dialog
from tui.widgets.sidebar_rows import flat

PRESS = "Press any key to continue"
PAGING = "space/b page, j/k line, g/G ends, q closes"
# In a long output these keys move; any other closes only when it all fits.
MOVES = {
    "space": "page_down", "f": "page_down", "pagedown": "page_down", "ctrl+f": "page_down",
    "b": "page_up", "pageup": "page_up", "ctrl+b": "page_up",
    "j": "down", "down": "down", "enter": "down", "k": "up", "up": "up",
    "g": "home", "home": "home", "G": "end", "end": "end",
}  # fmt: skip
CLOSE = {"q", "escape"}


class OutputScreen(Dialog[None]):
    DEFAULT_CSS = """
    OutputScreen {
        align: center middle;
    }
    OutputScreen > VerticalScroll {
        width: 100%;
        height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, command: str, printed: str, status: int) -> None:
        super().__init__()
        self.command = command
        self.printed = printed
        self.status = status

    def compose(self) -> ComposeResult:
        text = self.printed.rstrip("\n") or "(the command printed nothing)"
        scroll = VerticalScroll(Static(Content(safe(text))))
        title = f"| {self.command}"
        if self.status:
            title += f"  [exit status {self.status}]"
        scroll.border_title = Content(flat(title))
        scroll.can_focus = True
        yield scroll

    def on_mount(self) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.focus()
        self.call_after_refresh(self._hint)

    @property
    def longer(self) -> bool:
        scroll = self.query_one(VerticalScroll)
        return scroll.max_scroll_y > 0

    def _hint(self) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.border_subtitle = PAGING if self.longer else PRESS

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        move = MOVES.get(event.key)
        if not self.longer or event.key in CLOSE or move is None:
            self.dismiss(None)
            return
        scroll = self.query_one(VerticalScroll)
        page = max(1, scroll.scrollable_content_region.height - 1)
        targets = {
            "page_down": scroll.scroll_y + page, "page_up": scroll.scroll_y - page,
            "down": scroll.scroll_y + 1, "up": scroll.scroll_y - 1,
            "home": 0, "end": scroll.max_scroll_y,
        }  # fmt: skip
        scroll.scroll_to(y=targets[move], animate=False)
