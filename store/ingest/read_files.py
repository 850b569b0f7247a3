"""Turn the paths a user names into cables: walk directories, tell the formats apart, read.

The format is told from a file's first bytes, not its name: a cables.csv row starts with a
quoted row number and a ``M/D/YYYY`` date, a Cablegate page with HTML markup, and anything
else that is text is one cable (a telegram or a page extract) for the parser to read.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from store.ingest.escapes import undo_line_continuations
from store.ingest.page_rows import read_page_row
from store.ingest.read_csv import read_csv
from store.ingest.read_html import read_html
from store.ingest.walk import walk_paths
from store.records import KnownFields, RawCable, Skipped
from store.sanitize import clean, decode, looks_binary

HEAD_BYTES = 8192
# A telegram is at most a few hundred KB; a bigger text file is not one cable.
MAX_TEXT_BYTES = 64 << 20
# The 2011 dump averages about 7,000 bytes per row.
CSV_BYTES_PER_CABLE = 7000

_CSV_START = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} ')
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|\?xml|!--)", re.I)
_HTML_TAG = re.compile(rb"<(?:html|head|body|table|pre)[\s>]", re.I)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_ONE_CABLE_SUFFIXES = {*_HTML_SUFFIXES, ".txt"}


def read_paths(
    paths: Iterable[str | os.PathLike[str]], wanted: Callable[[int], bool] | None = None
) -> Iterator[RawCable | Skipped | None]:
    """Every cable in the given files and directories (recursively), in a stable order.

    ``wanted``: which items (by their number in that order) are needed. A file that holds
    one cable (a page, a telegram) is then only opened when it is, and None stands in for
    it; several readers can so share a tree, each reading its part.
    """
    index = 0
    for file_path, problem in walk_paths(paths):
        if problem is not None:
            yield Skipped(str(file_path), "", problem)
            index += 1
            continue
        needed = None if wanted is None else functools.partial(wanted, index)
        for item in read_file(file_path, needed):
            yield item
            index += 1


def read_file(
    path: str | os.PathLike[str], needed: Callable[[], bool] | None = None
) -> Iterator[RawCable | Skipped | None]:
    """The cables in one file, whatever its format.

    ``needed``: asked once a file turns out to hold a single cable; when it says no, the
    file is not read further and None is its one item."""
    path = Path(path)
    source = str(path)
    try:
        stream = _open_regular(path)
    except OSError as error:
        yield Skipped(source, "", f"cannot read: {error.strerror or error}")
        return
    if stream is None:
        yield Skipped(source, "", "not a regular file")
        return
    with stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            head = stream.read(HEAD_BYTES)
            stream.seek(0)
        except OSError as error:
            yield Skipped(source, "", f"cannot read: {error.strerror or error}")
            return
        kind = detect_format(head, path.suffix)
        if kind == "empty" and size > len(head):
            kind = "text"  # blank only at the top
        if kind != "csv" and needed is not None and not needed():
            yield None
        elif kind == "empty":
            yield Skipped(source, "", "empty file")
        elif kind == "binary":
            yield Skipped(source, "", "not a cable: binary data")
        elif kind == "csv":
            yield from read_csv(path, stream)
        elif kind == "html":
            yield read_html(path, stream)
        else:
            yield _read_text(path, stream, size)


def _open_regular(path: Path):
    """The file open for reading, or None when it is not a regular file.

    Opened without blocking and checked on the open file: a fifo put in a file's place
    after the walk looked at it is refused, not waited on for ever."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            return None
    except OSError:
        os.close(descriptor)
        raise
    return open(descriptor, "rb")


def detect_format(head: bytes, suffix: str = "") -> str:
    """``"empty"``, ``"binary"``, ``"csv"``, ``"html"`` or ``"text"`` from a file's first bytes."""
    if not head.strip():
        return "empty"
    if looks_binary(head):
        return "binary"
    if _CSV_START.match(head):
        return "csv"
    if _HTML_START.match(head) or _HTML_TAG.search(head[:2048]):
        return "html"
    if suffix.lower() in _HTML_SUFFIXES and head.lstrip().startswith(b"<"):
        return "html"
    return "text"


def _read_text(path: Path, stream, size: int) -> RawCable | Skipped:
    source = str(path)
    if size > MAX_TEXT_BYTES:
        return Skipped(source, "", f"text file larger than {MAX_TEXT_BYTES >> 20} MiB")
    try:
        data = stream.read(MAX_TEXT_BYTES + 1)
    except OSError as error:
        return Skipped(source, "", f"cannot read: {error.strerror or error}")
    if len(data) > MAX_TEXT_BYTES:
        return Skipped(source, "", f"text file larger than {MAX_TEXT_BYTES >> 20} MiB")
    text = clean(decode(data))
    if not text.strip():
        return Skipped(source, "", "empty file")
    # A plain-text copy of a page that shows the cable's database row: its columns, then the
    # telegram inside it, as for the page itself.
    row = read_page_row(text)
    if row is not None:
        where = f"raw database row ({row.shape}), not a formatted cable"
        if row.problem is not None:
            return RawCable(source, f"{where}: {row.problem}", text, KnownFields(), cleaned=True)
        return RawCable(source, where, row.text, row.known, cleaned=True)
    # A copy of a page whose export ended its lines with backslashes, as the page reader does.
    return RawCable(source, "", undo_line_continuations(text), KnownFields(), cleaned=True)


def count_hint(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """A cheap estimate of how many cables ``read_paths`` will yield, for a progress bar.

    Counts files without reading them, except ``.csv`` files and large files of other kinds
    (not ``.txt`` or ``.html``), whose first bytes say whether they are a dump (then
    size / 7,000). None when there is no file to read at all.
    """
    total = 0
    for file_path, problem in walk_paths(paths):
        if problem is None:
            total += _cables_in(file_path)
    return total or None


def _cables_in(path: Path) -> int:
    if path.suffix.lower() in _ONE_CABLE_SUFFIXES:
        return 1  # no stat: a release tree has 251,287 of these
    try:
        size = path.stat().st_size
        if path.suffix.lower() != ".csv" and size < (1 << 20):
            return 1
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError:
        return 1
    if detect_format(head, path.suffix) == "csv":
        return max(1, size // CSV_BYTES_PER_CABLE)
    return 1
