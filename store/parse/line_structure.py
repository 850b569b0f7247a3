"""Which line breaks of a paragraph are the cable's own, and which are hard wrapping.

A telegram is wrapped at about 69 columns: in prose, a line break is only the margin, and
the reader re-wraps the words to its own width. But a list item, a participants or
distribution list (one name a line), a table row, a heading or ruler, the line that opens a
list ("Participants:") and a short line ending well before the margin all end where the
writer ended them: those breaks are kept.
"""

from __future__ import annotations

from store.parse.lazy_pattern import lazy_compile

# A list item: "-- ", "- ", "* ", "o ", "a) ", "(b) ", "1) ", "A. ", bullets.
_ITEM = r"--|[-*o•][^\S\n]|\(?(?:[A-Za-z]|\d{1,2})[.)][^\S\n]"
_ITEM_LINE = lazy_compile(rf"[^\S\n]?(?:{_ITEM})")
_RULER = lazy_compile(r"[-=_*~]{3,}\Z")
# The characters a ruler is drawn with (a cheap first test before the pattern).
RULER_CHARS = frozenset("-=_*~")
_SENTENCE_ENDS = (".", "!", "?", ";", '"', "'", ")", ",")
# Below this share of the paragraph's longest line, a line ended before the margin: its
# break is the writer's (a name in a list, a title, the last line of a quoted block).
SHORT_LINE = 0.6
# Paragraphs whose longest line is shorter than this were not wrapped at a margin at all.
WRAPPED_WIDTH = 50
MARGIN = 80
# No line shorter than the shortest a wrapped paragraph could keep its break after: the
# paragraph is prose through and through.
_ALWAYS_SHORT = int(SHORT_LINE * MARGIN)
# A line break the writer may have meant: before an indented line or a list item. Every
# alternative starts at a line break, so a search skips to them at C speed. (The third kind,
# around a line too short to have reached the margin, is told from the line lengths.)
# What follows the line break (the paragraph splitter looks for it too, in one search with
# its own kinds of line: see ``paragraphs._LOOK_CLOSER``).
KEPT_AFTER_BREAK = rf"[^\S\n]{{2}}|[^\S\n]?(?:{_ITEM})"
# Or a line ending in a colon ("Participants:"), told at the line break after it.
COLON_BEFORE_BREAK = r"(?<=:\n)"
_KEPT = lazy_compile(rf"\n(?:{COLON_BEFORE_BREAK}|{KEPT_AFTER_BREAK})")


def unwrap(text: str, no_kept_break: bool = False) -> str:
    """Join hard-wrapped lines into one; keep the breaks that are the cable's own.

    ``no_kept_break``: the caller has found no line break before an indented line or a list
    item, nor after a colon, in ``text`` (``_KEPT``)."""
    if "\n" not in text:
        return text.rstrip()
    split = text.split("\n")
    # ``_KEPT`` finds the line breaks before every indented line and list item: where it finds
    # none, no line but the first is either, and they are not looked for line by line.
    # (Searched once, here: both ways below need it.)
    indented = not no_kept_break and _KEPT.search(text) is not None
    if (
        min(map(len, split[:-1])) > _ALWAYS_SHORT
        and "\t" not in text
        and not indented
        and "   " not in text
    ):
        # Plain prose, no line ending early: the common case, kept cheap (C-level scans
        # rather than a loop over the lines).
        return " ".join(map(str.strip, split)).strip()
    lines = [line for line in split if line.strip()]
    if len(lines) < 2:
        return text.strip()
    stripped = [line.strip() for line in lines]
    longest = max(map(len, stripped))
    wide = longest >= WRAPPED_WIDTH
    # A line longer than a teleprinter's is a flattened or a re-joined one, not the margin.
    short = SHORT_LINE * min(longest, MARGIN) if wide else None
    if short is not None and not indented and _no_break(text, stripped, short):
        # Prose whose only early line is its last (a paragraph's last line, or the blank
        # line after it): one line, without the loop below.
        return " ".join(stripped).strip()
    indents = [len(line) - len(line.lstrip()) for line in lines] if indented else []
    # When every continuation line is indented (a hanging indent), only deeper indentation
    # keeps a break; columns inside a line ("Rate      Old     New") make a table row.
    base = min(indents[1:], default=0)
    # A table row or a ruler keeps the breaks on both its sides: told once for each line.
    fixed = [
        "   " in piece
        or "\t" in piece
        or (piece[:1] in RULER_CHARS and _RULER.match(piece) is not None)
        for piece in stripped
    ]
    count = len(lines)
    # Lines of the result, each a list of wrapped pieces: joined once, at the end, so that a
    # long paragraph costs linear time.
    out: list[list[str]] = [[stripped[0]]]
    for index in range(1, count):
        piece = stripped[index]
        if (
            fixed[index]
            or fixed[index - 1]
            or _breaks_after(stripped[index - 1], piece, short, count)
            or (indented and (indents[index] >= base + 2 or _ITEM_LINE.match(lines[index])))
        ):
            out.append([piece])
        else:
            out[-1].append(piece)
    return "\n".join(" ".join(pieces) for pieces in out).strip()


def _no_break(text: str, stripped: list[str], short: float) -> bool:
    """Whether, in a wide paragraph with no indented line or list item, the loop of ``unwrap``
    would keep no break: no table row or ruler, and no line but the last that ends early or
    with a colon (the last line's own end is never asked about)."""
    if "\t" in text or "   " in text or min(map(len, stripped[:-1])) < short:
        return False
    if ":" in text and any(line.endswith(":") for line in stripped[:-1]):
        return False
    return not any(line[0] in RULER_CHARS for line in stripped)


def _breaks_after(line: str, following: str, short: float | None, lines_in_block: int) -> bool:
    """Whether the writer ended ``line`` (rather than the margin), ``following`` next.

    ``short`` is the length under which a line of a wrapped paragraph ended early; None for
    a paragraph of short lines, where a line that ends no sentence before a capital is a
    list's (a name, a title). A table row or a ruler is told before this is asked.
    """
    if line.endswith(":"):
        return True
    if following[:1].islower() or following[:1].isdigit():
        return False  # the sentence goes on ("met in" / "2004. After that")
    if short is not None:
        return len(line) < short
    if lines_in_block >= 3:
        return True  # three or more short lines: a list of names, a distribution list
    return not line.endswith(_SENTENCE_ENDS) and following[:1].isupper()
