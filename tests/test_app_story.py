"""The browser's thread (t) and timeline (T) screens, the sparkline and the citation key (c)."""

from __future__ import annotations

from app_support import (
    burst,
    generated_corpus,
    make_app,
    pilot_test,
    screen_text,
    settle,
    story_corpus,
)
from textual.widgets import Input, OptionList

from tui.screens.filters import FilterScreen
from tui.screens.thread import ThreadScreen
from tui.screens.timeline import TimelineScreen


@pilot_test
async def test_t_opens_the_thread_and_enter_opens_a_node_keeping_the_place(tmp_path):
    app = make_app(story_corpus(tmp_path), open_id="06TESTPOST3")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen)
        text = screen_text(app)
        assert "Thread of 06TESTPOST3" in text and "05NOWHERE999  (not in this corpus)" in text
        await pilot.press("down", "down", "enter")  # "cites", then its first cable
        await settle(pilot)
        assert not isinstance(app.screen, ThreadScreen) and app.shown.id == "06TESTPOST1"
        await pilot.press("t")
        await settle(pilot)
        tree = app.screen.query_one("Tree")
        assert tree.cursor_node.data.id == "06TESTPOST1"  # the same tree, at the same node
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("backspace")  # the trail knows where the thread came from
        await settle(pilot)
        assert app.shown.id == "06TESTPOST3"


@pilot_test
async def test_missing_node_says_so_and_r_reroots(tmp_path):
    app = make_app(story_corpus(tmp_path), open_id="06TESTPOST3")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "enter")  # 05NOWHERE999
        await settle(pilot)
        assert isinstance(app.screen, ThreadScreen)
        assert any("not in this corpus" in str(n.message) for n in app._notifications)
        await pilot.press("up", "r")
        await settle(pilot)
        assert "Thread of 06TESTPOST2" in screen_text(app)


@pilot_test
async def test_timeline_of_a_search_filters_to_the_chosen_year(tmp_path):
    app = make_app(story_corpus(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"nato", "enter")
        await settle(pilot)
        await settle(pilot)
        count_line = str(app.main_screen.query_one("#count").render())
        assert "█ 2006" in count_line  # the sparkline of hits per year
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TimelineScreen)
        text = screen_text(app)
        assert "2 cables of nato" in text and "2006: 2 cables  U 1  C 1" in text
        await pilot.press("m")
        await settle(pilot)
        assert "2006-01" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TimelineScreen)
        assert (app.filters.date_from.isoformat(), app.filters.date_to.isoformat()) == (
            "2006-01-01", "2006-01-31")  # fmt: skip
        assert app.listing.is_search  # still the search, narrowed to the month


@pilot_test
async def test_a_month_picked_in_the_timeline_stays_that_month(tmp_path):
    # 400 cables, one every 6 hours back from 2010-02-01: December 2009 holds 31 * 4.
    app = make_app(generated_corpus(tmp_path / "months.sqlite", 400))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await burst(pilot, "T", "m")
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and screen.unit == "month"
        labels = [bucket.label for bucket in screen.buckets]
        screen.query_one(OptionList).highlighted = labels.index("2009-12")
        await burst(pilot, "enter")
        assert not isinstance(app.screen, TimelineScreen)
        assert app.sidebar.count == 124
        count_line = str(app.main_screen.query_one("#count").render())
        assert "124 of 400" in count_line and "2009-12" in count_line
        assert "124 of 400  2009-12  " in count_line  # the month, then the sparkline
        # The filter dialog shows the month, and enter keeps it.
        await burst(pilot, "f")
        assert isinstance(app.screen, FilterScreen)
        fields = [app.screen.query_one(f"#date-{end}", Input).value for end in ("from", "to")]
        assert fields == ["2009-12", "2009-12"]
        await burst(pilot, "enter")
        assert not isinstance(app.screen, FilterScreen)
        assert (app.filters.date_from.isoformat(), app.filters.date_to.isoformat()) == (
            "2009-12-01", "2009-12-31")  # fmt: skip
        assert app.sidebar.count == 124
        assert "2009-12" in str(app.main_screen.query_one("#count").render())


@pilot_test
async def test_c_copies_a_citation_of_the_open_cable(tmp_path):
    app = make_app(story_corpus(tmp_path), open_id="06TESTPOST2")
    copied = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
    assert len(copied) == 1
    assert copied[0].startswith("Embassy Testpost. \u201cTESTLAND: SECOND INVENTED REPORT.\u201d")
    assert "06TESTPOST2" in copied[0] and "SECRET" in copied[0] and "WikiLeaks" in copied[0]


def test_keys_are_in_the_help():
    from tui.app import CablesApp
    from tui.screens.help import collect_bindings

    ids = {binding.id for _, _, binding in collect_bindings(CablesApp.key_sections())}
    assert {"app.thread", "app.timeline", "app.cite", "thread.open", "timeline.unit"} <= ids
