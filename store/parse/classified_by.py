"""The ``Classified By:`` line: who classified the cable, in which office, for which reasons.

The line is free text typed by many hands: ``Deputy Political Counselor Miriam K. Oduya per
1.4 (b) and (d)``, ``Tomas Reyvik, Acting Assistant Secretary, EUR; REASON: 1.4(B)``,
``POLOFF DAVID T. ARKWRIGHT. REASON: 1.5 (D).``, wrapped mid-word (``for rea sons``). It is cut
into the name, the title (everything naming an office: the words of ``data/titles.txt``, and
capital abbreviations such as ``PRT`` or ``ISN/CB`` in a mixed-case line) and the reasons.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

_WHITESPACE = re.compile(r"\s+")
# Where the name (and title) ends: the reasons, however the line wrap split the word, or the
# words that introduce them. "for" alone does not end it: "Counselor for Political Affairs".
_REASONS_WORD = r"r\s?e\s?a\s?s\s?o\s?n\s?s?\b|rsn\b"
_CUT = re.compile(
    rf"(?:,\s*|\s+|\A)(?:for\s+(?:{_REASONS_WORD})|(?:{_REASONS_WORD})"
    r"|E\s?\.\s?O\s?\.|1\s?\.\s?[4-6]\b|\(\s?[a-h]\s?\)|(?=;))"
    r"|\s+(?:per|under)\b(?!\s+Secretary)",
    re.IGNORECASE,
)
# The reasons themselves: "1.4 (b) and (d)", "1.4(B)", "1.5 (D)", "1.4 b/d", "E.O. 12958 1.4".
_REASONS = re.compile(
    r"(?:E\.?\s?O\.?\s?12958[,:]?\s*(?:sections?\s*)?)?1\s?\.\s?[4-6]\s*\.?\s*"
    r"(?:\(?\s?[a-h]\s?\)?(?:\s*(?:,|and|&|/|or|an\s?d)\s*\(?\s?[a-h]\s?\)?)*)?"
    r"(?:\s*(?:,|and)\s*1\s?\.\s?[4-6]\s*\(?\s?[a-h]\s?\)?)*",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\A(?:Jr|Sr|II|III|IV)\.?\Z", re.IGNORECASE)
_CONNECTORS = {"for", "and", "of", "the", "&", "to", "on", "in", "de"}
_PARTICLES = {"de", "da", "del", "della", "van", "von", "der", "den", "bin", "al", "el", "la",
              "le", "du", "dos", "das", "di", "y", "st."}  # fmt: skip
_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'’.\-]*\Z|[A-Z]\.?\Z")
_ABBREVIATION = re.compile(r"[A-Z][A-Z/&-]{1,7}\Z")


class ClassifiedBy(NamedTuple):
    name: str | None
    title: str | None
    reasons: str | None


@cache
def _titles() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "titles.txt"
    words = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(word.lower() for word in words if word and not word.startswith("#"))


def split_classified_by(value: str | None) -> ClassifiedBy:
    """Name, title and reasons of a Classified By value (the label already removed)."""
    if not value:
        return ClassifiedBy(None, None, None)
    value = _WHITESPACE.sub(" ", value).strip()
    cut = _CUT.search(value)
    who = value[: cut.start()] if cut else value
    # "by CDA ..." (the label said twice), and the "..." of a page that cut the line short.
    who = re.sub(r"\A(?:(?:classified\s+)?by\b|:)\s*:?\s*", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s*(?:\.{3}|…)\s*\Z", "", who)
    reasons = _reasons(value[cut.start() :]) if cut else None
    who = re.sub(r"\A\s*\([A-Z/]{1,8}\)\s*", "", who)  # "(U) Polcounselor ..."
    name, title = _name_and_title_any_case(who.strip(" ,;:-"))
    return ClassifiedBy(name, title, reasons)


def _reasons(rest: str) -> str | None:
    match = _REASONS.search(rest)
    if match is not None:
        return match.group().strip(" .,;:") or None
    # Reasons in words ("Reason: sensitive negotiations"): the rest up to its first sentence.
    rest = re.sub(rf"\A[,;\s]*(?:for\s+)?(?:{_REASONS_WORD})?\s*:?", "", rest, flags=re.I)
    rest = re.split(r"(?<=[a-z)])\.\s", rest, maxsplit=1)[0]
    return rest.strip(" .:;,")[:120] or None


def _name_and_title_any_case(who: str) -> tuple[str | None, str | None]:
    """A line typed all in lower case ("com jonathan farrar") is read as if capitalised, and
    its parts given back as written."""
    if not who or who != who.lower() or len(who.title()) != len(who):
        return _name_and_title(who)
    titled = who.title()
    name, title = _name_and_title(titled)
    return _as_written(who, titled, name), _as_written(who, titled, title)


def _as_written(original: str, titled: str, part: str | None) -> str | None:
    if part is None:
        return None
    start = titled.find(part)
    return original[start : start + len(part)] if start >= 0 else part


def _name_and_title(who: str) -> tuple[str | None, str | None]:
    if not who:
        return None, None
    mixed = any(ch.islower() for ch in who)
    segments = _segments(who)
    leading_titles: list[str] = []
    for index, segment in enumerate(segments):
        words = segment.split()
        title_words, rest = _leading_title(words, mixed)
        name = _name_words(rest)
        if not name:
            leading_titles.append(segment)
            continue
        title_words, name = _title_inside(title_words, name, mixed)
        title = " ".join(title_words)
        if not title:
            title = ", ".join(leading_titles) or ", ".join(segments[index + 1 :])
        elif leading_titles:
            title = ", ".join([*leading_titles, title])
        return " ".join(name), title or None
    # Only title words ("Classified By: Ambassador"): no name is given.
    return None, who


def _title_inside(
    title: list[str], name: list[str], mixed: bool
) -> tuple[list[str], list[str]]:
    """``Somalia Unit Counselor Bob Patterson``: a place or unit before the title words made
    the name start too early; the name is what follows the last title word."""
    for index in range(len(name) - 2, 0, -1):
        if _is_title(name[index], mixed):
            return [*title, *name[: index + 1]], name[index + 1 :]
    return title, name


def _segments(who: str) -> list[str]:
    """Comma-separated parts, with ``, Jr.``, ``, III`` kept on the name before them."""
    segments: list[str] = []
    for part in re.split(r"\s*[,;]\s*", who):
        if not part:
            continue
        if segments and _SUFFIX.match(part):
            segments[-1] = f"{segments[-1]}, {part}"
        else:
            segments.append(part)
    return segments


def _leading_title(words: list[str], mixed: bool) -> tuple[list[str], list[str]]:
    """The title words at the start of a segment, and the words after them."""
    index = 0
    while index < len(words):
        span = _title_span(words, index, mixed)
        if span == 0 and index and words[index].lower() in _CONNECTORS:
            # "Counselor for Economic Affairs": a small word between two title words.
            following = _title_span(words, index + 1, mixed)
            span = 1 + following if following else 0
        if span == 0:
            break
        index += span
    return words[:index], words[index:]


def _title_span(words: list[str], index: int, mixed: bool) -> int:
    """How many words from ``index`` make one title word: 1, 2 for a word the line wrap
    split ("Polit ical"), or 0."""
    if index >= len(words):
        return 0
    if _is_title(words[index], mixed):
        return 1
    if index + 1 < len(words) and _is_title(words[index] + words[index + 1], mixed):
        return 2
    return 0


def _is_title(word: str, mixed: bool) -> bool:
    bare = word.strip(".,:()")
    titles = _titles()
    if bare.lower() in titles or word.lower() in titles:
        return True
    if "/" in bare and len(bare) <= 24:
        return True  # office symbols: "P/E", "E/Pol", "ISN/MTR", "Political/Economic"
    if "-" in bare and all(part.lower() in titles for part in bare.split("-") if part):
        return True  # "Minister-Councelor", "Pol-Mil"
    return mixed and bool(_ABBREVIATION.match(bare)) and not _SUFFIX.match(bare)


def _name_words(words: list[str]) -> list[str]:
    """The name at the start of ``words``: capitalised words, initials, particles, suffix."""
    name: list[str] = []
    for index, word in enumerate(words):
        bare = word.rstrip(",")
        if _NAME_WORD.match(bare) or _SUFFIX.match(bare.rstrip(".")):
            suffix_next = index + 1 < len(words) and _SUFFIX.match(words[index + 1])
            name.append(word if suffix_next else bare)  # "Blake, Jr." keeps its comma
        elif bare.lower() in _PARTICLES and (name or index + 1 < len(words)):
            name.append(bare)  # "de la Cruz"; "Ambassador van Voorst"
        else:
            break
    while name and name[-1].lower() in _PARTICLES:
        name.pop()
    if name and len(name[-1]) > 2 and name[-1].endswith(".") and not _SUFFIX.match(name[-1]):
        name[-1] = name[-1].rstrip(".")  # the sentence's full stop, not an initial's
    return name


# A Classified By line inside the first paragraphs (``1. (U) CLASSIFIED BY POLOFF ...``) or
# below a page header: in capitals, or with its colon, so that "was classified by the
# ministry" in a sentence is not taken.
_IN_TEXT = re.compile(
    r"(?:\bCLASSIFIED\s+BY\b|\bClassified\s+[Bb]y\s*:"
    r"|\A\s*(?:¶?\s?\d{1,2}\s?\.\s*)?(?:\([A-Z/]{1,8}\)\s*)?Classified\s+[Bb]y\b)\s*:?\s*"
)
_SEARCH_LINES = 60


def find_classified_by(lines: list[str]) -> str | None:
    """The value of the first Classified By line among ``lines`` (the text below the header
    fields), with the lines it wraps onto; None when there is none."""
    lines = lines[:_SEARCH_LINES]
    block = "\n".join(lines)
    if "lassified" not in block and "LASSIFIED" not in block:
        return None  # most cables: one C-level test instead of sixty searches
    for index, line in enumerate(lines):
        match = _IN_TEXT.search(line) if len(line) < 2000 else None
        if match is None:
            continue
        parts = [line[match.end() :]]
        for following in lines[index + 1 : index + 3]:
            if not following.strip() or _REASONS.search(parts[-1]):
                break
            parts.append(following)
        return " ".join(part.strip() for part in parts)
    return None
