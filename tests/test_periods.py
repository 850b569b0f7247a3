"""Periods as written (``2009``, ``2009-12``, ``2009-12-04``) to days and back: a month
picked anywhere reads as that month everywhere (issue 20 item 6)."""

from __future__ import annotations

from datetime import date

import pytest

from store.corpus.periods import bounds_text, period_bound, period_text
from store.corpus.timeline import period_range


@pytest.mark.parametrize(
    ("text", "first", "last", "shown"),
    [
        ("2009", date(2009, 1, 1), date(2009, 12, 31), "2009"),
        ("2009-12", date(2009, 12, 1), date(2009, 12, 31), "2009-12"),
        ("2008-02", date(2008, 2, 1), date(2008, 2, 29), "2008-02"),
        ("2009-3", date(2009, 3, 1), date(2009, 3, 31), "2009-03"),
        ("2009-12-04", date(2009, 12, 4), date(2009, 12, 4), "2009-12-04"),
    ],
)
def test_a_period_runs_from_its_first_day_to_its_last(text, first, last, shown):
    assert period_bound(text, end=False) == first
    assert period_bound(text, end=True) == last
    assert bounds_text(first, last) == (shown, shown)


@pytest.mark.parametrize("text", ["09", "2009-13", "2009-02-30", "dec 2009", "2009/12", ""])
def test_what_is_not_a_period_says_so(text):
    with pytest.raises(ValueError):
        period_bound(text, end=False)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2009, 12, 1), date(2009, 12, 31), "2009-12"),
        (date(2009, 1, 1), date(2009, 12, 31), "2009"),
        (date(2005, 1, 1), date(2006, 12, 31), "2005–2006"),
        (date(2009, 3, 1), date(2009, 12, 31), "2009-03–2009-12"),
        (date(2009, 12, 4), date(2009, 12, 31), "2009-12-04–2009-12-31"),
        (date(2005, 1, 1), None, "2005–"),
        (None, date(2006, 2, 28), "–2006-02"),
        (None, None, ""),
    ],
)
def test_the_label_is_the_coarsest_that_says_both_ends(start, end, label):
    assert period_text(start, end) == label


def test_the_timelines_bars_are_the_same_periods():
    assert period_range("2009-12") == (date(2009, 12, 1), date(2009, 12, 31))
    assert period_range("undated") is None
