"""The browser's plain parts, without an app: sidebar rows, the trail, history recall, the
status labels, the filter screen's parsing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from rich.cells import cell_len

from store.corpus.filters import Filters
from store.model import Level, Marking, Summary
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START
from tui.controllers.searching import merge_filters
from tui.output import render
from tui.screens.filters import FilterError, build_filters
from tui.state.trail import Trail
from tui.widgets import sidebar_rows
from tui.widgets.search_bar import Recall
from tui.widgets.sidebar import Listing
from tui.widgets.status import filters_label, listing_label


def _summary(subject: str = "TESTLAND: A SUBJECT", marking: Marking | None = None) -> Summary:
    marking = marking or Marking(Level.SECRET, ("NOFORN",), "SECRET//NOFORN")
    return Summary(7, "06TESTPOST7", datetime(2006, 1, 2, 3, 4), "Embassy Test", marking, subject)


@pytest.mark.parametrize("width", [20, 32, 43, 44, 48, 80, 200])
def test_a_row_is_exactly_as_wide_as_asked(width):
    row = sidebar_rows.summary_row(_summary("Ü" * 300 + "漢字" * 50), width)
    assert cell_len(row.plain) == width


def test_a_row_shows_chip_date_id_and_subject():
    row = sidebar_rows.summary_row(_summary(), 80, bookmarked=True)
    assert row.plain.startswith("* S//NF ")
    assert "2006-01-02 06TESTPOST7" in row.plain and "TESTLAND: A SUBJECT" in row.plain
    narrow = sidebar_rows.summary_row(_summary(), 32).plain
    assert "2006-01-02" not in narrow and "06TESTPOST7" in narrow


def test_a_row_keeps_markup_and_controls_as_text():
    row = sidebar_rows.summary_row(_summary("[bold red]SECRET[/] \x1b]0;x\x07 a\nb"), 120)
    assert "[bold red]SECRET[/] ^[]0;x^G a b" in row.plain
    assert "\x1b" not in row.plain and "\n" not in row.plain


def test_an_unknown_marking_is_a_question_mark():
    summary = Summary(1, "X1", None, None, None, None)
    assert "?" in sidebar_rows.summary_row(summary, 60).plain
    assert "no date" in sidebar_rows.summary_row(summary, 60).plain


def test_snippet_rows_highlight_the_matched_words():
    snippet = f"the {HIGHLIGHT_START}nato{HIGHLIGHT_END} port \x1b[2J"
    row = sidebar_rows.snippet_row(snippet, 60)
    assert row.plain.startswith("  the nato port ^[[2J")
    styled = [row.plain[s.start : s.end] for s in row.spans if s.style == render.HIGHLIGHT_STYLE]
    assert styled == ["nato"]


def test_the_sidebar_highlight_is_the_readers():
    assert sidebar_rows.HIGHLIGHT_STYLE == render.HIGHLIGHT_STYLE


def test_the_trail_goes_back_and_forward_and_forgets_the_forward_part():
    trail = Trail()
    assert trail.back() is None and trail.current is None
    for cable in ("A", "B", "C"):
        trail.visit(cable)
    trail.visit("C")  # the same again: no new entry
    assert trail.back() == "B" and trail.back() == "A" and trail.back() is None
    assert trail.forward() == "B"
    trail.visit("D")
    assert trail.forward() is None and trail.back() == "B"


def test_the_trail_is_bounded():
    trail = Trail(limit=3)
    for cable in "ABCDE":
        trail.visit(cable)
    assert [trail.back(), trail.back(), trail.back()] == ["D", "C", None]


def test_recall_walks_queries_starting_with_the_typed_prefix():
    recall = Recall(["nato riga", "visa", "nato", "natural"])
    assert recall.older("nat") == "nato riga"
    assert recall.older("ignored once started") == "nato"
    assert recall.older("") == "natural"
    assert recall.older("") is None
    assert recall.newer() == "nato"
    assert recall.newer() == "nato riga"
    assert recall.newer() == "nat"  # back to what was typed
    assert not recall.active


def test_listing_labels():
    assert listing_label(Listing(range(1204), 251_287), 1204).plain == "1,204 of 251,287"
    # Where the cursor is, as mutt says it.
    whole = Listing(range(251_287), 251_287)
    assert listing_label(whole, 251_287, cursor=1203).plain == "1,204 / 251,287"
    assert listing_label(Listing(range(9), 99), 9, cursor=2).plain == "3 / 9 of 99"
    search = Listing([1, 2], 10, match='"x"', query="x  y", ranked=True)
    assert listing_label(search, 2).plain == "2 of 10 match x y  (best first)"
    first_page = Listing(list(range(100)), 10, match='"x"', query="x", complete=False)
    assert listing_label(first_page, 100).plain == "100+ of 10 match x  (newest first)"


def test_position_label_reads_like_less():
    from tui.widgets.status import position_label

    assert position_label(40, 23, 212) == "lines 41-63/212 29%"
    assert position_label(0, 23, 10) == "lines 1-10/10 100%"


def test_filters_label_reads_like_the_query_language():
    filters = Filters(
        levels=frozenset({Level.SECRET, Level.CONFIDENTIAL}),
        caveats=frozenset({"NOFORN"}),
        origins=("ankara",),
        tags=("PGOV",),
        date_from=date(2005, 1, 1),
        date_to=date(2006, 12, 31),
    )
    assert filters_label(filters) == "class:C,S noforn origin:ankara tag:PGOV 2005–2006"
    assert filters_label(Filters()) == ""


def test_the_filter_screen_fields_become_filters():
    filters = build_filters([Level.SECRET], True, "ankara, secretary of", "pgov kz", "2005", "")
    assert filters.levels == {Level.SECRET} and filters.caveats == {"NOFORN"}
    assert filters.origins == ("ankara", "secretary of")
    assert filters.tags == ("PGOV", "KZ")
    assert filters.date_from == date(2005, 1, 1) and filters.date_to is None
    with pytest.raises(FilterError):
        build_filters([], False, "", "", "2007", "2006")
    with pytest.raises(FilterError):
        build_filters([], False, "", "", "20x", "")
    with pytest.raises(FilterError):
        build_filters([], False, "", "", "1850", "")


def test_the_filter_screen_keeps_a_month_and_what_it_has_no_field_for():
    base = Filters(id_prefix="09TESTPOST", para_levels=frozenset({Level.SECRET}))
    filters = build_filters([], False, "", "", "2009-12", "2009-12", base)
    assert (filters.date_from, filters.date_to) == (date(2009, 12, 1), date(2009, 12, 31))
    assert filters.id_prefix == "09TESTPOST" and filters.para_levels == {Level.SECRET}
    assert filters_label(filters) == "para:S 2009-12 id:09TESTPOST"


def test_a_querys_own_filters_win_field_by_field():
    base = Filters(levels=frozenset({Level.SECRET}), tags=("PGOV",))
    query = Filters(tags=("KZ",))
    merged = merge_filters(base, query)
    assert merged.levels == {Level.SECRET} and merged.tags == ("KZ",)


def test_a_snippet_row_brings_the_first_match_into_view():
    before = "word " * 30
    snippet = f"{before}{HIGHLIGHT_START}nato{HIGHLIGHT_END} after"
    row = sidebar_rows.snippet_row(snippet, 30)
    assert cell_len(row.plain) == 30
    assert row.plain.startswith("  …") and "nato" in row.plain
    assert row.plain.index("nato") <= 2 + 30 // 4 + 1
    short = sidebar_rows.snippet_row(f"a {HIGHLIGHT_START}nato{HIGHLIGHT_END}", 30)
    assert short.plain.startswith("  a nato")


def test_the_filter_hint_lists_levels_lowest_first():
    from store.corpus.corpus import Facets
    from tui.screens.filters import facets_hint

    facets = Facets(
        total=10,
        levels=[("CONFIDENTIAL", 4), ("UNCLASSIFIED", 3), ("SECRET//NOFORN", 1), ("SECRET", 1),
                ("UNKNOWN", 1)],
        years=[(2006, 10)], origins=[], tags=[],
    )  # fmt: skip
    first = facets_hint(facets).plain.splitlines()[0]
    assert first == "Levels  Unclassified 3  Confidential 4  Secret 2  Unknown 1"
