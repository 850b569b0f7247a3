"""Finding search terms in cable text, for the reader's highlights and its n/N keys.

``term_highlighter`` compiles the terms of a search (words, ``prefix*``, phrases) into one
matcher; ``render_cable`` asks it for the hits in each block's cable text. Kept apart from
the rendering: this is the one place that decides what a hit of a term is (word starts,
simple inflections), and the renderer only decides how a hit looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

_WORD_CHAR = re.compile(r"\w")

_INFLECTION = r"(?:'s|s|es|ed|ing)?"


@dataclass(frozen=True)
class TermHighlighter:
    """Finds search terms at word starts, case-insensitively.

    The pattern starts with the terms' literal text (lower case) so the regex engine can
    skip ahead; the word-start check is done per match, which keeps a 200 KB cable fast.
    """

    pattern: re.Pattern[str]
    fallback: re.Pattern[str]

    def finditer(self, plain: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        low = plain.lower()
        pattern = self.pattern
        if len(low) != len(plain):
            low, pattern = plain, self.fallback
        for match in pattern.finditer(low, start, end):
            first, last = match.span()
            if last == first:
                continue
            if first and _WORD_CHAR.match(low, first - 1) and _WORD_CHAR.match(low, first):
                continue
            yield first, last


def _term_pattern(term: str) -> str | None:
    term = term.strip().strip('"').strip().lower()
    prefix = term.endswith("*")
    words = term.rstrip("*").split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    if prefix:
        tail = r"\w*"
    elif re.search(r"\w\Z", words[-1]):
        tail = _INFLECTION + r"(?!\w)"
    else:
        tail = ""
    return body + tail


def term_highlighter(terms: Sequence[str]) -> TermHighlighter | None:
    patterns = [p for p in (_term_pattern(t) for t in terms) if p]
    if not patterns:
        return None
    # Longest first, so a phrase wins over one of its own words at the same place.
    patterns.sort(key=len, reverse=True)
    joined = "|".join(f"(?:{p})" for p in patterns)
    return TermHighlighter(re.compile(joined), re.compile(joined, re.IGNORECASE))
