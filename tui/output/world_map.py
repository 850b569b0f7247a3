"""Counts by origin drawn on a world map, in a terminal: Unicode braille (2x4 dots a cell)
or plain ASCII for TERM=dumb. Shared by ``cables map`` and the app's map screen.

The map is equirectangular, 84 N to 60 S: a braille dot is about square when the map is
five times as wide as it is high, so that is its default shape. Coasts are drawn (land
with sea beside it) rather than filled land: lighter on the eye, and the marks stand out.
Each post is a mark sized by its count (so the sizes survive NO_COLOR) and, in colour,
shaded by it too; the biggest posts get a label where it fits without covering another.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from rich.text import Text

from store.geo.land import land_mask
from store.geo.places import place_of

NORTH, SOUTH = 84.0, -60.0
BRAILLE_BASE = 0x2800
# Dot (dx, dy) of a braille cell -> its bit (Unicode's braille numbering).
BRAILLE_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08,
                (1, 1): 0x10, (1, 2): 0x20, (0, 3): 0x40, (1, 3): 0x80}  # fmt: skip
MARKS_UNICODE = ("·", "•", "●")
MARKS_ASCII = ("+", "o", "@")
SHADES = ("yellow", "dark_orange", "bold red")
COAST_STYLE = "grey50"
LABEL_STYLE = "bold"


@dataclass(frozen=True)
class PostMark:
    origin: str
    city: str
    count: int
    col: int
    row: int
    size: int  # 0, 1, 2: small, middle, large


@dataclass
class WorldMap:
    lines: list[Text]
    marks: list[PostMark]  # biggest first
    unplaced: list[tuple[str, int]] = field(default_factory=list)  # origin, count

    @property
    def plain(self) -> str:
        return "\n".join(line.plain for line in self.lines)


def default_height(width: int) -> int:
    return max(4, round(width / 5))


def draw_world(
    counts: Mapping[str, int], width: int, height: int | None = None, *,
    ascii_only: bool = False, labels: int = 8, selected: str | None = None,
) -> WorldMap:  # fmt: skip
    """The map of ``counts`` (origin -> cables) in ``width`` columns."""
    width = max(width, 10)
    height = height or default_height(width)
    grid = [list(row) for row in _coast(width, height, ascii_only)]
    styles: list[list[str | None]] = [[COAST_STYLE if c != " " else None for c in row]
                                      for row in grid]  # fmt: skip
    marks, unplaced = _marks(counts, width, height)
    glyphs = MARKS_ASCII if ascii_only else MARKS_UNICODE
    for mark in reversed(marks):  # the biggest drawn last, on top
        grid[mark.row][mark.col] = glyphs[mark.size]
        style = SHADES[mark.size]
        if mark.origin == selected:
            style += " reverse"
        styles[mark.row][mark.col] = style
    _label(grid, styles, marks[:labels], width, selected)
    lines = []
    for row, row_styles in zip(grid, styles, strict=True):
        line = Text(no_wrap=True, overflow="crop")
        for char, style in zip(row, row_styles, strict=True):
            line.append(char, style or "")
        lines.append(line)
    return WorldMap(lines, marks, unplaced)


def _marks(counts: Mapping[str, int], width: int, height: int):
    cells: dict[tuple[int, int], list] = {}
    unplaced = []
    for origin, count in counts.items():
        place = place_of(origin)
        if place is None:
            unplaced.append((origin, count))
            continue
        col, row = _cell(place.latitude, place.longitude, width, height)
        cells.setdefault((col, row), []).append((count, origin, place.city))
    marks = []
    largest = max((sum(c for c, _, _ in posts) for posts in cells.values()), default=1)
    for (col, row), posts in cells.items():
        total = sum(count for count, _, _ in posts)
        count, origin, city = max(posts)  # a cell's mark is named by its biggest post
        marks.append(PostMark(origin, city, total, col, row, _size(total, largest)))
    marks.sort(key=lambda m: (-m.count, m.origin))
    unplaced.sort(key=lambda item: (-item[1], item[0]))
    return marks, unplaced


def _size(count: int, largest: int) -> int:
    """Three sizes on a log scale of the largest post's count."""
    if largest <= 1:
        return 2
    share = math.log(count) / math.log(largest) if count > 1 else 0.0
    return 0 if share < 0.4 else 1 if share < 0.75 else 2


def _cell(latitude: float, longitude: float, width: int, height: int) -> tuple[int, int]:
    col = int((longitude + 180.0) / 360.0 * width)
    row = int((NORTH - latitude) / (NORTH - SOUTH) * height)
    return min(max(col, 0), width - 1), min(max(row, 0), height - 1)


def _label(grid, styles, marks, width: int, selected: str | None) -> None:
    """Name the biggest posts beside their mark (right, else left) where the label covers
    no mark and no other label; a label may cover coast."""
    taken = {(m.row, m.col) for m in marks}
    used: set[tuple[int, int]] = set()
    for mark in marks:
        label = f"{mark.city} {mark.count:,}"
        for start in (mark.col + 2, mark.col - 1 - len(label)):
            span = [(mark.row, c) for c in range(start - 1, start + len(label) + 1)]
            if start < 0 or start + len(label) > width:
                continue
            if any(cell in used or cell in taken for cell in span if cell != (mark.row, mark.col)):
                continue
            for offset, char in enumerate(label):
                grid[mark.row][start + offset] = char
                styles[mark.row][start + offset] = LABEL_STYLE + (
                    " reverse" if mark.origin == selected else ""
                )
            used.update(span)
            break


@functools.lru_cache(maxsize=16)
def _coast(width: int, height: int, ascii_only: bool) -> tuple[str, ...]:
    """The coasts at this size: braille dots, or ``.`` for a cell holding any coast."""
    mask = land_mask()
    dots_w, dots_h = width * 2, height * 4
    lat_step = (NORTH - SOUTH) / dots_h
    lon_step = 360.0 / dots_w
    land = [
        [mask.is_land(NORTH - (y + 0.5) * lat_step, -180.0 + (x + 0.5) * lon_step)
         for x in range(dots_w)]
        for y in range(dots_h)
    ]  # fmt: skip

    def coast(x: int, y: int) -> bool:
        if not land[y][x]:
            return False
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = (x + dx) % dots_w, y + dy
            if 0 <= ny < dots_h and not land[ny][nx]:
                return True
        return False

    rows = []
    for row in range(height):
        chars = []
        for col in range(width):
            bits = 0
            for (dx, dy), bit in BRAILLE_BITS.items():
                if coast(col * 2 + dx, row * 4 + dy):
                    bits |= bit
            if ascii_only:
                chars.append("." if bits else " ")
            else:
                chars.append(chr(BRAILLE_BASE + bits) if bits else " ")
        rows.append("".join(chars))
    return tuple(rows)
