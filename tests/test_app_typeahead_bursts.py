"""Typeahead is exact: the same keys give the same result whether they come as one burst (a
paste, an SSH link bunching keystrokes) or typed slowly, one key settled before the next.

Each case runs twice on a fresh app and corpus, and the outcomes are compared; each also
says what the right outcome is, so both runs cannot be wrong the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from app_support import (
    burst,
    generated_corpus,
    listing_focused,
    make_app,
    pilot_test,
    settle,
    wait_until,
)

from store.userdata.bookmarks import Bookmarks
from tui.controllers.opening import PREVIEW_DELAY
from tui.controllers.searching import SEARCH_DELAY


@dataclass(frozen=True)
class Outcome:
    cursor: int
    cursor_id: str | None
    shown: str | None
    focused: str
    screen: str
    clipboard: str
    bookmarks: tuple[str, ...]
    query: str


def outcome(app) -> Outcome:
    sidebar = app.sidebar
    summary = sidebar.summary_at(sidebar.cursor)
    return Outcome(
        cursor=sidebar.cursor,
        cursor_id=summary.id if summary else None,
        shown=app.shown.id if app.shown else None,
        focused=type(app.focused).__name__,
        screen=type(app.screen).__name__,
        clipboard=app.clipboard,
        bookmarks=tuple(sorted(Bookmarks().ids())),
        query=app.state.search.text,
    )


async def typed_slowly(pilot, *keys: str) -> None:
    """One key at a time, each settled (its loads in) before the next."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot, 0.05)
        await wait_until(pilot, lambda: not pilot.app.busy)


SLASH = ("slash",)


def search_keys(query: str) -> tuple[str, ...]:
    return (*SLASH, *[{" ": "space"}.get(c, c) for c in query], "enter")


async def run(path, keys, *, slowly: bool, before=(), startup: bool = False) -> Outcome:
    """Run ``keys`` on a fresh app (``before``: typed slowly first); real delays, as a user
    gets them, so the reader trails the cursor and search as you type waits for a pause."""
    app = make_app(path)
    app.preview_delay, app.search_delay = PREVIEW_DELAY, SEARCH_DELAY
    # Each run has its own bookmarks.
    for cable_id in Bookmarks().ids():
        Bookmarks().remove(cable_id)
    async with app.run_test(size=(120, 40)) as pilot:
        if not startup:
            await listing_focused(app, pilot)
            await typed_slowly(pilot, *before)
        if slowly:
            if startup:
                await settle(pilot)
            await typed_slowly(pilot, *keys)
        else:
            await burst(pilot, *keys)
        await wait_until(pilot, lambda: not app.busy)
        await settle(pilot, 0.1)
        return outcome(app)


async def same_either_way(path, keys, **options) -> Outcome:
    slow = await run(path, keys, slowly=True, **options)
    fast = await run(path, keys, slowly=False, **options)
    assert fast == slow
    return slow


# What the workers read takes this long, as on a cold disk or a big corpus: keys typed in a
# burst come long before it (with 60 cables in a warm cache the answers would come before
# the next key and prove nothing).
SLOW_READ = 0.15
SLOW_CALLS = ("search", "search_ids", "page", "ids", "count", "get_start", "get_rowid", "summary")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    import time

    from store.corpus.corpus import Corpus

    for name in SLOW_CALLS:
        method = getattr(Corpus, name)

        def slow(*args, _method=method, **kwargs):
            time.sleep(SLOW_READ)
            return _method(*args, **kwargs)

        monkeypatch.setattr(Corpus, name, slow)
    return generated_corpus(tmp_path / "gen.sqlite", 60)


# Subjects are "GENERATED REPORT NUMBER n": a search for 3* lists 3 and 30-39, newest first
# (row 0 is number 3, then 30, 31, ...), a listing unlike the full one.
QUERY = "3*"


@pilot_test
async def test_g_moves_then_y_copies_the_cursors_id(corpus):
    result = await same_either_way(corpus, ("g", "j", "j", "j", "y"), before=("j", "j"))
    assert result.cursor == 3 and result.clipboard == result.cursor_id


@pilot_test
async def test_g_j_m_bookmarks_the_row_the_cursor_reached(corpus):
    result = await same_either_way(corpus, ("g", "j", "m", "enter"), before=("j", "j", "j"))
    assert result.cursor == 1 and result.bookmarks == (result.cursor_id,)


@pilot_test
async def test_jjjjjc_cites_the_cursors_row(corpus):
    result = await same_either_way(corpus, ("g", *"jjjjj", "c"), before=("j", "j"))
    assert result.cursor == 5 and result.cursor_id in result.clipboard


@pilot_test
async def test_search_enter_jj_enter_opens_the_third_hit(corpus):
    result = await same_either_way(corpus, (*search_keys(QUERY), "j", "j", "enter"))
    assert result.query == QUERY and result.cursor == 2
    assert result.shown == result.cursor_id == "10GENPOST31"
    assert result.focused == "CableView"


@pilot_test
async def test_search_enter_jjm_bookmarks_the_third_hit(corpus):
    result = await same_either_way(corpus, (*search_keys(QUERY), "j", "j", "m", "enter"))
    assert result.bookmarks == ("10GENPOST31",)


@pilot_test
async def test_after_a_search_with_no_hits_and_escape(corpus):
    before = (*search_keys("zzzqqq"), "escape", "g")
    result = await same_either_way(corpus, (*search_keys(QUERY), "j", "j", "enter"), before=before)
    assert result.shown == "10GENPOST31"


@pilot_test
async def test_at_start_up_the_search_gets_only_its_word(corpus):
    result = await same_either_way(
        corpus, (*search_keys(QUERY), "j", "j", "enter"), startup=True
    )
    assert result.query == QUERY and result.shown == "10GENPOST31"


@pilot_test
async def test_at_start_up_jm_bookmarks_the_second_row(corpus):
    result = await same_either_way(corpus, ("j", "m", "enter"), startup=True)
    assert result.cursor == 1 and result.bookmarks == (result.cursor_id,)


@pilot_test
async def test_enter_then_m_in_the_reader_bookmarks_the_cable_opened(corpus):
    result = await same_either_way(corpus, ("j", "j", "enter", "m", "enter"))
    assert result.focused == "CableView" and result.bookmarks == (result.cursor_id,)
    assert result.shown == result.cursor_id


@pilot_test
async def test_tab_then_y_in_the_reader_copies_the_cursors_cable(corpus):
    result = await same_either_way(corpus, ("j", "j", "j", "tab", "y"))
    assert result.focused == "CableView" and result.clipboard == result.cursor_id
