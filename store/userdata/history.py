"""The search history: every executed query with its time and hit count, in TinyDB (state dir).

A query run again moves to the front instead of appearing twice, and the file keeps at most
``cap`` entries. Recency is the order of insertion (TinyDB's document IDs grow with each
insert under the lock), so a clock change cannot reorder it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tinydb.table import Table

from store.userdata import paths
from store.userdata.safe_storage import SafeStore, time_from_store, time_to_store

DEFAULT_CAP = 500


@dataclass(frozen=True)
class HistoryEntry:
    query: str
    when: datetime  # UTC, aware
    hits: int | None


class History:
    """Past queries in one TinyDB file (default ``store.userdata.paths.history_file()``).

    ``record`` and ``clear`` raise ``store.userdata.safe_storage.StorageError`` (a one-line message)
    when the file cannot be written.
    """

    def __init__(self, path: Path | None = None, cap: int = DEFAULT_CAP) -> None:
        if cap < 1:
            raise ValueError("the history cap must be at least 1")
        self.cap = cap
        self._store = SafeStore(path if path is not None else paths.history_file())
        self._view: tuple[Table, list[HistoryEntry]] | None = None

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def notices(self) -> list[str]:
        """One-line messages about unreadable files moved aside (the caller may clear it)."""
        return self._store.notices

    def record(self, query: str, hits: int | None = None) -> None:
        """Remember an executed query; blank ones are ignored, repeats move to the front."""
        query = query.strip()
        if not query:
            return
        document = {"query": query, "when": time_to_store(datetime.now(UTC)), "hits": hits}
        with self._store.transaction() as table:
            # A plain predicate, not tinydb.Query, which costs ten times more per document.
            repeats = table.search(lambda doc: doc.get("query") == query)
            if repeats:
                table.remove(doc_ids=[doc.doc_id for doc in repeats])
            table.insert(document)
            excess = len(table) - self.cap
            if excess > 0:
                oldest = sorted(doc.doc_id for doc in table)[:excess]
                table.remove(doc_ids=oldest)

    def recent(self, prefix: str = "") -> list[HistoryEntry]:
        """Past queries starting with ``prefix``, newest first."""
        entries = self._current()
        if not prefix:
            return list(entries)
        return [entry for entry in entries if entry.query.startswith(prefix)]

    def clear(self) -> None:
        with self._store.transaction() as table:
            table.truncate()

    def __len__(self) -> int:
        return len(self._current())

    def _current(self) -> list[HistoryEntry]:
        table = self._store.snapshot()
        view = self._view
        if view is not None and view[0] is table:
            return view[1]
        docs = sorted(table, key=lambda doc: doc.doc_id, reverse=True)
        entries: list[HistoryEntry] = []
        seen: set[str] = set()
        for doc in docs:
            entry = _entry(doc)
            # A hand-edited file may repeat a query; the newest one wins, as in record().
            if entry is not None and entry.query not in seen:
                seen.add(entry.query)
                entries.append(entry)
        self._view = (table, entries)
        return entries


def _entry(doc: Mapping[str, object]) -> HistoryEntry | None:
    query = doc.get("query")
    if not isinstance(query, str) or not query.strip():
        return None
    hits = doc.get("hits")
    if not isinstance(hits, int) or isinstance(hits, bool):
        hits = None
    return HistoryEntry(query, time_from_store(doc.get("when")), hits)
