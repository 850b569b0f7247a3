"""The reader: one rendered cable, wrapped to the pane, scrolled line by line.

A Line-API ``ScrollView`` over ``tui.output.render.Layout``: the cable is rendered once (in a
worker, by the app) into blocks and wrapped lines, and this widget paints only the visible
lines, so a 200 KB cable scrolls as fast as a short one. A resize re-wraps the blocks
(``layout``) and keeps the first visible line in view.

REF and "cited by" items are selectable: ``]`` and ``[`` move the selection (shown in reverse
video), enter or o follows it. Search hits are already highlighted by the renderer;
``action_hit`` (the app's n and N) moves between them and underlines the current one.

The keys are less's, where the app leaves them free: space/f/ctrl+f and b/ctrl+b page,
d/u half pages, j/e/ctrl+e and k/ctrl+y lines, g/< and G/> the ends, a number before g, G
or % jumps to a line or a percentage (``40g``, ``50%``); ``/`` finds in the cable
(``reader_find``), ctrl+r finds backward (``?`` is help in this app), n/N repeat the find
from where the screen is, and ``&`` is the search of the whole corpus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.output.blocks import BlockKind, HitPosition
from tui.widgets.frame_style import FrameStyle
from tui.widgets.reader_find import Finding, find_all, from_view
from tui.widgets.scroll_length import set_scroll_length

if TYPE_CHECKING:
    from tui.output.render import Layout, RenderedCable

EMPTY_NOTICE = "No cable open: pick one on the left (j/k, enter). ? lists every key."
SELECTED_STYLE = Style(reverse=True)
CURRENT_HIT_STYLE = Style(reverse=True, bold=True, underline=True)
FOUND_STYLE = Style(reverse=True)
# A number typed before g, G, % or j/k (``40g``) has at most this many digits.
MAX_COUNT_DIGITS = 7
# Strips kept painted; a screen is at most a few hundred lines.
STRIP_CACHE = 400


class CableView(FrameStyle, ScrollView, can_focus=True):
    """Shows one ``RenderedCable``. Posts ``FollowRef`` and ``StateChanged``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # less's keys; y and ctrl+p stay the app's (copy ID, the palette).
        Binding(
            "j,down,e,ctrl+e,ctrl+n", "scroll_lines(1)", "Down (NN j: NN lines)", show=False,
            id="reader.down",
        ),
        Binding("k,up,ctrl+y,ctrl+k", "scroll_lines(-1)", "Up", show=False, id="reader.up"),
        Binding(
            "space,f,ctrl+f,pagedown", "page(1)", "Page down", show=False, id="reader.page_down"
        ),
        Binding("b,ctrl+b,pageup", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("d,ctrl+d", "half_page(1)", "Half page down", show=False, id="reader.half_down"),
        Binding("u,ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half_up"),
        Binding(
            "g,home,less_than_sign", "top", "Top (NN g: line NN)", show=False, id="reader.top"
        ),
        Binding(
            "G,end,greater_than_sign", "bottom", "Bottom (NN G: line NN)", show=False,
            id="reader.bottom",
        ),
        # Not less's p too: p lists the people the cable names, as it does in the listing.
        Binding("percent_sign", "percent", "NN%: NN percent in", show=False, id="reader.percent"),
        # The pattern is asked for by the screen (a widget opens no dialog): ``find``.
        Binding("slash", "screen.find(1)", "Find", id="reader.find"),
        # ? is help everywhere in this app: backward find is ctrl+r, the shell's reverse
        # search.
        Binding("ctrl+r", "screen.find(-1)", "Find backward", show=False, id="reader.find_back"),
        # less's & lists the lines that match; here the cables that match.
        Binding("ampersand", "screen.search", "Search all", id="reader.corpus_search"),
        Binding("escape", "clear_find", "Clear the find", show=False, id="reader.clear_find"),
        # Shown only when the cable has links (check_action).
        Binding("right_square_bracket", "select_ref(1)", "Next link", id="reader.next_ref"),
        Binding(
            "left_square_bracket", "select_ref(-1)", "Prev link", show=False, id="reader.prev_ref"
        ),
        Binding("enter,o", "follow", "Follow link", id="reader.follow"),
        Binding("i", "toggle_header", "Header fields", show=False, id="reader.header"),
        Binding("vertical_line", "screen.pipe", "Pipe to command", show=False, id="reader.pipe"),
        Binding("w", "screen.write", "Write to file", show=False, id="reader.write"),
        Binding("Y", "screen.copy_text", "Copy text", show=False, id="reader.copy_text"),
    ]

    DEFAULT_CSS = """
    CableView {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    """

    class FollowRef(Message):
        def __init__(self, target: str, in_corpus: bool | None) -> None:
            super().__init__()
            self.target = target
            self.in_corpus = in_corpus

    class StateChanged(Message):
        """The selected REF, the current hit or the scroll position changed (the status line
        shows them)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rendered: RenderedCable | None = None
        self.wrapped: Layout | None = None
        self.partial = False  # ``rendered`` is the first part of a long cable only
        # The header's fields: None folds them when they would fill the pane (``fold_over``),
        # i makes it True (every field) or False (one line) for every cable after.
        self.header_open: bool | None = None
        # A place asked for (back) past the first screens: taken again with the whole layout.
        self._wanted_top: int | None = None
        self._wants_bottom = False  # G before the whole of a long cable was in
        self._pending_hit: int | None = None  # n/N past the first part's hits, likewise
        # What the pane says before any cable is open.
        self.notice = Text(EMPTY_NOTICE, style="dim", end="")
        self.selected: int | None = None  # position in ``selectable``
        self.hit: int | None = None  # position in ``hits``
        self.finding: Finding | None = None  # a find in this cable (/), else None
        self._found_in: dict[int, list[HitPosition]] = {}  # its matches, by block
        self.last_find = ""  # offered again by the next /
        self._count = ""  # digits typed before a key (40g)
        self._taken_count: int | None = None  # the count the key being handled takes
        self._selectable: list[int] = []
        self._strips: dict[int, Strip] = {}
        self._strips_style: Style | None = None

    # -- content ---------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    @property
    def fold_over(self) -> int | None:
        """How many lines the header's fields may take before they fold into one: two
        thirds of the pane, so that the text starts on its first screen."""
        if self.header_open is not None:
            return None if self.header_open else 0
        height = self.scrollable_content_region.height
        return height * 2 // 3 if height else None

    def _fits(self, wrapped: Layout | None) -> bool:
        return (
            wrapped is not None
            and wrapped.width == self.text_width
            and wrapped.fold_over == self.fold_over
        )

    def _lay_out(self, rendered: RenderedCable) -> Layout:
        return rendered.layout(self.text_width, self.fold_over)

    def show(
        self, rendered: RenderedCable, wrapped: Layout | None = None, *, partial: bool = False
    ) -> None:
        """Show a cable from its top. ``wrapped`` may be a layout made in a worker;
        ``partial``: the cable's first part only (``complete`` brings the whole)."""
        self.rendered = rendered
        if not self.size.width:
            # Hidden (one pane at a time): wrapped when it is shown, not to a width of 1.
            wrapped = None
        elif not self._fits(wrapped):
            wrapped = self._lay_out(rendered)
        self.wrapped = wrapped
        self.partial = partial
        self._wanted_top: int | None = None
        self._wants_bottom = False
        self._pending_hit = None
        self._selectable = rendered.selectable_blocks()
        self.selected = None
        self.hit = None
        self._set_finding(None)
        self._reset(scroll_to=0)
        self.post_message(self.StateChanged())

    def complete(self, rendered: RenderedCable, wrapped: Layout | None) -> None:
        """The whole of the cable whose first part is shown: the view, the selected link
        and the current hit stay (the first part's blocks begin the whole's; only the
        header's counts, filled in now, may take another line)."""
        if not self.partial:
            return
        before, before_rendered = self.wrapped, self.rendered
        self.rendered = rendered
        self.partial = False
        self._selectable = rendered.selectable_blocks()
        finding = self.finding
        if finding is not None:
            # The first part's blocks begin the whole's: the current match keeps its number.
            matches = find_all(rendered.blocks, finding.pattern)
            self._set_finding(Finding(finding.pattern, finding.forward, matches))
        if self.hit is not None and self.hit >= len(self.hits):
            self.hit = None
        if not self.size.width:
            wrapped = None  # hidden: wrapped when it is shown
        elif not self._fits(wrapped):
            wrapped = self._lay_out(rendered)
        self.wrapped = wrapped
        top = self._wanted_top
        if top is None and before is not None and wrapped is not None and self.scroll_y:
            moved = wrapped.line_of(rendered.body_start()) - before.line_of(
                before_rendered.body_start()  # type: ignore[union-attr]
            )
            top = round(self.scroll_y) + moved
        self._reset(scroll_to=top)
        if self._wants_bottom:
            self.action_bottom()
        pending, self._pending_hit = self._pending_hit, None
        if pending is not None and self.wrapped is not None:
            self.action_hit(pending)
        self.post_message(self.StateChanged())

    def _reset(self, scroll_to: int | None) -> None:
        self._strips.clear()
        lines = len(self.wrapped.lines) if self.wrapped else 1
        self._set_length(lines)
        if scroll_to is not None:
            self.scroll_to(y=scroll_to, animate=False, immediate=True)
        self.refresh()

    def _set_length(self, lines: int) -> None:
        set_scroll_length(self, self.text_width, lines)

    def on_resize(self) -> None:
        self._resized()
        self.post_message(self.StateChanged())  # "lines 41-63/212" counts wrapped lines

    def _resized(self) -> None:
        if self.rendered is not None and self.wrapped is None and self.size.width:
            self.wrapped = self._lay_out(self.rendered)  # shown at last
            self._reset(scroll_to=0)
            return
        if self.rendered is None or self.wrapped is None:
            self._reset(scroll_to=None)
            return
        if self._fits(self.wrapped):
            self._set_length(len(self.wrapped.lines))
            return
        self._lay_out_again()

    def _lay_out_again(self) -> None:
        """Wrapped again (a new width, the header folded or not), the top line kept."""
        assert self.rendered is not None and self.wrapped is not None
        top = round(self.scroll_y)
        line = self.wrapped.lines[min(top, len(self.wrapped.lines) - 1)]
        self.wrapped = self._lay_out(self.rendered)
        self._reset(scroll_to=self.wrapped.line_of(line.block, line.start) if top else 0)

    def action_toggle_header(self) -> None:
        """i: every field of the header, or the one line of them."""
        if self.rendered is None or self.wrapped is None:
            self.app.bell()
            return
        self.header_open = self.wrapped.folded
        self._lay_out_again()
        self.post_message(self.StateChanged())

    def _unfold_for(self, block: int) -> None:
        """A hit or a place in a folded field: every field is shown, or it could not be."""
        wrapped, rendered = self.wrapped, self.rendered
        if wrapped is None or rendered is None or not wrapped.folded:
            return
        if rendered.blocks[block].kind is BlockKind.FIELD:
            self.header_open = True
            self._lay_out_again()

    # -- painting --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.text_width
        base = self.frame_style
        if base != self._strips_style:  # a new theme: every cached line has old colors
            self._strips.clear()
            self._strips_style = base
        strip = self._strips.get(index)
        if strip is not None and strip.cell_length == width:
            return strip
        if self.wrapped is None and self.rendered is not None:
            # Shown again at the size it had before it was hidden: Textual sends no Resize
            # then, so the cable that came while it was hidden is laid out on first paint.
            self.call_later(self._resized)
            return Strip.blank(width, base)
        if self.wrapped is None:
            text = self.notice if index == 0 else Text("")
        elif index >= len(self.wrapped.lines):
            return Strip.blank(width, base)
        else:
            text = self._styled_line(index)
        strip = Strip(list(text.render(self.app.console))).crop_extend(0, width, base)
        strip = strip.apply_style(base)
        if len(self._strips) >= STRIP_CACHE:
            self._strips.clear()
        self._strips[index] = strip
        return strip

    def _styled_line(self, index: int) -> Text:
        assert self.wrapped is not None and self.rendered is not None
        line = self.wrapped.lines[index]
        text = line.text
        selected_block = self.selected_block
        if selected_block is not None and line.block == selected_block:
            text = text.copy()
            text.stylize(SELECTED_STYLE, line.indent, len(text))
        for found in self._found_in.get(line.block, ()):
            if found.start < line.end and found.end > line.start:
                text = text.copy()
                start = max(found.start, line.start) - line.start + line.indent
                end = min(found.end, line.end) - line.start + line.indent
                text.stylize(FOUND_STYLE, start, end)
        if self.hit is not None:
            hit = self.hits[self.hit]
            if hit.block == line.block and hit.start < line.end and hit.end > line.start:
                text = text.copy()
                start = max(hit.start, line.start) - line.start + line.indent
                end = min(hit.end, line.end) - line.start + line.indent
                text.stylize(CURRENT_HIT_STYLE, start, end)
        return text

    def _repaint_block(self, block: int | None) -> None:
        if block is None or self.wrapped is None:
            return
        lines = self.wrapped.lines_of_block(block)
        for index in lines:
            self._strips.pop(index, None)
        if lines:
            self.refresh_lines(lines.start, len(lines))

    # -- REF selection ---------------------------------------------------------------------

    @property
    def selected_block(self) -> int | None:
        if self.selected is None or not self._selectable:
            return None
        return self._selectable[self.selected]

    @property
    def ref_count(self) -> int:
        return len(self._selectable)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The link keys are hinted (and act) only when the open cable has links.
        if action in ("select_ref", "follow"):
            return bool(self._selectable)
        if action == "clear_find":
            return self.finding is not None
        return True

    def action_select_ref(self, step: int) -> None:
        if not self._selectable:
            self.app.bell()
            return
        old = self.selected_block
        if self.selected is None or not self._in_view(old):
            # From what is on screen, not from the top (as less's n searches from the view).
            self.selected = self._first_selectable_from_view(step)
        else:
            self.selected = (self.selected + step) % len(self._selectable)
        self._repaint_block(old)
        self._repaint_block(self.selected_block)
        self._bring_into_view(self.selected_block, 0)
        self.post_message(self.StateChanged())

    def _in_view(self, block: int | None) -> bool:
        if block is None or self.wrapped is None:
            return False
        top = round(self.scroll_y)
        lines = self.wrapped.lines_of_block(block)
        height = self.scrollable_content_region.height
        return bool(lines) and lines.start < top + height and lines.stop > top

    def _first_selectable_from_view(self, step: int) -> int:
        """The first link at or below the top of the view (]) or the last one above its
        bottom ([); past the end, the first (or last) of the cable."""
        if self.wrapped is None:
            return 0 if step > 0 else len(self._selectable) - 1
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        starts = [self.wrapped.line_of(block) for block in self._selectable]
        if step > 0:
            return next((i for i, line in enumerate(starts) if line >= top), 0)
        above = [i for i, line in enumerate(starts) if line < bottom]
        return above[-1] if above else len(starts) - 1

    @property
    def place(self) -> tuple[int, int | None]:
        """Where the reader is in the open cable: the top line and the selected link."""
        return round(self.scroll_y), self.selected

    def restore_place(self, place: tuple[int, int | None]) -> None:
        """Back to a place left earlier (back/forward): the scroll position and the link."""
        top, selected = place
        if selected is not None and 0 <= selected < len(self._selectable):
            self.selected = selected
            self._repaint_block(self.selected_block)
        self._wanted_top = top
        self.scroll_to(y=top, animate=False, immediate=True)
        self.post_message(self.StateChanged())

    def action_follow(self) -> None:
        block = self.selected_block
        if block is None or self.rendered is None:
            self.app.bell()
            return
        item = self.rendered.blocks[block]
        if item.target:
            self.post_message(self.FollowRef(item.target, item.in_corpus))

    # -- hits: the corpus search's terms, or the matches of a find --------------------------

    @property
    def hits(self) -> tuple[HitPosition, ...]:
        if self.finding is not None:
            return self.finding.matches
        return self.rendered.hits if self.rendered else ()

    @property
    def hit_count(self) -> int:
        return len(self.hits)

    def action_hit(self, step: int) -> None:
        """n (1) and N (-1): the next match in the find's direction (or the other), from
        the current one while it is on screen, else from the screen's position: a find
        repeated at the end of a cable does not jump back up to an early match."""
        hits = self.hits
        if not hits or self.rendered is None or self.wrapped is None:
            self.app.bell()
            return
        forward = (step > 0) == (self.finding is None or self.finding.forward)
        old = hits[self.hit].block if self.hit is not None else None
        if self.hit is not None and self._in_view(old):
            wrapped = not 0 <= self.hit + (1 if forward else -1) < len(hits)
            target: int | None = (self.hit + (1 if forward else -1)) % len(hits)
        else:
            wrapped = False
            target = from_view(self._hit_lines(), round(self.scroll_y), forward)
        if (wrapped or target is None) and self.partial and forward:
            # Past the first part's matches: the whole cable has more; go on once it is in.
            self._pending_hit = step
            return
        if target is None:
            self.app.bell()
            where = "below the top of the screen" if forward else "above the screen"
            self.notify(f"no more matches {where}", timeout=2)
            return
        self.hit = target
        if wrapped:
            where = "first" if forward else "last"
            self.notify(f"search wrapped: back at the {where} hit", timeout=2)
        self._go_to_hit(old)

    def _hit_lines(self) -> list[int]:
        assert self.wrapped is not None
        return [self.wrapped.line_of(h.block, h.start) for h in self.hits]

    def _go_to_hit(self, old_block: int | None) -> None:
        hit = self.hits[self.hit] if self.hit is not None else None
        self._repaint_block(old_block)
        if hit is not None:
            self._repaint_block(hit.block)
            self._bring_into_view(hit.block, hit.start)
        self.post_message(self.StateChanged())

    # -- find in the cable -----------------------------------------------------------------

    def find(self, pattern: str, *, forward: bool = True) -> None:
        """Find ``pattern`` in the open cable from the screen's position."""
        if self.rendered is None or self.wrapped is None:
            return
        self.last_find = pattern
        old = self.hits[self.hit].block if self.hit is not None else None
        self._set_finding(Finding(pattern, forward, find_all(self.rendered.blocks, pattern)))
        self.hit = None
        self._strips.clear()
        self.refresh()
        if not self.finding.matches and not self.partial:  # type: ignore[union-attr]
            self.app.bell()
            self.notify(f"not found in this cable: {pattern}", markup=False, timeout=3)
            self.post_message(self.StateChanged())
            return
        self.hit = from_view(self._hit_lines(), round(self.scroll_y), forward)
        if self.hit is None:
            if self.partial and forward:
                self._pending_hit = 1
                return
            where = "below the top of the screen" if forward else "above the screen"
            self.notify(f"no match {where}: n/N from elsewhere", timeout=3)
        self._go_to_hit(old)

    def _set_finding(self, finding: Finding | None) -> None:
        self.finding = finding
        self._found_in = {}
        for match in finding.matches if finding else ():
            self._found_in.setdefault(match.block, []).append(match)

    def action_clear_find(self) -> None:
        """escape: the find's highlights go (less's ESC-u). Without a find the key is not
        this widget's (``check_action``): the main screen's escape (the full listing)."""
        self._set_finding(None)
        self.hit = None
        self._strips.clear()
        self.refresh()
        self.post_message(self.StateChanged())

    def _bring_into_view(self, block: int | None, offset: int) -> None:
        if block is None or self.wrapped is None:
            return
        self._unfold_for(block)
        line = self.wrapped.line_of(block, offset)
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        if top <= line < top + height:
            return
        # A third down the screen: context above, room below.
        self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    # -- scrolling -------------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.StateChanged())  # the status line's "lines 41-63/212"

    # -- a number typed before a key (40g, 50%, 3j) -----------------------------------------

    def on_key(self, event: events.Key) -> None:
        # Handled before the key's binding: digits build the count, any other key takes it.
        if event.character is not None and event.character.isdigit() and len(event.key) == 1:
            if len(self._count) < MAX_COUNT_DIGITS:
                self._count += event.character
            event.stop()
            event.prevent_default()
            return
        self._taken_count = int(self._count) if self._count else None
        self._count = ""

    def _take_count(self) -> int | None:
        count, self._taken_count = self._taken_count, None
        return count

    def action_scroll_lines(self, lines: int) -> None:
        self._moved_by_user()
        lines *= self._take_count() or 1
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        self._moved_by_user()
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, immediate=True)

    def action_half_page(self, direction: int) -> None:
        self._moved_by_user()
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * step, animate=False, immediate=True)

    def action_top(self) -> None:
        count = self._take_count()
        if count is not None:
            self._to_line(count)
            return
        self._moved_by_user()
        self.scroll_to(y=0, animate=False, immediate=True)

    def _to_line(self, number: int) -> None:
        """Line ``number`` (from 1) at the top of the screen, as less's NNg."""
        self._moved_by_user()
        self.scroll_to(y=max(0, number - 1), animate=False, immediate=True)

    def action_percent(self) -> None:
        """NN%: NN percent into the cable (less's NN%); without a number, the top."""
        count = min(self._take_count() or 0, 100)
        lines = len(self.wrapped.lines) if self.wrapped else 0
        self._to_line(lines * count // 100 + 1)

    def _moved_by_user(self) -> None:
        """A scroll key: a place asked for earlier (G, back) no longer applies when the
        whole of a long cable comes in."""
        self._wants_bottom = False
        self._wanted_top = None

    def action_bottom(self) -> None:
        count = self._take_count()
        if count is not None:
            self._to_line(count)
            return
        # As less's G on a pipe: the end of the whole cable, once it is in.
        self._wants_bottom = self.partial
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
