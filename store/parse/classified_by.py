"""The ``Classified By:`` line: who classified the cable and for which reasons."""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")


_REASONS = re.compile(r"(?:\bfor[ \t]+)?\b(?:reasons?|rsn)\b[ \t]*:?", re.IGNORECASE)


def split_classified_by(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    value = _WHITESPACE.sub(" ", value).strip()
    match = _REASONS.search(value)
    if match is None:
        return value.strip(" ,.;:") or None, None
    who = value[: match.start()].strip(" ,.;:") or None
    why = value[match.end() :].strip(" .:;") or None
    return who, why
