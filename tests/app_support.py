"""Corpora and helpers for the browser's tests (every cable here is invented).

- ``story_corpus``: a few cables that cite each other (for REF following, back/forward).
- ``generated_corpus``: thousands of cables in a second or two: one invented telegram is
  parsed once and varied (ID, date, level, subject), then written in one transaction.
- ``hostile_corpus``: cables whose fields carry markup and raw escape sequences, written
  straight into SQLite so that even the import-time cleaning is bypassed.
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from cable_factory import build_corpus, telegram, write_telegrams
from fulltext_support import reindex

from store.corpus import schema
from store.corpus.corpus import Corpus
from store.corpus.rowids import base_rowid
from store.model import Level, Marking
from store.parse import parse_text

STATION = "TESTPOST"


def story_texts() -> dict[str, str]:
    """Four invented cables: 06TESTPOST3 cites 1 and 2 (and one missing cable), 4 cites 3."""
    return {
        "first": telegram(serial=1, when=datetime(2006, 1, 10, 9, 0), level="UNCLASSIFIED",
                          subject="TESTLAND: FIRST INVENTED REPORT ON NATO VISITS",
                          paragraphs=[("(U)", "NATO officials visited the invented port."),
                                      ("(U)", "A second paragraph mentions NATO again.")]),
        "second": telegram(serial=2, when=datetime(2006, 1, 11, 9, 0), level="SECRET",
                           subject="TESTLAND: SECOND INVENTED REPORT",
                           paragraphs=[("(S)", "A secret invented paragraph."),
                                       ("(C)", "A confidential invented paragraph.")]),
        "third": telegram(serial=3, when=datetime(2006, 1, 12, 9, 0), level="CONFIDENTIAL",
                          subject="TESTLAND: THIRD REPORT CITES THE OTHERS",
                          refs=["06 TESTPOST 1", "06 TESTPOST 2", "05 NOWHERE 999"],
                          paragraphs=[("(C)", "Summary: NATO visits continue. End Summary."),
                                      ("(C)", "Per ref A, the port was visited. NATO again.")]),
        "fourth": telegram(serial=4, when=datetime(2006, 1, 13, 9, 0), level="UNCLASSIFIED",
                           subject="TESTLAND: FOURTH REPORT",
                           refs=["06 TESTPOST 3"],
                           paragraphs=[("(U)", "An unclassified follow-up paragraph.")]),
    }  # fmt: skip


def story_corpus(tmp_path: Path) -> Path:
    directory = write_telegrams(tmp_path / "story", story_texts())
    return build_corpus(tmp_path / "story.sqlite", directory)


LEVEL_CYCLE = [
    Marking(Level.UNCLASSIFIED, (), "UNCLASSIFIED"),
    Marking(Level.CONFIDENTIAL, (), "CONFIDENTIAL"),
    Marking(Level.UNCLASSIFIED, ("FOUO",), "UNCLASSIFIED//FOR OFFICIAL USE ONLY"),
    Marking(Level.SECRET, (), "SECRET"),
    Marking(Level.CONFIDENTIAL, ("NOFORN",), "CONFIDENTIAL//NOFORN"),
    Marking(Level.SECRET, ("NOFORN",), "SECRET//NOFORN"),
]


def generated_corpus(path: Path, count: int) -> Path:
    """``count`` invented cables, one every 6 hours backwards from 2010, IDs ``<YY>GENPOST<n>``.

    One telegram is parsed once; each variant changes its subject line in the stored text and
    its metadata, and goes in with plain SQL in one transaction (20,000 take about a second),
    so the test does not wait for the parser.
    """
    template = parse_text(
        telegram(station="GENPOST", subject="GENLAND: TEMPLATE"), source="generated"
    )
    conn = schema.connect(path, readonly=False)
    start = datetime(2010, 2, 1, 12, 0)
    rows, texts = [], []
    for n in range(count):
        created = start - timedelta(hours=6 * n)
        cable_id = f"{created:%y}GENPOST{n + 1}"
        subject = f"GENLAND: GENERATED REPORT NUMBER {n + 1}"
        marking = LEVEL_CYCLE[n % len(LEVEL_CYCLE)]
        rowid = base_rowid(created, cable_id)
        rows.append((
            rowid, cable_id, created.isoformat(sep=" "), 0, "Embassy Genpost",
            int(marking.level), ",".join(marking.caveats), marking.full, 0, subject, "generated",
        ))  # fmt: skip
        texts.append(
            (rowid, subject, template.header, template.body.replace("GENLAND: TEMPLATE", subject))
        )
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO cables(rowid, id, created, hour_only, origin, level, caveats, "
            "classification, partial, subject, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO texts(rowid, subject, header, body) VALUES (?, ?, ?, ?)", texts
        )
        conn.execute(
            "INSERT INTO origins(origin, count) SELECT origin, count(*) FROM cables GROUP BY origin"
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    reindex(path)  # the full-text index from the texts
    return path


HOSTILE_SUBJECTS = [
    "[bold red]SECRET[/]",
    "REF: [/]",
    "[@click=app.quit]click me[/]",
    "title \x1b]0;pwned-title\x07 end",
    "clipboard \x1b]52;c;cHduZWQ=\x07 end",
    "color \x1b[31mRED\x1b[0m and csi \x9b31m end",
    "bidi \u202eevil\u202c end [link=https://example.invalid]x[/link]",
]


def hostile_corpus(path: Path) -> Path:
    """A corpus whose rows hold markup and raw control sequences, as if made by a careless
    tool: inserted with SQL, not through the cleaning importer."""
    texts = {
        f"h{i}": telegram(serial=100 + i, when=datetime(2007, 3, 1 + i, 10, 0),
                          subject=f"HOSTILE NUMBER {i}")
        for i in range(len(HOSTILE_SUBJECTS))
    }  # fmt: skip
    directory = write_telegrams(path.parent / "hostile_txt", texts)
    build_corpus(path, directory)
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT rowid FROM cables ORDER BY rowid").fetchall()
        for (rowid,), subject in zip(rows, HOSTILE_SUBJECTS, strict=True):
            body = (
                f"1. (C) Body with {subject} inside, and REF: [/] too.\n\n"
                "2. (U) Second paragraph \x1b[2J\x1b[H cleared? [bold]no[/bold].\n"
            )
            conn.execute(
                "UPDATE cables SET subject = ?, origin = ? WHERE rowid = ?",
                (subject, "[red]Embassy[/red] \x1b]0;x\x07", rowid),
            )
            conn.execute(
                "UPDATE texts SET subject = ?, body = ? WHERE rowid = ?", (subject, body, rowid)
            )
        conn.commit()
    finally:
        conn.close()
    reindex(path)  # the full-text index from the new texts
    return path


def open_corpus(path: Path) -> Corpus:
    return Corpus(path, readonly=True)


def samples_corpus(tmp_path: Path, samples_dir: Path) -> Path:
    from store.ingest.importer import import_paths

    path = tmp_path / "samples.sqlite"
    import_paths(path, [samples_dir], parse_workers=0)
    return path


def every_marking_corpus(tmp_path: Path, fixtures_dir: Path) -> Path:
    directory = tmp_path / "marks"
    directory.mkdir()
    text = (fixtures_dir / "app_every_marking.txt").read_text(encoding="utf-8")
    (directory / "every_marking.txt").write_text(text, encoding="utf-8")
    return build_corpus(tmp_path / "marks.sqlite", directory)


def make_app(path: Path, **options):
    from tui.app import CablesApp

    app = CablesApp(open_corpus(path), **options)
    # Short delays keep the suite fast; the logic (a timer, then a worker) is the same.
    app.preview_delay = 0.01
    app.search_delay = 0.01
    return app


async def listing_focused(app, pilot) -> None:
    """Wait for the first screen, then put the focus on the listing."""
    await settle(pilot)
    app.sidebar.focus()
    await settle(pilot)


async def settle(pilot, delay: float = 0.03) -> None:
    """Let timers fire (preview, search as you type), workers finish and their messages land."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(3):
        await pilot.pause(delay)
        for _attempt in range(50):
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                # An exclusive worker replaced by a newer one (a search typed on, counts
                # of a filter field typed on): the newer one is what the next wait waits
                # for. On a loaded machine several can be replaced in a row.
                await pilot.pause(delay)
    await pilot.pause()


def screen_text(app) -> str:
    """What the terminal shows, as plain text (one line per row)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def sidebar_lines(app) -> list[str]:
    sidebar = app.sidebar
    height = sidebar.scrollable_content_region.height
    return [sidebar.render_line(y).text for y in range(height)]


def reader_text(app) -> str:
    """Every wrapped line of the open cable (not only the visible ones)."""
    view = app.reader
    if view.wrapped is None:
        return view.notice.plain
    return "\n".join(line.text.plain for line in view.wrapped.lines)


def pilot_test(test):
    """Run an async test with asyncio.run (the suite has no async pytest plugin)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


async def wait_until(pilot, condition, timeout: float = 10.0) -> bool:
    """Pause until ``condition()`` holds (workers and timers get to run); False on timeout.

    For results that take a worker and a message or two (a query recorded in the history),
    where a fixed number of pauses would be flaky on a busy machine.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            return False
        await pilot.pause(0.02)
    return True


async def open_first(pilot) -> None:
    """Enter on the listing's first cable, and wait until the reader has laid out the whole
    of it (not a long cable's first part, "lines 1-22/…": the same screen every run)."""
    await settle(pilot)
    await burst(pilot, "enter")
    reader = pilot.app.reader
    assert await wait_until(pilot, lambda: reader.wrapped is not None and not reader.partial)
    await settle(pilot)


async def burst(pilot, *keys: str) -> None:
    """Send ``keys`` as one burst, as a paste or an SSH link delivers them: every key is in
    the app's queue before the first is handled (``pilot.press`` waits between keys)."""
    from textual import events
    from textual.keys import _character_to_key

    app = pilot.app
    for key in keys:
        char = key if len(key) == 1 else {"space": " "}.get(key)
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await settle(pilot)
