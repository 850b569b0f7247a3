"""What a TAGS code means: the glossary in ``tags.tsv`` (code, meaning, kind, source).

The table is made by ``tools/glossary/build_tags.py`` from the State Department's TAGS
handbooks, FIPS 10-4 country codes and the other sources its header names. A code no source
explains stays unknown: ``describe`` says so rather than guess. A tag with a comma
(``CLINTON, HILLARY``) is a person's name, as the handbooks write them on the TAGS line.
May import store's root modules; ``usage`` also store.corpus: never ingest/, query/,
userdata/, people/ or tui/.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_TABLE = Path(__file__).with_name("tags.tsv")
_WORD = re.compile(r"\w+")

KINDS = ("subject", "program", "country", "region", "organisation", "person", "unknown")


@dataclass(frozen=True)
class Entry:
    code: str
    meaning: str | None
    kind: str
    source: str | None = None

    @property
    def known(self) -> bool:
        return self.meaning is not None


@cache
def entries() -> dict[str, Entry]:
    """Every code the table explains, by code."""
    table: dict[str, Entry] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, meaning, kind, source = line.split("\t")
        table[code] = Entry(code, meaning, kind, source)
    return table


@cache
def sources() -> dict[str, str]:
    """Source id -> what it is, from the table's header (``# source ID: text``)."""
    out: dict[str, str] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# source "):
            name, _, text = line[len("# source ") :].partition(":")
            out[name.strip()] = text.strip()
    return out


def describe(tag: str) -> Entry:
    """The entry of a tag as stored (upper case); a person for a name, else unknown."""
    tag = tag.strip().upper()
    entry = entries().get(tag)
    if entry is not None:
        return entry
    if is_person(tag):
        return Entry(tag, person_name(tag), "person", None)
    return Entry(tag, None, "unknown", None)


def meaning(tag: str) -> str | None:
    return describe(tag).meaning


def labelled(tag: str) -> str:
    """``PGOV Government``; the tag alone when no source explains it."""
    said = meaning(tag)
    return f"{tag} {said}" if said and said != tag else tag


def is_person(tag: str) -> bool:
    """``CLINTON, HILLARY``: a surname, a comma and a given name, as TAGS writes names."""
    surname, comma, given = tag.partition(",")
    return bool(comma) and bool(surname.strip()) and bool(given.strip()) and not any(
        ch.isdigit() for ch in tag
    )


def person_name(tag: str) -> str:
    """``CLINTON, HILLARY`` -> ``Hillary Clinton`` (how a reader says it)."""
    surname, _, given = tag.partition(",")
    return f"{given.strip().title()} {surname.strip().title()}"


def matching(words: Iterable[str], codes_in_use: Iterable[str] = ()) -> list[Entry]:
    """The entries the words name: a word that is a code (of the glossary or ``codes_in_use``)
    names that code; the other words name every code whose meaning has a word starting with
    each of them (``terror`` finds Terrorism and Terrorist financing).
    """
    table = entries()
    in_use = {c.upper() for c in codes_in_use}
    found: dict[str, Entry] = {}
    rest: list[str] = []
    for word in (w.strip() for w in words):
        if not word:
            continue
        if word.upper() in table or word.upper() in in_use:
            found.setdefault(word.upper(), describe(word))
        else:
            rest.append(word.lower())
    if rest:
        for entry in table.values():
            said = _WORD.findall((entry.meaning or "").lower())
            if all(any(w.startswith(r) for w in said) for r in rest):
                found.setdefault(entry.code, entry)
    return list(found.values())
