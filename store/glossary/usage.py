"""How often each TAGS code is used in a corpus, with what the glossary says of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from store.corpus.corpus import Corpus
from store.glossary import Entry, describe, matching


@dataclass(frozen=True)
class TagUse:
    entry: Entry
    count: int


def tag_counts(corpus: Corpus) -> dict[str, int]:
    """Cables per tag in the whole corpus."""
    rows = corpus.connection().execute("SELECT tag, count(*) FROM tags GROUP BY tag")
    return dict(rows.fetchall())


def tag_uses(
    corpus: Corpus, words: Sequence[str] = (), *, everything: bool = False
) -> list[TagUse]:
    """The codes the corpus uses (or, with ``everything``, the whole glossary too), or those
    the words name: a code as written, or every other word in its meaning. Most used first."""
    counts = tag_counts(corpus)
    if any(w.strip() for w in words):
        chosen = matching(words, counts)
    else:
        from store.glossary import entries

        codes = set(counts) | (set(entries()) if everything else set())
        chosen = [describe(code) for code in codes]
    uses = [TagUse(entry, counts.get(entry.code, 0)) for entry in chosen]
    uses.sort(key=lambda use: (-use.count, use.entry.code))
    return uses
