"""The browser's state: one object the app owns and every action reads when it runs.

What the sidebar lists, where its cursor is, which cable the reader shows (and which one is on
its way), the trail of opened cables, the filters and the search. Widgets paint it, workers
answer into it (through the app's message handlers), and a key acts on ``target()`` as it is
at that moment, never on a copy taken by an earlier key: after ``jjjy`` the ID copied is the
one under the cursor, even while the reader's preview is still catching up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.corpus.filters import Filters
from tui.state.listing import Listing
from tui.state.trail import Trail


@dataclass(frozen=True)
class Shown:
    """The cable in the reader, and the search terms it was rendered with."""

    rowid: int
    id: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    """The cable a key acts on. ``id`` is None for a listing row whose summary has not come
    yet (a worker then reads it by ``rowid``)."""

    rowid: int
    id: str | None


@dataclass
class Search:
    """The search line's side of the state."""

    text: str = ""  # the query of the search listing ("" when none is shown)
    generation: int = 0  # bumped by every query: an answer for an older one is dropped
    ranked: bool = False  # best matches first instead of newest first


@dataclass
class BrowserState:
    filters: Filters = field(default_factory=Filters)
    listing: Listing = field(default_factory=lambda: Listing(rowids=(), total=0))
    # The listing of the filters alone, kept while a search listing hides it (escape).
    full_listing: Listing | None = None
    total: int | None = None  # cables in the corpus
    listing_generation: int = 0  # bumped by every listing asked for
    # The listing's cursor: its row and the cable there (written as the cursor moves).
    cursor_index: int = 0
    cursor: Target | None = None
    shown: Shown | None = None
    loading: int | str | None = None  # the rowid or ID asked for and not yet shown
    trail: Trail = field(default_factory=Trail)
    # Where the reader was in each cable left this session (back returns there).
    places: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    search: Search = field(default_factory=Search)

    def point(self, index: int, rowid: int | None, cable_id: str | None) -> None:
        """The listing's cursor is on row ``index`` (``rowid`` None: an empty listing)."""
        self.cursor_index = index
        self.cursor = None if rowid is None else Target(rowid, cable_id)

    def target(self, *, listing_has_keys: bool) -> Target | None:
        """The cable a key acts on now: the one under the cursor while the listing has the
        keys (the reader may still show the row the cursor left), else the reader's."""
        cursor, shown = self.cursor, self.shown
        if listing_has_keys and cursor is not None:
            if shown is not None and shown.rowid == cursor.rowid:
                return Target(shown.rowid, shown.id)
            return cursor
        return None if shown is None else Target(shown.rowid, shown.id)

    def show(self, shown: Shown, *, record: bool) -> Shown | None:
        """``shown`` is now in the reader; ``record``: a cable the user opened (the trail
        keeps it, and the one before it). Returns the cable shown before."""
        if record:
            self.keep_in_trail()
        previous, self.shown = self.shown, shown
        if record:
            self.trail.visit(shown.id)
        return previous

    def keep_in_trail(self) -> None:
        """Before another cable is opened: the open one goes on the trail, so back returns."""
        if self.shown is not None and self.trail.current != self.shown.id:
            self.trail.visit(self.shown.id)
