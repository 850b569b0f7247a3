"""The search language: what the user types, compiled to a safe search expression plus Filters.

The expression is written in FTS5's MATCH syntax, the one canonical text of a query that the
listing, timelines and snippets pass around; ``store.fulltext.expression`` reads it into the
index's query. User text never reaches the engine as syntax: every word or phrase becomes a
double-quoted string, and the only bare syntax in the output is what this module writes
itself (AND, OR, NOT, parentheses, a ``*`` after a closing quote). So ``U.S.``, ``O'Brien``,
``C-130`` or a stray ``"`` can at worst match nothing; they can never make the engine raise.

The language:

- ``nato riga``: both words (implicit AND; a bare uppercase ``AND`` is allowed too).
- ``"transport aircraft"``: a phrase; an unclosed quote runs to the end of the query.
- ``negot*``, ``"embassy ank"*``: prefixes.
- ``-riga``, ``NOT riga``: exclusion. There is no "everything except", so a query (or an OR
  alternative) made only of exclusions is an error.
- ``riga OR visa``: uppercase OR only; lowercase ``or`` is a word. AND binds tighter.
- ``( )``: grouping, up to ``MAX_NESTING`` deep; a ``(`` inside a word, as in ``f(x)``, is
  part of the word.
- Field filters ``tag: origin: class: para: from: to: id:`` (field names in any case) become
  a ``Filters`` and apply to the whole query wherever they stand. Any other ``word:`` is
  words. ``para:secret`` asks for a paragraph marked SECRET, whatever the cable's banner.

This module is the entry point the rest of the code imports from, and writes the FTS5
expression; the steps before it are ``store.query.lexer`` (text to tokens),
``store.query.parser`` (tokens to a tree) and ``store.query.filters`` (the field filters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.corpus.filters import Filters
from store.query.errors import QueryError, show
from store.query.lexer import lex
from store.query.parser import (
    MAX_NESTING,
    MAX_WORDS,
    AnyOf,
    Node,
    Parser,
    Term,
    only_exclusions,
)

__all__ = ["MAX_NESTING", "MAX_WORDS", "CompiledQuery", "QueryError", "compile_query"]


@dataclass(frozen=True)
class CompiledQuery:
    """A query ready for the corpus.

    ``match``: the search expression (FTS5 MATCH syntax, see above); None when the query is
    only filters. ``terms``: what to highlight in the reader, in query order, without the
    excluded ones: words as typed (``O'Brien``), phrases without their quotes
    (``transport aircraft``), prefixes with their trailing ``*`` (``negot*``).
    """

    match: str | None
    filters: Filters
    terms: tuple[str, ...]


def compile_query(text: str) -> CompiledQuery:
    """Compile user search text; raise QueryError with a one-line reason on a bad query."""
    text = _UNPRINTABLE.sub(" ", text)
    if not text.strip():
        raise QueryError("empty query: type words to search for")
    parser = Parser(lex(text))
    node = parser.parse()
    filters = parser.filters.build()
    if node is None:
        if filters.is_empty():
            dropped = parser.first_dropped
            reason = f": {show(dropped)} has no letters or digits" if dropped else ""
            raise QueryError("nothing to search for" + reason)
        return CompiledQuery(None, filters, ())
    return CompiledQuery(_emit(node), filters, tuple(dict.fromkeys(parser.terms)))


# Control characters (a NUL ends the FTS5 query string early: "unterminated string"), lone
# surrogates (sqlite cannot encode them) and line separators (error messages stay one line).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")

# --- Writing FTS5 -------------------------------------------------------------------------


def _emit(node: Node) -> str:
    if isinstance(node, Term):
        quoted = '"' + node.text.replace('"', '""') + '"'
        quoted = quoted + "*" if node.prefix else quoted
        return f"{node.column} : {quoted}" if node.column else quoted
    if isinstance(node, AnyOf):
        return " OR ".join(_operand(branch) for branch in node.branches)
    if not node.include:
        raise only_exclusions(node)
    included = " AND ".join(_operand(part) for part in node.include)
    if not node.exclude:
        return included
    if len(node.include) > 1:
        included = f"({included})"
    return included + "".join(f" NOT {_operand(part)}" for part in node.exclude)


def _operand(node: Node) -> str:
    text = _emit(node)
    return text if isinstance(node, Term) else f"({text})"
