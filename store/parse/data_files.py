"""The parser's data tables (``store/parse/data/``), read as text.

Through ``os.path`` rather than ``pathlib``: ``cables show`` loads the parser, and importing
``pathlib`` (with the ``urllib.parse`` and ``ipaddress`` it pulls in) cost a fresh process
5 ms, an eighth of the whole command.
"""

from __future__ import annotations

import os

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def read_data(name: str) -> str:
    """The text of the data file ``name``."""
    with open(os.path.join(_FOLDER, name), encoding="utf-8") as file:
        return file.read()
