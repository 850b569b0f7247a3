"""The listing as a mutt user reads it: aligned columns, where the cursor is, n/N between hits."""

from __future__ import annotations

from datetime import datetime

import pytest
from app_support import burst, make_app, pilot_test, settle, sidebar_lines, story_corpus
from cable_factory import build_corpus, telegram, write_telegrams


def long_ids_corpus(tmp_path):
    texts = {
        "short": telegram(station="ROME", serial=7, when=datetime(2010, 1, 3, 9, 0),
                          subject="ITALY: SHORT ID SUBJECT"),
        "long": telegram(station="USUNNEWYORK", serial=2, when=datetime(2010, 1, 2, 9, 0),
                         subject="UN: LONG ID SUBJECT"),
        "longer": telegram(station="JOHANNESBURG", serial=3, when=datetime(2010, 1, 1, 9, 0),
                           subject="SOUTH AFRICA: LONGER ID SUBJECT"),
    }  # fmt: skip
    return build_corpus(tmp_path / "long.sqlite", write_telegrams(tmp_path / "long", texts))


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


@pilot_test
async def test_id_column_fits_the_longest_id(tmp_path):
    app = make_app(long_ids_corpus(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lines = sidebar_lines(app)[:3]
        starts = {line.index(word) for line, word in
                  zip(lines, ("ITALY", "UN:", "SOUTH"), strict=True)}  # fmt: skip
        # Every subject starts in the same column, whatever the length of the ID before it.
        assert len(starts) == 1, lines


def _toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pilot_test
async def test_n_moves_between_hit_cables_in_the_one_pane_listing(story):
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "/", *"nato", "enter")
        assert app.sidebar.has_focus and app.sidebar.count == 2
        assert app.sidebar.cursor == 0
        await burst(pilot, "n")
        assert app.sidebar.cursor == 1
        await burst(pilot, "n")
        assert app.sidebar.cursor == 0
        assert any("wrapped" in t and "top" in t for t in _toasts(app))
        await burst(pilot, "N")
        assert app.sidebar.cursor == 1
        assert any("bottom" in t for t in _toasts(app))


@pilot_test
async def test_n_in_the_reader_wraps_and_says_so(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "/", *"nato", "enter", "enter")
        assert app.reader.has_focus and app.reader.hit_count >= 2
        count = app.reader.hit_count
        await burst(pilot, *["n"] * count)
        assert app.reader.hit == count - 1
        assert not any("wrapped" in t for t in _toasts(app))
        await burst(pilot, "n")
        assert app.reader.hit == 0
        assert any("wrapped" in t and "first" in t for t in _toasts(app))


def _label(app, name: str) -> str:
    return app.main_screen.query_one(name).render().plain


@pilot_test
async def test_where_am_i_in_the_listing_and_the_reader(tmp_path):
    from app_support import generated_corpus

    app = make_app(generated_corpus(tmp_path / "gen.sqlite", 300))
    async with app.run_test(size=(120, 14)) as pilot:
        await settle(pilot)
        assert _label(app, "#count").startswith("1 / 300")
        await burst(pilot, "j", "j", "j")
        assert _label(app, "#count").startswith("4 / 300")
        await burst(pilot, "G")
        assert _label(app, "#count").startswith("300 / 300")
        await burst(pilot, "enter")
        await settle(pilot)
        assert app.reader.wrapped.folded  # 12 lines of pane: the header is one line
        await burst(pilot, "i")  # every field: a cable longer than the pane
        lines = len(app.reader.wrapped.lines)
        height = app.reader.scrollable_content_region.height
        assert lines > height + 2  # (the cable is longer than the pane)
        assert f"lines 1-{height}/{lines} {height * 100 // lines}%" in _label(app, "#status")
        await burst(pilot, "j", "j")
        assert f"lines 3-{height + 2}/{lines}" in _label(app, "#status")


@pilot_test
async def test_no_hits_for_a_part_word_suggests_its_prefix_form(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "/", *"visi", "enter")
        await settle(pilot)
        assert app.sidebar.count == 0
        assert "try visi*" in sidebar_lines(app)[0]
        await burst(pilot, "/", "ctrl+u", *"visi*", "enter")
        await settle(pilot)
        assert app.sidebar.count > 0
