"""The Cable and its parts: plain frozen data, no I/O, no parsing.

Everything the parser, the corpus and the browser exchange is one of these types, so a field
added here is the single place the shape of a cable changes.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from store.frozen import frozen


class Level(enum.IntEnum):
    """Overall classification levels, ordered so that max() gives the highest."""

    UNCLASSIFIED = 0
    CONFIDENTIAL = 1
    SECRET = 2
    TOP_SECRET = 3

    @property
    def word(self) -> str:
        return self.name.replace("_", " ")

    @property
    def letter(self) -> str:
        return {0: "U", 1: "C", 2: "S", 3: "TS"}[self.value]


@frozen
class Marking:
    """A classification marking: a level plus caveats, and the text as it was written.

    Caveats use canonical names: ``SBU``, ``FOUO``, ``NOFORN``, ``SCI``, ``FGI``,
    ``REL <who>``, ``EXDIS``, ``NODIS``.
    """

    level: Level
    caveats: tuple[str, ...] = ()
    text: str = ""

    @property
    def short(self) -> str:
        """Compact chip text: ``U``, ``SBU``, ``C``, ``S//NF``, ``TS//SCI``."""
        if self.level is Level.UNCLASSIFIED and "SBU" in self.caveats:
            head = "SBU"
        elif self.level is Level.UNCLASSIFIED and "FOUO" in self.caveats:
            head = "U//FOUO"
        else:
            head = self.level.letter
        extra = [_SHORT_CAVEAT.get(c, c) for c in self.caveats if c not in ("SBU", "FOUO")]
        return "//".join([head, *extra])

    @property
    def full(self) -> str:
        """Banner text: ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``, ``SECRET//NOFORN``."""
        parts = [self.level.word]
        for caveat in self.caveats:
            if caveat in ("SBU", "FOUO"):
                parts.append("FOR OFFICIAL USE ONLY")
            else:
                parts.append(caveat)
        # SBU and FOUO both read as FOR OFFICIAL USE ONLY; say it once.
        seen: list[str] = []
        for part in parts:
            if part not in seen:
                seen.append(part)
        return "//".join(seen)

    @property
    def is_sci(self) -> bool:
        return "SCI" in self.caveats


_SHORT_CAVEAT = {"NOFORN": "NF"}


@frozen
class Paragraph:
    """One paragraph as written: never renumbered, never reordered.

    ``number`` is the label exactly as in the cable (``11.``, ``9.``, ``¶1.``) or None.
    ``marking`` is the portion mark, None when the paragraph has none.
    ``is_heading`` marks section titles (``Money Drying Up``) and dashed rulers.
    ``text`` has the cable's hard wrapping undone (prose on one line, lists, tables and
    headings keeping their lines); ``written`` is the text with every line as the cable has
    it, None when that is ``text`` itself.
    """

    text: str
    number: str | None = None
    marking: Marking | None = None
    is_heading: bool = False
    written: str | None = None

    @property
    def as_written(self) -> str:
        """The text with the cable's lines, no blanks at their ends."""
        if self.written is None:
            return self.text
        return "\n".join(line.rstrip() for line in self.written.split("\n"))


@frozen
class Cable:
    """A parsed cable. Absent fields are None or empty; ``warnings`` says what was missing."""

    id: str
    # Other IDs the cable is known by (a catalogue's garbled ID, repaired into ``id``): search
    # and ``cables show`` accept them too.
    aliases: tuple[str, ...] = ()
    source: str | None = None
    # The row number of cables.csv (or of the database row a page printed), when known.
    csv_id: int | None = None
    created: datetime | None = None
    # Why ``created`` is None or only partly known (e.g. "no date line in a partial extract").
    date_note: str | None = None
    origin: str | None = None
    classification: Marking | None = None
    captions: tuple[str, ...] = ()
    is_partial: bool = False
    transmission_id: str | None = None
    precedence: str | None = None
    dtg: str | None = None
    sender: str | None = None
    to: tuple[str, ...] = ()
    info: tuple[str, ...] = ()
    declassify_on: date | None = None
    # The DECL field as written (``06/30/2010``, ``N/A``, ``1.6X1``) when it is not a plain date.
    declassify_note: str | None = None
    tags: tuple[str, ...] = ()
    subject: str | None = None
    subject_marking: Marking | None = None
    references: tuple[str, ...] = ()
    # The classifier's name alone; the title written with it (``Ambassador``, ``A/DCM``) is
    # kept apart, and the reasons (``1.4 (b) and (d)``) too.
    classified_by: str | None = None
    classified_by_title: str | None = None
    reasons: str | None = None
    summary: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    signer: str | None = None
    # Page breaks and sections of the telegram as sent (removed from the text, counted here).
    pages: int | None = None
    sections: int | None = None
    # Transmission header as sent (empty for partial cables) and the sanitized telegram body.
    header: str = ""
    body: str = ""
    warnings: tuple[str, ...] = ()


@frozen
class Summary:
    """One line of a listing: what the sidebar and the search results show of a cable.

    ``rowid`` is the corpus position; rowids follow date order, so newest first is rowid
    descending.
    """

    rowid: int
    id: str
    created: datetime | None
    origin: str | None
    classification: Marking | None
    subject: str | None


@frozen
class Hit:
    """A search result: the cable's summary, a snippet and the bm25 score (lower is better).

    ``snippet`` marks matched terms with ``store.sanitize.HIGHLIGHT_START`` / ``_END``, which
    ingest removes from cable text, so a highlight can never be forged by the data.
    """

    summary: Summary
    snippet: str
    score: float | None = None
