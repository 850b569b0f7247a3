"""The timeline screen (T): how many cables of the listing or search fall in each year or
month, each bar split by classification level in the level colours.

Every level also has its own shade (``░▒▓█``), so the split reads under NO_COLOR. Enter on a
bar returns its period; the app then filters the listing to it. m switches years and months.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.corpus.timeline import UNDATED, Bucket, counts
from store.model import Level, Marking
from tui.output.marking_style import marking_colors
from tui.screens.base import FilledInWorker, step_cursor

LABEL_WIDTH = 8
COUNT_WIDTH = 8
# (level, shade, letter): drawn lowest level first, left to right.
SHADES: list[tuple[Level | None, str, str]] = [
    (Level.UNCLASSIFIED, "░", "U"),
    (Level.CONFIDENTIAL, "▒", "C"),
    (Level.SECRET, "▓", "S"),
    (Level.TOP_SECRET, "█", "TS"),
    (None, "·", "?"),
]


def level_style(level: Level | None) -> Style:
    marking = Marking(level) if level is not None else None
    background, _ = marking_colors(marking)
    return Style(color=background)


def bar_text(bucket: Bucket, widest: int, width: int) -> Text:
    """``2006   1,204 ░░░░▒▒▒▓`` with each level's share of the bar in its colour."""
    line = Text(no_wrap=True, end="")
    line.append(f"{bucket.label:<{LABEL_WIDTH}}", style="bold")
    line.append(f"{bucket.count:>{COUNT_WIDTH},} ")
    if widest <= 0 or bucket.count <= 0:
        return line
    cells = max(1, round(width * bucket.count / widest))
    shares = dict(bucket.levels)
    drawn = 0
    for index, (level, shade, _) in enumerate(SHADES):
        n = shares.get(level, 0)
        if not n:
            continue
        last = not any(shares.get(lv, 0) for lv, _, _ in SHADES[index + 1 :])
        part = cells - drawn if last else max(1, round(cells * n / bucket.count))
        part = min(part, cells - drawn)
        line.append(shade * part, style=level_style(level))
        drawn += part
    return line


def legend() -> Text:
    line = Text(no_wrap=True, end="")
    for level, shade, letter in SHADES[:4]:
        line.append(shade * 2, style=level_style(level))
        line.append(f" {letter}  ")
    return line


class TimelineScreen(FilledInWorker, Screen[tuple[str, str] | None]):
    """Returns (unit, period label) of the chosen bar, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back", id="timeline.close"),
        Binding("m", "switch_unit", "Years/months", id="timeline.unit"),
        Binding("j", "move(1)", "Down", show=False, id="timeline.down"),
        Binding("k", "move(-1)", "Up", show=False, id="timeline.up"),
    ]

    DEFAULT_CSS = """
    TimelineScreen #timeline-title { padding: 0 1; }
    TimelineScreen OptionList, TimelineScreen OptionList:focus { height: 1fr; border: none; }
    TimelineScreen #timeline-detail, TimelineScreen #timeline-hint { padding: 0 1; }
    TimelineScreen #timeline-hint { color: $text-muted; }
    """

    class Counted(Message):
        def __init__(self, unit: str, buckets: list[Bucket]) -> None:
            super().__init__()
            self.unit = unit
            self.buckets = buckets

    def __init__(self, corpus, match: str | None, filters, title: str, unit: str = "year"):
        super().__init__()
        self.corpus = corpus
        self.match = match
        self.filters = filters
        self.title = title
        self.unit = unit
        self.buckets: list[Bucket] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title, style="bold"), id="timeline-title")
        yield OptionList(id="timeline-bars")
        yield Static(Text(""), id="timeline-detail")
        yield Static(Text.assemble(legend(), ("enter lists it, m months/years, esc back", "dim")),
                     id="timeline-hint")  # fmt: skip

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._count()

    def _count(self) -> None:
        corpus, match, filters, unit = self.corpus, self.match, self.filters, self.unit

        def work() -> None:
            buckets = counts(corpus, match, filters, by=unit, levels=True)
            self.post_message(self.Counted(unit, buckets))

        self.fill(work, "timeline", exclusive=True)

    def on_timeline_screen_counted(self, message: Counted) -> None:
        if message.unit != self.unit:
            return
        self.buckets = message.buckets
        self._draw()

    def on_resize(self) -> None:
        if self.buckets:
            self._draw()

    def _draw(self) -> None:
        bars = self.query_one(OptionList)
        keep = bars.highlighted
        width = max(4, self.size.width - LABEL_WIDTH - COUNT_WIDTH - 6)
        widest = max((b.count for b in self.buckets), default=0)
        bars.clear_options()
        bars.add_options([Option(bar_text(b, widest, width)) for b in self.buckets])
        if not self.buckets:
            self.query_one("#timeline-detail", Static).update(Text("no cables", style="dim"))
            return
        if keep is None or keep >= len(self.buckets):
            keep = max(range(len(self.buckets)), key=lambda i: self.buckets[i].count)
        bars.highlighted = keep
        self._detail(keep)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._detail(event.option_index)

    def _detail(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.buckets):
            return
        bucket = self.buckets[index]
        line = Text(no_wrap=True, end="")
        noun = "cable" if bucket.count == 1 else "cables"
        line.append(f"{bucket.label}: {bucket.count:,} {noun}", style="bold")
        letters = {level: letter for level, _, letter in SHADES}
        for level, n in bucket.levels:
            line.append(f"  {letters[level]} {n:,}", style=level_style(level))
        self.query_one("#timeline-detail", Static).update(line)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        bucket = self.buckets[event.option_index]
        if bucket.label == UNDATED:
            self.notify("undated cables cannot be picked by date", timeout=3)
            return
        self.dismiss((self.unit, bucket.label))

    def action_switch_unit(self) -> None:
        self.unit = "month" if self.unit == "year" else "year"
        self.buckets = []
        self.query_one(OptionList).clear_options()
        self._count()

    def action_move(self, step: int) -> None:
        step_cursor(self.query_one(OptionList), step)

    def action_close(self) -> None:
        self.dismiss(None)
