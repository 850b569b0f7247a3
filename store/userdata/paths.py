"""Where the user's files live (XDG directories, via platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "cables"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_corpus() -> Path:
    return data_dir() / "corpus.sqlite"


def bookmarks_file() -> Path:
    return data_dir() / "bookmarks.json"


def history_file() -> Path:
    return state_dir() / "history.json"


def config_file() -> Path:
    return config_dir() / "config.toml"


def samples_dir() -> Path:
    """The bundled sample cables: inside the installed package, or the checkout's samples/."""
    store = Path(__file__).resolve().parent.parent
    installed = store / "bundled_samples"
    if installed.is_dir():
        return installed
    return store.parent / "samples"
