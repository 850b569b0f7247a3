"""``cables`` with no command: the browser (``--corpus FILE``, ``--search QUERY``)."""

from __future__ import annotations

import argparse

from tui.commands.common import CommandError, not_found, open_corpus


def run(args: argparse.Namespace, *, open_id: str | None = None) -> int:
    """Open the browser; a bad query, config or corpus fails here, before the screen clears."""
    from store.config import load_config

    config = load_config()
    _check_app_settings(config)
    search = getattr(args, "search", None)
    if search is not None:
        from store.query import QueryError, compile_query

        try:
            compile_query(search)
        except QueryError as error:
            raise CommandError(f"bad query: {error}") from None
    corpus = open_corpus(args)
    try:
        if open_id is not None and corpus.resolve(open_id) is not None:
            open_id = corpus.resolve(open_id)  # an alias or a padded ID opens its cable
        elif open_id is not None:
            found = corpus.find_prefix(open_id, 2)
            if len(found) != 1:
                raise CommandError(not_found(corpus, open_id), code=1)
            open_id = found[0].id
        from tui.app import CablesApp

        app = CablesApp(corpus, config=config, open_id=open_id, search=search)
        app.run(mouse=config.mouse)
    finally:
        corpus.close()
    return app.return_code or 0


def _check_app_settings(config) -> None:
    """The settings only the app can check (theme names, binding ids), checked before the
    screen clears, so that a typo is one line naming the file, not a toast that scrolls by."""
    if not config.theme and not config.keys:
        return
    from store import paths

    where = paths.config_file()
    if config.theme:
        from textual.theme import BUILTIN_THEMES

        if config.theme not in BUILTIN_THEMES:
            raise CommandError(
                f"{where}: theme: no theme {config.theme!r} "
                f"(one of: {', '.join(sorted(BUILTIN_THEMES))})"
            )
    if config.keys:
        from tui.app import binding_ids

        known = set(binding_ids())
        for binding_id, keys in config.keys.items():
            if binding_id not in known:
                raise CommandError(
                    f"{where}: [keys] {binding_id!r}: no binding has that id "
                    "(the help screen, ?, lists them)"
                )
            if any(not key.strip() or len(key.split()) > 1 for key in keys.split(",")):
                raise CommandError(
                    f"{where}: [keys] {binding_id!r}: {keys!r} is not a comma-separated "
                    'list of keys (such as "Q" or "ctrl+q,f10")'
                )
