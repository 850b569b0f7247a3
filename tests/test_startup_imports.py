"""One-shot commands load only what their answer needs (issue 22): seen from the modules a
real process holds when the command is done, not from the source."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cable_factory import build_corpus, telegram, write_telegrams

ROOT = Path(__file__).resolve().parent.parent

# Runs one command as `cables` would, then says on stderr which modules it had loaded.
RUNNER = (
    "import json, sys; from tui.cli import main; code = main(sys.argv[1:]); "
    "sys.stdout.flush(); print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)"
)
# Never for printing one cable or the corpus's counts: the search engine and its index, the
# query language, the browser, and the config reader when --corpus names the corpus.
NEVER = ("tantivy", "store.fulltext.index", "store.fulltext.hits", "store.fulltext.sync",
         "store.query", "textual", "tui.app", "tomllib", "platformdirs")  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("startup")
    source = write_telegrams(
        where / "in",
        {
            "a": telegram(station="ALMATY", serial=79, paragraphs=[("(C)", "About grain.")]),
            "b": telegram(station="ASTANA", serial=101, refs=["06ALMATY79"]),
        },
    )
    return build_corpus(where / "c.sqlite", source)


def python(script: str, *args: str) -> subprocess.CompletedProcess:
    """``python -c script args`` from this tree, in a fresh process."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def loaded(*args: str) -> set[str]:
    done = python(RUNNER, *args)
    code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    assert code == 0, done.stderr
    return set(modules)


def _under(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.mark.parametrize(
    "args",
    [["show", "06ALMATY79"], ["show", "06 almaty 000079", "--format", "rich", "--color", "always"]],
)
def test_show_loads_neither_the_index_nor_the_query_language(corpus, args):
    modules = loaded("--corpus", str(corpus), *args)
    assert "store.parse.cable" in modules  # the cable is parsed from its stored text
    assert _under(modules, NEVER) == []


def test_show_as_text_loads_neither_typing_nor_dataclasses(corpus):
    # typing: 2 ms of every `cables show` (rich's own output needs it; the text does not).
    # dataclasses: 10 ms with the inspect, ast, dis and tokenize it imports (store.frozen
    # makes the model's records instead). shutil: 1.5 ms with bz2 and lzma, for the
    # terminal's size (tui.commands.output.terminal_size finds it). threading: 0.6 ms, for
    # the corpus's connection per thread.
    # pathlib: 1.5 ms with the urllib.parse and ipaddress it imports (the corpus path stays a
    # string, the parser reads its tables through os.path).
    modules = loaded("--corpus", str(corpus), "show", "06ALMATY79")
    assert "store.model" in modules and "store.records" in modules
    unwanted = ("typing", "dataclasses", "inspect", "shutil", "bz2", "lzma", "threading")
    unwanted += ("pathlib", "urllib", "ipaddress")
    assert [m for m in unwanted if m in modules] == []


def test_stats_without_a_query_loads_no_parser_nor_index(corpus):
    modules = loaded("--corpus", str(corpus), "stats")
    assert "store.corpus.totals" in modules
    assert _under(modules, (*NEVER, "store.parse", "rich")) == []


def test_an_id_is_made_canonical_without_the_parser():
    script = (
        "import sys; from store.parse.refids import canonical_id; "
        "assert canonical_id('06 almaty 000079') == '06ALMATY79'; "
        "print(' '.join(m for m in sys.modules if m.startswith('store.')))"
    )
    done = python(script)
    assert done.returncode == 0, done.stderr
    small = {"store.parse", "store.parse.refids", "store.parse.stations"}
    small.update(("store.parse.lazy_pattern", "store.pattern_cache", "store.parse.data_files"))
    assert set(done.stdout.split()) <= small


def test_the_parser_compiles_no_pattern_at_import():
    """A module-level ``re.compile`` in the parser is paid by every `cables show`, whether
    the cable needs it or not: they are ``lazy_compile``."""
    import ast

    eager = []
    for path in sorted((ROOT / "store" / "parse").glob("*.py")):
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(statement, (ast.Assign, ast.AnnAssign)):
                continue
            for node in ast.walk(statement):
                called = node.func if isinstance(node, ast.Call) else None
                if isinstance(called, ast.Attribute) and called.attr == "compile":
                    eager.append(f"{path.name}:{statement.lineno}")
    assert eager == []


# A command run as `cables` runs it: records whether the collector is on and what is set aside.
AS_THE_PROCESS = (
    "import gc, sys; import tui.commands.locate as command; seen = []; real = command.run; "
    "command.run = lambda args: (seen.append((gc.isenabled(), gc.get_freeze_count() > 0)), "
    "real(args))[1]; sys.argv = ['cables', 'locate']; from tui.cli import main; "
    "code = main(); print(code, seen, gc.isenabled())"
)


def test_a_command_runs_with_the_collector_on_and_start_up_set_aside():
    """Start-up is not collected (gc.freeze, 7-10 ms of `cables show`), but the command is:
    an import or the browser runs for hours."""
    done = python(AS_THE_PROCESS)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 [(True, True)] True"


def test_the_command_line_module_imports_its_tools_only_in_main():
    """argparse, pathlib, re: imported by main once the collector is off, not with tui.cli."""
    script = "import sys, tui.cli; print(sorted({'argparse', 'pathlib', 're'} & set(sys.modules)))"
    done = python(script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_main_called_from_python_leaves_the_collector_alone(capsys):
    import gc

    from tui.cli import main

    frozen_before = gc.get_freeze_count()
    assert main(["locate"]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen_before
    assert "corpus" in capsys.readouterr().out
