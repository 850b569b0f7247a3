"""Streaming reader for the 2011 ``cables.csv`` dump (DESIGN section 3, item 3).

The dump is 1.73 GB, so it is read in chunks and never held whole. Python's ``csv`` module is
not used: it cannot tell a row cut off by the end of the file from a complete one, nor find
the next row after a broken one. The format is simple enough to scan directly: every field
is double-quoted, a backslash escapes the next character (``\\"``, ``\\\\``, ``\\'``),
newlines inside quotes are text.

Rows that cannot be read become ``Skipped`` with their row number, line and reason; when a
broken row leaves the scanner mid-text, it skips ahead to the next line that starts like a
row, so one bad row costs one report instead of one per line of its body.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import datetime
from os import PathLike

from store.records import KnownFields, RawCable, Skipped
from store.sanitize import clean, decode

FIELD_COUNT = 8
CHUNK = 4 << 20
# No real row comes near this; a row this long means a quote that never closes, and reading
# on would pull the rest of the file into memory.
MAX_ROW = 16 << 20

# A row starts with its quoted row number and date; used to find the next row after a bad one.
_ROW_START = re.compile(r'"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?,')
_NEXT_ROW_START = re.compile(r'\n(?="?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}"?,)')
_ROW_START_MAX = 40
# A quote that can end a field: followed by a comma, a line end, or the end of the buffer.
# Quotes inside a field are escaped, so most fields need one search.
_QUOTE_END = re.compile(r'"(?=[,\r\n]|\Z)')
_UNQUOTED_END = re.compile(r"[,\r\n]")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})")
_SURROGATE = re.compile("[\udc80-\udcff]")
# Printable ASCII plus tab and newline: a field made only of these needs no cleaning.
_SAFE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


class _NeedMore(Exception):
    """The buffer ends before the row does."""


def read_csv(path: str | PathLike[str], stream=None) -> Iterator[RawCable | Skipped]:
    """Yield one ``RawCable`` per row of a cables.csv file, or a ``Skipped`` saying why not.

    ``stream``: the file already open in binary mode (the caller closes it)."""
    source = str(path)
    if stream is not None:
        yield from _read_rows(source, stream)
        return
    try:
        opened = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as error:
        yield Skipped(source, "", f"cannot open: {error.strerror or error}")
        return
    with opened:
        yield from _read_rows(source, opened)


def _read_rows(source: str, stream) -> Iterator[RawCable | Skipped]:
    ordinal = 0
    try:
        for fields, line, problem in _rows(stream):
            if fields is None:
                yield Skipped(source, f"line {line}", problem or "unreadable text")
                continue
            ordinal += 1
            yield _to_cable(source, fields, ordinal, line, problem)
    except OSError as error:
        where = f"after row {ordinal}" if ordinal else ""
        yield Skipped(source, where, f"read error: {error.strerror or error}")


def parse_row(source: str, text: str, where: str) -> RawCable | Skipped:
    """One cables.csv row given as text (an HTML page can hold one instead of a cable)."""
    try:
        fields, _, problem = _scan_row(text.strip(), 0, at_eof=True)
    except _NeedMore:  # cannot happen at the end of the data; be safe anyway
        return Skipped(source, where, "unreadable database row")
    cable = _to_cable(source, fields, 1, 1, problem)
    if isinstance(cable, Skipped):
        return Skipped(source, where, cable.reason)
    return RawCable(source, where, cable.text, cable.known, cleaned=True)


def _to_cable(
    source: str, fields: list[str], ordinal: int, line: int, problem: str | None
) -> RawCable | Skipped:
    row = fields[0].strip() if fields else ""
    where = f"row {row if row.isascii() and row.isdigit() else ordinal} (line {line})"
    if problem is not None:
        return Skipped(source, where, problem)
    if len(fields) != FIELD_COUNT:
        return Skipped(source, where, f"{len(fields)} fields, expected {FIELD_COUNT}")
    _, date_text, ref_id, origin, classification, references, header, body = map(_text, fields)
    created = _parse_date(date_text.strip())
    if created is None:
        return Skipped(source, where, f"bad date {_short(date_text)}")
    ref_id = ref_id.strip()
    if not ref_id:
        return Skipped(source, where, "empty reference ID")
    # Trailing blank lines carry nothing (the HTML release has none), and in the header they
    # would double the newline that joins it to the body.
    header = header.rstrip()
    body = body.rstrip()
    known = KnownFields(
        id=ref_id,
        created=created,
        origin=origin.strip() or None,
        classification=classification.strip() or None,
        references=tuple(ref for ref in (r.strip() for r in references.split("|")) if ref),
        header=header,
        csv_id=int(row) if row.isascii() and row.isdigit() else None,
    )
    text = f"{header}\n{body}" if header else body
    return RawCable(source, where, text, known, cleaned=True)


def _text(raw: str) -> str:
    """A field as scanned to clean text: escapes removed, undecodable bytes as cp1252."""
    if "\\" in raw:
        # Every backslash escapes the next character, so dropping the lone ones unescapes,
        # once each doubled one is parked as NUL. clean() drops NUL anyway, so any NUL
        # already in the field goes first and cannot turn into a backslash.
        if "\\\\" in raw:
            if "\0" in raw:
                raw = raw.replace("\0", "")
            raw = raw.replace("\\\\", "\0").replace("\\", "").replace("\0", "\\")
        else:
            raw = raw.replace("\\", "")
    if raw.isascii():
        # Fast path: most fields are plain ASCII text with nothing for clean() to change.
        if not raw.encode("ascii").translate(None, _SAFE_ASCII):
            return raw
    elif _SURROGATE.search(raw):
        raw = decode(raw.encode("utf-8", "surrogateescape"))
    return clean(raw)


def _parse_date(text: str) -> datetime | None:
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    month, day, year, hour, minute = map(int, match.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _rows(stream) -> Iterator[tuple[list[str] | None, int, str | None]]:
    """Yield ``(raw fields, first line, problem)`` for each row; fields are not unescaped.

    ``fields`` is None for a stretch of text skipped to get back to a row start.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
    buf = ""
    pos = 0
    line = 1
    at_eof = False
    resync = False
    skipped_from: int | None = None  # first line of text being skipped, while resyncing
    skip_reason = "unreadable text after a bad row"

    def refill() -> None:
        nonlocal buf, pos, at_eof
        # Grow the read with the pending row so a huge row is rescanned O(log n) times.
        data = stream.read(max(CHUNK, len(buf) - pos))
        at_eof = not data
        buf = buf[pos:] + decoder.decode(data, final=at_eof)
        pos = 0

    while True:
        if skipped_from is None:
            while pos < len(buf) and buf[pos] in "\r\n":
                if buf[pos] == "\n":
                    line += 1
                pos += 1
        if len(buf) - pos < _ROW_START_MAX and not at_eof:
            refill()
            continue
        if pos >= len(buf) and skipped_from is None:
            return
        if resync:
            if skipped_from is None and _ROW_START.match(buf, pos) is not None:
                resync = False
                continue
            if skipped_from is None:
                skipped_from = line
            found = _NEXT_ROW_START.search(buf, pos)
            if found is None and not at_eof:
                # Keep a tail so that a row start split across two chunks is still found.
                keep = max(pos, len(buf) - _ROW_START_MAX)
                line += buf.count("\n", pos, keep)
                pos = keep
                refill()
                continue
            end = found.end() if found else len(buf)
            line += buf.count("\n", pos, end)
            until = f"line {line - 1}" if found else "the end of the file"
            yield None, skipped_from, f"{skip_reason}, skipped up to {until}"
            pos = end
            resync = False
            skipped_from = None
            skip_reason = "unreadable text after a bad row"
            continue
        try:
            fields, end, problem = _scan_row(buf, pos, at_eof)
        except _NeedMore:
            if len(buf) - pos > MAX_ROW:
                resync = True
                skipped_from = line
                skip_reason = f"row longer than {MAX_ROW >> 20} MiB (a quote never closes?)"
                continue
            refill()
            continue
        yield fields, line, problem
        line += buf.count("\n", pos, end)
        pos = end
        resync = problem is not None or len(fields) != FIELD_COUNT


def _scan_row(buf: str, pos: int, at_eof: bool) -> tuple[list[str], int, str | None]:
    """Split the row starting at ``pos`` into raw fields; return them and the row's end.

    Raises ``_NeedMore`` when the buffer ends first and more of the file is to come.
    """
    fields: list[str] = []
    size = len(buf)
    while True:
        if pos < size and buf[pos] == '"':
            start = search = pos + 1
            while True:
                found = _QUOTE_END.search(buf, search)
                if found is None:
                    if not at_eof:
                        raise _NeedMore
                    fields.append(buf[start:])
                    return fields, size, "file ends inside a quoted field (truncated row)"
                quote = found.start()
                slash = quote
                while slash > start and buf[slash - 1] == "\\":
                    slash -= 1
                after = quote + 1
                if (quote - slash) % 2:
                    search = after  # an escaped quote is text
                    continue
                if after >= size:
                    if not at_eof:
                        raise _NeedMore
                    fields.append(buf[start:quote])
                    return fields, size, None
                char = buf[after]
                if char == ",":
                    fields.append(buf[start:quote])
                    pos = after + 1
                    break
                if char in "\r\n":
                    fields.append(buf[start:quote])
                    return fields, _line_end(buf, after, at_eof), None
                search = after
        else:
            found = _UNQUOTED_END.search(buf, pos)
            if found is None:
                if not at_eof:
                    raise _NeedMore
                fields.append(buf[pos:])
                return fields, size, None
            fields.append(buf[pos : found.start()])
            if found.group() == ",":
                pos = found.end()
                continue
            return fields, _line_end(buf, found.start(), at_eof), None


def _line_end(buf: str, pos: int, at_eof: bool) -> int:
    """Just past the line break at ``pos`` (``\\n``, ``\\r\\n`` or a lone ``\\r``)."""
    if buf[pos] == "\n":
        return pos + 1
    if pos + 1 >= len(buf) and not at_eof:
        raise _NeedMore
    return pos + 2 if buf.startswith("\n", pos + 1) else pos + 1
