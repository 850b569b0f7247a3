"""The signer: the last name before the transmission's end mark."""

from __future__ import annotations

import re

_SIGNER = re.compile(r"[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2}")


_NOT_SIGNER_WORDS = {
    "END", "BT", "NNNN", "COMMENT", "SUMMARY", "NOTE", "SIPDIS", "NOFORN", "SENSITIVE",
    "EXDIS", "NODIS", "QUOTE", "UNQUOTE", "TEXT", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED",
    "UNCLAS", "MINIMIZE", "CONSIDERED", "DECL", "TAGS", "SUBJECT", "REF", "ACTION", "REQUEST",
}  # fmt: skip


# Transmission trailer lines after the text: "BT", "#2558", "NNNN".
_TRAILER_LINE = re.compile(r"[ \t]*(?:NNNN|BT|#\d{1,7})[ \t]*\Z")


_MAX_TRAILING_LINES = 200


def split_signer(lines: list[str]) -> tuple[list[str], str | None]:
    """Body lines without the signature and the NNNN end mark, and the signer's name."""
    end = len(lines)
    floor = max(0, end - _MAX_TRAILING_LINES)
    while end > floor and (not lines[end - 1].strip() or _TRAILER_LINE.match(lines[end - 1])):
        end -= 1
    if end > floor:
        last = lines[end - 1].strip()
        if len(last) <= 40 and _SIGNER.fullmatch(last) and _could_sign(last):
            return lines[: end - 1], last
    return lines[:end], None


def _could_sign(name: str) -> bool:
    words = re.split(r"[ /]", name)
    return not any(w in _NOT_SIGNER_WORDS or set(w) == {"X"} for w in words)
