"""Cable text made harmless for output (the one function the browser needs at start-up).

Kept apart from ``tui.output.export_formats``, which re-exports it, so that the listing's first
paint does not import the exporters.
"""

from __future__ import annotations

from store import pattern_cache
from store.sanitize import clean

# Lone surrogates cannot be encoded for a terminal or a file; show them like other controls.
_SURROGATE = pattern_cache.compile("[\ud800-\udfff]")


def safe(text: str) -> str:
    """Cable text made harmless for output: controls and lone surrogates made visible."""
    text = clean(text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: f"<{ord(m.group()):X}>", text)
    return text
