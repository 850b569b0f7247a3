"""A Cable as plain text, Markdown or a JSON-ready dict (``cables show --format``, ``parse``).

No Rich and no Textual here: ``cables parse --json`` and the exports need only the stdlib.
The header fields a cable shows, and their order, are defined once here (``header_fields``)
and the Rich renderer (``tui.output.render``) draws the same list, so the reader, ``cables show``
and the exports never disagree about what a cable's header says.

Every string taken from a cable passes through ``safe`` before it is written out, even
though ingest already cleaned it: nothing from a cable may act on a terminal.
"""

from __future__ import annotations

from store import pattern_cache
from store.corpus.census import level_counts
from store.frozen import frozen
from store.model import Cable, Marking, Paragraph
from tui.output.safe_text import safe

__all__ = ["safe"]  # (re-exported: the exports and commands take it from here)

PARTIAL_NOTICE = "Partial extract: the full text of the original cable is not available."
UNKNOWN_CLASSIFICATION = "UNKNOWN CLASSIFICATION"

def banner_text(cable: Cable) -> str:
    """``CONFIDENTIAL//NOFORN``, or ``UNKNOWN CLASSIFICATION`` when the cable has none."""
    if cable.classification is None:
        return UNKNOWN_CLASSIFICATION
    return safe(cable.classification.full)


def mark_as_written(marking: Marking) -> str:
    """The portion mark as the cable wrote it (``(S/NF)``), else its normalized form."""
    written = marking.text.strip()
    if written.startswith("(") and written.endswith(")"):
        return safe(written)
    return f"({safe(marking.short)})"


def mark_normalized(marking: Marking) -> str:
    """The portion mark in its normalized form: ``(S//NF)`` whatever the cable wrote."""
    return f"({safe(marking.short)})"


def date_text(cable: Cable) -> str:
    """``2006-01-12 05:08``; ``date unknown (why)`` when the cable has no date."""
    note = f" ({safe(cable.date_note)})" if cable.date_note else ""
    if cable.created is None:
        return "date unknown" + note
    return cable.created.strftime("%Y-%m-%d %H:%M") + note


def declassify_text(cable: Cable) -> str | None:
    """The DECL field: an ISO date, else the field as written (``N/A``), else None."""
    if cable.declassify_on is not None:
        return cable.declassify_on.isoformat()
    if cable.declassify_note:
        return safe(cable.declassify_note)
    return None


@frozen
class HeaderField:
    """One line of a cable's header block. ``key`` is stable; ``label`` is what users see."""

    key: str
    label: str
    value: str


COUNTING = "…"


def header_fields(cable: Cable, *, first_part: bool = False) -> list[HeaderField]:
    """The header block's fields in display order, skipping the ones the cable lacks.

    The subject's portion mark is not in its value: the renderer shows it as a chip and the
    text export writes it as written. ``first_part``: ``cable`` is the start of a long
    cable (the reader shows it first), so the counts over the whole text say they are
    still being counted.
    """
    fields = [
        HeaderField("id", "ID", safe(cable.id)),
        HeaderField("date", "Date", date_text(cable)),
    ]

    def add(key: str, label: str, value: str | None) -> None:
        if value:
            fields.append(HeaderField(key, label, safe(value)))

    add("origin", "Origin", cable.origin)
    add("from", "From", cable.sender)
    add("to", "To", "; ".join(cable.to))
    add("info", "Info", "; ".join(cable.info))
    add("captions", "Captions", " ".join(cable.captions))
    add("tags", "TAGS", ", ".join(cable.tags))
    add("subject", "Subject", cable.subject)
    add("classified_by", "Classified by", classified_by_text(cable))
    add("declassify", "Declassify", declassify_text(cable))
    if first_part:
        add("pages", "Pages", COUNTING)
        add("marks", "Marks", COUNTING)
        return fields
    add("pages", "Pages", pages_text(cable))
    add("marks", "Marks", census_text(cable))
    return fields


def classified_by_text(cable: Cable) -> str | None:
    """``Miriam K. Oduya, Deputy Political Counselor; reasons 1.4 (b) and (d)``: the name, its
    title and the reasons, each when the cable gives it."""
    who = ", ".join(part for part in (cable.classified_by, cable.classified_by_title) if part)
    if cable.reasons:
        return f"{who}; reasons {cable.reasons}" if who else f"reasons {cable.reasons}"
    return who or None


def pages_text(cable: Cable) -> str | None:
    """``3`` or ``5 in 2 sections``: the telegram's page breaks and sections, as counted."""
    sections = f" in {cable.sections} sections" if cable.sections and cable.sections > 1 else ""
    if cable.pages:
        return f"{cable.pages}{sections}"
    return f"{cable.sections} sections" if sections else None


def census_text(cable: Cable) -> str | None:
    """``3 (S) · 5 (C) · 2 (U)``: how many paragraphs carry each level's portion mark."""
    counts = level_counts(cable.paragraphs)
    return " · ".join(f"{count} ({level.letter})" for level, count in counts) or None


# ---------------------------------------------------------------------------------- text


def paragraph_line(
    paragraph: Paragraph, normalize_mark: bool = False, as_written: bool = False
) -> str:
    """``11. (C) text``: the number as written, the mark, the text; absent parts left out.

    ``as_written``: the text with the cable's own lines, hard wrapping included."""
    parts = []
    if paragraph.number:
        parts.append(safe(paragraph.number))
    if paragraph.marking is not None:
        mark = mark_normalized if normalize_mark else mark_as_written
        parts.append(mark(paragraph.marking))
    parts.append(safe(paragraph.as_written if as_written else paragraph.text))
    return " ".join(parts)


def _wrap(text: str, width: int) -> str:
    """Each line of ``text`` wrapped to ``width``; words longer than that are folded."""
    import textwrap  # only when asked to wrap: piped text keeps the cable's lines

    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) or line
        if len(line) > width
        else line
        for line in text.split("\n")
    )


def cable_to_raw(cable: Cable) -> str:
    """The cable exactly as imported (only made safe): its header block, then its body."""
    text = f"{cable.header}\n{cable.body}" if cable.header else cable.body
    return safe(text).rstrip("\n") + "\n"


def body_paragraphs(cable: Cable) -> tuple[Paragraph, ...]:
    """The cable's paragraphs; its whole body as one when the parser found none."""
    if not cable.paragraphs and cable.body.strip():
        return (Paragraph(cable.body.strip("\n")),)
    return cable.paragraphs


def cable_to_text(cable: Cable, width: int = 0) -> str:
    """The cable as plain text: banner, header, paragraphs, signer, banner.

    ``width`` 0 keeps every line of the cable as it is (faithful and greppable); a width
    re-wraps prose paragraphs to it, while list items, tables and headings keep their lines.
    """
    banner = banner_text(cable)
    lines = [banner, ""]
    for field in header_fields(cable):
        value = field.value
        if field.key == "subject" and cable.subject_marking is not None:
            value = f"{mark_as_written(cable.subject_marking)} {value}"
        lines.append(f"{field.label}: {value}")
    if cable.is_partial:
        lines.append(PARTIAL_NOTICE)
    if cable.references:
        lines.append("References:")
        lines.extend(f"  {safe(ref)}" for ref in cable.references)
    for paragraph in body_paragraphs(cable):
        lines.append("")
        line = paragraph_line(paragraph, as_written=not width)
        lines.append(_wrap(line, width) if width else line)
    if cable.signer:
        lines.extend(["", safe(cable.signer)])
    lines.extend(["", banner])
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ markdown

# Characters that start inline Markdown constructs anywhere in a line (links, images,
# emphasis, code, HTML, entities, tables, strikethrough, math), and the backslash itself.
_MD_INLINE = pattern_cache.compile(r"([\\`*_\[\]<>&|~!$])")
# At the start of a line (after indentation) these make headings, quotes, lists, rules.
_MD_LINE_START = pattern_cache.compile(r"^(\s*)([#>+\-=*])")
_MD_ORDERED = pattern_cache.compile(r"^(\s*\d+)([.)])")
# GitHub autolinks bare URLs, www. names and e-mail addresses without any brackets.
_MD_URL = pattern_cache.compile(r"(?i)\b(https?|ftp|mailto|file):(//)?")
_MD_WWW = pattern_cache.compile(r"(?i)\b(www)\.")


def md_escape(text: str) -> str:
    """Cable text made inert in Markdown: shows literally, never renders as a link or HTML."""
    text = safe(text)
    out = []
    for line in text.split("\n"):
        line = _MD_INLINE.sub(r"\\\1", line)
        line = _MD_URL.sub(lambda m: m.group(1) + "\\:" + ("\\/\\/" if m.group(2) else ""), line)
        line = _MD_WWW.sub(r"\1\\.", line)
        line = line.replace("@", "\\@")
        line = _MD_LINE_START.sub(r"\1\\\2", line)
        line = _MD_ORDERED.sub(r"\1\\\2", line)
        out.append(line)
    # A backslash at the end of a line is a hard break, so the cable's line breaks survive.
    return "\\\n".join(out)


def cable_to_markdown(cable: Cable, width: int = 0) -> str:
    """The cable as Markdown. All cable text is escaped; the marks and labels are bold.

    ``width`` 0 keeps every line of the cable; any other width puts each prose paragraph on
    one line for the Markdown viewer to wrap (lists, tables and headings keep their lines).
    """
    banner = f"**{md_escape(banner_text(cable))}**"
    title = md_escape(cable.subject) if cable.subject else md_escape(cable.id)
    parts = [banner, f"# {title}"]
    field_lines = []
    for field in header_fields(cable):
        value = md_escape(field.value)
        if field.key == "subject" and cable.subject_marking is not None:
            value = f"**{md_escape(mark_as_written(cable.subject_marking))}** {value}"
        field_lines.append(f"- **{field.label}:** {value}")
    parts.append("\n".join(field_lines))
    if cable.is_partial:
        parts.append(f"*{md_escape(PARTIAL_NOTICE)}*")
    if cable.references:
        refs = "\n".join(f"- {md_escape(ref)}" for ref in cable.references)
        parts.append(f"**References:**\n\n{refs}")
    for paragraph in body_paragraphs(cable):
        if paragraph.is_heading:
            # Dashed rulers around a title are the telegram's way to draw a heading: the
            # title becomes the heading; a ruler on its own stays an escaped line.
            lines = paragraph.text.splitlines()
            title = " ".join(" ".join(line for line in lines if not _is_ruler(line)).split())
            if title:
                parts.append(f"### {md_escape(title)}")
            else:
                parts.append(md_escape(" ".join(paragraph.text.split())))
            continue
        pieces = []
        if paragraph.number:
            pieces.append(md_escape(paragraph.number))
        if paragraph.marking is not None:
            pieces.append(f"**{md_escape(mark_as_written(paragraph.marking))}**")
        pieces.append(md_escape(paragraph.text if width else paragraph.as_written))
        parts.append(" ".join(pieces))
    if cable.signer:
        parts.append(f"**{md_escape(cable.signer)}**")
    parts.append(banner)
    return "\n\n".join(parts) + "\n"


def _is_ruler(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and set(stripped) <= set("-=_*~ ")


# ---------------------------------------------------------------------------------- JSON


def cable_to_json(cable: Cable) -> dict[str, object]:
    """The keys ``cables parse --json`` promises (issue 2), in that order; JSON-ready values.

    ``classification`` is the full marking text (``CONFIDENTIAL//NOFORN``) or null; each
    paragraph's ``marking`` is the normalized mark in parentheses (``(S//NF)``) or null.
    """

    def opt(value: str | None) -> str | None:
        return safe(value) if value is not None else None

    def many(values: tuple[str, ...]) -> list[str]:
        return [safe(v) for v in values]

    return {
        "source": opt(cable.source),
        "id": safe(cable.id),
        "date": cable.created.isoformat() if cable.created is not None else None,
        "origin": opt(cable.origin),
        "classification": (
            safe(cable.classification.full) if cable.classification is not None else None
        ),
        "captions": many(cable.captions),
        "is_partial": cable.is_partial,
        "transmission_id": opt(cable.transmission_id),
        "dtg": opt(cable.dtg),
        "to": many(cable.to),
        "info": many(cable.info),
        "declassify_on": (
            cable.declassify_on.isoformat() if cable.declassify_on is not None else None
        ),
        "tags": many(cable.tags),
        "subject": opt(cable.subject),
        "references": many(cable.references),
        "classified_by": opt(cable.classified_by),
        "classified_by_title": opt(cable.classified_by_title),
        "reasons": opt(cable.reasons),
        "summary": opt(cable.summary),
        "signer": opt(cable.signer),
        "paragraphs": [
            {
                "number": opt(p.number),
                "marking": mark_normalized(p.marking) if p.marking is not None else None,
                "text": safe(p.text),
            }
            for p in cable.paragraphs
        ],
        "warnings": many(cable.warnings),
    }
