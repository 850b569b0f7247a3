"""Text -> Cable: banner and markings, header fields, references and IDs, paragraphs.
One cable's text in, one Cable out: no files, no SQLite; its data tables are in data/.
May import store's root modules (model, sanitize, records) only."""

from store.parse.cable import parse_text

__all__ = ["parse_text"]
