"""Bad input never breaks scrmap: every command over a corpus of broken files.

The committed corpus is `tests/robustness/`; what cannot be committed (tens of
megabytes, a symlink loop, a fake .docx, deep nesting) is made here in a temporary
directory. For each bad file, beside a good one, every command must: print one line
per problem of the form `path[:line[:col]]: what is wrong`, exit 2, still process the
good file, print no traceback, and leave no partial output behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.cli import app

from .conftest import ROOT

CORPUS = ROOT / "tests" / "robustness"
GOOD = ROOT / "tests" / "robustness-good.yaml"
GOOD_ID = "G1"
PDFS = ROOT / "tests" / "data" / "pdf"

# Each bad file and what its (first) message must say.
BAD = {
    "unclosed-quote.yaml": r":\d+:\d+: not valid YAML",
    "bad-indentation.yaml": r":4:10: not valid YAML: mapping values are not allowed",
    "wrong-types.yaml": r":4:11: recommendations\[0\] \(id 'Q1'\)\.text: must be text\n",
    "missing-fields.yaml": r":1:1: case: missing required field",
    "unknown-keys.yaml": r":\d+:\d+: .*unknown key \(check the spelling\)",
    "duplicate-ids.yaml": r":5:5: duplicate id 'Q1' \(first at line 3\)",
    "empty.yaml": r":1:1: expected a mapping with 'case' and 'recommendations'",
    "empty.md": r": no recommendations found",
    "empty.csv": r": empty CSV file",
    "binary.yaml": r": binary file, not text",
    "alias-bomb.yaml": r":\d+:\d+: more than 50 aliases .*SCRMAP_MAX_YAML_ALIASES",
    "no-text-column.csv": r":1:1: the header row has no column of recommendation text",
    "ragged.csv": r":3: row has 5 fields, the header has 3",
    "impossible-date.yaml": r":2:12: published: '2024-02-30' is no day of the calendar",
    "unclosed-quote.csv": r":2: not valid CSV: a quote opened in this row never closes",
}
# Files that look odd but are fine: they must load, with the right text.
FINE = {
    "bom.yaml": ("B1", "Agencies should share information about domestic abuse."),
    "crlf.yaml": ("C1", "Practitioners should engage fathers and male carers."),
    "cp1252.md": ("2", "Agencies\u2019 staff should share information about domestic abuse."),
}
MESSAGE = re.compile(r"^(?P<path>[^:\n]+)(?::\d+(?::\d+)?)?: \S.*$")


def _made(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Bad inputs made at test time: name -> (path, message pattern)."""
    made: dict[str, tuple[Path, str]] = {}
    deep = tmp / "deep.yaml"
    deep.write_text("case: x\nrecommendations: " + "[" * 50_000 + "]" * 50_000 + "\n")
    made["deep"] = (deep, r":2:\d+: nested deeper than 100 levels")
    big = tmp / "big.md"
    line = "1. Agencies should share information about domestic abuse at every visit.\n"
    with big.open("w") as handle:
        for _ in range(30_000_000 // len(line) + 1):
            handle.write(line)
    made["tens of MB"] = (big, r": 30\.0 MB is over the 20 MB limit .*SCRMAP_MAX_FILE_MB")
    fake = tmp / "fake.docx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    made["fake docx"] = (fake, r": not a readable Word \.docx file")
    workbook = tmp / "fake.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    made["fake xlsx"] = (workbook, r": not a readable \.xlsx workbook")
    fake_pdf = tmp / "fake.pdf"
    fake_pdf.write_text("Recommendations\n1. The Board should ...\n")
    made["fake pdf"] = (fake_pdf, r": not a PDF \(it does not start as one\)")
    cut = tmp / "cut.pdf"
    cut.write_bytes((PDFS / "child-q.pdf").read_bytes()[:300])
    made["cut-short pdf"] = (cut, r": not a readable PDF: damaged or cut short")
    for name, pattern in (
        ("protected.pdf", r": protected by a password, which scrmap cannot open"),
        ("scanned.pdf", r": has no text to read: it is a scanned image; scrmap does not OCR"),
        ("table.pdf", r":1: page 1: the recommendations here are set out in a table"),
    ):
        shutil.copy(PDFS / name, tmp / name)
        made[name] = (tmp / name, pattern)
    return made


SUMMARY = re.compile(r"^\d+ recommendations?, \d+ mapped onto a standard, \d+ unmapped$")
"""The table view's count on stderr: a summary, not a problem."""


def _lines(stderr: str) -> list[str]:
    """The problem lines of stderr."""
    return [line for line in stderr.splitlines() if line.strip() and not SUMMARY.match(line)]


def _check_messages(stderr: str, path: str, pattern: str) -> None:
    assert "Traceback" not in stderr
    lines = _lines(stderr)
    assert lines, "expected a message"
    for line in lines:
        assert MESSAGE.match(line), f"not path[:line[:col]]: message: {line!r}"
    assert re.search(re.escape(path) + pattern, stderr), stderr


def _invoke(runner: CliRunner, args: list[str], env: dict[str, str] | None = None):
    result = runner.invoke(app, args, env={"COLUMNS": "200", **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback would have reached the user
    return result


def _every_command(bad: Path, tmp: Path) -> list[tuple[str, list[str]]]:
    report = tmp / "report.html"
    return [
        ("map", ["map", str(bad), str(GOOD), "-f", "jsonl"]),
        ("map table", ["map", str(bad), str(GOOD)]),
        ("coverage", ["coverage", str(bad), str(GOOD), "-f", "json"]),
        ("report", ["report", str(bad), str(GOOD), "-o", str(report)]),
        ("check", ["check", str(bad), str(GOOD), "-f", "json"]),
    ]


def _assert_good_processed(name: str, stdout: str, tmp: Path) -> None:
    if name == "map":
        assert [json.loads(x)["id"] for x in stdout.splitlines()] == [GOOD_ID]
    elif name == "map table":
        assert GOOD_ID in stdout
    elif name == "coverage":
        assert json.loads(stdout)["totals"]["recommendations"] == 1
    elif name == "report":
        page = (tmp / "report.html").read_text()
        assert page.rstrip().endswith("</html>") and GOOD_ID in page
    elif name == "check":
        report = json.loads(stdout)
        assert str(GOOD) in report["checked"]
        assert {f["recommendation"] for f in report["findings"] if f["file"] == str(GOOD)} == {
            GOOD_ID
        }


@pytest.mark.parametrize("bad_name", sorted(BAD))
def test_every_command_reports_a_bad_file_and_goes_on(
    runner: CliRunner, tmp_path: Path, bad_name: str
) -> None:
    bad = CORPUS / bad_name
    for name, args in _every_command(bad, tmp_path):
        result = _invoke(runner, args)
        assert result.exit_code == exitcodes.USAGE, (name, result.stdout, result.stderr)
        if name == "check":  # input problems are findings of rule 'input' in the report
            findings = json.loads(result.stdout)["findings"]
            inputs = [f for f in findings if f["rule"] == "input"]
            assert inputs and all(f["file"] == str(bad) for f in inputs), findings
            shown = "\n".join(
                ":".join(str(part) for part in (f["file"], f["line"], f["col"]) if part)
                + f": {f['message']}"
                for f in inputs
            )
            assert re.search(re.escape(str(bad)) + BAD[bad_name], shown), shown
        else:
            _check_messages(result.stderr, str(bad), BAD[bad_name])
        _assert_good_processed(name, result.stdout, tmp_path)


def test_inputs_made_at_test_time(runner: CliRunner, tmp_path: Path) -> None:
    env = {"SCRMAP_MAX_FILE_MB": "20"}
    for label, (bad, pattern) in _made(tmp_path).items():
        for name, args in _every_command(bad, tmp_path):
            if name == "check":
                continue  # the check format is covered above; this is about the loaders
            result = _invoke(runner, args, env)
            assert result.exit_code == exitcodes.USAGE, (label, name, result.stderr)
            _check_messages(result.stderr, str(bad), pattern)
            _assert_good_processed(name, result.stdout, tmp_path)


@pytest.mark.parametrize("fine_name", sorted(FINE))
def test_odd_but_valid_encodings_load_exactly(runner: CliRunner, fine_name: str) -> None:
    result = _invoke(runner, ["map", str(CORPUS / fine_name), "-f", "jsonl"])
    assert result.exit_code == exitcodes.OK, result.stderr
    records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    rec_id, text = FINE[fine_name]
    assert records[rec_id]["text"] == text
    assert records[rec_id]["standards"] or records[rec_id]["themes"]


def test_missing_path(runner: CliRunner) -> None:
    result = _invoke(runner, ["map", "no/such/file.yaml", str(GOOD), "-f", "jsonl"])
    assert result.exit_code == exitcodes.USAGE
    assert _lines(result.stderr) == ["no/such/file.yaml: no such file or directory"]
    assert json.loads(result.stdout)["id"] == GOOD_ID


def test_directory_with_an_unreadable_file_and_a_symlink_loop(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.yaml")
    (folder / "dangling.yaml").symlink_to(folder / "gone.yaml")  # unreadable, even by root
    (folder / "loop").symlink_to(folder)  # a directory loop: must not be followed
    (folder / "self.yaml").symlink_to(folder / "self.yaml")  # a file loop
    locked = folder / "locked.yaml"
    shutil.copy(GOOD, locked)
    locked.chmod(0)
    result = _invoke(runner, ["map", str(folder), "-f", "jsonl"])
    assert result.exit_code == exitcodes.USAGE
    lines = _lines(result.stderr)
    gone = str(folder / "gone.yaml")
    assert f"{folder / 'dangling.yaml'}: a symbolic link to {gone!r}, which does not exist" in lines
    assert any(line.startswith(f"{folder / 'self.yaml'}: cannot read: ") for line in lines)
    ids = [json.loads(x)["id"] for x in result.stdout.splitlines()]
    if os.geteuid() != 0:  # root reads a mode-0 file; everyone else must be told
        assert any(line.startswith(f"{locked}: cannot read: Permission denied") for line in lines)
        assert ids == [GOOD_ID]
    else:
        assert ids == [GOOD_ID, GOOD_ID]
    assert all(MESSAGE.match(line) for line in lines)


def test_report_that_cannot_be_written_leaves_nothing(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / ("x" * 300 + ".html")  # a name too long: the temporary file fails
    before = set(tmp_path.iterdir())
    result = _invoke(runner, ["report", str(GOOD), "-o", str(target)])
    assert result.exit_code == exitcodes.USAGE
    assert _lines(result.stderr) == [f"{target}: cannot write: File name too long"]
    assert set(tmp_path.iterdir()) == before


def test_too_many_recommendations_is_refused_past_the_limit(runner: CliRunner) -> None:
    library = str(ROOT / "data" / "recommendations")
    result = _invoke(runner, ["map", library, "-f", "jsonl"], {"SCRMAP_MAX_RECOMMENDATIONS": "10"})
    assert result.exit_code == exitcodes.USAGE
    assert len(result.stdout.splitlines()) == 10
    (line,) = _lines(result.stderr)
    assert re.match(r"^\S+\.yaml:\d+: more than 10 recommendations in all", line), line


@pytest.mark.parametrize("value", ["0", "-3", "lots"])
def test_a_bad_limit_names_its_variable(runner: CliRunner, value: str) -> None:
    result = _invoke(runner, ["map", str(GOOD)], {"SCRMAP_MAX_FILE_MB": value})
    assert result.exit_code == exitcodes.USAGE
    assert _lines(result.stderr) == [
        f"SCRMAP_MAX_FILE_MB: expected a positive, finite number, got {value!r}"
    ]


def test_limits_can_be_raised(runner: CliRunner, tmp_path: Path) -> None:
    deep = tmp_path / "nested.yaml"
    # 120 levels: over the default of 100, and refused; allowed once the limit is raised.
    deep.write_text("case: x\nrecommendations: " + "[" * 119 + "]" * 119 + "\n")
    refused = _invoke(runner, ["map", str(deep), "-f", "jsonl"])
    assert "nested deeper than 100 levels" in refused.stderr
    allowed = _invoke(runner, ["map", str(deep), "-f", "jsonl"], {"SCRMAP_MAX_YAML_DEPTH": "200"})
    assert "nested deeper" not in allowed.stderr
    assert allowed.exit_code == exitcodes.USAGE  # still not a list of recommendations


RULES = ["vague-verb", "measurable", "specific", "duplicate", "too-many", "training-only"]


@pytest.mark.parametrize("kind", ["framework", "gold", "configuration"])
def test_every_yaml_file_scrmap_reads_is_read_under_the_limits_in_force(
    runner: CliRunner, tmp_path: Path, kind: str
) -> None:
    """The message names SCRMAP_MAX_YAML_ALIASES as the way to raise the limit, and the
    framework, its weights, gold files and the configuration were read under the defaults
    whatever it said; SCRMAP_MAX_CONFIG_MB did not hold for a gold file. Each file here
    shares one value by six aliases, as a maintainer shares a list."""
    standards = "".join(
        f"  - {{id: S{n}, group: G, quadrant: A, title: S, cues: *a}}\n" for n in range(6)
    )
    framework = tmp_path / "fw.yaml"
    framework.write_text(
        "name: f\ntitle: F\nquadrants: [{id: A, title: A}]\nstandards:\n"
        "  - {id: S, group: G, quadrant: A, title: S, cues: &a [share information]}\n"
        + (standards if kind == "framework" else "")
    )
    items = "".join(
        f"  - {{id: a{n}, text: Share notes {n}., standards: *s, themes: []}}\n" for n in range(6)
    )
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "name: g\nitems:\n  - {id: a, text: Share information., standards: &s [S], themes: []}\n"
        + (items if kind == "gold" else "")
    )
    config = tmp_path / ".scrmap.yaml"
    config.write_text("rules:\n  time-bound: &a warning\n" + "".join(f"  {r}: *a\n" for r in RULES))
    args = {
        "framework": ["map", "Share information.", "--framework", str(framework)],
        "gold": ["evaluate", str(gold), "--framework", str(framework)],
        "configuration": [
            "check",
            "Share information.",
            "--framework",
            str(framework),
            "--config",
            str(config),
        ],
    }[kind]
    refused = _invoke(runner, args, {"SCRMAP_MAX_YAML_ALIASES": "5"})
    assert refused.exit_code == exitcodes.USAGE
    assert "more than 5 aliases" in refused.stderr
    allowed = _invoke(runner, args, {"SCRMAP_MAX_YAML_ALIASES": "6"})
    assert allowed.exit_code in (exitcodes.OK, exitcodes.PROBLEMS), allowed.stderr
    if kind == "gold":
        small = {"SCRMAP_MAX_YAML_ALIASES": "6", "SCRMAP_MAX_CONFIG_MB": "0.0004"}
        refused = _invoke(runner, args, small)
        assert refused.exit_code == exitcodes.USAGE
        assert refused.stderr == (
            f"{gold}: cannot read: more than 0.0004 MB (SCRMAP_MAX_CONFIG_MB raises the limit)\n"
        )


def _broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom\nand a second line")


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from scrmap import cli, sources

    monkeypatch.setattr(sources, "load_arguments", _broken)
    monkeypatch.setattr(sys, "argv", ["scrmap", "map", str(GOOD)])
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == exitcodes.INTERNAL
    assert capsys.readouterr().err == (
        "scrmap: internal error: RuntimeError: boom "
        "(this is a bug in scrmap; run with --debug for the traceback)\n"
    )
    monkeypatch.setattr(sys, "argv", ["scrmap", "--debug", "map", str(GOOD)])
    with pytest.raises(RuntimeError, match="boom"):
        cli.run()


def test_ctrl_c_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from scrmap import cli, sources

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sources, "load_arguments", interrupted)
    monkeypatch.setattr(sys, "argv", ["scrmap", "map", str(GOOD)])
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == exitcodes.INTERRUPTED
    assert "Traceback" not in capsys.readouterr().err
