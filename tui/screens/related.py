"""The related screen (R): the cables most like the open one (store/fulltext/related.py),
REF links first. Enter opens the highlighted cable in the reader (backspace comes back);
escape or q closes the list. Rows are Rich ``Text`` built from parts: a subject is data.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.fulltext.related import Related, related
from store.model import Summary
from tui.output.marking_style import chip
from tui.screens.base import FilledInWorker, step_cursor
from tui.widgets.sidebar_rows import CHIP_WIDTH, flat

HINT = "enter opens the cable (backspace comes back), escape or q closes"
WHY_WIDTH = 8


def related_row(found: Related, summary: Summary | None) -> Text:
    """``[ C ] cited by 2006-01-12 06TESTPOST3  SUBJECT``; the score where no REF links."""
    line = Text(no_wrap=True, end="")
    marking = summary.classification if summary is not None else None
    short = marking.short if marking is not None else "?"
    line.append_text(chip(marking, short.center(CHIP_WIDTH)))
    why = found.link or f"{found.score:.2f}"
    line.append(f" {why:>{WHY_WIDTH}} ", style="italic" if found.link else "dim")
    line.append((found.created or "")[:10] or "no date   ", style="dim")
    line.append(" ")
    line.append(flat(found.id), style="bold")
    line.append("  ")
    line.append(flat(found.subject or "") or "(no subject)")
    return line


class RelatedScreen(FilledInWorker, Screen[str | None]):
    """Returns the ID of the chosen cable, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="related.close"),
        Binding("j", "move(1)", "Down", show=False, id="related.down"),
        Binding("k", "move(-1)", "Up", show=False, id="related.up"),
    ]

    DEFAULT_CSS = """
    RelatedScreen #related-title, RelatedScreen #related-hint { padding: 0 1; }
    RelatedScreen #related-hint { color: $text-muted; }
    RelatedScreen OptionList, RelatedScreen OptionList:focus {
        height: 1fr; border: none; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    class Found(Message):
        def __init__(self, rows: list[tuple[Related, Summary | None]] | None) -> None:
            super().__init__()
            self.rows = rows

    def __init__(self, corpus, cable_id: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.cable_id = cable_id
        self.ids: list[str] = []

    def compose(self) -> ComposeResult:
        title = Text.assemble(("Like ", "bold"), (flat(self.cable_id), "bold"),
                              ("  finding…", "dim"))  # fmt: skip
        yield Static(title, id="related-title")
        yield OptionList(id="related-list")
        yield Static(Text(HINT, style="dim"), id="related-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        corpus, cable_id = self.corpus, self.cable_id

        def work() -> None:
            found = related(corpus, cable_id)
            if found is None:
                self.post_message(self.Found(None))
                return
            summaries = {s.rowid: s for s in corpus.summaries([r.rowid for r in found])}
            self.post_message(self.Found([(r, summaries.get(r.rowid)) for r in found]))

        self.fill(work, "related", exclusive=True)

    def on_related_screen_found(self, message: Found) -> None:
        title = self.query_one("#related-title", Static)
        listing = self.query_one(OptionList)
        if message.rows is None:
            title.update(Text(f"{flat(self.cable_id)} is no longer in the corpus", style="bold"))
            return
        self.ids = [r.id for r, _ in message.rows]
        links = sum(1 for r, _ in message.rows if r.link)
        said = f"  {len(self.ids)} cables" + (f", {links} linked by REF" if links else "")
        if not self.ids:
            said = "  nothing in the corpus is like it"
        title.update(Text.assemble(("Like ", "bold"), (flat(self.cable_id), "bold"), (said, "dim")))
        listing.add_options([Option(related_row(r, s)) for r, s in message.rows])
        if self.ids:
            listing.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.ids[event.option_index])

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(OptionList), step)

    def action_close(self) -> None:
        self.dismiss(None)
