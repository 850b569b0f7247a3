"""Shared fixtures. No test may touch the real home directory."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Before any fixture: what collecting the test modules does (a parser pattern compiled, and
# the compiled-pattern cache written when the process ends) must not reach the real home.
_COLLECTING_CACHE = tempfile.mkdtemp(prefix="cables-tests-cache-")
atexit.register(shutil.rmtree, _COLLECTING_CACHE, ignore_errors=True)
os.environ["XDG_CACHE_HOME"] = _COLLECTING_CACHE


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every XDG directory (and HOME) at a fresh temporary folder."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        path = home / name.lower()
        path.mkdir(parents=True)
        monkeypatch.setenv(name, str(path))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


# No timing limits in tests (the machines are shared and noisy; speed is for bench/). In CI
# the examples are derandomized, so a run is repeatable and a red build is a real one.
from hypothesis import settings  # noqa: E402

settings.register_profile("cables", deadline=None)
settings.register_profile("cables-ci", deadline=None, derandomize=True)
settings.load_profile("cables-ci" if os.environ.get("CI") else "cables")
