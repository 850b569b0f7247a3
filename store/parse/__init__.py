"""Text -> Cable: banner and markings, header fields, references and IDs, paragraphs."""

from store.parse.cable import parse_text

__all__ = ["parse_text"]
