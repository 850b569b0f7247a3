"""The portion-mark census: how many paragraphs a cable has at each classification level.

The reader's header shows it (``3 (S) · 5 (C) · 2 (U)``) and the corpus stores the levels
present as a bit mask, so that a search can ask for cables with a SECRET paragraph
(``para:secret``) whatever the overall classification says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from store.model import Level, Paragraph


def level_counts(paragraphs: Iterable[Paragraph]) -> list[tuple[Level, int]]:
    """(level, paragraphs at that level), highest level first; unmarked paragraphs left out."""
    counts = Counter(p.marking.level for p in paragraphs if p.marking is not None)
    return sorted(counts.items(), key=lambda item: item[0], reverse=True)


def level_mask(paragraphs: Iterable[Paragraph]) -> int:
    """One bit per level present among the portion marks (bit ``1 << level``)."""
    mask = 0
    for paragraph in paragraphs:
        if paragraph.marking is not None:
            mask |= 1 << int(paragraph.marking.level)
    return mask


def mask_of(levels: Iterable[Level]) -> int:
    mask = 0
    for level in levels:
        mask |= 1 << int(level)
    return mask
