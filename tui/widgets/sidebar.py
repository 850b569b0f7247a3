"""The sidebar: every cable of the listing, one line each (two for a search hit), newest first.

A Line-API ``ScrollView``: it paints only the visible rows, and holds only the listing's
rowids (an ``array`` of 8-byte ints: 2 MB at 250,000 cables) plus a small cache of pages of
summaries (``tui.widgets.sidebar_pages``), which thread workers fetch from the corpus as rows come
into view. Moving the cursor repaints the two rows that changed, nothing else (over SSH
every repaint is bytes). OptionList, ListView and DataTable build a widget or a row object
per item and take seconds to minutes at this size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.corpus.corpus import Corpus
from store.model import Summary
from tui.state.listing import Listing
from tui.widgets.frame_style import FrameStyle
from tui.widgets.row_snap import padded_length, snapped
from tui.widgets.scroll_length import set_scroll_length
from tui.widgets.sidebar_pages import MAX_PAGES, PAGE_SIZE, SummaryPages
from tui.widgets.sidebar_rows import ID_WIDTH, fit, placeholder_row, snippet_row, summary_row

# Also taken from here by the app and the tests, from before they had modules of their own.
__all__ = ["MAX_PAGES", "PAGE_SIZE", "Listing", "Sidebar"]


class Sidebar(FrameStyle, ScrollView, can_focus=True):
    """The listing. Posts ``CursorMoved`` as the cursor moves and ``Chosen`` on enter/o."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="sidebar.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="sidebar.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="sidebar.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="sidebar.page_up"),
        Binding("g,home", "first", "First", show=False, id="sidebar.first"),
        Binding("G,end", "last", "Last", show=False, id="sidebar.last"),
        Binding("enter,o", "choose", "Open", id="sidebar.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"sidebar--cursor", "sidebar--cursor-blurred"}

    DEFAULT_CSS = """
    Sidebar {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    Sidebar > .sidebar--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    Sidebar > .sidebar--cursor-blurred {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    Sidebar:nocolor > .sidebar--cursor {
        text-style: reverse bold;
    }
    Sidebar:nocolor > .sidebar--cursor-blurred {
        text-style: reverse;
    }
    """

    class CursorMoved(Message):
        """``by_user``: a key moved it (else a new listing or the app did)."""

        def __init__(self, rowid: int | None, by_user: bool) -> None:
            super().__init__()
            self.rowid = rowid
            self.by_user = by_user

    class Chosen(Message):
        def __init__(self, rowid: int) -> None:
            super().__init__()
            self.rowid = rowid

    class PageLoaded(Message):
        def __init__(
            self, generation: int, page: int, rows: dict[int, Summary], snippets: dict[int, str]
        ) -> None:
            super().__init__()
            self.generation = generation
            self.page = page
            self.rows = rows
            self.snippets = snippets

    def __init__(self, corpus: Corpus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.corpus = corpus
        self.listing = Listing(rowids=(), total=0)
        self.cursor = 0
        self.bookmarked: frozenset[str] = frozenset()
        self.id_width = ID_WIDTH
        # Shown on the first line when the listing is empty ("no cables match").
        self.empty_text = ""
        # Called as the cursor moves, before the CursorMoved message goes out: what shows the
        # cursor's position (the header's "1,204 / 251,287") is repainted in the same frame
        # as the two rows, not in a frame of its own a moment later.
        self.on_move: Callable[[], None] | None = None
        self._pages = SummaryPages()

    # -- the listing -----------------------------------------------------------------------

    @property
    def row_height(self) -> int:
        return 2 if self.listing.match is not None else 1

    @property
    def count(self) -> int:
        return self.listing.size

    @property
    def cursor_rowid(self) -> int | None:
        rowids = self.listing.rowids
        return rowids[self.cursor] if 0 <= self.cursor < len(rowids) else None

    def summary_at(self, index: int) -> Summary | None:
        """The summary of row ``index`` if its page is loaded (no fetch)."""
        if not 0 <= index < len(self.listing.rowids):
            return None
        page = self._pages.rows(index // PAGE_SIZE)
        return page.get(self.listing.rowids[index]) if page is not None else None

    def set_listing(
        self,
        listing: Listing,
        *,
        keep_rowid: int | None = None,
        first_page: Sequence[Summary] = (),
        snippets: dict[int, str] | None = None,
    ) -> None:
        """Show another listing; the cursor stays on ``keep_rowid`` when it is listed.

        ``first_page`` (and its ``snippets``): summaries of the first rows, already fetched.
        """
        self._pages.reset(first_page, snippets)
        self.listing = listing
        index = self.index_of(keep_rowid) if keep_rowid is not None else None
        self.cursor = index if index is not None else 0
        self._update_virtual_size()
        self.scroll_to(y=self._scroll_target(self.cursor, center=True), animate=False)
        self.refresh()
        self._request(self.cursor // PAGE_SIZE)
        self._moved(by_user=False)

    def complete_listing(self, listing: Listing, *, keep_rowid: int | None = None) -> None:
        """The full rowids of the listing shown from its first page: keep what is loaded."""
        old = self.listing
        shown = len(old.rowids)
        if old.complete or list(listing.rowids[:shown]) != list(old.rowids):
            self.set_listing(listing, keep_rowid=keep_rowid)
            return
        self.listing = listing
        first = self._pages.rows(0)
        if first is not None and len(first) < min(PAGE_SIZE, len(listing.rowids)):
            # The first page came short (a search's first screenful): fetch it whole now.
            self._request(0, again=True)
        self._update_virtual_size()
        self.refresh()
        index = self.index_of(keep_rowid) if keep_rowid is not None else None
        # A cursor the user already took past the first page (G) stays where it is.
        if index is not None and index != self.cursor and self.cursor < shown:
            self.cursor = index
            self.scroll_to(y=self._scroll_target(index, center=True), animate=False)
        self._moved(by_user=False)

    def index_of(self, rowid: int) -> int | None:
        try:
            return self.listing.rowids.index(rowid)  # array.index runs in C: ms at 250k
        except ValueError:
            return None

    def set_bookmarked(self, ids: frozenset[str]) -> None:
        """New bookmark marks: repaint only the visible rows whose mark changed."""
        if ids == self.bookmarked:
            return
        changed = ids ^ self.bookmarked
        self.bookmarked = ids
        height = self.row_height
        first = round(self.scroll_y) // height
        for index in range(first, first + self._rows_per_page + 1):
            summary = self.summary_at(index)
            if summary is not None and summary.id in changed:
                self.refresh_lines(index * height, height)

    def set_id_width(self, width: int) -> None:
        if width != self.id_width:
            self.id_width = width
            self.refresh()

    def _update_virtual_size(self) -> None:
        region = self.scrollable_content_region
        lines = padded_length(self.count * self.row_height, region.height, self.row_height)
        set_scroll_length(self, region.width, lines)

    def validate_scroll_y(self, value: float) -> float:
        # Never between a hit's row and its snippet (the wheel, the scrollbar, centring).
        value = snapped(value, self.scroll_y, self.row_height)
        return super().validate_scroll_y(value)

    def on_resize(self) -> None:
        self._update_virtual_size()

    # -- moving ----------------------------------------------------------------------------

    def move_to(self, index: int, *, by_user: bool = True) -> None:
        """Put the cursor on row ``index``: repaint the two rows, or scroll when off screen."""
        if not self.count:
            return
        index = max(0, min(index, self.count - 1))
        old = self.cursor
        if index == old:
            return
        self.cursor = index
        target = self._scroll_target(index)
        if target != round(self.scroll_y):
            # Scrolling repaints the whole widget anyway.
            self.scroll_to(y=target, animate=False, immediate=True)
        else:
            height = self.row_height
            self.refresh_lines(old * height, height)
            self.refresh_lines(index * height, height)
        self._moved(by_user)

    def _moved(self, by_user: bool) -> None:
        if self.on_move is not None:
            self.on_move()
        self.post_message(self.CursorMoved(self.cursor_rowid, by_user=by_user))

    def move_to_rowid(self, rowid: int) -> bool:
        """Follow a cable opened some other way (a REF, the palette): not a user move."""
        index = self.index_of(rowid)
        if index is None:
            return False
        self.move_to(index, by_user=False)
        return True

    def _scroll_target(self, index: int, center: bool = False) -> int:
        """The scroll_y that shows row ``index``: unchanged when it is in view, else with
        the row in the middle. Jumping half a screen at a time (like vim's scrolljump)
        repaints the pane once per half screen of j presses, not on every one: over SSH a
        full repaint costs ten times the two changed rows."""
        height = self.row_height
        view = max(self.scrollable_content_region.height, height)
        top = index * height
        current = round(self.scroll_y)
        if not center and current <= top and top + height <= current + view:
            return current
        middle = max(0, top - (view - height) // 2)
        middle -= middle % height  # a row start: no snippet line without its row on top
        return min(middle, max(0, self.virtual_size.height - view))

    @property
    def _rows_per_page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height)

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        rows = self._rows_per_page
        index = max(0, min(self.cursor + direction * rows, self.count - 1))
        if index == self.cursor:
            return
        # Like less: the page moves as a whole, the cursor keeps its place on screen.
        new_top = max(0, round(self.scroll_y) + direction * rows * self.row_height)
        self.cursor = index
        self.scroll_to(y=min(new_top, index * self.row_height), animate=False, immediate=True)
        target = self._scroll_target(index)
        if target != round(self.scroll_y):
            self.scroll_to(y=target, animate=False, immediate=True)
        self.refresh()
        self._moved(by_user=True)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.count - 1)

    def action_choose(self) -> None:
        rowid = self.cursor_rowid
        if rowid is not None:
            self.post_message(self.Chosen(rowid))

    def on_click(self, event: Click) -> None:
        """With the mouse on (config ``mouse = true``): a click puts the cursor on a row."""
        index = (round(self.scroll_y) + event.y) // self.row_height
        if 0 <= index < self.count:
            self.move_to(index)

    def on_focus(self) -> None:
        self.refresh_lines(self.cursor * self.row_height, self.row_height)

    def on_blur(self) -> None:
        self.refresh_lines(self.cursor * self.row_height, self.row_height)

    # -- painting --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.frame_style
        line_number = round(self.scroll_y) + y
        height = self.row_height
        index, part = divmod(line_number, height)
        if index >= self.count or width <= 0:
            if index == 0 and part == 0 and self.empty_text:
                return self._strip(fit(Text(self.empty_text), width), width, base)
            return Strip.blank(width, base)
        page = index // PAGE_SIZE
        rows = self._pages.rows(page)
        if index >= len(self.listing.rowids):
            # Known to exist, not yet listed: the full listing is on its way.
            text = placeholder_row(width if part == 0 else 0)
        elif rows is None:
            self._request(page)
            text = placeholder_row(width) if part == 0 else placeholder_row(0)
        else:
            rowid = self.listing.rowids[index]
            self._pages.touch(page)
            # Fetch the neighbour page before the user reaches it.
            within = index % PAGE_SIZE
            if within > PAGE_SIZE - 30:
                self._request(page + 1)
            elif within < 30 and page > 0:
                self._request(page - 1)
            summary = rows.get(rowid)
            if summary is None:
                text = placeholder_row(width)
            elif part == 0:
                bookmarked = summary.id in self.bookmarked
                text = summary_row(summary, width, bookmarked=bookmarked, id_width=self.id_width)
            else:
                text = snippet_row(self._pages.snippet(page, rowid), width)
        if index == self.cursor:
            text.stylize_before(self._cursor_style())
        return self._strip(text, width, base)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        """``text`` as a line of the widget. Every segment gets a style (the base at least):
        NO_COLOR's monochrome filter reads each segment's colour and fails on none."""
        strip = Strip(list(text.render(self.app.console))).crop_extend(0, width, base)
        return strip.apply_style(base or Style())

    def _cursor_style(self) -> Style:
        name = "sidebar--cursor" if self.has_focus else "sidebar--cursor-blurred"
        return self.get_component_rich_style(name)

    # -- fetching --------------------------------------------------------------------------

    def _request(self, page: int, *, again: bool = False) -> None:
        """Fetch a page of summaries (and snippets) in a worker, unless it is at hand;
        ``again``: also when it is (the rows shown meanwhile stay until it comes)."""
        if page < 0 or page * PAGE_SIZE >= len(self.listing.rowids):
            return
        if not self._pages.start(page, again=again):
            return
        rowids = list(self.listing.rowids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE])
        generation = self._pages.generation
        match = self.listing.match

        def fetch() -> None:
            summaries = self.corpus.summaries(rowids)
            snippets = self.corpus.snippets(match, rowids) if match else {}
            rows = {s.rowid: s for s in summaries}
            self.post_message(self.PageLoaded(generation, page, rows, snippets))

        self.run_worker(fetch, thread=True, group="sidebar-pages", exit_on_error=False)

    def on_sidebar_page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if not self._pages.store(message.generation, message.page, message.rows, message.snippets):
            return
        height = self.row_height
        first = message.page * PAGE_SIZE * height
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        last = first + PAGE_SIZE * height
        if last > top and first < bottom:
            start = max(first, top)
            self.refresh_lines(start, min(last, bottom) - start)
