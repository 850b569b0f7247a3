"""A cache for the parser's pure functions of one line of text.

The head of a telegram repeats itself across a corpus: the same ``E.O. 12958: DECL: OADR``,
``SIPDIS``, ``TAGS: PREL PGOV`` and ``Classified By:`` lines come back thousands of times, and
reading one (cutting glued fields, matching a label) costs more than looking it up. Only short
lines are kept, so that a hostile file of long lines cannot fill memory; a longer one is read
each time. The cached function must be pure and return something immutable (a tuple, a
NamedTuple, a frozen dataclass), since one result is handed to every caller.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps

# No typing.TypeVar here: importing typing cost every `cables show` 2 ms.

# Lines longer than this are read each time (a header line is shorter by far).
MAX_CACHED_LINE = 400
_ENTRIES = 4096


def line_cache(function: Callable[[str], object]) -> Callable[[str], object]:
    """``function`` with its results for short lines remembered (the least recent dropped)."""
    cached = lru_cache(maxsize=_ENTRIES)(function)

    @wraps(function)
    def lookup(line: str) -> object:
        return cached(line) if len(line) <= MAX_CACHED_LINE else function(line)

    return lookup
