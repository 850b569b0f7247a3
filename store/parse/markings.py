"""Classification markings: banners, captions, catalogue values and portion marks.

Everything that turns marking text into a ``Marking`` (a level plus caveats) lives here, so
the parser, the CSV reader's catalogue values and the query language agree on one meaning.
"""

from __future__ import annotations

import re

from store.model import Level, Marking
from store.parse.lazy_pattern import lazy_compile

# Captions that travel on their own line (or in the banner) and what they add.
CAPTIONS = ("SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS", "LIMDIS", "STADIS", "ROGER")

_LEVEL_CODES = {
    "U": (Level.UNCLASSIFIED, ()),
    "SBU": (Level.UNCLASSIFIED, ("SBU",)),
    "C": (Level.CONFIDENTIAL, ()),
    "S": (Level.SECRET, ()),
    "TS": (Level.TOP_SECRET, ()),
}

# Caveat spellings inside a portion mark -> canonical caveat.
_CAVEAT_CODES = {
    "NF": "NOFORN",
    "NOFORN": "NOFORN",
    "FOUO": "FOUO",
    "SBU": "SBU",
    "FGI": "FGI",
    "SCI": "SCI",
    "OC": "ORCON",
    "ORCON": "ORCON",
    "PROPIN": "PROPIN",
    "EXDIS": "EXDIS",
    "NODIS": "NODIS",
}

_REL = lazy_compile(r"REL(?: TO)? [A-Z]{2,5}(?:[ ,]+[A-Z]{2,5})*\Z")
_COUNTRY = lazy_compile(r"[A-Z]{2,5}\Z")

# A portion mark: parentheses around a level code and optional caveats joined by / or //.
PORTION_MARK = lazy_compile(r"\((?:U|SBU|C|S|TS)(?:/{1,2}[A-Z][A-Z ,]{0,30})*\)")
# The same, but only with caveats ``parse_portion_mark`` knows, so that a match is always a
# marking: the paragraph splitter uses it to tell ``(S//NF)`` from the office symbol ``(S/CT)``.
# Release caveats list countries after commas, blanks or slashes ("REL TO NATO/AUS",
# "REL TO USA, KEN, GBR//"); a blank may stand inside the brackets ("(SBU )", "( C)").
_CAVEAT_WORDS = "|".join(sorted(_CAVEAT_CODES, key=len, reverse=True))
STRICT_PORTION_MARK = lazy_compile(
    r"\( ?(?:SBU|TS|U|C|S)(?:/{1,2}(?:"
    + _CAVEAT_WORDS
    + r"|REL(?: TO)? [A-Z]{2,5}(?:(?:[ ,]+|/(?!(?:"
    + _CAVEAT_WORDS
    + r")\b))[A-Z]{2,5})*))*/{0,2} ?\)"
)


def parse_portion_mark(text: str) -> Marking | None:
    """``(S//NF)`` -> SECRET + NOFORN. None for things that only look like marks.

    Office symbols such as ``(S/CT)`` or ``(INR/B)`` have a part that is no known caveat, so
    they are rejected rather than guessed at.
    """
    if not (text.startswith("(") and text.endswith(")")):
        return None
    parts = [p.strip() for p in text[1:-1].replace("//", "/").split("/")]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()  # "(C//REL TO USA, KEN//)": the slashes closing the list
    head = _LEVEL_CODES.get(parts[0])
    if head is None:
        return None
    level, caveats = head
    found = list(caveats)
    for part in parts[1:]:
        caveat = _CAVEAT_CODES.get(part)
        if caveat is None and _REL.match(part):
            caveat = part.replace("REL TO ", "REL ")
        elif caveat is None and found and found[-1].startswith("REL ") and _COUNTRY.match(part):
            found[-1] = f"{found[-1]}, {part}"  # "REL TO NATO/AUS": one more country
            continue
        if caveat is None:
            return None
        if caveat not in found:
            found.append(caveat)
    return Marking(level, tuple(found), text)


def _spaced(word: str) -> str:
    """A regex for a word whatever its letter-spacing: ``C O N F I D E N T I A L``."""
    return r"[ \t]*".join(re.escape(ch) for ch in word)


# Longest first, so that UNCLASSIFIED wins over UNCLAS and TOP SECRET over SECRET.
_BANNER_LEVELS = {
    "TOPSECRET": Level.TOP_SECRET,
    "UNCLASSIFIED": Level.UNCLASSIFIED,
    "CONFIDENTIAL": Level.CONFIDENTIAL,
    "LIMITEDOFFICIALUSE": Level.UNCLASSIFIED,
    "SECRET": Level.SECRET,
    "UNCLAS": Level.UNCLASSIFIED,
}
# Case-sensitive on purpose: banners are written in capitals, and a sentence that starts
# with "Secret" or "Confidential" must not be read as one.
_BANNER = lazy_compile(
    r"[ \t]*(?P<level>"
    + "|".join(f"(?:{_spaced(word)})" for word in _BANNER_LEVELS)
    + r")(?P<rest>(?:[ \t/]|\Z|(?=[A-Z])).*)\Z",
)
_BANNER_QUALIFIERS = lazy_compile(
    r"[ \t]*(?://[ \t]*)?(?P<word>"
    + _spaced("EFTO")
    + r"|SENSITIVE|NOFORN|NF|SIPDIS|EXDIS|NODIS|LIMDIS|STADIS"
    + r"|FOR[ \t]+OFFICIAL[ \t]+USE[ \t]+ONLY|FOUO"
    # Release lists are NATO or three-letter country codes; a station name is longer.
    + r"|REL(?:[ \t]+TO)?[ \t]+(?:NATO|[A-Z]{3})(?:[ \t]*,[ \t]*(?:NATO|[A-Z]{3}))*)"
    + r"(?![A-Z0-9])",
)
_SECTION = lazy_compile(
    r"[ \t]*S[ \t]*E[ \t]*C[ \t]*T[ \t]*I[ \t]*O[ \t]*N[ \t]*(\d{1,3})[ \t]*O[ \t]*F[ \t]*(\d{1,3})"
)
_STATION_SERIAL = lazy_compile(
    r"[ \t]*(?P<station>[A-Z](?:[A-Z.'-]|[ \t](?=[A-Z])){0,40}?)[ \t]*(?P<serial>\d{1,7})(?!\d)"
)


def _glued_sequence_number(rest: str, station: re.Match[str]) -> bool:
    """``UNCLASSIFIED     PTQ5512``: letters run into a short number are a message sequence
    number, not a station and serial (those are spaced, or zero-padded to six digits)."""
    between = rest[station.end("station") : station.start("serial")]
    return not between and len(station.group("serial")) != 6


_LEVEL_INITIALS = frozenset("UCSTL")
_STATION_PUNCTUATION = lazy_compile(r"[\s.'-]+")
_LIST_COMMAS = lazy_compile(r"[ ,]+")


class Banner:
    """What a banner line says: ``C O N F I D E N T I A L SECTION 01 OF 03 ANKARA 001234``.

    Never changed once ``parse_banner`` has made it: one may be handed to several callers."""

    __slots__ = ("captions", "level", "section", "serial", "station")

    def __init__(self, level: Level) -> None:
        self.level = level
        self.captions: list[str] = []
        self.section: tuple[int, int] | None = None
        self.station: str | None = None
        self.serial: int | None = None


def parse_banner(line: str) -> Banner | None:
    """A classification banner line, or None. Lines over 200 characters are never banners.

    After the level only these may follow, in this order: captions (``SENSITIVE``, ``E F T O``,
    ``//NOFORN``), ``SECTION nn OF nn``, station and serial, captions again. Anything else
    means the line is prose that happens to start with a level word.
    """
    if len(line) > 200 or line.lstrip(" \t")[:1] not in _LEVEL_INITIALS:
        return None
    match = _BANNER.match(line)
    if match is None:
        return None
    written = match.group("level")
    squeezed = written.replace(" ", "").replace("\t", "")
    rest = match.group("rest")
    # "S E C R E TANKARA 000123": a letter-spaced level run into the station is a known
    # garble; "SECRETARIAT 2" is prose.
    if rest[:1].isalpha() and written == squeezed and not _SECTION.match(rest):
        return None
    banner = Banner(_BANNER_LEVELS[squeezed])
    if squeezed == "LIMITEDOFFICIALUSE":
        banner.captions.append("SENSITIVE")
    rest = _take_qualifiers(rest, banner)
    section = _SECTION.match(rest)
    if section:
        banner.section = (int(section.group(1)), int(section.group(2)))
        rest = rest[section.end() :]
    station = _STATION_SERIAL.match(rest)
    if station and _glued_sequence_number(rest, station):
        station = None
    if station:
        banner.station = _STATION_PUNCTUATION.sub("", station.group("station"))
        banner.serial = int(station.group("serial"))
        rest = rest[station.end() :]
        rest = _take_qualifiers(rest, banner)
    if rest.strip(" \t/"):
        return None
    return banner


def _take_qualifiers(rest: str, banner: Banner) -> str:
    while True:
        qualifier = _BANNER_QUALIFIERS.match(rest)
        if qualifier is None:
            return rest
        word = " ".join(qualifier.group("word").split())
        if word.startswith("REL "):
            word = "REL " + _LIST_COMMAS.sub(", ", word.removeprefix("REL ").removeprefix("TO "))
        else:
            word = word.replace(" ", "")
        # UNCLAS//FOUO says in the banner what the SENSITIVE caption says on its own line.
        word = {"NF": "NOFORN", "FOROFFICIALUSEONLY": "SENSITIVE", "FOUO": "SENSITIVE"}.get(
            word, word
        )
        if word != "EFTO" and word not in banner.captions:
            banner.captions.append(word)
        rest = rest[qualifier.end() :]


_SBU_LINE = lazy_compile(r"SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED")


def caption_words(line: str) -> list[str] | None:
    """The captions on a caption-only line (``SENSITIVE SIPDIS``), or None for other lines."""
    if len(line) > 80:
        return None
    words = line.replace(",", " ").split()
    if not words or len(words) > 4:
        return None
    if _SBU_LINE.fullmatch(" ".join(words)):
        return ["SENSITIVE"]
    if all(w in CAPTIONS for w in words):
        return words
    return None


_CATALOGUE_CAVEATS = {
    "NOFORN": "NOFORN",
    "ORCON": "ORCON",
    "FGI": "FGI",
    "PROPIN": "PROPIN",
    "NF": "NOFORN",
    "FOR OFFICIAL USE ONLY": "FOUO",
    "FOUO": "FOUO",
    "SCI": "SCI",
    "SBU": "SBU",
    "EXDIS": "EXDIS",
    "NODIS": "NODIS",
}
_CATALOGUE_LEVELS = {
    "UNCLASSIFIED": Level.UNCLASSIFIED,
    "UNCLAS": Level.UNCLASSIFIED,
    "CONFIDENTIAL": Level.CONFIDENTIAL,
    "SECRET": Level.SECRET,
    "TOP SECRET": Level.TOP_SECRET,
}


def parse_catalogue(value: str) -> Marking | None:
    """A catalogue value such as ``SECRET//NOFORN`` or ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``."""
    parts = [" ".join(p.split()) for p in value.upper().split("//")]
    level = _CATALOGUE_LEVELS.get(parts[0])
    if level is None:
        return None
    caveats: list[str] = []
    for part in parts[1:]:
        caveat = _CATALOGUE_CAVEATS.get(part)
        if caveat is None and _REL.match(part):
            caveat = part.replace("REL TO ", "REL ", 1)
        if caveat is None:
            return None
        if caveat not in caveats:
            caveats.append(caveat)
    marking = Marking(level, tuple(caveats))
    return Marking(level, tuple(caveats), marking.full)


def overall_marking(level: Level, captions: list[str] | tuple[str, ...]) -> Marking:
    """The overall classification a banner and its captions amount to.

    UNCLAS with the SENSITIVE caption is U//FOUO; the NOFORN caption adds //NOFORN.
    """
    caveats: list[str] = []
    if level is Level.UNCLASSIFIED and "SENSITIVE" in captions:
        caveats.append("FOUO")
    if "NOFORN" in captions:
        caveats.append("NOFORN")
    caveats.extend(c for c in captions if c.startswith("REL "))
    marking = Marking(level, tuple(caveats))
    return Marking(level, tuple(caveats), marking.full)
