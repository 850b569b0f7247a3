"""IDs the data gives that are not cable IDs: what a cable is kept under instead.

A cable ID names files (``w`` proposes ``<ID>.txt``) and is typed in shells, so only ASCII
letters and digits may be one. An ID the catalogue gives that no repair makes a cable ID
(``../../X``, ``a/b``, ``$(touch x)``, an ID with quotes, controls or non-ASCII) is not
trusted: when neither the banner nor the file name gives a real ID, the cable is kept under
an ID derived from the given one, the same for the same input, and the import says so.
"""

from __future__ import annotations

import re

from store.parse.lazy_pattern import lazy_compile

# Letters and digits only, as every shape a real ID has (06ALMATY79, ALMATY2558, and the
# garbled catalogue IDs like 08SECTION01GF02BISHIEK21).
_PLAIN = lazy_compile(r"[A-Z0-9]{1,64}", re.ASCII)
_NOT_PLAIN = lazy_compile(r"[^A-Z0-9]+", re.ASCII)
# Marks a derived ID; the digest tells two given IDs with the same letters apart.
DERIVED_PREFIX = "BADID"
# Words of the warning the parser gives; the importer finds it by them for its summary.
NOT_AN_ID = "is not a cable ID"


def is_plain_id(text: str) -> bool:
    return _PLAIN.fullmatch(text) is not None


def safe_id(given: str) -> str:
    """``given`` itself when it is letters and digits, else ``BADID`` + 8 hex digits of its
    digest + its first 24 letters and digits: ``../../X`` -> ``BADID4C1DB8E8X``."""
    kept = "".join(given.split()).upper()
    if is_plain_id(kept):
        return kept
    import hashlib  # only for the rare bad ID: it costs every start-up 2 ms

    digest = hashlib.sha256(given.encode("utf-8", "surrogatepass")).hexdigest()[:8].upper()
    return f"{DERIVED_PREFIX}{digest}{_NOT_PLAIN.sub('', kept)[:24]}"


def not_an_id(given: str, kept: str) -> str:
    """The warning for a given ID that is not a cable ID and what the cable is kept under."""
    where = f"kept as {kept}" if kept else "no other ID found"
    return f"reference ID {given[:60]!r} {NOT_AN_ID}: {where}"
