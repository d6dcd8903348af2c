"""`scrmap check` through the CLI: exit codes, every output format, config, stdin, docx."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.formats.check import RENDERERS, CheckFormat
from scrmap.rules import RULES

from ..conftest import ROOT, invoke

LIBRARY = str(ROOT / "data" / "recommendations")

GOOD = """\
case: Case Z
recommendations:
  - id: Z-1
    text: >-
      The NSCB will audit 20 case files by March 2027 to check that health visitors record
      the father's details at the first visit.
"""
WEAK = """\
case: Case Y
recommendations:
  - id: Y-1
    text: Professionals should consider how they engage with fathers.
  - id: Y-2
    text: The council should repaint the town hall, 50% done by May 2027.
"""

README_DRAFT = """\
case: Case Y
recommendations:
  - id: Y-1
    text: Professionals should consider how they engage with fathers.
  - id: Y-2
    text: Staff should be aware of the agency's lone working arrangements by May 2027.
"""
"""The two-item draft of the README's `scrmap check` section."""


def run(runner: CliRunner, *args: str, env: dict[str, str] | None = None, stdin=None):
    base = {"COLUMNS": "200", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}
    return invoke(runner, ["check", *args], env=base | (env or {}), stdin=stdin)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.chdir(tmp_path)  # no .scrmap.yaml above the test directory
    good = tmp_path / "good.yaml"
    good.write_text(GOOD, encoding="utf-8")
    weak = tmp_path / "weak.yaml"
    weak.write_text(WEAK, encoding="utf-8")
    return {"good": good, "weak": weak}


def test_bundled_library_passes_with_warnings(runner: CliRunner, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, LIBRARY)
    assert result.exit_code == exitcodes.OK
    assert "5 files checked: 0 errors," in result.stdout
    assert run(runner, LIBRARY, "--strict").exit_code == exitcodes.PROBLEMS


def test_clean_file_exits_0(runner: CliRunner, files) -> None:
    result = run(runner, str(files["good"]), "--strict", "-f", "text")
    assert result.exit_code == exitcodes.OK, result.stdout
    assert "1 file checked: 0 errors, 0 warnings" in result.stdout


def test_text_groups_by_file_with_places(runner: CliRunner, files) -> None:
    result = run(runner, str(files["weak"]), "-f", "text")
    assert result.exit_code == exitcodes.PROBLEMS
    lines = result.stdout.splitlines()
    assert lines[0] == str(files["weak"])
    assert any(
        "3  warning  vague-verb" in line and "Y-1: 'consider' asks for thought" in line
        for line in lines
    )
    assert any("5  error    unmapped" in line and "Y-2: maps onto no" in line for line in lines)
    assert "1 file checked: 1 error, 4 warnings" in result.stdout


def test_json(runner: CliRunner, files) -> None:
    doc = json.loads(run(runner, str(files["weak"]), "-f", "json").stdout)
    assert (doc["errors"], doc["warnings"]) == (1, 4)
    rules = sorted((f["recommendation"], f["rule"]) for f in doc["findings"])
    assert rules == [("Y-1", "measurable"), ("Y-1", "specific"), ("Y-1", "time-bound"),
                     ("Y-1", "vague-verb"), ("Y-2", "unmapped")]  # fmt: skip
    assert {f["case"] for f in doc["findings"]} == {"Case Y"}  # to group a folder's by review


def test_github_annotations_and_step_summary(runner: CliRunner, files, tmp_path) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run(runner, str(files["weak"]), env=env)  # github is chosen automatically
    assert result.exit_code == exitcodes.PROBLEMS
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"::warning file={files['weak']},line=3,title=scrmap measurable (Y-1)::states no "
        "outcome or evidence that can be checked: say how the Board will know it worked (an "
        "audit, a figure, a report to the Board), or set 'evidence'"
    )
    assert any(line.startswith("::error file=") and ",line=5," in line for line in lines)
    table = summary.read_text(encoding="utf-8")
    assert "| `unmapped` | error | 1 |" in table and "1 file checked, 1 error" in table


def test_unwritable_step_summary_is_one_line(runner: CliRunner, files, tmp_path) -> None:
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such.md")}
    result = run(runner, str(files["good"]), env=env)
    assert result.exit_code == exitcodes.OK
    assert "such.md: cannot write the step summary: No such file or directory" in result.stderr


def test_github_escaping() -> None:
    from scrmap.checks import Finding, Severity
    from scrmap.formats.check import to_github
    from scrmap.records import CheckResult

    finding = Finding("unmapped", Severity.error, "a,b:c.yaml", 3, None, "50% done\nnext")
    assert to_github(CheckResult([finding], [])) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,title=scrmap unmapped::50%25 done%0Anext\n"
    )


def test_statistics_wrap_only_for_a_terminal() -> None:
    from scrmap.checks import Finding, Severity
    from scrmap.formats.check import statistics
    from scrmap.records import CheckResult

    findings = [Finding(rule, Severity.warning, "a.md", 1, None, "x") for rule in RULES]
    result = CheckResult(findings, [])
    plain = statistics(result).splitlines()
    assert len(plain) == 1 + len(RULES) and max(map(len, plain)) > 60
    wrapped = statistics(result, 60).splitlines()
    assert max(map(len, wrapped)) <= 60 and len(wrapped) > len(plain)
    what = plain[0].index("what")
    assert all(line[:what].strip() == "" for line in wrapped if not line[:5].strip())
    assert (
        " ".join(line[what:] for line in wrapped[1:]).split()
        == " ".join(line[what:] for line in plain[1:]).split()
    )


def test_sarif(runner: CliRunner, files) -> None:
    doc = json.loads(run(runner, str(files["weak"]), "-f", "sarif").stdout)
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = doc["runs"]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["input", *RULES]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning")
        location = result["locations"][0]["physicalLocation"]
        # An absolute path is a file: URI, not a bare path that is no URI.
        assert location["artifactLocation"]["uri"] == files["weak"].as_uri()
        assert location["region"]["startLine"] in (3, 5)
    unmapped = next(r for r in run_["results"] if r["ruleId"] == "unmapped")
    assert unmapped["level"] == "error" and unmapped["properties"]["recommendation"] == "Y-2"
    # A relative one stays relative (code scanning reads it against the checkout), and a
    # space or '#' in a name is percent-encoded either way.
    odd = files["weak"].with_name("weak #2.yaml")
    files["weak"].rename(odd)
    relative = json.loads(run(runner, odd.name, "-f", "sarif").stdout)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in relative["runs"][0]["results"]
    }
    assert uris == {"weak%20%232.yaml"}
    absolute = json.loads(run(runner, str(odd), "-f", "sarif").stdout)
    uri = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ]
    assert uri == odd.as_uri() and uri.endswith("/weak%20%232.yaml")


def test_junit(runner: CliRunner, files) -> None:
    out = run(runner, str(files["good"]), str(files["weak"]), "-f", "junit").stdout
    suite = ET.fromstring(out)
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = {c.get("name"): c for c in suite}
    assert cases[str(files["good"])].find("failure") is None
    failure = cases[str(files["weak"])].find("failure")
    assert failure is not None and "[unmapped]" in failure.text


def test_junit_failure_counts_what_it_lists(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's draft.yaml: the message said "1 problems" over eight findings."""
    monkeypatch.chdir(tmp_path)  # no .scrmap.yaml above the test directory
    Path("draft.yaml").write_text(README_DRAFT, encoding="utf-8")
    out = run(runner, "draft.yaml", "-f", "junit").stdout
    failure = ET.fromstring(out).find("testcase/failure")
    assert failure is not None and failure.text is not None
    assert failure.get("message") == "1 error, 7 warnings"
    assert len(failure.text.splitlines()) == 8


def test_every_machine_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(CheckFormat) - {CheckFormat.text}


def test_config_changes_severity(runner: CliRunner, files, tmp_path) -> None:
    (tmp_path / ".scrmap.yaml").write_text(
        "rules:\n  unmapped: warning\n  vague-verb: off\n", encoding="utf-8"
    )
    result = run(runner, str(files["weak"]), "-f", "json")
    assert result.exit_code == exitcodes.OK
    doc = json.loads(result.stdout)
    assert doc["errors"] == 0
    assert "vague-verb" not in {f["rule"] for f in doc["findings"]}


def test_bad_config_is_a_usage_error(runner: CliRunner, files, tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  nosuch: error\n", encoding="utf-8")
    result = run(runner, str(files["good"]), "--config", str(bad))
    assert result.exit_code == exitcodes.USAGE
    assert f"{bad}:2:3: rules.nosuch: unknown rule" in result.stderr
    env_config = run(runner, str(files["good"]), env={"SCRMAP_CONFIG": str(bad)})
    assert env_config.exit_code == exitcodes.USAGE


def test_unreadable_input_is_a_finding_and_exit_2(runner: CliRunner, files, tmp_path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "case: X\nrecommendations:\n  - {id: a, text: one}\n  - {id: a, text: two}\n",
        encoding="utf-8",
    )
    result = run(runner, str(files["good"]), str(broken), "-f", "json")
    assert result.exit_code == exitcodes.USAGE
    doc = json.loads(result.stdout)
    (finding,) = [f for f in doc["findings"] if f["rule"] == "input"]
    assert finding["file"] == str(broken) and finding["line"] == 4
    assert "duplicate id 'a'" in finding["message"]


def test_pasted_text_on_stdin(runner: CliRunner, files) -> None:
    pasted = "1. Agencies should explore options for joint decisions on the plan.\n"
    result = run(runner, "-", "-f", "text", stdin=pasted)
    assert result.exit_code == exitcodes.OK
    assert result.stdout.splitlines()[0] == "<stdin>"
    assert "'explore' asks for thought" in result.stdout


def test_draft_docx(runner: CliRunner, files, tmp_path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Case Q", level=1)
    document.add_heading("Recommendations", level=2)
    document.add_paragraph(
        "Practitioners should be mindful of the impact of parental mental health.",
        style="List Number",
    )
    path = tmp_path / "draft.docx"
    document.save(str(path))
    result = run(runner, str(path), "-f", "json")
    doc = json.loads(result.stdout)
    assert {f["rule"] for f in doc["findings"]} >= {"vague-verb", "time-bound", "specific"}
    assert all(f["file"] == str(path) for f in doc["findings"])


def test_no_color(runner: CliRunner, files) -> None:
    coloured = run(
        runner, str(files["weak"]), "-f", "text", env={"FORCE_COLOR": "1", "NO_COLOR": ""}
    )
    assert "\x1b[" in coloured.stdout
    plain = run(runner, str(files["weak"]), "-f", "text", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[31" not in plain.stdout and "\x1b[33" not in plain.stdout


def test_list_rules_and_usage(runner: CliRunner) -> None:
    result = run(runner, "--list-rules")
    assert result.exit_code == exitcodes.OK
    for rule_id in RULES:
        assert f"## `{rule_id}`" in result.stdout
    assert run(runner).exit_code == exitcodes.USAGE


def test_list_rules_goes_to_the_output_file(runner: CliRunner, tmp_path: Path) -> None:
    """`--list-rules -o docs/rules.md` printed the rules and wrote nothing, without a word."""
    out = tmp_path / "rules.md"
    result = run(runner, "--list-rules", "-o", str(out))
    assert result.exit_code == exitcodes.OK and result.stdout == ""
    assert out.read_text(encoding="utf-8") == run(runner, "--list-rules").stdout


def test_list_rules_output_is_guarded_as_every_output(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--list-rules -o .scrmap.yaml` replaced the configuration in use, silently, where
    `check -o .scrmap.yaml` refuses it; a folder that does not exist is said as for `check`."""
    monkeypatch.chdir(tmp_path)
    config = tmp_path / ".scrmap.yaml"
    config.write_text("threshold: 50\n", encoding="utf-8")
    result = run(runner, "--list-rules", "-o", ".scrmap.yaml")
    assert result.exit_code == exitcodes.USAGE
    assert "is also the configuration in use" in result.stderr
    assert config.read_text(encoding="utf-8") == "threshold: 50\n"
    result = run(runner, "--list-rules", "-o", "no/rules.md")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == "scrmap: no/rules.md: cannot write: the folder no does not exist\n"
    # Listing the rules reads no framework: a broken one does not stop it.
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [\n", encoding="utf-8")
    result = run(runner, "--list-rules", "-o", "rules.md", env={"SCRMAP_FRAMEWORK": str(broken)})
    assert result.exit_code == exitcodes.OK
    assert (tmp_path / "rules.md").read_text(encoding="utf-8").startswith("# scrmap check rules")


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["check", "{bad}", "-o", "{out}"], "findings.sarif"),
        (["report", "{bad}", "-o", "{out}"], "report.html"),
        (
            ["framework", "learn", str(ROOT / "tests" / "gold" / "dev.yaml"), "-o", "{out}"],
            "w.yaml",
        ),
    ],
)
def test_an_output_in_a_folder_that_does_not_exist_is_refused_before_any_work(
    runner: CliRunner, tmp_path: Path, command: list[str], name: str
) -> None:
    """It was found only when writing, after a whole library had been mapped and checked,
    its problems printed as if the check had run."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("case: X\nrecommendations: [\n", encoding="utf-8")
    out = tmp_path / "no" / "such" / name
    args = [a.format(bad=bad, out=out) for a in command]
    result = invoke(runner, args, env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == f"scrmap: {out}: cannot write: the folder {out.parent} does not exist\n"
    assert not (tmp_path / "no").exists()
    (tmp_path / "no").write_text("a file, not a folder", encoding="utf-8")
    result = invoke(runner, args, env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.endswith(f"the folder {out.parent} does not exist\n")
    args[args.index(str(out))] = str(tmp_path / "no" / name)
    result = invoke(runner, args, env={"GITHUB_ACTIONS": ""})
    assert result.stderr.endswith(f"the folder {tmp_path / 'no'} is not a folder\n")
