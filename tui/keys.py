"""Every key of the browser, by the part of it that holds them: what the help screen lists and
the names the config's ``[keys]`` table may remap.

Given the app's class rather than importing it, so the help screen (which reads this through
the app) and the app import no one in a circle.
"""

from __future__ import annotations


def key_sections(app_class: type) -> list[tuple[str, type]]:
    """Each part of the app that has keys, titled, in the order the help lists them."""
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.filters import FilterScreen
    from tui.screens.help import HelpScreen
    from tui.screens.history import HistoryScreen
    from tui.screens.main import MainScreen
    from tui.screens.related import RelatedScreen
    from tui.screens.thread import ThreadScreen
    from tui.screens.timeline import TimelineScreen
    from tui.screens.world import MapScreen
    from tui.widgets.reader import CableView
    from tui.widgets.search_bar import SearchBar
    from tui.widgets.sidebar import Sidebar

    return [
        ("Everywhere", app_class),
        ("Main screen", MainScreen),
        ("Sidebar (the listing)", Sidebar),
        ("Reader (the open cable)", CableView),
        ("Help", HelpScreen),
        ("Filter screen", FilterScreen),
        ("Search line (/)", SearchBar),
        ("Bookmarks (B)", BookmarksScreen),
        ("Search history (H)", HistoryScreen),
        ("Thread (t)", ThreadScreen),
        ("Timeline (T)", TimelineScreen),
        ("Map (M)", MapScreen),
        ("Related (R)", RelatedScreen),
    ]


def binding_ids(app_class: type) -> list[str]:
    """Every binding id of the app, in help-screen order (the config's ``[keys]`` names)."""
    from tui.screens.help import collect_bindings

    sections = key_sections(app_class)
    return [binding.id for _, _, binding in collect_bindings(sections) if binding.id]
