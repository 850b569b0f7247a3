"""The browser's glossary (i) and people (p, P) pickers: what they list, and enter listing
the cables of a tag or a person as a search. ``know_corpus`` serves the CLI tests too."""

from __future__ import annotations

import re
from datetime import datetime

from app_support import make_app, pilot_test, screen_text, settle
from cable_factory import build_corpus, telegram, write_telegrams

from store.corpus.filters import Filters
from tui.screens.know import PickScreen


def know_corpus(tmp_path):
    source = write_telegrams(
        tmp_path / "in",
        {
            "a": telegram(serial=1, tags="PGOV KZ ZQXW", classified_by="Miriam K. Oduya",
                          signer="ODUYA"),
            "b": telegram(serial=2, when=datetime(2008, 5, 1, 9, 0), tags="PGOV PTER KZ",
                          classified_by="Peter Quill"),
            "c": telegram(serial=3, when=datetime(2009, 5, 1, 9, 0),
                          tags="ECON OVIP BIDEN JOSEPH", classified_by="Miriam Oduya"),
        },
    )  # fmt: skip
    return build_corpus(tmp_path / "know.sqlite", source)


@pilot_test
async def test_i_shows_the_cables_tags_with_meanings_and_enter_lists_the_tag(tmp_path):
    app = make_app(know_corpus(tmp_path), open_id="06TESTPOST1")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)
        text = screen_text(app)
        assert "TAGS of 06TESTPOST1" in text
        assert "PGOV  Government" in text and "KZ    Kazakhstan" in text
        assert "ZQXW  (no source explains it)" in text  # never a guess
        await pilot.press("down", "enter")  # KZ
        await settle(pilot)
        assert not isinstance(app.screen, PickScreen)
        assert app.state.listing.query == "tag:KZ"
        assert sorted(app.state.listing.rowids) == sorted(app.corpus.ids(Filters(tags=("KZ",))))
        assert len(app.state.listing.rowids) == 2


@pilot_test
async def test_p_lists_the_people_of_the_cable_and_enter_their_cables(tmp_path):
    app = make_app(know_corpus(tmp_path), open_id="09TESTPOST3")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        text = screen_text(app)
        assert "People of 09TESTPOST3" in text and "ODUYA, MIRIAM" in text
        assert "BIDEN, JOSEPH  tag" in text  # a personal-name tag
        assert "2006-01-12 .. 2009-05-01" in text  # all their cables, first to last
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.state.listing.query == 'person:"ODUYA, MIRIAM"'
        ids = [s.id for s in app.corpus.summaries(app.state.listing.rowids)]
        assert sorted(ids) == ["06TESTPOST1", "09TESTPOST3"]


@pilot_test
async def test_P_lists_the_people_of_the_listing_most_named_first_and_escape_closes(tmp_path):
    app = make_app(know_corpus(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)
        rows = app.screen.rows
        assert rows[0].columns[:2] == ("DOE", "2") or rows[0].columns[:2] == ("ODUYA, MIRIAM", "2")
        assert {r.columns[0] for r in rows} >= {"ODUYA, MIRIAM", "QUILL, PETER", "ODUYA"}
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PickScreen) and not app.state.listing.is_search


def levels_corpus(tmp_path):
    source = write_telegrams(
        tmp_path / "levels",
        {
            "u": telegram(serial=1, level="UNCLASSIFIED", tags="PGOV KZ"),
            "c": telegram(serial=2, when=datetime(2008, 5, 1, 9, 0), tags="PGOV"),
            "s": telegram(serial=3, when=datetime(2009, 5, 1, 9, 0), level="SECRET", tags="KZ"),
        },
    )
    return build_corpus(tmp_path / "levels.sqlite", source)


@pilot_test
async def test_the_filter_dialog_counts_each_level_year_origin_and_tag_as_fields_change(tmp_path):
    from textual.widgets import Input

    app = make_app(levels_corpus(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert re.search(r"Unclassified +1", text) and re.search(r"Secret +1", text)
        assert "Cables  3 in the corpus" in text
        assert "2009 1  2008 1  2006 1" in text
        assert "PGOV Government 2" in text and "KZ Kazakhstan 2" in text
        tags = app.screen.query_one("#tags", Input)
        tags.focus()
        await pilot.press(*"kz zqxw")
        await settle(pilot)
        text = screen_text(app)
        assert "KZ Kazakhstan · ZQXW (unknown code)" in text  # the codes typed, explained
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await settle(pilot)
        text = screen_text(app)
        assert "Cables  2 in the corpus" in text and re.search(r"Confidential +0", text)
        assert "PGOV Government 1" in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *"tag:PGOV tag:zqxw")
        await settle(pilot)
        assert "tag:PGOV Government · tag:ZQXW (unknown code)" in screen_text(app)
        await pilot.press(*["backspace"] * 9, "enter")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        text = screen_text(app)
        assert "Cables  2 in this search" in text and re.search(r"Secret +0", text)
