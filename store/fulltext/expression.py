"""The search expression ``store.query.compile`` writes, read back into a tantivy query.

``compile_query`` writes one canonical text for a query (FTS5's syntax: double-quoted terms,
``*`` after a prefix's closing quote, ``subject : "..."``, AND, OR, NOT and parentheses);
the listing, timelines and snippets pass that text around. Only that shape is read here, so
the grammar is small, with FTS5's precedence: NOT binds tighter than AND, AND than OR.
"""

from __future__ import annotations

import functools
import re

import tantivy

from store.fulltext.analysis import BODY, SUBJECT, SUBJECT_BOOST, schema, terms

_TOKEN = re.compile(
    r'\s*(?:(?:(?P<column>[a-z]+) : )?"(?P<text>(?:[^"]|"")*)"(?P<star>\*?)'
    r"|(?P<op>AND|OR|NOT|\(|\)))"
)


class ExpressionError(ValueError):
    """Text that ``store.query.compile`` did not write."""


@functools.lru_cache(maxsize=256)
def to_query(match: str) -> tantivy.Query:
    reader = _Reader(match)
    query = reader.any_of()
    if reader.peek() is not None:
        raise ExpressionError(f"unexpected {reader.peek()!r} in {match!r}")
    return query


class _Reader:
    def __init__(self, text: str) -> None:
        self.tokens: list[re.Match[str]] = []
        position = 0
        text = text.rstrip()
        while position < len(text):
            token = _TOKEN.match(text, position)
            if token is None:
                raise ExpressionError(f"cannot read {text[position : position + 20]!r}")
            self.tokens.append(token)
            position = token.end()
        self.index = 0

    def peek(self) -> str | None:
        if self.index >= len(self.tokens):
            return None
        token = self.tokens[self.index]
        return token.group("op") or "TERM"

    def any_of(self) -> tantivy.Query:
        return self._joined("OR", tantivy.Occur.Should, self.all_of)

    def all_of(self) -> tantivy.Query:
        return self._joined("AND", tantivy.Occur.Must, self.but_not)

    def _joined(self, operator: str, occur: tantivy.Occur, operand) -> tantivy.Query:
        parts = [operand()]
        while self.peek() == operator:
            self.index += 1
            parts.append(operand())
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(occur, part) for part in parts])

    def but_not(self) -> tantivy.Query:
        included = self.operand()
        excluded = []
        while self.peek() == "NOT":
            self.index += 1
            excluded.append(self.operand())
        if not excluded:
            return included
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, included)] + [(tantivy.Occur.MustNot, e) for e in excluded]
        )

    def operand(self) -> tantivy.Query:
        kind = self.peek()
        if kind is None:
            raise ExpressionError("an operand is missing")
        token = self.tokens[self.index]
        self.index += 1
        if kind == "(":
            inner = self.any_of()
            if self.peek() != ")":
                raise ExpressionError("unbalanced parentheses")
            self.index += 1
            return inner
        if kind != "TERM":
            raise ExpressionError(f"unexpected {kind}")
        text = token.group("text").replace('""', '"')
        return term_query(text, bool(token.group("star")), token.group("column") or "")


def term_query(text: str, prefix: bool, column: str) -> tantivy.Query:
    """A word, phrase or prefix in the subject (``column`` "subject") or in any field."""
    words = terms(text)
    if not words:
        # No word the index could hold (only characters it drops): nothing matches it.
        return tantivy.Query.empty_query()
    if column == SUBJECT:
        return _in_field(SUBJECT, words, prefix)
    return tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Should, tantivy.Query.boost_query(
                _in_field(SUBJECT, words, prefix), SUBJECT_BOOST)),
            (tantivy.Occur.Should, _in_field(BODY, words, prefix)),
        ]
    )  # fmt: skip


def _in_field(field: str, words: tuple[str, ...], prefix: bool) -> tantivy.Query:
    if len(words) == 1:
        if prefix:
            # The prefix is stemmed as FTS5's porter tokenizer stemmed it: "negotiation*"
            # finds what "negoti*" finds.
            return tantivy.Query.regex_query(schema(), field, re.escape(words[0]) + ".*")
        return tantivy.Query.term_query(schema(), field, words[0])
    if prefix:
        return tantivy.Query.phrase_prefix_query(schema(), field, list(words))
    return tantivy.Query.phrase_query(schema(), field, list(words))
