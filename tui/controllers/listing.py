"""The listing in the browser: its first page at once, then all its rowids; the filters; the
header line that counts it.

A 250,000-row listing is a scan of a while, so the first page (and the count, an index scan
of milliseconds) is shown first and the rest follows from a worker; a newer request (a new
filter) makes an older one's answer stale (``state.listing_generation``).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from store.corpus.filters import Filters
from tui.messages import ListingLoaded
from tui.state.listing import Listing
from tui.widgets.sidebar import PAGE_SIZE
from tui.widgets.status import listing_label


class Listings:
    """Loads the listing of the state's filters into the sidebar, and labels it."""

    def __init__(self, app) -> None:
        self.app = app
        self.state = app.state
        self._labels: dict[str, tuple] = {}  # what the header and status lines show
        # The first page is read before the event loop runs (a few milliseconds, never on
        # the loop), so the very first frame already shows rows.
        self.preloaded: ListingLoaded | None = None
        try:
            self.preloaded = self.first_page(self.state.filters)
        except Exception:  # the worker will try again and report the problem
            self.preloaded = None

    def first_page(self, filters: Filters) -> ListingLoaded:
        """The first page of a listing and its count (milliseconds, any corpus size), as a
        listing to show at once."""
        state, corpus = self.state, self.app.corpus
        first = corpus.page(filters, limit=PAGE_SIZE)
        count = corpus.count(filters) if len(first) == PAGE_SIZE else len(first)
        if state.total is None:
            state.total = count if filters.is_empty() else corpus.count()
        rowids = [s.rowid for s in first]
        complete = len(first) < PAGE_SIZE
        listing = Listing(rowids, state.total, count=count, complete=complete)
        return ListingLoaded(listing, state.listing_generation, first_page=first)

    def size_id_column(self) -> None:
        """The ID column fits the corpus's longest ID (an index scan: in a worker)."""
        from tui.widgets.sidebar_rows import id_column

        app = self.app

        def sized(width: int) -> None:
            app.sidebar.set_id_width(width)
            app.main_screen.fit_sidebar()

        def work() -> None:
            width = id_column(app.corpus.longest_id())
            app.call_from_thread(sized, width)

        app.background(work, "id-width")

    def load(self, *, keep_rowid: int | None = None) -> None:
        """Fetch the listing for the current filters in a worker: its first page, then all
        its rowids (a scan that takes a while at 250,000 cables)."""
        app, state = self.app, self.state
        state.listing_generation += 1
        generation = state.listing_generation
        filters = state.filters
        if keep_rowid is None:
            keep_rowid = state.cursor.rowid if state.cursor is not None else None
        preloaded, self.preloaded = self.preloaded, None

        def rest(total: int) -> None:
            listing = Listing(rowids=app.corpus.ids(filters), total=total)
            app.post_message(ListingLoaded(listing, generation, keep_rowid=keep_rowid))

        def work() -> None:
            try:
                first = self.first_page(filters)
                first.generation, first.keep_rowid = generation, keep_rowid
                app.post_message(first)
            finally:  # behind the first page on the app's queue: keys then move in it
                app.call_later(app.awaited.end, "listing", token)
            if not first.listing.complete:
                rest(first.listing.total)

        if preloaded is None:
            token = app.awaited.begin("listing")
            app.background(work, "listing", exclusive=True)
            return
        # Read before the event loop started: shown in the first frame. The scan for the
        # rest starts once that frame is out: a thread started now would hold the
        # interpreter lock against the thread painting it.
        preloaded.generation, preloaded.keep_rowid = generation, keep_rowid
        self.loaded(preloaded)
        if not preloaded.listing.complete:
            total = preloaded.listing.total
            app.call_after_refresh(app.background, lambda: rest(total), "listing", exclusive=True)

    def loaded(self, message: ListingLoaded) -> None:
        state = self.state
        if message.generation != state.listing_generation:
            return
        state.full_listing = message.listing
        if state.listing.is_search:
            return  # the search results stay; escape shows this listing
        if state.shown is not None:
            message.keep_rowid = state.shown.rowid
        self.show(message)

    def show(self, message: ListingLoaded) -> None:
        """Put the listing of ``message`` in the sidebar (and in the state)."""
        state = self.state
        listing = message.listing
        sidebar = self.app.sidebar
        shown = state.listing
        same = listing.query == shown.query and listing.ranked == shown.ranked
        if listing.complete and not shown.complete and same and sidebar.listing is shown:
            # The rest of the listing whose first page is on screen.
            state.listing = listing
            sidebar.complete_listing(listing, keep_rowid=message.keep_rowid)
            self.update_count()
            return
        state.listing = listing
        if listing.is_search:
            sidebar.empty_text = no_hits_text(listing.query)
        elif not state.filters.is_empty():
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

    # -- filters ---------------------------------------------------------------------------

    def choose_filters(self) -> None:
        """f: the filter dialog; its answer narrows the listing (and a search shown)."""
        from tui.screens.filters import FilterScreen

        def chosen(filters: Filters | None) -> None:
            if filters is not None and filters != self.state.filters:
                self.set_filters(filters)

        screen = FilterScreen(self.app.corpus, self.state.filters, self.state.listing.query)
        self.app.push_screen(screen, chosen)

    def clear_filters(self) -> None:
        if self.state.filters.is_empty():
            return
        self.set_filters(Filters())
        self.app.notify("filters cleared", timeout=2)

    def set_filters(self, filters: Filters) -> None:
        state = self.state
        state.filters = filters
        self.update_count()
        self.load()
        if state.listing.is_search:
            self.app.searcher.run(state.listing.query, record=False)

    # -- the labels above the panes --------------------------------------------------------

    def set_label(self, selector: str, label: Content) -> None:
        """Show ``label`` in the header or status line; the same text again repaints
        nothing (a cable shown updates the status line twice, once as it loads and once
        as the reader says where it is)."""
        # (Content's == looks at the text only, not at its styles.)
        key = (label.plain, tuple(label.spans))
        if self._labels.get(selector) == key:
            return
        self._labels[selector] = key
        self.app.main_screen.query_one(selector, Static).update(label, layout=False)

    def update_count(self) -> None:
        app, state = self.app, self.state
        sidebar = app.sidebar
        label = listing_label(state.listing, sidebar.count, state.filters, cursor=sidebar.cursor)
        label = app.story.sparkline_label(label)
        self.set_label("#count", label)
        app.main_screen.update_hints()


def no_hits_text(query: str) -> str:
    """What an empty search listing says: words match whole words, so a word typed in part
    (``baim``) gets the prefix form to try (``baim*``)."""
    words = query.split()
    last = words[-1] if words else ""
    if last.isalnum() and not last.isupper() and ":" not in last:
        return f"no cables match: try {last}* (words starting so)"
    return "no cables match the search"
