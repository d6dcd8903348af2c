"""Inputs with problems through the CLI: every output of `coverage` and `report` names the
files it could not read, and never claims every item was read; a due date that is not a
date is a warning at its line, in every command, and the item is still read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes

from ..conftest import ROOT, invoke

LIBRARY = ROOT / "data" / "recommendations"

BROKEN = """\
case: Case Q
published: 2024-02-30
recommendations:
  - id: Q1
    txt: The Board should review its escalation policy.
    kind: advice
"""

LATE_PLAN = """\
No.,Recommendation,Lead agency,Target date,RAG
1,Health visitors will record the details of fathers at the first visit.,NCHC,2025-13-01,Amber
2,The MASH will share information about domestic abuse with health visitors.,Police,31/02/2027,Red
3,The Board will publish its escalation policy.,NSCB,ongoing,Green
"""
FIX = "write it as 2027-03-31, 31/03/2027, 31 March 2027, March 2027, Q4 2026/27 or 2027"
DUE_WARNINGS = [
    "plan.csv:2: due '2025-13-01' (column 'Target date') is not a date scrmap can read, so "
    f"the action is never counted overdue; {FIX}",
    "plan.csv:3: due '31/02/2027' (column 'Target date') is not a date scrmap can read, so "
    f"the action is never counted overdue; {FIX}",
]
CHECK_ENV = {"COLUMNS": "200", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def run(runner: CliRunner, *args: str, columns: str = "200"):
    return invoke(runner, list(args), env={"COLUMNS": columns, "NO_COLOR": "1"})


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled library and a file that cannot be read, in one folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)
    folder = tmp_path / "lib"
    folder.mkdir()
    for file in LIBRARY.glob("*.yaml"):
        (folder / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "case-q.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An action plan whose first two due dates are impossible and the third is words."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)
    (tmp_path / "plan.csv").write_text(LATE_PLAN, encoding="utf-8")
    return "plan.csv"


def _stderr_as_before(result, folder: Path) -> None:
    """Exit 2 with the problems on stderr, as before the outputs named them too."""
    assert result.exit_code == exitcodes.USAGE
    impossible = f"{folder}/case-q.yaml:2:12: published: '2024-02-30' is no day of the calendar"
    assert impossible in result.stderr


def test_coverage_json_names_the_file_left_out(runner: CliRunner, library: Path) -> None:
    result = run(runner, "coverage", str(library), "-f", "json")
    _stderr_as_before(result, library)
    unread = json.loads(result.stdout)["input_problems"]
    assert [(f["file"], f["left_out"], f["recommendations"]) for f in unread] == [
        (f"{library}/case-q.yaml", True, 0)
    ]
    places = [(p["line"], p["col"]) for p in unread[0]["problems"]]
    assert places == [(2, 12), (4, 5), (6, 11), (5, 5)]


def test_a_whole_library_has_no_input_problems(runner: CliRunner) -> None:
    result = run(runner, "coverage", str(LIBRARY), "-f", "json")
    assert result.exit_code == exitcodes.OK
    assert json.loads(result.stdout)["input_problems"] == []


@pytest.mark.parametrize("columns", ["60", "80", "200"])
def test_the_terminal_says_the_figures_lack_a_file(
    runner: CliRunner, library: Path, columns: str
) -> None:
    result = run(runner, "coverage", str(library), columns=columns)
    _stderr_as_before(result, library)
    said = " ".join(line.strip() for line in result.stdout.splitlines()[:10])
    assert "Incomplete: 1 file could not be read (4 problems)" in said
    # The temporary folder's long path may be folded anywhere, even inside the file name.
    assert "case-q.yaml:notread(4problems)" in "".join(said.split())
    assert said.index("Incomplete") < said.index("1. No recommendation")


def test_coverage_markdown_and_csv_name_the_file(runner: CliRunner, library: Path) -> None:
    markdown = run(runner, "coverage", str(library), "-f", "markdown").stdout
    warning = markdown.split("## Key messages")[0]
    assert "> **Incomplete: 1 file could not be read (4 problems)" in warning
    assert f"> - **{library}/case-q.yaml: not read (4 problems)**" in warning
    assert ">   - line 2:12: published: '2024-02-30' is no day of the calendar" in warning
    table = run(runner, "coverage", str(library), "-f", "csv").stdout
    first = next(csv.DictReader(io.StringIO(table)))
    assert (first["section"], first["id"], first["recommendations"]) == (
        "not-read",
        f"{library}/case-q.yaml",
        "0",
    )
    assert first["title"].startswith("line 2:12: published:")


def test_the_html_report_says_it_is_incomplete(runner: CliRunner, library: Path) -> None:
    result = run(runner, "report", str(library), "-o", "lib.html")
    _stderr_as_before(result, library)
    page = Path("lib.html").read_text(encoding="utf-8")
    assert "every item read" not in page
    summary = page.split('<h2 id="summary">Summary</h2>')[1].split('<ol class="messages">')[0]
    assert '<div class="unread" role="alert">' in summary
    assert "Incomplete: 1 file could not be read (4 problems)" in summary
    assert f"{library}/case-q.yaml: not read (4 problems)" in summary
    assert "line 2:12: published: &#x27;2024-02-30&#x27; is no day of the calendar" in summary
    assert f"<dt>Not read</dt><dd>1 file: {library}/case-q.yaml</dd>" in page
    assert "<dt>Filters</dt><dd>none</dd>" in page


def test_a_whole_library_is_every_item_read(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "report", str(LIBRARY), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == exitcodes.OK
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<dt>Filters</dt><dd>none: every item read</dd>" in page
    assert 'class="unread"' not in page
    assert "<dt>Not read</dt>" not in page


def test_the_markdown_and_csv_reports_name_the_file(runner: CliRunner, library: Path) -> None:
    _stderr_as_before(run(runner, "report", str(library), "-o", "lib.md"), library)
    markdown = Path("lib.md").read_text(encoding="utf-8")
    assert "> **Incomplete: 1 file could not be read" in markdown
    _stderr_as_before(run(runner, "report", str(library), "-o", "lib.csv"), library)
    with Path("lib.csv").open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert (first["file"], first["kind"]) == (f"{library}/case-q.yaml", "not-read")
    assert "line 2:12: published:" in first["text"]


def test_the_workbook_names_the_file(runner: CliRunner, library: Path) -> None:
    from openpyxl import load_workbook

    _stderr_as_before(run(runner, "report", str(library), "-o", "lib.xlsx"), library)
    workbook = load_workbook("lib.xlsx")
    summary = list(workbook["Summary"].iter_rows(min_row=2, max_row=3, values_only=True))
    assert summary[0][0] == "INCOMPLETE"
    assert str(summary[0][1]).startswith("Incomplete: 1 file could not be read (4 problems)")
    assert summary[1] == ("not read", f"{library}/case-q.yaml: not read (4 problems)")
    problems = list(workbook["Not read"].iter_rows(min_row=2, values_only=True))
    assert len(problems) == 4
    assert problems[0][:3] == (f"{library}/case-q.yaml", "no", 2)


def test_impossible_due_dates_are_warnings_and_the_items_are_read(
    runner: CliRunner, plan: str
) -> None:
    result = run(runner, "coverage", plan, "-f", "json", "--as-of", "2027-04-30")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == DUE_WARNINGS
    record = json.loads(result.stdout)
    assert record["totals"]["recommendations"] == 3
    assert [a["id"] for a in record["action_plan"]["due_not_a_date"]] == ["1", "2", "3"]
    read = [(f["file"], f["left_out"], f["recommendations"]) for f in record["input_problems"]]
    assert read == [("plan.csv", False, 3)]
    mapped = run(runner, "map", plan, "-f", "jsonl")
    assert mapped.exit_code == exitcodes.USAGE
    assert mapped.stderr.splitlines()[:2] == DUE_WARNINGS
    assert len(mapped.stdout.splitlines()) == 3


def test_an_impossible_due_date_in_yaml_is_a_warning_at_its_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "case: C\nrecommendations:\n  - id: D1\n    text: Share.\n    due: 2025-13-01\n",
        encoding="utf-8",
    )
    result = run(runner, "map", str(path), "-f", "jsonl")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(f"{path}:5:")
    assert "due '2025-13-01' is not a date scrmap can read" in result.stderr
    assert json.loads(result.stdout)["id"] == "D1"


def test_check_reports_an_impossible_due_date_under_time_bound(
    runner: CliRunner, plan: str
) -> None:
    result = invoke(runner, ["check", plan, "--select", "time-bound"], env=CHECK_ENV)
    assert result.exit_code == exitcodes.OK  # a warning, as the rule's other findings are
    assert result.stdout.splitlines()[:2] == [
        "plan.csv:2:1: warning [time-bound] " + DUE_WARNINGS[0].split(": ", 1)[1],
        "plan.csv:3:1: warning [time-bound] " + DUE_WARNINGS[1].split(": ", 1)[1],
    ]
    assert "[input]" not in result.stdout  # said once, by the rule
    strict = invoke(runner, ["check", plan, "--select", "time-bound", "--strict"], env=CHECK_ENV)
    assert strict.exit_code == exitcodes.PROBLEMS
    ignored = invoke(runner, ["check", plan, "--ignore", "time-bound"], env=CHECK_ENV)
    assert "2025-13-01" not in ignored.stdout


def test_a_two_digit_year_is_this_centurys_and_an_impossible_year_is_said(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel's mmm-yy "Mar-26" is March 2026, not the year 26 (which was "730576 days
    overdue"); a due date in the year 26 is a warning at its line, never a figure."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)
    (tmp_path / "mar.csv").write_text(
        "Ref,Action,Owner,Target date,RAG\n"
        "1,Health visitors will ask about fathers at every new birth visit.,NCHC,Mar-26,Amber\n"
        "2,The MASH will share information with schools.,Police,Mar-0026,Red\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", "mar.csv", "-f", "json", "--as-of", "2026-06-30")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(
        "mar.csv:3: due 'Mar-0026' (column 'Target date') is in the year 26, which cannot"
    )
    overdue = json.loads(result.stdout)["action_plan"]["overdue_actions"]
    assert [(a["id"], a["days_overdue"]) for a in overdue] == [("1", 91)]
    checked = invoke(runner, ["check", "mar.csv", "--select", "time-bound"], env=CHECK_ENV)
    assert checked.stdout.startswith(
        "mar.csv:3:1: warning [time-bound] due 'Mar-0026' (column 'Target date') is in the year 26"
    )
    assert "mar.csv:2:" not in checked.stdout


def test_a_placeholder_row_is_left_out_and_the_rest_of_the_plan_reported(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One row with an id and no text refused the whole plan ("no recommendations were
    read"); now it is a warning that names the empty column, and the rest is reported."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)
    (tmp_path / "placeholder.csv").write_text(
        "Ref,Action,Owner,Due,Status\n"
        "1,Health visitors will ask about fathers at every new birth visit.,NCHC,2026-01-31,Green\n"
        "2,,,,\n"
        "3,The MASH will record the reasons for every decision.,Police,2026-03-31,Red\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", "placeholder.csv", "-f", "json", "--as-of", "2026-06-30")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        "placeholder.csv:3: row '2' has no recommendation text, so it was left out ('Action' "
        "is empty): write its text, or delete the row\n"
    )
    record = json.loads(result.stdout)
    assert record["totals"]["recommendations"] == 2
    assert [(p["file"], p["left_out"], p["recommendations"]) for p in record["input_problems"]] == [
        ("placeholder.csv", False, 2)
    ]


def test_a_file_of_a_kind_scrmap_does_not_read_is_a_problem(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An RTF, PDF or old Excel file named as an input was read as Markdown without a word,
    its markup or binary noise mapped as recommendations; a file with no ending, or one of
    digits, is still read as text."""
    monkeypatch.chdir(tmp_path)
    Path("draft.rtf").write_text("{\\rtf1 Recommendation 1: Share it.}", encoding="utf-8")
    Path("plan.XLS").write_bytes(b"\xd0\xcf\x11\xe0 not text")
    for name in ("notes", "minutes.2024"):
        Path(name).write_text("1. Health visitors will ask about fathers.\n", encoding="utf-8")
    result = run(runner, "map", "draft.rtf", "plan.XLS", "notes", "minutes.2024", "-f", "jsonl")
    assert result.exit_code == exitcodes.USAGE
    assert [json.loads(line)["source"]["file"] for line in result.stdout.splitlines()] == [
        "notes",
        "minutes.2024",
    ]
    kinds = "save it as .yaml, .md, .txt, .csv, .docx or .xlsx"
    assert result.stderr.splitlines()[:2] == [
        f"draft.rtf: not a kind scrmap reads: .rtf; {kinds}",
        f"plan.XLS: not a kind scrmap reads: .xls; {kinds}",
    ]


def test_a_tsv_action_plan_is_read_as_a_table(tmp_path: Path) -> None:
    """A .tsv plan, named or met in a folder, is the table it is (the reader sniffs tabs)."""
    plan = tmp_path / "plans" / "plan.tsv"
    plan.parent.mkdir()
    plan.write_text(
        "No.\tRecommendation\tLead agency\tTarget date\tRAG\n"
        "1\tHealth visitors will record the details of fathers.\tNCHC\t31/03/2027\tRed\n",
        encoding="utf-8",
    )
    for arg in (plan, plan.parent):
        result = run(CliRunner(), "map", str(arg), "-f", "jsonl")
        assert result.exit_code == 0, result.stderr
        (record,) = [json.loads(line) for line in result.stdout.splitlines()]
        assert record["id"] == "1"
        assert record["text"] == "Health visitors will record the details of fathers."


def test_a_one_column_tsv_with_commas_is_read_by_its_tabs(tmp_path: Path) -> None:
    """Sniffed, a .tsv of one text column with commas in it was read as comma-separated."""
    plan = tmp_path / "t.tsv"
    plan.write_text(
        "Recommendation\nSchools, GPs and police should record concerns, and audit.\n",
        encoding="utf-8",
    )
    result = run(CliRunner(), "map", str(plan), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"].startswith("Schools, GPs and police")


@pytest.mark.parametrize("name", ["Mr. Smith review", "Child K v2.1 final"])
def test_a_dot_in_a_name_is_no_file_ending(tmp_path: Path, name: str) -> None:
    """pathlib's suffix of "Mr. Smith review" is ". smith review": refused as a kind."""
    draft = tmp_path / name
    draft.write_text("Schools should record concerns.\n", encoding="utf-8")
    result = run(CliRunner(), "map", str(draft), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "Schools should record concerns."


def test_coverage_notes_a_pdf_in_the_folder_and_still_succeeds(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "case-l.yaml").write_bytes((LIBRARY / "case-l.yaml").read_bytes())
    (tmp_path / "Case L overview.pdf").write_bytes(b"%PDF-1.7\n")
    result = run(runner, "coverage", str(tmp_path))
    assert result.exit_code == exitcodes.OK
    assert (
        f"scrmap: note: skipped {tmp_path}/Case L overview.pdf: a PDF in a folder is not read"
        in result.stderr
    )
