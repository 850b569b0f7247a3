"""Two pickers of what the cables say about themselves: the glossary of a cable's TAGS (i)
and the people of a cable or of the listing (p, P). Enter returns a query for the sidebar
(``tag:PGOV``, ``person:"ODUYA, MIRIAM"``); escape or q closes.

The rows come in a worker (``load``); codes, meanings and names are cable data or table data,
so they are shown as ``Content``, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.base import Dialog
from tui.widgets.sidebar_rows import flat


@dataclass(frozen=True)
class Row:
    """One row: the columns to show and the query enter runs."""

    columns: tuple[str, ...]
    query: str
    dim: tuple[int, ...] = ()  # the columns shown dim


class PickScreen(Dialog[str | None]):
    """A list of rows filled by ``load`` (run in a worker); returns the chosen row's query."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close", id="pick.close"),
        Binding("down,j", "move(1)", "Down", show=False, id="pick.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="pick.up"),
    ]

    DEFAULT_CSS = """
    PickScreen {
        align: center middle;
    }
    PickScreen > Vertical {
        width: 96;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
    }
    PickScreen OptionList {
        height: auto;
        max-height: 30;
        border: none;
    }
    PickScreen #pick-hint {
        color: $text-muted;
        padding: 0 1;
    }
    """

    class Loaded(Message):
        def __init__(self, rows: list[Row], note: str) -> None:
            super().__init__()
            self.rows = rows
            self.note = note

    def __init__(self, title: str, hint: str, load: Callable[[], tuple[list[Row], str]]) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.load = load
        self.rows: list[Row] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield OptionList(Option(Content.styled("reading…", "dim"), disabled=True),
                             id="pick-list")  # fmt: skip
            yield Static(Content(self.hint), id="pick-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

        def work() -> None:
            rows, note = self.load()
            self.post_message(self.Loaded(rows, note))

        self.fill(work, "pick")

    def on_pick_screen_loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        options = self.query_one(OptionList)
        options.clear_options()
        if not self.rows:
            options.add_option(Option(Content.styled(message.note, "dim"), disabled=True))
            return
        widths = [max(len(column) for column in columns) for columns in zip(
            *(row.columns for row in self.rows), strict=True)]  # fmt: skip
        options.add_options(Option(_prompt(row, widths)) for row in self.rows)
        options.highlighted = 0
        if message.note:
            self.query_one("#pick-hint", Static).update(Content(f"{message.note}  ·  {self.hint}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.rows):
            self.dismiss(self.rows[event.option_index].query)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _prompt(row: Row, widths: Sequence[int]) -> Content:
    parts: list = []
    last = len(row.columns) - 1
    for index, (column, width) in enumerate(zip(row.columns, widths, strict=True)):
        text = flat(column) if index == last else flat(column).ljust(min(width, 40))
        parts.append((text, "dim") if index in row.dim else text)
        if index < last:
            parts.append("  ")
    return Content.assemble(*parts)
