"""What a Cablegate page says, read without the project's readers (for ``bench/fidelity.py``).

The fidelity benchmark compares the parser against each page's metadata table, so the table
must be read by code that shares nothing with ``store``: this is a small ``html.parser``
reader of the table cells and the ``<pre>`` texts, written for the benchmark alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class PageTruth:
    """The page's metadata table (the catalogue's values) and its ``<pre>`` texts."""

    id: str
    created: str  # "YYYY-MM-DD HH": the page's minutes are not minutes
    classification: str
    origin: str
    pres: tuple[str, ...]

    @property
    def text(self) -> str:
        """The cable's text as the page shows it, the web anchors' ``¶`` removed."""
        return "\n".join(self.pres).replace("¶", "")


_CREATED = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2})")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_cable_table = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.pre: list[str] | None = None
        self.pres: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "cable") in attrs:
            self.in_cable_table = True
        elif self.in_cable_table and tag == "tr":
            self.rows.append([])
        elif self.in_cable_table and tag in ("td", "th"):
            self.cell = []
        elif tag == "pre":
            self.pre = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_cable_table = False
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "pre" and self.pre is not None:
            self.pres.append("".join(self.pre))
            self.pre = None

    def handle_data(self, data):
        if self.pre is not None:
            self.pre.append(data)
        elif self.cell is not None:
            self.cell.append(data)


def read_truth(path: str) -> PageTruth | None:
    """The page's table and texts; None when the file is no Cablegate cable page."""
    with open(path, encoding="utf-8", errors="replace") as stream:
        page = stream.read()
    reader = _Reader()
    reader.feed(page)
    reader.close()
    labels = next((row for row in reader.rows if "Reference ID" in row), None)
    if labels is None:
        return None
    values = reader.rows[reader.rows.index(labels) + 1]
    table = dict(zip(labels, values, strict=False))
    created = _CREATED.search(table.get("Created", ""))
    return PageTruth(
        id=table.get("Reference ID", ""),
        created=f"{created.group(1)} {created.group(2)}" if created else "",
        classification=" ".join(table.get("Classification", "").upper().split()),
        origin=table.get("Origin", ""),
        pres=tuple(reader.pres),
    )
