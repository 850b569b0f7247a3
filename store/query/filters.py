"""The search language's field filters (``tag: origin: class: para: from: to: id:``): their
values checked and gathered into one ``Filters`` for the whole query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from store.corpus.filters import Filters
from store.corpus.periods import period_bound
from store.model import Level
from store.query.errors import QueryError, show
from store.query.lexer import Token

_LEVEL_WORDS = {
    "U": Level.UNCLASSIFIED,
    "UNCLAS": Level.UNCLASSIFIED,
    "UNCLASSIFIED": Level.UNCLASSIFIED,
    "C": Level.CONFIDENTIAL,
    "CONF": Level.CONFIDENTIAL,
    "CONFIDENTIAL": Level.CONFIDENTIAL,
    "S": Level.SECRET,
    "SECRET": Level.SECRET,
    "TS": Level.TOP_SECRET,
    "TOPSECRET": Level.TOP_SECRET,
}
_CAVEAT_WORDS = {"NF": "NOFORN", "NOFORN": "NOFORN", "FOUO": "FOUO", "SBU": "FOUO"}
_CLASS_HELP = "use u, c, s, ts, noforn or fouo (commas for several)"


@dataclass
class FilterBuilder:
    levels: set[Level] = field(default_factory=set)
    caveats: set[str] = field(default_factory=set)
    origins: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    date_from: tuple[date, str] | None = None  # the date and the filter as typed
    date_to: tuple[date, str] | None = None
    id_prefix: tuple[str, str] | None = None
    para_levels: set[Level] = field(default_factory=set)
    people: list[str] = field(default_factory=list)

    def add(self, token: Token) -> None:
        value = token.text
        if not value:
            raise QueryError(f"{show(token.raw)} needs a value, e.g. {_EXAMPLES[token.name]}")
        getattr(self, "_add_" + token.name)(value, token.raw)

    def _add_tag(self, value: str, raw: str) -> None:
        if "," in value:
            raise QueryError(f"one tag per tag: (tag:PGOV tag:PREL), not {show(raw)}")
        tag = "".join(value.split()).upper()
        if tag not in self.tags:
            self.tags.append(tag)

    def _add_person(self, value: str, raw: str) -> None:
        from store.people.names import normalise

        person = normalise(value)
        if person is None:
            raise QueryError(f"{show(raw)} names no one, e.g. {_EXAMPLES['person']}")
        if person not in self.people:
            self.people.append(person)

    def _add_origin(self, value: str, raw: str) -> None:
        origin = " ".join(value.split())
        if origin.lower() not in (o.lower() for o in self.origins):
            self.origins.append(origin)

    def _add_class(self, value: str, raw: str) -> None:
        parts = [p for p in re.split(r"[,/]", value) if p.strip()]
        if not parts:
            raise QueryError(f"{show(raw)} needs a value: {_CLASS_HELP}")
        for part in parts:
            word = "".join(part.split()).upper().replace("_", "").replace("-", "")
            if word in _LEVEL_WORDS:
                self.levels.add(_LEVEL_WORDS[word])
            elif word in _CAVEAT_WORDS:
                self.caveats.add(_CAVEAT_WORDS[word])
            else:
                raise QueryError(
                    f"unknown classification {show(part.strip())} in {show(raw)}: {_CLASS_HELP}"
                )

    def _add_para(self, value: str, raw: str) -> None:
        for part in (p for p in re.split(r"[,/]", value) if p.strip()):
            word = "".join(part.split()).upper().replace("_", "").replace("-", "")
            if word not in _LEVEL_WORDS:
                raise QueryError(
                    f"unknown level {show(part.strip())} in {show(raw)}: use u, c, s or ts"
                )
            self.para_levels.add(_LEVEL_WORDS[word])

    def _add_from(self, value: str, raw: str) -> None:
        day = _parse_date(value, raw, end_of_period=False)
        if self.date_from is None or day > self.date_from[0]:
            self.date_from = (day, raw)

    def _add_to(self, value: str, raw: str) -> None:
        day = _parse_date(value, raw, end_of_period=True)
        if self.date_to is None or day < self.date_to[0]:
            self.date_to = (day, raw)

    def _add_id(self, value: str, raw: str) -> None:
        prefix = "".join(value.split()).upper().rstrip("*")
        if not prefix:
            raise QueryError(f"{show(raw)} needs a value, e.g. {_EXAMPLES['id']}")
        if self.id_prefix is not None and self.id_prefix[0] != prefix:
            raise QueryError(
                f"only one id: filter per query: {show(self.id_prefix[1])} and {show(raw)}"
            )
        self.id_prefix = (prefix, raw)

    def build(self) -> Filters:
        if self.date_from and self.date_to and self.date_from[0] > self.date_to[0]:
            raise QueryError(
                f"{show(self.date_from[1])} is after {show(self.date_to[1])}: nothing can match"
            )
        return Filters(
            levels=frozenset(self.levels),
            caveats=frozenset(self.caveats),
            origins=tuple(self.origins),
            tags=tuple(self.tags),
            date_from=self.date_from[0] if self.date_from else None,
            date_to=self.date_to[0] if self.date_to else None,
            id_prefix=self.id_prefix[0] if self.id_prefix else None,
            para_levels=frozenset(self.para_levels),
            people=tuple(self.people),
        )


_EXAMPLES = {
    "tag": "tag:PGOV",
    "origin": 'origin:almaty or origin:"embassy ankara"',
    "class": "class:secret or class:c,s",
    "from": "from:2005-06",
    "to": "to:2006",
    "id": "id:06ALMATY",
    "para": "para:secret",
    "person": 'person:"oduya, miriam"',
}


def _parse_date(value: str, raw: str, *, end_of_period: bool) -> date:
    """``2006``, ``2006-02``, ``2006-02-15``; at the end of a range, the last day it covers."""
    try:
        return period_bound(value, end=end_of_period)
    except ValueError as error:
        raise QueryError(f"bad date in {show(raw)}: {error}") from None
