"""The footer's hints fit the context: q and ? first, link keys with links, n/N with hits."""

from __future__ import annotations

from datetime import datetime

import pytest
from app_support import listing_focused, make_app, pilot_test, screen_text, settle, story_corpus
from cable_factory import build_corpus, telegram, write_telegrams

from tui.hints import HintFooter


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


@pytest.fixture
def unlinked(tmp_path):
    """Two cables that cite nothing and that nothing cites."""
    texts = {
        name: telegram(serial=serial, when=datetime(2007, 5, serial, 9, 0),
                       subject=f"TESTLAND: LONE REPORT {serial}")
        for name, serial in (("one", 1), ("two", 2))
    }  # fmt: skip
    return build_corpus(tmp_path / "lone.sqlite", write_telegrams(tmp_path / "lone", texts))


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


@pilot_test
async def test_q_and_help_stay_in_view_at_40_columns(story):
    app = make_app(story)
    async with app.run_test(size=(40, 20)) as pilot:
        await listing_focused(app, pilot)
        assert "q Back/quit" in footer(app) and "? Help" in footer(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.has_focus
        assert "q Back/quit" in footer(app) and "? Help" in footer(app)
        # No key is cut in the middle of its word: what does not fit is left out.
        assert footer(app).rstrip().endswith(("Help", "link", "Open", "Search"))


@pilot_test
async def test_link_keys_are_hinted_only_when_the_cable_has_links(story, unlinked):
    for path, linked in ((story, True), (unlinked, False)):
        app = make_app(path)
        async with app.run_test(size=(120, 30)) as pilot:
            await listing_focused(app, pilot)
            await pilot.press("tab")
            await settle(pilot)
            assert app.reader.has_focus and app.shown is not None
            assert ("Next link" in footer(app)) is linked, footer(app)
            assert ("Follow link" in footer(app)) is linked


@pilot_test
async def test_n_is_hinted_only_with_hits_and_the_listing_keys_are_in_view(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await listing_focused(app, pilot)
        text = footer(app)
        assert "n/N" not in text
        for hint in ("m Bookmark", "B Bookmarks", "H History", "y Copy ID"):
            assert hint in text, text
        await pilot.press("slash", *"nato", "enter")
        await settle(pilot)
        assert "n/N Next hit" in footer(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not app.listing.is_search


@pilot_test
async def test_moving_the_cursor_does_not_rebuild_the_footer(story):
    app = make_app(story)
    async with app.run_test(size=(120, 30)) as pilot:
        await listing_focused(app, pilot)
        bar = app.screen.query_one(HintFooter)
        rebuilt = []
        original = bar.recompose

        async def counted():
            rebuilt.append(1)
            await original()

        bar.recompose = counted
        for key in ("j", "j", "j", "k", "k"):
            await pilot.press(key)
            await settle(pilot)
        assert app.shown is not None
        assert rebuilt == []
