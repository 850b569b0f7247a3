"""The search language's lexer: user text cut into tokens (words, phrases, field filters,
operators, parentheses), and the count of words the index will see in a term.

Kept apart from the parser so that what a token is (and which ``word:`` is a filter, which a
column, which a typo) is decided in one place.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from store.query.errors import QueryError, show

_FIELD = re.compile(r"(tag|origin|class|para|from|to|id):(.*)", re.IGNORECASE | re.DOTALL)
# subject:word searches the subject lines only (an FTS5 column filter), not the metadata.
_COLUMN = re.compile(r"(subject):(.*)", re.IGNORECASE | re.DOTALL)
# Field names people type for the ones there are: a one-line hint, not a text search for
# "tags:PGOV" that finds nothing.
_FIELD_TYPOS = {
    "tags": "tag:", "origins": "origin:", "classification": "class:", "level": "class:",
    "since": "from:", "after": "from:", "until": "to:", "before": "to:",
    "year": "from: and to:", "date": "from: and to:", "subj": "subject:",
}  # fmt: skip
_TYPO = re.compile(r"([A-Za-z]+):\S")
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True)
class Token:
    kind: str  # WORD PHRASE FILTER LPAREN RPAREN OR AND NOT NEG EOF
    raw: str  # as typed, for error messages
    text: str = ""  # WORD/PHRASE: the text to quote; FILTER: the value
    prefix: bool = False
    name: str = ""  # FILTER: the field name, lower case
    column: str = ""  # WORD/PHRASE: the one FTS5 column to search ("subject"), or all


ATOMS = {"WORD", "PHRASE", "FILTER", "LPAREN"}
TERM_STARTS = ATOMS | {"NOT", "NEG"}


def lex(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    after_negation = False
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        if char in "()":
            tokens.append(Token("LPAREN" if char == "(" else "RPAREN", char))
            i += 1
        elif char == '"':
            i = _lex_phrase(text, i, tokens)
        elif char == "-" and i + 1 < n and _starts_negated_term(text[i + 1]):
            tokens.append(Token("NEG", "-"))
            i += 1
            after_negation = True
            continue
        else:
            i = _lex_word(text, i, tokens, operator_allowed=not after_negation)
        after_negation = False
    tokens.append(Token("EOF", ""))
    return tokens


def _starts_negated_term(char: str) -> bool:
    # "- word" and "--" are not exclusions: a lone dash is punctuation, and "---" a ruler.
    return not char.isspace() and char not in "-)"


def _lex_phrase(text: str, start: int, tokens: list[Token]) -> int:
    end = text.find('"', start + 1)
    if end < 0:
        end = len(text)  # an unclosed quote runs to the end of the query
    inner = text[start + 1 : end]
    i = end + 1
    stars = _count_stars(text, i)
    raw = text[start:i] + "*" * stars
    tokens.append(Token("PHRASE", raw, " ".join(inner.split()), prefix=stars > 0))
    return i + stars


def _lex_word(text: str, start: int, tokens: list[Token], *, operator_allowed: bool) -> int:
    i, n = start, len(text)
    inner_parens = 0  # "f(x)": parentheses opened inside a word belong to it
    while i < n:
        char = text[i]
        if char.isspace() or char == '"':
            break
        if char == "(":
            inner_parens += 1
        elif char == ")":
            if not inner_parens:
                break
            inner_parens -= 1
        i += 1
    word = text[start:i]
    if inner_parens and word[:5].upper() == "NEAR(":
        # FTS5's own NEAR(a b) would otherwise be read as the word "NEAR(a" and a stray ")".
        raise QueryError('NEAR(...) is not supported: search for both words, or a "phrase"')
    if operator_allowed and word in _OPERATORS:
        tokens.append(Token(word, word))
        return i
    column = _COLUMN.fullmatch(word)
    if column:
        return _lex_column(text, start, i, column.group(1).lower(), column.group(2), tokens)
    typo = _TYPO.match(word)
    if typo and typo.group(1).lower() in _FIELD_TYPOS:
        name = typo.group(1)
        raise QueryError(f"no filter {name}: here; did you mean {_FIELD_TYPOS[name.lower()]}?")
    field_match = _FIELD.fullmatch(word)
    if field_match:
        name, value = field_match.group(1).lower(), field_match.group(2)
        raw = word
        if not value and i < n and text[i] == '"':
            # origin:"embassy ankara": the value is the quoted text
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            value = text[i + 1 : end]
            raw = text[start : end + 1]
            i = end + 1
        tokens.append(Token("FILTER", raw, value.strip(), name=name))
        return i
    body = word.rstrip("*")
    tokens.append(Token("WORD", word, body, prefix=len(body) < len(word)))
    return i


def _lex_column(text: str, start: int, end: int, name: str, value: str, tokens: list[Token]) -> int:
    """``subject:word``, ``subject:pre*`` or ``subject:"a phrase"``: a term of one column."""
    if not value and end < len(text) and text[end] == '"':
        after = _lex_phrase(text, end, tokens)
        phrase = tokens.pop()
        tokens.append(replace(phrase, raw=text[start:after], column=name))
        return after
    if not value.strip("*"):
        raise QueryError(f"{show(text[start:end])} needs a word, e.g. subject:nato")
    body = value.rstrip("*")
    tokens.append(Token("WORD", text[start:end], body, prefix=len(body) < len(value), column=name))
    return end


def _count_stars(text: str, i: int) -> int:
    start = i
    while i < len(text) and text[i] == "*":
        i += 1
    return i - start


@functools.lru_cache(maxsize=4096)
def _is_token_char(char: str) -> bool:
    # What the index's tokenizer keeps (letters and digits, store.fulltext.analysis);
    # everything else separates words. Its Unicode tables are not Python's, so a few recent
    # characters are misjudged; that only makes a term of no words, which matches nothing.
    category = unicodedata.category(char)
    return category[0] in "LN"


def count_words(text: str) -> int:
    words, inside = 0, False
    for char in text:
        token = _is_token_char(char)
        if token and not inside:
            words += 1
        inside = token
    return words
