"""``cables`` with no command: the browser (``--corpus FILE``, ``--search QUERY``)."""

from __future__ import annotations

import argparse

from tui.commands.common import CommandError, open_corpus


def run(args: argparse.Namespace, *, open_id: str | None = None) -> int:
    """Open the browser; a bad query, config or corpus fails here, before the screen clears."""
    from store.config import load_config

    config = load_config()
    search = getattr(args, "search", None)
    if search is not None:
        from store.query import QueryError, compile_query

        try:
            compile_query(search)
        except QueryError as error:
            raise CommandError(f"bad query: {error}") from None
    corpus = open_corpus(args)
    try:
        if open_id is not None and corpus.summary(open_id) is None:
            found = corpus.find_prefix(open_id, 2)
            if len(found) != 1:
                raise CommandError(f"{open_id}: no such cable in {corpus.path}")
            open_id = found[0].id
        from tui.app import CablesApp

        app = CablesApp(corpus, config=config, open_id=open_id, search=search)
        app.run(mouse=config.mouse)
    finally:
        corpus.close()
    return app.return_code or 0
