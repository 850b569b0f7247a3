"""One line of the sidebar per cable (and a snippet line per search hit), as Rich Text.

Kept apart from the widget so the row format can be tested and benchmarked without an app.
Every cable string is cleaned (``export_formats.safe``) and placed with ``Text.append``: a
subject of ``[bold]`` or one holding ESC shows as text and cannot act on the terminal.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from store.model import Summary
from store.sanitize import HIGHLIGHT_END, HIGHLIGHT_START
from tui.output.marking_style import chip
from tui.output.safe_text import safe

BOOKMARK_MARK = "*"
DATE_WIDTH = 10
ID_WIDTH = 13
# The ID column grows to the corpus's longest ID (10USUNNEWYORK2 would push the subjects of its
# neighbours), up to this many: past it an ID is cut with an ellipsis, the column stays put.
MAX_ID_WIDTH = 20
# Columns of the chip block: wide enough for S//NF and U//FOUO (a quarter of the corpus),
# at every width, so that the IDs after the chips line up.
CHIP_WIDTH = 7
# The date goes when it would leave the subject fewer columns than this (the ID carries
# the year anyway): a subject cut to a dozen characters says less than the date did.
SUBJECT_MIN = 20
# What a listing beside the reader tries to give the subject (``listing_width``).
SUBJECT_WANTED = 30
SNIPPET_INDENT = 2

DATE_STYLE = Style(dim=True)
ID_STYLE = Style(bold=True)
MARK_STYLE = Style(bold=True)
SNIPPET_STYLE = Style(dim=True)
# The reader's hit style (``tui.output.render.HIGHLIGHT_STYLE``; a test keeps them equal), not
# imported from there so that the first paint does not wait for the renderer's import.
HIGHLIGHT_STYLE = Style(reverse=True, bold=True)


def flat(text: str) -> str:
    """Cable text on one line: cleaned, every run of blanks and line breaks one space."""
    return " ".join(safe(text).split())


def id_column(longest: int) -> int:
    """The ID column's width for a corpus whose longest ID has ``longest`` characters."""
    return max(ID_WIDTH, min(longest, MAX_ID_WIDTH))


def fixed_columns(id_width: int, *, date: bool = True) -> int:
    """The cells of a row before its subject: mark, chip, date (if shown) and ID."""
    return 1 + CHIP_WIDTH + 1 + (DATE_WIDTH + 1 if date else 0) + id_width + 1


def shows_date(width: int, id_width: int) -> bool:
    return width - fixed_columns(id_width) >= SUBJECT_MIN


def listing_width(id_width: int) -> int:
    """The text width a listing needs to give the subject ``SUBJECT_WANTED`` columns."""
    return fixed_columns(id_width) + SUBJECT_WANTED


def summary_row(
    summary: Summary, width: int, *, bookmarked: bool = False, id_width: int = ID_WIDTH
) -> Text:
    """``* [ C ] 2006-06-30 06ALMATY2558  Subject...`` fitted to ``width`` cells."""
    line = Text(no_wrap=True, end="")
    line.append(BOOKMARK_MARK if bookmarked else " ", style=MARK_STYLE)
    marking = summary.classification
    short = marking.short if marking is not None else "?"
    line.append_text(chip(marking, short.center(CHIP_WIDTH)))
    line.append(" ")
    if shows_date(width, id_width):
        day = summary.created.strftime("%Y-%m-%d") if summary.created else "no date"
        line.append(day.ljust(DATE_WIDTH), style=DATE_STYLE)
        line.append(" ")
    cable_id = safe(summary.id)
    if len(cable_id) > id_width:
        cable_id = cable_id[: id_width - 1] + "…"
    line.append(cable_id.ljust(id_width), style=ID_STYLE)
    line.append(" ")
    line.append(flat(summary.subject or ""))
    return fit(line, width)


def placeholder_row(width: int) -> Text:
    """What a row shows while its page is being fetched."""
    return fit(Text(" …", style=DATE_STYLE, no_wrap=True, end=""), width)


def snippet_row(snippet: str, width: int) -> Text:
    """A search hit's snippet under its row: matched terms in reverse, the rest dimmed.

    When the first match would fall in the right part of a narrow row (or past its end), the
    text before it is cut (shown as ``…``) so that the match is in view.
    """
    line = Text(no_wrap=True, end="")
    highlighted = False
    first_match = None
    for piece in _split_markers(snippet):
        if piece is None:
            highlighted = not highlighted
            if highlighted and first_match is None:
                first_match = len(line)
            continue
        line.append(flat_keep_edges(piece), style=HIGHLIGHT_STYLE if highlighted else SNIPPET_STYLE)
    room = width - SNIPPET_INDENT
    lead = room // 4
    plain = line.plain
    if first_match is not None and cell_len(plain[:first_match]) > lead:
        cut = first_match
        while cut > 0 and cell_len(plain[cut - 1 : first_match]) < lead - 1:
            cut -= 1
        # Forward to the next word's start, so that no half word follows the ellipsis.
        while 0 < cut < first_match and not plain[cut - 1].isspace():
            cut += 1
        line = Text("…", style=SNIPPET_STYLE, no_wrap=True, end="").append_text(line[cut:])
    indented = Text(" " * SNIPPET_INDENT, no_wrap=True, end="")
    indented.append_text(line)
    return fit_words(indented, width)


def fit_words(line: Text, width: int) -> Text:
    """``fit``, but a line too long is cut after its last whole word that fits."""
    if cell_len(line.plain) <= width:
        return fit(line, width)
    room = line[:]
    room.truncate(width - 1)
    blank = room.plain.rstrip().rfind(" ")
    # Past the indent and the ellipsis only: one long word is cut rather than dropped.
    if blank > SNIPPET_INDENT + 1:
        room = room[:blank]
    room.append("…", style=SNIPPET_STYLE)
    return fit(room, width)


def flat_keep_edges(text: str) -> str:
    """Like ``flat`` but keeps one blank at either end (snippet pieces meet at word breaks)."""
    cleaned = safe(text)
    inner = " ".join(cleaned.split())
    if not inner:
        return " " if cleaned else ""
    lead = " " if cleaned[0].isspace() else ""
    trail = " " if cleaned[-1].isspace() else ""
    return lead + inner + trail


def _split_markers(snippet: str) -> list[str | None]:
    """Snippet text with None where a highlight starts or ends."""
    out: list[str | None] = []
    piece = []
    for char in snippet:
        if char in (HIGHLIGHT_START, HIGHLIGHT_END):
            out.append("".join(piece))
            out.append(None)
            piece = []
        else:
            piece.append(char)
    out.append("".join(piece))
    return out


def fit(line: Text, width: int) -> Text:
    """Cut to ``width`` cells with an ellipsis, or pad with blanks to exactly ``width``."""
    if cell_len(line.plain) > width:
        line.truncate(width, overflow="ellipsis")
    line.pad_right(max(0, width - cell_len(line.plain)))
    return line
