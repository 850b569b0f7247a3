"""Telegram text (plain or page extract) -> Cable.

The parser never raises on any text: it returns what it could find and says in
``Cable.warnings`` what it could not. Metadata a bulk format states outright (``KnownFields``)
wins over what the text suggests.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import PurePath

from store.markings import caption_words, overall_marking, parse_banner, parse_catalogue
from store.model import Cable, Marking
from store.page_extract import split_page_extract
from store.paragraphs import _START, marking_of, split_paragraphs
from store.records import KnownFields
from store.refids import canonical_id, make_id, parse_references
from store.sanitize import clean
from store.transmission import origin_from_sender, parse_transmission

PARTIAL_PHRASE = "partial extract of the original cable"
# The banner is near the top; past this many lines a "SECRET" line is prose, not a banner.
_BANNER_SEARCH_LINES = 120
_MAX_FIELD_LINE = 2000

_FIELD = re.compile(
    r"\s*(?P<label>E\.?\s?O\.?\s?\d{5}|TAGS?|SUBJE?C?T|SUBJ|REFS?|REFERENCES?|"
    r"CLASSIFIED\s+BY|CLASSIFIED\s+BY\s+\w+)\s*(?P<sep>:|\s)\s*(?P<value>.*)",
    re.IGNORECASE,
)
_DECL = re.compile(r"(?:DECL(?:ASSIFY)?(?:\s+ON)?\s*:?\s*)?(?P<value>.*)", re.IGNORECASE)
_DECL_DATE = (
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("m", "d", "y")),
    (re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})\b"), ("m", "d", "yy")),
)
_TAG_LINK = re.compile(r"\[([^\]\[]{1,40})\]\(#?[^)]{0,80}\)")
_CLASSIFIED_BY = re.compile(
    r"(?P<who>.*?)[\s,.;]*\b(?:for\s+|,\s*|\.\s*)?(?:reasons?|rsn)\s*:?\s*(?P<why>.*)",
    re.IGNORECASE,
)
_SUMMARY = re.compile(
    r"\bSummary(?:\s+and\s+(?:Comment|Action\s+Request))?\s*[:.-]+\s*(?P<text>.*?)\s*"
    r"\bEnd\s+(?:of\s+)?Summary\b",
    re.IGNORECASE | re.DOTALL,
)
_SIGNER = re.compile(r"[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2}")
_NOT_SIGNERS = {"END", "BT", "NNNN", "COMMENT", "SUMMARY", "NOTE", "SIPDIS"}


def parse_text(
    text: str,
    source: str | None = None,
    known: KnownFields | None = None,
) -> Cable:
    """Parse one cable's text. ``known`` holds what a bulk format states outright."""
    known = known or KnownFields()
    warnings: list[str] = []
    text = clean(text)
    extract = split_page_extract(text)
    if extract is not None:
        page_known, text, page_warnings = extract
        warnings.extend(page_warnings)
        known = _merge_known(known, page_known)
    lines = text.split("\n")

    banner_index, banner = _find_banner(lines)
    head_lines = lines[:banner_index] if banner is not None else []
    transmission = parse_transmission(head_lines)
    fields = _read_fields(lines, banner_index + 1 if banner is not None else 0)
    body_lines, signer = _split_signer(lines[fields.end :])
    paragraphs = split_paragraphs(body_lines)

    created = known.created or transmission.sent
    date_note = None
    is_partial = known.header == "" or PARTIAL_PHRASE in text[:3000].lower()
    if created is None:
        date_note = (
            "no date line in this partial extract" if is_partial else "no date found in the cable"
        )
        warnings.append(f"date unknown: {date_note}")
    elif known.created_hour_only:
        date_note = "minutes unknown: the HTML release repeats the hour there"

    captions = list(banner.captions) if banner else []
    for caption in fields.captions:
        if caption not in captions:
            captions.append(caption)

    classification = _classification(known, banner, captions, paragraphs, warnings)
    cable_id = _cable_id(known, banner, created, source, warnings)
    year = created.year if created else None
    if known.references is not None:
        references = tuple(
            ref for ref in (canonical_id(r) for r in known.references) if ref and ref != cable_id
        )
    else:
        references = tuple(parse_references(fields.ref, year, cable_id))
    declassify_on, declassify_note = _declassification(fields.decl)
    classified_by, reasons = _classified_by(fields.classified_by)
    subject, subject_marking = _subject(fields.subject)
    if subject is None:
        warnings.append("no SUBJECT line found")
    if not paragraphs:
        warnings.append("no paragraphs found")

    origin = known.origin or origin_from_sender(transmission.sender)
    header_text = (
        known.header
        if known.header is not None
        else "\n".join(line for line in head_lines if PARTIAL_PHRASE not in line.lower()).strip()
    )
    body_start = banner_index if banner is not None else 0
    return Cable(
        id=cable_id,
        source=source,
        created=created,
        date_note=date_note,
        origin=origin,
        classification=classification,
        captions=tuple(captions),
        is_partial=is_partial,
        transmission_id=transmission.transmission_id,
        precedence=transmission.precedence,
        dtg=transmission.dtg,
        sender=transmission.sender,
        to=tuple(transmission.to),
        info=tuple(transmission.info),
        declassify_on=declassify_on,
        declassify_note=declassify_note,
        tags=tuple(_tags(fields.tags)),
        subject=subject,
        subject_marking=subject_marking,
        references=references,
        classified_by=classified_by,
        reasons=reasons,
        summary=_summary(paragraphs),
        paragraphs=tuple(paragraphs),
        signer=signer,
        header=header_text,
        body="\n".join(lines[body_start:]).strip("\n"),
        warnings=tuple(warnings),
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


def _find_banner(lines: list[str]):
    for index, line in enumerate(lines[:_BANNER_SEARCH_LINES]):
        if not line.strip() or len(line) > 200:
            continue
        banner = parse_banner(line)
        if banner is not None:
            return index, banner
        if _FIELD.match(line) and not line.upper().lstrip().startswith(("TO ", "REF")):
            break  # the fields began without a banner
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
    if upper.startswith("E"):
        return "decl"
    if upper.startswith("TAG"):
        return "tags"
    if upper.startswith("SUBJ"):
        return "subject"
    if upper.startswith("REF"):
        return "ref"
    return "classified_by"


def _read_fields(lines: list[str], start: int) -> _Fields:
    fields = _Fields()
    current: str | None = None
    seen_field = False
    # Inside a repeat of the header block (page extracts print it twice).
    repeating = False
    index = start
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if len(line) > _MAX_FIELD_LINE:
            break
        if not stripped:
            current = None
            index += 1
            continue
        match = _FIELD.match(line)
        if match and (match.group("sep") == ":" or match.group("label").upper().startswith("E")):
            name = _field_name(match.group("label"))
            value = match.group("value").strip()
            if name == "decl":
                value = _DECL.match(value).group("value").strip()
            if name == "ref":
                fields.ref += " " + value
                current = name
            elif getattr(fields, name) is None:
                setattr(fields, name, value)
                current = name
            else:
                current = "repeat"  # the page extract repeats the header block
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
        starts_paragraph = _starts_paragraph(line)
        if current and not starts_paragraph:
            if current == "ref":
                fields.ref += " " + stripped
            elif current in ("tags", "subject", "classified_by"):
                setattr(fields, current, (getattr(fields, current) + " " + stripped).strip())
            index += 1
            continue
        if starts_paragraph or (seen_field and not repeating):
            break
        index += 1  # an addressing line before the fields ("DEPT FOR EUR/CACEN: MUDGE")
    if not seen_field:
        # No labelled fields at all: the body starts right after the banner and captions.
        index = start
        while index < len(lines) and (
            not lines[index].strip() or caption_words(lines[index].strip()) is not None
        ):
            index += 1
    fields.end = index
    return fields


def _starts_paragraph(line: str) -> bool:
    match = _START.match(line)
    return bool(match and match.end() > 0 and (match.group("number") or match.group("mark")))


def _split_signer(lines: list[str]) -> tuple[list[str], str | None]:
    """Body lines without the signature and the NNNN end mark, and the signer's name."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if end and lines[end - 1].strip() == "NNNN":
        end -= 1
        while end and not lines[end - 1].strip():
            end -= 1
    if end:
        last = lines[end - 1].strip()
        if len(last) <= 40 and _SIGNER.fullmatch(last) and last not in _NOT_SIGNERS:
            return lines[: end - 1], last
    return lines[:end], None


def _classification(known, banner, captions, paragraphs, warnings) -> Marking | None:
    if known.classification:
        marking = parse_catalogue(known.classification)
        if marking is not None:
            return marking
        warnings.append(f"unknown classification value {known.classification!r}")
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
        warnings.append(f"malformed reference ID {known.id!r}")
    if banner is not None and banner.station and banner.serial is not None:
        return make_id(created.year if created else None, banner.station, banner.serial)
    if source:
        from_name = canonical_id(PurePath(source).stem)
        if from_name:
            warnings.append("reference ID taken from the file name")
            return from_name
    warnings.append("no reference ID found")
    return ""


def _declassification(value: str | None) -> tuple[date | None, str | None]:
    if not value:
        return None, None
    for pattern, order in _DECL_DATE:
        match = pattern.search(value)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            year = parts.get("y") or (2000 + parts["yy"] if parts["yy"] < 60 else 1900 + parts["yy"])
            try:
                return date(year, parts["m"], parts["d"]), None
            except ValueError:
                break
    return None, value


def _classified_by(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    match = _CLASSIFIED_BY.match(value)
    if match and match.group("why").strip():
        who = match.group("who").strip(" ,.;:")
        return who or None, match.group("why").strip(" .")
    return value.strip(" ,.;:") or None, None


def _subject(value: str | None) -> tuple[str | None, Marking | None]:
    if not value:
        return None, None
    value = re.sub(r"\s+", " ", value).strip()
    match = _START.match(value)
    if match and match.group("mark") and not match.group("number"):
        from store.markings import parse_portion_mark

        marking = parse_portion_mark(match.group("mark"))
        if marking is not None:
            return value[match.end() :].strip() or None, marking
    return value, None


def _tags(value: str | None) -> list[str]:
    if not value:
        return []
    value = _TAG_LINK.sub(lambda m: " " + m.group(1) + " ", value)
    if "," in value:
        parts = [p.strip() for p in value.split(",")]
    else:
        parts = value.split()
    tags: list[str] = []
    for part in parts:
        tag = re.sub(r"\s+", " ", part.strip(" .;[]()"))
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _summary(paragraphs) -> str | None:
    for paragraph in paragraphs[:12]:
        if "ummary" not in paragraph.text and "UMMARY" not in paragraph.text:
            continue
        match = _SUMMARY.search(paragraph.text)
        if match:
            return re.sub(r"\s+", " ", match.group("text")).strip() or None
    return None


def parse_date_text(value: str) -> datetime | None:
    """ISO-ish date-time strings from page extracts; None when unreadable."""
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None
