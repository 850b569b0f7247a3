"""Full-text search in tantivy, beside the SQLite corpus that keeps everything else.

SQLite keeps the catalogue, texts, references and counts; the index (a directory named after
the corpus file, ``corpus.sqlite.fulltext``) keeps the words of the text the reader shows, so
that ranking any word takes milliseconds (FTS5 computed bm25 for every hit). The modules:

- ``analysis``: fields and how text becomes terms; ``shown``: the indexed text of a cable;
- ``expression``: the search expression of ``store.query.compile`` as a tantivy query;
- ``index``: the directory, read (also read-only) and written; ``ledger``: the generation
  bookkeeping in SQLite; ``sync``: catching the index up, rebuilding it;
- ``hits``: searches with the catalogue's filters, for ``Corpus`` and timelines.

Nothing here is imported at start-up: tantivy loads with the first search.
"""
