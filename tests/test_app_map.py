"""The map screen (M): the listing's cables by post on a world map; enter lists a post's."""

from __future__ import annotations

import pytest
from app_support import burst, make_app, pilot_test, screen_text, settle, wait_until
from cable_factory import build_corpus, telegram, write_telegrams

from tui.screens.world import MapScreen

SIZES = [(80, 24), (120, 40)]


def posts_corpus(tmp_path):
    """Cables from three posts: Cairo 5, London 3, Almaty 1 (NATO in London's and Almaty's)."""
    texts = {
        f"{station}{n}": telegram(
            station=station, serial=n, subject=f"X: REPORT {n}",
            paragraphs=[("(U)", f"Report {n}" + (" on NATO." if station != "CAIRO" else "."))],
        )
        for station, many in (("CAIRO", 5), ("LONDON", 3), ("ALMATY", 1))
        for n in range(1, many + 1)
    }  # fmt: skip
    return build_corpus(tmp_path / "posts.sqlite", write_telegrams(tmp_path / "in", texts))


async def _mapped(pilot) -> None:
    await settle(pilot)
    await pilot.press("M")
    assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, MapScreen)
                            and pilot.app.screen.by_origin is not None)  # fmt: skip
    await settle(pilot)


@pilot_test
async def test_m_maps_the_listing_and_enter_lists_the_chosen_post(tmp_path):
    app = make_app(posts_corpus(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _mapped(pilot)
        screen = app.screen
        assert screen.posts == ["Embassy Cairo", "Embassy London", "Embassy Almaty"]
        text = screen_text(app)
        assert "9 cables in the corpus" in text and "Cairo 5" in text and "●" in text
        await burst(pilot, "j", "enter")  # London
        await settle(pilot)
        assert not isinstance(app.screen, MapScreen)
        assert app.state.filters.origins == ("Embassy London",)
        assert await wait_until(pilot, lambda: app.sidebar.count == 3)


@pilot_test
async def test_the_map_of_a_search_counts_only_its_hits_and_escape_changes_nothing(tmp_path):
    app = make_app(posts_corpus(tmp_path), search="nato")
    async with app.run_test(size=(100, 30)) as pilot:
        await _mapped(pilot)
        assert app.screen.by_origin == {"Embassy London": 3, "Embassy Almaty": 1}
        assert "of nato" in screen_text(app)
        await burst(pilot, "escape")
        await settle(pilot)
        assert not isinstance(app.screen, MapScreen) and not app.state.filters.origins


@pilot_test
async def test_keys_typed_ahead_wait_for_the_counts(tmp_path):
    app = make_app(posts_corpus(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst(pilot, "M", "j", "j", "enter")  # Almaty, before the counts are in
        assert await wait_until(pilot, lambda: app.state.filters.origins == ("Embassy Almaty",))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_map_screen(snap_compare, tmp_path, size):
    assert snap_compare(make_app(posts_corpus(tmp_path)), terminal_size=size, run_before=_mapped)


def test_map_screen_no_color(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(posts_corpus(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_mapped)
