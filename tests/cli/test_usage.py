"""What a new user met first (issue 16): an empty argument, a report ending that names no
format, a missing framework file, counts, an empty input, help placeholders and option
errors in plain words, and one configuration for every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.formats.report import ENDINGS, ReportFormat

from ..conftest import PLAIN_ENV, ROOT, invoke

LIBRARY = str(ROOT / "data" / "recommendations")


def run(runner: CliRunner, *args: str):
    return invoke(runner, list(args), env=PLAIN_ENV)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "one.md").write_text("- The NSCB will audit supervision by May 2027.\n")
    return tmp_path


@pytest.mark.parametrize("command", ["map", "check", "coverage", "report"])
def test_an_empty_argument_is_a_usage_error(runner: CliRunner, command: str) -> None:
    result = run(runner, command, "one.md", "")
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    assert result.stderr.startswith("scrmap: an argument is empty")


EMPTY = (
    "an empty value (a shell variable that expanded to nothing?); give one, or leave the option out"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["map", "one.md", "--framework", ""],
         f"Invalid value for '--framework' (env var: 'SCRMAP_FRAMEWORK'): {EMPTY}"),
        (["check", "one.md", "--config", " "], f"Invalid value for '--config': {EMPTY}"),
        (["framework", "validate", ""], f"Invalid value for 'PATH': {EMPTY}"),
        (["framework", "learn", "g.yaml", "-o", ""],
         f"Invalid value for '--output' / '-o': {EMPTY}"),
        (["framework", "learn", ""], f"Invalid value for 'GOLD...': {EMPTY}"),
        (["framework", "suggest-cues", "g.yaml", ""], f"Invalid value for 'GOLD...': {EMPTY}"),
        (["evaluate", ""], f"Invalid value for 'GOLD...': {EMPTY}"),
    ],
    ids=["framework", "config", "validate", "learn-o", "learn", "suggest-cues", "evaluate"],
)  # fmt: skip
def test_an_empty_path_is_a_usage_error(runner: CliRunner, args: list[str], message: str) -> None:
    """A path option or argument that was '' named the working directory: `--framework ''`
    said ".: is a directory, not a file", and `framework learn -o ''` "cannot write"."""
    result = run(runner, *args)
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    assert result.stderr.endswith(f"\nError: {message}\n")
    assert os.listdir() == ["one.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["coverage", "--status", ""], f"Invalid value for '--status': {EMPTY}"),
        (["report", "--status", " "], f"Invalid value for '--status': {EMPTY}"),
        (["coverage", "--case", "Case L", "--case", ""], f"Invalid value for '--case': {EMPTY}"),
        (["report", "-o", ""], f"Invalid value for '--output' / '-o': {EMPTY}"),
        (["check", "-o", ""], f"Invalid value for '--output-file' / '-o': {EMPTY}"),
        (["evaluate", "--compare", ""], f"Invalid value for '--compare': {EMPTY}"),
        (["map", "--sheet", ""], f"Invalid value for '--sheet': {EMPTY}"),
        (["check", "--select", ""], "Invalid value for '--select': '' names no rule; give rule "
         "ids (--list-rules shows them), or leave the option out"),
        (["check", "--ignore", " , "], "Invalid value for '--ignore': ' , ' names no rule; give "
         "rule ids (--list-rules shows them), or leave the option out"),
    ],
    ids=[
        "status", "status-blank", "case", "report-o", "check-o", "compare", "sheet", "select",
        "ignore",
    ],
)  # fmt: skip
def test_an_empty_option_value_is_a_usage_error(
    runner: CliRunner, args: list[str], message: str
) -> None:
    """`--status ''` kept the items with no status ("Filters: status ."), and `--select ''`
    checked every rule: a shell variable that expanded to nothing, taken as meant."""
    command, *options = args
    result = run(runner, command, "one.md", *options)
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    assert result.stderr.endswith(f"\nError: {message}\n")
    assert os.listdir() == ["one.md"]


@pytest.mark.parametrize(
    "args",
    [["report", "-f", "markdown"], ["report"], ["check", "-f", "json"], ["check", "--statistics"]],
)
def test_output_dash_is_standard_output(runner: CliRunner, args: list[str]) -> None:
    """`-o -` wrote a file named '-'; it is standard output, as leaving -o out is."""
    command, *options = args
    expected = run(runner, command, "one.md", *options)
    result = run(runner, command, "one.md", *options, "-o", "-")
    assert result.exit_code == expected.exit_code
    assert result.stdout == expected.stdout != ""
    assert os.listdir() == ["one.md"]


@pytest.mark.parametrize("chosen", ["xlsx", "pdf"])
def test_a_workbook_or_pdf_report_to_standard_output_is_a_usage_error(
    runner: CliRunner, chosen: str
) -> None:
    result = run(runner, "report", "one.md", "-f", chosen, "-o", "-")
    assert result.exit_code == exitcodes.USAGE
    article = "an" if chosen == "xlsx" else "a"
    assert result.stderr == (
        f"scrmap: {article} {chosen} report needs --output FILE: it cannot go to standard output\n"
    )
    assert os.listdir() == ["one.md"]


def test_a_file_named_dash_is_written_as_dot_slash_dash(runner: CliRunner) -> None:
    result = run(runner, "check", "one.md", "-f", "json", "-o", "./-")
    assert result.exit_code == exitcodes.OK
    assert result.stdout == ""
    assert json.loads(Path("-").read_text())["checked"] == ["one.md"]


@pytest.mark.parametrize("name", ["r.docx", "r.json", "r.txt", "report"])
def test_a_report_ending_that_names_no_format(runner: CliRunner, name: str) -> None:
    result = run(runner, "report", "one.md", "-o", name)
    assert result.exit_code == exitcodes.USAGE
    assert not Path(name).exists()
    assert result.stderr == (
        f"scrmap: {name}: the ending does not name a report format; end the file in "
        ".html or .htm, .markdown or .md, .csv, .xlsx, .pdf, "
        "or give --format (html, markdown, csv, xlsx, pdf)\n"
    )
    assert run(runner, "report", "one.md", "-o", name, "-f", "markdown").exit_code == 0
    assert Path(name).read_text(encoding="utf-8").startswith("# Coverage of")


def test_every_report_format_is_known_by_its_own_ending() -> None:
    assert all(ENDINGS[f".{chosen.value}"] is chosen for chosen in ReportFormat)


def test_framework_validate_of_a_missing_file_is_exit_2(runner: CliRunner) -> None:
    result = run(runner, "framework", "validate", "missing.yaml")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == "missing.yaml: no such file or directory (the framework file)\n"


def test_counts_agree_with_their_nouns(runner: CliRunner) -> None:
    result = run(runner, "report", "one.md", "-o", "r.md")
    assert result.stderr == "r.md: markdown report of 1 recommendation from 1 case\n"
    assert "1 recommendation from 1 case:" in run(runner, "coverage", "one.md").stdout
    assert "1 recommendation, 1 mapped" in run(runner, "map", "one.md").stderr
    text = run(runner, "check", "one.md", "-f", "text").stdout
    assert text.endswith("1 file checked: 0 errors, 0 warnings\n")


def test_a_missing_file_is_not_counted_as_checked(runner: CliRunner) -> None:
    result = run(runner, "check", "one.md", "missing.yaml", "-f", "json")
    assert result.exit_code == exitcodes.USAGE
    assert json.loads(result.stdout)["checked"] == ["one.md"]


@pytest.mark.parametrize("command", ["coverage", "report"])
def test_an_empty_input_writes_no_report(runner: CliRunner, in_tmp: Path, command: str) -> None:
    (in_tmp / "empty").mkdir()
    result = run(runner, command, "empty", *(["-o", "r.html"] if command == "report" else []))
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == "" and not Path("r.html").exists()
    assert result.stderr.splitlines() == [
        "empty: directory holds no recommendation files (.yaml .md .txt .csv .docx .xlsx)",
        "scrmap: no recommendations were read; nothing to report",
    ]


@pytest.mark.parametrize(
    "command",
    [
        "map",
        "coverage",
        "report",
        "check",
        "evaluate",
        "schema",
        "framework show",
        "framework validate",
        "framework learn",
        "framework suggest-cues",
        "framework schema",
    ],
)
def test_help_shows_placeholders_not_python_types(command: str) -> None:
    scrmap = Path(sys.executable).parent / "scrmap"
    env = os.environ | {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    out = subprocess.run(
        [str(scrmap), *command.split(), "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    ).stdout
    assert out.startswith("Usage: scrmap ")
    for python in ("list[", "str]", "{", "%Y", "int range", "<path>..."):
        assert python not in out, (command, python)
    if command == "schema":
        assert "framework, recommendations or gold" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["map", "x", "-f", "xml"], "'xml' is not one of the choices: 'table', 'json', "),
        (["coverage", "x", "--since", "2020"], "'2020' is not a date written YYYY-MM-DD."),
        (["coverage", "x", "--threshold", "0"], "for '--threshold': must be 1 to 100, not 0."),
        (["map", "x", "--top", "0"], "for '--top': must be at least 1, not 0."),
        (["coverage", "x", "--kind", "xml"], "'xml' is not one of the choices: 'recommendation'"),
    ],
)  # fmt: skip
def test_option_errors_in_plain_words(runner: CliRunner, args: list[str], message: str) -> None:
    result = run(runner, *args)
    assert result.exit_code == exitcodes.USAGE
    assert message in result.stderr
    assert "Value error" not in result.stderr and "Input should" not in result.stderr


def test_one_configuration_for_every_command(runner: CliRunner, in_tmp: Path) -> None:
    """In the same folder the CI gate and the Board report agree: threshold 85 leaves the
    same recommendations unmapped in all four commands, and more than the default does."""

    def unmapped() -> list[int]:
        check = json.loads(
            run(runner, "check", LIBRARY, "-f", "json", "--select", "unmapped").stdout
        )
        coverage = json.loads(run(runner, "coverage", LIBRARY, "-f", "json").stdout)
        mapped = json.loads(run(runner, "map", LIBRARY, "-f", "json").stdout)["recommendations"]
        report = run(runner, "report", LIBRARY, "-f", "markdown").stdout
        return [
            len(check["findings"]),
            coverage["totals"]["unmapped"],
            sum(1 for r in mapped if not r["standards"]),
            int(report.split(" unmapped", 1)[0].rsplit(" ", 1)[1]),
        ]

    default = unmapped()
    (in_tmp / ".scrmap.yaml").write_text("threshold: 85\n")
    configured = unmapped()
    assert len(set(default)) == 1 and len(set(configured)) == 1
    assert configured[0] > default[0]
    (in_tmp / ".scrmap.yaml").write_text("threshold: 85\nrules: {nope: off}\n")
    for command in ("map", "coverage", "report", "check"):
        result = run(runner, command, "one.md")
        assert result.exit_code == exitcodes.USAGE
        assert result.stderr.startswith(f"{in_tmp / '.scrmap.yaml'}:2:9: rules.nope: unknown rule")
