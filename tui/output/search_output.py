"""Search hits for the shell: an aligned table with chips and highlighted terms on a
terminal, plain tab-separated lines when piped. Rich only, no Textual."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.model import Hit
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START, clean
from tui.output.marking_style import chip


def snippet_text(snippet: str) -> Text:
    """A snippet with its highlight markers turned into reverse+bold spans."""
    text = Text()
    highlighted = False
    for piece in _split_markers(snippet):
        if piece == HIGHLIGHT_START:
            highlighted = True
        elif piece == HIGHLIGHT_END:
            highlighted = False
        else:
            text.append(clean(piece).replace("\n", " "), "reverse bold" if highlighted else "")
    return text


def _split_markers(snippet: str) -> list[str]:
    out: list[str] = []
    current = ""
    for char in snippet:
        if char in (HIGHLIGHT_START, HIGHLIGHT_END):
            out.extend([current, char])
            current = ""
        else:
            current += char
    out.append(current)
    return [p for p in out if p]


def print_hits(hits: Sequence[Hit], console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        for hit in hits:
            s = hit.summary
            plain = snippet_text(hit.snippet).plain
            fields = [
                s.id,
                s.created.date().isoformat() if s.created else "",
                s.classification.full if s.classification else "",
                clean(s.subject or ""),
                plain,
            ]
            # Tab-separated for cut/awk; Rich would expand the tabs, so write directly.
            console.file.write("\t".join(f.replace("\t", " ") for f in fields) + "\n")
        return
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
    table.add_column("class", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("subject / snippet", ratio=1)
    for hit in hits:
        s = hit.summary
        mark = s.classification
        label = mark.short if mark else "?"
        # The subject's bold is a span, not the Text's style, which the snippet would take on.
        body = Text()
        body.append(clean(s.subject or "(no subject)"), style="bold")
        body.append("\n")
        body.append_text(snippet_text(hit.snippet))
        table.add_row(
            chip(mark, label),
            s.created.date().isoformat() if s.created else "undated",
            s.id,
            body,
        )
    console.print(table)
