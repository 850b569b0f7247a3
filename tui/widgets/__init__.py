"""The browser's widgets: the sidebar listing, the reader, the search line, labels, footer.
Each holds its own keys and says what happened with messages; the app sets what they show.
May import Textual, tui.output and tui.state: never tui.app, tui.controllers or tui.screens."""
