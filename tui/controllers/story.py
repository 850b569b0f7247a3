"""Following the story in the browser: the thread of the open cable (t), the timeline of the
listing or search (T, and a sparkline of hits per year on its count line), and a citation of
the open cable copied to the clipboard (c). A mixin of ``CablesApp``.
"""

from __future__ import annotations

from textual.content import Content

from tui.controllers.open_cable_work import with_open_cable
from tui.output.safe_text import safe

CITATION_STYLE = "chicago"


class StoryMixin:
    """The thread, timeline and citation half of the app."""

    def _init_story(self) -> None:
        self.thread_place = None  # tui.screens.thread.ThreadPlace, the tree as last left
        self._spark_key: object = None
        self._spark: str = ""

    # -- the search or filters the listing shows -------------------------------------------

    def listing_query(self):
        """(FTS5 match or None, filters, words for a title) of what the listing lists."""
        from tui.controllers.searching import merge_filters
        from tui.widgets.status import filters_label

        filters = self.filters
        match = None
        words = []
        if self.listing.is_search:
            from store.query.compile import QueryError, compile_query

            try:
                compiled = compile_query(self.listing.query)
            except QueryError:
                compiled = None
            if compiled is not None:
                match = compiled.match
                filters = merge_filters(filters, compiled.filters)
            words.append(" ".join(self.listing.query.split()))
        label = filters_label(self.filters)
        if label:
            words.append(label)
        return match, filters, " ".join(words)

    # -- sparkline -------------------------------------------------------------------------

    def sparkline_label(self, label: Content) -> Content:
        """The count line with hits per year after it (for a search or a filtered listing)."""
        if not (self.listing.is_search or not self.filters.is_empty()):
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
        corpus = self.corpus

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
            self.call_from_thread(self._sparkline_counted, key, text)

        self.background(work, "sparkline", exclusive=True)

    def _sparkline_counted(self, key, text: str) -> None:
        if key == self._spark_key:
            self._spark = text
            self.update_count()

    # -- actions ---------------------------------------------------------------------------

    def action_thread(self) -> None:
        from tui.screens.thread import ThreadScreen

        shown = self.shown
        if shown is None:
            self.bell()
            return
        place = self.thread_place
        in_place = place is not None and any(n.id == shown.id for n in place.thread.nodes())
        screen = ThreadScreen(self.corpus, place if in_place else None, shown.id)

        def chosen(cable_id: str | None) -> None:
            self.thread_place = screen.place
            if cable_id:
                if self.trail.current != shown.id:
                    self.trail.visit(shown.id)
                self.open_cable_id(cable_id, record=True)
                self.reader.focus()

        self.push_screen(screen, chosen)

    def action_timeline(self) -> None:
        from tui.screens.timeline import TimelineScreen

        match, filters, words = self.listing_query()
        total = self.sidebar.count
        title = f"{total:,} cables" + (f" of {words}" if words else " in the corpus")

        def chosen(picked) -> None:
            if picked is None:
                return
            from dataclasses import replace

            from store.corpus.timeline import period_range

            period = period_range(picked[1])
            if period is None:
                return
            self.set_filters(replace(self.filters, date_from=period[0], date_to=period[1]))
            self.notify(f"listing {picked[1]} (F clears the filters)", timeout=3)

        self.push_screen(TimelineScreen(self.corpus, match, filters, safe(title)), chosen)

    def action_cite(self) -> None:
        from tui.output.citation import cite

        def fetch(corpus, shown):
            summary = corpus.summary(shown.id)
            return None if summary is None else (shown.id, cite(summary, CITATION_STYLE))

        def copy(found) -> None:
            self.call_from_thread(self._copy_citation, *found)

        with_open_cable(self, fetch, copy, "cite", "is not in this corpus")

    def _copy_citation(self, cable_id: str, text: str) -> None:
        self.copy_to_clipboard(text)
        self.last_citation = text
        self.notify(f"copied a citation of {safe(cable_id)}", markup=False, timeout=2)
