"""Work on the cable a key acts on, off the UI thread: the shared start of ``|``, ``w``, ``Y``,
``c`` and ``m``."""

from __future__ import annotations

from collections.abc import Callable

from tui.messages import Notice
from tui.state.browser import Target


def known(corpus, target: Target) -> Target | None:
    """``target`` with its ID (a listing row whose summary has not come yet has none):
    read by rowid, in a worker. None when the corpus no longer holds it."""
    if target.id is not None:
        return target
    found = corpus.summaries([target.rowid])
    return Target(target.rowid, found[0].id) if found else None


def with_cable(
    app,
    target: Target | None,
    fetch: Callable,
    use: Callable,
    group: str,
    gone: str,
    severity: str = "information",
) -> None:
    """Call ``use(fetch(corpus, target))`` in a background worker. A bell when there is no
    cable to act on; the notice "ID ``gone``" when ``fetch`` finds the cable no longer there."""
    if target is None:
        app.bell()
        return
    corpus = app.corpus

    def work() -> None:
        found = known(corpus, target)
        value = None if found is None else fetch(corpus, found)
        if value is None:
            app.post_message(Notice(f"{(found or target).id or 'the cable'} {gone}", severity))
            return
        use(value)

    app.background(work, group)


def with_id(app, target: Target | None, again: Callable[[Target | None], None]) -> Target | None:
    """``target`` when its ID is known. Else None: a bell when there is no cable, or, for a
    listing row whose summary has not come yet, its ID is read in a worker and ``again``
    (the action) runs once more with it."""
    if target is None:
        app.bell()
    elif target.id is None:
        corpus = app.corpus
        app.background(lambda: app.call_from_thread(again, known(corpus, target)), "cable-id")
        return None
    return target
