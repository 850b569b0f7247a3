"""Pilot tests of bookmarks in the browser: m with a note, the mark in the sidebar, the B list
(open, edit the note, delete, export) and a bookmark whose cable is not in the corpus."""

from __future__ import annotations

import json

import pytest
from app_support import (
    make_app,
    pilot_test,
    screen_text,
    settle,
    sidebar_lines,
    story_corpus,
    wait_until,
)
from textual.widgets import Input

from store.userdata.bookmarks import Bookmarks
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.note import LineDialog, NoteDialog


@pytest.fixture
def story(tmp_path):
    return story_corpus(tmp_path)


@pilot_test
async def test_m_bookmarks_with_a_note_and_m_again_removes(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"check [this]")
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: sidebar_lines(app)[0].startswith("*"))
        mark = Bookmarks().get("06TESTPOST4")
        assert mark is not None and mark.note == "check [this]"
        assert sidebar_lines(app)[0].startswith("*")
        assert "bookmarked" in app.main_screen.query_one("#status").render().plain
        await pilot.press("m")
        assert await wait_until(pilot, lambda: not sidebar_lines(app)[0].startswith("*"))
        assert Bookmarks().get("06TESTPOST4") is None
        # A slip of the finger loses nothing: m again offers the note it had.
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: sidebar_lines(app)[0].startswith("*"))
        assert Bookmarks().get("06TESTPOST4").note == "check [this]"


@pilot_test
async def test_escape_in_the_note_dialog_bookmarks_nothing(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert len(Bookmarks()) == 0


@pilot_test
async def test_bookmarks_made_by_another_session_show_up(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        Bookmarks().add("06TESTPOST2", "from elsewhere")
        app.marks.refresh()  # what the poll timer does every few seconds
        assert await wait_until(pilot, lambda: sidebar_lines(app)[2].startswith("*"))


@pilot_test
async def test_the_list_opens_edits_deletes_and_exports(story, tmp_path):
    marks = Bookmarks()
    marks.add("99NOWHERE1", "gone")
    marks.add("06TESTPOST1", "first note")
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        text = screen_text(app)
        assert "06TESTPOST1" in text and "first note" in text and "2006-01-10" in text
        assert "99NOWHERE1" in text and "not in this corpus" in text
        # Newest first: 06TESTPOST1 is highlighted. Edit its note.
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("ctrl+u", *"better note", "enter")
        assert await wait_until(pilot, lambda: Bookmarks().get("06TESTPOST1").note == "better note")
        # Export as JSON, then as Markdown.
        for name in ("marks.json", "marks.md"):
            await pilot.press("x")
            await settle(pilot)
            assert isinstance(app.screen, LineDialog)
            app.screen.query_one(Input).value = str(tmp_path / name)  # typing it is slow
            await pilot.press("enter")
            assert await wait_until(pilot, lambda path=tmp_path / name: _written(path))
        exported = json.loads((tmp_path / "marks.json").read_text())
        by_id = {item["id"]: item for item in exported["bookmarks"]}
        assert by_id["06TESTPOST1"]["note"] == "better note"
        assert by_id["99NOWHERE1"]["in_corpus"] is False
        assert "better note" in (tmp_path / "marks.md").read_text()
        # The missing cable cannot be opened, and says so.
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert any("not in this corpus" in str(n.message) for n in app._notifications)
        # Delete it.
        await pilot.press("d")
        assert await wait_until(pilot, lambda: Bookmarks().get("99NOWHERE1") is None)
        # Open the other one: the list closes and the reader shows it.
        await pilot.press("k", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, BookmarksScreen)
        assert app.shown.id == "06TESTPOST1"


@pilot_test
async def test_the_empty_list_says_how_to_bookmark(story):
    app = make_app(story)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")
        await settle(pilot)
        assert "no bookmarks yet" in screen_text(app)
        await pilot.press("enter", "d", "e")  # nothing to act on: no crash
        await settle(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarksScreen)


def _written(path) -> bool:
    return path.exists() and path.read_text().endswith("\n")


@pilot_test
async def test_bookmarks_read_after_the_app_closed_change_nothing(tmp_path):
    """The bookmarks worker may answer while the app closes (its screens gone): no crash."""
    from tui.messages import BookmarksChanged

    app = make_app(story_corpus(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert not app.screen_stack
    app.marks.changed(BookmarksChanged(frozenset({"06TESTPOST1"})))  # no IndexError
