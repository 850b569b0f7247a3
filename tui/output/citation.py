"""Citations of a cable: Chicago, APA, BibTeX and Markdown (``cables cite``, ``c`` in the
reader, ``cables bookmarks export --format bibtex``).

Stdlib only. A citation is built from a ``Summary`` (origin, subject, ID, date, marking), so
it reads the stored metadata and never the parser. Cable text is untrusted: in BibTeX every
character TeX or BibTeX treats specially is replaced by a command whose braces balance, so a
subject holding ``{``, ``}`` or ``\\`` cannot end a field or break the file.
"""

from __future__ import annotations

import re

from store.model import Summary
from tui.output.export_formats import md_escape, safe

STYLES = ("chicago", "apa", "bibtex", "md")
PUBLISHER = "WikiLeaks Cablegate"
NO_ORIGIN = "US Department of State"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_BIB_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ID_SAFE = re.compile(r"[^A-Za-z0-9]")


def cable_url(summary: Summary) -> str | None:
    """Where the Cablegate release put the cable's page (by its date and ID)."""
    if summary.created is None or _ID_SAFE.search(summary.id):
        return None
    return f"https://wikileaks.org/cable/{summary.created:%Y/%m}/{summary.id}.html"


def _parts(summary: Summary) -> dict[str, str]:
    subject = " ".join(safe(summary.subject or "").split()) or "(no subject)"
    created = summary.created
    return {
        "origin": " ".join(safe(summary.origin or "").split()) or NO_ORIGIN,
        "subject": subject,
        "id": safe(summary.id),
        "marking": safe(summary.classification.full) if summary.classification else "",
        "long_date": f"{_MONTHS[created.month - 1]} {created.day}, {created.year}" if created
        else "undated",
        "apa_date": f"{created.year}, {_MONTHS[created.month - 1]} {created.day}" if created
        else "n.d.",
        "iso_date": created.date().isoformat() if created else "undated",
        "url": cable_url(summary) or "",
    }  # fmt: skip


def cite(summary: Summary, style: str = "chicago") -> str:
    """One citation, without a trailing newline (BibTeX: one entry of several lines)."""
    if style == "bibtex":
        return bibtex_entry(summary)
    p = _parts(summary)
    marking = f" {p['marking']}." if p["marking"] else ""
    url = f" {p['url']}." if p["url"] else ""
    title = p["subject"].rstrip(".")
    if style == "chicago":
        return (f"{p['origin']}. \u201c{title}.\u201d Diplomatic cable {p['id']}, "
                f"{p['long_date']}.{marking} {PUBLISHER}.{url}")  # fmt: skip
    if style == "apa":
        marking = f", {p['marking']}" if p["marking"] else ""
        url = f" {p['url']}" if p["url"] else ""
        return (f"{p['origin']}. ({p['apa_date']}). {title} [Diplomatic cable {p['id']}"
                f"{marking}]. {PUBLISHER}.{url}")  # fmt: skip
    if style == "md":
        cable_id = md_escape(p["id"])
        link = f"[{cable_id}](<{p['url']}>)" if p["url"] else cable_id
        marking = f", {md_escape(p['marking'])}" if p["marking"] else ""
        return (f"{md_escape(p['origin'])}, \u201c{md_escape(title)}\u201d, diplomatic cable "
                f"{link}, {p['iso_date']}{marking}. *{PUBLISHER}*.")  # fmt: skip
    raise ValueError(f"unknown citation style {style!r}; one of {', '.join(STYLES)}")


# -------------------------------------------------------------------------------- BibTeX

_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_TEX_SPECIAL = re.compile(r"[\\{}%&#$_^~]")


def tex_escape(text: str) -> str:
    """Text safe inside a braced BibTeX field: every brace the result holds is balanced."""
    text = " ".join(safe(text).split())  # a blank line would end a BibTeX field in LaTeX
    return _TEX_SPECIAL.sub(lambda m: _TEX[m.group()], text)


def bibtex_key(cable_id: str) -> str:
    key = _ID_SAFE.sub("", cable_id)
    return f"cable{key}" if not key or key[0].isdigit() else key


def bibtex_entry(summary: Summary, note: str | None = None) -> str:
    p = _parts(summary)
    fields = [
        ("author", "{" + tex_escape(p["origin"]) + "}"),  # a body, not a person's name
        ("title", "{" + tex_escape(p["subject"]) + "}"),
        ("howpublished", tex_escape(f"Diplomatic cable {p['id']}")),
        ("organization", tex_escape(PUBLISHER)),
        ("number", tex_escape(p["id"])),
    ]
    created = summary.created
    if created is not None:
        fields += [("year", str(created.year)), ("date", p["iso_date"])]
    if p["marking"]:
        fields.append(("note", tex_escape(f"{p['marking']}. {PUBLISHER}")))
    else:
        fields.append(("note", tex_escape(PUBLISHER)))
    if p["url"]:
        fields.append(("url", p["url"]))
    if note:
        fields.append(("annote", tex_escape(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = f",\n  month = {_BIB_MONTHS[created.month - 1]}" if created is not None else ""
    return f"@misc{{{bibtex_key(summary.id)},\n{body}{month}\n}}"


def missing_bibtex_entry(cable_id: str, note: str | None = None) -> str:
    """A bookmark whose cable the corpus lacks: still an entry, with what is known."""
    fields = [
        ("title", tex_escape(f"Diplomatic cable {cable_id}")),
        ("number", tex_escape(cable_id)),
        ("note", tex_escape(PUBLISHER)),
    ]
    if note:
        fields.append(("annote", tex_escape(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(cable_id)},\n{body}\n}}"
