"""Action plans as subgroups keep them: headers recognised by name, rows numbered without
an id column, .xlsx read directly (first sheet or --sheet), and the columns feeding the
SMART rules."""

from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from scrmap.checks import Severity, run
from scrmap.cli import app
from scrmap.matcher import Matcher
from scrmap.rules import RULES
from scrmap.sources import explain_columns, load_file
from scrmap.sources._table import recognise

PLAN = [
    ["No.", "Recommendation", "Lead Agency", "Target date", "RAG", "Evidence of impact", "Notes"],
    [1, "Professionals should engage fathers in assessments.", "Children's Services",
     datetime(2027, 3, 31), "Amber", "Audit", "x"],
    [2, "Practitioners should record the household's members.", None, None, "Red", None, None],
]  # fmt: skip


WHERE_EMPTY = "; the status where that cell is empty or says only 'Open'"
"""What `--explain-columns` says of an earlier status update: read where the later is empty."""


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("No.", "id"), ("#", "id"), ("Ref", "id"), ("Recommendation Number", "id"),
        ("RECOMMENDATION", "text"), ("Action required", "text"), ("Lead agency", "agency"),
        ("Owner", "owner"), ("Lead officer", "owner"), ("Target Date", "due"),
        ("Due date", "due"), ("Timescale", "due"), ("RAG rating", "status"),
        ("Status", "status"), ("Evidence", "evidence"), ("evidence_of_impact", "evidence"),
        # One column for who leads, named twice over: its owner was "none named".
        ("Lead Officer / Agency", "owner"), ("Owner and agency", "owner"),
        ("Lead agency/officer", "owner"), ("Agency & lead", "owner"),
    ],
)  # fmt: skip
def test_common_headers_are_recognised(header: str, field: str) -> None:
    assert recognise(["Other", header]).fields == {field: 1}


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        (["Ref", "Date", "Recommendation", "Target date"], {"id": 0, "text": 2, "due": 3}),
        (["Date", "Recommendation", "Deadline"], {"text": 1, "due": 2}),
        (["Completion date", "Recommendation", "Due date"], {"text": 1, "due": 2}),
        (["Recommendation", "Progress", "RAG"], {"text": 0, "status": 2}),
        (["Recommendation", "Progress", "Status"], {"text": 0, "status": 2}),
        (["Recommendation", "Date", "Timescale"], {"text": 0, "due": 1}),
        (["Recommendation", "RAG", "Status"], {"text": 0, "status": 1}),
        # A review's table sets each finding beside its recommendation: the recommendation
        # is what is mapped and checked, not the finding (which was, as the first column).
        (["No.", "Finding", "Recommendation", "Lead agency"], {"id": 0, "text": 2, "agency": 3}),
        (["Learning", "Recommendations"], {"text": 1}),
        (["Finding", "Action required"], {"text": 1}),
        (["No.", "Finding"], {"id": 0, "text": 1}),
        # A text column named in the reviewer's own words
        (["No.", "Recommended action", "Lead agency"], {"id": 0, "text": 1, "agency": 2}),
        (["Recommendations for improvement", "Due"], {"text": 0, "due": 1}),
        (["Recommendation (what needs to change)"], {"text": 0}),
        (["Recommendation summary", "Recommendation"], {"text": 1}),
        # ... but not one that names another field
        (["Recommendation", "Recommendation lead", "Recommendation status"], {"text": 0}),
        # A column named for the owner alone outranks one that names the agency too
        (["Recommendation", "Lead officer / agency", "Owner"], {"text": 0, "owner": 2}),
        (["Recommendation", "Lead date", "Agency status"], {"text": 0}),
    ],
)
def test_a_specific_header_wins_over_a_generic_one(
    headers: list[str], fields: dict[str, int]
) -> None:
    assert recognise(headers).fields == fields


@pytest.mark.parametrize(
    "header",
    [
        # As plans head the status column: read as metadata, every action had no status.
        "Current RAG", "Overall RAG", "BRAG", "Status/RAG", "Completion status",
        "RAG (Jan 2027)", "Status Jan 2027", "RAG status Q3", "Progress (Jan 2027)",
        "RAG rating (Jan 27)", "Status as at 31/01/2027", "RAG Q3 2026/27", "Q3 RAG",
        "RAG FY26/27 Q1", "FY2026/27 Q4 status",
    ],
)  # fmt: skip
def test_a_status_column_named_as_plans_name_it_is_the_status(header: str) -> None:
    assert recognise(["Recommendation", header]).fields == {"text": 0, "status": 1}


@pytest.mark.parametrize(
    "header",
    # A narrative update ("Training delivered; audit planned") is no status.
    ["Notes (Jan 2027)", "Action 1", "2027", "Agency status", "Update (Jan 2027)", "Update"],
)
def test_a_date_makes_no_other_header_the_status(header: str) -> None:
    assert recognise(["Recommendation", header]).fields == {"text": 0}


@pytest.mark.parametrize(
    ("number_format", "due", "days_late"),
    [
        # "March 2026" typed in a cell: Excel keeps 1 March 2026 and shows the month.
        ("mmm-yy", "2026-03", 30),
        ("mmmm yyyy", "2026-03", 30),
        ("[$-809]mmmm\\ yyyy;@", "2026-03", 30),
        ('"Due "mmm yy', "2026-03", 30),
        ("yyyy", "2026", 0),
        # The day shown: that day.
        ("dd/mm/yyyy;@", "2026-03-01", 60),
        ("d-mmm-yy", "2026-03-01", 60),
        ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "2026-03-01", 60),
    ],
)
def test_a_date_cell_is_due_as_excel_shows_it(
    tmp_path: Path, number_format: str, due: str, days_late: int
) -> None:
    """A month shown without its day is due at the month's end, as the same words typed
    as text are: read as the 1st, an action due "Mar-26" was a month late at its end."""
    from datetime import date

    from scrmap.actionplan import ActionItem, assess

    path = tmp_path / "plan.xlsx"
    write_xlsx(
        path, {"Plan": [["No.", "Recommendation", "Target date"], [1, MASH, datetime(2026, 3, 1)]]}
    )
    book = openpyxl.load_workbook(path)
    book["Plan"]["C2"].number_format = number_format
    book.save(path)
    (rec,), problems = load_file(path)
    assert (rec.due, problems) == (due, [])
    item = ActionItem("c", rec.id, rec.text, due=rec.due, status="Red")
    assert assess([item], date(2026, 4, 30)).items[0].days_overdue == days_late


@pytest.mark.parametrize(
    ("headers", "fields"),
    [
        (["Recommendation", "Original target date", "Revised target date"],
         {"text": 0, "due": 1, "revised due": 2}),
        (["Recommendation", "Target date", "Revised date"],
         {"text": 0, "due": 1, "revised due": 2}),
        (["Recommendation", "New deadline", "Due"], {"text": 0, "due": 2, "revised due": 1}),
        # the qualifier after the name, in brackets, as a column added beside the first is
        (["Recommendation", "Target Date (Original)", "Target Date (Revised)"],
         {"text": 0, "due": 1, "revised due": 2}),
        (["Recommendation", "Due date", "Due date - revised"],
         {"text": 0, "due": 1, "revised due": 2}),
        # A revised date alone is the due date; a date done is none.
        (["Recommendation", "Revised timescale"], {"text": 0, "due": 1}),
        (["Recommendation", "Actual completion date"], {"text": 0}),
    ],
)  # fmt: skip
def test_a_revised_due_date_is_recognised(headers: list[str], fields: dict[str, int]) -> None:
    assert recognise(headers).fields == fields


@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_a_revised_due_date_replaces_the_one_first_agreed(tmp_path: Path, ending: str) -> None:
    """A plan keeps the target first agreed beside the one an action was given more time to:
    read by the first, an action moved to next year was months overdue, and by neither
    (both named as qualified), none was ever overdue."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            ["No.", "Recommendation", "Original target date", "Revised target date", "RAG"],
            ["1", FATHERS, "31/03/2026", "31/03/2027", "Amber"],
            ["2", MASH, "30/06/2026", "", "Red"],
            ["3", "Schools will train staff on neglect.", "30/06/2026", "Q5 2026", "Red"],
        ],
    )
    recs, problems = load_file(path)
    assert [(r.id, r.due) for r in recs] == [
        ("1", "31/03/2027"), ("2", "30/06/2026"), ("3", "Q5 2026")
    ]  # fmt: skip
    assert [(p.line, p.message.split(" is not")[0]) for p in problems] == [
        (4, "due 'Q5 2026' (" + ("sheet 'Plan', cell D4, " if ending == ".xlsx" else "")
         + "column 'Revised target date')"),
    ]  # fmt: skip
    assert explain_columns(path)[2:4] == [
        ("Original target date", "due"), ("Revised target date", "revised due")
    ]  # fmt: skip


@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_a_revised_date_marked_not_revised_leaves_the_first(tmp_path: Path, ending: str) -> None:
    """A plan marks the rows it did not revise "N/A", "-" or "TBC" as often as it leaves
    them blank: read as the due date, such a mark made an action months late never overdue,
    in silence. Only a revised cell meant as a date replaces the date first agreed."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            ["No.", "Recommendation", "Target date", "Revised date", "RAG"],
            ["1", FATHERS, "31/03/2026", "N/A", "Amber"],
            ["2", MASH, "31/03/2026", "-", "Amber"],
            ["3", "Schools will train staff on neglect.", "31/03/2026", "TBC", "Amber"],
            ["4", "The Board will refresh its threshold guide.", "31/03/2026", "#N/A", "Amber"],
            ["5", "Health will audit supervision.", "31/03/2026", "30/06/2027", "Amber"],
        ],
    )
    recs, problems = load_file(path)
    assert [(r.id, r.due) for r in recs] == [
        ("1", "31/03/2026"), ("2", "31/03/2026"), ("3", "31/03/2026"), ("4", "31/03/2026"),
        ("5", "30/06/2027"),
    ]  # fmt: skip
    assert recs[0].source.cells["due"].endswith("column 'Target date'")
    assert [p.message.split(" (")[0] for p in problems] == ["the revised due date"]


def test_a_plan_updated_each_quarter_is_read_by_its_latest_status(tmp_path: Path) -> None:
    """The officer adds a column for each quarter's rating: the latest one is the status,
    wherever it stands, and free-text progress never outranks a RAG rating."""
    path = tmp_path / "plan.xlsx"
    header = ["No.", "Recommendation", "RAG (Jan 2027)", "RAG (Oct 2026)", "Progress (Apr 2027)"]
    row = [1, "Schools will train staff on neglect.", "Green", "Red", "Training booked"]
    write_xlsx(path, {"Plan": [header, row]})
    assert explain_columns(path) == [
        ("No.", "id"),
        ("Recommendation", "text"),
        ("RAG (Jan 2027)", "status"),
        ("RAG (Oct 2026)", "kept as metadata ('RAG (Jan 2027)' is the later update of the status"
         f"{WHERE_EMPTY})"),
        ("Progress (Apr 2027)", "kept as metadata ('RAG (Jan 2027)' is the more specific name "
         "for the status)"),
    ]  # fmt: skip
    (rec,), problems = load_file(path)
    assert (rec.status, problems) == ("Green", [])
    # Quarters with no year: a plan adds each on the right.
    assert recognise(["Recommendation", "RAG Q2", "RAG Q3"]).fields == {"text": 0, "status": 2}


def test_a_current_rating_beside_the_quarters_ratings_is_the_status(tmp_path: Path) -> None:
    """A plan that keeps each quarter's rating keeps the current one beside them, often on
    the right: read by the last quarter's, an action rated since was read at its old rating."""
    path = tmp_path / "plan.csv"
    write_table(
        path,
        [
            ["No.", "Recommendation", "RAG Q1", "RAG Q2", "Current RAG"],
            ["1", "Schools will train staff on neglect.", "Red", "Amber", "Blue"],
        ],
    )
    assert explain_columns(path)[2:] == [
        (
            "RAG Q1",
            f"kept as metadata ('Current RAG' is the status now, not at a date{WHERE_EMPTY})",
        ),
        (
            "RAG Q2",
            f"kept as metadata ('Current RAG' is the status now, not at a date{WHERE_EMPTY})",
        ),
        ("Current RAG", "status"),
    ]
    (rec,), problems = load_file(path)
    assert (rec.status, problems) == ("Blue", [])
    # On the left too; free-text progress of a date still never outranks a RAG rating.
    headers = ["Recommendation", "Overall RAG", "RAG (Mar 2027)", "Progress (Apr 2027)"]
    assert recognise(headers).fields == {"text": 0, "status": 1}


def test_explain_columns_says_why_a_column_was_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    rows = [["Ref", "Date", "Recommendation", "Progress", "Target date", "RAG", "Status"]]
    write_xlsx(
        path, {"Plan": [*rows, [1, "01/01/2026", "Engage fathers.", "Audit done", "", "Red", ""]]}
    )
    assert explain_columns(path) == [
        ("Ref", "id"),
        ("Date", "kept as metadata ('Target date' is the more specific name for the due date)"),
        ("Recommendation", "text"),
        ("Progress", "kept as metadata ('RAG' is the more specific name for the status)"),
        ("Target date", "due"),
        ("RAG", "status"),
        ("Status", f"kept as metadata ('RAG', before it, is the status{WHERE_EMPTY})"),
    ]
    (rec,), _ = load_file(path)
    assert (rec.status, rec.meta) == ("Red", {"date": "01/01/2026", "progress": "Audit done"})


def test_a_finding_beside_its_recommendation_is_kept_as_metadata(tmp_path: Path) -> None:
    """A Word or CSV table of findings and recommendations was read by its 'Finding'
    column: the findings were mapped and checked, and the recommendations were metadata."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "No.,Finding,Recommendation,Lead agency\n"
        "1,Fathers were not seen.,Health visitors should record fathers.,NCHC\n"
    )
    assert explain_columns(path)[1:3] == [
        ("Finding", "kept as metadata ('Recommendation' is the more specific name for the "
         "recommendation's text)"),
        ("Recommendation", "text"),
    ]  # fmt: skip
    (rec,), problems = load_file(path)
    assert problems == []
    assert (rec.text, rec.meta) == (
        "Health visitors should record fathers.",
        {"finding": "Fathers were not seen."},
    )


def test_csv_without_an_id_column_numbers_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "Recommendation,Lead agency,Target date\n"
        "Share information.,Police,2027-01-31\nEngage fathers.,,\n"
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.agency, r.due, r.source.line) for r in recs] == [
        ("1", "Share information.", "Police", "2027-01-31", 2),
        ("2", "Engage fathers.", None, None, 3),
    ]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_xlsx_first_sheet(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Action plan": [["Action plan for Case T"], [], *PLAN], "Other": [["x"]]})
    recs, problems = load_file(path)
    assert problems == []
    first = recs[0]
    assert (first.id, first.agency, first.due, first.status, first.evidence) == (
        "1", "Children's Services", "2027-03-31", "Amber", "Audit"
    )  # fmt: skip
    assert first.meta == {"notes": "x"}
    assert [(r.id, r.source.line, r.case) for r in recs] == [("1", 4, "plan"), ("2", 5, "plan")]


def test_xlsx_named_sheet_and_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Cover": [["Title only"]], "Plan": PLAN})
    recs, problems = load_file(path, sheet="Plan")
    assert problems == [] and len(recs) == 2
    recs, problems = load_file(path, sheet="Nope")
    assert recs == []
    assert [str(p) for p in problems] == [f"{path}: no sheet 'Nope' (sheets: Cover, Plan)"]
    recs, problems = load_file(path, sheet="Cover")
    assert list(recs) == [] and [str(p) for p in problems] == [
        f"{path}:1:1: the header row has no column of recommendation text (call it "
        "'Recommendation', 'Text' or 'Action'; found: Title only); read sheet 'Cover' "
        "(sheets: Cover, Plan): --sheet NAME reads another"
    ]


def test_a_first_sheet_with_no_plan_gives_way_to_the_plan(tmp_path: Path) -> None:
    """A contents or cover sheet first: the run failed and the plan was never read. The
    first sheet with a column of recommendation text is read; with --sheet, or when no
    sheet has one, the problem names the sheets and --sheet."""
    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Contents": [], "Cover": [["Title only"]], "Plan": PLAN})
    recs, problems = load_file(path)
    assert problems == [] and [(r.id, r.source.line) for r in recs] == [("1", 2), ("2", 3)]
    assert [h for h, _ in explain_columns(path)][:2] == ["No.", "Recommendation"]
    _, problems = load_file(path, sheet="Contents")
    assert [str(p) for p in problems] == [
        f"{path}: empty sheet; expected a header row; read sheet 'Contents' "
        "(sheets: Contents, Cover, Plan): --sheet NAME reads another"
    ]
    write_xlsx(path, {"Contents": [], "Plan 2025": PLAN, "Plan 2026": PLAN})
    recs, problems = load_file(path)
    assert len(recs) == 2 and [str(p) for p in problems] == [
        f"{path}: read sheet 'Plan 2025', the first with a column of recommendation text "
        "('Contents' has none); 'Plan 2026' has one too: --sheet NAME reads another"
    ]
    write_xlsx(path, {"Contents": []})
    _, problems = load_file(path)
    assert [str(p) for p in problems] == [f"{path}: empty sheet; expected a header row"]


def test_a_second_sheet_of_actions_is_said_not_to_be_read(tmp_path: Path) -> None:
    """Completed actions moved to a sheet of their own were left out of every count in
    silence: the Board was told none was complete. A key to the ratings is no such sheet."""
    path = tmp_path / "plan.xlsx"
    key = [["RAG", "Description"], ["Red", "Not started or off track"]]
    write_xlsx(path, {"Open actions": PLAN, "Key": key, "Closed actions": PLAN})
    recs, problems = load_file(path)
    assert len(recs) == 2
    assert [str(p) for p in problems] == [
        f"{path}: read sheet 'Open actions'; 'Closed actions' has a column of recommendation "
        "text too and was not read: --sheet NAME reads another, or keep the plan's actions on "
        "one sheet"
    ]
    assert load_file(path, sheet="Open actions")[1] == []  # the sheet named: no surprise
    write_xlsx(path, {"Open actions": PLAN, "Key": key})
    assert load_file(path)[1] == []


def test_explain_columns(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": PLAN})
    assert explain_columns(path) == [
        ("No.", "id"), ("Recommendation", "text"), ("Lead Agency", "agency"),
        ("Target date", "due"), ("RAG", "status"), ("Evidence of impact", "evidence"),
        ("Notes", "kept as metadata"),
    ]  # fmt: skip


def test_owner_and_date_columns_satisfy_specific_and_time_bound(norfolk, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": PLAN})
    recs, _ = load_file(path)
    settings = {
        rid: (rule.SEVERITY if rid in ("specific", "time-bound") else Severity.off, rule.Options())
        for rid, rule in RULES.items()
    }
    found = {(f.recommendation, f.rule) for f in run(recs, [], Matcher(norfolk), settings)}
    assert found == {("2", "specific"), ("2", "time-bound")}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip", "not a readable .xlsx workbook"),
        (b"PK\x05\x06" + b"\x00" * 18, "not a readable .xlsx workbook"),
    ],
)
def test_a_broken_workbook_is_one_problem(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    recs, problems = load_file(path)
    assert recs == []
    assert len(problems) == 1 and problems[0].message.startswith(message)


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        (lambda xml: xml[: len(xml) // 2], "ParseError"),  # the sheet's XML breaks off
        (lambda xml: b"<<" + xml, "ParseError"),
    ],
    ids=["breaks off", "not XML"],
)
def test_a_sheet_damaged_inside_an_open_workbook_is_one_problem(
    tmp_path: Path, damage, why: str
) -> None:
    """The workbook opens; the sheet's XML fails only as its rows are read. That was exit 3,
    'a bug in scrmap', for a damaged file."""
    import zipfile

    good = tmp_path / "good.xlsx"
    write_xlsx(good, {"Plan": [("ID", "Recommendation"), ("1", "Share information.")]})
    with zipfile.ZipFile(good) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, damage(data) if name.startswith("xl/worksheets/") else data)
    recs, problems = load_file(path)
    assert recs == []
    assert [p.message.split(":")[0] for p in problems] == [f"not a readable .xlsx workbook ({why}"]
    assert explain_columns(path) == problems
    result = CliRunner().invoke(app, ["map", str(path), str(good)])
    assert result.exit_code == 2 and "Share information" in result.stdout


def test_an_impossible_due_date_in_a_workbook_is_a_warning_and_the_row_is_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.xlsx"
    header, first, second = PLAN
    write_xlsx(path, {"Plan": [header, [*first[:3], "31/02/2027", *first[4:]], second]})
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1", "2"]
    assert [(p.line, p.rule) for p in problems] == [(2, "time-bound")]
    # The cell is named as Excel shows it: the row alone leaves a plan's columns to search.
    assert problems[0].message.startswith(
        "due '31/02/2027' (sheet 'Plan', cell D2, column 'Target date') is not a date scrmap "
        "can read"
    )


@pytest.mark.parametrize("numbered", [True, False])
def test_a_row_with_no_text_is_left_out_and_the_rest_read(tmp_path: Path, numbered: bool) -> None:
    """A placeholder row (an id, or an owner, and no text) has nothing to map: a warning
    that names the empty column, and the other rows are read and numbered as if it were not
    there."""
    path = tmp_path / "plan.csv"
    header, row = ("Ref,Action,Owner", "2,,") if numbered else ("Action,Owner", ",Police")
    first, third = ("1,Share information.,NCHC", "3,Record decisions.,Police")
    if not numbered:
        first, third = first[2:], third[2:]
    path.write_text(f"{header}\n{first}\n{row}\n{third}\n", encoding="utf-8")
    recs, problems = load_file(path)
    assert [(r.id, r.source.line) for r in recs] == [("1", 2), ("3", 4) if numbered else ("2", 4)]
    which = "row '2'" if numbered else "row"
    assert [str(p) for p in problems] == [
        f"{path}:3: {which} has no recommendation text, so it was left out ('Action' is empty): "
        "write its text, or delete the row"
    ]


def test_an_empty_id_is_named_and_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Ref,Action\n1,Share information.\n,Record decisions.\n", encoding="utf-8")
    recs, problems = load_file(path)
    assert list(recs) == []
    assert [str(p) for p in problems] == [
        f"{path}:3: row has no id ('Ref' is empty): give every row an id"
    ]


def test_a_formula_with_no_saved_value_is_named(tmp_path: Path) -> None:
    """openpyxl and other programs save a formula without its value; read for its values,
    the cell is empty, and only Excel can fill it."""
    path = tmp_path / "plan.xlsx"
    write_xlsx(
        path,
        {"Plan": [["Ref", "Action"], [1, "Share information."], [2, '=UPPER("x")']]},
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [str(p) for p in problems] == [
        f"{path}:3: row '2' has no recommendation text, so it was left out ('Action' is a "
        "formula with no saved value): open the workbook in Excel and save it, so that its "
        "values are saved with it"
    ]


def test_rows_of_formulas_with_no_saved_value_are_not_no_rows(tmp_path: Path) -> None:
    """Rows all formulas, as a program writes them, read as blank: the file was "no rows
    after the header", of a sheet full of rows."""
    path = tmp_path / "plan.xlsx"
    rows = [["Ref", "Action"], ["=ROW()-1", '=UPPER("x")'], ["=ROW()-1", '=UPPER("y")']]
    write_xlsx(path, {"Plan": rows})
    assert [str(p) for p in load_file(path)[1]] == [
        f"{path}: no rows after the header with a value: its cells are formulas with no saved "
        "value (a workbook written by a program, not Excel): open the workbook in Excel and "
        "save it, so that its values are saved with it"
    ]
    write_xlsx(path, {"Plan": [['="Action plan"'], ["Ref", "Action"]]})  # a formula above
    assert [str(p) for p in load_file(path)[1]] == [f"{path}: no rows after the header"]


@pytest.mark.parametrize(
    "error", ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"]
)
def test_a_spreadsheet_error_as_text_is_left_out_naming_the_sheet(
    tmp_path: Path, error: str
) -> None:
    """A text column made by formula over another sheet holds an error value where a row's
    formula failed: read as text, "#REF!" was a recommendation, mapped and counted."""
    path = tmp_path / "plan.xlsx"
    rows: list[list[object]] = [["Ref", "Action"], [1, "Share information."], [2, error]]
    write_xlsx(path, {"Cover": [["Action plan"]], "Plan": rows})
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [str(p) for p in problems] == [
        f"{path}:3: row '2' of sheet 'Plan' holds the spreadsheet error {error} in 'Action', "
        "not recommendation text (a formula that failed), so it was left out: correct the "
        "formula, or delete the row"
    ]


def test_a_spreadsheet_error_in_a_csv_saved_from_excel_is_left_out(tmp_path: Path) -> None:
    """A CSV saved from Excel writes an error value as its text: read alike, with no sheet."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "Ref,Action\n1,Share information.\n2,#N/A\n3, #ref! \n4,  #getting_data  \n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [(p.line, p.message.split(" in ")[0]) for p in problems] == [
        (3, "row '2' holds the spreadsheet error #N/A"),
        (4, "row '3' holds the spreadsheet error #REF!"),
        (5, "row '4' holds the spreadsheet error #GETTING_DATA"),  # the longest, padded
    ]


@pytest.mark.parametrize("error", ["#REF!", "#DIV/0!"])
@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_a_spreadsheet_error_in_a_status_or_due_cell_is_named(
    tmp_path: Path, ending: str, error: str
) -> None:
    """A status looked up from another sheet that failed ("#N/A") was a status word not
    recognised, and a due date "#REF!" no date, never overdue: both without a word of the
    formula. Each is read as empty, with a warning at its cell; the row is read. "#DIV/0!",
    with a digit, is not also told how to write a date."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [["No.", "Recommendation", "Target date", "RAG"], ["1", FATHERS, error, "#N/A"]],
    )
    (rec,), problems = load_file(path)
    assert (rec.due, rec.status) == (None, None)
    where = "sheet 'Plan', cell {}2, " if ending == ".xlsx" else ""
    assert [p.message.split(" (a formula")[0] for p in problems] == [
        f"the due date ({where.format('C')}column 'Target date') holds the spreadsheet error "
        + error,
        f"the status ({where.format('D')}column 'RAG') holds the spreadsheet error #N/A",
    ]


@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_a_plans_publication_column_dates_its_cases(tmp_path: Path, ending: str) -> None:
    """A plan of several reviews gives each one's publication date in a column: read only
    as an ISO date, "01/05/2026" left its case undated, and --since 2025-01-01 said none of
    the plan's reviews was published after 2024."""
    from scrmap.coverage import Selection, published, select

    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            ["Review", "Date published", "No.", "Recommendation"],
            ["Child Q", "01/05/2026", "1", FATHERS],
            ["Child R", "2024-02-01", "1", MASH],
            ["Child S", "May 2026", "1", "Schools will record concerns about neglect."],
            ["Child T", "Friday 1 May 2026", "1", "GPs will record the details of fathers."],
        ],
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [str(published(r)) for r in recs] == ["2026-05-01", "2024-02-01", "None", "2026-05-01"]
    kept = select(recs, Selection(since=datetime(2025, 1, 1).date()))
    assert [r.case for r in kept.recommendations] == ["Child Q", "Child T"]
    assert kept.notes == ["--since left out cases with no publication date: Child S"]
    # --explain-columns says the column is read: "kept as metadata" had the officer think
    # --since could not use it.
    assert explain_columns(path)[1] == (
        "Date published", "the publication date of the row's case (for --since)"
    )  # fmt: skip


def test_an_error_among_words_is_text(tmp_path: Path) -> None:
    """Only a cell that is an error value alone is one: a recommendation may quote one."""
    path = tmp_path / "plan.csv"
    path.write_text("Ref,Action\n1,Fix the #REF! errors in the tracker.\n", encoding="utf-8")
    recs, problems = load_file(path)
    assert ([r.text for r in recs], problems) == (["Fix the #REF! errors in the tracker."], [])


def test_a_due_date_or_status_by_formula_with_no_saved_value_is_named(tmp_path: Path) -> None:
    """A target date or RAG worked out by a formula whose value was never saved read as
    empty in silence: the overdue action was not overdue, its status "No status"."""
    path = tmp_path / "plan.xlsx"
    rows = [
        ["No.", "Recommendation", "Target date", "RAG"],
        ["1", FATHERS, "=DATE(2020,1,1)", '=IF(1,"Red","Green")'],
        ["2", MASH, "2020-01-01", None],
    ]
    write_xlsx(path, {"Plan": rows})
    recs, problems = load_file(path)
    assert [(r.id, r.due, r.status) for r in recs] == [("1", None, None), ("2", "2020-01-01", None)]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (
            2,
            "the due date (sheet 'Plan', cell C2) was not read ('Target date' is a formula "
            "with no saved value)",
        ),
        (
            2,
            "the status (sheet 'Plan', cell D2) was not read ('RAG' is a formula with no saved "
            "value)",
        ),
    ]


FOOTED = [
    ["Ref", "Action", "Status"],
    ["1", "Share information with the GP.", "Complete"],
    ["Total", 2, None],
    [None, "Key: R = not started, A = in progress, G = complete", None],
    [None, "Source: the Board's tracker", None],
]


@pytest.mark.parametrize("ending", [".xlsx", ".csv"])
def test_a_totals_row_and_a_key_under_the_table_are_left_out(tmp_path: Path, ending: str) -> None:
    """ "Total | 2" was a recommendation "2" (counted, and unmapped in `check`); a key with
    no id refused the whole plan. Each is left out with a warning, and the plan read."""
    path = tmp_path / f"plan{ending}"
    if ending == ".xlsx":
        write_xlsx(path, {"Action plan": FOOTED})
    else:
        lines = [",".join(f'"{c}"' if c is not None else "" for c in row) for row in FOOTED]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [(p.line, p.message) for p in problems] == [
        (3, "row 'Total' is a totals row, not a recommendation: left out"),
        (4, "row is a key or note under the table, not a recommendation: left out"),
        (5, "row is a key or note under the table, not a recommendation: left out"),
    ]


def test_a_csv_title_row_above_the_header_is_passed_over(tmp_path: Path) -> None:
    """A plan exported from a sheet with a title and a blank line above its header was
    refused for want of a text column; it is read as the workbook is, lines counted as
    the file has them."""
    path = tmp_path / "ag.csv"
    path.write_text(
        "Child AG - Action Plan,,\n\nRef,Recommendation,Owner\n"
        "1,Share information with the GP.,CSC\n2,Record decisions.,Police\n1,Again.,CSC\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [str(p) for p in problems] == [f"{path}:6: duplicate id '1' (first at line 4)"]
    path.write_text(path.read_text(encoding="utf-8").rsplit("1,Again", 1)[0], encoding="utf-8")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.owner, r.source.line) for r in recs] == [("1", "CSC", 4), ("2", "Police", 5)]


@pytest.mark.parametrize(
    "top",
    ["Action plan\n", "Action plan, Case L\n", "sep=;\n", ""],
)
def test_a_semicolon_csv_under_a_title_or_a_sep_line_is_read(tmp_path: Path, top: str) -> None:
    """Semicolons under a bare title line defeated the sniffer, and the file was read as
    one column of commas and refused; so was Excel's 'sep=;' line, which names them."""
    path = tmp_path / "plan.csv"
    path.write_text(
        f"{top}No.;Recommendation;RAG\n1;{MASH};Red\n2;GPs will ask, each time, about fathers.;\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.status) for r in recs] == [
        ("1", MASH, "Red"),
        ("2", "GPs will ask, each time, about fathers.", None),
    ]


def test_a_column_of_numbers_is_not_the_recommendations_text(tmp_path: Path) -> None:
    """A summary sheet first (`Agency | Actions | Complete | Overdue`, counts) gave "3", "2",
    "5" as recommendations and the plan was never read: the plan is read, and with
    --sheet naming the summary, the problem names the sheets and --sheet."""
    path = tmp_path / "plan.xlsx"
    summary = [
        ["Agency", "Actions", "Complete", "Overdue"],
        ["CSC", 3, 1, 0],
        ["Police", 2, 2, 0],
        ["Health", 5, 3, 1],
    ]
    write_xlsx(path, {"Summary": summary, "Action plan": PLAN})
    recs, problems = load_file(path)
    assert problems == [] and [r.id for r in recs] == ["1", "2"]  # the plan, not the counts
    recs, problems = load_file(path, sheet="Summary")
    assert list(recs) == []
    [problem] = problems
    assert problem.message.startswith("the header row has no column of recommendation text")
    assert "read sheet 'Summary' (sheets: Summary, Action plan): --sheet NAME" in problem.message


FATHERS = "Health visitors will record the details of fathers at the first visit."
MASH = "The MASH will share information about domestic abuse incidents with health visitors."
ACTIONS = {"action": "Revise guidance; Audit 20 assessments"}


@pytest.mark.parametrize("sheet", [None, "Plan"])
def test_a_recommendation_merged_over_its_action_rows_is_one(
    tmp_path: Path, sheet: str | None
) -> None:
    """A plan with a recommendation (and its number) merged down over its action rows:
    read-only openpyxl gives the rows below the first nothing in the merged cells, so each
    action row was a row with no text, and `check` failed the plan with an input error and
    the advice to write its text. The action rows are part of the recommendation: their
    actions and agencies joined, the recommendation due when its last action is; the
    merges of the sheet read, whichever sheet it is."""
    path = tmp_path / "plan.xlsx"
    rows = [
        ["No.", "Recommendation", "Action", "Lead agency", "Target date"],
        ["1", FATHERS, "Revise guidance", "Health", "2027-05-01"],
        [None, None, "Audit 20 assessments", "Police", "2027-06-30"],
        ["2", MASH, "Share daily", "Police", "2027-07-01"],
    ]
    write_xlsx(path, {"Cover": [["Title only"]], "Plan": rows} if sheet else {"Plan": rows})
    book = openpyxl.load_workbook(path)
    for column in "AB":
        book["Plan"].merge_cells(f"{column}2:{column}3")
    book.save(path)
    recs, problems = load_file(path, sheet=sheet)
    assert problems == []
    assert [(r.id, r.agency, r.due, r.meta, r.source.line) for r in recs] == [
        ("1", "Health; Police", "2027-06-30", ACTIONS, 2),
        ("2", "Police", "2027-07-01", {"action": "Share daily"}, 4),
    ]  # fmt: skip
    args = ["check", str(path), *(["--sheet", sheet] if sheet else [])]
    result = CliRunner().invoke(app, args)
    assert "[input]" not in result.output and "0 errors" in result.output, result.output


@pytest.mark.parametrize(
    ("fill", "status"),
    [
        ("FF0000", "Red (cell colour)"),
        ("FFC000", "Amber (cell colour)"),
        ("FFFF00", "Amber (cell colour)"),
        ("00B050", "Green (cell colour)"),
        ("C6EFCE", "Green (cell colour)"),  # Excel's pale "Good" style
        ("FFC7CE", "Red (cell colour)"),  # and "Bad"
        ("0070C0", "Blue (cell colour)"),  # BRAG: complete
        ("DDEBF7", None),  # a table style's pale blue banding
        ("D9D9D9", None),
        (None, None),
    ],
)
def test_an_empty_rag_cell_is_read_by_its_colour(
    tmp_path: Path, fill: str | None, status: str | None
) -> None:
    """Many plans rate each action by colouring an empty RAG cell: every such action was
    'No status' in the Board's table of whether the actions were done."""
    from openpyxl.styles import PatternFill

    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": [["No.", "Recommendation", "RAG"], ["1", FATHERS, None]]})
    book = openpyxl.load_workbook(path)
    if fill:
        book["Plan"]["C2"].fill = PatternFill("solid", fgColor=fill)
    book["Plan"]["B2"].fill = PatternFill("solid", fgColor="FF0000")  # not the status column
    book.save(path)
    recs, problems = load_file(path)
    assert problems == [] and [(r.text, r.status) for r in recs] == [(FATHERS, status)]


# The colours of Office's theme since 2013, as a workbook saved by Excel carries them: in the
# file's order (dark text, light background, ...), with the text colours as system colours.
OFFICE_THEME = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">
<a:themeElements><a:clrScheme name="Office">
<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>
<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>
<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>
<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>
<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>
<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>
</a:clrScheme></a:themeElements></a:theme>"""


@pytest.mark.parametrize(
    ("theme", "tint", "status"),
    [
        (9, 0.0, "Green (cell colour)"),  # Green, Accent 6
        (9, 0.4, "Green (cell colour)"),  # the same, Lighter 40%
        (9, -0.25, "Green (cell colour)"),  # Darker 25%
        (9, 0.8, None),  # Lighter 80%: too pale to be a rating
        (7, 0.0, "Amber (cell colour)"),  # Gold, Accent 4
        (5, 0.0, "Amber (cell colour)"),  # Orange, Accent 2
        (6, 0.0, None),  # Grey, Accent 3
        (0, -0.05, None),  # White, Background 1, Darker 5%
        (1, 0.0, None),  # Black, Text 1
        (12, 0.0, None),  # past the theme's colours
    ],
)
def test_an_empty_rag_cell_filled_with_a_theme_colour_is_read(
    tmp_path: Path, theme: int, tint: float, status: str | None
) -> None:
    """Excel's fill palette offers the workbook theme's colours and their shades above the
    standard colours; a RAG cell filled with one was 'No status' in the Board's table."""
    from openpyxl.styles import PatternFill
    from openpyxl.styles.colors import Color

    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": [["No.", "Recommendation", "RAG"], ["1", FATHERS, None]]})
    book = openpyxl.load_workbook(path)
    book.loaded_theme = OFFICE_THEME
    colour = Color(theme=theme, tint=tint)
    book["Plan"]["C2"].fill = PatternFill("solid", fgColor=colour, bgColor=colour)
    book.save(path)
    recs, problems = load_file(path)
    assert problems == [] and [(r.text, r.status) for r in recs] == [(FATHERS, status)]


def test_a_workbook_theme_is_read_in_the_order_cells_index_it() -> None:
    from scrmap.sources.excel_file import theme_colours

    assert theme_colours(OFFICE_THEME)[:2] == ["FFFFFF", "000000"]  # background, then text
    assert theme_colours(OFFICE_THEME)[9] == "70AD47"
    assert theme_colours(b"<not a theme/>") == theme_colours(None) == []


def test_a_written_status_wins_over_its_cells_colour(tmp_path: Path) -> None:
    from openpyxl.styles import PatternFill

    from scrmap.actionplan import State, Vocabulary

    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": [["No.", "Recommendation", "RAG"], ["1", FATHERS, "Complete"]]})
    book = openpyxl.load_workbook(path)
    book["Plan"]["C2"].fill = PatternFill("solid", fgColor="FF0000")
    book.save(path)
    recs, _ = load_file(path)
    assert [r.status for r in recs] == ["Complete"]
    vocabulary = Vocabulary.build()
    assert [vocabulary.classify(f"{c} (cell colour)") for c in ("Red", "Amber", "Blue")] == [
        State.not_met,
        State.partly_met,
        State.complete,
    ]


def test_a_sub_heading_merged_across_the_plan_is_no_row(tmp_path: Path) -> None:
    """'Health agencies' merged across a row of the plan was a row with no text (an input
    error to `check`); a title merged across a row is passed over as before."""
    path = tmp_path / "plan.xlsx"
    rows = [
        ["No.", "Recommendation", "Lead agency"],
        ["Health agencies", None, None],
        ["1", FATHERS, "Health"],
        ["Police", None, None],
        ["2", MASH, "Police"],
    ]
    write_xlsx(path, {"Plan": rows})
    book = openpyxl.load_workbook(path)
    for row in (2, 4):
        book["Plan"].merge_cells(f"A{row}:C{row}")
    book.save(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.agency, r.source.line) for r in recs] == [
        ("1", "Health", 3),
        ("2", "Police", 5),
    ]


@pytest.mark.parametrize(
    "heading",
    ["Child Q", "Adult B", "Cases R and S", "Child R \u2013 SPR", "DHR 2024/01", "Baby T SCR"],
)
def test_a_sub_heading_that_names_a_review_is_the_case_of_the_rows_under_it(
    tmp_path: Path, heading: str
) -> None:
    """A plan of several reviews with no case column, each review's actions under its name
    merged across the table and numbered from 1: read as the file's one case, the second
    review's "1" was a duplicate id that refused the whole plan. A group of agencies
    ("Adult Social Care", "Children's Services") names no case."""
    path = tmp_path / "plan.xlsx"
    rows = [
        ["No.", "Recommendation", "Lead agency"],
        ["Child P", None, None],
        ["1", FATHERS, "Health"],
        [heading, None, None],
        ["Adult Social Care", None, None],
        ["1", MASH, "Police"],
        ["Children's Services", None, None],
        ["2", "Schools will record concerns about neglect.", "Education"],
    ]
    write_xlsx(path, {"Plan": rows})
    book = openpyxl.load_workbook(path)
    for row in (2, 4, 5, 7):
        book["Plan"].merge_cells(f"A{row}:C{row}")
    book.save(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id, r.agency, r.meta) for r in recs] == [
        ("Child P", "1", "Health", {}),
        (heading, "1", "Police", {}),
        (heading, "2", "Education", {}),
    ]


@pytest.mark.parametrize(
    "heading", ["Rapid Review actions", "LCSPR recommendations", "Learning from the SAR"]
)
def test_a_section_named_for_a_kind_of_review_is_no_case(tmp_path: Path, heading: str) -> None:
    """One review's plan in sections ("Rapid Review actions", then "LCSPR
    recommendations"): read as cases, its actions were split into cases named after the
    sections. A kind of review with nothing to name which is a section, not a case."""
    path = tmp_path / "plan.xlsx"
    rows = [
        ["No.", "Recommendation", "Lead agency"],
        [heading, None, None],
        ["1", FATHERS, "Health"],
        ["2", MASH, "Police"],
    ]
    write_xlsx(path, {"Plan": rows})
    book = openpyxl.load_workbook(path)
    book["Plan"].merge_cells("A2:C2")
    book.save(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id) for r in recs] == [("plan", "1"), ("plan", "2")]


def test_a_case_heading_in_a_csv_saved_from_such_a_plan_is_the_case(tmp_path: Path) -> None:
    """Saved as CSV, a heading merged across keeps its text in its first cell alone: one
    that names a review is the case of the rows under it, as in the workbook. Any other is
    a row with no text, as before, and a row of the wrong width is still counted as it is."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "No.,Recommendation,Lead agency\n"
        "Child Q,,\n"
        f"1,{FATHERS},Health\n"
        ",,\n"
        "Child R \u2013 SPR,,\n"
        f"1,{MASH},Police\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id, r.meta) for r in recs] == [
        ("Child Q", "1", {}),
        ("Child R \u2013 SPR", "1", {}),
    ]
    with path.open("a", encoding="utf-8") as more:
        more.write("Health agencies,,\n2,Short row\n")
    _, problems = load_file(path)
    assert [(p.line, p.message) for p in problems] == [
        (8, "row has 2 fields, the header has 3, so the file was not read: give the row 3 fields "
"(in a CSV file, quote a cell that holds a comma)"),
        (7, "row 'Health agencies' has no recommendation text, so it was left out "
         "('Recommendation' is empty): write its text, or delete the row"),
    ]  # fmt: skip


@pytest.mark.parametrize("note", ["Mr AB to chase", "Ms J Smith to update", "Family GP to confirm"])
def test_a_note_in_a_csv_rows_first_cell_is_no_case(tmp_path: Path, note: str) -> None:
    """An officer's note alone in a row's first cell that starts like a case's name ("Mr AB
    to chase") was read as a case heading: the actions under it were counted as a case of
    that name in the Board's paper. It is a row with no text, as any other note is; a
    heading that says only which review it is still names the case."""
    path = tmp_path / "plan.csv"
    path.write_text(
        "No.,Recommendation,Lead agency\n"
        "Child Q,,\n"
        f"1,{FATHERS},Health\n"
        f"{note},,\n"
        f"2,{MASH},Police\n"
        "Adult A (Mary) \u2013 SAR 2026,,\n"
        f"1,{MASH},Police\n",
        encoding="utf-8",
    )
    recs, problems = load_file(path)
    assert [(r.case, r.id) for r in recs] == [
        ("Child Q", "1"), ("Child Q", "2"), ("Adult A (Mary) \u2013 SAR 2026", "1")
    ]  # fmt: skip
    assert [(p.line, p.message.split(",")[0]) for p in problems] == [
        (4, f"row {note!r} has no recommendation text")
    ]


def test_a_cell_pointing_at_a_style_the_workbook_lacks_is_read(tmp_path: Path) -> None:
    """A workbook written by another program pointed an empty RAG cell at a style it does
    not hold: looking for the cell's colour, scrmap stopped with an internal error."""
    import zipfile

    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": [["No.", "Recommendation", "RAG"], ["1", FATHERS, "Red"]]})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode()
    row = '<row r="3"><c r="A3" t="inlineStr"><is><t>2</t></is></c>'
    row += f'<c r="B3" t="inlineStr"><is><t>{MASH}</t></is></c><c r="C3" s="7"/></row>'
    xml = xml.replace("</sheetData>", row + "</sheetData>").replace('ref="A1:C2"', 'ref="A1:C3"')
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    recs, problems = load_file(path)
    assert ([(r.id, r.status) for r in recs], problems) == ([("1", "Red"), ("2", None)], [])


def test_a_formula_with_a_namespace_prefix_is_a_formula(tmp_path: Path) -> None:
    """The .NET Open XML SDK writes '<x:f>': its unsaved formulas were read as empty cells
    without a word."""
    import zipfile

    path = tmp_path / "plan.xlsx"
    write_xlsx(path, {"Plan": [["No.", "Recommendation", "Target date"], ["1", FATHERS, "=NOW()"]]})
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode()
    xml = re.sub(r"<(/?)(?!\?)([a-zA-Z]+)", r"<\1x:\2", xml).replace('xmlns="', 'xmlns:x="', 1)
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    recs, problems = load_file(path)
    assert [r.id for r in recs] == ["1"]
    assert [p.message.split(":")[0] for p in problems] == [
        "the due date (sheet 'Plan', cell C2) was not read ('Target date' is a formula with no "
        "saved value)"
    ]


def test_a_number_merged_down_over_the_parts_of_a_recommendation(tmp_path: Path) -> None:
    """'1' merged down beside two parts: the second read as a row with no id, which refused
    the whole plan."""
    path = tmp_path / "plan.xlsx"
    rows = [
        ["No.", "Recommendation", "Lead agency"],
        ["1", f"a) {FATHERS}", "Health"],
        [None, f"b) {MASH}", "Police"],
        ["2", "The Board will audit supervision by May 2027.", "LSCP"],
    ]
    write_xlsx(path, {"Plan": rows})
    book = openpyxl.load_workbook(path)
    book["Plan"].merge_cells("A2:A3")
    book.save(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.agency) for r in recs] == [
        ("1", f"a) {FATHERS} b) {MASH}", "Health; Police"),
        ("2", "The Board will audit supervision by May 2027.", "LSCP"),
    ]


def write_table(path: Path, rows: list[list[str]]) -> None:
    """``rows`` (the header first) as the plan ``path``'s ending says: a workbook, CSV, or a
    Markdown pipe table."""
    if path.suffix == ".xlsx":
        write_xlsx(path, {"Plan": [list(r) for r in rows]})
    elif path.suffix == ".csv":
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


MULTI_CASE = [
    ["Case", "No.", "Recommendation", "RAG"],
    ["Child A", "1", "Schools will record attendance concerns.", "Red"],
    ["Child A", "2", "GPs will record the details of fathers.", "Green"],
    ["Child B", "1", "Police will share information with the MASH.", "Amber"],
]


@pytest.mark.parametrize("ending", [".csv", ".xlsx", ".md"])
def test_a_plan_of_several_cases_numbers_each_from_one(tmp_path: Path, ending: str) -> None:
    """A plan of two reviews, each numbered from 1: the second review's "1" was a duplicate
    id that refused the whole plan. An id repeated within one case still refuses it."""
    path = tmp_path / f"plan{ending}"
    write_table(path, MULTI_CASE)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id, r.status) for r in recs] == [
        ("Child A", "1", "Red"),
        ("Child A", "2", "Green"),
        ("Child B", "1", "Amber"),
    ]
    write_table(path, [*MULTI_CASE, ["child a", "2", "Schools will audit attendance.", "Red"]])
    recs, problems = load_file(path)
    first = 4 if ending == ".md" else 3  # under the header, and a Markdown table's rule
    assert recs == [] and [p.message for p in problems] == [
        f"duplicate id '2' (first at line {first})"
    ]


def test_a_cell_merged_down_over_several_recommendations_is_each_ones(tmp_path: Path) -> None:
    """A plan that merges each review's name down its rows, or a lead agency, a due date or
    a RAG rating down the recommendations it covers: the rows under the first read as
    empty there, so they were cases of their own under the file's name ("plan"), with no
    owner, due date or status, and the second review's "1" a duplicate id."""
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Case", "No.", "Recommendation", "Lead agency", "Due date", "RAG"])
    sheet.append(
        ["Child A", "1", "Schools will record attendance.", "Education", "2024-01-31", "Red"]
    )
    sheet.append([None, "2", "GPs will record fathers.", None, None, "Green"])
    sheet.append([None, "3", "Police will share information with the MASH.", "Police", None, None])
    sheet.append(
        ["Child B", "1", "Health visitors will see fathers.", "Health", "2025-06-30", "Amber"]
    )
    sheet.append([None, "2", "Social workers will use chronologies.", None, None, None])
    for merged in ("A2:A4", "A5:A6", "D2:D3", "E2:E4", "F5:F6"):
        sheet.merge_cells(merged)
    book.save(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id, r.agency, r.due, r.status) for r in recs] == [
        ("Child A", "1", "Education", "2024-01-31", "Red"),
        ("Child A", "2", "Education", "2024-01-31", "Green"),
        ("Child A", "3", "Police", "2024-01-31", None),
        ("Child B", "1", "Health", "2025-06-30", "Amber"),
        ("Child B", "2", None, None, "Amber"),
    ]


@pytest.mark.parametrize("ending", [".csv", ".xlsx", ".md"])
def test_a_blank_case_cell_is_the_case_above(tmp_path: Path, ending: str) -> None:
    """A plan saved as CSV from a workbook whose case cells were merged down keeps each
    name in its first row only: the rows under it were cases of their own under the file's
    name, and the second review's "2" a duplicate id that refused the plan."""
    rows = [
        ["Case", "No.", "Recommendation", "RAG"],
        ["Child A", "1", "Schools will record attendance concerns.", "Red"],
        ["", "2", "GPs will record the details of fathers.", "Green"],
        ["Child B", "1", "Police will share information with the MASH.", "Amber"],
        ["", "2", "Social workers will use chronologies.", ""],
    ]
    path = tmp_path / f"plan{ending}"
    write_table(path, rows)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id) for r in recs] == [
        ("Child A", "1"),
        ("Child A", "2"),
        ("Child B", "1"),
        ("Child B", "2"),
    ]


FATHERS_ROW = ["1", "Health visitors will ask about fathers.", "NCHC", "31/03/2027"]


def _two_row_plan(path: Path, rows: list[list[str]], merges: list[str]) -> None:
    """A plan headed in two rows as Excel users head one: in a workbook with its
    ``merges``, in a CSV file as Excel saves it (a merged name in its first cell), or in a
    Word table whose cells are merged as ``merges`` say."""
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(rows)
    elif path.suffix == ".xlsx":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append([cell or None for cell in row])
        for merge in merges:
            book.active.merge_cells(merge)
        book.save(path)
    else:
        doc = docx.Document()
        doc.add_heading("Recommendations", level=1)
        table = doc.add_table(rows=len(rows), cols=len(rows[0]))
        for cells, row in zip(table.rows, rows, strict=True):
            for cell, text in zip(cells.cells, row, strict=True):
                cell.text = text
        for merge in merges:
            first, last = merge.split(":")
            start = table.cell(int(first[1:]) - 1, ord(first[0]) - ord("A"))
            end = table.cell(int(last[1:]) - 1, ord(last[0]) - ord("A"))
            text = start.text
            start.merge(end).text = text
        doc.save(str(path))


@pytest.mark.parametrize("ending", [".xlsx", ".csv", ".docx"])
def test_a_header_of_two_rows_is_read_by_both(tmp_path: Path, ending: str) -> None:
    """'Progress' merged over 'Q1 | Q2 | Q3' was the first quarter's column, and the latest
    quarter's rating never read; under 'Action plan' merged over 'Action | Lead | Due' the
    lead and due date were read as nothing; in a workbook the second row was a row with no
    id that refused the plan."""
    path = tmp_path / f"quarters{ending}"
    _two_row_plan(
        path,
        [
            ["No.", "Recommendation", "Lead agency", "Target date", "Progress", "", ""],
            ["", "", "", "", "Q1", "Q2", "Q3"],
            [*FATHERS_ROW, "Green", "Amber", "Red"],
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1"],
    )
    (rec,), problems = load_file(path)
    assert (rec.id, rec.agency, rec.status, problems) == ("1", "NCHC", "Red", [])
    assert rec.meta == {"progress q1": "Green", "progress q2": "Amber"}
    if ending != ".docx":  # --explain-columns reads spreadsheets
        assert rec.source.line == 3
        later = f"kept as metadata ('Progress Q3' is the later update of the status{WHERE_EMPTY})"
        assert explain_columns(path)[4:] == [
            ("Progress Q1", later),
            ("Progress Q2", later),
            ("Progress Q3", "status"),
        ]
    path = tmp_path / f"actions{ending}"
    _two_row_plan(
        path,
        [
            ["No.", "Recommendation", "Action plan", "", "", "RAG"],
            ["", "", "Action", "Lead", "Due", ""],
            ["1", FATHERS_ROW[1], "Revise the guidance", "J Smith", "31/03/2027", "Amber"],
        ],
        ["A1:A2", "B1:B2", "C1:E1", "F1:F2"],
    )
    (rec,), problems = load_file(path)
    assert (rec.text, rec.owner, rec.due, rec.status, problems) == (
        FATHERS_ROW[1], "J Smith", "31/03/2027", "Amber", []
    )  # fmt: skip
    assert rec.meta == {"action": "Revise the guidance"}


@pytest.mark.parametrize("ending", [".xlsx", ".csv"])
def test_header_names_split_over_two_rows_are_read_whole(tmp_path: Path, ending: str) -> None:
    """'Action' over 'required', 'Target' over 'date': the second row was a row with no id,
    which refused the plan."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            ["Ref", "Action", "Lead", "Target", "RAG"],
            ["", "required", "officer", "date", "rating"],
            ["1", FATHERS_ROW[1], "J Smith", "31/03/2027", "Amber"],
        ],
    )
    (rec,), problems = load_file(path)
    assert (rec.owner, rec.due, rec.status, problems) == ("J Smith", "31/03/2027", "Amber", [])
    assert [name for name, _ in explain_columns(path)] == [
        "Ref", "Action required", "Lead officer", "Target date", "RAG rating"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "below",
    [
        # A row of the plan: its id, or its text, is no label.
        ["1", "Engage fathers.", "Police"],
        ["", "Engage fathers", "Police"],
        ["", "", "Police"],  # no column left unnamed, and 'Lead Police' names none
    ],
)
def test_a_first_row_of_the_plan_is_no_second_header_row(below: list[str]) -> None:
    from scrmap.sources._table import second_header_row

    assert second_header_row(["No.", "Recommendation", "Lead"], below) is None


@pytest.mark.parametrize("ending", [".xlsx", ".csv"])
def test_a_plain_status_beside_dated_ones_gives_way_on_their_left(
    tmp_path: Path, ending: str
) -> None:
    """A plain 'Status' beside 'RAG Oct 2026' and 'RAG Jan 2027' was the status wherever it
    stood, so an action rated red in January was read at the status the plan was drawn up
    with. On their left it is the first rating, and the latest dated one is the status; on
    their right it is the rating now. A row whose latest column is empty (not yet updated)
    is read from the one before, not as no status."""
    path = tmp_path / f"left{ending}"
    write_table(
        path,
        [
            ["No.", "Recommendation", "Status", "RAG Oct 2026", "RAG Jan 2027"],
            ["1", "Health visitors will ask about fathers.", "Not started", "Amber", "Red"],
            ["2", "The MASH will share notifications.", "Not started", "Not delayed", ""],
            ["3", "GPs will flag missed appointments.", "Not started", "", ""],
            ["4", "Schools will record concerns.", "", "", ""],
        ],
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [r.status for r in recs] == ["Red", "Not delayed", "Not started", None]
    assert recs[1].source.cells["status"].endswith("column 'RAG Oct 2026'")
    assert recs[0].meta == {"status": "Not started", "rag oct 2026": "Amber"}
    assert recs[1].meta == {"status": "Not started"}
    assert explain_columns(path)[2] == (
        "Status",
        "kept as metadata ('RAG Jan 2027', dated on its right, is the later update of the "
        f"status{WHERE_EMPTY})",
    )
    path = tmp_path / f"right{ending}"
    write_table(
        path,
        [
            ["No.", "Recommendation", "RAG Oct 2026", "RAG Jan 2027", "Status"],
            ["1", "Health visitors will ask about fathers.", "Amber", "Red", "Complete"],
            ["2", "The MASH will share notifications.", "Amber", "Green", ""],
        ],
    )
    recs, problems = load_file(path)
    assert [r.status for r in recs] == ["Complete", "Green"]
    assert explain_columns(path)[2] == (
        "RAG Oct 2026",
        f"kept as metadata ('Status', right of the dated ones, is the status now{WHERE_EMPTY})",
    )


def test_a_percentage_cell_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    """A plan's '% complete' column keeps 100% as 1 and 50% as 0.5: read as the number, the
    action's status was '0.5', a word nobody wrote, and not recognised. It is read as
    shown, '50%', and how much is done is the status where no RAG or Status column is."""
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["No.", "Recommendation", "% complete"])
    for number, share, shown in [(1, 1, "0%"), (2, 0.5, "0%"), (3, 0.125, "0.0%"), (4, 0, "0%")]:
        book.active.append([number, f"Action {number} will be done.", share])
        book.active.cell(number + 1, 3).number_format = shown
    book.save(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [r.status for r in recs] == ["100%", "50%", "12.5%", "0%"]
    assert explain_columns(path)[2] == ("% complete", "status")
    assert recognise(["Recommendation", "RAG", "% complete"]).fields == {"text": 0, "status": 1}


@pytest.mark.parametrize("title", ["Recommendations", "Recommendations and actions \u2013 Child Q"])
@pytest.mark.parametrize("ending", [".xlsx", ".csv"])
def test_a_title_named_like_the_text_column_is_no_header(
    tmp_path: Path, ending: str, title: str
) -> None:
    """A title row "Recommendations" above the plan was taken for its header, as a column
    of recommendation text: the header's "No." and each row's number were read as the
    recommendations, and the plan's text as metadata."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            [title, "", "", ""],
            ["No.", "Recommendation", "Lead agency", "RAG"],
            ["1", FATHERS_ROW[1], "NCHC", "Red"],
        ],
    )
    (rec,), problems = load_file(path)
    assert (rec.id, rec.text, rec.agency, rec.status, problems) == (
        "1", FATHERS_ROW[1], "NCHC", "Red", []
    )  # fmt: skip
    # A plan of one column is still read by its one header.
    write_table(path, [["Recommendations"], [FATHERS_ROW[1]], ["Recommendations are shared."]])
    assert [r.text for r in load_file(path)[0]] == [FATHERS_ROW[1], "Recommendations are shared."]


@pytest.mark.parametrize("ending", [".csv", ".xlsx", ".md"])
def test_the_header_repeated_over_each_block_is_no_recommendation(
    tmp_path: Path, ending: str
) -> None:
    """A plan of several reviews pasted into one sheet block by block, each under its own
    header: the header again was read as a recommendation "Recommendation", id "No.", status
    "RAG" (and, in a plan with a case column, its "Case" the case of the rows under it)."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            ["Case", "No.", "Recommendation", "RAG"],
            ["Child A", "1", FATHERS_ROW[1], "Red"],
            ["Case", "No.", "Recommendation", "RAG"],
            ["Child B", "1", "The MASH will share notifications.", "Green"],
            ["", "2", "Schools will record concerns.", "Amber"],
        ],
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.id, r.status) for r in recs] == [
        ("Child A", "1", "Red"), ("Child B", "1", "Green"), ("Child B", "2", "Amber")
    ]  # fmt: skip


def test_an_earlier_update_rated_by_colour_is_read_where_the_latest_is_empty(
    tmp_path: Path,
) -> None:
    """A plan rated by colouring its quarters' cells: where this quarter's is empty and
    uncoloured, the last quarter's colour is the status, as its words would be."""
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["No.", "Recommendation", "RAG Q1", "RAG Q2"])
    book.active.append([1, FATHERS_ROW[1], None, None])
    book.active["C2"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFC000")
    book.save(path)
    (rec,), problems = load_file(path)
    assert (rec.status, problems) == ("Amber (cell colour)", [])


@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_open_beside_a_rating_is_read_by_the_rating(tmp_path: Path, ending: str) -> None:
    """A plan that keeps "Open" or "Closed" beside a RAG rating: every open action's status
    was "Open", which says only that it is not closed, and was not recognised whatever its
    rating. An open action is read by its rating; a closed one stays closed; an empty
    status is read from the rating too."""
    path = tmp_path / f"plan{ending}"
    write_table(
        path,
        [
            ["No.", "Recommendation", "Status", "RAG"],
            ["1", FATHERS_ROW[1], "Open", "Red"],
            ["2", "The MASH will share notifications.", "Closed", "Blue"],
            ["3", "GPs will flag missed appointments.", "Open", ""],
            ["4", "Schools will record concerns.", "", "Green"],
        ],
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [r.status for r in recs] == ["Red", "Closed", "Open", "Green"]
    assert [r.meta for r in recs] == [{"status": "Open"}, {"rag": "Blue"}, {}, {}]
    assert recs[0].source.cells["status"].endswith("column 'RAG'")


@pytest.mark.parametrize("ending", [".csv", ".xlsx"])
def test_a_cell_of_several_lines_is_one_line(tmp_path: Path, ending: str) -> None:
    """A status written "Amber" over its update in one cell (Alt+Enter in Excel) kept its
    line break, which the terminal's tables showed as "[U+000A]"; so did a lead or a due."""
    path = tmp_path / f"plan{ending}"
    rows = [
        ["No.", "Recommendation", "Lead", "Target date", "RAG"],
        ["1", FATHERS_ROW[1], "J Smith\nNCHC", "31/03/2027\r\n(revised 30/06/2027)",
         "Amber\nTraining planned for February"],
    ]  # fmt: skip
    if ending == ".csv":
        with path.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(rows)
    else:
        write_table(path, rows)
    (rec,), problems = load_file(path)
    assert (rec.owner, rec.due, rec.status, problems) == (
        "J Smith NCHC", "31/03/2027 (revised 30/06/2027)", "Amber Training planned for February", []
    )  # fmt: skip


@pytest.mark.parametrize("ending", [".xlsx", ".csv", ".docx"])
def test_names_of_groups_of_columns_above_the_header_are_read(tmp_path: Path, ending: str) -> None:
    """'Progress' over 'Q1 | Q2 | Q3' in the row above a header that names every other column
    in its own row: the quarters were metadata, and the plan had no status."""
    path = tmp_path / f"plan{ending}"
    _two_row_plan(
        path,
        [
            ["", "", "", "", "Progress", "", ""],
            ["No.", "Recommendation", "Lead agency", "Target date", "Q1", "Q2", "Q3"],
            [*FATHERS_ROW, "Green", "Amber", "Red"],
        ],
        ["E1:G1"],
    )
    (rec,), problems = load_file(path)
    assert (rec.id, rec.agency, rec.status, problems) == ("1", "NCHC", "Red", [])
    assert rec.meta == {"progress q1": "Green", "progress q2": "Amber"}
    # A title above the header is no group's name.
    write_table(path.with_suffix(".csv"), [["Action plan", "", ""], ["No.", "Action", "Q1"]])
    assert [n for n, _ in explain_columns(path.with_suffix(".csv"))] == ["No.", "Action", "Q1"]


@pytest.mark.parametrize("ending", [".xlsx", ".csv", ".docx"])
def test_two_groups_of_columns_in_one_row_above_the_header(tmp_path: Path, ending: str) -> None:
    """'Action plan' over the first columns and 'Progress' over the quarters, in one row:
    the row was taken for a title (it names the first column), and the plan had no status."""
    path = tmp_path / f"plan{ending}"
    _two_row_plan(
        path,
        [
            ["Action plan", "", "", "", "Progress", "", ""],
            ["No.", "Recommendation", "Lead agency", "Target date", "Q1", "Q2", "Q3"],
            [*FATHERS_ROW, "Green", "Amber", "Red"],
        ],
        ["A1:D1", "E1:G1"],
    )
    (rec,), problems = load_file(path)
    assert (rec.id, rec.agency, rec.status, problems) == ("1", "NCHC", "Red", [])
    # A title of two words with a sentence beside it is no row of groups.
    write_table(
        path.with_suffix(".csv"),
        [
            ["Child Q", "", "Actions agreed by the Board on 3 March 2027 after the review.", ""],
            ["No.", "Action", "Q1", "Q2"],
        ],
    )
    names = [n for n, _ in explain_columns(path.with_suffix(".csv"))]
    assert names == ["No.", "Action", "Q1", "Q2"]


def test_a_plan_exported_from_planner_is_read(tmp_path: Path) -> None:
    """A Board that tracks its actions as Microsoft Planner tasks exports them to Excel:
    'Task Name' was no column of recommendation text, so the plan was refused, and
    'Assigned To' was no owner."""
    path = tmp_path / "planner.xlsx"
    header = ["Task ID", "Task Name", "Bucket Name", "Progress", "Assigned To", "Due date"]
    task = ["kX2a9", FATHERS_ROW[1], "Health", "In progress", "Jo Bloggs", "31/01/2027"]
    top = [["Plan name", "Child Q actions"], ["Date of export", "01/02/2027"], []]
    write_xlsx(path, {"Tasks": [*top, [*header, "Late"], [*task, "true"]]})
    (rec,), problems = load_file(path)
    assert (rec.id, rec.text, rec.owner, rec.due, rec.status, problems) == (
        "kX2a9", FATHERS_ROW[1], "Jo Bloggs", "31/01/2027", "In progress", []
    )  # fmt: skip
