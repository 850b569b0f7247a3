"""The ``Classified By:`` line: who classified the cable, in which office, for which reasons.

The line is free text typed by many hands: ``Deputy Political Counselor Miriam K. Oduya per
1.4 (b) and (d)``, ``Tomas Reyvik, Acting Assistant Secretary, EUR; REASON: 1.4(B)``,
``POLOFF DAVID T. ARKWRIGHT. REASON: 1.5 (D).``, wrapped mid-word (``for rea sons``). It is cut
into the name, the title (everything naming an office: the words of ``data/titles.txt``, and
capital abbreviations such as ``PRT`` or ``ISN/CB`` in a mixed-case line) and the reasons.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from store.frozen import frozen
from store.parse.data_files import read_data
from store.parse.lazy_pattern import lazy_compile

# Where the name (and title) ends: the reasons, however the line wrap split the word, or the
# words that introduce them. "for" alone does not end it: "Counselor for Political Affairs".
# Misspelt too: "Resons", "RASONS", "REAS0N", "reaons".
_REASONS_WORD = r"r\s?e?\s?a?\s?s\s?[o0]\s?n\s?s?\b|reaons?\b|rsn\b"
_CUT = lazy_compile(
    rf"(?:,\s*|\s+|-\s*|\A)(?:f[o0]?r\s+(?:{_REASONS_WORD})|(?:{_REASONS_WORD})"
    r"|E\s?\.\s?O\b\.?|1\s?[.,]\s?[2-6]\b|\(\s?[a-h]\s?\)|(?=;))"
    r"|\s+(?:per|under)\b(?!\s+Secretary)"
    # "BASED ON E.O. 12958", "DUE TO 1,4 (C)", "FOR 12958 1.4", a "FOR" the wrap left alone.
    r"|\s+(?:based\s+(?:[o0]n|upon)|due\s+to)\b|\s+f[o0]?r\b(?=\s*(?:\d|\Z))",
    re.IGNORECASE,
)
# The label said again at the start of the value: "1. CLASSIFIED BY", "(C) Classified by",
# "This message classified by", "Classfied By:", "DOS CLASSIFICATION GUIDE BY".
_LABEL_AGAIN = lazy_compile(
    r"\A(?:\d{1,2}\s?\.\s*)?(?:\(\s?[A-Z/]{1,8}\s?\)\s*)?"
    r"(?:[^,;:]{0,30}?\bclas\w*(?:\s+guide)?\s+by\b\s*:?\s*)?",
    re.IGNORECASE,
)
# Charge d'Affaires as typed: "Charge d,Affaires a. i.", "Charge de'Affairs ai.", "Charge'",
# "Charge Affaires", "Charge d'Afairs (AI)", "Charge d'Affaries".
_CHARGE = lazy_compile(
    r"\bCHARG[EÉ]['’]?(?:,?\s*(?:DE?\s?['’,]?\s?)?A\s?FF?AI?R[IE]*S\b)?"
    r"(?P<ai>,?\s*(?:\(\s?A\.?\s?I\.?\s?\)|A\.\s?I\.?|AI\.)(?=\s|,|\Z))?",
    re.IGNORECASE,
)
# A name the line wrap cut: "Hoyt Y ee", "Charles O. Blah a,", "Richa rd Hoagland".
_CUT_NAME = lazy_compile(r"\b([A-Z][A-Za-z]{0,12}) ([a-z]{1,4})(?=[\s,;]|\Z)")
# The reasons themselves: "1.4 (b) and (d)", "1.4(B)", "1.5 (D)", "1.4 b/d", "E.O. 12958 1.4".
_REASONS = lazy_compile(
    r"(?:E\.?\s?O\.?\s?12958[,:]?\s*(?:sections?\s*)?)?1\s?\.\s?[4-6]\s*\.?\s*"
    r"(?:\(?\s?[a-h]\s?\)?(?:\s*(?:,|and|&|/|or|an\s?d)\s*\(?\s?[a-h]\s?\)?)*)?"
    r"(?:\s*(?:,|and)\s*1\s?\.\s?[4-6]\s*\(?\s?[a-h]\s?\)?)*",
    re.IGNORECASE,
)
_SUFFIX = lazy_compile(r"\A(?:Jr|Sr|II|III|IV)\.?\Z", re.IGNORECASE)
_CONNECTORS = {"for", "and", "of", "the", "&", "to", "on", "in", "de"}
_PARTICLES = {"de", "da", "del", "della", "van", "von", "der", "den", "bin", "al", "el", "la",
              "le", "du", "dos", "das", "di", "y", "st."}  # fmt: skip
_NAME_WORD = lazy_compile(r"[A-Z\u00c0-\u00de][\w'’.\-]*\Z|[A-Z]\.?\Z|0\.\Z")
_ABBREVIATION = lazy_compile(r"[A-Z][A-Z/&-]{1,7}\Z")


@frozen
class ClassifiedBy:
    name: str | None
    title: str | None
    reasons: str | None


@cache
def _titles() -> frozenset[str]:
    words = (line.strip() for line in read_data("titles.txt").splitlines())
    return frozenset(word.lower() for word in words if word and not word.startswith("#"))


def split_classified_by(value: str | None) -> ClassifiedBy:
    """Name, title and reasons of a Classified By value (the label already removed)."""
    if not value:
        return ClassifiedBy(None, None, None)
    value = " ".join(value.split())
    value = value[_LABEL_AGAIN.match(value).end() :]
    if "f or" in value or "F or" in value:  # (a substitution costs thirty times the test)
        value = _SPLIT_FOR.sub(r"\1\2", value)  # "Goldberger f or reasons"
    cut = _CUT.search(value)
    who = value[: cut.start()] if cut else value
    # "by CDA ..." (the label said twice), and the "..." of a page that cut the line short.
    who = _BY_AGAIN.sub("", who)
    if "..." in who or "…" in who:
        who = _ELLIPSIS_END.sub("", who)
    reasons = _reasons(value[cut.start() :]) if cut else None
    who = _MARK_START.sub("", who)  # "(U) Polcounselor ..."
    who = _as_typed_apart(who)
    # "... Starr for E.O. 12958 reasons": the "for" before what was cut off.
    who = _JOINER_END.sub("", who)
    name, title = _name_and_title_any_case(who.strip(" ,;:-"))
    return ClassifiedBy(name, title, reasons)


# Compiled once: this runs for every cable, and re's own cache costs a lookup per call.
_SPLIT_FOR = lazy_compile(r"\b([Ff]) (or\s+r)")
_BY_AGAIN = lazy_compile(r"\A(?:(?:classified\s+)?by\b|:)\s*:?\s*", re.IGNORECASE)
_ELLIPSIS_END = lazy_compile(r"\s*(?:\.{3}|…)\s*\Z")
_MARK_START = lazy_compile(r"\A\s*\([A-Z/]{1,8}\)\s*")
# (From the start of a run only: searched from every comma of a long run, it was quadratic.)
_JOINER_END = lazy_compile(r"(?<![\s,])[\s,]+(?:f[o0]?r|per|and)\s*\Z", re.IGNORECASE)
_COLON_APART = lazy_compile(r"\s*:\s*|\s+\?\s+")
_OFFICE_SLASH = lazy_compile(r"(?<=[A-Z]{2})/(?=[A-Z][a-z])")


def _as_typed_apart(who: str) -> str:
    """The title and name apart where typing ran them together or cut them."""
    who = _CHARGE.sub(_charge, who)
    # "AMB:RCROCKER", "Counselor:Steve Weston", "ISN ? PATRICIA": a colon or a lone question
    # mark between title and name, read as the comma it stands for.
    if ":" in who or "?" in who:
        who = _COLON_APART.sub(", ", who)
    if "/" in who:
        who = _OFFICE_SLASH.sub(" ", who)  # "DCM/Ted Osius"
    if _has_lower(who):
        who = _CUT_NAME.sub(_glued_back, who)
    return who


def _charge(match: re.Match[str]) -> str:
    if _CHARGE_AS_MEANT.fullmatch(match.group()):
        return match.group()
    title = "Charge d'Affaires" + (" a.i." if match.group("ai") else "")
    return title.upper() if match.group().isupper() else title


_CHARGE_AS_MEANT = lazy_compile(r"Charg[eé](?: d['’]Affaires(?:,? a\.i\.)?)?", re.IGNORECASE)


_SMALL_WORDS = {"ai", "per", "from", "with", "also", "only", "dept", "div"}


def _glued_back(match: re.Match[str]) -> str:
    word, piece = match.groups()
    if piece in _CONNECTORS or piece in _PARTICLES or piece in _SMALL_WORDS:
        return match.group()
    return word + piece


def _reasons(rest: str) -> str | None:
    match = _REASONS.search(rest)
    if match is not None:
        return match.group().strip(" .,;:") or None
    # Reasons in words ("Reason: sensitive negotiations"): the rest up to its first sentence.
    rest = _REASONS_LABEL.sub("", rest)
    rest = _SENTENCE_END.split(rest, maxsplit=1)[0]
    return rest.strip(" .:;,")[:120] or None


_REASONS_LABEL = lazy_compile(rf"\A[,;\s]*(?:for\s+)?(?:{_REASONS_WORD})?\s*:?", re.I)
_SENTENCE_END = lazy_compile(r"(?<=[a-z)])\.\s")


def _has_lower(text: str) -> bool:
    """Whether any character of ``text`` is a lower case letter; for ASCII text, told by
    ``upper()`` in C rather than a Python loop over its characters (a-z, its only lower case
    letters, are what ``upper()`` changes)."""
    if text.isascii():
        return text != text.upper()
    return any(ch.islower() for ch in text)


# Remembered: the same officers classify cable after cable (46% of the calls on the real
# pages are a value seen before), and the result is a tuple of strings.
@lru_cache(maxsize=4096)
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
    mixed = _has_lower(who)
    segments = _segments(who)
    leading_titles: list[str] = []
    for index, segment in enumerate(segments):
        words = segment.split()
        title_words, rest = _leading_title(words, mixed)
        name = _name_words(rest)
        if not name and any(word.lower() in _PLACE_JOINERS for word in words):
            name = _trailing_name(words, mixed)  # "Special Representative for Afghanistan ..."
            title_words = words[: len(words) - len(name)]
        if not name:
            leading_titles.append(segment)
            continue
        title_words, name = _title_inside(title_words, name, mixed)
        if _place_before(words, title_words, name, mixed):
            # "Ambassador to Sudan Timothy Carney": the name is at the end of the segment.
            name = _trailing_name(words, mixed)
            title_words = words[: len(words) - len(name)]
        title = " ".join(title_words)
        if not title:
            title = ", ".join(leading_titles) or ", ".join(segments[index + 1 :])
        elif leading_titles:
            title = ", ".join([*leading_titles, title])
        return " ".join(name), title or None
    # Only title words ("Classified By: Ambassador"): no name is given.
    return None, who


_PLACE_JOINERS = {"for", "to", "of", "and"}
_INITIALS = lazy_compile(r"(?:[A-Z0]\.)+[A-Z]?\Z|[A-Z]\Z")


def _place_before(words: list[str], title: list[str], name: list[str], mixed: bool) -> bool:
    """Whether a title "for" or "to" a place runs into the name found: a joining word inside
    the name, or words that are no title between the joining word and the name."""
    if any(word.lower() in _PLACE_JOINERS for word in name):
        return True
    joiners = [i for i, word in enumerate(title) if word.lower() in _PLACE_JOINERS]
    if not joiners:
        return False
    between = words[joiners[-1] + 1 : len(title)] + name[:-2]
    return any(not _is_title(word, mixed) for word in between)


def _trailing_name(words: list[str], mixed: bool) -> list[str]:
    """The name at the end of ``words``: a given name, initials perhaps, the surname and a
    suffix perhaps ("Richard C. Holbrooke", "TIMOTHY CARNEY", "Robert O. Blake, Jr.")."""
    end = len(words)
    while end and _SUFFIX.match(words[end - 1].rstrip(",")):
        end -= 1
    last = words[end - 1].rstrip(",") if end else ""
    if not _NAME_WORD.match(last) or _is_title(last, mixed):
        return []
    start = end - 1
    while start and _INITIALS.match(words[start - 1]):
        start -= 1
    if start:
        first = words[start - 1]
        joiner = first.lower() in _PLACE_JOINERS
        if _NAME_WORD.match(first) and not joiner and not _is_title(first, mixed):
            start -= 1
    name = words[start:]
    if len(name[-1]) > 2 and name[-1].endswith(".") and not _SUFFIX.match(name[-1]):
        name[-1] = name[-1].rstrip(".")
    return name


def _title_inside(
    title: list[str], name: list[str], mixed: bool
) -> tuple[list[str], list[str]]:
    """``Somalia Unit Counselor Bob Patterson``: a place or unit before the title words made
    the name start too early; the name is what follows the last title word."""
    for index in range(len(name) - 2, 0, -1):
        if _is_title(name[index], mixed):
            return [*title, *name[: index + 1]], name[index + 1 :]
    return title, name


_SEGMENT_CUT = lazy_compile(r"\s*[,;]\s*")


def _segments(who: str) -> list[str]:
    """Comma-separated parts, with ``, Jr.``, ``, III`` kept on the name before them."""
    segments: list[str] = []
    for part in _SEGMENT_CUT.split(who):
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
    if ("/" in bare or "&" in bare) and len(bare) <= 24:
        return True  # office symbols: "P/E", "E/Pol", "ISN/MTR", "Political/Economic", "EST&H"
    if "-" in bare and all(
        _known_title(part) or part.lower() in _HYPHEN_WORDS for part in bare.split("-") if part
    ):
        return True  # "Minister-Councelor", "Pol-Mil", "Ambassador-at-Large"
    if _known_title(bare):
        return True
    return mixed and bool(_ABBREVIATION.match(bare)) and not _SUFFIX.match(bare)


_HYPHEN_WORDS = {"at", "large", "in", "of"}


@lru_cache(maxsize=4096)
def _known_title(word: str) -> bool:
    """A title word as listed or misspelt: ``AMBASSAD0R``, ``Ambassaor``, ``Counsleor``, ``CIEF``.

    One keystroke off a listed word of five letters or more: a letter left out, doubled,
    changed, or two swapped. (Two would take names: "Charles" is two off "charge".)
    """
    lower = word.lower().replace("0", "o")
    titles = _titles()
    if lower in titles:
        return True
    if not lower.isalpha() or len(lower) < 4:
        return False
    # Only titles sharing a one-letter deletion with the word can be one keystroke off it (a
    # changed, added, dropped or swapped letter all leave one): a few, not the whole table.
    near = _title_deletions()
    candidates = {title for variant in _deletions(lower) for title in near.get(variant, ())}
    return any(
        abs(len(title) - len(lower)) <= 1 and _edits(lower, title, 1) <= 1
        for title in candidates
    )


def _deletions(word: str) -> set[str]:
    """The word and the word with any one letter left out."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


@cache
def _title_deletions() -> dict[str, tuple[str, ...]]:
    """Each one-letter deletion of a listed title of five letters or more -> those titles."""
    index: dict[str, list[str]] = {}
    for title in _titles():
        if len(title) >= 5:
            for variant in _deletions(title):
                index.setdefault(variant, []).append(title)
    return {variant: tuple(titles) for variant, titles in index.items()}


def _edits(a: str, b: str, limit: int) -> int:
    """Edit distance with swaps of neighbours, given up past ``limit``."""
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


_NUMERAL_STOP = lazy_compile(r"I{2,3}\.|IV\.")


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
    if name and _NUMERAL_STOP.fullmatch(name[-1]):
        name[-1] = name[-1][:-1]  # "Baltimore, III.": numerals take no full stop
    return name


# A Classified By line inside the first paragraphs (``1. (U) CLASSIFIED BY POLOFF ...``) or
# below a page header: in capitals, or with its colon, so that "was classified by the
# ministry" in a sentence is not taken.
_IN_TEXT = lazy_compile(
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
        if line.strip() == "CLASSIFIED" and index + 1 < len(lines):
            following = lines[index + 1].lstrip()
            if following.startswith(("BY:", "BY ")):
                line = f"CLASSIFIED {following}"  # the label cut by the line wrap
                lines = [*lines[: index + 1], "", *lines[index + 2 :]]
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
