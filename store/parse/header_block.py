"""Where the parts of a telegram are: transmission header, banner, labelled header fields.

The labelled fields (E.O., TAGS, SUBJECT, REF, Classified By) sit between the banner and the
first paragraph; this module finds them and hands their values, as written, to the modules
that read each one.
"""

from __future__ import annotations

import re

from store.parse.banner_line import LEVEL_HINT as _LEVEL_HINT
from store.parse.banner_line import banner_start, read_banner
from store.parse.labels import REASON_LETTER, REASON_NUMBER, glued_pieces, match_label
from store.parse.lazy_pattern import lazy_compile
from store.parse.line_cache import line_cache
from store.parse.markings import caption_words, parse_banner
from store.parse.page_breaks import level_line, page_header_line
from store.parse.paragraphs import PARAGRAPH_START
from store.parse.refids import continues_refs
from store.parse.stations import station_of
from store.records import KnownFields

# The banner is near the top, under the transmission header; past this many lines after the
# header a "SECRET" line is prose, not a banner.
BANNER_SEARCH_LINES = 120


_MAX_HEADER_LINES = 3000


# Lines longer than these are never banners, header lines or labelled fields.
_MAX_BANNER_LINE = 200
_MAX_FIELD_LINE = 2000
# Addressing lines ("DEPT FOR EUR/CACEN: MUDGE", "NSC FOR SMITH") allowed before the first
# labelled field: real cables have address blocks of 30 lines and more.
_MAX_PREAMBLE_LINES = 80
# How many wrapped lines each field may run on to (a REF block can list many items).
_MAX_CONTINUATION = {"subject": 5, "tags": 5, "classified_by": 4, "decl": 2, "ref": 60}
# Blank lines in a row after which the labelled fields are over: a bound for files that are
# mostly empty lines.
_MAX_BLANK_RUN = 50
# How far below the header the head (banner, addressees, fields) is looked for.
_HEAD_LINES = 300


def find_header_end(text: str, lines: list[str], known: KnownFields) -> int:
    """Index of the first line after the transmission header (0 when there is none)."""
    header = known.header.rstrip("\n") if known.header else ""
    if header and text.startswith(header):
        return min(len(lines), header.count("\n") + 1)
    first = 0
    while first < len(lines) and first < 50 and not lines[first].strip():
        first += 1
    if first >= len(lines) or not lines[first].lstrip().upper().startswith("VZCZC"):
        return 0
    # The header runs to the first blank line, banner or labelled field.
    end = first + 1
    limit = min(len(lines), first + _MAX_HEADER_LINES)
    while end < limit:
        line = lines[end]
        if not line.strip() or len(line) > _MAX_BANNER_LINE or parse_banner(line) is not None:
            break
        if _is_field(line):
            break
        end += 1
    # A banner as a copy writes it (lower case, misspelt) or run onto an addressee line ends
    # the header there; one search of the block first, as most headers have no level word.
    if _LEVEL_HINT.search("\n".join(lines[first + 1 : end])):
        for index in range(first + 1, end):
            if read_banner(lines[index]) is not None or banner_start(lines[index]) is not None:
                return index
    return end


def _is_field(line: str) -> bool:
    """A labelled field line that cannot be an addressee line ("TO ...", "REF" of routing)."""
    return match_label(line) is not None and not line.lstrip().upper().startswith(("TO ", "REF"))


def split_head(lines: list[str], start: int) -> tuple[list[str], LineOrigins]:
    """The lines from ``start`` on, with the head (down to the first paragraph) cut into one
    line per field where a flattened page ran several together (``split_glued``), and for
    each line out the index of the line it came from (the stored text keeps the originals).

    Most heads have nothing to cut: ``lines`` itself then comes back, not a copy."""
    stop = min(len(lines), start + _HEAD_LINES)
    # The head's lines out, and where each came from, are listed from the first line cut on:
    # above it, each line is its own.
    head: list[str] | None = None
    head_origin: list[int] = []
    index = start
    while index < stop:
        line = lines[index]
        if line.strip():
            if index > start and starts_paragraph(line):
                break
            pieces = glued_pieces(line)
            if head is None and (len(pieces) != 1 or pieces[0] != line):
                head, head_origin = lines[start:index], list(range(start, index))
        else:
            pieces = (line,)
        if head is not None:
            head.extend(pieces)
            head_origin.extend([index] * len(pieces))
        index += 1
    if head is None:
        return lines, LineOrigins(start, (), 0)
    out = lines[:start]
    out.extend(head)
    out.extend(lines[index:])
    return out, LineOrigins(start, head_origin, len(head) - (index - start))


class LineOrigins:
    """The index in the original lines of each line ``split_head`` hands out: the same above
    the head, listed for the head's pieces, shifted by the pieces added below it."""

    __slots__ = ("_head", "_shift", "_start")

    def __init__(self, start: int, head: list[int] | tuple[()], shift: int) -> None:
        self._start = start
        self._head = head
        self._shift = shift

    def __getitem__(self, index: int) -> int:
        if index < self._start:
            return index
        if index < self._start + len(self._head):
            return self._head[index - self._start]
        return index - self._shift


def find_banner(lines: list[str], start: int, limit: int):
    """(index, Banner) of the classification banner at or after ``start``, else (-1, None)."""
    for index in range(start, min(limit, len(lines))):
        line = lines[index]
        if not line.strip() or len(line) > _MAX_BANNER_LINE:
            continue
        banner = read_banner(line)
        if banner is not None:
            return index, banner
        if _is_field(line):
            break  # the fields began without a banner
        if starts_paragraph(line):
            break
    return -1, None


class HeaderFields:
    """The labelled fields between the banner and the first paragraph, as written."""

    def __init__(self) -> None:
        self.captions: list[str] = []
        self.decl: str | None = None
        self.tags: str | None = None
        self.subject: str | None = None
        self.ref: str = ""
        self.classified_by: str | None = None
        self.end = 0


_MARK_ALONE = lazy_compile(r"\s*\([A-Z/ ]{1,12}\)\s*")


def _only_a_mark(value: str) -> bool:
    """``SUBJECT: (C) SUBJECT: BRIEFING ...``: the first label held only a portion mark."""
    return bool(_MARK_ALONE.fullmatch(value))


class _Reader:
    """State of the walk down the head: which field is open and how far it ran on."""

    def __init__(self, fields: HeaderFields) -> None:
        self.fields = fields
        self.current: str | None = None
        self.continued = 0
        self.seen_field = False
        # Inside a repeat of the header block (page extracts print it twice).
        self.repeating = False
        # Just past a page header that cut the open subject.
        self.across_page = False
        # Reading a second copy of the fields: what the first held stays (see read_fields).
        self.again = False

    def open(self, name: str, value: str) -> None:
        fields = self.fields
        self.current = name
        if name == "ref" and self.again and fields.ref.strip(" .…"):
            self.current = None  # the full copy's REF line, already read from the first
        elif name == "ref":
            fields.ref += " " + value
        elif getattr(fields, name) is None:
            setattr(fields, name, value)
        elif _only_a_mark(getattr(fields, name)):
            setattr(fields, name, f"{getattr(fields, name).strip()} {value}")
        elif not getattr(fields, name).strip(" .…"):
            # An empty first label filled in later, or the "..." of a page that printed a
            # shortened copy of the header before the full one.
            setattr(fields, name, value)
        else:
            self.current = None  # the page extract repeats the header block
        self.continued = 0
        self.seen_field = True
        self.repeating = False

    def go_on(self, stripped: str) -> bool:
        """Add a line to the open field when it continues it; False when it does not."""
        name = self.current
        if name is None or self.continued >= _MAX_CONTINUATION[name]:
            return False
        value = self.fields.ref if name == "ref" else getattr(self.fields, name) or ""
        if not _continues(name, value, stripped):
            return False
        self.continued += 1
        if name == "ref":
            self.fields.ref += " " + stripped
        else:
            setattr(self.fields, name, f"{value} {stripped}".strip())
        return True


def _continues(name: str, value: str, line: str) -> bool:
    if _ENDS_FIELD.match(line) or RULER.match(line):
        return False
    if name == "tags":
        # A wrapped TAGS line ends with a comma, or its next line is more tag codes.
        return value.rstrip().endswith(",") or bool(_TAG_CODES_LINE.fullmatch(line))
    if name == "subject":
        return len(line) <= 200
    return True


# Lines that end a wrapped field: the SBU handling notice, a summary heading, a page header.
_ENDS_FIELD = lazy_compile(
    r"[ \t]*(?:SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED|(?:BEGIN[ \t]+)?SUMMARY\b[ \t]*[:.-]*[ \t]*\Z"
    r"|PAGE[ \t]+\d{2,3}[ \t])",
    re.IGNORECASE,
)
# More tag codes, bare or as the markdown links of seed 000 ("[KZ](#)").
# ("AU-I", "UNGA/C-6" too; a page that kept its escapes ends the line with a backslash.)
_TAG_CODE = r"(?:[A-Z]{2,6}(?:[-/][A-Z0-9-]{1,4})?|\[[A-Z]{2,6}\]\([^)\s]{0,40}\))"
_TAG_CODES_LINE = lazy_compile(rf"[ \t]*{_TAG_CODE}(?:[ \t,]+{_TAG_CODE}){{0,15}}[ \t,\\]*")
RULER = lazy_compile(r"[ \t]*[-=_*~]{3,}[ \t]*\Z")


# A line that is only reasons letters ("(C), (D)", "and (d).", "& D"), and a Classified By
# value whose reasons are cut after a number or a joiner ("1.4(B),", "1.4 (b) and"): the
# line goes on with them. (Matched whole: linear on any line.)
_REASONS_GO_ON = lazy_compile(
    rf"(?:(?:,|and|&|or)[ \t]*+)?{REASON_LETTER}"
    rf"(?:[ \t]*+(?:,|and|&|or)[ \t]*+{REASON_LETTER})*+[ \t]*+\.?",
    re.IGNORECASE,
)
_REASON_NUMBER = lazy_compile(REASON_NUMBER)


def _reasons_cut(value: str) -> bool:
    """Whether a Classified By value stops inside its reasons: at a reasons number or at a
    joiner after one."""
    value = value.rstrip().lower()
    ends = [number.end() for number in _REASON_NUMBER.finditer(value)]
    if not ends:
        return False
    return ends[-1] == len(value) or value.endswith((",", "&", "/", " and", " or"))


def read_fields(lines: list[str], start: int, fields: HeaderFields | None = None) -> HeaderFields:
    """The labelled fields from ``start`` on; given ``fields`` already read from a first
    copy of the head, those read on (filling only what the first copy left empty or cut)."""
    reader = _Reader(fields or HeaderFields())
    reader.seen_field = reader.again = fields is not None
    fields = reader.fields
    preamble = 0
    blank_run = 0
    index = start
    while index < len(lines):
        line = lines[index]
        if len(line) > _MAX_FIELD_LINE:
            break
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            if blank_run > _MAX_BLANK_RUN:
                break
            current = reader.current
            if current == "ref" and _ref_goes_on(lines, index):
                pass
            elif current in ("subject", "tags", "decl", "classified_by") and not getattr(
                fields, current
            ):
                pass  # "SUBJECT:" alone on its line, its value below
            elif current == "subject" and _page_break_follows(lines, index + 1):
                pass  # the subject may go on below the page header
            else:
                reader.current = None
            index += 1
            continue
        blank_run = 0
        if reader.current == "subject" and _page_furniture(line, lines, index):
            reader.across_page = True
            index += 1
            continue  # a page header cutting the subject: the subject goes on below it
        if reader.across_page and not _subject_goes_on(fields.subject or "", stripped):
            reader.current = None
        reader.across_page = False
        found = match_label(line)
        if found is not None:
            reader.open(*found)
            index += 1
            continue
        captions = _captions(stripped)
        if captions is not None:
            fields.captions.extend(c for c in captions if c not in fields.captions)
            reader.current = None
            index += 1
            continue
        if read_banner(line) is not None:
            reader.current = None
            reader.repeating = reader.seen_field
            index += 1
            continue
        if (
            reader.current == "ref"
            and (continues_refs(line) or ref_item(stripped))
            and reader.go_on(stripped)
        ):
            index += 1
            continue  # "(C) SAO PAULO 260": item C of the REF block, not a marked paragraph
        if (
            reader.current == "classified_by"
            and _REASONS_GO_ON.fullmatch(stripped)
            and _reasons_cut(fields.classified_by or "")
            and reader.go_on(stripped)
        ):
            index += 1
            continue  # "1.4(B), / (C), (D)": the reasons go on, not a paragraph marked (C)
        if starts_paragraph(line):
            break
        if reader.go_on(stripped):
            index += 1
            continue
        if reader.seen_field and not reader.repeating:
            if not (len(stripped) <= 100 and _field_follows(lines, index + 1)):
                break
            # A page header, a handling notice or an address line between SUBJECT and REF
            # or Classified By: the fields go on below it.
            reader.current = None
            index += 1
            continue
        # An addressing line ("DEPT FOR EUR/CACEN: MUDGE") before the fields, or in their
        # repeat, where it is in capitals: lowercase there is the text after a section banner.
        # Should no field follow, the fields never began and nothing is lost (see below).
        preamble += 1
        if preamble > _MAX_PREAMBLE_LINES or not _addressing(stripped):
            break
        if reader.repeating and stripped != stripped.upper():
            break
        reader.current = None
        index += 1
    if not reader.seen_field:
        # No labelled fields at all: the body starts right after the banner and captions.
        index = start
        while index < len(lines) and (
            not lines[index].strip() or _captions(lines[index]) is not None
        ):
            index += 1
    fields.end = index
    return fields


@line_cache
def _captions(line: str) -> tuple[str, ...] | None:
    """The captions of a caption line, as typed in any case (``Sensitive``)."""
    stripped = line.strip()
    found = caption_words(stripped)
    if found is None and len(stripped) <= 40 and not stripped.isupper():
        found = caption_words(stripped.upper())
    return tuple(found) if found is not None else None


def captions_above(lines: list[str], start: int, banner_index: int) -> list[str]:
    """Captions on their own lines between the transmission header and the banner."""
    found: list[str] = []
    for line in lines[start:banner_index]:
        for caption in _captions(line) or ():
            if caption not in found:
                found.append(caption)
    return found


_LOOKAHEAD_LINES = 6
# An address line ("DEPT FOR EUR/CACEN", "NSC FOR SMITH"): never the rest of a subject.
_ADDRESS_LINE = lazy_compile(r"[A-Z/ ]{2,40}[ \t]+FOR[ \t]+[A-Z]")


def _page_break_follows(lines: list[str], start: int) -> bool:
    """Whether the next line with text (within a few) is a page header or its level line."""
    for line in lines[start : start + 4]:
        if line.strip():
            return page_header_line(line) or bool(level_line(line))
    return False


def _page_furniture(line: str, lines: list[str], index: int) -> bool:
    """A page header, or the classification line printed above or below one."""
    if page_header_line(line):
        return True
    if not level_line(line):
        return False
    return _page_break_follows(lines, index + 1) or any(
        page_header_line(above) for above in lines[max(0, index - 3) : index]
    )


def _subject_goes_on(subject: str, line: str) -> bool:
    """The line after a page header that cut the subject: its rest, when written as it is
    (in capitals after a subject in capitals) and not an address line."""
    if len(line) > 100 or _ADDRESS_LINE.match(line) or starts_paragraph(line):
        return False
    return subject != subject.upper() or line == line.upper()


def _field_follows(lines: list[str], start: int) -> bool:
    """Whether a REF or Classified By label comes within a few lines, before any paragraph."""
    seen = 0
    for line in lines[start : start + 3 * _LOOKAHEAD_LINES]:
        if not line.strip():
            continue
        found = match_label(line)
        if found is not None:
            return found[0] in ("ref", "classified_by")
        if starts_paragraph(line) or len(line) > _MAX_FIELD_LINE:
            return False
        seen += 1
        if seen >= _LOOKAHEAD_LINES:
            return False
    return False


def _addressing(line: str) -> bool:
    """An address line ("STATE FOR EUR/RUS, EUR/NB", "NSC FOR SMITH"), not a sentence.

    Short lines pass; longer ones only when they are mostly capitals, as address blocks are
    (a flattened page may run a whole block together on one line).
    """
    if len(line) <= 100:
        return True
    if len(line) > 800:
        return False
    letters = sum(ch.isalpha() for ch in line)
    return sum(ch.islower() for ch in line) * 4 < letters


_REF_ITEM_LINE = lazy_compile(r"[ \t]*\(?[A-Z][.)][ \t]")


def _ref_goes_on(lines: list[str], blank: int) -> bool:
    """True when a blank line inside a REF block is followed by its next lettered item."""
    for line in lines[blank + 1 : blank + 4]:
        if line.strip():
            lettered = _REF_ITEM_LINE.match(line) and (
                not starts_paragraph(line) or ref_item(line.strip())
            )
            return bool(lettered) or continues_refs(line)
    return False


# A lettered REF item naming a cable: "(C) SAO PAULO 260", "D) 05 Sao Paulo 975".
_LETTERED_REF = lazy_compile(
    r"\(?[A-Z][.)][ \t]*(?:\d{2,4}[ \t]+)?(?P<station>[A-Za-z][A-Za-z .'-]{1,30}?)[ \t]*\d{1,7}\b"
)


def ref_item(line: str) -> bool:
    """Whether a line that starts like a marked paragraph is a lettered item of a REF block:
    the letter is followed by a station the table knows and a serial."""
    match = _LETTERED_REF.match(line)
    return match is not None and station_of(match.group("station")) is not None


def starts_paragraph(line: str) -> bool:
    # A number, an anchor, a bracket or a lettered label ("A.", "iv.") comes first: most head
    # lines are told by their first two characters, without the pattern.
    head = line.lstrip()[:2]
    first = head[:1]
    if not first or not (first in "¶(" or first.isdigit() or first in "ivx" or head[1:] == "."):
        return False
    match = PARAGRAPH_START.match(line)
    return bool(match.group("number") or match.group("mark"))
