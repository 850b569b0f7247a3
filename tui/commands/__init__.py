"""The command line, one module per `cables` command (tui.cli parses and dispatches).
The one-shot commands print and exit: they never import Textual; browse, open and serve do.
May import store/ and tui.output; only the browser's commands import tui.app."""
