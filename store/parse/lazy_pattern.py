"""Regular expressions compiled at their first use, not when the parser is imported.

The parser holds some 130 patterns. Compiling them all took 20 ms of every ``cables show``,
which needs about half of them for a usual cable: the others are for rarer shapes (full
copies, garbled banners, page extracts, misspelt titles). ``lazy_compile`` stands in for
``re.compile`` at module level: the first method call compiles, and the compiled pattern's
methods are then kept on the object, so every later call costs what it costs on a compiled
pattern (an attribute found on the instance, no second lookup). The compiling itself is
mostly skipped too: ``pattern_cache`` keeps what it made for the next process.
"""

from __future__ import annotations

from store import pattern_cache

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A ``re.Pattern`` to be: ``pattern`` is there at once (other patterns are built from
    it); everything else compiles it."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only called for what the instance does not hold yet: compile, then hold it all.
        compiled = pattern_cache.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
