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


# Blanks other than the space and the newline (tabs, form feeds, U+00A0...): the same set
# str.split() splits on.
_OTHER_BLANKS = re.compile(r"[^\S \n]")
_ASCII_BLANKS = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_SPACES = re.compile(" +")
# Words found where the next one failed to follow, before the word by word way is taken:
# real cables have a few; a run of one letter could have one per character.
_MISSES = 64
# The longest piece of body compared in one go before comparing by halves.
_SPAN = 4096
# Places before a word's first whole copy tried as the start of a stretch (``_glued_before``).
_GLUED_TRIES = 8


def locate(body: str, shown: str) -> bytes:
    """Where ``shown``'s words are in ``body``, as ``cut_out`` reads it back.

    The shown words are the body's in order with furniture left out (a paragraph's number
    and mark, page headers, the header block), so they are matched in long stretches: from
    where a word is found, as far as the two texts agree (blanks compared as blanks); where
    they part, the next shown word is looked for further on. Done with string searches, not
    word by word in Python: this runs once per cable on import. Should that fail (a word
    the body holds only in pieces), every word is looked for in turn.

    Before that, paragraphs that stand in the body whole but for their line breaks are
    found with one search each, up to the first that does not: most of a cable whose lines
    end without blanks. A stretch starting at an earlier copy of a paragraph's first words
    ("NOT A", in the header) would have been kept as a run of its own.
    """
    flat = _flatten(body)
    runs = _Runs(body)
    here, rest = _whole_paragraphs(runs, flat, shown)
    words = _one_blank_each(rest) if rest else ""
    located = _stretches(runs, flat, words, here) if words else runs.bytes()
    return located if located is not None else _word_by_word(body, shown)


def _whole_paragraphs(runs: _Runs, flat: str, shown: str) -> tuple[int, str]:
    """Keep the runs of ``shown``'s first paragraphs found whole in ``flat``, each after
    the one before and between blanks; return where the last ends and the shown text left."""
    size, length = len(flat), len(shown)
    flat_shown = shown.replace("\n", " ")  # the same offsets
    here = start = 0
    while start < length:
        stop = shown.find("\n\n", start)
        if stop < 0:
            stop = length
        part = flat_shown[start:stop]
        found = _first(flat, part, here) if part else -1
        end = found + len(part)
        if (
            found < 0
            or part[0] == " "
            or part[-1] == " "
            or (found > 0 and flat[found - 1] != " ")
            or (end < size and flat[end] != " ")
        ):
            break
        runs.keep(found, end)
        here, start = end, stop + 2
    return here, shown[start:]


# A paragraph is looked for by its first characters, then compared whole: str.find of a
# long needle prepares it first (two-way search), which took most of the time of finding a
# cable's paragraphs (1.6 against 0.9 µs a paragraph).
_HEAD = 32
_HEAD_TRIES = 8


def _first(flat: str, part: str, start: int) -> int:
    """``flat.find(part, start)``, sooner for a long ``part``."""
    if len(part) <= 2 * _HEAD:
        return flat.find(part, start)
    head = part[:_HEAD]
    found = flat.find(head, start)
    for _ in range(_HEAD_TRIES):
        if found < 0 or flat.startswith(part, found):
            return found
        found = flat.find(head, found + 1)
    return flat.find(part, found) if found >= 0 else -1


def _one_blank_each(text: str) -> str:
    """``" ".join(text.split())``, without cutting the text into words where it already
    has single spaces but for its line breaks (most shown texts: a third of ``locate``)."""
    flat = text.replace("\n\n", " ").replace("\n", " ")
    if (
        "  " in flat
        or flat[:1] == " "
        or flat[-1:] == " "
        or not flat.isascii()
        or any(blank in flat for blank in _ASCII_BLANKS)
    ):
        return " ".join(text.split())
    return flat


def _flatten(body: str) -> str:
    """The body with every blank a plain space: the same offsets, and blanks compare."""
    flat = body.replace("\n", " ")
    if not flat.isascii():
        return _OTHER_BLANKS.sub(" ", flat)
    for blank in _ASCII_BLANKS:
        if blank in flat:
            flat = flat.replace(blank, " ")
    return flat


def _stretches(runs: _Runs, flat: str, words: str, here: int) -> bytes | None:
    """``runs`` with those of ``words`` (the shown words left), looked for from ``here``."""
    size, total = len(flat), len(words)
    at = 0  # in ``words``; ``here`` is in ``flat``
    misses = 0
    # Where a word stands whole nowhere from: no need to look again (a body that glues every
    # word to a mark would be searched to its end for each).
    nowhere_from: dict[str, int] = {}
    gap = flat.find("  ", here)  # the next run of blanks, looked for again once passed
    while at < total:
        space = words.find(" ", at)
        word = words[at : space if space >= 0 else total]
        found = -1 if nowhere_from.get(word, size + 1) <= here else _whole_word(flat, word, here)
        if found < 0:
            nowhere_from.setdefault(word, here)
        found = _glued_before(flat, words, at, word, here, found)
        if found < 0:
            return None
        here = start = found
        while True:
            # Most often the words go on to where the body has more than one blank.
            if 0 <= gap < here:
                gap = flat.find("  ", here)
            stop = gap + 1 if gap >= 0 else size
            # (A far stop: compared by halves below, not copied out at every stretch.)
            if here < stop <= here + _SPAN and words.startswith(flat[here:stop], at):
                at += stop - here
                here = _SPACES.match(flat, stop).end() if gap >= 0 else stop
                if at < total and here < size:
                    continue
            elif words[at] == flat[here]:
                agreed = _agreement(words, at, flat, here)
                at += agreed
                here += agreed
            if at >= total:
                runs.keep(start, _trimmed(flat, start, here))
                return runs.bytes()
            if here >= size:
                return None  # shown words left over where the body ends
            if flat[here] == " " and flat[here - 1] == " ":
                here = _SPACES.match(flat, here).end()
                if here >= size:
                    return None
                continue
            # The texts part inside a word: the stretch ends with the last word both have.
            back = at - words.rfind(" ", 0, at) - 1 if words[at - 1] != " " else 0
            at -= back
            here -= back
            end = _trimmed(flat, start, here)
            if end > start:
                runs.keep(start, end)
            if back:
                misses += 1
                if misses > _MISSES:
                    return None  # a degenerate text (one letter over and over)
                here += 1  # the word failed there: look past that place
            break
    return runs.bytes()


def _glued_before(flat: str, words: str, at: int, word: str, here: int, whole: int) -> int:
    """Where the stretch from ``word`` (at ``at`` in ``words``) starts: where the word first
    stands whole (``whole``, -1 for nowhere), unless before that it ends a body word glued
    to furniture ("3.IS", "(C)SUMMARY:") and the next shown word follows it there. Taking
    the whole word whatever came before skipped the paragraph whose first word was glued to
    its number, and every shown word up to that later copy: the cut then fell back to word
    by word (0.5% of generated cables, 1.3% of the real pages; 2-5 ms each, about half of
    all the time ``locate`` took on them). -1 when the word is nowhere from ``here``."""
    end = whole if whole >= 0 else len(flat)
    next_blank = words.find(" ", at + len(word) + 1)
    enough = (next_blank if next_blank >= 0 else len(words)) - at  # this word and the next
    start = here
    for _ in range(_GLUED_TRIES):
        glued = flat.find(word, start, end)
        if glued < 0:
            break
        after = glued + len(word)
        if (after == len(flat) or flat[after] == " ") and _agreement(
            words, at, flat, glued
        ) >= enough:
            return glued
        start = glued + 1
    return whole if whole >= 0 else flat.find(word, here)


def _whole_word(flat: str, word: str, start: int) -> int:
    """Where ``word`` first stands between blanks in ``flat`` within ``_SPAN`` * 2 from
    ``start``, or -1 (then the caller takes it glued: each word is looked for once, not
    through the whole rest of a body whose every word has a mark glued to it)."""
    size = len(flat)
    end = start + 2 * _SPAN
    while True:
        found = flat.find(word, start, end)
        if found < 0:
            return -1
        after = found + len(word)
        if (found == 0 or flat[found - 1] == " ") and (after == size or flat[after] == " "):
            return found
        # No whole word starts inside a word: on from the next blank (linear on a
        # 200,000-letter run, where found + 1 was quadratic).
        start = flat.find(" ", found + 1)
        if start < 0:
            return -1


def _agreement(a: str, i: int, b: str, j: int) -> int:
    """How many characters ``a[i:]`` and ``b[j:]`` share at their start: a few string
    comparisons growing fourfold, then halving."""
    most = min(len(a) - i, len(b) - j)
    low, step = 0, 16
    while True:
        probe = min(low + step, most)
        if not a.startswith(b[j + low : j + probe], i + low):
            high = probe - 1
            break
        low = probe
        if low == most:
            return low
        step *= 4
    while low < high:
        middle = (low + high + 1) // 2
        if a.startswith(b[j + low : j + middle], i + low):
            low = middle
        else:
            high = middle - 1
    return low


def _trimmed(flat: str, start: int, end: int) -> int:
    while end > start and flat[end - 1] == " ":
        end -= 1
    return end


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
        # Only blanks between them: one run. Two pieces that touch stay two (two words the
        # shown text splits a body word into), as cut_out puts a blank between runs.
        if self.end >= 0 and self.body[self.end : start].isspace():
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
    return located_too(cable.body, shown_fields(cable))


def shown_fields(cable: Cable) -> tuple[str, str, str]:
    """(subject, shown text, header words): the fields that need the parsed cable."""
    return cable.subject or "", shown_text(cable), header_words(cable)


def located_too(body: str, fields: tuple[str, str, str]) -> tuple[str, str, str, bytes]:
    """``fields`` (``shown_fields``) with where the shown text is in ``body``."""
    return (*fields, locate(body, fields[1]))
