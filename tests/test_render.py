"""The shared cable renderer (tui/output/render.py) and marking colors
(tui/output/marking_style.py).

All cable texts here are invented for the tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from io import StringIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from store.model import Cable, Level, Marking, Paragraph
from tui.output.marking_style import chip, marking_colors, marking_style
from tui.output.render import (
    HIGHLIGHT_STYLE,
    NOT_IN_CORPUS,
    BlockKind,
    HitPosition,
    layout,
    render_cable,
)
from tui.output.wrapping import _wrap_ascii_line, _wrap_line

U = Marking(Level.UNCLASSIFIED, (), "(U)")
SBU = Marking(Level.UNCLASSIFIED, ("SBU",), "(SBU)")
FOUO = Marking(Level.UNCLASSIFIED, ("FOUO",), "(U//FOUO)")
C = Marking(Level.CONFIDENTIAL, (), "(C)")
C_NF = Marking(Level.CONFIDENTIAL, ("NOFORN",), "(C/NF)")
S = Marking(Level.SECRET, (), "(S)")
S_NF = Marking(Level.SECRET, ("NOFORN",), "(S/NF)")
S_REL = Marking(Level.SECRET, ("REL NATO",), "(S/REL NATO)")
S_FGI_NF = Marking(Level.SECRET, ("FGI", "NOFORN"), "(S//FGI//NF)")
TS = Marking(Level.TOP_SECRET, (), "(TS)")
TS_SCI = Marking(Level.TOP_SECRET, ("SCI",), "(TS//SCI)")

GREEN, BLUE, RED, ORANGE, YELLOW = "#007a33", "#0033a0", "#c8102e", "#ff671f", "#f7ea48"
WHITE, BLACK = "#ffffff", "#000000"

ALL_MARKS = [
    (U, "(U)", GREEN, WHITE),
    (SBU, "(SBU)", GREEN, WHITE),
    (FOUO, "(U//FOUO)", GREEN, WHITE),
    (C, "(C)", BLUE, WHITE),
    (C_NF, "(C//NF)", BLUE, WHITE),
    (S, "(S)", RED, WHITE),
    (S_NF, "(S//NF)", RED, WHITE),
    (S_REL, "(S//REL NATO)", RED, WHITE),
    (S_FGI_NF, "(S//FGI//NF)", RED, WHITE),
    (TS, "(TS)", ORANGE, BLACK),
    (TS_SCI, "(TS//SCI)", YELLOW, BLACK),
]


def every_level_cable(**changes: object) -> Cable:
    """An invented cable with one paragraph per marking, plus the usual structure."""
    paragraphs = [
        Paragraph(f"Invented paragraph marked {mark.short}.", f"{i}.", mark)
        for i, (mark, *_rest) in enumerate(ALL_MARKS, start=1)
    ]
    fields: dict[str, object] = {
        "id": "09TESTPOST123",
        "created": datetime(2009, 3, 4, 5, 6),
        "origin": "Embassy Testville",
        "classification": Marking(Level.SECRET, ("NOFORN",)),
        "captions": ("SIPDIS", "NOFORN"),
        "to": ("SECSTATE WASHDC",),
        "info": ("AMEMBASSY ELSEWHERE",),
        "tags": ("PREL", "PGOV", "XX"),
        "subject": "INVENTED: A CABLE WITH EVERY MARKING",
        "subject_marking": C,
        "classified_by": "A. NOBODY",
        "classified_by_title": "POLOFF",
        "reasons": "1.4 (b) and (d)",
        "references": ("08TESTPOST99", "09ELSEWHERE7"),
        "paragraphs": tuple(paragraphs),
        "signer": "NOBODY",
    }
    fields.update(changes)
    return Cable(**fields)  # type: ignore[arg-type]


def block_texts(rendered, kind: BlockKind) -> list[str]:
    return [b.text.plain for b in rendered.blocks if b.kind is kind]


def styles_over(text: Text, start: int, end: int) -> Style:
    """The combined style of the characters ``start:end`` (all spans covering them)."""
    style = Style.parse(str(text.style)) if text.style else Style()
    for span in text.spans:
        if span.start <= start and span.end >= end:
            style += span.style if isinstance(span.style, Style) else Style.parse(span.style)
    return style


def console_output(renderable, **options: object) -> str:
    buffer = StringIO()
    console = Console(file=buffer, width=options.pop("width", 80), **options)  # type: ignore[arg-type]
    console.print(renderable)
    return buffer.getvalue()


# ------------------------------------------------------------------------- marking style


@pytest.mark.parametrize(("mark", "text", "background", "foreground"), ALL_MARKS)
def test_chip_shows_mark_text_on_its_level_color(mark, text, background, foreground):
    piece = chip(mark)
    assert piece.plain == text
    style = marking_style(mark)
    assert style.bold
    assert style.bgcolor.triplet.hex == background
    assert style.color.triplet.hex == foreground
    assert marking_colors(mark) == (background.upper(), foreground.upper())


def test_chip_without_marking_is_neutral_and_says_so():
    piece = chip(None)
    assert piece.plain == "?"
    background = marking_style(None).bgcolor.triplet.hex
    assert background not in {GREEN, BLUE, RED, ORANGE, YELLOW}


def test_chip_cleans_text_it_is_given():
    assert chip(C, "(C)\x1b[2J").plain == "(C)^[[2J"


# ------------------------------------------------------------------------------- banner


def test_banner_at_top_and_bottom_with_full_marking_on_level_color():
    rendered = render_cable(every_level_cable())
    assert rendered.blocks[0].kind is BlockKind.BANNER
    assert rendered.blocks[-1].kind is BlockKind.BANNER
    assert block_texts(rendered, BlockKind.BANNER) == ["SECRET//NOFORN", "SECRET//NOFORN"]
    banner_line = layout(rendered, 40).lines[0]
    assert banner_line.text.plain.strip() == "SECRET//NOFORN"
    assert len(banner_line.text.plain) == 40  # the color bar fills the width
    assert styles_over(banner_line.text, 0, 40).bgcolor.triplet.hex == RED


def test_banner_for_unknown_classification_is_neutral():
    rendered = render_cable(every_level_cable(classification=None))
    assert block_texts(rendered, BlockKind.BANNER)[0] == "UNKNOWN CLASSIFICATION"
    style = styles_over(rendered.blocks[0].text, 0, 5)
    assert style.bgcolor.triplet.hex not in {GREEN, BLUE, RED, ORANGE, YELLOW}


@pytest.mark.parametrize(
    ("marking", "banner", "background"),
    [
        (Marking(Level.UNCLASSIFIED, ("FOUO",)), "UNCLASSIFIED//FOR OFFICIAL USE ONLY", GREEN),
        (Marking(Level.CONFIDENTIAL, ("NOFORN",)), "CONFIDENTIAL//NOFORN", BLUE),
        (Marking(Level.TOP_SECRET, ("SCI",)), "TOP SECRET//SCI", YELLOW),
        (Marking(Level.TOP_SECRET, ()), "TOP SECRET", ORANGE),
    ],
)
def test_banner_text_and_color_per_level(marking, banner, background):
    rendered = render_cable(every_level_cable(classification=marking))
    block = rendered.blocks[0]
    assert block.text.plain == banner
    assert styles_over(block.text, 0, 1).bgcolor.triplet.hex == background


# ------------------------------------------------------------------------------- header


def test_header_fields_in_order():
    rendered = render_cable(every_level_cable())
    # (the TAGS line with meanings, for wide screens, is an alternative: min_width)
    fields = [b.field for b in rendered.blocks if b.kind is BlockKind.FIELD and not b.min_width]
    assert fields == [
        "id", "date", "origin", "to", "info", "captions", "tags", "subject",
        "classified_by", "marks",
    ]  # fmt: skip
    texts = [b.text.plain for b in rendered.blocks if b.kind is BlockKind.FIELD and not b.min_width]
    assert texts[0].split() == ["ID:", "09TESTPOST123"]
    assert "2009-03-04 05:06" in texts[1]
    assert "PREL, PGOV, XX" in texts[6]
    assert "A. NOBODY, POLOFF; reasons 1.4 (b) and (d)" in texts[8]


def test_subject_carries_its_marking_chip():
    rendered = render_cable(every_level_cable())
    subject = next(b for b in rendered.blocks if b.field == "subject")
    plain = subject.text.plain
    assert "(C) INVENTED: A CABLE WITH EVERY MARKING" in plain
    start = plain.index("(C)")
    assert styles_over(subject.text, start, start + 3).bgcolor.triplet.hex == BLUE


def test_unknown_date_and_partial_notice_and_decl_note():
    cable = every_level_cable(
        created=None,
        date_note="no date line in this partial extract",
        is_partial=True,
        declassify_note="N/A",
    )
    rendered = render_cable(cable)
    texts = block_texts(rendered, BlockKind.FIELD)
    assert any("date unknown (no date line in this partial extract)" in t for t in texts)
    assert any(t.split() == ["Declassify:", "N/A"] for t in texts)
    [notice] = block_texts(rendered, BlockKind.NOTICE)
    assert "partial extract" in notice.lower()


def test_refs_are_selectable_items_and_missing_ones_say_so():
    held = {"08TESTPOST99"}
    rendered = render_cable(
        every_level_cable(), refs_in_corpus=held.__contains__, cited_by=["10OTHER5"]
    )
    refs = [b for b in rendered.blocks if b.kind is BlockKind.REF]
    assert [(b.target, b.in_corpus) for b in refs] == [
        ("08TESTPOST99", True),
        ("09ELSEWHERE7", False),
    ]
    assert NOT_IN_CORPUS not in refs[0].text.plain
    assert NOT_IN_CORPUS in refs[1].text.plain
    cited = [b for b in rendered.blocks if b.kind is BlockKind.CITED_BY]
    assert [b.target for b in cited] == ["10OTHER5"]
    targets = [rendered.blocks[i].target for i in rendered.selectable_blocks()]
    assert targets == ["08TESTPOST99", "09ELSEWHERE7", "10OTHER5"]


def test_without_lookup_no_ref_is_called_missing():
    rendered = render_cable(every_level_cable())
    refs = [b for b in rendered.blocks if b.kind is BlockKind.REF]
    assert all(b.in_corpus is None and NOT_IN_CORPUS not in b.text.plain for b in refs)


# --------------------------------------------------------------------------- paragraphs


def paragraph_blocks(rendered):
    return [b for b in rendered.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)]


def test_every_marking_gets_its_chip_text_and_color():
    rendered = render_cable(every_level_cable())
    blocks = paragraph_blocks(rendered)
    assert len(blocks) == len(ALL_MARKS)
    for i, (block, (_mark, text, background, foreground)) in enumerate(
        zip(blocks, ALL_MARKS, strict=True), start=1
    ):
        plain = block.text.plain
        assert plain.startswith(f"{i}. {text} Invented paragraph")
        start = plain.index(text)
        style = styles_over(block.text, start, start + len(text))
        assert style.bgcolor.triplet.hex == background
        assert style.color.triplet.hex == foreground
        assert style.bold
        assert block.paragraph == i - 1


def test_numbers_are_kept_as_written_and_never_renumbered():
    paragraphs = (
        Paragraph("Eleventh as written.", "11.", C),
        Paragraph("Twelfth as written.", "12.", C),
        Paragraph("Nine, written with no space before its mark.", "9.", C),
        Paragraph("A pilcrow number.", "¶1.", U),
        Paragraph("No number at all.", None, S),
    )
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    plains = [b.text.plain for b in paragraph_blocks(rendered)]
    assert plains == [
        "11. (C) Eleventh as written.",
        "12. (C) Twelfth as written.",
        "9. (C) Nine, written with no space before its mark.",
        "¶1. (U) A pilcrow number.",
        "(S) No number at all.",
    ]


def test_unmarked_paragraph_has_no_chip():
    paragraphs = (Paragraph("Nothing marks this one.", "3."),)
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    [block] = paragraph_blocks(rendered)
    assert block.text.plain == "3. Nothing marks this one."
    assert not any(
        isinstance(span.style, Style) and span.style.bgcolor for span in block.text.spans
    )


def test_headings_bold_underlined_and_rulers_dim():
    paragraphs = (
        Paragraph("Money Drying Up", is_heading=True),
        Paragraph("-----\nSection Title\n-----", is_heading=True),
        Paragraph("Body.", "1.", C),
    )
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    first, second, _body = paragraph_blocks(rendered)
    assert first.kind is BlockKind.HEADING
    style = styles_over(first.text, 0, 5)
    assert style.bold and style.underline
    plain = second.text.plain
    title = plain.index("Section Title")
    assert styles_over(second.text, title, title + 7).underline
    assert styles_over(second.text, 0, 5).dim
    assert not styles_over(second.text, 0, 5).underline


def test_summary_comment_note_spans_are_styled():
    paragraphs = (
        Paragraph("Summary: invented summary text. End Summary.", "1.", C),
        Paragraph("Plain talk (Note: an aside. End Note) and more plain talk.", "2.", C),
        Paragraph("Comment: the comment opens here", "3.", S),
        Paragraph("and carries on here. End Comment.", "4.", S),
        Paragraph("After the comment.", "5.", S),
    )
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    one, two, three, four, five = paragraph_blocks(rendered)

    def italic_at(block, needle: str) -> bool:
        start = block.text.plain.index(needle)
        return bool(styles_over(block.text, start, start + len(needle)).italic)

    assert italic_at(one, "invented summary")
    assert italic_at(two, "an aside")
    assert not italic_at(two, "Plain talk")
    assert not italic_at(two, "more plain talk")
    assert italic_at(three, "comment opens")
    assert italic_at(four, "carries on")
    assert not italic_at(five, "After the comment")
    start = one.text.plain.index("End Summary")
    assert styles_over(one.text, start, start + 11).bold


def test_unclosed_note_styles_only_its_own_paragraph():
    paragraphs = (
        Paragraph("Note: this note never ends.", "1.", C),
        Paragraph("The next paragraph.", "2.", C),
    )
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    one, two = paragraph_blocks(rendered)
    assert styles_over(one.text, one.text.plain.index("never"), len(one.text)).italic
    assert not styles_over(two.text, 8, 12).italic


def test_redactions_are_dimmed():
    paragraphs = (Paragraph("Met XXXXXXXXXXXX on Monday; the XXX is no redaction.", "1.", S),)
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    [block] = paragraph_blocks(rendered)
    plain = block.text.plain
    start = plain.index("XXXXXXXXXXXX")
    assert styles_over(block.text, start, start + 12).dim
    short = plain.index("XXX is")
    assert not styles_over(block.text, short, short + 3).dim


def test_signer_shown_last_before_banner():
    rendered = render_cable(every_level_cable())
    kinds = [b.kind for b in rendered.blocks]
    assert kinds[-3:] == [BlockKind.SIGNER, BlockKind.BLANK, BlockKind.BANNER]
    assert block_texts(rendered, BlockKind.SIGNER) == ["NOBODY"]


def test_body_shown_when_parser_found_no_paragraphs():
    rendered = render_cable(every_level_cable(paragraphs=(), body="Unsplit body text."))
    [block] = paragraph_blocks(rendered)
    assert block.text.plain == "Unsplit body text."
    assert block.paragraph is None


# --------------------------------------------------------------------------- highlights


def test_highlight_terms_words_prefixes_phrases_in_order():
    paragraphs = (
        Paragraph("Baimenov met the AK ZHOL leaders.", "1.", C),
        Paragraph("Later baimenov's aide said ak\nzhol would wait; elections follow.", "2.", C),
    )
    cable = every_level_cable(paragraphs=paragraphs, subject="BAIMENOV SPEAKS")
    rendered = render_cable(cable, highlight_terms=["baim*", '"ak zhol"', "election", ""])
    found = [rendered.blocks[h.block].text.plain[h.start : h.end] for h in rendered.hits]
    assert found == [
        "BAIMENOV", "Baimenov", "AK ZHOL", "baimenov", "ak\nzhol", "elections",
    ]  # fmt: skip
    assert list(rendered.hits) == sorted(rendered.hits)
    for hit in rendered.hits:
        style = styles_over(rendered.blocks[hit.block].text, hit.start, hit.end)
        assert style.reverse and style.bold
    assert HIGHLIGHT_STYLE.reverse


def test_highlight_matches_word_starts_only():
    paragraphs = (Paragraph("The warden warned of war.", "1.", U),)
    rendered = render_cable(every_level_cable(paragraphs=paragraphs), highlight_terms=["war"])
    found = [rendered.blocks[h.block].text.plain[h.start : h.end] for h in rendered.hits]
    assert found == ["war"]


def test_highlight_term_with_regex_characters_is_literal():
    paragraphs = (Paragraph("The U.S. view (and UxSx too).", "1.", U),)
    rendered = render_cable(every_level_cable(paragraphs=paragraphs), highlight_terms=["U.S."])
    found = [rendered.blocks[h.block].text.plain[h.start : h.end] for h in rendered.hits]
    assert found == ["U.S."]


def test_no_terms_no_hits():
    assert render_cable(every_level_cable()).hits == ()


# ----------------------------------------------------------------------------- layout


@pytest.mark.parametrize("width", [12, 30, 80, 120])
def test_layout_fits_width_and_keeps_all_text(width):
    long_word = "Z" * 50
    paragraphs = (
        Paragraph(f"Words that wrap {long_word} then more words, 日本語のテキストも.", "1.", C),
        Paragraph("Line one as written\nline two as written\n\nafter a blank", "2.", S),
        Paragraph("Tab\tseparated", "3.", U),
    )
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    result = layout(rendered, width)
    for line in result.lines:
        assert cell_len(line.text.plain) <= width
        assert "\n" not in line.text.plain
    for index, block in enumerate(rendered.blocks):
        lines = [result.lines[i] for i in result.lines_of_block(index)]
        # The other one of two alternatives, or the folded header (shown only instead of one
        # too long): no lines here.
        if not block.shown_at(width) or block.kind is BlockKind.FOLDED:
            assert not lines
            continue
        assert lines, f"block {index} has no line"
        if block.kind is BlockKind.BANNER:
            continue
        shown = "".join(line.text.plain[line.indent :] for line in lines)
        assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", block.text.plain)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=" xy", max_size=60),
    width=st.integers(min_value=1, max_value=25),
    hang=st.integers(min_value=0, max_value=5),
)
def test_fast_ascii_wrap_agrees_with_general_wrap(text, width, hang):
    next_width = max(width - hang, 1)
    fast = list(_wrap_ascii_line(text, 0, len(text), width, next_width))
    general = list(_wrap_line(text, 0, len(text), width, next_width))
    assert fast == general
    for start, end, continued in fast:
        assert len(text[start:end].rstrip()) <= (next_width if continued else width)


def test_cable_line_breaks_are_kept():
    paragraphs = (Paragraph("Line one\nline two", "2.", S),)
    rendered = render_cable(every_level_cable(paragraphs=paragraphs))
    plains = [line.text.plain for line in layout(rendered, 80).lines]
    assert "2. (S) Line one" in plains
    assert "line two" in plains


def test_header_values_wrap_with_hanging_indent():
    subject = "A VERY LONG INVENTED SUBJECT LINE " * 4
    rendered = render_cable(every_level_cable(subject=subject.strip(), subject_marking=None))
    result = layout(rendered, 60)
    index = next(i for i, b in enumerate(rendered.blocks) if b.field == "subject")
    lines = [result.lines[i] for i in result.lines_of_block(index)]
    assert len(lines) > 1
    label_width = rendered.blocks[index].hang
    assert all(line.text.plain.startswith(" " * label_width) for line in lines[1:])
    assert lines[0].text.plain.startswith("Subject:")


def test_layout_lines_carry_styles_as_spans():
    """A Line-API widget renders ``Text.render`` output, which ignores a bare base style."""
    result = layout(render_cable(every_level_cable()), 50)
    for line in result.lines:
        assert not line.text.style


def test_hit_lines_found_for_n_and_n_keys():
    paragraphs = (Paragraph(("filler words " * 30) + "needle here", "1.", C),)
    rendered = render_cable(every_level_cable(paragraphs=paragraphs), highlight_terms=["needle"])
    [hit] = rendered.hits
    result = layout(rendered, 40)
    line = result.lines[result.line_of(hit.block, hit.start)]
    assert line.block == hit.block
    assert line.start <= hit.start < line.end
    assert "needle" in line.text.plain
    assert isinstance(hit, HitPosition)


# ------------------------------------------------------------------------ hostile text

HOSTILE = [
    "[bold red]SECRET[/]",
    "REF: [/]",
    "[@click=app.quit]click me[/]",
    "[link=http://evil.example]x[/link]",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J\x1b]0;owned\x07",
    "\x9b31m",
    "\u202eevil bidi",
]


# The same shapes with nothing hostile in them, to compare terminal output against.
HARMLESS = [
    "bold red SECRET",
    "REF: none",
    "click me",
    "link to x",
    "fifty two",
    "clear screen",
    "thirty one",
    "plain words",
]


def hostile_cable(texts: list[str] = HOSTILE) -> Cable:
    joined = " ".join(texts)
    return every_level_cable(
        id="09HOSTILE1" + texts[5],
        subject=joined,
        origin=texts[0],
        tags=(texts[1], "PREL"),
        references=(texts[1], "09OK1"),
        classified_by=texts[2],
        paragraphs=(
            Paragraph(joined, "1.", S_NF),
            Paragraph(texts[1], "2." + texts[6], C),
            Paragraph(texts[3] + texts[4], is_heading=True),
        ),
        signer=texts[5] + "GHOST",
        date_note=texts[1],
    )


def test_hostile_text_shows_literally_in_plain_text():
    rendered = render_cable(hostile_cable(), cited_by=["[/]"])
    plain = "\n".join(b.text.plain for b in rendered.blocks)
    for fragment in ("[bold red]SECRET[/]", "REF: [/]", "[@click=app.quit]", "[link=http://"):
        assert fragment in plain
    assert "^[]52;c;ZXZpbA==^G" in plain
    assert "<9B>31m" in plain
    assert "<202E>evil bidi" in plain
    assert "\x1b" not in plain
    assert "\x9b" not in plain


ANSI_SEQUENCE = re.compile(r"\x1b\[[0-9;]*m")


def test_hostile_text_adds_no_escape_sequence_to_terminal_output():
    def ansi(cable: Cable) -> str:
        return console_output(
            render_cable(cable, highlight_terms=["secret"]),
            force_terminal=True,
            color_system="truecolor",
            width=70,
        )

    hostile = ansi(hostile_cable(HOSTILE))
    harmless = ansi(hostile_cable(HARMLESS))
    # Once Rich's own SGR sequences are removed, no ESC or C1 character may remain.
    stripped = ANSI_SEQUENCE.sub("", hostile)
    assert "\x1b" not in stripped
    assert not re.search("[\x80-\x9f]", stripped)
    # Every sequence that is there, the renderer also writes for the harmless twin.
    assert set(ANSI_SEQUENCE.findall(hostile)) <= set(ANSI_SEQUENCE.findall(harmless))
    assert "[bold red]SECRET[/]" in stripped
    assert "REF: [/]" in stripped


def test_no_color_output_still_carries_every_mark_text():
    output = console_output(
        render_cable(every_level_cable()), force_terminal=True, no_color=True, width=80
    )
    assert "38;2" not in output and "48;2" not in output  # no colors at all
    plain = ANSI_SEQUENCE.sub("", output)
    for _mark, text, _bg, _fg in ALL_MARKS:
        assert text in plain
    assert plain.count("SECRET//NOFORN") == 2


def test_piped_output_is_plain_text():
    output = console_output(render_cable(every_level_cable()), width=80)
    assert "\x1b" not in output
    assert "1. (U) Invented paragraph marked U." in output
    assert output.splitlines()[0].strip() == "SECRET//NOFORN"


def test_render_and_marking_style_do_not_import_textual():
    code = (
        "import sys, tui.output.render, tui.output.marking_style, tui.output.export_formats; "
        "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules)"
        " else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
