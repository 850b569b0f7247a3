"""``cables thread``, ``cables cite``, ``cables stats QUERY --by`` and bookmarks as BibTeX."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from app_support import story_corpus

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_SUBJECT = r"BRACES } { \end{document} 100% \\ $x$ #1 a_b ^ ~ " + "\x1b]52;c;aGk=\x07"


@pytest.fixture
def corpus(tmp_path):
    path = story_corpus(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE cables SET subject = ? WHERE id = '06TESTPOST2'", (HOSTILE_SUBJECT,))
    conn.commit()
    conn.close()
    return path


def run(capsys, corpus, *args: str) -> tuple[int, str, str]:
    code = main(["--corpus", str(corpus), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_thread_tree(corpus, capsys, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    code, out, _ = run(capsys, corpus, "thread", "06testpost3")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("2006-01-12  C      06TESTPOST3  TESTLAND: THIRD REPORT")
    assert lines[1] == "├─ cites" and "05NOWHERE999  (not in this corpus)" in out
    assert "└─ cited by" in out and "06TESTPOST4" in out
    monkeypatch.setenv("TERM", "dumb")
    code, out, _ = run(capsys, corpus, "thread", "06TESTPOST3", "--depth", "1")
    assert code == 0 and out.isascii() and "`- cited by" in out


def test_thread_json_and_dot(corpus, capsys):
    code, out, _ = run(capsys, corpus, "thread", "06TESTPOST3", "--json")
    data = json.loads(out)
    assert code == 0 and data["root"]["id"] == "06TESTPOST3" and data["depth"] == 3
    assert {c["id"]: c["in_corpus"] for c in data["root"]["children"]}["05NOWHERE999"] is False
    code, out, _ = run(capsys, corpus, "thread", "06TESTPOST3", "--dot")
    assert code == 0 and out.startswith("digraph thread {") and out.rstrip().endswith("}")
    # The hostile subject is quoted: no bare quote or newline ends the label early.
    label = next(line for line in out.splitlines() if line.startswith('  "06TESTPOST2" ['))
    assert "\x1b" not in out and label.endswith("];")
    assert re.fullmatch(r'  "06TESTPOST2" \[label="([^"\\]|\\.)*"\];', label)


def test_thread_errors_are_one_line(corpus, capsys):
    code, out, err = run(capsys, corpus, "thread", "06TESTPOST9")
    assert code == 1 and out == "" and err.count("\n") == 1 and "closest" in err
    code, _, err = run(capsys, corpus, "thread", "06TESTPOST3", "--depth", "0")
    assert code == 2 and "--depth" in err


@pytest.mark.parametrize("style", ["chicago", "apa", "md"])
def test_cite_styles(corpus, capsys, style):
    code, out, _ = run(capsys, corpus, "cite", "06TESTPOST3", "06testpost1", "--style", style)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    for needed in ("Embassy Testpost", "06TESTPOST3", "2006", "CONFIDENTIAL",
                   "WikiLeaks Cablegate", "THIRD REPORT CITES THE OTHERS"):  # fmt: skip
        assert needed in lines[0]
    if style == "md":
        assert "[06TESTPOST3](<https://wikileaks.org/cable/2006/01/06TESTPOST3.html>)" in out


def test_cite_a_missing_cable_exits_1_and_prints_the_rest(corpus, capsys):
    code, out, err = run(capsys, corpus, "cite", "99NOPE1", "06TESTPOST1")
    assert code == 1 and "06TESTPOST1" in out and "99NOPE1" in err


def bibtex_is_valid(text: str) -> bool:
    """Entries ``@type{key, name = {value}, ...}`` with balanced braces (BibTeX counts every
    brace, escaped or not) and no backslash but the commands we write."""
    for entry in filter(None, text.strip().split("\n\n")):
        depth = 0
        for char in entry:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                return False
        if depth or not re.match(r"@misc\{[A-Za-z][A-Za-z0-9]*,\n", entry):
            return False
        for field in entry.splitlines()[1:-1]:
            if not re.fullmatch(r"  [a-z]+ = (\{.*\}|[a-z]+),?", field):
                return False
            for command in re.findall(r"\\([A-Za-z]+|.)", field):
                if command not in ("textbackslash", "textbraceleft", "textbraceright",
                                   "textasciicircum", "textasciitilde", "%", "&", "#", "$",
                                   "_"):  # fmt: skip
                    return False
    return True


def test_bibtex_of_a_hostile_subject_is_valid(corpus, capsys):
    code, out, _ = run(capsys, corpus, "cite", "06TESTPOST2", "06TESTPOST3", "-s", "bibtex")
    assert code == 0 and out.count("@misc{") == 2
    assert bibtex_is_valid(out), out
    assert r"\textbraceright{} \textbraceleft{} \textbackslash{}end" in out
    assert "\x1b" not in out and "100\\%" in out


def test_bookmarks_export_bibtex(corpus, capsys):
    from store.userdata.bookmarks import Bookmarks

    Bookmarks().add("06TESTPOST2", "note with } and \\")
    Bookmarks().add("99GONE1")
    code, out, _ = run(capsys, corpus, "bookmarks", "export", "--format", "bibtex")
    assert code == 0 and out.count("@misc{") == 2 and bibtex_is_valid(out), out
    assert "annote = {note with \\textbraceright{} and \\textbackslash{}}" in out
    assert "Diplomatic cable 99GONE1" in out


def test_stats_query_by_year_month_and_groups(corpus, capsys, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    code, out, _ = run(capsys, corpus, "stats", "nato", "--by", "year")
    assert code == 0 and out.splitlines()[0] == "2 cables match nato, by year"
    assert re.search(r"2006 +2 █+$", out, re.M)
    code, out, _ = run(capsys, corpus, "stats", "nato")  # --by year is the default
    assert "by year" in out
    monkeypatch.setenv("TERM", "dumb")
    code, out, _ = run(capsys, corpus, "stats", "--by", "month")
    assert code == 0 and out.isascii() and re.search(r"2006-01 +4 #+$", out, re.M)
    for by, label in (("origin", "Embassy Testpost"), ("tag", "PGOV"), ("class", "SECRET")):
        code, out, _ = run(capsys, corpus, "stats", "tag:PGOV", "--by", by, "--json")
        data = json.loads(out)
        assert code == 0 and data["by"] == by and label in [b["label"] for b in data["buckets"]]
    code, out, _ = run(capsys, corpus, "stats", "nato", "-first", "--json")
    assert json.loads(out)["total"] == 1  # -first excludes, it is no option


def test_stats_without_a_query_stays_as_it_was_and_has_json(corpus, capsys):
    code, out, _ = run(capsys, corpus, "stats")
    assert code == 0 and out.startswith("4 cables in") and "\nclassification\n" in out
    code, out, _ = run(capsys, corpus, "stats", "--json")
    data = json.loads(out)
    assert data["total"] == 4 and {"label": "2006", "count": 4} in data["year"]


def test_stats_bad_or_empty_query(corpus, capsys):
    code, _, err = run(capsys, corpus, "stats", "tags:PGOV")
    assert code == 2 and err.count("\n") == 1 and "tag:" in err
    code, _, err = run(capsys, corpus, "stats", "zzzznothing")
    assert code == 1 and "no cables matched" in err


@pytest.mark.parametrize("command", ["thread", "cite"])
def test_new_commands_have_help_with_examples(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0 and "example" in capsys.readouterr().out


def test_new_commands_do_not_import_textual(corpus):
    script = (
        "import sys; from tui.cli import main; "
        f"main(['--corpus', {str(corpus)!r}, sys.argv[1], *sys.argv[2:]]); "
        "bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; "
        "sys.stdout.flush(); print('TEXTUAL' if bad else 'CLEAN', file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for args in (["thread", "06TESTPOST3"], ["thread", "06TESTPOST3", "--dot"],
                 ["cite", "06TESTPOST3", "-s", "bibtex"], ["stats", "nato", "--by", "tag"],
                 ["bookmarks", "export", "--format", "bibtex"]):  # fmt: skip
        done = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
        )
        assert done.stderr.strip().endswith("CLEAN"), (args, done.stderr)
