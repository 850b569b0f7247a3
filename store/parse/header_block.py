"""Where the parts of a telegram are: transmission header, banner, labelled header fields.

The labelled fields (E.O., TAGS, SUBJECT, REF, Classified By) sit between the banner and the
first paragraph; this module finds them and hands their values, as written, to the modules
that read each one.
"""

from __future__ import annotations

import re

from store.parse.markings import caption_words, parse_banner
from store.parse.paragraphs import PARAGRAPH_START
from store.records import KnownFields

# The banner is near the top, under the transmission header; past this many lines after the
# header a "SECRET" line is prose, not a banner.
BANNER_SEARCH_LINES = 120


_MAX_HEADER_LINES = 3000


# Lines longer than these are never banners, header lines or labelled fields.
_MAX_BANNER_LINE = 200


_MAX_FIELD_LINE = 2000


# Addressing lines ("DEPT FOR EUR/CACEN: MUDGE") allowed before the first labelled field.
_MAX_PREAMBLE_LINES = 10


# How many wrapped lines each field may run on to (a REF block can list many items).
_MAX_CONTINUATION = {"subject": 5, "tags": 5, "classified_by": 4, "decl": 2, "ref": 60}


_FIELD = re.compile(
    r"[ \t]*(?P<label>E\.?[ \t]?O\.?[ \t]?\d{5}|TAGS?|SUBJECT|SUBJ|REF(?:TEL)?S?|REFERENCES?"
    r"|CLASSIFIED[ \t]+BY|DECL(?:ASSIFY)?(?:[ \t]+ON)?)"
    r"(?P<sep>[ \t]*:|[ \t]+|[ \t]*\Z)[ \t]*(?P<value>.*)",
    re.IGNORECASE,
)


# Labels that may be followed by a blank instead of a colon ("E.O. 12958 DECL", "TAGS PGOV").
_BLANK_SEPARATED = ("E", "T", "C", "D")


_DECL_PREFIX = re.compile(r"(?:DECL(?:ASSIFY)?(?:[ \t]+ON)?[ \t]*:?[ \t]*)?", re.IGNORECASE)


# Blank lines in a row after which the labelled fields are over, and trailing lines looked at
# for the signature: bounds for files that are mostly empty lines.
_MAX_BLANK_RUN = 50


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
        if _FIELD.match(line) and not line.lstrip().upper().startswith(("TO ", "REF")):
            break
        end += 1
    return end


def find_banner(lines: list[str], start: int, limit: int):
    """(index, Banner) of the classification banner at or after ``start``, else (-1, None)."""
    for index in range(start, min(limit, len(lines))):
        line = lines[index]
        if not line.strip() or len(line) > _MAX_BANNER_LINE:
            continue
        banner = parse_banner(line)
        if banner is not None:
            return index, banner
        if _FIELD.match(line) and not line.lstrip().upper().startswith(("TO ", "REF")):
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


def _field_name(label: str) -> str:
    upper = label.upper()
    if upper.startswith(("E", "DECL")):
        return "decl"
    if upper.startswith("TAG"):
        return "tags"
    if upper.startswith("SUBJ"):
        return "subject"
    if upper.startswith("REF"):
        return "ref"
    return "classified_by"


def _field_match(line: str) -> tuple[str, str] | None:
    """(field name, value) for a labelled field line, else None."""
    match = _FIELD.match(line)
    if match is None:
        return None
    label = match.group("label")
    if ":" not in match.group("sep") and not label.upper().startswith(_BLANK_SEPARATED):
        return None
    name = _field_name(label)
    value = match.group("value").strip()
    if name == "tags" and ":" not in match.group("sep") and value != value.upper():
        return None  # "Tags of..." in prose, not a TAGS line without its colon
    if name == "decl":
        value = value[_DECL_PREFIX.match(value).end() :].strip()
    return name, value


def read_fields(lines: list[str], start: int) -> HeaderFields:
    fields = HeaderFields()
    current: str | None = None
    continued = 0
    seen_field = False
    # Inside a repeat of the header block (page extracts print it twice).
    repeating = False
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
            if current != "ref" or not _ref_goes_on(lines, index):
                current = None
            index += 1
            continue
        blank_run = 0
        found = _field_match(line)
        if found is not None:
            name, value = found
            if name == "ref":
                fields.ref += " " + value
                current = name
            elif getattr(fields, name) is None:
                setattr(fields, name, value)
                current = name
            elif name in ("subject", "tags", "decl") and not getattr(fields, name):
                setattr(fields, name, value)  # an empty first label, filled in later
                current = name
            else:
                current = None  # the page extract repeats the header block
            continued = 0
            seen_field = True
            repeating = False
            index += 1
            continue
        captions = caption_words(stripped)
        if captions is not None:
            fields.captions.extend(c for c in captions if c not in fields.captions)
            current = None
            index += 1
            continue
        if parse_banner(line) is not None:
            current = None
            repeating = seen_field
            index += 1
            continue
        if starts_paragraph(line):
            break
        if current is not None and continued < _MAX_CONTINUATION[current]:
            continued += 1
            if current == "ref":
                fields.ref += " " + stripped
            else:
                joined = (getattr(fields, current) or "") + " " + stripped
                setattr(fields, current, joined.strip())
            index += 1
            continue
        if seen_field and not repeating:
            break
        # An addressing line ("DEPT FOR EUR/CACEN: MUDGE") before the fields, or in their
        # repeat, where it is in capitals: lowercase there is the text after a section banner.
        # Should no field follow, the fields never began and nothing is lost (see below).
        preamble += 1
        if len(stripped) > 100 or preamble > _MAX_PREAMBLE_LINES:
            break
        if repeating and stripped != stripped.upper():
            break
        current = None
        index += 1
    if not seen_field:
        # No labelled fields at all: the body starts right after the banner and captions.
        index = start
        while index < len(lines) and (
            not lines[index].strip() or caption_words(lines[index].strip()) is not None
        ):
            index += 1
    fields.end = index
    return fields


_REF_ITEM_LINE = re.compile(r"[ \t]*\(?[A-Z][.)][ \t]")


def _ref_goes_on(lines: list[str], blank: int) -> bool:
    """True when a blank line inside a REF block is followed by its next lettered item."""
    for line in lines[blank + 1 : blank + 4]:
        if line.strip():
            return bool(_REF_ITEM_LINE.match(line)) and not starts_paragraph(line)
    return False


def starts_paragraph(line: str) -> bool:
    match = PARAGRAPH_START.match(line)
    return bool(match.group("number") or match.group("mark"))
