"""Invented cables for tests: telegram text in the real layout, written by us.

Nothing here is a real cable. ``telegram()`` writes one complete telegram; ``build_corpus()``
imports a list of them into a corpus file.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

_BANNERS = {
    "UNCLASSIFIED": "UNCLAS",
    "SENSITIVE": "UNCLAS SENSITIVE",
    "CONFIDENTIAL": "C O N F I D E N T I A L",
    "SECRET": "S E C R E T",
    "TOP SECRET": "T O P S E C R E T",
}
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def telegram(
    station: str = "TESTPOST",
    serial: int = 1,
    when: datetime = datetime(2006, 1, 12, 5, 8),
    level: str = "CONFIDENTIAL",
    subject: str = "TESTLAND: AN INVENTED CABLE FOR TESTS",
    paragraphs: list[tuple[str, str]] | None = None,
    refs: list[str] | None = None,
    tags: str = "PGOV PREL XX",
    captions: str = "SIPDIS",
    signer: str = "DOE",
    classified_by: str = "Invented Officer",
) -> str:
    """One invented telegram. ``paragraphs`` are (portion mark, text) pairs."""
    paragraphs = paragraphs or [
        ("(C)", "Summary: An invented summary sentence. End Summary."),
        ("(U)", "An invented second paragraph about nothing in particular."),
    ]
    dtg = f"{when:%d%H%M}Z {_MONTHS[when.month - 1]} {when:%y}"
    lines = [
        "VZCZCXYZ0001",
        "RR RUEHWEB",
        "",
        f"DE RUEHXX #{serial:04d} {when.timetuple().tm_yday:03d}{when:%H%M}",
        "ZNY CCCCC ZZH",
        f"R {dtg}",
        f"FM AMEMBASSY {station}",
        "TO RUEHC/SECSTATE WASHDC PRIORITY 0001",
        "INFO RUEHXX/AMEMBASSY OTHERPOST 0002",
        "BT",
        f"{_BANNERS[level]} {station} {serial:06d}",
        "",
        captions,
        "",
        "E.O. 12958: DECL: 01/12/2016",
        f"TAGS: {tags}",
        f"SUBJECT: {subject}",
        "",
    ]
    if refs:
        lines += ["REF: " + " ".join(f"{chr(65 + i)}. {r}" for i, r in enumerate(refs)), ""]
    lines += [f"Classified By: {classified_by} for reasons 1.4 (b) and (d)", ""]
    for number, (mark, text) in enumerate(paragraphs, 1):
        lines += [f"{number}. {mark} {text}", ""]
    lines += [signer, "", "NNNN"]
    return "\n".join(lines) + "\n"


def write_telegrams(directory: Path, texts: dict[str, str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (directory / f"{name}.txt").write_text(text, encoding="utf-8")
    return directory


def build_corpus(path: Path, directory: Path) -> Path:
    from store.ingest.importer import import_paths

    report = import_paths(path, [directory], parse_workers=0)
    assert not report.skipped, report.skipped
    return path
