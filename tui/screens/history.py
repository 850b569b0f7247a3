"""The search history picker (H): past queries, newest first; / filters them as you type.

Enter re-runs the highlighted query; ctrl+l clears the whole history. The queries are the
user's own text but are still shown as ``Content``: a query may contain ``[``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.userdata.history import History, HistoryEntry
from tui.screens.base import Dialog
from tui.widgets.sidebar_rows import flat


def entry_prompt(entry: HistoryEntry) -> Content:
    when = entry.when.astimezone().strftime("%Y-%m-%d %H:%M")
    hits = "" if entry.hits is None else f"{entry.hits:,} hit" + ("" if entry.hits == 1 else "s")
    return Content.assemble(flat(entry.query), "  ", (f"{hits}  {when}".strip(), "dim"))


class HistoryScreen(Dialog[str | None]):
    """Pick a past query; returns it, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Close", id="history.close"),
        Binding("slash", "filter", "Filter", id="history.filter"),
        Binding("down,j", "move(1)", "Down", show=False, id="history.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="history.up"),
        Binding("ctrl+l", "clear", "Clear history", id="history.clear"),
    ]

    DEFAULT_CSS = """
    HistoryScreen {
        align: center middle;
    }
    HistoryScreen > Vertical {
        width: 90;
        max-width: 100%;
        height: 80%;
        border: round $primary;
        background: $surface;
    }
    HistoryScreen OptionList {
        height: 1fr;
        border: none;
    }
    HistoryScreen #history-hint {
        color: $text-muted;
        padding: 0 1;
    }
    """

    class Loaded(Message):
        def __init__(self, entries: list[HistoryEntry], notices: list[str]) -> None:
            super().__init__()
            self.entries = entries
            self.notices = notices

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history
        self.entries: list[HistoryEntry] = []
        self._shown: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search history"
            yield Input(placeholder="filter past searches", id="history-filter", compact=True)
            yield OptionList(id="history-list")
            yield Static(
                Content("enter runs the search, / filters, ctrl+l clears the history, q closes"),
                id="history-hint",
            )

    def on_mount(self) -> None:
        # The list has the focus, as in mutt: q and Q are keys there, / types a filter.
        self.query_one(OptionList).focus()
        self._load()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def _load(self) -> None:
        history = self.history

        def work() -> None:
            entries = history.recent()
            notices = list(history.notices)
            history.notices.clear()
            self.post_message(self.Loaded(entries, notices))

        self.fill(work, "history")

    def on_history_screen_loaded(self, message: Loaded) -> None:
        self.entries = message.entries
        for notice in message.notices:
            self.notify(notice, severity="warning", markup=False)
        self._fill(self.query_one(Input).value)

    def _fill(self, typed: str) -> None:
        needle = typed.strip().lower()
        listing = self.query_one(OptionList)
        listing.clear_options()
        shown = [e for e in self.entries if needle in e.query.lower()]
        listing.add_options([Option(entry_prompt(e), id=str(i)) for i, e in enumerate(shown)])
        self._shown = shown
        if shown:
            listing.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose()

    def _choose(self) -> None:
        listing = self.query_one(OptionList)
        index = listing.highlighted
        shown = self._shown
        if index is None or not 0 <= index < len(shown):
            self.app.bell()
            return
        self.dismiss(shown[index].query)

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if listing.option_count:
            current = listing.highlighted or 0
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    def action_clear(self) -> None:
        history = self.history

        def work() -> None:
            history.clear()
            self.post_message(self.Loaded([], []))

        self.app.background(work, "history")  # type: ignore[attr-defined]
        self.notify("search history cleared", timeout=2)

    def action_cancel(self) -> None:
        self.dismiss(None)
