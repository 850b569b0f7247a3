"""The browser's state on its own (no app): what a key acts on, and the trail of opened cables."""

from __future__ import annotations

from tui.state.browser import BrowserState, Shown, Target


def test_a_key_acts_on_the_cursors_cable_while_the_listing_has_the_keys():
    state = BrowserState()
    assert state.target(listing_has_keys=True) is None
    state.show(Shown(30, "06A3"), record=False)
    state.point(5, 25, "06A5")  # the cursor moved on; the reader still shows row 3
    assert state.target(listing_has_keys=True) == Target(25, "06A5")
    assert state.target(listing_has_keys=False) == Target(30, "06A3")
    state.point(0, None, None)  # an empty listing: the reader's cable
    assert state.target(listing_has_keys=True) == Target(30, "06A3")


def test_a_row_whose_summary_has_not_come_is_a_target_without_id():
    state = BrowserState()
    state.point(900, 12, None)
    assert state.target(listing_has_keys=True) == Target(12, None)
    state.show(Shown(12, "06B12"), record=False)  # the reader has it: its ID is known
    assert state.target(listing_has_keys=True) == Target(12, "06B12")


def test_opening_records_the_cable_before_it_on_the_trail():
    state = BrowserState()
    state.show(Shown(1, "A"), record=False)  # a preview: not on the trail yet
    assert state.show(Shown(2, "B"), record=True) == Shown(1, "A")
    assert state.trail.back() == "A" and state.trail.forward() == "B"
    state.show(Shown(3, "C"), record=False)
    state.keep_in_trail()  # before a REF is followed from C
    assert state.trail.back() == "B"
