"""Text hygiene for untrusted cable text (DESIGN section 7, rule 2).

Cable text goes to terminals. Textual and Rich pass ESC, C1 controls and bidi overrides
straight through, so a cable could retitle the window, write the clipboard (OSC 52) or forge
output. Every string that enters the store passes through ``clean`` first, and the renderers
call it again before writing, so nothing from a cable can act on the terminal.
"""

from __future__ import annotations

import re

from store import pattern_cache

# Private-use code points the search snippets use as highlight markers; cable text must not
# contain them or a snippet could forge a highlight.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

# Bidi embeddings, overrides and isolates, plus the invisible marks that reorder text.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Runs, not single characters, so that binary junk costs one call per run, not per byte.
# Lone surrogates are included: they cannot be encoded for a terminal, a file or SQLite.
_UNSAFE = pattern_cache.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    + _BIDI
    + HIGHLIGHT_START
    + HIGHLIGHT_END
    + "\ud800-\udfff]+"
)


def _visible_char(code: int) -> str:
    if code == 0:
        return ""
    if code < 0x20:
        # Caret notation, as less shows it: ESC -> ^[
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<{code:X}>"


_VISIBLE: dict[str, str] = {}


def _visible(match: re.Match[str]) -> str:
    out = []
    for char in match.group():
        shown = _VISIBLE.get(char)
        if shown is None:
            shown = _VISIBLE[char] = _visible_char(ord(char))
        out.append(shown)
    return "".join(out)


def clean(text: str) -> str:
    """Normalize line ends and make every control character visible.

    Tab and newline stay; NUL is dropped; CRLF and lone CR become newline; other C0/C1
    controls, DEL, bidi controls, lone surrogates and the highlight markers become visible
    text (``^[``, ``<9B>``, ``<202E>``, ``<D800>``). Idempotent: cleaning twice changes
    nothing more.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Fast path for ASCII text, most of the corpus: deleting the safe bytes leaves the control
    # bytes, in C, ten times faster than the regex scan (~15 ns a character).
    if clean_ascii(text):
        return text
    return _UNSAFE.sub(_visible, text)


_SAFE_ASCII = bytes(b for b in range(128) if b in (9, 10) or 32 <= b < 127)


def clean_ascii(text: str) -> bool:
    """Whether ``text`` is ASCII that ``clean`` gives back as it is (no CR, no control but tab
    and newline): told in C, for several strings joined in one go."""
    return text.isascii() and not text.encode("ascii").translate(None, _SAFE_ASCII)


def decode(data: bytes) -> str:
    """Bytes from a file to text: UTF-8 (BOM dropped), else cp1252, never an exception.

    A UTF-16 file announces itself with a byte-order mark; it is decoded as such, with
    undecodable pairs replaced.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; map those to their C1 code points, which clean()
    # then shows as <81> and the like.
    text = data.decode("cp1252", errors="surrogateescape")
    return _SURROGATE.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)


_SURROGATE = pattern_cache.compile("[\udc80-\udcff]")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: several NUL bytes or many control bytes in the first
    8 KiB. A stray NUL or two in a cable is dropped by ``clean``, not a reason to skip it;
    compressed or executable data has dozens.

    UTF-16 text with a byte-order mark is text, although half its bytes are NUL.
    """
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if head.count(0) > _STRAY_NULS:
        return True
    # Deleting every byte that is not a control leaves the controls to count, in C: a
    # release tree holds 251,287 files and this runs on each.
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > len(head) // 10


_STRAY_NULS = 4
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
