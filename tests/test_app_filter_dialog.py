"""The filter dialog: origin completion inside names, and boxes that show a tick."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from app_support import (
    burst,
    make_app,
    pilot_test,
    screen_text,
    settle,
    story_corpus,
    wait_until,
)
from textual.widgets import Input

from tui.screens.filters import FilterError, FilterScreen, parse_bound
from tui.widgets.origin_complete import complete_list


@pytest.fixture
def almaty(tmp_path):
    """The story corpus with its cables moved to invented-looking Almaty offices."""
    path = story_corpus(tmp_path)
    conn = sqlite3.connect(path)
    try:
        rowids = [r[0] for r in conn.execute("SELECT rowid FROM cables ORDER BY rowid")]
        names = ["US Office Almaty", "Embassy Kalmar", "US Office Almaty", "Almaville Annex"]
        for rowid, name in zip(rowids, names, strict=True):
            conn.execute("UPDATE cables SET origin = ? WHERE rowid = ?", (name, rowid))
        conn.execute("DELETE FROM origins")
        conn.execute(
            "INSERT INTO origins(origin, count) SELECT origin, count(*) FROM cables GROUP BY origin"
        )
        conn.commit()
    finally:
        conn.close()
    return path


def test_a_prefix_comes_before_a_word_inside_a_name_and_that_before_any_part():
    names = ["Embassy Kalmar", "US Office Almaty", "Almaville Annex"]
    assert complete_list("alm", names) == "Almaville Annex"
    assert complete_list("alm", names[:2]) == "US Office Almaty"
    assert complete_list("alm", names[:1]) == "Embassy Kalmar"
    assert complete_list("ankara, ALMAT", names) == "ankara, US Office Almaty"
    assert complete_list("nowhere", names) is None


async def _filter_dialog(app, pilot):
    await settle(pilot)
    app.sidebar.focus()
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(app.screen, FilterScreen)
    # The origin names come from a worker; the completion starts when they land.
    origin = app.screen.query_one("#origin", Input)
    assert await wait_until(pilot, lambda: origin.suggester is not None)
    return app.screen


@pilot_test
async def test_origin_completes_from_inside_a_name_and_right_accepts_it(almaty):
    app = make_app(almaty)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _filter_dialog(app, pilot)
        await burst(pilot, "tab", "tab", *"lmat")
        origin = screen.query_one("#origin", Input)
        assert origin.value == "lmat"
        # The suggestion comes from a worker and a message: wait for it on a busy machine.
        assert await wait_until(pilot, lambda: "lmat  → US Office Almaty" in screen_text(app))
        await pilot.press("right")
        assert origin.value == "US Office Almaty"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.filters.origins == ("US Office Almaty",)
        assert app.sidebar.count == 2


@pilot_test
async def test_ticked_boxes_hold_a_tick_and_clear_ones_do_not(almaty, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(almaty)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _filter_dialog(app, pilot)
        text = screen_text(app)
        assert "✓" not in text
        await pilot.press("down", "space")  # ticks Confidential
        await pilot.press("tab", "space")  # ticks NOFORN only
        await pilot.pause()
        lines = screen_text(app).splitlines()
        ticked = [line for line in lines if "✓" in line]
        assert len(ticked) == 2
        assert "Confidential" in ticked[0] and "NOFORN only" in ticked[1]
        assert not any("✓" in line and "Secret" in line for line in lines)
        screen.query_one("#levels").deselect_all()
        await pilot.pause()
        assert "Confidential" not in "".join(
            line for line in screen_text(app).splitlines() if "✓" in line
        )


@pytest.mark.parametrize(
    "typed",
    ["²⁰⁰⁶", "٢٠٠٦", "9" * 5000, "1899", "2101", "20_6", "-2006", "2009-13", "2009-02-30"],
)
def test_a_date_field_takes_ascii_digits_in_range_only(typed):
    with pytest.raises(FilterError, match=r"^From: .*\(e\.g\. 2006, 2006-03, 2006-03-15\)"):
        parse_bound(typed, "From", end=False)
    assert parse_bound(" 1900 ", "From", end=False) == date(1900, 1, 1)
    assert parse_bound("2100", "To", end=True) == date(2100, 12, 31)
    assert parse_bound("2008-02", "To", end=True) == date(2008, 2, 29)
