"""The TAGS line's value as a list of tags."""

from __future__ import annotations

import re

_TAG_LINK = re.compile(r"\[([^\]\[\n]{1,40})\]\([^)\n]{0,80}\)")


_TAG_CODE = re.compile(r"[A-Z]{2,6}\Z")


def split_tags(value: str | None) -> list[str]:
    """TAGS as a list: blanks or commas between them, ``[KZ](#)`` links, multi-word tags.

    Without commas every blank separates tags. With commas, a part of several words is one
    tag (``TRADE AND DEVELOPMENT``) unless every word is a short tag code (``PGOV PREL``).
    """
    if not value:
        return []
    value = _TAG_LINK.sub(lambda m: " " + m.group(1) + " ", value[:4000])
    if "," in value:
        parts: list[str] = []
        for part in value.split(","):
            words = part.split()
            if len(words) > 1 and all(_TAG_CODE.match(w.strip(".;")) for w in words):
                parts.extend(words)
            else:
                parts.append(" ".join(words))
    else:
        parts = value.split()
    tags: list[str] = []
    for part in parts:
        tag = part.strip(" .;:[]()")
        if tag and tag not in tags:
            tags.append(tag)
    return tags
