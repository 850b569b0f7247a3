"""Who a cable names in its structured places: personal-name TAGS, the Classified By line
and the signature. Free text is left alone: a name there may be anyone's."""

from __future__ import annotations

from collections.abc import Iterable

from store.model import Cable
from store.people.names import normalise

# Roles, as stored.
TAG, CLASSIFIER, SIGNER = "tag", "classifier", "signer"
ROLES = (TAG, CLASSIFIER, SIGNER)


def people_of(cable: Cable) -> tuple[tuple[str, str], ...]:
    """(person, role) pairs of a parsed cable, each once."""
    return _pairs(cable.tags, cable.classified_by, cable.signer)


def people_of_text(body: str, tags: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The same from a stored body and its tags, without a full parse: for a corpus made
    before people were kept (the Classified By line and the signature are looked for the
    way the parser does, in the body alone)."""
    from store.parse.classified_by import find_classified_by, split_classified_by
    from store.parse.signer import split_signer

    lines = body.split("\n")
    classifier = split_classified_by(find_classified_by(lines[:120])).name
    _, signer = split_signer(lines)
    return _pairs(tags, classifier, signer)


def _pairs(
    tags: Iterable[str], classifier: str | None, signer: str | None
) -> tuple[tuple[str, str], ...]:
    from store.glossary import is_person

    found: dict[tuple[str, str], None] = {}
    for tag in tags:
        if is_person(tag.upper()):
            person = normalise(tag, surname_first=True)
            if person:
                found[(person, TAG)] = None
    for name, role in ((classifier, CLASSIFIER), (signer, SIGNER)):
        person = normalise(name)
        if person:
            found[(person, role)] = None
    return tuple(found)
