"""The bookmarks list (B): open, edit the note, delete, export.

Each bookmark shows its cable's ID, date and subject (from the corpus, in a worker), its note
and when it was added. A bookmark whose cable is not in this corpus stays and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.corpus.corpus import Corpus
from store.model import Summary
from store.userdata.bookmarks import Bookmark, Bookmarks
from store.userdata.export_file import write_export
from tui.screens.base import Dialog
from tui.screens.confirm import ConfirmDialog
from tui.screens.note import LineDialog, NoteDialog
from tui.widgets.sidebar_rows import flat

EXPORT_NAME = "cables-bookmarks.md"


@dataclass(frozen=True)
class Row:
    bookmark: Bookmark
    summary: Summary | None  # None: not in this corpus


def row_prompt(row: Row) -> Content:
    mark = row.bookmark
    added = mark.added.astimezone().strftime("%Y-%m-%d %H:%M")
    summary = row.summary
    if summary is None:
        missing = ("not in this corpus", "italic dim")
        first = Content.assemble((flat(mark.id), "bold"), "  ", missing)
    else:
        day = summary.created.strftime("%Y-%m-%d") if summary.created else "no date"
        first = Content.assemble(
            (flat(mark.id), "bold"), "  ", (day, "dim"), "  ", flat(summary.subject or "")
        )
    note = flat(mark.note)
    second = Content.assemble(
        "    ", (note, "italic") if note else ("no note", "dim"), (f"  added {added}", "dim")
    )
    return Content("\n").join([first, second])


def describer(corpus: Corpus):
    """What the exports say about each bookmarked cable (date, subject) or None."""

    def describe(cable_id: str) -> tuple[str | None, str | None] | None:
        summary = corpus.summary(cable_id)
        if summary is None:
            return None
        day = summary.created.strftime("%Y-%m-%d") if summary.created else None
        return day, summary.subject

    return describe


def export_bookmarks(bookmarks: Bookmarks, corpus: Corpus, path: Path) -> str:
    """Write the export (JSON for a .json name, else Markdown); returns the format used."""
    describe = describer(corpus)
    if path.suffix.lower() == ".json":
        text, kind = bookmarks.export_json(describe), "JSON"
    else:
        text, kind = bookmarks.export_markdown(describe), "Markdown"
    write_export(path, text, overwrite=True)  # a clear message, not a raw [Errno 2]
    return kind


class BookmarksScreen(Dialog[str | None]):
    """Returns the ID of a bookmark to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="bookmarks.close"),
        Binding("enter,o", "open", "Open", id="bookmarks.open"),
        Binding("e", "edit", "Edit note", id="bookmarks.edit"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo", "Undo delete", id="bookmarks.undo"),
        Binding("x", "export", "Export", id="bookmarks.export"),
        Binding("j", "move(1)", "Down", show=False, id="bookmarks.down"),
        Binding("k", "move(-1)", "Up", show=False, id="bookmarks.up"),
    ]

    DEFAULT_CSS = """
    BookmarksScreen {
        align: center middle;
    }
    BookmarksScreen > Vertical {
        width: 100;
        max-width: 100%;
        height: 90%;
        border: round $primary;
        background: $surface;
    }
    BookmarksScreen OptionList {
        height: 1fr;
        border: none;
    }
    BookmarksScreen #bookmarks-hint {
        color: $text-muted;
        padding: 0 1;
    }
    """

    class Loaded(Message):
        def __init__(self, rows: list[Row]) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, bookmarks: Bookmarks, corpus: Corpus) -> None:
        super().__init__()
        self.bookmarks = bookmarks
        self.corpus = corpus
        self.rows: list[Row] = []
        # The bookmarks deleted here, last first: u puts them back with their notes.
        self.deleted: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Bookmarks"
            yield OptionList(id="bookmark-list")
            yield Static(
                Content("enter opens, e edits the note, d deletes, u undoes, x exports, q closes"),
                id="bookmarks-hint",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.reload()

    class Said(Message):
        """A worker's one line for the user."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def reload(self, change=None) -> None:
        """Apply ``change`` (a function of the Bookmarks) in a worker, then list them again."""
        bookmarks, corpus = self.bookmarks, self.corpus

        def work() -> None:
            if change is not None:
                change(bookmarks)
            marks = bookmarks.all()
            rows = [Row(mark, corpus.summary(mark.id)) for mark in marks]
            self.post_message(self.Loaded(rows))

        self.fill(work, "bookmarks")

    def on_bookmarks_screen_said(self, message: Said) -> None:
        self.notify(message.text, markup=False)

    def on_bookmarks_screen_loaded(self, message: Loaded) -> None:
        listing = self.query_one(OptionList)
        keep = listing.highlighted
        self.rows = message.rows
        listing.clear_options()
        if not self.rows:
            listing.add_option(Option(Content.styled("no bookmarks yet: m bookmarks the open "
                                                     "cable", "dim"), disabled=True))  # fmt: skip
            self.border_count(0)
            return
        listing.add_options([Option(row_prompt(row)) for row in self.rows])
        listing.highlighted = min(keep or 0, len(self.rows) - 1)
        self.border_count(len(self.rows))

    def border_count(self, count: int) -> None:
        box = self.query_one(Vertical)
        box.border_title = f"Bookmarks ({count:,})"

    @property
    def current(self) -> Row | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self.current
        if row is None:
            self.app.bell()
            return
        if row.summary is None:
            self.notify(f"{flat(row.bookmark.id)} is not in this corpus", markup=False)
            return
        self.dismiss(row.summary.id)

    def action_edit(self) -> None:
        row = self.current
        if row is None:
            self.app.bell()
            return
        cable_id = row.bookmark.id

        def chosen(note: str | None) -> None:
            if note is None:
                return

            self.reload(lambda marks: marks.set_note(cable_id, note))

        self.app.push_screen(NoteDialog(cable_id, row.bookmark.note), chosen)

    def action_delete(self) -> None:
        row = self.current
        if row is None:
            self.app.bell()
            return
        cable_id = row.bookmark.id
        self.deleted.append(row.bookmark)
        self.reload(lambda marks: marks.remove(cable_id))
        self.notify(f"deleted the bookmark of {flat(cable_id)} (u undoes)", markup=False)

    def action_undo(self) -> None:
        if not self.deleted:
            self.app.bell()
            return
        mark = self.deleted.pop()
        self.reload(lambda marks: marks.add(mark.id, mark.note))
        self.notify(f"restored the bookmark of {flat(mark.id)}", markup=False, timeout=3)

    def action_export(self) -> None:
        if self.app.shell_refused("x (export to a file)"):  # type: ignore[attr-defined]
            return
        bookmarks, corpus = self.bookmarks, self.corpus

        def chosen(name: str | None) -> None:
            if not name:
                return
            path = Path(name).expanduser()

            def work() -> None:
                try:
                    kind = export_bookmarks(bookmarks, corpus, path)
                except OSError as error:
                    reason = error.strerror or str(error)
                    self.post_message(self.Said(f"cannot write {path}: {reason}"))
                    return
                # The path on a line of its own: a toast wraps it there whole.
                self.post_message(self.Said(f"exported the bookmarks as {kind} to\n{path}"))

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.app.background(work, "export")  # type: ignore[attr-defined]

            if path.exists():
                self.app.push_screen(ConfirmDialog.overwrite(path), confirmed)
            else:
                self.app.background(work, "export")  # type: ignore[attr-defined]

        default = str(Path.cwd() / EXPORT_NAME)
        self.app.push_screen(
            LineDialog(
                "Export bookmarks",
                default,
                hint="a .json name writes JSON, any other Markdown; enter writes, escape cancels",
            ),
            chosen,
        )

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if listing.option_count:
            current = listing.highlighted or 0
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    def action_close(self) -> None:
        self.dismiss(None)
