"""Render what is visible first: a long cable's first screens come before the rest of it.

Parsing, rendering and wrapping a 600 KB cable take well over 100 ms; its first screen is a
few KB of it. So the app's worker reads the stored header and the body's first
``HEAD_CHARS`` (``Corpus.get_start``), shows those, waits until they are on the terminal,
and only then parses the whole cable: a Python thread doing that work at once would hold
the interpreter lock against the thread painting the first screen.
"""

from __future__ import annotations

# The body's first characters shown first: a few screens of the tallest terminal (300 lines
# of 60 characters), so paging down at once stays smooth. A body this short or shorter is
# parsed whole straight away (a couple of milliseconds).
HEAD_CHARS = 24_000
# How long the worker waits for the first screen to be painted before it goes on anyway.
PAINT_WAIT = 0.5
