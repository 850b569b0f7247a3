"""The TAGS line's value as a list of tags.

Real TAGS lines are typed by hand: lower case (``ecin, pgov``), codes run together
(``PHUMTZ``), person tags spelt out (``OVIP BIDEN JOSEPH``, ``OVIP (CLINTON, HILLARY)``),
semicolons, the SIPDIS caption among the codes, a run of blanks and something else after the
codes. Two tables in ``data/`` hold what cannot be guessed: the known codes (a run-together
word is split only into those) and the tags of several words.
"""

from __future__ import annotations

from functools import cache

from store.parse.data_files import read_data
from store.parse.lazy_pattern import lazy_compile

_TAG_LINK = lazy_compile(r"\[([^\]\[\n]{1,40})\]\([^)\n]{0,80}\)")
_TAG_CODE = lazy_compile(r"[A-Z]{2,6}\Z")
# The codes end at a run of blanks: what follows on the line is another field or text.
_BLANK_RUN = lazy_compile(r"[ \t]{3,}\S")
_NAME_IN_PARENS = lazy_compile(r"\(\s*([A-Z][A-Z'-]+)\s*,\s*([A-Z][A-Z'. -]*?)\s*\)")
# Stand-ins for a person tag's comma and blanks while the value is cut into words (private-use
# characters: control characters would count as whitespace).
_NAME_COMMA = "\ue000"
_NAME_BLANK = "\ue001"
_CAPTIONS = {"SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS"}
_MAX_PHRASE = 4


@cache
def _codes() -> frozenset[str]:
    lines = read_data("tag_codes.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


@cache
def _phrases() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for line in read_data("tag_phrases.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            words, tag = line.split("\t")
            table[tuple(words.split())] = tag.strip()
    return table


def split_tags(value: str | None) -> list[str]:
    """TAGS as a list: blanks, commas or semicolons between them, ``[KZ](#)`` links, tags of
    several words from the table, run-together codes split, captions and repeats left out.

    With commas, a part of several words that are neither codes nor a known phrase stays one
    tag (``TRADE AND DEVELOPMENT``).
    """
    if not value:
        return []
    value = value[:4000].strip()
    run = _BLANK_RUN.search(value)
    value = value[: run.start()] if run else value
    value = _TAG_LINK.sub(lambda m: " " + m.group(1) + " ", value).upper().replace(";", ",")
    # "OVIP (CLINTON, HILLARY)": a person tag whose comma is not a separator.
    value = _NAME_IN_PARENS.sub(
        lambda m: f" {m.group(1)}{_NAME_COMMA}{m.group(2).replace(' ', _NAME_BLANK)} ", value
    )
    tags: list[str] = []
    commas = "," in value
    for part in value.split(",") if commas else (value,):
        for tag in _part_tags(part, commas):
            if tag and tag not in tags and tag not in _CAPTIONS:
                tags.append(tag)
    return tags


_WORD_CUT = lazy_compile(r"[\s()]+")


def _part_tags(part: str, commas: bool) -> list[str]:
    words = [_bare(word) for word in _WORD_CUT.split(part)]
    words = [word for word in words if word]
    out: list[str] = []
    unknown = 0  # words neither a known code nor in a phrase
    codes, starts = _codes(), _phrase_starts()
    index = 0
    while index < len(words):
        if words[index] in codes and words[index] not in starts:
            # A known code that opens no phrase of the table is a tag of its own: what the
            # ways below come to for it, told without their three calls (most words).
            out.append(words[index])
            index += 1
            continue
        phrase = _phrase_at(words, index)
        if phrase is not None:
            tag, length = phrase
            out.append(tag)
            index += length
            continue
        word = words[index]
        if _NAME_COMMA in word:
            out.append(word.replace(_NAME_COMMA, ", ").replace(_NAME_BLANK, " "))
            index += 1
            continue
        pieces = _unglued(word)
        if pieces is not None:
            out.extend(pieces)
            index += 1
            continue
        run = _phrase_run(words, index)
        if run > 1:
            out.append(" ".join(words[index : index + run]))
            unknown += run
            index += run
            continue
        out.append(word)
        unknown += word not in codes
        index += 1
    if (
        commas
        and len(words) > 1
        and unknown == len(words)
        and not all(_TAG_CODE.match(word) for word in words)
    ):
        return [" ".join(words)]  # a tag of several words the table does not know
    return out


def _bare(word: str) -> str:
    """A word without the punctuation around it; a name tag keeps its initial's full stop."""
    if _NAME_COMMA in word:
        return word.strip(" :[]()\\")
    return word.strip(" .:[]()\\")


# Small words inside a subject tag of several words ("ECONOMY AND FINANCE").
_JOINERS = {"AND", "OF", "WITH", "FOR", "THE", "ON", "IN", "TO", "&"}
_MIN_PHRASE_WORD = 5


def _phrase_run(words: list[str], index: int) -> int:
    """How many words from ``index`` make one subject tag the table does not know.

    Plain words typed among the codes (``GLOBAL DEFENSE``, ``MEETINGS WITH AMBASSADOR``) are
    one tag: a run of words of five letters or more, with small joining words inside, none a
    code or the start of a known phrase. Short unknown words (``GOI``, ``KPAK``) stay alone:
    they are codes the table lacks more often than words.
    """
    codes = _codes()
    end = index
    while end < len(words):
        word = words[end]
        if word in _JOINERS and end > index and end + 1 < len(words):
            end += 1
            continue
        if (
            len(word) < _MIN_PHRASE_WORD
            or not word.replace("-", "").isalpha()
            or word in codes
            or _NAME_COMMA in word
            or (end > index and _phrase_at(words, end) is not None)
        ):
            break
        end += 1
    while end > index and words[end - 1] in _JOINERS:
        end -= 1
    # Longer runs are prose or several names pasted in: left word by word.
    return end - index if end - index <= _MAX_PHRASE else 1


@cache
def _phrase_starts() -> frozenset[str]:
    """The first words of the table's phrases: no phrase starts at any other word."""
    return frozenset(words[0] for words in _phrases())


def _phrase_at(words: list[str], index: int) -> tuple[str, int] | None:
    table = _phrases()
    for length in range(min(_MAX_PHRASE, len(words) - index), 1, -1):
        tag = table.get(tuple(words[index : index + length]))
        if tag is not None:
            return tag, length
    return None


def _unglued(word: str) -> list[str] | None:
    """``PHUMTZ`` -> [PHUM, TZ] when every piece is a known code and the word is not one."""
    codes = _codes()
    # Six letters at least: a four-letter word is an unknown code more often than two
    # country codes run together.
    if word in codes or not word.isalpha() or not 6 <= len(word) <= _MAX_GLUED:
        return None
    return _split_codes(word, codes)


_MAX_GLUED = 64


def _split_codes(word: str, codes: frozenset[str]) -> list[str] | None:
    """The pieces of ``word`` as known codes, longest first; None when it cannot be cut so.

    Subject codes have four letters and country codes two: pieces of other lengths would cut
    plain words apart ("POLITICAL" is not POL + IT + IC + AL). Worked from the end of the
    word backwards, so each position is tried once whatever the word's length.
    """
    ways: list[list[str] | None] = [None] * (len(word) + 1)
    ways[len(word)] = []
    for start in range(len(word) - 1, -1, -1):
        for size in (4, 2):
            rest = ways[start + size] if start + size <= len(word) else None
            if rest is not None and word[start : start + size] in codes:
                ways[start] = [word[start : start + size], *rest]
                break
    return ways[0]
