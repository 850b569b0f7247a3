"""Formats -> text: cables.csv rows, HTML release pages, telegram files, and the importer.
Writes the corpus (import, remove); the reading of files runs in a child process.
May import store's root modules, store.parse and store.corpus (schema, rowids): never tui/."""
