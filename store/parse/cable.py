"""Telegram text (plain or page extract) -> Cable.

The parser never raises on any text: it returns what it could find and says in
``Cable.warnings`` what it could not. Metadata a bulk format states outright (``KnownFields``)
wins over what the text suggests.

Every step is linear in the size of the text: lines over a few thousand characters are never
fields or banners, the labelled fields are looked for only near the top, and no regular
expression here can backtrack over a whole line more than once.
"""

from __future__ import annotations

from store.frozen import replace
from store.model import Cable, Marking
from store.parse.classified_by import find_classified_by, split_classified_by
from store.parse.date_lines import find_date_line, find_year_line
from store.parse.dates import declassification, year_of
from store.parse.full_copy import full_copy_fields
from store.parse.header_block import (
    BANNER_SEARCH_LINES,
    captions_above,
    find_banner,
    find_header_end,
    read_fields,
    split_head,
)
from store.parse.labels import match_label
from store.parse.markings import overall_marking, parse_catalogue
from store.parse.page_breaks import remove_page_breaks
from store.parse.page_extract import split_page_extract
from store.parse.paragraphs import MAX_BLOCKS, MAX_PARAGRAPHS, marking_of, split_paragraphs
from store.parse.refids import canonical_id, make_id, page_id_alias, parse_references
from store.parse.run_on import may_run_on, run_on_body
from store.parse.safe_ids import not_an_id, safe_id
from store.parse.signer import split_signer
from store.parse.stations import origin_of, table_origin
from store.parse.subject import split_subject
from store.parse.summary import find_summary
from store.parse.tags import split_tags
from store.parse.transmission import (
    Transmission,
    find_dtg,
    first_sent,
    fragment_head,
    origin_from_sender,
    parse_transmission,
)
from store.records import KnownFields
from store.sanitize import clean, clean_ascii, decode

PARTIAL_PHRASE = "partial extract of the original cable"
# How far down a DTG standing alone may date a cable that has none in its head.
_DTG_SEARCH_LINES = 3000


def parse_text(
    text: str,
    source: str | None = None,
    known: KnownFields | None = None,
    cleaned: bool = False,
    stored_only: bool = False,
) -> Cable:
    """Parse one cable's text. ``known`` holds what a bulk format states outright;
    ``cleaned``: the text is ``clean``'s output already (see ``RawCable.cleaned``);
    ``stored_only``: only what an import keeps (see ``_STORED_ONLY``).

    Never raises: should a bug surface on some input, the cable comes back with its text, the
    known fields and a warning that says so, and the import goes on.
    """
    try:
        return _parse(text, source, known, cleaned, stored_only)
    except Exception as error:  # the last guard of "never raises on any text"
        return _fallback(text, source, known, error)


# What ``stored_only`` leaves out: the corpus keeps a cable's text and the fields it is
# searched and counted by, and the reader parses the text again to show it. So the routing
# block (FM, TO, INFO, DTG) is read only when the date or the origin needs it, and the
# summary is not looked for: 8-10% of the parse of a CSV row, which states both.
_STORED_ONLY = ("transmission_id", "precedence", "dtg", "sender", "to", "info", "summary")


def _parse(
    text: str | bytes,
    source: str | None,
    known: KnownFields | None,
    cleaned: bool = False,
    stored_only: bool = False,
) -> Cable:
    known = _clean_known(known or KnownFields())
    source = _visible_path(source) if source else source
    if isinstance(text, bytes):
        text, cleaned = decode(text), False
    text = _normalize(text, cleaned)
    warnings: list[str] = []
    if not text.strip():
        warnings.append("empty text")
    page_title = page_tags = None
    extract = split_page_extract(text)
    if extract is not None:
        warnings.extend(extract.warnings)
        known = _merge_known(known, _clean_known(extract.known))
        text, page_title, page_tags = extract.text, extract.title, extract.tags
    original = text.split("\n")
    header_end = find_header_end(text, original, known)
    lines, origin = split_head(original, header_end)
    banner_index, banner = find_banner(lines, header_end, header_end + BANNER_SEARCH_LINES)
    head_lines = lines[:banner_index] if banner is not None else lines[:header_end]
    known_origin = _known_origin(known.origin)
    routing = head_lines if banner is not None else fragment_head(lines)
    if stored_only and known.created and known_origin:
        transmission = Transmission()
        if known.created_hour_only:  # the DTG may hold the minutes
            transmission.sent = first_sent(routing)
    else:
        transmission = parse_transmission(routing)
    fields = read_fields(lines, banner_index + 1 if banner is not None else header_end)
    copy = full_copy_fields(lines, fields.end, banner)
    if copy is not None:
        copied, first_field, excerpt = copy
        excerpt_end = fields.end
        fields = read_fields(copied, first_field, fields)
        if any(line.strip() for line in copied[fields.end :]):
            lines = copied
        else:  # the page cut the copy after its head: the excerpt is all the text there is
            lines, fields.end = excerpt, excerpt_end
    body_lines, signer = split_signer(lines[fields.end :])
    station = banner.station if banner is not None else None
    unpaged = remove_page_breaks("\n".join(body_lines), station, fields.subject)
    paragraphs, cut_short = split_paragraphs(unpaged.text, unpaged.sectioned)
    ref_block = fields.ref
    if not paragraphs or may_run_on(ref_block):
        head_text = "\n".join(
            lines[banner_index + 1 if banner is not None else header_end : fields.end]
        )
        run_on = run_on_body(remove_page_breaks(head_text, station).text, bool(paragraphs))
        if run_on and not paragraphs:
            if signer is None:  # the whole text ran on in the head: so did its signature
                run_on_lines, signer = split_signer(run_on.split("\n"))
                run_on = "\n".join(run_on_lines)
            paragraphs, cut_short = split_paragraphs(run_on)
        elif run_on:
            # The first paragraph ran on from the REF block: it is text, not references.
            paragraphs = split_paragraphs(run_on)[0] + paragraphs
            ref_block = _before(ref_block, run_on)

    created = known.created or transmission.sent
    if created is None:
        created = find_date_line(head_lines or lines[:BANNER_SEARCH_LINES])
    if created is None:
        # A DTG alone on its line, above the fields or in a later section's header; a REF
        # block's are the dates of other cables.
        after_banner = banner_index + 1 if banner is not None else header_end
        created = find_dtg(_outside_fields(lines, after_banner, fields.end))
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
    above = captions_above(lines, header_end, banner_index) if banner is not None else []
    for caption in (*above, *fields.captions):
        if caption not in captions:
            captions.append(caption)

    classification = _classification(known, banner, captions, paragraphs, warnings)
    year_known = created.year if created else find_year_line(lines)
    cable_id = _cable_id(known, banner, year_known, source, warnings)
    aliases = page_id_alias(known.id, cable_id)
    year = created.year if created else year_of(cable_id)
    references = _references(known, ref_block, year, cable_id)
    declassify_on, declassify_note = declassification(fields.decl)
    classified = split_classified_by(
        fields.classified_by or find_classified_by(lines[fields.end : fields.end + 60])
    )
    subject, subject_marking = split_subject(
        fields.subject or page_title, banner.station if banner else None
    )
    if subject is None and subject_marking is None:
        warnings.append("no SUBJECT line found")
    if not paragraphs:
        warnings.append("no paragraphs found")
    elif cut_short:
        warnings.append(
            f"over {MAX_PARAGRAPHS} paragraphs or {MAX_BLOCKS} blocks: the rest is kept as one"
            " block"
        )

    # The text is stored as it came: the header as sent, the rest below it untouched, so
    # that what the corpus keeps parses again to this same cable.
    body_start = origin[banner_index] if banner is not None else header_end
    # A partial-extract note above the banner is the release's, not the header's: the body
    # starts with it.
    for index in range(min(body_start, 50)):
        if PARTIAL_PHRASE in original[index].lower():
            body_start = index
            break
    above_body = "\n".join(original[:body_start])
    header_text = known.header if known.header is not None else above_body.strip()
    return Cable(
        id=cable_id,
        aliases=aliases,
        source=source,
        created=created,
        date_note=date_note,
        origin=known_origin
        or origin_from_sender(transmission.sender)
        or origin_of(banner.station if banner else None),
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
        tags=tuple(split_tags(fields.tags or page_tags)),
        subject=subject,
        subject_marking=subject_marking,
        references=references,
        classified_by=classified.name,
        classified_by_title=classified.title,
        reasons=classified.reasons,
        summary=None if stored_only else find_summary(paragraphs),
        paragraphs=tuple(paragraphs),
        signer=signer,
        pages=unpaged.pages,
        sections=_sections(banner, unpaged.sections),
        header=header_text,
        # The lines from body_start on, joined again, are the text past the head's lines.
        body=_body(text[len(above_body) + 1 :] if body_start else text),
        warnings=tuple(warnings),
        csv_id=known.csv_id,
    )


def _outside_fields(lines: list[str], start: int, end: int) -> list[str]:
    """The head's lines above its first labelled field, and the lines below the fields."""
    first = start
    while first < end and match_label(lines[first]) is None:
        first += 1
    return lines[:first] + lines[end : end + _DTG_SEARCH_LINES]


def _before(block: str, text: str) -> str:
    """``block`` up to where ``text`` starts in it, whitespace aside."""
    flat, start = " ".join(block.split()), " ".join(text.split())[:60]
    at = flat.find(start)
    return flat[:at] if at >= 0 else block


def _sections(banner, counted: int | None) -> int | None:
    """Sections as the first banner states them (``SECTION 01 OF 03``), else as counted."""
    if banner is not None and banner.section is not None and banner.section[1] > 1:
        return banner.section[1]
    return counted


def _body(text: str) -> str:
    body = text.strip("\n")
    return body if body.strip() else ""


def _fallback(text: object, source: object, known: KnownFields | None, error: Exception) -> Cable:
    """The cable as far as can be said without parsing, when parsing itself failed."""
    try:
        raw = text if isinstance(text, str) else decode(bytes(text))  # type: ignore[arg-type]
        body = _normalize(raw)
    except Exception:
        body = ""
    warnings = [f"internal parser error, cable kept unparsed: {clean(repr(error))[:200]}"]
    try:
        given = known.id if known is not None and isinstance(known.id, str) else ""
        cable_id = canonical_id(given) or (safe_id(given) if given.strip() else "")
        if cable_id and cable_id != canonical_id(given):
            warnings.append(not_an_id(given, cable_id))
    except Exception:
        cable_id = ""
    return Cable(
        id=cable_id,
        source=_visible_path(source) if isinstance(source, str) else None,
        body=body,
        warnings=tuple(warnings),
    )


def _known_origin(origin: str | None) -> str | None:
    one_line = _one_line(origin)
    return table_origin(one_line) if one_line else one_line


def _one_line(text: str | None) -> str | None:
    """A field shown on one line: any run of whitespace, newlines included, is one space."""
    return " ".join(text.split()) or None if text else text


def _visible_path(path: str) -> str:
    """A file name may hold any byte but NUL and "/": show its newlines and tabs, as less does."""
    return clean(path).replace("\n", "^J").replace("\t", "^I")


def _normalize(text: str, cleaned: bool = False) -> str:
    """Controls made visible, line ends unified (unless ``cleaned`` says they are), no-break
    spaces as spaces, no BOM."""
    if not cleaned:
        text = clean(text)
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\u2028" in text or "\u2029" in text:
        # Unicode line and paragraph separators (some pages have them for line breaks).
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text


def _clean_known(known: KnownFields) -> KnownFields:
    """Bulk metadata is untrusted text too."""
    # Most rows are ASCII without controls, told of all the fields in one go: ``_normalize``
    # would give each back as it is.
    normalize = _as_it_is if _clean_already(known) else _normalize
    cable_id = normalize(known.id).strip() if known.id else known.id
    origin = normalize(known.origin).strip() if known.origin else known.origin
    classification = (
        normalize(known.classification).strip() if known.classification else known.classification
    )
    references = (
        tuple(normalize(r) for r in known.references) if known.references else known.references
    )
    header = normalize(known.header) if known.header else known.header
    if (
        cable_id is known.id
        and origin is known.origin
        and classification is known.classification
        and references == known.references
        and header is known.header
    ):
        return known  # clean already, as most rows are: no copy
    return replace(
        known,
        id=cable_id,
        origin=origin,
        classification=classification,
        references=references,
        header=header,
    )


def _clean_already(known: KnownFields) -> bool:
    """Whether every text field of ``known`` is ASCII that ``clean`` keeps as it is (told of
    them joined, in one go), so that ``_normalize`` changes none (no U+00A0, BOM or line
    separator can be there either)."""
    parts = (known.id, known.origin, known.classification, known.header, *(known.references or ()))
    return clean_ascii("\n".join(part for part in parts if part))


def _as_it_is(text: str) -> str:
    return text


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
        csv_id=given.csv_id if given.csv_id is not None else page.csv_id,
    )


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


def _cable_id(known, banner, year, source, warnings) -> str:
    if known.id:
        fixed = canonical_id(known.id)
        if fixed:
            return fixed
    cable_id = _text_id(banner, year, source, warnings)
    if known.id and known.id.strip():
        # The catalogue names it: kept rather than lost, under an ID safe to name a file.
        cable_id = cable_id or safe_id(known.id)
        warnings.append(not_an_id(known.id, cable_id))
    if not cable_id:
        warnings.append("no reference ID found")
    return cable_id


def _text_id(banner, year, source, warnings) -> str:
    """The ID the banner gives, else the file name."""
    # Imported here: a cable whose catalogue names it (every stored one) never needs it,
    # and `cables show` need not pay for pathlib (see store.parse.data_files).
    from pathlib import PurePath

    if banner is not None and banner.station and banner.serial is not None:
        made = make_id(year, banner.station, banner.serial)
        if year is None and source:
            # The file name of an undated text may say the year: "00HARARE5461.txt".
            named = canonical_id(PurePath(source).stem)
            if named and named[2:] == made and named[:2].isdigit():
                return named
        return made
    if source:
        from_name = canonical_id(PurePath(source).stem)
        if from_name:
            warnings.append("reference ID taken from the file name")
            return from_name
    return ""


def _references(known: KnownFields, block: str, year: int | None, cable_id: str):
    if known.references:
        own = (canonical_id(r) for r in known.references)
        return tuple(dict.fromkeys(r for r in own if r and r != cable_id))
    return tuple(parse_references(block, year, cable_id or None))
