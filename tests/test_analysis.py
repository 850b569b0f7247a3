"""Documents' text is cut and stemmed in Python, a word's terms made once by tantivy's chain
and remembered: the terms must be exactly those the chain makes of the whole text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.fulltext import analysis
from store.fulltext.analysis import LONGEST_WORD, analysed, analyzer, terms


def chain(text: str) -> list[str]:
    return analyzer().analyze(text)


@pytest.mark.parametrize(
    "text",
    [
        "The NEGOTIATIONS continued; negotiators met on 12/03/2009 (C) re: 09STATE1234.",
        "snake_case words_with_underscores and hy-phen-ated ones, o'Brien's and 1990s",
        "tabs\there\nnewlines\r\nand   runs   of blanks",
        "x" * (LONGEST_WORD + 1) + " kept " + "y" * LONGEST_WORD,
        "",
        "...!!!---",
        "Café in Łódź: São Paulo’s “quoted” naïve résumé — straße",
        "ＦＵＬＬ width and ﬁ ligature, Ⅻ roman, ①②",
        "ΟΔΟΣ Σίσυφος, İstanbul, ǅemal, Straße ΣΑΣ",
    ],
)
def test_the_terms_are_the_chains_own(text: str) -> None:
    assert analysed(text).split() == chain(text)
    assert list(terms(text)) == chain(text)


ascii_text = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=300)
any_text = st.text(max_size=200)


@settings(max_examples=300)
@given(st.one_of(ascii_text, any_text))
def test_any_text_gives_the_chains_terms(text: str) -> None:
    assert analysed(text).split() == chain(text)


def test_words_are_forgotten_past_the_limit_and_still_right(monkeypatch) -> None:
    monkeypatch.setattr(analysis, "_WORDS_KEPT", 10)
    monkeypatch.setattr(analysis, "_terms_of_word", analysis._TermsOfWord())
    text = " ".join(f"word{n}s governments" for n in range(40))
    for _ in range(2):
        assert analysed(text).split() == chain(text)
        assert 0 < len(analysis._terms_of_word) <= 10
    assert analysed("governments").split() == ["govern"]
