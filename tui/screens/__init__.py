"""The browser's screens: the main one (listing and reader) and the dialogs it pushes (help,
filters, bookmarks, history, thread, timeline, notes); each holds its own keys.
May import Textual, store/, tui.output, tui.state and tui.widgets: never tui.app."""
