"""Rendering: one cable's transmission header and telegram body from its plan.

Pure: a plan always gives the same text, whichever process renders it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bench.synthetic.plan import CablePlan, RefKey, iter_plans
from bench.synthetic.stations import STATE, STATIONS, Station
from bench.synthetic.words import MARKERS, person, prose, tokens_of, vocabulary, wrap

SYNTHETIC_LINE = "SYNTHETIC TEST CABLE - NOT A REAL DOCUMENT"
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

# Body length in bytes: lognormal with a median near 4.7 KB and a mean near 7 KB, so that a
# few cables in 10,000 pass 100 KB; capped like the real corpus's largest.
_LENGTH_MU = 8.44
_LENGTH_SIGMA = 0.85
_LENGTH_MIN = 700.0
_LENGTH_MAX = 300_000.0

# Portion marks a paragraph may carry under each overall classification; the first is the
# overall level itself, which paragraph 1 always carries.
PORTION_MARKS: dict[str, tuple[str, ...]] = {
    "UNCLASSIFIED": ("(U)", "(U)", "(U)", "(SBU)"),
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": ("(SBU)", "(SBU)", "(SBU)", "(U)", "(U//FOUO)"),
    "CONFIDENTIAL": ("(C)", "(C)", "(C)", "(C)", "(U)", "(SBU)"),
    "CONFIDENTIAL//NOFORN": ("(C/NF)", "(C)", "(C//NF)", "(C)", "(U)", "(SBU)"),
    "SECRET": ("(S)", "(S)", "(C)", "(C)", "(U)", "(SBU)", "(S)"),
    "SECRET//NOFORN": ("(S/NF)", "(S//NF)", "(S)", "(C)", "(C/NF)", "(U)", "(S/NF)"),
}

_TOPIC_TAGS = tokens_of("""
PGOV PREL PHUM ECON EFIN KDEM MARR PTER ENRG EAID ETRD EINV EPET EMIN ELAB EAGR ECPS EWWT EAIR
ETTC MOPS MASS MCAP MNUC PINR PINS PARM PBTS PREF PHSA KCRM KCOR KJUS KTIP KWMN KIRF KPAO KMDR
KNNP KSCA KSUM KFLU KHIV KHLS KPKO KTFN KVPR KISL KDRG SNAR SOCI SENV SMIG SCUL TBIO TSPA TRGY
ASEC AMGT APER ABUD AORC CASC CVIS CMGT OEXC OVIP OPRC OREP OIIP OTRA BEXP UNGA TPHY SEVN ECIN
""")
_OFFICE_LINES = (
    "DEPT FOR EUR/SE",
    "DEPT FOR NEA/I",
    "DEPT FOR EAP/CM",
    "DEPT FOR WHA/AND",
    "DEPT FOR AF/E",
    "DEPT FOR SCA/CEN",
    "DEPT FOR INR/B",
    "DEPARTMENT FOR EUR/CARC AND DRL",
    "STATE FOR EEB/ESC",
    "PASS TO USTR",
    "USDOC FOR ITA/MAC",
    "TREASURY FOR OASIA",
)
_INFO_EXTRAS = (
    "RHEHNSC/NSC WASHDC",
    "RUEKJCS/SECDEF WASHDC",
    "RUEKJCS/JOINT STAFF WASHDC",
    "RUEAIIA/CIA WASHDC",
    "RUCPDOC/USDOC WASHDC",
    "RUEATRS/DEPT OF TREASURY WASHDC",
    "RHMFISS/CDR USCENTCOM MACDILL AFB FL",
    "RUEHZL/EUROPEAN POLITICAL COLLECTIVE",
)
_CLASSIFIER_TITLES = (
    "Charge d'Affaires",
    "DCM",
    "Political Counselor",
    "Economic Counselor",
    "Pol/Econ Chief",
    "PolOff",
    "Acting DCM",
)
_DEPARTMENT_TITLES = ("EUR A/S", "NEA DAS", "P Under Secretary", "ISN Director")
_REASONS = ("(b) and (d)", "(b) and (d)", "(d)", "(b), (d)", "(b), (c) and (d)")
_PRECEDENCE_WORDS = {"R": "", "P": " PRIORITY", "O": " IMMEDIATE", "Z": " FLASH"}


@dataclass(frozen=True)
class SyntheticCable:
    """A generated cable: the CSV's metadata plus the facts a parser should recover."""

    row: int
    id: str
    created: datetime
    origin: str
    classification: str  # catalogue value
    references: tuple[str, ...]  # cited IDs, as in the CSV's |-joined field
    header: str  # transmission header; "" for a partial cable
    body: str
    tags: tuple[str, ...]
    subject: str  # as on the SUBJECT line, unwrapped, portion mark included
    signer: str
    markers: tuple[str, ...] = field(default=())  # marker words placed in this cable

    @property
    def is_partial(self) -> bool:
        return not self.header


def _banner_level(classification: str, rng: random.Random, year: int) -> str:
    if classification.startswith("UNCLASSIFIED"):
        return "UNCLAS E F T O" if rng.random() < 0.02 else "UNCLAS"
    word = "CONFIDENTIAL" if classification.startswith("CONFIDENTIAL") else "SECRET"
    if year < 1995 and rng.random() < 0.3:
        return word
    return " ".join(word)


def _eo_line(classification: str, created: datetime, rng: random.Random) -> str:
    """The declassification line, in the form of the executive order in force that year."""
    year = created.year
    if year < 1978:
        return "E.O. 11652: GDS"
    if year < 1982:
        return f"E.O. 12065: GDS {created.month}/{created.day}/{(year + 6) % 100:02d}"
    if year < 1996:
        return "E.O. 12356: DECL: OADR"
    if classification.startswith("UNCLASSIFIED"):
        return "E.O. 12958: N/A"
    later = created + timedelta(days=365 * rng.choice((10, 10, 10, 15, 20, 25)))
    return f"E.O. 12958: DECL: {later.month:02d}/{later.day:02d}/{later.year}"


def _pick_tags(rng: random.Random, station: Station) -> list[str]:
    wanted = rng.randint(2, 6) - (1 if station.tag else 0)
    tags: list[str] = []
    while len(tags) < wanted:
        # A skewed draw favours the head of the list: PGOV and PREL lead, as they do.
        tag = _TOPIC_TAGS[int(rng.random() ** 2.2 * len(_TOPIC_TAGS))]
        if tag not in tags:
            tags.append(tag)
    if station.tag:
        tags.append(station.tag)
    if rng.random() < 0.15:
        other = STATIONS[int(rng.random() * len(STATIONS))].tag
        if other and other not in tags:
            tags.append(other)
    return tags


def _subject(rng: random.Random, station: Station, content: Sequence[str]) -> str:
    if station.country and rng.random() < 0.85:
        head = station.country
    else:
        head = STATIONS[int(rng.random() * len(STATIONS))].country or "DEMARCHE"
    words = [content[int(rng.random() * len(content))].upper() for _ in range(rng.randint(3, 11))]
    return f"{head}: {' '.join(words)}"


def _ref_item(ref: RefKey, own_year: int, rng: random.Random) -> str:
    station = STATIONS[ref.station]
    # Real REF lines often write the post as in banners (SAO PAULO); the year defaults to the
    # citing cable's own.
    name = station.tg_name if rng.random() < 0.3 else station.code
    if ref.year == own_year and rng.random() < 0.6:
        return f"{name} {ref.serial}"
    return f"{ref.year % 100:02d} {name} {ref.serial}"


def _ref_lines(refs: Sequence[RefKey], own_year: int, rng: random.Random) -> list[str]:
    if not refs:
        return []
    if len(refs) == 1:
        return [f"REF: {_ref_item(refs[0], own_year, rng)}"]
    items = [f"{chr(65 + i)}. {_ref_item(ref, own_year, rng)}" for i, ref in enumerate(refs)]
    if rng.random() < 0.5:
        return [f"REF: {' '.join(items)}"]
    return [f"REF: {items[0]}"] + [f"     {item}" for item in items[1:]]


def _classified_by(plan: CablePlan, rng: random.Random, station: Station) -> str:
    if station is STATE:
        title = rng.choice(_DEPARTMENT_TITLES)
        name = person(rng)
    elif rng.random() < 0.5:
        title = "Consul General" if station.origin.startswith("Consulate") else "Ambassador"
        name = f"{plan.signer_first} {plan.signer_last.capitalize()}"
    else:
        title = rng.choice(_CLASSIFIER_TITLES)
        name = person(rng)
    section = "1.5" if plan.created.year < 2003 else "1.4"
    letters = rng.choice(_REASONS)
    if rng.random() < 0.15:
        return f"CLASSIFIED BY: {title} {name}. REASON: {section} {letters}".upper()
    return f"Classified By: {title} {name} for reasons {section} {letters}"


def _addressee(rng: random.Random, post: Station, precedence: str) -> str:
    return f"{post.routing}/{post.fm_name}{precedence} {int(rng.random() * 10000):04d}"


def _header(plan: CablePlan, rng: random.Random, station: Station) -> str:
    d = plan.created
    prec = plan.precedence
    if plan.classification.startswith("UNCLASSIFIED"):
        security = "ZNR UUUUU ZZH"
    elif plan.classification.startswith("CONFIDENTIAL"):
        security = "ZNY CCCCC ZZH"
    else:
        security = "ZNY SSSSS ZZH"
    lines = [
        f"VZCZC{rng.choice(('XYZ', 'XRO'))}{int(rng.random() * 10000):04d}",
        f"{prec}{prec} RUEHWEB",
        f"DE {station.routing} #{plan.serial % 10000:04d}/01 "
        f"{d.timetuple().tm_yday:03d}{d.hour:02d}{d.minute:02d}",
        security,
        f"{prec} {d.day:02d}{d.hour:02d}{d.minute:02d}Z {MONTHS[d.month - 1]} {d.year % 100:02d}",
        f"FM {station.fm_name}",
    ]
    prec_word = _PRECEDENCE_WORDS[prec]
    if station is not STATE:
        lines.append(f"TO RUEHC/SECSTATE WASHDC{prec_word} {int(rng.random() * 10000):04d}")
    elif rng.random() < 0.2:
        lines.append("TO ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE")
    else:
        posts = [p for p in rng.sample(STATIONS, rng.randint(2, 8)) if p is not STATE]
        lines.append("TO " + _addressee(rng, posts[0], prec_word))
        lines.extend(_addressee(rng, p, prec_word) for p in posts[1:])
    info = [
        _addressee(rng, p, prec_word)
        for p in rng.sample(STATIONS, rng.randint(0, 6))
        if p is not station and p is not STATE
    ]
    if rng.random() < 0.3:
        info.extend(rng.sample(_INFO_EXTRAS, rng.randint(1, 3)))
    if info:
        lines.append("INFO " + info[0])
        lines.extend(info[1:])
    return "\n".join(lines) + "\n"


def _cast(rng: random.Random, station: Station) -> list[str]:
    """What the prose mentions besides common words: people, places, numbers."""
    people = [person(rng) for _ in range(rng.randint(1, 4))]
    mentions = [p.split()[-1] for p in people] * 3 + people
    if rng.random() < 0.05:
        mentions += ["XXXXXXXXXXXX"] * 6  # a redacted name
    mentions += [station.place, station.country.title() or "Washington"]
    mentions += [str(rng.randint(2, 900)) for _ in range(3)]
    if rng.random() < 0.01:
        mentions.append("and\\or")  # a stray backslash, to exercise the CSV escaping
    return mentions


def render(plan: CablePlan) -> SyntheticCable:
    """The full cable for a plan."""
    rng = random.Random(plan.seed)
    vocab = vocabulary()
    table = vocab.table
    station = STATIONS[plan.station]
    cls = plan.classification
    year = plan.created.year
    classified = not cls.startswith("UNCLASSIFIED")
    fouo = cls.endswith("ONLY")
    noforn = "NOFORN" in cls

    target = min(_LENGTH_MAX, max(_LENGTH_MIN, rng.lognormvariate(_LENGTH_MU, _LENGTH_SIGMA)))
    sections = 1 + int(target // 9000)
    section = f" SECTION 01 OF {sections:02d}" if sections > 1 else ""
    level = _banner_level(cls, rng, year)
    sensitive_banner = fouo and rng.random() < 0.3
    if sensitive_banner:
        level = "UNCLAS SENSITIVE"
    trailing = " " if rng.random() < 0.5 else ""
    lines = [f"{level}{section} {station.tg_name} {plan.serial:06d}{trailing}", ""]

    captions = []
    if noforn and rng.random() < 0.5:
        captions.append("NOFORN")
    if year >= 2005 and rng.random() < 0.9:
        captions.append("SIPDIS")
    if fouo and not sensitive_banner:
        captions.append("SENSITIVE")
    if noforn and "NOFORN" not in captions:
        captions.append("NOFORN")
    if classified and rng.random() < 0.01:
        captions.append(rng.choice(("EXDIS", "NODIS")))
    if captions:
        lines += [*captions, ""]
    lines += [SYNTHETIC_LINE, ""]
    if rng.random() < 0.35:
        lines += [rng.choice(_OFFICE_LINES), ""]

    tags = _pick_tags(rng, station)
    subject = _subject(rng, station, vocab.content)
    portion = PORTION_MARKS[cls]
    if classified and rng.random() < 0.25:
        subject = f"{portion[0]} {subject}"
    lines.append(_eo_line(cls, plan.created, rng))
    lines.append("TAGS: " + (", " if rng.random() < 0.1 else " ").join(tags))
    subject_line = f"SUBJECT: {subject}"
    lines += wrap(subject_line).split("\n") if len(subject_line) > 70 else [subject_line]
    lines.append("")
    ref_lines = _ref_lines(plan.references, year, rng)
    if ref_lines:
        lines += [*ref_lines, ""]
    if classified:
        lines += [_classified_by(plan, rng, station), ""]

    mentions = _cast(rng, station)
    overhead = sum(len(line) + 1 for line in lines) + 40
    remaining = max(300.0, target - overhead)
    n_paragraphs = max(2, round(remaining / max(700.0, remaining / 80)))
    words_each = remaining / n_paragraphs / vocab.mean_token_bytes
    markers = [word for word, share in MARKERS.items() if rng.random() < share]
    marker_home: dict[int, list[str]] = {}
    for word in markers:
        marker_home.setdefault(int(rng.random() * n_paragraphs), []).append(word)

    wrapped = rng.random() < 0.85
    marked = classified or rng.random() < 0.7
    has_summary = rng.random() < 0.6
    has_comment = n_paragraphs > 2 and rng.random() < 0.35
    heading_rate = 0.2 if rng.random() < 0.3 else 0.0
    random_ = rng.random
    for index in range(n_paragraphs):
        n_words = int(words_each * (0.4 + 1.2 * random_()))
        text = prose(rng, n_words, table, mentions, marker_home.get(index, ()))
        if index == 0 and has_summary:
            text = f"Summary: {text} End Summary."
        elif index == n_paragraphs - 1 and has_comment:
            text = f"Comment: {text} End Comment."
        elif random_() < 0.05:
            text += f" (Note: {prose(rng, 12, table, mentions)} End Note.)"
        if index and heading_rate and random_() < heading_rate:
            heading = " ".join(w.capitalize() for w in rng.sample(vocab.content, rng.randint(2, 4)))
            if random_() < 0.5:
                ruler = "-" * len(heading)
                lines += [ruler, heading, ruler, ""]
            else:
                lines += [heading, ""]
        mark = (portion[0] if index == 0 else rng.choice(portion)) if marked else ""
        space = "" if random_() < 0.01 else " "  # "9.(C)" is written too
        number = f"{index + 1}.{space}{mark + ' ' if mark else ''}"
        lines.append(wrap(number + text) if wrapped else number + text)
        if random_() < 0.06:
            for _ in range(rng.randint(2, 4)):
                item = "-- " + prose(rng, rng.randint(8, 30), table, mentions)
                lines.append(wrap(item) if wrapped else item)
        lines.append("")

    lines += [plan.signer_last, "", "NNNN"]
    body = "\n".join(lines) + "\n"
    if year < 2005 and rng.random() < 0.8:
        body = body.upper()  # older telegrams were sent in capitals only
    header = "" if plan.partial else _header(plan, rng, station)
    return SyntheticCable(
        row=plan.row,
        id=plan.id,
        created=plan.created,
        origin=station.origin,
        classification=cls,
        references=tuple(ref.id for ref in plan.references),
        header=header,
        body=body,
        tags=tuple(tags),
        subject=subject,
        signer=plan.signer_last,
        markers=tuple(markers),
    )


def iter_cables(count: int, seed: int = 0) -> Iterator[SyntheticCable]:
    """Generated cables in date order, for tests that want them in memory."""
    for plan in iter_plans(count, seed):
        yield render(plan)
