"""What the app's thread workers send back to the event loop (the state is ``tui.state``).

Workers never touch widgets: they post one of these and the app's handler applies it. Cable
text in a ``Notice`` is plain text; the handler shows it with markup off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

from store.model import Summary
from tui.state.browser import Shown
from tui.state.listing import Listing

if TYPE_CHECKING:
    import threading

    from tui.output.render import Layout, RenderedCable


class ListingLoaded(Message):
    """A listing, first with its first page only (``listing.complete`` False), then whole."""

    def __init__(
        self,
        listing: Listing,
        generation: int,
        *,
        keep_rowid: int | None = None,
        first_page: Sequence[Summary] = (),
        snippets: dict[int, str] | None = None,
        record: bool = False,
    ) -> None:
        super().__init__()
        self.listing = listing
        self.generation = generation
        self.keep_rowid = keep_rowid
        self.first_page = first_page
        self.snippets = snippets
        self.record = record


class SearchDone(ListingLoaded):
    pass


class CableLoaded(Message):
    def __init__(
        self,
        shown: Shown,
        rendered: RenderedCable,
        wrapped: Layout | None,
        record: bool,
        *,
        partial: bool = False,
        painted: threading.Event | None = None,
    ) -> None:
        super().__init__()
        self.shown = shown
        self.rendered = rendered
        self.wrapped = wrapped
        self.record = record
        self.partial = partial  # the first part of a long cable only
        self.painted = painted  # set once it is on the screen (the worker waits for it)


class CableLaidOut(Message):
    """The whole of a long cable whose first part is shown: rendered and wrapped."""

    def __init__(self, shown: Shown, rendered: RenderedCable, wrapped: Layout | None) -> None:
        super().__init__()
        self.shown = shown
        self.rendered = rendered
        self.wrapped = wrapped


class CableMissing(Message):
    def __init__(self, cable_id: str) -> None:
        super().__init__()
        self.cable_id = cable_id


class Notice(Message):
    """A worker's one-line news for the user (``text`` is plain, never markup)."""

    def __init__(self, text: str, severity: str = "information") -> None:
        super().__init__()
        self.text = text
        self.severity = severity


class BookmarksChanged(Message):
    def __init__(self, ids: frozenset[str]) -> None:
        super().__init__()
        self.ids = ids


class HistoryLoaded(Message):
    def __init__(self, queries: list[str]) -> None:
        super().__init__()
        self.queries = queries
