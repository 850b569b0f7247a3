"""The browser's work behind the keys: loading listings, opening cables, search, bookmarks,
saving and the story; each runs the corpus in thread workers and posts messages back.
May import store/, tui.state, tui.output, tui.messages, widgets and screens: never tui.app."""
