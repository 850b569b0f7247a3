"""The footer's hints fit the context: q and ? first, link keys with links, n/N with hits."""

from __future__ import annotations

from datetime import datetime

import pytest
from app_support import listing_focused, make_app, pilot_test, screen_text, settle, story_corpus
from cable_factory import build_corpus, telegram, write_telegrams

from tui.widgets.hints import HintFooter


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
        assert footer(app).rstrip().endswith(("Help", "link", "Open", "Search", "Find", "all"))


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
        rebuilt = _count_rebuilds(app)
        for key in ("j", "j", "j", "k", "k"):
            await pilot.press(key)
            await settle(pilot)
        assert app.shown is not None
        assert rebuilt == []


@pytest.fixture
def mixed(tmp_path):
    """Newest first: a lone cable, one that cites an older one, then the cited one."""
    texts = {
        "cited": telegram(serial=1, when=datetime(2007, 5, 1, 9, 0), subject="TESTLAND: CITED"),
        "citing": telegram(serial=2, when=datetime(2007, 5, 2, 9, 0), refs=["07 TESTPOST 1"],
                           subject="TESTLAND: CITING"),
        "lone": telegram(serial=3, when=datetime(2007, 5, 3, 9, 0), subject="TESTLAND: LONE"),
    }  # fmt: skip
    return build_corpus(tmp_path / "mixed.sqlite", write_telegrams(tmp_path / "mixed", texts))


def _count_rebuilds(app) -> list[int]:
    bar = app.screen.query_one(HintFooter)
    rebuilt: list[int] = []
    original = bar.recompose

    async def counted():
        rebuilt.append(1)
        await original()

    bar.recompose = counted
    return rebuilt


@pilot_test
async def test_the_listing_cursor_onto_a_cable_with_links_leaves_the_footer_alone(mixed):
    # The link keys belong to the reader: with the listing focused they are not hinted, so
    # moving between cables with and without links rebuilds nothing (a line over SSH each).
    app = make_app(mixed)
    async with app.run_test(size=(120, 30)) as pilot:
        await listing_focused(app, pilot)
        rebuilt = _count_rebuilds(app)
        for key in ("j", "k", "j"):
            await pilot.press(key)
            await settle(pilot)
        assert app.shown.id == "07TESTPOST2" and app.reader.ref_count
        assert rebuilt == []
        await pilot.press("tab")  # the reader: now its link keys are hinted
        await settle(pilot)
        assert "Next link" in footer(app)
        app.opener.open_cable_id("07TESTPOST3", record=True)  # from the reader, to a lone cable
        await settle(pilot)
        assert app.shown.id == "07TESTPOST3" and app.reader.has_focus
        assert "Next link" not in footer(app)
