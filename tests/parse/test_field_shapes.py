"""TAGS, REF, Classified By and signer lines in the shapes other copies of the cables have.

Every cable here is invented; each imitates a shape seen in real cables (issue 21).
"""

from __future__ import annotations

import pytest

from store.parse import parse_text
from store.parse.tags import split_tags

PARA = "\n\n1. (C) The minister met the ambassador on Sunday and asked for more time.\n"


def _head(lines: str) -> str:
    return f"CONFIDENTIAL\n\nSIPDIS\n\n{lines}{PARA}"


# ------------------------------------------------------------------------- TAGS


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        # Subject tags of several words: the table's, and plain words typed among the codes.
        ("PGOV KZ OPERATION IRAQI FREEDOM", ("PGOV", "KZ", "OPERATION IRAQI FREEDOM")),
        ("PHUM HUMAN RIGHTS KZ", ("PHUM", "HUMAN RIGHTS", "KZ")),
        ("KZ ISRAELI PALESTINIAN AFFAIRS GAZA DISENGAGEMENT",
         ("KZ", "ISRAELI PALESTINIAN AFFAIRS", "GAZA DISENGAGEMENT")),
        ("ECON PM ECONOMY AND FINANCE", ("ECON", "PM", "ECONOMY AND FINANCE")),
        ("MARR IT REGIONAL SECURITY", ("MARR", "IT", "REGIONAL SECURITY")),
        # Short unknown words stay apart: codes the table lacks.
        ("PREL KPAK PGGV", ("PREL", "KPAK", "PGGV")),
        # A person tag keeps its initial's full stop.
        ("OVIP (HALVERSON, MARTIN K.), PREL", ("OVIP", "HALVERSON, MARTIN K.", "PREL")),
        ("ovip (halverson, martin k.), prel, kz", ("OVIP", "HALVERSON, MARTIN K.", "PREL", "KZ")),
        # Codes run together, however many.
        ("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG",
         ("KFRD", "KIRF", "CVIS", "CMGT", "KOCI", "ASEC", "PHUM", "SMIG", "EG")),
        ("PGOV PHUMBA", ("PGOV", "PHUM", "BA")),
        # A four-letter word is an unknown code, not two countries.
        ("KSAF TBIO", ("KSAF", "TBIO")),
    ],
)
def test_tag_values(value: str, tags: tuple[str, ...]) -> None:
    assert tuple(split_tags(value)) == tags


def test_a_long_run_of_plain_words_is_not_one_tag():
    tags = split_tags("PREL NOVAKOVIC GUILLERMO RAMIREZ PEDRO JIMENEZ")
    assert all(len(tag.split()) <= 4 for tag in tags)


@pytest.mark.parametrize(
    "lines",
    [
        "E.O. 12958: DECL: 08/22/2017 AGS: PGOV, PREL, KZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\nTAS: PGOV, PREL, KZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\nTABS: PGOV PREL KZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\ntAgs: pgov, prel, kz\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\ntags PGOV PREL KZ\nSUBJECT: A VISIT",
        "E.o. 12958: decl: 08/22/2017 Tags: pgov, prel, kz Subject: a visit",
        "E.O. 12958: DECL: 08/22/2017\nTAGS: PGOV PREL\nKZ\nSUBJECT: A VISIT",
        "E.O. 12958: DECL: 08/22/2017\nTAGS: PGOV, PREL,\nkz\nSUBJECT: A VISIT",
    ],
)
def test_tags_labels_as_typed(lines: str) -> None:
    cable = parse_text(_head(lines))
    assert cable.tags == ("PGOV", "PREL", "KZ")
    assert cable.subject and cable.subject.lower() == "a visit"


def test_tas_and_tabs_alone_in_a_sentence_are_no_label():
    cable = parse_text(_head("SUBJECT: A VISIT") + "\nTABS were kept on the delegation.\n")
    assert cable.tags == ()
