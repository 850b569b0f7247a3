"""The import's reader child ends with its parent: a real import killed with SIGKILL or
SIGTERM leaves no process behind (the child used to block for minutes sending to the dead
parent, beside an orphaned multiprocessing resource tracker)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cable_factory import telegram, write_telegrams

from store.corpus.corpus import Corpus
from store.ingest.importer import import_paths
from store.query.compile import compile_query

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.generate import generate_csv  # noqa: E402

# Generous: the child looks at its parent every second; a loaded machine may be slow.
GONE_WITHIN = 10.0


def test_an_import_through_the_child_is_the_import_in_one_process(tmp_path):
    texts = {f"c{i}": telegram(serial=i + 1, subject=f"N{i}: X") for i in range(30)}
    source = write_telegrams(tmp_path / "in", texts)
    (source / "junk.bin").write_bytes(bytes(range(256)) * 40)
    alone = import_paths(tmp_path / "a.sqlite", [source], parse_workers=0)
    child = import_paths(tmp_path / "b.sqlite", [source], parse_workers=1)
    assert child.imported == alone.imported == 30
    assert child.skipped == alone.skipped and len(child.skipped) == 1
    with Corpus(tmp_path / "a.sqlite") as one, Corpus(tmp_path / "b.sqlite") as other:
        assert one.ids() == other.ids()


def _mixed_tree(tmp_path: Path, fixtures_dir: Path) -> Path:
    """A dump, pages, telegrams and junk in one tree: files of one cable and of many."""
    source = write_telegrams(
        tmp_path / "in", {f"t{i}": telegram(serial=i + 1, subject=f"T{i}: X") for i in range(7)}
    )
    generate_csv(source / "dump.csv", 23, seed=3)
    (source / "pages").mkdir()
    for page in (fixtures_dir / "html" / "cable").rglob("*.html"):
        (source / "pages" / page.name).write_bytes(page.read_bytes())
    (source / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (source / "empty.txt").write_text("")
    return source


def _everything(path: Path) -> tuple:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return tuple(
            conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("cables", "texts", "refs", "tags")
        )
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("workers", "hand_over", "indexing"),
    [
        (1, "every other", "always"),
        (2, "waiting", "ahead"),
        (2, "every other", "never"),
        (3, "waiting", "always"),
        (5, "never", "ahead"),
    ],
)
def test_an_import_on_several_readers_is_the_import_in_one_process(
    tmp_path, fixtures_dir, monkeypatch, workers, hand_over, indexing
):
    """Whichever process parses an item (a reader, or the importer when handed it), which
    finds where its shown text is, and however many readers share the files: the same
    corpus, the same index."""
    from store.ingest import reader_child

    monkeypatch.setattr(reader_child, "HAND_OVER", hand_over)
    monkeypatch.setattr(reader_child, "INDEX_AHEAD", indexing)
    source = _mixed_tree(tmp_path, fixtures_dir)
    alone = import_paths(tmp_path / "a.sqlite", [source], parse_workers=0)
    shared = import_paths(tmp_path / "b.sqlite", [source], parse_workers=workers)
    assert alone.imported > 25 and shared.imported == alone.imported
    assert [str(s) for s in shared.skipped] == [str(s) for s in alone.skipped]
    assert len(alone.skipped) >= 2
    assert _everything(tmp_path / "b.sqlite") == _everything(tmp_path / "a.sqlite")
    with Corpus(tmp_path / "a.sqlite") as one, Corpus(tmp_path / "b.sqlite") as other:
        # Words, a stem, a phrase, the subject and the header's fields: every field of the
        # documents, whichever process made them.
        for query, at_least in (
            ("minister OR testpost", 5),
            ("attack", 1),
            ('"end summary"', 1),
            ("subject:x", 3),
            ("prel", 3),
        ):
            match = compile_query(query).match
            found = list(one.search_ids(match))
            assert list(other.search_ids(match)) == found and len(found) >= at_least, query
            ranked = list(one.search_ids(match, rank=True))  # equal scores in the same order
            assert list(other.search_ids(match, rank=True)) == ranked, query
            snippets = one.snippets(match, found)
            assert other.snippets(match, found) == snippets and all(snippets.values()), query


def test_a_reader_hands_over_items_unparsed_while_the_parent_waits(tmp_path):
    from store.ingest.parse_records import parsed, produce_records
    from store.ingest.parsed_records import received
    from store.ingest.reader_child import start_reader
    from store.records import RawCable

    generate_csv(tmp_path / "dump.csv", 300, seed=5)
    receiving, child = start_reader([tmp_path / "dump.csv"], 0)
    try:
        # This process takes each chunk at once, so it always waits, and says so.
        items = list(received(receiving, child))
    finally:
        receiving.close()
        child.stdin.close()
        child.wait()
    handed = [isinstance(item, RawCable) for item in items]
    assert sum(handed) >= 150
    alone = [str(record) for record in produce_records([tmp_path / "dump.csv"], 0)]
    assert [str(parsed(item)) for item in items] == alone


def test_readers_share_a_tree_each_opening_only_the_pages_it_parses(tmp_path, fixtures_dir):
    from store.ingest.parse_records import produce_records

    source = _mixed_tree(tmp_path, fixtures_dir)
    whole = [str(r) for r in produce_records([source], 3)]
    parts = [[str(r) for r in produce_records([source], 3, part, 3)] for part in range(3)]
    dealt = [parts[i % 3][i // 3] for i in range(len(whole))]
    assert dealt == whole and sum(map(len, parts)) == len(whole)


def test_readers_that_disagree_stop_the_import_with_what_was_written(tmp_path):
    from store.ingest.parsed_records import ReaderFailed, _in_turn

    with pytest.raises(ReaderFailed, match="disagree"):
        list(_in_turn([iter([1, 3]), iter([2, 4, 6])]))
    assert list(_in_turn([iter([1, 3]), iter([2])])) == [1, 2, 3]


def _processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, state letter) of every process, from /proc."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        # "pid (command) state ppid ...": the command may hold spaces and parentheses.
        state, ppid = stat[stat.rindex(")") + 2 :].split()[:2]
        table[int(name)] = (int(ppid), state)
    return table


def _descendants(pid: int) -> set[int]:
    table = _processes()
    found: set[int] = set()
    wanted = {pid}
    while wanted:
        children = {child for child, (ppid, _) in table.items() if ppid in wanted}
        wanted = children - found
        found |= children
    return found


def _alive(pids: set[int]) -> set[int]:
    """The pids still running; a zombie has ended and waits only to be reaped by init."""
    table = _processes()
    return {pid for pid in pids if pid in table and table[pid][1] not in "ZX"}


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes in /proc")
@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_killing_an_import_leaves_no_process_behind(tmp_path, signal_number):
    csv_path = tmp_path / "cables.csv"
    generate_csv(csv_path, 3000, seed=7)  # enough for the import to use its child
    command = [sys.executable, "-m", "tui.cli", "--corpus", str(tmp_path / "c.sqlite"),
               "import", "-q", str(csv_path)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    family: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while not family and parent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            family = _alive(_descendants(parent.pid))
        assert family, "the import ended or never started its reader child"
        assert not [pid for pid in family if "resource_tracker" in _command_line(pid)]
        time.sleep(0.5)  # the child at work: reading, parsing, sending or blocked sending
        family |= _alive(_descendants(parent.pid))
        assert parent.poll() is None, "the import finished before it could be killed"
        parent.send_signal(signal_number)
        parent.wait()
        deadline = time.monotonic() + GONE_WITHIN
        while _alive(family) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = {pid: _command_line(pid) for pid in _alive(family)}
        assert not left, f"still running after the import was killed: {left}"
    finally:
        for pid in _alive(family):
            os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait()
