"""A thread (``store.corpus.threads``) as an indented tree, JSON, or Graphviz DOT.

Stdlib only: ``cables thread`` must not import Textual. Every text from a cable passes
through ``safe``; in DOT it is also quoted, so a subject cannot close a label and add nodes.
"""

from __future__ import annotations

from typing import Any

from store.corpus.threads import CITED_BY, CITES, Thread, ThreadNode
from tui.output.export_formats import safe

NOT_IN_CORPUS = "(not in this corpus)"
UNICODE_BRANCHES = ("├─ ", "└─ ", "│  ", "   ")
ASCII_BRANCHES = ("|- ", "`- ", "|  ", "   ")


def node_date(node: ThreadNode) -> str:
    summary = node.summary
    if summary is None or summary.created is None:
        return "----------"
    return summary.created.strftime("%Y-%m-%d")


def node_chip(node: ThreadNode) -> str:
    """``C//NF``; ``?`` for a cable with no known marking, blank for one not in the corpus."""
    if node.summary is None:
        return ""
    marking = node.summary.classification
    return marking.short if marking is not None else "?"


def node_subject(node: ThreadNode) -> str:
    if node.summary is None:
        return NOT_IN_CORPUS
    subject = " ".join((node.summary.subject or "").split())
    return safe(subject) if subject else "(no subject)"


def node_line(node: ThreadNode) -> str:
    """``2006-01-12  C      06TESTPOST3  TESTLAND: ...`` (one line of the tree)."""
    tail = "  (repeat: shown above)" if node.repeat else ""
    return f"{node_date(node)}  {node_chip(node):<6} {safe(node.id)}  {node_subject(node)}{tail}"


def tree_lines(thread: Thread, *, ascii_only: bool = False) -> list[str]:
    """The thread as an indented tree: the cable, then what it cites, then what cites it."""
    tee, last, pipe, blank = ASCII_BRANCHES if ascii_only else UNICODE_BRANCHES
    root = thread.root
    lines = [node_line(root)]

    def children(node: ThreadNode, relation: str | None, prefix: str) -> None:
        kids = [c for c in node.children if relation is None or c.relation == relation]
        more = sum(node.more.values()) if relation is None else node.more.get(relation, 0)
        for index, child in enumerate(kids):
            end = index == len(kids) - 1 and not more
            lines.append(prefix + (last if end else tee) + node_line(child))
            children(child, None, prefix + (blank if end else pipe))
        if more:
            lines.append(prefix + last + f"+{more} more")

    groups = [r for r in (CITES, CITED_BY) if _has_group(root, r)]
    for index, relation in enumerate(groups):
        end = index == len(groups) - 1
        lines.append((last if end else tee) + relation)
        children(root, relation, blank if end else pipe)
    if not groups:
        lines.append("(cites no cable and no cable of this corpus cites it)")
    if thread.truncated:
        lines.append(f"(stopped at {sum(1 for _ in thread.nodes())} cables)")
    return lines


def _has_group(root: ThreadNode, relation: str) -> bool:
    return bool(root.more.get(relation)) or any(c.relation == relation for c in root.children)


def node_json(node: ThreadNode) -> dict[str, Any]:
    summary = node.summary
    out: dict[str, Any] = {
        "id": safe(node.id),
        "in_corpus": summary is not None,
        "relation": node.relation,
        "depth": node.depth,
    }
    if summary is not None:
        out["date"] = summary.created.isoformat() if summary.created else None
        out["origin"] = safe(summary.origin) if summary.origin else None
        marking = summary.classification
        out["classification"] = safe(marking.full) if marking else None
        out["subject"] = safe(summary.subject) if summary.subject else None
    if node.repeat:
        out["repeat"] = True
    out["children"] = [node_json(child) for child in node.children]
    if node.more:
        out["more"] = dict(node.more)
    return out


def thread_json(thread: Thread) -> dict[str, Any]:
    return {"depth": thread.depth, "truncated": thread.truncated, "root": node_json(thread.root)}


def dot_quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, newlines as \\n."""
    text = safe(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r", "").replace("\n", "\\n") + '"'


def thread_dot(thread: Thread) -> str:
    """Graphviz DOT: an arrow from each citing cable to the cable it cites."""
    lines = ["digraph thread {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];']
    seen: set[str] = set()
    edges: list[tuple[str, str]] = []

    def visit(node: ThreadNode) -> None:
        if node.id not in seen:
            seen.add(node.id)
            label = f"{node.id}\n{node_date(node)}  {node_chip(node)}\n{_short(node_subject(node))}"
            style = ", style=dashed" if node.summary is None else ""
            if node is thread.root:
                style += ", penwidth=2"
            lines.append(f"  {dot_quote(node.id)} [label={dot_quote(label)}{style}];")
        for child in node.children:
            # An arrow means "cites": from the citing cable to the cited one.
            pair = (node.id, child.id) if child.relation == CITES else (child.id, node.id)
            if pair not in edges:
                edges.append(pair)
            visit(child)
        for relation, more in node.more.items():
            more_id = f"{node.id} +{relation}"
            lines.append(f"  {dot_quote(more_id)} [label={dot_quote(f'+{more} more')}, "
                         "shape=plaintext];")  # fmt: skip
            edges.append((node.id, more_id) if relation == CITES else (more_id, node.id))

    visit(thread.root)
    lines.extend(f"  {dot_quote(a)} -> {dot_quote(b)};" for a, b in edges)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
