"""Cables for the related-cables tests: one about a desalination tender, a near duplicate,
a cousin from another post, one sharing only common words, one citing the first, and filler
so that common words are common and rare ones rare (every one invented)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cable_factory import build_corpus, telegram, write_telegrams

FILLER = "The embassy said that the government will have a meeting with the minister on this."


def _cable(serial, subject, words, refs=(), when=datetime(2006, 3, 1), station="TESTPOST"):
    return telegram(
        station=station, serial=serial, when=when, subject=subject, refs=list(refs),
        paragraphs=[("(C)", f"{words} {FILLER}"), ("(C)", f"{FILLER} {words}")],
    )  # fmt: skip


def related_corpus(tmp_path: Path) -> Path:
    desal = "Desalination plant tender Aqaba brackish aquifer pipeline concession"
    texts = {
        "seed": _cable(1, "TESTLAND: DESALINATION TENDER IN AQABA", desal),
        "twin": _cable(
            2, "TESTLAND: AQABA DESALINATION TENDER UPDATE", desal + " bids",
            when=datetime(2006, 3, 9),
        ),
        "cousin": _cable(
            3, "TESTLAND: WATER POLICY", "Brackish aquifer pipeline review",
            when=datetime(2008, 7, 1), station="OTHERPOST",
        ),
        "common": _cable(4, "TESTLAND: A MEETING", "The minister said the meeting was good"),
        "citer": _cable(5, "TESTLAND: FOLLOW UP", "Elections and ballots", refs=["06 TESTPOST 1"]),
    }
    # Filler cables so that common words are common and rare ones rare.
    for n in range(6, 40):
        texts[f"f{n}"] = _cable(n, f"TESTLAND: ROUTINE {n}", f"Routine visa statistics {n}")
    return build_corpus(tmp_path / "r.sqlite", write_telegrams(tmp_path / "in", texts))
