"""The search language: what the user types, lexed, parsed and compiled to FTS5 and Filters.
Pure functions over strings: no SQLite, no files.
May import store's root modules and store.corpus.filters (the Filters it compiles to)."""
