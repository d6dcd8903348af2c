"""`scrmap check` with the conventions of ruff, yamllint and sqlfluff: the concise format
(the default off a terminal), --quiet, --statistics, --output-file, --exit-zero,
--select/--ignore, waivers in place, and GitLab Code Quality."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from scrmap import exitcodes

from ..conftest import ROOT
from .test_check import WEAK, run

CONCISE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) "
    r"\[(?P<rule>[a-z-]+)\] (?P<msg>\S.*)$"
)

WAIVED_YAML = """\
case: Case W
recommendations:
  - id: W-1
    text: Professionals should consider how they engage with fathers.
    waive:
      vague-verb: the Board's agreed wording, kept as published
      specific: the Board's agreed wording, kept as published
"""
WAIVED_MD = """\
# Case V

1. Professionals should consider how they engage with fathers.
<!-- scrmap: disable=vague-verb,measurable the panel's wording -->
2. Practitioners should consider how they engage with fathers.
"""


@pytest.fixture
def weak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "weak.yaml"
    path.write_text(WEAK, encoding="utf-8")
    return path


def test_concise_is_the_default_off_a_terminal_one_line_per_finding(
    runner: CliRunner, weak: Path
) -> None:
    result = run(runner, str(weak), env={"COLUMNS": "40"})
    assert result.exit_code == exitcodes.PROBLEMS
    *lines, summary = result.stdout.splitlines()
    assert lines[0] == (
        f"{weak}:3:1: warning [measurable] states no outcome or evidence that can be checked: "
        "say how the Board will know it worked (an audit, a figure, a report to the Board), "
        "or set 'evidence'"
    )
    assert all(CONCISE.match(line) for line in lines), lines
    assert f"{weak}:5:1: error [unmapped] maps onto no practice standard" in result.stdout
    assert summary == "1 file checked: 1 error, 4 warnings"


def test_quiet_prints_findings_only(runner: CliRunner, weak: Path) -> None:
    result = run(runner, str(weak), "-q")
    assert len(result.stdout.splitlines()) == 5
    assert all(CONCISE.match(line) for line in result.stdout.splitlines())
    text = run(runner, str(weak), "-q", "-f", "text").stdout
    assert "1 file checked" not in text and "vague-verb" in text


def test_text_off_a_terminal_is_not_wrapped(runner: CliRunner, weak: Path) -> None:
    result = run(runner, str(weak), "-f", "text", env={"COLUMNS": "40"})
    line = next(line for line in result.stdout.splitlines() if "vague-verb" in line)
    assert line.endswith("(publish, audit, implement, train ...)")


def test_exit_zero_and_output_file(runner: CliRunner, weak: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.txt"
    result = run(runner, str(weak), "--exit-zero", "--output-file", str(out))
    assert result.exit_code == exitcodes.OK
    assert result.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
    assert run(runner, "missing.yaml", "--exit-zero").exit_code == exitcodes.USAGE


def test_output_file_ending_names_the_format(runner: CliRunner, weak: Path, tmp_path: Path) -> None:
    sarif, junit, data = tmp_path / "out.sarif", tmp_path / "out.xml", tmp_path / "out.json"
    for out in (sarif, junit, data):
        run(runner, str(weak), "--exit-zero", "-o", str(out), env={"GITHUB_ACTIONS": "true"})
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert junit.read_text(encoding="utf-8").startswith("<?xml")
    assert json.loads(data.read_text(encoding="utf-8"))
    concise = tmp_path / "out.sarif.txt"
    run(runner, str(weak), "--exit-zero", "-f", "concise", "-o", str(sarif))
    run(runner, str(weak), "--exit-zero", "-o", str(concise))
    assert sarif.read_text(encoding="utf-8") == concise.read_text(encoding="utf-8")
    assert all(map(CONCISE.match, concise.read_text(encoding="utf-8").splitlines()[:-1]))


def test_output_file_under_github_actions_is_concise(
    runner: CliRunner, weak: Path, tmp_path: Path
) -> None:
    """Under GitHub Actions `-o findings.txt` held workflow commands (`::warning file=...`),
    which act only in the log, where nothing was printed: the README says concise."""
    out = tmp_path / "findings.txt"
    result = run(runner, str(weak), "--exit-zero", "-o", str(out), env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == exitcodes.OK and result.stdout == ""
    *lines, closing = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(map(CONCISE.match, lines))
    assert closing == "1 file checked: 1 error, 4 warnings"
    stdout = run(runner, str(weak), "--exit-zero", "-o", "-", env={"GITHUB_ACTIONS": "true"})
    assert stdout.stdout.startswith("::warning file=")  # `-o -` is standard output


def test_select_and_ignore(runner: CliRunner, weak: Path) -> None:
    def rules(*args: str) -> set[str]:
        lines = run(runner, str(weak), "-q", *args).stdout.splitlines()
        return {match["rule"] for match in map(CONCISE.match, lines) if match}

    assert rules("--select", "vague-verb,unmapped") == {"vague-verb", "unmapped"}
    assert rules("--select", "vague-verb", "--select", "specific") == {"vague-verb", "specific"}
    assert rules("--ignore", "unmapped", "--ignore", "measurable,specific") == {
        "time-bound",
        "vague-verb",
    }
    result = run(runner, str(weak), "--select", "vague-verbs")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(
        "scrmap: --select: unknown rule 'vague-verbs' (rules: unmapped, "
    )


def test_waivers_hide_findings_and_show_in_statistics(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("w.yaml").write_text(WAIVED_YAML, encoding="utf-8")
    Path("v.md").write_text(WAIVED_MD, encoding="utf-8")
    result = run(runner, "w.yaml", "v.md", "-q")
    found = {
        (m["path"], m["line"], m["rule"]) for m in map(CONCISE.match, result.stdout.splitlines())
    }
    assert ("w.yaml", "3", "vague-verb") not in found and ("w.yaml", "3", "specific") not in found
    assert ("w.yaml", "3", "time-bound") in found
    assert ("v.md", "3", "vague-verb") in found and ("v.md", "5", "vague-verb") not in found
    assert ("v.md", "5", "measurable") not in found and ("v.md", "5", "specific") in found
    stats = run(runner, "w.yaml", "v.md", "--statistics").stdout.splitlines()
    assert stats[0].split() == ["count", "rule", "severity", "waived", "what"]
    rows = {line.split()[1]: line.split()[:4] for line in stats[1:]}
    assert any(line.endswith("The recommendation asks for thought, not action.") for line in stats)
    assert rows["vague-verb"] == ["1", "vague-verb", "warning", "2"]
    assert rows["specific"] == ["2", "specific", "warning", "1"]
    assert rows["measurable"] == ["2", "measurable", "warning", "1"]
    assert "4 waived" in run(runner, "w.yaml", "v.md", "-f", "text").stdout


def test_waivers_show_in_the_github_step_summary(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    """Under GitHub Actions the log holds annotations only, and the step summary did not
    count the waivers: nowhere did they stay visible."""
    monkeypatch.chdir(tmp_path)
    Path("w.yaml").write_text(WAIVED_YAML, encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    run(runner, "w.yaml", env=env)
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "1 file checked, 0 errors, 2 warnings, 2 waived."
    assert "| `vague-verb` | waived | 1 |" in lines and "| `specific` | waived | 1 |" in lines


def test_statistics_as_json_or_a_usage_error_never_a_table_in_a_json_file(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    """`--statistics -o stats.json` wrote the text table into the .json file, and
    `--statistics -f sarif` printed the table: a format asked for was ignored."""
    monkeypatch.chdir(tmp_path)
    Path("w.yaml").write_text(WAIVED_YAML, encoding="utf-8")
    run(runner, "w.yaml", "--statistics", "-o", "stats.json")
    rows = json.loads(Path("stats.json").read_text(encoding="utf-8"))
    assert {row["rule"]: (row["count"], row["severity"], row["waived"]) for row in rows} == {
        "measurable": (1, "warning", 0),
        "time-bound": (1, "warning", 0),
        "vague-verb": (0, "waived", 1),
        "specific": (0, "waived", 1),
    }
    assert rows[0]["what"].startswith("The recommendation ")
    assert json.loads(run(runner, "w.yaml", "--statistics", "-f", "json").stdout) == rows
    for args in (["-f", "sarif"], ["-o", "stats.sarif"], ["-f", "github"]):
        result = run(runner, "w.yaml", "--statistics", *args)
        assert result.exit_code == exitcodes.USAGE, args
        assert result.stdout == "" and result.stderr.startswith("scrmap: --statistics ")
    assert not Path("stats.sarif").exists()
    github = run(runner, "w.yaml", "--statistics", env={"GITHUB_ACTIONS": "true"})
    assert github.stdout.split()[:5] == ["count", "rule", "severity", "waived", "what"]


def test_a_waiver_of_an_unknown_rule_is_an_error(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("v.md").write_text(
        "<!-- scrmap: disable=vague-verbs -->\n- The NSCB will audit supervision by May 2027.\n"
    )
    result = run(runner, "v.md", "-q")
    assert result.stdout.startswith("v.md:2:1: error [input] waives an unknown rule 'vague-verbs'")
    # Bad input, as the README's exit codes say: 2, and --exit-zero does not hide it.
    assert result.exit_code == exitcodes.USAGE
    assert run(runner, "v.md", "-q", "--exit-zero").exit_code == exitcodes.USAGE


def test_gitlab_code_quality(runner: CliRunner, weak: Path) -> None:
    issues = json.loads(run(runner, str(weak), "-f", "gitlab").stdout)
    assert len(issues) == 5
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == str(weak)
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({i["fingerprint"] for i in issues}) == 5
    unmapped = next(i for i in issues if i["check_name"] == "unmapped")
    assert unmapped["severity"] == "major" and unmapped["location"]["lines"]["begin"] == 5
    assert unmapped["description"].startswith("Y-2: maps onto no practice standard")


def test_gitlab_fingerprints_survive_moved_lines(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    """A duplicate names where its twin stands; a line added above both moves that place,
    and the fingerprint must not move with it, or GitLab shows the issue fixed and new."""
    monkeypatch.chdir(tmp_path)
    item = "  - id: C-{n}\n    text: The Board will audit referrals to the MASH by March 2027.\n"
    body = "case: C\nrecommendations:\n" + item.format(n=1) + item.format(n=2)

    def fingerprints() -> dict[str, str]:
        issues = json.loads(run(runner, "a.yaml", "-f", "gitlab").stdout)
        return {i["check_name"]: i["fingerprint"] for i in issues}

    Path("a.yaml").write_text(body, encoding="utf-8")
    before = fingerprints()
    assert "duplicate" in before
    Path("a.yaml").write_text("# moved down a line\n" + body, encoding="utf-8")
    assert fingerprints() == before


def test_pre_commit_hook_checks_recommendation_files_only() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files = re.compile(hook["files"])
    exclude = re.compile(hook.get("exclude", "(?!)"))
    checked = lambda path: bool(files.search(path)) and not exclude.search(path)  # noqa: E731
    for path in ("recommendations/case-l.yaml", "data/recommendations/draft.docx",
                 "recommendations/2026/plan.xlsx", "recommendations/draft.md"):  # fmt: skip
        assert checked(path), path
    for path in ("README.md", ".github/workflows/ci.yml", "docs/rules.md", "CHANGELOG.md",
                 ".pre-commit-config.yaml", "recommendations/.scrmap.yaml",
                 "recommendations/framework.yaml", "recommendations/framework.learned.yaml",
                 "recommendations/adult.learned.yml",
                 "recommendations/board.gold.yaml"):  # fmt: skip
        assert not checked(path), path


def test_pre_commit_hook_checks_every_ending_scrmap_reads() -> None:
    """The hook passed over a changed `plan.tsv` or `Child A.DOCX`, which a folder scan
    reads (endings are compared without regard to capitals): the gate passed on files it
    never read. A PDF is not: a folder scan notes it unread (the published review kept
    beside its recommendations), so the gate checks what a folder holds, as `check
    recommendations/` does."""
    from scrmap.sources import FOLDER_SUFFIXES

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for suffix in sorted(FOLDER_SUFFIXES):
        for path in (f"recommendations/Child A{suffix}", f"recommendations/x{suffix.upper()}"):
            assert files.search(path) and not exclude.search(path), path
    assert not files.search("recommendations/Child A SPR.pdf")
    for path in ("recommendations/framework.YAML", "recommendations/w.learned.YML"):
        assert exclude.search(path), path


def test_sarif_shows_waivers_as_suppressions(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("w.yaml").write_text(WAIVED_YAML, encoding="utf-8")
    (run_,) = json.loads(run(runner, "w.yaml", "-f", "sarif").stdout)["runs"]
    suppressed = {r["ruleId"]: r["suppressions"] for r in run_["results"] if "suppressions" in r}
    reason = [
        {"kind": "inSource", "justification": "the Board's agreed wording, kept as published"}
    ]
    assert suppressed == {"vague-verb": reason, "specific": reason}
