"""The page-extract format: a web page's metadata block in front of the telegram text.

Seed 003 is one: the labels ``Identifier Created Classification Origin`` on four lines, then
their four values, ``Cable title:``, ``Tags:``, some page cruft, then the telegram, whose
header block the page repeats.
"""

from __future__ import annotations

from datetime import datetime

from store.records import KnownFields

LABELS = ("Identifier", "Created", "Classification", "Origin")
# Lines the web page adds around the telegram that are not part of it.
_CRUFT = ("pdf how-to read a cable", "how-to read a cable", "pdf")


def split_page_extract(text: str) -> tuple[KnownFields, str, list[str]] | None:
    """(metadata, telegram text, warnings) when ``text`` is a page extract, else None."""
    lines = text.replace("\u00a0", " ").split("\n")
    start = _first_nonblank(lines, 0)
    if start is None or [line.strip() for line in lines[start : start + 4]] != list(LABELS):
        return None
    values = [line.strip() for line in lines[start + 4 : start + 8]]
    if len(values) < 4:
        return None
    warnings: list[str] = []
    created = None
    try:
        created = datetime.fromisoformat(values[1]) if values[1] else None
    except ValueError:
        warnings.append(f"page extract: unreadable Created value {values[1]!r}")
    known = KnownFields(
        id=values[0] or None,
        created=created,
        origin=values[3] or None,
        classification=values[2] or None,
    )
    rest = lines[start + 8 :]
    body_start = _skip_page_fields(rest)
    return known, "\n".join(rest[body_start:]), warnings


def _first_nonblank(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _skip_page_fields(lines: list[str]) -> int:
    """Index of the first telegram line after ``Cable title:``, its value, ``Tags:`` and cruft.

    The title and tags repeat what the telegram says, so the telegram's own fields are used.
    """
    index = 0
    in_title = False
    while index < len(lines):
        stripped = lines[index].strip()
        lowered = stripped.lower()
        if lowered.startswith("cable title:"):
            in_title = True
        elif lowered.startswith("tags:"):
            in_title = False
        elif lowered in _CRUFT or not stripped:
            pass
        elif not in_title:
            return index
        index += 1
    return index
