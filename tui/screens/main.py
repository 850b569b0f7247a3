"""The main screen: the listing on the left, the reader on the right, the search line and the
footer below; it holds the browsing keys (their actions live on the app).

Below ``ONE_PANE_BELOW`` columns the two panes take the whole width in turn, as mutt's index
and pager do: the pane with the focus is the one shown (enter opens the reader, q goes back,
tab switches). Side by side at 80 columns the listing had room for seven characters of a
subject and the reader for 48 of text.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.hints import HintFooter
from tui.widgets.reader import CableView
from tui.widgets.search_bar import SearchBar
from tui.widgets.sidebar import Sidebar

ONE_PANE_BELOW = 100


class MainScreen(Screen):
    """Sidebar on the left, reader on the right, the search line and the footer below."""

    one_pane = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.switch_focus", "Sidebar/reader", show=False, id="app.switch_focus"),
        Binding("q", "app.back_level", "Back/quit", id="app.back_level"),
        Binding("slash", "app.search", "Search", id="app.search"),
        Binding("escape", "app.leave_search", "Full listing", show=False, id="app.leave_search"),
        Binding("r", "app.toggle_rank", "Rank", show=False, id="app.toggle_rank"),
        # Shown (as n/N) only while there are hits: the app's check_action says when.
        Binding("n", "app.hit(1)", "Next hit", key_display="n/N", id="app.next_hit"),
        Binding("N", "app.hit(-1)", "Previous hit", show=False, id="app.prev_hit"),
        Binding("f", "app.filters", "Filter", id="app.filters"),
        Binding("F", "app.clear_filters", "Clear filters", show=False, id="app.clear_filters"),
        Binding("m", "app.bookmark", "Bookmark", id="app.bookmark"),
        Binding("u", "app.undo", "Undo unbookmark", show=False, id="app.undo"),
        Binding("B", "app.bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("H", "app.history", "History", id="app.history"),
        Binding("backspace,alt+left", "app.back", "Back", show=False, id="app.back"),
        Binding("alt+right", "app.forward", "Forward", show=False, id="app.forward"),
        Binding("y", "app.copy_id", "Copy ID", id="app.copy_id"),
        Binding("c", "app.cite", "Copy citation", show=False, id="app.cite"),
        Binding("t", "app.thread", "Thread", show=False, id="app.thread"),
        Binding("T", "app.timeline", "Timeline", show=False, id="app.timeline"),
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
        yield HintFooter()

    def on_mount(self) -> None:
        self._fit_sidebar()
        # In the app's own context: a message records the pump that made it as its sender and
        # stops bubbling there, so the sidebar's messages made from here would never reach
        # the app.
        self.app.call_later(self.app.start)  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        left, right = self.query_one("#left"), self.query_one("#right")
        was_one_pane, self.one_pane = self.one_pane, self.size.width < ONE_PANE_BELOW
        self.set_class(self.one_pane, "-one-pane")
        if self.one_pane:
            left.styles.width = "1fr"
            self.show_pane(reader=self.query_one(CableView).has_focus)
        else:
            left.styles.width = self.app.sidebar_width(self.size.width)  # type: ignore[attr-defined]
            if was_one_pane:  # back from one pane: both again
                left.display = right.display = True

    def show_pane(self, *, reader: bool) -> None:
        """One pane at a time: the reader or the listing (nothing to do side by side)."""
        if not self.one_pane:
            return
        self.query_one("#left").display = not reader
        self.query_one("#right").display = reader

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, CableView):
            self.show_pane(reader=True)
        elif isinstance(event.widget, Sidebar):
            self.show_pane(reader=False)
