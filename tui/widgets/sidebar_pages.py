"""The sidebar's pages of summaries (and of a search's snippets), as workers bring them in.

The sidebar holds only rowids; what a row shows comes from the corpus a page of
``PAGE_SIZE`` rows at a time, fetched in a thread as rows come into view. This is the
bookkeeping of those pages: which are at hand, which are on their way, which are dropped
first when too many are held, and which answers belong to a listing no longer shown.
No Textual here: the widget runs the workers and repaints.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from store.model import Summary

PAGE_SIZE = 100
# Pages kept in memory: enough for several screens either way, a few hundred KB at most.
MAX_PAGES = 40


class SummaryPages:
    """Pages of summaries by page number, least recently painted first.

    ``generation`` counts the listings shown: a page fetched for an older one is refused.
    ``len()`` is the number of pages held.
    """

    def __init__(self) -> None:
        self.generation = 0
        self._rows: OrderedDict[int, dict[int, Summary]] = OrderedDict()
        self._snippets: dict[int, dict[int, str]] = {}
        self._pending: set[int] = set()

    def __len__(self) -> int:
        return len(self._rows)

    def reset(
        self, first_page: Sequence[Summary] = (), snippets: dict[int, str] | None = None
    ) -> None:
        """A new listing: forget every page, keep ``first_page`` if it came with it."""
        self.generation += 1
        self._rows.clear()
        self._snippets.clear()
        self._pending.clear()
        if first_page:
            self._rows[0] = {s.rowid: s for s in first_page[:PAGE_SIZE]}
            if snippets:
                self._snippets[0] = snippets

    def rows(self, page: int) -> dict[int, Summary] | None:
        """The summaries of ``page`` by rowid, or None when it is not at hand."""
        return self._rows.get(page)

    def snippet(self, page: int, rowid: int) -> str:
        return self._snippets.get(page, {}).get(rowid, "")

    def touch(self, page: int) -> None:
        """``page`` was just painted: it is the last to be dropped."""
        self._rows.move_to_end(page)

    def start(self, page: int, *, again: bool = False) -> bool:
        """Note ``page`` as being fetched; False when it is already on its way, or at hand
        and not wanted ``again``."""
        if page in self._pending or (page in self._rows and not again):
            return False
        self._pending.add(page)
        return True

    def store(
        self, generation: int, page: int, rows: dict[int, Summary], snippets: dict[int, str]
    ) -> bool:
        """Keep a fetched page, unless it was fetched for an older listing (then False)."""
        if generation != self.generation:
            return False
        self._pending.discard(page)
        self._rows[page] = rows
        if snippets:
            self._snippets[page] = snippets
        while len(self._rows) > MAX_PAGES:
            old, _ = self._rows.popitem(last=False)
            self._snippets.pop(old, None)
        return True
