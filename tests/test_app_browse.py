"""Pilot tests of the browser: open, move, follow a REF, back/forward, filter, palette, help,
quit, copy, remapped keys, small terminals. Every corpus is invented and built in tmp_path."""

from __future__ import annotations

import pytest
from app_support import (
    make_app,
    pilot_test,
    reader_text,
    samples_corpus,
    screen_text,
    settle,
    sidebar_lines,
    story_corpus,
)

from store.model import Level
from store.userdata.config import Config
from tui.app import CablesApp
from tui.output.render import BlockKind
from tui.screens.filters import FilterScreen
from tui.screens.help import HelpScreen, collect_bindings
from tui.widgets.reader import CableView


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


@pilot_test
async def test_opens_on_the_samples_newest_first(tmp_path, samples_dir):
    app = make_app(samples_corpus(tmp_path, samples_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.sidebar.count == 2
        assert app.sidebar.has_focus
        screen = screen_text(app)
        assert "1 / 2" in screen
        lines = sidebar_lines(app)
        assert "06ALMATY79" in lines[0]  # dated 2006; the undated partial extract sorts last
        assert "U//FOUO" in lines[0]
        assert "ALMATY2558" in lines[1]
        # The cursor previews the first cable: banner, header, marked paragraphs.
        assert app.shown is not None and app.shown.id == "06ALMATY79"
        text = reader_text(app)
        assert text.strip().startswith("UNCLASSIFIED//FOR OFFICIAL USE ONLY")
        assert "(SBU) Summary" in text


@pilot_test
async def test_moving_previews_and_repaints_only_two_rows(story, monkeypatch):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.shown.id == "06TESTPOST4"
        regions = []
        original = app.sidebar.refresh

        def spy(*regions_given, **kwargs):
            regions.extend(regions_given)
            return original(*regions_given, **kwargs)

        monkeypatch.setattr(app.sidebar, "refresh", spy)
        await pilot.press("j")
        assert app.sidebar.cursor == 1
        assert [r.height for r in regions] == [1, 1]
        assert sorted(r.y for r in regions) == [0, 1]
        await settle(pilot)
        assert app.shown.id == "06TESTPOST3"
        await pilot.press("G")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST1"
        await pilot.press("g")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST4"


@pilot_test
async def test_follow_a_ref_then_back_and_forward(story):
    app = make_app(story, open_id="06TESTPOST3")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.shown.id == "06TESTPOST3"
        assert "Cited by:" in reader_text(app)  # 06TESTPOST4 cites it
        assert app.reader.has_focus  # opened on a cable: the reader has the focus
        await pilot.press("right_square_bracket")  # select REF A
        assert app.reader.selected == 0
        await pilot.press("enter")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST1"
        await pilot.press("backspace")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST3"
        await pilot.press("alt+right")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST1"
        await pilot.press("alt+left")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST3"
        # The sidebar cursor follows the open cable.
        assert app.sidebar.cursor_rowid == app.shown.rowid


@pilot_test
async def test_a_ref_that_is_not_in_the_corpus_says_so(story):
    app = make_app(story, open_id="06TESTPOST3")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.press("right_square_bracket")  # REF C: 05NOWHERE999
        view = app.reader
        block = view.rendered.blocks[view.selected_block]
        assert block.kind is BlockKind.REF and block.target == "05NOWHERE999"
        await pilot.press("enter")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST3"
        messages = [str(n.message) for n in app._notifications]
        assert any("05NOWHERE999 is not in this corpus" in m for m in messages)


@pilot_test
async def test_cited_by_items_are_followed_too(story):
    app = make_app(story, open_id="06TESTPOST3")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.reader
        kinds = [view.rendered.blocks[i].kind for i in view.rendered.selectable_blocks()]
        assert kinds == [BlockKind.REF] * 3 + [BlockKind.CITED_BY]
        await pilot.press("left_square_bracket", "o")  # [ wraps to the last item
        await settle(pilot)
        assert app.shown.id == "06TESTPOST4"


@pilot_test
async def test_filters_narrow_the_listing_and_one_key_clears_them(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterScreen)
        # Levels list: Unclassified, Confidential, Secret, Top secret. Tick Secret; enter
        # applies even with the focus still on the list (space is what ticks there).
        await pilot.press("down", "down", "space")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FilterScreen)
        assert app.sidebar.count == 1
        assert "1 of 4" in screen_text(app)
        assert "class:S" in screen_text(app)
        assert app.shown.id == "06TESTPOST2"
        await pilot.press("F")
        await settle(pilot)
        assert app.sidebar.count == 4
        assert app.filters.is_empty()


@pilot_test
async def test_filter_screen_combines_fields_and_rejects_a_bad_year_range(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#date-from").value = "2007"
        screen.query_one("#date-to").value = "2006"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        assert "after" in str(screen.query_one("#filter-error").render())
        screen.query_one("#date-from").value = "2006"
        screen.query_one("#tags").value = "pgov"
        screen.query_one("#origin").value = "testpost"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.filters.tags == ("PGOV",)
        assert app.sidebar.count == 4
        # On a button, enter presses that button: Cancel keeps the filters as they were.
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#levels").select(int(Level.SECRET))
        app.screen.query_one("#cancel").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FilterScreen)
        assert app.filters.tags == ("PGOV",) and not app.filters.levels


@pilot_test
async def test_palette_jumps_to_a_cable_by_id_prefix(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"06testpost2")
        await settle(pilot, delay=0.4)
        await pilot.press("enter")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST2"
        assert app.sidebar.cursor_rowid == app.shown.rowid


@pilot_test
async def test_help_lists_every_binding_and_closes(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("#help-text").render()
        plain = str(text)
        ids = [binding.id for _, _, binding in collect_bindings(CablesApp.key_sections())]
        assert all(ids) and len(ids) == len(set(ids))
        for binding_id in ids:
            assert binding_id in plain
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pilot_test
async def test_q_goes_back_one_level_then_quits(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open: focus goes to the reader
        assert app.reader.has_focus
        await pilot.press("q")
        assert app.sidebar.has_focus
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_capital_q_quits_from_anywhere(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "Q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_y_copies_the_id(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert app.clipboard == "06TESTPOST4"


@pilot_test
async def test_config_remaps_keys_by_binding_id(story):
    config = Config(keys={"app.quit": "x", "sidebar.down": "ctrl+n", "no.such": "z"})
    app = make_app(story, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("no.such" in m for m in messages)
        await pilot.press("ctrl+n")
        assert app.sidebar.cursor == 1
        await pilot.press("j")  # no longer bound to sidebar.down
        assert app.sidebar.cursor == 1
        await pilot.press("x")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_at_80x24_the_panes_take_the_screen_in_turn(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        left, right = app.main_screen.query_one("#left"), app.main_screen.query_one("#right")
        # The listing alone, the whole width: dates and whole subjects, like mutt's index.
        assert left.display and not right.display and left.outer_size.width == 80
        text = screen_text(app)
        assert "06TESTPOST4" in text and "2006-01-13" in text
        # The hidden reader follows the cursor (m and y act on the cable under it); enter
        # shows it.
        await pilot.press("j")
        await settle(pilot)
        cursor = app.sidebar.cursor_rowid
        assert app.shown.rowid == cursor
        assert app.reader.wrapped is None  # wrapped once shown (hidden, it has no width)
        await pilot.press("enter")
        await settle(pilot)
        assert right.display and not left.display and app.reader.has_focus
        assert app.shown.rowid == cursor and app.reader.outer_size.width == 80
        assert app.reader.wrapped.width == app.reader.text_width
        # q goes back to the listing; tab and s switch; & (the reader's corpus search: its /
        # finds in the cable) shows the listing for its hits.
        await pilot.press("q")
        assert left.display and not right.display and app.sidebar.has_focus
        await pilot.press("j", "tab")
        await settle(pilot)
        assert right.display and app.shown.rowid == app.sidebar.cursor_rowid
        await pilot.press("s")
        assert left.display and not right.display and app.sidebar.has_focus
        await pilot.press("tab", "ampersand")
        assert left.display and not right.display
        # An empty search line closed with enter gives the focus back to the listing.
        await pilot.press("enter")
        assert app.sidebar.has_focus
        # A palette jump from the listing shows the reader with that cable.
        await pilot.press("ctrl+p")
        await pilot.press(*"06TESTPOST1")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.shown.id == "06TESTPOST1" and right.display and not left.display
        await pilot.press("q", "q")
        assert app.is_running is False


@pilot_test
async def test_side_by_side_from_100_columns_and_the_sidebar_toggles(story):
    app = make_app(story)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        left = app.main_screen.query_one("#left")
        assert left.outer_size.width == 50 and app.main_screen.query_one("#right").display
        reader_width = app.reader.size.width
        await pilot.press("s")
        await settle(pilot)
        assert not left.display and app.reader.has_focus
        assert app.reader.size.width > reader_width
        # The cable re-wraps to the wider pane.
        assert app.reader.wrapped.width == app.reader.text_width
        await pilot.press("s")
        assert left.display and app.sidebar.has_focus
        await pilot.press("s", "q")  # q from the reader brings the sidebar back
        assert left.display and app.sidebar.has_focus and app.is_running


@pilot_test
async def test_reader_keys_scroll(tmp_path, samples_dir):
    app = make_app(samples_corpus(tmp_path, samples_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        view: CableView = app.reader
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("space")
        assert view.scroll_y > 2
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_y == 0


@pilot_test
async def test_the_theme_comes_from_the_config(story):
    app = make_app(story, config=Config(theme="ansi-dark"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-dark"
    app = make_app(story, config=Config(theme="no-such-theme"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("no-such-theme" in str(n.message) for n in app._notifications)


@pilot_test
async def test_an_empty_corpus_says_so_and_no_key_breaks_it(tmp_path):
    from store.corpus import schema

    path = tmp_path / "empty.sqlite"
    schema.connect(path, readonly=False).close()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "corpus is empty" in screen_text(app)
        for key in ("j", "k", "G", "g", "space", "enter", "tab", "n", "right_square_bracket",
                    "o", "y", "m", "backspace", "alt+right", "s", "s"):  # fmt: skip
            await pilot.press(key)
        await settle(pilot)
        assert app.is_running and app.shown is None
