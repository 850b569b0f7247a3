"""The user's bookmarks: cable IDs with an optional note, kept in TinyDB (data dir).

Every change is one locked read-modify-write of the file (``store.userdata.safe_storage``),
and every read looks at the file again, so several sessions of one user see each other's bookmarks.
A bookmark outlives its cable: one whose ID is not in the current corpus stays, and the
exports say so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tinydb.table import Document, Table

from store.sanitize import clean
from store.userdata import paths
from store.userdata.safe_storage import SafeStore, time_from_store, time_to_store

# What the exports know about a cable: (date text, subject), or None when it is not in the
# current corpus.
Describe = Callable[[str], tuple[str | None, str | None] | None]


@dataclass(frozen=True)
class Bookmark:
    id: str
    note: str
    added: datetime  # UTC, aware


class Bookmarks:
    """Bookmarks in one TinyDB file (default ``store.userdata.paths.bookmarks_file()``).

    Methods that change the file raise ``store.userdata.safe_storage.StorageError`` (a one-line
    message) when it cannot be written; a blank cable ID raises ``ValueError``.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._store = SafeStore(path if path is not None else paths.bookmarks_file())
        self._view: tuple[Table, list[Bookmark], dict[str, Bookmark]] | None = None
        self._ids: tuple[Table, frozenset[str]] | None = None

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def notices(self) -> list[str]:
        """One-line messages about unreadable files moved aside (the caller may clear it)."""
        return self._store.notices

    # -- changes -------------------------------------------------------------------------

    def toggle(self, cable_id: str, note: str = "") -> bool:
        """Bookmark the cable, or remove its bookmark; True when it is now bookmarked."""
        cable_id = _checked_id(cable_id)
        with self._store.transaction() as table:
            found = _find(table, cable_id)
            if found:
                table.remove(doc_ids=[doc.doc_id for doc in found])
                return False
            table.insert(_document(cable_id, note, datetime.now(UTC)))
            return True

    def add(self, cable_id: str, note: str = "") -> Bookmark:
        """Bookmark the cable; an existing bookmark gets the new note and keeps its date."""
        cable_id = _checked_id(cable_id)
        with self._store.transaction() as table:
            found = _find(table, cable_id)
            if not found:
                added = datetime.now(UTC)
                table.insert(_document(cable_id, note, added))
                return Bookmark(cable_id, note, added)
            if any(doc.get("note") != note for doc in found):
                table.update({"note": note}, doc_ids=[doc.doc_id for doc in found])
            return Bookmark(cable_id, note, time_from_store(found[0].get("added")))

    def remove(self, cable_id: str) -> bool:
        """Remove the cable's bookmark; False when there was none."""
        cable_id = _checked_id(cable_id)
        with self._store.transaction() as table:
            found = _find(table, cable_id)
            if found:
                table.remove(doc_ids=[doc.doc_id for doc in found])
            return bool(found)

    def set_note(self, cable_id: str, note: str) -> bool:
        """Change the note of an existing bookmark; False when the cable is not bookmarked."""
        cable_id = _checked_id(cable_id)
        with self._store.transaction() as table:
            found = _find(table, cable_id)
            if found:
                table.update({"note": note}, doc_ids=[doc.doc_id for doc in found])
            return bool(found)

    # -- reads (each looks at the file again; unchanged files are not parsed again) -------

    def get(self, cable_id: str) -> Bookmark | None:
        return self._current()[1].get(cable_id.strip())

    def all(self) -> list[Bookmark]:
        """Every bookmark, newest first."""
        return list(self._current()[0])

    def ids(self) -> frozenset[str]:
        """The bookmarked IDs; cheaper than ``all()`` when another session changed the file."""
        table = self._store.snapshot()
        cached = self._ids
        if cached is not None and cached[0] is table:
            return cached[1]
        ids = frozenset(
            cable_id.strip()
            for cable_id in (doc.get("id") for doc in table)
            if isinstance(cable_id, str) and cable_id.strip()
        )
        self._ids = (table, ids)
        return ids

    def __contains__(self, cable_id: object) -> bool:
        return isinstance(cable_id, str) and cable_id.strip() in self.ids()

    def __len__(self) -> int:
        return len(self.ids())

    # -- exports -------------------------------------------------------------------------

    def export_json(self, describe: Describe | None = None) -> str:
        """The bookmarks as a JSON document, newest first; with ``describe``, also each
        cable's date and subject, or ``"in_corpus": false``."""
        items = []
        for mark in self.all():
            item: dict[str, object] = {
                "id": mark.id,
                "note": mark.note,
                "added": time_to_store(mark.added),
            }
            if describe is not None:
                known = describe(mark.id)
                item["in_corpus"] = known is not None
                if known is not None:
                    item["date"], item["subject"] = known
            items.append(item)
        document = {"exported": time_to_store(datetime.now(UTC)), "bookmarks": items}
        # ASCII escapes keep notes and subjects from acting on the terminal it is printed to.
        return json.dumps(document, indent=2) + "\n"

    def export_markdown(self, describe: Describe | None = None) -> str:
        """The bookmarks as a Markdown table, newest first; with ``describe``, also each
        cable's date and subject, or a note that it is not in the current corpus."""
        marks = self.all()
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        count = f"{len(marks)} bookmark" + ("" if len(marks) == 1 else "s")
        lines = ["# Bookmarks", "", f"{count}, exported {now}.", ""]
        if not marks:
            return "\n".join(lines)
        if describe is None:
            lines += ["| ID | Note | Added |", "|---|---|---|"]
        else:
            lines += ["| ID | Date | Subject | Note | Added |", "|---|---|---|---|---|"]
        for mark in marks:
            added = mark.added.strftime("%Y-%m-%d %H:%M UTC")
            cells = [_md(mark.id)]
            if describe is not None:
                known = describe(mark.id)
                if known is None:
                    cells += ["", "*not in the current corpus*"]
                else:
                    cells += [_md(known[0] or "date unknown"), _md(known[1] or "")]
            cells += [_md(mark.note), added]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"

    # -- internals -----------------------------------------------------------------------

    def _current(self) -> tuple[list[Bookmark], dict[str, Bookmark]]:
        table = self._store.snapshot()
        view = self._view
        if view is not None and view[0] is table:
            return view[1], view[2]
        docs = sorted(table, key=lambda doc: doc.doc_id, reverse=True)
        newest_first = sorted(
            (mark for mark in map(_bookmark, docs) if mark is not None),
            key=lambda mark: mark.added,
            reverse=True,
        )
        by_id: dict[str, Bookmark] = {}
        for mark in newest_first:
            by_id.setdefault(mark.id, mark)  # a hand-edited file may repeat an ID
        ordered = [mark for mark in newest_first if by_id[mark.id] is mark]
        self._view = (table, ordered, by_id)
        return ordered, by_id


def _find(table: Table, cable_id: str) -> list[Document]:
    """The documents of one cable (a hand-edited file may hold more than one)."""

    # A plain predicate, not tinydb.Query: every change scans all bookmarks, and Query costs
    # about ten times more per document.
    def same_cable(doc: Mapping[str, object]) -> bool:
        stored = doc.get("id")
        return stored == cable_id or (isinstance(stored, str) and stored.strip() == cable_id)

    return table.search(same_cable)


def _checked_id(cable_id: str) -> str:
    cable_id = cable_id.strip() if isinstance(cable_id, str) else ""
    if not cable_id:
        raise ValueError("a bookmark needs a cable ID")
    return cable_id


def _document(cable_id: str, note: str, added: datetime) -> dict[str, str]:
    return {"id": cable_id, "note": note, "added": time_to_store(added)}


def _bookmark(doc: Mapping[str, object]) -> Bookmark | None:
    """A stored document as a Bookmark; None for one without a usable ID (hand-edited)."""
    cable_id = doc.get("id")
    if not isinstance(cable_id, str) or not cable_id.strip():
        return None
    note = doc.get("note")
    return Bookmark(
        cable_id.strip(),
        note if isinstance(note, str) else "",
        time_from_store(doc.get("added")),
    )


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&#!"})


def _md(text: str) -> str:
    """Untrusted text as one inert Markdown table cell."""
    flat = " ".join(clean(text).split())
    return flat.translate(_MARKDOWN_SPECIAL)
