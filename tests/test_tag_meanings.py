"""The reader's TAGS line: the codes' meanings inline from WIDE_TAGS columns, the codes alone
below; a code no source explains stays bare."""

from __future__ import annotations

from dataclasses import replace

from cable_factory import telegram

from store.parse import parse_text
from tui.output.render import layout, render_cable
from tui.output.tag_meanings import WIDE_TAGS


def _tags_lines(width: int, tags: str = "PGOV KZ ZQXW") -> list[str]:
    cable = parse_text(telegram(tags=tags), source="t.txt")
    lines = [line.text.plain for line in layout(render_cable(cable), width).lines]
    start = next(i for i, line in enumerate(lines) if line.startswith("TAGS:"))
    return lines[start : start + 2]


def test_wide_readers_see_the_meanings_inline():
    first = _tags_lines(WIDE_TAGS)[0]
    assert first.split(None, 1)[1] == "PGOV Government, KZ Kazakhstan, ZQXW"


def test_narrow_readers_see_the_codes_alone():
    lines = _tags_lines(WIDE_TAGS - 1)
    assert lines[0].split(None, 1)[1] == "PGOV, KZ, ZQXW"
    assert lines[1].startswith("Subject:")  # no second TAGS line


def test_no_meaning_no_alternative():
    cable = parse_text(telegram(tags="ZQXW QQQQ"), source="t.txt")
    rendered = render_cable(cable)
    assert [b.field for b in rendered.blocks].count("tags") == 1
    tags = next(b for b in rendered.blocks if b.field == "tags")
    assert replace(tags).max_width is None
