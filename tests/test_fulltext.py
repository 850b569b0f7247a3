"""The full-text index: it holds the text the reader shows, keeps in step with the corpus
(crash, removal, upgrade from the FTS5 schema, reindex) and searches a corpus nobody may
write. Every text is invented, in the shapes of real telegrams."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from array import array
from pathlib import Path

import pytest
from cable_factory import build_corpus, telegram, write_telegrams
from fulltext_support import assert_index_matches, index_rowids
from hypothesis import given, settings
from hypothesis import strategies as st

from store.corpus.corpus import Corpus
from store.corpus.schema import SCHEMA_VERSION, CorpusError
from store.fulltext import index as fulltext_index
from store.fulltext.index import directory_of
from store.fulltext.shown import _first, _one_blank_each, cut_out, locate
from store.ingest.importer import import_paths
from store.ingest.removal import remove_cables
from store.query.compile import compile_query
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent

# Page furniture: a 2006-2010 page header, and an older one under its level line.
NEW_PAGE = "\n\nTESTPOST 00000001  002 OF 003\n\n\n"
OLD_PAGE = "\nCONFIDENTIAL\n\nPAGE 03 TESTPO 00001 121030Z\n"
PAGED = [
    ("(C)", "The minister said that the united states" + NEW_PAGE + "offer of grain came late."),
    ("(C)", "He added that the harvest" + OLD_PAGE + "failed twice in the north."),
    ("(U)", "A short third paragraph."),
]


def search_ids(corpus: Corpus, query: str, **options) -> list[str]:
    compiled = compile_query(query)
    return [h.summary.id for h in corpus.search(compiled.match, compiled.filters, **options)]


@pytest.fixture
def paged(tmp_path: Path) -> Path:
    source = write_telegrams(
        tmp_path / "in",
        {
            "paged": telegram(paragraphs=PAGED, subject="TESTLAND: GRAIN TALKS"),
            "plain": telegram(serial=2, subject="TESTLAND: OTHER", signer="ROE"),
        },
    )
    return build_corpus(tmp_path / "c.sqlite", source)


def test_a_phrase_across_a_page_break_is_found(paged):
    with Corpus(paged, readonly=True) as corpus:
        assert search_ids(corpus, '"united states offer of grain"') == ["06TESTPOST1"]
        assert search_ids(corpus, '"the harvest failed twice"') == ["06TESTPOST1"]


@pytest.mark.parametrize(
    "query",
    [
        '"confidential page"',
        '"testpost 00000001"',
        '"00000001"',
        '"002 OF 003"',
        '"page 03 testpo"',
        "121030Z",
    ],
)
def test_page_header_tokens_match_nothing(paged, query):
    with Corpus(paged, readonly=True) as corpus:
        assert search_ids(corpus, query) == []


def test_snippets_come_from_the_shown_text(paged):
    with Corpus(paged, readonly=True) as corpus:
        compiled = compile_query('"states offer"')
        (hit,) = corpus.search(compiled.match)
        assert f"{HIGHLIGHT_START}states offer{HIGHLIGHT_END}" in hit.snippet
        assert "00000001" not in hit.snippet and "CONFIDENTIAL" not in hit.snippet
        snippet = corpus.snippets(compiled.match, [hit.summary.rowid])[hit.summary.rowid]
        assert snippet == hit.snippet


def test_header_fields_the_reader_shows_are_words(paged):
    with Corpus(paged, readonly=True) as corpus:
        assert len(search_ids(corpus, '"invented officer"')) == 2  # Classified By
        assert search_ids(corpus, "subject:grain") == ["06TESTPOST1"]
        assert search_ids(corpus, "roe") == ["06TESTPOST2"]  # the signer


def test_ranked_and_newest_first_orders(paged):
    with Corpus(paged, readonly=True) as corpus:
        rowids = [h.summary.rowid for h in corpus.search(compile_query("testland").match)]
        assert rowids == sorted(rowids, reverse=True)
        ranked = corpus.search(compile_query("grain").match, rank=True)
        # Lower is better, as bm25() gave it; the subject and body both say "grain".
        assert [h.summary.id for h in ranked] == ["06TESTPOST1"] and ranked[0].score < 0


# --- Keeping in step ----------------------------------------------------------------------


def test_a_removal_reaches_the_index_on_the_next_search(paged):
    remove_cables(paged, ["06TESTPOST1"])
    with Corpus(paged, readonly=True) as corpus:
        assert search_ids(corpus, "testland") == ["06TESTPOST2"]
    assert_index_matches(paged)


def test_an_import_killed_between_corpus_and_index_is_caught_up(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    first = write_telegrams(tmp_path / "a", {"a": telegram(subject="TESTLAND: ALPHA")})
    build_corpus(path, first)
    second = write_telegrams(tmp_path / "b", {"b": telegram(serial=2, subject="TESTLAND: BETA")})

    def killed(self, corpus_id, generation):
        raise KeyboardInterrupt  # as if the process ended after the corpus's COMMIT

    monkeypatch.setattr(fulltext_index.Writer, "commit", killed)
    report = import_paths(path, [second], parse_workers=0)
    assert report.interrupted and report.imported == 1
    monkeypatch.undo()
    assert len(index_rowids(path)) == 1  # the index missed the batch
    with Corpus(path, readonly=True) as corpus:
        assert search_ids(corpus, "beta") == ["06TESTPOST2"]
    assert_index_matches(path)


def test_the_index_commits_every_few_batches_and_at_the_end(tmp_path, monkeypatch):
    from store.ingest import importer

    path = tmp_path / "c.sqlite"
    build_corpus(path, write_telegrams(tmp_path / "first", {"z": telegram(serial=99)}))
    monkeypatch.setattr(importer, "INDEX_COMMIT_BATCHES", 3)
    committed: list[int] = []
    real_commit = fulltext_index.Writer.commit

    def counted(self, corpus_id, generation):
        committed.append(generation)
        real_commit(self, corpus_id, generation)

    monkeypatch.setattr(fulltext_index.Writer, "commit", counted)
    texts = {f"c{i}": telegram(serial=i + 1, subject=f"TESTLAND: N{i}") for i in range(9)}
    report = import_paths(path, [write_telegrams(tmp_path / "in", texts)], batch_size=2,
                          parse_workers=0)  # fmt: skip
    assert report.imported == 9
    assert len(committed) == 2 and committed == sorted(committed)  # 5 batches: after 3, end
    assert len(index_rowids(path)) == 10
    assert_index_matches(path)


def test_ctrl_c_between_index_commits_commits_what_the_corpus_has(tmp_path, monkeypatch):
    from store.ingest import importer

    texts = {f"c{i}": telegram(serial=i + 1, subject=f"TESTLAND: N{i}") for i in range(9)}
    source = write_telegrams(tmp_path / "in", texts)
    path = tmp_path / "c.sqlite"
    real_upsert = importer._upsert
    seen: list[int] = []

    def interrupted(conn, record, documents, notes):
        seen.append(1)
        if len(seen) == 6:  # in the third batch: two batches are in the corpus
            raise KeyboardInterrupt
        return real_upsert(conn, record, documents, notes)

    monkeypatch.setattr(importer, "_upsert", interrupted)
    report = import_paths(path, [source], batch_size=2, parse_workers=0)
    assert report.interrupted and report.imported == 4
    monkeypatch.undo()
    assert len(index_rowids(path)) == 4  # committed on the way out, not left to a catch-up
    assert_index_matches(path)
    again = import_paths(path, [source], batch_size=2, parse_workers=0)
    assert (again.resumed_from, again.imported) == (4, 5)
    assert_index_matches(path)


def test_a_removal_between_two_batches_of_an_import_reaches_the_index(tmp_path):
    from store.ingest.removal import remove_cables

    texts = {f"c{i}": telegram(serial=i + 1, subject=f"TESTLAND: N{i}") for i in range(9)}
    source = write_telegrams(tmp_path / "in", texts)
    path = tmp_path / "c.sqlite"
    removed: list[str] = []

    def after_the_first_batch(done, total):
        if not removed:  # another process removes a cable while the import goes on
            conn = sqlite3.connect(path)
            removed.append(conn.execute("SELECT id FROM cables LIMIT 1").fetchone()[0])
            conn.close()
            remove_cables(path, removed)

    report = import_paths(path, [source], batch_size=2, parse_workers=0,
                          progress=after_the_first_batch)  # fmt: skip
    assert report.imported == 9 and removed
    conn = sqlite3.connect(path)
    rowids = sorted(r[0] for r in conn.execute("SELECT rowid FROM cables"))
    conn.close()
    assert len(rowids) == 8 and sorted(index_rowids(path)) == rowids
    assert_index_matches(path)


def test_a_stale_index_that_cannot_be_caught_up_is_an_error_not_an_answer(paged, monkeypatch):
    remove_cables(paged, ["06TESTPOST2"])

    def unwritable(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("store.fulltext.sync.Writer", unwritable)
    with Corpus(paged, readonly=True) as corpus, pytest.raises(CorpusError) as caught:
        search_ids(corpus, "testland")
    assert "behind the corpus" in str(caught.value) and "cables reindex" in str(caught.value)


def test_a_lost_index_is_built_again_and_reindex_rebuilds_it(paged, capsys):
    shutil.rmtree(directory_of(paged))
    with Corpus(paged, readonly=True) as corpus:
        assert search_ids(corpus, "grain") == ["06TESTPOST1"]
    assert main(["--corpus", str(paged), "reindex"]) == 0
    assert "indexed 2 cables" in capsys.readouterr().out
    assert_index_matches(paged)


# --- Upgrade from the FTS5 schema ---------------------------------------------------------

# Schema 5's full-text part, as the previous version created it.
_SCHEMA_5 = """
DROP TRIGGER cables_ai_fulltext;
DROP TRIGGER cables_ad_fulltext;
DROP TABLE fulltext_pending;
DELETE FROM meta WHERE key IN ('corpus_id', 'generation', 'pruned');
CREATE VIRTUAL TABLE cables_fts USING fts5(
    subject, body, content='texts', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
    INSERT INTO cables_fts(cables_fts, rowid, subject, body)
    VALUES ('delete', old.rowid, old.subject, old.body);
END;
INSERT INTO cables_fts(cables_fts) VALUES ('rebuild');
PRAGMA user_version = 5;
"""


def as_schema_5(path: Path) -> Path:
    """The corpus as the previous version left it: FTS5 inside, no index beside it."""
    with sqlite3.connect(path) as conn:
        conn.executescript(_SCHEMA_5)
    conn.close()
    shutil.rmtree(directory_of(path))
    return path


def test_a_corpus_of_the_fts5_schema_is_upgraded_in_place_with_a_progress_line(paged, capsys):
    as_schema_5(paged)
    size = paged.stat().st_size
    assert main(["--corpus", str(paged), "search", '"united states offer"']) == 0
    out, err = capsys.readouterr()
    assert "06TESTPOST1" in out and "upgrading" in err and "2 of 2 cables" in err
    with sqlite3.connect(paged) as conn:
        # 5 -> 6 (the index beside the file), then 6 -> 7 (the people table) in one open
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert not any(name.startswith("cables_fts") for name in tables)
    assert paged.stat().st_size <= size
    assert_index_matches(paged)


def test_a_read_only_corpus_of_the_fts5_schema_says_who_can_upgrade_it(paged, monkeypatch, capsys):
    as_schema_5(paged)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # not the owner
    assert main(["--corpus", str(paged), "search", "grain"]) == 2
    err = capsys.readouterr().err
    assert "older cables" in err and "owner" in err and err.count("\n") == 1


# --- A corpus nobody may write ------------------------------------------------------------


def test_index_files_get_the_read_bits_of_the_corpus_file(tmp_path):
    path = tmp_path / "c.sqlite"
    build_corpus(path, write_telegrams(tmp_path / "in", {"a": telegram()}))
    os.chmod(path, 0o640)
    import_paths(path, [write_telegrams(tmp_path / "in2", {"b": telegram(serial=2)})])
    for entry in directory_of(path).iterdir():
        if entry.name.startswith(".tantivy"):
            continue
        assert stat.S_IMODE(entry.stat().st_mode) & 0o044 == 0o040, entry.name
    assert stat.S_IMODE(directory_of(path).stat().st_mode) & 0o055 == 0o050


def _tree(directory: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in directory.iterdir()}


def test_a_reader_that_may_not_write_writes_nothing_to_the_index(paged, monkeypatch):
    # Root may write anywhere: here the reader is told it may not, as any other user would be
    # in another user's directory, and must then leave every file of the index as it was.
    index = directory_of(paged)
    before = _tree(index)
    monkeypatch.setattr(fulltext_index, "can_write", lambda directory: False)
    with Corpus(paged, readonly=True) as corpus:
        assert search_ids(corpus, '"united states offer"') == ["06TESTPOST1"]
        assert search_ids(corpus, "grain", rank=True) == ["06TESTPOST1"]
    assert _tree(index) == before


def test_a_corpus_nobody_may_write_still_searches(paged):
    """The corpus and its index where the searching user may not write: made read-only for
    a user, and for root (whom permissions do not bind) a read-only mount of it."""
    shared = Path(tempfile.mkdtemp(prefix="cables-shared-"))
    seen = Path(tempfile.mkdtemp(prefix="cables-ro-"))
    mounted = False
    try:
        corpus = shared / "c.sqlite"
        shutil.copy(paged, corpus)
        shutil.copytree(directory_of(paged), directory_of(corpus))
        if os.geteuid() == 0:
            mounted = _mount_read_only(shared, seen)
            if not mounted:
                pytest.skip("root without a read-only mount; the test above covers root")
            corpus = seen / "c.sqlite"
        else:
            for item in [*directory_of(corpus).iterdir(), directory_of(corpus), corpus, shared]:
                os.chmod(item, stat.S_IMODE(item.stat().st_mode) & ~0o222)
        before = _tree(directory_of(corpus))
        done = subprocess.run(
            [sys.executable, "-m", "tui.cli", "--corpus", str(corpus), "search",
             '"united states offer"', "--json"],
            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "06TESTPOST1" in done.stdout
        assert _tree(directory_of(corpus)) == before
    finally:
        if mounted:
            subprocess.run(["umount", str(seen)], check=False)
        for item in [shared, *shared.rglob("*")]:
            os.chmod(item, 0o755 if item.is_dir() else 0o644)
        shutil.rmtree(shared, ignore_errors=True)
        shutil.rmtree(seen, ignore_errors=True)


def _mount_read_only(source: Path, target: Path) -> bool:
    mount = shutil.which("mount")
    if mount is None:
        return False
    bind = subprocess.run([mount, "--bind", str(source), str(target)], capture_output=True)
    if bind.returncode != 0:
        return False
    read_only = subprocess.run([mount, "-o", "remount,ro,bind", str(target)], capture_output=True)
    if read_only.returncode != 0:
        subprocess.run(["umount", str(target)], check=False)
        return False
    return True


# --- The shown text cut out of the stored body --------------------------------------------

_WORDS = st.sampled_from(["the", "minister", "said", "1.", "(C)", "00000001", "OF", "grain"])
_LINES = st.lists(st.lists(_WORDS, min_size=1, max_size=9), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, furniture=st.lists(st.booleans(), min_size=12, max_size=12), data=st.data())
def test_any_shown_text_is_cut_out_of_its_body_word_for_word(lines, furniture, data):
    body_lines, shown = [], []
    for line, is_furniture in zip(lines, furniture, strict=False):
        if is_furniture:
            body_lines.append("  ".join(line))  # a page header: in the body, not shown
            continue
        dropped = data.draw(st.integers(0, len(line) - 1))  # a number, a mark before it
        body_lines.append(" ".join(line))
        shown.extend(line[dropped:])
    body, text = "\n".join(body_lines), " ".join(shown)
    assert cut_out(body, locate(body, text)).split() == text.split()


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, furniture=st.lists(st.booleans(), min_size=12, max_size=12), data=st.data())
def test_shown_paragraphs_are_cut_out_word_for_word_whatever_joins_them(lines, furniture, data):
    """As the reader shows them: paragraphs apart by a blank line, some with line breaks,
    found whole in the body or not (a page header inside, a number before them)."""
    body_lines, shown = [], []
    for line, is_furniture in zip(lines, furniture, strict=False):
        if is_furniture:
            body_lines.append("  ".join(line))
            continue
        dropped = data.draw(st.integers(0, len(line) - 1))
        body_lines.append(data.draw(st.sampled_from([" ", "\n", " \n"])).join(line))
        shown.append(data.draw(st.sampled_from([" ", "\n"])).join(line[dropped:]))
    body = data.draw(st.sampled_from(["\n", "\n\n"])).join(body_lines)
    text = "\n\n".join(shown)
    assert cut_out(body, locate(body, text)).split() == text.split()


def test_a_paragraph_found_whole_is_not_begun_at_an_earlier_copy_of_its_first_words():
    body = "TEST CABLE - NOT A REAL ONE\n\n1. NOT A WORD WAS SAID\nBY ANYONE.\n\n2. THE END"
    located = locate(body, "NOT A WORD WAS SAID\nBY ANYONE.\n\nTHE END")
    runs = array("I", located[1:])
    assert runs[0] == body.index("NOT A WORD")
    assert cut_out(body, located) == "NOT A WORD WAS SAID\nBY ANYONE. THE END"


_BLANK = st.sampled_from([" ", "  ", "\t", " \u00a0", "\u2028"])


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, data=st.data())
def test_any_blanks_between_the_words_and_marks_glued_to_them(lines, data):
    """Double spaces after a period, tabs, no-break spaces; "7.While", "(C)SUMMARY:"."""
    body_lines, shown = [], []
    for line in lines:
        glued = data.draw(st.sampled_from(["", "7.", "(C)", "1. (U) "]))
        rest = "".join(data.draw(_BLANK) + word for word in line[1:])
        body_lines.append(glued + line[0] + rest)
        shown.extend(line)
    body, text = "\n\n".join(body_lines), " ".join(shown)
    assert cut_out(body, locate(body, text)).split() == text.split()


_PIECES = st.sampled_from(["a", "b", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\x1f", "é"])


@settings(max_examples=500)
@given(st.lists(_PIECES).map("".join))
def test_blanks_are_made_one_space_as_split_and_join_make_them(text):
    assert _one_blank_each(text) == " ".join(text.split())


# Texts of a few letters and long repeats, so that a paragraph's first characters stand in
# the body many times before (or without) the paragraph itself.
_REPEATS = st.lists(
    st.sampled_from(["ab", "a", "b", " ", "ab" * 20, "a" * 40, "ab " * 15, "b" * 33]), max_size=60
).map("".join)


@settings(max_examples=800)
@given(flat=_REPEATS, part=_REPEATS, start=st.integers(0, 400), glue=st.booleans())
def test_a_paragraph_is_found_where_str_find_finds_it(flat, part, start, glue):
    if glue:  # the paragraph in the body, after text that repeats its head
        flat = flat + part
    assert _first(flat, part, start) == flat.find(part, start)


@pytest.mark.parametrize("before", range(20))
def test_a_paragraph_after_many_copies_of_its_head_is_found(before):
    # Its first characters stand at every place before it: the first few are compared whole,
    # then the paragraph is searched for from the next.
    part = "a" * 70 + "b"
    assert _first("a" * before + part, part, 0) == before


def test_a_paragraph_is_one_run_of_the_body_whatever_its_line_breaks():
    body = "HEADER 001\n\n1. (C) The minister\nsaid  that the\tgrain\nwas late.\n\nSIGNER"
    located = locate(body, "The minister said that the grain was late.\n\nSIGNER")
    # One run: from the first shown word to the last, only blanks between them.
    assert cut_out(body, located) == "The minister\nsaid  that the\tgrain\nwas late.\n\nSIGNER"
    assert len(located) == 1 + 2 * 4


def test_a_paragraph_whose_first_word_is_glued_to_its_number_is_not_skipped(monkeypatch):
    """The body's "3.IS" holds the paragraph's first word glued to its number; a later "IS" stands
    whole. Starting there skipped the paragraph and left only the slow word-by-word cut."""
    import store.fulltext.shown as shown_module

    def word_by_word(body, shown):
        raise AssertionError("fell back to word by word")

    monkeypatch.setattr(shown_module, "_word_by_word", word_by_word)
    body = "HEADER 001\n\n1. THE TALKS WENT ON.\n\n3.IS IT TRUE THAT IS THE CASE?\n\nSIGNER"
    shown = "THE TALKS WENT ON.\n\nIS IT TRUE THAT IS THE CASE?\n\nSIGNER"
    located = locate(body, shown)
    assert cut_out(body, located).split() == shown.split()
    assert array("I", located[1:])[2] == body.index("IS IT TRUE")


def test_a_shown_word_that_begins_a_longer_body_word_is_found_whole_later():
    body = "THEM THE END\nPAGE 02 STATE 000001\nTHE END"
    assert cut_out(body, locate(body, "THE END THE END")).split() == ["THE", "END", "THE", "END"]


def test_a_run_of_one_letter_is_cut_out_whole():
    # Every place in the run starts the word but none is whole: each used to be tried.
    body = "1. (U) " + "A" * 200_000 + "\nAA AA"
    shown = "A" * 200_000 + " AA AA"
    assert cut_out(body, locate(body, shown)).split() == shown.split()
    glued = "AA" + "A" * 100_000  # a shown word the body holds only inside a longer one
    assert cut_out(glued, locate(glued, "AA AA")).split() == ["AA", "AA"]


@pytest.mark.parametrize(
    ("body", "shown"),
    [
        ("x a " * 50_000, "a " * 50_000),  # every other word dropped, single blanks
        (" ".join(f"1.w{i}" for i in range(10_000)), " ".join(f"w{i}" for i in range(10_000))),
        ("1.a " * 8_000, "a " * 8_000),  # the same word glued to a mark every time
    ],
)
def test_bodies_that_once_took_quadratic_time_are_cut_out_whole(body, shown):
    assert cut_out(body, locate(body, shown)).split() == shown.split()


def test_shown_words_past_the_end_of_the_body_keep_the_text():
    located = locate("the minister", "the minister said")
    assert cut_out("the minister", located) == "the minister said"


def test_a_shown_word_the_body_lacks_keeps_the_shown_text_itself():
    located = locate("the minister said", "the minister spoke")
    assert cut_out("the minister said", located) == "the minister spoke"


def test_newest_first_through_the_windows_is_every_hit_in_rowid_order(tmp_path, monkeypatch):
    from datetime import datetime

    from store.fulltext import hits

    texts = {
        f"c{i}": telegram(serial=i + 1, when=datetime(2006, 1 + i % 12, 1 + i, 8, 0),
                          subject=f"TESTLAND: {'COMMON RARE' if i in (3, 17) else 'COMMON'}")
        for i in range(24)
    }  # fmt: skip
    path = build_corpus(tmp_path / "c.sqlite", write_telegrams(tmp_path / "in", texts))
    monkeypatch.setattr(hits, "_WINDOWS", (3, 7))  # small windows for a small corpus
    with Corpus(path, readonly=True) as corpus:
        for word, limit in (("common", 5), ("common", 10), ("rare", 5), ("common", 50)):
            match = compile_query(word).match
            every = list(corpus.search_ids(match))
            assert every == sorted(every, reverse=True)
            first = [h.summary.rowid for h in corpus.search(match, limit=limit)]
            assert first == every[:limit]
            after = [h.summary.rowid for h in corpus.search(match, limit=limit, before=first[-1])]
            assert after == every[limit : 2 * limit]
