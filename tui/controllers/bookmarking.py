"""Bookmarks in the browser: m toggles one on the open cable (with an optional note), the
sidebar marks bookmarked cables, B lists them.

Every read and write of the bookmarks file runs in a thread worker (it takes a file lock);
the app polls the file every few seconds so bookmarks made in another session show up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.controllers.open_cable_work import with_id
from tui.messages import BookmarksChanged, Notice

if TYPE_CHECKING:
    from store.userdata.bookmarks import Bookmarks
    from store.userdata.history import History
    from tui.state.browser import Target

# Other sessions of the same user may change the bookmarks; look again this often.
BOOKMARK_POLL = 5.0


class Marks:
    """m, u and B; the sidebar's bookmark marks."""

    def __init__(self, app) -> None:
        self.app = app
        self._removed_notes: dict[str, str] = {}
        self._removed_last: tuple[str, str] | None = None

    def refresh(self) -> None:
        app = self.app

        def work() -> None:
            bookmarks = app.bookmarks  # made (and TinyDB imported) in the worker the first time
            app.post_message(BookmarksChanged(bookmarks.ids()))
            self.report_storage_notices(bookmarks)

        app.background(work, "bookmarks")

    def report_storage_notices(self, store: Bookmarks | History) -> None:
        while store.notices:
            self.app.post_message(Notice(store.notices.pop(0), "warning"))

    def changed(self, message: BookmarksChanged) -> None:
        from textual.css.query import NoMatches

        try:
            sidebar = self.app.sidebar
        except NoMatches:
            return  # the app is closing: its screens are gone
        sidebar.set_bookmarked(message.ids)
        self.app.opener.update_status()

    def toggle(self, target: Target | None) -> None:
        """m: bookmark the cable (asking for an optional note), or remove its bookmark."""
        app = self.app
        target = with_id(app, target, self.toggle)
        if target is None:
            return
        shown = target
        if shown.id in app.sidebar.bookmarked:

            def remove() -> None:
                bookmarks = app.bookmarks
                mark = bookmarks.get(shown.id)
                bookmarks.remove(shown.id)
                # One key removes a bookmark; its note is kept for this session, so that m
                # again brings it back as it was.
                note = mark.note if mark is not None else ""
                self._removed_last = (shown.id, note)
                if note:
                    self._removed_notes[shown.id] = note
                    text = f"bookmark removed: {shown.id} (U undoes, with its note)"
                else:
                    text = f"bookmark removed: {shown.id} (U undoes)"
                app.post_message(Notice(text))
                app.post_message(BookmarksChanged(bookmarks.ids()))

            app.background(remove, "bookmarks")
            return
        from tui.screens.note import NoteDialog

        def chosen(note: str | None) -> None:
            if note is None:
                return

            def add() -> None:
                bookmarks = app.bookmarks
                bookmarks.add(shown.id, note)
                app.post_message(Notice(f"bookmarked {shown.id}"))
                app.post_message(BookmarksChanged(bookmarks.ids()))

            app.background(add, "bookmarks")

        app.push_screen(NoteDialog(shown.id, self._removed_notes.get(shown.id, "")), chosen)

    def undo(self) -> None:
        """U (and u in the listing): put back the bookmark m removed last, with its note."""
        app = self.app
        removed, self._removed_last = self._removed_last, None
        if removed is None:
            app.bell()
            return
        cable_id, note = removed

        def restore() -> None:
            bookmarks = app.bookmarks
            bookmarks.add(cable_id, note)
            self._removed_notes.pop(cable_id, None)
            app.post_message(Notice(f"bookmark restored: {cable_id}"))
            app.post_message(BookmarksChanged(bookmarks.ids()))

        app.background(restore, "bookmarks")

    def list(self) -> None:
        """B: the bookmarks screen; the cable chosen there opens."""
        from tui.screens.bookmarks import BookmarksScreen

        app = self.app

        def chosen(cable_id: str | None) -> None:
            self.refresh()
            if cable_id:
                app.opener.open_cable_id(cable_id, record=True)
                app.reader.focus()

        app.push_screen(BookmarksScreen(app.bookmarks, app.corpus), chosen)
