"""A yes/no question (an export over an existing file): y or enter says yes, n or escape no.

The question comes first, in words, then what it is about (a path, which may be long and
wrap), then the keys. The box is as wide as its text up to the screen's width: a Static in a
``width: auto`` box must be ``width: auto`` itself, or it gets no width and the box shows
empty (``╭──╮``).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.screens.base import Dialog
from tui.widgets.sidebar_rows import flat

KEYS_HINT = Content.assemble(("y", "bold"), " yes   ", ("n", "bold"), " no")


class ConfirmDialog(Dialog[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape,q", "answer(False)", "No", id="confirm.no"),
    ]

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog > Vertical {
        width: auto;
        min-width: 30;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $warning;
        background: $surface;
        padding: 0 1;
    }
    ConfirmDialog Static {
        width: auto;
        max-width: 100%;
    }
    ConfirmDialog #confirm-question {
        text-style: bold;
    }
    ConfirmDialog #confirm-keys {
        margin: 1 0 0 0;
    }
    """

    def __init__(self, question: str, about: str = "") -> None:
        super().__init__()
        self.question = question
        self.about = about

    @classmethod
    def overwrite(cls, path: Path) -> ConfirmDialog:
        """Never over a file without asking (the CLI has --force for it)."""
        return cls("Overwrite this file?", f"{path} exists.")

    def compose(self) -> ComposeResult:
        with Vertical():
            # Both may hold a path the user typed: Content, not markup.
            yield Static(Content(flat(self.question)), id="confirm-question")
            if self.about:
                yield Static(Content(flat(self.about)), id="confirm-about")
            yield Static(KEYS_HINT, id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
