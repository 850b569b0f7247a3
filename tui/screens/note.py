"""A small dialog asking for one line of text: a bookmark's note, an export's file name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from tui.screens.base import Dialog
from tui.widgets.sidebar_rows import flat


class LineDialog(Dialog[str | None]):
    """Enter returns the text (maybe empty), escape returns None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    DEFAULT_CSS = """
    LineDialog {
        align: center middle;
    }
    LineDialog > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    LineDialog #dialog-hint {
        color: $text-muted;
    }
    """

    def __init__(self, title: str, value: str = "", hint: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # The title may name a cable: the border title is Content, not markup.
            box.border_title = Content(flat(self.title_text))
            yield Input(flat(self.value), placeholder=self.placeholder, id="dialog-input")
            yield Static(Content(self.hint), id="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(LineDialog):
    """The note of a bookmark (optional: enter with nothing typed bookmarks without one)."""

    def __init__(self, cable_id: str, note: str = "") -> None:
        super().__init__(
            f"Bookmark {cable_id}",
            note,
            hint="enter saves (the note is optional), escape cancels",
            placeholder="note (optional)",
        )
