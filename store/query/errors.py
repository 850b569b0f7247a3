"""The one error of the search language, and how a piece of the query is quoted in it.

Its own module because the lexer, the parser and the field filters all raise it and quote
the user's text the same way.
"""

from __future__ import annotations

from store.sanitize import clean


class QueryError(ValueError):
    """One-line reason suitable to show the user (str(e))."""


def show(raw: str, limit: int = 40) -> str:
    """A piece of the query for a message: visible controls, bounded length, quoted."""
    text = clean(raw)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
