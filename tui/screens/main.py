"""The main screen: the listing on the left, the reader on the right, the search line and the
footer below. It holds the browsing keys: each action takes the cable it acts on from the
app's state as it runs (``app.target()``) and hands it to one of the app's controllers.

Below ``ONE_PANE_BELOW`` columns the two panes take the whole width in turn, as mutt's index
and pager do: the pane with the focus is the one shown (enter opens the reader, q goes back,
tab switches). Side by side at 80 columns the listing had room for seven characters of a
subject and the reader for 48 of text.
"""

from __future__ import annotations

import contextlib
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
    # (the open cable has links and the reader has the focus; there are hits): the footer
    # is refreshed only when this changes.
    _hint_state: tuple[bool, bool] | None = None

    # The ids keep their ``app.`` names: they are what the config's ``[keys]`` remaps.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "switch_focus", "Sidebar/reader", show=False, id="app.switch_focus"),
        Binding("q", "back_level", "Back/quit", id="app.back_level"),
        # In the reader / finds in the cable and & is this search (CableView).
        Binding("slash", "search", "Search", id="app.search"),
        Binding("escape", "leave_search", "Full listing", show=False, id="app.leave_search"),
        Binding("r", "toggle_rank", "Rank", show=False, id="app.toggle_rank"),
        # Shown (as n/N) only while there are hits: check_action says when.
        Binding("n", "hit(1)", "Next hit", key_display="n/N", id="app.next_hit"),
        Binding("N", "hit(-1)", "Previous hit", show=False, id="app.prev_hit"),
        Binding("f", "filters", "Filter", id="app.filters"),
        Binding("F", "clear_filters", "Clear filters", show=False, id="app.clear_filters"),
        Binding("m", "bookmark", "Bookmark", id="app.bookmark"),
        # U: u is less's half page up in the reader (in the listing u undoes too).
        Binding("U,u", "undo", "Undo unbookmark", show=False, id="app.undo"),
        Binding("B", "bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("H", "history", "History", id="app.history"),
        Binding("backspace,alt+left", "back", "Back", show=False, id="app.back"),
        Binding("alt+right", "forward", "Forward", show=False, id="app.forward"),
        Binding("y", "copy_id", "Copy ID", id="app.copy_id"),
        Binding("c", "cite", "Copy citation", show=False, id="app.cite"),
        Binding("t", "thread", "Thread", show=False, id="app.thread"),
        Binding("T", "timeline", "Timeline", show=False, id="app.timeline"),
        Binding("M", "world_map", "Map", show=False, id="app.map"),
        Binding("R", "related", "Related", show=False, id="app.related"),
        # Not ctrl+b: less's page back, in the reader.
        Binding("s", "toggle_sidebar", "Sidebar", show=False, id="app.toggle_sidebar"),
        # Not i: the reader's key for its header fields (issue 20).
        Binding("I", "glossary", "TAGS meanings", show=False, id="app.glossary"),
        Binding("p", "people", "People of the cable", show=False, id="app.people"),
        Binding("P", "listing_people", "People of the listing", show=False,
                id="app.listing_people"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield Static(id="count")
                yield Sidebar(self.app.corpus, id="sidebar")
            with Vertical(id="right"):
                yield Static(id="status")
                yield CableView(id="reader")
        yield SearchBar(id="search")
        yield HintFooter()

    def on_mount(self) -> None:
        self.fit_sidebar()
        # In the app's own context: a message records the pump that made it as its sender and
        # stops bubbling there, so the sidebar's messages made from here would never reach
        # the app.
        self.app.call_later(self.app.start)

    def on_resize(self) -> None:
        self.fit_sidebar()

    def fit_sidebar(self) -> None:
        """One pane or two; side by side, the listing as wide as its rows ask (the ID
        column's width is known once the corpus has been asked: then again)."""
        left, right = self.query_one("#left"), self.query_one("#right")
        was_one_pane, self.one_pane = self.one_pane, self.size.width < ONE_PANE_BELOW
        self.set_class(self.one_pane, "-one-pane")
        if self.one_pane:
            left.styles.width = "1fr"
            self.show_pane(reader=self.query_one(CableView).has_focus)
        else:
            left.styles.width = self.app.sidebar_width(self.size.width)
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
        # Textual refreshes the bindings on every focus change itself: only note the state.
        with contextlib.suppress(Exception):  # before the panes are up
            self._hint_state = self.hint_state()

    # -- footer hints ----------------------------------------------------------------------

    def hint_state(self) -> tuple[bool, bool]:
        """(the open cable has links and the reader, whose keys they are, has the focus;
        there are hits to go through with n/N). With the listing focused, a cursor move
        to a cable with links changes nothing in the footer, so nothing is refreshed."""
        reader = self.query_one(CableView)
        searching = self.app.state.listing.is_search
        return reader.has_focus and reader.ref_count > 0, searching or reader.hit_count > 0

    def update_hints(self) -> None:
        """Refresh the footer if the keys it should show changed (over SSH a refreshed
        footer is a line sent again: never on a plain cursor move)."""
        state = self.hint_state()
        if state != self._hint_state:
            self._hint_state = state
            self.app.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hit":
            try:
                return self.hint_state()[1]
            except Exception:  # before the panes are up: no hits yet
                return False
        return super().check_action(action, parameters)

    # -- keys: panes -----------------------------------------------------------------------

    def action_switch_focus(self) -> None:
        left = self.query_one("#left")
        sidebar, reader = self.query_one(Sidebar), self.query_one(CableView)
        if sidebar.has_focus or (not left.display and not self.one_pane):
            cursor = sidebar.cursor_rowid
            shown = self.app.state.shown
            stale = cursor is not None and (shown is None or shown.rowid != cursor)
            if stale and cursor != self.app.state.loading:
                # The preview of the cursor's cable may not have come yet: ask for it now
                # (the reader's keys then act on it, a key typed ahead waiting for it).
                self.app.opener.open_rowid(cursor, record=self.one_pane)
            reader.focus()
        else:
            left.display = True
            sidebar.focus()

    def action_back_level(self) -> None:
        """q: the reader goes back to the sidebar (showing it if hidden), a search to the full
        listing, else quit."""
        if self.query_one(CableView).has_focus:
            self.query_one("#left").display = True
            self.query_one(Sidebar).focus()
        elif self.app.state.listing.is_search:
            self.app.searcher.leave_line()
        else:
            self.app.exit()

    def action_toggle_sidebar(self) -> None:
        if self.one_pane:  # one pane at a time already: s switches
            self.action_switch_focus()
            return
        left = self.query_one("#left")
        left.display = not left.display
        if left.display:
            self.query_one(Sidebar).focus()
        else:
            self.query_one(CableView).focus()

    # -- keys: the work is the controllers' (attributes down: the app holds them) ----------

    def action_search(self) -> None:
        self.app.searcher.open_line()

    def action_find(self, direction: int) -> None:
        """The reader's / (forward) and ctrl+r (backward): ask for a pattern, then find it
        in the open cable from the top of the screen; escape leaves the reader as it was."""
        from tui.screens.note import LineDialog

        reader = self.query_one(CableView)
        if reader.rendered is None:
            self.app.bell()
            return

        def chosen(pattern: str | None) -> None:
            if pattern:
                reader.find(pattern, forward=direction > 0)

        title = "Find in the cable" if direction > 0 else "Find backward in the cable"
        self.app.push_screen(LineDialog(
            title, reader.last_find,
            hint="plain text; lower case matches any case; then n/N. & searches all cables",
        ), chosen)  # fmt: skip

    def action_leave_search(self) -> None:
        self.app.searcher.leave_line()

    def action_toggle_rank(self) -> None:
        self.app.searcher.toggle_rank()

    def action_hit(self, step: int) -> None:
        self.app.searcher.hit(step)

    def action_history(self) -> None:
        self.app.searcher.choose_from_history()

    def action_filters(self) -> None:
        self.app.listings.choose_filters()

    def action_clear_filters(self) -> None:
        self.app.listings.clear_filters()

    def action_back(self) -> None:
        self.app.opener.back()

    def action_forward(self) -> None:
        self.app.opener.forward()

    def action_bookmarks(self) -> None:
        self.app.marks.list()

    def action_undo(self) -> None:
        self.app.marks.undo()

    def action_timeline(self) -> None:
        self.app.story.timeline()

    def action_world_map(self) -> None:
        self.app.story.world_map()

    # The keys that act on one cable read it from the state now, not from an earlier key.

    def action_bookmark(self) -> None:
        self.app.marks.toggle(self.app.target())

    def action_copy_id(self) -> None:
        self.app.saver.copy_id(self.app.target())

    def action_cite(self) -> None:
        self.app.story.cite(self.app.target())

    def action_thread(self) -> None:
        self.app.story.thread(self.app.target())

    def action_related(self) -> None:
        self.app.story.related(self.app.target())

    def action_pipe(self) -> None:
        self.app.saver.pipe(self.app.target())

    def action_write(self) -> None:
        self.app.saver.write(self.app.target())

    def action_glossary(self) -> None:
        self.app.know.glossary(self.app.target())

    def action_people(self) -> None:
        self.app.know.people_of_cable(self.app.target())

    def action_listing_people(self) -> None:
        self.app.know.people_of_listing()

    def action_copy_text(self) -> None:
        self.app.saver.copy_text(self.app.target())
