"""Reader for one page of the Cablegate HTML release (DESIGN section 3, item 4).

A page has a metadata table (Reference ID, Created, Released, Classification, Origin) and one
or two ``<pre>`` blocks: the transmission header and the body, or the body alone for a
partial cable. The stdlib HTML parser turns
the ``&#x000A;`` character references back into newlines, and the TAGS links inside the body
are kept as their text. The page's "Created" minutes repeat the hour, so only the date and
hour are kept.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser
from os import PathLike
from pathlib import Path

from store.ingest.escapes import undo_line_continuations
from store.ingest.page_rows import PageRow, read_page_row
from store.records import KnownFields, RawCable, Skipped
from store.sanitize import clean, decode

# Far beyond any real page; refusing bigger files keeps a stray huge file from eating memory.
MAX_PAGE_BYTES = 64 << 20

# Metadata labels as written on pages, lower case, to KnownFields names.
_LABELS = {
    "reference id": "id",
    "reference": "id",
    "identifier": "id",
    "created": "created",
    "released": "released",
    "classification": "classification",
    "origin": "origin",
}
_CREATED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})(?::\d{1,2}){0,2})?")
_ID_FILE_NAME = re.compile(r"\d{2}[A-Z][A-Z0-9]*\d")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
# Where the parser starts to matter: a table or <pre> (what is read), or anything the
# stdlib parser does not read as plain markup (script and style contents, comments, marked
# sections). Before it, every tag and text is ignored by _PageParser.
_FIRST_READ = re.compile(r"<(?:table|pre|script|style|!--|!\[)", re.I)
# Elements whose content newer Pythons' html.parser reads as text, not markup (3.11 reads
# only script and style so).
_TEXT_ONLY = ("title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
# Text and whole tags (attribute values quoted either way, a ">" inside them included), as
# the navigation before that place is made of; possessive, so a page that is not matches
# in linear time.
_PLAIN_MARKUP = re.compile(
    r"(?:[^<]++|<[a-zA-Z/!?][^<>\"']*+(?:(?:\"[^\"]*+\"|'[^']*+')[^<>\"']*+)*+>)*+"
)


def read_html(path: str | PathLike[str], stream=None) -> RawCable | Skipped:
    """Read one Cablegate page into a ``RawCable``, or say why it could not be read.

    ``stream``: the file already open in binary mode (the caller closes it)."""
    source = str(path)
    try:
        if stream is not None:
            data = stream.read(MAX_PAGE_BYTES + 1)
        else:
            with open(path, "rb") as opened:
                data = opened.read(MAX_PAGE_BYTES + 1)
    except OSError as error:
        return Skipped(source, "", f"cannot read: {error.strerror or error}")
    if len(data) > MAX_PAGE_BYTES:
        return Skipped(source, "", f"page larger than {MAX_PAGE_BYTES >> 20} MiB")
    return parse_page(source, decode(data))


def parse_page(source: str, page: str) -> RawCable | Skipped:
    """The cable on an already decoded page; ``source`` names it in reports."""
    parser = _PageParser()
    # The release writes every newline as this reference; decoding thousands of them one by
    # one is most of the parse time, and a raw newline means the same inside <pre>.
    page = page.replace("&#x000A;", "\n")
    page = page[_reading_starts(page) :]
    try:
        parser.feed(page)
        parser.close()
    except Exception as error:  # html.parser can still assert on odd markup
        return Skipped(source, "", f"unreadable HTML: {type(error).__name__}")
    blocks = [_trim(clean(block)) for block in parser.pres]
    if not blocks:
        return Skipped(source, "", "no <pre> block (no cable text on this page)")
    if not any(blocks):
        return Skipped(source, "", "the <pre> blocks are empty")
    meta = _metadata(parser.tables)
    known = _known_fields(meta, Path(source).stem)
    for index in range(len(blocks) - 1, -1, -1):
        row = read_page_row(blocks[index])
        if row is not None:
            return _row_cable(source, row, known, blocks[0] if index else "")
    blocks = [undo_line_continuations(block) for block in blocks]
    if len(blocks) == 1:
        # The release gives the header its own block; a page with only the body block is a
        # partial cable, as an empty header field says in cables.csv.
        header, body = "", blocks[0]
    else:
        header, body = blocks[0], "\n".join(blocks[1:])
    known = replace(known, header=header)
    return RawCable(source, "", f"{header}\n{body}" if header else body, known, cleaned=True)


def _reading_starts(page: str) -> int:
    """Where the page's first table, <pre> or special content starts: what comes before is
    the release's navigation, seven eighths of each page and nearly all the parse time.

    0 unless what comes before is whole tags and text (not when the place lies inside a
    quoted attribute holding "<table", or after a "<" that is no tag)."""
    found = _FIRST_READ.search(page)
    if found is None:
        return 0
    start = found.start()
    if not _PLAIN_MARKUP.fullmatch(page, 0, start):
        return 0
    before = page[:start].lower()
    for name in _TEXT_ONLY:  # open there: newer Pythons read what follows as its text
        # (Most are nowhere on a page: then the closing tag is not looked for, which was a
        # seventh of reading a real page: 60 KB of navigation scanned twice for each name.)
        opened = before.rfind("<" + name)
        if opened >= 0 and opened > before.rfind("</" + name):
            return 0
    return start


def _row_cable(source: str, row: PageRow, page: KnownFields, header_block: str) -> RawCable:
    """A page whose text is a database row: the row's fields, read as cables.csv's are.

    The page's table names the cable as the release does, so its ID, origin and
    classification win; the row gives the minutes of the date (the table's are wrong), the
    references, the header and body apart, and the row number. Where the row ran lines of its
    header together, the page's own header block keeps them. A text that only starts like
    a row is kept as text, with the reason.
    """
    where = f"raw database row ({row.shape}), not a formatted cable"
    if row.problem is not None:
        return RawCable(source, f"{where}: {row.problem}", row.text, page, cleaned=True)
    known, text = row.known, row.text
    squashed = known.header and header_block.count("\n") > known.header.count("\n")
    if squashed and header_block[:12] == known.header[:12]:
        text = header_block + text[len(known.header) :]
        known = replace(known, header=header_block)
    created = page.created
    if known.created is not None and (
        created is None or known.created.replace(minute=0, second=0) == created
    ):
        created = known.created
    return RawCable(
        source,
        where,
        text,
        replace(
            known,
            id=page.id or known.id,
            created=created,
            created_hour_only=created is not known.created and page.created_hour_only,
            origin=page.origin or known.origin,
            classification=page.classification or known.classification,
        ),
        cleaned=True,
    )


def _trim(block: str) -> str:
    """Drop blank lines before the text and whitespace after it."""
    return _LEADING_BLANK_LINES.sub("", block).rstrip()


def _label(cell: str) -> str | None:
    return _LABELS.get(" ".join(cell.rstrip(":").split()).lower())


def _metadata(tables: list[list[list[str]]]) -> dict[str, str]:
    """Label -> value from the page's tables; the first value found for a label wins.

    Two layouts are read: a row of labels over a row of values, and label/value cell pairs.
    """
    meta: dict[str, str] = {}
    for rows in tables:
        for index, row in enumerate(rows):
            labels = [_label(cell) for cell in row]
            filled = [label for cell, label in zip(row, labels, strict=True) if cell]
            if filled and all(filled):
                values = rows[index + 1] if index + 1 < len(rows) else []
                if any(_label(cell) for cell in values):
                    continue
                for label, value in zip(labels, values, strict=False):
                    if label and value:
                        meta.setdefault(label, value)
                continue
            for column, label in enumerate(labels[:-1]):
                value = row[column + 1]
                if label and value and labels[column + 1] is None:
                    meta.setdefault(label, value)
    return meta


def _known_fields(meta: dict[str, str], file_stem: str) -> KnownFields:
    ref_id = clean(meta.get("id", "")) or None
    if ref_id is None and _ID_FILE_NAME.fullmatch(file_stem):
        # The release names each page after its cable: cable/YYYY/MM/<ID>.html.
        ref_id = file_stem
    created = _parse_created(meta.get("created", ""))
    return KnownFields(
        id=ref_id,
        created=created,
        created_hour_only=created is not None,
        origin=clean(meta.get("origin", "")) or None,
        classification=clean(meta.get("classification", "")) or None,
    )


def _parse_created(text: str) -> datetime | None:
    """Date and hour of a "Created" cell; its minutes are the hour again, so they are dropped."""
    match = _CREATED.search(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.group(1, 2, 3))
    hour = int(match.group(4) or 0)
    try:
        return datetime(year, month, day, hour)
    except ValueError:
        return None


_PARAGRAPH_ANCHOR = re.compile(r"#par\w+\Z")


def _is_paragraph_anchor(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name == "href" and _PARAGRAPH_ANCHOR.match(value or "") for name, value in attrs)


class _PageParser(HTMLParser):
    """Collects table cell texts and ``<pre>`` texts; ignores everything else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.pres: list[str] = []
        self._open_tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._pre: list[str] | None = None
        self._pre_depth = 0
        self._skip_depth = 0  # inside <script> or <style>
        # Inside the release's paragraph anchor (<a href='#par2'>¶</a>): a link the web page
        # added before each number, not text of the cable.
        self._in_anchor = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip_depth += 1
        elif tag == "pre":
            self._pre_depth += 1
            if self._pre is None:
                self._pre = []
        elif tag == "br" and self._pre is not None:
            self._pre.append("\n")
        elif tag == "a" and self._pre is not None:
            self._in_anchor = _is_paragraph_anchor(attrs)
        elif tag == "table":
            self._end_cell()
            self._open_tables.append([])
        elif tag == "tr" and self._open_tables:
            self._end_cell()
            self._open_tables[-1].append([])
        elif tag in ("td", "th") and self._open_tables:
            self._end_cell()
            rows = self._open_tables[-1]
            if not rows:  # a cell outside any <tr>: markup in the wild omits it
                rows.append([])
            self._cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._pre is not None:
            self._pre.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "a":
            self._in_anchor = False
        elif tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
            if not self._pre_depth:
                self._end_pre()
        elif tag in ("td", "th", "tr"):
            self._end_cell()
        elif tag == "table" and self._open_tables:
            self._end_cell()
            self.tables.append(self._open_tables.pop())

    def handle_data(self, data: str) -> None:
        if self._skip_depth or (self._in_anchor and data.strip() == "¶"):
            return
        if self._pre is not None:
            self._pre.append(data)
        elif self._cell is not None:
            self._cell.append(data)

    def close(self) -> None:
        super().close()
        if self._pre is not None:
            self._end_pre()
        self._end_cell()
        while self._open_tables:
            self.tables.append(self._open_tables.pop())

    def _end_pre(self) -> None:
        if self._pre is not None:
            self.pres.append("".join(self._pre))
        self._pre = None
        self._pre_depth = 0

    def _end_cell(self) -> None:
        if self._cell is not None and self._open_tables and self._open_tables[-1]:
            self._open_tables[-1][-1].append(" ".join("".join(self._cell).split()))
        self._cell = None
