"""Wrapping a rendered cable to a width: ``layout`` turns its ``Block``s into ``Line``s.

Apart from the rendering because it is the part that re-runs on every resize of the reader
pane, and the part that must stay fast on a 200 KB cable: words wrap, over-long words fold,
the cable's own line breaks are kept, banners are centered. Only Rich is imported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

from tui.output.blocks import Block, BlockKind


class Blocks(Protocol):
    """What is wrapped: a rendered cable (``tui.output.render.RenderedCable``), which imports
    this module, so it is named here by what it has."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Line:
    """One display line: ``text`` is ready to paint (indent included, no newline).

    ``start``/``end`` locate the line in ``blocks[block].text.plain``; ``indent`` is the
    number of cells of hanging indent in front of that range.
    """

    block: int
    start: int
    end: int
    text: Text
    indent: int = 0


@dataclass(frozen=True)
class Layout:
    """A rendered cable wrapped to ``width``: the reader scrolls over ``lines``.

    ``fold_over``: what it was laid out with (see ``layout``); ``folded``: the header is the
    one line of its FOLDED block.
    """

    width: int
    lines: tuple[Line, ...]
    _keys: tuple[tuple[int, int], ...] = field(repr=False, compare=False, default=())
    fold_over: int | None = None
    folded: bool = False

    def line_of(self, block: int, offset: int = 0) -> int:
        """Index of the line that shows ``offset`` of ``block`` (for n/N and REF focus)."""
        index = bisect.bisect_right(self._keys, (block, offset)) - 1
        return max(index, 0)

    def lines_of_block(self, block: int) -> range:
        first = bisect.bisect_left(self._keys, (block, 0))
        last = bisect.bisect_left(self._keys, (block + 1, 0))
        return range(first, last)


def natural_width(rendered: Blocks) -> int:
    """The width at which no line of the rendered cable needs wrapping (at least 80)."""
    longest = max(
        (
            cell_len(line)
            for block in rendered.blocks
            # A wide alternative fits the room it is given; the folded header is cut to it.
            if not block.min_width and block.kind is not BlockKind.FOLDED
            for line in block.text.plain.split("\n")
        ),
        default=0,
    )
    return max(80, longest)


# A word with the blanks before it; NBSP is not a blank, so it never breaks a line.
_WORD = re.compile(r"[ ]*[^ ]+")
MIN_HANG_ROOM = 20


def layout(rendered: Blocks, width: int, fold_over: int | None = None) -> Layout:
    """Wrap every block to ``width`` cells: words wrap, over-long words fold, line breaks
    in the cable are kept, banners are centered, blank blocks are one empty line.

    ``fold_over``: when the header's fields take more lines than this, they give way to the
    FOLDED block's one line (cut to the width), so that the text starts on the first screen
    of a small pane; None never folds.
    """
    width = max(width, 1)
    lines: list[Line] = []
    folded_at: int | None = None  # the FOLDED block's index
    fields: list[Line] = []  # the header's lines, while they are counted
    for index, block in enumerate(rendered.blocks):
        if block.kind is BlockKind.FOLDED:
            folded_at = index
            continue
        if not block.shown_at(width):
            continue
        if fields and block.kind is not BlockKind.FIELD:
            lines.extend(_header(rendered, fields, folded_at, width, fold_over))
            fields = []
        target = fields if block.kind is BlockKind.FIELD else lines
        if block.kind is BlockKind.BANNER and cell_len(block.text.plain) <= width:
            banner = block.text.copy()
            banner.align("center", width)
            target.append(Line(index, 0, len(block.text), _flat(banner)))
            continue
        hang = block.hang if width - block.hang >= MIN_HANG_ROOM else 0
        ranges = list(_wrap(block.text.plain, width, hang))
        for (start, end, continued), piece in zip(ranges, _pieces(block.text, ranges), strict=True):
            piece.rstrip()
            indent = hang if continued else 0
            if indent or piece.style:
                piece = _flat(piece, indent)
            target.append(Line(index, start, end, piece, indent))
    lines.extend(_header(rendered, fields, folded_at, width, fold_over))
    keys = tuple((line.block, line.start) for line in lines)
    folded = folded_at is not None and any(line.block == folded_at for line in lines)
    return Layout(width, tuple(lines), keys, fold_over, folded)


def _header(
    rendered: Blocks, fields: list[Line], folded_at: int | None, width: int, fold_over: int | None
) -> list[Line]:
    """The header's lines as they are, or the FOLDED block's one line when they are more
    than ``fold_over``."""
    if folded_at is None or fold_over is None or len(fields) <= fold_over:
        return fields
    text = rendered.blocks[folded_at].text.copy()
    text.truncate(width, overflow="ellipsis")
    return [Line(folded_at, 0, len(text), _flat(text))]


def _pieces(text: Text, ranges: list[tuple[int, int, bool]]) -> list[Text]:
    """One Text per display line, from a single ``divide`` of the block.

    Each piece runs from its line's start to the next line's start; the caller strips the
    blanks and newline at its end. (Slicing line by line re-scans every span each time.)
    """
    if len(ranges) == 1:
        return [text.copy()]
    return list(text.divide([start for start, _end, _continued in ranges[1:]]))


def _flat(text: Text, indent: int = 0) -> Text:
    """The same line with its base style turned into a span, after ``indent`` blanks.

    ``Text.render`` ignores a base style when a Text has no spans, and a Line-API widget
    renders lines with exactly that call, so lines must carry all their styling as spans.
    """
    line = Text(" " * indent, end="", no_wrap=True)
    line.append_text(text)
    return line


def _wrap(plain: str, width: int, hang: int) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, is_continuation)`` for each display line of ``plain``."""
    position = 0
    length = len(plain)
    # Cleaned ASCII has no controls left and tabs are expanded: one cell per character.
    wrap_line = _wrap_ascii_line if plain.isascii() else _wrap_line
    while True:
        newline = plain.find("\n", position)
        stop = length if newline == -1 else newline
        yield from wrap_line(plain, position, stop, width, width - hang)
        if newline == -1:
            return
        position = newline + 1


def _wrap_line(
    plain: str, start: int, stop: int, first_width: int, next_width: int
) -> Iterator[tuple[int, int, bool]]:
    if cell_len(plain[start:stop]) <= first_width:
        yield start, stop, False
        return
    line_start = start
    column = 0
    room = first_width
    continued = False
    for match in _WORD.finditer(plain, start, stop):
        token = plain[match.start() : match.end()]
        token_width = cell_len(token)
        if column + token_width <= room:
            column += token_width
            continue
        if column > 0:
            yield line_start, match.start(), continued
            continued = True
            room = next_width
            line_start = match.start() + (len(token) - len(token.lstrip(" ")))
            token_width = cell_len(plain[line_start : match.end()])
        while token_width > room:
            cut = _fold(plain, line_start, match.end(), room)
            yield line_start, cut, continued
            continued = True
            room = next_width
            line_start = cut
            token_width = cell_len(plain[line_start : match.end()])
        column = token_width
    yield line_start, stop, continued


def _wrap_ascii_line(
    plain: str, start: int, stop: int, first_width: int, next_width: int
) -> Iterator[tuple[int, int, bool]]:
    """``_wrap_line`` for one-cell characters: blanks found with ``rfind``, 10x faster."""
    line_start = start
    room = first_width
    continued = False
    while stop - line_start > room:
        body = line_start
        while body < stop and plain[body] == " ":
            body += 1  # indentation is not a place to break
        if body >= stop:
            break  # only blanks are left: one (blank) line
        limit = line_start + room
        blank = plain.rfind(" ", body, limit + 1)
        if blank <= body:
            # No blank to break at: fold the word.
            cut = max(limit, line_start + 1)
            yield line_start, cut, continued
            line_start = cut
        else:
            line_end = blank
            while plain[line_end - 1] == " ":
                line_end -= 1
            next_start = blank + 1
            while next_start < stop and plain[next_start] == " ":
                next_start += 1
            if next_start >= stop:
                break  # only blanks follow: they stay on this line
            yield line_start, line_end, continued
            line_start = next_start
        continued = True
        room = next_width
    yield line_start, stop, continued


def _fold(plain: str, start: int, stop: int, room: int) -> int:
    """The offset where ``plain[start:stop]`` must be cut to fit ``room`` cells (>= 1 char)."""
    used = 0
    for offset in range(start, stop):
        used += get_character_cell_size(plain[offset])
        if used > room:
            return max(offset, start + 1)
    return stop
