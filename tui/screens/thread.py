"""The thread screen (t): the open cable, what it cites and what cites it, as a tree.

Enter opens the highlighted cable in the reader; t from there comes back to this tree at the
same node (the app keeps a ``ThreadPlace``); r re-roots the tree at the highlighted cable.
Labels are Rich ``Text`` built from parts, never markup: a subject is data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from store.corpus.threads import CITED_BY, CITES, Thread, ThreadNode
from tui.output.marking_style import chip
from tui.output.thread_formats import NOT_IN_CORPUS, node_date
from tui.screens.base import FilledInWorker, step_cursor
from tui.widgets.sidebar_rows import CHIP_WIDTH, flat

HINT = "enter opens the cable, r shows its thread, escape or q goes back"


@dataclass
class ThreadPlace:
    """A thread as last seen: the tree and the cable its cursor was on."""

    thread: Thread
    cursor_id: str | None = None


def node_label(node: ThreadNode) -> Text:
    """``[ C ] 2006-01-12 06TESTPOST3  SUBJECT`` (not in the corpus: dim, said in words)."""
    line = Text(no_wrap=True, end="")
    summary = node.summary
    if summary is None:
        line.append(" " * CHIP_WIDTH + " " + " " * 10 + " ")
        line.append(node.id, style="bold dim")
        line.append("  " + NOT_IN_CORPUS, style="dim italic")
        return line
    marking = summary.classification
    short = marking.short if marking is not None else "?"
    line.append_text(chip(marking, short.center(CHIP_WIDTH)))
    line.append(" ")
    line.append(node_date(node), style="dim")
    line.append(" ")
    line.append(flat(node.id), style="bold")
    line.append("  ")
    line.append(flat(summary.subject or "") or "(no subject)")
    if node.repeat:
        line.append("  (shown above)", style="dim italic")
    return line


class ThreadScreen(FilledInWorker, Screen[str | None]):
    """Returns the ID of the cable to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="thread.close"),
        Binding("enter,o", "open", "Open", id="thread.open"),
        Binding("r", "reroot", "Its thread", id="thread.reroot"),
        Binding("j", "move(1)", "Down", show=False, id="thread.down"),
        Binding("k", "move(-1)", "Up", show=False, id="thread.up"),
    ]

    DEFAULT_CSS = """
    ThreadScreen #thread-title { padding: 0 1; text-style: bold; }
    ThreadScreen Tree { height: 1fr; }
    ThreadScreen #thread-hint { color: $text-muted; padding: 0 1; }
    """

    class Rooted(Message):
        def __init__(self, thread: Thread | None, cable_id: str) -> None:
            super().__init__()
            self.thread = thread
            self.cable_id = cable_id

    def __init__(self, corpus, place: ThreadPlace | None = None, cable_id: str | None = None):
        super().__init__()
        self.corpus = corpus
        self.place = place
        self._wanted = cable_id  # the thread last asked for (r re-roots it)

    def compose(self) -> ComposeResult:
        yield Static(Text("Thread"), id="thread-title")
        tree: Tree[ThreadNode | None] = Tree(Text(""), id="thread-tree")
        tree.auto_expand = False
        tree.show_root = True
        yield tree
        yield Static(Text(HINT), id="thread-hint")

    def on_mount(self) -> None:
        self.query_one(Tree).focus()
        if self.place is not None:
            self._fill(self.place)
        elif self._wanted:
            self._load(self._wanted)

    def _load(self, cable_id: str) -> None:
        from store.corpus.threads import build_thread

        corpus = self.corpus
        self._wanted = cable_id
        self.query_one("#thread-title", Static).update(Text(f"Thread of {cable_id} …"))

        def work() -> None:
            self.post_message(self.Rooted(build_thread(corpus, cable_id), cable_id))

        self.fill(work, "thread", exclusive=True)

    def on_thread_screen_rooted(self, message: Rooted) -> None:
        if message.cable_id != self._wanted:
            return  # a thread asked for before the last one: its worker ran on
        if message.thread is None:
            self.notify(f"{flat(message.cable_id)} is not in this corpus", markup=False)
            return
        self.place = ThreadPlace(message.thread, message.thread.root.id)
        self._fill(self.place)

    def _fill(self, place: ThreadPlace) -> None:
        thread = place.thread
        count = sum(1 for n in thread.nodes() if n.summary is not None)
        title = Text(f"Thread of {flat(thread.root.id)}", style="bold")
        title.append(f"  depth {thread.depth}, {count} cable" + ("" if count == 1 else "s")
                     + (" in this corpus" if count else ""), style="dim")  # fmt: skip
        self.query_one("#thread-title", Static).update(title)
        tree = self.query_one(Tree)
        tree.clear()
        root = tree.root
        root.set_label(node_label(thread.root))
        root.data = thread.root
        found: list[TreeNode] = []
        for relation in (CITES, CITED_BY):
            kids = [c for c in thread.root.children if c.relation == relation]
            more = thread.root.more.get(relation, 0)
            if not kids and not more:
                continue
            group = root.add(Text(f"{relation} ({len(kids) + more})", style="bold"), data=None,
                             expand=True)  # fmt: skip
            self._add(group, kids, more, place.cursor_id, found)
        if not root.children:
            root.add_leaf(Text("cites no cable, and no cable of this corpus cites it",
                               style="dim italic"), data=None)  # fmt: skip
        root.expand()
        if found:
            self.call_after_refresh(tree.move_cursor, found[0])

    def _add(self, parent: TreeNode, kids, more: int, cursor_id, found: list) -> None:
        for child in kids:
            grand_more = sum(child.more.values())
            if child.children or grand_more:
                branch = parent.add(node_label(child), data=child, expand=True)
                self._add(branch, child.children, grand_more, cursor_id, found)
            else:
                branch = parent.add_leaf(node_label(child), data=child)
            if cursor_id is not None and child.id == cursor_id and not found:
                found.append(branch)
        if more:
            parent.add_leaf(Text(f"+{more} more", style="dim italic"), data=None)

    def _current(self) -> ThreadNode | None:
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(Tree), step)

    def action_open(self) -> None:
        node = self._current()
        if node is None:
            tree = self.query_one(Tree)
            if tree.cursor_node is not None and tree.cursor_node.allow_expand:
                tree.cursor_node.toggle()
            else:
                self.app.bell()
            return
        if node.summary is None:
            self.notify(f"{flat(node.id)} is not in this corpus", markup=False)
            return
        if self.place is not None:
            self.place.cursor_id = node.id
        self.dismiss(node.id)

    def action_reroot(self) -> None:
        node = self._current()
        if node is None or node.summary is None:
            self.app.bell()
            return
        self._load(node.id)

    def action_close(self) -> None:
        node = self._current()
        if self.place is not None and node is not None:
            self.place.cursor_id = node.id
        self.dismiss(None)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()  # the tree's own enter (and a click): open, as o does
        self.action_open()
