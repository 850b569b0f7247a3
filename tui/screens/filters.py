"""The filter screen (f): classification levels, NOFORN, origin, tag and a date range
(a year, a month or a day at either end).

Returns a ``Filters`` (or None when cancelled). The corpus's counts per level, year, origin
and tag come from ``Corpus.facets`` in a thread worker and are shown as hints; the origin
field completes from the corpus's origin names, matching anywhere in a name. Origin names are
cable data, so they are shown as ``Content``, never markup.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from store.corpus.corpus import Corpus, Facets
from store.corpus.filters import FIRST_YEAR, LAST_YEAR, Filters
from store.corpus.periods import bounds_text, period_bound
from store.model import Level
from tui.screens.base import Dialog
from tui.widgets.origin_complete import OriginInput, OriginSuggester
from tui.widgets.sidebar_rows import flat
from tui.widgets.tick_boxes import TickBox, TickList

LEVELS = [Level.UNCLASSIFIED, Level.CONFIDENTIAL, Level.SECRET, Level.TOP_SECRET]
DATE_KEYS = r"[0-9-]{0,10}"


class FilterError(ValueError):
    """A field the user must fix; ``str()`` is one line."""


def parse_bound(text: str, what: str, *, end: bool) -> date | None:
    """A period's first (or last, ``end``) day: ``2006``, ``2006-03`` or ``2006-03-15``."""
    text = text.strip()
    if not text:
        return None
    try:
        return period_bound(text, end=end)
    except ValueError as error:
        raise FilterError(f"{what}: {error} (e.g. 2006, 2006-03, 2006-03-15)") from None


def split_list(text: str) -> tuple[str, ...]:
    """``"PGOV, kz  PREL"`` -> ``("PGOV", "kz", "PREL")``; commas or blanks separate."""
    return tuple(part for part in text.replace(",", " ").split() if part)


def build_filters(
    levels: list[Level],
    noforn: bool,
    origins: str,
    tags: str,
    date_from: str,
    date_to: str,
    base: Filters | None = None,
) -> Filters:
    """The screen's fields as Filters; raises FilterError for a bad date range. What the
    screen has no field for (an ``id:`` prefix, ``para:`` levels) is kept from ``base``."""
    start = parse_bound(date_from, "From", end=False)
    end = parse_bound(date_to, "To", end=True)
    if start is not None and end is not None and start > end:
        raise FilterError("the From date is after the To date")
    return replace(
        base or Filters(),
        levels=frozenset(levels),
        caveats=frozenset({"NOFORN"}) if noforn else frozenset(),
        # Origins are matched as substrings; a comma separates names with blanks in them.
        origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        tags=tuple(t.upper() for t in split_list(tags)),
        date_from=start,
        date_to=end,
    )


def facets_hint(facets: Facets) -> Content:
    """A few lines of counts: what the corpus holds, to pick filters from."""
    by_level: dict[str, int] = {}
    for name, count in facets.levels:
        word = name.split("//")[0].title()
        by_level[word] = by_level.get(word, 0) + count
    years = [y for y, _ in facets.years if y is not None]
    # In the order of the level list above: lowest first, unknown markings last.
    order = [level.word.title() for level in LEVELS]
    ranked = sorted(by_level.items(), key=lambda item: (
        order.index(item[0]) if item[0] in order else len(order), item[0]))  # fmt: skip
    counts = "  ".join(f"{name} {count:,}" for name, count in ranked)
    lines = [Content.assemble(("Levels  ", "bold"), counts)]
    if years:
        lines.append(Content.assemble(("Years   ", "bold"), f"{min(years)}–{max(years)}"))
    if facets.origins:
        top = ", ".join(flat(name) for name, _ in facets.origins[:6])
        lines.append(Content.assemble(("Origins ", "bold"), top))
    if facets.tags:
        top = " ".join(flat(name) for name, _ in facets.tags[:10])
        lines.append(Content.assemble(("Tags    ", "bold"), top))
    return Content("\n").join(lines)


def tag_meanings_line(tags) -> Content:
    """What the typed codes mean (``PGOV Government · KZ Kazakhstan``), as they are typed."""
    from store.glossary import describe

    parts = []
    for tag in tags[:8]:
        entry = describe(tag)
        said = entry.meaning if entry.known else "(unknown code)"
        parts.append(f"{flat(entry.code)} {flat(said or '')}")
    return Content(" · ".join(parts))


def _year(text: str) -> int | None:
    """The year a date field starts with (``2009``, ``2009-12``, ``2009-12-04``), for the
    live counts, which count by year."""
    text = text.strip()[:4]
    return int(text) if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR else None


def _search_rowids(corpus: Corpus, query: str):
    """The rowids of a search by its own words and field filters (not the sidebar's)."""
    from store.query.compile import QueryError, compile_query

    try:
        compiled = compile_query(query)
    except QueryError:
        return None
    if compiled.match is None:
        return corpus.ids(compiled.filters)
    return corpus.search_ids(compiled.match, compiled.filters)


class FilterScreen(Dialog[Filters | None]):
    """Edit the filters; enter or ctrl+s applies, escape cancels, ctrl+r clears.

    Enter applies from anywhere but a button (which it presses): the level list and the
    checkbox would take it for "tick", and space does that.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "enter", "Apply", show=False, priority=True, id="filters.enter"),
        # q is a letter in the text fields (they take it first), cancel elsewhere.
        Binding("escape,q", "cancel", "Cancel", id="filters.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="filters.apply"),
        Binding("ctrl+r", "clear", "Clear all", id="filters.clear"),
    ]

    DEFAULT_CSS = """
    FilterScreen {
        align: center middle;
    }
    FilterScreen > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
        overflow-y: auto;
    }
    FilterScreen SelectionList {
        height: auto;
        max-height: 6;
    }
    FilterScreen Input {
        width: 1fr;
    }
    FilterScreen .row {
        height: auto;
    }
    FilterScreen .row Label {
        width: 8;
    }
    FilterScreen .row Input {
        margin: 0 1 0 0;
    }
    FilterScreen #noforn, FilterScreen #levels {
        margin: 0 0 1 0;
    }
    FilterScreen #tag-meanings {
        color: $text-muted;
        height: auto;
        padding: 0 0 0 8;
    }
    FilterScreen #filter-error {
        color: $error;
        height: auto;
    }
    FilterScreen #facets {
        color: $text-muted;
        height: auto;
    }
    FilterScreen Button {
        margin: 0 1 0 0;
    }
    FilterScreen #buttons {
        height: auto;
        margin: 1 0 0 0;
    }
    """

    class FacetsLoaded(Message):
        def __init__(self, facets: Facets | None, origins: list[str]) -> None:
            super().__init__()
            self.facets = facets
            self.origins = origins

    class CountsLoaded(Message):
        def __init__(self, counts, generation: int) -> None:
            super().__init__()
            self.counts = counts
            self.generation = generation

    def __init__(self, corpus: Corpus, current: Filters, query: str = "") -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        # The search the listing shows ("" for none): the live counts are of its cables.
        self.query_text = query
        self.origin_names: list[str] = []
        self._base = None  # its rowids, read once (None: the whole corpus)
        self._counting = 0

    def compose(self) -> ComposeResult:
        current = self.current
        with Vertical() as box:
            # Two short lines rather than one cut at 40 columns: the keys must show whole.
            box.border_title = "Filter: space ticks"
            box.border_subtitle = "enter applies, escape cancels"
            yield TickList[int](
                *[
                    (Content(level.word.title()), int(level), level in current.levels)
                    for level in LEVELS
                ],
                id="levels",
                compact=True,
            )
            yield TickBox("NOFORN only", "NOFORN" in current.caveats, id="noforn", compact=True)
            with Horizontal(classes="row"):
                yield Label("Origin")
                yield OriginInput(", ".join(current.origins), placeholder="e.g. ankara, secretary",
                            id="origin", compact=True)  # fmt: skip
            with Horizontal(classes="row"):
                yield Label("Tags")
                yield Input(" ".join(current.tags), placeholder="e.g. PGOV KZ (all of them)",
                            id="tags", compact=True)  # fmt: skip
            yield Static(tag_meanings_line(current.tags), id="tag-meanings")
            first, last = bounds_text(current.date_from, current.date_to)
            with Horizontal(classes="row"):
                # A year, a month (the timeline's pick) or a day: shown as it was chosen.
                yield Label("Dates")
                yield Input(
                    first,
                    placeholder="from", restrict=DATE_KEYS, id="date-from", compact=True,
                )  # fmt: skip
                yield Input(
                    last,
                    placeholder="to", restrict=DATE_KEYS, id="date-to", compact=True,
                )  # fmt: skip
            yield Static("", id="filter-error")
            yield Static(Content.styled("counting…", "dim"), id="facets")
            with Horizontal(id="buttons"):
                yield Button("Apply", variant="primary", id="apply", compact=True)
                yield Button("Clear all", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#levels").focus()
        corpus = self.corpus

        def work() -> None:
            try:
                facets = corpus.facets()
                origins = corpus.origin_names()
            except Exception:
                facets, origins = None, []
            self.post_message(self.FacetsLoaded(facets, origins))

        self.run_worker(work, thread=True, exit_on_error=False)

    def on_filter_screen_facets_loaded(self, message: FacetsLoaded) -> None:
        hint = self.query_one("#facets", Static)
        hint.update(facets_hint(message.facets) if message.facets else Content(""))
        if message.origins:
            self.query_one("#origin", Input).suggester = OriginSuggester(message.origins)
        self.origin_names = message.origins
        self._recount()

    # -- live counts (tui.screens.live_counts) ---------------------------------------------

    def on_selection_list_selected_changed(self, event) -> None:
        self._recount()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "tags":
            line = tag_meanings_line(split_list(event.value))
            self.query_one("#tag-meanings", Static).update(line)
        if self.is_mounted:
            self._recount()

    def _recount(self) -> None:
        from tui.screens.live_counts import selection_of

        self._counting += 1
        generation = self._counting
        try:
            levels = [Level(v) for v in self.query_one("#levels", TickList).selected]
            origins = [o.strip() for o in self.query_one("#origin", Input).value.split(",")
                       if o.strip()]  # fmt: skip
            tags = split_list(self.query_one("#tags", Input).value)
            years = (_year(self.query_one("#date-from", Input).value),
                     _year(self.query_one("#date-to", Input).value))  # fmt: skip
        except Exception:  # before the fields are up
            return
        corpus, query, names = self.corpus, self.query_text, self.origin_names

        def work() -> None:
            from store.corpus.facet_counts import facet_index

            index = facet_index(corpus)
            if self._base is None and query:
                self._base = _search_rowids(corpus, query)
            known_years = [y for y, _ in index.counts().years if y is not None]
            selection = selection_of(levels, origins, tags, years, names, known_years)
            counts = index.counts(self._base, selection)
            self.post_message(self.CountsLoaded(counts, generation))

        self.run_worker(work, thread=True, exit_on_error=False, group="live-counts",
                        exclusive=True)  # fmt: skip

    def on_filter_screen_counts_loaded(self, message: CountsLoaded) -> None:
        from tui.screens.live_counts import counts_hint, level_prompt

        if message.generation != self._counting:
            return
        ticks = self.query_one("#levels", TickList)
        for index, level in enumerate(LEVELS):
            ticks.replace_option_prompt_at_index(index, level_prompt(level, message.counts))
        within = "in this search" if self.query_text else "in the corpus"
        self.query_one("#facets", Static).update(counts_hint(message.counts, within))

    def _read(self) -> Filters:
        return build_filters(
            [Level(v) for v in self.query_one("#levels", TickList).selected],
            self.query_one("#noforn", TickBox).value,
            self.query_one("#origin", Input).value,
            self.query_one("#tags", Input).value,
            self.query_one("#date-from", Input).value,
            self.query_one("#date-to", Input).value,
            self.current,
        )

    def action_apply(self) -> None:
        try:
            filters = self._read()
        except FilterError as error:
            self.query_one("#filter-error", Static).update(Content(str(error)))
            return
        self.dismiss(filters)

    def action_enter(self) -> None:
        focused = self.focused
        if isinstance(focused, Button):
            focused.press()
        else:
            self.action_apply()

    def action_clear(self) -> None:
        self.dismiss(Filters())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"apply": self.action_apply, "clear": self.action_clear,
                   "cancel": self.action_cancel}  # fmt: skip
        action = actions.get(event.button.id or "")
        if action:
            action()
