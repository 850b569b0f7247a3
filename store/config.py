"""The user's config file (TOML in the config dir): corpus, theme, sidebar, keys, mouse.

Example ``~/.config/cables/config.toml``::

    corpus = "/srv/cables/corpus.sqlite"   # default corpus file
    theme = "ansi-dark"                    # any Textual theme name
    sidebar_width = 48                     # columns; the sidebar narrows on small screens
    mouse = false                          # keyboard only (nice over slow SSH links)

    [keys]                                 # binding id = keys, comma separated
    "reader.next_hit" = "n,ctrl+n"
    "app.quit" = "Q"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from store import paths


class ConfigError(ValueError):
    """A bad config file or value; ``str()`` is one line naming the file and the key."""


@dataclass(frozen=True)
class Config:
    corpus: Path | None = None
    theme: str | None = None
    sidebar_width: int | None = None
    mouse: bool = False
    keys: dict[str, str] = field(default_factory=dict)


def load_config(path: Path | None = None) -> Config:
    """Read the config; a missing file is the defaults, a bad one raises ConfigError."""
    path = path or paths.config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config file ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    known = {"corpus", "theme", "sidebar_width", "mouse", "keys"}
    unknown = sorted(set(data) - known)
    if unknown:
        names = ", ".join(sorted(known))
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {names})")

    def expect(key: str, kind: type, what: str):
        value = data.get(key)
        wrong_type = value is not None and not isinstance(value, kind)
        if wrong_type or (isinstance(value, bool) and kind is int):
            raise ConfigError(f"{path}: {key} must be {what}, not {value!r}")
        return value

    corpus = expect("corpus", str, "a file path")
    theme = expect("theme", str, "a theme name")
    width = expect("sidebar_width", int, "a whole number of columns")
    if width is not None and not 16 <= width <= 200:
        raise ConfigError(f"{path}: sidebar_width must be between 16 and 200, not {width}")
    mouse = data.get("mouse", False)
    if not isinstance(mouse, bool):
        raise ConfigError(f"{path}: mouse must be true or false, not {mouse!r}")
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keys.items()
    ):
        raise ConfigError(f'{path}: [keys] maps binding ids to keys, e.g. "app.quit" = "Q"')
    return Config(
        corpus=Path(corpus).expanduser() if corpus else None,
        theme=theme,
        sidebar_width=width,
        mouse=mouse,
        keys=dict(keys),
    )
