"""What a rendered cable is made of: ``Block``s (one banner, header field, REF item,
paragraph, ...) and the places of the search hits in them.

A module of its own because both sides use it: ``tui.output.render`` builds the blocks from a Cable
and ``tui.output.wrapping`` wraps them into display lines, without either importing the other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from rich.text import Text


class BlockKind(enum.StrEnum):
    BANNER = "banner"  # classification banner, top and bottom; centered on the level's color
    FIELD = "field"  # one header field: "Subject: ..."; ``Block.field`` names it
    # The header on one line (date, origin, subject), shown instead of the FIELDs when they
    # would fill the screen (``layout``'s ``fold_over``); never shown otherwise.
    FOLDED = "folded"
    NOTICE = "notice"  # the partial-extract notice
    LIST_LABEL = "list_label"  # "References:" / "Cited by:" above their items
    REF = "ref"  # a cable this one cites; ``target`` is its ID
    CITED_BY = "cited_by"  # a cable of the corpus that cites this one; ``target`` is its ID
    PARAGRAPH = "paragraph"  # number as written, marking chip, text
    HEADING = "heading"  # a section title or a dashed ruler
    SIGNER = "signer"
    BLANK = "blank"  # an empty line between parts


@dataclass(frozen=True, slots=True)
class Block:
    """One logical piece of a rendered cable, before wrapping.

    ``target``: the cable ID a REF or CITED_BY item leads to (so the reader can make it
    selectable and follow it). ``in_corpus``: for REF items, False when ``refs_in_corpus``
    said the cable is not in the corpus, None when unknown. ``paragraph``: index into
    ``cable.paragraphs``. ``field``: the ``HeaderField.key`` of a FIELD. ``hang``: cells of
    indentation for wrapped continuation lines (header values line up after their label).
    ``min_width``/``max_width``: the widths a block is shown at (one of two alternatives, such
    as the TAGS line with the codes' meanings when there is room for them); 0/None: any.
    """

    kind: BlockKind
    text: Text
    target: str | None = None
    in_corpus: bool | None = None
    paragraph: int | None = None
    field: str | None = None
    hang: int = 0
    min_width: int = 0
    max_width: int | None = None

    def shown_at(self, width: int) -> bool:
        return self.min_width <= width and (self.max_width is None or width <= self.max_width)

    @property
    def selectable(self) -> bool:
        return self.target is not None


@dataclass(frozen=True, slots=True, order=True)
class HitPosition:
    """A highlighted search term: ``blocks[block].text.plain[start:end]``."""

    block: int
    start: int
    end: int
