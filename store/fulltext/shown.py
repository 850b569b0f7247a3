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


# Furniture sits at a line's start (a paragraph's number and mark) or end (a page header, a
# level word): so many words are tried off either end before giving up on a line.
_EDGE_WORDS = 8


def locate(body: str, shown: str) -> bytes:
    """Where ``shown``'s words are in ``body``, as ``cut_out`` reads it back.

    Line by line (blanks aside): a line of the body is in the shown text whole, or without
    a few words at its start or end (furniture), or not at all (a page header, the header
    block). Should a line fit none of these, every word is looked for in turn.
    """
    words = " ".join(shown.split())
    runs = _Runs(body)
    cursor, end = 0, len(words)
    for line in _LINE.finditer(body):
        if cursor >= end:
            break
        kept = _fit(words, cursor, line.group())
        if kept is not None:
            start, stop, length = kept
            runs.keep(line.start() + start, line.start() + stop)
            cursor += length + 1
    if cursor < end:
        return _word_by_word(body, shown)
    return runs.bytes()


def _fit(words: str, cursor: int, line: str) -> tuple[int, int, int] | None:
    """The part of ``line`` the shown words go on with at ``cursor``: (start, end) in the
    line and its length with single blanks; None when no whole line, head or tail fits."""
    whole = " ".join(line.split())
    after = cursor + len(whole)
    if words.startswith(whole, cursor) and (after == len(words) or words[after] == " "):
        return 0, len(line), len(whole)
    following = words.find(" ", cursor)
    first = words[cursor : following if following >= 0 else len(words)]
    if first not in line:
        return None  # quick: most lines that do not fit lack the next word altogether
    pieces = [(m.start(), m.end()) for m in _WORD.finditer(line)]
    texts = [line[s:e] for s, e in pieces]
    for skip in range(min(len(pieces), _EDGE_WORDS)):
        if texts[skip] != first:
            continue
        for cut in range(0, min(len(pieces) - skip, _EDGE_WORDS)):
            part = " ".join(texts[skip : len(texts) - cut])
            after = cursor + len(part)
            if words.startswith(part, cursor) and (after == len(words) or words[after] == " "):
                return pieces[skip][0], pieces[len(pieces) - cut - 1][1], len(part)
    return None


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
