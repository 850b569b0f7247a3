"""Render what is visible first: a long cable's first part is shown before the whole of it."""

from __future__ import annotations

import contextlib
from datetime import datetime

import pytest
from app_support import make_app, open_corpus, pilot_test, reader_text, settle, wait_until
from cable_factory import build_corpus, telegram, write_telegrams

from tui.controllers.first_screen import HEAD_CHARS
from tui.output.render import BlockKind, render_cable
from tui.widgets.status import position_label, reader_label

PARAGRAPHS = [("(C)", f"Paragraph {n} of an invented long report on NATO port visits. " * 6)
              for n in range(400)]  # fmt: skip


def long_text() -> str:
    return telegram(
        station="TESTPOST",
        serial=9,
        when=datetime(2006, 3, 1, 9, 0),
        subject="TESTLAND: A VERY LONG INVENTED REPORT",
        refs=["06 TESTPOST 1"],
        paragraphs=PARAGRAPHS,
    )


@pytest.fixture
def long_corpus(tmp_path):
    texts = {"long": long_text(), "short": telegram(serial=1)}
    return build_corpus(tmp_path / "long.sqlite", write_telegrams(tmp_path / "long", texts))


def _rowid(corpus, cable_id: str) -> int:
    summary = corpus.summary(cable_id)
    assert summary is not None
    return summary.rowid


def test_the_head_of_a_long_cable_begins_the_whole_of_it(long_corpus):
    corpus = open_corpus(long_corpus)
    rowid = _rowid(corpus, "06TESTPOST9")
    head, whole = corpus.get_head(rowid, HEAD_CHARS), corpus.get_rowid(rowid)
    assert head is not None and whole is not None
    assert len(whole.body) > HEAD_CHARS >= len(head.body)
    # The header is read whole: the same fields as the full parse.
    for field in ("id", "subject", "tags", "references", "classification", "origin"):
        assert getattr(head, field) == getattr(whole, field), field
    # Cut at a paragraph break: each paragraph of the head is the whole's, as it stands.
    assert 10 < len(head.paragraphs) < len(whole.paragraphs)
    assert head.paragraphs == whole.paragraphs[: len(head.paragraphs)]
    first = render_cable(head, first_part=True).layout(70)
    full = render_cable(whole).layout(70)
    assert len(first.lines) >= 300  # a few screens of the tallest terminal
    # The same screens, but for the counts over the whole text, which the head leaves open.
    counts = ("Pages:", "Marks:")
    assert [line.text.plain for line in first.lines if line.text.plain.startswith(counts)] == [
        "Pages:         …",
        "Marks:         …",
    ]

    def screens(wrapped) -> list[str]:
        lines = [line.text.plain for line in wrapped.lines]
        return [line for line in lines if not line.startswith(counts)][:290]

    assert screens(first) == screens(full)


def test_a_short_cable_has_no_head_it_is_read_whole(long_corpus):
    corpus = open_corpus(long_corpus)
    assert corpus.get_head(_rowid(corpus, "06TESTPOST1"), HEAD_CHARS) is None


def test_the_position_says_it_does_not_know_the_end_yet():
    assert position_label(0, 23, 300, whole=False) == "lines 1-23/…"
    assert position_label(0, 23, 300) == "lines 1-23/300 7%"


@pilot_test
async def test_the_reader_shows_the_first_part_then_the_whole_cable(long_corpus):
    app = make_app(long_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.opener.open_cable_id("06TESTPOST1", record=True)
        assert await wait_until(pilot, lambda: app.shown is not None
                                and app.shown.id == "06TESTPOST1")  # fmt: skip
        app.opener.open_cable_id("06TESTPOST9", record=True)
        assert await wait_until(pilot, lambda: app.shown.id == "06TESTPOST9")
        seen_partial = app.reader.partial
        label = reader_label(app.reader, "06TESTPOST9").plain
        assert await wait_until(pilot, lambda: not app.reader.partial)
        if seen_partial:  # (a fast machine may have had the whole in the same frame)
            assert "/…" in label
        whole = app.reader.rendered.layout(app.reader.text_width)
        assert len(app.reader.wrapped.lines) == len(whole.lines)
        # The whole: the signer at the end, the marks counted in the header.
        blocks = app.reader.rendered.blocks
        assert [b.text.plain for b in blocks if b.kind is BlockKind.SIGNER] == ["DOE"]
        assert "Marks:         400 (C)" in reader_text(app)
        app.reader.focus()
        await pilot.press("G")
        await settle(pilot)
        assert round(app.reader.scroll_y) == app.reader.max_scroll_y > 300


def _head_and_whole(path, terms=()):
    """The long cable's first part and whole, rendered as the app's worker renders them."""
    corpus = open_corpus(path)
    rowid = _rowid(corpus, "06TESTPOST9")
    head = corpus.get_head(rowid, HEAD_CHARS)
    return (render_cable(head, highlight_terms=terms, first_part=True),
            render_cable(corpus.get_rowid(rowid), highlight_terms=terms))  # fmt: skip


@contextlib.asynccontextmanager
async def _first_part_shown(path, terms=()):
    """An app whose reader shows the long cable's first part, focused; yields
    (pilot, reader, head, whole)."""
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        head, whole = _head_and_whole(path, terms)
        app.reader.show(head, partial=True)
        app.reader.focus()
        yield pilot, app.reader, head, whole


@pilot_test
async def test_G_before_the_whole_is_in_goes_to_the_end_of_the_whole(long_corpus):
    async with _first_part_shown(long_corpus) as (pilot, reader, _head, whole):
        await pilot.press("G")
        head_end = round(reader.scroll_y)
        reader.complete(whole, None)
        await settle(pilot)
        assert round(reader.scroll_y) == reader.max_scroll_y > head_end > 0


@pilot_test
async def test_the_hit_and_link_chosen_in_the_first_part_stay_with_the_whole(long_corpus):
    async with _first_part_shown(long_corpus, ["nato"]) as (pilot, reader, head, whole):
        await pilot.press("right_square_bracket", "n", "n")
        assert (reader.selected, reader.hit) == (0, 1)
        reader.complete(whole, None)
        assert not reader.partial
        assert (reader.selected, reader.hit) == (0, 1)
        assert reader.hit_count == len(whole.hits) > len(head.hits)
        assert len(reader.wrapped.lines) == len(whole.layout(reader.text_width).lines)


@pilot_test
async def test_n_past_the_first_parts_hits_goes_on_in_the_whole_not_round(long_corpus):
    async with _first_part_shown(long_corpus, ["nato"]) as (pilot, reader, head, whole):
        await pilot.press("n")
        reader.hit = len(head.hits) - 1  # the first part's last hit, on screen (n goes on
        last = head.hits[-1]  # from the current hit while it is in view)
        line = reader.wrapped.line_of(last.block, last.start)
        reader.scroll_to(y=line, animate=False, immediate=True)
        await pilot.press("n")
        assert reader.hit == len(head.hits) - 1  # not wrapped to the first
        reader.complete(whole, None)
        assert reader.hit == len(head.hits)  # the next hit, found in the whole


@pilot_test
async def test_a_whole_rendered_for_other_search_terms_does_not_complete(long_corpus):
    from tui.messages import CableLaidOut
    from tui.state.browser import Shown

    app = make_app(long_corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        head, _ = _head_and_whole(long_corpus, ["paragraph"])
        _, stale = _head_and_whole(long_corpus, ["nato"])
        rowid = _rowid(open_corpus(long_corpus), "06TESTPOST9")
        app.state.shown = Shown(rowid, "06TESTPOST9", ("paragraph",))
        app.reader.show(head, partial=True)
        app.on_cable_laid_out(CableLaidOut(Shown(rowid, "06TESTPOST9", ("nato",)), stale, None))
        assert app.reader.partial and app.reader.rendered is head
