"""The three on-disk forms of a generated cable: a cables.csv row, a telegram .txt, a page.

All three follow DESIGN section 3 (the real formats); only the text inside is invented.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bench.synthetic.render import SYNTHETIC_LINE, SyntheticCable

PARTIAL_NOTE = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)


def csv_date(created: datetime) -> str:
    """``M/D/YYYY H:MM``: no zero padding except the minutes, 24-hour."""
    return f"{created.month}/{created.day}/{created.year} {created.hour}:{created.minute:02d}"


def _csv_field(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_row(cable: SyntheticCable) -> str:
    """One row of cables.csv: 8 quoted fields, backslash escapes, raw newlines kept, no CR."""
    fields = (
        str(cable.row),
        csv_date(cable.created),
        cable.id,
        cable.origin,
        cable.classification,
        "|".join(cable.references),
        cable.header,
        cable.body,
    )
    return ",".join(map(_csv_field, fields)) + "\n"


def telegram_text(cable: SyntheticCable) -> str:
    """The ``.txt`` form: header, blank line, body; a partial cable opens with the extract
    note instead, as the page extracts do."""
    if cable.header:
        return cable.header + "\n" + cable.body
    return PARTIAL_NOTE + "\n\n" + cable.body


def txt_relpath(cable: SyntheticCable) -> str:
    return f"{cable.created.year}/{cable.id}.txt"


def html_relpath(cable: SyntheticCable) -> str:
    return f"{cable.created.year}/{cable.created.month:02d}/{cable.id}.html"


_RELEASES = ("2010-11-28 18:18", "2011-01-13 07:22", "2011-04-25 23:08", "2011-08-30 01:44")
# The TAGS line inside an escaped <pre>: it ends at the first encoded newline.
_TAGS_LINE = re.compile(r"TAGS:[^&]*")
_TAG_TOKEN = re.compile(r"\b[A-Z]{2,6}\b")


def _link_tag(match: re.Match[str]) -> str:
    tag = match.group()
    return f"<a href='/tag/{tag}_0.html'>{tag}</a>"


def _link_tags(match: re.Match[str]) -> str:
    return "TAGS:" + _TAG_TOKEN.sub(_link_tag, match.group()[5:])


def _pre(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "&#x000A;")


def html_page(cable: SyntheticCable) -> str:
    """A Cablegate-like page: metadata table, then ``<pre>`` header and body.

    Newlines inside ``<pre>`` are written as ``&#x000A;``, TAGS are links, and the "Created"
    cell repeats the hour as the minutes, as on the real pages. Partial cables have no header
    block.
    """
    d = cable.created
    created = f"{d:%Y-%m-%d} {d.hour:02d}:{d.hour:02d}"
    released = _RELEASES[cable.row % len(_RELEASES)]
    body = _TAGS_LINE.sub(_link_tags, _pre(cable.body), count=1)
    title = html.escape(f"{cable.id}: {cable.subject}")
    origin = html.escape(cable.origin)
    pres = [f"<pre>{_pre(cable.header)}</pre>"] if cable.header else []
    pres.append(f"<pre>{body}</pre>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            "<html>",
            f"<head><meta charset='utf-8'><title>Cable {title}</title></head>",
            "<body>",
            f"<p class='note'>{SYNTHETIC_LINE}</p>",
            f"<h3>Viewing cable {title}</h3>",
            "<table class='cable'>",
            "<tr><th>Reference ID</th><th>Created</th><th>Released</th>"
            "<th>Classification</th><th>Origin</th></tr>",
            f"<tr><td><a href='/cable/{html_relpath(cable)}'>{cable.id}</a></td>"
            f"<td>{created}</td><td>{released}</td><td>{cable.classification}</td>"
            f"<td><a href='/origin/{origin.replace(' ', '_')}.html'>{origin}</a></td></tr>",
            "</table>",
            *pres,
            "</body>",
            "</html>",
            "",
        ]
    )
