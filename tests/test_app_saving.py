"""The open cable out of the reader: | pipes it to a command, w writes it, Y copies it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
from textual.containers import VerticalScroll
from textual.widgets import Input

from tui.controllers import saving
from tui.screens.confirm import ConfirmDialog


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


def _toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _reading(pilot) -> None:
    await settle(pilot)
    await burst(pilot, "enter")
    await settle(pilot)
    assert pilot.app.reader.has_focus and pilot.app.shown is not None


@pilot_test
async def test_w_writes_text_or_markdown_and_asks_before_overwriting(story, tmp_path):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await _reading(pilot)
        cable_id = app.shown.id
        for name in ("out.txt", "out.md"):
            await burst(pilot, "w")
            app.screen.query_one(Input).value = str(tmp_path / name)
            await burst(pilot, "enter")
            assert await wait_until(pilot, lambda n=name: (tmp_path / n).exists())
        assert cable_id in (tmp_path / "out.txt").read_text()
        assert "\n# " in (tmp_path / "out.md").read_text()
        (tmp_path / "out.txt").write_text("keep me")
        await burst(pilot, "w")
        app.screen.query_one(Input).value = str(tmp_path / "out.txt")
        await burst(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)
        await burst(pilot, "n")
        assert (tmp_path / "out.txt").read_text() == "keep me"


@pilot_test
async def test_pipe_hands_the_cable_to_a_shell_command(story, tmp_path):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await _reading(pilot)
        out = tmp_path / "piped.txt"
        await burst(pilot, "|", *f"cat > {out}", "enter")
        assert await wait_until(pilot, lambda: out.exists() and out.stat().st_size > 0)
        assert app.shown.id in out.read_text()


async def _piped(pilot, command: str) -> None:
    """| COMMAND enter in the reader, and what it printed is on screen (not a terminal here:
    shown in the app)."""
    from tui.screens.output import OutputScreen

    await _reading(pilot)
    await burst(pilot, "|", *command, "enter")
    assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, OutputScreen))
    await settle(pilot)


@pilot_test
async def test_what_the_command_printed_stays_until_a_key(story):
    from tui.screens.output import PRESS

    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await _piped(pilot, "wc -l; exit 3")
        text = screen_text(app)
        assert "exit status 3" in text and PRESS in text
        count = app.screen.printed.split()[0]
        assert count.isdigit() and int(count) > 5
        await burst(pilot, "x")
        assert app.screen is app.main_screen


@pilot_test
async def test_output_longer_than_the_screen_is_paged(story):
    from tui.screens.output import PAGING, OutputScreen

    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await _piped(pilot, "seq 1 200")
        assert PAGING in screen_text(app) and "exit status" not in screen_text(app)
        await burst(pilot, "space")  # pages, does not close
        assert isinstance(app.screen, OutputScreen)
        assert app.screen.query_one(VerticalScroll).scroll_y > 0
        await burst(pilot, "G")
        assert "200" in screen_text(app)
        await burst(pilot, "q")
        assert app.screen is app.main_screen


@pilot_test
async def test_Y_copies_the_text_or_says_it_is_too_long(story, monkeypatch):
    app = make_app(story)
    copied: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await _reading(pilot)
        await burst(pilot, "Y")
        assert await wait_until(pilot, lambda: bool(copied))
        assert app.shown.id in copied[0] and len(copied[0]) > 100
        monkeypatch.setattr(saving, "OSC52_LIMIT", 10)
        await burst(pilot, "Y")
        assert await wait_until(pilot, lambda: any("w writes it" in t for t in _toasts(app)))
        assert len(copied) == 1


@pilot_test
async def test_in_a_served_page_the_shell_and_file_keys_are_refused_in_one_line(story, tmp_path):
    """`cables serve` without --allow-shell: the person at the page may be anyone who got in;
    | and w would reach the server's shell and files, so they say so and do nothing."""
    app = make_app(story, shell_allowed=False)

    def refused(key: str) -> bool:
        return any(t.startswith(f"{key} (") and "is off in cables serve" in t
                   for t in _toasts(app))  # fmt: skip

    async with app.run_test(size=(120, 40)) as pilot:
        await _reading(pilot)
        for key in ("|", "w"):
            await burst(pilot, key)
            assert await wait_until(pilot, lambda k=key: refused(k))
            assert app.screen is app.main_screen  # no command line, no file name asked for
        assert all("\n" not in t for t in _toasts(app) if "cables serve" in t)
        await burst(pilot, "B")
        await settle(pilot)
        await burst(pilot, "x")
        assert await wait_until(pilot, lambda: refused("x"))
        assert not isinstance(app.screen.focused, Input)


@pilot_test
async def test_w_proposes_a_name_in_this_folder_whatever_the_id(story, tmp_path, monkeypatch):
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await _reading(pilot)
        # An ID as a corpus imported by an older version may hold it: a path.
        app.state.shown = replace(app.shown, id=f"../../{app.shown.id}")
        await burst(pilot, "w")
        proposed = Path(app.screen.query_one(Input).value)
        assert proposed == here / f"{app.shown.id[6:]}.txt"
        await burst(pilot, "enter")
        assert await wait_until(pilot, proposed.exists)
    assert list(tmp_path.rglob(proposed.name)) == [proposed]
