"""Invented words: a fixed Zipf-ranked vocabulary, surnames, marker words, and fast prose.

The vocabulary is the same for every seed: common English function words lead the ranking,
then common English content words mixed with pseudo-words, then a long tail of pseudo-words.
Drawing words must be fast (a 250,000-cable corpus holds about 280 million of them), so words
come from a 65,536-slot table indexed by random bytes, with no Python loop per word.
"""

from __future__ import annotations

import itertools
import random
import re
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

# Words injected into a known share of cables, so a search benchmark has terms whose document
# frequency is known in advance. They contain q or x, letters the pseudo-words and surnames
# never use, so no other token contains them; their endings survive the porter stemmer.
MARKERS: dict[str, float] = {
    "quorvax": 0.60,
    "vexmoor": 0.20,
    "plindax": 0.05,
    "trevoquin": 0.01,
    "gravixbok": 0.001,
    "yesquaroth": 0.0001,
}


def tokens_of(text: str) -> tuple[str, ...]:
    """The blank-separated words of a text block (the tables below are written that way)."""
    return tuple(text.split())


_FUNCTION_WORDS = tokens_of("""
the of and to in a that is for on with was as by be said he it from at his have are this which
an will not has had its their would they were or but also been who more about after other over
such than into there these should could may did can under new two one three four some any all
most many only both each between during while because if when where what how we our us no so
her she them those then now very much against before through since within without however
among still even further already again per up out five first last next second
""")
_CONTENT_WORDS = tokens_of("""
government minister ministry official officials ambassador embassy president party election
elections political security military economic foreign support meeting visit national police
country countries leader leaders opposition parliament law court reform reforms policy issue
issues relations cooperation assistance program programs project projects public private
press media report reported noted stated told added explained asked believed expected planned
agreed agreement discussion discussions talks negotiations proposal proposals decision
council committee commission member members group groups office director deputy senior chief
general former current recent regional local central international bilateral economy trade
investment energy oil gas market markets bank banks budget tax taxes price prices growth
development sector industry company companies business businesses labor workers union unions
rights human freedom religious religion church community communities ethnic minority minorities
border borders region province provinces city capital district village town area areas forces
army defense troops operations attack attacks violence conflict crisis peace war threat threats
terrorism terrorist terrorists intelligence nuclear weapons missile water health education
students school university journalists newspaper television radio internet campaign vote
voters votes candidate candidates result results turnout coalition cabinet prime spokesman
representative representatives delegation visitors contacts contact source sources view views
concern concerns interest interests position positions role effort efforts step steps plan plans
process progress problem problems question questions situation supporters request
requests response approach strategy future history time year years month months week weeks day
days today people population citizens family families women children youth poverty aid funding
million billion percent number level levels high low major important key significant strong weak
clear difficult possible likely unlikely continued continue continues remain remains remained
make made take taken give given provide provided include included including according despite
recently currently particularly especially significantly reportedly apparently publicly
privately openly directly
""")
_ONSETS = tokens_of("b c d f g h j k l m n p r s t v w z b d k l m n p r s t br dr tr st pl gr")
_NUCLEI = tokens_of("a e i o u a e i o u a i o ai ea ou")
_CODAS = ("", "", "", "", "", "n", "r", "l", "s", "m", "t", "nd", "rn")
_NAME_SYLLABLES = tokens_of("""
ba be bo da de di do fa fe ga go ha he ka ke ki ko la le li lo ma me mi mo na ne ni no pa pe
ra re ri ro sa se si so ta te ti to va ve vi wa ya yo za ze ban del gor han kar lin mar nov
pet ran sen tal vik dor mun ber
""")
FIRST_NAMES = tokens_of("""
John Mary James Anna Robert Linda Michael Susan David Karen Richard Nancy Thomas Lisa Daniel
Laura Paul Helen Mark Sarah Steven Carol Andrew Ruth Peter Ellen George Diane Kenneth Joan Eric
Alice Ahmed Fatima Ivan Olga Chen Mei Kenji Yuki Carlos Maria Jean Marie Hans Ingrid Omar Layla
Viktor Elena Raj Priya Kwame Ama Luis Ana Sergei Nadia Ali Zainab
""")

_SLOTS = 1 << 16


@dataclass(frozen=True)
class Vocabulary:
    """Ranked words and the 65,536-slot sampling table built from their Zipf weights."""

    words: tuple[str, ...]
    table: tuple[str, ...]
    content: tuple[str, ...]  # words fit for subjects and headings (no function words)
    mean_token_bytes: float  # average word length plus its space, to size paragraphs


@cache
def vocabulary() -> Vocabulary:
    """The fixed vocabulary (built from its own fixed seed, so every corpus shares it)."""
    rng = random.Random(20110901)
    function = list(dict.fromkeys(_FUNCTION_WORDS))
    content = list(dict.fromkeys(_CONTENT_WORDS))
    seen = set(function) | set(content) | set(MARKERS)
    pseudo: list[str] = []
    while len(pseudo) < 3600:
        syllables = rng.choice((1, 2, 2, 2, 3, 3))
        word = "".join(
            rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS) for _ in range(syllables)
        )
        if 3 <= len(word) <= 11 and word not in seen:
            seen.add(word)
            pseudo.append(word)
    middle = content + pseudo[:700]
    rng.shuffle(middle)
    ranked = function + middle + pseudo[700:]
    weights = [1.0 / (rank + 2.7) ** 1.02 for rank in range(1, len(ranked) + 1)]
    total = sum(weights)
    counts = [max(1, int(w / total * _SLOTS)) for w in weights]
    # Rounding leaves the table a few slots off; the top words absorb that without distortion.
    excess = sum(counts) - _SLOTS
    step = -1 if excess > 0 else 1
    for i in range(abs(excess)):
        counts[i % 50] += step
    table = tuple(
        itertools.chain.from_iterable(
            itertools.repeat(word, n) for word, n in zip(ranked, counts, strict=True)
        )
    )
    mean_bytes = sum(len(word) + 1 for word in table) / _SLOTS
    return Vocabulary(tuple(ranked), table, tuple(middle + pseudo[700:]), mean_bytes)


_NAME_SPACE = len(_NAME_SYLLABLES) ** 3


def surname(index: int) -> str:
    """The index-th invented surname (two or three syllables)."""
    # An odd multiplier not divisible by 17 permutes the index space, so neighbouring indexes
    # (the most frequent names) do not share syllables.
    index = (index * 2_654_435_761) % _NAME_SPACE
    base = len(_NAME_SYLLABLES)
    a, b, c = index % base, index // base % base, index // base // base
    tail = _NAME_SYLLABLES[c] if c % 3 else ""
    return (_NAME_SYLLABLES[a] + _NAME_SYLLABLES[b] + tail).capitalize()


def random_surname(rng: random.Random) -> str:
    # A log-uniform index is a Zipf-like spread: a few surnames recur across many cables and
    # most appear in a handful, as people do in the real corpus.
    return surname(int(_NAME_SPACE ** rng.random()) - 1)


def person(rng: random.Random) -> str:
    return f"{FIRST_NAMES[int(rng.random() * len(FIRST_NAMES))]} {random_surname(rng)}"


# Sentence lengths in words, indexed by five random bits.
_SENTENCE_LENGTHS = (6, 8, 9, 10, 11, 12, 12, 13, 14, 14, 15, 16, 16, 17, 18, 18,
                     19, 20, 21, 22, 23, 24, 25, 26, 28, 30, 9, 11, 13, 15, 17, 19)  # fmt: skip


def draw(rng: random.Random, n: int, table: Sequence[str]) -> list[str]:
    """``n`` (at least 2) words from the table. Runs in C: tens of nanoseconds a word."""
    raw = array("H", rng.randbytes(2 * n))
    if sys.byteorder == "big":
        raw.byteswap()  # the same words on every machine
    return list(itemgetter(*raw.tolist())(table))


def prose(
    rng: random.Random,
    n: int,
    table: Sequence[str],
    mentions: Sequence[str],
    extra: Sequence[str] = (),
) -> str:
    """About ``n`` words of sentences: Zipf words, ``mentions`` sprinkled in (names, places,
    numbers), every word of ``extra`` placed once, and sometimes a quotation."""
    n = max(n, 4)
    words = draw(rng, n, table)
    random_ = rng.random
    m = len(mentions)
    for _ in range(n // 30 + 1):
        words[int(random_() * n)] = mentions[int(random_() * m)]
    for word in extra:
        words[int(random_() * n)] = word
    if n > 12 and random_() < 0.3:
        start = int(random_() * (n - 8))
        words[start] = '"' + words[start]
        words[start + 1 + int(random_() * 6)] += '"'
    getrandbits = rng.getrandbits
    i = 0
    while i < n:
        length = _SENTENCE_LENGTHS[getrandbits(5)]
        end = min(i + length, n) - 1
        first = words[i]
        words[i] = first[:1].upper() + first[1:]
        if length >= 10 and getrandbits(1):
            middle = i + length // 2
            if middle < end:
                words[middle] += ","
        words[end] += "."
        i = end + 1
    return " ".join(words)


_LINE = re.compile(r"(.{1,68})(?: +|$)")


def wrap(text: str) -> str:
    """Break at spaces into lines of at most 68 characters, as telegrams were."""
    return "\n".join(_LINE.findall(text))
