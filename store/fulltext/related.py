"""Related cables: the cables closest in content to one cable, even when neither cites the
other, for a reader who has found one telling cable and wants the others like it.

Content: the cable's distinctive terms, as a search engine weighs them (tf-idf over the text
the reader shows, the subject's words counted more). A term in almost every cable says
nothing; a term in this cable alone finds nothing; both are left out, so a cable sharing only
common words never appears. The index ranks the corpus by those terms (bm25, block-max WAND:
a few milliseconds at 250k cables), then the best candidates are re-weighed by what a reader
also takes as kinship: shared TAGS, the same post, nearness in time. Cables linked by REF, in
either direction, come first and say so.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import tantivy

from store.fulltext.analysis import BODY, ROWID, SUBJECT, schema, terms
from store.fulltext.hits import fulltext, located
from store.fulltext.shown import cut_out

if TYPE_CHECKING:
    from store.corpus.corpus import Corpus

# Terms the query is made of: enough to catch a subject, few enough to stay fast.
QUERY_TERMS = 30
# Candidates re-weighed: the index's best so many.
CANDIDATES = 200
# A term in more than this share of the corpus is common language, not a subject.
COMMON_SHARE = 0.2
SUBJECT_WEIGHT = 3
# Kinship beyond the words: each shared TAG, the same post, and closeness in time (a year
# apart counts about a third as much as the same week).
TAG_BOOST = 0.15
ORIGIN_BOOST = 0.2
TIME_BOOST = 0.3
TIME_SCALE_DAYS = 365.0


@dataclass(frozen=True)
class Related:
    id: str
    rowid: int
    subject: str | None
    created: str | None
    origin: str | None
    link: str | None  # "cites" or "cited by" for a REF link, else None
    score: float  # 0..1, the closest in content is 1; REF links have 1 too
    shared_tags: tuple[str, ...]


def related(corpus: Corpus, cable_id: str, limit: int = 20) -> list[Related] | None:
    """The ``limit`` cables closest to ``cable_id`` (REF links first), or None when there is
    no such cable."""
    conn = corpus.connection()
    row = conn.execute(
        "SELECT c.rowid, c.origin, c.created, t.subject, t.body FROM cables c "
        "JOIN texts t ON t.rowid = c.rowid WHERE c.id = ?",
        (cable_id,),
    ).fetchone()
    if row is None:
        return None
    rowid, origin, created, subject, body = row
    shown = cut_out(body, located(corpus, [rowid]).get(rowid))
    links = _links(conn, rowid, cable_id)
    weights = _distinctive(corpus, subject or "", shown)
    scored = _search(corpus, weights, exclude=rowid) if weights else {}
    for linked in links:
        scored.pop(linked, None)
    own_tags = _tags(conn, [rowid]).get(rowid, set())
    candidates = list(scored)
    meta = _meta(conn, [*links, *candidates])
    tags = _tags(conn, [*links, *candidates])
    ranked = []
    best = max(scored.values(), default=1.0) or 1.0
    for other in candidates:
        other_origin, other_created = meta[other][2], meta[other][3]
        shared = own_tags & tags.get(other, set())
        kin = (1 + TAG_BOOST * len(shared)) * (1 + ORIGIN_BOOST * (other_origin == origin))
        kin *= 1 + TIME_BOOST * _nearness(created, other_created)
        ranked.append((scored[other] / best * kin, other, shared))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    top = max((score for score, _, _ in ranked), default=1.0) or 1.0
    out = [
        _related(meta[other], links[other], 1.0, own_tags & tags.get(other, set()))
        for other in links
        if other in meta
    ]
    for score, other, shared in ranked[: max(0, limit - len(out))]:
        out.append(_related(meta[other], None, round(score / top, 4), shared))
    return out[:limit]


def _related(meta: tuple, link: str | None, score: float, shared: set[str]) -> Related:
    rowid, cable_id, origin, created, subject = meta
    return Related(cable_id, rowid, subject, created, origin, link, score, tuple(sorted(shared)))


def _distinctive(corpus: Corpus, subject: str, shown: str) -> dict[str, float]:
    """The cable's QUERY_TERMS most distinctive terms and their tf-idf weights."""
    counts = Counter(terms(shown))
    for term in terms(subject):
        counts[term] += SUBJECT_WEIGHT
    searcher = fulltext(corpus).searcher()
    total = max(searcher.num_docs, 1)
    weights = {}
    for term, tf in counts.items():
        if len(term) < 3 or term.isdigit():
            continue
        df = max(searcher.doc_freq(BODY, term), searcher.doc_freq(SUBJECT, term))
        if df < 2 or df > COMMON_SHARE * total:
            continue  # found nowhere else, or everywhere
        weights[term] = (1 + math.log(tf)) * math.log(total / df)
    best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:QUERY_TERMS]
    return dict(best)


def _search(corpus: Corpus, weights: dict[str, float], exclude: int) -> dict[int, float]:
    """rowid -> the index's score for the weighted terms, the best CANDIDATES."""
    clauses = []
    for term, weight in weights.items():
        for field in (BODY, SUBJECT):
            query = tantivy.Query.term_query(schema(), field, term)
            clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, weight)))
    query = tantivy.Query.boolean_query(clauses)
    searcher = fulltext(corpus).searcher()
    hits = searcher.search(query, CANDIDATES + 1, count=False).hits
    if not hits:
        return {}
    rowids = searcher.fast_field_values(ROWID, [address for _, address in hits])
    return {
        int(r): float(score)
        for r, (score, _) in zip(rowids, hits, strict=True)
        if int(r) != exclude
    }


def _links(conn, rowid: int, cable_id: str) -> dict[int, str]:
    """The cables this one cites and those citing it (in the corpus), REF order first."""
    links: dict[int, str] = {}
    for (other,) in conn.execute(
        "SELECT c.rowid FROM refs r JOIN cables c ON c.id = r.target "
        "WHERE r.cable = ? ORDER BY r.position", (rowid,),
    ):  # fmt: skip
        links.setdefault(other, "cites")
    for (other,) in conn.execute(
        "SELECT DISTINCT r.cable FROM refs r WHERE r.target = ? ORDER BY r.cable DESC",
        (cable_id,),
    ):
        if other != rowid:
            links.setdefault(other, "cited by")
    links.pop(rowid, None)
    return links


def _meta(conn, rowids: list[int]) -> dict[int, tuple]:
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(
        f"SELECT rowid, id, origin, created, subject FROM cables WHERE rowid IN ({marks})",
        rowids,
    )
    return {row[0]: tuple(row) for row in rows}


def _tags(conn, rowids: list[int]) -> dict[int, set[str]]:
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    found: dict[int, set[str]] = {}
    for tag, cable in conn.execute(
        f"SELECT tag, cable FROM tags WHERE cable IN ({marks})", rowids
    ):
        found.setdefault(cable, set()).add(tag)
    return found


def _nearness(one: str | None, other: str | None) -> float:
    """1 for the same day, falling towards 0 as the cables are years apart."""
    if not one or not other:
        return 0.0
    try:
        days = abs((datetime.fromisoformat(one[:10]) - datetime.fromisoformat(other[:10])).days)
    except ValueError:
        return 0.0
    return math.exp(-days / TIME_SCALE_DAYS)
