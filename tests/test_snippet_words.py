"""Search snippets start and end at blanks: no half words at either end."""

from __future__ import annotations

import re

from store.corpus.snippets import make_snippet
from store.query.compile import compile_query
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START


def _snippet(query: str, body: str, subject: str = "") -> str:
    text = make_snippet(compile_query(query).match, body, subject)
    return text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def _whole_words(snippet: str, body: str) -> None:
    """Every word of the snippet is a whole word of the body."""
    words = set(body.split())
    for word in snippet.strip("…").split():
        assert word in words, f"{word!r} is a piece of a word"


def test_a_snippet_starts_at_a_blank_before_punctuated_words():
    # Counted by letters-and-digits words, the sixth word back is the "s" of "Ambassador's".
    body = "In Almaty the U.S. Ambassador's aides met the new NATO envoy."
    snippet = _snippet("nato", body)
    _whole_words(snippet, body)
    assert snippet.startswith("…U.S. Ambassador's aides met the new NATO")


def test_a_snippet_ends_with_whole_words():
    body = "The NATO envoy met " + " ".join(f"Ambassador's{n}" for n in range(30)) + " end."
    snippet = _snippet("nato", body)
    _whole_words(snippet, body)
    assert snippet.endswith("…")


def test_a_long_run_before_the_hit_is_not_cut_into():
    body = "x" * 50 + " " + "abcdefghij " * 40 + "then NATO came."
    snippet = _snippet("nato", body)
    _whole_words(snippet, body)
    assert "NATO came." in snippet


def test_a_snippet_without_a_hit_in_the_body_ends_at_a_word():
    body = " ".join(["Kazakhstan's"] * 40)
    # A hit in neither the text nor the subject (a tag, say): the text's opening.
    snippet = _snippet("zzsubject", body, "A SUBJECT")
    assert snippet.endswith("…")
    _whole_words(snippet, body)
    assert len(snippet) <= 161
    # The subject is used when the hit is only there.
    assert re.search("ZZSUBJECT", _snippet("zzsubject", "body", "A ZZSUBJECT LINE"))


def test_a_snippet_row_cuts_between_words_at_both_ends():
    from rich.cells import cell_len

    from tui.widgets.sidebar_rows import snippet_row

    before = " ".join(f"Word{n:02d}'s" for n in range(20))
    after = " ".join(f"Later{n:02d}'s" for n in range(20))
    snippet = f"{before} {HIGHLIGHT_START}nato{HIGHLIGHT_END} {after}"
    words = set(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())
    for width in range(30, 61, 3):
        row = snippet_row(snippet, width).plain
        assert cell_len(row) == width
        assert "nato" in row
        shown = row.strip().strip("…").split()
        assert shown and all(word in words for word in shown), (width, row)
