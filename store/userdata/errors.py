"""The config file's error, apart from the reader: every command catches it, and only the
commands that read the file pay for the TOML parser and the platform's directories."""

from __future__ import annotations


class ConfigError(ValueError):
    """A bad config file or value; ``str()`` is one line naming the file and the key."""
