"""The index directory next to the corpus file: where it is, opening it to read (also where
nothing may be written), writing to it, and the generation it records.

Tantivy opens an index by taking a lock in its directory (``.tantivy-meta.lock``, opened for
writing), so it refuses a directory the user cannot write: a corpus on a read-only mount or
another user's. Such a directory is read through a view of our own: a private temporary
directory with a copy of ``meta.json`` (the list of segments) and links to the segment files,
which tantivy only reads. And tantivy writes some files (``.managed.json``) readable by their
owner only: after each commit every file gets the read bits of the corpus file, so whoever
may read the corpus may search it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

import tantivy

from store.fulltext.analysis import (
    BODY,
    CORPUS,
    GENERATION,
    META,
    ROWID,
    SHOWN,
    SUBJECT,
    analysed,
    register,
    schema,
)

SUFFIX = ".fulltext"
_LOCKS = (".tantivy-meta.lock", ".tantivy-writer.lock")
_META_FILE = "meta.json"
# The writer's memory for documents not yet written out (tantivy's minimum is 15 MB a thread).
# Small: a bigger heap writes bigger segments, and merging them maps them all in. At 250,000
# cables the import's largest process peaked at 717 MB with 96 MB, 305 MB with 32 MB, and
# took as long (bench/bench_import.py).
_WRITER_HEAP = 32_000_000


class IndexBusy(Exception):
    """Another process writes the index (an import)."""


def directory_of(corpus_path: Path) -> Path:
    corpus_path = Path(corpus_path)
    return corpus_path.with_name(corpus_path.name + SUFFIX)


def exists(directory: Path) -> bool:
    return (directory / _META_FILE).is_file()


def can_write(directory: Path) -> bool:
    """Whether tantivy may take its locks here (else it is read through a view)."""
    if not os.access(directory, os.W_OK | os.X_OK):
        return False
    return all(
        not (directory / name).exists() or os.access(directory / name, os.W_OK) for name in _LOCKS
    )


class Reader:
    """The index opened for searching; ``refresh`` follows commits made since."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._view: Path | None = None
        self._stamp: tuple | None = None
        self.index: tantivy.Index | None = None
        self.refresh()

    def refresh(self) -> bool:
        """Open the newest commit if there is one since the last look; True if so."""
        stamp = _stamp(self.directory / _META_FILE)
        if stamp == self._stamp and self.index is not None:
            return False
        if can_write(self.directory):
            if self.index is None or self._view is not None:
                self._drop_view()
                self.index = register(tantivy.Index.open(str(self.directory)))
                self.index.config_reader("manual", 0)
            else:
                self.index.reload()
        else:
            view = _make_view(self.directory)
            index = register(tantivy.Index.open(str(view)))
            index.config_reader("manual", 0)
            self._drop_view()
            self.index, self._view = index, view
        self._stamp = stamp
        return True

    def searcher(self) -> tantivy.Searcher:
        assert self.index is not None
        return self.index.searcher()

    def close(self) -> None:
        self.index = None
        self._drop_view()

    def _drop_view(self) -> None:
        if self._view is not None:
            shutil.rmtree(self._view, ignore_errors=True)
            _VIEWS.discard(self._view)
            self._view = None


def recorded(searcher: tantivy.Searcher) -> tuple[str, int]:
    """(corpus id, generation) the index says it matches; ("", 0) for none."""
    found = searcher.search(tantivy.Query.term_query(schema(), META, 1), 1, count=False).hits
    if not found:
        return "", 0
    document = searcher.doc(found[0][1])
    return document.get_first(CORPUS) or "", int(document.get_first(GENERATION) or 0)


def _stamp(path: Path) -> tuple | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


_VIEWS: set[Path] = set()


@atexit.register
def _remove_views() -> None:
    for view in list(_VIEWS):
        shutil.rmtree(view, ignore_errors=True)


def _make_view(directory: Path) -> Path:
    """A private directory that reads as the index: meta.json copied, the rest linked."""
    view = Path(tempfile.mkdtemp(prefix="cables-index-"))
    _VIEWS.add(view)
    try:
        # meta.json first: the segments it names are there when the links are made after.
        shutil.copyfile(directory / _META_FILE, view / _META_FILE)
        for entry in os.scandir(directory):
            if entry.name in _LOCKS or entry.name in (".managed.json", _META_FILE):
                continue
            if entry.is_file():
                os.symlink(entry.path, view / entry.name)
    except OSError:
        shutil.rmtree(view, ignore_errors=True)
        _VIEWS.discard(view)
        raise
    return view


class Writer:
    """The index opened for writing: one process at a time (tantivy's writer lock)."""

    def __init__(self, directory: Path, corpus_path: Path) -> None:
        self.directory = Path(directory)
        self.corpus_path = Path(corpus_path)
        self.directory.mkdir(exist_ok=True)
        try:
            self.index = register(tantivy.Index(schema(), path=str(self.directory), reuse=True))
        except ValueError:
            # An index of another layout (an older cables): it is rebuilt from the corpus.
            _empty(self.directory)
            self.index = register(tantivy.Index(schema(), path=str(self.directory), reuse=True))
        try:
            self.writer = self.index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        except ValueError as error:
            if "LockBusy" in str(error) or "lock" in str(error).lower():
                raise IndexBusy(str(error)) from None
            raise

    def delete(self, rowid: int) -> None:
        self.writer.delete_documents_by_term(ROWID, rowid)

    def delete_all(self) -> None:
        self.writer.delete_all_documents()

    def add(self, rowid: int, subject: str, shown: str, header: str, located: bytes) -> None:
        self.writer.add_document(document(rowid, subject, shown, header, located))

    def add_terms(self, rowid: int, terms: tuple[str, str, str], located: bytes) -> None:
        """Add a document whose fields are ``analysed`` already (by an import's reader)."""
        self.writer.add_document(document_of_terms(rowid, terms, located))

    def commit(self, corpus_id: str, generation: int) -> None:
        """Everything added so far, with the generation of the corpus it now matches."""
        self.writer.delete_documents_by_term(META, 1)
        document = tantivy.Document()
        document.add_integer(META, 1)
        document.add_integer(GENERATION, generation)
        document.add_text(CORPUS, corpus_id)
        self.writer.add_document(document)
        self.writer.commit()
        share_like(self.directory, self.corpus_path)

    def rollback(self) -> None:
        with contextlib.suppress(ValueError, RuntimeError):
            self.writer.rollback()

    def close(self) -> None:
        """Let merges finish and release the lock."""
        with contextlib.suppress(ValueError, RuntimeError):
            self.writer.garbage_collect_files()
        with contextlib.suppress(ValueError, RuntimeError):
            self.writer.wait_merging_threads()  # (this ends the writer)
        share_like(self.directory, self.corpus_path)
        del self.writer


def document(
    rowid: int, subject: str, shown: str, header: str = "", located: bytes | None = None
) -> tantivy.Document:
    """A cable's document: its text fields as ``analysed`` terms."""
    return document_of_terms(rowid, (analysed(subject), analysed(shown), analysed(header)), located)


def document_of_terms(
    rowid: int, terms: tuple[str, str, str], located: bytes | None = None
) -> tantivy.Document:
    """A cable's document from its (subject, shown text, header) as ``analysed`` terms."""
    subject, body, header = terms
    made = tantivy.Document()
    made.add_integer(ROWID, rowid)
    made.add_text(SUBJECT, subject)
    made.add_text(BODY, body)
    if header:
        made.add_text(BODY, header)
    if located is not None:
        made.add_bytes(SHOWN, located)
    return made


def _empty(directory: Path) -> None:
    for entry in os.scandir(directory):
        if entry.is_file() and entry.name not in _LOCKS:
            os.unlink(entry.path)


def share_like(directory: Path, corpus_path: Path) -> None:
    """Give the index's files the read bits of the corpus file (tantivy makes some 0600)."""
    try:
        readers = stat.S_IMODE(os.stat(corpus_path).st_mode) & 0o044
    except OSError:
        return
    wanted_dir = 0o700 | readers | (readers >> 2)
    _chmod(directory, wanted_dir)
    for entry in os.scandir(directory):
        if entry.is_file(follow_symlinks=False):
            _chmod(Path(entry.path), 0o600 | readers, keep_bits=0o022)


def _chmod(path: Path, mode: int, keep_bits: int = 0) -> None:
    try:
        current = stat.S_IMODE(os.stat(path).st_mode)
        wanted = mode | (current & keep_bits)
        if current != wanted:
            os.chmod(path, wanted)
    except OSError:
        pass  # not ours to change: its owner's commits set it
