"""The SUBJECT line's value: the subject, and the portion mark it may start with."""

from __future__ import annotations

import re

from store.model import Marking
from store.parse.markings import parse_portion_mark
from store.parse.paragraphs import PARAGRAPH_START

_WHITESPACE = re.compile(r"\s+")


def split_subject(value: str | None) -> tuple[str | None, Marking | None]:
    if not value:
        return None, None
    value = _WHITESPACE.sub(" ", value).strip()
    match = PARAGRAPH_START.match(value)
    if match.group("mark") and not match.group("number"):
        marking = parse_portion_mark(match.group("mark"))
        if marking is not None:
            return value[match.end() :].strip() or None, marking
    return value or None, None
