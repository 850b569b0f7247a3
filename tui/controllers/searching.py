"""Search in the browser: the search line, queries in cancellable workers, the results
listing, hits in the reader (n/N), relevance order, and the search history (recall, H).

A mixin of ``CablesApp``: the state it uses (``listing``, ``full_listing``, ``shown``, the
widgets) is the app's. A query runs in a thread worker; a newer one bumps the generation (its
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
from tui.widgets.search_bar import SearchBar
from tui.widgets.sidebar import Listing

# Search as you type waits for a pause this long: no query per keystroke of a fast typist.
SEARCH_DELAY = 0.12
# Hits fetched first, with their snippets: a screenful (two lines each). Each snippet reads
# a cable's text, and on a cold 3 GB corpus 100 of them took seconds; 25 take a fraction.
FIRST_HITS = 25


class SearchMixin:
    """The search half of the app."""

    def _init_search(self) -> None:
        self.ranked = False
        self.search_delay = SEARCH_DELAY
        self._search_generation = 0
        self._search_text = ""
        self._search_conn: sqlite3.Connection | None = None
        self._search_lock = threading.Lock()
        self._search_timer: Timer | None = None

    def action_search(self) -> None:
        bar = self.search_bar
        bar.open(self._search_text if self.listing.is_search else "")
        self.main_screen.show_pane(reader=False)  # one pane at a time: hits as you type

        def work() -> None:
            history = self.history  # made (TinyDB imported) in the worker the first time
            self.post_message(HistoryLoaded([e.query for e in history.recent()]))
            self._report_storage_notices(history)

        self.background(work, "history")

    def on_history_loaded(self, message: HistoryLoaded) -> None:
        self.search_bar.set_history(message.queries)

    def on_search_bar_changed(self, message: SearchBar.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        text = message.text
        if not text.strip():
            self.search_bar.show_error(None)
            self._cancel_search()
            if self.listing.is_search:
                self.leave_search()
            return
        self._search_timer = self.set_timer(
            self.search_delay, lambda: self.run_search(text, record=False)
        )

    def on_search_bar_submitted(self, message: SearchBar.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        if not message.text.strip():
            self.action_leave_search()
            return
        if self.run_search(message.text, record=True):
            self.search_bar.close()
            self.sidebar.focus()

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self.search_bar.close()
        self._cancel_search()
        self.leave_search()
        self.sidebar.focus()

    def run_search(self, text: str, *, record: bool) -> bool:
        """Start a search (a newer one cancels it); False when the query is bad."""
        from store.query.compile import QueryError, compile_query

        try:
            compiled = compile_query(text)
        except QueryError as error:
            self.search_bar.show_error(str(error))
            return False
        self.search_bar.show_error(None)
        self._cancel_search()
        self._search_generation += 1
        generation = self._search_generation
        self._search_text = text
        filters = merge_filters(self.filters, compiled.filters)
        ranked = self.ranked
        total = self._total or 0

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

        def work() -> None:
            corpus = self.corpus
            conn = corpus.connection()
            with self._search_lock:
                self._search_conn = conn
            try:
                # The first page of hits (with snippets) comes fast, newest first; all the
                # rowids (for the count and for scrolling) can take longer.
                hits = corpus.search(compiled.match, filters, limit=FIRST_HITS, rank=ranked)
                first = [hit.summary for hit in hits]
                snippets = {hit.summary.rowid: hit.snippet for hit in hits}
                rowids = [s.rowid for s in first]
                if len(hits) == FIRST_HITS:
                    self.post_message(SearchDone(
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
                with self._search_lock:
                    if self._search_conn is conn:
                        self._search_conn = None
            self.post_message(SearchDone(
                listing(rowids), generation, first_page=first, snippets=snippets, record=record
            ))  # fmt: skip

        self.background(work, "search", exclusive=True)
        return True

    def _cancel_search(self) -> None:
        """Stop the running query in SQLite itself, not only its worker."""
        self._search_generation += 1
        with self._search_lock:
            if self._search_conn is not None:
                self._search_conn.interrupt()
                self._search_conn = None

    def on_search_done(self, message: SearchDone) -> None:
        if message.generation != self._search_generation:
            return
        self._show_listing(message)
        if message.record:
            text, hits = message.listing.query, len(message.listing.rowids)

            def work() -> None:
                self.history.record(text, hits)

            self.background(work, "history")

    def leave_search(self) -> None:
        """Back to the full listing, the cursor on the cable that is open."""
        if not self.listing.is_search:
            return
        self._search_text = ""
        keep = self.shown.rowid if self.shown else None
        if self.full_listing is not None:
            message = ListingLoaded(self.full_listing, self._listing_generation)
            message.keep_rowid = keep
            self._show_listing(message)
        else:
            self.listing = Listing(rowids=(), total=self._total or 0)
            self.load_listing(keep_rowid=keep)

    def action_leave_search(self) -> None:
        if self.search_bar.is_open:
            self.search_bar.close()
            self.sidebar.focus()  # the line had the focus: give it to the listing it showed
        if self.listing.is_search:
            self._cancel_search()
            self.leave_search()
            self.sidebar.focus()

    def action_toggle_rank(self) -> None:
        self.ranked = not self.ranked
        if self.listing.is_search:
            self.run_search(self.listing.query, record=False)
        self.notify("best matches first" if self.ranked else "newest first", timeout=2)

    def action_hit(self, step: int) -> None:
        """n/N: the next/previous hit in the open cable; in the one-pane search listing,
        where the reader is hidden, the next/previous hit cable. Past the last one they wrap,
        and say so (as less does)."""
        sidebar = self.sidebar
        listing_alone = self.main_screen.one_pane and sidebar.has_focus
        if not (listing_alone and self.listing.is_search):
            self.reader.action_hit(step)
            return
        count = sidebar.count
        if not count:
            self.bell()
            return
        index = sidebar.cursor + step
        if not 0 <= index < count:
            index %= count
            where = "top" if step > 0 else "bottom"
            self.notify(f"search wrapped: continuing at the {where}", timeout=2)
        sidebar.move_to(index)

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        def chosen(query: str | None) -> None:
            if query:
                self.search_bar.set_text(query)
                if self.run_search(query, record=True):
                    self.sidebar.focus()

        self.push_screen(HistoryScreen(self.history), chosen)


def merge_filters(base: Filters, query: Filters) -> Filters:
    """The sidebar's filters with the query's own field filters winning field by field."""
    changes = {
        name: getattr(query, name)
        for name in ("levels", "caveats", "origins", "tags", "date_from", "date_to", "id_prefix")
        if getattr(query, name)
    }
    return replace(base, **changes)
