"""Search snippets: a few words around the first hit, with the hits marked.

FTS5's ``snippet()`` re-tokenizes every returned document and cost 0.5 ms per 7 KB cable
(26 ms for a page of 50 hits, five times the whole search budget). A regex built from the
query's own terms finds the first hit in microseconds, so snippets are cut here instead.
The terms come from the compiled MATCH expression, so snippets need nothing but it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START

# One FTS5 string token: "...", with "" for a quote inside; a following * makes it a prefix.
_QUOTED = re.compile(r'"((?:[^"]|"")*)"(\*?)')
_WORDS = re.compile(r"\w+")
# Snippets are cut between these: runs of non-blanks, punctuation and all.
_TOKENS = re.compile(r"\S+")
# Endings the porter stemmer strips, longest first: "elections" should light up for
# "election", as FTS5 matched it.
_ENDINGS = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ies", "es",
            "ed", "ly", "s")  # fmt: skip
BEFORE_WORDS = 6
AFTER_WORDS = 14
# Without a hit in the text (a hit in a field): its opening, as many whole words as fit.
NO_HIT_CHARS = 160


def match_terms(match: str) -> list[tuple[str, bool]]:
    """The (text, is_prefix) terms of an FTS5 MATCH expression written by store.query.compile."""
    return [(m.group(1).replace('""', '"'), bool(m.group(2))) for m in _QUOTED.finditer(match)]


def _word_pattern(word: str, prefix: bool) -> str:
    if prefix:
        return re.escape(word) + r"\w*"
    lowered = word.lower()
    if len(lowered) > 4:
        for ending in _ENDINGS:
            if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
                return re.escape(word[: -len(ending)]) + r"\w*"
    return re.escape(word) + r"\w*"


@lru_cache(maxsize=64)
def hit_pattern(match: str) -> re.Pattern[str] | None:
    """A regex for every term of ``match`` at word starts, case-insensitive."""
    parts = []
    for text, prefix in match_terms(match):
        words = _WORDS.findall(text)
        if not words:
            continue
        pieces = [_word_pattern(w, prefix and i == len(words) - 1) for i, w in enumerate(words)]
        parts.append(r"\W+".join(pieces))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    # No (?<!\w) here: a lookbehind stops the regex engine's fast literal scan and made
    # the search 3x slower; word starts are checked in _first_hit instead.
    return re.compile("|".join(parts), re.IGNORECASE)


def _first_hit(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    for found in pattern.finditer(text):
        if found.start() == 0 or not text[found.start() - 1].isalnum():
            return found
    return None


def _mark(pattern: re.Pattern[str], text: str) -> str:
    def wrap(found: re.Match[str]) -> str:
        if found.start() and text[found.start() - 1].isalnum():
            return found.group()
        return HIGHLIGHT_START + found.group() + HIGHLIGHT_END

    return pattern.sub(wrap, text)


def make_snippet(match: str, body: str, subject: str = "") -> str:
    """A one-line excerpt of ``body`` around the first hit, hits wrapped in markers.

    The excerpt starts and ends at blanks (whole words, ``U.S.`` and ``Almaty's`` included),
    and says with ``…`` where it cuts the text.
    """
    pattern = hit_pattern(match)
    source = body
    first = _first_hit(pattern, body) if pattern else None
    if first is None and subject and pattern is not None:
        first = _first_hit(pattern, subject)
        source = subject if first else body
    if first is None:
        end = _forward_words(source, 0, NO_HIT_CHARS, NO_HIT_CHARS)
        return _squeeze(source[:end]) + ("…" if end < len(source) else "")
    start = _back_words(source, first.start(), BEFORE_WORDS)
    end = _forward_words(source, first.end(), AFTER_WORDS)
    window = source[start:end]
    marked = _mark(pattern, window)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(source) else ""
    return prefix + _squeeze(marked) + suffix


def _back_words(text: str, position: int, count: int) -> int:
    """Start of the ``count``-th word before ``position`` (looking at most 300 chars back);
    a word is a run of non-blanks, and one cut by the 300-char floor does not count."""
    floor = max(0, position - 300)
    starts = [m.start() for m in _TOKENS.finditer(text, floor, position)]
    if floor > 0 and starts and starts[0] == floor and not text[floor - 1].isspace():
        starts.pop(0)
    if len(starts) <= count:
        return 0 if floor == 0 else (starts[0] if starts else position)
    return starts[-count]


def _forward_words(text: str, position: int, count: int, reach: int = 400) -> int:
    """End of the ``count``-th word after ``position`` (at most ``reach`` chars on); the rest
    of the word ``position`` is inside of belongs to it, and a word cut by the reach goes."""
    ceiling = min(len(text), position + reach)
    ends = [m.end() for m in _TOKENS.finditer(text, position, ceiling)]
    if ends and ends[-1] == ceiling and ceiling < len(text) and not text[ceiling].isspace():
        ends.pop()
    if len(ends) > count:
        return ends[count - 1]
    if ceiling == len(text):
        return ceiling
    return ends[-1] if ends else position


def _squeeze(text: str) -> str:
    return " ".join(text.split())
