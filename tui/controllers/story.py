"""Following the story in the browser: the thread of the open cable (t), the timeline of the
listing or search (T, and a sparkline of hits per year on its count line), and a citation of
the cable copied to the clipboard (c).
"""

from __future__ import annotations

from textual.content import Content

from tui.controllers.open_cable_work import with_cable, with_id
from tui.output.safe_text import safe
from tui.state.browser import Target

CITATION_STYLE = "chicago"


class Story:
    """t, T and c, and the count line's sparkline."""

    def __init__(self, app) -> None:
        self.app = app
        self.state = app.state
        self.thread_place = None  # tui.screens.thread.ThreadPlace, the tree as last left
        self.last_citation = ""
        self._spark_key: object = None
        self._spark: str = ""

    # -- the search or filters the listing shows -------------------------------------------

    def listing_query(self):
        """(FTS5 match or None, filters, words for a title) of what the listing lists."""
        from tui.controllers.searching import merge_filters
        from tui.widgets.status import filters_label

        state = self.state
        filters = state.filters
        match = None
        words = []
        if state.listing.is_search:
            from store.query.compile import QueryError, compile_query

            try:
                compiled = compile_query(state.listing.query)
            except QueryError:
                compiled = None
            if compiled is not None:
                match = compiled.match
                filters = merge_filters(filters, compiled.filters)
            words.append(" ".join(state.listing.query.split()))
        label = filters_label(state.filters)
        if label:
            words.append(label)
        return match, filters, " ".join(words)

    # -- sparkline -------------------------------------------------------------------------

    def sparkline_label(self, label: Content) -> Content:
        """The count line with hits per year after it (for a search or a filtered listing)."""
        if not (self.state.listing.is_search or not self.state.filters.is_empty()):
            return label
        match, filters, _ = self.listing_query()
        key = (match, filters)
        if key != self._spark_key:
            self._spark_key, self._spark = key, ""
            self._count_sparkline(key)
        if not self._spark:
            return label
        return Content.assemble(label, ("  " + self._spark, "dim"))

    def _count_sparkline(self, key) -> None:
        match, filters = key
        app = self.app
        corpus = app.corpus

        def work() -> None:
            from store.corpus.timeline import UNDATED, counts
            from tui.output.bars import plain_terminal, sparkline

            buckets = [b for b in counts(corpus, match, filters, by="year") if b.label != UNDATED]
            if not buckets:
                text = ""
            else:
                line = sparkline([b.count for b in buckets], ascii_only=plain_terminal())
                span = (
                    buckets[0].label
                    if len(buckets) == 1
                    else (f"{buckets[0].label}–{buckets[-1].label}")
                )
                text = f"{line} {span}"
            app.call_from_thread(self._sparkline_counted, key, text)

        app.background(work, "sparkline", exclusive=True)

    def _sparkline_counted(self, key, text: str) -> None:
        if key == self._spark_key:
            self._spark = text
            self.app.listings.update_count()

    # -- actions ---------------------------------------------------------------------------

    def thread(self, target: Target | None) -> None:
        from tui.screens.thread import ThreadScreen

        app = self.app
        target = with_id(app, target, self.thread)
        if target is None:
            return
        cable_id = target.id
        place = self.thread_place
        in_place = place is not None and any(n.id == cable_id for n in place.thread.nodes())
        screen = ThreadScreen(app.corpus, place if in_place else None, cable_id)

        def chosen(chosen_id: str | None) -> None:
            self.thread_place = screen.place
            self._open_from(cable_id, chosen_id)

        app.push_screen(screen, chosen)

    def _open_from(self, cable_id: str, chosen_id: str | None) -> None:
        """Open ``chosen_id``, picked in a list about ``cable_id``: backspace returns to it."""
        if not chosen_id:
            return
        trail = self.state.trail
        if trail.current != cable_id:
            trail.visit(cable_id)
        self.app.opener.open_cable_id(chosen_id, record=True)
        self.app.reader.focus()

    def related(self, target: Target | None) -> None:
        from tui.screens.related import RelatedScreen

        app = self.app
        target = with_id(app, target, self.related)
        if target is None:
            return
        cable_id = target.id
        app.push_screen(
            RelatedScreen(app.corpus, cable_id), lambda chosen: self._open_from(cable_id, chosen)
        )

    def timeline(self) -> None:
        from tui.screens.timeline import TimelineScreen

        app = self.app
        match, filters, words = self.listing_query()
        total = app.sidebar.count
        title = f"{total:,} cables" + (f" of {words}" if words else " in the corpus")

        def chosen(picked) -> None:
            if picked is None:
                return
            from dataclasses import replace

            from store.corpus.timeline import period_range

            period = period_range(picked[1])
            if period is None:
                return
            filters = self.state.filters
            app.listings.set_filters(replace(filters, date_from=period[0], date_to=period[1]))
            app.notify(f"listing {picked[1]} (F clears the filters)", timeout=3)

        app.push_screen(TimelineScreen(app.corpus, match, filters, safe(title)), chosen)

    def world_map(self) -> None:
        from dataclasses import replace

        from tui.screens.world import MapScreen

        app = self.app
        match, filters, words = self.listing_query()
        total = app.sidebar.count
        title = f"{total:,} cables" + (f" of {words}" if words else " in the corpus")

        def chosen(origin: str | None) -> None:
            if origin:
                current = self.state.filters
                app.listings.set_filters(replace(current, origins=(origin,)))
                app.notify(f"listing {safe(origin)} (F clears the filters)", timeout=3,
                           markup=False)  # fmt: skip

        app.push_screen(MapScreen(app.corpus, match, filters, safe(title)), chosen)

    def cite(self, target: Target | None) -> None:
        from tui.output.citation import cite

        def fetch(corpus, found):
            summary = corpus.summary(found.id)
            return None if summary is None else (found.id, cite(summary, CITATION_STYLE))

        def copy(found) -> None:
            self.app.call_from_thread(self._copy_citation, *found)

        with_cable(self.app, target, fetch, copy, "cite", "is not in this corpus")

    def _copy_citation(self, cable_id: str, text: str) -> None:
        self.app.copy_to_clipboard(text)
        self.last_citation = text
        self.app.notify(f"copied a citation of {safe(cable_id)}", markup=False, timeout=2)
