"""The parser's shortcuts give what the long way gives, on many invented tricky inputs.

Each shortcut (a cheap test before a regular expression, a whole paragraph joined at once)
is checked against the way it stands in for, with the shortcut turned off or the pattern
asked directly.
"""

from __future__ import annotations

import random

import pytest

from store.parse import line_structure
from store.parse.line_structure import _KEPT, unwrap

# Line starts and ends that decide a kept break: items, rulers, indents, colons, tabs, wide
# blanks, a lower-case or a digit start, sentence ends.
_STARTS = ["", " ", "  ", "\t", "\u2003", "-- ", "- ", "o ", "a) ", "(b) ", "1. ", "12) "]
_STARTS += ["---", "~~~~", "===", "*", "¶", "lower ", "7 ", "Upper "]
_ENDS = ["", ".", ":", ",", " ", "  ", "\t", ";", ")", "   x"]
_WORDS = ["the", "MINISTER", "said", "a", "Government", "x", "--", "~~~", "of", "1234"]


def _line(rng: random.Random, prose: bool) -> str:
    if prose:  # a line wrapped near the margin, or a short one
        words = [rng.choice(_WORDS[:5]) for _ in range(rng.choice((3, 9, 10, 11, 12, 13)))]
        return " ".join(words) + rng.choice(("", "", ".", ",", ":", ": "))
    words = [rng.choice(_WORDS) for _ in range(rng.randrange(0, 18))]
    return rng.choice(_STARTS) + " ".join(words) + rng.choice(_ENDS)


def _paragraphs(count: int):
    rng = random.Random(20261206)
    for _ in range(count):
        prose = rng.random() < 0.6
        lines = [_line(rng, prose) for _ in range(rng.randrange(1, 8))]
        if prose and rng.random() < 0.5:  # one line of another shape among the prose
            lines[rng.randrange(len(lines))] = _line(rng, False)
        if rng.random() < 0.3:
            lines.append("")  # a paragraph ending in its line break
        if rng.random() < 0.2:
            lines.insert(rng.randrange(len(lines)), rng.choice(["", "   "]))
        yield "\n".join(lines)


def test_unwrap_joins_at_once_only_what_its_loop_would_join(monkeypatch) -> None:
    texts = list(_paragraphs(20000))
    fast = [unwrap(text) for text in texts]
    plain = [unwrap(text, True) for text in texts if _KEPT.search(text) is None]
    monkeypatch.setattr(line_structure, "_no_break", lambda *_: False)
    assert fast == [unwrap(text) for text in texts]
    assert plain == [unwrap(text, True) for text in texts if _KEPT.search(text) is None]


def test_the_invented_paragraphs_reach_the_shortcut_and_the_loop() -> None:
    # Else the comparison above would prove nothing.
    reached = {True: 0, False: 0}
    original = line_structure._no_break

    def counting(*args) -> bool:
        result = original(*args)
        reached[result] += 1
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_structure, "_no_break", counting)
        for text in _paragraphs(20000):
            unwrap(text)
    assert reached[True] > 100 and reached[False] > 100


# Line starts of numbered, marked, lettered and ruled lines, and of prose, to glue together.
_PARTS = [" ", "\t", "\u2003", "¶", "1", "12", "123", "1234", "٣", ".", ")", "(", " .", "."]
_PARTS += ["(C)", "(c)", "(SBU)", "(U//FOUO)", "A", "b", "iv", "xx", "Abc", "o", "X"]
_PARTS += ["-", "---", "~~~", "=", "_", "*", "**", " ", "\n", "The", "vote", "Z"]


def _line_starts(size: int):
    rng = random.Random(size)
    for _ in range(40000):
        yield "".join(rng.choice(_PARTS) for _ in range(rng.randrange(1, size + 1)))


def test_a_line_told_at_once_is_no_paragraph_start_mark_or_ruler() -> None:
    from store.parse.paragraphs import (
        _MARKED_LINE,
        _NUMBERED_LINE,
        _RULER,
        PARAGRAPH_START,
        _is_ruler,
        may_start_paragraph,
    )

    told = 0
    for line in _line_starts(6):
        for text in (line, line + " the talks", line + "\n"):
            assert _is_ruler(text) == (_RULER.match(text) is not None), repr(text)
            if may_start_paragraph(text):
                continue
            told += 1
            start = PARAGRAPH_START.match(text)
            assert start.group("number") is None and start.group("mark") is None, repr(text)
            assert _MARKED_LINE.match(text) is None and _NUMBERED_LINE.match(text) is None
    assert told > 10000  # else the test proves nothing


def test_the_end_summary_search_started_late_finds_what_the_whole_search_finds() -> None:
    from store.parse.summary import _SUMMARY_END, _end_search

    parts = ["END", "End", "end", "E", "e", "ND", "nd", "OF", "of", "F", "S", "s", "ſ", "SUMMARY"]
    parts += ["summary", "UMMARY", "ummary", "Summary", "SuMMARy", "AMMARY", "Y", " ", "  ", "\t"]
    parts += ["\n", "(", "X", "the", ".", "ENDS", "İ", "END SUMMARY", "End of Summary"]
    parts += ["END \t OF  SUMMARY", "eNd sUmMaRy", "end ſummary", "ENDSUMMARY", "END S"]
    rng = random.Random(11)
    found = 0
    for _ in range(40000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(1, 12)))
        whole = _SUMMARY_END.search(text)
        late = _end_search(text)
        assert (late and late.span()) == (whole and whole.span()), repr(text)
        found += whole is not None
    assert found > 2000


def test_an_of_zero_told_from_the_zeros_is_the_one_the_search_finds() -> None:
    from store.parse.page_breaks import _OF_ZERO, _ZEROS_TRIED, _holds_of_zero

    parts = ["0", "00", "OF", "OF 0", "OF\t0", "OF  0", "O", "F", " ", "\t", "\n", "1", "X"]
    parts += ["OF 002", "PAGE 02", "000", "OF 1", "of 0", "O F 0", "OFF 0", "THE", "0F 0"]
    rng = random.Random(5)
    found = many_zeros = 0
    for _ in range(40000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 30)))
        whole = _OF_ZERO.search(text) is not None
        assert _holds_of_zero(text) == whole, repr(text)
        found += whole
        many_zeros += text.count("0") > _ZEROS_TRIED
    assert found > 5000 and many_zeros > 5000  # both ways of telling are reached


def test_lower_case_told_at_once_is_what_the_loop_over_the_characters_tells() -> None:
    from store.parse.classified_by import _has_lower

    parts = ["a", "Z", "Ab", "POLOFF", "Miriam", " ", ".", "1", "ß", "ª", "ǅ", "İ", "ı", "É", "é"]
    parts += ["ſ", "ﬁ", "Σ", "σ", "K", "Ω", "ǈ", "ʰ", "ᾈ", "\u0345", "", "ⓐ", "Ⓐ", "ǲ"]
    rng = random.Random(3)
    lower = ascii_seen = 0
    for _ in range(40000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 6)))
        loop = any(ch.islower() for ch in text)
        assert _has_lower(text) == loop, repr(text)
        lower += loop
        ascii_seen += text.isascii()
    assert 5000 < lower < 35000 and ascii_seen > 2000


def test_a_remembered_name_and_title_is_the_one_read_anew() -> None:
    from store.parse.classified_by import _name_and_title_any_case

    words = ["Ambassador", "POLOFF", "DAVID", "T.", "Arkwright", "com", "jonathan", "farrar"]
    words += ["Counselor", "for", "Political", "Affairs", ",", "Jr.", "de", "la", "Cruz", "CDA"]
    rng = random.Random(4)
    values = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 6))) for _ in range(3000)]
    for value in values + values[::-1]:  # the second time from the cache
        assert _name_and_title_any_case(value) == _name_and_title_any_case.__wrapped__(value)


def test_an_id_in_canonical_form_comes_back_as_the_long_way_gives_it(monkeypatch) -> None:
    from store.parse import refids, stations

    spellings = sorted(stations._table()[1].items())
    rng = random.Random(6)
    own = [key for key, station in spellings if key == station]
    aliases = [key for key, station in spellings if key != station]
    names = rng.sample(own, 40) + rng.sample(aliases, min(40, len(aliases)))
    names += ["QUITQ", "EFTOLONDON", "AMEMBASSYROME", "SECTION", "ECTION01OF02KABUL", "XQXQ"]
    names += ["PARIS", "Paris", "SAO PAULO", "THE HAGUE", "A", "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2]
    years = ["67", "06", "19", "20", "2006", "", "1", "٠٦"]
    serials = ["2", "0002", "000079", "1234567", "12345678", "0", "10", "", "٣"]
    texts = [
        rng.choice(years) + rng.choice(["", " ", "-"]) + rng.choice(names)
        + rng.choice(["", " ", "."]) + rng.choice(serials) + rng.choice(["", "", "A", "XYZ"])
        for _ in range(10000)
    ]
    # And IDs that look canonical, with stations and aliases of the table and others.
    texts += [
        rng.choice(years[:4]) + rng.choice(names) + rng.choice([*serials[:4], "1", "99"])
        for _ in range(10000)
    ]
    fast = [refids.canonical_id.__wrapped__(text) for text in texts]
    shortcut = sum(refids._CANONICAL.fullmatch(text) is not None for text in texts)

    class Never:
        def fullmatch(self, text):
            return None

    monkeypatch.setattr(refids, "_CANONICAL", Never())
    assert fast == [refids.canonical_id.__wrapped__(text) for text in texts]
    assert shortcut > 2000  # else the comparison proves nothing


def _split_head_line_by_line(lines: list[str], start: int) -> tuple[list[str], list[int]]:
    """``split_head`` the long way: every line of the head listed with its pieces."""
    from store.parse.header_block import _HEAD_LINES, starts_paragraph
    from store.parse.labels import glued_pieces

    out, origin = lines[:start], list(range(min(start, len(lines))))
    index = start
    while index < min(len(lines), start + _HEAD_LINES):
        line = lines[index]
        if line.strip() and starts_paragraph(line) and index > start:
            break
        pieces = glued_pieces(line) if line.strip() else (line,)
        out.extend(pieces)
        origin.extend([index] * len(pieces))
        index += 1
    out.extend(lines[index:])
    return out, origin + list(range(index, len(lines)))


def test_a_head_listed_from_its_first_cut_is_the_head_listed_line_by_line() -> None:
    from store.parse.header_block import split_head

    shapes = ["", "  ", "\t", "SECRET ANKARA 000123", "E.O. 12958: DECL: 04/02/2019 TAGS: PGOV"]
    shapes += ["TAGS: PREL PGOV", "SUBJECT: TALKS", "REF: STATE 12345", "SIPDIS", "1. (C) The"]
    shapes += ["Classified By: Poloff J. Doe for reasons 1.4 (b) and (d)", "(C) Item", "o", "A. ("]
    shapes += ["CONFIDENTIAL SECTION 01 OF 02 ROME 000123 SUBJECT: X", "DEPT FOR EUR", "¶2. Text"]
    shapes += ["Classified By: DCM A. Roe, reasons 1.4 (b) and (d). 1. (C) Talks went on", "X"]
    shapes += ["Classified By: CLASSIFIED BY POLOFF J. DOE"]  # one piece, not the line
    rng = random.Random(7)
    cut = 0
    for _ in range(3000):
        lines = [rng.choice(shapes) for _ in range(rng.randrange(0, 14))]
        start = rng.randrange(0, 4)
        out, origins = split_head(lines, start)
        expected, expected_origins = _split_head_line_by_line(lines, start)
        assert out == expected, lines
        assert [origins[i] for i in range(len(out))] == expected_origins, lines
        cut += out is not lines
    assert 500 < cut < 2500  # heads with and without a line cut


def test_tags_told_from_known_codes_at_once_are_the_tags_the_long_way_finds(monkeypatch) -> None:
    from store.parse import tags

    rng = random.Random(8)
    codes = rng.sample(sorted(tags._codes()), 60)
    phrases = [" ".join(words) for words in rng.sample(sorted(tags._phrases()), 30)]
    # The phrases that open with a known code ("GOI ..."): those the shortcut must leave alone.
    phrases += [" ".join(words) for words in tags._phrases() if words[0] in tags._codes()]
    starts = [phrase.split()[0] for phrase in phrases]
    words = codes + phrases + starts + ["GLOBAL", "DEFENSE", "AND", "OF", "KPAK", "PHUMTZ"]
    words += ["MEETINGS", "WITH", "AMBASSADOR", "OVIP (CLINTON, HILLARY)", "[KZ](#)", "SIPDIS"]
    words += ["ECONOMY", "TRADE", "DEVELOPMENT", "pgov", "PREL.", "(PGOV)", "-", "X"]
    joiners = [" ", ", ", "; ", " , "]
    values = [
        rng.choice(joiners).join(rng.choice(words) for _ in range(rng.randrange(7)))
        for _ in range(20000)
    ]
    fast = [tags.split_tags(value) for value in values]

    class Every:
        def __contains__(self, word: str) -> bool:
            return True

    monkeypatch.setattr(tags, "_phrase_starts", Every)
    assert fast == [tags.split_tags(value) for value in values]


def test_known_fields_told_clean_at_once_are_what_normalising_each_gives(monkeypatch) -> None:
    from store.parse import cable
    from store.records import KnownFields

    parts = ["", " ", "\t", "\n", "\r", "\r\n", "\x1b[1m", "\x00", "\xa0", "\ufeff", "\u2028"]
    parts += ["é", "\u202e", "\x85", "06ROME123", "Embassy Rome", "SECRET//NOFORN", "VZCZC"]
    rng = random.Random(9)

    def text() -> str | None:
        if rng.random() < 0.15:
            return rng.choice([None, ""])
        plain = rng.choice(parts[13:])
        if rng.random() < 0.9:
            return plain
        return "".join(rng.choice(parts) for _ in range(3)) + plain + rng.choice(parts[:4])

    knowns = [
        KnownFields(
            id=text(),
            origin=text(),
            classification=text(),
            header=text(),
            references=rng.choice([None, (), tuple(text() or "x" for _ in range(2))]),
        )
        for _ in range(20000)
    ]
    fast = [cable._clean_known(known) for known in knowns]
    told = sum(cable._clean_already(known) for known in knowns)
    monkeypatch.setattr(cable, "_clean_already", lambda known: False)
    assert fast == [cable._clean_known(known) for known in knowns]
    assert 2000 < told < 18000  # both ways taken


def test_a_remembered_banner_is_the_one_read_anew() -> None:
    from store.parse.banner_line import read_banner

    def said(banner) -> tuple | None:
        if banner is None:
            return None
        return banner.level, tuple(banner.captions), banner.section, banner.station, banner.serial

    parts = ["SECRET", "S E C R E T", "CONFIDENTIAL", "UNCLAS", "Confidential", "TOP SECRET", " "]
    parts += ["SECTION 01 OF 02", "SECTON 02 OF 03", "ANKARA 000123", "ROME 4567", "E F T O"]
    parts += ["NOFORN", "//NOFORN", "SIPDIS", "SENSITIVE", "BUT", "UNCLASSIFIED", "the", "X"]
    rng = random.Random(10)
    lines = [
        " ".join(rng.choice(parts) for _ in range(rng.randrange(1, 6))) for _ in range(4000)
    ]
    banners = 0
    for line in lines + lines[::-1]:  # the second time from the cache
        assert said(read_banner(line)) == said(read_banner.__wrapped__(line)), line
        banners += read_banner(line) is not None
    assert banners > 500
