"""Every width works (issue 20 item 7): at 40x12 the reader's position is the first thing
in its status line and a long header folds into one line (i shows every field); beside the
reader, the listing gives the subject the room left after chip, date and ID, however long
the corpus's IDs."""

from __future__ import annotations

from datetime import datetime

import pytest
from app_support import (
    burst,
    make_app,
    open_first,
    pilot_test,
    samples_corpus,
    screen_text,
    settle,
    sidebar_lines,
    wait_until,
)
from cable_factory import build_corpus, telegram, write_telegrams

from tui.widgets.sidebar_rows import SUBJECT_MIN

LONG_SUBJECT = "TESTLAND: GRENADE ATTACK ON THE INVENTED CONSULATE LEAVES TWO HURT"


def long_ids_corpus(tmp_path):
    """Cables whose IDs are 19 characters (``09USUNTESTPOST10001``): the ID column's widest."""
    texts = {
        f"c{n}": telegram(station="USUNTESTPOST", serial=10000 + n, subject=LONG_SUBJECT,
                          when=datetime(2009, 3, n + 1, 10, 0))
        for n in range(3)
    }  # fmt: skip
    directory = write_telegrams(tmp_path / "long_ids", texts)
    return build_corpus(tmp_path / "long_ids.sqlite", directory)


def _status(app) -> str:
    return app.main_screen.query_one("#status").render().plain


@pilot_test
async def test_at_40x12_the_position_comes_first_and_the_header_folds(tmp_path, samples_dir):
    app = make_app(samples_corpus(tmp_path, samples_dir))
    async with app.run_test(size=(40, 12)) as pilot:
        await open_first(pilot)
        assert _status(app).startswith("lines 1-")
        lines = screen_text(app).splitlines()
        assert lines[0].startswith(" lines 1-") and "06ALMATY79" in lines[0]
        # One line of fields, the key first; the text starts on the first screen.
        assert app.reader.wrapped.folded
        assert any(line.startswith(" i+ 2006-01-12 · KAZAKHSTAN") for line in lines)
        assert "ID:" not in screen_text(app)
        assert any(line.startswith(" 1. (SBU) Summary") for line in lines[:10])
        # i shows every field, and folds them again.
        await burst(pilot, "i")
        assert not app.reader.wrapped.folded
        assert "ID:         06ALMATY79" in screen_text(app)
        await burst(pilot, "i")
        assert app.reader.wrapped.folded
        # The choice holds for the next cable.
        await burst(pilot, "i", "q", "j", "enter")
        assert await wait_until(pilot, lambda: app.shown and app.shown.id != "06ALMATY79")
        await settle(pilot)
        assert not app.reader.wrapped.folded and "ID:" in screen_text(app)


@pilot_test
async def test_a_header_that_fits_stays_whole_and_the_text_carries_no_fold(tmp_path, samples_dir):
    app = make_app(samples_corpus(tmp_path, samples_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        assert not app.reader.wrapped.folded
        assert "ID:         06ALMATY79" in screen_text(app) and "i+" not in screen_text(app)


@pilot_test
async def test_a_search_hit_in_a_folded_field_unfolds_the_header(tmp_path, samples_dir):
    app = make_app(samples_corpus(tmp_path, samples_dir))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await burst(pilot, "slash", *"baymenov", "enter")  # in the subject, then the text
        await settle(pilot)
        await burst(pilot, "enter")
        assert await wait_until(pilot, lambda: app.reader.wrapped is not None)
        await settle(pilot)
        assert app.reader.wrapped.folded
        await burst(pilot, "n")  # the first hit from the top: the Subject field's
        hit = app.reader.rendered.hits[app.reader.hit]
        assert app.reader.rendered.blocks[hit.block].field == "subject"
        assert not app.reader.wrapped.folded
        assert "Subject:    KAZAKHSTAN: BAYMENOV" in screen_text(app)


@pytest.mark.parametrize(
    ("width", "dated", "room"),
    [(120, False, SUBJECT_MIN + 5), (160, True, 30)],  # at 120 the date gives way
)
@pilot_test
async def test_beside_the_reader_the_subject_has_room_after_long_ids(tmp_path, width, dated, room):
    app = make_app(long_ids_corpus(tmp_path))
    async with app.run_test(size=(width, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        row = sidebar_lines(app)[0]
        assert "09USUNTESTPOST10002" in row and ("2009-03-03" in row) == dated
        assert len(row[row.index("TESTLAND") :].rstrip()) >= room, row
        assert app.reader.size.width >= 55  # the reader keeps a line to read
