"""The body of a cable whose text runs on in its last header field.

On flattened pages the first paragraph sits on the REF, Classified By or SUBJECT line
(``REF: STATE 146857 (U) Pol/Econ Chief delivered ...``), so nothing is left below the header
block and the cable would show no paragraphs. The header fields are read as they are; this
only finds where the text starts inside the header block, for the paragraphs.
"""

from __future__ import annotations

import re

from store.parse.lazy_pattern import lazy_compile
from store.parse.markings import STRICT_PORTION_MARK

_LAST_LABEL = lazy_compile(
    r"SUBJ(?:ECT)?\s*:|REF(?:S|TEL|TELS)?\s*:|CLASSIFIED\s+BY|REASONS?\s*:", re.I
)
# The first paragraph: "1. (C) ...", "(SBU) ...", or a sentence of prose ("We delivered
# points in reftel ...") after the last code or number of the field.
_NUMBERED = lazy_compile(rf"(?<!\S)1\.[ \t]*(?:{STRICT_PORTION_MARK.pattern})?[ \t]+[A-Z\"]")
_MARK = lazy_compile(rf"(?<!\S){STRICT_PORTION_MARK.pattern}[ \t]+[A-Z\"]")
_PROSE = lazy_compile(r"(?<=[\dA-Z)][ \t\n])[A-Z][A-Za-z]+(?:[ \t]+[a-z]{2,}){3}")
MIN_TEXT = 80


def run_on_body(head: str, only_after_ref: bool = False) -> str | None:
    """The text the header block's last field ran on into, or None when there is none.

    ``only_after_ref``: only when that field is REF, whose block a first paragraph without
    number or blank line runs on from even when numbered paragraphs follow.
    """
    labels = list(_LAST_LABEL.finditer(head))
    if not labels:
        return None
    if only_after_ref and not labels[-1].group().upper().startswith("REF"):
        return None
    start = labels[-1].end()
    # After REF, "(C) SAO PAULO 260" is item C more often than a marked paragraph.
    starts = (_NUMBERED,) if only_after_ref else (_NUMBERED, _MARK)
    found = [m.start() for m in (p.search(head, start) for p in starts) if m]
    if not found:
        prose = _PROSE.search(head, start)
        found = [prose.start()] if prose else []
    if not found:
        return None
    text = head[min(found) :].strip()
    return text if len(text) >= MIN_TEXT else None


def may_run_on(value: str) -> bool:
    """Whether a field's value holds what could start the text (a cheap test first)."""
    return len(value) >= MIN_TEXT and any(p.search(value) for p in (_NUMBERED, _MARK, _PROSE))
