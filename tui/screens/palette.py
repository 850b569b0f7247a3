"""The command palette's cable finder: type an ID or the start of one, jump to the cable.

The lookup is ``Corpus.find_prefix``, an index range scan in a thread worker, never a fuzzy
match over 250,000 IDs. Hits show ID, date and subject as ``Content`` (not markup: the
palette would parse ``[bold]`` in a subject), and ``help`` stays free of cable text because
the palette reads it as markup.
"""

from __future__ import annotations

from textual.command import Hit, Hits, Provider
from textual.content import Content

from store.model import Summary
from tui.widgets.sidebar_rows import flat

MAX_HITS = 20
# How many characters of a query must be there before asking the corpus (a 1-letter prefix
# would list thousands of IDs and tell the user nothing).
MIN_PREFIX = 2


class CableProvider(Provider):
    """Cables whose reference ID starts with what was typed."""

    async def search(self, query: str) -> Hits:
        prefix = "".join(query.split()).upper()
        if len(prefix) < MIN_PREFIX:
            return
        app = self.app
        corpus = getattr(app, "corpus", None)
        if corpus is None:
            return
        worker = app.run_worker(
            lambda: corpus.find_prefix(prefix, MAX_HITS),
            thread=True,
            group="palette",
            exit_on_error=False,
        )
        try:
            found: list[Summary] = await worker.wait()
        except Exception:
            return
        for summary in found:
            exact = summary.id == prefix
            yield Hit(
                1.0 if exact else 0.9 - 0.001 * len(summary.id),
                hit_display(summary),
                _opener(app, summary),
                text=summary.id,
                help="open this cable",
            )


def hit_display(summary: Summary) -> Content:
    day = summary.created.strftime("%Y-%m-%d") if summary.created else "no date"
    return Content.assemble(
        (flat(summary.id), "bold"),
        "  ",
        (day, "dim"),
        "  ",
        flat(summary.subject or "")[:80],
    )


def _opener(app, summary: Summary):
    def open_it() -> None:
        app.jump_to_summary(summary)

    return open_it
