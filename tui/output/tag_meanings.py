"""The TAGS header line with what each code means (``PGOV Government, KZ Kazakhstan``), for
a reader or ``cables show`` with room for it; narrower, the codes stand alone and the
glossary is a key away. The meanings come from ``store.glossary``; a code no source explains
stays bare."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from store.glossary import describe
from tui.output.blocks import Block, BlockKind
from tui.output.export_formats import HeaderField, safe

# Columns from which the TAGS line carries the meanings.
WIDE_TAGS = 100
LABEL_STYLE = Style(bold=True)
MEANING_STYLE = Style(dim=True)


def tag_meanings(field: HeaderField, tags: Sequence[str], label_width: int) -> Block | None:
    """The wide TAGS block, or None when no tag has a meaning to add."""
    entries = [describe(tag) for tag in tags]
    if not any(entry.known and entry.kind != "person" for entry in entries):
        return None
    text = Text(end="")
    text.append(f"{field.label}:".ljust(label_width), style=LABEL_STYLE)
    for index, entry in enumerate(entries):
        if index:
            text.append(", ")
        text.append(safe(entry.code))
        if entry.known and entry.kind != "person":
            text.append(" ")
            text.append(safe(entry.meaning or ""), style=MEANING_STYLE)
    return Block(BlockKind.FIELD, text, field=field.key, hang=label_width)
