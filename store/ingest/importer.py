"""Importing files into the corpus: batches, resume cursor, idempotent updates.

Each batch of about a thousand cables is one ``BEGIN IMMEDIATE`` transaction that also
stores how far the import got, so a killed import leaves a consistent corpus and the next
run of the same import resumes there. Re-importing a cable replaces it, never duplicates it.
"""

from __future__ import annotations

import collections
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from store.corpus import schema, totals
from store.corpus.rowids import base_rowid, probe_step
from store.frozen import replace
from store.fulltext import ledger
from store.fulltext.shown import located_too
from store.ingest.checkpoints import Checkpoints
from store.ingest.id_clash import settle_id, write_aliases
from store.ingest.parsed_records import Record, parsed_records
from store.people.table import insert_people, write_people
from store.records import Skipped

BATCH = 1000
IMPORT_CACHE_KIB = 16384

Progress = Callable[[int, int | None], None]


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    resumed_from: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    interrupted: bool = False
    # Cables kept under their page ID because the canonical one is another cable's.
    notes: list[str] = field(default_factory=list)
    # IDs from the data that are not cable IDs, and the safe ID each cable was kept under.
    id_notes: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.imported + self.updated + self.unchanged + len(self.skipped)


def resume_key(paths: Iterable[Path]) -> str:
    """Names one import job: the same files, unchanged, resume where the last run stopped."""
    digest = hashlib.sha256()
    for path in sorted(Path(p).resolve() for p in paths):
        try:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}\0missing\n".encode())
    return "resume:" + digest.hexdigest()[:32]


def import_paths(
    corpus_path: Path,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    batch_size: int = BATCH,
    parse_workers: int | None = None,
) -> ImportReport:
    """Import every cable under ``paths``. Raises CorpusError for an unusable corpus."""
    paths = [Path(p) for p in paths]
    try:
        return _import(corpus_path, paths, progress, batch_size, parse_workers)
    except sqlite3.OperationalError as error:
        # A corpus file that opened but cannot take a write: root, a read-only mount.
        if schema.is_readonly_error(error):
            raise schema.read_only(corpus_path) from None
        raise


def _import(
    corpus_path: Path,
    paths: list[Path],
    progress: Progress | None,
    batch_size: int,
    parse_workers: int | None,
) -> ImportReport:
    from store.ingest.read_files import count_hint

    conn = schema.connect(corpus_path, readonly=False)
    # An import appends: a small page cache does (the readers' 64 MiB would add to the
    # peak memory of a 250,000-cable import for nothing).
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        index = _Index(conn, corpus_path)
    except BaseException:
        conn.close()
        raise
    report = ImportReport()
    key = resume_key(paths)
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    skip = int(row[0]) if row else 0
    report.resumed_from = skip
    total = count_hint(paths)
    if parse_workers is None and total is not None and total < 2000:
        parse_workers = 0  # a child process costs more to start than a few cables to parse
    position = 0
    pending: list[tuple[int, Record | Skipped]] = []
    checkpoints = Checkpoints(conn, corpus_path)
    try:
        for position, item in enumerate(parsed_records(paths, skip, parse_workers), 1):
            pending.append((position, item))
            if len(pending) >= batch_size:
                _write_batch(conn, pending, key, skip, report, index, checkpoints)
                pending.clear()
                if progress:
                    progress(skip + position, total)
        _write_batch(conn, pending, key, skip, report, index, checkpoints)
        pending.clear()
        index.commit()
        checkpoints.settled()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        refresh_counts(conn)
        ledger.prune(conn, index.committed)
        conn.execute("COMMIT")
        if progress:
            progress(skip + position, skip + position)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            checkpoints.close()
        finally:
            try:
                index.close()
            finally:
                conn.close()
    return report


def _write_batch(
    conn: sqlite3.Connection,
    pending: list[tuple[int, Record | Skipped]],
    key: str,
    skip: int,
    report: ImportReport,
    index: _Index,
    checkpoints: Checkpoints,
) -> None:
    if not pending:
        return
    # The report counts a batch only once it is committed: after Ctrl-C the summary says
    # what is in the corpus, not what a rolled-back batch had got through.
    counts: collections.Counter[str] = collections.Counter()
    batch = ImportReport()  # its skipped and notes; counts apart
    checkpoints.settled()  # the last batch's log copied: this one starts it again
    conn.execute("BEGIN IMMEDIATE")
    documents: dict[int, _Document] = {}
    try:
        for _, item in pending:
            if isinstance(item, Skipped):
                batch.skipped.append(item)
            else:
                counts[_upsert(conn, item, documents, batch.notes)] += 1
                if item.id_note:
                    batch.id_notes.append(item.id_note)
        generation = ledger.seal(conn)
        ledger.prune(conn, index.committed)
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (key, str(skip + pending[-1][0])),
        )
        conn.execute("COMMIT")
    except BaseException:
        # Ctrl-C can land just after COMMIT returned: then there is nothing to roll back.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if not conn.in_transaction and _committed(conn, key, skip + pending[-1][0]):
            _count(report, counts, batch)
        raise
    checkpoints.committed()  # copied while the batch is located and indexed
    _count(report, counts, batch)
    index.write(generation, documents)


def _committed(conn: sqlite3.Connection, key: str, position: int) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row is not None and row[0] == str(position)


def _count(report: ImportReport, counts: collections.Counter[str], batch: ImportReport) -> None:
    for outcome, number in counts.items():
        setattr(report, outcome, getattr(report, outcome) + number)
    report.skipped.extend(batch.skipped)
    report.notes.extend(batch.notes)
    report.id_notes.extend(batch.id_notes)


# What _upsert leaves _Index.write of a cable: its body, then its document's fields
# (store.fulltext.shown.shown_fields) or their terms and where the shown text is
# (parse_records.indexed_ahead).
_Document = tuple[str, tuple, tuple, bytes | None]

# A Record's values (parsed_records._row): the cables row is values[:10]; the texts row is
# (subject, header, body).
_COLUMNS = (
    "id, created, hour_only, origin, level, caveats, classification, partial, subject, source"
)
_TEXT_COLUMNS = "subject, header, body"


# Batches between two commits of the index. A commit waits for tantivy to index what it was
# given and writes a segment: after each batch that was half the import's time, where between
# commits it indexes in its own thread while this one writes SQLite. Each segment is merged
# later, mapped into memory: committing every 5 s or 30 s as well took a 250,000-cable
# import from 183 s to 230-236 s and its peak from 270 MB to 594-727 MB. A search from
# another process during the import waits for the next commit (store.fulltext.hits).
INDEX_COMMIT_BATCHES = 50


class _Index:
    """The full-text index, given each batch after the batch's commit to the corpus and
    committed every INDEX_COMMIT_BATCHES batches and at the end, with the generation of the
    last batch it was given.

    A crash in between leaves the index some generations behind, which the next search or
    import catches up from the corpus (``store.fulltext.sync``); the corpus keeps the log of
    changed rowids back to the generation the index has committed (``committed``)."""

    def __init__(self, conn: sqlite3.Connection, corpus_path: Path) -> None:
        from store.fulltext.index import IndexBusy, Writer, directory_of
        from store.fulltext.sync import catch_up

        try:
            catch_up(corpus_path)
            self.writer = Writer(directory_of(corpus_path), corpus_path)
        except IndexBusy:
            raise schema.CorpusError(
                f"{corpus_path}: another cables process is writing this corpus (an import?)"
            ) from None
        except OSError as error:
            raise schema.CorpusError(
                f"{corpus_path}: cannot write the search index beside it ({error})"
            ) from None
        self.conn = conn
        self.corpus_id, self.generation = ledger.state(conn)
        self.committed = self.generation
        self.uncommitted_batches = 0
        self.commit_failed = False

    def write(self, generation: int, documents: dict[int, _Document]) -> None:
        """Index a batch's cables: ``documents`` maps each rowid to its body, the fields its
        parse gave (store.fulltext.shown.shown_fields; none: parsed from the corpus), or
        those fields' terms and where its shown text is, if its reader made them
        (``parse_records.indexed_ahead``)."""
        if generation == self.generation:
            return
        # Generations another process sealed between two of this import's batches (a
        # `cables remove`): their rowids are taken from the corpus as it is now, else the
        # index would record a generation whose changes it never saw.
        between = [
            rowid
            for skipped in range(self.generation + 1, generation)
            for rowid in ledger.sealed_at(self.conn, skipped)
        ]
        for rowid in [*between, *ledger.sealed_at(self.conn, generation)]:
            self.writer.delete(rowid)
        # Where each shown text is in its body: in one loop of its own rather than between
        # the batch's inserts, which keeps each loop's data in the processor's caches (the
        # writing side of an import 0.01-0.05 ms a cable faster, 6 of 6 alternated runs).
        located = {
            rowid: located_too(body, fields)
            for rowid, (body, fields, _, _) in documents.items()
            if fields
        }
        unparsed = [rowid for rowid in between if rowid not in documents]
        unparsed += [rowid for rowid, (_, fields, terms, _) in documents.items()
                     if not fields and not terms]  # fmt: skip
        if unparsed:  # records made without the parser's fields: parsed from the corpus
            from store.fulltext.sync import documents as parsed

            database = self.conn.execute("PRAGMA database_list").fetchone()[2]
            located.update(parsed(database, unparsed))
        # In the batch's order whichever process made a document: the index's order of
        # documents (its tie-break between equal scores) is the files', not the timing's.
        for rowid, (_, _, terms, where) in documents.items():
            if terms:
                self.writer.add_terms(rowid, terms, where)
            elif fields := located.pop(rowid, None):
                self.writer.add(rowid, *fields)
        for rowid, fields in located.items():  # from the corpus
            if fields:
                self.writer.add(rowid, *fields)
        self.generation = generation
        self.uncommitted_batches += 1
        if self.uncommitted_batches >= INDEX_COMMIT_BATCHES:
            self.commit()

    def commit(self) -> None:
        if self.committed != self.generation:
            try:
                self.writer.commit(self.corpus_id, self.generation)
            except BaseException:  # Ctrl-C may land inside
                self.commit_failed = True
                raise
            self.committed = self.generation
        self.uncommitted_batches = 0

    def close(self) -> None:
        """Commit what it was given (also after Ctrl-C: those batches are in the corpus),
        unless a commit was just cut short: the next use catches up instead."""
        try:
            if not self.commit_failed:
                self.commit()
        finally:
            self.writer.close()


def _upsert(
    conn: sqlite3.Connection,
    record: Record,
    documents: dict[int, _Document],
    notes: list[str],
) -> str:
    """Insert or replace one cable; returns which ImportReport counter it adds to."""
    cable_id, aliases, note, may_exist = settle_id(conn, record.id, record.aliases)
    if note:
        notes.append(note)
    if cable_id != record.id:
        record = replace(record, values=(cable_id, *record.values[1:]), aliases=aliases)
    values = record.values
    tags = list(record.tags)
    existing = (
        may_exist
        and conn.execute(
            f"SELECT c.rowid, {_prefixed('c', _COLUMNS)}, t.header, t.body "
            "FROM cables c LEFT JOIN texts t ON t.rowid = c.rowid WHERE c.id = ?",
            (record.id,),
        ).fetchone()
    )
    outcome = "imported"
    rowid = None
    if existing:
        old_rowid, *old_values = existing
        values = _keep_known_minutes(values, old_values)
        old_refs = [r[0] for r in conn.execute(
            "SELECT target FROM refs WHERE cable = ? ORDER BY position", (old_rowid,))]  # fmt: skip
        old_tags = [r[0] for r in conn.execute(
            "SELECT tag FROM tags WHERE cable = ? ORDER BY tag", (old_rowid,))]  # fmt: skip
        # The source path may differ between two copies of one cable; that is no change.
        same = old_values[:9] + old_values[10:] == list(values[:9] + values[10:])
        if same and old_refs == list(record.references) and old_tags == tags:
            write_people(conn, old_rowid, record.people)  # a better parser's names
            return "unchanged"
        conn.execute("DELETE FROM cables WHERE rowid = ?", (old_rowid,))
        documents.pop(old_rowid, None)
        outcome = "updated"
        if old_values[1] == values[1]:
            rowid = old_rowid  # same date: keep its place
    if rowid is None:
        rowid = base_rowid(record.created, record.id)
        step = probe_step(record.created)
    else:
        step = 0  # its own place, freed above
    while True:
        try:
            conn.execute(
                f"INSERT INTO cables(rowid, {_COLUMNS}, para_levels) VALUES (?{', ?' * 11})",
                (rowid, *values[:10], record.para_levels),
            )
            break
        except sqlite3.IntegrityError:
            # Another cable has this rowid (same minute, same slot; rare): the next one.
            # Tried first and looked at after, which spares most cables a query.
            taken = conn.execute("SELECT 1 FROM cables WHERE rowid = ?", (rowid,)).fetchone()
            if not step or not taken:
                raise
            rowid += step
    conn.execute(
        f"INSERT INTO texts(rowid, {_TEXT_COLUMNS}) VALUES (?, ?, ?, ?)",
        (rowid, values[8], values[10], values[11]),
    )
    # Its document: made ready by the reader if it had the time, else by _Index.write once
    # the batch is in.
    documents[rowid] = (values[11], record.indexed, record.terms, record.located)
    if tags:
        conn.executemany(
            "INSERT OR IGNORE INTO tags(tag, cable) VALUES (?, ?)", [(t, rowid) for t in tags]
        )
    if record.references:
        conn.executemany(
            "INSERT INTO refs(cable, target, position) VALUES (?, ?, ?)",
            [(rowid, ref, i) for i, ref in enumerate(record.references)],
        )
    write_aliases(conn, rowid, record.aliases)
    # A new row: its rowid had no cable, so no people either (they go with their cable).
    insert_people(conn, rowid, record.people)
    return outcome


def _keep_known_minutes(values: tuple, old_values: list) -> tuple:
    """An HTML page (date and hour only) re-imported over the CSV's row keeps the minutes."""
    old_created, old_hour_only = old_values[1], old_values[2]
    created, hour_only = values[1], values[2]
    same_hour = bool(old_created and created and old_created[:13] == created[:13])
    if hour_only and not old_hour_only and same_hour:  # "YYYY-MM-DD HH" is day and hour
        return (values[0], old_created, 0, *values[3:])
    return values


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{name.strip()}" for name in columns.split(","))


def refresh_counts(conn: sqlite3.Connection) -> None:
    """The origins, the cable count and the whole corpus's counts (``cables stats``), after
    the transaction's changes are sealed (store.fulltext.ledger)."""
    totals.refresh(conn)
    conn.execute("DELETE FROM origins")
    conn.execute(
        "INSERT INTO origins(origin, count) SELECT origin, count(*) FROM cables "
        "WHERE origin IS NOT NULL GROUP BY origin"
    )
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('count', (SELECT count(*) FROM cables))"
    )


def report_json(report: ImportReport) -> str:
    return json.dumps(
        {
            "imported": report.imported,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "skipped": [str(s) for s in report.skipped],
            "interrupted": report.interrupted,
            "notes": report.notes,
            "id_notes": report.id_notes,
        }
    )
