"""The layers of the code, read from the import statements (ast, nothing is imported).

Every module of store/ and tui/ and the modules it imports, at any depth of the file
(imports inside functions count: they run too, only later), except imports under
``if TYPE_CHECKING:``, which never run. The graph must have no circle, and no import may run
against the layers that ARCHITECTURE.md draws. The run-time twin of the last rule ("one-shot
commands never import Textual") is in test_cli.py and test_cli_story.py.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("store", "tui")

# (importer, what it must never import): a module name or package prefix each.
FORBIDDEN = [
    ("store", ("tui", "textual")),
    ("store.parse", ("store.corpus", "store.ingest", "store.query", "store.userdata")),
    ("store.corpus", ("store.ingest", "store.query", "store.userdata")),
    # The index reads the search expression's text, never the language that writes it.
    ("store.fulltext", ("store.ingest", "store.query", "store.userdata", "store.corpus.search",
                        "store.corpus.timeline")),
    ("store.query", ("store.parse", "store.ingest", "store.userdata", "store.corpus.corpus")),
    ("store.userdata", ("store.parse", "store.corpus", "store.ingest", "store.query")),
    # Places and land: data files read with the standard library, for any layer above.
    ("store.geo", ("store.parse", "store.corpus", "store.ingest", "store.query",
                   "store.userdata")),
    ("tui.output", ("textual", "tui.app", "tui.state", "tui.widgets", "tui.screens",
                    "tui.controllers", "tui.commands", "tui.messages")),
    ("tui.state", ("textual", "tui.app", "tui.widgets", "tui.screens", "tui.controllers",
                   "tui.commands")),
    ("tui.widgets", ("tui.app", "tui.screens", "tui.controllers", "tui.commands")),
    ("tui.screens", ("tui.app", "tui.controllers", "tui.commands")),
    ("tui.controllers", ("tui.app", "tui.commands")),
    # The server of `cables serve` runs the app in a child process, never in its own.
    ("tui.web", ("textual", "tui.app", "tui.screens", "tui.controllers", "tui.widgets")),
]  # fmt: skip
# The commands that start the browser; every other command prints and exits.
BROWSER_COMMANDS = {"tui.commands.browse", "tui.commands.open_", "tui.commands.serve"}


def module_files() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(name: str, path: Path) -> set[str]:
    """Every dotted name the module imports (``from a import b`` gives ``a`` and ``a.b``)."""
    names: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                names.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*up, base] if base else up)
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return names


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the modules of store/ and tui/ it imports, plus ``textual`` if it does."""
    files = module_files()
    edges = {}
    for name, path in files.items():
        targets = set()
        for imported in imported_names(name, path):
            if imported == "textual" or imported.startswith("textual."):
                targets.add("textual")
                continue
            while imported and imported not in files:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        edges[name] = frozenset(targets)
    return edges


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in edges:
        if node not in index:
            connect(node)
    return found


def depth(edges: dict[str, frozenset[str]]) -> int:
    """Levels of the graph: the longest chain of imports, counted in modules."""

    @cache
    def level(node: str) -> int:
        return 1 + max((level(t) for t in edges.get(node, ()) if t in edges), default=0)

    return max(level(node) for node in edges)


def reachable(edges: dict[str, frozenset[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for target in edges.get(node, ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_walk_sees_every_package_and_the_imports_inside_functions():
    edges = graph()
    assert {"store.corpus.corpus", "tui.app", "tui.widgets.sidebar"} <= edges.keys()
    # Corpus.search imports the search module inside the method: an edge all the same.
    assert "store.corpus.search" in edges["store.corpus.corpus"]
    assert "textual" in edges["tui.app"]


def test_no_import_circle():
    assert cycles(graph()) == []


def test_the_circle_finder_finds_one():
    assert cycles({"a": frozenset({"b"}), "b": frozenset({"a"}), "c": frozenset()}) == [["a", "b"]]


@pytest.mark.parametrize(("importer", "forbidden"), FORBIDDEN)
def test_no_import_runs_against_the_layers(importer, forbidden):
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in graph().items()
        if within(name, importer)
        for target in targets
        if any(within(target, prefix) for prefix in forbidden)
    )
    assert wrong == []


def test_one_shot_commands_never_reach_textual():
    edges = graph()
    commands = [n for n in edges if within(n, "tui.commands") and n != "tui.commands"]
    assert len(commands) > len(BROWSER_COMMANDS)
    wrong = [n for n in commands if n not in BROWSER_COMMANDS and "textual" in reachable(edges, n)]
    assert wrong == []
