"""Whether a text read from a file is a cable at all.

Any text file is read as a cable, and the parser finds what it can; a file with nothing of a
cable in it (a 10 MB line of ``A``, a README, data that is not binary enough to be told by its
bytes) would be imported under the ID its file name happens to look like. Something of a
cable's shape must be there: a classification banner or portion mark, a transmission line, a
header field (date line, TAGS, SUBJECT, REF, E.O., Classified By), a numbered paragraph, the
release's partial-extract note, or the catalogue's metadata (a cables.csv row, a page's table).
A real cable, even a short partial extract, has several.
"""

from __future__ import annotations

from store.model import Cable


def not_a_cable(text: str, cable: Cable) -> str | None:
    """Why the parsed ``cable`` (from ``text``) is not a cable, or None when it is one."""
    if _has_cable_parts(cable):
        return None
    reason = "no banner, header field or numbered paragraph"
    stripped = text.strip()
    if "\n" not in stripped:
        reason += f"; one line of {len(stripped):,} characters"
    return f"not a cable: {reason}"


def _has_cable_parts(cable: Cable) -> bool:
    header = (
        cable.classification,  # a banner, a portion mark or the catalogue's value
        cable.created,  # a DTG, a date line or the catalogue's date
        cable.transmission_id,
        cable.dtg,
        cable.sender,
        cable.to,
        cable.subject,
        cable.tags,
        cable.references,
        cable.declassify_on,
        cable.declassify_note,
        cable.classified_by,
        cable.sections,
        cable.pages,
        cable.is_partial,
    )
    return any(header) or any(p.number or p.marking for p in cable.paragraphs)
