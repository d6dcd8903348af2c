"""Word's markup as drafts that circulate between agencies carry it: hidden guidance, text
boxes, tables of contents, a template's own heading styles, automatic numbering, tracked
changes. Each document is python-docx's blank one with its body (and, where a case needs
them, its styles and numbering) written as Word writes them."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from scrmap.sources import load_file
from scrmap.sources._word_numbering import shown

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"'
)
CASE = "Child T"


def run(text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(text: str = "", style: str | None = None, inner: str = "", ppr: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    properties = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    return f"<w:p>{properties}{run(text) if text else ''}{inner}</w:p>"


def item(text: str = "", inner: str = "") -> str:
    return para(text, "ListNumber", inner)


def style(style_id: str, name: str, inner: str = "", based_on: str = "Normal") -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{inner}</w:style>'
    )


def build(tmp_path: Path, body: str, styles: str = "", numbering: str = "") -> Path:
    """A .docx of python-docx's blank document with ``body`` as its body, ``styles`` added
    to its styles and ``numbering`` (``w:abstractNum`` and ``w:num`` elements) to its
    numbering definitions."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            if not info.filename.endswith(".xml"):
                target.writestr(info, source.read(info.filename))
                continue
            data = source.read(info.filename).decode("utf-8")
            if info.filename == "word/document.xml":
                data = (
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
                )
            elif info.filename == "word/styles.xml":
                data = data.replace("</w:styles>", f"{styles}</w:styles>")
            elif info.filename == "word/numbering.xml" and numbering:
                abstract, _, nums = numbering.partition("<w:num ")
                at = data.index("<w:num ")
                data = data[:at] + abstract + data[at:]
                data = data.replace("</w:numbering>", f"<w:num {nums}</w:numbering>")
            target.writestr(info, data.encode("utf-8"))
    return path


def read(path: Path) -> list[Any]:
    recs, problems = load_file(path)
    assert problems == []
    return recs


def texts(path: Path) -> list[tuple[str, str]]:
    return [(r.id, r.text) for r in read(path)]


INTRO = para(CASE, "Heading1") + para("This review was commissioned after the death of Child T.")
RECOMMENDATIONS = para("Recommendations", "Heading1")


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    """A template's guidance in hidden text, set on the run or by its character style, is
    not shown by Word, and was read into the recommendation."""
    guidance = style("Guidance", "Guidance", "<w:rPr><w:vanish/></w:rPr>").replace(
        'w:type="paragraph"', 'w:type="character"'
    )
    body = (
        INTRO
        + RECOMMENDATIONS
        + item(inner=run("[Write it SMART.] ", "<w:vanish/>") + run("The Board will publish."))
        + item(inner=run("[Name it.] ", '<w:rStyle w:val="Guidance"/>') + run("GPs will code."))
        + item(inner=run("Schools ", '<w:vanish w:val="0"/>') + run("will train staff."))
    )
    assert texts(build(tmp_path, body, guidance)) == [
        ("1", "The Board will publish."),
        ("2", "GPs will code."),
        ("3", "Schools will train staff."),
    ]


FALLBACK_RUNS = (
    '<mc:AlternateContent><mc:Choice Requires="w14">'
    + run("Police ")
    + "</mc:Choice><mc:Fallback>"
    + run("Police ")
    + "</mc:Fallback></mc:AlternateContent>"
)


def text_box(text: str) -> str:
    """A floating text box as Word writes it: the drawing, and a VML fallback for older
    programs, each with the text."""
    content = f"<w:txbxContent>{para(text)}</w:txbxContent>"
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData uri="wps"><wps:wsp>'
        f"<wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def cell(inner: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{inner}</w:tc>'


def table(*rows: tuple[str, ...]) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in rows[0])
    body = "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def test_a_fallback_for_older_programs_is_not_read_twice(tmp_path: Path) -> None:
    """Word writes a newer feature's runs again in ``mc:Fallback`` for older programs, and a
    text box twice, as a drawing and as VML: the fallback was read too ("Police Police"),
    and in a table cell the text box's words were read twice into the recommendation."""
    body = (
        INTRO
        + RECOMMENDATIONS
        + item(inner=FALLBACK_RUNS + run("will attend strategy meetings."))
        + table(
            (para("No."), para("Recommendation")),
            (para("2"), para("GPs will code concerns.", inner=text_box("A learning point."))),
        )
    )
    assert texts(build(tmp_path, body)) == [
        ("1", "Police will attend strategy meetings."),
        ("2", "GPs will code concerns."),
    ]


HEADINGS = (
    style("SPRHeading1", "SPR Heading 1", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>', "Heading1")
    + style("ReportHeading", "Report heading", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>')
    + style("Chapter", "Chapter", based_on="Heading1")
)


def test_a_templates_own_heading_styles_are_headings(tmp_path: Path) -> None:
    """A template's heading style, based on Heading 1 or given an outline level (which Word's
    navigation pane lists as a heading), or a paragraph given one, is a heading: "Appendix
    1" in such a style ends the section, where its numbered terms of reference were read as
    recommendations."""
    for heading in ("SPRHeading1", "ReportHeading", "Chapter", None):
        ppr = '<w:outlineLvl w:val="0"/>' if heading is None else ""
        body = (
            para(CASE, "Title")
            + para("Introduction", heading, ppr=ppr)
            + para("This review was commissioned.")
            + para("Recommendations", heading, ppr=ppr)
            + item("Health visitors will record fathers.")
            + para("Appendix 1: Terms of reference", heading, ppr=ppr)
            + item("Agencies will provide chronologies.")
        )
        recs = read(build(tmp_path, body, HEADINGS))
        assert [(r.id, r.text, r.case) for r in recs] == [
            ("1", "Health visitors will record fathers.", CASE)
        ], heading


def test_a_style_at_body_text_level_is_no_heading(tmp_path: Path) -> None:
    """A style based on a heading but set to body text's outline level (Word's "TOC
    Heading") is no heading."""
    plain = style("Lead", "Lead", '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>', "Heading1")
    body = INTRO + RECOMMENDATIONS + para("Health visitors", "Lead") + item("GPs will code.")
    assert texts(build(tmp_path, body, plain)) == [("1", "GPs will code.")]


def contents_entry(level: int, text: str, page: str) -> str:
    return para(
        style=f"TOC{level}",
        inner=run(text) + "<w:r><w:tab/></w:r>" + run(page),
    )


TOC_STYLES = style("TOC1", "toc 1") + style("TOC2", "toc 2")


def test_a_table_of_contents_is_not_read(tmp_path: Path) -> None:
    """The entries of a table of contents are the headings' words again, with page numbers:
    without a recommendations heading, "Recommendation 1: ... 5" was read as a
    recommendation beside the real one, and "Recommendations 5" reported as unread."""
    body = (
        para(CASE, "Title")
        + contents_entry(1, "Introduction", "2")
        + contents_entry(1, "Recommendations", "5")
        + contents_entry(2, "Recommendation 1: Health visitors will record fathers.", "5")
        + para("Introduction", "Heading1")
        + para("This review was commissioned.")
        + para("Findings", "Heading1")
        + para("Recommendation 1: Health visitors will record fathers.")
        + para("Recommendation 2: Schools will train staff.")
    )
    assert texts(build(tmp_path, body, TOC_STYLES)) == [
        ("1", "Health visitors will record fathers."),
        ("2", "Schools will train staff."),
    ]


def test_a_long_review_is_read_in_good_time(tmp_path: Path) -> None:
    """python-docx looked each unstyled paragraph's style up by scanning every style: a
    review of 4,800 paragraphs took 11 seconds to read; it takes well under one."""
    narrative = para("Practitioners met the family and discussed the plan with the school.")
    body = INTRO + narrative * 5_000 + RECOMMENDATIONS + item("GPs will code concerns.")
    path = build(tmp_path, body)
    started = time.perf_counter()
    assert texts(path) == [("1", "GPs will code concerns.")]
    assert time.perf_counter() - started < 3


def deleted(text: str) -> str:
    return (
        f'<w:del w:id="1" w:author="Lead Reviewer"><w:r><w:delText>{text}</w:delText></w:r></w:del>'
    )


MARK_DELETED = '<w:rPr><w:del w:id="2" w:author="Lead Reviewer"/></w:rPr>'
MARK_MOVED = '<w:rPr><w:moveFrom w:id="3" w:author="Lead Reviewer"/></w:rPr>'


def test_a_deleted_paragraph_mark_joins_the_paragraphs(tmp_path: Path) -> None:
    """With the changes accepted, a paragraph whose mark is a tracked deletion runs on into
    the next, as Word shows it: the halves of a sentence split by a deleted break were two
    recommendations. A paragraph deleted whole, or moved away, is gone, and the next keeps
    its own style: the heading after a deleted blank line is still a heading."""
    moved = "The MASH will give feedback to every referrer."
    body = (
        INTRO
        + para(inner=deleted("Draft for the panel."), ppr=MARK_DELETED)
        + RECOMMENDATIONS
        + para("Health visitors will record ", "ListNumber", ppr=MARK_DELETED)
        + item("the father's details at the first visit.")
        + para(
            inner=f'<w:moveFrom w:id="4" w:author="Lead Reviewer">{run(moved)}</w:moveFrom>',
            style="ListNumber",
            ppr=MARK_MOVED,
        )
        + item("Schools will train staff.")
        + item(inner=f'<w:moveTo w:id="5" w:author="Lead Reviewer">{run(moved)}</w:moveTo>')
    )
    recs = read(build(tmp_path, body))
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "Health visitors will record the father's details at the first visit.", 5),
        ("2", "Schools will train staff.", 8),
        ("3", moved, 9),
    ]


def abstract(abstract_id: int, *levels: tuple[str, str], suffix: str = "tab") -> str:
    """A list definition: each level's format and text ("decimal", "%1."), and what
    follows the number."""
    defined = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{defined}</w:abstractNum>'


def num(num_id: int, abstract_id: int, restart: int | None = None) -> str:
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
        if restart is not None
        else ""
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'


NUMBERING = (
    abstract(90, ("decimal", "Recommendation %1"), ("lowerLetter", "%2)"), suffix="space")
    + abstract(91, ("decimal", "%1."))
    + abstract(92, ("decimal", "R%1"))
    + abstract(93, ("upperRoman", "%1."), ("lowerLetter", "(%2)"))
    + num(90, 90)
    + num(91, 91)
    + num(92, 91, restart=1)
    + num(93, 92)
    + num(94, 93)
)


def listed(text: str, num_id: int, level: int = 0) -> str:
    ppr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return para(text, ppr=ppr)


def test_a_number_column_that_word_numbers(tmp_path: Path) -> None:
    """A "No." column numbered by Word's numbering button holds no text: every row had "no
    id" and the table was refused whole. The number Word shows is the id, in the list's
    format ("R1"), and a cell's numbered lines keep their numbers."""
    body = (
        INTRO
        + RECOMMENDATIONS
        + table(
            (para("No."), para("Recommendation"), para("Lead agency")),
            (listed("", 91), para("Health visitors will record fathers."), para("NHS")),
            (
                listed("", 91),
                para("Police will:") + listed("attend strategy meetings", 94, 1),
                para("Police"),
            ),
        )
        + table(
            (para("Ref"), para("Recommendation")),
            (listed("", 93), para("Schools will train staff.")),
            (listed("", 93), para("The MASH will give feedback.")),
        )
    )
    recs = read(build(tmp_path, body, numbering=NUMBERING))
    assert [(r.id, r.text, r.agency) for r in recs] == [
        ("1", "Health visitors will record fathers.", "NHS"),
        ("2", "Police will: (a) attend strategy meetings", "Police"),
        ("R1", "Schools will train staff.", None),
        ("R2", "The MASH will give feedback.", None),
    ]


RECOMMENDATION_STYLE = style(
    "Recommendation", "Recommendation", '<w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr>'
)


def test_a_template_style_that_numbers_recommendations(tmp_path: Path) -> None:
    """A template's "Recommendation" style, numbered "Recommendation 1" by Word (a space
    after it), labels its paragraphs as a typed label with its colon does: the paragraph
    between them is the narrative, not a recommendation, and the ids are Word's; a
    lettered list under one is part of it."""
    body = (
        INTRO
        + RECOMMENDATIONS
        + para("The panel identified learning in three areas.")
        + para("Health visitors will record fathers:", "Recommendation")
        + listed("at the first visit", 90, 1)
        + para("This was seen in the case of Child T.")
        + para("Schools will train staff in escalation.", "Recommendation")
    )
    assert texts(build(tmp_path, body, RECOMMENDATION_STYLE, NUMBERING)) == [
        ("1", "Health visitors will record fathers: at the first visit"),
        ("2", "Schools will train staff in escalation."),
    ]


def test_ids_follow_the_numbers_word_shows(tmp_path: Path) -> None:
    """A list that goes on from the findings above it is numbered on ("3.", "4."), and one
    restarted ("Restart at 1") from 1: the ids were the items' places in the section. A
    number typed in front of a paragraph is its id too, as in Markdown."""
    findings = para("Findings", "Heading1") + listed("Fathers were not seen.", 91) * 2
    continued = INTRO + findings + RECOMMENDATIONS + listed("GPs will code.", 91) * 2
    assert [r.id for r in read(build(tmp_path, continued, numbering=NUMBERING))] == ["3", "4"]
    restarted = INTRO + findings + RECOMMENDATIONS + listed("GPs will code.", 92) * 2
    assert [r.id for r in read(build(tmp_path, restarted, numbering=NUMBERING))] == ["1", "2"]
    typed = INTRO + RECOMMENDATIONS + para("5. GPs will code.") + para("6. Schools will train.")
    assert texts(build(tmp_path, typed)) == [("5", "GPs will code."), ("6", "Schools will train.")]


def test_an_id_met_twice_is_marked(tmp_path: Path) -> None:
    """An id a table's row or an item above has taken is not given twice, as in Markdown:
    the second is its place among the items, marked with a prime while that is taken too.
    Two "Recommendation 2" labels were both "2", one item to coverage."""
    body = (
        INTRO
        + RECOMMENDATIONS
        + table((para("No."), para("Recommendation")), (para("1"), para("GPs will code.")))
        + para("Recommendation 1: Schools will train staff.")
        + para("Recommendation 2: The MASH will give feedback.")
        + para("Recommendation 2: Police will attend.")
    )
    assert [r.id for r in read(build(tmp_path, body))] == ["1", "1'", "2", "3"]


def test_list_numbers_in_words_formats() -> None:
    """Word's list formats: letters go on doubled past z, as Word counts them."""
    assert [shown(n, "lowerLetter") for n in (1, 26, 28)] == ["a", "z", "bb"]
    assert [shown(n, "upperRoman") for n in (4, 14, 1999)] == ["IV", "XIV", "MCMXCIX"]
    assert [shown(n, f) for n, f in ((7, "decimalZero"), (3, "none"), (3, "ordinal"))] == [
        "07",
        "",
        "3",
    ]


def test_a_broken_numbering_definition_is_read_without_a_hang(tmp_path: Path) -> None:
    """A hand-made numbering part cannot hang or break the reading: a list that starts at
    999,999,999 in letters (a letter repeated 38 million times, for each paragraph), a
    definition that links to a style that links back to it, a level or a list that is not
    defined, a start that is no number."""
    broken = (
        '<w:abstractNum w:abstractNumId="95"><w:lvl w:ilvl="0"><w:start w:val="999999999"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%2%x"/></w:lvl><w:lvl w:ilvl="x"/>'
        '</w:abstractNum><w:abstractNum w:abstractNumId="96"><w:numStyleLink w:val="Loop"/>'
        '</w:abstractNum><w:abstractNum w:abstractNumId="97"><w:lvl w:ilvl="0"/></w:abstractNum>'
        '<w:num w:numId="95"><w:abstractNumId w:val="95"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="abc"/></w:lvlOverride><w:lvlOverride/></w:num>'
        '<w:num w:numId="96"><w:abstractNumId w:val="96"/></w:num>'
        '<w:num w:numId="97"><w:abstractNumId w:val="97"/></w:num><w:num w:numId="98"/>'
    )
    loop = style("Loop", "Loop", '<w:pPr><w:numPr><w:numId w:val="96"/></w:numPr></w:pPr>', "Loop")
    lists = (95, 96, 97, 98, 99, 95)
    body = INTRO + RECOMMENDATIONS + "".join(listed("GPs will code.", n) for n in lists * 100)
    path = build(tmp_path, body + para("Police will attend.", "Loop"), loop, broken)
    started = time.perf_counter()
    recs = read(path)
    assert time.perf_counter() - started < 3
    assert len(recs) == 601
    assert recs[0].id == "1"


HUGE = "9" * 5_000
"""A number of 5,000 digits, which ``int`` refuses with an error."""


def test_numbers_too_long_to_read_are_passed_over(tmp_path: Path) -> None:
    """A hand-made file's level, start or heading number of 5,000 digits (``int`` refuses
    one) was an internal error in a style's name ("Heading 99...9", "List Bullet 99...9"),
    and could be in a list's definition; each is passed over as not set."""
    huge = (
        style("Huge", f"Heading {HUGE}")
        + style("HugeList", f"List Bullet {HUGE}")
        + style("HugeOutline", "Outline", f'<w:pPr><w:outlineLvl w:val="{HUGE}"/></w:pPr>')
    )
    numbering = (
        f'<w:abstractNum w:abstractNumId="95"><w:lvl w:ilvl="0"><w:start w:val="{HUGE}"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="{HUGE}"/>'
        f'</w:abstractNum><w:num w:numId="95"><w:abstractNumId w:val="95"/><w:lvlOverride '
        f'w:ilvl="{HUGE}"><w:startOverride w:val="{HUGE}"/></w:lvlOverride></w:num>'
    )
    body = (
        para(CASE, "Title")
        + para("Recommendations", "Huge")
        + listed("GPs will code.", 95)
        + para("Schools will train staff.", "HugeList")
        + para("Police will attend.", "HugeOutline")
        + para(
            "The MASH will give feedback.",
            ppr=f'<w:numPr><w:ilvl w:val="{HUGE}"/><w:numId w:val="95"/></w:numPr>',
        )
    )
    assert texts(build(tmp_path, body, huge, numbering)) == [
        ("1", "GPs will code."),
        ("2", "Schools will train staff."),
        ("3", "The MASH will give feedback."),
    ]


IN_WORD = ", which scrmap does not open: in Word, save it as a Word Document (.docx) and map that"
MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def retyped(tmp_path: Path, content_type: bytes) -> Path:
    """A Word document whose main part is declared another kind of Office file's."""
    path = build(tmp_path, INTRO + RECOMMENDATIONS + item("GPs will code."))
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(MAIN, content_type)
    with zipfile.ZipFile(path, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)
    return path


def written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    return path


def odt(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda tmp: retyped(tmp, b"application/vnd.ms-word.document.macroEnabled.main+xml"),
            "a Word document with macros (.docm) named .docx" + IN_WORD,
        ),
        (
            lambda tmp: retyped(
                tmp,
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
            ),
            "a Word template (.dotx) named .docx" + IN_WORD,
        ),
        (
            lambda tmp: retyped(
                tmp, b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
            ),
            "an Excel workbook named .docx: name it .xlsx, and scrmap reads it as a workbook",
        ),
        (odt, "an OpenDocument file (.odt) named .docx" + IN_WORD),
        (
            lambda tmp: written(tmp, b"{\\rtf1\\ansi Recommendation 1: GPs will code.}"),
            "an RTF document named .docx" + IN_WORD,
        ),
        (
            lambda tmp: written(tmp, b"\n<!DOCTYPE html><html><body>GPs</body></html>"),
            "a web page (HTML) named .docx" + IN_WORD,
        ),
        (
            lambda tmp: written(tmp, b"%PDF-1.7\n"),
            "a PDF named .docx: name it .pdf, and scrmap reads it as a PDF",
        ),
        (lambda tmp: written(tmp, b""), "empty (0 bytes), not a Word document"),
    ],
    ids=["docm", "dotx", "xlsx", "odt", "rtf", "html", "pdf", "empty"],
)
def test_another_kind_of_file_named_docx_is_named(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    """Another kind of file named .docx (a Word document with macros or a template renamed,
    a workbook, or an RTF, web page or PDF a system exported as .docx) was "not a zip file",
    or "not a Word file, content type is 'application/vnd.ms-word...'" in python-docx's
    words: it is named, with what to do."""
    recs, problems = load_file(make(tmp_path))
    assert recs == []
    assert [p.message for p in problems] == [message]


def test_a_recommendation_in_a_text_box_is_reported(tmp_path: Path) -> None:
    """Text boxes are not read (a callout's learning point is no recommendation), but one
    among the recommendations that holds a labelled one is reported at the paragraph it is
    anchored in, where it was left out without a word; one in the findings is not."""
    body = (
        INTRO
        + para("Findings", "Heading1")
        + para("Fathers were not seen.", inner=text_box("Recommendation 1: GPs will code."))
        + RECOMMENDATIONS
        + item("GPs will code concerns.")
        + para(inner=text_box("Recommendation 2: Schools will train staff."))
        + item("The MASH will give feedback.")
    )
    recs, problems = load_file(build(tmp_path, body))
    assert [r.text for r in recs] == ["GPs will code concerns.", "The MASH will give feedback."]
    assert [(p.line, p.message) for p in problems] == [
        (
            7,
            "'Recommendation 2: Schools ...' is in a text box, which scrmap does not read: "
            "move it into the document's text",
        )
    ]
