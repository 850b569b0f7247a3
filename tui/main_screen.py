"""The main screen: the listing on the left, the reader on the right, the search line and the
footer below; it holds the browsing keys (their actions live on the app)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.reader import CableView
from tui.search_bar import SearchBar
from tui.sidebar import Sidebar


class MainScreen(Screen):
    """Sidebar on the left, reader on the right, the search line and the footer below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.switch_focus", "Sidebar/reader", show=False, id="app.switch_focus"),
        Binding("q", "app.back_level", "Back/quit", id="app.back_level"),
        Binding("slash", "app.search", "Search", id="app.search"),
        Binding("escape", "app.leave_search", "Full listing", show=False, id="app.leave_search"),
        Binding("r", "app.toggle_rank", "Rank", show=False, id="app.toggle_rank"),
        Binding("n", "app.hit(1)", "Next hit", show=False, id="app.next_hit"),
        Binding("N", "app.hit(-1)", "Previous hit", show=False, id="app.prev_hit"),
        Binding("f", "app.filters", "Filter", id="app.filters"),
        Binding("F", "app.clear_filters", "Clear filters", show=False, id="app.clear_filters"),
        Binding("m", "app.bookmark", "Bookmark", show=False, id="app.bookmark"),
        Binding("B", "app.bookmarks", "Bookmarks", show=False, id="app.bookmarks"),
        Binding("H", "app.history", "History", show=False, id="app.history"),
        Binding("backspace,alt+left", "app.back", "Back", show=False, id="app.back"),
        Binding("alt+right", "app.forward", "Forward", show=False, id="app.forward"),
        Binding("y", "app.copy_id", "Copy ID", show=False, id="app.copy_id"),
        Binding("s,ctrl+b", "app.toggle_sidebar", "Sidebar", show=False, id="app.toggle_sidebar"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Static(id="count")
                yield Sidebar(self.app.corpus, id="sidebar")  # type: ignore[attr-defined]
            with Vertical(id="right"):
                yield Static(id="status")
                yield CableView(id="reader")
        yield SearchBar(id="search")
        yield Footer()

    def on_mount(self) -> None:
        self._fit_sidebar()
        # In the app's own context: a message records the pump that made it as its sender and
        # stops bubbling there, so the sidebar's messages made from here would never reach
        # the app.
        self.app.call_later(self.app.start)  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        width = self.app.sidebar_width(self.size.width)  # type: ignore[attr-defined]
        self.query_one("#left").styles.width = width
