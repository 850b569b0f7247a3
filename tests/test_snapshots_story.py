"""SVG snapshots of the thread (t) and timeline (T) screens. Update after a deliberate change
with ``pytest tests/test_snapshots_story.py --snapshot-update`` and look at the SVGs."""

from __future__ import annotations

import pytest
from app_support import generated_corpus, make_app, settle, story_corpus

SIZES = [(80, 24), (120, 40)]


async def _thread(pilot):
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)


async def _timeline(pilot):
    await settle(pilot)
    await pilot.press("T")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_thread_screen(snap_compare, tmp_path, size):
    app = make_app(story_corpus(tmp_path), open_id="06TESTPOST3")
    assert snap_compare(app, terminal_size=size, run_before=_thread)


def test_thread_screen_no_color(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(story_corpus(tmp_path), open_id="06TESTPOST3")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_thread)


def _filtered(tmp_path):
    """3,000 generated cables from 2008 to 2010, filtered to the U and S levels."""
    from store.corpus.filters import Filters
    from store.model import Level

    app = make_app(generated_corpus(tmp_path / "g.sqlite", 3000))
    app.state.filters = Filters(levels=frozenset({Level.UNCLASSIFIED, Level.SECRET}))
    return app


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_timeline_screen(snap_compare, tmp_path, size):
    assert snap_compare(_filtered(tmp_path), terminal_size=size, run_before=_timeline)


def test_timeline_screen_months_no_color(snap_compare, tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")

    async def months(pilot):
        await _timeline(pilot)
        await pilot.press("m")
        await settle(pilot)

    assert snap_compare(_filtered(tmp_path), terminal_size=(80, 24), run_before=months)
