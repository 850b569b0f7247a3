"""What the sidebar lists: the ``Listing`` value that the app, the search and the sidebar pass
between them.

A plain dataclass in a module of its own so the code that builds a listing (loading, search)
and the messages that carry one need not reach into the sidebar widget to name it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Listing:
    """What the sidebar lists: rowids in display order and how to describe them.

    ``total``: cables in the whole corpus (the "of 251,287"). ``match``: the FTS5 expression
    of a search, whose snippets each row then shows under it. ``ranked``: best first.
    A listing is first shown ``complete=False`` with only its first page of rowids (fetched
    in milliseconds) and ``count`` rows when that is known; the full rowid list follows.
    """

    rowids: Sequence[int]
    total: int
    match: str | None = None
    ranked: bool = False
    query: str = ""
    terms: tuple[str, ...] = field(default=())
    count: int | None = None
    complete: bool = True

    @property
    def is_search(self) -> bool:
        return self.match is not None or bool(self.query)

    @property
    def size(self) -> int:
        """Rows to show: the known count, else the rowids at hand."""
        return self.count if self.count is not None else len(self.rowids)
