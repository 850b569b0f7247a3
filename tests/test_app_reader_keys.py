"""The reader's keys are less's: find in the cable (/, ctrl+r backward, n/N from the screen),
the corpus search kept on &, and the paging keys (space/f/ctrl+f, b/ctrl+b, d/u, g/G/</>,
NNg, NN%, e/ctrl+y)."""

from __future__ import annotations

from datetime import datetime

import pytest
from app_support import burst, listing_focused, make_app, pilot_test, screen_text, settle
from cable_factory import build_corpus, telegram, write_telegrams

from tui.screens.note import LineDialog

# Paragraphs 5, 20 and 38 of 60 mention the harbor; the cable is several screens long.
HARBOR_PARAGRAPHS = (5, 20, 38)


def long_cable_corpus(tmp_path):
    paragraphs = [
        ("(U)", f"Invented paragraph {n} about the Harbor works." if n in HARBOR_PARAGRAPHS
         else f"Invented paragraph {n} about nothing in particular at all.")
        for n in range(1, 61)
    ]  # fmt: skip
    texts = {
        "long": telegram(serial=7, when=datetime(2006, 2, 1, 9, 0), subject="TESTLAND: LONG",
                         paragraphs=paragraphs),
        "short": telegram(serial=8, when=datetime(2006, 1, 1, 9, 0), subject="TESTLAND: SHORT"),
    }  # fmt: skip
    directory = write_telegrams(tmp_path / "long", texts)
    return build_corpus(tmp_path / "long.sqlite", directory)


@pytest.fixture
def corpus(tmp_path):
    return long_cable_corpus(tmp_path)


async def reading(app, pilot):
    """The long cable open in the reader, which has the keys."""
    await listing_focused(app, pilot)
    await burst(pilot, "enter")
    assert app.reader.has_focus and app.shown.id == "06TESTPOST7"
    return app.reader


def line_of_hit(reader) -> int:
    hit = reader.hits[reader.hit]
    return reader.wrapped.line_of(hit.block, hit.start)


def match_lines(reader) -> list[int]:
    return [reader.wrapped.line_of(h.block, h.start) for h in reader.hits]


def status(app) -> str:
    return app.main_screen.query_one("#status").render().plain


@pilot_test
async def test_slash_finds_in_the_cable_from_the_top_of_the_screen(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await reading(app, pilot)
        await burst(pilot, "slash")
        assert isinstance(app.screen, LineDialog)  # not the corpus search line
        await burst(pilot, *"harbor", "enter")
        assert reader.hit_count == 3 and reader.hit == 0
        assert "hit 1 of 3" in status(app)
        # From the screen's position: scrolled past the first match, n goes to the second.
        lines = match_lines(reader)
        reader.scroll_to(y=lines[0] + 1, animate=False, immediate=True)
        await burst(pilot, "n")
        assert reader.hit == 1
        # At the end of the cable, n does not jump back up to an early match.
        await burst(pilot, "G")
        top = round(reader.scroll_y)
        assert top > lines[2]
        await burst(pilot, "n")
        assert reader.hit == 1 and round(reader.scroll_y) == top
        # N goes back up from the screen: to the last match above it.
        await burst(pilot, "N")
        assert reader.hit == 2 and line_of_hit(reader) < top + reader.size.height


@pilot_test
async def test_ctrl_r_finds_backward_and_n_repeats_backward(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await reading(app, pilot)
        await burst(pilot, "G", "ctrl+r", *"harbor", "enter")
        assert reader.hit == 2
        await burst(pilot, "n")
        assert reader.hit == 1  # n repeats the find's direction: backward
        await burst(pilot, "N")
        assert reader.hit == 2


@pilot_test
async def test_a_capital_matches_exactly_and_not_found_says_so(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await reading(app, pilot)
        await burst(pilot, "slash", *"HARBOR", "enter")
        assert reader.hit_count == 0
        assert any("not found" in str(n.message) for n in app._notifications)
        await burst(pilot, "slash", *"Harbor", "enter")
        assert reader.hit_count == 3


@pilot_test
async def test_escape_clears_the_find_then_returns_to_the_full_listing(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await reading(app, pilot)
        await burst(pilot, "slash", *"harbor", "enter")
        assert reader.finding is not None
        await burst(pilot, "escape")
        assert reader.finding is None and reader.hit_count == 0 and reader.has_focus
        # escape in the dialog leaves the reader as it was.
        await burst(pilot, "slash", *"harbor", "escape")
        assert reader.finding is None and reader.has_focus


@pilot_test
async def test_ampersand_is_the_corpus_search_and_escape_comes_back(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await reading(app, pilot)
        await burst(pilot, "ampersand", *"short")
        assert app.search_bar.is_open and app.search_bar.input.value == "short"
        await settle(pilot, 0.1)
        await burst(pilot, "escape")
        assert reader.has_focus and not app.search_bar.is_open
        assert not app.listing.is_search and app.shown.id == "06TESTPOST7"
        # In the listing / is the corpus search.
        await burst(pilot, "tab", "slash")
        assert app.search_bar.is_open and app.search_bar.input.has_focus


@pilot_test
async def test_less_paging_keys(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await reading(app, pilot)
        height = reader.scrollable_content_region.height
        page, half = height - 1, height // 2

        async def top_after(*keys: str) -> int:
            await burst(pilot, "g", *keys)
            return round(reader.scroll_y)

        for key in ("space", "f", "ctrl+f", "pagedown"):
            assert await top_after(key) == page, key
        for key in ("d", "ctrl+d"):
            assert await top_after(key) == half, key
        for key in ("j", "e", "ctrl+e", "ctrl+n", "down"):
            assert await top_after(key) == 1, key
        for key in ("b", "ctrl+b", "pageup"):
            assert await top_after("f", "f", key) == page, key
        for key in ("u", "ctrl+u"):
            assert await top_after("f", key) == page - half, key
        for key in ("k", "ctrl+y", "ctrl+k", "up"):
            assert await top_after("j", "j", key) == 1, key
        lines = len(reader.wrapped.lines)
        for key in ("G", "greater_than_sign", "end"):
            assert await top_after(key) == reader.max_scroll_y, key
        for key in ("g", "less_than_sign", "home"):
            await burst(pilot, "G", key)
            assert round(reader.scroll_y) == 0, key
        # A number before a key: a line (g, G), a percentage (%), lines (j).
        assert await top_after("1", "2", "g") == 11
        assert await top_after("7", "G") == 6
        assert await top_after("3", "j") == 3
        assert await top_after("5", "0", "percent_sign") == min(lines // 2, reader.max_scroll_y)
        assert await top_after("2", "5", "percent_sign") == lines // 4
        # The sidebar stays where it is: ctrl+b is less's page back, s toggles it.
        assert app.main_screen.query_one("#left").display
        await burst(pilot, "s")
        assert not app.main_screen.query_one("#left").display
        assert "lines" in screen_text(app)


@pilot_test
async def test_help_says_which_slash_is_which_and_where_undo_went(corpus):
    app = make_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst(pilot, "question_mark")
        text = str(app.screen.query_one("#help-text").render())
        assert "ctrl+r" in text and "Find backward" in text and "Search all" in text
        assert "in the reader / finds in the open cable" in text
        assert "undo a removed bookmark with U" in text
        assert "toggled with s" in text
