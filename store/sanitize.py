"""Text hygiene for untrusted cable text (DESIGN section 7, rule 2).

Cable text goes to terminals. Textual and Rich pass ESC, C1 controls and bidi overrides
straight through, so a cable could retitle the window, write the clipboard (OSC 52) or forge
output. Every string that enters the store passes through ``clean`` first, and the renderers
call it again before writing, so nothing from a cable can act on the terminal.
"""

from __future__ import annotations

import re

# Private-use code points the search snippets use as highlight markers; cable text must not
# contain them or a snippet could forge a highlight.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

# Bidi embeddings, overrides and isolates, plus the invisible marks that reorder text.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f" + _BIDI + HIGHLIGHT_START + HIGHLIGHT_END + "]"
)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code == 0:
        return ""
    if code < 0x20:
        # Caret notation, as less shows it: ESC -> ^[
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<{code:X}>"


def clean(text: str) -> str:
    """Normalize line ends and make every control character visible.

    Tab and newline stay; NUL is dropped; CRLF and lone CR become newline; other C0/C1
    controls, DEL, bidi controls and the highlight markers become visible text.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub(_visible, text)


def decode(data: bytes) -> str:
    """Bytes from a file to text: UTF-8 (BOM dropped), else cp1252, never an exception."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; map those to their C1 code points, which clean()
    # then shows as <81> and the like.
    text = data.decode("cp1252", errors="surrogateescape")
    return _SURROGATE.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)


_SURROGATE = re.compile("[\udc80-\udcff]")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or mostly control bytes in the first 8 KiB."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 10
