"""Cables and threads as text: the renderer, plain text, Markdown, JSON, BibTeX, DOT, citations.
Shared by the one-shot commands (`cables show`, `cite`, `thread`, `search`) and the browser.
May import Rich and store/: never Textual, nor any other part of tui/."""
