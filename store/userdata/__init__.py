"""The user's own files: bookmarks, history, config, where they live, safe writes and names.
TinyDB and TOML files in the XDG directories, safe with several sessions at once.
May import store's root modules: never the corpus, the parser or tui/."""
