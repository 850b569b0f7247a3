"""The browser: the app owns the corpus, the state and the controllers, and routes messages.

``CablesApp`` holds one ``BrowserState`` (``tui.state``: the listing, the cursor, the open
cable, the trail, the filters, the search) and the controllers that do the work behind the
keys (``tui.controllers``: listings, opening, search, bookmarks, saving, the story), each
given the app (composition, not inheritance). ``MainScreen`` lays out the widgets and holds
the browsing keys; widgets say what happened with messages, which the app hands to the
controller concerned. Every corpus call runs in a thread worker and comes back as a message
(``tui.messages``), so the event loop never waits for SQLite. Every binding has an id
(``app.quit``, ``sidebar.down``, ...): the config file's ``[keys]`` table remaps them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen

from store.corpus.corpus import Corpus
from store.model import Summary
from store.userdata.config import Config
from tui.controllers.bookmarking import BOOKMARK_POLL, Marks
from tui.controllers.know import Know
from tui.controllers.listing import Listings
from tui.controllers.opening import PREVIEW_DELAY, Opener
from tui.controllers.saving import Saver
from tui.controllers.searching import SEARCH_DELAY, Searcher
from tui.controllers.story import Story
from tui.keys import binding_ids, key_sections
from tui.messages import (
    BookmarksChanged,
    CableLaidOut,
    CableLoaded,
    CableMissing,
    HistoryLoaded,
    ListingLoaded,
    Notice,
    SearchDone,
)
from tui.output.safe_text import safe
from tui.screens.main import MainScreen
from tui.state.browser import BrowserState, Target
from tui.typeahead import Awaited, KeyQueue
from tui.widgets.reader import CableView
from tui.widgets.search_bar import SearchBar
from tui.widgets.sidebar import Sidebar
from tui.widgets.sidebar_rows import listing_width

if TYPE_CHECKING:
    from store.corpus.filters import Filters
    from store.userdata.bookmarks import Bookmarks
    from store.userdata.history import History
    from tui.state.browser import Shown
    from tui.state.listing import Listing

# Seconds after start-up before the bookmarks file is first read.
FIRST_BOOKMARK_READ = 0.3
# Side by side (100 columns and more) the listing is as wide as its rows need to give the
# subject room after chip, date and ID (``sidebar_rows.listing_width``: wider for a corpus
# with long IDs), up to half the screen: at 120 the reader keeps 60 columns, a comfortable
# line; at 160 and wider the subject has its 30.
SIDEBAR_SHARE = 0.5
MIN_SIDEBAR_WIDTH = 24
# The sidebar's border and scrollbar, around the rows' text.
SIDEBAR_FRAME = 2


class CablesApp(App[None]):
    """The cables browser on one corpus."""

    TITLE = "cables"
    CSS_PATH = "app.tcss"
    # The palette module (and Textual's, ~60 ms of imports) loads when the palette opens.
    COMMANDS = App.COMMANDS | {lambda: _cable_provider()}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("Q", "quit", "Quit", show=False, id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, id="app.palette"),
    ]

    def __init__(
        self,
        corpus: Corpus,
        *,
        config: Config | None = None,
        open_id: str | None = None,
        search: str | None = None,
        bookmarks: Bookmarks | None = None,
        history: History | None = None,
        shell_allowed: bool = True,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        # False in a page of `cables serve` (without --allow-shell): the person at the page
        # may not be the one at this machine, so nothing reaches its shell or files.
        self.shell_allowed = shell_allowed
        self.config = config or Config()
        self.open_id = open_id
        self.initial_search = search
        self._bookmarks = bookmarks
        self._history = history
        self.preview_delay = PREVIEW_DELAY
        self.search_delay = SEARCH_DELAY
        self.state = BrowserState()
        # The controllers: each does one part of the work behind the keys, on this state.
        self.listings = Listings(self)
        self.opener = Opener(self)
        self.searcher = Searcher(self)
        self.marks = Marks(self)
        self.saver = Saver(self)
        self.story = Story(self)
        self.know = Know(self)
        self.key_queue = KeyQueue(self)
        # A search or a listing on its way: keys typed ahead wait for it (``busy``).
        self.awaited = Awaited()
        self._startup_problems = [*self.config.warnings, *self._apply_config_keys()]
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self._startup_problems.append(f"unknown theme {self.config.theme!r} in the config")

    # -- the state, read-only views of what tests and the palette ask most ------------------

    @property
    def shown(self) -> Shown | None:
        return self.state.shown

    @property
    def listing(self) -> Listing:
        return self.state.listing

    @property
    def filters(self) -> Filters:
        return self.state.filters

    def target(self) -> Target | None:
        """The cable a key acts on, as the state says now (see ``BrowserState.target``)."""
        try:
            listing_has_keys = self.sidebar.has_focus
        except Exception:  # no main screen (yet, or any more)
            listing_has_keys = False
        return self.state.target(listing_has_keys=listing_has_keys)

    @property
    def busy(self) -> bool:
        """What a key acts on is still on its way, so a key typed ahead waits
        (``tui.typeahead``): a search or a listing asked for, a cable being opened, the rest
        of a listing whose cursor is past the rows known. (A long cable's first part takes
        keys at once: G, n/N and / go on in the whole when it comes.)"""
        state = self.state
        if self.awaited or state.loading is not None:
            return True
        try:
            sidebar = self.sidebar
        except Exception:  # no main screen (yet, or any more)
            return False
        listing = state.listing
        if not listing.complete and (listing.count is None or state.cursor is None):
            return sidebar.count > 0
        return False

    # -- set-up ----------------------------------------------------------------------------

    @property
    def bookmarks(self) -> Bookmarks:
        """The user's bookmarks (TinyDB is imported on first use, not at start-up)."""
        if self._bookmarks is None:
            from store.userdata.bookmarks import Bookmarks

            self._bookmarks = Bookmarks()
        return self._bookmarks

    @property
    def history(self) -> History:
        if self._history is None:
            from store.userdata.history import History

            self._history = History()
        return self._history

    def _apply_config_keys(self) -> list[str]:
        if not self.config.keys:
            return []  # (listing every binding imports every screen: only when needed)
        known = set(binding_ids(CablesApp))
        problems = [
            f"config [keys]: no binding has the id {key!r}" for key in self.config.keys
            if key not in known
        ]  # fmt: skip
        keymap = {k: v for k, v in self.config.keys.items() if k in known}
        if keymap:
            self.set_keymap(keymap)
        return problems

    @classmethod
    def key_sections(cls) -> list[tuple[str, type]]:
        """What the help screen lists (``tui.keys``)."""
        return key_sections(cls)

    def get_default_screen(self) -> Screen:
        return MainScreen(id="main")

    def start(self) -> None:
        """The main screen is up: load the listing, open the cable or search asked for."""
        for problem in self._startup_problems:
            self.notify(safe(problem), severity="warning", markup=False)
        sidebar = self.sidebar
        sidebar.focus()
        # Called as the cursor moves, before its message goes out: the state knows the
        # cursor's cable at once (a key right after reads it), and the header's position is
        # repainted in the same frame as the two rows.
        sidebar.on_move = self._cursor_moved
        self.listings.load()
        self.listings.size_id_column()
        if self.open_id:
            self.opener.open_cable_id(self.open_id, record=True)
            self.reader.focus()  # `cables open ID` is for reading it (and shows the reader)
        if self.initial_search:
            self.search_bar.set_text(self.initial_search)
            self.searcher.run(self.initial_search, record=True)
        # After the first frames: the bookmark marks can wait a moment, the first rows cannot.
        self.set_timer(FIRST_BOOKMARK_READ, self.marks.refresh)
        self.set_interval(BOOKMARK_POLL, self.marks.refresh)

    def _cursor_moved(self) -> None:
        sidebar = self.sidebar
        summary = sidebar.summary_at(sidebar.cursor)
        cable_id = summary.id if summary is not None else None
        self.state.point(sidebar.cursor, sidebar.cursor_rowid, cable_id)
        self.listings.update_count()

    def sidebar_width(self, screen_width: int) -> int:
        wanted = self.config.sidebar_width or listing_width(self.sidebar.id_width) + SIDEBAR_FRAME
        return min(wanted, max(MIN_SIDEBAR_WIDTH, int(screen_width * SIDEBAR_SHARE)))

    # -- widgets ---------------------------------------------------------------------------

    @property
    def main_screen(self) -> MainScreen:
        if not self.screen_stack:
            # A worker's answer may come while the app closes: as if the widget were gone.
            raise NoMatches("the app is closing: its screens are gone")
        return self.screen_stack[0]

    @property
    def sidebar(self) -> Sidebar:
        return self.main_screen.query_one(Sidebar)

    @property
    def reader(self) -> CableView:
        return self.main_screen.query_one(CableView)

    @property
    def search_bar(self) -> SearchBar:
        return self.main_screen.query_one(SearchBar)

    def shell_refused(self, what: str) -> bool:
        """True (and says so in one line) when ``what`` may not run here: a page of
        ``cables serve`` started without --allow-shell."""
        if self.shell_allowed:
            return False
        self.notify(
            f"{what} is off in cables serve: it would act on the server's shell and files "
            "(the owner can start it with --allow-shell)",
            severity="warning", markup=False,
        )  # fmt: skip
        return True

    def background(self, work: Callable[[], None], group: str, *, exclusive: bool = False):
        """Run ``work`` in a thread worker; an exception becomes a notice, not a crash."""

        def guarded() -> None:
            try:
                work()
            except Exception as error:
                self.post_message(Notice(f"{group}: {error}", "error"))

        return self.run_worker(
            guarded, thread=True, group=group, exclusive=exclusive, exit_on_error=False
        )

    def exit(self, *args, **kwargs) -> None:  # type: ignore[override]
        # Textual waits for running workers before it lets the process end; a thread worker
        # deep in a cold 250k-row query would hold the quit for seconds. Stop the queries.
        self.interrupt_queries()
        super().exit(*args, **kwargs)

    def interrupt_queries(self) -> None:
        """Abort every running SQLite statement of this app's corpus (workers then end)."""
        with contextlib.suppress(Exception):  # a connection already closed
            self.corpus.interrupt()

    async def on_event(self, event: events.Event) -> None:
        # Keys from the terminal go out one at a time, so a burst reaches what it opens.
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.key_queue.take(event)
            return
        await super().on_event(event)

    # -- messages up: each goes to the controller concerned -------------------------------

    def on_notice(self, message: Notice) -> None:
        self.notify(safe(message.text), severity=message.severity, markup=False)  # type: ignore[arg-type]

    def on_listing_loaded(self, message: ListingLoaded) -> None:
        self.listings.loaded(message)

    def on_search_done(self, message: SearchDone) -> None:
        self.searcher.done(message)

    def on_sidebar_cursor_moved(self, message: Sidebar.CursorMoved) -> None:
        self.opener.cursor_moved(message)

    def on_sidebar_chosen(self, message: Sidebar.Chosen) -> None:
        self.opener.chosen(message)

    def on_cable_loaded(self, message: CableLoaded) -> None:
        self.opener.loaded(message)

    def on_cable_laid_out(self, message: CableLaidOut) -> None:
        self.opener.laid_out(message)

    def on_cable_missing(self, message: CableMissing) -> None:
        self.opener.missing(message)

    def on_cable_view_follow_ref(self, message: CableView.FollowRef) -> None:
        self.opener.follow_ref(message)

    def on_cable_view_state_changed(self, message: CableView.StateChanged) -> None:
        self.opener.update_status()

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        self.marks.changed(message)

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self.search_bar.set_history(message.queries)

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        self.searcher.changed(message)

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        self.searcher.submitted(message)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        self.searcher.closed(message)

    # -- the app's own keys and the palette ------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main_screen
        commands = [
            ("Search", "Full-text search (/)", main.action_search),
            ("Filter", "By classification, origin, tag, year (f)", main.action_filters),
            ("Clear filters", "Show every cable again (F)", main.action_clear_filters),
            ("Bookmark", "Toggle a bookmark on the open cable (m)", main.action_bookmark),
            ("Bookmarks", "List, open, edit, export bookmarks (B)", main.action_bookmarks),
            ("Search history", "Re-run a past search (H)", main.action_history),
            ("Toggle sidebar", "Hide or show the listing (s)", main.action_toggle_sidebar),
            ("Copy ID", "Copy the open cable's ID (y)", main.action_copy_id),
            ("Back", "The previously opened cable (backspace)", main.action_back),
            ("Forward", "The next opened cable (alt+right)", main.action_forward),
            ("Help", "Every key (?)", self.action_help),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)

    def jump_to_summary(self, summary: Summary) -> None:
        """The palette's choice: open the cable (the sidebar cursor follows if listed)."""
        self.state.keep_in_trail()
        self.opener.open_cable_id(summary.id, record=True)
        self.reader.focus()  # one pane at a time, the reader is then the one shown


def _cable_provider():
    from tui.screens.palette import CableProvider

    return CableProvider
