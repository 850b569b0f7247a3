"""The sidebar on a generated corpus of 20,000 cables: scroll to the end and back."""

from __future__ import annotations

import pytest
from app_support import generated_corpus, make_app, pilot_test, settle, sidebar_lines

from tui.widgets.sidebar import MAX_PAGES

COUNT = 20_000


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    return generated_corpus(tmp_path_factory.mktemp("big") / "big.sqlite", COUNT)


def _no_placeholders(app) -> bool:
    return not any(line.strip() == "…" for line in sidebar_lines(app))


@pilot_test
async def test_scrolls_to_the_end_and_back(big_corpus):
    app = make_app(big_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.sidebar
        assert sidebar.count == COUNT and app.listing.complete
        assert "1 / 20,000" in app.main_screen.query_one("#count").render().plain
        first = sidebar_lines(app)[0]
        assert "10GENPOST1 " in first
        await pilot.press("G")
        await settle(pilot)
        assert sidebar.cursor == COUNT - 1
        lines = sidebar_lines(app)
        assert f"GENPOST{COUNT} " in lines[-1]
        assert _no_placeholders(app)
        assert app.shown.id.endswith(f"GENPOST{COUNT}")
        # Page back up through the last few screens, then to the top.
        for _ in range(5):
            await pilot.press("b")
        await settle(pilot)
        assert _no_placeholders(app)
        assert sidebar.cursor == COUNT - 1 - 5 * sidebar._rows_per_page
        await pilot.press("g")
        await settle(pilot)
        assert sidebar.cursor == 0
        assert "10GENPOST1 " in sidebar_lines(app)[0]
        assert app.shown.id == "10GENPOST1"
        assert len(sidebar._pages) <= MAX_PAGES


@pilot_test
async def test_a_scrollbar_jump_to_the_middle_fetches_that_page(big_corpus):
    app = make_app(big_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.sidebar
        sidebar.scroll_to(y=COUNT // 2, animate=False)
        await settle(pilot)
        lines = sidebar_lines(app)
        assert f"GENPOST{COUNT // 2 + 1} " in lines[0]
        assert _no_placeholders(app)


@pilot_test
async def test_search_hits_past_the_first_screenful_fill_in(big_corpus):
    app = make_app(big_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.searcher.run("genland", record=False)  # every cable matches
        await settle(pilot)
        sidebar = app.sidebar
        assert app.listing.complete and sidebar.count == COUNT
        sidebar.move_to(60)  # past the first page of hits the search fetched
        await settle(pilot)
        assert _no_placeholders(app)
        assert "GENPOST61 " in "\n".join(sidebar_lines(app))


@pilot_test
async def test_G_before_the_listing_is_complete_lands_on_the_oldest(big_corpus):
    from tui.widgets.sidebar import Listing

    app = make_app(big_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.sidebar
        complete = app.listing
        # As at start-up on a big corpus: only the first page of rowids is known yet.
        first = Listing(list(complete.rowids[:100]), COUNT, count=COUNT, complete=False)
        sidebar.set_listing(first)
        app.state.listing = first
        await pilot.press("G")
        assert sidebar.cursor == COUNT - 1 and sidebar.cursor_rowid is None
        sidebar.complete_listing(complete, keep_rowid=app.shown.rowid)
        app.state.listing = complete
        await settle(pilot)
        assert sidebar.cursor == COUNT - 1
        assert app.shown.id.endswith(f"GENPOST{COUNT}")


@pilot_test
async def test_y_on_a_row_whose_page_has_not_come_copies_its_id(big_corpus):
    from app_support import burst

    app = make_app(big_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.sidebar.focus()
        await settle(pilot)
        # G and y in one burst: y runs before the last page of summaries is fetched, so
        # the state knows the row's rowid only; the ID is read for it.
        await burst(pilot, "G", "y")
        assert app.sidebar.cursor == COUNT - 1
        assert app.clipboard.endswith(f"GENPOST{COUNT}")
