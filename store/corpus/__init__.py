"""The corpus file: its schema, listings, one cable, full-text search, threads, timelines.
Reads what ingest/ wrote; re-parses a stored cable through parse/ when it is opened.
May import store's root modules, store.parse and store.people.table (the people table is part
of the schema): never ingest/, query/, userdata/ or tui/."""
