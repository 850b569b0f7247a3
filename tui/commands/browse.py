"""``cables`` with no command: the browser (``--corpus FILE``, ``--search QUERY``)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from store.sanitize import clean
from store.userdata.config import Config
from tui.commands.common import CommandError, open_corpus


def run(args: argparse.Namespace, *, open_id: str | None = None) -> int:
    """Open the browser; a bad query, config or corpus fails here, before the screen clears."""
    from store.userdata.config import load_config

    config = load_config()
    config.check("corpus", "sidebar_width", "mouse")
    config = app_settings(config)
    for warning in config.warnings:  # shown again in the app; this line outlives the screen
        print(f"cables: {clean(warning)}", file=sys.stderr)
    search = getattr(args, "search", None)
    if search is not None:
        from store.query.compile import QueryError, compile_query

        try:
            compile_query(search)
        except QueryError as error:
            raise CommandError(f"bad query: {error}") from None
    corpus = open_corpus(args, search=True)
    try:
        if open_id is not None:
            from tui.commands.cable_id import resolve_cable_id

            open_id = resolve_cable_id(corpus, open_id)
        from tui.app import CablesApp

        app = CablesApp(
            corpus, config=config, open_id=open_id, search=search,
            shell_allowed=not getattr(args, "served", False),
        )  # fmt: skip
        app.run(mouse=config.mouse)
    finally:
        corpus.close()
    return app.return_code or 0


def app_settings(config: Config) -> Config:
    """The config with what only the app can check (theme names, binding ids) checked: an
    unknown one is left at its default, with a warning of one line naming the file."""
    from store.userdata import paths

    where = paths.config_file()
    warnings = list(config.warnings)
    if "keys" in config.problems:
        warnings.append(f"{config.problems['keys']}; using the default keys")
    theme = config.theme
    if theme:
        from textual.theme import BUILTIN_THEMES

        if theme not in BUILTIN_THEMES:
            warnings.append(
                f"{where}: theme: no theme {theme!r}, using the default "
                f"(one of: {', '.join(sorted(BUILTIN_THEMES))})"
            )
            theme = None
    keys = {}
    if config.keys:
        from tui.app import CablesApp
        from tui.keys import binding_ids

        known = set(binding_ids(CablesApp))
        for binding_id, wanted in config.keys.items():
            if binding_id not in known:
                warnings.append(
                    f"{where}: [keys] {binding_id!r}: no binding has that id, ignored "
                    "(the help screen, ?, lists them)"
                )
            elif any(not key.strip() or len(key.split()) > 1 for key in wanted.split(",")):
                warnings.append(
                    f"{where}: [keys] {binding_id!r}: {wanted!r} is not a comma-separated "
                    'list of keys (such as "Q" or "ctrl+q,f10"), ignored'
                )
            else:
                keys[binding_id] = wanted
    return replace(config, theme=theme, keys=keys, warnings=tuple(warnings))
