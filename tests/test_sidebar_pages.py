"""The sidebar's page bookkeeping, without a widget: which pages are kept, fetched, refused."""

from store.model import Summary
from tui.widgets.sidebar_pages import MAX_PAGES, PAGE_SIZE, SummaryPages


def summary(rowid: int) -> Summary:
    return Summary(rowid, f"06TESTPOST{rowid}", None, None, None, None)


def test_a_new_listing_keeps_only_its_first_page_and_its_snippets():
    pages = SummaryPages()
    assert pages.store(pages.generation, 3, {1: summary(1)}, {})
    pages.reset([summary(r) for r in range(PAGE_SIZE + 5)], {2: "a <b>hit</b>"})
    assert len(pages) == 1
    assert len(pages.rows(0) or {}) == PAGE_SIZE
    assert pages.rows(3) is None
    assert pages.snippet(0, 2) == "a <b>hit</b>"
    assert pages.snippet(0, 1) == ""


def test_a_page_is_fetched_once_unless_wanted_again():
    pages = SummaryPages()
    assert pages.start(0)
    assert not pages.start(0)  # on its way
    assert pages.store(pages.generation, 0, {1: summary(1)}, {})
    assert not pages.start(0)  # at hand
    assert pages.start(0, again=True)


def test_a_page_fetched_for_an_older_listing_is_refused():
    pages = SummaryPages()
    old = pages.generation
    pages.start(0)
    pages.reset()
    assert not pages.store(old, 0, {1: summary(1)}, {})
    assert pages.rows(0) is None


def test_the_least_recently_painted_page_is_dropped_first():
    pages = SummaryPages()
    for page in range(MAX_PAGES):
        pages.store(pages.generation, page, {page: summary(page)}, {page: "snippet"})
    pages.touch(0)
    pages.store(pages.generation, MAX_PAGES, {}, {})
    assert len(pages) == MAX_PAGES
    assert pages.rows(0) is not None
    assert pages.rows(1) is None
    assert pages.snippet(1, 1) == ""
