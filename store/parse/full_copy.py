"""The full copy of a telegram that a page prints after a cut excerpt of its head.

Some pages show the telegram's head cut off, mostly with an ellipsis ("REF...",
"Classified ...", "1. ...") and then the whole telegram again, its head often flattened onto
a few lines and led by the date and hour the page was made ("...3/4/2006 10:12 UNCLAS OSLO
000417 SIPDIS E.O. 12958: N/A TAGS: ..."). The excerpt says nothing the full copy does not, and the
repeated head is no part of the text: the body starts after it.
"""

from __future__ import annotations

import re

from store.parse.banner_line import LEVEL_HINT, read_banner
from store.parse.header_block import split_head
from store.parse.labels import match_label

# How far below the fields the full copy may begin, and how far its banner may stand from
# the first field it repeats.
_WINDOW_LINES = 12
_FIELD_LINES = 8
_MAX_LINE = 3000
_FIELDS = ("decl", "tags", "subject", "ref", "classified_by")


def full_copy_fields(
    lines: list[str], start: int, banner
) -> tuple[list[str], int, list[str]] | None:
    """(lines, index, excerpt) when ``lines[start:]`` open with an excerpt of the telegram
    and then its full copy: the lines with the copy's head cut one field a line, the index of
    the copy's first field, where the fields read on, and the lines down to the end of the
    excerpt (the text there is, should the page have cut the copy, too, after its head).
    None when there is no such copy.

    The copy is known by its banner: the cable's own, with the same serial and no later
    section, with a field label below it. The excerpt mostly ends in an ellipsis, but not
    always ("Summary" and its ruler, then the copy).
    """
    if banner is None or banner.serial is None:
        return None
    serial = str(banner.serial)
    for index in range(start, min(len(lines), start + _WINDOW_LINES)):
        line = lines[index]
        if len(line) > _MAX_LINE or serial not in line or not LEVEL_HINT.search(line):
            continue  # most lines below the fields: not the cable's banner
        head, _ = split_head(lines[index : index + _WINDOW_LINES], 0)
        found = _copy_banner(head, banner)
        first = _first_field(head, found + 1) if found is not None else None
        if first is not None:
            rest = lines[index + _WINDOW_LINES :]
            return lines[:index] + head + rest, index + first, lines[:index] + head[:found]
    return None


def _copy_banner(pieces: list[str], banner) -> int | None:
    """Index of the piece that is or holds the cable's own banner again, among the first
    few: alone, or run in after the cut and the page's date and before the addressees."""
    serial = re.compile(rf"(?<!\d)0*{banner.serial}(?!\d)")
    for number, piece in enumerate(pieces[:_FIELD_LINES]):
        for level in LEVEL_HINT.finditer(piece, 0, 200):
            end = serial.search(piece, level.end(), level.end() + 120)
            found = read_banner(piece[level.start() : end.end()]) if end else None
            if found is not None:
                first_section = found.section is None or found.section[0] == 1
                return number if found.serial == banner.serial and first_section else None
    return None


def _first_field(pieces: list[str], start: int) -> int | None:
    for number in range(start, min(len(pieces), start + _FIELD_LINES)):
        label = match_label(pieces[number])
        if label is not None and label[0] in _FIELDS:
            return number
    return None
