"""Typeahead: every key of a burst reaches what the keys before it opened, in order."""

from __future__ import annotations

import pytest
from app_support import burst, listing_focused, make_app, pilot_test, story_corpus
from textual.widgets import Input

from tui.screens.filters import FilterScreen
from tui.screens.note import NoteDialog


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


@pilot_test
async def test_search_line_gets_the_whole_burst(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await listing_focused(app, pilot)
        await burst(pilot, "/", "x", "y", "z")
        assert app.search_bar.input.value == "xyz"


@pilot_test
async def test_listing_keys_typed_after_slash_are_query_text(story):
    for key in ("y", "m", "b"):
        app = make_app(story)
        async with app.run_test(size=(120, 40)) as pilot:
            await listing_focused(app, pilot)
            await burst(pilot, "/", key)
            # Not copy (y), not the bookmark dialog (m), no slash in the query (b).
            assert app.search_bar.input.value == key
            assert not isinstance(app.screen, NoteDialog)
            assert isinstance(app.focused, Input)


@pilot_test
async def test_note_dialog_gets_the_keys_after_m(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await listing_focused(app, pilot)
        assert app.shown is not None
        await burst(pilot, "m", *"hello")
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(Input).value == "hello"


@pilot_test
async def test_filter_dialog_fields_in_one_burst(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await listing_focused(app, pilot)
        await burst(pilot, "f", "tab", "tab", *"alm", "tab", *"kz", "space", *"pgov")
        screen = app.screen
        assert isinstance(screen, FilterScreen)
        assert screen.query_one("#origin", Input).value == "alm"
        assert screen.query_one("#tags", Input).value == "kz pgov"


@pilot_test
async def test_y_after_a_burst_of_moves_copies_the_cursors_id(tmp_path):
    from app_support import generated_corpus

    from tui.controllers.opening import PREVIEW_DELAY

    app = make_app(generated_corpus(tmp_path / "gen.sqlite", 40))
    app.preview_delay = PREVIEW_DELAY  # the reader trails the cursor, as it does for a user
    async with app.run_test(size=(120, 40)) as pilot:
        await listing_focused(app, pilot)
        await burst(pilot, "j", "j")  # the reader shows row 2 now
        await burst(pilot, "g", "j", "j", "j", "j", "j", "y")
        assert app.sidebar.cursor == 5
        assert app.clipboard == app.sidebar.summary_at(5).id
