"""Looking inside a corpus's full-text index from tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import tantivy

from store.fulltext.analysis import ROWID
from store.fulltext.index import Reader, directory_of
from store.fulltext.sync import catch_up


def index_rowids(corpus_path: Path) -> list[int]:
    """Every cable document's rowid in the index, sorted (a repeated one shows twice)."""
    reader = Reader(directory_of(corpus_path))
    try:
        searcher = reader.searcher()
        hits = searcher.search(tantivy.Query.all_query(), max(1, searcher.num_docs)).hits
        values = searcher.fast_field_values(ROWID, [address for _, address in hits])
        return sorted(int(v) for v in values if v is not None)
    finally:
        reader.close()


def assert_index_matches(corpus_path: Path) -> None:
    """The index holds each cable of the corpus once, and nothing else."""
    with sqlite3.connect(corpus_path) as conn:
        rowids = [r[0] for r in conn.execute("SELECT rowid FROM cables ORDER BY rowid")]
    assert index_rowids(corpus_path) == rowids


def reindex(corpus_path: Path) -> None:
    """The index made again from the corpus's texts (after tests changed rows with SQL)."""
    catch_up(corpus_path, rebuild=True)


def memory_index(rows: dict[int, tuple[str, str]]) -> tantivy.Index:
    """An index in memory of (subject, body) rows, as the importer writes documents."""
    from store.fulltext.analysis import register, schema
    from store.fulltext.index import document

    index = register(tantivy.Index(schema()))
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    for rowid, (subject, body) in rows.items():
        writer.add_document(document(rowid, subject, body))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def matching(index: tantivy.Index, match: str) -> set[int]:
    """Rowids a search expression (``CompiledQuery.match``) finds in ``index``."""
    from store.fulltext.expression import to_query

    searcher = index.searcher()
    hits = searcher.search(to_query(match), max(1, searcher.num_docs)).hits
    return {int(v) for v in searcher.fast_field_values(ROWID, [a for _, a in hits])}
