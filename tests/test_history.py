"""Search history: newest first, repeats collapse, prefix recall, capped, shared, corrupt files."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from store.userdata import paths
from store.userdata.history import History, HistoryEntry
from store.userdata.safe_storage import SafeStore


@pytest.fixture
def history(tmp_path: Path) -> History:
    return History(tmp_path / "state" / "history.json")


def _queries(history: History, prefix: str = "") -> list[str]:
    return [entry.query for entry in history.recent(prefix)]


def test_recent_is_newest_first_with_time_and_hits(history: History) -> None:
    history.record("nato", 17)
    history.record('"oil pipeline"', 0)
    history.record("tag:KZ", None)
    assert _queries(history) == ["tag:KZ", '"oil pipeline"', "nato"]
    newest = history.recent()[0]
    assert newest.hits is None
    assert history.recent()[2].hits == 17
    assert newest.when.tzinfo is not None
    assert abs(datetime.now(UTC) - newest.when).total_seconds() < 60


def test_a_repeated_query_moves_to_the_front_with_its_new_count(history: History) -> None:
    history.record("nato", 17)
    history.record("oil", 3)
    history.record("  nato ", 18)
    assert _queries(history) == ["nato", "oil"]
    assert history.recent()[0].hits == 18
    assert len(history) == 2


def test_blank_queries_are_ignored(history: History) -> None:
    history.record("", 0)
    history.record("   \t", 0)
    assert history.recent() == []
    assert not history.path.exists()


def test_prefix_filters_like_less(history: History) -> None:
    for query in ("nato", "oil", "nato summit", "origin:Ankara", "NATO"):
        history.record(query, 1)
    assert _queries(history, "nato") == ["nato summit", "nato"]
    assert _queries(history, "o") == ["origin:Ankara", "oil"]
    assert _queries(history, "zzz") == []


def test_the_cap_drops_the_oldest(tmp_path: Path) -> None:
    history = History(tmp_path / "h.json", cap=3)
    for query in ("a", "b", "c", "d", "b", "e"):
        history.record(query)
    assert _queries(history) == ["e", "b", "d"]


def test_the_default_cap_is_500(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    with SafeStore(path).transaction() as table:
        for number in range(500):
            table.insert({"query": f"q{number}", "when": "2024-05-01T10:30:00+00:00", "hits": 1})
    history = History(path)
    history.record("newest", 2)
    entries = history.recent()
    assert len(entries) == 500
    assert entries[0] == HistoryEntry("newest", entries[0].when, 2)
    assert entries[-1].query == "q1"  # q0, the oldest, went
    assert len(json.loads(path.read_text())["_default"]) == 500


def test_a_cap_below_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        History(tmp_path / "h.json", cap=0)


def test_clear(history: History) -> None:
    history.record("nato", 1)
    history.clear()
    assert history.recent() == []
    history.record("oil", 2)
    assert _queries(history) == ["oil"]


def test_default_file_is_in_the_state_dir() -> None:
    History().record("nato", 1)
    assert json.loads(paths.history_file().read_text())["_default"]["1"]["query"] == "nato"


def test_sessions_share_the_history(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    one, two = History(path), History(path)
    one.record("nato", 1)
    two.record("oil", 2)
    one.record("nato", 3)
    assert _queries(two) == ["nato", "oil"]
    two.clear()
    assert one.recent() == []


def test_hand_edited_entries_do_not_break_recall(tmp_path: Path) -> None:
    path = tmp_path / "h.json"
    with SafeStore(path).transaction() as table:
        table.insert({"query": "ok", "when": "garbage", "hits": "many"})
        table.insert({"query": 42})
        table.insert({"when": "2024-05-01T10:30:00+00:00"})
        table.insert({"query": "ok", "hits": True})
    assert History(path).recent() == [HistoryEntry("ok", datetime(1970, 1, 1, tzinfo=UTC), None)]


def test_a_corrupt_file_is_moved_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    garbage = b'{"_default": {"1": {"query": "na'
    path.write_bytes(garbage)
    history = History(path)
    history.record("nato", 4)
    [aside] = tmp_path.glob("history.json.corrupt-*")
    assert aside.read_bytes() == garbage
    assert len(history.notices) == 1 and str(aside) in history.notices[0]
    assert _queries(history) == ["nato"]
