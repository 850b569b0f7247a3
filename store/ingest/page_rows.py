"""A database row printed on a page instead of a formatted cable (DESIGN section 3, item 4).

Some pages of the HTML release show the cable's row of the database it was published from,
often after a cut-off excerpt of the cable. Five shapes are read:

- a tab-separated row (``19205<TAB>2004-07-29 05:59:00<TAB>04THEHAGUE1903<TAB>...``, or
  from the date on without the row number) whose fields escape their line breaks with a
  backslash;
- labelled lines (``id:``, ``date:``, ``refid:``, ``origin:``, ``classification:``,
  ``destination:``, ``header:``), the header running to ``----- header ends -----`` and the
  body after it;
- a quoted CSV row (``19205,7/29/2004 5:59,04THEHAGUE1903,"Embassy The Hague",...``), its
  quotes doubled as a spreadsheet writes them, or escaped with backslashes as in cables.csv;
- one field a line (``13722``, ``2004-02-04``, ``04THEHAGUE281``, ...), then the telegram;
- any of these after a ``<<row>>`` line (up to ``<</row>>`` when there is one).

The fields are those of cables.csv: row number, date, reference ID, origin, classification,
referenced IDs joined by ``|``, transmission header, body. The row gives what the page's table
lacks: the date with its minutes, the references, the header and body as two fields, and the
row number (``csv_id``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from store.ingest.escapes import unescape_field
from store.records import KnownFields

_DATE = (
    r"\d{1,2}/\d{1,2}/\d{4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?"
)
# The row number may be missing: some exports start the row with its date.
_TAB_START = re.compile(rf"^[ \t]*(?:(\d{{1,7}})\t)?({_DATE})\t", re.MULTILINE)
_CSV_START = re.compile(
    rf'(?:^|(?<=",))[ \t]*"?(\d{{1,7}})"?[ \t]*,[ \t]*"?({_DATE})"?[ \t]*,', re.MULTILINE
)
_CSV_HINT = re.compile(r',[ \t]*"?\d{1,2}/\d{1,2}/\d{4}[ \t]')
_LABEL = re.compile(
    r"^[ \t.]*(id|date|refid|origin|source|classification|misc|destination|references|header|body"
    r"|content)"
    r"[ \t]*:[ \t]?(.*)$",
    re.MULTILINE | re.IGNORECASE,
)
_HEADER_ENDS = re.compile(r"^[ \t]*-{3,}[ \t]*header[ \t]+ends[ \t]*-{3,}[ \t]*$\n?", re.M | re.I)
_ROW_MARK = re.compile(r"^[ \t]*<<row>>[ \t]*$\n?", re.MULTILINE | re.IGNORECASE)
_ROW_END = re.compile(r"^[ \t]*<</row>>[ \t]*$", re.MULTILINE | re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_QUOTED_TAIL = re.compile(r'"[ \t]*,?\s*\Z')
_ID_SHAPE = re.compile(r"[0-9A-Z]{4,}")
# A reference ID as exports write it: year, station, serial ("09KUWAIT110").
_REF_ID = re.compile(r"\d{2}[A-Z][A-Z0-9]*\d")
# One ID, not two run together ("08BUENOSAIRES64698BUENOSAIRES5826").
_WHOLE_ID = re.compile(r"\d{2}[A-Z]+\d+")
_FIELDS = 8


@dataclass(frozen=True)
class PageRow:
    """The row on a page: its fields as known fields, and the telegram text inside it."""

    known: KnownFields
    text: str
    shape: str
    # Why a text that starts like a row could not be read as one (it is then kept as text).
    problem: str | None = None


def read_page_row(text: str) -> PageRow | None:
    """The database row a page shows, or None when the page shows a formatted cable."""
    marked = _ROW_MARK.search(text)
    if marked is not None:
        text = text[marked.end() :]
        end = _ROW_END.search(text)
        if end is not None:
            text = text[: end.start()]
    if "\t" in text:
        row = _tab_row(text)
        if row is not None:
            return row
    if ":" in text:
        row = _labelled_row(text)
        if row is not None:
            return row
    row = _line_row(text)
    if row is not None:
        return row
    return _csv_row(text)


# One field a line, blank lines between them or not: row number, date (the day alone in some),
# reference ID, origin, classification; then the referenced IDs when there are any, and the
# telegram, its header not set apart.
_LINE_ROW = re.compile(
    rf"^[ \t]*(\d{{1,7}})[ \t]*\n\s*({_DATE}|\d{{4}}-\d{{2}}-\d{{2}})[ \t]*\n"
    r"\s*(\d{2}[A-Z][A-Z0-9]*\d)[ \t]*\n\s*([A-Z][^\n]{1,80}?)[ \t]*\n"
    r"\s*((?:UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET)[^\n]{0,60}?)[ \t]*\n",
    re.MULTILINE,
)


def _line_row(text: str) -> PageRow | None:
    match = _LINE_ROW.search(text)
    if match is None:
        return None
    number, date, ref_id, origin, classification = match.groups()
    rest = text[match.end() :].lstrip()
    first, _, after = rest.partition("\n")
    references = ""
    if _is_id_list(first) and _REF_ID.search(first):
        references, rest = first, after
    row = _row([number, date, ref_id, origin, classification, references, "", rest], "line row")
    if row is None:
        return None
    # The header is not set apart: the parser finds it (an empty one would mean a fragment).
    return replace(row, known=replace(row.known, header=None))


def _tab_row(text: str) -> PageRow | None:
    start = _TAB_START.search(text)
    if start is None:
        return None
    fields = text[start.start() :].lstrip(" ").split("\t")
    if start.group(1) is None:
        fields.insert(0, "")
    if len(fields) >= 4 and fields[2:4] == fields[0:2]:
        del fields[2:4]  # an export that wrote the row number and date twice
    if len(fields) < _FIELDS:
        return None
    body = fields[_FIELDS - 1 :]
    if len(body) > 1 and body[1].strip() == fields[3].strip():
        body = body[:1]  # the row again after its body: the same fields once more
    values = [unescape_field(field) for field in [*fields[: _FIELDS - 1], "\t".join(body)]]
    return _row(values, "tab-separated row")


def _labelled_row(text: str) -> PageRow | None:
    """Labelled lines; the labels are read by what their values look like.

    Exports label the same columns differently (``origin:`` holding the reference ID and
    ``source:`` the origin, ``misc:`` the references, ``destination:`` the header), so a value
    is placed by its shape: a date, an ID, a list of IDs, a header.
    """
    first = _LABEL.search(text)
    if first is None:
        return None
    labels: dict[str, str] = {}
    pos = first.start()
    header_at = body_at = None
    while pos < len(text):
        match = _LABEL.match(text, pos)
        if match is None:
            break
        label = match.group(1).lower()
        if label in labels:
            break
        pos = match.end() + 1
        if label in ("body", "content"):
            body_at = match.start(2)
            break
        if label == "header" or (label == "destination" and not _is_id_list(match.group(2))):
            header_at = match.start(2)
            break
        labels[label] = match.group(2).strip()
    date = next((v for k, v in labels.items() if k == "date" or _parse_date(v)), "")
    ref_id = next((labels[k] for k in ("refid", "origin", "id") if _is_id(labels.get(k, ""))), "")
    if not date or not ref_id or len(labels) < 3:
        return None
    header = ""
    if header_at is not None:
        ends = _HEADER_ENDS.search(text, header_at) or _BLANK_LINE.search(text, header_at)
        header = text[header_at : ends.start() if ends else len(text)]
        body_at = ends.end() if ends else len(text)
    elif body_at is None:
        body_at = min(pos, len(text))
    origin = labels.get("origin", "")
    if _is_id(origin):
        origin = labels.get("source", "")
    lists = (labels[k] for k in ("destination", "misc", "references") if k in labels)
    references = next((v for v in lists if _is_id_list(v)), "")
    number = labels.get("id", "")
    values = [number if number.strip().isdigit() else "", date, ref_id, origin,
              labels.get("classification", ""), references, header, text[body_at:]]  # fmt: skip
    return _row(values, "labelled row")


def _is_id(value: str) -> bool:
    return bool(_REF_ID.fullmatch(value.strip()))


def _is_id_list(value: str) -> bool:
    parts = [part.strip() for part in value.split("|")]
    return all(_REF_ID.fullmatch(part) for part in parts if part)


def _csv_row(text: str) -> PageRow | None:
    if _CSV_HINT.search(text) is None:  # cheap: most pages have no "N,M/D/YYYY" at all
        return None
    start = _CSV_START.search(text)
    if start is None:
        return None
    row = text[start.start() :].lstrip(" \t")
    backslashed = '\\"' in row or "\\\\" in row
    values: list[str] = []
    pos = 0
    for _ in range(_FIELDS - 1):
        value, pos = _field(row, pos, backslashed)
        values.append(value)
        if pos >= len(row):
            break
    body = row[pos:] if len(values) == _FIELDS - 1 else ""
    if body.startswith('"') and not body.startswith('""'):
        body = body[1:]
    values.append(_unquote(_QUOTED_TAIL.sub("", body), backslashed))
    if len(values) < _FIELDS:
        count = len(values) - 1
        return PageRow(KnownFields(), text, "CSV row", f"{count} fields, expected {_FIELDS}")
    if not _ID_SHAPE.fullmatch(values[2].strip()):
        return None
    return _row(values, "CSV row")


def _field(row: str, pos: int, backslashed: bool) -> tuple[str, int]:
    """One field from ``pos`` and the position after its comma.

    A quoted field ends at a quote that is neither doubled nor escaped and comes before a
    comma; a quote elsewhere is text. A field that does not start with a lone quote runs to
    the next comma (the row is a dump cut and pasted, so its quoting is not always whole).
    """
    if row.startswith('"', pos) and not row.startswith('""', pos):
        search = pos + 1
        while True:
            quote = row.find('"', search)
            if quote < 0:
                return _unquote(row[pos + 1 :], backslashed), len(row)
            if backslashed and _escaped(row, quote):
                search = quote + 1
            elif not backslashed and row.startswith('""', quote):
                search = quote + 2
            else:
                after = quote + 1
                while after < len(row) and row[after] in " \t":
                    after += 1
                if after >= len(row) or row[after] == ",":
                    return _unquote(row[pos + 1 : quote], backslashed), after + 1
                search = quote + 1
    comma = row.find(",", pos)
    end = len(row) if comma < 0 else comma
    return _unquote(row[pos:end].strip().strip('"'), backslashed), end + 1


def _escaped(row: str, quote: int) -> bool:
    slash = quote
    while slash > 0 and row[slash - 1] == "\\":
        slash -= 1
    return (quote - slash) % 2 == 1


def _unquote(value: str, backslashed: bool) -> str:
    if backslashed:
        return re.sub(r"\\(.)", r"\1", value, flags=re.DOTALL)
    return value.replace('""', '"')


def _row(values: list[str], shape: str) -> PageRow | None:
    number, date, ref_id, origin, classification, references, header, body = values
    created = _parse_date(date)
    if created is None:
        return None
    header = header.strip("\n").rstrip()
    body = body.strip("\n").rstrip()
    known = KnownFields(
        id=ref_id.strip() or None,
        created=created,
        origin=" ".join(origin.split()) or None,
        classification=" ".join(classification.split()) or None,
        references=_references(references),
        header=header,
        csv_id=int(number) if number.strip().isdigit() else None,
    )
    return PageRow(known, f"{header}\n{body}" if header else body, shape)


def _references(field: str) -> tuple[str, ...] | None:
    """The row's referenced IDs; None when the list is garbled, so the REF line is read."""
    refs = tuple(ref for ref in ("".join(r.split()) for r in field.split("|")) if ref)
    return refs if all(_WHOLE_ID.fullmatch(ref) for ref in refs) else None


def _parse_date(text: str) -> datetime | None:
    text = " ".join(text.split())
    for pattern in ("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
                    "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):  # fmt: skip
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None
