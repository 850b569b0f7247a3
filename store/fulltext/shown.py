"""The text the reader shows of a cable, and how to cut it out of the stored body again.

The index holds the shown text (paragraphs and signer: page headers, repeated section
headers and the header block out, a paragraph cut by a page break whole), so a phrase the
reader shows is found and a page header's tokens are not. Snippets must come from the same
text, but storing it again would double the index (the shown text compressed is larger than
the whole index without it). Its words are the stored body's in order, with furniture left
out, so the index stores only where they are: the runs of the body the shown text is made
of, a few pairs of offsets per cable.
"""

from __future__ import annotations

import re
import zlib
from array import array

from store.model import Cable

# ``shown`` values: b"S" and the (start, end) offsets of the body's runs, or, should the
# shown text not be found in the body word for word, b"T" and the text itself, compressed.
_RUNS = b"S"
_TEXT = b"T"


def shown_text(cable: Cable) -> str:
    """Paragraphs and signer as the reader shows them (the whole body without paragraphs)."""
    if cable.paragraphs:
        parts = [p.text for p in cable.paragraphs]
    else:
        parts = [cable.body.strip("\n")] if cable.body.strip() else []
    if cable.signer:
        parts.append(cable.signer)
    return "\n\n".join(parts)


def header_words(cable: Cable) -> str:
    """Header fields the reader shows that are words to search: tags and classifier."""
    parts = [*cable.tags, cable.classified_by or "", cable.classified_by_title or ""]
    return "\n".join(part for part in parts if part)


_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its leading and trailing blanks
_WORD = re.compile(r"\S+")


def locate(body: str, shown: str) -> bytes:
    """Where ``shown``'s words are in ``body``, as ``cut_out`` reads it back.

    Line by line: most lines of the body are in the shown text whole; the others (a page
    header, a paragraph's number and mark, a line with both) are matched word by word,
    their furniture left out. Should that lose its way, every word is looked for in turn.
    """
    runs = _Runs(body)
    cursor, end = 0, len(shown)
    for line in _LINE.finditer(body):
        word = _WORD.search(shown, cursor)
        if word is None:
            break
        cursor = word.start()
        text = line.group()
        after = cursor + len(text)
        if shown.startswith(text, cursor) and (after == end or shown[after].isspace()):
            runs.keep(line.start(), line.end())
            cursor = after
            continue
        for piece in _WORD.finditer(text):
            word = _WORD.search(shown, cursor)
            if word is None:
                break
            found = piece.group().find(word.group())
            if found >= 0:
                start = line.start() + piece.start() + found
                runs.keep(start, start + len(word.group()))
                cursor = word.end()
    if _WORD.search(shown, cursor) is not None:
        return _word_by_word(body, shown)
    return runs.bytes()


def _word_by_word(body: str, shown: str) -> bytes:
    runs = _Runs(body)
    position = 0
    for word in shown.split():
        found = body.find(word, position)
        if found < 0:
            return _TEXT + zlib.compress(shown.encode("utf-8", "surrogatepass"))
        runs.keep(found, found + len(word))
        position = found + len(word)
    return runs.bytes()


class _Runs:
    """Kept pieces of the body, joined into one run while only blanks lie between them."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.offsets = array("I")
        self.start = self.end = -1

    def keep(self, start: int, end: int) -> None:
        if self.end >= 0 and (start == self.end or self.body[self.end : start].isspace()):
            self.end = end
            return
        if self.end >= 0:
            self.offsets.extend((self.start, self.end))
        self.start, self.end = start, end

    def bytes(self) -> bytes:
        if self.end >= 0:
            self.offsets.extend((self.start, self.end))
            self.end = -1
        return _RUNS + self.offsets.tobytes()


def cut_out(body: str, located: bytes | None) -> str:
    """The shown text again (blanks between runs as one space), from ``locate``'s bytes;
    the body itself when there are none (a document written before they were kept)."""
    if not located:
        return body
    if located[:1] == _TEXT:
        return zlib.decompress(located[1:]).decode("utf-8", "surrogatepass")
    runs = array("I")
    runs.frombytes(located[1:])
    return " ".join(body[runs[i] : runs[i + 1]] for i in range(0, len(runs), 2))


def indexed(cable: Cable) -> tuple[str, str, str, bytes]:
    """(subject, shown text, header words, located) of a cable: its document's fields."""
    shown = shown_text(cable)
    return cable.subject or "", shown, header_words(cable), locate(cable.body, shown)
