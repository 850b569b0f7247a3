"""The filter dialog's live counts: beside each level, and per year, origin and tag (with
its meaning), how many cables of the current search or listing the ticks and fields would
keep. Counted by ``store.corpus.facet_counts`` in a worker; a facet's own ticks do not narrow
its own counts, so the count beside an unticked level says what ticking it would add.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from store.corpus.facet_counts import FacetCounts, Selection
from store.glossary import meaning
from store.model import Level
from tui.widgets.sidebar_rows import flat

TOP_ORIGINS, TOP_TAGS = 6, 8


def selection_of(
    levels: Sequence[Level],
    origins: Sequence[str],
    tags: Sequence[str],
    years: tuple[int | None, int | None],
    origin_names: Sequence[str],
    known_years: Sequence[int],
) -> Selection:
    """The dialog's fields as a Selection: origins are substrings of the names the corpus
    has; a year range becomes the years of the corpus inside it."""
    chosen_origins: set[str] = set()
    for needle in (o.lower() for o in origins):
        chosen_origins.update(name for name in origin_names if needle in name.lower())
    start, end = years
    in_range = frozenset()
    if start is not None or end is not None:
        low, high = start or -1, end or 10**6
        in_range = frozenset(y for y in known_years if low <= y <= high) or frozenset({-1})
    return Selection(
        levels=frozenset(levels),
        years=in_range,
        origins=frozenset(chosen_origins) if origins else frozenset(),
        tags=frozenset(t.upper() for t in tags),
    )


def level_prompt(level: Level, counts: FacetCounts | None) -> Content:
    if counts is None:
        return Content(level.word.title())
    n = dict(counts.levels).get(level, 0)
    return Content.assemble(level.word.title().ljust(14), (f"{n:>9,}", "dim"))


def counts_hint(counts: FacetCounts, within: str) -> Content:
    """Lines of counts: total, years (newest first), the top origins and tags."""
    lines = [Content.assemble(("Cables  ", "bold"), f"{counts.total:,} {within}")]
    years = [(y, n) for y, n in counts.years if y is not None]
    if years:
        shown = "  ".join(f"{y} {n:,}" for y, n in years[:10]) + ("  …" if len(years) > 10 else "")
        lines.append(Content.assemble(("Years   ", "bold"), shown))
    if counts.origins:
        top = ", ".join(
            f"{flat(name or 'unknown')} {n:,}" for name, n in counts.origins[:TOP_ORIGINS]
        )
        lines.append(Content.assemble(("Origins ", "bold"), top))
    if counts.tags:
        parts = []
        for tag, n in counts.tags[:TOP_TAGS]:
            said = meaning(tag)
            parts.append(f"{flat(tag)} {flat(said)} {n:,}" if said else f"{flat(tag)} {n:,}")
        lines.append(Content.assemble(("Tags    ", "bold"), " · ".join(parts)))
    return Content("\n").join(lines)
