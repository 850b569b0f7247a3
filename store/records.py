"""What the format readers hand to the parser and the importer.

A reader turns a file into a stream of ``RawCable`` (one cable's text plus whatever metadata
the format states outright) and ``Skipped`` (a place in a file that could not be read, and
why). Nothing here raises on bad input: bad input becomes a ``Skipped``.
"""

from __future__ import annotations

from datetime import datetime

from store.frozen import frozen


@frozen
class KnownFields:
    """Metadata a bulk format states outright. It wins over what the text parser finds."""

    id: str | None = None
    created: datetime | None = None
    # True when ``created`` carries only date and hour (the HTML release's minutes are wrong).
    created_hour_only: bool = False
    origin: str | None = None
    # The catalogue value, e.g. ``CONFIDENTIAL//NOFORN`` or ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``.
    classification: str | None = None
    references: tuple[str, ...] | None = None
    # Transmission header as sent; "" means the format says the cable is a partial extract.
    header: str | None = None
    # The row number in the database dump (cables.csv, or a row printed on a page).
    csv_id: int | None = None


@frozen
class RawCable:
    """One cable's text as read from a file, before parsing."""

    source: str  # file path
    location: str  # where in the file: "row 1234", "line 1", "" for a whole file
    text: str  # telegram text, already decoded and sanitized
    known: KnownFields = KnownFields()
    # The reader made ``text`` of store.sanitize.clean's output (slices of it, joined with
    # newlines and tabs, escapes taken out), which cleaning again would leave as it is: the
    # parser need not clean it a second time (3% of a cables.csv row's parse).
    cleaned: bool = False


@frozen
class Skipped:
    """A cable or file that could not be read. Reported to the user; the import goes on."""

    source: str
    location: str
    reason: str

    def __str__(self) -> str:
        return f"{place(self.source, self.location)}: {self.reason}"


def place(source: str, location: str) -> str:
    """Where in the files a cable is: ``cables.csv:row 12 (line 40)``, or the file alone."""
    return f"{source}:{location}" if location else source
