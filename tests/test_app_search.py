"""Pilot tests of search in the browser: results with snippets, hits in the reader with n/N,
relevance order, bad queries, escape, history recall (up/down) and the H picker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from app_support import (
    make_app,
    pilot_test,
    screen_text,
    settle,
    sidebar_lines,
    story_corpus,
    wait_until,
)

from store.userdata.history import History
from tui.screens.history import HistoryScreen


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


async def _search(pilot, text: str, submit: bool = True) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await settle(pilot)
    if submit:
        await pilot.press("enter")
        await settle(pilot)


def _status(app) -> str:
    return app.main_screen.query_one("#status").render().plain


@pilot_test
async def test_search_lists_hits_with_snippets_and_escape_returns(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "nato", submit=False)
        # Search as you type: results while the line is still open, the query visible in it.
        assert app.listing.is_search and app.sidebar.count == 2
        assert any(line.startswith(" / nato") for line in screen_text(app).splitlines())
        await pilot.press("enter")
        await settle(pilot)
        assert app.sidebar.has_focus
        assert "2 of 4 match nato" in screen_text(app)
        lines = sidebar_lines(app)
        assert "06TESTPOST3" in lines[0] and "06TESTPOST1" in lines[2]
        assert "NATO" in lines[1]  # the snippet line under the hit
        # The first hit is previewed with its terms highlighted.
        assert app.shown.id == "06TESTPOST3" and app.reader.hit_count >= 2
        await pilot.press("escape")
        await settle(pilot)
        assert not app.listing.is_search and app.sidebar.count == 4
        # The open cable stays open and the cursor stays on it.
        assert app.sidebar.cursor_rowid == app.shown.rowid


@pilot_test
async def test_n_and_N_move_through_the_hits_across_paragraphs(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "nato")
        view = app.reader
        assert view.hit_count == 2  # one in each of two paragraphs
        hits = view.rendered.hits
        assert hits[0].block != hits[1].block
        await pilot.press("n")
        assert view.hit == 0 and "hit 1 of 2" in _status(app)
        await pilot.press("n")
        assert view.hit == 1 and "hit 2 of 2" in _status(app)
        await pilot.press("n")  # wraps to the first
        assert view.hit == 0
        await pilot.press("N")  # and back to the last
        assert view.hit == 1
        # The current hit is underlined on top of the highlight.
        line = view.wrapped.line_of(hits[1].block, hits[1].start)
        styled = view._styled_line(line)
        assert any(getattr(span.style, "underline", False) for span in styled.spans)


@pilot_test
async def test_r_toggles_relevance_order(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "nato")
        await pilot.press("r")
        await settle(pilot)
        assert app.listing.ranked and "best first" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert not app.listing.ranked and "newest first" in screen_text(app)


@pilot_test
async def test_a_bad_query_says_why_under_the_search_line(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "-nato", submit=False)
        error = app.search_bar.query_one("#search-error")
        assert error.display and str(error.render()).strip()
        assert str(error.render()).strip() in screen_text(app)
        assert not app.listing.is_search
        await pilot.press("enter")  # a bad query cannot be submitted
        await settle(pilot)
        assert app.search_bar.is_open
        await pilot.press("escape")
        assert not app.search_bar.is_open and app.sidebar.count == 4


@pytest.mark.parametrize(
    "query", ["to:9999", "nato to:9999-12-31", "from:2005-13", "to:2005-02-30"]
)
@pilot_test
async def test_a_bad_date_is_the_query_error_under_the_search_line(story, query):
    # to:9999 once reached the search worker and overflowed there: a raw "date value out of
    # range" notice instead of the query error.
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, query, submit=False)
        await pilot.pause(app.search_delay + 0.1)  # past the search-as-you-type delay
        await pilot.press("enter")
        await settle(pilot)
        shown = str(app.search_bar.query_one("#search-error").render()).strip()
        assert shown.startswith("bad date in") and shown in screen_text(app)
        assert app.search_bar.is_open  # a bad query cannot be submitted
        assert not app._notifications, [str(n.message) for n in app._notifications]


@pilot_test
async def test_markup_in_a_query_is_text(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "[bold]nato[/]")
        assert app.is_running
        assert "[bold]nato[/]" in screen_text(app)


@pilot_test
async def test_submitted_queries_are_recorded_and_recalled_with_up(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _search(pilot, "nato")
        await pilot.press("escape")
        await _search(pilot, "invented")
        await pilot.press("escape")
        await settle(pilot)
        history = History()
        assert await wait_until(pilot, lambda: len(history) == 2)
        assert [e.query for e in history.recent()] == ["invented", "nato"]
        assert history.recent()[1].hits == 2
        await pilot.press("slash")
        await settle(pilot)
        field = app.search_bar.input
        await pilot.press("up")
        assert field.value == "invented"
        await pilot.press("up")
        assert field.value == "nato"
        await pilot.press("down")
        assert field.value == "invented"
        await pilot.press("down")
        assert field.value == ""
        # With a prefix typed, only queries starting with it come back.
        await pilot.press("n", "up")
        assert field.value == "nato"
        await pilot.press("up")  # nothing older starts with "n"
        assert field.value == "nato"


@pilot_test
async def test_the_history_picker_reruns_a_query(story):
    history = History()
    history.record("visited", 1)
    history.record("nato", 2)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "nato" in screen_text(app) and "visited" in screen_text(app)
        await pilot.press("slash", *"vis")  # filter
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, HistoryScreen)
        assert app.listing.is_search and app.listing.query == "visited"
        assert app.sidebar.count == 2
        assert await wait_until(pilot, lambda: History().recent()[0].query == "visited")


@pilot_test
async def test_the_history_picker_clears_the_history(story):
    History().record("nato", 2)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)
        await pilot.press("ctrl+l")
        assert await wait_until(pilot, lambda: len(History()) == 0)
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)


def test_history_dates_are_shown_in_local_time():
    from store.userdata.history import HistoryEntry
    from tui.screens.history import entry_prompt

    entry = HistoryEntry("nato", datetime(2024, 1, 2, 3, 4, tzinfo=UTC), 7)
    assert "7 hits" in entry_prompt(entry).plain
