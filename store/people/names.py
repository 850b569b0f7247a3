"""One spelling per person: names from tags, Classified By lines and signatures normalised.

TAGS writes a name surname first (``CLINTON, HILLARY R``); a Classified By line writes it in
reading order (``Miriam K. Oduya``, ``DAVID T. ARKWRIGHT JR.``); a signature is often the
surname alone (``RICE``). All become ``SURNAME, GIVEN`` in capitals, without middle initials,
``JR``/``SR``/``II``-``IV`` or punctuation, so that the three meet: ``ODUYA, MIRIAM``,
``ARKWRIGHT, DAVID``, ``RICE``. A first name given only as an initial keeps it
(``J. Smith`` -> ``SMITH, J``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_SUFFIXES = {"JR", "SR", "II", "III", "IV"}
_PARTICLES = {"VAN", "VON", "DE", "DA", "DEL", "DELLA", "DER", "DEN", "DI", "DU", "LA", "LE",
              "AL", "EL", "BIN", "DOS", "DAS", "Y", "ST"}  # fmt: skip
_WORD = re.compile(r"[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\-]*")
_MAX_WORDS = 6


# Remembered: an import normalises every cable's signer and classifier, and the same few
# thousand ambassadors and officers sign most of a corpus.
@lru_cache(maxsize=4096)
def normalise(name: str | None, *, surname_first: bool = False) -> str | None:
    """The canonical form of a name, or None when nothing in it can be a name.

    ``surname_first``: the name is written ``SURNAME, GIVEN`` (TAGS); otherwise a comma
    still marks that order (``Blake, Robert``) and without one the last word (with the
    particles before it) is the surname.
    """
    if not name or any(ch.isdigit() for ch in name):
        return None
    name = name.upper().replace("’", "'")
    head, comma, rest = name.partition(",")
    if comma and all(w in _SUFFIXES for w in _words(rest)):
        name = head  # "Charles W. Larson, Jr.": the comma only sets off the suffix
    if "," in name:
        surname_part, _, given_part = name.partition(",")
        surname, given = _words(surname_part), _words(given_part)
    elif surname_first:
        surname, given = _words(name), []
    else:
        words = [w for w in _words(name) if w not in _SUFFIXES]
        if not words:
            return None
        cut = len(words) - 1
        while cut > 0 and words[cut - 1] in _PARTICLES:
            cut -= 1
        surname, given = words[cut:], words[:cut]
    surname = [w for w in surname if w not in _SUFFIXES]
    given = [w for w in given if w not in _SUFFIXES]
    if not any(len(w) > 1 for w in surname) or len(surname) + len(given) > _MAX_WORDS:
        return None
    full = [w for w in given if len(w) > 1]
    given = full or given[:1]
    return " ".join(surname) + (", " + " ".join(given) if given else "")


def _words(text: str) -> list[str]:
    """Name words in capitals; initials lose their full stop, other punctuation goes, and a
    word said twice in a row (``CRETZ  CRETZ``, a signature typed twice) counts once."""
    words: list[str] = []
    for word in (w.strip("'-") for w in _WORD.findall(text)):
        if word and (not words or words[-1] != word):
            words.append(word)
    return words


def reading_order(person: str) -> str:
    """``CLINTON, HILLARY`` -> ``Hillary Clinton``; ``RICE`` -> ``Rice``."""
    surname, _, given = person.partition(",")
    return " ".join(part.strip().title() for part in (given, surname) if part.strip())
