"""The signer: the name a cable ends with, before its end marks and trailing boilerplate.

A signature is one to three capitalised words on the last line that carries text, or the
last words of that line after the closing sentence (flattened pages, ``END COMMENT. NAME``).
What may follow it is skipped: transmission end marks (``BT``, ``#2558``, ``NNNN``), the web
release's end mark (``=====CABLE ENDS=====``, which a page's text may close with), lines of
punctuation only, the classification line printed at the foot of a page, page headers, the
``NOTE BY OC/T`` and ``Declassified/Released`` stamps and the embassy's "classified website"
notice. A name is taken only where it cannot be the end of a wrapped sentence: the line before
it ends a sentence (or is boilerplate), and the name is not a word from the list of words that
end cables without signing them (``store/parse/data/not_signer_words.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from store.parse.data_files import read_data
from store.parse.lazy_pattern import lazy_compile

# Transmission end marks, the release's end mark between its rulers, and lines with no letter
# or digit ('"', "/", "...", rulers), matched on the line without its blanks: blanks around
# [^A-Za-z0-9]* (which takes blanks too) made the match cubic in a long run of blanks. (The
# end mark's two runs of [^A-Za-z0-9]* cannot share a blank: letters stand between them.)
_TRAILER_LINE = lazy_compile(
    r"NNNN|BT|#\d{1,7}|[^A-Za-z0-9]*|[^A-Za-z0-9]*CABLE[ \t]+ENDS[^A-Za-z0-9]*"
)

# Boilerplate that may follow the signature; each alternative is anchored at the line start.
# (The leading blanks are taken once: every alternative starts with a letter, a digit or
# ``.``, which needs no blank given back; retried at each of 200,000 blanks, the
# alternatives cost 1.4 s a line.)
_BOILERPLATE = lazy_compile(
    r"[ \t]*+(?:"
    # The classification line at the foot of a page, alone or with its caveats.
    r"(?-i:(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|(?:TOP[ \t]+)?SECRET|LIMITED[ \t]+OFFICIAL[ \t]+USE"
    r"|U[ ]N[ ]C[ ]L[ ]A[ ]S"
    r"|C[ ]O[ ]N[ ]F[ ]I[ ]D[ ]E[ ]N[ ]T[ ]I[ ]A[ ]L|S[ ]E[ ]C[ ]R[ ]E[ ]T)"
    r"(?:[ \t/]+[A-Z][A-Z /]*+)?[ \t]*\Z"
    # Page headers: "PAGE 03 LIMA 01234 ..." and "PARIS 00002772 004 OF 004".
    r"|PAGE[ \t]+\d{1,3}\b.{0,120}\Z)"
    r"|[A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+){0,2}[ \t]+\d{8}[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}"
    r"[ \t]*\Z"
    r"|NOTE[ \t]+BY[ \t]+OC/T\b|NOTE:[ \t]*NOT[ \t]+PASSED\b|Declassified/Released\b"
    # The declassification stamp's second line, captions, and the line a database copy
    # closes with ("2004CARACA01540 - UNCLASSIFIED", "... - Classification: SECRET").
    r"|Review[ \t]+\d{1,2}[ \t]+[A-Z]{3}[ \t]+\d{4}[ \t]*\Z"
    r"|(?-i:SIPDIS|NOFORN|EXDIS|NODIS|LIMDIS)[ \t]*\Z"
    r"|\d{4}[A-Z]{3,}\d{3,}[ \t]*-[ \t]*(?:Classification:[ \t]*)?[A-Z][A-Za-z /]*\Z"
    r"|(?:Please[ \t]+)?Visit\b.{0,60}Classified[ \t]*Web[ \t]*site\b"
    r"|.{0,80}\bClassified[ \t]+SIPRNET[ \t]+web[ \t]*site"
    r"|You[ \t]+can[ \t]+also[ \t]+access[ \t]+this[ \t]+site\b"
    r"|(?:https?://|www\.)\S*"
    r")",
    re.IGNORECASE,
)

_WORD = r"[A-Z][A-Za-z'\-]*[A-Za-z]"
_PARTICLE = r"(?:van|von|de|der|den|da|del|della|di|du|la|le|y)"
# A signature on its own line: "RICE", "Van Voorst", "HALVORSEN##", "CRETZ .", "Leslie BASSETT".
# Initials may come first: "R.A. KEEGAN", "J. Keegan".
_OWN_LINE = lazy_compile(
    rf"((?:[A-Z]\.[ \t]?){{1,2}}[ \t]*{_WORD}(?=[ \t]*\Z)"
    rf"|{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,2}})[ \t]*([.#]*)"
)
# A signature after the closing sentence, on the same line: "... Cairo. SCOBEY",
# "END COMMENT. HOAGLAND", "END COMMENT McEldowney".
_SAME_LINE = lazy_compile(
    r"(?:(?P<end>(?i:\bEND[ \t]+(?:OF[ \t]+)?(?:COMMENTS?|NOTE|SUMMARY|TEXT)\b"
    r"|\bMINIMIZE[ \t]+CONSIDERED\b)[.)]*)"
    r"|[.!?)\"'”’])[ \t]+"
    r"(?P<name>[A-Z][A-Za-z'\-]*[A-Za-z](?:[ \t][A-Z][A-Za-z'\-]*[A-Za-z])?)[ \t]*[.#]*[ \t]*\Z"
)
# The line before a signature ends a sentence, a quotation, a ruler, or is a URL, a redaction
# or the website notice.
_CLOSES = lazy_compile(
    r"(?:[.!?:;\"')\]”’*=_>/-]|XX|\bEND[ \t]+(?:OF[ \t]+)?[A-Z]+)[ \t]*\Z|https?://|www\.|\.gov\b"
    r"|Classified[ \t]*Web[ \t]*site|MINIMIZE[ \t]+CONSIDERED|\AGP-\d\Z",
    re.IGNORECASE,
)
_LOWER = lazy_compile(r"[a-z]")
_LETTER = lazy_compile(r"[A-Za-z]")
_NOTICE = lazy_compile(r"Classified[ \t]*Web[ \t]*site|https?://|www\.|XX[ \t]*\Z", re.IGNORECASE)

_MAX_TRAILING_LINES = 200
_MAX_BOILERPLATE_LINES = 12
_MAX_SIGNATURE = 40


def split_signer(lines: list[str]) -> tuple[list[str], str | None]:
    """Body lines without the signature and the end marks after it, and the signer's name.

    Boilerplate after the signature stays in the body lines: it is text of the page.
    """
    end = _strip_trailers(lines, len(lines))
    kept = lines[:end]
    read = _without_stray_quote(lines, end)
    last = end
    for _ in range(_MAX_BOILERPLATE_LINES):
        if last == 0 or not _BOILERPLATE.match(read[last - 1]):
            break
        last = _strip_trailers(read, last - 1)
    if last == 0:
        return kept, None
    line = read[last - 1]
    before = _previous_text(read, last - 1)
    name = _own_line_name(line, before)
    if name is not None:
        body = lines[: last - 1] + lines[last:end]
    else:
        name, cut = _same_line_name(line)
        if name is None:
            return kept, None
        body = [*lines[: last - 1], line[:cut].rstrip(), *lines[last:end]]
    # The name as one field shows it: its words one blank apart (a tab between them would
    # end up in a one-line field).
    return body, " ".join(name.split())


def _without_stray_quote(lines: list[str], end: int) -> list[str]:
    """``lines`` as read for the name: a page made from a database row may close its last
    line with the row's quote ('MULFORD "'), which is no text of the cable."""
    if end == 0:
        return lines
    line = lines[end - 1].rstrip()
    if not line.endswith((' "', '\t"')) or line.count('"') != 1:
        return lines
    return [*lines[: end - 1], line[:-1].rstrip()]


def _strip_trailers(lines: list[str], end: int) -> int:
    floor = max(0, end - _MAX_TRAILING_LINES)
    while end > floor and _TRAILER_LINE.fullmatch(lines[end - 1].strip(" \t")):
        end -= 1
    return end


def _previous_text(lines: list[str], index: int) -> str | None:
    """The nearest line with text above ``index`` ("" when a blank line comes first)."""
    if index == 0:
        return None
    if not lines[index - 1].strip():
        return ""
    return lines[index - 1]


def _own_line_name(line: str, before: str | None) -> str | None:
    text = line.strip()
    if len(text) > _MAX_SIGNATURE:
        return None
    match = _OWN_LINE.fullmatch(text)
    if match is None:
        return None
    name, tail = match.groups()
    if not _could_sign(name):
        return None
    if not before or _CLOSES.search(before) or _BOILERPLATE.match(before):
        # "Bundestag." ends a wrapped sentence; "DANILOVICH." and a name under the website
        # notice ("LeBaron.") are signatures.
        closing_dot = "." in tail and _LOWER.search(name)
        return None if closing_dot and not (before and _NOTICE.search(before)) else name
    # The line before runs on: only a name in capitals set apart from prose, or under
    # another name (drafter, signer), is a signature; capitals prose may wrap onto a line.
    if _LOWER.search(name) or "." in tail:
        return None
    if _LOWER.search(before) or not _LETTER.search(before):
        return name
    above = _OWN_LINE.fullmatch(before.strip())
    return name if above is not None and _could_sign(above.group(1)) else None


def _same_line_name(line: str) -> tuple[str | None, int]:
    match = _SAME_LINE.search(line, max(0, len(line) - 80))
    if match is None:
        return None, 0
    if match.group("end") is None and len(line) < 20:
        return None, 0  # "Mr. Smith", "Jr. Jones": too short to tell a sentence was closed
    name = match.group("name")
    # Without "END COMMENT" only a name after mixed-case prose stands apart: in capitals, or
    # one word not in capitals with no full stop ("... in Cairo. Scobey"; "... he said.
    # Agreed." is a sentence).
    if match.group("end") is None:
        after = line[match.end("name") :]
        one_word = " " not in name and "\t" not in name
        if not _LOWER.search(line[: match.start("name")]) or (
            _LOWER.search(name) and (not one_word or "." in after)
        ):
            return None, 0
    return (name, match.start("name")) if _could_sign(name) else (None, 0)


_BLANKS = lazy_compile(r"[ \t]+")


def _could_sign(name: str) -> bool:
    words = [w.upper() for w in _BLANKS.split(name) if w]
    return not any(w in _not_signer_words() or set(w) == {"X"} for w in words)


@cache
def _not_signer_words() -> frozenset[str]:
    text = read_data("not_signer_words.txt")
    words = (line.split("#", 1)[0].strip().upper() for line in text.splitlines())
    return frozenset(w for w in words if w)
