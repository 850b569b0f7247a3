"""Back keeps the place: the scroll position and the selected link; ] and [ start from the
view, not from the top of the cable."""

from __future__ import annotations

from app_support import burst, make_app, pilot_test, settle, story_corpus, wait_until


async def _open(pilot, cable_id: str) -> None:
    app = pilot.app
    app.opener.open_cable_id(cable_id, record=True)
    assert await wait_until(pilot, lambda: app.shown is not None and app.shown.id == cable_id)
    app.reader.focus()
    await settle(pilot)


@pilot_test
async def test_back_returns_to_the_scroll_position_and_the_link(tmp_path):
    app = make_app(story_corpus(tmp_path))
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(pilot)
        await _open(pilot, "06TESTPOST3")
        reader = app.reader
        assert reader.ref_count >= 2
        await burst(pilot, "]", "]")
        assert reader.selected == 1
        target = reader.rendered.blocks[reader.selected_block].target
        place = reader.place
        await burst(pilot, "enter")
        assert await wait_until(pilot, lambda: app.shown.id == target)
        await burst(pilot, "backspace")
        assert await wait_until(pilot, lambda: app.shown.id == "06TESTPOST3")
        await settle(pilot)
        assert reader.place == place and reader.selected == 1


@pilot_test
async def test_next_link_starts_from_the_view(tmp_path):
    app = make_app(story_corpus(tmp_path))
    async with app.run_test(size=(120, 12)) as pilot:
        await settle(pilot)
        await _open(pilot, "06TESTPOST3")
        reader = app.reader
        starts = [reader.wrapped.line_of(block) for block in reader._selectable]
        await burst(pilot, "G")  # the bottom: the first links are above the view
        top = round(reader.scroll_y)
        assert starts[0] < top <= starts[-1], "the cable is too short for this test"
        await burst(pilot, "]")
        expected = next(i for i, line in enumerate(starts) if line >= top)
        assert reader.selected == expected > 0
