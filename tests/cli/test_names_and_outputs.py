"""What a newcomer met next (issue 19): a mistyped folder or file name read as a
recommendation, a report written over its own input, map's count before its problems,
and messages worded differently by different commands."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes

from ..conftest import PLAIN_ENV, ROOT, invoke

GOLD = ROOT / "tests" / "gold"
DRAFT = "1. The NSCB will audit supervision of frontline staff by May 2027.\n"


def run(runner: CliRunner, *args: str):
    return invoke(runner, list(args), env=PLAIN_ENV)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "draft.md").write_text(DRAFT)
    return tmp_path


# 1. A single word that names nothing is a missing path, in every command.


@pytest.mark.parametrize(
    "args",
    [
        ["map", "-f", "json"],
        ["coverage", "-f", "json"],
        ["report", "-o", "r.md"],
        ["check", "-f", "concise"],
    ],
    ids=lambda args: args[0],
)
def test_a_mistyped_name_is_no_such_file_and_the_rest_is_read(
    runner: CliRunner, args: list[str]
) -> None:
    command, *options = args
    result = run(runner, command, "nosuchdir", "w/draft.md", *options)
    assert result.exit_code == exitcodes.USAGE
    problems = [line for line in result.output.splitlines() if line.startswith("nosuchdir")]
    assert len(problems) == 1 and problems[0].endswith(" no such file or directory")
    assert "<argument>" not in result.output
    if command == "report":
        report = Path("r.md").read_text(encoding="utf-8")
        assert "supervision" in report
        # Named as a file not read, never read as the text of a recommendation.
        assert "> - **nosuchdir: not read (1 problem)**" in report
        assert "<argument>" not in report
    elif command == "coverage":
        assert '"recommendations": 1,' in result.stdout
    elif command == "check":
        assert result.stdout.endswith("1 file checked: 1 error, 0 warnings\n")  # the draft
    else:
        assert "draft.md" in result.stdout


@pytest.mark.parametrize(
    "name", ["./Serious Case Reviews/", "SCR Reviews/2024", "Reviews 2024/", "../old reviews"]
)
def test_a_mistyped_path_with_spaces_is_no_such_file(runner: CliRunner, name: str) -> None:
    """A folder name with a space in it, mistyped, was mapped as a recommendation ("SCR"
    gave 6.3), so CI passed on nothing."""
    result = run(runner, "check", name, "-f", "concise")
    assert result.exit_code == exitcodes.USAGE
    assert f"{name}:1:1: error [input] no such file or directory" in result.stdout
    assert "<argument>" not in result.stdout


def test_a_recommendation_longer_than_a_file_name_can_be_is_mapped(runner: CliRunner) -> None:
    """Over 255 bytes, the system refuses to look a name up at all (ENAMETOOLONG): a long
    recommendation gave "internal error: OSError: File name too long" and exit 3."""
    text = "Agencies should share information about domestic abuse with the MASH. " * 5
    assert len(text.encode()) > 255
    result = run(runner, "map", text, "-f", "jsonl")
    assert result.exit_code == exitcodes.OK, result.output
    assert '"source":{"file":"<argument>"' in result.stdout and '"2.2"' in result.stdout
    word = "a" * 300 + ".yaml"  # as long, but written as a file's name: a missing file
    result = run(runner, "check", word, "w/draft.md", "-f", "concise")
    assert result.exit_code == exitcodes.USAGE
    assert f"{word}:1:1: error [input] no such file or directory" in result.stdout


def test_a_sentence_with_a_slash_is_still_a_recommendation(runner: CliRunner) -> None:
    text = "Health and/or social care staff should share information about domestic abuse 24/7."
    result = run(runner, "map", text, "-f", "jsonl")
    assert result.exit_code == exitcodes.OK
    assert '"source":{"file":"<argument>"' in result.stdout


def test_coverage_of_only_a_mistyped_folder_reports_nothing(runner: CliRunner) -> None:
    result = run(runner, "coverage", "nosuchdir")
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "nosuchdir: no such file or directory"


def test_report_of_a_mistyped_folder_writes_nothing(runner: CliRunner) -> None:
    result = run(runner, "report", "nosuchdir", "-o", "nd.html")
    assert result.exit_code == exitcodes.USAGE
    assert not Path("nd.html").exists()


def test_check_of_a_missing_folder_lints_no_argument(runner: CliRunner) -> None:
    result = run(runner, "check", "recommendations", "-f", "concise")
    assert result.exit_code == exitcodes.USAGE
    assert "<argument>" not in result.stdout
    assert "recommendations:1:1: error [input] no such file or directory" in result.stdout


def test_text_with_spaces_is_still_a_recommendation(runner: CliRunner) -> None:
    result = run(runner, "map", "Audit supervision of frontline staff.", "-f", "jsonl")
    assert result.exit_code == 0
    assert '"<argument>"' in result.stdout


# 2. No command writes over one of its own inputs.


@pytest.mark.parametrize(
    "output", ["w/draft.md", "w/../w/draft.md", "link.md"], ids=["same", "spelt", "link"]
)
def test_report_refuses_to_overwrite_its_input(runner: CliRunner, output: str) -> None:
    Path("link.md").symlink_to("w/draft.md")
    result = run(runner, "report", "w/draft.md", "-o", output)
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        f"scrmap: {output}: is also an input (w/draft.md); name another file for the output\n"
    )
    assert Path("w/draft.md").read_text() == DRAFT


def test_report_refuses_a_file_read_from_an_input_folder(runner: CliRunner) -> None:
    result = run(runner, "report", "w", "-f", "markdown", "-o", "w/draft.md")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith("scrmap: w/draft.md: is also an input")
    assert Path("w/draft.md").read_text() == DRAFT


def test_report_refuses_the_file_standard_input_is_redirected_from(in_tmp: Path) -> None:
    scrmap = Path(sys.executable).parent / "scrmap"
    with open("w/draft.md", "rb") as stdin:
        done = subprocess.run(
            [scrmap, "report", "-", "-o", "w/draft.md"], stdin=stdin, capture_output=True
        )
    assert done.returncode == exitcodes.USAGE
    assert done.stderr.decode().startswith("scrmap: w/draft.md: is also an input (/dev/stdin)")
    assert Path("w/draft.md").read_text() == DRAFT


def _on_a_terminal(*args: str) -> tuple[str, str]:
    """Run the installed scrmap with standard output on a pseudo-terminal: what it
    printed there, and its standard error."""
    scrmap = Path(sys.executable).parent / "scrmap"
    main, other = pty.openpty()
    proc = subprocess.Popen([scrmap, *args], stdout=other, stderr=subprocess.PIPE)
    os.close(other)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal's other end is closed: scrmap has finished
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert proc.wait(timeout=60) == exitcodes.OK, stderr
    return shown.decode(), stderr


def test_a_report_printed_on_a_terminal_says_how_to_keep_it(in_tmp: Path) -> None:
    """`scrmap report FOLDER` without -o is a first try: a page of HTML scrolls by, and a
    note says where a report goes. Redirected, it is what was asked, and no note."""
    shown, stderr = _on_a_terminal("report", "w")
    assert "<!DOCTYPE html>" in shown
    assert stderr == (
        "scrmap: note: the report was printed to the terminal; to keep it, write it to a "
        "file: -o board-report.html\n"
    )
    assert _on_a_terminal("report", "w", "-f", "markdown")[1].endswith("-o board-report.md\n")
    scrmap = Path(sys.executable).parent / "scrmap"
    piped = subprocess.run([scrmap, "report", "w"], capture_output=True, text=True)
    assert piped.returncode == exitcodes.OK and piped.stderr == ""


def test_the_rules_listed_on_a_terminal_are_drawn_and_piped_are_markdown() -> None:
    """`check --list-rules` printed raw Markdown on a terminal ("## `unmapped`", lines of
    a hundred and more columns); drawn there, it is Markdown still where it is kept."""
    shown, _ = _on_a_terminal("check", "--list-rules")
    assert "## `unmapped`" not in shown and "unmapped" in shown
    scrmap = Path(sys.executable).parent / "scrmap"
    piped = subprocess.run([scrmap, "check", "--list-rules"], capture_output=True, text=True)
    assert piped.stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "output", "expected"),
    [
        (["check", "w", "-f", "concise"], "w/findings.txt", "1 file checked"),
        (["map", "w", "-f", "gold"], "w/labelled.yaml", "NSCB will audit"),
        (["map", "w", "-f", "csv"], "w/mapped.csv", "NSCB will audit"),
        (["coverage", "w", "-f", "markdown"], "w/coverage.md", "1 recommendation from 1 case"),
    ],
)
def test_standard_output_redirected_into_the_folder_read_is_not_read(
    in_tmp: Path, args: list[str], output: str, expected: str
) -> None:
    """The shell creates the file (empty) before scrmap runs: met in the folder, it was an
    empty input that failed the run (exit 2) and, in coverage, a file "not read"."""
    scrmap = Path(sys.executable).parent / "scrmap"
    with open(output, "wb") as stdout:
        done = subprocess.run([scrmap, *args], stdout=stdout, stderr=subprocess.PIPE)
    stderr = done.stderr.decode()
    assert done.returncode == exitcodes.OK, stderr
    assert stderr.splitlines()[0] == f"scrmap: note: skipped {output}: standard output goes to it"
    written = Path(output).read_text()
    assert expected in written
    assert "not read" not in written and "could not be read" not in written


def test_an_input_named_as_where_standard_output_goes_is_one_problem(in_tmp: Path) -> None:
    scrmap = Path(sys.executable).parent / "scrmap"
    with open("w/draft.md", "ab") as stdout:  # appended to: still the output, not an input
        done = subprocess.run([scrmap, "map", "w/draft.md"], stdout=stdout, stderr=subprocess.PIPE)
    assert done.returncode == exitcodes.USAGE
    assert done.stderr.decode() == (
        "w/draft.md: is also where standard output goes: `>` empties it before scrmap runs, "
        "and `>>` adds this run's output to what is read; redirect the output to another "
        "file\n"
    )


def test_a_new_output_beside_the_input_is_written(runner: CliRunner) -> None:
    result = run(runner, "check", "w", "-f", "concise", "-o", "w/findings.txt")
    assert result.exit_code == 0, result.stderr
    assert Path("w/findings.txt").exists()
    assert result.stderr.startswith(
        "scrmap: note: w/findings.txt is inside w, which was read: the next run over w will "
        "read it as recommendations; write it elsewhere\n"
    )


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("board.md", "a coverage report"),
        ("board.xlsx", "a coverage report"),
        ("board.csv", "a mapping"),
    ],
)
def test_a_report_saved_in_the_folder_is_not_read_back(
    runner: CliRunner, name: str, what: str
) -> None:
    """A report in the folder it covers was read back as recommendations: its lines
    ("Standards: 2.4 ...") closed the gaps it showed. Now it is skipped with a note, and
    no note at write time says it will be read."""
    before = run(runner, "coverage", "w", "-f", "json").stdout
    result = run(runner, "report", "w", "-o", f"w/{name}")
    assert result.exit_code == 0, result.stderr
    assert "note:" not in result.stderr
    again = run(runner, "coverage", "w", "-f", "json")
    assert again.exit_code == 0, again.stderr
    assert f"scrmap: note: skipped w/{name}: {what} written by scrmap" in again.stderr
    assert again.stdout == before
    named = run(runner, "check", f"w/{name}", "-f", "concise")
    assert named.exit_code == exitcodes.USAGE
    assert f"{what} written by scrmap, not a recommendation file" in named.stdout


def test_a_report_saved_with_windows_line_endings_is_not_read_back(runner: CliRunner) -> None:
    report = run(runner, "coverage", "w", "-f", "markdown").stdout
    Path("w", "board.md").write_bytes(report.replace("\n", "\r\n").encode("utf-8"))
    result = run(runner, "coverage", "w", "-f", "json")
    assert "skipped w/board.md: a coverage report written by scrmap" in result.stderr
    assert '"recommendations": 1,' in result.stdout


@pytest.mark.parametrize(
    ("command", "form", "what"),
    [
        ("map", "csv", "a mapping"),
        ("map", "markdown", "a mapping"),
        ("coverage", "csv", "a coverage report"),
        ("coverage", "markdown", "a coverage report"),
    ],
)
def test_an_output_saved_in_the_folder_is_not_read_back(
    runner: CliRunner, command: str, form: str, what: str
) -> None:
    name = f"saved.{'md' if form == 'markdown' else form}"
    Path("w", name).write_text(run(runner, command, "w", "-f", form).stdout, encoding="utf-8")
    result = run(runner, "coverage", "w", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert f"skipped w/{name}: {what} written by scrmap" in result.stderr


@pytest.mark.parametrize("columns", ["60", "80", "200"])
@pytest.mark.parametrize(
    ("command", "what"), [("coverage", "a coverage report"), ("map", "a mapping")]
)
def test_a_terminal_output_saved_in_the_folder_is_not_read_back(
    runner: CliRunner, command: str, what: str, columns: str
) -> None:
    """`scrmap coverage w > w/coverage.txt`: its key messages ("No recommendation addresses
    standards 1.1 ...") were read back and closed exactly the gaps they named."""
    before = run(runner, "coverage", "w", "-f", "json").stdout
    shown = invoke(runner, [command, "w"], env=PLAIN_ENV | {"COLUMNS": columns})
    assert shown.exit_code == 0, shown.stderr
    Path("w", f"{command}.txt").write_text(shown.stdout, encoding="utf-8")
    result = run(runner, "coverage", "w", "-f", "json")
    assert f"skipped w/{command}.txt: {what} written by scrmap" in result.stderr
    assert result.stdout == before


@pytest.mark.parametrize(
    "args",
    [
        ["report", "w", "-o", "w/report.html"],
        ["report", "w", "-o", "report.md"],
        ["report", "w/draft.md", "-o", "w/report.md"],
        ["check", "w", "-o", "w/.findings.txt"],
    ],
)
def test_no_note_where_the_output_is_not_read_back(runner: CliRunner, args: list[str]) -> None:
    result = run(runner, *args)
    assert result.exit_code == 0, result.stderr
    assert "note:" not in result.stderr


def test_check_output_file_refuses_an_input(runner: CliRunner) -> None:
    result = run(runner, "check", "w/draft.md", "--output-file", "w/draft.md")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith("scrmap: w/draft.md: is also an input")
    assert Path("w/draft.md").read_text() == DRAFT


@pytest.mark.parametrize(
    ("args", "target", "read"),
    [
        (["report", "-f", "html", "--framework", "my.yaml"], "my.yaml",
         "the framework in use (my.yaml)"),
        (["check", "--framework", "my.yaml"], "my.yaml", "the framework in use (my.yaml)"),
        (["check", "--framework", "my.yaml", "--no-learned"], "my.learned.yaml",
         "the framework's learned weights (my.learned.yaml)"),
        (["report", "-f", "markdown"], "framework.learned.yaml",
         "the framework's learned weights ({cwd}/framework.learned.yaml)"),
        (["report", "-f", "markdown"], "fw-link.yaml",
         "the framework in use ({cwd}/framework.yaml)"),
        (["check"], ".scrmap.yaml", "the configuration in use ({cwd}/.scrmap.yaml)"),
        (["report", "-f", "markdown"], "w/../.scrmap.yaml",
         "the configuration in use ({cwd}/.scrmap.yaml)"),
        (["check", "--config", "w/../.scrmap.yaml"], ".scrmap.yaml",
         "the configuration in use (w/../.scrmap.yaml)"),
    ],
    ids=["report-framework", "check-framework", "weights", "weights-found", "link", "config",
         "report-config", "config-spelt"],
)  # fmt: skip
def test_no_output_writes_over_the_framework_its_weights_or_the_configuration(
    runner: CliRunner, in_tmp: Path, args: list[str], target: str, read: str
) -> None:
    """`report case.yaml --framework my.yaml -o my.yaml` wrote HTML over the framework, and
    every command after failed; the same with its learned weights and `.scrmap.yaml`."""
    for name in ("my", "framework"):
        shutil.copy(ROOT / "framework.yaml", f"{name}.yaml")
        shutil.copy(ROOT / "framework.learned.yaml", f"{name}.learned.yaml")
    Path("fw-link.yaml").symlink_to("framework.yaml")
    Path(".scrmap.yaml").write_text("threshold: 50\n")
    before = {p: p.read_bytes() for p in Path().iterdir() if p.is_file()}
    command, *options = args
    result = run(runner, command, "w/draft.md", *options, "-o", target)
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        f"scrmap: {target}: is also {read.format(cwd=in_tmp)}; name another file for the output\n"
    )
    assert {p: p.read_bytes() for p in Path().iterdir() if p.is_file()} == before


@pytest.mark.parametrize("victim", ["gold", "framework"])
def test_framework_learn_refuses_to_write_over_an_input(
    runner: CliRunner, in_tmp: Path, victim: str
) -> None:
    gold = next(GOLD.glob("*.yaml"))
    shutil.copy(gold, "gold.yaml")
    shutil.copy(ROOT / "framework.yaml", "framework.yaml")
    target = "gold.yaml" if victim == "gold" else "framework.yaml"
    before = Path(target).read_bytes()
    result = run(
        runner, "framework", "learn", "gold.yaml", "--framework", "framework.yaml", "-o", target
    )
    assert result.exit_code == exitcodes.USAGE
    what = "an input" if victim == "gold" else "the framework in use"  # as other commands say
    assert result.stderr.startswith(f"scrmap: {target}: is also {what} (")
    assert Path(target).read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["report", "w/draft.md", "-o"],
        ["check", "w/draft.md", "-o"],
        ["check", "--list-rules", "-o"],
        ["framework", "learn", "gold.yaml", "-o"],
    ],
    ids=["report", "check", "list-rules", "learn"],
)
@pytest.mark.parametrize(
    ("output", "said"),
    [
        ("x.html/", "'x.html/' ends in '/', so names a folder, not a file to write: leave it "
         "off ('x.html'), or name a file in the folder"),
        ("w", "'w' is a folder, not a file to write: name a file in it"),
        ("w/", "'w/' is a folder, not a file to write: name a file in it"),
    ],
    ids=["trailing-slash", "folder", "folder-slash"],
)  # fmt: skip
def test_an_output_that_names_a_folder_is_refused_before_any_work(
    runner: CliRunner, in_tmp: Path, args: list[str], output: str, said: str
) -> None:
    """`report -o x.html/` wrote x.html as if the slash were not there; `-o w` (a folder)
    read and mapped everything, then could not write."""
    shutil.copy(next(GOLD.glob("*.yaml")), "gold.yaml")
    before = sorted(str(p) for p in in_tmp.rglob("*"))
    result = run(runner, *args, output)
    assert result.exit_code == exitcodes.USAGE
    assert " ".join(result.stderr.split()).endswith(f"-o': {said}")
    assert sorted(str(p) for p in in_tmp.rglob("*")) == before


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["report", "w/draft.md", "-o"], "paper.html"),
        (["check", "w/draft.md", "-o"], "findings.txt"),
        (["framework", "learn", "gold.yaml", "-o"], "mine.learned.yaml"),
    ],
    ids=["report", "check", "learn"],
)
def test_a_read_only_output_is_not_replaced(
    runner: CliRunner, in_tmp: Path, args: list[str], name: str
) -> None:
    """A rename replaced a file made read-only (a Board paper signed off), which a shell's
    redirect would refuse."""
    shutil.copy(next(GOLD.glob("*.yaml")), "gold.yaml")
    target = in_tmp / name
    target.write_text("signed off\n")
    target.chmod(0o444)
    result = run(runner, *args, name)
    assert result.exit_code == exitcodes.USAGE
    said = f"'{name}' is read-only, so it is not replaced: make it writable (chmod u+w) or"
    assert said in " ".join(result.stderr.split())
    assert target.read_text() == "signed off\n"


def test_read_only_weights_beside_the_framework_are_not_replaced(
    runner: CliRunner, in_tmp: Path
) -> None:
    """`framework learn` without -o writes beside the framework, and replaced the weights
    there though they were made read-only, as an -o naming them is refused."""
    shutil.copy(ROOT / "framework.yaml", "mine.yaml")
    weights = in_tmp / "mine.learned.yaml"
    weights.write_text("signed off\n")
    weights.chmod(0o444)
    result = run(
        runner, "framework", "learn", str(GOLD / "heldout.yaml"), "--framework", "mine.yaml"
    )
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        "scrmap: mine.learned.yaml: is read-only, so it is not replaced: make it "
        "writable (chmod u+w) or name another file\n"
    )
    assert weights.read_text() == "signed off\n"


_FILE_ONLY = [
    (["evaluate", "{x}"], "file"),
    (["evaluate", "gold.yaml", "--compare", "{x}"], "framework file"),
    (["framework", "validate", "{x}"], "framework file"),
    (["framework", "learn", "{x}", "-o", "w.learned.yaml"], "file"),
    (["framework", "suggest-cues", "{x}"], "file"),
    (["map", "--explain-columns", "{x}"], "file"),
    (["map", "w/draft.md", "--framework", "{x}"], "framework file"),
    (["check", "w/draft.md", "--config", "{x}"], "configuration file"),
]
"""Every place a file is named that is read as a file only, never standard input."""


@pytest.mark.parametrize(("args", "what"), _FILE_ONLY, ids=lambda a: "-".join(a[:2]))
def test_stdin_where_only_a_file_is_read_says_so(
    runner: CliRunner, args: list[str], what: str
) -> None:
    """`scrmap evaluate -` said "-: no such file or directory", which does not tell the user
    that '-' is standard input elsewhere and not here."""
    shutil.copy(next(GOLD.glob("*.yaml")), "gold.yaml")
    result = run(runner, *[a.format(x="-") for a in args])
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        "-: no such file: '-' is standard input only among the recommendations to read; "
        f"name the {what} (./- for one named '-')\n"
    )


@pytest.mark.parametrize(("args", "what"), _FILE_ONLY, ids=lambda a: "-".join(a[:2]))
def test_a_folder_where_only_a_file_is_read_is_one_line(
    runner: CliRunner, args: list[str], what: str
) -> None:
    shutil.copy(next(GOLD.glob("*.yaml")), "gold.yaml")
    result = run(runner, *[a.format(x="w") for a in args])
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == "w: is a directory, not a file\n"


# 3. map: the problems, then the count; no count when nothing was read.


def test_map_problems_come_before_its_count(runner: CliRunner) -> None:
    result = run(runner, "map", "nosuch.md", "w/draft.md")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        "nosuch.md: no such file or directory",
        "1 recommendation, 1 mapped onto a standard, 0 unmapped",
    ]


@pytest.mark.parametrize("content", [None, ""], ids=["missing", "empty"])
def test_map_with_nothing_read_prints_no_count(runner: CliRunner, content: str | None) -> None:
    if content is not None:
        Path("e.md").write_text(content)
    result = run(runner, "map", "e.md")
    assert result.exit_code == exitcodes.USAGE
    assert len(result.stderr.splitlines()) == 1
    assert "0 recommendations" not in result.stderr


# 4. One wording.


def test_select_of_an_unknown_rule_has_the_prefix(runner: CliRunner) -> None:
    result = run(runner, "check", "w/draft.md", "--select", "foo")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith("scrmap: --select: unknown rule 'foo' (rules: ")


def test_an_xlsx_report_needs_output(runner: CliRunner) -> None:
    result = run(runner, "report", "w/draft.md", "-f", "xlsx")
    assert result.stderr == (
        "scrmap: an xlsx report needs --output FILE: it cannot go to standard output\n"
    )


def test_a_fake_docx_does_not_repeat_its_path(runner: CliRunner) -> None:
    Path("fake.docx").write_text("junk")
    result = run(runner, "map", "fake.docx")
    assert result.stderr == "fake.docx: not a readable Word .docx file (not a zip file)\n"


def test_evaluate_words_a_missing_file_as_every_command_does(runner: CliRunner) -> None:
    assert run(runner, "evaluate", "nosuch.yaml").stderr == (
        "nosuch.yaml: no such file or directory\n"
    )
    assert run(runner, "map", "nosuch.yaml").stderr == "nosuch.yaml: no such file or directory\n"


@pytest.mark.parametrize(
    "args",
    [
        ["coverage", str(ROOT / "data" / "recommendations")],
        ["check", str(ROOT / "data" / "recommendations")],
        ["map", str(ROOT / "examples" / "draft.md")],
        ["evaluate", str(ROOT / "tests" / "gold" / "heldout.yaml")],
    ],
)
def test_output_to_a_pipe_ends_no_line_in_spaces(args: list[str]) -> None:
    # Tables fill every line to the console's width; a file, a pipe or a CI log must not
    # get the padding (diff and grep 'word$' trip on it).
    result = invoke(CliRunner(), args, {**PLAIN_ENV, "COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert len(lines) > 5
    assert [line for line in lines if line.endswith(" ")] == []
