"""The search language: compiled search expressions run on a real full-text index (the
engine the corpus searches with), filters parse, bad queries give one-line reasons, and no
input makes the engine raise."""

from __future__ import annotations

from datetime import date

import pytest
import tantivy
from fulltext_support import matching, memory_index
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.fulltext.analysis import terms
from store.model import Level
from store.query.compile import MAX_NESTING, MAX_WORDS, CompiledQuery, QueryError, compile_query

# Invented rows, written for these tests; not from any real cable.
ROWS = {
    1: (
        "NATO summit in Riga",
        "The U.S. delegation met O'Brien to discuss C-130 transport aircraft.",
    ),
    2: ("Oil revenue", "The embassy notes negotiations on the pipeline; the minister was evasive."),
    3: ("Visa fraud", "Consular staff report fraud rings using forged stamps. No NATO angle here."),
    4: ("Café society", "Diplomats met at the café near the ministry; Obrien was not present."),
    5: ("C130 upkeep", "Upkeep of the C130 fleet; the US side pays; brien says summitry helps."),
}

@pytest.fixture(scope="module")
def fts() -> tantivy.Index:
    return memory_index(ROWS)


def run(index: tantivy.Index, match: str) -> set[int]:
    return matching(index, match)


def found(conn: tantivy.Index, query: str) -> set[int]:
    compiled = compile_query(query)
    assert compiled.match is not None
    return run(conn, compiled.match)


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("tags:PGOV", "did you mean tag:?"),
        ("Origins:ankara", "did you mean origin:?"),
        ("classification:secret", "did you mean class:?"),
        ("since:2005", "did you mean from:?"),
        ("date:2006", "did you mean from: and to:?"),
        ("subject:", "needs a word"),
        ("subject:**", "needs a word"),
    ],
)
def test_near_miss_fields_get_a_hint(query, hint):
    assert hint in error_for(query)


def error_for(query: str) -> str:
    with pytest.raises(QueryError) as caught:
        compile_query(query)
    message = str(caught.value)
    assert message and "\n" not in message and "\r" not in message
    return message


# --- Terms against a real full-text index --------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nato", {1, 3}),
        ("nato riga", {1}),
        ("nato AND riga", {1}),
        ('"transport aircraft"', {1}),
        ('"aircraft transport"', set()),
        ("negot*", {2}),
        ("summ*", {1, 5}),
        ('"transport air"*', {1}),
        ("riga OR visa", {1, 3}),
        ("riga OR visa fraud", {1, 3}),
        ("nato -riga", {3}),
        ("nato NOT riga", {3}),
        ('nato -"forged stamps"', {1}),
        ("(riga OR visa) fraud", {3}),
        ("nato -(riga OR pipeline)", {3}),
        ("(nato (-riga))", {3}),
        ("U.S.", {1}),
        ("O'Brien", {1}),
        ("C-130", {1}),
        ("C130", {5}),
        ("cafe", {4}),
        ("CAFÉ", {4}),
        ('"nato summit', {1}),  # an unclosed quote runs to the end
        ("subject:nato", {1}),  # the subject line only: row 3 has NATO in its body
        ("SUBJECT:nat*", {1}),
        ('subject:"nato summit"', {1}),
        ('subject:"summit nato"', set()),
        ("nato -subject:nato", {3}),
        ("subject:fraud OR subject:oil", {2, 3}),
        ("note:nato", set()),  # not a field: the words "note nato", in sequence
        ("12:30", set()),
        ("NEAR", {4}),  # only a word here
        ("minister NEAR(evasive)", set()),  # NEAR is a word; "(evasive)" is part of it
    ],
)
def test_compiled_match_finds_the_expected_rows(fts, query, expected):
    assert found(fts, query) == expected


def test_each_word_is_quoted_and_prefix_star_stays_outside():
    assert compile_query("nato").match == '"nato"'
    assert compile_query("nato*").match == '"nato"*'
    assert compile_query('"embassy  ankara"').match == '"embassy ankara"'
    assert compile_query("U.S. O'Brien C-130").match == '"U.S." AND "O\'Brien" AND "C-130"'
    assert compile_query("AND* OR*").match == '"AND"* AND "OR"*'


def test_lowercase_or_and_not_are_words():
    assert compile_query("riga or visa").match == '"riga" AND "or" AND "visa"'
    assert compile_query("not nato").match == '"not" AND "nato"'


def test_operators_group_as_fts5_would():
    assert compile_query("a OR b c OR d -e").match == '"a" OR ("b" AND "c") OR ("d" NOT "e")'
    assert compile_query("a (b -c) d").match == '("a" AND "b" AND "d") NOT "c"'
    assert compile_query("a -(b OR c)").match == '"a" NOT ("b" OR "c")'


def test_terms_for_highlighting_skip_exclusions_and_keep_order():
    compiled = compile_query('nato "transport aircraft" negot* -riga NOT (visa fraud) nato')
    assert compiled.terms == ("nato", "transport aircraft", "negot*")


def test_terms_without_letters_are_dropped():
    assert compile_query("nato --- * [/] -").match == '"nato"'
    assert compile_query("nato -(---)").match == '"nato"'
    assert compile_query("nato OR ---").match == '"nato"'


def test_word_parentheses_belong_to_the_word():
    assert compile_query("f(x)").match == '"f(x)"'


def test_dash_and_not_before_a_keyword_exclude_the_word():
    assert compile_query("nato -OR").match == '"nato" NOT "OR"'


def test_control_and_unicode_characters_are_safe(fts):
    assert found(fts, "nato\x00riga") == {1}
    assert found(fts, "nato\x1b") == {1, 3}
    assert run(fts, compile_query("\u202eриг\u2028а ☃ 北京").match) == set()


def test_ten_thousand_character_queries_work_or_give_a_reason(fts):
    one_long_word = compile_query("a" * 10_000)
    assert run(fts, one_long_word.match) == set()
    phrase = compile_query('"' + "nato " * 150 + "riga " * 40)
    assert run(fts, phrase.match) == set()
    assert "too many words" in error_for("word " * 2_000)
    assert "nothing to search for" in error_for("-" * 10_000)
    assert "nothing to search for" in error_for("*" * 10_000)
    assert "too many nested" in error_for("(" * 5_000 + "nato" + ")" * 5_000)


def test_word_limit_counts_words_not_terms():
    compile_query(" ".join(["nato"] * MAX_WORDS))
    assert str(MAX_WORDS) in error_for('"' + "nato " * (MAX_WORDS + 1) + '"')


# Each template adds one level of user parentheses; together they cover the mixes of OR,
# exclusion and AND that make the deepest FTS5 output.
NESTING_TEMPLATES = [
    "(a OR b {} -c)",
    "-(a OR b {} -c) z",
    "(a b OR c {})",
    "a AND ({}) OR b",
    "x -({})",
    "(a OR b -c d {} f -e)",
    "(p q -r OR s t {} -u -v)",
    "(a -b OR c -d {} -e OR f)",
    "x -({} k OR l)",
]


@pytest.mark.parametrize("template", NESTING_TEMPLATES)
def test_deepest_allowed_nesting_is_accepted_by_the_engine(fts, template):
    query = "w"
    for _ in range(MAX_NESTING):
        query = template.format(query)
    compiled = compile_query("top " + query)
    run(fts, compiled.match)
    assert "too many nested" in error_for(template.format(query))


def test_nesting_mixed_templates_at_the_limit_is_accepted_by_the_engine(fts):
    for shift in range(len(NESTING_TEMPLATES)):
        query = "w"
        for level in range(MAX_NESTING):
            template = NESTING_TEMPLATES[(level + shift) % len(NESTING_TEMPLATES)]
            query = template.format(query)
        run(fts, compile_query("top " + query).match)


def test_dropping_matches_what_the_tokenizer_indexes():
    # A character is dropped exactly when the index would make no term of it.
    chars = [chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"()-*']
    chars += list("é\u0301ß€№²½·—’“ßЖ北\ue000_")
    for char in chars:
        try:
            compile_query(char)
            kept = True
        except QueryError:
            kept = False
        assert kept == bool(terms(char)), repr(char)


# --- Field filters ------------------------------------------------------------------------


def filters_of(query: str):
    return compile_query(query).filters


def test_filters_alone_give_no_match():
    compiled = compile_query("tag:PGOV")
    assert compiled == CompiledQuery(None, compiled.filters, ())
    assert compiled.filters.tags == ("PGOV",)


def test_tag_is_upper_cased_and_repeatable():
    assert filters_of("tag:pgov nato TAG:prel tag:PGOV").tags == ("PGOV", "PREL")


def test_origin_is_a_substring_and_may_be_quoted():
    filters = filters_of('origin:almaty origin:"embassy   ankara" nato')
    assert filters.origins == ("almaty", "embassy ankara")
    assert compile_query('origin:"embassy ankara" nato').match == '"nato"'


@pytest.mark.parametrize(
    ("query", "levels", "caveats"),
    [
        ("class:secret", {Level.SECRET}, set()),
        ("class:c", {Level.CONFIDENTIAL}, set()),
        ("class:confidential,secret", {Level.CONFIDENTIAL, Level.SECRET}, set()),
        ("class:u", {Level.UNCLASSIFIED}, set()),
        ("class:UNCLAS", {Level.UNCLASSIFIED}, set()),
        ("class:ts", {Level.TOP_SECRET}, set()),
        ('class:"top secret"', {Level.TOP_SECRET}, set()),
        ("class:noforn", set(), {"NOFORN"}),
        ("class:nf", set(), {"NOFORN"}),
        ("class:fouo", set(), {"FOUO"}),
        ("class:sbu", set(), {"FOUO"}),
        ("class:s//nf", {Level.SECRET}, {"NOFORN"}),
        ("class:c class:s", {Level.CONFIDENTIAL, Level.SECRET}, set()),
    ],
)
def test_class_gives_levels_and_caveats(query, levels, caveats):
    filters = filters_of(query)
    assert filters.levels == frozenset(levels)
    assert filters.caveats == frozenset(caveats)


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ("from:2005", date(2005, 1, 1), None),
        ("from:2005-06", date(2005, 6, 1), None),
        ("from:2005-06-15", date(2005, 6, 15), None),
        ("to:2006", None, date(2006, 12, 31)),
        ("to:2006-02", None, date(2006, 2, 28)),
        ("to:2004-02", None, date(2004, 2, 29)),
        ("to:2006-4-3", None, date(2006, 4, 3)),
        ("from:2005 to:2005", date(2005, 1, 1), date(2005, 12, 31)),
        ("from:2001 from:2003 to:2009 to:2007", date(2003, 1, 1), date(2007, 12, 31)),
    ],
)
def test_dates_are_inclusive_periods(query, start, end):
    filters = filters_of(query)
    assert (filters.date_from, filters.date_to) == (start, end)


def test_id_prefix_is_upper_cased_without_spaces():
    assert filters_of("id:06almaty").id_prefix == "06ALMATY"
    assert filters_of('id:"06 almaty 79"').id_prefix == "06ALMATY79"


def test_field_names_are_case_insensitive_and_unknown_fields_are_words():
    assert filters_of("Tag:pgov Class:S").tags == ("PGOV",)
    compiled = compile_query("http://example.org note:visa")
    assert compiled.filters.is_empty()
    assert compiled.terms == ("http://example.org", "note:visa")


def test_a_quoted_field_is_a_phrase_not_a_filter():
    compiled = compile_query('"tag:PGOV"')
    assert compiled.filters.is_empty()
    assert compiled.match == '"tag:PGOV"'


def test_filters_apply_to_the_whole_query_wherever_they_stand():
    compiled = compile_query("tag:PGOV riga OR (class:s visa)")
    assert compiled.match == '"riga" OR "visa"'
    assert compiled.filters.tags == ("PGOV",)
    assert compiled.filters.levels == {Level.SECRET}


# --- Errors: one line, naming what is wrong -----------------------------------------------


@pytest.mark.parametrize(
    ("query", "mentions"),
    [
        ("", "empty query"),
        ("   \t\n", "empty query"),
        ("---", "'---'"),
        ("()", "nothing to search for"),
        ("-nato", "'-nato'"),
        ("NOT nato", "'NOT nato'"),
        ("-nato -riga tag:PGOV", "'-nato'"),
        ("riga OR -visa", "'-visa'"),
        ("riga -(-visa)", "'-visa'"),
        ("riga OR", "OR"),
        ("OR riga", "OR"),
        ("riga OR OR visa", "OR"),
        ("riga AND", "AND"),
        ("AND riga", "AND"),
        ("riga NOT", "'NOT'"),
        ("riga NOT OR visa", "'NOT'"),
        ("(riga", "'('"),
        ("riga)", "')'"),
        ("riga OR tag:PGOV", "'tag:PGOV'"),
        ("riga -tag:PGOV", "'tag:PGOV'"),
        ("riga NOT class:s", "'class:s'"),
        ("riga -(visa tag:PGOV)", "'tag:PGOV'"),
        ("tag:", "'tag:'"),
        ("tag:PGOV,PREL", "'tag:PGOV,PREL'"),
        ("origin:", "'origin:'"),
        ('origin:""', "'origin:\"\"'"),
        ("id:", "'id:'"),
        ("id:* ", "'id:*'"),
        ("class:", "'class:'"),
        ("class:,", "'class:,'"),
        ("class:xyz", "'xyz'"),
        ("class:c,bogus", "'class:c,bogus'"),
        ("from:2005-13", "'from:2005-13'"),
        ("from:2005-02-30", "'from:2005-02-30'"),
        ("to:yesterday", "'to:yesterday'"),
        ("to:06", "'to:06'"),
        ("from:0000", "'from:0000'"),
        ("from:2007 to:2006", "'from:2007'"),
        ("id:06ALMATY id:07ANKARA", "'id:07ANKARA'"),
    ],
)
def test_bad_queries_give_a_one_line_reason_naming_the_problem(query, mentions):
    assert mentions in error_for(query)


def test_unknown_class_lists_the_valid_values():
    message = error_for("class:xyz")
    assert "u, c, s, ts" in message
    assert "noforn" in message and "fouo" in message


def test_from_after_to_names_both_ends():
    message = error_for("to:2006 from:2007")
    assert "'from:2007'" in message and "'to:2006'" in message


def test_error_messages_stay_short_and_show_controls_visibly():
    message = error_for("class:" + "x" * 5_000)
    assert len(message) < 300
    assert "\u202e" not in error_for("class:\u202eevil")


def test_query_error_is_a_value_error():
    assert issubclass(QueryError, ValueError)


# --- Any text: an expression the engine accepts, or a QueryError --------------------------

FRAGMENTS = [
    "nato", "riga", "U.S.", "O'Brien", "C-130", "café", "Жуков", "北京", "x",
    "OR", "AND", "NOT", "NEAR", "or", "not", "NEAR(", "^",
    '"', '""', "(", ")", "()", "-", "--", "*", "**", ":", "::", "[/]", "[bold]", "'", "\\",
    "+", ",", ".", "{", "}", "\x00", "\x1b", "\n", "\t", "\u202e", "\ue000", "\u0301",
    "tag:", "tag:PGOV", "origin:", 'origin:"', "origin:almaty", "class:", "class:s",
    "class:c,nf", "class:zz", "from:", "from:2005", "from:2005-06", "to:2006-02", "to:99",
    "id:", "id:06ALMATY", "http:", "note:", "subject:", "body:", "12:30", "{subject}:",
    "NEAR/3", "-nato", "nato*", '"nato', 'riga"*',
]  # fmt: skip

GAPS = [" ", " ", " ", "  "]
SOUP = FRAGMENTS + GAPS
# Hypothesis draws a string of stand-in characters much faster than a list of choices; each
# stand-in becomes one fragment, and shrinking still works on the string.
_STAND_INS = "".join(chr(0x100 + i) for i in range(len(SOUP)))


def _expand(stand_ins: str) -> str:
    return "".join(SOUP[ord(char) - 0x100] for char in stand_ins)


fragment_soup = st.text(alphabet=_STAND_INS, max_size=16).map(_expand)
mixed_queries = st.tuples(fragment_soup, st.text(max_size=4), fragment_soup).map("".join)


def compiles_to_a_valid_search(conn: tantivy.Index, query: str) -> None:
    try:
        compiled = compile_query(query)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(compiled, CompiledQuery)
    if compiled.match is not None:
        run(conn, compiled.match)
    else:
        assert not compiled.filters.is_empty()


PROPERTY_SETTINGS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@settings(PROPERTY_SETTINGS, max_examples=5_000)
@given(query=st.text())
def test_any_text_compiles_to_a_valid_search_or_a_query_error(fts, query):
    compiles_to_a_valid_search(fts, query)


@settings(PROPERTY_SETTINGS, max_examples=5_000)
@given(query=mixed_queries)
def test_operator_soup_compiles_to_a_valid_search_or_a_query_error(fts, query):
    compiles_to_a_valid_search(fts, query)
