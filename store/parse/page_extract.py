"""The page-extract format: a web page's metadata block in front of the telegram text.

Seed 003 is one: the labels ``Identifier Created Classification Origin`` on four lines, then
their four values, ``Cable title:``, ``Tags:``, some page cruft, then the telegram, whose
header block the page repeats.
"""

from __future__ import annotations

from datetime import datetime

from store.frozen import frozen
from store.parse.lazy_pattern import lazy_compile
from store.records import KnownFields

LABELS = ("Identifier", "Created", "Classification", "Origin")
# Lines the web page adds around the telegram that are not part of it.
_CRUFT = ("pdf how-to read a cable", "how-to read a cable", "pdf", "how-to")
_LEADING_BLANKS = lazy_compile(r"\s*")
# The page block is short; looking further would only cost time on a huge single-line file.
_PAGE_HEAD_LINES = 40


@frozen
class PageExtract:
    """What the page states outright, and the telegram text that follows it."""

    known: KnownFields
    text: str
    # The page's own title and tags: used only when the telegram lacks SUBJECT or TAGS.
    title: str | None
    tags: str | None
    warnings: list[str]


def split_page_extract(text: str) -> PageExtract | None:
    """The page's metadata and the telegram text when ``text`` is a page extract, else None."""
    start = _LEADING_BLANKS.match(text).end()
    if not text.startswith("Identifier", start):
        return None
    # Split only the head: the last item is the rest of the text, left whole.
    lines = text[start:].split("\n", 8 + _PAGE_HEAD_LINES)
    if [line.replace("\u00a0", " ").strip() for line in lines[:4]] != list(LABELS):
        return None
    values = [line.replace("\u00a0", " ").strip() for line in lines[4:8]]
    if len(values) < 4:
        return None
    warnings: list[str] = []
    created = None
    if values[1]:
        try:
            created = datetime.fromisoformat(values[1])
        except ValueError:
            warnings.append(f"page extract: unreadable Created value {values[1][:40]!r}")
    known = KnownFields(
        id=values[0] or None,
        created=created,
        origin=values[3] or None,
        classification=values[2] or None,
    )
    rest = lines[8:]
    body_start, title, tags = _skip_page_fields(rest[:_PAGE_HEAD_LINES])
    telegram = "\n".join(rest[body_start:])
    return PageExtract(known, telegram, title, tags, warnings)


def _skip_page_fields(lines: list[str]) -> tuple[int, str | None, str | None]:
    """(index of the first telegram line, page title, page tags).

    ``Cable title:`` may carry its value on the same line or on the next non-blank lines;
    ``Tags:`` carries its value on the same line.
    """
    index = 0
    in_title = False
    title: list[str] = []
    tags: str | None = None
    while index < len(lines):
        stripped = " ".join(lines[index].replace("\u00a0", " ").split())
        lowered = stripped.lower()
        if lowered.startswith("cable title:"):
            in_title = True
            value = stripped[len("cable title:") :].strip()
            if value:
                title.append(value)
        elif lowered.startswith("tags:"):
            in_title = False
            tags = stripped[len("tags:") :].strip() or None
        elif lowered in _CRUFT or not stripped:
            pass
        elif in_title and not title:
            title.append(stripped)
        else:
            return index, " ".join(title) or None, tags
        index += 1
    return index, " ".join(title) or None, tags
