"""The browser: the sidebar listing, the reader and the keys that tie them together.

``CablesApp`` owns the corpus and the state (filters, the listing, the open cable, the trail
of opened cables); ``MainScreen`` lays out the widgets and holds the browsing keys; the
listing, opening cables, search, bookmarks, saving and the story keys are mixins
(``tui.controllers``: listing, opening, searching, bookmarking, saving, story). Every corpus
call runs in a thread worker and comes back as a message (``tui.messages``), so the event
loop never waits for SQLite. Every binding has an id (``app.quit``, ``sidebar.down``, ...):
the config file's ``[keys]`` table remaps them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

from store.corpus.corpus import Corpus
from store.corpus.filters import Filters
from store.model import Summary
from store.userdata.config import Config
from tui.controllers.bookmarking import BOOKMARK_POLL, BookmarkMixin
from tui.controllers.listing import ListingMixin
from tui.controllers.opening import PREVIEW_DELAY, OpeningMixin
from tui.controllers.saving import SavingMixin
from tui.controllers.searching import SearchMixin
from tui.controllers.story import StoryMixin
from tui.messages import (
    ListingLoaded,
    Notice,
    Shown,
)
from tui.output.safe_text import safe
from tui.screens.main import MainScreen
from tui.state.trail import Trail
from tui.typeahead import KeyQueue
from tui.widgets.hints import HintsMixin
from tui.widgets.reader import CableView
from tui.widgets.search_bar import SearchBar
from tui.widgets.sidebar import Listing, Sidebar

if TYPE_CHECKING:
    from store.userdata.bookmarks import Bookmarks
    from store.userdata.history import History

# Seconds after start-up before the bookmarks file is first read.
FIRST_BOOKMARK_READ = 0.3
# Side by side (100 columns and more), a share of the width and at most this many columns:
# at 120 the listing has 54 (a 19-character subject beside chip, date and ID) and the
# reader 66, a comfortable line for reading.
DEFAULT_SIDEBAR_WIDTH = 56
SIDEBAR_SHARE = 0.45
MIN_SIDEBAR_WIDTH = 24


class CablesApp(
    HintsMixin, ListingMixin, OpeningMixin, SearchMixin, BookmarkMixin, SavingMixin, StoryMixin,
    App[None],
):  # fmt: skip
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
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.config = config or Config()
        self.open_id = open_id
        self.initial_search = search
        self._bookmarks = bookmarks
        self._history = history
        self.filters = Filters()
        self.listing = Listing(rowids=(), total=0)
        self.full_listing: Listing | None = None
        self.trail = Trail()
        self.shown: Shown | None = None
        self._loading: int | str | None = None
        self._labels: dict[str, tuple] = {}  # what the header and status lines show
        self._cursor_follows = False
        self._restore_place = False
        # Where the reader was in each cable left this session (back returns there).
        self._places: dict[str, tuple[int, int | None]] = {}
        self._total: int | None = None
        self._listing_generation = 0
        self._preview_timer: Timer | None = None
        self.preview_delay = PREVIEW_DELAY
        self._init_search()
        self._init_bookmarks()
        self.key_queue = KeyQueue(self)
        self._init_story()
        # The first page is read before the event loop runs (a few milliseconds, never on
        # the loop), so the very first frame already shows rows.
        self._preloaded: ListingLoaded | None = None
        try:
            self._preloaded = self._first_page(self.filters)
        except Exception:  # the worker will try again and report the problem
            self._preloaded = None
        self._startup_problems = [*self.config.warnings, *self._apply_config_keys()]
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self._startup_problems.append(f"unknown theme {self.config.theme!r} in the config")

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
        known = set(binding_ids())
        problems = [
            f"config [keys]: no binding has the id {key!r}" for key in self.config.keys
            if key not in known
        ]  # fmt: skip
        keymap = {k: v for k, v in self.config.keys.items() if k in known}
        if keymap:
            self.set_keymap(keymap)
        return problems

    @staticmethod
    def key_sections() -> list[tuple[str, type]]:
        return key_sections()

    def get_default_screen(self) -> Screen:
        return MainScreen(id="main")

    def start(self) -> None:
        """The main screen is up: load the listing, open the cable or search asked for."""
        for problem in self._startup_problems:
            self.notify(safe(problem), severity="warning", markup=False)
        self.sidebar.focus()
        self.sidebar.on_move = self.update_count
        self.load_listing()
        self._size_id_column()
        if self.open_id:
            self.open_cable_id(self.open_id, record=True)
            self.reader.focus()  # `cables open ID` is for reading it (and shows the reader)
        if self.initial_search:
            self.search_bar.set_text(self.initial_search)
            self.run_search(self.initial_search, record=True)
        # After the first frames: the bookmark marks can wait a moment, the first rows cannot.
        self.set_timer(FIRST_BOOKMARK_READ, self.refresh_bookmarks)
        self.set_interval(BOOKMARK_POLL, self.refresh_bookmarks)

    def sidebar_width(self, screen_width: int) -> int:
        wanted = self.config.sidebar_width or DEFAULT_SIDEBAR_WIDTH
        return min(wanted, max(MIN_SIDEBAR_WIDTH, int(screen_width * SIDEBAR_SHARE)))

    # -- widgets ---------------------------------------------------------------------------

    @property
    def main_screen(self) -> Screen:
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

    def on_notice(self, message: Notice) -> None:
        self.notify(safe(message.text), severity=message.severity, markup=False)  # type: ignore[arg-type]

    # -- other actions ---------------------------------------------------------------------

    def action_switch_focus(self) -> None:
        left = self.main_screen.query_one("#left")
        if self.sidebar.has_focus or (not left.display and not self.main_screen.one_pane):
            cursor = self.sidebar.cursor_rowid
            stale = cursor is not None and (self.shown is None or self.shown.rowid != cursor)
            if self.main_screen.one_pane and stale:
                # The preview of the cursor's cable may not have come yet: ask for it now.
                self.open_rowid(cursor, record=True)
            self.reader.focus()
        else:
            left.display = True
            self.sidebar.focus()

    def action_back_level(self) -> None:
        """q: the reader goes back to the sidebar (showing it if hidden), a search to the full
        listing, else quit."""
        if self.reader.has_focus:
            self.main_screen.query_one("#left").display = True
            self.sidebar.focus()
        elif self.listing.is_search:
            self.action_leave_search()
        else:
            self.exit()

    def action_back(self) -> None:
        cable_id = self.trail.back()
        if cable_id is None:
            self.bell()
            return
        self.open_cable_id(cable_id, record=False, restore=True)

    def action_forward(self) -> None:
        cable_id = self.trail.forward()
        if cable_id is None:
            self.bell()
            return
        self.open_cable_id(cable_id, record=False, restore=True)

    def action_copy_id(self) -> None:
        if self.shown is None:
            self.bell()
            return
        self.copy_to_clipboard(self.shown.id)
        self.notify(f"copied {safe(self.shown.id)}", markup=False, timeout=2)

    def action_toggle_sidebar(self) -> None:
        if self.main_screen.one_pane:  # one pane at a time already: s switches
            self.action_switch_focus()
            return
        left = self.main_screen.query_one("#left")
        left.display = not left.display
        if left.display:
            self.sidebar.focus()
        else:
            self.reader.focus()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_filters(self) -> None:
        from tui.screens.filters import FilterScreen

        def chosen(filters: Filters | None) -> None:
            if filters is not None and filters != self.filters:
                self.set_filters(filters)

        self.push_screen(FilterScreen(self.corpus, self.filters), chosen)

    def action_clear_filters(self) -> None:
        if self.filters.is_empty():
            return
        self.set_filters(Filters())
        self.notify("filters cleared", timeout=2)

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.update_count()
        self.load_listing()
        if self.listing.is_search:
            self.run_search(self.listing.query, record=False)

    # -- palette ---------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        commands = [
            ("Search", "Full-text search (/)", self.action_search),
            ("Filter", "By classification, origin, tag, year (f)", self.action_filters),
            ("Clear filters", "Show every cable again (F)", self.action_clear_filters),
            ("Bookmark", "Toggle a bookmark on the open cable (m)", self.action_bookmark),
            ("Bookmarks", "List, open, edit, export bookmarks (B)", self.action_bookmarks),
            ("Search history", "Re-run a past search (H)", self.action_history),
            ("Toggle sidebar", "Hide or show the listing (s)", self.action_toggle_sidebar),
            ("Copy ID", "Copy the open cable's ID (y)", self.action_copy_id),
            ("Back", "The previously opened cable (backspace)", self.action_back),
            ("Forward", "The next opened cable (alt+right)", self.action_forward),
            ("Help", "Every key (?)", self.action_help),
        ]
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)

    def jump_to_summary(self, summary: Summary) -> None:
        """The palette's choice: open the cable (the sidebar cursor follows if listed)."""
        if self.shown is not None and self.trail.current != self.shown.id:
            self.trail.visit(self.shown.id)
        self.open_cable_id(summary.id, record=True)
        self.reader.focus()  # one pane at a time, the reader is then the one shown


def _cable_provider():
    from tui.screens.palette import CableProvider

    return CableProvider


def key_sections() -> list[tuple[str, type]]:
    """Each part of the app that has keys, titled, in the order the help lists them."""
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.filters import FilterScreen
    from tui.screens.help import HelpScreen
    from tui.screens.history import HistoryScreen
    from tui.screens.thread import ThreadScreen
    from tui.screens.timeline import TimelineScreen

    return [
        ("Everywhere", CablesApp),
        ("Main screen", MainScreen),
        ("Sidebar (the listing)", Sidebar),
        ("Reader (the open cable)", CableView),
        ("Help", HelpScreen),
        ("Filter screen", FilterScreen),
        ("Search line (/)", SearchBar),
        ("Bookmarks (B)", BookmarksScreen),
        ("Search history (H)", HistoryScreen),
        ("Thread (t)", ThreadScreen),
        ("Timeline (T)", TimelineScreen),
    ]


def binding_ids() -> list[str]:
    """Every binding id of the app, in help-screen order (the config's ``[keys]`` names)."""
    from tui.screens.help import collect_bindings

    return [binding.id for _, _, binding in collect_bindings(key_sections()) if binding.id]
