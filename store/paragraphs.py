"""The body of a telegram as paragraphs: numbers as written, portion marks, headings.

Nothing is renumbered or reordered: ``11.``, ``9.(C)`` and ``¶1.`` stay as they were written.
"""

from __future__ import annotations

import re

from store.markings import PORTION_MARK, parse_portion_mark
from store.model import Marking, Paragraph

# "11. (C) ...", "9.(C) ...", "¶1. ...", "(C) ..." (mark alone), "A. (S) ..." (lettered).
_START = re.compile(
    r"(?P<number>¶\s?\d{1,3}\.?|\d{1,3}\.(?!\d)|[A-Z]\.(?=\s*\((?:U|SBU|C|S|TS)[/)]))?"
    r"\s*(?P<mark>" + PORTION_MARK.pattern + r")?"
)
_RULER = re.compile(r"\s*[-=_*]{3,}\s*\Z")
# Lines that begin a list item and so keep their line break when the paragraph is unwrapped.
_LIST_ITEM = re.compile(r"\s*(?:--|-\s|\*\s|o\s|\(?[A-Za-z0-9]{1,2}[.)]\s|\u2022)")
_SENTENCE_END = re.compile(r"""[.!?:;"')\]]\s*\Z""")


def split_paragraphs(lines: list[str]) -> list[Paragraph]:
    """Paragraphs from the body lines (everything after the subject and REF block)."""
    paragraphs: list[Paragraph] = []
    for block in _blocks(lines):
        first = block[0]
        match = _START.match(first)
        number = match.group("number") if match else None
        mark_text = match.group("mark") if match else None
        marking = parse_portion_mark(mark_text) if mark_text else None
        if marking is None and mark_text:
            # "(S/CT) said ..." starts with an office symbol, not a portion mark: keep it.
            rest = first[len(number) :] if number else first
        else:
            rest = first[match.end() :] if match else first
        if number is None and marking is None:
            paragraphs.extend(_unnumbered(block, paragraphs))
            continue
        text = _unwrap([rest.lstrip(), *block[1:]])
        paragraphs.append(Paragraph(text=text, number=number, marking=marking))
    return paragraphs


def _unnumbered(block: list[str], before: list[Paragraph]) -> list[Paragraph]:
    """A block with no number or mark: a heading, a continuation, or a plain paragraph."""
    if _is_heading(block):
        return [Paragraph(text="\n".join(line.strip() for line in block), is_heading=True)]
    text = _unwrap(block)
    previous = before[-1] if before else None
    if previous is not None and not previous.is_heading:
        # A blank line inside a paragraph (seen in real cables mid-sentence): join it back to
        # the paragraph it belongs to, keeping the break when the sentence had ended.
        joiner = "\n\n" if _SENTENCE_END.search(previous.text) else " "
        before[-1] = Paragraph(
            text=previous.text + joiner + text,
            number=previous.number,
            marking=previous.marking,
        )
        return []
    return [Paragraph(text=text)]


def _is_heading(block: list[str]) -> bool:
    if len(block) > 3:
        return False
    words = [line.strip() for line in block if not _RULER.match(line)]
    if not words:
        return True  # a ruler on its own
    if len(words) > 1:
        return False
    title = words[0]
    core = re.sub(r"[\s-]+\Z", "", title)
    return 0 < len(core) <= 60 and not core.endswith((".", ",", ";", ":")) and (
        core[0].isupper() or core[0].isdigit()
    )


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _unwrap(lines: list[str]) -> str:
    """Join hard-wrapped lines; keep breaks before list items and indented lines."""
    out = ""
    for index, line in enumerate(lines):
        if index == 0:
            out = line.strip()
        elif _LIST_ITEM.match(line) or line.startswith("  "):
            out += "\n" + line.strip()
        else:
            out += " " + line.strip()
    return out


def marking_of(paragraphs: list[Paragraph]) -> Marking | None:
    """The highest portion marking among the paragraphs (used when there is no banner)."""
    marks = [p.marking for p in paragraphs if p.marking is not None]
    return max(marks, key=lambda m: m.level) if marks else None
