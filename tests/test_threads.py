"""Threads and timelines from the store: both directions, bounds, missing cables, periods."""

from __future__ import annotations

import sqlite3

from app_support import generated_corpus, open_corpus, story_corpus

from store.corpus.threads import CITED_BY, CITES, MAX_DEPTH, build_thread, clamp_depth
from store.corpus.timeline import counts, period_range
from tui.output.thread_formats import thread_dot, thread_json, tree_lines


def test_thread_follows_refs_both_ways_and_marks_missing_cables(tmp_path):
    with open_corpus(story_corpus(tmp_path)) as corpus:
        thread = build_thread(corpus, "06testpost3")
    root = thread.root
    cited = [c.id for c in root.children if c.relation == CITES]
    citing = [c.id for c in root.children if c.relation == CITED_BY]
    assert cited == ["06TESTPOST1", "06TESTPOST2", "05NOWHERE999"]
    assert citing == ["06TESTPOST4"]
    missing = root.children[2]
    assert not missing.in_corpus and missing.children == []


def test_thread_goes_deeper_in_the_same_direction(tmp_path):
    with open_corpus(story_corpus(tmp_path)) as corpus:
        thread = build_thread(corpus, "06TESTPOST4", depth=2)
        shallow = build_thread(corpus, "06TESTPOST4", depth=1)
    (third,) = thread.root.children
    assert third.id == "06TESTPOST3" and [c.id for c in third.children][:2] == [
        "06TESTPOST1", "06TESTPOST2"]  # fmt: skip
    assert shallow.root.children[0].children == []


def test_unknown_cable_has_no_thread_and_depth_is_capped(tmp_path):
    with open_corpus(story_corpus(tmp_path)) as corpus:
        assert build_thread(corpus, "99NOWHERE1") is None
    assert clamp_depth(99) == MAX_DEPTH and clamp_depth(0) == 1 and clamp_depth(None) == 3


def _cited_by_everyone(tmp_path, count=30):
    """``count`` generated cables, every one citing the oldest (and itself, to be ignored)."""
    path = generated_corpus(tmp_path / "many.sqlite", count)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT rowid, id FROM cables ORDER BY rowid").fetchall()
    oldest = rows[0][1]
    conn.executemany("INSERT INTO refs(cable, position, target) VALUES (?, 0, ?)",
                     [(rowid, oldest) for rowid, _ in rows])  # fmt: skip
    conn.commit()
    conn.close()
    return path, oldest


def test_breadth_is_bounded_with_more(tmp_path):
    path, oldest = _cited_by_everyone(tmp_path)
    with open_corpus(path) as corpus:
        thread = build_thread(corpus, oldest, breadth=12)
        tiny = build_thread(corpus, oldest, breadth=50, max_nodes=5)
    assert len(thread.root.children) == 12 and thread.root.more == {CITED_BY: 17}
    assert oldest not in [c.id for c in thread.root.children]  # it cites itself: no thread
    lines = tree_lines(thread)
    assert lines[-1].endswith("+17 more")
    assert tiny.truncated and len(tiny.root.children) == 4


def test_a_cable_appears_once_and_formats_agree(tmp_path):
    with open_corpus(story_corpus(tmp_path)) as corpus:
        thread = build_thread(corpus, "06TESTPOST4", depth=3)
    ids = [n.id for n in thread.nodes() if not n.repeat]
    assert len(ids) == len(set(ids))
    data = thread_json(thread)
    assert data["root"]["id"] == "06TESTPOST4"
    assert data["root"]["children"][0]["children"][2] == {
        "id": "05NOWHERE999", "in_corpus": False, "relation": "cites", "depth": 2, "children": []}
    dot = thread_dot(thread)
    assert dot.startswith("digraph thread {") and '"06TESTPOST4" -> "06TESTPOST3";' in dot
    assert "style=dashed" in dot  # the missing cable


def test_ascii_tree_under_dumb_terminals(tmp_path):
    with open_corpus(story_corpus(tmp_path)) as corpus:
        lines = tree_lines(build_thread(corpus, "06TESTPOST3"), ascii_only=True)
    assert all(line.isascii() for line in lines)
    assert lines[1] == "|- cites" and lines[-2] == "`- cited by"


def test_timeline_counts_by_period_and_level(tmp_path):
    path = generated_corpus(tmp_path / "g.sqlite", 3000)  # every 6 hours back from Feb 2010
    with open_corpus(path) as corpus:
        years = counts(corpus, None, by="year", levels=True)
        months = counts(corpus, None, by="month")
        levels = counts(corpus, None, by="class")
        word = counts(corpus, '"generated"', by="year")
    assert [b.label for b in years] == ["2008", "2009", "2010"]
    assert sum(b.count for b in years) == 3000 == sum(b.count for b in word)
    assert years[1].count == 365 * 4 and sum(n for _, n in years[1].levels) == years[1].count
    assert months[-1].label == "2010-02" and months[-1].count == 3  # Feb 1st, 00:00 to 12:00
    assert {b.label for b in levels} >= {"SECRET//NOFORN", "UNCLASSIFIED"}
    start, end = period_range("2008-02")
    assert (start.isoformat(), end.isoformat()) == ("2008-02-01", "2008-02-29")
