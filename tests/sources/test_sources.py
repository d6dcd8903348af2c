import io
from pathlib import Path

import pytest

from scrmap import sources
from scrmap.sources import load_arguments, load_file
from scrmap.sources.yaml_file import load_yaml

from ..conftest import ROOT

YAML_FILE = """\
case: Case Z
board: Test Board
published: 2025-01-31
recommendations:
  - id: Z1
    text: Fathers should be engaged.
    owner: Children's Services
    due: 2026-03-31
  - id: Z2
    kind: finding
    text: >-
      Information was not shared
      between agencies.
"""


def test_yaml_file_with_metadata_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "z.yaml"
    path.write_text(YAML_FILE)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.case, r.kind) for r in recs] == [
        ("Z1", 5, "Case Z", "recommendation"),
        ("Z2", 9, "Case Z", "finding"),
    ]
    assert recs[0].owner == "Children's Services"
    assert recs[0].due == "2026-03-31"
    assert recs[0].meta == {"board": "Test Board", "published": "2025-01-31"}
    assert recs[1].text == "Information was not shared between agencies."


def test_yaml_problems_have_positions(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(YAML_FILE.replace("  - id: Z2", "  - id: Z1").replace("owner:", "ownr:"))
    recs, problems = load_file(path)
    assert recs == []
    assert [str(p) for p in problems] == [
        f"{path}:7:5: recommendations[0] (id 'Z1').ownr: unknown key (check the spelling)"
    ]
    path.write_text(YAML_FILE.replace("  - id: Z2", "  - id: Z1"))
    recs, problems = load_file(path)
    assert [str(p) for p in problems] == [f"{path}:9:5: duplicate id 'Z1' (first at line 5)"]


@pytest.mark.parametrize(
    ("due", "read"),
    [("2027", "2027"), ("'2027'", "2027"), ("2027-03-31 09:00:00", "2027-03-31")],
)
def test_an_unquoted_year_or_a_timestamp_is_a_due_date(due: str, read: str) -> None:
    text = f"case: C\nrecommendations:\n  - id: I-1\n    text: Record fathers.\n    due: {due}\n"
    (rec,), problems = load_yaml(text, "c.yaml")
    assert (rec.due, problems) == (read, [])


NOT_A_DUE_DATE = (
    "is not a date; write it as 2027-03-31, 31/03/2027, 31 March 2027, March 2027, Q4 2026/27 "
    "or 2027"
)


@pytest.mark.parametrize(
    ("published", "due", "message"),
    [
        ("", "    due: 5\n", f"5:10: recommendations[0] (id 'I-1').due: 5 {NOT_A_DUE_DATE}"),
        ("", "    due: 0\n", f"5:10: recommendations[0] (id 'I-1').due: 0 {NOT_A_DUE_DATE}"),
        ("published: 2016\n", "", "2:12: published: 2016 is only a year; write the date the "
         "review was published, e.g. 2016-03-31"),
        ("published: '2016'\n", "", "2:12: published: 2016 is only a year; write the date the "
         "review was published, e.g. 2016-03-31"),
        ("published: 0\n", "", "2:12: published: 0 is not a date; write it as YYYY-MM-DD, "
         "e.g. 2016-03-31"),
        ("published: 30/03/2023\n", "", "2:12: published: '30/03/2023' is not a date written "
         "YYYY-MM-DD; write the day the review was published, e.g. 2023-03-30"),
        ("published: March 2023\n", "", "2:12: published: 'March 2023' is not a date written "
         "YYYY-MM-DD; write the day the review was published, e.g. 2023-03-31"),
        ("published: 2023-02-30\n", "", "2:12: published: '2023-02-30' is no day of the "
         "calendar; write the day the review was published as YYYY-MM-DD"),
        ("", "    due: [2024]\n", "5:10: recommendations[0] (id 'I-1').due: must be a date or "
         "text; write it as 2027-03-31, 31/03/2027, 31 March 2027, March 2027, Q4 2026/27 or "
         "2027"),
    ],
)  # fmt: skip
def test_a_number_that_is_no_date_is_refused_in_plain_words(
    published: str, due: str, message: str
) -> None:
    text = f"case: C\n{published}recommendations:\n  - id: I-1\n    text: Record fathers.\n{due}"
    recs, problems = load_yaml(text, "c.yaml")
    assert (recs, [str(p) for p in problems]) == ([], [f"c.yaml:{message}"])


def test_a_published_date_unpadded_is_its_date() -> None:
    """YAML reads 2023-3-1 as text, not a date; it names one day all the same."""
    text = "case: C\npublished: 2023-3-1\nrecommendations:\n  - id: I-1\n    text: x y\n"
    (rec,), problems = load_yaml(text, "c.yaml")
    assert (rec.meta["published"], problems) == ("2023-03-01", [])


def test_a_published_timestamp_is_its_date() -> None:
    text = "case: C\npublished: 2016-03-31 10:00:00\nrecommendations:\n  - id: I-1\n    text: x y\n"
    (rec,), problems = load_yaml(text, "c.yaml")
    assert (rec.meta["published"], problems) == ("2016-03-31", [])


def test_a_framework_among_the_inputs_is_one_problem() -> None:
    path = ROOT / "examples" / "adult-sar-framework.yaml"
    recs, problems = load_file(path)
    assert recs == []
    assert [p.message for p in problems] == [
        "a framework file, not a recommendation file: give it as --framework FILE, "
        "or leave it out of the inputs"
    ]


def test_every_bundled_case_file_loads() -> None:
    loaded = load_arguments([str(ROOT / "data" / "recommendations")], str)
    assert loaded.problems == []
    assert len(loaded.read) == 5
    assert len({r.case for r in loaded.recommendations}) == 5


MARKDOWN = """\
# Case Y: a review

Some introduction that is not a recommendation.

## Recommendations

1. Fathers should be engaged in
   every assessment.
2. The MASH should give feedback.
- A bullet recommendation.
"""


def test_markdown_list_items_with_lines_and_case(tmp_path: Path) -> None:
    path = tmp_path / "y.md"
    path.write_text(MARKDOWN)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.case) for r in recs] == [
        ("1", 7, "Case Y: a review"),
        ("2", 9, "Case Y: a review"),
        ("3", 10, "Case Y: a review"),
    ]
    assert recs[0].text == "Fathers should be engaged in every assessment."


def test_a_list_quoted_from_an_email_reply_or_a_block_quote_is_its_items(tmp_path: Path) -> None:
    """A Lead Reviewer pastes recommendations from an e-mail reply, every line quoted with
    `>` (or `>>`, `> >` deeper), as Markdown writes a block quote: each item is read as if
    unquoted, its sub-items too, and no mark is left in the text; a `>` inside a line is text."""
    path = tmp_path / "reply.txt"
    path.write_text(
        "On 3 May 2026, the chair wrote:\n"
        "> ## Recommendations\n"
        ">\n"
        "> 1. The LSCP should ensure practitioners are trained on coercive control.\n"
        "> 2. Health visitors should ask about fathers\n"
        ">    and record their details.\n"
        ">> 3. Schools should share concerns where attendance is >10% below.\n"
        "> > 4. GPs will flag missed appointments.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        ("1", 4, "The LSCP should ensure practitioners are trained on coercive control."),
        ("2", 5, "Health visitors should ask about fathers and record their details."),
        ("3", 7, "Schools should share concerns where attendance is >10% below."),
        ("4", 8, "GPs will flag missed appointments."),
    ]


def test_a_quote_inside_an_item_is_its_sub_items_and_a_lone_mark_is_text(tmp_path: Path) -> None:
    """A block quote inside a list item keeps the item's indent, so its lines are the item's
    sub-items; a `>` with no space after it, or one quoted line among others, is text."""
    path = tmp_path / "quotes.md"
    path.write_text(
        "## Recommendations\n\n"
        "1. The Partnership should commission an audit of:\n\n"
        "   > a. missed health appointments;\n"
        "   > b. repeat referrals for neglect.\n\n"
        "2. Health visitors should escalate when a child has missed\n"
        ">3 appointments in a year.\n"
        "3. GPs should flag children who miss\n"
        "> 2 appointments.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [r.text for r in recs] == [
        "The Partnership should commission an audit of: a. missed health appointments; "
        "b. repeat referrals for neglect.",
        "Health visitors should escalate when a child has missed >3 appointments in a year.",
        "GPs should flag children who miss > 2 appointments.",
    ]


COPIED_FROM_A_PDF = """\
Child Q: Local Child Safeguarding Practice Review

7. Findings

1. The bruise was not escalated.

8. Recommendations

Recommendation 1
The Partnership should seek assurance that practitioners
understand the impact of parental mental health.
Recommendation 2
Health visitors should ask about fathers.
Recommendation 3: Schools should share attendance concerns with the MASH.

Appendix 1: Terms of reference

1. The review will consider the period from birth.
"""


@pytest.mark.parametrize("ending", [".txt", ".md"])
def test_text_copied_from_a_pdf_keeps_its_sections_and_labels(tmp_path: Path, ending: str) -> None:
    """Text copied out of a PDF has its numbered section headings as lines of their own, with
    no hashes, and its labels with no blank line above them: '8. Recommendations' is the
    recommendations section's heading, not recommendation 8, 'Appendix 1: ...' ends it, and
    each label at a line's start is the next recommendation, not a line of the one above."""
    path = tmp_path / f"copied{ending}"
    path.write_text(COPIED_FROM_A_PDF, encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        (
            "1",
            10,
            "The Partnership should seek assurance that practitioners understand the impact "
            "of parental mental health.",
        ),
        ("2", 13, "Health visitors should ask about fathers."),
        ("3", 14, "Schools should share attendance concerns with the MASH."),
    ]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        # a numbered sentence, not a section's name
        (
            "1. Agencies should act.\n\n8. Recommendations were not followed up.\n",
            ["Agencies should act.", "Recommendations were not followed up."],
        ),
        # a section's name with text straight under it: an item, as before
        (
            "1. Agencies should act.\n\n8. Recommendations\nHealth visitors should ask.\n",
            ["Agencies should act.", "Recommendations Health visitors should ask."],
        ),
        # a short item that names no section
        (
            "1. Agencies should act.\n\n2. Training\n\n3. Schools should act.\n",
            ["Agencies should act.", "Training", "Schools should act."],
        ),
        # a recommendation's short title that is also a section's name ('Chronology')
        (
            "8. Recommendations\n\n1. Fathers\n\n2. Chronology\n\n3. Supervision\n",
            ["Fathers", "Chronology", "Supervision"],
        ),
        # a label wrapped to a line's start inside a sentence
        (
            "Recommendation 1: The Board should report on progress against\n"
            "Recommendation 12\n\nRecommendation 3: GPs should act.\n",
            [
                "The Board should report on progress against Recommendation 12",
                "GPs should act.",
            ],
        ),
    ],
)
def test_a_numbered_line_is_a_section_heading_only_alone_and_by_its_name(
    tmp_path: Path, text: str, texts: list[str]
) -> None:
    """Only a line that is a section's name alone, with a blank line above and below, is
    read as a heading; a numbered sentence, or a short item that names no section, is not."""
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    recs, _ = load_file(path)
    assert [r.text for r in recs] == texts


def test_a_numbered_short_title_over_its_paragraph_is_that_recommendations_title(
    tmp_path: Path,
) -> None:
    """In a recommendations section, '2. Chronology' over a paragraph is the title of the
    recommendation the paragraph is, as 'Recommendation 2 \u2013 Chronology' is: its number
    the id, its title in front of the text. A short item with no paragraph under it, or a
    sentence, is an item as before."""
    path = tmp_path / "titled.txt"
    path.write_text(
        "8. Recommendations\n\n"
        "1. Fathers\n\n"
        "Health visitors should ask about the father at every new birth visit.\n\n"
        "2. Chronology\n\n"
        "The Partnership should require a multi-agency chronology for every child.\n"
        "It should be kept on the child's file.\n\n"
        "3. Supervision\n"
        "4. Schools should record every missed appointment.\n\n"
        "5. Train GPs in coercive control\n\n"
        "The panel noted that GP training was last given in 2019.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text) for r in recs] == [
        ("1", "Fathers. Health visitors should ask about the father at every new birth visit."),
        (
            "2",
            "Chronology. The Partnership should require a multi-agency chronology for every "
            "child. It should be kept on the child's file.",
        ),
        ("3", "Supervision"),
        ("4", "Schools should record every missed appointment."),
        # a short recommendation in the imperative over a comment: the comment asks nothing
        ("5", "Train GPs in coercive control"),
    ]


NESTED = """\
# Child S

## Recommendations

1. The NSCP should improve supervision so that:
   - managers review caseloads monthly;
   - social workers get reflective supervision.
2. Health visitors will ask about fathers.

3. Schools should:

    a. record every concern;

    b. share it with the MASH.
- Police will attend.
 - GPs will flag missed appointments.
"""


@pytest.mark.parametrize("ending", [".md", ".txt"])
def test_sub_items_belong_to_their_item(tmp_path: Path, ending: str) -> None:
    """Indented bullets, lettered lines and a loose list's paragraphs under an item are its
    text, and the items keep the document's numbers; one space more is an uneven margin,
    not a level."""
    path = tmp_path / f"nested{ending}"
    path.write_text(NESTED, encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        (
            "1",
            5,
            "The NSCP should improve supervision so that: managers review caseloads monthly; "
            "social workers get reflective supervision.",
        ),
        ("2", 8, "Health visitors will ask about fathers."),
        ("3", 10, "Schools should: a. record every concern; b. share it with the MASH."),
        ("4", 15, "Police will attend."),
        ("5", 16, "GPs will flag missed appointments."),
    ]


def test_word_bullets_pasted_as_text_are_items_and_sub_items(tmp_path: Path) -> None:
    """A list copied from Word and pasted as text keeps Word's bullet glyphs: the middle dot
    of its first level and 'o' (or a white circle, or '\u00a7') of the next, at the margin,
    with a tab after. The second level's lines were a paragraph, dropped in silence, and the
    recommendation read as 'The Partnership should ensure that:' alone."""
    path = tmp_path / "pasted.txt"
    path.write_text(
        "Recommendations\n\n"
        "\u00b7\tThe Partnership should ensure that:\n\n"
        "o\thealth visitors record fathers;\n"
        "\u25e6\tGPs link records;\n"
        "\u00a7   midwives ask about partners.\n"
        "\u00b7\tSchools should refer to Early Help within five school days.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        (
            "1",
            3,
            "The Partnership should ensure that: health visitors record fathers; "
            "GPs link records; midwives ask about partners.",
        ),
        ("2", 8, "Schools should refer to Early Help within five school days."),
    ]


LABELLED_WITH_BULLETS = """\
Our review makes two recommendations.

Recommendation 1: Agencies should share information about domestic abuse, including:

   - the MARAC's actions;
   - the risk assessment.

**Recommendation 2:** Health visitors should ask about fathers.
"""


@pytest.mark.parametrize("ending", [".md", ".txt"])
def test_bullets_under_a_labelled_paragraph_belong_to_it(tmp_path: Path, ending: str) -> None:
    """A labelled paragraph is an item like a list's: the bullets indented under it are its
    text, not items that would leave the labelled paragraphs out."""
    path = tmp_path / f"labelled{ending}"
    path.write_text(LABELLED_WITH_BULLETS, encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        (
            "1",
            3,
            "Agencies should share information about domestic abuse, including: the MARAC's "
            "actions; the risk assessment.",
        ),
        ("2", 8, "Health visitors should ask about fathers."),
    ]


def test_fenced_code_is_neither_an_item_nor_part_of_one(tmp_path: Path) -> None:
    path = tmp_path / "fenced.md"
    path.write_text(
        "# Case F\n\n1. Agencies should share information.\n   ```\n   $ scrmap coverage .\n"
        "   ```\n2. Health visitors should ask about fathers.\n\n~~~text\n- Name: x\n"
        "- Date: y\n~~~\n3. Schools should record concerns.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        ("1", 3, "Agencies should share information."),
        ("2", 7, "Health visitors should ask about fathers."),
        ("3", 13, "Schools should record concerns."),
    ]


def test_a_code_block_never_closed_is_reported_not_dropped_in_silence(tmp_path: Path) -> None:
    path = tmp_path / "fenced.md"
    path.write_text(
        "# Case F\n\n1. Agencies should share information.\n\n~~~\n"
        "2. Health visitors should ask about fathers.\n\n3. Schools should record concerns.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [str(p) for p in problems] == [
        f"{path}:5: a code block opened here with ~~~ never closes, so the 2 lines of text "
        "after it are not read: close it with ~~~ on a line of its own"
    ]
    path.write_text("# Case F\n```\n1. Agencies should share information.\n")
    assert [str(p) for p in load_file(path)[1]] == [
        f"{path}:2: a code block opened here with ``` never closes, so the 1 line of text "
        "after it is not read: close it with ``` on a line of its own"
    ]
    path.write_text("# Case F\n1. Agencies should share information.\n```\n\n")
    assert load_file(path)[1] == []  # nothing after it is lost


def test_plain_text_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("First recommendation\nwraps here.\n\nSecond one.\n")
    recs, _ = load_file(path)
    assert [(r.id, r.source.line, r.text, r.case) for r in recs] == [
        ("1", 1, "First recommendation wraps here.", "notes"),
        ("2", 4, "Second one.", "notes"),
    ]


def test_windows_1252_text_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_bytes("The child\u2019s voice \u2013 always.\r\n".encode("cp1252"))
    recs, problems = load_file(path)
    assert problems == [] and recs[0].text == "The child\u2019s voice \u2013 always."
    path.write_bytes(b"\xef\xbb\xbfWith a byte-order mark.\n")
    assert load_file(path)[0][0].text == "With a byte-order mark."


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
@pytest.mark.parametrize("ending", [".txt", ".csv", ".md"])
def test_utf16_or_utf32_with_its_byte_order_mark_is_text(
    tmp_path: Path, encoding: str, ending: str
) -> None:
    """UTF-32's little-endian mark starts with UTF-16's: read as UTF-16, a CSV had no text
    column (its headers NUL-spaced) and a Markdown file mapped 'S h a r e ...', exit 0."""
    texts = ["The NSCB will audit supervision by May 2027.", "Health visitors should ask."]
    body = "id,text\n" + "".join(f"{i},{t}\n" for i, t in enumerate(texts, 1))
    if ending != ".csv":
        body = "\n\n".join(texts) + "\n"
    path = tmp_path / f"plan{ending}"
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"  # these write their own
    path.write_bytes((bom + body).encode(encoding))
    recs, problems = load_file(path)
    assert problems == []
    assert [r.text for r in recs] == texts


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_excel_unicode_text_is_read_as_the_table_it_is(tmp_path: Path, encoding: str) -> None:
    """Excel's "Save as Unicode Text": UTF-16 with its byte-order mark, tab-separated,
    CRLF, ending .txt. Each row is a recommendation with its owner, due date and status."""
    body = (
        "No.\tRecommendation\tLead agency\tTarget date\tRAG\r\n"
        "1\tHealth visitors will record the details of fathers.\tNCHC\t31/03/2027\tRed\r\n"
        "2\tThe MASH will share information.\tPolice\t30/06/2027\tGreen\r\n"
    )
    path = tmp_path / "unicode-text.txt"
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"
    path.write_bytes((bom + body).encode(encoding))
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.agency, r.due, r.status, r.source.line) for r in recs] == [
        ("1", "NCHC", "31/03/2027", "Red", 2),
        ("2", "Police", "30/06/2027", "Green", 3),
    ]
    assert sources.explain_columns(path)[1] == ("Recommendation", "text")


def test_excel_unicode_text_with_a_title_above_its_header_is_the_table(tmp_path: Path) -> None:
    """A plan's merged title row, saved as "Unicode Text", is a line of its own above the
    header: the file was read as prose, the title a recommendation and every row one more."""
    body = (
        "SCR Action Plan 2026/27\t\t\t\t\r\n\t\t\t\t\r\n"
        "No.\tRecommendation\tLead agency\tTarget date\tRAG\r\n"
        "1\tHealth visitors will record the details of fathers.\tNCHC\t31/03/2027\tRed\r\n"
    )
    path = tmp_path / "plan.txt"
    path.write_bytes(body.encode("utf-16"))
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.agency, r.status, r.source.line) for r in recs] == [("1", "NCHC", "Red", 4)]


def test_unicode_text_with_tabs_but_no_recommendation_column_is_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Name\tDate\r\nAgencies should share information.\r\n".encode("utf-16"))
    recs, problems = load_file(path)
    assert problems == []
    # read as text, however the text loader splits it: not refused as a table
    assert recs[-1].text.endswith("Agencies should share information.")


def test_csv_with_extra_columns_and_recommendation_header(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        'ID,Recommendation,Agency,Priority\nC1,"Share information, promptly.",Police,'
        "high\nC2,Engage fathers.,Health,\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line, r.agency, r.meta, r.case) for r in recs] == [
        ("C1", 2, "Police", {"priority": "high"}, "r"),
        ("C2", 3, "Health", {}, "r"),
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "id,body\n1,x\n",
            "r.csv:1:1: the header row has no column of recommendation text (call it "
            "'Recommendation', 'Text' or 'Action'; found: id, body)",
        ),
        (
            "id,text\n1,x,extra\n2,y\n",
            "r.csv:2: row has 3 fields, the header has 2, so the file was not read: "
            "give the row 2 fields (in a CSV file, quote a cell that holds a comma)",
        ),
        ("", "r.csv: empty CSV file; expected a header row"),
    ],
)
def test_csv_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text(content)
    recs, problems = load_file(Path("r.csv"))
    assert recs == []
    assert [str(p) for p in problems] == [expected]


def make_docx(path: Path, heading: bool) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Case W Safeguarding Practice Review", level=1)
    document.add_paragraph("An introduction about the family.")
    if heading:
        document.add_heading("Recommendations", level=2)
    document.add_paragraph("Fathers should be invited to every conference.", style="List Number")
    document.add_paragraph("The MASH should give feedback to referrers.", style="List Number")
    if heading:
        document.add_heading("Appendix", level=2)
        document.add_paragraph("Not a recommendation.")
    document.save(str(path))


def test_docx_numbered_paragraphs_under_recommendations_heading(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    make_docx(path, heading=True)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.case) for r in recs] == [
        (
            "1",
            "Fathers should be invited to every conference.",
            "Case W Safeguarding Practice Review",
        ),
        ("2", "The MASH should give feedback to referrers.", "Case W Safeguarding Practice Review"),
    ]
    assert [r.source.line for r in recs] == [4, 5]


def test_docx_without_heading_reads_the_numbered_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    make_docx(path, heading=False)
    recs, _ = load_file(path)
    assert [r.text for r in recs] == [
        "Fathers should be invited to every conference.",
        "The MASH should give feedback to referrers.",
    ]


def test_docx_that_is_not_a_docx(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not word")
    recs, problems = load_file(path)
    assert recs == [] and len(problems) == 1
    assert str(problems[0]).startswith(f"{path}: not a readable Word .docx file")


def test_arguments_free_text_stdin_directory_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("- One.\n- Two.\n")
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    loaded = load_arguments(
        ["Engage fathers in assessments.", sources.STDIN, str(tmp_path), "missing.yaml"],
        lambda: io.BytesIO(b"Piped recommendation.\n"),
    )
    assert [(r.id, r.source.file, r.text) for r in loaded.recommendations] == [
        ("text-1", "<argument>", "Engage fathers in assessments."),
        ("1", "<stdin>", "Piped recommendation."),
        ("1", str(tmp_path / "sub" / "a.md"), "One."),
        ("2", str(tmp_path / "sub" / "a.md"), "Two."),
    ]
    assert [str(p) for p in loaded.problems] == ["missing.yaml: no such file or directory"]


@pytest.mark.parametrize("word", ["nosuchdir", "recommendations", "reviews/2024", "draft.md"])
def test_one_word_that_names_nothing_is_a_missing_path(word: str) -> None:
    loaded = load_arguments([word, "Audit supervision by May."], lambda: "")
    assert [str(p) for p in loaded.problems] == [f"{word}: no such file or directory"]
    assert [r.text for r in loaded.recommendations] == ["Audit supervision by May."]


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.docx"
    make_docx(path, heading=True)
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["word/document.xml"] = b"<w:document><unclosed"
    with zipfile.ZipFile(path, "w") as dst:
        for n, data in parts.items():
            dst.writestr(n, data)
    recs, problems = load_file(path)
    assert recs == []
    assert str(problems[0]).startswith(f"{path}: not a readable Word .docx file (")


def _compound_file(*streams: str) -> bytes:
    """An OLE compound file's bytes, as far as naming its streams: a 512-byte header whose
    first directory sector (3) holds the streams' names."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # sectors of 2**9 bytes
    header[0x30:0x34] = (3).to_bytes(4, "little")
    names = b"".join(n.encode("utf-16-le").ljust(128, b"\0") for n in ("Root Entry", *streams))
    return bytes(header) + b"\1" * 3 * 512 + names.ljust(512, b"\0")


PASSWORD = (
    "protected by a password, which scrmap cannot open: save a copy without the password "
    "(File > Info > Protect, Encrypt with Password: clear it) and map that"
)


@pytest.mark.parametrize(
    ("ending", "streams", "message"),
    [
        (".docx", ("EncryptionInfo", "EncryptedPackage"), PASSWORD),
        (".xlsx", ("EncryptionInfo", "EncryptedPackage"), PASSWORD),
        (
            ".docx",
            ("WordDocument",),
            "not a Word .docx file: an older Word .doc file (Office 97-2003) named .docx, or one "
            "protected by a password; open it in Office and save it as .docx without a password",
        ),
        (
            ".xlsx",
            ("Workbook",),
            "not a .xlsx workbook: an older Excel .xls file (Office 97-2003) named .xlsx, or one "
            "protected by a password; open it in Office and save it as .xlsx without a password",
        ),
    ],
)
def test_a_password_or_an_older_office_file_is_said_to_be(
    ending: str, streams: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    """Both were "not a zip file", which says nothing a user can act on."""
    path = tmp_path / f"plan{ending}"
    path.write_bytes(_compound_file(*streams))
    recs, problems = load_file(path)
    assert (list(recs), [str(p) for p in problems]) == ([], [f"{path}: {message}"])


def test_control_character_in_yaml_is_one_line_with_a_place() -> None:
    recs, problems = load_yaml('case: "X\x01"\nrecommendations:\n  - {id: a, text: b}\n', "c.yaml")
    assert recs == []
    assert [str(p) for p in problems] == [
        "c.yaml:1:9: not valid YAML: unacceptable character #x0001: control characters are "
        "not allowed"
    ]


def test_yaml_merge_keys_are_read_as_pyyaml_reads_them() -> None:
    """'<<: *first' was "could not determine a constructor for the tag
    'tag:yaml.org,2002:merge'": YAML's way of sharing an owner and a due date."""
    text = (
        "case: C\nrecommendations:\n"
        "  - &first {id: '1', text: Record fathers., owner: LA, due: 2027-03-31}\n"
        "  - <<: *first\n    id: '2'\n    text: Share information.\n"
        "  - <<: [{owner: Police}, *first]\n    id: '3'\n    text: Visit.\n"
    )
    recs, problems = load_yaml(text, "c.yaml")
    assert problems == []
    assert [(r.id, r.text, r.owner, r.due, r.source.line) for r in recs] == [
        ("1", "Record fathers.", "LA", "2027-03-31", 3),
        ("2", "Share information.", "LA", "2027-03-31", 4),
        ("3", "Visit.", "Police", "2027-03-31", 7),
    ]
    bad = text.replace("[{owner: Police}, *first]", "[5, *first]").replace("'2'", "[2]")
    assert [str(p) for p in load_yaml(bad, "c.yaml")[1]] == [
        "c.yaml:7:10: '<<' merges only a mapping, or a list of mappings",
        "c.yaml:5:9: recommendations[1].id: must be text",
    ]
    plain = "case: C\nrecommendations:\n  - {id: '1', text: <<}\n"  # merges nothing: text
    assert [r.text for r in load_yaml(plain, "c.yaml")[0]] == ["<<"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "case: X\nrecommendations: [\n",
            "c.yaml:3:1: not valid YAML: did not find expected node content (a [ or { above "
            "is never closed)",
        ),
        (
            "case: X\nrecommendations: [a, }]\n",
            "c.yaml:2:22: not valid YAML: did not find expected node content (a value is "
            "missing here, or a bracket does not match)",
        ),
        (
            "case: X\nrecommendations: [{id: a}\n",
            "c.yaml:3:1: not valid YAML: did not find expected ',' or ']' (in the [ ] opened "
            "at line 2, column 18)",
        ),
    ],
)
def test_an_unclosed_bracket_in_yaml_is_named_where_it_is(text: str, message: str) -> None:
    """`key: [` at the end of a file said "(in the { } opened at line 3, column 1)": no brace
    is there, and the place was the end of the file, not the bracket."""
    assert [str(p) for p in load_yaml(text, "c.yaml")[1]] == [message]


def test_recommendation_labels_in_text_are_dropped_and_give_the_id(tmp_path: Path) -> None:
    path = tmp_path / "labels.md"
    path.write_text(
        "# Case K\n\nThe panel met four times.\n\n"
        "Recommendation 1: The NSCP should audit how fathers are engaged.\n\n"
        "Recommendation 2.1 - Schools should record every concern.\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "The NSCP should audit how fathers are engaged.", 5),
        ("2.1", "Schools should record every concern.", 7),
    ]
    listed = tmp_path / "listed.md"
    listed.write_text("1. Recommendation 4: Schools should record every concern.\n")
    assert [(r.id, r.text) for r in load_file(listed)[0]] == [
        ("4", "Schools should record every concern.")
    ]


@pytest.mark.parametrize(
    "label",
    [
        "**Recommendation 1:**",
        "**Recommendation 1**:",
        "__Recommendation 1:__",
        "__Recommendation 1__ -",
        "*Recommendation 1:*",
        "_Recommendation 1._",
        "**Rec 1:**",
    ],
)
@pytest.mark.parametrize("ending", [".md", ".txt"])
def test_a_label_in_emphasis_is_a_label(tmp_path: Path, label: str, ending: str) -> None:
    """Word-to-Markdown converters write a bold label; it was not read, so its paragraph
    was dropped among labelled ones, or kept the label's words when all were bold."""
    path = tmp_path / f"v{ending}"
    path.write_text(
        f"# Case V\n\nThe panel met four times.\n\n"
        f"{label} Health visitors should ask about fathers at every contact.\n\n"
        "Recommendation 2 \u2013 Schools should record every concern.\n\n"
        "Recommendation 3. The Board should publish the findings.\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "Health visitors should ask about fathers at every contact.", 5),
        ("2", "Schools should record every concern.", 7),
        ("3", "The Board should publish the findings.", 9),
    ]
    all_bold = tmp_path / f"bold{ending}"
    all_bold.write_text(f"{label} Schools should record every concern.\n\n**Rec 2:** Audit.\n")
    assert [(r.id, r.text) for r in load_file(all_bold)[0]] == [
        ("1", "Schools should record every concern."),
        ("2", "Audit."),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "**Recommendation 1: The Board should publish a policy by May 2027.**",
        "**Recommendation 1 \u2013 The Board should publish a policy by May 2027.**",
        "*Recommendation 1 - The Board should publish a policy by May 2027.*",
        "__Recommendation 1. The Board should publish a policy by May 2027.__",
    ],
)
def test_a_labelled_paragraph_all_in_emphasis_is_read(tmp_path: Path, paragraph: str) -> None:
    """A recommendation all in bold, as Word-to-Markdown converters write a bold paragraph,
    was "not one scrmap reads" and was left out, though its label was one."""
    path = tmp_path / "b.md"
    path.write_text(
        f"# Child N\n\n## Recommendations\n\n{paragraph}\n\n"
        "Recommendation 2: Schools should record concerns by May 2027.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "The Board should publish a policy by May 2027.", 5),
        ("2", "Schools should record concerns by May 2027.", 7),
    ]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        (
            "**Recommendation 3: Professional curiosity.** Practitioners should explore "
            "the history of adults in the household.",
            "Professional curiosity. Practitioners should explore the history of adults in "
            "the household.",
        ),
        (
            "__Recommendation 3 \u2013 Professional curiosity__ Practitioners should explore "
            "the history of adults in the household.",
            "Professional curiosity. Practitioners should explore the history of adults in "
            "the household.",
        ),
        (
            "*Recommendation 3: Practitioners should explore* the history of adults in the "
            "household.",
            "Practitioners should explore the history of adults in the household.",
        ),
    ],
)
def test_a_label_in_emphasis_with_its_title_is_a_label(
    tmp_path: Path, paragraph: str, text: str
) -> None:
    """Converters set a label and its title in bold together ('**Recommendation 3:
    Professional curiosity.** Practitioners ...'): the paragraph was reported as "not one
    scrmap reads" among labelled ones, or kept its label with the id 1 when alone."""
    path = tmp_path / "w.md"
    path.write_text(
        "# Child W\n\n## Recommendations\n\n"
        "**Recommendation 2:** Schools should record every concern.\n\n"
        f"{paragraph}\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("2", "Schools should record every concern.", 5),
        ("3", text, 7),
    ]
    alone = tmp_path / "alone.md"
    alone.write_text(f"# Child W\n\n{paragraph}\n", encoding="utf-8")
    assert [(r.id, r.text) for r in load_file(alone)[0]] == [("3", text)]


def test_a_paragraph_that_looks_labelled_is_never_dropped_in_silence(tmp_path: Path) -> None:
    path = tmp_path / "v.md"
    path.write_text(
        "The panel met four times.\n\n"
        "**Recommendation 1** health visitors should ask about fathers.\n\n"
        "Recommendation 2: Schools should record every concern.\n"
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["2"]
    assert [str(p) for p in problems] == [
        f"{path}:3: '**Recommendation 1** health ...' looks like a recommendation but its "
        "label is not one scrmap reads, so it was not read: write the label as "
        "'Recommendation 1: ...', or make it a list item"
    ]


def test_a_label_with_no_stop_is_read_where_the_matcher_reads_one(tmp_path: Path) -> None:
    """'Recommendation 2 Health visitors ...' beside a list is labelled, as the matcher reads
    it (`item_label`), not reported as a label not read; with a short title and no verb it
    is a title over the paragraph under it, as 'Recommendation 3 \u2013 Supervision' is,
    up to the next paragraph that starts as a label does, read or not: numbers joined
    ('Recommendations 1 and 2 ...') label none, and are reported, not joined to it."""
    path = tmp_path / "w.md"
    path.write_text(
        "# Child W\n\n## Recommendations\n\n"
        "1. Agencies should share information about domestic abuse.\n\n"
        "Recommendation 2 Health visitors should ask about fathers.\n\n"
        "**Recommendation 3** The LSCP will audit supervision.\n\n"
        "Recommendation 4 Supervision\n\nManagers should give supervision monthly.\n\n"
        "Recommendations 1 and 2 should be read together.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "Agencies should share information about domestic abuse.", 5),
        ("2", "Health visitors should ask about fathers.", 7),
        ("3", "The LSCP will audit supervision.", 9),
        ("4", "Supervision. Managers should give supervision monthly.", 13),
    ]
    assert [p.line for p in problems] == [15]
    assert "its label is not one scrmap reads" in str(problems[0])


@pytest.mark.parametrize(
    "paragraph",
    [
        "Recommendation 2 health visitors should ask about fathers.",  # no capital
        "Recommendation Two Health visitors should ask about fathers.",  # a word, no stop
    ],
)
def test_a_label_with_no_stop_the_matcher_reads_whole_is_reported(
    tmp_path: Path, paragraph: str
) -> None:
    path = tmp_path / "x.md"
    path.write_text(
        f"# Recommendations\n\n1. Agencies should share information.\n\n{paragraph}\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [p.line for p in problems] == [5]
    assert "its label is not one scrmap reads" in str(problems[0])


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Recommendation Three:", "3"),
        ("Recommendation Eleven:", "11"),
        ("**Recommendation one:**", "1"),
        ("Multi-agency recommendation 4:", "4"),
        ("Single agency recommendation 5.", "5"),
        ("**LSCB Recommendation 6:**", "6"),
    ],
)
def test_a_label_in_words_or_saying_whose_it_is_is_read(
    tmp_path: Path, label: str, number: str
) -> None:
    """A number in words is the label's number in digits; whose recommendation it is
    (multi-agency, single agency, the LSCB's) is part of the label, not of the text."""
    path = tmp_path / "v.md"
    path.write_text(
        f"{label} Health visitors should ask about fathers.\n\n"
        "Recommendation 12: Schools should record every concern.\n"
    )
    recs, problems = load_file(path)
    assert [(r.id, r.text) for r in recs] == [
        (number, "Health visitors should ask about fathers."),
        ("12", "Schools should record every concern."),
    ]
    assert problems == []


def test_a_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "recs").mkdir()
    (tmp_path / "recs" / "a.yaml").write_text(YAML_FILE)
    (tmp_path / "recs" / "b.md").write_text("- One.\n")
    (tmp_path / "hard.yaml").hardlink_to(tmp_path / "recs" / "a.yaml")
    (tmp_path / "soft.yaml").symlink_to(tmp_path / "recs" / "a.yaml")
    args = ["recs/b.md", "recs", "./recs/", str(tmp_path / "recs"), "hard.yaml", "soft.yaml"]
    loaded = load_arguments(args, io.BytesIO)
    assert loaded.problems == []
    assert loaded.read == ["recs/b.md", "recs/a.yaml"]
    assert [(r.source.file, r.id) for r in loaded.recommendations] == [
        ("recs/b.md", "1"),
        ("recs/a.yaml", "Z1"),
        ("recs/a.yaml", "Z2"),
    ]


def test_a_folder_whose_files_were_all_read_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("- One.\n")
    loaded = load_arguments([str(tmp_path), str(tmp_path)], io.BytesIO)
    assert loaded.problems == []
    assert [r.text for r in loaded.recommendations] == ["One."]


def test_gold_files_named_twice_are_named_once(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text("name: g\n")
    (tmp_path / "h.yaml").write_text("name: h\n")
    paths = [tmp_path / "g.yaml", tmp_path / "h.yaml", tmp_path / "." / "g.yaml"]
    assert sources.once(paths) == paths[:2]


@pytest.mark.parametrize(
    ("labels", "ids", "titles"),
    [
        (
            ["Recommendation 4 \u2013 Fathers", "Recommendation 7: Domestic abuse"],
            ["4", "7"],
            ["Fathers. ", "Domestic abuse. "],
        ),
        (["**Recommendation 1**", "**Recommendation 2**"], ["1", "2"], ["", ""]),
        (["Recommendation 1", "Recommendation 2:"], ["1", "2"], ["", ""]),
        (
            ["### Recommendation 1", "### Recommendation 2 - Domestic abuse"],
            ["1", "2"],
            ["", "Domestic abuse. "],
        ),
        (["**Recommendation**", "**Recommendation**"], ["1", "2"], ["", ""]),
        (
            ["**Recommendation 2 (Supervision)**", "Recommendation Three \u2013 Fathers"],
            ["2", "3"],
            ["Supervision. ", "Fathers. "],
        ),
        (["Recommendations 2 \u2013 Fathers", "Recommendation 3"], ["2", "3"], ["Fathers. ", ""]),
    ],
)
def test_a_title_label_over_its_text_is_no_item(
    tmp_path: Path, labels: list[str], ids: list[str], titles: list[str]
) -> None:
    """A label with no text of its own, or a short title after it, over the paragraphs that
    are the recommendation: the title was the item and the text was dropped, or a bare
    label was an item of its own (four items for two). A title is kept in front of the
    text: a short recommendation can stand where a title does."""
    path = tmp_path / "k.md"
    path.write_text(
        f"# Child K\n\n## Recommendations\n\n{labels[0]}\n\nHealth visitors will record the "
        "details of fathers\nat the first visit.\n\nThey will ask about the household.\n\n"
        f"{labels[1]}\n\nThe MASH will share information.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line, r.case) for r in recs] == [
        (
            ids[0],
            f"{titles[0]}Health visitors will record the details of fathers at the first "
            "visit. They will ask about the household.",
            7,
            "Child K",
        ),
        (ids[1], f"{titles[1]}The MASH will share information.", 14, "Child K"),
    ]
    short = tmp_path / "short.md"
    short.write_text("Recommendation 1: Audit\n\nRecommendation 2: Share\n", encoding="utf-8")
    assert [(r.id, r.text) for r in load_file(short)[0]] == [("1", "Audit"), ("2", "Share")]


def test_a_label_under_a_title_label_is_no_part_of_its_text(tmp_path: Path) -> None:
    """A label scrmap does not read ('Recommendation 2 (Supervision)' before brackets were
    read; a number with no stop before a small letter now) ran into the text above it as a
    further paragraph, and was lost in silence."""
    path = tmp_path / "w.md"
    path.write_text(
        "# Child AI\n\n## Recommendations\n\nRecommendation 1 \u2013 Escalation\n\n"
        "Agencies should use the escalation policy.\n\n"
        "Recommendation 2 agencies should share this with each other.\n\nSchools should.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [(r.id, r.text) for r in recs] == [
        ("1", "Escalation. Agencies should use the escalation policy.")
    ]
    # and the paragraph under the label not read is reported too, as one that asks
    assert [p.line for p in problems] == [9, 11]
    assert "its label is not one scrmap reads" in str(problems[0])


@pytest.mark.parametrize(
    ("label", "title"),
    [("### Recommendation 1", ""), ("Recommendation 1 \u2013 Fathers", "Fathers. ")],
)
def test_a_list_under_a_title_label_is_its_recommendation(
    tmp_path: Path, label: str, title: str
) -> None:
    """Bullets under a title label were items of their own: the label was reported as
    unread (exit 2 in check) or became an item ("Fathers"), and the ids ran out of step."""
    path = tmp_path / "tl2.md"
    path.write_text(
        f"# Child K\n\n## Recommendations\n\n{label}\n\n- Health visitors should ask about "
        "fathers.\n- GPs should record fathers.\n\n### Recommendation 2\n\n"
        "- Schools should record concerns.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", f"{title}Health visitors should ask about fathers. GPs should record fathers.", 7),
        ("2", "Schools should record concerns.", 12),
    ]


def test_a_short_recommendation_on_the_label_line_is_never_dropped(tmp_path: Path) -> None:
    """ "Recommendation 1: Audit the neglect toolkit" reads as a title (short, no modal
    verb); with its reasons under it, the recommendation itself was dropped."""
    path = tmp_path / "t.md"
    path.write_text(
        "# Child K\n\n## Recommendations\n\nRecommendation 1: Audit the neglect toolkit\n\n"
        "The panel found that practitioners did not use it.\n",
        encoding="utf-8",
    )
    (rec,) = load_file(path)[0]
    assert rec.text == (
        "Audit the neglect toolkit. The panel found that practitioners did not use it."
    )


def test_the_case_is_the_heading_a_recommendations_section_sits_under(tmp_path: Path) -> None:
    """Files made from one template ('# Serious Case Review', '## Child A', '###
    Recommendations') were all one case, named after the template's title."""
    for child in "AB":
        (tmp_path / f"{child}.md").write_text(
            f"# Serious Case Review\n\n## Child {child}\n\n### Methodology\n\nText.\n\n"
            f"### Recommendations\n\n1. Schools should record concerns.\n",
            encoding="utf-8",
        )
        (rec,) = load_file(tmp_path / f"{child}.md")[0]
        assert rec.case == f"Child {child}"


def test_a_recommendations_heading_bounds_what_is_read(tmp_path: Path) -> None:
    """Findings before the Recommendations heading and an appendix after it were read as
    recommendations, the appendix's items under the case 'Appendix: people interviewed'."""
    path = tmp_path / "f.md"
    path.write_text(
        "# Child F\n\n## Findings\n\n1. Health visitors did not record the father.\n\n"
        "## Recommendations\n\nThe panel makes one recommendation.\n\n"
        "### Recommendation 1 - Fathers\n\nHealth visitors will record the details of fathers."
        "\n\n## Appendix: people interviewed\n\n1. The social worker\n2. The health visitor\n"
        "\n# Child G\n\n## Recommendations\n\n- Schools will record every concern.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line, r.case) for r in recs] == [
        ("1", "Fathers. Health visitors will record the details of fathers.", 13, "Child F"),
        ("1", "Schools will record every concern.", 24, "Child G"),
    ]


def test_a_section_heading_does_not_rename_the_case(tmp_path: Path) -> None:
    """'## Methodology' under '# Child A' named the case, so that every file with one was
    the one case 'Methodology'."""
    for case in "AB":
        (tmp_path / f"m{case}.md").write_text(
            f"# Child {case}\n\n## Methodology\n\nSystems approach.\n\n## Recommendations\n\n"
            "1. Health visitors will record the details of fathers.\n",
            encoding="utf-8",
        )
    inputs = load_arguments([str(tmp_path)], io.BytesIO)
    assert [(r.id, r.case) for r in inputs.recommendations] == [("1", "Child A"), ("1", "Child B")]
    without = tmp_path / "notes.md"
    without.write_text("## Methodology\n\nSystems approach.\n\n1. Share it.\n", encoding="utf-8")
    # A section's heading never names a case, even with no title: the file does.
    assert [(r.text, r.case) for r in load_file(without)[0]] == [("Share it.", "notes")]


def test_a_pipe_table_is_read_as_a_table(tmp_path: Path) -> None:
    """A Markdown pipe table of recommendations was one item, its rows run together; it is
    read as a Word or CSV table is, its other columns kept, the text around it left out."""
    path = tmp_path / "u.md"
    path.write_text(
        "# Child U\n\n## Recommendations\n\nThe review makes two recommendations.\n\n"
        "| No. | Recommendation | Lead agency | Target date | RAG |\n|---|:---|---|---|--:|\n"
        "| 1 | Health visitors will record fathers\\| carers. | NCHC | March 2027 | Red |\n"
        "| 2 | The MASH will share information. | Police |\n\n"
        "Recommendation 3: Schools will record every concern.\n\n"
        "## Appendix\n\n| Name | Role |\n|---|---|\n| A | Social worker |\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.agency, r.due, r.status, r.source.line, r.case) for r in recs] == [
        (
            "1",
            "Health visitors will record fathers| carers.",
            "NCHC",
            "March 2027",
            "Red",
            9,
            "Child U",
        ),
        ("2", "The MASH will share information.", "Police", None, None, 10, "Child U"),
        ("3", "Schools will record every concern.", None, None, None, 12, "Child U"),
    ]
    other = tmp_path / "other.md"
    other.write_text("| Name | Role |\n|---|---|\n| A | Social worker |\n", encoding="utf-8")
    assert len(load_file(other)[0]) == 1  # not a table of recommendations: text, as before


@pytest.mark.parametrize(
    ("table", "agency"),
    [
        ("| No | Recommendation |\n|---|---|\n| 1 | Schools should record concerns. |\n", None),
        (
            "No. | Recommendation | Lead agency\n--- | --- | ---\n"
            "1 | Schools should record concerns. | Education\n",
            "Education",
        ),
    ],
)
def test_a_pipe_table_needs_no_blank_line_nor_outer_pipes(
    tmp_path: Path, table: str, agency: str | None
) -> None:
    """A table straight after a line of text ran into its paragraph, and one without outer
    pipes was text: both are tables in GitHub's Markdown."""
    path = tmp_path / "p2.md"
    path.write_text(f"# Child K\nIntro line\n{table}", encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.agency, r.source.line) for r in recs] == [
        ("1", "Schools should record concerns.", agency, 5)
    ]


def test_a_paragraph_that_asks_beside_a_table_is_reported(tmp_path: Path) -> None:
    """A sentence with "should" or "must" next to a table of recommendations was not read,
    and nothing said so."""
    path = tmp_path / "b.md"
    path.write_text(
        "# Child K\n\nThe review makes one recommendation.\n\n"
        "| No | Recommendation |\n|---|---|\n| 1 | Schools should record concerns. |\n\n"
        "GPs must also record fathers.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [str(p) for p in problems] == [
        f"{path}:9: 'GPs must also ...' not read: beside a table of recommendations only its "
        "rows, list items and labelled paragraphs are read"
    ]


def test_a_paragraph_that_asks_beside_a_list_is_reported(tmp_path: Path) -> None:
    """A recommendation written as a paragraph beside the numbered ones ("The review
    recommends that ...", "... should also ...") was not read, and nothing said so: the
    draft's count was short and the check passed."""
    path = tmp_path / "l.md"
    path.write_text(
        "# Child R\n\n## Recommendations\n\n"
        "The review recommends that the Board audits 20 neglect cases.\n\n"
        "1. Health visitors should record fathers.\n2. Schools should refer to Early Help.\n\n"
        "Children's Social Care should also invite health to strategy discussions.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1", "2"]
    why = (
        "not read: beside a list of recommendations only its items and labelled paragraphs "
        "are read: make it a list item, or label it 'Recommendation N: ...'"
    )
    assert [str(p) for p in problems] == [
        f"{path}:5: 'The review recommends ...' {why}",
        f"{path}:10: 'Children's Social Care ...' {why}",
    ]


@pytest.mark.parametrize(
    "intro",
    [
        "The panel recommends the following.",
        "It is recommended that:",
        "Agencies should note the recommendations below.",
    ],
)
def test_a_paragraph_that_introduces_the_list_is_not_reported(tmp_path: Path, intro: str) -> None:
    """A paragraph that introduces the recommendations after it asks for nothing itself."""
    path = tmp_path / "i.md"
    path.write_text(
        f"# Child R\n\n## Recommendations\n\n{intro}\n\n1. Health visitors should record "
        "fathers.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert problems == []


@pytest.mark.parametrize(
    "text",
    [
        # no recommendations heading: the whole file is read, its paragraphs are narrative
        "# Child J\n\nAgencies should work together, the panel heard.\n\n",
        # hindsight is a finding, not a recommendation
        "# Child J\n\n## Recommendations\n\nPractitioners should have been more curious.\n\n",
    ],
)
def test_narrative_beside_a_list_is_not_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "n.md"
    path.write_text(f"{text}1. Health visitors should record fathers.\n", encoding="utf-8")
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert problems == []


@pytest.mark.parametrize(
    "intro",
    ["The review makes the following recommendations:", "Our recommendations are set out below."],
)
def test_an_introduction_is_no_recommendation_among_paragraphs(tmp_path: Path, intro: str) -> None:
    """With neither a list nor labels every paragraph is a recommendation, and the sentence
    that introduced them was one too: unmapped, an error that failed the check."""
    path = tmp_path / "p.md"
    path.write_text(
        f"# Child V\n\n## Recommendations\n\n{intro}\n\n"
        "Health visitors should record fathers.\n\nSchools should refer to Early Help.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [(r.id, r.source.line) for r in recs] == [("1", 7), ("2", 9)]
    assert problems == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("### 1. Health visitors should record fathers.", "### 2. Schools must refer early."),
        (
            "### Recommendation 1: Health visitors should record fathers.",
            "### Recommendation 2: Schools must refer early.",
        ),
    ],
)
def test_a_recommendation_set_as_a_heading_is_read(tmp_path: Path, first: str, second: str) -> None:
    """Each recommendation as a heading with its reasons under it: the headings were
    passed over, and the reasons read as the recommendations."""
    path = tmp_path / "h.md"
    path.write_text(
        f"# Child X\n\n## Recommendations\n\n{first}\n\nThe panel found fathers unseen.\n\n"
        f"{second}\n\nReferrals were late.\n\n## Appendix\n\n1. Terms of reference.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line, r.case) for r in recs] == [
        ("1", "Health visitors should record fathers.", 5, "Child X"),
        ("2", "Schools must refer early.", 9, "Child X"),
    ]


def test_a_numbered_section_title_with_will_is_still_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_text(
        "# Child X\n\n## 5. Recommendations\n\n1. Health visitors should record fathers.\n\n"
        "## 6. How the Partnership will monitor progress\n\n1. Quarterly reports.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.text for r in recs] == ["Health visitors should record fathers."]
    assert problems == []


def test_a_label_inside_a_paragraph_is_reported_as_such(tmp_path: Path) -> None:
    """A recommendation whose label stands after the finding, in the same paragraph, was
    dropped in silence; the warning says where the label is and what to do."""
    path = tmp_path / "f.md"
    path.write_text(
        "# Child B\n\n## Findings and recommendations\n\n"
        "The bruise was not escalated. Recommendation 1: The NSCP will relaunch the protocol.\n"
        "\nRecommendation 2: Health visitors should ask who lives in the household.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["2"]
    assert [str(p) for p in problems] == [
        f"{path}:5: 'The bruise was ...' not read: its label 'Recommendation 1' is inside the "
        "paragraph; start a new paragraph at the label"
    ]


def test_a_paragraph_that_recommends_beside_a_table_is_reported(tmp_path: Path) -> None:
    """'It is recommended that ...' beside a table was dropped in silence: only "should"
    and "must" were taken for asking."""
    path = tmp_path / "r.md"
    path.write_text(
        "# Child K\n\nIt is recommended that GPs record fathers.\n\n"
        "| No | Recommendation |\n|---|---|\n| 1 | Schools should record concerns. |\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [str(p) for p in problems] == [
        f"{path}:3: 'It is recommended ...' not read: beside a table of recommendations only "
        "its rows, list items and labelled paragraphs are read"
    ]


def test_setext_headings_are_headings(tmp_path: Path) -> None:
    """'Child R' over '=======' was text: the case was the file's name, and an appendix
    after the recommendations section was read."""
    path = tmp_path / "s.md"
    path.write_text(
        "Child R\n=======\n\nRecommendations\n---------------\n\n"
        "1. Schools should record concerns.\n\nAppendix\n--------\n\n1. Terms of reference.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.case, r.source.line) for r in recs] == [
        ("1", "Schools should record concerns.", "Child R", 7)
    ]
    rule = tmp_path / "rule.md"
    rule.write_text("Schools should record\nevery concern.\n---\n", encoding="utf-8")
    assert {r.case for r in load_file(rule)[0]} == {"rule"}  # a rule, not a heading


def test_a_bold_line_alone_is_a_heading(tmp_path: Path) -> None:
    """Converters write Word's bold headings as '**Recommendations**': they were text, so
    the introduction was read and the appendix too."""
    path = tmp_path / "b.md"
    path.write_text(
        "# Child B\n\nThe panel met.\n\n**Recommendations**\n\n1. Schools should record concerns."
        "\n\n**Appendix 1**\n\n1. Terms of reference.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.case) for r in recs] == [
        ("1", "Schools should record concerns.", "Child B")
    ]
    labelled = tmp_path / "c.md"
    labelled.write_text(
        "**Child C**\n\n**Recommendation 1**\n\nSchools should record concerns.\n",
        encoding="utf-8",
    )
    assert [(r.id, r.case) for r in load_file(labelled)[0]] == [("1", "Child C")]


FATHERS = "Health visitors will record the details of fathers at the first visit."
MASH = "The MASH will share information about domestic abuse incidents with health visitors."


@pytest.mark.parametrize("appendix", ["**Appendix 1: Terms of reference**", "## Annex A"])
def test_an_appendix_ends_the_recommendations(tmp_path: Path, appendix: str) -> None:
    """A bold 'Appendix' under '## Recommendations' was a sub-heading in the section, and
    the terms of reference listed in it were read as two more recommendations."""
    path = tmp_path / "review.md"
    path.write_text(
        f"# Child Q\n\n## Recommendations\n\n1. {FATHERS}\n2. {MASH}\n\n{appendix}\n\n"
        "1. To establish what agencies knew.\n2. To consider whether practice was sound.\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.text, r.case) for r in recs] == [(FATHERS, "Child Q"), (MASH, "Child Q")]


def test_without_a_recommendations_heading_back_matter_is_left_out(tmp_path: Path) -> None:
    """A glossary (first, as some reports have it) and an annex, each to the next heading
    of its level or higher: the list between them is read."""
    path = tmp_path / "review.md"
    path.write_text(
        "# Child Q\n\n## Glossary\n\n- MASH: the safeguarding hub.\n\n## Learning\n\n"
        f"- {FATHERS}\n- {MASH}\n\n### Annex: the panel\n\n- The chair\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text) for r in recs] == [("1", FATHERS), ("2", MASH)]


@pytest.mark.parametrize(
    ("text", "case"),
    [
        ("# Safeguarding Practice Review\n\n## Child Q\n\n## Methodology\n\n", "Child Q"),
        ("# Serious Case Review: overview report\n\n## Introduction\n\n", "review"),
        # the kind of review, then the name: the name, as the review's other files give it
        ("# Serious Case Review: Child Q\n\n## Methodology\n\n", "Child Q"),
        ("# Child Safeguarding Practice Review \u2013 Child T\n\n", "Child T"),
    ],
)
def test_a_title_that_names_only_the_kind_of_review_is_no_case(
    tmp_path: Path, text: str, case: str
) -> None:
    """Every file of a template whose title is only the kind of review was one case: the
    heading straight under such a title names it, else the file does."""
    path = tmp_path / "review.md"
    path.write_text(f"{text}## Recommendations\n\n1. {FATHERS}\n")
    recs, problems = load_file(path)
    assert problems == [] and [(r.text, r.case) for r in recs] == [(FATHERS, case)]


def test_a_broken_link_on_the_command_line_says_why(tmp_path: Path) -> None:
    """A loop of links, or a link to nothing, named on the command line was 'no such file
    or directory', though its name is there."""
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "c.md").symlink_to(tmp_path / "nothing.md")
    inputs = load_arguments([str(tmp_path / n) for n in ("a.md", "c.md")], io.BytesIO)
    assert [p.message for p in inputs.problems] == [
        "cannot read: Too many levels of symbolic links",
        f"a symbolic link to {str(tmp_path / 'nothing.md')!r}, which does not exist",
    ]


def test_a_broken_link_in_a_folder_says_why_and_is_not_counted_as_checked(tmp_path: Path) -> None:
    """In a folder scanned, a link to nothing was "no such file or directory", though `ls`
    shows it, and counted as a file checked, where the same link named on the command line
    says what it is and is not counted."""
    folder = tmp_path / "recs"
    folder.mkdir()
    (folder / "a.yaml").write_text(f"case: A\nrecommendations:\n  - id: A1\n    text: {FATHERS}\n")
    (folder / "gone.md").symlink_to(folder / "nothing.md")
    inputs = load_arguments([str(folder)], io.BytesIO)
    assert [(p.path, p.message) for p in inputs.problems] == [
        (
            str(folder / "gone.md"),
            f"a symbolic link to {str(folder / 'nothing.md')!r}, which does not exist",
        )
    ]
    assert inputs.read == [str(folder / "a.yaml")]


@pytest.mark.parametrize("ending", [".csv", ".md"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_named(
    tmp_path: Path, ending: str, encoding: str
) -> None:
    """It was called a binary file, which left the user nothing to do about it."""
    path = tmp_path / f"plan{ending}"
    path.write_bytes("No.,Recommendation\n1,Police will share it.\n".encode(encoding))
    _, problems = load_file(path)
    assert [p.message.split(",")[0] for p in problems] == ["UTF-16 text without a byte-order mark"]
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    assert [p.message for p in load_file(path)[1]] == ["binary file, not text"]


GRID = """# Child Q

## Recommendations

+-----+------------------------------------------+-------------+
| No. | Recommendation                           | Lead agency |
+=====+==========================================+=============+
| 1   | Health visitors will record the details  | Health      |
|     | of fathers at the first visit.           |             |
+-----+------------------------------------------+-------------+
| 2   | The MASH will share information about    | Police      |
|     | domestic abuse incidents with health     |             |
|     | visitors.                                |             |
+-----+------------------------------------------+-------------+

+------+-----------------------------+
| MASH | The safeguarding hub, which |
|      | should be named in full.    |
+------+-----------------------------+
"""


@pytest.mark.parametrize("header_border", ["=", "-"])
def test_a_grid_table_is_read_as_a_table(tmp_path: Path, header_border: str) -> None:
    """pandoc writes a Word table whose cells run to several lines as a grid table: the
    whole table was one recommendation. A row is read from border to border, its cells'
    lines joined; with no '=' border the first row is the header; a grid table whose header
    names no recommendation text (a glossary) is not read."""
    path = tmp_path / "review.md"
    path.write_text(GRID.replace("=", header_border))
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.agency, r.source.line, r.case) for r in recs] == [
        ("1", FATHERS, "Health", 8, "Child Q"),
        ("2", MASH, "Police", 11, "Child Q"),
    ]


@pytest.mark.parametrize(
    ("table", "line"),
    [
        ("| No. | Recommendation |\n|---|---|\n| 1 | Schools should record concerns. |", 5),
        (
            "+-----+---------------------------------+\n| No. | Recommendation                  |\n"
            "+=====+=================================+\n| 1   | Schools should record concerns. |\n"
            "+-----+---------------------------------+",
            6,
        ),
    ],
    ids=["pipe", "grid"],
)
def test_a_table_at_the_end_of_a_file_is_read(tmp_path: Path, table: str, line: int) -> None:
    """A table whose last line is the file's last, with no line end after it, is read: no
    line after it closes it, so the end of the text must."""
    path = tmp_path / "end.md"
    path.write_text(f"# Child Q\n\n{table}", encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "Schools should record concerns.", line)
    ]


@pytest.mark.parametrize(
    "second",
    ["|---|---|---|", "| 1 | Schools should record concerns. |"],
    ids=["a delimiter row of more cells", "no delimiter row"],
)
def test_a_header_row_without_its_delimiter_row_is_text(tmp_path: Path, second: str) -> None:
    """A pipe table is a header row over a delimiter row of as many cells (GitHub's
    Markdown); without one its lines are text, read as before tables were."""
    path = tmp_path / "text.md"
    path.write_text(f"# Child Q\n\n| No. | Recommendation |\n{second}\n", encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text) for r in recs] == [("1", f"| No. | Recommendation | {second}")]


def test_an_item_beside_a_table_does_not_take_a_rows_id(tmp_path: Path) -> None:
    """A list item numbered as a table's row beside it is a recommendation of its own: its
    id takes a prime ("1'"), so that coverage, which knows an item by its case and id,
    counts both."""
    path = tmp_path / "both.md"
    path.write_text(
        "# Child Q\n\n| No. | Recommendation |\n|---|---|\n| 1 | Schools should record "
        "concerns. |\n\n1. Health visitors will record fathers.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line) for r in recs] == [("1", 5), ("1'", 7)]


def test_a_sub_heading_that_only_begins_like_back_matter_ends_nothing(tmp_path: Path) -> None:
    path = tmp_path / "review.md"
    path.write_text(
        f"# Child Q\n\n## Recommendations\n\n1. {FATHERS}\n\n### References to be updated\n\n"
        f"2. {MASH}\n\n### Glossary\n\n3. MASH: the hub.\n"
    )
    recs, problems = load_file(path)
    assert problems == [] and [r.text for r in recs] == [FATHERS, MASH]


SUMMARISED = """# Child B

## Executive summary

Child B was nine months old when admitted to hospital.

{summary}

1. Health visitors will ask about the mental health of both parents.
2. The Partnership will review its escalation policy.

## Findings

Fathers were not seen.

## Recommendations

1. Health visitors will ask about the mental health of both parents at every contact.
2. The Partnership will review its escalation policy by June 2025.
3. GPs will record who has parental responsibility for a child.
"""


@pytest.mark.parametrize(
    "summary",
    ["### Key recommendations", "### Summary of recommendations", "### Recommendations"],
)
def test_a_summary_of_the_recommendations_is_not_read_beside_them(
    tmp_path: Path, summary: str
) -> None:
    """An executive summary's "Key recommendations" (or its "Recommendations" under
    "Executive summary") was read as well as the full section: every recommendation it
    shortens counted twice, and the full ones renumbered 3, 4, 5."""
    path = tmp_path / "child-b.md"
    path.write_text(SUMMARISED.format(summary=summary), encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.case, r.source.line) for r in recs] == [
        ("1", "Child B", 18),
        ("2", "Child B", 19),
        ("3", "Child B", 20),
    ]


def test_a_summary_of_the_recommendations_alone_is_read(tmp_path: Path) -> None:
    text = SUMMARISED.format(summary="### Key recommendations").split("## Findings")[0]
    path = tmp_path / "child-b.md"
    path.write_text(text, encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.case, r.source.line) for r in recs] == [
        ("1", "Child B", 9),
        ("2", "Child B", 10),
    ]


def test_a_summary_is_left_out_only_beside_its_own_cases_recommendations(tmp_path: Path) -> None:
    """In a file of two cases, one case's summary is its only list: it is read."""
    text = (
        "# Child A\n\n## Key recommendations\n\n1. Schools will record attendance.\n\n"
        "# Child B\n\n## Key recommendations\n\n1. GPs will record fathers.\n\n"
        "## Recommendations\n\n1. GPs will record fathers at registration.\n"
    )
    path = tmp_path / "two.md"
    path.write_text(text, encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.text) for r in recs] == [
        ("Child A", "Schools will record attendance."),
        ("Child B", "GPs will record fathers at registration."),
    ]


def test_each_case_in_a_file_keeps_its_own_numbers(tmp_path: Path) -> None:
    """Two reviews in one Markdown file, each numbered 1 and 2: the second review's were
    renumbered 3 and 4, ids the Board could not find in its document."""
    path = tmp_path / "two.md"
    path.write_text(
        "# Child A\n\n## Recommendations\n\n1. Schools will record attendance.\n"
        "2. GPs will record fathers.\n\n# Child B\n\n## Recommendations\n\n"
        "1. Police will share information with the MASH.\n- Health visitors will see fathers.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id) for r in recs] == [
        ("Child A", "1"),
        ("Child A", "2"),
        ("Child B", "1"),
        ("Child B", "2"),
    ]


def test_recommendations_for_key_agencies_are_no_summary(tmp_path: Path) -> None:
    path = tmp_path / "k.md"
    path.write_text(
        "# Child K\n\n## Recommendations for key agencies\n\n1. Schools will record attendance.\n"
        "\n## Recommendations for the Partnership\n\n1. The Partnership will audit fathers.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [r.text for r in recs] == [
        "Schools will record attendance.",
        "The Partnership will audit fathers.",
    ]


def test_key_recommendations_inside_the_recommendations_are_read(tmp_path: Path) -> None:
    """A "Key recommendations" as a part of the recommendations section (the priorities, then
    the others) is no summary of it: its items are read with the rest."""
    path = tmp_path / "k.md"
    path.write_text(
        "# Child K\n\n## Recommendations\n\n### Key recommendations\n\n"
        "1. Schools will record attendance.\n\n### Further recommendations\n\n"
        "2. The Partnership will audit fathers.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text) for r in recs] == [
        ("1", "Schools will record attendance."),
        ("2", "The Partnership will audit fathers."),
    ]


@pytest.mark.parametrize(
    "about",
    [
        "This review makes six recommendations, which the Partnership should consider.",
        "The panel recommends the following actions to the Safeguarding Partnership.",
        "The recommendations below should be read alongside the findings.",
        "Progress on these recommendations should be reported to the Board.",
    ],
)
def test_a_paragraph_about_the_recommendations_beside_them_is_not_reported(
    tmp_path: Path, about: str
) -> None:
    """Such a paragraph stands in nearly every recommendations section; reported as a
    recommendation not read, it failed `check` with exit 2."""
    path = tmp_path / "r.md"
    path.write_text(
        f"## Recommendations\n\n{about}\n\n1. The NSCP should audit neglect cases.\n\n"
        "Children's Social Care should also invite health to strategy discussions.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [p.line for p in problems] == [7]  # the recommendation beside the list, only


def test_a_document_of_a_kind_not_read_in_a_folder_is_noted_not_passed_over(
    tmp_path: Path,
) -> None:
    """The published review kept beside the recommendations taken from it: a report must
    not leave it out without saying so. Not a problem: the folder's other files are read."""
    (tmp_path / "child-q.md").write_text("- One.\n")
    (tmp_path / "Child Q SPR.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "old plan.XLS").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "~$draft.doc").write_bytes(b"lock")
    loaded = load_arguments([str(tmp_path), str(tmp_path)], io.BytesIO)
    assert loaded.problems == []
    assert [r.text for r in loaded.recommendations] == ["One."]
    assert loaded.read == [f"{tmp_path}/child-q.md"]
    assert loaded.skipped == [
        f"skipped {tmp_path}/Child Q SPR.pdf: a PDF in a folder is not read, so that a"
        " published review kept beside its recommendations is not counted twice; to read it,"
        f" name it as an input too: '{tmp_path}/Child Q SPR.pdf'",
        f"skipped {tmp_path}/old plan.XLS: .xls is not a kind scrmap reads; to map it,"
        " save it as .yaml, .md, .txt, .csv, .docx or .xlsx",
    ]


def test_a_folder_of_documents_not_read_holds_no_recommendation_files(tmp_path: Path) -> None:
    (tmp_path / "review.pdf").write_bytes(b"%PDF-1.7\n")
    loaded = load_arguments([str(tmp_path)], io.BytesIO)
    assert [p.message for p in loaded.problems] == [
        "directory holds no recommendation files (.yaml .md .txt .csv .docx .xlsx)"
    ]
    assert len(loaded.skipped) == 1


def test_markdown_emphasis_and_code_inside_an_item_are_taken_off(tmp_path: Path) -> None:
    """Kept, the markers show as asterisks in every table, report and workbook quoting it."""
    path = tmp_path / "draft.md"
    path.write_text(
        "1. Health visitors **must** ask about fathers _within 3 months_ (`CP-IS`).\n"
        "2. **Recommendation 2:** The Board should review file_name_here and 5*3*2.\n"
        "3. Guidance* should be updated; see a ** b.\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [r.text for r in recs] == [
        "Health visitors must ask about fathers within 3 months (CP-IS).",
        "The Board should review file_name_here and 5*3*2.",
        "Guidance* should be updated; see a ** b.",
    ]


def test_an_item_of_markup_alone_is_not_read_and_said(tmp_path: Path) -> None:
    """'` `' is code of one space: no words once the markers are off, so no recommendation
    (a blank text would be mapped as one); spaces left by markup close up."""
    path = tmp_path / "draft.md"
    path.write_text("- ` `\n- Share ` ` information.\n")
    recs, problems = load_file(path)
    assert [r.text for r in recs] == ["Share information."]
    assert [(p.line, p.message) for p in problems] == [
        (1, "'` ` ...' is Markdown markup with no words, so it was not read")
    ]


def test_markdown_markup_off_leaves_web_addresses_and_reaches_table_cells(
    tmp_path: Path,
) -> None:
    """Markdown reads no emphasis in a link's address, and a pipe table's cells are quoted
    in the same reports as list items are."""
    path = tmp_path / "draft.md"
    path.write_text(
        "# Child C\n\n"
        "- Agencies should follow https://x.org/_docs_/plan and [it](https://y.org/_a_/b).\n"
        "- Staff should read the ``CP-IS`` guidance _now_.\n\n"
        "| No. | Recommendation | Lead agency |\n"
        "|---|---|---|\n"
        "| 3 | Schools should **always** record _concerns_ in `CPOMS`. | **Education** |\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text) for r in recs] == [
        ("1", "Agencies should follow https://x.org/_docs_/plan and [it](https://y.org/_a_/b)."),
        ("2", "Staff should read the CP-IS guidance now."),
        ("3", "Schools should always record concerns in CPOMS."),
    ]
    assert recs[2].agency == "Education"


def test_a_linked_document_of_a_kind_not_read_in_a_folder_is_noted_once(tmp_path: Path) -> None:
    """A link to the published review kept elsewhere is as much left out as the file; a
    link to one in the folder is the same document, noted once."""
    outside = tmp_path / "published"
    outside.mkdir()
    (outside / "Child Q SPR.pdf").write_bytes(b"%PDF-1.7\n")
    recs = tmp_path / "recs"
    recs.mkdir()
    (recs / "child-q.md").write_text("- One.\n")
    (recs / "child-q.pdf").symlink_to(outside / "Child Q SPR.pdf")
    (recs / "plan.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (recs / "z-plan.xls").symlink_to(recs / "plan.xls")
    loaded = load_arguments([str(recs)], io.BytesIO)
    assert loaded.problems == []
    assert [note.split(":")[0] for note in loaded.skipped] == [
        f"skipped {recs}/child-q.pdf",
        f"skipped {recs}/plan.xls",
    ]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Published: 12 March 2026", "2026-03-12"),
        ("**Date of publication:** 1/5/2025", "2025-05-01"),
        ("Publication date \u2013 2026-01-31", "2026-01-31"),
        ("_Published on 3 February 2025_", "2025-02-03"),
        # A month or a year names no day, as in YAML and a table: the review is undated.
        ("Published May 2026", None),
    ],
)
def test_a_review_that_says_when_it_was_published_is_dated(
    tmp_path: Path, written: str, day: str | None
) -> None:
    """A review's front matter says when it was published ("Published: 12 March 2026", on
    its title page or under its title); read from Markdown, text, a PDF or Word, no case
    was ever dated, so `--since` left it out and the themes by year never counted it."""
    path = tmp_path / "child-w.md"
    path.write_text(
        f"# Child W\n\n{written}\n\n## Recommendations\n\n1. Ask about fathers.\n2. Share "
        "records with the GP.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.text, r.meta.get("published")) for r in recs] == [
        ("Ask about fathers.", day),
        ("Share records with the GP.", day),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # each review's date after its recommendations
            "# Child C\n\n1. Share records.\n\nPublished: 1 February 2025\n\n"
            "# Child D\n\n1. Ask about fathers.\n\nPublished: 12 March 2026\n",
            [("Child C", "2025-02-01"), ("Child D", "2026-03-12")],
        ),
        (  # one review dated, the other not: it stays undated
            "# Child C\n\n1. Share records.\n\n# Child D\n\nPublished: 12 March 2026\n\n"
            "1. Ask about fathers.\n",
            [("Child C", None), ("Child D", "2026-03-12")],
        ),
        (  # one review, its date above its title
            "Published: 1 May 2025\n\n# Child W\n\n1. Share records.\n2. Ask about fathers.\n",
            [("Child W", "2025-05-01"), ("Child W", "2025-05-01")],
        ),
    ],
    ids=["after the items", "one of two dated", "above the title"],
)
def test_each_review_of_a_file_is_dated_by_its_own_line(
    tmp_path: Path, text: str, expected: list[tuple[str, str | None]]
) -> None:
    """A file of several reviews: each is dated by the line in its part of the text, before
    or after its recommendations, and one that gives none stays undated (it was dated by
    the line above each item, so a date after the items dated the next review)."""
    path = tmp_path / "reviews.md"
    path.write_text(text, encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.meta.get("published")) for r in recs] == expected


def test_a_date_line_inside_an_item_is_not_its_text(tmp_path: Path) -> None:
    path = tmp_path / "e.md"
    path.write_text(
        "# Child E\n\n1. Agencies should act on concern\n   Published: 12 March 2026\n"
        "   about the family.\n",
        encoding="utf-8",
    )
    (rec,), _ = load_file(path)
    assert (rec.text, rec.meta["published"]) == (
        "Agencies should act on concern about the family.",
        "2026-03-12",
    )


def test_each_review_of_a_file_is_dated_by_the_day_given_above_it(tmp_path: Path) -> None:
    """A file of several reviews, each with its own date above its items. Where a text reads
    as paragraphs, the date's line is no recommendation."""
    path = tmp_path / "two.md"
    path.write_text(
        "# Child A\n\nPublished: 1 May 2025\n\nSchools should share records with the GP.\n\n"
        "# Child B\n\nPublished: 2 June 2026\n\nPolice should attend strategy meetings.\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.text, r.meta.get("published")) for r in recs] == [
        ("Child A", "Schools should share records with the GP.", "2025-05-01"),
        ("Child B", "Police should attend strategy meetings.", "2026-06-02"),
    ]
    # A recommendation that starts with the word is a recommendation.
    path.write_text("- Published guidance should be reviewed by 1 May 2026.\n", encoding="utf-8")
    recs, _ = load_file(path)
    assert [(r.text, r.meta.get("published")) for r in recs] == [
        ("Published guidance should be reviewed by 1 May 2026.", None)
    ]


def test_a_word_review_that_says_when_it_was_published_is_dated(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Child Z", 0)
    document.add_paragraph().add_run("Published: 3 February 2025").bold = True
    document.add_heading("Recommendations", 1)
    document.add_paragraph("Health visitors should ask about fathers.", style="List Number")
    path = tmp_path / "child-z.docx"
    document.save(str(path))
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.meta.get("published")) for r in recs] == [("Child Z", "2025-02-03")]
    # A title page's table, as review templates have it.
    document = docx.Document()
    document.add_heading("Child Z", 0)
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].text, cells[1].text = "Date of publication", "3 February 2025"
    document.add_heading("Recommendations", 1)
    document.add_paragraph("Health visitors should ask about fathers.", style="List Number")
    document.save(str(path))
    recs, problems = load_file(path)
    assert [(r.case, r.meta.get("published")) for r in recs] == [("Child Z", "2025-02-03")]
