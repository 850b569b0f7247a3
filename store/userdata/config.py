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

from dataclasses import dataclass, field
from pathlib import Path

from store.userdata import paths
from store.userdata.errors import ConfigError


@dataclass(frozen=True)
class Config:
    corpus: Path | None = None
    theme: str | None = None
    sidebar_width: int | None = None
    mouse: bool = False
    keys: dict[str, str] = field(default_factory=dict)
    # Why a setting was left at its default: setting name -> one line naming the file. A
    # command asks only for the settings it uses (``check``), so a bad sidebar_width never
    # stops ``cables show``. FILE stands for every setting (the file itself is unreadable).
    problems: dict[str, str] = field(default_factory=dict)
    # One line each about what was ignored (an unknown setting, theme or binding id): the
    # browser says them and starts with the defaults.
    warnings: tuple[str, ...] = ()

    def check(self, *settings: str) -> None:
        """Raise ConfigError for the first of these settings that the file got wrong."""
        for name in (FILE, *settings):
            if name in self.problems:
                raise ConfigError(self.problems[name])


FILE = "(file)"
KNOWN = ("corpus", "theme", "sidebar_width", "mouse", "keys")


def load_config(path: Path | None = None) -> Config:
    """Read the config. A missing file is the defaults; a bad setting is left at its default
    and recorded in ``problems`` for the commands that use it; nothing here raises."""
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        return Config(problems={FILE: f"{path}: cannot read the config file ({error})"})
    import tomllib  # only when there is a file: most users have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(problems={FILE: f"{path}: not valid TOML ({error})"})
    problems: dict[str, str] = {}
    values: dict = {}
    for key, check in _CHECKS.items():
        if key not in data:
            continue
        problem = check(data[key])
        if problem:
            problems[key] = f"{path}: {key} {problem}, not {data[key]!r}"
        else:
            values[key] = data[key]
    corpus = values.get("corpus")
    return Config(
        corpus=Path(corpus).expanduser() if corpus else None,
        theme=values.get("theme"),
        sidebar_width=values.get("sidebar_width"),
        mouse=values.get("mouse", False),
        keys=dict(values.get("keys", {})),
        problems=problems,
        warnings=tuple(
            f"{path}: unknown setting {name!r} ignored (known: {', '.join(KNOWN)})"
            for name in sorted(set(data) - set(KNOWN))
        ),
    )


def _whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# setting -> what is wrong with a value (None: nothing)
_CHECKS = {
    "corpus": lambda v: None if isinstance(v, str) else "must be a file path",
    "theme": lambda v: None if isinstance(v, str) else "must be a theme name",
    "sidebar_width": lambda v: (
        None
        if _whole_number(v) and 16 <= v <= 200
        else ("must be a whole number of columns between 16 and 200")
    ),
    "mouse": lambda v: None if isinstance(v, bool) else "must be true or false",
    "keys": lambda v: (
        None
        if isinstance(v, dict)
        and all(isinstance(k, str) and isinstance(x, str) and x.strip() for k, x in v.items())
        else 'must map binding ids to keys, e.g. "app.quit" = "Q"'
    ),
}
