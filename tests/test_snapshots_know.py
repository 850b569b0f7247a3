"""SVG snapshots of the glossary (i) and people (P) pickers. Update after a deliberate change
with ``pytest tests/test_snapshots_know.py --snapshot-update`` and look at the SVGs."""

from __future__ import annotations

import pytest
from app_support import make_app, settle
from test_app_know import know_corpus

SIZES = [(80, 24), (120, 40)]


def _after(*keys: str):
    async def run(pilot):
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_glossary_of_a_cable(snap_compare, tmp_path, size):
    app = make_app(know_corpus(tmp_path), open_id="06TESTPOST1")
    assert snap_compare(app, terminal_size=size, run_before=_after("I"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_people_of_the_listing(snap_compare, tmp_path, size):
    app = make_app(know_corpus(tmp_path))
    assert snap_compare(app, terminal_size=size, run_before=_after("P"))


def test_pickers_no_color(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(know_corpus(tmp_path), open_id="09TESTPOST3")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after("p"))


def test_reader_tags_with_meanings_wide(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(know_corpus(tmp_path), open_id="06TESTPOST1")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_after("s"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_filter_dialog_with_live_counts(snap_compare, tmp_path, size):
    from test_app_know import levels_corpus

    app = make_app(levels_corpus(tmp_path))
    assert snap_compare(app, terminal_size=size, run_before=_after("f"))


def test_filter_dialog_with_live_counts_no_color(snap_compare, tmp_path, monkeypatch):
    from test_app_know import levels_corpus

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(levels_corpus(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after("f", "space"))


def test_search_line_explains_tag_words(snap_compare, tmp_path):
    # (in colour: under NO_COLOR, typing on the search line trips Textual's monochrome
    # filter on main as it is, a fault of its own)
    app = make_app(know_corpus(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after("slash", *"tag:KZ"))
