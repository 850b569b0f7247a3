"""Asking the people index: who the corpus (or a listing) names, how often, when; their cables."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from store.corpus.corpus import Corpus
from store.corpus.schema import CorpusError
from store.people.names import normalise
from store.people.table import has_people


@dataclass(frozen=True)
class Person:
    name: str  # SURNAME, GIVEN
    count: int  # cables
    first: datetime | None
    last: datetime | None
    roles: tuple[str, ...]  # tag, classifier, signer: the ones this person has


def people(corpus: Corpus, words: Sequence[str] = (), *, limit: int | None = None) -> list[Person]:
    """Everyone the corpus names (or those whose name has every word), most cables first."""
    conn = corpus.connection()
    _require(corpus)
    where, params = _name_clause(words)
    rows = conn.execute(
        "SELECT p.person, count(DISTINCT p.cable), min(c.created), max(c.created), "
        "group_concat(DISTINCT p.role) FROM people p JOIN cables c ON c.rowid = p.cable "
        f"WHERE {where} GROUP BY p.person ORDER BY 2 DESC, 1 LIMIT ?",
        [*params, -1 if limit is None else limit],
    )
    return [_person(*row) for row in rows]


def people_in(corpus: Corpus, rowids: Sequence[int], *, limit: int = 200) -> list[Person]:
    """The people of these cables (a listing or a search), most cables first: ``count`` is
    how many of these cables name them, ``first`` and ``last`` span all their cables."""
    from store.corpus.facet_counts import facet_index

    _require(corpus)
    counted = facet_index(corpus).people(corpus, rowids)[:limit]
    found = {p.name: p for p in _described(corpus.connection(), [name for name, _ in counted])}
    return [
        Person(name, n, found[name].first, found[name].last, found[name].roles)
        for name, n in counted
        if name in found
    ]


def cables_of(corpus: Corpus, person: str) -> array:
    """Rowids of a person's cables, newest first (the name as stored or as written)."""
    _require(corpus)
    name = person.strip().upper()
    names = dict.fromkeys(n for n in (name, normalise(person)) if n)
    out = array("q")
    for candidate in names:
        cursor = corpus.connection().execute(
            "SELECT DISTINCT cable FROM people WHERE person = ? ORDER BY cable DESC", (candidate,)
        )
        out.extend(row[0] for row in cursor)
        if out:
            break
    return out


def described(corpus: Corpus, names: Sequence[str]) -> list[Person]:
    """What the index says of these people (those it knows)."""
    _require(corpus)
    return _described(corpus.connection(), list(names))


def _described(conn, names: list[str]) -> list[Person]:
    out: list[Person] = []
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out.extend(
            _person(*row)
            for row in conn.execute(
                "SELECT p.person, count(DISTINCT p.cable), min(c.created), max(c.created), "
                "group_concat(DISTINCT p.role) FROM people p JOIN cables c ON c.rowid = p.cable "
                f"WHERE p.person IN ({marks}) GROUP BY p.person",
                chunk,
            )
        )
    return out


def _name_clause(words: Sequence[str]) -> tuple[str, list]:
    clauses, params = ["1"], []
    for word in " ".join(words).replace(",", " ").split():
        escaped = word.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("p.person LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    return " AND ".join(clauses), params


def _person(name, count, first, last, roles) -> Person:
    from store.people.extract import ROLES

    have = set((roles or "").split(","))
    return Person(
        name,
        count,
        datetime.fromisoformat(first) if first else None,
        datetime.fromisoformat(last) if last else None,
        tuple(role for role in ROLES if role in have),
    )


def _require(corpus: Corpus) -> None:
    if not has_people(corpus.connection()):
        raise CorpusError(
            f"{corpus.path}: made by an older cables, without the people index; it is added "
            "the next time the corpus is written (`cables import` or `cables remove`)"
        )
