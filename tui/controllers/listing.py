"""The listing in the browser: its first page at once, then all its rowids; the header line
that counts it. A mixin of ``CablesApp``.

A 250,000-row listing is a scan of a while, so the first page (and the count, an index scan
of milliseconds) is shown first and the rest follows from a worker; a newer request (a new
filter) makes an older one's answer stale (``_listing_generation``).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from store.corpus.filters import Filters
from tui.messages import ListingLoaded
from tui.widgets.sidebar import PAGE_SIZE, Listing, Sidebar
from tui.widgets.status import listing_label


class ListingMixin:
    """The listing half of the app."""

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
        from tui.widgets.sidebar_rows import id_column

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


def no_hits_text(query: str) -> str:
    """What an empty search listing says: words match whole words, so a word typed in part
    (``baim``) gets the prefix form to try (``baim*``)."""
    words = query.split()
    last = words[-1] if words else ""
    if last.isalnum() and not last.isupper() and ":" not in last:
        return f"no cables match: try {last}* (words starting so)"
    return "no cables match the search"
