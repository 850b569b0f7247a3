"""The habits of less and mutt users: Q quits from every screen, q backs out of every one."""

from __future__ import annotations

import pytest
from app_support import burst, make_app, pilot_test, settle, story_corpus
from textual.widgets import Input

from store.userdata.history import History
from tui.screens.main import MainScreen

# The key that opens each screen from the listing.
OPENERS = {"help": "question_mark", "bookmarks": "B", "filter": "f", "history": "H"}


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


@pytest.mark.parametrize("screen", sorted(OPENERS))
@pilot_test
async def test_shift_q_quits_from_every_screen(story, screen):
    History().record("nato", 2)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, OPENERS[screen])
        assert not isinstance(app.screen, MainScreen)
        await burst(pilot, "Q")
        assert app.return_code == 0, f"Q did not quit from the {screen} screen"


@pytest.mark.parametrize("screen", sorted(OPENERS))
@pilot_test
async def test_q_backs_out_of_every_screen(story, screen):
    History().record("nato", 2)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, OPENERS[screen])
        assert not isinstance(app.screen, MainScreen)
        await burst(pilot, "q")
        assert isinstance(app.screen, MainScreen), f"q did not close the {screen} screen"
        assert app.return_code is None


@pilot_test
async def test_q_is_a_letter_in_the_history_filter(story):
    History().record("iraq", 2)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "H", "/", *"iraQq")
        assert isinstance(app.focused, Input) and app.focused.value == "iraQq"
        assert app.return_code is None


@pilot_test
async def test_help_lists_the_search_syntax_and_g_G_jump(story):
    from textual.containers import VerticalScroll

    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "question_mark")
        scroll = app.screen.query_one(VerticalScroll)
        text = str(app.screen.query_one("#help-text").render())
        assert "prefix*" in text and "tag:PGOV" in text
        await burst(pilot, "G")
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await burst(pilot, "g")
        assert scroll.scroll_y == 0
