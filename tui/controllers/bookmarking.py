"""Bookmarks in the browser: m toggles one on the open cable (with an optional note), the
sidebar marks bookmarked cables, B lists them. A mixin of ``CablesApp``.

Every read and write of the bookmarks file runs in a thread worker (it takes a file lock);
the app polls the file every few seconds so bookmarks made in another session show up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.messages import BookmarksChanged, Notice

if TYPE_CHECKING:
    from store.userdata.bookmarks import Bookmarks
    from store.userdata.history import History

# Other sessions of the same user may change the bookmarks; look again this often.
BOOKMARK_POLL = 5.0


class BookmarkMixin:
    """The bookmark half of the app."""

    _removed_notes: dict[str, str]

    def _init_bookmarks(self) -> None:
        self._removed_notes = {}
        self._removed_last: tuple[str, str] | None = None

    def refresh_bookmarks(self) -> None:
        def work() -> None:
            bookmarks = self.bookmarks  # made (and TinyDB imported) in the worker the first time
            self.post_message(BookmarksChanged(bookmarks.ids()))
            self._report_storage_notices(bookmarks)

        self.background(work, "bookmarks")

    def _report_storage_notices(self, store: Bookmarks | History) -> None:
        while store.notices:
            self.post_message(Notice(store.notices.pop(0), "warning"))

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        from textual.css.query import NoMatches

        try:
            sidebar = self.sidebar
        except NoMatches:
            return  # the app is closing: its screens are gone
        sidebar.set_bookmarked(message.ids)
        self.update_status()

    def action_bookmark(self) -> None:
        """m: bookmark the open cable (asking for an optional note), or remove its bookmark."""
        shown = self.shown
        if shown is None:
            self.bell()
            return
        if shown.id in self.sidebar.bookmarked:

            def remove() -> None:
                bookmarks = self.bookmarks
                mark = bookmarks.get(shown.id)
                bookmarks.remove(shown.id)
                # One key removes a bookmark; its note is kept for this session, so that m
                # again brings it back as it was.
                note = mark.note if mark is not None else ""
                self._removed_last = (shown.id, note)
                if note:
                    self._removed_notes[shown.id] = note
                    text = f"bookmark removed: {shown.id} (u undoes, with its note)"
                else:
                    text = f"bookmark removed: {shown.id} (u undoes)"
                self.post_message(Notice(text))
                self.post_message(BookmarksChanged(bookmarks.ids()))

            self.background(remove, "bookmarks")
            return
        from tui.screens.note import NoteDialog

        def chosen(note: str | None) -> None:
            if note is None:
                return

            def add() -> None:
                bookmarks = self.bookmarks
                bookmarks.add(shown.id, note)
                self.post_message(Notice(f"bookmarked {shown.id}"))
                self.post_message(BookmarksChanged(bookmarks.ids()))

            self.background(add, "bookmarks")

        self.push_screen(NoteDialog(shown.id, self._removed_notes.get(shown.id, "")), chosen)

    def action_undo(self) -> None:
        """u: put back the bookmark m removed last, with its note."""
        removed, self._removed_last = self._removed_last, None
        if removed is None:
            self.bell()
            return
        cable_id, note = removed

        def restore() -> None:
            bookmarks = self.bookmarks
            bookmarks.add(cable_id, note)
            self._removed_notes.pop(cable_id, None)
            self.post_message(Notice(f"bookmark restored: {cable_id}"))
            self.post_message(BookmarksChanged(bookmarks.ids()))

        self.background(restore, "bookmarks")

    def action_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        def chosen(cable_id: str | None) -> None:
            self.refresh_bookmarks()
            if cable_id:
                self.open_cable_id(cable_id, record=True)
                self.reader.focus()

        self.push_screen(BookmarksScreen(self.bookmarks, self.corpus), chosen)
