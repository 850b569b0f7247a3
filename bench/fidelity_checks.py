"""The defect classes of the fidelity benchmark: what a reader would see wrong in a cable.

Each check looks at the parsed ``Cable`` beside the cable's own text (as the page shows it)
and says whether the defect is there. The checks are deliberately simple and independent of
the parser's rules: they ask what a careful human reader would ask ("the text has a SUBJECT
line; is there a subject?"), not how the parser got its answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DefectClass:
    key: str
    group: str  # "header", "body", "metadata"
    label: str


CLASSES = (
    DefectClass("subject_polluted", "header", "subject runs into REF, Classified By, page header"),
    DefectClass("subject_empty", "header", "subject empty though the text has a SUBJECT line"),
    DefectClass("tags_empty", "header", "tags empty though the text has a TAGS line"),
    DefectClass("tags_junk", "header", "junk tags (lower case, spaced codes, fragments, digits)"),
    DefectClass("classified_by_missed", "header", "Classified By missed on a C/S cable having one"),
    DefectClass("classified_by_overlong", "header", "classified_by holds more than the name"),
    DefectClass("refs_bad", "header", "references without a year or not shaped like IDs"),
    DefectClass("refs_missed", "header", "no references read though the REF line names a cable"),
    DefectClass("signer_missing", "header", "signer missing where the cable ends with a name"),
    DefectClass("raw_row_shown", "header", "raw database row shown as text"),
    DefectClass("addressee_junk", "header", "TO/INFO holding a page header or header text"),
    DefectClass("partial_undated", "header", "partial extract without a date or a year in its ID"),
    DefectClass("page_header_left", "body", "page header left in the text"),
    DefectClass("section_header_left", "body", "repeated section header block in the body"),
    DefectClass("anchor_left", "body", "web anchor ¶ left in numbers or text"),
    DefectClass("backslash_residue", "body", "backslash line ends left in the text"),
    DefectClass("no_paragraphs", "body", "no paragraphs at all"),
    DefectClass("year_as_number", "body", "a paragraph numbered 100 or more (a year)"),
    DefectClass("mark_above_level", "body", "a portion mark above the cable's classification"),
    DefectClass("list_joined", "body", "list item lines joined into one line"),
    DefectClass("reasons_tail", "body", "the end of the reasons as a paragraph (\"and (d)\")"),
    DefectClass("end_mark_left", "body", "the release's end mark (=== CABLE ENDS ===) as text"),
    DefectClass("empty_paragraph", "body", "a paragraph with no text, number or mark"),
)  # fmt: skip
HEADER_TARGET = 0.3  # percent of cables, issue 11

_PAGE_HEADER = re.compile(
    r"\bPAGE\s+\d{2,3}\s+(?:[A-Z]{2,}\s+){0,3}[A-Z]{2,}\s*\d{3,}"
    r"|\b[A-Z]{2,}(?:\s[A-Z]{2,}){0,2}\s+\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b"
)
_SUBJECT_JUNK = re.compile(
    r"REF(?:S|TEL|TELS|ERENCES?)?\s*:|CLASSIFIED\s+BY|\bTAGS?\s*:|E\.\s?O\.\s?12958|\bDECL\s*:"
    r"|SUBJECT\s*:|SECTION\s+\d+\s+OF\s+\d+|\bSIPDIS\b|SENSITIVE BUT UNCLASSIFIED"
    r"|C O N F I D E N T I A L|S E C R E T|\bUNCLAS\b.*\d{4,}",
    re.IGNORECASE,
)
_MAX_SUBJECT = 300
_SUBJECT_LINE = re.compile(r"(?:^|[\s>])S?UBJ(?:ECT)?\s*[:.]|^[ \t]*SUBJECT[ \t]+[A-Z]", re.M)
_TAGS_LINE = re.compile(r"(?:^|\s)(?:T?AGS|TAGES|TGS)\s*[:;]|^[ \t]*TAGS[ \t]+[A-Za-z]", re.M)
_CLASSIFIED_BY = re.compile(r"\bCLASS?IFIED\s+BY\b", re.IGNORECASE)
_FIRST_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*2\s?\.\s|\n[ \t]*\(?[CSU]\)[ \t]", re.M)
_HEAD_CHARS = 8000
_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b")
_TITLES = {
    "ambassador", "amb", "charge", "chargé", "d'affaires", "dcm", "a/dcm", "counselor",
    "counsellor", "couns", "polcouns", "econcouns", "mincouns", "econ", "pol", "officer",
    "poloff", "econoff", "polchief", "chief", "director", "dir", "secretary", "minister",
    "deputy", "acting", "consul", "cg", "principal", "political", "economic", "section",
    "head", "attache", "advisor", "adviser", "coordinator", "assistant", "drl", "eur",
    "mission", "embassy", "representative", "a/s", "pdas", "das", "polec", "cda",
}  # fmt: skip
_NAME_SUFFIX = re.compile(r",\s*(?:Jr|Sr|II|III|IV)\.?\s*$|,\s*(?:Jr|Sr|II|III|IV)\.?\s", re.I)
_OVERLONG = re.compile(r"\d|\breasons?\b|E\.O\.|\bper\b|\bfor\b|;|\bunder\b", re.IGNORECASE)
_REF_ID = re.compile(r"\d{2}[A-Z]{2,}\d+\Z")
# A REF line whose first item is shaped like a cable: "REF: A. 08 THE HAGUE 877".
_REF_CABLE = re.compile(
    r"\bREF(?:S|TEL|TELS)?\s*:\s*(?:\(?[A-Z][.):]\s*)?(?:\d{2,4}\s+)?"
    r"(?!E-?MAIL|IIR|TELCON)[A-Z]{3,}(?:\s[A-Z]{3,}){0,3}\s+\d{2,7}\b(?![/.-]\d)"
)
# Words that show a REF item shaped like a cable is none: a date, an e-mail, a section of a
# law, a redacted station.
_NOT_A_CABLE = re.compile(
    r"\b(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|E-?MAIL|SECTION|X{4,})\b"
)


def _mark_misread(cable, level: int | None) -> bool | None:
    """A portion mark above the cable's classification (the catalogue's ``level`` where
    known, else the one read), in the shape of a misread: a REF item or list letter
    "(C) ROME 12" taken for a mark stands without a paragraph number, or among marks that
    keep to the level. (Cables whose every paragraph is marked above the catalogue's level
    exist in the release: the marks are right there, and no misread.)"""
    if level is None and cable.classification is not None:
        level = cable.classification.level.value
    if level is None:
        return None
    marked = [p for p in cable.paragraphs if p.marking]
    above = [p for p in marked if p.marking.level.value > level]
    if not above:
        return False
    return any(p.number is None for p in above) or 2 * len(above) < len(marked)


def _names_cable(head: str) -> bool:
    match = _REF_CABLE.search(head)
    return match is not None and not _NOT_A_CABLE.search(head, match.start(), match.end() + 30)


# A full stop ends a fragment, but not a person tag's initial ("STEINBERG, JAMES B.").
_TAG_FRAGMENT = re.compile(r"[:;()\[\]]|\b(?:SUBJECT|E\.O|DECL|THE|FOR)\b|(?<![ ,][A-Z])\.$")
_TRAILER = re.compile(
    r"^\s*(?:NNNN|BT|#\d+|END\s+TEXT\.?|\(?END\s+(?:OF\s+)?(?:CABLE|MESSAGE)\)?\.?)\s*$"
    # The release's end mark, between rulers: "=====CABLE ENDS=====".
    r"|^[\s=*_-]*CABLE\s+ENDS[\s=*_-]*$"
    r"|^\s*(?:U\s?N\s?C\s?L|C\s?O\s?N\s?F|S\s?E\s?C\s?R|UNCLASSIFIED|CONFIDENTIAL|SECRET)\b"
    r".{0,80}$|NOTE BY OC/T|Declassified/Released|^\s*\W*\s*$",
)
_SIGNATURE = re.compile(r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2}")
_NOT_NAMES = {
    "END", "COMMENT", "SUMMARY", "SIPDIS", "NOFORN", "TEXT", "NOTE", "UNQUOTE", "QUOTE",
    "MINIMIZE", "CONSIDERED", "SENSITIVE", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET",
    "THANKS", "REGARDS", "YES", "NO", "BT", "NNNN",
}  # fmt: skip
_RAW_ROW = re.compile(r"^(?:id|date|refid|origin|classification|destination|header):\s", re.M)
_CSV_ROW = re.compile(r'"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4}|-{5,} header ends -{5,}|<<row>>')
_SECTION_HEADER = re.compile(
    r"\bSECTION\s+\d{1,2}\s+OF\s+\d{1,2}\b|^[ \t]*(?:TAGS\s*:|SUBJECT\s*:|E\.O\.\s+1\d{4})", re.M
)
_LIST_ITEM = re.compile(r"^[ \t]*(?:--|-[ \t]|\*[ \t]|o[ \t]|\([a-z]\)[ \t]|[a-z]\)[ \t])\S")
# A line that starts with a paragraph number and then a portion mark, as written.
_NUMBERED_MARK = re.compile(
    r"^[ \t]*(\d{1,3})[ \t]?\.[ \t]*\((?:U|C|S|SBU|TS)(?:/{1,2}[A-Z][A-Z ]*)*\)",
    re.M | re.IGNORECASE,
)


# What no addressee is: a page header, a banner, a caption, a label, a date, the notice.
_NOT_ADDRESSEE = re.compile(
    r"\bPAGE\s+\d|\b(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET(?! SERVICE))\b"
    r"|C O N F|S E C R|U N C L"
    r"|\bSIPDIS\b|\bSUBJECT\s*:|\bTAGS\s*:|E\.\s?O\.\s?1\d{4}|CABLE DATED|PARTIAL EXTRACT"
    r"|NOT AVAILABLE|\d{4}-\d{2}-\d{2}|\b\d{6}Z\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)
_LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")


def _level_rank(written: str) -> int | None:
    """0 for UNCLASSIFIED up to 3 for TOP SECRET, from a catalogue value or a level word."""
    upper = written.upper().replace("_", " ")
    found = [rank for rank, word in enumerate(_LEVELS) if upper.startswith(word)]
    return max(found) if found else None


def head_of(text: str) -> str:
    """The part of a cable's text before its second paragraph (where header fields live)."""
    start = text.find("\n", 0)
    match = _FIRST_PARAGRAPH.search(text, max(start, 0), _HEAD_CHARS)
    return text[: match.start()] if match else text[:_HEAD_CHARS]


_TAIL_ITEM = r"[ \t]*+(?:and|&|or|,)[ \t]*+\(?[ \t]*+[a-h][ \t]*+\)?"
_REASONS_TAIL = re.compile(rf"(?:{_TAIL_ITEM})+[ \t.]*", re.I)
_END_MARK = re.compile(r"={3,}\s*CABLE\s+ENDS\s*={3,}")


def check_cable(cable, text: str, truth) -> dict[str, bool | None]:
    """Each defect class -> True (present), False (absent) or None (does not apply)."""
    head = head_of(text)
    found: dict[str, bool | None] = {}
    subject = cable.subject or ""
    found["subject_polluted"] = bool(subject) and (
        bool(_SUBJECT_JUNK.search(subject))
        or bool(_PAGE_HEADER.search(subject))
        or len(subject) > _MAX_SUBJECT
    )
    found["subject_empty"] = not subject and bool(_SUBJECT_LINE.search(head))
    found["tags_empty"] = not cable.tags and bool(_TAGS_LINE.search(head))
    found["tags_junk"] = any(_junk_tag(tag) for tag in cable.tags)
    level = (
        truth.classification
        if truth
        else (cable.classification.full if cable.classification else "")
    )
    classified = level.startswith(("CONFIDENTIAL", "SECRET", "TOP SECRET"))
    has_line = bool(_CLASSIFIED_BY.search(head))
    # A line read that names no one ("Classified By: Ambassador") is not missed.
    read = cable.classified_by or getattr(cable, "classified_by_title", None) or cable.reasons
    found["classified_by_missed"] = (not read) if classified and has_line else None
    found["classified_by_overlong"] = (
        _overlong_name(cable.classified_by) if cable.classified_by else None
    )
    found["refs_bad"] = any(not _REF_ID.match(ref) for ref in cable.references)
    found["refs_missed"] = not cable.references and _names_cable(head)
    name = ending_name(text)
    found["signer_missing"] = (not cable.signer) if name else None
    shown = "\n".join(p.text for p in cable.paragraphs)
    addressees = (*getattr(cable, "to", ()), *getattr(cable, "info", ()))
    found["addressee_junk"] = (
        any(_NOT_ADDRESSEE.search(a) for a in addressees) if addressees else None
    )
    found["raw_row_shown"] = len(_RAW_ROW.findall(shown)) >= 2 or bool(_CSV_ROW.search(shown))
    found["partial_undated"] = (
        (cable.created is None or not cable.id[:2].isdigit()) if cable.is_partial else None
    )
    texts = [p.text for p in cable.paragraphs]
    found["page_header_left"] = any(_PAGE_HEADER.search(t) for t in texts)
    found["section_header_left"] = any(_SECTION_HEADER.search(t) for t in texts)
    if truth is not None:
        found["anchor_left"] = any(
            "¶" in (p.number or "") or "¶" in p.text for p in cable.paragraphs
        ) or any("¶" in ref for ref in cable.references)
    else:
        found["anchor_left"] = None
    found["backslash_residue"] = any(re.search(r"\\[ \t]*(?:\n|\Z)", t) for t in texts)
    # A page that holds only a header (the release truncated many) rightly has no paragraphs:
    # only text with prose in it counts.
    found["no_paragraphs"] = not cable.paragraphs and len(_PROSE_WORD.findall(text)) >= 10
    found["year_as_number"] = any(_number_value(p.number) >= 100 for p in cable.paragraphs)
    found["list_joined"] = _list_joined(text[len(head) :], texts)
    # The last reasons of a Classified By line ("and (d).", "& D.") cut off as text.
    found["reasons_tail"] = any(_REASONS_TAIL.fullmatch(t) for t in texts)
    found["end_mark_left"] = any(_END_MARK.search(t) for t in texts)
    found["empty_paragraph"] = any(
        not p.text.strip() and not p.number and p.marking is None for p in cable.paragraphs
    )
    found["mark_above_level"] = _mark_misread(cable, _level_rank(level) if level else None)
    return found


def _junk_tag(tag: str) -> bool:
    if tag != tag.upper() or any(ch.isdigit() for ch in tag):
        return True
    return len(tag) > 40 or len(tag.split()) > 4 or bool(_TAG_FRAGMENT.search(tag))


def spaced_codes(tag: str, frequent: set[str]) -> bool:
    """A tag of several words that are each a frequent tag code: ``PGOV PREL`` as one tag."""
    words = tag.replace(",", " ").split()
    return len(words) > 1 and sum(w in frequent for w in words) >= 2


def run_together(tag: str, frequent: set[str]) -> bool:
    """``PHUMTZ``: two frequent tag codes written as one. Four letters is a subject code's
    length (``KNEI``, ``CONS`` are not two country codes), so the shortest counted is six."""
    if tag in frequent or not tag.isalpha() or not 6 <= len(tag) <= 12:
        return False
    return any(tag[:cut] in frequent and tag[cut:] in frequent for cut in range(2, len(tag) - 1))


def _overlong_name(name: str) -> bool:
    stripped = _NAME_SUFFIX.sub(" ", name)
    if _OVERLONG.search(stripped) or "," in stripped or len(stripped.split()) > 5:
        return True
    return any(word.lower().strip(".,") in _TITLES for word in stripped.split())


def ending_name(text: str) -> str | None:
    """The name a cable's text ends with (its signature), if it ends with one."""
    lines = text.rstrip().split("\n")
    for line in reversed(lines[-40:]):
        if _TRAILER.search(line) or _PAGE_HEADER.search(line):
            continue
        candidate = line.strip()
        if candidate.count('"') == 1 and candidate.endswith(' "'):
            candidate = candidate[:-1].strip()  # the release's stray closing quote
        candidate = candidate.rstrip("#.").strip()
        # A name after the closing sentence: "END COMMENT. NAME", "... in Cairo. Scobey".
        tail = re.search(
            r"(?:END (?:OF )?COMMENT\.?\)?|[a-z0-9][.!?)\"”’]+)\s+([A-Z][A-Za-z'\-]+)$", candidate
        )
        if tail:
            candidate = tail.group(1)
        if (
            len(candidate) <= 30
            and _SIGNATURE.fullmatch(candidate)
            and not any(w.upper() in _NOT_NAMES for w in candidate.split())
            and not candidate.isdigit()
            and not re.fullmatch(r"X{4,}", candidate)  # a redacted signature names no one
        ):
            return candidate
        return None
    return None


def _number_value(number: str | None) -> int:
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    return int(digits) if digits else 0


def _list_joined(body: str, texts: list[str]) -> bool | None:
    """True when a run of list-item lines in the text did not keep its lines."""
    lines = body.split("\n")
    items = []
    for index in range(1, len(lines)):
        if _LIST_ITEM.match(lines[index]) and lines[index - 1].strip():
            items.append(" ".join(lines[index].split())[:24])
    if len(items) < 2:
        return None
    starts = {" ".join(line.split())[:24] for t in texts for line in t.split("\n")}
    return any(item not in starts for item in items)


def mark_census(cable, text: str) -> tuple[int, int]:
    """(paragraph numbers written with a portion mark, those the parser gave a marking)."""
    written = {int(m.group(1)) for m in _NUMBERED_MARK.finditer(text)}
    marked = {_number_value(p.number) for p in cable.paragraphs if p.marking is not None}
    return len(written), len(written & marked)
