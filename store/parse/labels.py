"""The labels of the header fields (E.O., TAGS, SUBJECT, REF, Classified By) as written.

Real cables misspell them (``UBJECT:``, ``TAGS;``, ``TAGES:``, ``TGS:``, ``E.0. 12958``),
drop the colon (``TAGS PGOV``, ``EO 12958 DECL``), and the web release flattened many headers
so that several fields share one line (``E.O. 12958: DECL: 04/02/2019 TAGS: PGOV``,
``...SHEIKH CASEREF: SECSTATE 108201``). ``match_label`` reads a line that starts with a label;
``split_glued`` cuts the head of a cable into one line per field first.
"""

from __future__ import annotations

import re

from store.parse.banner_line import banner_start, split_banner_after
from store.parse.lazy_pattern import lazy_compile
from store.parse.line_cache import line_cache

_EO = r"E\.?[ \t]?[O0]\.?[ \t]?1[0-9]{4}"
_LABEL = lazy_compile(
    r"[ \t]*(?:\((?:U|SBU)\)[ \t]*)?(?P<label>"
    + _EO
    + r"|DECL(?:ASSIFY)?(?:[ \t]+ON)?|TAGS|TAG|TAGES|TGS|AGS|TABS|TAS|SUBJECT|SUBJ|UBJECT"
    r"|REF(?:TELS?|S|ERENCES?|\(S\))?|CLASS?IFIED[ \t]*BY)"
    r"(?P<sep>[ \t]*[:;][ \t]*|[ \t]*\.[ \t]+|[ \t]+|[ \t]*\Z)(?P<value>.*)",
    re.IGNORECASE,
)
# The first letters of the labels in either case ("ſ" is an s to IGNORECASE too), and the
# bracket of "(U) SUBJECT:": no line starting otherwise is a label.
_LABEL_INITIALS = frozenset("EeDdTtAaSsſUuRrCc(")
# The label words that may stand without a colon, and how they must be written then.
_BARE_OK = {"E", "D", "C", "T", "S", "R"}
_REF_ITEM_START = lazy_compile(
    r"\(?[A-Z][.)][ \t]|\d{2}[ \t]+[A-Z]|(?:[A-Z][ \t]+)?[A-Z]{3,}[A-Z ]*[ \t]\d"
)


def _field_of(label: str) -> str:
    upper = label.upper()
    if upper.startswith(("E", "DECL")):
        return "decl"
    if upper in ("TAS", "TABS") or ("G" in upper[:4] and upper[0] in "TA"):
        return "tags"
    if "UBJ" in upper:
        return "subject"
    if upper.startswith("REF"):
        return "ref"
    return "classified_by"


# Remembered: the walk down the head asks this of the same line several times over, and
# the E.O. and TAGS lines of a corpus come back cable after cable.
@line_cache
def match_label(line: str) -> tuple[str, str] | None:
    """(field, value as written) for a line that starts with a field label, else None.

    Without a colon a label must be in capitals and followed by what that field holds (``TAGS
    PGOV``, ``REF A. STATE 12``): a sentence starting "Tags of" or "Subject to" is prose.
    """
    if line.lstrip(" \t")[:1] not in _LABEL_INITIALS:
        return None  # most lines, at the cost of a set lookup rather than a regex match
    match = _LABEL.match(line)
    if match is None:
        return None
    label, value = match.group("label"), match.group("value").strip()
    field = _field_of(label)
    if ":" not in match.group("sep") and ";" not in match.group("sep"):
        first = label.lstrip()[:1].upper()
        if label.upper() in ("TAG", "TAGS") and _BARE_TAG_VALUE.fullmatch(value):
            return "tags", value  # "TAG MASS, PREL, BR", "tags PREL ECON"
        if first not in _BARE_OK or label.upper() in _COLON_ONLY:
            return None
        if field in ("tags", "subject", "ref", "decl") and label != label.upper():
            return None
        if field == "subject" and (not value or value != value.upper()):
            return None
        if field == "ref" and not _REF_ITEM_START.match(value):
            return None
        if field == "tags" and not value:
            return None
    if field == "decl":
        value = _DECL_WORD.sub("", value, count=1).strip()
    if field == "classified_by":
        # "Classified By: CLASSIFIED BY POLITICAL COUNSELOR ..." says the label twice.
        value = _REPEATED_CLASSIFIED.sub("", value, count=1).strip()
    return field, value


# Misspelt labels are labels only with their colon: bare, they are words of a sentence.
_COLON_ONLY = {"AGS", "UBJECT", "TAG", "TAGES", "TGS", "TAS", "TABS"}
_BARE_TAG_VALUE = lazy_compile(r"[A-Z]{2,6}(?:[ \t,]+[A-Z]{2,6}){1,15}[ \t,]*")
_DECL_WORD = lazy_compile(r"\A(?:DECL(?:ASSIFY)?(?:[ \t]+ON)?[ \t]*:?)", re.IGNORECASE)
_REPEATED_CLASSIFIED = lazy_compile(r"\A(?:\(U\)[ \t]*)?CLASSIFIED[ \t]+BY[ \t]*:?", re.IGNORECASE)

def _spaced(word: str) -> str:
    """A letter-spaced banner word (``S E C R E T``) as a pattern."""
    return "[ \t]".join(word)


def _spaced_after(word: str) -> str:
    """A letter-spaced banner word after its first letter (``[ \t]E[ \t]C...`` of SECRET)."""
    return "[ \t]" + _spaced(word[1:])


# The labels and banner words themselves, each alternative opening with its own letter.
_GLUE_WORDS = (
    # E.O. as a field: its value follows ("DECL", "N/A", a date); "E.O. 13382 ENTITIES" in a
    # subject and "E.O. 12958 1.4 (b)" among reasons are not one.
    r"E\.[ \t]?[O0]\.[ \t]?1[0-9]{4}[ \t]*[:;]?[ \t]*(?:DECL|N/?A\b|\d{1,2}/|X\d|OADR|TAGS|\Z)"
    # TAGS, TAG, TAGES, TGS, TABS, TAS, Tags; AGS; not inside a word.
    r"|T(?<![A-Za-z]T)(?:AGS?|AGES|GS|ABS|AS|ags)[ \t]*[:;]|A(?<![A-Za-z]A)GS[ \t]*[:;]"
    r"|S(?<![A-Za-z]S)(?:UBJ(?:ECT)?|ubject)[ \t]*:"
    r"|REF(?:TELS?|S)?[ \t]*:|R(?<![A-Za-z]R)(?:EF\(S\)|ef(?:s|\(s\))?)[ \t]*:"
    r"|C(?<![a-z]C)lassified[ \t]+[Bb]y\b|C(?<![A-Za-z]C)LASSIFIED[ \t]+BY\b"
    r"|D(?<![A-Za-z]D)ECL[ \t]*:(?![ \t]*\Z)"
    # A letter-spaced banner word, not after "P " nor before more spaced letters.
    r"|C(?<!P[ \t]C)" + _spaced_after("CONFIDENTIAL") + r"(?![ \t]?[A-Z][ \t][A-Z])"
    r"|S(?<!P[ \t]S)" + _spaced_after("SECRET") + r"(?![ \t]?[A-Z][ \t][A-Z])"
    r"|U(?<!P[ \t]U)" + _spaced_after("UNCLAS") + r"(?![ \t]?[A-Z][ \t][A-Z])"
    # A banner word (not after TOP) before SECTION or E F T O.
    r"|U(?<![A-Za-z]U)(?<!TOP[ \t]U)NCLAS[ \t]+(?:SECTION[ \t]+\d|E[ \t]F[ \t]T[ \t]O)"
    r"|C(?<![A-Za-z]C)(?<!TOP[ \t]C)ONFIDENTIAL[ \t]+(?:SECTION[ \t]+\d|E[ \t]F[ \t]T[ \t]O)"
    r"|S(?<![A-Za-z]S)(?<!TOP[ \t]S)ECRET[ \t]+(?:SECTION[ \t]+\d|E[ \t]F[ \t]T[ \t]O)"
    r"|SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED|Sensitive[ \t]+but[ \t]+[Uu]nclassified"
)
# Places inside a line where a new field (or the banner) begins: cut there. Case-sensitive
# on purpose, so that "was classified by the ministry" or "subject to" in a sentence stay.
# Written for speed, as this is tried at every place in every head line: each alternative
# starts with its first letter (the lookbehind that guards it comes after that letter), which
# lets the regex engine pass over an alternative at once when the letter differs; every
# alternative starts with a capital or a digit, tested first; no alternative starts with a
# blank, so the blanks before it are never given back (possessive).
_GLUE = lazy_compile(
    r"(?<=\S)[ \t]*+(?=[A-Z\d])(?="
    + _GLUE_WORDS
    # A flattened page: its page header, and its first numbered and marked paragraph, after
    # the run of blanks that stood for the line break.
    + r"|[A-Z](?<=[ \t]{2}[A-Z])[A-Z ]{1,30}?[ \t]\d{8}[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}\b"
    r"|\d(?<=[ \t]{2}\d)\d?\.[ \t]*\((?:U|C|S|SBU|TS)(?:/[A-Z/]+)?\)"
    r")"
)
# Where ``_GLUE`` may cut at all: one of its words past a line's first character (a search at
# C speed, its alternatives opening with letters of their own), or two blanks in a row before
# the page header and paragraph of a flattened page. Most head lines have none, and the
# lookarounds of ``_GLUE`` tried at each of their places cost ten times this.
_GLUE_WORD = lazy_compile(_GLUE_WORDS)
# The end of a Classified By line's reasons ("reasons 1.4 (b) and (d)."), after which a
# flattened page goes straight on with the first paragraph.
# Possessive blanks (*+): blanks that may stand on either side of an optional mark, tried
# every way, made a long run of blanks after the reasons take minutes. The reasons are read
# whole (an atomic group) and each letter is one (no letter after it): given back to find
# text after them, "1.4 (b) and (d)" ending a line was cut after "(b)", and "and (d)" was
# a paragraph of its own on real pages.
# A reasons number ("1.4") and one reasons letter ("(b)", "B", "( d )"; no letter after it).
REASON_NUMBER = r"1[ \t]?\.[ \t]?[4-6]"
REASON_LETTER = r"\(?[ \t]*+[A-Ha-h](?![A-Za-z])(?:[ \t]*+\))?"
_REASONS_END = lazy_compile(
    rf"(?:rea[ \t]?sons?|rsn)[ \t:]*+(?:E\.O\.[ \t]*+12958[ ,]*+)?{REASON_NUMBER}"
    rf"(?>(?:[ \t]*+\.)?[ \t]*+{REASON_LETTER}"
    rf"(?:[ \t]*+(?:,|and|&|/|or|an[ \t]d)[ \t]*+{REASON_LETTER})*"
    r"(?:[ \t]*+\))?(?:[ \t]*+\.)?)(?=[ \t]+\S)",
    re.IGNORECASE,
)
# Lines longer than this are prose or a whole flattened page, never one field.
_MAX_SPLIT_LINE = 20000


def split_glued(line: str) -> list[str]:
    """One line per field: ``E.O. 12958: DECL: X TAGS: PGOV`` -> two lines.

    Also cuts before a banner glued to the text before it, after a banner's serial glued to
    the text after it, and after the reasons of a Classified By line that runs on into the
    first paragraph. A line without any of these comes back alone.
    """
    return list(glued_pieces(line))


@line_cache
def glued_pieces(line: str) -> tuple[str, ...]:
    """``split_glued`` as a tuple, remembered for short lines (heads repeat across cables)."""
    if len(line) > _MAX_SPLIT_LINE:
        return (line,)
    if (
        _TRIGGER.search(line, 1) is None
        and not _LEVEL_START.match(line)
        and line.lstrip()[:10].lower() != "classified"
    ):
        return (line,)  # most lines: nothing inside them could start a field or a banner
    pieces: list[str] = []
    start = 0
    if "  " in line or "\t" in line or _GLUE_WORD.search(line, 1) is not None:
        for match in _GLUE.finditer(line):
            if match.start() > start:
                pieces.append(line[start : match.start()])
                start = match.end()
    pieces.append(line[start:])
    out: list[str] = []
    for piece in pieces:
        if out and _LABEL_ONLY.fullmatch(out[-1].strip(" \t")) and _same_field(out[-1], piece):
            out[-1] = piece  # "Classified By: 1. CLASSIFIED BY ...": the label said twice
            continue
        glued = banner_start(piece)
        if glued is not None:
            out.append(piece[:glued])
            piece = piece[glued:]
        out.extend(_split_after_banner(piece))
    return tuple(out_piece for out_piece in out if out_piece.strip()) or (line,)


# A label with nothing after it but a paragraph number or a mark, matched with the blanks
# around it taken off: with blank runs allowed on both sides of the label's own spaces, the
# engine tried every way of splitting a long run of blanks between them (a line of 2,500
# blanks before a glued banner took hours to parse; found by tests/test_fuzz.py).
_LABEL_ONLY = lazy_compile(r"[A-Za-z.][A-Za-z. ]{2,15}:?(?:[ \t]*+(?:\d{1,2}\.|\([A-Z/]{1,8}\)))?")


def _same_field(first: str, second: str) -> bool:
    one, two = match_label(first), match_label(second)
    # Classified By only: a subject's mark said before the second label is kept elsewhere.
    return one is not None and two is not None and one[0] == two[0] == "classified_by"


# Cheap tests first (literal prefixes): only a line holding one of these can be cut. Grouped
# by first letter, every alternative opening with a letter of its own (no [CSU]): the regex
# engine then skips at C speed to the places where one of these letters stands.
_TRIGGER = lazy_compile(
    r"E\.|T(?:AG|ags[ \t]*:|A[BS]S?[ \t]*:|GS)|AGS[ \t]*:"
    r"|S(?:UBJ|ubject[ \t]*:|ECRET|ENSITIVE|ensitive| [OENoen] [NCnc] )"
    r"|R(?:EF|ef[s(]?\S{0,2}:)|C(?:lassified|LASSIFIED|ONFIDENTIAL| [OENoen] [NCnc] )"
    r"|c(?:lassified| [OENoen] [NCnc] )|DECL|U(?:NCLAS| [OENoen] [NCnc] )|  \d"
    r"|nclas|onfidential|ecret|s [OENoen] [NCnc] |u [OENoen] [NCnc] "
)
_LEVEL_START = lazy_compile(
    r"[ \t]*(?:U[ \t]?N[ \t]?C|C[ \t]?O[ \t]?N|S[ \t]?E[ \t]?C|T[ \t]?O[ \t]?P)", re.IGNORECASE
)


def _split_after_banner(piece: str) -> list[str]:
    """A banner line with text glued after its serial: the banner, then the text."""
    if piece.lstrip()[:10].lower() == "classified":
        reasons = _REASONS_END.search(piece)
        if reasons is not None:
            return [piece[: reasons.end()], piece[reasons.end() :].lstrip()]
        return [piece]
    if not _LEVEL_START.match(piece):
        return [piece]
    return split_banner_after(piece)
