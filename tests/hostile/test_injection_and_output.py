"""Classes 5 and 6 of the hostile-input issue: nothing printed acts on a terminal or a CI
log, no user text is read as markup, and `-o` writes only what and where it was asked."""

from __future__ import annotations

import os
import re
import signal
import stat
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.cli import app
from scrmap.display import is_unsafe
from scrmap.output import _Signalled, write_atomic

ROOT = Path(__file__).parents[2]
GOOD = ROOT / "tests" / "robustness-good.yaml"

HOSTILE_CASE = "[link=https://evil.example/]click here[/link] \x1b]0;pwned\x07 [/]"
HOSTILE_TEXT = "Agencies should con\u200bsider \u202eevil\u202c sharing \x1b[8mhidden\x1b[0m info."


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "evil\n::error file=x::pwned.md"
    path.write_text(f"# {HOSTILE_CASE}\n\n1. {HOSTILE_TEXT}\n")
    return path


def _run(args: list[str], env: dict[str, str] | None = None):
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100", **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


TERMINAL = [
    ["map"],
    ["coverage"],
    ["check"],
]


@pytest.mark.parametrize("command", TERMINAL, ids=lambda c: c[0])
def test_no_control_character_or_markup_reaches_the_terminal(
    command: list[str], hostile: Path
) -> None:
    result = _run([*command, str(hostile), str(GOOD)])
    for stream in (result.stdout, result.stderr):
        assert not [c for c in stream if is_unsafe(c) and c != "\n"]
        assert not any(line.startswith("::") for line in stream.splitlines())
    if command[0] != "coverage":  # coverage names no file
        assert "evil[U+000A]::error" in result.stdout  # the name, its line break visible
    if command[0] == "map":
        assert "[link=https://evil.example/]click here[/link]" in result.stdout
        assert "[/]" in result.stdout


ESCAPES = "e\x1b]8;;evil\x07L\x1b]8;;\x07\x1b[2J"
"""A file name that, printed raw, makes a hyperlink and clears the screen."""


def _file_name_commands(folder: Path) -> list[list[str]]:
    framework = folder / f"f{ESCAPES}.yaml"
    framework.write_text((ROOT / "examples" / "adult-sar-framework.yaml").read_text())
    plan = folder / f"p{ESCAPES}.csv"
    plan.write_text("id,text\n1,Agencies should share information.\n")
    gold = str(ROOT / "tests" / "data" / "adult-sar-gold.yaml")
    return [
        ["report", str(GOOD), "-o", str(folder / f"r{ESCAPES}.zzz")],
        ["framework", "validate", str(framework)],
        ["framework", "learn", "--framework", str(framework), gold],
        ["map", "--explain-columns", str(plan)],
    ]


@pytest.mark.parametrize("index", range(4))
def test_a_file_name_with_escapes_is_shown_escaped_on_a_terminal(
    tmp_path: Path, index: int
) -> None:
    """Lines that name a file printed by the CLI itself, not through `say`: on a terminal
    click strips nothing (in a pipe it strips CSI sequences, not OSC 8 hyperlinks)."""
    args = _file_name_commands(tmp_path)[index]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "100"}, color=True)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    output = result.stdout + result.stderr
    assert "[U+001B]]8;;evil[U+0007]L" in output
    assert not [c for c in output if is_unsafe(c) and c != "\n"]


def test_markup_is_not_a_hyperlink_even_in_colour(hostile: Path) -> None:
    result = _run(["map", str(hostile)], {"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b]8;" not in result.stdout  # OSC 8: a terminal hyperlink
    assert "[link=https://evil.example/]" in result.stdout


def test_an_id_of_rich_markup_is_text(tmp_path: Path) -> None:
    csv_file = tmp_path / "m.csv"
    csv_file.write_text("id,text\n[/],Agencies should share information.\n[bold],Engage.\n")
    result = _run(["map", str(csv_file)])
    assert result.exit_code == exitcodes.OK
    assert "[/]" in result.stdout and "[bold]" in result.stdout


def test_zero_width_characters_do_not_hide_a_vague_verb(tmp_path: Path) -> None:
    path = tmp_path / "v.md"
    path.write_text("1. Agencies should con\u200bsider the matter by March 2026.\n")
    result = _run(["check", str(path), "-f", "json"])
    assert '"rule": "vague-verb"' in result.stdout


def test_markdown_framework_and_report_escape_html(tmp_path: Path) -> None:
    framework = tmp_path / "f.yaml"
    text = (ROOT / "framework.yaml").read_text()
    framework.write_text(text.replace('title: "', 'title: "<script>alert(1)</script>', 1))
    shown = _run(["framework", "show", "-f", "markdown", "--framework", str(framework)])
    assert shown.exit_code == exitcodes.OK, shown.stderr
    assert "<script>" not in shown.stdout and "&lt;script&gt;" in shown.stdout
    out = tmp_path / "r.md"
    report = _run(["report", str(GOOD), "-o", str(out), "--framework", str(framework)])
    assert report.exit_code == exitcodes.OK, report.stderr
    assert "<script>" not in out.read_text()


UNSEEN = "\x1b]8;;evil\x07L\x1b]8;;\x07 \x9b2J \u202eRTL\u202c \x7f \u2028 \U000e0041"
"""What JSON and CSV left as it was: an OSC 8 hyperlink, the C1 CSI (an escape to some
terminals), a right-to-left override, DEL, a line separator and a tag character."""

DATA_FORMATS = [
    ["map", "-f", "json"],
    ["map", "-f", "jsonl"],
    ["map", "-f", "csv"],
    ["map", "-f", "markdown"],
    ["map", "-f", "gold"],
    ["coverage", "-f", "json"],
    ["coverage", "-f", "csv"],
    ["coverage", "-f", "markdown"],
    ["report", "-f", "markdown"],
    ["report", "-f", "csv"],
    ["check", "-f", "json"],
    ["check", "-f", "sarif"],
    ["check", "-f", "gitlab"],
]


def _strings(data: object) -> set[str]:
    """Every string in parsed JSON, keys and values."""
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return _strings(list(data)) | _strings(list(data.values()))
    if isinstance(data, list):
        return set().union(*(_strings(item) for item in data))
    return set()


@pytest.mark.parametrize("command", DATA_FORMATS, ids=" ".join)
def test_data_formats_printed_act_on_no_terminal_and_start_no_line(
    tmp_path: Path, command: list[str]
) -> None:
    """Printed, a JSON, CSV or Markdown document is on a terminal or in a CI log too. JSON
    and YAML escape what they would have left raw (the same strings to a parser); CSV and
    Markdown show it as [U+001B], and a line break in an id starts no line there."""
    import json

    import yaml

    source = tmp_path / "case.yaml"
    unseen = r"\e]8;;evil\aL\e]8;;\a \x9b2J \u202eRTL\u202c \x7f \L \U000e0041"  # YAML's escapes
    source.write_text(
        f'case: "{unseen}"\nrecommendations:\n'
        f'  - id: "a\\n::error::pwned"\n'
        f'    text: "Agencies should share information {unseen}"\n'
    )
    result = _run([*command, str(source)])
    assert result.exit_code == exitcodes.OK, result.stderr
    out = result.stdout
    assert not [c for c in out if is_unsafe(c) and c != "\n"]
    assert not any(line.startswith("::") for line in out.splitlines())
    if command[-1] in ("json", "sarif", "gitlab", "jsonl"):  # the same data to a parser
        documents = (
            [json.loads(line) for line in out.splitlines()]
            if command[-1] == "jsonl"
            else [json.loads(out)]
        )
        strings = _strings(documents)
        assert any("a\n::error::pwned" in x for x in strings)  # gitlab: in a description
        named = [x for x in strings if "\x1b]8;;evil\x07L\x1b]8;;\x07 \x9b2J \u202eRTL" in x]
        assert command[0] == "check" or named  # check names no case
    elif command[-1] == "gold":
        assert "\u202eRTL\u202c \x7f" in yaml.safe_load(out)["items"][0]["text"]
    elif command[0] != "check":
        assert "[U+001B]]8;;evil[U+0007]L" in out


def test_jsonl_escapes_del_in_an_otherwise_ascii_record(tmp_path: Path) -> None:
    """DEL is ASCII: a record with nothing else to escape is still written as -f json
    writes it, ``\\u007f``, not raw."""
    import json

    source = tmp_path / "case.yaml"
    source.write_text(
        "case: C\nrecommendations:\n  - id: R1\n"
        '    text: "Agencies should share information \\x7f"\n'
    )
    result = _run(["map", "-f", "jsonl", str(source)])
    assert result.exit_code == exitcodes.OK, result.stderr
    assert "\x7f" not in result.stdout
    assert "\\u007f" in result.stdout
    assert json.loads(result.stdout)["text"].endswith("\x7f")


@pytest.mark.parametrize("form", ["yaml", "json", "markdown"])
def test_framework_show_of_a_hostile_title_acts_on_no_terminal(tmp_path: Path, form: str) -> None:
    """PyYAML writes a right-to-left override as it is, even in quotes; YAML and JSON give
    the same title back to a parser."""
    import json

    import yaml

    framework = tmp_path / "f.yaml"
    text = (ROOT / "framework.yaml").read_text()
    framework.write_text(text.replace('title: "', 'title: "\\e[2J\\u202eRTL\\x9b ', 1))
    title = yaml.safe_load(framework.read_text())["title"]
    assert title.startswith("\x1b[2J\u202eRTL\x9b ")
    shown = _run(["framework", "show", "-f", form, "--framework", str(framework)])
    assert shown.exit_code == exitcodes.OK, shown.stderr
    assert not [c for c in shown.stdout if is_unsafe(c) and c != "\n"]
    if form != "markdown":
        assert (yaml.safe_load if form == "yaml" else json.loads)(shown.stdout)["title"] == title


def test_comments_in_suggested_cues_and_gold_act_on_no_terminal(tmp_path: Path) -> None:
    """YAML comments are printed as they are: the example quoted beside a suggested cue, a
    standard's title and the framework's title in `-f gold` show escapes as [U+001B]."""
    import yaml

    hostile = r"\e]8;;evil\aX\e]8;;\a \u202e\x9b "
    framework = tmp_path / "f.yaml"
    text = (ROOT / "examples" / "adult-sar-framework.yaml").read_text()
    framework.write_text(re.sub(r"title: (.*)", lambda m: f'title: "{hostile}{m[1]}"', text))
    gold = tmp_path / "gold.yaml"
    labelled = (ROOT / "tests" / "data" / "adult-sar-gold.yaml").read_text()
    gold.write_text(re.sub(r"    text: (.*)", lambda m: f'    text: "{hostile}{m[1]}"', labelled))
    assert yaml.safe_load(gold.read_text())["items"][0]["text"].startswith("\x1b]8;;evil")
    for args in (
        ["framework", "suggest-cues", "--framework", str(framework), str(gold)],
        ["map", str(GOOD), "-f", "gold", "--framework", str(framework)],
    ):
        result = _run(args)
        assert result.exit_code == exitcodes.OK, result.stderr
        assert not [c for c in result.stdout if is_unsafe(c) and c != "\n"]
        assert "[U+001B]]8;;evil[U+0007]X" in result.stdout
        yaml.safe_load(result.stdout)  # still YAML


# Class 6: -o


def test_o_writes_into_a_fifo_and_through_a_link_to_a_device(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    write_atomic(link, b"report")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, b"report")
        assert os.read(reader, 100) == b"report"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "null"]


def test_o_follows_a_link_to_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = _run(["report", str(GOOD), "-o", str(link)])
    assert result.exit_code == exitcodes.OK, result.stderr
    assert link.is_symlink() and target.read_text().startswith("id,")


def test_a_signal_during_the_write_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    delivered: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: delivered.append(signum))
    monkeypatch.setattr(os, "fsync", lambda fd: signal.raise_signal(signal.SIGTERM))
    try:
        with pytest.raises(_Signalled):
            write_atomic(tmp_path / "r.html", b"<html>")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert delivered == [signal.SIGTERM]  # delivered again once the file was removed
    assert list(tmp_path.iterdir()) == []


def test_a_signal_while_the_workbook_is_made_leaves_no_sheet_in_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl writes each sheet, case names and all, to a named temporary file and
    removes it only on success or at exit; SIGTERM runs no exit handler. The sheets go to a
    private folder that is removed, and the signal is then delivered."""
    from openpyxl.worksheet._writer import WorksheetWriter

    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    sheets: list[Path] = []

    def stopped(writer: WorksheetWriter) -> None:
        sheets.append(Path(writer.out))
        signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(WorksheetWriter, "write_tail", stopped)
    delivered: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: delivered.append(signum))
    try:
        with pytest.raises(_Signalled):
            CliRunner().invoke(app, ["report", str(GOOD), "-o", str(tmp_path / "r.xlsx")])
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert delivered == [signal.SIGTERM]
    assert sheets and sheets[0].parent.parent == shared  # it was made, in a private folder
    assert list(shared.iterdir()) == []
    assert not (tmp_path / "r.xlsx").exists()
