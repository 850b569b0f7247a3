"""The TAGS line's value as a list of tags.

Real TAGS lines are typed by hand: lower case (``ecin, pgov``), codes run together
(``PHUMTZ``), person tags spelt out (``OVIP BIDEN JOSEPH``, ``OVIP (CLINTON, HILLARY)``),
semicolons, the SIPDIS caption among the codes, a run of blanks and something else after the
codes. Two tables in ``data/`` hold what cannot be guessed: the known codes (a run-together
word is split only into those) and the tags of several words.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_TAG_LINK = re.compile(r"\[([^\]\[\n]{1,40})\]\([^)\n]{0,80}\)")
_TAG_CODE = re.compile(r"[A-Z]{2,6}\Z")
# The codes end at a run of blanks: what follows on the line is another field or text.
_BLANK_RUN = re.compile(r"[ \t]{3,}\S")
_NAME_IN_PARENS = re.compile(r"\(\s*([A-Z][A-Z'-]+)\s*,\s*([A-Z][A-Z'. -]*?)\s*\)")
_NAME_COMMA = "\x1f"
_CAPTIONS = {"SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS"}
_MAX_PHRASE = 4
_DATA = Path(__file__).with_name("data")


@cache
def _codes() -> frozenset[str]:
    lines = (_DATA / "tag_codes.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


@cache
def _phrases() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for line in (_DATA / "tag_phrases.tsv").read_text(encoding="utf-8").splitlines():
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
        lambda m: f" {m.group(1)}{_NAME_COMMA}{m.group(2).replace(' ', chr(0x1E))} ", value
    )
    tags: list[str] = []
    commas = "," in value
    for part in value.split(",") if commas else (value,):
        for tag in _part_tags(part, commas):
            if tag and tag not in tags and tag not in _CAPTIONS:
                tags.append(tag)
    return tags


def _part_tags(part: str, commas: bool) -> list[str]:
    words = [word.strip(" .:[]()\\") for word in re.split(r"[\s()]+", part)]
    words = [word for word in words if word]
    out: list[str] = []
    unknown = 0  # words neither a known code nor in a phrase
    index = 0
    while index < len(words):
        phrase = _phrase_at(words, index)
        if phrase is not None:
            tag, length = phrase
            out.append(tag)
            index += length
            continue
        word = words[index]
        if _NAME_COMMA in word:
            out.append(word.replace(_NAME_COMMA, ", ").replace("\x1e", " "))
            index += 1
            continue
        pieces = _unglued(word)
        if pieces is not None:
            out.extend(pieces)
        else:
            out.append(word)
            unknown += word not in _codes()
        index += 1
    if (
        commas
        and len(words) > 1
        and unknown == len(words)
        and not all(_TAG_CODE.match(word) for word in words)
    ):
        return [" ".join(words)]  # a tag of several words the table does not know
    return out


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
    if word in codes or not word.isalpha() or not 4 <= len(word) <= 16:
        return None
    return _split_codes(word, codes, depth=0)


def _split_codes(word: str, codes: frozenset[str], depth: int) -> list[str] | None:
    if word in codes:
        return [word]
    if depth >= 5:
        return None
    # Subject codes have four letters and country codes two: pieces of other lengths would
    # cut plain words apart ("POLITICAL" is not POL + IT + IC + AL).
    for size in (4, 2):
        head = word[:size]
        if len(word) > size and head in codes:
            rest = _split_codes(word[size:], codes, depth + 1)
            if rest is not None:
                return [head, *rest]
    return None
