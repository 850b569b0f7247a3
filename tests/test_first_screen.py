"""Render what is visible first: a long cable's first screens come before its whole layout."""

from __future__ import annotations

from datetime import datetime

from app_support import make_app, pilot_test, settle, wait_until
from cable_factory import build_corpus, telegram, write_telegrams

from store.parse import parse_text
from tui.first_screen import first_layout
from tui.render import render_cable

PARAGRAPHS = [("(C)", f"Paragraph {n} of an invented long report on port visits. " * 6)
              for n in range(400)]  # fmt: skip


def long_text() -> str:
    return telegram(
        station="TESTPOST",
        serial=9,
        when=datetime(2006, 3, 1, 9, 0),
        subject="TESTLAND: A VERY LONG INVENTED REPORT",
        paragraphs=PARAGRAPHS,
    )


def test_first_layout_is_the_start_of_the_whole_layout():
    rendered = render_cable(parse_text(long_text(), source="test"))
    whole = rendered.layout(70)
    first = first_layout(rendered, 70)
    assert first is not None and 300 <= len(first.lines) < len(whole.lines)
    assert [line.text.plain for line in first.lines] == [
        line.text.plain for line in whole.lines[: len(first.lines)]
    ]
    short = render_cable(parse_text(telegram(), source="test"))
    assert first_layout(short, 70) is None  # wrapped whole at once


@pilot_test
async def test_the_reader_shows_the_first_screens_then_the_whole_cable(tmp_path):
    corpus = build_corpus(tmp_path / "long.sqlite",
                          write_telegrams(tmp_path / "long", {"long": long_text()}))  # fmt: skip
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert await wait_until(pilot, lambda: app.shown is not None and not app.reader.partial)
        whole = app.reader.rendered.layout(app.reader.text_width)
        assert len(app.reader.wrapped.lines) == len(whole.lines)
        app.reader.focus()
        await pilot.press("G")
        await settle(pilot)
        assert round(app.reader.scroll_y) == app.reader.max_scroll_y > 300
