"""The search line (/): an input, its one-line error, and recall of past queries.

Typing searches as you go (the app runs each query in a thread worker that the next one
cancels); enter keeps the results and moves to the listing; escape closes the line and goes
back to the full listing. Up and down recall earlier queries that start with what was typed
when recall began, like ``less``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.widgets.sidebar_rows import flat


class Recall:
    """Walks past queries (newest first) that start with a prefix; plain data."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = entries
        self.prefix: str | None = None
        self.matches: list[str] = []
        self.position = -1

    @property
    def active(self) -> bool:
        return self.prefix is not None

    def older(self, typed: str) -> str | None:
        """The next older query starting with the prefix; None when there is none."""
        if self.prefix is None:
            self.prefix = typed
            self.matches = [q for q in self.entries if q.startswith(typed) and q != typed]
            self.position = -1
        if self.position + 1 >= len(self.matches):
            return None
        self.position += 1
        return self.matches[self.position]

    def newer(self) -> str | None:
        """The next newer query; the typed prefix itself past the newest one."""
        if self.prefix is None:
            return None
        if self.position <= 0:
            typed = self.prefix
            self.reset()
            return typed
        self.position -= 1
        return self.matches[self.position]

    def reset(self) -> None:
        self.prefix = None
        self.matches = []
        self.position = -1


class SearchBar(Vertical):
    """Hidden until ``/``. Posts ``Changed`` (typed), ``Submitted`` (enter), ``Closed``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "recall_older", "Older query", show=False, id="search.older"),
        Binding("down", "recall_newer", "Newer query", show=False, id="search.newer"),
        Binding("escape", "close", "Close search", id="search.close"),
    ]

    DEFAULT_CSS = """
    SearchBar {
        height: auto;
        display: none;
        background: $panel;
    }
    SearchBar.-open {
        display: block;
    }
    SearchBar #search-row {
        height: 1;
    }
    SearchBar #search-prompt {
        width: 3;
        padding: 0 1;
        text-style: bold;
    }
    SearchBar Input {
        width: 1fr;
    }
    SearchBar #search-error {
        height: auto;
        padding: 0 1;
        color: $error;
        display: none;
    }
    SearchBar #search-error.-shown {
        display: block;
    }
    SearchBar #search-tags {
        height: auto;
        padding: 0 1;
        color: $text-muted;
        display: none;
    }
    SearchBar #search-tags.-shown {
        display: block;
    }
    """

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.recall = Recall([])
        self._set_by_recall: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-row"):
            yield Static("/", id="search-prompt")
            yield Input(
                placeholder='words "a phrase" prefix* -not tag:PGOV from:2006   '
                "(enter: results, up: history, escape: close)",
                id="search-input",
                compact=True,
            )
        yield Static("", id="search-error")
        yield Static("", id="search-tags")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, text: str | None = None) -> None:
        self.add_class("-open")
        if text is not None:
            self.set_text(text)
        self.input.focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.show_error(None)
        self.recall.reset()

    def set_text(self, text: str) -> None:
        self._set_by_recall = text
        self.input.value = text
        self.input.cursor_position = len(text)

    def set_history(self, queries: list[str]) -> None:
        self.recall = Recall(queries)

    def show_error(self, reason: str | None) -> None:
        error = self.query_one("#search-error", Static)
        # The reason may quote the user's query: Content, not markup.
        error.update(Content(flat(reason)) if reason else Content(""))
        error.set_class(bool(reason), "-shown")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        meanings = tag_words_line(event.value)
        line = self.query_one("#search-tags", Static)
        line.update(Content(meanings))
        line.set_class(bool(meanings), "-shown")
        if event.value != self._set_by_recall:
            self.recall.reset()
        self._set_by_recall = None
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.recall.reset()
        self.post_message(self.Submitted(event.value))

    def action_recall_older(self) -> None:
        query = self.recall.older(self.input.value)
        if query is None:
            self.app.bell()
            return
        self.set_text(query)

    def action_recall_newer(self) -> None:
        query = self.recall.newer()
        if query is None:
            self.app.bell()
            return
        self.set_text(query)

    def action_close(self) -> None:
        self.post_message(self.Closed())


_TAG_WORD = re.compile(r"(?i)(?<![\w:])tag:([A-Za-z]{2,6})\b")


def tag_words_line(text: str) -> str:
    """What the ``tag:`` words of a query mean (``tag:KZ Kazakhstan``), as they are typed."""
    from store.glossary import describe

    parts = []
    for code in dict.fromkeys(m.group(1).upper() for m in _TAG_WORD.finditer(text[:2000])):
        entry = describe(code)
        said = entry.meaning if entry.known else "(unknown code)"
        parts.append(f"tag:{flat(code)} {flat(said or '')}")
    return " · ".join(parts[:6])
