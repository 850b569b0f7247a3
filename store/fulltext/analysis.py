"""The index's fields and how text becomes terms, for documents and queries alike.

Words are cut as FTS5's ``unicode61`` cut them (runs of letters and digits), lower-cased,
folded to ASCII (``café`` is ``cafe``) and stemmed (``negotiations`` is ``negoti``), so a
query finds what ``porter unicode61 remove_diacritics 2`` found. The stemmer is Snowball's
English (Porter's second version): a few stems differ from FTS5's, the same on both sides.
"""

from __future__ import annotations

import functools

import tantivy

TOKENIZER = "cables"
# Fields: ``subject`` and ``body`` as FTS5 had them (the body is the text the reader shows,
# and a second value holds the header fields the reader shows: tags, classifier); ``shown``
# is stored only: how to cut the shown text out of the stored body, for snippets.
ROWID = "rowid"
SUBJECT = "subject"
BODY = "body"
SHOWN = "shown"
# The one document that is no cable: it carries the corpus generation the index matches, so
# that the generation is committed in the same commit as the documents.
META = "meta"
GENERATION = "generation"
CORPUS = "corpus"
TEXT_FIELDS = (SUBJECT, BODY)
# Ranking: a word in the subject weighs more than one in the body (as bm25(4.0, 1.0) did).
SUBJECT_BOOST = 4.0
# Longer "words" (bytes) are base64 or rulers, not language: left out of the index.
LONGEST_WORD = 64


@functools.cache
def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field(ROWID, indexed=True, fast=True)
    builder.add_text_field(SUBJECT, tokenizer_name=TOKENIZER)
    builder.add_text_field(BODY, tokenizer_name=TOKENIZER)
    builder.add_bytes_field(SHOWN, stored=True)
    builder.add_integer_field(META, indexed=True)
    builder.add_integer_field(GENERATION, stored=True)
    builder.add_text_field(CORPUS, stored=True, tokenizer_name="raw")
    return builder.build()


@functools.cache
def analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_WORD + 1))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(TOKENIZER, analyzer())
    return index


@functools.lru_cache(maxsize=1024)
def terms(text: str) -> tuple[str, ...]:
    """The terms the index holds for ``text`` (a query word or phrase)."""
    return tuple(analyzer().analyze(text))
