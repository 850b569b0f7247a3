"""Every dialog says its question in words, with its keys, at 80x24, at 40x12 and without
colour (issue 20 item 5: the overwrite question was an empty ``╭──╮``). The snapshots show the
look; the text assertions say what must be in it, whatever the look."""

from __future__ import annotations

import pytest
from app_support import (
    burst,
    make_app,
    open_first,
    pilot_test,
    samples_corpus,
    screen_text,
    settle,
)
from textual.widgets import Input

from tui.screens.confirm import ConfirmDialog
from tui.screens.note import LineDialog

SIZES = [(80, 24), (40, 12)]
EXISTING = "06ALMATY79.txt"
FRAME = set("│╭╮╰╯─▊▎▔▁")  # box and input borders


def _app(tmp_path, samples_dir, monkeypatch):
    # A name relative to the current folder: the question shows the same text on every run.
    monkeypatch.chdir(tmp_path)
    (tmp_path / EXISTING).write_text("keep me")
    return make_app(samples_corpus(tmp_path, samples_dir))


async def _overwrite_question(pilot):
    """Open the first cable, w, a name that exists, enter: the overwrite question."""
    await open_first(pilot)
    await burst(pilot, "w")
    pilot.app.screen.query_one(Input).value = EXISTING
    await burst(pilot, "enter")
    assert isinstance(pilot.app.screen, ConfirmDialog)


async def _write_question(pilot):
    await open_first(pilot)
    await burst(pilot, "w")
    assert isinstance(pilot.app.screen, LineDialog)
    pilot.app.screen.query_one(Input).value = EXISTING  # not the random folder of the test
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_overwrite_question(snap_compare, tmp_path, samples_dir, monkeypatch, size):
    app = _app(tmp_path, samples_dir, monkeypatch)
    assert snap_compare(app, terminal_size=size, run_before=_overwrite_question)


def test_overwrite_question_no_color(snap_compare, tmp_path, samples_dir, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = _app(tmp_path, samples_dir, monkeypatch)
    assert snap_compare(app, terminal_size=(40, 12), run_before=_overwrite_question)


def test_write_question_40x12(snap_compare, tmp_path, samples_dir, monkeypatch):
    app = _app(tmp_path, samples_dir, monkeypatch)
    assert snap_compare(app, terminal_size=(40, 12), run_before=_write_question)


def test_filter_dialog_40x12(snap_compare, tmp_path, samples_dir, monkeypatch):
    app = _app(tmp_path, samples_dir, monkeypatch)

    async def filters(pilot):
        await settle(pilot)
        await burst(pilot, "f")

    assert snap_compare(app, terminal_size=(40, 12), run_before=filters)


def _words(app) -> str:
    """The screen's text with the box drawing and line breaks gone (a question may wrap)."""
    text = "".join(" " if c in FRAME else c for c in screen_text(app))
    return " ".join(text.split())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pilot_test
async def test_every_dialog_says_its_question_and_keys(tmp_path, samples_dir, monkeypatch, size):
    app = _app(tmp_path, samples_dir, monkeypatch)
    async with app.run_test(size=size) as pilot:
        await _overwrite_question(pilot)
        words = _words(app)
        assert "Overwrite this file?" in words
        assert "y yes" in words and "n no" in words
        await burst(pilot, "n")
        assert (tmp_path / EXISTING).read_text() == "keep me"

        await burst(pilot, "w")  # the name to write to
        assert "Write 06ALMATY79 to a file" in _words(app)
        assert "escape cancels" in _words(app)
        await burst(pilot, "escape")

        await burst(pilot, "vertical_line")  # the command to pipe to
        assert "Pipe the cable to a shell command" in _words(app)
        assert "enter runs it, escape cancels" in _words(app)
        await burst(pilot, "escape")

        await burst(pilot, "m")  # a bookmark's note
        assert "Bookmark 06ALMATY79" in _words(app)
        assert "escape cancels" in _words(app)
        await burst(pilot, "enter")  # bookmarked: the export below has one to write

        await burst(pilot, "tab", "f")  # from the listing: in the reader f is less's page
        words = _words(app)
        assert "Filter: space ticks" in words and "enter applies, escape cancels" in words
        await burst(pilot, "escape")

        await burst(pilot, "B", "x")  # export the bookmarks: where to
        assert "Export bookmarks" in _words(app)
        assert "escape cancels" in _words(app)
