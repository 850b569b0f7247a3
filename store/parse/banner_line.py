"""Banners as copies of the release write them: in any case, SECTION misspelt, run on.

``parse_banner`` reads a banner as the telegram printed it. Plain-text copies of the web
release lower-case it (``Unclas vatican 000819``, ``S e c r e t state 015220``), misspell its
SECTION (``SECTON 01 OF 03``) and run it onto the line above it (``...is not
available.UNCLAS LUSAKA 001204``, ``AMEMBASSY LONDONUNCLAS ...``, ``WASHDC 8136UNCLAS ...``).
Such a banner is read here. So that prose never passes for one, a banner not written in
capitals, or one that starts inside a line, must name a station the table knows (or, in
capitals, a section).
"""

from __future__ import annotations

import re

from store.parse.lazy_pattern import lazy_compile
from store.parse.line_cache import line_cache
from store.parse.markings import Banner, parse_banner
from store.parse.stations import known_station

_MAX_LINE = 2000


def _any_spacing(word: str) -> str:
    return "[ \t]?".join(word)


# Where a level word starts, in any case and letter-spacing; TOP SECRET before SECRET, so that
# the leftmost start is the whole level.
_LEVEL_WORD = lazy_compile(
    "|".join(
        _any_spacing(word) for word in ("TOPSECRET", "UNCLAS", "CONFIDENTIAL", "SECRET")
    )
    + r"|LIMITED[ \t]+OFFICIAL[ \t]+USE",
    re.IGNORECASE,
)
_INITIALS = frozenset("UCSTLucstl")
# A cheap first test: a level word's first letters, in any case and spacing. Every
# alternative opens with a letter of its own (no [CSU]), so that a search skips at C speed to
# the places where one of these letters stands.
LEVEL_HINT = lazy_compile(
    r"U(?:NCLAS| [OENoen] [NCnc] )|C(?:ONFIDENTIAL| [OENoen] [NCnc] )|S(?:ECRET| [OENoen] [NCnc] )"
    r"|nclas|onfidential|ecret|c [OENoen] [NCnc] |s [OENoen] [NCnc] |u [OENoen] [NCnc] "
)
# A SECTION word as typed by hand: the numbers and OF make it one, whatever its letters.
_SECTION_WORD = lazy_compile(r"\bS[A-Z0]{3,8}(?=[ \t]*\d{1,3}[ \t]*OF[ \t]*\d{1,3}\b)")
_SECTION_LETTERS = set("SECTION")
# The serial after which a banner run on at its end goes on with other text.
_SERIAL_END = lazy_compile(r"[ \t][A-Z][A-Z .'-]{1,40}?[ \t]+\d{3,7}(?=[^\d])")


def _fix_section(text: str) -> str:
    def fixed(match: re.Match[str]) -> str:
        word = match.group().replace("0", "O")
        letters = set(word)
        near = len(letters - _SECTION_LETTERS) <= 1 and len(letters & _SECTION_LETTERS) >= 4
        return "SECTION" if near and abs(len(word) - 7) <= 2 else match.group()

    return _SECTION_WORD.sub(fixed, text)


def _names_post(banner: Banner) -> bool:
    return bool(banner.station) and known_station(banner.station) is not None


# Remembered: the head's splitter and the banner finder read the same banner line one after
# the other, and a letter-spaced banner takes 4 us to read; and head lines that are no banner
# but start like one ("SENSITIVE BUT UNCLASSIFIED", a release's note) come back cable after
# cable. (A Banner is never changed once made, so one may be handed to every caller.)
@line_cache
def read_banner(line: str) -> Banner | None:
    """The banner a whole line is, as printed or as a copy wrote it; else None."""
    banner = parse_banner(line)
    if banner is not None or len(line) > 200:
        return banner
    stripped = line.lstrip(" \t")
    if stripped[:1] not in _INITIALS or not _LEVEL_WORD.match(stripped):
        return None
    fixed = _fix_section(stripped.upper())
    if fixed == stripped:
        return None
    banner = parse_banner(fixed)
    if banner is None:
        return None
    if stripped.upper() == stripped:
        return banner  # in capitals, only SECTION was misspelt
    return banner if _names_post(banner) else None


def banner_start(line: str) -> int | None:
    """Where a banner run onto the text before it starts inside ``line`` (never 0), else None.

    The banner runs to the line's end, or to its serial after which other text goes on.
    """
    if len(line) > _MAX_LINE or LEVEL_HINT.search(line, 1) is None:
        return None  # most lines: no level word past their first character
    if read_banner(line) is not None:
        return None
    for match in _LEVEL_WORD.finditer(line, 1):
        start = match.start()
        if not line[:start].strip():
            return None  # a banner standing on its own line
        banner = _glued_banner(line[start:])
        if banner is not None:
            return start
    return None


def _glued_banner(piece: str) -> Banner | None:
    in_capitals = piece[:60].upper() == piece[:60]
    banner = read_banner(piece)
    if banner is None and in_capitals:
        # Text after the serial only in capitals: in lower case that is a sentence.
        for serial in _SERIAL_END.finditer(piece, 0, 200):
            banner = read_banner(piece[: serial.end()])
            if banner is not None:
                break
    if banner is None:
        return None
    if _names_post(banner):
        return banner
    return banner if banner.section is not None and in_capitals else None


def split_banner_after(piece: str) -> list[str]:
    """A line that starts with a banner and goes on after its serial: the banner, the rest."""
    if len(piece) < 24 or read_banner(piece) is not None:
        return [piece]
    for serial in _SERIAL_END.finditer(piece, 0, 200):
        head = piece[: serial.end()]
        if read_banner(head) is not None:
            return [head, piece[serial.end() :]]
    return [piece]
