"""File names built from data (a cable ID, a title): a safe base name, never a path.

A corpus imported by an older version may hold any ID (``../../X``, ``a/b``, ``$(touch x)``),
and any text may come from the data, so a name made from it keeps only ASCII letters, digits,
``-``, ``_`` and single dots: no separator, no ``..``, no leading dot or dash (a hidden file,
an option to a command), no control character, a capped length. The file it names is in the
folder the user chose, whatever the data says.
"""

from __future__ import annotations

import re

MAX_STEM = 100  # far below any file system's limit of 255 bytes, with room for a suffix
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+", re.ASCII)
_DOTS = re.compile(r"\.{2,}")
# Names Windows gives to devices in every folder.
_DEVICES = re.compile(r"(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\..*)?", re.ASCII | re.IGNORECASE)


def safe_file_name(stem: str, suffix: str = "", fallback: str = "cable") -> str:
    """``stem`` reduced to a safe base name, plus ``suffix`` (``.txt``); ``fallback`` when
    nothing is left: ``../../X`` -> ``X.txt``, ``$(touch x)`` -> ``touch_x.txt``."""
    name = _DOTS.sub(".", _UNSAFE.sub("_", stem))
    name = name.lstrip("._-")[:MAX_STEM].rstrip("._-")
    if not name:
        name = fallback
    if _DEVICES.fullmatch(name):
        name += "_"
    return name + suffix
