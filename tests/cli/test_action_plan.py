"""Action-plan progress through the CLI: the same figures in JSON, CSV, Markdown, the
terminal, the HTML report and the workbook, on a library whose statuses, due dates and
owners are known, against a fixed report date; and status words from .scrmap.yaml."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes

from ..conftest import ROOT, invoke

LIBRARY = str(ROOT / "tests" / "data" / "action-plan")
AS_OF = ("--as-of", "2021-06-30")
COUNTS = {
    "complete": 1,  # P-1
    "on-track": 1,  # P-3
    "partly-met": 1,  # P-2, "Amber - delayed by staffing"
    "not-met": 1,  # Q-1, "Red"
    "not-started": 0,
    "unrecognised": 2,  # P-5 "with the working group", Q-2 "Purple"
    "no-status": 1,  # P-4
}
# Due before 30 June 2021 and not complete, longest overdue first; P-1 is complete,
# P-3 is not yet due and P-5's "ongoing" is not a date.
OVERDUE = [
    ("P-4", 211, None),
    ("P-2", 150, "Children's Services"),
    ("Q-2", 149, "Local Authority"),
    ("Q-1", 91, "Education"),
]


def run(runner: CliRunner, *args: str):
    return invoke(runner, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture(autouse=True)
def no_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where no .scrmap.yaml is found, unless a test writes one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)


def test_json(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, "-f", "json", *AS_OF)
    assert result.exit_code == exitcodes.OK, result.stderr
    plan = json.loads(result.stdout)["action_plan"]
    assert plan["as_of"] == "2021-06-30"
    assert plan["actions"] == 7  # the finding P-F1 carries no action
    assert plan["counts"] == COUNTS
    assert plan["overdue"] == 4
    assert [(a["id"], a["days_overdue"], a["owner"]) for a in plan["overdue_actions"]] == OVERDUE
    assert [a["id"] for a in plan["no_status"]] == ["P-4"]
    assert [a["id"] for a in plan["unrecognised"]] == ["P-5", "Q-2"]
    assert [a["id"] for a in plan["due_not_a_date"]] == ["P-5"]
    by_theme = {r["id"]: r["counts"] for r in plan["by_theme"]}
    assert by_theme["domestic-abuse"]["complete"] == 1  # P-1
    assert by_theme["domestic-abuse"]["not-met"] == 1


def test_json_gives_the_day_each_due_date_was_read_as(runner: CliRunner) -> None:
    """`due` is as written ("31/03/2021", "ongoing"); `due_date` the day it was read as, in
    ISO 8601, as the workbook's "due date (read as)": what a dashboard sorts and counts
    by, which "31/03/2021" or "Q1 2027/28" as text is not."""
    result = run(runner, "coverage", LIBRARY, "-f", "json", *AS_OF)
    plan = json.loads(result.stdout)["action_plan"]
    read = [(a["id"], a["due"], a["due_date"]) for a in plan["overdue_actions"]]
    assert read == [
        ("P-4", "2020-12-01", "2020-12-01"),
        ("P-2", "2021-01-31", "2021-01-31"),
        ("Q-2", "2021-02-01", "2021-02-01"),
        ("Q-1", "31/03/2021", "2021-03-31"),
    ]
    assert [(a["due"], a["due_date"]) for a in plan["due_not_a_date"]] == [("ongoing", None)]
    assert [(a["due"], a["due_date"]) for a in plan["no_status"]] == [("2020-12-01", "2020-12-01")]


def test_json_actions_say_where_they_were_read(runner: CliRunner) -> None:
    """Each action names its file and line, as the unmapped, weak and repeated items do: a
    draft saved as Markdown and as Word gives two actions "1" of Child T, which case and
    id alone cannot tell apart, nor join to the mapping of each."""
    drafts = [str(ROOT / "examples" / name) for name in ("draft.md", "draft.docx")]
    result = run(runner, "coverage", *drafts, "-f", "json", *AS_OF)
    plan = json.loads(result.stdout)["action_plan"]
    first = [(Path(a["file"]).name, a["line"]) for a in plan["no_status"] if a["id"] == "1"]
    assert first == [("draft.md", 8), ("draft.docx", 4)]
    shown = json.loads(run(runner, "coverage", LIBRARY, "-f", "json", *AS_OF).stdout)
    q1 = next(a for a in shown["action_plan"]["overdue_actions"] if a["id"] == "Q-1")
    assert (Path(q1["file"]).name, q1["line"]) == ("child-q.yaml", 6)


def test_the_report_date_decides_what_is_overdue(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, "-f", "json", "--as-of", "2021-01-01")
    plan = json.loads(result.stdout)["action_plan"]
    assert [a["id"] for a in plan["overdue_actions"]] == ["P-4"]


def test_status_words_from_the_configuration(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / ".scrmap.yaml").write_text(
        "statuses:\n  complete: [purple]\n  not-started: [with the working group]\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", LIBRARY, "-f", "json", *AS_OF)
    plan = json.loads(result.stdout)["action_plan"]
    assert plan["counts"]["complete"] == 2
    assert plan["counts"]["not-started"] == 1
    assert plan["counts"]["unrecognised"] == 0
    assert [a["id"] for a in plan["overdue_actions"]] == ["P-4", "P-2", "Q-1"]


def test_a_bad_status_state_in_the_configuration_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / ".scrmap.yaml").write_text("statuses:\n  done: [x]\n", encoding="utf-8")
    result = run(runner, "coverage", LIBRARY, *AS_OF)
    assert result.exit_code == exitcodes.USAGE
    assert ".scrmap.yaml" in result.stderr and "statuses" in result.stderr


@pytest.mark.parametrize("command", ["coverage", "report", "check"])
def test_a_status_word_under_two_states_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    """Red under complete and under not-met counted as whichever state came last."""
    (tmp_path / ".scrmap.yaml").write_text(
        "statuses:\n  complete: [red]\n  not-met: [red]\n", encoding="utf-8"
    )
    result = run(runner, command, LIBRARY)
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        f"{tmp_path / '.scrmap.yaml'}:3:13: statuses.not-met[0]: 'red' is also a complete "
        "word ('red'); give each status word one state\n"
    )


def test_terminal(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, *AS_OF)
    assert result.exit_code == exitcodes.OK, result.stderr
    out = result.stdout
    assert "Action plan at 2021-06-30: 7 actions, 4 overdue" in out
    assert re.search(r"Status not recognised\s+│\s+2", out)
    assert re.search(r"Child P P-4\s+│ none named\s+│ 2020-12-01\s+│\s+211", out)
    assert re.search(r"Child Q Q-1\s+│ Education\s+│ 31/03/2021\s+│\s+91", out)
    assert (
        "4 of 7 actions are overdue at 30 June 2021; 1 of 7 has no recorded status; 2 of 7 have "
        "a status scrmap does not recognise."
    ) in out
    assert "\u202e" not in out and "[U+202E]evil" in out


def test_csv_and_markdown(runner: CliRunner) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run(runner, "coverage", LIBRARY, "-f", "csv", *AS_OF).stdout))
    )
    total = rows[-1]
    assert total["section"] == "action-plan"
    assert total["recommendations"] == "7"
    assert {
        k.removeprefix("actions_"): int(v) for k, v in total.items() if k.startswith("actions_")
    } == COUNTS
    markdown = run(runner, "coverage", LIBRARY, "-f", "markdown", *AS_OF).stdout
    assert "## Action plan at 2021-06-30" in markdown
    assert "| Status not recognised | 2 |" in markdown
    assert "### Overdue (4)" in markdown
    assert "- Child Q Q-1: owner Education, due 31/03/2021, 91 days overdue; status Red" in markdown
    assert "&lt;b&gt;Board&lt;/b&gt;" in markdown  # P-5's owner, as text


def test_html_report(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run(
        runner, "report", LIBRARY, "-o", str(out), *AS_OF, "--marking", "OFFICIAL-SENSITIVE"
    )
    assert result.exit_code == exitcodes.OK, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<h3>Overdue actions (4), longest overdue first</h3>" in page
    overdue = page.split("<h3>Overdue actions")[1].split("</table>")[0]
    assert re.findall(r"<b>([PQ]-\d)</b>", overdue) == [i for i, _, _ in OVERDUE]
    assert '<td class="n late">211</td>' in overdue
    assert "<h3>Actions with no status (1)</h3>" in page
    assert "Status words not recognised (2)" in page and "“Purple”" in page
    assert "&lt;b&gt;Board&lt;/b&gt; [U+202E]evil" not in overdue  # P-5 is not overdue
    assert "\u202e" not in page
    # Every state is counted, so the figures add up to the actions (1+1+1+1+2+1 = 7).
    assert (
        "7 actions: 1 complete, 1 on track, 1 partly met, 1 not met, 2 unknown status, "
        "1 no status; 4 overdue"
    ) in page
    assert "Report date</dt><dd>30 June 2021" in page
    assert '<p class="marking">OFFICIAL-SENSITIVE</p>' in page


def test_xlsx_report(runner: CliRunner, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "r.xlsx"
    result = run(
        runner, "report", LIBRARY, "-o", str(out), *AS_OF, "--marking", "OFFICIAL & SENSITIVE"
    )
    assert result.exit_code == exitcodes.OK, result.stderr
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["Action plan"]
    header = [c.value for c in sheet[1]]
    rows = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)
    ]
    assert len(rows) == 7
    assert header[-3:] == ["action", "file", "line"]  # where each was read, as in Mapping
    q1 = next(r for r in rows if r["id"] == "Q-1")
    assert (Path(q1["file"]).name, q1["line"]) == ("child-q.yaml", 6)
    late = {r["id"]: (r["days overdue"], r["owner"], r["status"]) for r in rows if r["overdue"]}
    assert late == {
        "P-4": (211, None, "No status"),
        "P-2": (150, "Children's Services", "Partly met / at risk"),
        "Q-2": (149, "Local Authority", "Status not recognised"),
        "Q-1": (91, "Education", "Not met / off track"),
    }
    assert sheet["J2"].alignment.wrap_text  # the action's text wraps
    # Each due field as read, a date Excel sorts, beside the words as written.
    q1 = next(r for r in rows if r["id"] == "Q-1")
    assert (q1["due"], q1["due date (read as)"]) == ("31/03/2021", datetime(2021, 3, 31))
    assert sheet["E2"].number_format == "dd/mm/yyyy"
    p5 = next(r for r in rows if r["id"] == "P-5")
    assert p5["action"].startswith("'=HYPERLINK")  # stored as text, never a formula
    assert p5["owner"] == "<b>Board</b> [U+202E]evil"
    for ws in workbook.worksheets:
        assert ws.auto_filter.ref == ws.dimensions, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.oddFooter.right.text == "Page &P of &N"
        assert ws.oddHeader.right.text == "OFFICIAL && SENSITIVE"
    summary = {r[0].value: r[1].value for r in workbook["Summary"].iter_rows(min_row=2)}
    assert summary["actions overdue"] == 4
    assert summary["report date"] == datetime(2021, 6, 30)  # a date cell, not text
    dates = {r[0].value: r[1].number_format for r in workbook["Summary"].iter_rows(min_row=2)}
    assert dates["report date"] == "dd/mm/yyyy"
    heat = workbook["Themes by case"]
    shaded = [c for row in heat.iter_rows(min_row=2, min_col=2) for c in row if c.value]
    assert shaded and all(c.fill.fgColor.rgb != "00000000" for c in shaded)
    assert [c.value for c in heat[1]][1:] == ["Child P", "Child Q"]  # names, not codes


def test_the_lead_agency_column_is_the_overdue_actions_owner(runner: CliRunner) -> None:
    plan = str(ROOT / "examples" / "action-plan.csv")
    result = run(runner, "coverage", plan, "--as-of", "2027-04-30", "-f", "json")
    overdue = json.loads(result.stdout)["action_plan"]["overdue_actions"]
    assert [(a["id"], a["owner"]) for a in overdue] == [("1", "Norfolk Community Health and Care")]
    table = run(runner, "coverage", plan, "--as-of", "2027-04-30").stdout
    assert "Norfolk Community Health and Care" in table and "none named" not in table


def test_an_owner_and_an_agency_are_named_together(tmp_path: Path, runner: CliRunner) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "Ref,Action,Owner,Agency,Due\n"
        "1,Audit how health visitors record fathers.,Jo Bloggs,Police,2020-01-01\n"
        "2,Review MASH information sharing.,Health,health,2020-01-01\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", str(plan), "--as-of", "2021-06-30", "-f", "json")
    overdue = json.loads(result.stdout)["action_plan"]["overdue_actions"]
    assert sorted(a["owner"] for a in overdue) == ["Health", "Jo Bloggs, Police"]


def test_one_of_each_is_said_in_the_singular(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "one.yaml"
    plan.write_text(
        "case: C\nrecommendations:\n  - id: R1\n    text: Agencies must share information "
        "about domestic abuse with the MARAC.\n    due: 2026-01-01\n    status: in progress\n",
        encoding="utf-8",
    )
    shown = invoke(runner, ["coverage", str(plan), "--as-of", "2026-06-30"], {"COLUMNS": "200"})
    assert "1 of 1 action is overdue at 30 June 2026" in shown.stdout
    assert "Action plan at 2026-06-30: 1 action, 1 overdue" in shown.stdout
    page = tmp_path / "r.html"
    invoke(runner, ["report", str(plan), "--as-of", "2026-06-30", "-o", str(page)], {})
    html = page.read_text(encoding="utf-8")
    assert "1 action:" in html and "1 actions" not in html
    framework = tmp_path / "f.yaml"
    framework.write_text(
        "name: t\ntitle: Test\nquadrants:\n  - id: A\n    title: Area A\nstandards:\n"
        "  - id: S1\n    group: G\n    quadrant: A\n    title: First\n    cues: [one]\n",
        encoding="utf-8",
    )
    said = invoke(runner, ["framework", "validate", str(framework)], {}).stdout
    assert said.strip().endswith("valid (1 quadrant, 1 standard, 0 themes)")
    tree = invoke(runner, ["framework", "show", "--framework", str(framework)], {}).stdout
    assert "(1 quadrant, 1 standard, 0 themes)" in tree and "Area A (1 standard)" in tree


def test_negated_statuses_are_overdue_not_complete(tmp_path: Path, runner: CliRunner) -> None:
    """ "Not yet implemented" is not complete and "Not on track" is not on track: all three
    actions are overdue. A negation scrmap cannot turn round is a warning at its line."""
    plan = tmp_path / "neg.csv"
    plan.write_text(
        "Ref,Action,Owner,Due,Status\n"
        "1,Health visitors will ask about fathers.,NCHC,2026-01-31,Not yet implemented\n"
        "2,The MASH will share notifications with schools.,Police,2026-01-31,Not on track\n"
        "3,GPs will flag missed appointments.,ICB,2026-01-31,Not finished\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", str(plan), "--as-of", "2026-06-30")
    assert result.exit_code == exitcodes.OK, result.stderr
    assert "3 of 3 actions are overdue at 30 June 2026" in result.stdout
    with plan.open("a", encoding="utf-8") as more:
        more.write("4,Schools will record concerns.,Education,2026-01-31,Not delayed\n")
    result = run(runner, "coverage", str(plan), "-f", "json", "--as-of", "2026-06-30")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(
        f"{plan}:5: status 'Not delayed' (column 'Status') is a negation"
    )
    counts = json.loads(result.stdout)["action_plan"]["counts"]
    assert (counts["not-met"], counts["unrecognised"], counts["complete"]) == (3, 1, 0)


def test_due_dates_as_plans_write_them_count_overdue(runner: CliRunner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "id,recommendation,due,status\n"
        "1,Agencies must share information about domestic abuse with the MARAC.,"
        "end of March 2026,in progress\n"
        "2,Health visitors should ask about fathers at every visit.,31st January 2026,amber\n"
        "3,Schools should record concerns about neglect.,03/31/2026,amber\n",
        encoding="utf-8",
    )
    result = invoke(runner, ["coverage", str(plan), "--as-of", "2026-06-30", "-f", "json"], {})
    overdue = json.loads(result.stdout)["action_plan"]["overdue_actions"]
    assert sorted((a["id"], a["days_overdue"]) for a in overdue) == [("1", 91), ("2", 150)]
    # The month-first date is not guessed: a warning at its line, and exit 2.
    assert result.exit_code == exitcodes.USAGE
    assert f"{plan}:4: due '03/31/2026' (column 'due') is not a date scrmap can read" in (
        result.stderr
    )


def test_a_cell_that_cannot_be_read_is_named_by_its_sheet_and_cell(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A plan of a dozen columns on the second sheet: the row alone left the officer to find
    which cell of which sheet to correct, in every command that warns of it."""
    import openpyxl

    plan = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["SCR subgroup action plan"])
    sheet = book.create_sheet("Action plan")
    sheet.append(["No.", "Recommendation", "Lead agency", "Target date", "RAG status Q3"])
    sheet.append([1, "Schools will train staff on neglect.", "Education", "End of Q4", "Green"])
    sheet.append([2, "GPs will flag missed appointments.", "ICB", "2026-01-31", "Not delayed"])
    book.save(plan)
    result = run(runner, "coverage", str(plan), "--as-of", "2026-06-30", "-f", "json")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines()[:2] == [
        f"{plan}:2: due 'End of Q4' (sheet 'Action plan', cell D2, column 'Target date') is not "
        "a date scrmap can read, so the action is never counted overdue; write it as "
        "2027-03-31, 31/03/2027, 31 March 2027, March 2027, Q4 2026/27 or 2027",
        f"{plan}:3: status 'Not delayed' (sheet 'Action plan', cell E3, column 'RAG status Q3') "
        "is a negation scrmap cannot read, so the action is counted as 'status not "
        "recognised', never as its opposite; say which state it means under 'statuses' in "
        ".scrmap.yaml",
    ]
    checked = invoke(runner, ["check", str(plan), "--select", "time-bound"], {"COLUMNS": "200"})
    assert checked.stdout.startswith(
        f"{plan}:2:1: warning [time-bound] due 'End of Q4' (sheet 'Action plan', cell D2, "
        "column 'Target date') is not a date"
    )


def test_a_specific_column_wins_over_a_generic_one(runner: CliRunner, tmp_path: Path) -> None:
    """'Target date' is the due date, not the 'Date' before it; 'RAG' the status, not the
    free-text 'Progress' before it, whose "completed" would count a Red action complete."""
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "Ref,Date,Recommendation,Lead agency,Target date,Progress,RAG\n"
        "1,01/01/2026,Health visitors will record the details of fathers.,NCHC,31/12/2027,"
        "Audit completed in May,Red\n"
        "2,01/01/2026,The MASH will share information about domestic abuse.,Police,"
        "31/12/2026,,Amber\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", str(plan), "--as-of", "2027-04-30", "-f", "json")
    assert result.exit_code == exitcodes.OK, result.stderr
    plan_json = json.loads(result.stdout)["action_plan"]
    assert [a["id"] for a in plan_json["overdue_actions"]] == ["2"]
    assert (plan_json["counts"]["complete"], plan_json["counts"]["not-met"]) == (0, 1)


def test_status_names_a_state_in_the_boards_words(runner: CliRunner, tmp_path: Path) -> None:
    """--status not-met keeps what the tables count as not met, "Red" here; with the
    Board's "purple" as complete, --status complete keeps it."""
    plan = str(ROOT / "examples" / "action-plan.csv")
    result = run(runner, "coverage", plan, "--status", "not-met", "-f", "json")
    assert result.exit_code == exitcodes.OK, result.stderr
    counts = json.loads(result.stdout)["action_plan"]["counts"]
    assert {state: n for state, n in counts.items() if n} == {"not-met": 1}
    result = run(runner, "coverage", plan, "--status", "complete")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        "scrmap: --status 'complete' matches nothing (there are: Amber, Green, Red; states: "
        "on-track, partly-met, not-met)\n"
    )
    (tmp_path / ".scrmap.yaml").write_text("statuses:\n  complete: [purple]\n", encoding="utf-8")
    result = run(runner, "coverage", LIBRARY, "--status", "complete", "-f", "json", *AS_OF)
    assert json.loads(result.stdout)["action_plan"]["counts"]["complete"] == 2


AWAITING = [
    ["No.", "Recommendation", "Lead agency", "Target date", "Status"],
    ["1", "Health visitors will ask about fathers at every visit.", "NCHC", "31/01/2026",
     "Complete (awaiting evidence)"],
    ["2", "The MASH will share notifications with schools.", "Police", "31/01/2026",
     "Closed subject to evidence"],
    ["3", "GPs will flag missed appointments.", "ICB", "31/01/2026",
     "Complete - evidence received"],
]  # fmt: skip


@pytest.mark.parametrize("ending", [".csv", ".xlsx", ".docx"])
def test_done_awaiting_evidence_is_on_track_and_overdue_in_every_kind_of_plan(
    runner: CliRunner, tmp_path: Path, ending: str
) -> None:
    """ "Complete (awaiting evidence)" was counted complete, and never overdue, before the
    Board had seen the evidence: it is on track, as a BRAG plan rates it green, in a CSV
    file, a workbook and a Word table alike."""
    import docx
    import openpyxl

    plan = tmp_path / f"plan{ending}"
    if ending == ".csv":
        with plan.open("w", newline="", encoding="utf-8") as out:
            csv.writer(out).writerows(AWAITING)
    elif ending == ".xlsx":
        book = openpyxl.Workbook()
        for row in AWAITING:
            book.active.append(row)
        book.save(plan)
    else:
        doc = docx.Document()
        doc.add_heading("Recommendations", level=1)
        table = doc.add_table(rows=len(AWAITING), cols=len(AWAITING[0]))
        for cells, row in zip(table.rows, AWAITING, strict=True):
            for cell, text in zip(cells.cells, row, strict=True):
                cell.text = text
        doc.save(str(plan))
    result = run(runner, "coverage", str(plan), "-f", "json", "--as-of", "2026-06-30")
    assert result.exit_code == exitcodes.OK, result.stderr
    action_plan = json.loads(result.stdout)["action_plan"]
    assert (action_plan["counts"]["complete"], action_plan["counts"]["on-track"]) == (1, 2)
    assert [(a["id"], a["status"]) for a in action_plan["overdue_actions"]] == [
        ("1", "Complete (awaiting evidence)"),
        ("2", "Closed subject to evidence"),
    ]
    kept = run(runner, "coverage", str(plan), "-f", "json", "--status", "complete", *AS_OF)
    assert json.loads(kept.stdout)["action_plan"]["counts"]["complete"] == 1
    assert json.loads(kept.stdout)["action_plan"]["actions"] == 1
