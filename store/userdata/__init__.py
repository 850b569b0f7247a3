"""The user's own files: bookmarks, search history, config, where they live, safe writes.
TinyDB and TOML files in the XDG directories, safe with several sessions at once.
May import store's root modules: never the corpus, the parser or tui/."""
