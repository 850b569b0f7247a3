"""Telegram text (plain or page extract) -> Cable.

The parser never raises on any text: it returns what it could find and says in
``Cable.warnings`` what it could not. Metadata a bulk format states outright (``KnownFields``)
wins over what the text suggests.

Every step is linear in the size of the text: lines over a few thousand characters are never
fields or banners, the labelled fields are looked for only near the top, and no regular
expression here can backtrack over a whole line more than once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import PurePath

from store.markings import (
    caption_words,
    overall_marking,
    parse_banner,
    parse_catalogue,
    parse_portion_mark,
)
from store.model import Cable, Marking, Paragraph
from store.page_extract import split_page_extract
from store.paragraphs import _START, MAX_BLOCKS, MAX_PARAGRAPHS, marking_of, split_paragraphs
from store.records import KnownFields
from store.refids import canonical_id, make_id, parse_references
from store.sanitize import clean, decode
from store.transmission import origin_from_sender, parse_transmission

PARTIAL_PHRASE = "partial extract of the original cable"
# The banner is near the top, under the transmission header; past this many lines after the
# header a "SECRET" line is prose, not a banner.
_BANNER_SEARCH_LINES = 120
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
_DECL_DATE = (
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)"), ("m", "d", "y")),
    (re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})(?!\d)"), ("m", "d", "yy")),
)
_TAG_LINK = re.compile(r"\[([^\]\[\n]{1,40})\]\([^)\n]{0,80}\)")
_TAG_CODE = re.compile(r"[A-Z]{2,6}\Z")
_REASONS = re.compile(r"(?:\bfor[ \t]+)?\b(?:reasons?|rsn)\b[ \t]*:?", re.IGNORECASE)
_SUMMARY_START = re.compile(
    r"[ \t]*(?:(?:Begin|Start)[ \t]+(?:of[ \t]+)?)?Summary(?:[ \t]+and[ \t]+(?:Comments?|"
    r"Action[ \t]+Requests?|Recommendations?))?[ \t]*(?:[:.]+|-+)[ \t]*",
    re.IGNORECASE,
)
_SUMMARY_END = re.compile(r"\(?\bEnd[ \t]+(?:of[ \t]+)?Summary\b", re.IGNORECASE)
# How many paragraphs a summary may open in, and run over before its End Summary.
_SUMMARY_OPENS_WITHIN = 12
_SUMMARY_RUNS_OVER = 6
_SIGNER = re.compile(r"[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2}")
_NOT_SIGNER_WORDS = {
    "END", "BT", "NNNN", "COMMENT", "SUMMARY", "NOTE", "SIPDIS", "NOFORN", "SENSITIVE",
    "EXDIS", "NODIS", "QUOTE", "UNQUOTE", "TEXT", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED",
    "UNCLAS", "MINIMIZE", "CONSIDERED", "DECL", "TAGS", "SUBJECT", "REF", "ACTION", "REQUEST",
}  # fmt: skip
# Transmission trailer lines after the text: "BT", "#2558", "NNNN".
_TRAILER_LINE = re.compile(r"[ \t]*(?:NNNN|BT|#\d{1,7})[ \t]*\Z")
# Blank lines in a row after which the labelled fields are over, and trailing lines looked at
# for the signature: bounds for files that are mostly empty lines.
_MAX_BLANK_RUN = 50
_MAX_TRAILING_LINES = 200
_WHITESPACE = re.compile(r"\s+")


def parse_text(
    text: str,
    source: str | None = None,
    known: KnownFields | None = None,
) -> Cable:
    """Parse one cable's text. ``known`` holds what a bulk format states outright.

    Never raises: should a bug surface on some input, the cable comes back with its text, the
    known fields and a warning that says so, and the import goes on.
    """
    try:
        return _parse(text, source, known)
    except Exception as error:  # the last guard of "never raises on any text"
        return _fallback(text, source, known, error)


def _parse(text: str | bytes, source: str | None, known: KnownFields | None) -> Cable:
    known = _clean_known(known or KnownFields())
    source = _visible_path(source) if source else source
    if isinstance(text, bytes):
        text = decode(text)
    text = _normalize(text)
    warnings: list[str] = []
    if not text.strip():
        warnings.append("empty text")
    page_title = page_tags = None
    extract = split_page_extract(text)
    if extract is not None:
        warnings.extend(extract.warnings)
        known = _merge_known(known, _clean_known(extract.known))
        text, page_title, page_tags = extract.text, extract.title, extract.tags
    lines = text.split("\n")

    header_end = _header_end(text, lines, known)
    banner_index, banner = _find_banner(lines, header_end, header_end + _BANNER_SEARCH_LINES)
    head_lines = lines[:banner_index] if banner is not None else lines[:header_end]
    transmission = parse_transmission(head_lines)
    body_start = banner_index if banner is not None else header_end
    fields = _read_fields(lines, banner_index + 1 if banner is not None else header_end)
    body_lines, signer = _split_signer(lines[fields.end :])
    paragraphs, cut_short = split_paragraphs("\n".join(body_lines))

    created = known.created or transmission.sent
    hour_only = known.created_hour_only
    sent = transmission.sent
    if hour_only and created and sent and sent.replace(minute=0) == created.replace(minute=0):
        # The page's Created cell lost the minutes; the DTG of the same hour still has them.
        created, hour_only = sent, False
    date_note = None
    is_partial = known.header == "" or PARTIAL_PHRASE in text[:3000].lower()
    if created is None:
        date_note = (
            "no date line in this partial extract" if is_partial else "no date found in the cable"
        )
        warnings.append(f"date unknown: {date_note}")
    elif hour_only:
        date_note = "minutes unknown: the HTML release repeats the hour there"

    captions = list(banner.captions) if banner else []
    for caption in fields.captions:
        if caption not in captions:
            captions.append(caption)

    classification = _classification(known, banner, captions, paragraphs, warnings)
    cable_id = _cable_id(known, banner, created, source, warnings)
    year = created.year if created else _year_of(cable_id)
    references = _references(known, fields.ref, year, cable_id)
    declassify_on, declassify_note = _declassification(fields.decl)
    classified_by, reasons = _classified_by(fields.classified_by)
    subject, subject_marking = _subject(fields.subject or page_title)
    if subject is None and subject_marking is None:
        warnings.append("no SUBJECT line found")
    if not paragraphs:
        warnings.append("no paragraphs found")
    elif cut_short:
        warnings.append(
            f"over {MAX_PARAGRAPHS} paragraphs or {MAX_BLOCKS} blocks: the rest is kept as one"
            " block"
        )

    header_text = (
        known.header
        if known.header is not None
        else "\n".join(line for line in head_lines if PARTIAL_PHRASE not in line.lower()).strip()
    )
    return Cable(
        id=cable_id,
        source=source,
        created=created,
        date_note=date_note,
        origin=_one_line(known.origin) or origin_from_sender(transmission.sender),
        classification=classification,
        captions=tuple(captions),
        is_partial=is_partial,
        transmission_id=transmission.transmission_id,
        precedence=transmission.precedence,
        dtg=_one_line(transmission.dtg),
        sender=transmission.sender,
        to=tuple(transmission.to),
        info=tuple(transmission.info),
        declassify_on=declassify_on,
        declassify_note=declassify_note,
        tags=tuple(_tags(fields.tags or page_tags)),
        subject=subject,
        subject_marking=subject_marking,
        references=references,
        classified_by=classified_by,
        reasons=reasons,
        summary=_summary(paragraphs),
        paragraphs=tuple(paragraphs),
        signer=signer,
        header=header_text,
        body=_body(lines[body_start:]),
        warnings=tuple(warnings),
    )


def _body(lines: list[str]) -> str:
    body = "\n".join(lines).strip("\n")
    return body if body.strip() else ""


def _fallback(
    text: object, source: object, known: KnownFields | None, error: Exception
) -> Cable:
    """The cable as far as can be said without parsing, when parsing itself failed."""
    try:
        raw = text if isinstance(text, str) else decode(bytes(text))  # type: ignore[arg-type]
        body = _normalize(raw)
    except Exception:
        body = ""
    try:
        given = known.id if known is not None and isinstance(known.id, str) else ""
        cable_id = _one_line(clean(canonical_id(given) or given)) or ""
    except Exception:
        cable_id = ""
    return Cable(
        id=cable_id,
        source=_visible_path(source) if isinstance(source, str) else None,
        body=body,
        warnings=(f"internal parser error, cable kept unparsed: {clean(repr(error))[:200]}",),
    )


def _one_line(text: str | None) -> str | None:
    """A field shown on one line: any run of whitespace, newlines included, is one space."""
    return " ".join(text.split()) or None if text else text


def _visible_path(path: str) -> str:
    """A file name may hold any byte but NUL and "/": show its newlines and tabs, as less does."""
    return clean(path).replace("\n", "^J").replace("\t", "^I")


def _normalize(text: str) -> str:
    """Controls made visible, line ends unified, no-break spaces as spaces, no BOM."""
    text = clean(text)
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _clean_known(known: KnownFields) -> KnownFields:
    """Bulk metadata is untrusted text too."""
    return replace(
        known,
        id=_normalize(known.id).strip() if known.id else known.id,
        origin=_normalize(known.origin).strip() if known.origin else known.origin,
        classification=(
            _normalize(known.classification).strip()
            if known.classification
            else known.classification
        ),
        references=(
            tuple(_normalize(r) for r in known.references) if known.references else known.references
        ),
        header=_normalize(known.header) if known.header else known.header,
    )


def _merge_known(given: KnownFields, page: KnownFields) -> KnownFields:
    """The caller's known fields win; the page's fill the gaps."""
    return KnownFields(
        id=given.id or page.id,
        created=given.created or page.created,
        created_hour_only=given.created_hour_only if given.created else page.created_hour_only,
        origin=given.origin or page.origin,
        classification=given.classification or page.classification,
        references=given.references if given.references is not None else page.references,
        header=given.header if given.header is not None else page.header,
    )


def _header_end(text: str, lines: list[str], known: KnownFields) -> int:
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


def _find_banner(lines: list[str], start: int, limit: int):
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
        if _starts_paragraph(line):
            break
    return -1, None


class _Fields:
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


def _read_fields(lines: list[str], start: int) -> _Fields:
    fields = _Fields()
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
        if _starts_paragraph(line):
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
            return bool(_REF_ITEM_LINE.match(line)) and not _starts_paragraph(line)
    return False


def _starts_paragraph(line: str) -> bool:
    match = _START.match(line)
    return bool(match.group("number") or match.group("mark"))


def _split_signer(lines: list[str]) -> tuple[list[str], str | None]:
    """Body lines without the signature and the NNNN end mark, and the signer's name."""
    end = len(lines)
    floor = max(0, end - _MAX_TRAILING_LINES)
    while end > floor and (not lines[end - 1].strip() or _TRAILER_LINE.match(lines[end - 1])):
        end -= 1
    if end > floor:
        last = lines[end - 1].strip()
        if len(last) <= 40 and _SIGNER.fullmatch(last) and _could_sign(last):
            return lines[: end - 1], last
    return lines[:end], None


def _could_sign(name: str) -> bool:
    words = re.split(r"[ /]", name)
    return not any(w in _NOT_SIGNER_WORDS or set(w) == {"X"} for w in words)


def _classification(known, banner, captions, paragraphs, warnings) -> Marking | None:
    if known.classification:
        marking = parse_catalogue(known.classification)
        if marking is not None:
            return marking
        warnings.append(f"unknown classification value {known.classification[:60]!r}")
    if banner is not None:
        return overall_marking(banner.level, captions)
    warnings.append("no classification banner found")
    highest = marking_of(paragraphs)
    if highest is not None:
        warnings.append("classification taken from the highest portion mark")
        return overall_marking(highest.level, captions)
    return None


def _cable_id(known, banner, created, source, warnings) -> str:
    if known.id:
        fixed = canonical_id(known.id)
        if fixed:
            return fixed
        warnings.append(f"malformed reference ID {known.id[:60]!r}")
    if banner is not None and banner.station and banner.serial is not None:
        return make_id(created.year if created else None, banner.station, banner.serial)
    if source:
        from_name = canonical_id(PurePath(source).stem)
        if from_name:
            warnings.append("reference ID taken from the file name")
            return from_name
    warnings.append("no reference ID found")
    return ""


def _year_of(cable_id: str) -> int | None:
    """The year an ID states (``06ALMATY79`` -> 2006), None for an undated ID."""
    if len(cable_id) > 2 and cable_id[:2].isdigit():
        return _full_year(int(cable_id[:2]))
    return None


def _full_year(short: int) -> int:
    """Two-digit years: the cables run from 1966 to 2010."""
    return short + (1900 if short >= 60 else 2000)


def _references(known: KnownFields, block: str, year: int | None, cable_id: str):
    if known.references:
        own = (canonical_id(r) for r in known.references)
        return tuple(dict.fromkeys(r for r in own if r and r != cable_id))
    return tuple(parse_references(block, year, cable_id or None))


def _declassification(value: str | None) -> tuple[date | None, str | None]:
    if not value:
        return None, None
    value = _WHITESPACE.sub(" ", value).strip()
    for pattern, order in _DECL_DATE:
        match = pattern.search(value)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts.get("y") or _full_year(parts["yy"])
            try:
                return date(year, parts["m"], parts["d"]), None
            except ValueError:
                break
    return None, value[:200]


def _classified_by(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    value = _WHITESPACE.sub(" ", value).strip()
    match = _REASONS.search(value)
    if match is None:
        return value.strip(" ,.;:") or None, None
    who = value[: match.start()].strip(" ,.;:") or None
    why = value[match.end() :].strip(" .:;") or None
    return who, why


def _subject(value: str | None) -> tuple[str | None, Marking | None]:
    if not value:
        return None, None
    value = _WHITESPACE.sub(" ", value).strip()
    match = _START.match(value)
    if match.group("mark") and not match.group("number"):
        marking = parse_portion_mark(match.group("mark"))
        if marking is not None:
            return value[match.end() :].strip() or None, marking
    return value or None, None


def _tags(value: str | None) -> list[str]:
    """TAGS as a list: blanks or commas between them, ``[KZ](#)`` links, multi-word tags.

    Without commas every blank separates tags. With commas, a part of several words is one
    tag (``TRADE AND DEVELOPMENT``) unless every word is a short tag code (``PGOV PREL``).
    """
    if not value:
        return []
    value = _TAG_LINK.sub(lambda m: " " + m.group(1) + " ", value[:4000])
    if "," in value:
        parts: list[str] = []
        for part in value.split(","):
            words = part.split()
            if len(words) > 1 and all(_TAG_CODE.match(w.strip(".;")) for w in words):
                parts.extend(words)
            else:
                parts.append(" ".join(words))
    else:
        parts = value.split()
    tags: list[str] = []
    for part in parts:
        tag = part.strip(" .;:[]()")
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _summary(paragraphs: list[Paragraph]) -> str | None:
    """The text between ``Summary:`` and ``End Summary``, without the markers."""
    for index, paragraph in enumerate(paragraphs[:_SUMMARY_OPENS_WITHIN]):
        if paragraph.is_heading:
            words = " ".join(w for w in paragraph.text.split() if w.strip("-=_*~"))
            if words.rstrip(":").strip().lower() in ("summary", "begin summary"):
                return _summary_from(paragraphs, index + 1, 0)
            continue
        if "ummary" not in paragraph.text[:40] and "UMMARY" not in paragraph.text[:40]:
            continue
        start = _SUMMARY_START.match(paragraph.text)
        if start is not None:
            return _summary_from(paragraphs, index, start.end())
    return None


def _summary_from(paragraphs: list[Paragraph], first: int, offset: int) -> str | None:
    """From ``paragraphs[first]`` (at ``offset``) to the End Summary within reach.

    With no End Summary in reach the summary is the opening paragraph alone.
    """
    last = min(len(paragraphs), first + _SUMMARY_RUNS_OVER)
    pieces: list[str] = []
    for index in range(first, last):
        paragraph = paragraphs[index]
        if paragraph.is_heading:
            break
        text = paragraph.text[offset:] if index == first else paragraph.text
        end = _SUMMARY_END.search(text)
        if end is not None:
            pieces.append(text[: end.start()])
            return _join_summary(pieces)
        pieces.append(text)
    return _join_summary(pieces[:1])


def _join_summary(pieces: list[str]) -> str | None:
    texts = [_WHITESPACE.sub(" ", piece).strip(" (") for piece in pieces]
    return "\n\n".join(t for t in texts if t) or None


def parse_date_text(value: str) -> datetime | None:
    """ISO-ish date-time strings from page extracts; None when unreadable."""
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None
