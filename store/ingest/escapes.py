"""Backslash escapes that database exports left in page texts (issue 12, item 4).

Two kinds reach the HTML release. A row exported field by field (MySQL's tab-separated form)
writes a newline inside a field as a backslash before the line break, and a backslash as two.
And a page can show a cable whose every line still ends in that backslash. Both are undone
here; any other backslash is text of the cable and stays as written.
"""

from __future__ import annotations

import re

# Inside an exported field: "\\" is a backslash, a backslash before a line break or a tab
# escapes it, "\0" is a NUL, and a backslash closing the field escaped a line break that the
# export cut off.
_FIELD_ESCAPE = re.compile(r"\\(\\|\n|\t|0|\Z)")
_FIELD_UNESCAPED = {"\\": "\\", "\n": "\n", "\t": "\t", "0": "", "": ""}

# A line that ends in one backslash (an odd count: "\\" at a line end is a backslash).
_CONTINUED = re.compile(r"(?<!\\)((?:\\\\)*)\\[ \t]*$", re.MULTILINE)
# Share of lines with text that must end in a backslash before the page counts as escaped.
_CONTINUED_SHARE = 0.8
_MIN_LINES = 3


def unescape_field(field: str) -> str:
    """One field of a tab-separated export as the cable has it."""
    if "\\" not in field:
        return field
    return _FIELD_ESCAPE.sub(lambda m: _FIELD_UNESCAPED[m.group(1)], field)


def undo_line_continuations(text: str) -> str:
    """The text without the backslash its export left at (nearly) every line end.

    A page where only some lines end in a backslash keeps them: there they are text. The one
    backslash that ends a whole text is an escaped final line break either way.
    """
    if "\\" not in text:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    continued = len(_CONTINUED.findall(text))
    if len(lines) >= _MIN_LINES and continued >= _CONTINUED_SHARE * len(lines):
        return _CONTINUED.sub(r"\1", text)
    match = _CONTINUED.search(text, max(0, len(text.rstrip()) - 2))
    if match is not None and not text[match.end() :].strip():
        return text[: match.start()] + match.group(1) + text[match.end() :]
    return text
