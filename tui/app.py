"""The browser: the sidebar listing, the reader and the keys that tie them together.

``CablesApp`` owns the corpus and the state (filters, the listing, the open cable, the trail
of opened cables); ``MainScreen`` lays out the widgets and holds the browsing keys; search and
bookmarks are mixins (``tui.searching``, ``tui.bookmarking``). Every corpus call runs in a
thread worker and comes back as a message (``tui.messages``), so the event loop never waits
for SQLite. Every binding has an id (``app.quit``, ``sidebar.down``, ...): the config file's
``[keys]`` table remaps them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from store.config import Config
from store.corpus import Corpus
from store.filters import Filters
from store.model import Summary
from tui.bookmarking import BOOKMARK_POLL, BookmarkMixin
from tui.hints import HintsMixin
from tui.main_screen import MainScreen
from tui.messages import (
    CableLaidOut,
    CableLoaded,
    CableMissing,
    ListingLoaded,
    Notice,
    Shown,
)
from tui.reader import CableView
from tui.safe_text import safe
from tui.saving import SavingMixin
from tui.search_bar import SearchBar
from tui.searching import SearchMixin
from tui.sidebar import PAGE_SIZE, Listing, Sidebar
from tui.status import listing_label, reader_label
from tui.story import StoryMixin
from tui.trail import Trail
from tui.typeahead import KeyQueue

if TYPE_CHECKING:
    from store.bookmarks import Bookmarks
    from store.history import History

# The reader follows the cursor once it rests this long, so holding j does not re-render
# (and re-send over SSH) a cable per row.
PREVIEW_DELAY = 0.08
# Seconds after start-up before the bookmarks file is first read.
FIRST_BOOKMARK_READ = 0.3
# Side by side (100 columns and more), a share of the width and at most this many columns:
# at 120 the listing has 54 (a 19-character subject beside chip, date and ID) and the
# reader 66, a comfortable line for reading.
DEFAULT_SIDEBAR_WIDTH = 56
SIDEBAR_SHARE = 0.45
MIN_SIDEBAR_WIDTH = 24


class CablesApp(HintsMixin, SearchMixin, BookmarkMixin, SavingMixin, StoryMixin, App[None]):
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
            from store.bookmarks import Bookmarks

            self._bookmarks = Bookmarks()
        return self._bookmarks

    @property
    def history(self) -> History:
        if self._history is None:
            from store.history import History

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

    # -- the listing -----------------------------------------------------------------------

    def _first_page(self, filters: Filters) -> ListingLoaded | None:
        """The first page of a listing and its count (milliseconds, any corpus size), as a
        listing to show at once; None when the first page is the whole listing."""
        corpus = self.corpus
        first = corpus.page(filters, limit=PAGE_SIZE)
        count = corpus.count(filters) if len(first) == PAGE_SIZE else len(first)
        if self._total is None:
            self._total = count if filters.is_empty() else corpus.count()
        rowids = [s.rowid for s in first]
        complete = len(first) < PAGE_SIZE
        listing = Listing(rowids, self._total, count=count, complete=complete)
        return ListingLoaded(listing, self._listing_generation, first_page=first)

    def _size_id_column(self) -> None:
        """The ID column fits the corpus's longest ID (an index scan: in a worker)."""
        from tui.sidebar_rows import id_column

        def work() -> None:
            width = id_column(self.corpus.longest_id())
            self.call_from_thread(lambda: self.main_screen.query_one(Sidebar).set_id_width(width))

        self.background(work, "id-width")

    def load_listing(self, *, keep_rowid: int | None = None) -> None:
        """Fetch the listing for the current filters in a worker: its first page, then all
        its rowids (a scan that takes a while at 250,000 cables)."""
        self._listing_generation += 1
        generation = self._listing_generation
        filters = self.filters
        if keep_rowid is None:
            keep_rowid = self.sidebar.cursor_rowid
        preloaded, self._preloaded = self._preloaded, None

        def rest(total: int) -> None:
            listing = Listing(rowids=self.corpus.ids(filters), total=total)
            self.post_message(ListingLoaded(listing, generation, keep_rowid=keep_rowid))

        def work() -> None:
            first = self._first_page(filters)
            first.generation, first.keep_rowid = generation, keep_rowid
            self.post_message(first)
            if not first.listing.complete:
                rest(first.listing.total)

        if preloaded is None:
            self.background(work, "listing", exclusive=True)
            return
        # Read before the event loop started: shown in the first frame. The scan for the
        # rest starts once that frame is out: a thread started now would hold the
        # interpreter lock against the thread painting it.
        preloaded.generation, preloaded.keep_rowid = generation, keep_rowid
        self.on_listing_loaded(preloaded)
        if not preloaded.listing.complete:
            total = preloaded.listing.total
            self.call_after_refresh(self.background, lambda: rest(total), "listing", exclusive=True)

    def on_listing_loaded(self, message: ListingLoaded) -> None:
        if message.generation != self._listing_generation:
            return
        self.full_listing = message.listing
        if self.listing.is_search:
            return  # the search results stay; escape shows this listing
        if self.shown is not None:
            message.keep_rowid = self.shown.rowid
        self._show_listing(message)

    def _show_listing(self, message: ListingLoaded) -> None:
        listing = message.listing
        sidebar = self.sidebar
        shown = self.listing
        same = listing.query == shown.query and listing.ranked == shown.ranked
        if listing.complete and not shown.complete and same and sidebar.listing is shown:
            # The rest of the listing whose first page is on screen.
            self.listing = listing
            sidebar.complete_listing(listing, keep_rowid=message.keep_rowid)
            self.update_count()
            return
        self.listing = listing
        if listing.is_search:
            sidebar.empty_text = no_hits_text(listing.query)
        elif not self.filters.is_empty():
            sidebar.empty_text = "no cables match the filters (F clears them)"
        else:
            sidebar.empty_text = "the corpus is empty: import cables with `cables import FILE`"
        sidebar.set_listing(
            listing,
            keep_rowid=message.keep_rowid,
            first_page=message.first_page,
            snippets=message.snippets,
        )
        self.update_count()

    def set_label(self, selector: str, label: Content) -> None:
        """Show ``label`` in the header or status line; the same text again repaints
        nothing (a cable shown updates the status line twice, once as it loads and once
        as the reader says where it is)."""
        # (Content's == looks at the text only, not at its styles.)
        key = (label.plain, tuple(label.spans))
        if self._labels.get(selector) == key:
            return
        self._labels[selector] = key
        self.main_screen.query_one(selector, Static).update(label, layout=False)

    def update_count(self) -> None:
        sidebar = self.sidebar
        label = listing_label(self.listing, sidebar.count, self.filters, cursor=sidebar.cursor)
        label = self.sparkline_label(label)
        self.set_label("#count", label)
        self.update_hints()

    # -- opening cables --------------------------------------------------------------------

    def on_sidebar_cursor_moved(self, message: Sidebar.CursorMoved) -> None:
        self.update_count()  # (done already for a move the sidebar made: then a no-op)
        rowid = message.rowid
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        if rowid is None or rowid == self._loading or rowid != self.sidebar.cursor_rowid:
            return  # nothing there, already coming, or stale (the cursor moved on since)
        shown = self.shown
        if shown is not None and rowid == shown.rowid and shown.terms == self.listing.terms:
            return
        idle = shown is None and self._loading is None
        if not message.by_user:
            # A new listing moved the cursor off the open cable (filters, a search): show
            # the cursor's cable, but not while a cable the user asked for is loading, nor
            # while the listing is only its first page (the open cable may be further down).
            ready = self.listing.complete or self.listing.is_search
            if idle:
                # The first cable: after the frame with the first rows (as the scan above).
                self.call_after_refresh(self.open_rowid, rowid, record=False)
            elif self._loading is None and ready:
                self.open_rowid(rowid, record=False)
            return
        if idle:
            self.open_rowid(rowid, record=False)
            return
        self._preview_timer = self.set_timer(
            self.preview_delay, lambda: self.open_rowid(rowid, record=False)
        )

    def on_sidebar_chosen(self, message: Sidebar.Chosen) -> None:
        if self.shown is not None and self.shown.rowid == message.rowid:
            self.trail.visit(self.shown.id)
        else:
            self.open_rowid(message.rowid, record=True)
        self.reader.focus()

    def open_rowid(self, rowid: int, *, record: bool) -> None:
        self._preview_timer = None
        self._load_cable(rowid, record=record)

    def open_cable_id(self, cable_id: str, *, record: bool, restore: bool = False) -> None:
        """Open a cable by ID (a REF, the palette, back/forward, bookmarks, ``cables open``);
        ``restore``: at the place the reader left it (back/forward)."""
        self._load_cable(cable_id, record=record, restore=restore)

    def _load_cable(self, key: int | str, *, record: bool, restore: bool = False) -> None:
        self._loading = key
        # A cable opened by ID (a REF, back, the palette) brings the cursor to it; one opened
        # from the cursor does not pull the cursor back if keys moved it on meanwhile.
        self._cursor_follows = isinstance(key, str)
        self._restore_place = restore
        # Before the first layout the reader has no width yet; it wraps the cable itself then.
        width = self.reader.text_width if self.reader.size.width else None
        terms = self.listing.terms
        corpus = self.corpus

        def work() -> None:
            from textual.worker import get_current_worker

            # Imported here: off the start-up path.
            from tui.first_screen import HEAD_CHARS, PAINT_WAIT, painted_signal
            from tui.render import render_cable

            if isinstance(key, int):
                rowid: int | None = key
            else:
                summary = corpus.summary(key)
                rowid = summary.rowid if summary else None
            head = corpus.get_head(rowid, HEAD_CHARS) if rowid is not None else None
            cable = head or (corpus.get_rowid(rowid) if rowid is not None else None)
            if cable is None or rowid is None:
                self.post_message(CableMissing(str(key)))
                return
            present = corpus.existing(cable.references)
            cited = [s.id for s in corpus.cited_by(cable.id)]
            shown = Shown(rowid, cable.id, terms)

            def rendered_of(cable, first_part: bool = False):
                in_corpus = present.__contains__
                return render_cable(cable, highlight_terms=terms, refs_in_corpus=in_corpus,
                                    cited_by=cited, first_part=first_part)  # fmt: skip

            rendered = rendered_of(cable, first_part=head is not None)
            wrapped = rendered.layout(width) if width else None
            if head is None:
                self.post_message(CableLoaded(shown, rendered, wrapped, record))
                return
            # A long cable: its first part now, the whole of it once that is painted.
            painted = painted_signal()
            self.post_message(CableLoaded(shown, rendered, wrapped, record, partial=True,
                                          painted=painted))  # fmt: skip
            painted.wait(PAINT_WAIT)
            if get_current_worker().is_cancelled:
                return  # another cable was asked for meanwhile
            whole = corpus.get_rowid(rowid)
            if whole is not None:
                rendered = rendered_of(whole)
                wrapped = rendered.layout(width) if width else None
                self.post_message(CableLaidOut(shown, rendered, wrapped))

        self.background(work, "cable", exclusive=True)

    def on_cable_loaded(self, message: CableLoaded) -> None:
        if message.painted is not None:
            # Once this frame is out, the worker may go on with the rest of the cable.
            self.call_after_refresh(message.painted.set)
        if message.shown.rowid != self._loading and message.shown.id != self._loading:
            return  # a newer request is on its way
        self._loading = None
        previous = self.shown
        if previous is not None:
            self._places[previous.id] = self.reader.place
        self.shown = message.shown
        if message.record:
            if previous is not None and self.trail.current != previous.id:
                self.trail.visit(previous.id)
            self.trail.visit(message.shown.id)
        self.reader.show(message.rendered, message.wrapped, partial=message.partial)
        place = self._places.get(message.shown.id)
        if self._restore_place and place is not None:
            self.reader.restore_place(place)
        sidebar = self.sidebar
        if self._cursor_follows and sidebar.cursor_rowid != message.shown.rowid:
            sidebar.move_to_rowid(message.shown.rowid)
        self.update_status()

    def on_cable_laid_out(self, message: CableLaidOut) -> None:
        if self.shown is not None and self.shown.rowid == message.shown.rowid:
            self.reader.complete(message.rendered, message.wrapped)

    def on_cable_missing(self, message: CableMissing) -> None:
        if message.cable_id == str(self._loading):
            self._loading = None
        self.notify(f"{safe(message.cable_id)} is not in this corpus", markup=False)

    def on_cable_view_follow_ref(self, message: CableView.FollowRef) -> None:
        if message.in_corpus is False:
            self.notify(f"{safe(message.target)} is not in this corpus", markup=False)
            return
        if self.shown is not None and self.trail.current != self.shown.id:
            self.trail.visit(self.shown.id)
        self.open_cable_id(message.target, record=True)

    def on_cable_view_state_changed(self, message: CableView.StateChanged) -> None:
        self.update_status()

    def update_status(self) -> None:
        shown = self.shown
        label = reader_label(self.reader, shown.id if shown else None)
        if shown is not None and shown.id in self.sidebar.bookmarked:
            label = Content.assemble(label, ("  bookmarked", "italic"))
        self.set_label("#status", label)
        self.update_hints()

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


def no_hits_text(query: str) -> str:
    """What an empty search listing says: words match whole words, so a word typed in part
    (``baim``) gets the prefix form to try (``baim*``)."""
    words = query.split()
    last = words[-1] if words else ""
    if last.isalnum() and not last.isupper() and ":" not in last:
        return f"no cables match: try {last}* (words starting so)"
    return "no cables match the search"


def _cable_provider():
    from tui.palette import CableProvider

    return CableProvider


def binding_ids() -> list[str]:
    """Every binding id of the app, in help-screen order (the config's ``[keys]`` names)."""
    from tui.screens.help import collect_bindings

    return [binding.id for _, _, binding in collect_bindings() if binding.id]
