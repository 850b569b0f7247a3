"""The map screen (M): the cables of the listing or search counted by the post that sent
them, on a world map (tui/output/world_map.py), with the posts listed beside or below it.

The cursor moves in the list; the map shows the chosen post reversed. Enter returns its
origin; the app then filters the listing to it.
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

from store.corpus.timeline import counts
from tui.output.world_map import default_height, draw_world
from tui.screens.base import FilledInWorker, step_cursor

# Every origin: a corpus has a few hundred.
ALL_ORIGINS = 100_000
# The least the list of posts keeps on screen under the map.
LIST_ROWS = 4
# Title, hint and the list's own lines besides its rows.
CHROME_ROWS = 3


class MapScreen(FilledInWorker, Screen[str | None]):
    """Returns the origin of the chosen post, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="map.close"),
        Binding("j", "move(1)", "Down", show=False, id="map.down"),
        Binding("k", "move(-1)", "Up", show=False, id="map.up"),
    ]

    DEFAULT_CSS = """
    MapScreen #map-title, MapScreen #map-hint { padding: 0 1; }
    MapScreen #map-hint { color: $text-muted; }
    MapScreen #map { padding: 0 1; height: auto; }
    MapScreen OptionList, MapScreen OptionList:focus { height: 1fr; border: none; }
    """

    class Counted(Message):
        def __init__(self, by_origin: dict[str, int]) -> None:
            super().__init__()
            self.by_origin = by_origin

    def __init__(self, corpus, match: str | None, filters, title: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.match = match
        self.filters = filters
        self.title = title
        self.by_origin: dict[str, int] | None = None
        self.posts: list[str] = []  # the list's origins, biggest first

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title, style="bold"), id="map-title")
        yield Static(Text("counting…", style="dim"), id="map")
        yield OptionList(id="map-posts")
        yield Static(Text("enter lists the post's cables, esc back", style="dim"), id="map-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        corpus, match, filters = self.corpus, self.match, self.filters

        def work() -> None:
            buckets = counts(corpus, match, filters, by="origin", top=ALL_ORIGINS)
            self.post_message(self.Counted({b.label: b.count for b in buckets if b.count}))

        self.fill(work, "map", exclusive=True)

    def on_map_screen_counted(self, message: Counted) -> None:
        self.by_origin = message.by_origin
        ranked = sorted(self.by_origin.items(), key=lambda item: (-item[1], item[0]))
        self.posts = [origin for origin, _ in ranked]
        posts = self.query_one(OptionList)
        posts.clear_options()
        posts.add_options([Option(Text(f"{count:>8,}  {origin}", no_wrap=True))
                           for origin, count in ranked])  # fmt: skip
        if ranked:
            posts.highlighted = 0
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.by_origin is None:
            return
        shown = self.query_one("#map", Static)
        if not self.by_origin:
            shown.update(Text("no cables", style="dim"))
            return
        width = max(10, self.size.width - 2)
        room = self.size.height - CHROME_ROWS - LIST_ROWS
        height = min(default_height(width), max(room, 3))
        world = draw_world(self.by_origin, width, height, selected=self.selected)
        shown.update(Text("\n").join(world.lines))

    @property
    def selected(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        return self.posts[index] if index is not None and index < len(self.posts) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.posts[event.option_index])

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(OptionList), step)

    def action_close(self) -> None:
        self.dismiss(None)
