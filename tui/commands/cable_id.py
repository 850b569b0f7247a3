"""From what the user typed to one cable ID: exact, alias, then unique prefix.

``cables show`` and ``cables open`` (and ``remove``, which takes exact IDs and aliases only)
share this, so an ID that one accepts the others accept too. No Textual here.
"""

from __future__ import annotations

from store.corpus.corpus import Corpus
from tui.commands.common import CommandError, not_found

# How many candidates an ambiguous prefix lists before "and more".
SHOWN_CANDIDATES = 8


def resolve_cable_id(corpus: Corpus, typed: str, *, prefix: bool = True) -> str:
    """The ID of the one cable ``typed`` names; CommandError (exit 1) naming the candidates
    when it names none or several."""
    from store.parse.refids import canonical_id

    plain = "".join(typed.split()).upper()
    if not plain:
        raise CommandError("no cable ID given (e.g. 06ALMATY79; see `cables search`)")
    wanted = canonical_id(typed) or plain
    # As written first (a page kept under its own garbled ID), then canonical, then an alias.
    stored = corpus.resolve(plain)
    if stored is not None:
        return stored
    if prefix:
        found = [s.id for s in corpus.find_prefix(plain, limit=SHOWN_CANDIDATES + 1)]
        if len(found) == 1:
            return found[0]
        if found:
            raise CommandError(_ambiguous(plain, found, "matches"), code=1)
    raise CommandError(not_found(corpus, wanted), code=1)


def _ambiguous(typed: str, candidates: list[str], verb: str) -> str:
    shown = ", ".join(candidates[:SHOWN_CANDIDATES])
    more = ", and more" if len(candidates) > SHOWN_CANDIDATES else ""
    return f"{typed} {verb} several cables: {shown}{more} (type more of the ID)"
