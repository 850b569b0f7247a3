"""A scrolled search listing starts with a cable's row, never with a snippet line alone."""

from __future__ import annotations

import re

from app_support import generated_corpus, make_app, pilot_test, settle, sidebar_lines

ROW = re.compile(r"\d\dGENPOST\d+")


def _top_is_a_row(app) -> bool:
    lines = sidebar_lines(app)
    return bool(ROW.search(lines[0])) and not ROW.search(lines[1])


@pilot_test
async def test_no_orphan_snippet_line_on_top_however_the_listing_scrolls(tmp_path):
    # An even and an odd pane height: centring, the last page and a wheel's single lines.
    for size in ((120, 40), (120, 41)):
        app = make_app(generated_corpus(tmp_path / f"gen{size[1]}.sqlite", 120))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("slash", *"generated", "enter")
            await settle(pilot)
            sidebar = app.sidebar
            assert sidebar.row_height == 2 and sidebar.count == 120
            sidebar.focus()
            for index in (40, 77, 3, 119, 60):
                sidebar.move_to(index)
                await settle(pilot)
                assert _top_is_a_row(app), (size, index, sidebar_lines(app)[:2])
            await pilot.press("G")
            await settle(pilot)
            assert _top_is_a_row(app), (size, "G")
            lines = sidebar_lines(app)
            # The last hit and its snippet are in view at the bottom.
            last = sidebar.summary_at(sidebar.count - 1).id
            at = next(i for i, line in enumerate(lines) if f"{last} " in line)
            assert at + 1 < len(lines) and "GENERATED" in lines[at + 1].upper()
            for step in (1, 1, 3, -1, -5):
                sidebar.scroll_relative(y=-step, animate=False, immediate=True)
                await settle(pilot)
                assert _top_is_a_row(app), (size, step, sidebar_lines(app)[:2])
