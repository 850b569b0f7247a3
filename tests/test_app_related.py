"""R in the browser: the cables most like the open one; enter opens one, backspace returns."""

from __future__ import annotations

import pytest
from app_support import burst, make_app, pilot_test, screen_text, settle, wait_until
from related_support import related_corpus

from tui.screens.related import RelatedScreen

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def corpus_path(tmp_path):
    return related_corpus(tmp_path)


async def _related(pilot) -> None:
    await settle(pilot)
    await pilot.press("R")
    assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, RelatedScreen)
                            and bool(pilot.app.screen.ids))  # fmt: skip
    await settle(pilot)


@pilot_test
async def test_r_lists_related_cables_and_enter_opens_one_then_back_returns(corpus_path):
    app = make_app(corpus_path, open_id="06TESTPOST1")
    async with app.run_test(size=(120, 40)) as pilot:
        await _related(pilot)
        text = screen_text(app)
        assert "Like 06TESTPOST1" in text and "cited by" in text and "06TESTPOST2" in text
        await burst(pilot, "j", "enter")  # the near duplicate
        assert await wait_until(pilot, lambda: app.shown is not None
                                and app.shown.id == "06TESTPOST2")  # fmt: skip
        await burst(pilot, "backspace")
        assert await wait_until(pilot, lambda: app.shown.id == "06TESTPOST1")


@pilot_test
async def test_keys_typed_ahead_wait_for_the_list(corpus_path):
    app = make_app(corpus_path, open_id="06TESTPOST1")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst(pilot, "R", "enter")  # before the list is in: the first row
        assert await wait_until(pilot, lambda: app.shown is not None
                                and app.shown.id == "06TESTPOST5")  # fmt: skip


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_related_screen(snap_compare, corpus_path, size):
    app = make_app(corpus_path, open_id="06TESTPOST1")
    assert snap_compare(app, terminal_size=size, run_before=_related)
