"""Opening cables in the browser: the preview that follows the listing's cursor, a cable
opened by ID (a REF, back and forward, the palette), a long cable's first part before its
whole, and the reader's status line. A mixin of ``CablesApp``.

The cable is read, parsed and rendered in a worker; the event loop only shows what comes back
(``CableLoaded``, ``CableLaidOut``, ``CableMissing``).
"""

from __future__ import annotations

import threading

from textual.content import Content

from tui.messages import CableLaidOut, CableLoaded, CableMissing, Shown
from tui.output.safe_text import safe
from tui.widgets.reader import CableView
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import reader_label

# The reader follows the cursor once it rests this long, so holding j does not re-render
# (and re-send over SSH) a cable per row.
PREVIEW_DELAY = 0.08


class OpeningMixin:
    """The cable-opening half of the app."""

    def on_sidebar_cursor_moved(self, message: Sidebar.CursorMoved) -> None:
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
            from tui.controllers.first_screen import HEAD_CHARS, PAINT_WAIT
            from tui.output.render import render_cable

            if isinstance(key, int):
                rowid: int | None = key
            else:
                summary = corpus.summary(key)
                rowid = summary.rowid if summary else None
            start = corpus.get_start(rowid, HEAD_CHARS) if rowid is not None else None
            if start is None or rowid is None:
                self.post_message(CableMissing(str(key)))
                return
            cable, partial = start
            present = corpus.existing(cable.references)
            cited = [s.id for s in corpus.cited_by(cable.id)]
            shown = Shown(rowid, cable.id, terms)

            def rendered_of(cable, first_part: bool = False):
                in_corpus = present.__contains__
                return render_cable(cable, highlight_terms=terms, refs_in_corpus=in_corpus,
                                    cited_by=cited, first_part=first_part)  # fmt: skip

            rendered = rendered_of(cable, first_part=partial)
            wrapped = rendered.layout(width) if width else None
            if not partial:
                self.post_message(CableLoaded(shown, rendered, wrapped, record))
                return
            # A long cable: its first part now, the whole of it once that is painted.
            painted = threading.Event()  # set once that is painted
            self.post_message(CableLoaded(shown, rendered, wrapped, record, partial=True,
                                          painted=painted))  # fmt: skip
            painted.wait(PAINT_WAIT)
            if get_current_worker().is_cancelled:
                return  # another cable was asked for meanwhile
            whole = corpus.get_rowid(rowid)
            if whole is not None:
                rendered = rendered_of(whole)
                wrapped = rendered.layout(width) if width else None
                if not get_current_worker().is_cancelled:
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
        # The same cable with the same search terms: a whole rendered for the terms of an
        # earlier search must not complete the first part of this one.
        if self.shown == message.shown:
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
