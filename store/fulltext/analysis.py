"""The index's fields and how text becomes terms, for documents and queries alike.

Words are cut as FTS5's ``unicode61`` cut them (runs of letters and digits), lower-cased,
folded to ASCII (``café`` is ``cafe``) and stemmed (``negotiations`` is ``negoti``), so a
query finds what ``porter unicode61 remove_diacritics 2`` found. The stemmer is Snowball's
English (Porter's second version): a few stems differ from FTS5's, the same on both sides.

That chain is tantivy's, but it runs once per distinct word, not once per word: ``analysed``
cuts the text into words here and looks each up in a table of the terms tantivy gave it
before; the index's own tokenizer then only splits the result at blanks. Stemming every
word of a cable (1,100 on average) was half the index's cost of a cable (0.17 of 0.32 ms).
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
    """Tantivy's chain from text to terms (see ``analysed`` for where it runs)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(LONGEST_WORD + 1))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def register(index: tantivy.Index) -> tantivy.Index:
    """The index's tokenizer: documents hold ``analysed`` text, terms between blanks."""
    index.register_tokenizer(
        TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
    )
    return index


# ASCII letters and digits are [A-Za-z0-9] to Rust as to Python, and any other ASCII
# character or blank cuts words for both. A piece holding other characters goes whole to
# tantivy, which cuts it further by Rust's idea of a letter; only ASCII is lower-cased
# here (Rust and Python lower-case some letters differently, Greek's final sigma).
_SPLIT_ASCII = str.maketrans({code: " " for code in range(128) if not chr(code).isalnum()})
# Distinct words remembered, then forgotten all at once: a real corpus has millions (serial
# numbers, garbled lines), each costing ~150 bytes here (15 MB when full).
_WORDS_KEPT = 100_000


class _TermsOfWord(dict):
    """word -> its terms joined by blanks ("" for a word of over LONGEST_WORD bytes, which
    has none); a word not seen yet is given to tantivy's chain as it is looked up (most
    cables have a few: serial numbers, dates)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _WORDS_KEPT:
            self.clear()
        terms = self[word] = " ".join(analyzer().analyze(word))
        return terms


_terms_of_word = _TermsOfWord()


def analysed(text: str) -> str:
    """``text``'s terms (what tantivy's chain makes of it), separated by blanks: the form
    a document's text is given to the index in."""
    if text.isascii():
        text = text.lower()
    return " ".join(map(_terms_of_word.__getitem__, text.translate(_SPLIT_ASCII).split()))


@functools.lru_cache(maxsize=1024)
def terms(text: str) -> tuple[str, ...]:
    """The terms the index holds for ``text`` (a query word or phrase)."""
    return tuple(analysed(text).split())
