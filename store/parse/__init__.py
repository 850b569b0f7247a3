"""Text -> Cable: banner and markings, header fields, references and IDs, paragraphs.
One cable's text in, one Cable out: no files, no SQLite; its data tables are in data/.
May import store's root modules (model, sanitize, records, frozen, pattern_cache) only.

``parse_text`` is imported on first use, so that a module of its own (``refids`` to make an
ID canonical) comes without the whole parser's start-up cost."""

from __future__ import annotations

__all__ = ["parse_text"]


def __getattr__(name: str):
    if name == "parse_text":
        from store.parse.cable import parse_text

        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
