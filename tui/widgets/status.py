"""The one-line labels above the sidebar and the reader: counts, filters, hit and REF position.

They return ``Content`` built from parts, never markup: a cable ID or an origin name typed
into a filter is data.
"""

from __future__ import annotations

from textual.content import Content

from store.corpus.filters import Filters
from store.corpus.periods import period_text
from tui.output.safe_text import safe


def listing_label(
    listing, count: int, filters: Filters | None = None, *, cursor: int | None = None
) -> Content:
    """Where the cursor is, as mutt says it: ``1,204 / 251,287``; filtered, ``3 / 1,204 of
    251,287  class:S``; a search, ``1 / 17 of 251,287 match nato  class:S (newest first)``:
    the filters before the order, as they narrow what the count counts."""
    at: tuple[str, str] | str = ""
    if cursor is not None and count:
        at = (f"{cursor + 1:,} / ", "bold")
    extra = filters_label(filters) if filters is not None else ""
    narrowed = (f"  {extra}", "dim") if extra else ""
    if listing.is_search:
        order = "best first" if listing.ranked else "newest first"
        # The first page of hits is shown before they are all counted.
        more = "+" if not listing.complete and listing.count is None else ""
        return Content.assemble(
            at,
            (f"{count:,}{more}", "bold"),
            f" of {listing.total:,} match ",
            (safe(" ".join(listing.query.split())), "italic"),
            narrowed,
            (f"  ({order})", "dim"),
        )
    if at and count == listing.total and not extra:
        return Content.assemble(at, (f"{count:,}", "bold"))
    return Content.assemble(at, (f"{count:,}", "bold"), f" of {listing.total:,}", narrowed)


def filters_label(filters: Filters | None) -> str:
    """The active filters in the search language's words (``class:C,S tag:PGOV 2005-2006``)."""
    if filters is None or filters.is_empty():
        return ""
    parts = []
    if filters.levels:
        parts.append("class:" + ",".join(level.letter for level in sorted(filters.levels)))
    for caveat in sorted(filters.caveats):
        parts.append(caveat.lower())
    if filters.para_levels:
        parts.append("para:" + ",".join(level.letter for level in sorted(filters.para_levels)))
    parts.extend(f"origin:{safe(o)}" for o in filters.origins)
    parts.extend(f"tag:{safe(t)}" for t in filters.tags)
    if filters.date_from or filters.date_to:
        parts.append(period_text(filters.date_from, filters.date_to))
    if filters.id_prefix:
        parts.append(f"id:{safe(filters.id_prefix)}")
    return " ".join(parts)


def position_label(top: int, height: int, lines: int, *, whole: bool = True) -> str:
    """Where the view is in the cable, as less says it: ``lines 41-63/212 19%``; before a
    long cable is all read (``whole`` false), as less says it of a pipe: ``lines 1-23/…``."""
    if lines <= 0:
        return ""
    first = min(top + 1, lines)
    last = min(top + max(height, 1), lines)
    if not whole:
        return f"lines {first}-{last}/…"
    return f"lines {first}-{last}/{lines} {last * 100 // lines}%"


def reader_label(view, cable_id: str | None) -> Content:
    """``lines 1-23/212 10%  06ALMATY2558  hit 3 of 17  link 2 of 5 (enter follows)``: the
    position first, as it is what a narrow pane must not cut (the ellipsis takes the end)."""
    if cable_id is None:
        return Content("")
    parts: list[Content | str | tuple[str, str]] = []
    partial = getattr(view, "partial", False)  # only the first part of a long cable is in
    wrapped = getattr(view, "wrapped", None)
    if wrapped is not None:
        height = view.scrollable_content_region.height
        where = position_label(round(view.scroll_y), height, len(wrapped.lines), whole=not partial)
        parts.append((f"{where}  ", "dim"))
    parts.append((safe(cable_id), "bold"))
    if view.hit_count:
        if view.hit is not None:
            parts.append(f"  hit {view.hit + 1} of {view.hit_count}")
        else:
            noun = "hit" if view.hit_count == 1 else "hits"
            more = "+" if partial else ""
            parts.append(f"  {view.hit_count}{more} {noun} (n/N)")
    # "Links": the REFs this cable cites and the cables of the corpus that cite it.
    if view.ref_count:
        if view.selected is not None:
            parts.append(f"  link {view.selected + 1} of {view.ref_count} (enter follows)")
        else:
            noun = "link" if view.ref_count == 1 else "links"
            parts.append((f"  {view.ref_count} {noun} ([ ])", "dim"))
    return Content.assemble(*parts)
