"""Undo instead of loss: m on a bookmarked cable and d in the bookmarks list can be undone
with u; an export never overwrites a file without asking; its toast shows the whole path."""

from __future__ import annotations

import pytest
from app_support import burst, make_app, pilot_test, settle, story_corpus, wait_until
from textual.widgets import Input

from store.userdata.bookmarks import Bookmarks
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.confirm import ConfirmDialog


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


def _toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pilot_test
async def test_m_removes_a_noted_bookmark_and_u_brings_it_back(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = app.shown.id
        Bookmarks().add(shown, "my note")
        app.marks.refresh()
        assert await wait_until(pilot, lambda: shown in app.sidebar.bookmarked)
        await burst(pilot, "m")
        assert await wait_until(pilot, lambda: shown not in Bookmarks())
        assert any("U undoes" in t for t in _toasts(app))
        await burst(pilot, "U")
        assert await wait_until(pilot, lambda: shown in Bookmarks())
        assert Bookmarks().get(shown).note == "my note"


@pilot_test
async def test_d_in_the_list_is_undone_by_u(story):
    Bookmarks().add("06TESTPOST1", "first note")
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "B", "d")
        assert await wait_until(pilot, lambda: "06TESTPOST1" not in Bookmarks())
        assert any("u undoes" in t for t in _toasts(app))
        await burst(pilot, "u")
        assert await wait_until(pilot, lambda: "06TESTPOST1" in Bookmarks())
        assert Bookmarks().get("06TESTPOST1").note == "first note"


@pilot_test
async def test_keys_typed_ahead_wait_for_the_list_to_fill(story):
    # dd in one burst deletes two bookmarks, not the first one twice.
    Bookmarks().add("06TESTPOST1", "first note")
    Bookmarks().add("06TESTPOST2", "second note")
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "B", "d", "d")
        assert await wait_until(pilot, lambda: len(Bookmarks()) == 0)
        await burst(pilot, "u", "u")
        assert await wait_until(pilot, lambda: len(Bookmarks()) == 2)


async def _export_to(pilot, path) -> None:
    await burst(pilot, "x")
    pilot.app.screen.query_one(Input).value = str(path)
    await burst(pilot, "enter")


@pilot_test
async def test_export_asks_before_overwriting_and_shows_the_whole_path(story, tmp_path):
    Bookmarks().add("06TESTPOST1", "first note")
    folder = tmp_path / "a-rather-long-folder-name" / "and-another-one-below-it"
    folder.mkdir(parents=True)
    target = folder / "exported-bookmarks.md"
    target.write_text("keep me")
    app = make_app(story)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await burst(pilot, "B")
        assert isinstance(app.screen, BookmarksScreen)
        await _export_to(pilot, target)
        assert isinstance(app.screen, ConfirmDialog)
        await burst(pilot, "n")
        await settle(pilot)
        assert target.read_text() == "keep me"
        await _export_to(pilot, target)
        await burst(pilot, "y")
        assert await wait_until(pilot, lambda: "first note" in target.read_text())
        # The path whole, on a line of its own (a toast wraps a line, it never cuts a word
        # that fits its width: the toast is up to 90% of the screen wide).
        exported = [t for t in _toasts(app) if t.startswith("exported")]
        assert exported and exported[-1].splitlines()[-1] == str(target)


@pilot_test
async def test_export_to_a_missing_folder_says_so_in_words(story, tmp_path):
    Bookmarks().add("06TESTPOST1", "first note")
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await burst(pilot, "B")
        await _export_to(pilot, tmp_path / "missing" / "marks.md")
        assert await wait_until(pilot, lambda: any("cannot write" in t for t in _toasts(app)))
        assert not any("Errno" in t for t in _toasts(app))
