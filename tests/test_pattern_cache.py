"""The compiled-pattern cache: what it rebuilds is what the compiler makes, and a cache
file that is damaged, foreign or unwritable costs time only, never an answer."""

from __future__ import annotations

import importlib
import marshal
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from re import _compiler

import platformdirs
import pytest

import store.parse
from store import pattern_cache
from store.parse.lazy_pattern import LazyPattern
from store.pattern_cache import PatternCache

ROOT = Path(__file__).resolve().parents[1]


def parser_patterns() -> list[tuple[str, int]]:
    """Every pattern of every parser module (held in tuples, lists and dicts too), as
    (pattern, flags)."""
    found = {}

    def look(value) -> None:
        if isinstance(value, LazyPattern):
            found[value.pattern, int(value._flags)] = None
        elif isinstance(value, (tuple, list)):
            for item in value:
                look(item)
        elif isinstance(value, dict):
            for item in value.values():
                look(item)

    for info in pkgutil.iter_modules(store.parse.__path__):
        module = importlib.import_module(f"store.parse.{info.name}")
        for value in vars(module).values():
            look(value)
    return list(found)


def counting(monkeypatch) -> list[str]:
    compiled: list[str] = []
    real = pattern_cache._compile

    def count(pattern, flags):
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(pattern_cache, "_compile", count)
    return compiled


def test_every_parser_pattern_rebuilt_from_the_cache_is_the_compiled_one(
    tmp_path, monkeypatch
):
    patterns = parser_patterns()
    assert len(patterns) > 130
    path = str(tmp_path / "patterns.marshal")
    first = PatternCache(path)
    for pattern, flags in patterns:
        assert first.compile(pattern, flags) == _compiler.compile(pattern, flags)
    first.save()
    monkeypatch.setattr(pattern_cache, "_compile", None)  # any compiling now fails
    again = PatternCache(path)
    for pattern, flags in patterns:
        rebuilt = again.compile(pattern, flags)
        assert rebuilt == _compiler.compile(pattern, flags), pattern
        assert (rebuilt.pattern, rebuilt.flags) == (pattern, re.compile(pattern, flags).flags)


def test_patterns_that_differ_are_told_apart():
    # The equality the test above relies on compares the code, not only the text.
    assert _compiler.compile("a+b", 0) == _compiler.compile("a+b", 0)
    assert _compiler.compile("a+b", 0) != _compiler.compile("a*b", 0)
    assert _compiler.compile("a+b", 0) != _compiler.compile("a+b", re.I)


def test_a_cached_pattern_matches_as_the_compiled_one(tmp_path, monkeypatch):
    path = str(tmp_path / "p.marshal")
    first = PatternCache(path)
    first.compile(r"(?P<year>\d\d)(?P<station>[A-Z]+)(\d+)", re.I)
    first.save()
    monkeypatch.setattr(pattern_cache, "_compile", None)  # any compiling now fails
    rebuilt = PatternCache(path).compile(r"(?P<year>\d\d)(?P<station>[A-Z]+)(\d+)", re.I)
    found = rebuilt.fullmatch("06almaty79")
    assert found.group("year", "station", 3) == ("06", "almaty", "79")
    assert rebuilt.groupindex == {"year": 1, "station": 2} and rebuilt.groups == 3


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not marshal at all",
        b"\xff" * 64,
        marshal.dumps(["a", "list"]),
        marshal.dumps((1, 2, 3)),
    ],
    ids=["empty", "text", "bytes", "a-list", "a-triple"],
)
def test_a_damaged_file_is_compiled_past_and_written_anew(tmp_path, monkeypatch, damage):
    path = tmp_path / "p.marshal"
    path.write_bytes(damage)
    compiled = counting(monkeypatch)
    cache = PatternCache(str(path))
    assert cache.compile("ab+c") == _compiler.compile("ab+c", 0)
    assert compiled == ["ab+c"]
    cache.save()
    assert PatternCache(str(path)).compile("ab+c") == _compiler.compile("ab+c", 0)
    assert compiled == ["ab+c"]  # the second one rebuilt it


def test_a_truncated_file_is_a_miss(tmp_path, monkeypatch):
    path = tmp_path / "p.marshal"
    cache = PatternCache(str(path))
    cache.compile("x(y|z)")
    cache.save()
    path.write_bytes(path.read_bytes()[:-7])
    compiled = counting(monkeypatch)
    assert PatternCache(str(path)).compile("x(y|z)") == _compiler.compile("x(y|z)", 0)
    assert compiled == ["x(y|z)"]


def _file_with(path: Path, key, entries) -> None:
    path.write_bytes(marshal.dumps((key, entries)))


def test_a_file_of_another_python_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "p.marshal"
    cache = PatternCache(str(path))
    cache.compile("abc")
    cache.save()
    key, entries = marshal.loads(path.read_bytes())
    assert key == pattern_cache.version_key()
    other = ("3.99.0 (elsewhere)", *key[1:])
    _file_with(path, other, entries)
    compiled = counting(monkeypatch)
    assert PatternCache(str(path)).compile("abc") == _compiler.compile("abc", 0)
    assert compiled == ["abc"]


def test_an_entry_that_is_not_its_patterns_is_a_miss(tmp_path, monkeypatch):
    """An entry filed under another pattern, one with flags it was not asked with, one whose
    code the engine refuses: each is compiled, never used."""
    path = tmp_path / "p.marshal"
    cache = PatternCache(str(path))
    for pattern in ("a+", "b+"):
        cache.compile(pattern)
    cache.compile("c+", re.M)
    cache.save()
    key, entries = marshal.loads(path.read_bytes())
    _, flags, code, *rest = marshal.loads(entries["c+", re.M])
    entries["a+", 0] = entries["b+", 0]
    entries["c+", re.M] = marshal.dumps(("c+", 0, code, *rest))
    _, flags, code, *rest = marshal.loads(entries["b+", 0])
    entries["b+", 0] = marshal.dumps(("b+", flags, [999, *code], *rest))
    _file_with(path, key, entries)
    compiled = counting(monkeypatch)
    again = PatternCache(str(path))
    assert again.compile("a+") == _compiler.compile("a+", 0)
    assert again.compile("b+") == _compiler.compile("b+", 0)
    assert again.compile("c+", re.M) == _compiler.compile("c+", re.M)
    assert compiled == ["a+", "b+", "c+"]


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o555)
    if os.geteuid() == 0:  # permissions do not bind root: the rename fails as it would

        def refuse(source, target):
            raise PermissionError(13, "Permission denied", str(target))

        monkeypatch.setattr(os, "replace", refuse)
    try:
        cache = PatternCache(str(folder / "p.marshal"))
        assert cache.compile("q+") == _compiler.compile("q+", 0)
        cache.save()
        assert list(folder.iterdir()) == []  # no file, no temporary left behind
    finally:
        os.chmod(folder, 0o755)
    under_a_file = tmp_path / "a-file"
    under_a_file.write_text("")
    cache = PatternCache(str(under_a_file / "cables" / "p.marshal"))
    assert cache.compile("q+") == _compiler.compile("q+", 0)
    cache.save()


def test_a_bad_pattern_fails_as_with_re_compile(tmp_path):
    with pytest.raises(re.error):
        PatternCache(str(tmp_path / "p.marshal")).compile("(unclosed")


def test_the_cache_lives_in_the_users_cache_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert pattern_cache.cache_dir() == platformdirs.user_cache_dir("cables", appauthor=False)
    assert pattern_cache.default_path().startswith(pattern_cache.cache_dir() + os.sep)


# Parses a cable in a fresh process; prints how many patterns it compiled.
PARSE = (
    "import sys; from store import pattern_cache; compiled = []; "
    "real = pattern_cache._compile; "
    "pattern_cache._compile = lambda p, f: (compiled.append(p), real(p, f))[1]; "
    "from store.parse import parse_text; "
    "cable = parse_text(open(sys.argv[1], encoding='utf-8').read()); "
    "print(len(compiled), cable.id)"
)


def test_a_second_process_rebuilds_what_the_first_compiled(tmp_path):
    text = (ROOT / "samples" / "000_deccae7d197a7652.txt").read_text(encoding="utf-8")
    source = tmp_path / "cable.txt"
    source.write_text(text, encoding="utf-8")
    cache_home = tmp_path / "xdg-cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache_home)}

    def parse() -> tuple[int, str]:
        done = subprocess.run(
            [sys.executable, "-c", PARSE, str(source)],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0 and done.stderr == "", done.stderr
        count, cable_id = done.stdout.split()
        return int(count), cable_id

    first, first_id = parse()
    assert first > 20
    written = list((cache_home / "cables").iterdir())
    assert [p.name for p in written] == [f"patterns-{sys.implementation.cache_tag}.marshal"]
    assert parse() == (0, first_id)
    written[0].write_bytes(b"damaged")
    assert parse() == (first, first_id)
    assert parse() == (0, first_id)
