"""Word drafts as Lead Reviewers write them, built with python-docx: a table of
recommendations, a bold paragraph as the heading, "Recommendation 1:" labels, and
appendices after the section that must not be read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_SECTION

from scrmap.sources import load_file

TITLE = "Child T: Safeguarding Practice Review"
INTRO = "This review was commissioned by the Partnership after the death of Child T."


def document(title: bool = True) -> Any:
    doc = docx.Document()
    if title:
        doc.add_heading(TITLE, level=0)
    doc.add_paragraph(INTRO)
    return doc


def bold(doc: Any, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def read(doc: Any, tmp_path: Path) -> list[Any]:
    path = tmp_path / "draft.docx"
    doc.save(str(path))
    recs, problems = load_file(path)
    assert problems == []
    return recs


def test_a_table_of_recommendations_with_owner_and_date(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The review makes the following recommendations.")
    table = doc.add_table(rows=1, cols=4)
    for cell, header in zip(
        table.rows[0].cells, ["No.", "Recommendation", "Lead agency", "Target date"], strict=True
    ):
        cell.text = header
    for row in (
        [
            "1",
            "Health visitors will record the father's details at the first visit.",
            "NHS Trust",
            "March 2027",
        ],
        ["2", "The MASH will give feedback to every referrer.", "Children's Services", ""],
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.agency, r.due, r.case) for r in recs] == [
        (
            "1",
            "Health visitors will record the father's details at the first visit.",
            "NHS Trust",
            "March 2027",
            TITLE,
        ),
        ("2", "The MASH will give feedback to every referrer.", "Children's Services", None, TITLE),
    ]


def test_a_table_without_a_number_column_is_numbered(tmp_path: Path) -> None:
    doc = document(title=False)
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Action", "Owner"
    table.rows[1].cells[0].text = "Publish a revised escalation protocol."
    table.rows[1].cells[1].text = "NSCB"
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.owner) for r in recs] == [
        ("1", "Publish a revised escalation protocol.", "NSCB")
    ]


def test_a_bold_paragraph_is_the_heading_and_nothing_before_it_is_read(tmp_path: Path) -> None:
    doc = document()
    bold(doc, "Recommendations")
    doc.add_paragraph("Agencies should audit the use of the Threshold Guide.")
    doc.add_paragraph("The Partnership should publish a neglect strategy.")
    bold(doc, "Appendix A: terms of reference")
    doc.add_paragraph("The panel met four times.")
    recs = read(doc, tmp_path)
    assert [r.text for r in recs] == [
        "Agencies should audit the use of the Threshold Guide.",
        "The Partnership should publish a neglect strategy.",
    ]
    assert recs[0].case == TITLE


def test_recommendation_labels_are_stripped_and_give_the_id(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Findings and recommendations", level=1)
    doc.add_paragraph("The panel found that fathers were not seen.")
    doc.add_paragraph("Recommendation 1: The NSCP should audit how fathers are engaged.")
    doc.add_paragraph("Recommendation 2 - Schools should record every concern.")
    doc.add_paragraph("Recommendation 3.1. Health visitors should ask about the household.")
    recs = read(doc, tmp_path)
    assert [(r.id, r.text) for r in recs] == [
        ("1", "The NSCP should audit how fathers are engaged."),
        ("2", "Schools should record every concern."),
        ("3.1", "Health visitors should ask about the household."),
    ]


def test_labels_without_a_heading_leave_the_title_and_introduction_out(tmp_path: Path) -> None:
    doc = document()
    doc.add_paragraph("Recommendation 1: The NSCP should audit how fathers are engaged.")
    assert [r.id for r in read(doc, tmp_path)] == ["1"]


def test_the_section_ends_at_a_section_break(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The NSCP should audit how fathers are engaged.")
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("Glossary: MASH is the Multi-Agency Safeguarding Hub.")
    assert [r.text for r in read(doc, tmp_path)] == [
        "The NSCP should audit how fathers are engaged."
    ]


def test_bold_labels_are_labels_and_a_bold_labelled_item_is_no_heading(tmp_path: Path) -> None:
    """A label in a bold run reads as a plain one; a labelled item all in bold and short
    was taken for a heading, which ended the section and dropped the items after it."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    first = doc.add_paragraph()
    first.add_run("Recommendation 1:").bold = True
    first.add_run(" Health visitors should ask about fathers at every contact.")
    bold(doc, "Recommendation 2: Social workers should see the child alone")
    doc.add_paragraph("Recommendation 3. The Board should publish the findings.")
    assert [(r.id, r.text, r.source.line) for r in read(doc, tmp_path)] == [
        ("1", "Health visitors should ask about fathers at every contact.", 4),
        ("2", "Social workers should see the child alone", 5),
        ("3", "The Board should publish the findings.", 6),
    ]


def _paragraphs(tmp_path: Path, *texts: str) -> Any:
    """What a Word file of plain paragraphs, ``texts`` one after another, reads as."""
    doc = document()
    for text in texts:
        doc.add_paragraph(text)
    path = tmp_path / "draft.docx"
    doc.save(str(path))
    return load_file(path)


def test_a_paragraph_that_looks_labelled_is_reported_if_not_read(tmp_path: Path) -> None:
    recs, problems = _paragraphs(
        tmp_path,
        "Recommendation 1 health visitors should ask about fathers.",
        "Recommendation 2: Schools should record every concern.",
        "Recommendation Three: GPs should code every concern.",
    )
    assert [r.id for r in recs] == ["2", "3"]
    assert [(p.line, p.message.split(" looks")[0]) for p in problems] == [
        (3, "'Recommendation 1 health ...'")
    ]


def test_a_label_not_read_ends_the_paragraphs_under_a_title_label(tmp_path: Path) -> None:
    """'Recommendation 3 In light of ...' (a word that goes on from the number) is no label
    the matcher reads: it is reported, not joined to the recommendation under the title
    label above it, and nor is 'Recommendations 5 and 6 ...'."""
    recs, problems = _paragraphs(
        tmp_path,
        "Recommendation 2 Supervision",
        "Agencies should ensure supervision is reflective.",
        "Recommendation 3 In light of this review, the LSCP should audit referrals.",
        "Recommendation 4 Fathers",
        "Health visitors should ask about fathers.",
        "Recommendations 5 and 6 should be read together.",
    )
    assert [(r.id, r.text) for r in recs] == [
        ("2", "Supervision. Agencies should ensure supervision is reflective."),
        ("4", "Fathers. Health visitors should ask about fathers."),
    ]
    assert [(p.line, "its label is not one scrmap reads" in p.message) for p in problems] == [
        (5, True),
        (8, True),
    ]


def test_a_label_with_no_stop_before_a_capital_is_read(tmp_path: Path) -> None:
    """As the matcher reads it: 'Recommendation 1 Health visitors ...' is labelled."""
    recs, problems = _paragraphs(
        tmp_path,
        "Recommendation 1 Health visitors should ask about fathers.",
        "Recommendation 2: Schools should record every concern.",
    )
    assert [(r.id, r.text) for r in recs] == [
        ("1", "Health visitors should ask about fathers."),
        ("2", "Schools should record every concern."),
    ]
    assert problems == []


def _numbered(doc: Any, text: str, level: int) -> None:
    """A paragraph in Word's own numbering at ``level``, as Word writes a nested list."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = doc.add_paragraph(text)
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", 1)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(value))
        numbering.append(element)
    paragraph._p.get_or_add_pPr().append(numbering)


def test_a_paragraph_that_asks_beside_a_list_is_reported(tmp_path: Path) -> None:
    """A recommendation written as a plain paragraph beside the numbered ones was not read,
    and nothing said so."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The review recommends that the Board audits 20 neglect cases.")
    doc.add_paragraph("Health visitors should record fathers.", style="List Number")
    doc.add_paragraph("The review thanks the family.")
    path = tmp_path / "draft.docx"
    doc.save(str(path))
    recs, problems = load_file(path)
    assert [r.text for r in recs] == ["Health visitors should record fathers."]
    assert [str(p) for p in problems] == [
        f"{path}:4: 'The review recommends ...' not read: beside a list of recommendations "
        "only its items and labelled paragraphs are read: make it a list item, or label it "
        "'Recommendation N: ...'"
    ]


def test_a_paragraph_that_introduces_the_list_is_not_reported(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The panel recommends the following:")
    doc.add_paragraph("Health visitors should record fathers.", style="List Number")
    assert [r.text for r in read(doc, tmp_path)] == ["Health visitors should record fathers."]


def test_an_introduction_is_no_recommendation_among_paragraphs(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The review makes the following recommendations:")
    doc.add_paragraph("Health visitors should record fathers.")
    doc.add_paragraph("Schools should refer to Early Help.")
    assert [r.text for r in read(doc, tmp_path)] == [
        "Health visitors should record fathers.",
        "Schools should refer to Early Help.",
    ]


def test_a_recommendation_set_as_a_heading_is_read(tmp_path: Path) -> None:
    """Each recommendation in a Heading style with its reasons under it: the headings were
    passed over, and the reasons read as the recommendations."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_heading("1. Health visitors should record fathers.", level=2)
    doc.add_paragraph("The panel found fathers unseen.")
    doc.add_heading("Recommendation 2: Schools must refer early.", level=2)
    doc.add_paragraph("Referrals were late.")
    doc.add_heading("Appendix 1", level=1)
    doc.add_paragraph("1. Terms of reference.")
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.case) for r in recs] == [
        ("1", "Health visitors should record fathers.", TITLE),
        ("2", "Schools must refer early.", TITLE),
    ]


def test_a_paragraph_that_asks_beside_a_table_is_reported(tmp_path: Path) -> None:
    """A sentence with "should" beside a table of recommendations was dropped in silence,
    as it no longer was in Markdown."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The Board should make sure the police attend strategy discussions.")
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(
        [*table.rows[0].cells, *table.rows[1].cells],
        ["No.", "Recommendation", "1", "Schools should record concerns."],
        strict=True,
    ):
        cell.text = text
    path = tmp_path / "draft.docx"
    doc.save(str(path))
    recs, problems = load_file(path)
    assert [r.text for r in recs] == ["Schools should record concerns."]
    assert [str(p) for p in problems] == [
        f"{path}:4: 'The Board should ...' not read: beside a table of recommendations only "
        "its rows, list items and labelled paragraphs are read"
    ]


def test_sub_items_belong_to_their_item(tmp_path: Path) -> None:
    """Level-2 list paragraphs, by Word's numbering or a "List Bullet 2" style, are part of
    the item above them, and the items keep the document's numbering."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    _numbered(doc, "The NSCP should improve supervision so that:", 0)
    _numbered(doc, "managers review caseloads monthly;", 1)
    doc.add_paragraph("social workers get reflective supervision.", style="List Bullet 2")
    _numbered(doc, "Health visitors will ask about fathers.", 0)
    recs = read(doc, tmp_path)
    assert [(r.id, r.text) for r in recs] == [
        (
            "1",
            "The NSCP should improve supervision so that: managers review caseloads monthly; "
            "social workers get reflective supervision.",
        ),
        ("2", "Health visitors will ask about fathers."),
    ]


def test_a_bulleted_list_under_a_labelled_paragraph_is_part_of_it(tmp_path: Path) -> None:
    """Bullets of the first level under "Recommendation 1: ... including:" are its text, not
    recommendations of their own that would renumber the rest."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("Recommendation 1: Agencies should share information, including:")
    doc.add_paragraph("the MARAC's actions;", style="List Bullet")
    _numbered(doc, "the risk assessment.", 0)
    doc.add_paragraph("Recommendation 2: Health visitors should ask about fathers.")
    recs = read(doc, tmp_path)
    assert [(r.id, r.text) for r in recs] == [
        (
            "1",
            "Agencies should share information, including: the MARAC's actions; the risk "
            "assessment.",
        ),
        ("2", "Health visitors should ask about fathers."),
    ]


FATHERS = "Health visitors will record the details of fathers at the first visit."
MASH = "The MASH will share information about domestic abuse incidents with health visitors."


@pytest.mark.parametrize(
    ("labels", "ids", "titles"),
    [
        (["Recommendation", "Recommendation"], ["1", "2"], ["", ""]),
        (["Recommendation 1", "Recommendation 2"], ["1", "2"], ["", ""]),
        (
            ["Recommendation 4 \u2013 Fathers", "Recommendation 7: Domestic abuse"],
            ["4", "7"],
            ["Fathers. ", "Domestic abuse. "],
        ),
    ],
)
@pytest.mark.parametrize("as_heading", [True, False], ids=["heading 2", "bold"])
def test_a_title_label_over_its_text_is_no_item(
    tmp_path: Path, labels: list[str], ids: list[str], titles: list[str], as_heading: bool
) -> None:
    """A label with no text of its own, or a short title after it, over the paragraph that
    is the recommendation: the title was read as the recommendation and the text dropped,
    and a bare label as a Heading 2 ended the section ("no recommendations found")."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    for label, text in zip(labels, [FATHERS, MASH], strict=True):
        if as_heading:
            doc.add_heading(label, level=2)
        else:
            bold(doc, label)
        doc.add_paragraph(text)
    doc.add_heading("Appendix A: terms of reference", level=1)
    doc.add_paragraph("The panel met four times.")
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.source.line, r.case) for r in recs] == [
        (ids[0], titles[0] + FATHERS, 5, TITLE),
        (ids[1], titles[1] + MASH, 7, TITLE),
    ]


def _tracked(paragraph: Any, tag: str, text: str) -> None:
    """A run of ``text`` in a tracked change (``w:ins`` or ``w:del``), as Word writes one."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    change = OxmlElement(tag)
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "LR")
    run = OxmlElement("w:r")
    words = OxmlElement("w:t" if tag == "w:ins" else "w:delText")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    change.append(run)
    paragraph._p.append(change)


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    """python-docx's text skips the runs of a tracked insertion, so a sentence was read with
    a hole in it; the text is Word's with the changes accepted, in paragraphs and cells."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    first = doc.add_paragraph("Recommendation 1: Health visitors will record the details of ")
    _tracked(first, "w:ins", "fathers and male carers")
    _tracked(first, "w:del", "mothers")
    first.add_run(" at the first visit.")
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "No.", "Recommendation"
    table.rows[1].cells[0].text = "2"
    cell = table.rows[1].cells[1].paragraphs[0]
    cell.add_run("The MASH will share ")
    _tracked(cell, "w:ins", "domestic abuse ")
    cell.add_run("information.")
    assert [(r.id, r.text) for r in read(doc, tmp_path)] == [
        (
            "1",
            "Health visitors will record the details of fathers and male carers at the first "
            "visit.",
        ),
        ("2", "The MASH will share domestic abuse information."),
    ]


def _recommendations_table(doc: Any) -> None:
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["No.", "Recommendation", "Lead agency"],
            ["1", FATHERS, "Health"],
            ["2", MASH, "Police"],
        ]
    ):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text


def test_a_section_break_before_the_table_does_not_end_the_section(tmp_path: Path) -> None:
    """A draft puts its recommendations table in a new, landscape, Word section: the break
    ended the recommendations section, and the sentence introducing the table was read as
    the only recommendation. A break after the table still ends it."""
    from docx.enum.section import WD_ORIENT

    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The recommendations are set out in the table below.")
    doc.add_section(WD_SECTION.NEW_PAGE).orientation = WD_ORIENT.LANDSCAPE
    doc.add_paragraph("")
    _recommendations_table(doc)
    doc.add_section(WD_SECTION.NEW_PAGE).orientation = WD_ORIENT.PORTRAIT
    doc.add_paragraph("Glossary: MASH is the Multi-Agency Safeguarding Hub.")
    doc.add_paragraph("The panel met four times.")
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.agency) for r in recs] == [
        ("1", FATHERS, "Health"),
        ("2", MASH, "Police"),
    ]


@pytest.mark.parametrize("style", ["List Number", None], ids=["list", "paragraphs"])
@pytest.mark.parametrize("as_heading", [True, False], ids=["heading 2", "bold"])
def test_sub_headings_keep_the_section_open(
    tmp_path: Path, style: str | None, as_heading: bool
) -> None:
    """Sub-headings by agency under a Heading 1 "Recommendations" ended the section, so
    nothing was found: as in Markdown, a deeper heading (a bold paragraph being deeper than
    any Heading style) is part of the section and is not read as a recommendation."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    for heading, text in (("For health agencies", FATHERS), ("Police", MASH)):
        if as_heading:
            doc.add_heading(heading, level=2)
        else:
            bold(doc, heading)
        doc.add_paragraph(text, style=style)
    doc.add_heading("Appendix A: terms of reference", level=1)
    doc.add_paragraph("The panel met four times.")
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.source.line) for r in recs] == [("1", FATHERS, 5), ("2", MASH, 7)]


@pytest.mark.parametrize("title", ["Action plan", "Recommendations"])
def test_a_title_row_above_the_header_row_is_skipped(tmp_path: Path, title: str) -> None:
    """A table with a title merged across its top row over its header row was not
    recognised, and after an introduction its rows were dropped in silence: the header is
    looked for in the first rows, as in a spreadsheet, and a merged row is no header."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The action plan is below.")
    table = doc.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 3)).text = title
    for r, row in enumerate(
        [
            ["No.", "Recommendation", "Lead agency", "Target date"],
            ["1", FATHERS, "Health", "May 2027"],
            ["2", MASH, "Police", ""],
        ],
        start=1,
    ):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text
    recs = read(doc, tmp_path)
    assert [(r.id, r.text, r.agency, r.due, r.source.line) for r in recs] == [
        ("1", FATHERS, "Health", "May 2027", 7),
        ("2", MASH, "Police", None, 8),
    ]


def test_a_summary_of_recommendations_gives_way_to_the_recommendations(tmp_path: Path) -> None:
    """An executive summary's "Summary of recommendations", a short list, came first and
    was read instead of the full recommendations later on; it is read only when no other
    heading names recommendations."""
    doc = document()
    doc.add_heading("Executive summary", level=1)
    doc.add_heading("Summary of recommendations", level=2)
    doc.add_paragraph("Fathers.", style="List Bullet")
    doc.add_paragraph("Information sharing.", style="List Bullet")
    doc.add_heading("Findings", level=1)
    doc.add_paragraph("Fathers were not seen.")
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(f"Recommendation 1: {FATHERS}")
    doc.add_paragraph(f"Recommendation 2: {MASH}")
    assert [(r.id, r.text, r.source.line) for r in read(doc, tmp_path)] == [
        ("1", FATHERS, 10),
        ("2", MASH, 11),
    ]


@pytest.mark.parametrize(
    "summary",
    [("Executive summary", "Key recommendations"), ("Executive summary", "Recommendations")],
)
def test_key_recommendations_give_way_to_the_recommendations(
    tmp_path: Path, summary: tuple[str, str]
) -> None:
    """A "Key recommendations", or "Recommendations" under "Executive summary", came first and
    was read instead of the full recommendations: the ones it left out were lost."""
    doc = document()
    doc.add_heading(summary[0], level=1)
    doc.add_heading(summary[1], level=2)
    doc.add_paragraph("Fathers.", style="List Bullet")
    doc.add_heading("Findings", level=1)
    doc.add_paragraph("Fathers were not seen.")
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(FATHERS, style="List Number")
    doc.add_paragraph(MASH, style="List Number")
    assert [(r.id, r.text, r.source.line) for r in read(doc, tmp_path)] == [
        ("1", FATHERS, 9),
        ("2", MASH, 10),
    ]


def test_a_summary_of_recommendations_alone_is_read(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Summary of recommendations", level=1)
    doc.add_paragraph(FATHERS, style="List Bullet")
    doc.add_heading("Appendix A: terms of reference", level=1)
    doc.add_paragraph("The panel met four times.")
    assert [r.text for r in read(doc, tmp_path)] == [FATHERS]


def test_a_tab_or_line_break_after_a_label_reads_as_a_colon(tmp_path: Path) -> None:
    """Word drafts set a label apart from its text with a tab, or with a line break after a
    bold label: such a paragraph was reported as a label scrmap does not read."""
    from docx.enum.text import WD_BREAK

    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(f"Recommendation 1\t{FATHERS}")
    second = doc.add_paragraph()
    label = second.add_run("Recommendation 2")
    label.bold = True
    label.add_break(WD_BREAK.LINE)
    second.add_run(MASH)
    doc.add_paragraph("Recommendation 3: The Board should publish the findings.")
    title = doc.add_paragraph().add_run("Recommendation 4")
    title.bold = True
    title.add_break(WD_BREAK.LINE)
    title.add_text("Fathers")
    doc.add_paragraph(FATHERS)
    assert [(r.id, r.text, r.source.line) for r in read(doc, tmp_path)] == [
        ("1", FATHERS, 4),
        ("2", MASH, 5),
        ("3", "The Board should publish the findings.", 6),
        ("4", f"Fathers. {FATHERS}", 8),
    ]


def test_a_section_break_before_a_title_label_does_not_end_the_section(tmp_path: Path) -> None:
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph("The recommendations follow on landscape pages.")
    doc.add_section(WD_SECTION.NEW_PAGE)
    bold(doc, "Recommendation 1 \u2013 Fathers")
    doc.add_paragraph(FATHERS)
    assert [(r.id, r.text) for r in read(doc, tmp_path)] == [("1", f"Fathers. {FATHERS}")]


def test_a_table_whose_header_names_no_text_is_not_read_from_a_row_below(
    tmp_path: Path,
) -> None:
    """Only title rows are passed over looking for the header: a glossary's row that reads
    "Action" is not taken for the header of a recommendations table."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(f"Recommendation 1: {FATHERS}")
    table = doc.add_table(rows=3, cols=2)
    for r, row in enumerate(
        [["Term", "Meaning"], ["MASH", "Multi-Agency Hub"], ["Action", "A step"]]
    ):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text
    assert [(r.id, r.text) for r in read(doc, tmp_path)] == [("1", FATHERS)]


def _plan(doc: Any, rows: list[list[str]]) -> Any:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for cell, text in zip(table.rows[r].cells, row, strict=True):
            cell.text = text
    return table


def test_a_recommendation_merged_over_its_actions_is_one_recommendation(tmp_path: Path) -> None:
    """An action plan with a recommendation's cell merged down over the rows of its
    actions: python-docx reads the merged cell's text in every row, so the recommendation
    was counted once for each action (and with its number merged too, the plan was refused
    for a duplicate id). The rows are one recommendation: their actions, agencies and
    statuses are joined (the action plan reads the least advanced status), it is due when
    its last action is, and a second id is reported, the first standing."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(
        doc,
        [
            ["No.", "Recommendation", "Action", "Lead agency", "Target date", "RAG"],
            ["1", FATHERS, "Revise the guidance", "Health", "May 2027", "Amber"],
            ["1a", "", "Audit 20 assessments", "Police", "June 2027", "Green"],
            ["", "", "Audit again", "Health", "", ""],
            ["2", MASH, "Share incidents daily", "Police", "July 2027", "Red"],
        ],
    )
    table.cell(1, 1).merge(table.cell(3, 1)).text = FATHERS
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    recs, problems = load_file(path)
    assert [(r.id, r.text, r.agency, r.due, r.status, r.meta, r.source.line) for r in recs] == [
        (
            "1",
            FATHERS,
            "Health; Police",
            "June 2027",
            "Amber; Green",
            {"action": "Revise the guidance; Audit 20 assessments; Audit again"},
            5,
        ),
        ("2", MASH, "Police", "July 2027", "Red", {"action": "Share incidents daily"}, 8),
    ]
    assert [(p.line, p.message) for p in problems] == [
        (
            6,
            "this row's recommendation is merged with the row above (line 5), which holds "
            "it: the id here, '1a', was not read (the first row's, '1', stands)",
        )
    ]


def test_a_row_without_text_in_a_word_table_is_left_out_and_the_rest_read(
    tmp_path: Path,
) -> None:
    """A placeholder row in a Word plan is a warning, as in a spreadsheet: it refused the
    whole document, so a draft with one unfinished row mapped nothing."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    _plan(doc, [["No.", "Recommendation"], ["1", FATHERS], ["2", ""], ["3", MASH]])
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    recs, problems = load_file(path)
    assert [(r.id, r.text) for r in recs] == [("1", FATHERS), ("3", MASH)]
    assert [(p.line, p.message.split(",")[0]) for p in problems] == [
        (6, "row '2' has no recommendation text")
    ]


@pytest.mark.parametrize("heading", [True, False])
def test_an_appendix_ends_the_recommendations(tmp_path: Path, heading: bool) -> None:
    """A bold 'Appendix 1' is deeper than any Heading style, so it was a sub-heading in the
    recommendations section, and the terms of reference numbered in it were read as
    recommendations; without a recommendations heading, the whole document was read."""
    doc = document()
    if heading:
        doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(FATHERS, style="List Number")
    doc.add_paragraph(MASH, style="List Number")
    bold(doc, "Appendix 1: Terms of reference")
    doc.add_paragraph("To establish what agencies knew.", style="List Number")
    assert [r.text for r in read(doc, tmp_path)] == [FATHERS, MASH]


@pytest.mark.parametrize(
    ("under_title", "case"),
    [("Child Q", "Child Q"), ("Background", "plan"), (None, "plan")],
)
def test_a_title_that_names_only_the_kind_of_review_is_no_case(
    tmp_path: Path, under_title: str | None, case: str
) -> None:
    """A template's title ("Safeguarding Practice Review") is the same in every file, and
    every file of the template was one case in the Board's count of cases: the subtitle
    under it names the case, else the file does."""
    doc = docx.Document()
    doc.add_heading("Safeguarding Practice Review", level=0)
    if under_title:
        doc.add_paragraph(under_title, style="Subtitle")
    doc.add_heading("Methodology", level=1)
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(FATHERS, style="List Number")
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    recs, problems = load_file(path)
    assert problems == [] and [(r.text, r.case) for r in recs] == [(FATHERS, case)]


def test_a_header_of_two_rows_is_not_a_recommendation(tmp_path: Path) -> None:
    """'Recommendation' merged down over a header's two rows (the second naming the
    columns under a merged 'Action plan') was read as a recommendation 'Recommendation';
    the second row names the columns under 'Action plan': its lead agency is read."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(
        doc,
        [
            ["Recommendation", "Action plan", "Action plan"],
            ["", "Action", "Lead agency"],
            [FATHERS, "Revise the guidance", "Health"],
        ],
    )
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Recommendation"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Action plan"
    assert [(r.text, r.agency, r.source.line) for r in read(doc, tmp_path)] == [
        (FATHERS, "Health", 6)
    ]


def test_a_sub_heading_row_merged_across_the_table_is_no_recommendation(tmp_path: Path) -> None:
    """'Health agencies' merged across a plan's row, over the recommendations it groups,
    was counted as a recommendation whose id was its text, and failed `check` unmapped."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(
        doc,
        [
            ["No.", "Recommendation", "Lead agency"],
            ["", "", ""],
            ["1", FATHERS, "Health"],
            ["", "", ""],
            ["2", MASH, "Police"],
        ],
    )
    table.cell(1, 0).merge(table.cell(1, 2)).text = "Health agencies"
    table.cell(3, 0).merge(table.cell(3, 2)).text = "Police"
    assert [(r.id, r.text, r.agency) for r in read(doc, tmp_path)] == [
        ("1", FATHERS, "Health"),
        ("2", MASH, "Police"),
    ]


def test_a_sub_heading_that_names_a_review_is_the_case_of_the_rows_under_it(
    tmp_path: Path,
) -> None:
    """A Board's plan in Word groups each review's actions under its name, each numbered from
    1: read as one case, the second "1" was a duplicate id that refused the plan."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(
        doc,
        [["No.", "Recommendation"], ["", ""], ["1", FATHERS], ["", ""], ["1", MASH]],
    )
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Child Q"
    table.cell(3, 0).merge(table.cell(3, 1)).text = "Child R \u2013 SPR"
    assert [(r.case, r.id) for r in read(doc, tmp_path)] == [
        ("Child Q", "1"), ("Child R \u2013 SPR", "1")
    ]  # fmt: skip


def test_an_empty_rag_cell_shaded_in_word_is_read_by_its_colour(tmp_path: Path) -> None:
    """A plan in Word rated by shading its empty RAG cells, as a workbook's are coloured: read
    as empty, every action had no status. A written status wins over its cell's shading, and
    a theme colour is read in the shade Word writes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(
        doc,
        [["No.", "Recommendation", "RAG"], ["1", FATHERS, ""], ["2", MASH, ""], ["3", MASH, "Red"]],
    )
    for row, fill in ((1, "FF0000"), (2, "A8D08D"), (3, "00B050")):
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), fill)
        table.cell(row, 2)._tc.get_or_add_tcPr().append(shading)
    assert [(r.id, r.status) for r in read(doc, tmp_path)] == [
        ("1", "Red (cell colour)"), ("2", "Green (cell colour)"), ("3", "Red")
    ]  # fmt: skip


def test_a_table_nested_in_a_cell_is_read_with_it(tmp_path: Path) -> None:
    """The text of a table nested in a recommendation's cell was lost without a word; in a
    cell with nothing else, the row was reported as having no text."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(doc, [["No.", "Recommendation"], ["1", "Health visitors will:"], ["2", ""]])
    nested = table.cell(1, 1).add_table(rows=1, cols=1)
    nested.cell(0, 0).text = "record the details of fathers at the first visit."
    table.cell(2, 1).add_table(rows=1, cols=1).cell(0, 0).text = MASH
    assert [(r.id, r.text) for r in read(doc, tmp_path)] == [
        ("1", "Health visitors will: record the details of fathers at the first visit."),
        ("2", MASH),
    ]


def test_a_recommendation_merged_across_a_row_is_read(tmp_path: Path) -> None:
    """A row merged across the table is a sub-heading only if it reads as one: a short
    recommendation merged across (with no agency or date of its own) is a recommendation."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    ask = "All agencies should report progress to the Board every quarter"
    table = _plan(
        doc, [["No.", "Recommendation", "Lead agency"], ["", "", ""], ["2", MASH, "Police"]]
    )
    table.cell(1, 0).merge(table.cell(1, 2)).text = ask
    assert [r.text for r in read(doc, tmp_path)] == [ask, MASH]


def test_a_heading_that_only_begins_like_back_matter_is_no_appendix(tmp_path: Path) -> None:
    """'Terms of reference for future reviews' under the recommendations is a sub-heading,
    not the terms of reference of this one: the items under it are read."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(FATHERS, style="List Number")
    doc.add_heading("Terms of reference for future reviews", level=2)
    doc.add_paragraph(MASH, style="List Number")
    assert [r.text for r in read(doc, tmp_path)] == [FATHERS, MASH]


def test_a_number_merged_down_over_the_parts_of_a_recommendation(tmp_path: Path) -> None:
    """'1' merged down beside 'a) ...' and 'b) ...': python-docx repeats the number, and
    the plan was refused for a duplicate id. The parts are one recommendation."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    table = _plan(
        doc,
        [
            ["No.", "Recommendation", "Lead agency"],
            ["1", f"a) {FATHERS}", "Health"],
            ["", f"b) {MASH}", "Police"],
            ["2", "The Board will audit supervision by May 2027.", "LSCP"],
        ],
    )
    table.cell(1, 0).merge(table.cell(2, 0)).text = "1"
    assert [(r.id, r.text, r.agency) for r in read(doc, tmp_path)] == [
        ("1", f"a) {FATHERS} b) {MASH}", "Health; Police"),
        ("2", "The Board will audit supervision by May 2027.", "LSCP"),
    ]


def _in_control(*elements: Any, placeholder: bool = False) -> None:
    """Wrap ``elements`` (siblings, in order) in a content control, as a template has them."""
    from docx.oxml.ns import qn
    from lxml import etree

    control = etree.Element(qn("w:sdt"))
    properties = etree.SubElement(control, qn("w:sdtPr"))
    if placeholder:
        etree.SubElement(properties, qn("w:showingPlcHdr"))
    content = etree.SubElement(control, qn("w:sdtContent"))
    elements[0].addprevious(control)
    for element in elements:
        content.append(element)


def test_recommendations_in_content_controls_are_read(tmp_path: Path) -> None:
    """Paragraphs, table rows and cells in a template's content controls were lost in
    silence: python-docx reads only the body's own paragraphs and a table's own rows."""
    doc = document()
    doc.add_heading("Recommendations", level=1)
    first = doc.add_paragraph("Health visitors will record the father's details.", "List Number")
    prompt = doc.add_paragraph("Click or tap here to enter text.", "List Number")
    _in_control(first._p)
    _in_control(prompt._p, placeholder=True)
    table = doc.add_table(rows=4, cols=2)
    texts = [
        ("No.", "Recommendation"),
        ("2", "The MASH will give feedback to every referrer."),
        ("3", "Schools will record every concern."),
        ("4", "GPs will ask about the household."),
    ]
    for row, (number, text) in zip(table.rows, texts, strict=True):
        row.cells[0].text, row.cells[1].text = number, text
    rows = table._tbl.tr_lst
    _in_control(rows[2], rows[3])  # a repeating section
    _in_control(rows[1].tc_lst[1])  # a cell's content control
    assert [(r.id, r.text, r.source.line) for r in read(doc, tmp_path)] == [
        ("1", "Health visitors will record the father's details.", 4),
        ("2", "The MASH will give feedback to every referrer.", 7),
        ("3", "Schools will record every concern.", 8),
        ("4", "GPs will ask about the household.", 9),
    ]
