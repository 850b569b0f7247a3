"""The parser's cache for pure functions of one line: short lines remembered, long ones not."""

from store.parse.labels import split_glued
from store.parse.line_cache import MAX_CACHED_LINE, line_cache


def test_a_short_line_is_read_once_and_a_long_one_each_time():
    calls: list[str] = []

    @line_cache
    def length(line: str) -> int:
        calls.append(line)
        return len(line)

    long = "x" * (MAX_CACHED_LINE + 1)
    assert [length("TAGS: PREL"), length("TAGS: PREL"), length(long), length(long)] == [
        10,
        10,
        MAX_CACHED_LINE + 1,
        MAX_CACHED_LINE + 1,
    ]
    assert calls == ["TAGS: PREL", long, long]


def test_a_cached_answer_cannot_be_changed_by_its_caller():
    line = "E.O. 12958: DECL: 01/01/2019 TAGS: PREL XX"
    pieces = split_glued(line)
    pieces.append("changed")
    assert split_glued(line) == ["E.O. 12958:", "DECL: 01/01/2019", "TAGS: PREL XX"]
