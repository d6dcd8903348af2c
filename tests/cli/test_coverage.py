"""`scrmap coverage` and `scrmap report` through the CLI, with hostile input."""

import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes, records
from scrmap.cli import app

from ..conftest import ROOT, WEAK_AND_STRONG, invoke

LIBRARY = str(ROOT / "data" / "recommendations")

HOSTILE = """\
case: "=HYPERLINK(\\"http://evil.example\\",\\"Case <b>X</b>\\")"
published: 2020-01-01
recommendations:
  - id: "@SUM(A1)"
    text: >-
      =cmd|' /C calc'!A0 <script>alert(1)</script> "><img src=x onerror="document.title='pwned'">
      Agencies must share information about domestic abuse with the MARAC.
  - id: "+1"
    text: "-2+3 [bold]rich markup[/bold] & the police should refer to MASH."
"""


def run(runner: CliRunner, *args: str):
    return invoke(runner, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_coverage_table_on_the_library(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY)
    assert result.exit_code == exitcodes.OK
    out = result.stdout
    assert out.startswith("45 items (21 findings, 14 recommendations, 10 responses) from 5 cases")
    for title in ("Quadrants", "Practice standards", "Key themes", "Cases", "Themes by case"):
        assert title in out
    assert "Repeated recommendations (similarity 30 or more)" in out
    assert "GAP" in out
    markdown = run(runner, "coverage", LIBRARY, "-f", "markdown").stdout
    assert "\n45 items (21 findings, 14 recommendations, 10 responses) from 5 cases;" in markdown
    # One kind is counted by its name, not as "21 items (21 findings)".
    findings = run(runner, "coverage", LIBRARY, "--kind", "finding").stdout
    assert findings.startswith("21 findings from 4 cases: ")


def test_the_rows_count_what_the_headline_counts(runner: CliRunner) -> None:
    """Findings and responses count beside recommendations: a row of a library that holds
    all three counts items, as the headline does, not "recs" that are not there; where all
    are of one kind, it counts them by name."""

    def at(columns: str, *args: str) -> str:
        env = {"COLUMNS": columns, "NO_COLOR": "1"}
        return invoke(runner, ["coverage", LIBRARY, *args], env=env).stdout

    for columns, marker in (("80", "Q4  Leadership"), ("200", "┃ items ┃")):
        out = at(columns)
        assert marker in out and " recs" not in out and "recs " not in out
    assert "27 items in 5 cases" in at("80")
    findings = at("80", "--kind", "finding")
    assert " findings in " in findings and " items in " not in findings


def test_coverage_json_contract(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, "-f", "json")
    assert result.exit_code == exitcodes.OK
    doc = json.loads(result.stdout)
    assert {"totals", "quadrants", "standards", "themes", "gaps", "unmapped", "repeated"} <= set(
        doc
    )
    da = next(t for t in doc["themes"] if t["id"] == "domestic-abuse")
    assert (da["recommendations"], da["cases"]) == (8, 2)
    assert doc["framework"]["threshold"] == 50


def test_coverage_by_and_filters(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, "--by", "theme")
    assert "Key themes" in result.stdout and "Practice standards" not in result.stdout
    result = run(runner, "coverage", LIBRARY, "--case", "case l", "-f", "json")
    doc = json.loads(result.stdout)
    assert doc["totals"]["recommendations"] == 15 and doc["totals"]["cases"] == 1
    result = run(runner, "coverage", LIBRARY, "--since", "2015-01-01", "-f", "json")
    assert result.exit_code == exitcodes.OK
    assert [c["id"] for c in json.loads(result.stdout)["cases"]] == ["Cases M, N and O"]
    assert "--since left out cases with no publication date" in result.stderr
    result = run(runner, "coverage", LIBRARY, "--kind", "finding", "-f", "json")
    assert json.loads(result.stdout)["totals"]["by_kind"] == {"finding": 21}


def test_unknown_case_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, "--case", "Case Q")
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    assert "--case 'Case Q' matches nothing (there are: Case L, " in result.stderr


def test_every_report_names_the_cases_since_left_out_undated(
    runner: CliRunner, tmp_path: Path
) -> None:
    """--since leaves out every undated case (all Markdown, Word and CSV sources); said only
    on stderr, the Board read their standards as gaps. Every report names them now."""
    draft = tmp_path / "z.md"
    draft.write_text("# Child Z\n\n1. Health visitors will record fathers.\n", encoding="utf-8")
    args = [str(Path(LIBRARY) / "case-l.yaml"), str(draft), "--since", "2010-01-01"]
    doc = json.loads(run(runner, "coverage", *args, "-f", "json").stdout)
    assert doc["selection"]["undated_left_out"] == ["Child Z"]
    markdown = run(runner, "coverage", *args, "-f", "markdown").stdout
    assert (
        "Filters: published on or after 2010-01-01; left out for want of a publication date: "
        "Child Z." in markdown
    )
    out = tmp_path / "r.html"
    assert run(runner, "report", *args, "-o", str(out)).exit_code == 0
    assert "left out for want of a publication date: Child Z" in out.read_text(encoding="utf-8")


def test_a_case_dated_by_its_review_keeps_its_action_plan_under_since(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The review (YAML, published 2023) and its action plan (CSV, no date): --since kept the
    review, dropped the plan's overdue action and said the case was left out undated."""
    (tmp_path / "child-a.yaml").write_text(
        "case: Child A\npublished: 2023-05-10\nrecommendations:\n"
        "  - id: A1\n    text: Health visitors will record fathers at the first visit.\n"
        "    status: Complete\n",
        encoding="utf-8",
    )
    (tmp_path / "child-a-plan.csv").write_text(
        "Case,No.,Recommendation,Target date,RAG\n"
        "Child A,A5,Schools will refer concerns about neglect using the Threshold Guide.,"
        "31/12/2024,Red\n",
        encoding="utf-8",
    )
    args = [str(tmp_path), "--as-of", "2025-03-01", "-f", "json"]
    for since in [[], ["--since", "2020-01-01"]]:
        result = run(runner, "coverage", *args, *since)
        doc = json.loads(result.stdout)
        assert doc["cases"][0]["recommendations"] == 2
        assert doc["period"] == {"first": "2023-05-10", "last": "2023-05-10", "undated": []}
        assert doc["selection"]["undated_left_out"] == []
        assert [a["id"] for a in doc["action_plan"]["overdue_actions"]] == ["A5"]
        assert sum(doc["themes_by_year"]["2023"].values()) >= 2
        assert "left out" not in result.stderr


def test_a_review_titled_with_its_kind_and_its_plan_are_one_case(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The review in Word, titled "Child C: Safeguarding Practice Review", and its action
    plan naming "Child C": "4 recommendations from 2 cases", and the review's own
    recommendation and the plan's action shown as a repeat across cases."""
    import docx

    doc = docx.Document()
    doc.add_heading("Child C: Safeguarding Practice Review", level=0)
    doc.add_heading("Recommendations", level=1)
    doc.add_paragraph(
        "Health visitors will see fathers at every new birth visit.", style="List Number"
    )
    doc.save(str(tmp_path / "child-c.docx"))
    (tmp_path / "child-c-plan.csv").write_text(
        "Case,No.,Recommendation,Target date,RAG\n"
        "Child C,A1,Health visitors will see fathers at every new birth visit.,2024-12-31,Red\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", str(tmp_path), "-f", "json")
    doc_ = json.loads(result.stdout)
    assert [(c["id"], c["recommendations"]) for c in doc_["cases"]] == [("Child C", 2)]
    assert doc_["totals"]["cases"] == 1 and doc_["repeated"] == []
    assert "is counted as 'Child C'" in result.stderr


def test_a_plan_named_for_the_review_is_its_case(runner: CliRunner, tmp_path: Path) -> None:
    """The Board's plan saved as "Child C action plan.csv", with no case column, beside the
    review: "2 recommendations from 2 cases", the plan its own case in every figure."""
    (tmp_path / "child-c.yaml").write_text(
        "case: Child C\nrecommendations:\n  - id: '1'\n"
        "    text: Health visitors will see fathers at every new birth visit.\n",
        encoding="utf-8",
    )
    (tmp_path / "Child C action plan.csv").write_text(
        "No.,Action,Lead agency,Target date,RAG\n"
        "1,Revise the new birth visit guidance to name fathers.,NCHC,2026-12-31,Red\n",
        encoding="utf-8",
    )
    result = run(runner, "coverage", str(tmp_path), "-f", "json", "--as-of", "2027-01-31")
    assert result.exit_code == exitcodes.OK, result.stderr
    cases = json.loads(result.stdout)["cases"]
    assert [(c["id"], c["recommendations"]) for c in cases] == [("Child C", 2)]
    assert "case 'Child C action plan' (" in result.stderr
    assert "is counted as 'Child C'" in result.stderr


def test_the_earliest_since_still_leaves_undated_cases_out(runner: CliRunner, tmp_path) -> None:
    """--since 0001-01-01 counted undated cases as published on the first day possible,
    while every report said they were left out."""
    draft = tmp_path / "z.md"
    draft.write_text("# Child Z\n\n1. Health visitors will record fathers.\n", encoding="utf-8")
    args = [str(Path(LIBRARY) / "case-l.yaml"), str(draft), "-f", "json"]
    doc = json.loads(run(runner, "coverage", *args, "--since", "0001-01-01").stdout)
    assert doc["selection"]["undated_left_out"] == ["Child Z"]
    assert [c["id"] for c in doc["cases"]] == ["Case L"]


def test_filters_that_keep_nothing_write_no_report(runner: CliRunner, tmp_path) -> None:
    result = run(runner, "coverage", LIBRARY, "--since", "2030-01-01")
    assert result.exit_code == exitcodes.USAGE and result.stdout == ""
    assert "--since 2030-01-01 leaves none of the 45 recommendations read" in result.stderr
    out = tmp_path / "board.html"
    args = ["--case", "Case L", "--kind", "recommendation", "-o", str(out)]
    result = run(runner, "report", LIBRARY, *args)
    assert result.exit_code == exitcodes.USAGE and not out.exists()
    assert "together leave none" in result.stderr


def test_bad_input_is_reported_and_the_rest_still_covered(runner: CliRunner, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("case: X\nrecommendations: [\n", encoding="utf-8")
    result = run(runner, "coverage", LIBRARY, str(bad), "-f", "json")
    assert result.exit_code == exitcodes.USAGE
    assert json.loads(result.stdout)["totals"]["recommendations"] == 45
    assert str(bad) in result.stderr and "Traceback" not in result.stderr


def test_coverage_csv_and_markdown_are_safe(runner: CliRunner, hostile: Path) -> None:
    result = run(runner, "coverage", str(hostile), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    names = [r["case_names"] for r in rows if r["case_names"]]
    assert names and all(n.startswith("'=HYPERLINK") for n in names)
    result = run(runner, "coverage", str(hostile), "-f", "markdown")
    assert "<b>" not in result.stdout and "&lt;b&gt;X&lt;/b&gt;" in result.stdout
    assert "<script>" not in result.stdout


def test_terminal_prints_markup_as_written(runner: CliRunner, hostile: Path) -> None:
    result = run(runner, "coverage", str(hostile), "--by", "case")
    assert result.exit_code == exitcodes.OK
    assert "Case <b>X</b>" in result.stdout


def test_html_report_escapes_everything(runner: CliRunner, hostile: Path, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = run(runner, "report", str(hostile), "-o", str(out))
    assert result.exit_code == exitcodes.OK, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>X" not in page
    assert "&lt;script&gt;" in page and "&lt;/script&gt;" in page
    assert "onerror=&quot;document.title=&#x27;pwned&#x27;&quot;" in page
    # Nothing is fetched: no scripts, links or sources, and a policy that forbids them.
    assert "default-src 'none'" in page
    # (The charts' hatching is a pattern in the page itself, `url(#id)`, which fetches
    # nothing.)
    fetched = re.sub(r"url\(#[\w-]+\)", "", page.replace("src=x", ""))
    for attribute in ("src=", "href=", "@import", "url("):
        assert attribute not in fetched
    assert "MARAC" in page and "<mark>" in page  # evidence is shown


def test_xlsx_cells_cannot_run_formulas(runner: CliRunner, hostile: Path, tmp_path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "report.xlsx"
    result = run(runner, "report", str(hostile), "-o", str(out))
    assert result.exit_code == exitcodes.OK, result.stderr
    workbook = openpyxl.load_workbook(out)
    assert "Mapping" in workbook.sheetnames and "Themes by case" in workbook.sheetnames
    texts = []
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    assert cell.value[:1] not in ("=", "+", "-", "@"), cell.value
    assert "'=cmd|' /C calc'!A0" in " ".join(texts)
    assert "'@SUM(A1)" in texts and "'+1" in texts


def test_a_workbook_is_the_same_for_the_same_report(runner: CliRunner, tmp_path) -> None:
    """Two runs of one report give one workbook, byte for byte, as they give one HTML,
    Markdown, CSV or PDF report: the document's created and modified times and every part
    of its zip are dated with the report date, not the clock (two runs differed)."""
    import zipfile
    from datetime import datetime

    openpyxl = pytest.importorskip("openpyxl")
    books = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for book in books:
        result = run(runner, "report", LIBRARY, "-o", str(book), "--as-of", "2026-03-31")
        assert result.exit_code == exitcodes.OK, result.stderr
    assert books[0].read_bytes() == books[1].read_bytes()
    with zipfile.ZipFile(books[0]) as archive:
        assert archive.testzip() is None
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 3, 31, 0, 0, 0)}
        assert {e.compress_type for e in archive.infolist()} == {zipfile.ZIP_DEFLATED}
    workbook = openpyxl.load_workbook(books[0])
    properties = workbook.properties
    assert properties.created == properties.modified == datetime(2026, 3, 31)
    assert properties.creator == "scrmap"
    # The Summary's dates are date cells a spreadsheet sorts, not ISO text.
    summary = {r[0].value: r[1].value for r in workbook["Summary"].iter_rows(min_row=2)}
    assert summary["first published"] == datetime(2014, 10, 29)
    assert summary["last published"] == datetime(2016, 9, 30)


def test_csv_and_markdown_reports(runner: CliRunner, hostile: Path, tmp_path) -> None:
    result = run(runner, "report", str(hostile), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["'@SUM(A1)", "'+1"]
    assert rows[0]["text"].startswith("'=cmd")
    assert "MARAC" in rows[0]["evidence"]
    out = tmp_path / "report.md"
    assert run(runner, "report", str(hostile), "-o", str(out)).exit_code == exitcodes.OK
    page = out.read_text(encoding="utf-8")
    assert "## Evidence for each mapping" in page and "<script>" not in page


def test_report_needs_a_file_for_xlsx_and_leaves_nothing_on_failure(
    runner: CliRunner, tmp_path
) -> None:
    result = run(runner, "report", LIBRARY, "-f", "xlsx")
    assert result.exit_code == exitcodes.USAGE and "needs --output" in result.stderr
    missing_dir = tmp_path / "no" / "such" / "report.html"
    result = run(runner, "report", LIBRARY, "-o", str(missing_dir))
    assert result.exit_code == exitcodes.USAGE
    assert f"{missing_dir}: cannot write" in result.stderr
    assert not (tmp_path / "no").exists()


def test_report_replaces_atomically(runner: CliRunner, tmp_path) -> None:
    out = tmp_path / "r.html"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert run(runner, "report", LIBRARY, "-o", str(out)).exit_code == exitcodes.OK
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def _table_rows_with_wrong_cell_count(markdown: str) -> list[str]:
    """Every Markdown table row whose cells differ in number from its table's header."""
    wrong, header = [], 0
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = 0
            continue
        cells = len(re.split(r"(?<!\\)\|", line.strip())) - 2
        if not header:
            header = cells
        elif cells != header:
            wrong.append(line)
    return wrong


@pytest.mark.parametrize("command", ["coverage", "report"])
def test_every_markdown_row_has_the_headers_cells_and_gaps_show(
    runner: CliRunner, command: str, tmp_path: Path
) -> None:
    out = tmp_path / "r.md"
    args = ["-f", "markdown"] if command == "coverage" else ["-o", str(out)]
    result = run(runner, command, LIBRARY, *args)
    markdown = result.stdout if command == "coverage" else out.read_text(encoding="utf-8")
    assert _table_rows_with_wrong_cell_count(markdown) == []
    assert re.search(r"^\| 2\.4 \| [^|]+ \| Q2 \| 0 \| 0 \| \*\*gap\*\* \|$", markdown, re.M)


def test_markdown_has_every_table_and_says_by_is_for_the_terminal(runner: CliRunner) -> None:
    result = run(runner, "coverage", LIBRARY, "-f", "markdown", "--by", "case")
    assert result.exit_code == 0, result.stderr
    headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert headings[:6] == [
        "## Key messages",
        "## Quadrants",
        "## Practice standards",
        "## Key themes",
        "## Cases",
        "## Themes by case (items)",
    ]
    assert "| Case L | 15 | 8 findings, 7 responses | 0 |" in result.stdout
    assert "| neglect | 5 | 0 | 0 | 0 | 0 |" in result.stdout  # 0, read aloud as a number
    assert "- C4: Domestic abuse recommendations from five cases" in result.stdout
    assert "--by case shows one table on the terminal; -f markdown has them all" in result.stderr


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_a_heatmap_of_many_cases_keeps_every_count(
    runner: CliRunner, tmp_path: Path, columns: int
) -> None:
    """Fifteen cases in one table cut every count and header to "…" at 80 columns, and
    blanked them at 60: every theme looked like a gap. The cases now go in as many tables
    as the width needs, each count whole."""
    for n in range(1, 16):
        (tmp_path / f"c{n}.yaml").write_text(
            f"case: Child {n}\nrecommendations:\n  - id: C{n}-1\n    text: Health visitors "
            "will record the details of fathers and share information about neglect.\n",
            encoding="utf-8",
        )
    result = runner.invoke(
        app, ["coverage", str(tmp_path), "--by", "case"], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.stderr
    heat = result.stdout.split("Themes by case")[1:]
    assert heat and "…" not in "".join(heat)
    headers = re.findall(r"┃ (C\d+) ", result.stdout)
    assert headers == [f"C{n}" for n in range(1, 16)]
    neglect = [line for line in result.stdout.splitlines() if line.startswith("│ neglect ")]
    assert sum(line.count(" 1 ") for line in neglect) == 15
    assert all(len(line.rstrip()) <= columns for line in result.stdout.splitlines())


def test_a_heatmap_of_three_digit_counts_keeps_them_whole(
    runner: CliRunner, tmp_path: Path
) -> None:
    rows = "".join(f"{i},Police should share information with partners {i}.\n" for i in range(105))
    for c in range(10):
        (tmp_path / f"c{c}.csv").write_text("No,Recommendation\n" + rows, encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(tmp_path), "--by", "case"], env={"COLUMNS": "80"})
    heat = "".join(result.stdout.split("Themes by case")[1:])
    assert heat.count(" 105 ") == 10 and "…" not in heat


@pytest.mark.parametrize("columns", [60, 80, 99])
def test_narrow_terminals_get_whole_titles_and_whole_legend_entries(
    runner: CliRunner, columns: int
) -> None:
    result = runner.invoke(app, ["coverage", LIBRARY], env={"COLUMNS": str(columns)})
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert all(len(line) <= columns for line in lines)
    text = " ".join(" ".join(lines).split())
    for title in ("Information-sharing", "Disseminating learning from SCRs", "Domestic abuse"):
        assert title in text
    assert "…" not in result.stdout.split("Themes by case")[0]
    assert "  2.4  High-quality records shared in a timely way" in lines or columns < 80
    assert re.search(r"returning-home · Q3 · GAP: no recommendation", text)
    legend = [line for line in lines if re.match(r"C\d: ", line)]
    assert legend and not any(re.search(r"C\d:$", line) for line in lines)
    assert any("C4: Domestic abuse recommendations from five cases" in line for line in legend)
    messages = lines[lines.index(next(x for x in lines if x.startswith("1. "))) :]
    messages = messages[: messages.index("Quadrants")]
    assert all(re.match(r"\d\. |   \S", line) for line in messages), messages


@pytest.mark.parametrize("columns", ["100", "200"])
def test_wide_terminals_keep_the_tables(runner: CliRunner, columns: str) -> None:
    result = runner.invoke(app, ["coverage", LIBRARY], env={"COLUMNS": columns})
    assert "┃ id " in result.stdout and "GAP" in result.stdout
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert not any(re.search(r"C\d:$", line) for line in lines)
    assert any("C4: Domestic abuse recommendations from five cases" in line for line in lines)


def test_no_unmapped_and_no_action_plan_are_said_once(runner: CliRunner) -> None:
    out = run(runner, "coverage", LIBRARY).stdout
    assert "Unmapped: none; every item reaches a standard." in out
    assert "│ none" not in out
    assert "These recommendations carry no action plan: none of the 14 actions" in out
    assert "Actions with no status" not in out
    record = json.loads(run(runner, "coverage", LIBRARY, "-f", "json").stdout)
    assert len(record["action_plan"]["no_status"]) == 14  # the figures stay in JSON
    kinds = {m["kind"]: m["text"] for m in record["key_messages"]}
    assert kinds["no-status"].startswith("These recommendations carry no action plan")
    assert kinds["repeats"] == (
        "3 items in 1 group look like learning repeated across cases (check each)"
    )
    markdown = run(runner, "coverage", LIBRARY, "-f", "markdown").stdout
    assert "### No status" not in markdown and "carry no action plan" in markdown


def test_the_report_says_once_that_the_library_carries_no_action_plan(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    assert run(runner, "report", LIBRARY, "-o", str(out)).exit_code == exitcodes.OK
    page = out.read_text(encoding="utf-8")
    assert "Actions with no status" not in page
    # the key messages, the glance and the action-plan section
    assert page.count("These recommendations carry no action plan: none of the 14 actions") == 3


def test_overdue_actions_at_60_columns_cut_no_case_name(runner: CliRunner) -> None:
    plan = str(ROOT / "examples" / "action-plan.csv")
    args = ["coverage", plan, "--as-of", "2027-04-30"]
    out = runner.invoke(app, args, env={"COLUMNS": "60"}).stdout
    assert all(len(line.rstrip()) <= 60 for line in out.splitlines())
    assert "│ action-plan │" in out and "…" not in out


def test_a_long_due_date_cuts_no_status_at_60_columns(runner: CliRunner, tmp_path: Path) -> None:
    """A due cell that keeps two dates ("31/03/2026 - 30/06/2026") was never wrapped, and
    at 60 columns the status beside it was cut to "Compl\u2026 (awai\u2026": the words the
    Board reads to see whether the action was done."""
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "No.,Recommendation,Lead agency,Target date,Status\n"
        "1,Health visitors will ask about fathers.,NCHC,31/03/2026 - 30/06/2026,"
        "Complete (awaiting evidence)\n",
        encoding="utf-8",
    )
    args = ["coverage", str(plan), "--as-of", "2027-02-01"]
    out = runner.invoke(app, args, env={"COLUMNS": "60"}).stdout
    table = out.split("Overdue actions (1)")[1].split("Cases")[0]
    assert all(len(line.rstrip()) <= 60 for line in out.splitlines())
    assert "\u2026" not in table
    rows = [line.split("\u2502") for line in table.splitlines() if line.startswith("\u2502")]
    assert [word for row in rows for word in row[-2].split()] == [
        "Complete", "(awaiting", "evidence)"
    ]  # fmt: skip


def test_unmapped_says_a_subject_outside_the_framework_withheld_it(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "l.yaml").write_text(
        "case: Licensing review\nrecommendations:\n"
        "  - id: L1\n    text: Agencies should ensure fathers are engaged in assessments, and "
        "review taxi licensing.\n"
        "  - id: L2\n    text: Health visitors should ask about fathers at every birth visit.\n",
        encoding="utf-8",
    )
    doc = json.loads(invoke(runner, ["coverage", str(tmp_path), "-f", "json"], {}).stdout)
    (item,) = doc["unmapped"]
    assert (item["id"], item["outside"]) == ("L1", ["taxi", "licensing"])
    assert item["nearest"][0]["id"] == "1.3"
    shown = invoke(runner, ["coverage", str(tmp_path)], {"COLUMNS": "200"}).stdout
    assert "outside the framework: taxi, licensing" in shown
    out = tmp_path / "r.html"
    invoke(runner, ["report", str(tmp_path / "l.yaml"), "-o", str(out)], {})
    assert "; outside the framework: taxi, licensing</span>" in out.read_text(encoding="utf-8")
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    invoke(runner, ["report", str(tmp_path / "l.yaml"), "-o", str(book)], {})
    rows = list(openpyxl.load_workbook(book)["Unmapped"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "case")
    column = header.index("outside the framework")
    assert rows[rows.index(header) + 1][column] == "taxi, licensing"


def test_every_output_says_whether_learned_weights_mapped(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A framework file copied without its learned weights maps differently under the same
    name and version, so each output says which way the items were mapped."""
    copied = tmp_path / "mine.yaml"
    copied.write_text((ROOT / "framework.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    bundled = json.loads(run(runner, "coverage", LIBRARY, "-f", "json").stdout)
    assert bundled["framework"]["learned"]["path"].endswith("framework.learned.yaml")
    assert bundled["framework"]["learned"]["items"] > 100
    alone = json.loads(
        run(runner, "coverage", LIBRARY, "--framework", str(copied), "-f", "json").stdout
    )
    assert alone["framework"]["learned"] is None
    assert alone["framework"]["name"] == bundled["framework"]["name"]
    assert alone["totals"]["mapped"] < bundled["totals"]["mapped"]
    shown = run(runner, "coverage", LIBRARY).stdout
    assert "Mapped with learned weights from " in shown
    assert "labelled recommendations (framework.learned.yaml)." in shown
    said = " ".join(run(runner, "coverage", LIBRARY, "--no-learned").stdout.split())
    assert "Mapped by the framework's cues alone" in said
    for name in ("r.md", "r.html"):
        out = tmp_path / name
        run(runner, "report", LIBRARY, "--framework", str(copied), "-o", str(out))
        assert "cues alone (no learned weights)" in out.read_text(encoding="utf-8")
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    run(runner, "report", LIBRARY, "-o", str(book))
    cells = [
        c
        for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]
    assert any(c.startswith("Mapped with learned weights from ") for c in cells)


def test_unmapped_says_its_fit_withheld_a_standard_over_the_threshold(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "h.yaml").write_text(
        "case: Housing\nrecommendations:\n  - id: H1\n    text: The housing department should "
        "review rent arrears procedures for council tenants.\n",
        encoding="utf-8",
    )
    doc = json.loads(run(runner, "coverage", str(tmp_path), "-f", "json").stdout)
    (item,) = doc["unmapped"]
    assert item["fit"] < 50 <= item["nearest"][0]["score"] and item["outside"] == []
    said = f"standards withheld: fits the framework {item['fit']} of 100 (needs 50)"
    shown = invoke(runner, ["coverage", str(tmp_path)], {"COLUMNS": "200"}).stdout
    assert said in " ".join(re.sub(r"[│┃]", " ", shown).split())
    narrow = invoke(runner, ["coverage", str(tmp_path)], {"COLUMNS": "60"}).stdout
    assert "withheld" in narrow
    assert all(len(line) <= 60 for line in narrow.splitlines())
    markdown = run(runner, "coverage", str(tmp_path), "-f", "markdown").stdout
    assert f"council tenants. — {said}" in markdown
    out = tmp_path / "r.html"
    run(runner, "report", str(tmp_path / "h.yaml"), "-o", str(out))
    assert f"; {said}</span>" in out.read_text(encoding="utf-8")
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    run(runner, "report", str(tmp_path / "h.yaml"), "-o", str(book))
    rows = list(openpyxl.load_workbook(book)["Unmapped"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "case")
    row = rows[rows.index(header) + 1]
    assert row[header.index("standards withheld")] == said
    assert row[header.index("fit (of 100)")] == item["fit"]  # a number, as in the JSON


def test_weights_inside_the_framework_file_are_named_as_there(
    runner: CliRunner, tmp_path: Path
) -> None:
    """With the weights in the framework file's own `learned` section there is no file
    beside it: the outputs name the framework file, not a file that does not exist."""
    weights = (ROOT / "framework.learned.yaml").read_text(encoding="utf-8")
    inline = tmp_path / "inline.yaml"
    inline.write_text(
        (ROOT / "framework.yaml").read_text(encoding="utf-8")
        + "learned:\n"
        + "".join(f"  {line}\n" for line in weights.splitlines() if not line.startswith("#")),
        encoding="utf-8",
    )
    doc = json.loads(
        run(runner, "coverage", LIBRARY, "--framework", str(inline), "-f", "json").stdout
    )
    assert doc["framework"]["learned"]["path"] == str(inline)
    shown = run(runner, "coverage", LIBRARY, "--framework", str(inline)).stdout
    assert "labelled recommendations (inline.yaml)." in shown
    assert doc["framework"]["learned"]["sha256"] == doc["framework"]["sha256"]
    assert doc["framework"]["sha256"] == hashlib.sha256(inline.read_bytes()).hexdigest()


def test_a_board_paper_names_the_very_framework_file_it_was_mapped_by(
    runner: CliRunner, tmp_path: Path
) -> None:
    """An edited copy of the framework keeps the name and version it was copied with, so
    every stored result and Board paper gives the framework file's and the learned weights'
    SHA-256: the JSON and the workbook whole, the HTML page its first 12 digits."""
    bundled = json.loads(run(runner, "coverage", LIBRARY, "-f", "json").stdout)["framework"]
    assert bundled["sha256"] == hashlib.sha256((ROOT / "framework.yaml").read_bytes()).hexdigest()
    learned = (ROOT / "framework.learned.yaml").read_bytes()
    assert bundled["learned"]["sha256"] == hashlib.sha256(learned).hexdigest()
    edited = tmp_path / "framework.yaml"
    edited.write_text(
        (ROOT / "framework.yaml").read_text(encoding="utf-8") + "# edited for the adult board\n",
        encoding="utf-8",
    )
    (tmp_path / "framework.learned.yaml").write_bytes(learned)
    copy = json.loads(
        run(
            runner,
            "map",
            "Health visitors should ask about fathers.",
            "--framework",
            str(edited),
            "-f",
            "json",
        ).stdout
    )["framework"]
    assert (copy["name"], copy["version"]) == (bundled["name"], bundled["version"])
    assert copy["sha256"] != bundled["sha256"]
    assert copy["learned"]["sha256"] == bundled["learned"]["sha256"]
    page = tmp_path / "r.html"
    run(runner, "report", LIBRARY, "--framework", str(edited), "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert f"version 2016, SHA-256 {copy['sha256'][:12]})" in html
    assert f"(framework.learned.yaml). SHA-256 {copy['learned']['sha256'][:12]}." in html
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    run(runner, "report", LIBRARY, "-o", str(book))
    rows = {
        row[0]: row[1]
        for row in openpyxl.load_workbook(book).worksheets[0].iter_rows(values_only=True)
        if row and isinstance(row[0], str)
    }
    assert rows["framework file SHA-256"] == bundled["sha256"]
    assert rows["learned weights SHA-256"] == bundled["learned"]["sha256"]


def test_a_framework_moved_away_or_read_from_a_pipe_has_no_digest(tmp_path: Path) -> None:
    """A file gone since it was loaded has no digest, nor has a pipe: it cannot be read
    twice, and opening a named pipe again would wait for a writer for ever."""
    assert records.file_sha256(tmp_path / "gone.yaml") is None
    fifo = tmp_path / "framework.fifo"
    os.mkfifo(fifo)
    assert records.file_sha256(fifo) is None  # at once: no writer is waited for


def test_an_unmapped_items_place_is_never_cut_on_a_narrow_terminal(
    runner: CliRunner, tmp_path: Path
) -> None:
    """At 60 columns the unmapped item's file and line were cut to 'lib/child-d.xlsx…': the
    line number, where to find the item, was lost."""
    folder = tmp_path / "reviews-for-the-board"
    folder.mkdir()
    (folder / "child-d-action-plan.yaml").write_text(
        "case: Child D\nrecommendations:\n  - id: D4\n    text: Agencies will agree a "
        "protocol for children missing education.\n",
        encoding="utf-8",
    )
    narrow = invoke(runner, ["coverage", str(folder)], {"COLUMNS": "60"}).stdout
    assert "D4" in narrow and "…" not in narrow
    first_column = "".join(
        line.split("│")[1].strip() for line in narrow.splitlines() if line.startswith("│")
    )
    assert f"{folder / 'child-d-action-plan.yaml'}:3" in first_column


def test_a_repeated_pair_names_each_item_by_its_case(runner: CliRunner, tmp_path: Path) -> None:
    """Plans and lists number their items from 1, so a pair named by its ids alone, "1 ~ 1",
    told a Board member nothing of which recommendations repeat."""
    folder = tmp_path / "recs"
    folder.mkdir()
    (folder / "t.md").write_text(
        "# Child T\n\n1. The MASH should share domestic abuse notifications with schools "
        "within 24 hours.\n"
    )
    (folder / "w.md").write_text(
        "# Child W\n\n1. The MASH should share domestic abuse notifications with schools "
        "the next day.\n"
    )
    result = run(runner, "coverage", str(folder))
    assert result.exit_code == exitcodes.OK, result.output
    assert "Child T 1 ~ Child W 1: " in result.stdout
    report = tmp_path / "board.html"
    assert run(runner, "report", str(folder), "-o", str(report)).exit_code == exitcodes.OK
    assert (
        '<li>Child T 1 <span aria-hidden="true">~</span><span class="sr-only">is like</span> '
        "Child W 1: similarity "
    ) in report.read_text(encoding="utf-8")


def test_the_json_lists_the_weak_matches_as_map_scores_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`weak` holds each mapped item whose best standard scores under 70, with that standard,
    as `map` scores it, and `totals.weak` counts them."""
    (tmp_path / "w.yaml").write_text(WEAK_AND_STRONG, encoding="utf-8")
    mapped = json.loads(run(runner, "map", str(tmp_path), "-f", "json").stdout)
    best = {
        r["id"]: max(r["standards"], key=lambda s: s["score"])
        for r in mapped["recommendations"]
        if r["standards"]
    }
    expected = [(i, s["id"], s["score"]) for i, s in best.items() if s["score"] < 70]
    assert expected, "the first item maps on a weak match today (2.2 at 67)"
    doc = json.loads(run(runner, "coverage", str(tmp_path), "-f", "json").stdout)
    assert [(w["id"], w["standard"], w["score"]) for w in doc["weak"]] == expected
    assert doc["totals"]["weak"] == len(expected)
    assert any(m["kind"] == "weak" for m in doc["key_messages"])
    # Each output lists which they are, as the key message does not.
    for columns in ("100", "60"):
        shown = invoke(runner, ["coverage", str(tmp_path)], {"COLUMNS": columns}).stdout
        words = " ".join(re.sub(r"[│┃]", " ", shown).split())
        assert "Weak matches: check before counting (best standard under 70)" in words
        weak = f"{expected[0][1]} ({expected[0][2]})"  # as `map` scores it: 2.2 (67) today
        assert "W W1" in words and weak in words and "W W2" not in words
    markdown = run(runner, "coverage", str(tmp_path), "-f", "markdown").stdout
    assert (
        "## Weak matches: check before counting (best standard under 70)\n\n"
        f"- W W1 ({expected[0][1]}, {expected[0][2]}): Agencies should review how they respond "
        "to missed health "
        "appointments.\n" in markdown
    )
    sha = doc["framework"]["sha256"]
    assert f"Framework file SHA-256 {sha}; learned weights SHA-256 " in markdown
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "r.xlsx"
    run(runner, "report", str(tmp_path), "-o", str(book))
    rows = list(openpyxl.load_workbook(book)["Weak matches"].iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "case")
    below = rows[rows.index(header) + 1 :]
    assert [(r[1], r[5], r[6]) for r in below if r[0]] == expected


def test_no_weak_match_no_weak_section(runner: CliRunner) -> None:
    """The bundled library maps no item weakly: no section, no key message, in any output."""
    shown = run(runner, "coverage", LIBRARY).stdout
    assert "Weak matches" not in shown
    assert "Weak matches" not in run(runner, "coverage", LIBRARY, "-f", "markdown").stdout


def test_a_library_of_several_kinds_is_counted_in_items_everywhere(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The workbook, the report's closing line and the terminal's last heatmap of one case
    count what the headline counts: items, where findings and responses count too."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "report.xlsx"
    plan = str(ROOT / "examples" / "action-plan.csv")
    result = run(runner, "report", LIBRARY, plan, "-o", str(out), "--as-of", "2027-04-30")
    assert result.exit_code == exitcodes.OK, result.stderr
    assert result.stderr.endswith("xlsx report of 48 items from 6 cases\n")
    workbook = openpyxl.load_workbook(out)
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
    assert summary["items"] == 48 and "recommendations" not in summary
    assert [c.value for c in workbook["Quadrants"][1]][2] == "items"
    narrow = invoke(runner, ["coverage", LIBRARY, plan], env={"COLUMNS": "60", "NO_COLOR": "1"})
    titles = [line for line in narrow.stdout.splitlines() if line.startswith("Themes by case")]
    assert titles == ["Themes by case (items), C1 to C5", "Themes by case (items), C6"]
