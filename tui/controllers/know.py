"""What the cables say about themselves, in the browser: the glossary of the open cable's
TAGS (i), the people it names (p), the people of the listing or search (P). Enter on a code
or a name lists its cables (``tag:CODE``, ``person:"NAME"``) as a search.
"""

from __future__ import annotations

from tui.controllers.open_cable_work import known
from tui.screens.know import PickScreen, Row
from tui.state.browser import Target

HINT = "enter lists their cables, q closes"


class Know:
    def __init__(self, app) -> None:
        self.app = app
        self.state = app.state

    def glossary(self, target: Target | None) -> None:
        """i: the open (or highlighted) cable's tags with their meanings."""

        def rows_of(cable) -> tuple[list[Row], str]:
            from store.glossary import describe

            rows = []
            for tag in cable.tags:
                entry = describe(tag)
                query = (f'person:"{entry.code}"' if entry.kind == "person"
                         else f"tag:{entry.code}")  # fmt: skip
                rows.append(Row(
                    (entry.code, entry.meaning or "(no source explains it)", entry.kind,
                     entry.source or ""),
                    query, dim=(2, 3),
                ))  # fmt: skip
            return rows, "" if rows else f"{cable.id} has no TAGS"

        hint = "enter lists the cables with the tag, q closes; sources: cables tags --help"
        self._of_cable(target, "TAGS", hint, rows_of)

    def people_of_cable(self, target: Target | None) -> None:
        """p: the people the open cable names (TAGS, Classified By, signature)."""
        corpus = self.app.corpus

        def rows_of(cable) -> tuple[list[Row], str]:
            from store.people.extract import people_of
            from store.people.index import described

            named = people_of(cable)
            about = {p.name: p for p in described(corpus, [name for name, _ in named])}
            rows = [
                Row((name, role, _span(about.get(name))), f'person:"{name}"', dim=(1, 2))
                for name, role in named
            ]
            nobody = "this cable names no one in its tags, Classified By or signature"
            return rows, "" if rows else nobody

        self._of_cable(target, "People", HINT, rows_of)

    def _of_cable(self, target: Target | None, what: str, hint: str, rows_of) -> None:
        """A picker of rows made from the target's cable, read and parsed in the worker."""
        if target is None:
            self.app.bell()
            return
        corpus = self.app.corpus

        def load() -> tuple[list[Row], str]:
            found = known(corpus, target)
            cable = None if found is None else corpus.get_rowid(found.rowid)
            if cable is None:
                return [], "the cable is no longer in the corpus"
            return rows_of(cable)

        title = f"{what} of {target.id}" if target.id else what
        self._pick(PickScreen(title, hint, load))

    def people_of_listing(self) -> None:
        """P: the people of the cables the sidebar lists, most named first."""
        app, listing = self.app, self.state.listing
        corpus = app.corpus
        rowids = listing.rowids

        def load() -> tuple[list[Row], str]:
            from store.people.index import people_in

            found = people_in(corpus, rowids, limit=200)
            rows = [
                Row((p.name, f"{p.count:,}", ", ".join(p.roles), _span(p)),
                    f'person:"{p.name}"', dim=(2, 3))
                for p in found
            ]  # fmt: skip
            what = "this search" if listing.is_search else "this listing"
            note = f"{len(found):,} people, the most named in {what} first" if found else (
                f"no one is named in {what}")  # fmt: skip
            return rows, note

        what = "search" if listing.is_search else "listing"
        self._pick(PickScreen(f"People of the {what}", HINT, load))

    def _pick(self, screen: PickScreen) -> None:
        app = self.app

        def chosen(query: str | None) -> None:
            if query:
                app.search_bar.set_text(query)
                if app.searcher.run(query, record=True):
                    app.sidebar.focus()

        app.push_screen(screen, chosen)


def _span(person) -> str:
    if person is None or person.first is None:
        return ""
    first, last = person.first.date().isoformat(), person.last.date().isoformat()
    return first if first == last else f"{first} .. {last}"
