"""Page breaks and repeated section headers inside a telegram's body: found, removed, counted.

A telegram printed on several pages carries, at each break, a page header
(``PAGE 02 ROME 01196 01 OF 02 082030Z`` in older cables, ``QUITO 00000418 002.2 OF 003``
in the 2006-2010 ones), often framed by the classification line; a multi-section cable repeats
its header block (banner with ``SECTION 02 OF 04``, SIPDIS, addressees, E.O., TAGS, SUBJECT)
at the start of each section. None of it is text: it cuts a paragraph in two. Here it is taken
out, the cut paragraph joined again, and the pages and sections counted for the header.

The raw text is never changed: this works on the copy the paragraphs are built from.
"""

from __future__ import annotations

from store.frozen import frozen
from store.parse.lazy_pattern import LazyPattern, lazy_compile
from store.parse.markings import parse_banner

# The 2006-2010 form: "MOSCOW 00002754  002 OF 002", "BERN 00000141 003.2 OF 004". The station
# words before the serial are looked at separately (see ``_station_start``).
_NEW_PAGE = lazy_compile(
    r"(?<![\w.])(?P<serial>\d{8})[ \t]+(?P<page>\d{3})(?:\.\d{1,2})?[ \t]+OF[ \t]+"
    r"(?P<total>\d{3})(?!\w)"
)
# The older form: "PAGE 02 HARARE 05461 02 OF 02 271459Z", "PAGE 02 VATICA 01261 061419Z".
_OLD_PAGE = lazy_compile(
    r"PAGE[ \t]+(?P<page>\d{2,3})[ \t]+(?:[A-Z]{2,}[ \t]+){0,2}[A-Z]{2,}[ \t]*\d{3,}"
    r"(?:[ \t]+(?P<section>\d{2})[ \t]+OF[ \t]+(?P<total>\d{2}))?(?:[ \t]+\d{6}Z)?(?!\w)"
)
# The end of a new-form page header ("OF 002"), which starts with a literal: the body is
# searched for it and ``_NEW_PAGE``, which starts with digits and so is tried at every digit
# of a body, only on the lines that hold it (the whole-body search of the real pages' bodies
# 25 times faster: 6% of their parse).
_PAGE_OF = lazy_compile(r"OF[ \t]+\d{3}(?!\w)")
_STATION_WORDS = lazy_compile(r"(?:[A-Z]{2,}[ \t]+){0,2}[A-Z]{2,}[ \t]*\Z")
# The same words read backwards from the serial: searched forwards, the pattern above tried
# every start in a long run of capitals before a serial (quadratic: 2 s for 6,000 letters).
# Its first match in the reversed tail is the leftmost the forward search finds.
_STATION_WORDS_BACKWARDS = lazy_compile(r"[ \t]*+[A-Z]{2,}+(?:[ \t]++[A-Z]{2,}+){0,2}")
# How far before the serial the station's words are looked for: three words in far fewer
# characters; a longer run of capitals and blanks is no station.
_STATION_REACH = 200
# The classification line printed above and below a page header, alone or at a line's end.
_LEVEL = r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)"
_LEVEL_LINE = lazy_compile(rf"[ \t]*{_LEVEL}(?:[ \t]+PTQ\d+)?[ \t]*\Z")
# (From the start of a run of blanks only: searched from every blank of a long run, it was
# quadratic.)
_LEVEL_AT_END = lazy_compile(rf"(?<![ \t])[ \t]+{_LEVEL}[ \t]*\Z")
# After a section banner: the lines of the repeated header block.
_HEADER_LINE = lazy_compile(
    r"[ \t]*(?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS|LIMDIS|STADIS|X{6,}[ \t]*\Z|E\.[ \t]?O\.|"
    r"TAGS?[ \t]*:|SUBJ(?:ECT)?[ \t]*:|[A-Z/ ]{2,40}[ \t]+FOR[ \t]+[A-Z])"
)
# Before a section's banner, the routing lines of its first page (ACTION, INFO, FM/TO ...).
_ROUTING_LINE = lazy_compile(r"[ \t]*(?:ACTION|INFO|[A-Z]{2,6}-\d\d|-{6,}|O[ \t]+\d{6}Z|FM )")
_SECTION_WORD = lazy_compile(r"S[ \t]*E[ \t]*C[ \t]*T[ \t]*I[ \t]*O[ \t]*N")
_SECTION_OF = lazy_compile(r"SECTION[ \t]*\d{1,3}[ \t]*OF[ \t]*\d")
_ANY_SECTION = lazy_compile(_SECTION_WORD.pattern + r"[ \t]*\d{1,3}[ \t]*O[ \t]*F[ \t]*\d")
_RULER = lazy_compile(r"[-=_*~]{3,}")
# What a page header in either form holds, looked for in the whole body. The regex engine's
# scan for a literal start is three times faster here than ``in`` (whose search stumbles
# over the body's many "O"s and "P"s), and one pattern does for both blanks.
_OF_ZERO = lazy_compile(r"OF[ \t]0")
_PAGE_WORD = lazy_compile("PAGE")
# How many "0"s of a body are looked at one by one for an "OF 0" before it (``_holds_of_zero``).
_ZEROS_TRIED = 8
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "'", ")")
_PARAGRAPH_START = lazy_compile(r"(?:\d{1,3}\.|[A-Z]\.|\(\w{1,6}(?:/+\w+)*\)|--?|\*)[ \t]")


@frozen
class Unpaged:
    """The body without its page furniture, and what was counted on the way."""

    text: str
    pages: int | None
    sections: int | None
    # Whether ``text`` holds a SECTION word ("SECTION" or "S E C T"); None when not known.
    # The paragraph splitter asks the same of the same text.
    sectioned: bool | None = None


def remove_page_breaks(
    body: str, station: str | None = None, subject: str | None = None
) -> Unpaged:
    """``body`` without page headers and repeated section headers; pages and sections counted.

    ``station`` (``SAOPAULO``) tells which capital words before a page header's serial are
    the station's: "... the PSDB BRASILIA 00000546 002 OF 002" keeps "PSDB". ``subject``
    (the SUBJECT field as read) tells how far a repeated, wrapped SUBJECT line goes.
    """
    pages = sections = None
    # Whole-body searches first (at C speed): most bodies have none of these, and the rest
    # are looked at only on the lines where a candidate is.
    # Its "0"s first (memchr): half the bodies of cables.csv have none, and no "OF 0" then.
    new_at = _new_page_lines(body) if _holds_of_zero(body) else []
    old_at = _line_numbers(body, _OLD_PAGE) if _PAGE_WORD.search(body) else []
    written = "SECTION" in body
    spaced = "S E C T" in body
    section_at = _line_numbers(body, _SECTION_OF) if written else []
    if spaced:
        section_at = sorted({*section_at, *_line_numbers(body, _ANY_SECTION)})
    if not (new_at or old_at or section_at):
        return Unpaged(body, None, None, written or spaced)
    lines: list[str | None] = body.split("\n")
    section_at = [i for i in section_at if _is_section_banner(lines[i])]
    if not (new_at or old_at or section_at):
        return Unpaged(body, None, None, written or spaced)
    if section_at:
        subject = " ".join(subject.split()) if subject else None
        sections = _drop_section_headers(lines, section_at, subject)
    if old_at:
        found = _drop_old_pages(lines, old_at)
        if found:
            pages, old_sections = found
            sections = max(sections or 0, old_sections) or None
    if new_at:
        total = _drop_new_pages(lines, new_at, station)
        if total:
            pages = max(pages or 0, total)
    if pages is None and sections is None:
        return Unpaged(body, None, None, written or spaced)
    return Unpaged(_join(lines), pages, sections)


def _holds_of_zero(body: str) -> bool:
    """``_OF_ZERO.search(body) is not None``, told from the few "0"s most bodies have (found at
    memchr speed): the regex engine's scan for "OF" stops at every "O" of a body in capitals.
    A body of many "0"s (a table of figures) is searched from its ``_ZEROS_TRIED``-th on."""
    at = body.find("0")
    for _ in range(_ZEROS_TRIED):
        if at < 0:
            return False
        if at >= 3 and body[at - 1] in " \t" and body[at - 3 : at - 1] == "OF":
            return True
        at = body.find("0", at + 1)
    return at >= 0 and _OF_ZERO.search(body, max(at - 3, 0)) is not None


def level_line(line: str) -> bool:
    """A classification line of the kind printed above and below a page header."""
    return bool(_LEVEL_LINE.match(line))


def page_header_line(line: str) -> bool:
    """A line that is a page header and nothing else, in either form."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return False
    old = _OLD_PAGE.match(stripped)
    if old is not None:
        return old.end() == len(stripped)
    new = _NEW_PAGE.search(stripped)
    return (
        new is not None
        and new.end() == len(stripped)
        and _STATION_WORDS.fullmatch(stripped[: new.start()]) is not None
    )


def _line_numbers(body: str, pattern: LazyPattern) -> list[int]:
    """The numbers of the lines of ``body`` on which ``pattern`` matches, in order."""
    numbers: list[int] = []
    line = last = 0
    for match in pattern.finditer(body):
        line += body.count("\n", last, match.start())
        last = match.start()
        if not numbers or numbers[-1] != line:
            numbers.append(line)
    return numbers


def _new_page_lines(body: str) -> list[int]:
    """``_line_numbers(body, _NEW_PAGE)``, the pattern tried only on lines that end one."""
    numbers: list[int] = []
    line = last = 0
    tried = -1
    for match in _PAGE_OF.finditer(body):
        line += body.count("\n", last, match.start())
        last = match.start()
        if line == tried:
            continue
        tried = line
        start = body.rfind("\n", 0, last) + 1
        end = body.find("\n", last)
        if _NEW_PAGE.search(body, start, end if end >= 0 else len(body)):
            numbers.append(line)
    return numbers


def _last_blanks(line: str) -> str:
    """``line`` with its leading blanks cut to the last 40: ``_HEADER_LINE``'s words of up to
    40 letters and spaces may begin with some of them, the rest only ever matches its
    leading blank run, and a long run tried every split between the two (quadratic)."""
    lead = len(line) - len(line.lstrip(" \t"))
    return line[lead - 40 :] if lead > 40 else line


# Removed lines become None; ``_join`` then closes the gaps they leave.
_CUT = None


def _drop_new_pages(lines: list[str | None], at: list[int], station: str | None) -> int:
    total = 0
    for index in at:
        line = lines[index]
        if line is None:
            continue
        pieces = []
        position = 0
        for match in _NEW_PAGE.finditer(line):
            start = _station_start(line, match.start(), station)
            if start is None:
                continue
            total = max(total, int(match.group("total")), int(match.group("page")))
            pieces.append(line[position:start].rstrip(" \t"))
            position = match.end()
        if not pieces:
            continue
        pieces.append(line[position:].lstrip(" \t"))
        _replace(lines, index, " ".join(p for p in pieces if p))
    return total


def _station_start(line: str, serial_start: int, station: str | None) -> int | None:
    """Where the station name before a page header's serial begins; None if there is none."""
    reach = max(0, serial_start - _STATION_REACH)
    words = _STATION_WORDS_BACKWARDS.match(line[reach:serial_start][::-1])
    if words is None or (reach and words.end() == serial_start - reach):
        return None
    found = line[serial_start - words.end() : serial_start].split()
    if station:
        wanted = station.replace(" ", "").upper()
        for count in range(1, len(found) + 1):
            if "".join(found[-count:]) == wanted:
                return _word_start(line, serial_start, count)
    return _word_start(line, serial_start, 1 if len(found) > 1 and not station else len(found))


def _word_start(line: str, end: int, count: int) -> int:
    """The offset of the first of the ``count`` words just before ``end``."""
    position = end
    for _ in range(count):
        while position > 0 and line[position - 1] in " \t":
            position -= 1
        while position > 0 and line[position - 1] not in " \t":
            position -= 1
    return position


def _drop_old_pages(lines: list[str | None], at: list[int]) -> tuple[int, int] | None:
    """Old page headers out; (pages, sections) counted, the first page's own header being in
    the cable's head rather than its body."""
    seen: set[tuple[int, int]] = set()
    sections = 0
    for index in at:
        line = lines[index]
        if line is None:
            continue
        match = _OLD_PAGE.search(line)
        if match is None:
            continue
        before = line[: match.start()]
        # A page header starts its line, or ends a flattened one after the level word.
        if before.strip() and not _LEVEL_AT_END.search(before):
            continue
        section = int(match.group("section") or 1)
        seen.add((section, int(match.group("page"))))
        if match.group("total"):
            sections = max(sections, int(match.group("total")))
        after = line[match.end() :].strip(" \t")
        before = _LEVEL_AT_END.sub("", before).rstrip(" \t")
        _replace(lines, index, " ".join(p for p in (before, after) if p))
        _drop_level_lines(lines, index)
        if after and not before:
            _join_to_previous(lines, index)
        if after.startswith("ACTION") or _next_text(lines, index).startswith("ACTION"):
            _drop_routing(lines, index)
    if not seen:
        return None
    return len(seen | {(1, 1)}), sections


def _join_to_previous(lines: list[str | None], index: int) -> None:
    """Text that went on after a page header on its line, joined to the line it continues."""
    above = index - 1
    while above >= 0 and (lines[above] is None or not lines[above].strip()):
        above -= 1
    if above < 0:
        return
    following = lines[index].lstrip()
    if _goes_on(lines[above].strip(), following) and not _ROUTING_LINE.match(following):
        lines[above] = f"{lines[above].rstrip()} {following}"
        lines[index] = _CUT


def _next_text(lines: list[str | None], index: int) -> str:
    for text in lines[index + 1 : index + 4]:
        if text is not None and text.strip():
            return text.lstrip()
    return ""


def _drop_level_lines(lines: list[str | None], index: int) -> None:
    """The classification lines just above a page header (and a level at the end of the
    last text line before them)."""
    above = index - 1
    while above >= 0 and (lines[above] is None or not lines[above].strip()):
        above -= 1
    while above >= 0 and lines[above] is not None and _LEVEL_LINE.match(lines[above]):
        lines[above] = _CUT
        above -= 1
        while above >= 0 and lines[above] is not None and not lines[above].strip():
            above -= 1
    if above >= 0 and lines[above] is not None and _LEVEL_AT_END.search(lines[above]):
        lines[above] = _LEVEL_AT_END.sub("", lines[above])


def _drop_routing(lines: list[str | None], index: int) -> None:
    """The ACTION / INFO / FM / TO lines of a section's first page, up to its banner."""
    if lines[index] is not None and lines[index].lstrip().startswith("ACTION"):
        lines[index] = _CUT
    for below in range(index + 1, min(index + 15, len(lines))):
        text = lines[below]
        if text is None or _is_section_banner(text):
            return  # the section's banner, or a line already known to be furniture
        if text.strip() and not (_ROUTING_LINE.match(text) or text.upper() == text):
            return
        lines[below] = _CUT


def _repeats(line: str | None, subject: str) -> bool:
    words = " ".join((line or "").split())
    return bool(words) and words in subject


def _drop_section_headers(
    lines: list[str | None], at: list[int], subject: str | None
) -> int | None:
    sections = 0
    for index in at:
        line = lines[index]
        banner = parse_banner(line) if line is not None else None
        if banner is None or banner.section is None:
            continue
        sections = max(sections, banner.section[1])
        lines[index] = _CUT
        below = index + 1
        while below < len(lines) and below <= index + 12:
            text = lines[below]
            if text is not None and text.strip() and not _HEADER_LINE.match(_last_blanks(text)):
                break
            lines[below] = _CUT
            if text is not None and text.lstrip().startswith("SUBJ") and subject:
                # A wrapped SUBJECT goes on while its lines repeat the cable's subject.
                while below + 1 < len(lines) and _repeats(lines[below + 1], subject):
                    below += 1
                    lines[below] = _CUT
            lines[below] = _CUT
            below += 1
    return sections or None


def _is_section_banner(line: str | None) -> bool:
    if line is None or not _SECTION_WORD.search(line):
        return False
    banner = parse_banner(line)
    return banner is not None and banner.section is not None


def _replace(lines: list[str | None], index: int, text: str) -> None:
    lines[index] = text if text.strip() else _CUT


def _join(lines: list[str | None]) -> str:
    """The lines again, each gap a removed line left closed so the cut paragraph is whole.

    Blank lines next to a removed line are the page's margins. Where text goes on across the
    gap the two sides are joined into one line; otherwise one blank line stays between them.
    """
    out: list[str] = []
    index = 0
    count = len(lines)
    while index < count:
        line = lines[index]
        if line is not _CUT:
            out.append(line)
            index += 1
            continue
        while out and not out[-1].strip():
            out.pop()
        while index < count and (lines[index] is _CUT or not lines[index].strip()):
            index += 1
        if not out or index >= count:
            continue
        following = lines[index].lstrip()
        previous = out[-1].strip()
        if _RULER.match(previous) or (
            _RULER.match(following) and not previous.endswith(_SENTENCE_END)
        ):
            continue  # a title and its ruler: the line break stays, no blank line
        if _goes_on(previous, following):
            # One line again: the break was the page's, not the writer's.
            out[-1] = f"{out[-1].rstrip()} {following}"
            index += 1
        else:
            out.append("")
    return "\n".join(out)


def _goes_on(previous: str, following: str) -> bool:
    """Whether the text before a page break goes on after it (the same paragraph)."""
    if following[:1].islower():
        return True
    if previous.endswith(_SENTENCE_END) or _PARAGRAPH_START.match(following):
        return False
    # A table row ("Repo      8.0     8.5") does not run on into the next line.
    return "   " not in previous
