"""Search in the browser: the search line, queries in cancellable workers, the results
listing, hits in the reader (n/N), relevance order, and the search history (recall, H).

A query runs in a thread worker; a newer one bumps the state's search generation (its
results are dropped) and interrupts the older one inside SQLite, so typing never waits.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import replace

from textual.timer import Timer

from store.corpus.filters import Filters
from tui.messages import HistoryLoaded, ListingLoaded, SearchDone
from tui.state.listing import Listing
from tui.widgets.search_bar import SearchBar

# Search as you type waits for a pause this long: no query per keystroke of a fast typist.
SEARCH_DELAY = 0.12
# Hits fetched first, with their snippets: a screenful (two lines each). Each snippet reads
# a cable's text, and on a cold 3 GB corpus 100 of them took seconds; 25 take a fraction.
FIRST_HITS = 25


class Searcher:
    """Runs the search line's queries and keeps the state's ``search``."""

    def __init__(self, app) -> None:
        self.app = app
        self.state = app.state
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._timer: Timer | None = None
        # The line opened from the reader: the query its listing had ("" none) and the cable
        # it showed (the hits' previews may replace it as you type); else None.
        self._return_to: tuple[str, str] | None = None

    def open_line(self) -> None:
        """/ (& in the reader): the search line, with the query of the search listing
        shown. Opened from the reader, escape goes back there, to the listing it had."""
        app, state = self.app, self.state
        if app.reader.has_focus and state.shown is not None:
            query = state.search.text if state.listing.is_search else ""
            self._return_to = (query, state.shown.id)
        else:
            self._return_to = None
        app.search_bar.open(state.search.text if state.listing.is_search else "")
        app.main_screen.show_pane(reader=False)  # one pane at a time: hits as you type

        def work() -> None:
            history = app.history  # made (TinyDB imported) in the worker the first time
            app.post_message(HistoryLoaded([e.query for e in history.recent()]))
            app.marks.report_storage_notices(history)

        app.background(work, "history")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def changed(self, message: SearchBar.Changed) -> None:
        app = self.app
        self._stop_timer()
        text = message.text
        if not text.strip():
            app.search_bar.show_error(None)
            self._cancel()
            if self.state.listing.is_search:
                self.leave()
            return
        # (Not awaited by keys typed ahead: they go on typing in the line.)
        self._timer = app.set_timer(
            app.search_delay, lambda: self.run(text, record=False, awaited=False)
        )

    def submitted(self, message: SearchBar.Submitted) -> None:
        self._stop_timer()
        self._return_to = None
        if not message.text.strip():
            self.leave_line()
            return
        if self.run(message.text, record=True):
            self.app.search_bar.close()
            self.app.sidebar.focus()

    def closed(self, message: SearchBar.Closed) -> None:
        self._stop_timer()
        self.app.search_bar.close()
        self._cancel()
        back, self._return_to = self._return_to, None
        if back is None:
            self.leave()
            self.app.sidebar.focus()
            return
        # Back to the reader, with the listing it had beside it and the cable it showed.
        query, cable_id = back
        if not query:
            self.leave()
        elif query != self.state.search.text or not self.state.listing.is_search:
            self.run(query, record=False)
        shown = self.state.shown
        if shown is None or shown.id != cable_id or self.state.loading is not None:
            self.app.opener.open_cable_id(cable_id, record=False, restore=True)
        self.app.reader.focus()

    def run(self, text: str, *, record: bool, awaited: bool = True) -> bool:
        """Start a search (a newer one cancels it); False when the query is bad.
        ``awaited``: its hits replace the listing the next keys act on, so they wait."""
        from store.query.compile import QueryError, compile_query

        app, search = self.app, self.state.search
        try:
            compiled = compile_query(text)
        except QueryError as error:
            app.search_bar.show_error(str(error))
            return False
        app.search_bar.show_error(None)
        self._cancel()
        search.generation += 1
        generation = search.generation
        search.text = text
        filters = merge_filters(self.state.filters, compiled.filters)
        ranked = search.ranked
        total = self.state.total or 0

        def listing(rowids: Sequence[int], complete: bool = True) -> Listing:
            return Listing(
                rowids=rowids,
                total=total,
                match=compiled.match,
                ranked=ranked,
                query=text,
                terms=compiled.terms,
                complete=complete,
            )

        token = app.awaited.begin("search") if awaited else None

        def work() -> None:
            try:
                answer()
            finally:  # behind its answers on the app's queue (or at once if it failed)
                if token is not None:
                    app.call_later(app.awaited.end, "search", token)

        def answer() -> None:
            corpus = app.corpus
            conn = corpus.connection()
            with self._lock:
                self._conn = conn
            try:
                # The first page of hits (with snippets) comes fast, newest first; all the
                # rowids (for the count and for scrolling) can take longer.
                hits = corpus.search(compiled.match, filters, limit=FIRST_HITS, rank=ranked)
                first = [hit.summary for hit in hits]
                snippets = {hit.summary.rowid: hit.snippet for hit in hits}
                rowids = [s.rowid for s in first]
                if len(hits) == FIRST_HITS:
                    app.post_message(SearchDone(
                        listing(rowids, complete=False), generation,
                        first_page=first, snippets=snippets,
                    ))  # fmt: skip
                    if compiled.match is None:
                        rowids = corpus.ids(filters)
                    else:
                        rowids = corpus.search_ids(compiled.match, filters, rank=ranked)
                    first, snippets = [], None
            except sqlite3.OperationalError as error:
                if "interrupt" in str(error):
                    return  # a newer query took over
                raise
            finally:
                with self._lock:
                    if self._conn is conn:
                        self._conn = None
            app.post_message(SearchDone(
                listing(rowids), generation, first_page=first, snippets=snippets, record=record
            ))  # fmt: skip

        app.background(work, "search", exclusive=True)
        return True

    def _cancel(self) -> None:
        """Stop the running query in SQLite itself, not only its worker."""
        self.state.search.generation += 1
        self.app.awaited.drop("search")
        with self._lock:
            if self._conn is not None:
                self._conn.interrupt()
                self._conn = None

    def done(self, message: SearchDone) -> None:
        app = self.app
        if message.generation != self.state.search.generation:
            return
        app.listings.show(message)
        if message.record:
            text, hits = message.listing.query, len(message.listing.rowids)

            def work() -> None:
                app.history.record(text, hits)

            app.background(work, "history")

    def leave(self) -> None:
        """Back to the full listing, the cursor on the cable that is open."""
        state = self.state
        if not state.listing.is_search:
            return
        state.search.text = ""
        keep = state.shown.rowid if state.shown else None
        if state.full_listing is not None:
            message = ListingLoaded(state.full_listing, state.listing_generation)
            message.keep_rowid = keep
            self.app.listings.show(message)
        else:
            state.listing = Listing(rowids=(), total=state.total or 0)
            self.app.listings.load(keep_rowid=keep)

    def leave_line(self) -> None:
        """escape: close the search line, and show the full listing again."""
        app = self.app
        if app.search_bar.is_open:
            app.search_bar.close()
            app.sidebar.focus()  # the line had the focus: give it to the listing it showed
        if self.state.listing.is_search:
            self._cancel()
            self.leave()
            app.sidebar.focus()

    def toggle_rank(self) -> None:
        search, listing = self.state.search, self.state.listing
        search.ranked = not search.ranked
        if listing.is_search:
            self.run(listing.query, record=False)
        self.app.notify("best matches first" if search.ranked else "newest first", timeout=2)

    def hit(self, step: int) -> None:
        """n/N: the next/previous hit in the open cable; in the one-pane search listing,
        where the reader is hidden, the next/previous hit cable. Past the last one they wrap,
        and say so (as less does)."""
        app = self.app
        sidebar = app.sidebar
        listing_alone = app.main_screen.one_pane and sidebar.has_focus
        if not (listing_alone and self.state.listing.is_search):
            app.reader.action_hit(step)
            return
        count = sidebar.count
        if not count:
            app.bell()
            return
        index = sidebar.cursor + step
        if not 0 <= index < count:
            index %= count
            where = "top" if step > 0 else "bottom"
            app.notify(f"search wrapped: continuing at the {where}", timeout=2)
        sidebar.move_to(index)

    def choose_from_history(self) -> None:
        """H: the search history; the query chosen runs again."""
        from tui.screens.history import HistoryScreen

        app = self.app

        def chosen(query: str | None) -> None:
            if query:
                app.search_bar.set_text(query)
                if self.run(query, record=True):
                    app.sidebar.focus()

        app.push_screen(HistoryScreen(app.history), chosen)


def merge_filters(base: Filters, query: Filters) -> Filters:
    """The sidebar's filters with the query's own field filters winning field by field."""
    changes = {
        name: getattr(query, name)
        for name in ("levels", "caveats", "origins", "tags", "date_from", "date_to", "id_prefix",
                     "people")
        if getattr(query, name)
    }
    return replace(base, **changes)
