"""Files read and parsed into the rows the tables store, in whichever process runs this:
the import's child (``reader_child``) or the importer's own when no core is free.

A module of its own so that the child and the parent's side (``parsed_records``) both import
it, and not each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from store.corpus.census import level_mask
from store.frozen import frozen, replace
from store.fulltext.analysis import analysed
from store.fulltext.shown import locate, shown_fields
from store.ingest.cable_shape import not_a_cable
from store.model import Cable
from store.parse import parse_text
from store.parse.safe_ids import NOT_AN_ID, is_plain_id
from store.people.extract import people_of
from store.records import RawCable, Skipped, place


def produce_records(
    paths: list[Path],
    skip: int,
    part: int = 0,
    parts: int = 1,
    hand_over: Callable[[], bool] | None = None,
) -> Iterator[Record | RawCable | Skipped]:
    """The records after the first ``skip`` items; of those, with ``parts`` readers sharing
    the work, every ``parts``-th from the ``part``-th (the readers' records dealt in turn
    are the whole import's, in order). An item read while ``hand_over()`` says so is given
    as read, for the receiver to parse (``parsed``): the same record either way."""
    from store.ingest.read_files import read_paths

    def wanted(index: int) -> bool:
        return index >= skip and (index - skip) % parts == part

    for index, item in enumerate(read_paths(paths, wanted)):
        if wanted(index):
            if hand_over is not None and isinstance(item, RawCable) and hand_over():
                yield item
            else:
                yield _parse_one(item)


def parsed(item: Record | RawCable | Skipped) -> Record | Skipped:
    """A record from ``produce_records``, parsed here if it was handed over as read."""
    return _parse_one(item) if isinstance(item, RawCable) else item


def indexed_ahead(item: Record | RawCable | Skipped) -> Record | RawCable | Skipped:
    """A parsed record with its document made ready for the index: where its shown text is
    in its body, and its fields as the index's terms. That is what a reader that would wait
    takes off the importer's hands (``reader_child``): the importer's larger share of the
    work it can give away. Anything else as it is."""
    if not isinstance(item, Record) or not item.indexed:
        return item
    subject, shown, header = item.indexed
    return replace(
        item,
        indexed=(),
        located=locate(item.values[11], shown),
        terms=(analysed(subject), analysed(shown), analysed(header)),
    )


def _parse_one(item: RawCable | Skipped) -> Record | Skipped:
    """Parse one cable into what the tables store (small to send between processes)."""
    if isinstance(item, Skipped):
        return item
    try:
        cable = parse_text(
            item.text, source=item.source, known=item.known, cleaned=item.cleaned, stored_only=True
        )
    except Exception as error:  # the parser never raises; if it does, skip, do not stop
        return Skipped(item.source, item.location, f"parser error: {error!r}")
    reason = not_a_cable(item.text, cable)
    if reason:
        return Skipped(item.source, item.location, reason)
    if not cable.id:
        return Skipped(item.source, item.location, "no reference ID found")
    if not is_plain_id(cable.id):  # the parser never gives one; if it does, it names no file
        return Skipped(item.source, item.location, f"reference ID {cable.id[:60]!r} {NOT_AN_ID}")
    id_note = next((warning for warning in cable.warnings if NOT_AN_ID in warning), None)
    return Record(
        _row(cable),
        cable.created,
        tuple(sorted({tag.upper() for tag in cable.tags})),
        cable.references,
        level_mask(cable.paragraphs),
        cable.aliases,
        f"{place(item.source, item.location)}: {id_note}" if id_note else None,
        shown_fields(cable),
        people_of(cable),
    )


@frozen
class Record:
    """One parsed cable as rows: the cables row, its tags and its references."""

    values: tuple
    created: datetime | None
    tags: tuple[str, ...]
    references: tuple[str, ...]
    para_levels: int = 0
    aliases: tuple[str, ...] = ()
    # "file:row: reference ID '../../X' is not a cable ID: kept as ...", for the summary.
    id_note: str | None = None
    # The full-text document's fields that need the parsed cable
    # (store.fulltext.shown.shown_fields): made here, so the index needs no second parse.
    indexed: tuple = ()
    # (person, role) pairs: see store.people.extract.
    people: tuple[tuple[str, str], ...] = ()
    # Where the shown text is in the body (store.fulltext.shown.locate) and ``indexed`` as
    # the index's terms (store.fulltext.analysis.analysed), when the reader made them
    # (``indexed_ahead``; ``indexed`` is empty then); else the importer does.
    located: bytes | None = None
    terms: tuple[str, str, str] = ()

    @property
    def id(self) -> str:
        return self.values[0]


def _row(cable: Cable) -> tuple:
    marking = cable.classification
    return (
        cable.id,
        cable.created.isoformat(sep=" ") if cable.created else None,
        1 if cable.date_note and cable.created else 0,
        cable.origin,
        int(marking.level) if marking else None,
        ",".join(marking.caveats) if marking else "",
        marking.full if marking else None,
        1 if cable.is_partial else 0,
        cable.subject,
        cable.source,
        cable.header,
        cable.body,
    )
