"""Opening cables in the browser: the preview that follows the listing's cursor, a cable
opened by ID (a REF, back and forward, the palette), a long cable's first part before its
whole, and the reader's status line.

The cable is read, parsed and rendered in a worker; the event loop only shows what comes back
(``CableLoaded``, ``CableLaidOut``, ``CableMissing``).
"""

from __future__ import annotations

import threading

from textual.content import Content
from textual.timer import Timer

from tui.messages import CableLaidOut, CableLoaded, CableMissing
from tui.output.safe_text import safe
from tui.state.browser import Shown
from tui.widgets.reader import CableView
from tui.widgets.sidebar import Sidebar
from tui.widgets.status import reader_label

# The reader follows the cursor once it rests this long, so holding j does not re-render
# (and re-send over SSH) a cable per row.
PREVIEW_DELAY = 0.08


class Opener:
    """Opens cables in the reader and keeps the state's ``shown``, ``loading`` and trail."""

    def __init__(self, app) -> None:
        self.app = app
        self.state = app.state
        self._preview_timer: Timer | None = None
        self._cursor_follows = False
        self._restore_place = False
        self._requests = 0  # cables asked for: only the newest request's end counts

    def cursor_moved(self, message: Sidebar.CursorMoved) -> None:
        app, state = self.app, self.state
        rowid = message.rowid
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        if rowid is None or rowid == state.loading or rowid != app.sidebar.cursor_rowid:
            return  # nothing there, already coming, or stale (the cursor moved on since)
        shown = state.shown
        if shown is not None and rowid == shown.rowid and shown.terms == state.listing.terms:
            return
        idle = shown is None and state.loading is None
        if not message.by_user:
            # A new listing moved the cursor off the open cable (filters, a search): show
            # the cursor's cable, but not while a cable the user asked for is loading, nor
            # while the listing is only its first page (the open cable may be further down).
            ready = state.listing.complete or state.listing.is_search
            if idle:
                # The first cable: after the frame with the first rows (as the scan above).
                app.call_after_refresh(self._open_if_under_cursor, rowid)
            elif state.loading is None and ready:
                self.open_rowid(rowid, record=False)
            return
        if idle:
            self.open_rowid(rowid, record=False)
            return
        self._preview_timer = app.set_timer(app.preview_delay, lambda: self._preview(rowid))

    def _preview(self, rowid: int) -> None:
        """The cursor rested on ``rowid``: show it, unless the app is closing (its screens
        are gone: a quit typed right after a move)."""
        if self.app.screen_stack:
            self.open_rowid(rowid, record=False)

    def chosen(self, message: Sidebar.Chosen) -> None:
        shown = self.state.shown
        if shown is not None and shown.rowid == message.rowid:
            self.state.trail.visit(shown.id)
        else:
            self.open_rowid(message.rowid, record=True)
        self.app.reader.focus()

    def _open_if_under_cursor(self, rowid: int) -> None:
        """The first cable, a frame later: unless a key moved the cursor on meanwhile (its
        own preview is then on its way)."""
        if not self.app.screen_stack:
            return  # the app is closing
        if self.app.sidebar.cursor_rowid == rowid and self.state.loading is None:
            self.open_rowid(rowid, record=False)

    def open_rowid(self, rowid: int, *, record: bool) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()  # (enter before the preview came: one load, not two)
        self._preview_timer = None
        self._load_cable(rowid, record=record)

    def open_cable_id(self, cable_id: str, *, record: bool, restore: bool = False) -> None:
        """Open a cable by ID (a REF, the palette, back/forward, bookmarks, ``cables open``);
        ``restore``: at the place the reader left it (back/forward)."""
        self._load_cable(cable_id, record=record, restore=restore)

    def back(self) -> None:
        self._along_trail(self.state.trail.back())

    def forward(self) -> None:
        self._along_trail(self.state.trail.forward())

    def _along_trail(self, cable_id: str | None) -> None:
        if cable_id is None:
            self.app.bell()
            return
        self.open_cable_id(cable_id, record=False, restore=True)

    def _load_cable(self, key: int | str, *, record: bool, restore: bool = False) -> None:
        app = self.app
        self.state.loading = key
        self._requests += 1
        request = self._requests
        # A cable opened by ID (a REF, back, the palette) brings the cursor to it; one opened
        # from the cursor does not pull the cursor back if keys moved it on meanwhile.
        self._cursor_follows = isinstance(key, str)
        self._restore_place = restore
        # Before the first layout the reader has no width yet; it wraps the cable itself then.
        width = app.reader.text_width if app.reader.size.width else None
        fold_over = app.reader.fold_over
        terms = self.state.listing.terms
        corpus = app.corpus

        def work() -> None:
            try:
                read()
            finally:  # behind its answers on the app's queue
                app.call_later(self._ended, request)

        def read() -> None:
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
                app.post_message(CableMissing(str(key)))
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
            wrapped = rendered.layout(width, fold_over) if width else None
            if not partial:
                app.post_message(CableLoaded(shown, rendered, wrapped, record))
                return
            # A long cable: its first part now, the whole of it once that is painted.
            painted = threading.Event()  # set once that is painted
            app.post_message(CableLoaded(shown, rendered, wrapped, record, partial=True,
                                          painted=painted))  # fmt: skip
            painted.wait(PAINT_WAIT)
            if get_current_worker().is_cancelled:
                return  # another cable was asked for meanwhile
            whole = corpus.get_rowid(rowid)
            if whole is not None:
                rendered = rendered_of(whole)
                wrapped = rendered.layout(width, fold_over) if width else None
                if not get_current_worker().is_cancelled:
                    app.post_message(CableLaidOut(shown, rendered, wrapped))

        app.background(work, "cable", exclusive=True)

    def _ended(self, request: int) -> None:
        """The worker of the newest request ended: if it failed before the cable was shown,
        or before its whole came, nothing is on its way any more (keys typed ahead wait
        while something is: ``app.busy``)."""
        if request != self._requests:
            return  # a newer cable was asked for: that one is on its way
        self.state.loading = None
        self.app.reader.partial = False

    def loaded(self, message: CableLoaded) -> None:
        app, state = self.app, self.state
        if message.painted is not None:
            # Once this frame is out, the worker may go on with the rest of the cable.
            app.call_after_refresh(message.painted.set)
        if message.shown.rowid != state.loading and message.shown.id != state.loading:
            return  # a newer request is on its way
        state.loading = None
        reader = app.reader
        if state.shown is not None:
            state.places[state.shown.id] = reader.place
        state.show(message.shown, record=message.record)
        reader.show(message.rendered, message.wrapped, partial=message.partial)
        place = state.places.get(message.shown.id)
        if self._restore_place and place is not None:
            reader.restore_place(place)
        sidebar = app.sidebar
        if self._cursor_follows and sidebar.cursor_rowid != message.shown.rowid:
            sidebar.move_to_rowid(message.shown.rowid)
        self.update_status()

    def laid_out(self, message: CableLaidOut) -> None:
        # The same cable with the same search terms: a whole rendered for the terms of an
        # earlier search must not complete the first part of this one.
        if self.state.shown == message.shown:
            self.app.reader.complete(message.rendered, message.wrapped)

    def missing(self, message: CableMissing) -> None:
        if message.cable_id == str(self.state.loading):
            self.state.loading = None
        self.app.notify(f"{safe(message.cable_id)} is not in this corpus", markup=False)

    def follow_ref(self, message: CableView.FollowRef) -> None:
        if message.in_corpus is False:
            self.app.notify(f"{safe(message.target)} is not in this corpus", markup=False)
            return
        self.state.keep_in_trail()
        self.open_cable_id(message.target, record=True)

    def update_status(self) -> None:
        app, shown = self.app, self.state.shown
        label = reader_label(app.reader, shown.id if shown else None)
        if shown is not None and shown.id in app.sidebar.bookmarked:
            label = Content.assemble(label, ("  bookmarked", "italic"))
        app.listings.set_label("#status", label)
        app.main_screen.update_hints()
