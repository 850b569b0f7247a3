"""The search language's parser: tokens to a tree of terms, AND-groups and OR-alternatives.

It enforces the language's rules (OR and AND need a term on each side, exclusions need
something to exclude from, nesting and word limits) and hands the field filters to a
``FilterBuilder``; writing the tree out as FTS5 is ``store.query.compile``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.query.errors import QueryError, show
from store.query.filters import FilterBuilder
from store.query.lexer import ATOMS, TERM_STARTS, Token, count_words

# FTS5's parser stack overflows ("parser stack overflow") at about 17 nested groups of mixed
# operators. A user group becomes up to three levels of parentheses in the output; 10 user
# levels of every mix were checked against FTS5 (tests/test_query.py keeps checking).
MAX_NESTING = 10
# A pasted paragraph is a fair query; thousands of words would make every search load that
# many doclists over the whole corpus.
MAX_WORDS = 200


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool
    column: str = ""


@dataclass(frozen=True)
class AnyOf:
    branches: tuple[Node, ...]


@dataclass(frozen=True)
class AllOf:
    """Every ``include`` and none of ``exclude``."""

    include: tuple[Node, ...]
    exclude: tuple[Node, ...]
    first_exclusion: str  # as typed, for the "only exclusions" message


Node = Term | AnyOf | AllOf


@dataclass
class _Group:
    """What parsing one AND-group or OR-expression found."""

    node: Node | None  # None: nothing searchable (empty, or every term dropped)
    consumed: bool  # False when no token at all stood there (``a OR``)
    first_filter: str | None  # raw text of a filter inside, if any


class Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.position = 0
        self.filters = FilterBuilder()
        self.terms: list[str] = []
        self.words = 0
        self.first_dropped: str | None = None

    def peek(self) -> Token:
        return self.tokens[self.position]

    def take(self) -> Token:
        token = self.tokens[self.position]
        if token.kind != "EOF":
            self.position += 1
        return token

    def parse(self) -> Node | None:
        group = self.any_of(depth=0, excluded=False)
        if self.peek().kind == "RPAREN":
            raise QueryError("unbalanced parentheses: ')' has no matching '('")
        node = group.node
        if isinstance(node, AllOf) and not node.include:
            raise only_exclusions(node)
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
                        f"a field filter cannot be one side of OR: {show(group.first_filter)}"
                        " (filters always apply to the whole query)"
                    )
        nodes = [g.node for g in groups if g.node is not None]
        if len(nodes) <= 1:
            return _Group(nodes[0] if nodes else None, consumed, first_filter)
        for node in nodes:
            if isinstance(node, AllOf) and not node.include:
                raise only_exclusions(node, " as one side of OR")
        return _Group(AnyOf(tuple(nodes)), consumed, first_filter)

    def all_of(self, depth: int, *, excluded: bool) -> _Group:
        include: list[Node] = []
        exclude: list[Node] = []
        first_exclusion = ""
        consumed = False
        first_filter: str | None = None
        while self.peek().kind not in ("EOF", "RPAREN", "OR"):
            if self.peek().kind == "AND":
                self.take()
                if not consumed or self.peek().kind not in TERM_STARTS:
                    raise QueryError("AND needs a search term on each side")
                continue
            negation = self.take() if self.peek().kind in ("NOT", "NEG") else None
            if negation is not None and self.peek().kind not in ATOMS:
                raise QueryError(f"{show(negation.raw)} must be followed by a search term")
            consumed = True
            atom = self.take()
            atom_excluded = excluded or negation is not None
            if atom.kind == "FILTER":
                if atom_excluded:
                    raise QueryError(
                        f"a field filter cannot be excluded: {show(atom.raw)}"
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
            elif isinstance(node, AllOf):
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
        node = AllOf(tuple(include), tuple(exclude), first_exclusion)
        return _Group(node, consumed, first_filter)

    def parenthesized(self, depth: int, *, excluded: bool) -> tuple[Node | None, str | None]:
        if depth > MAX_NESTING:
            raise QueryError(f"too many nested parentheses (at most {MAX_NESTING})")
        group = self.any_of(depth, excluded=excluded)
        if self.take().kind != "RPAREN":
            raise QueryError("unbalanced parentheses: '(' has no matching ')'")
        return group.node, group.first_filter

    def term(self, token: Token, *, excluded: bool) -> Term | None:
        words = count_words(token.text)
        if not words:
            self.first_dropped = self.first_dropped or token.raw
            return None
        self.words += words
        if self.words > MAX_WORDS:
            raise QueryError(f"too many words in the query (at most {MAX_WORDS})")
        if not excluded:
            self.terms.append(token.text + ("*" if token.prefix else ""))
        return Term(token.text, token.prefix, token.column)


def _describe_exclusion(negation: Token, atom: Token) -> str:
    if atom.kind == "LPAREN":
        return f"{negation.raw}(...)" if negation.kind == "NEG" else f"{negation.raw} (...)"
    return negation.raw + ("" if negation.kind == "NEG" else " ") + atom.raw


def only_exclusions(node: AllOf, where: str = "") -> QueryError:
    return QueryError(
        f"only exclusions{where} ({show(node.first_exclusion)}): add a word to search for"
    )
