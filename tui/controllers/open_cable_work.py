"""Work on the cable the reader shows, off the UI thread: the shared start of ``|``, ``w``,
``Y`` and ``c``."""

from __future__ import annotations

from collections.abc import Callable

from tui.messages import Notice


def with_open_cable(
    app, fetch: Callable, use: Callable, group: str, gone: str, severity: str = "information"
) -> None:
    """Call ``use(fetch(corpus, shown))`` in a background worker. A bell when no cable is
    open; the notice "ID ``gone``" when ``fetch`` finds the cable no longer there."""
    shown = app.shown
    if shown is None:
        app.bell()
        return
    corpus = app.corpus

    def work() -> None:
        value = fetch(corpus, shown)
        if value is None:
            app.post_message(Notice(f"{shown.id} {gone}", severity))
            return
        use(value)

    app.background(work, group)
