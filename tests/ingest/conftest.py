"""Fixtures for the import tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def deep_folder():
    """``make(base, levels)`` makes a folder nested ``levels`` deep and returns it; all are
    removed after the test, without recursion: pytest's own clean-up (shutil.rmtree) recurses
    once a level and would fail on them in a later run, for every test sharing the temp root."""
    made: list[Path] = []

    def make(base: Path, levels: int) -> Path:
        made.append(base)
        deep = base
        for step in range(0, levels, 100):  # os.makedirs also recurses once a missing level
            deep = deep.joinpath(*["d"] * min(100, levels - step))
            deep.mkdir(parents=True, exist_ok=True)
        return deep

    yield make
    for base in made:
        _remove_tree(base)


def _remove_tree(top: Path) -> None:
    stack = [(str(top), False)]
    while stack:
        path, emptied = stack.pop()
        if emptied:
            os.rmdir(path)
            continue
        stack.append((path, True))
        with os.scandir(path) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, False))
                else:
                    os.unlink(entry.path)
