"""Narrowing the corpus: the filters a query, the sidebar and the CLI share."""

from __future__ import annotations

from datetime import date

from store.frozen import frozen
from store.model import Level

# The years a date filter may name. Rowids count minutes from 1900 (``store.rowids``), and
# no cable was sent after 2100: a year outside these is a typo, and ``date`` arithmetic at
# the far ends (9999-12-31 plus a day) would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2100


@frozen
class Filters:
    """All given conditions must hold; an empty field places no condition.

    ``levels``: any of these overall levels. ``caveats``: all of these (``NOFORN``, ``FOUO``).
    ``origins``: case-insensitive substrings of the origin, any of them.
    ``tags``: all of these TAGS (upper case). Dates are inclusive.
    ``id_prefix``: canonical reference IDs starting with this (upper case).
    ``para_levels``: cables with a paragraph marked at any of these levels (``para:secret``).
    ``people``: all of these people (``SURNAME, GIVEN`` as the people index writes them).
    """

    levels: frozenset[Level] = frozenset()
    caveats: frozenset[str] = frozenset()
    origins: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    id_prefix: str | None = None
    para_levels: frozenset[Level] = frozenset()
    people: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return self == Filters()
