"""Compiled regular expressions kept from one process to the next.

Python's regex compiler is pure Python: compiling the parser's patterns took some 17 ms of
every fresh ``cables show``, ten times what the parse itself takes. What the compiler hands
to the C engine (``_sre.compile``: flags, code, groups) is kept per pattern in a file in the
user's cache directory, keyed by the Python build and the engine's ``MAGIC``; a later
process rebuilds its patterns from it in C, in microseconds.

The cache can only save time: another Python, a damaged, unreadable or foreign file, a
read-only directory, or regex internals that moved, and the pattern is compiled as usual.
The file is written once, when a process that compiled new patterns ends, as a whole
(temporary file, then rename), so a reader never sees half of one.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys

try:
    import _sre
except ImportError:  # another implementation: no cache
    _sre = None

APP = "cables"
# Far more than the parser holds: a bound for a file that only ever grows.
MAX_PATTERNS = 2000


def version_key() -> tuple:
    """What a cached pattern's code is valid for: this Python build and this regex engine."""
    return (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)


def cache_dir() -> str:
    """The user's cache directory for cables, as platformdirs says, without importing it
    (its import alone costs a fresh process more than reading the cache)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, APP, "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser(f"~/Library/Caches/{APP}")
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
    return os.path.join(base, APP)


def default_path() -> str:
    return os.path.join(cache_dir(), f"patterns-{sys.implementation.cache_tag}.marshal")


class PatternCache:
    """The compiled patterns of the file at ``path``: read at the first ``compile``, and
    written back, with what this process compiled, by ``save``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], bytes] | None = None
        self._added = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        if _sre is None:
            return re.compile(pattern, flags)
        flags = int(flags)
        entries = self._loaded()
        stored = entries.get((pattern, flags))
        if stored is not None:
            rebuilt = _rebuild(pattern, flags, stored)
            if rebuilt is not None:
                return rebuilt
        compiled, arguments = _compile(pattern, flags)
        if arguments is not None and len(entries) < MAX_PATTERNS:
            entries[pattern, flags] = marshal.dumps(arguments)
            self._added = True
        return compiled

    def save(self) -> None:
        """Write the file when this process compiled patterns it did not hold; never
        raises (a cache that cannot be written only costs time)."""
        if not self._added:
            return
        self._added = False
        try:
            # Another process may have added patterns since this one read the file.
            entries = {**_read(self.path), **(self._entries or {})}
            _write(self.path, marshal.dumps((version_key(), entries)))
        except (OSError, ValueError, TypeError):
            pass

    def _loaded(self) -> dict[tuple[str, int], bytes]:
        if self._entries is None:
            self._entries = _read(self.path)
        return self._entries


def _read(path: str) -> dict[tuple[str, int], bytes]:
    """The entries of the file at ``path``; none when it is missing, unreadable, damaged
    or made by another Python."""
    try:
        with open(path, "rb") as file:
            key, entries = marshal.loads(file.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if key != version_key() or not isinstance(entries, dict):
        return {}
    return entries


def _write(path: str, data: bytes) -> None:
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple | None]:
    """The compiled pattern and the arguments ``_sre.compile`` built it from, the pattern
    first (None when the compiler's internals are not the ones this was written for)."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        # The opcodes are int subclasses, which marshal does not take.
        code = [int(word) for word in _compiler._code(parsed, flags)]
        state = parsed.state
        names = dict(state.groupdict)
        index_names: list[str | None] = [None] * state.groups
        for name, index in names.items():
            index_names[index] = name
        arguments = (
            pattern,
            int(flags | state.flags),
            code,
            state.groups - 1,
            names,
            tuple(index_names),
        )
        compiled = _sre.compile(*arguments)
    except Exception:  # any surprise in the internals: the public way
        return re.compile(pattern, flags), None
    return compiled, arguments


def _rebuild(pattern: str, flags: int, stored: bytes) -> re.Pattern[str] | None:
    """The pattern rebuilt from its cached arguments; None when they are not its own (an
    entry filed under another pattern, flags it was not asked with) or do not load."""
    try:
        arguments = marshal.loads(stored)
        # _sre.compile checks the code itself: bad code is an error, never a crash.
        compiled = _sre.compile(*arguments)
    except Exception:  # a damaged entry is only a miss
        return None
    if compiled.pattern != pattern or compiled.flags & flags != flags:
        return None
    return compiled


_default: PatternCache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` through the user's cache file, saved when this process ends."""
    global _default
    if _default is None:
        # The path is taken now, not at exit: by then the environment may say otherwise.
        _default = PatternCache(default_path())
        atexit.register(_default.save)
    return _default.compile(pattern, flags)
