"""The search language: what the user types, compiled to a safe FTS5 MATCH plus Filters.

User text never reaches FTS5 as syntax. Every word or phrase becomes a double-quoted FTS5
string, and the only bare syntax in the output is what this module writes itself (AND, OR,
NOT, parentheses, a ``*`` after a closing quote). So ``U.S.``, ``O'Brien``, ``C-130`` or a
stray ``"`` can at worst match nothing; they can never make sqlite raise.

The language:

- ``nato riga``: both words (implicit AND; a bare uppercase ``AND`` is allowed too).
- ``"transport aircraft"``: a phrase; an unclosed quote runs to the end of the query.
- ``negot*``, ``"embassy ank"*``: prefixes.
- ``-riga``, ``NOT riga``: exclusion. FTS5 has no "everything except", so a query (or an OR
  alternative) made only of exclusions is an error.
- ``riga OR visa``: uppercase OR only; lowercase ``or`` is a word. AND binds tighter.
- ``( )``: grouping, up to ``MAX_NESTING`` deep; a ``(`` inside a word, as in ``f(x)``, is
  part of the word.
- Field filters ``tag: origin: class: para: from: to: id:`` (field names in any case) become
  a ``Filters`` and apply to the whole query wherever they stand. Any other ``word:`` is
  words. ``para:secret`` asks for a paragraph marked SECRET, whatever the cable's banner.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

from store.filters import Filters
from store.model import Level
from store.sanitize import clean

# FTS5's parser stack overflows ("parser stack overflow") at about 17 nested groups of mixed
# operators. A user group becomes up to three levels of parentheses in the output; 10 user
# levels of every mix were checked against FTS5 (tests/test_query.py keeps checking).
MAX_NESTING = 10
# A pasted paragraph is a fair query; thousands of words would make every search load that
# many doclists over the whole corpus.
MAX_WORDS = 200


class QueryError(ValueError):
    """One-line reason suitable to show the user (str(e))."""


@dataclass(frozen=True)
class CompiledQuery:
    """A query ready for the corpus.

    ``match``: an FTS5 MATCH expression to pass as a bound parameter; None when the query is
    only filters. ``terms``: what to highlight in the reader, in query order, without the
    excluded ones: words as typed (``O'Brien``), phrases without their quotes
    (``transport aircraft``), prefixes with their trailing ``*`` (``negot*``).
    """

    match: str | None
    filters: Filters
    terms: tuple[str, ...]


def compile_query(text: str) -> CompiledQuery:
    """Compile user search text; raise QueryError with a one-line reason on a bad query."""
    text = _UNPRINTABLE.sub(" ", text)
    if not text.strip():
        raise QueryError("empty query: type words to search for")
    parser = _Parser(_lex(text))
    node = parser.parse()
    filters = parser.filters.build()
    if node is None:
        if filters.is_empty():
            dropped = parser.first_dropped
            reason = f": {_show(dropped)} has no letters or digits" if dropped else ""
            raise QueryError("nothing to search for" + reason)
        return CompiledQuery(None, filters, ())
    return CompiledQuery(_emit(node), filters, tuple(dict.fromkeys(parser.terms)))


# --- Lexing -------------------------------------------------------------------------------

# Control characters (a NUL ends the FTS5 query string early: "unterminated string"), lone
# surrogates (sqlite cannot encode them) and line separators (error messages stay one line).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")

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
class _Token:
    kind: str  # WORD PHRASE FILTER LPAREN RPAREN OR AND NOT NEG EOF
    raw: str  # as typed, for error messages
    text: str = ""  # WORD/PHRASE: the text to quote; FILTER: the value
    prefix: bool = False
    name: str = ""  # FILTER: the field name, lower case
    column: str = ""  # WORD/PHRASE: the one FTS5 column to search ("subject"), or all


_ATOMS = {"WORD", "PHRASE", "FILTER", "LPAREN"}
_TERM_STARTS = _ATOMS | {"NOT", "NEG"}


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    after_negation = False
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        if char in "()":
            tokens.append(_Token("LPAREN" if char == "(" else "RPAREN", char))
            i += 1
        elif char == '"':
            i = _lex_phrase(text, i, tokens)
        elif char == "-" and i + 1 < n and _starts_negated_term(text[i + 1]):
            tokens.append(_Token("NEG", "-"))
            i += 1
            after_negation = True
            continue
        else:
            i = _lex_word(text, i, tokens, operator_allowed=not after_negation)
        after_negation = False
    tokens.append(_Token("EOF", ""))
    return tokens


def _starts_negated_term(char: str) -> bool:
    # "- word" and "--" are not exclusions: a lone dash is punctuation, and "---" a ruler.
    return not char.isspace() and char not in "-)"


def _lex_phrase(text: str, start: int, tokens: list[_Token]) -> int:
    end = text.find('"', start + 1)
    if end < 0:
        end = len(text)  # an unclosed quote runs to the end of the query
    inner = text[start + 1 : end]
    i = end + 1
    stars = _count_stars(text, i)
    raw = text[start:i] + "*" * stars
    tokens.append(_Token("PHRASE", raw, " ".join(inner.split()), prefix=stars > 0))
    return i + stars


def _lex_word(text: str, start: int, tokens: list[_Token], *, operator_allowed: bool) -> int:
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
        tokens.append(_Token(word, word))
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
        tokens.append(_Token("FILTER", raw, value.strip(), name=name))
        return i
    body = word.rstrip("*")
    tokens.append(_Token("WORD", word, body, prefix=len(body) < len(word)))
    return i


def _lex_column(
    text: str, start: int, end: int, name: str, value: str, tokens: list[_Token]
) -> int:
    """``subject:word``, ``subject:pre*`` or ``subject:"a phrase"``: a term of one column."""
    if not value and end < len(text) and text[end] == '"':
        after = _lex_phrase(text, end, tokens)
        phrase = tokens.pop()
        tokens.append(replace(phrase, raw=text[start:after], column=name))
        return after
    if not value.strip("*"):
        raise QueryError(f"{_show(text[start:end])} needs a word, e.g. subject:nato")
    body = value.rstrip("*")
    tokens.append(
        _Token("WORD", text[start:end], body, prefix=len(body) < len(value), column=name)
    )
    return end


def _count_stars(text: str, i: int) -> int:
    start = i
    while i < len(text) and text[i] == "*":
        i += 1
    return i - start


@functools.lru_cache(maxsize=4096)
def _is_token_char(char: str) -> bool:
    # What FTS5's unicode61 tokenizer keeps by default (categories L*, N*, Co); everything
    # else separates tokens. Its Unicode tables are older than Python's, so a few recent
    # characters are misjudged; that only makes an empty phrase, which FTS5 ignores safely.
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def _count_words(text: str) -> int:
    words, inside = 0, False
    for char in text:
        token = _is_token_char(char)
        if token and not inside:
            words += 1
        inside = token
    return words


# --- Parsing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    text: str
    prefix: bool
    column: str = ""


@dataclass(frozen=True)
class _Any:
    branches: tuple[_Node, ...]


@dataclass(frozen=True)
class _All:
    """Every ``include`` and none of ``exclude``."""

    include: tuple[_Node, ...]
    exclude: tuple[_Node, ...]
    first_exclusion: str  # as typed, for the "only exclusions" message


_Node = _Term | _Any | _All


@dataclass
class _Group:
    """What parsing one AND-group or OR-expression found."""

    node: _Node | None  # None: nothing searchable (empty, or every term dropped)
    consumed: bool  # False when no token at all stood there (``a OR``)
    first_filter: str | None  # raw text of a filter inside, if any


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0
        self.filters = _FilterBuilder()
        self.terms: list[str] = []
        self.words = 0
        self.first_dropped: str | None = None

    def peek(self) -> _Token:
        return self.tokens[self.position]

    def take(self) -> _Token:
        token = self.tokens[self.position]
        if token.kind != "EOF":
            self.position += 1
        return token

    def parse(self) -> _Node | None:
        group = self.any_of(depth=0, excluded=False)
        if self.peek().kind == "RPAREN":
            raise QueryError("unbalanced parentheses: ')' has no matching '('")
        node = group.node
        if isinstance(node, _All) and not node.include:
            raise _only_exclusions(node)
        return node

    def any_of(self, depth: int, *, excluded: bool) -> _Group:
        groups = [self.all_of(depth, excluded=excluded)]
        while self.peek().kind == "OR":
            self.take()
            groups.append(self.all_of(depth, excluded=excluded))
        first_filter = next((g.first_filter for g in groups if g.first_filter), None)
        consumed = any(g.consumed for g in groups)
        if len(groups) > 1:
            for group in groups:
                if not group.consumed:
                    raise QueryError("OR needs a search term on each side")
                if group.node is None and group.first_filter:
                    raise QueryError(
                        f"a field filter cannot be one side of OR: {_show(group.first_filter)}"
                        " (filters always apply to the whole query)"
                    )
        nodes = [g.node for g in groups if g.node is not None]
        if len(nodes) <= 1:
            return _Group(nodes[0] if nodes else None, consumed, first_filter)
        for node in nodes:
            if isinstance(node, _All) and not node.include:
                raise _only_exclusions(node, " as one side of OR")
        return _Group(_Any(tuple(nodes)), consumed, first_filter)

    def all_of(self, depth: int, *, excluded: bool) -> _Group:
        include: list[_Node] = []
        exclude: list[_Node] = []
        first_exclusion = ""
        consumed = False
        first_filter: str | None = None
        while self.peek().kind not in ("EOF", "RPAREN", "OR"):
            if self.peek().kind == "AND":
                self.take()
                if not consumed or self.peek().kind not in _TERM_STARTS:
                    raise QueryError("AND needs a search term on each side")
                continue
            negation = self.take() if self.peek().kind in ("NOT", "NEG") else None
            if negation is not None and self.peek().kind not in _ATOMS:
                raise QueryError(f"{_show(negation.raw)} must be followed by a search term")
            consumed = True
            atom = self.take()
            atom_excluded = excluded or negation is not None
            if atom.kind == "FILTER":
                if atom_excluded:
                    raise QueryError(
                        f"a field filter cannot be excluded: {_show(atom.raw)}"
                        " (filters always narrow the search)"
                    )
                self.filters.add(atom)
                first_filter = first_filter or atom.raw
                continue
            if atom.kind == "LPAREN":
                node, inner_filter = self.parenthesized(depth + 1, excluded=atom_excluded)
                first_filter = first_filter or inner_filter
            else:
                node = self.term(atom, excluded=atom_excluded)
            if node is None:
                continue
            if negation is not None:
                exclude.append(node)
                first_exclusion = first_exclusion or _describe_exclusion(negation, atom)
            elif isinstance(node, _All):
                # (a -b) inside an AND is just more of the same AND
                include.extend(node.include)
                exclude.extend(node.exclude)
                first_exclusion = first_exclusion or node.first_exclusion
            else:
                include.append(node)
        if not include and not exclude:
            return _Group(None, consumed, first_filter)
        if len(include) == 1 and not exclude:
            return _Group(include[0], consumed, first_filter)
        return _Group(_All(tuple(include), tuple(exclude), first_exclusion), consumed, first_filter)

    def parenthesized(self, depth: int, *, excluded: bool) -> tuple[_Node | None, str | None]:
        if depth > MAX_NESTING:
            raise QueryError(f"too many nested parentheses (at most {MAX_NESTING})")
        group = self.any_of(depth, excluded=excluded)
        if self.take().kind != "RPAREN":
            raise QueryError("unbalanced parentheses: '(' has no matching ')'")
        return group.node, group.first_filter

    def term(self, token: _Token, *, excluded: bool) -> _Term | None:
        words = _count_words(token.text)
        if not words:
            self.first_dropped = self.first_dropped or token.raw
            return None
        self.words += words
        if self.words > MAX_WORDS:
            raise QueryError(f"too many words in the query (at most {MAX_WORDS})")
        if not excluded:
            self.terms.append(token.text + ("*" if token.prefix else ""))
        return _Term(token.text, token.prefix, token.column)


def _describe_exclusion(negation: _Token, atom: _Token) -> str:
    if atom.kind == "LPAREN":
        return f"{negation.raw}(...)" if negation.kind == "NEG" else f"{negation.raw} (...)"
    return negation.raw + ("" if negation.kind == "NEG" else " ") + atom.raw


def _only_exclusions(node: _All, where: str = "") -> QueryError:
    return QueryError(
        f"only exclusions{where} ({_show(node.first_exclusion)}): add a word to search for"
    )


# --- Emitting FTS5 ------------------------------------------------------------------------


def _emit(node: _Node) -> str:
    if isinstance(node, _Term):
        quoted = '"' + node.text.replace('"', '""') + '"'
        quoted = quoted + "*" if node.prefix else quoted
        return f"{node.column} : {quoted}" if node.column else quoted
    if isinstance(node, _Any):
        return " OR ".join(_operand(branch) for branch in node.branches)
    if not node.include:
        raise _only_exclusions(node)
    included = " AND ".join(_operand(part) for part in node.include)
    if not node.exclude:
        return included
    if len(node.include) > 1:
        included = f"({included})"
    return included + "".join(f" NOT {_operand(part)}" for part in node.exclude)


def _operand(node: _Node) -> str:
    text = _emit(node)
    return text if isinstance(node, _Term) else f"({text})"


# --- Field filters ------------------------------------------------------------------------

_LEVEL_WORDS = {
    "U": Level.UNCLASSIFIED,
    "UNCLAS": Level.UNCLASSIFIED,
    "UNCLASSIFIED": Level.UNCLASSIFIED,
    "C": Level.CONFIDENTIAL,
    "CONF": Level.CONFIDENTIAL,
    "CONFIDENTIAL": Level.CONFIDENTIAL,
    "S": Level.SECRET,
    "SECRET": Level.SECRET,
    "TS": Level.TOP_SECRET,
    "TOPSECRET": Level.TOP_SECRET,
}
_CAVEAT_WORDS = {"NF": "NOFORN", "NOFORN": "NOFORN", "FOUO": "FOUO", "SBU": "FOUO"}
_CLASS_HELP = "use u, c, s, ts, noforn or fouo (commas for several)"
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass
class _FilterBuilder:
    levels: set[Level] = field(default_factory=set)
    caveats: set[str] = field(default_factory=set)
    origins: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    date_from: tuple[date, str] | None = None  # the date and the filter as typed
    date_to: tuple[date, str] | None = None
    id_prefix: tuple[str, str] | None = None
    para_levels: set[Level] = field(default_factory=set)

    def add(self, token: _Token) -> None:
        value = token.text
        if not value:
            raise QueryError(f"{_show(token.raw)} needs a value, e.g. {_EXAMPLES[token.name]}")
        getattr(self, "_add_" + token.name)(value, token.raw)

    def _add_tag(self, value: str, raw: str) -> None:
        if "," in value:
            raise QueryError(f"one tag per tag: (tag:PGOV tag:PREL), not {_show(raw)}")
        tag = "".join(value.split()).upper()
        if tag not in self.tags:
            self.tags.append(tag)

    def _add_origin(self, value: str, raw: str) -> None:
        origin = " ".join(value.split())
        if origin.lower() not in (o.lower() for o in self.origins):
            self.origins.append(origin)

    def _add_class(self, value: str, raw: str) -> None:
        parts = [p for p in re.split(r"[,/]", value) if p.strip()]
        if not parts:
            raise QueryError(f"{_show(raw)} needs a value: {_CLASS_HELP}")
        for part in parts:
            word = "".join(part.split()).upper().replace("_", "").replace("-", "")
            if word in _LEVEL_WORDS:
                self.levels.add(_LEVEL_WORDS[word])
            elif word in _CAVEAT_WORDS:
                self.caveats.add(_CAVEAT_WORDS[word])
            else:
                raise QueryError(
                    f"unknown classification {_show(part.strip())} in {_show(raw)}: {_CLASS_HELP}"
                )

    def _add_para(self, value: str, raw: str) -> None:
        for part in (p for p in re.split(r"[,/]", value) if p.strip()):
            word = "".join(part.split()).upper().replace("_", "").replace("-", "")
            if word not in _LEVEL_WORDS:
                raise QueryError(
                    f"unknown level {_show(part.strip())} in {_show(raw)}: use u, c, s or ts"
                )
            self.para_levels.add(_LEVEL_WORDS[word])

    def _add_from(self, value: str, raw: str) -> None:
        day = _parse_date(value, raw, end_of_period=False)
        if self.date_from is None or day > self.date_from[0]:
            self.date_from = (day, raw)

    def _add_to(self, value: str, raw: str) -> None:
        day = _parse_date(value, raw, end_of_period=True)
        if self.date_to is None or day < self.date_to[0]:
            self.date_to = (day, raw)

    def _add_id(self, value: str, raw: str) -> None:
        prefix = "".join(value.split()).upper().rstrip("*")
        if not prefix:
            raise QueryError(f"{_show(raw)} needs a value, e.g. {_EXAMPLES['id']}")
        if self.id_prefix is not None and self.id_prefix[0] != prefix:
            raise QueryError(
                f"only one id: filter per query: {_show(self.id_prefix[1])} and {_show(raw)}"
            )
        self.id_prefix = (prefix, raw)

    def build(self) -> Filters:
        if self.date_from and self.date_to and self.date_from[0] > self.date_to[0]:
            raise QueryError(
                f"{_show(self.date_from[1])} is after {_show(self.date_to[1])}: nothing can match"
            )
        return Filters(
            levels=frozenset(self.levels),
            caveats=frozenset(self.caveats),
            origins=tuple(self.origins),
            tags=tuple(self.tags),
            date_from=self.date_from[0] if self.date_from else None,
            date_to=self.date_to[0] if self.date_to else None,
            id_prefix=self.id_prefix[0] if self.id_prefix else None,
            para_levels=frozenset(self.para_levels),
        )


_EXAMPLES = {
    "tag": "tag:PGOV",
    "origin": 'origin:almaty or origin:"embassy ankara"',
    "class": "class:secret or class:c,s",
    "from": "from:2005-06",
    "to": "to:2006",
    "id": "id:06ALMATY",
    "para": "para:secret",
}


def _parse_date(value: str, raw: str, *, end_of_period: bool) -> date:
    """``2006``, ``2006-02``, ``2006-02-15``; at the end of a range, the last day it covers."""
    found = _DATE.fullmatch(value)
    if not found:
        raise QueryError(f"bad date in {_show(raw)}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 12, 31) if end_of_period else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1
            return date(year, month, last if end_of_period else 1)
        return date(year, month, day)
    except ValueError as error:
        raise QueryError(f"bad date in {_show(raw)}: {error}") from None


# --- Messages -----------------------------------------------------------------------------


def _show(raw: str, limit: int = 40) -> str:
    """A piece of the query for a message: visible controls, bounded length, quoted."""
    text = clean(raw)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
