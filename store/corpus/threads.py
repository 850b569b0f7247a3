"""Threads: what a cable cites and what cites it, followed in both directions as a tree.

The corpus keeps each cable's REF list in the ``refs`` table (indexed both by citing cable and
by cited ID), however those references were parsed. A thread is two trees grown from one
cable: "cites" follows REF lists down to older cables, "cited by" follows them up to the
cables that answer. Each level is one batched query per direction, the breadth of every node
is bounded ("+N more") and so is the whole tree, so a thread costs the same at 251k cables
as at 20.

A cable appears once per thread: a second path to it is kept as a leaf marked ``repeat`` (an
exchange cites its own earlier cables again and again; drawing each path would repeat whole
subtrees).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from store.corpus.corpus import Corpus
from store.corpus.rows import SUMMARY_COLUMNS, summary_of
from store.model import Summary

DEFAULT_DEPTH = 3
MAX_DEPTH = 6
# Children shown under one node, and nodes in the whole thread: a cable the Department
# cites a thousand times still gives a tree one can read (and build in milliseconds).
DEFAULT_BREADTH = 12
MAX_NODES = 400

CITES = "cites"
CITED_BY = "cited by"


@dataclass
class ThreadNode:
    """One cable of a thread. ``summary`` is None when the corpus does not hold it."""

    id: str
    summary: Summary | None
    relation: str | None = None  # CITES or CITED_BY: how the parent relates to this node
    depth: int = 0
    repeat: bool = False  # already shown elsewhere in this thread
    children: list[ThreadNode] = field(default_factory=list)
    # Children left out ("+N more"), by relation: the root has both kinds of children.
    more: dict[str, int] = field(default_factory=dict)

    @property
    def in_corpus(self) -> bool:
        return self.summary is not None

    def walk(self) -> Iterator[ThreadNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Thread:
    root: ThreadNode
    depth: int
    truncated: bool = False  # MAX_NODES was reached

    def nodes(self) -> Iterator[ThreadNode]:
        return self.root.walk()


def clamp_depth(depth: int | None) -> int:
    if depth is None:
        return DEFAULT_DEPTH
    return max(1, min(int(depth), MAX_DEPTH))


def build_thread(
    corpus: Corpus,
    cable_id: str,
    depth: int | None = DEFAULT_DEPTH,
    breadth: int = DEFAULT_BREADTH,
    max_nodes: int = MAX_NODES,
) -> Thread | None:
    """The thread of ``cable_id``, or None when the corpus does not hold that cable."""
    depth = clamp_depth(depth)
    breadth = max(1, breadth)
    summary = corpus.summary(cable_id.strip().upper())
    if summary is None:
        return None
    builder = _Builder(corpus, breadth, max_nodes)
    root = ThreadNode(summary.id, summary)
    builder.seen.add(summary.id)
    builder.grow([root], CITES, depth)
    builder.grow([root], CITED_BY, depth)
    return Thread(root, depth, builder.truncated)


class _Builder:
    def __init__(self, corpus: Corpus, breadth: int, max_nodes: int) -> None:
        self.conn = corpus.connection()
        self.breadth = breadth
        self.budget = max_nodes - 1
        self.seen: set[str] = set()
        self.truncated = False

    def grow(self, frontier: list[ThreadNode], relation: str, depth: int) -> None:
        """Breadth first, one query per level: the shallowest path to a cable wins."""
        for level in range(1, depth + 1):
            expandable = [n for n in frontier if n.summary is not None and not n.repeat]
            if not expandable or self.budget <= 0:
                return
            found = self._cited(expandable) if relation == CITES else self._citing(expandable)
            next_frontier: list[ThreadNode] = []
            for node in expandable:
                ids, total = found.get(node.summary.rowid, ([], 0))  # type: ignore[union-attr]
                left_out = total - len(ids)
                for child_id, child_summary in ids:
                    if self.budget <= 0:
                        left_out += 1
                        self.truncated = True
                        continue
                    self.budget -= 1
                    child = ThreadNode(child_id, child_summary, relation, level)
                    if child_id in self.seen:
                        child.repeat = True
                    else:
                        self.seen.add(child_id)
                        next_frontier.append(child)
                    node.children.append(child)
                if left_out > 0:
                    node.more[relation] = left_out
            frontier = next_frontier

    def _cited(self, nodes: list[ThreadNode]) -> dict[int, tuple[list, int]]:
        """REF targets of each node, in the cable's own order (A, B, C...)."""
        rowids = [n.summary.rowid for n in nodes]  # type: ignore[union-attr]
        targets: dict[int, list[str]] = {r: [] for r in rowids}
        own_ids = {n.summary.rowid: n.id for n in nodes}  # type: ignore[union-attr]
        for cable, target in self._chunked(
            "SELECT cable, target FROM refs WHERE cable IN ({}) ORDER BY cable, position", rowids
        ):
            if target not in targets[cable] and target != own_ids[cable]:
                targets[cable].append(target)
        wanted = {t for ts in targets.values() for t in ts[: self.breadth]}
        summaries = {
            s.id: s
            for s in map(
                summary_of,
                self._chunked(f"SELECT {SUMMARY_COLUMNS} FROM cables c WHERE c.id IN ({{}})",
                              sorted(wanted)),
            )
        }  # fmt: skip
        return {
            rowid: ([(t, summaries.get(t)) for t in ts[: self.breadth]], len(ts))
            for rowid, ts in targets.items()
        }

    def _citing(self, nodes: list[ThreadNode]) -> dict[int, tuple[list, int]]:
        """Cables citing each node, newest first, at most ``breadth`` each (and how many)."""
        by_id = {n.id: n.summary.rowid for n in nodes}  # type: ignore[union-attr]
        picked: dict[str, list[int]] = {i: [] for i in by_id}
        totals: dict[str, int] = dict.fromkeys(by_id, 0)
        # Cables of this level citing each other (or themselves) are in the tree already.
        own = ",".join(str(int(r)) for r in by_id.values())
        query = (
            "SELECT target, cable, n FROM (SELECT target, cable, "
            "row_number() OVER (PARTITION BY target ORDER BY cable DESC) AS k, "
            "count(*) OVER (PARTITION BY target) AS n "
            "FROM (SELECT DISTINCT target, cable FROM refs WHERE target IN ({}) "
            f"AND cable NOT IN ({own}))) WHERE k <= {int(self.breadth)}"
        )
        for target, cable, n in self._chunked(query, sorted(by_id)):
            picked[target].append(cable)
            totals[target] = n
        rows = sorted({r for rs in picked.values() for r in rs})
        summaries = {
            s.rowid: s
            for s in map(
                summary_of,
                self._chunked(f"SELECT {SUMMARY_COLUMNS} FROM cables c WHERE c.rowid IN ({{}})",
                              rows),
            )
        }  # fmt: skip
        out: dict[int, tuple[list, int]] = {}
        for target, rowid in by_id.items():
            cables = sorted(picked[target], reverse=True)
            out[rowid] = (
                [(summaries[r].id, summaries[r]) for r in cables if r in summaries],
                totals[target],
            )
        return out

    def _chunked(self, sql: str, values: list) -> Iterator[tuple]:
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            if chunk:
                yield from self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk)
