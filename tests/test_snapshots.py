"""SVG snapshots of the browser (pytest-textual-snapshot). Update after a deliberate change
with ``pytest tests/test_snapshots.py --snapshot-update`` and look at the SVGs."""

from __future__ import annotations

from app_support import (
    every_marking_corpus,
    hostile_corpus,
    make_app,
    samples_corpus,
    settle,
    story_corpus,
)
from cable_factory import build_corpus


def _main(tmp_path, samples_dir):
    return make_app(samples_corpus(tmp_path, samples_dir))


def test_main_screen_80x24(snap_compare, tmp_path, samples_dir):
    # Below 100 columns the listing has the whole screen until a cable is opened.
    assert snap_compare(_main(tmp_path, samples_dir), terminal_size=(80, 24), run_before=settle)


async def _open(pilot):
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_reader_80x24(snap_compare, tmp_path, samples_dir):
    assert snap_compare(_main(tmp_path, samples_dir), terminal_size=(80, 24), run_before=_open)


def test_main_screen_120x40(snap_compare, tmp_path, samples_dir):
    assert snap_compare(_main(tmp_path, samples_dir), terminal_size=(120, 40), run_before=settle)


def test_main_screen_no_color(snap_compare, tmp_path, samples_dir, monkeypatch):
    # Textual reads NO_COLOR when the app is made: every marking must still read as text,
    # and the cursor row is in reverse video.
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(_main(tmp_path, samples_dir), terminal_size=(100, 30), run_before=settle)


def test_every_marking_level(snap_compare, tmp_path, fixtures_dir):
    app = make_app(every_marking_corpus(tmp_path, fixtures_dir))

    async def open_it(pilot):
        await settle(pilot)
        await pilot.press("s")  # the whole width for the reader
        await settle(pilot)

    assert snap_compare(app, terminal_size=(110, 72), run_before=open_it)


def test_hostile_text_shows_literally(snap_compare, tmp_path):
    app = make_app(hostile_corpus(tmp_path / "hostile.sqlite"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=settle)


async def _search_nato(pilot):
    await settle(pilot)
    await pilot.press("slash", *"nato", "enter")
    await settle(pilot)


def test_search_results_with_snippets_80x24(snap_compare, tmp_path):
    app = make_app(story_corpus(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_search_nato)


def test_search_hit_in_the_reader_80x24(snap_compare, tmp_path):
    app = make_app(story_corpus(tmp_path))

    async def first_hit(pilot):
        await _search_nato(pilot)
        await pilot.press("enter", "n")  # open it; the first hit underlined, "hit 1 of 2"
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=first_hit)


def test_reader_list_and_table_80x24(snap_compare, tmp_path, fixtures_dir):
    # The invented cable's participants list, table and bulleted list keep their lines while
    # the prose around them is re-wrapped to the pane.
    directory = tmp_path / "lists"
    directory.mkdir()
    text = (fixtures_dir / "telegrams" / "lists_and_tables.txt").read_text(encoding="utf-8")
    (directory / "lists_and_tables.txt").write_text(text, encoding="utf-8")
    app = make_app(build_corpus(tmp_path / "lists.sqlite", directory))

    async def open_and_scroll(pilot):
        await _open(pilot)
        await pilot.press("space")  # one page down: the list and the table
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_and_scroll)


def test_reader_40x12(snap_compare, tmp_path, samples_dir):
    # The position first in the status line; the header folded into one line (i: all).
    assert snap_compare(_main(tmp_path, samples_dir), terminal_size=(40, 12), run_before=_open)


def test_reader_40x12_no_color(snap_compare, tmp_path, samples_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(_main(tmp_path, samples_dir), terminal_size=(40, 12), run_before=_open)


def test_listing_of_long_ids_120x40(snap_compare, tmp_path):
    from test_widths import long_ids_corpus

    app = make_app(long_ids_corpus(tmp_path))
    assert snap_compare(app, terminal_size=(120, 40), run_before=_open)
