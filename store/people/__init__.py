"""The people the cables name in structured places: an index kept in the corpus.

``names``: one spelling per person; ``extract``: who a cable names; ``table``: the stored
rows; ``index``: who is in the corpus (or in a listing), and their cables.
May import store's root modules, store.parse and store.glossary; ``index`` also store.corpus
(``table``, ``names`` and ``extract`` are what store.corpus, store.query and the importer
use, so they never import those): never ingest/, query/, userdata/ or tui/.
"""
