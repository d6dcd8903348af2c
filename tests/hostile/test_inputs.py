"""Classes 2, 4 and 7 of the hostile-input issue: limits on bytes as read, plausible input
that crashed, and silent misreads. Each bad input stands beside a good file, which must
still be processed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.cli import app
from scrmap.limits import Limits, read_bounded
from scrmap.sources import load_arguments, load_file

ROOT = Path(__file__).parents[2]
GOOD = ROOT / "tests" / "robustness-good.yaml"
SCRMAP = Path(sys.executable).with_name("scrmap")


def _run(args: list[str], env: dict[str, str] | None = None, stdin: bytes | None = None):
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200", **(env or {})}, input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def _ids(stdout: str) -> list[str]:
    return [json.loads(line)["id"] for line in stdout.splitlines()]


# Class 2: limits on bytes as read


def test_an_endless_stream_stops_at_the_limit() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    assert read_bounded(io.BufferedReader(Endless()), 1_000) is None


@pytest.mark.parametrize("env", [{"SCRMAP_MAX_FILE_MB": "1"}, {}])
def test_dev_zero_and_endless_stdin_are_refused_not_read_for_ever(env: dict[str, str]) -> None:
    limit = env.get("SCRMAP_MAX_FILE_MB", "100")
    zero = subprocess.run(
        [str(SCRMAP), "map", "/dev/zero", str(GOOD), "-f", "jsonl"],
        capture_output=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert zero.returncode == exitcodes.USAGE
    assert _ids(zero.stdout.decode()) == ["G1"]
    assert zero.stderr.decode().splitlines() == [
        f"/dev/zero: more than over the {limit} MB limit on input files "
        "(SCRMAP_MAX_FILE_MB raises it)"
    ]
    endless = subprocess.run(
        f"yes 'Agencies should share.' | '{SCRMAP}' map - '{GOOD}' -f jsonl",
        shell=True,
        capture_output=True,
        timeout=60,
        env={**os.environ, "SCRMAP_MAX_FILE_MB": "1"},
    )
    assert endless.returncode == exitcodes.USAGE
    assert _ids(endless.stdout.decode()) == ["G1"]
    assert endless.stderr.decode().startswith("<stdin>: more than over the 1 MB limit")


@pytest.mark.parametrize("what", ["--framework", "SCRMAP_CONFIG"])
def test_framework_and_config_have_their_own_limit(what: str, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# padding\n" * 200_000)  # 2 MB
    env = {"SCRMAP_MAX_CONFIG_MB": "1"}
    if what == "--framework":
        result = _run(["map", str(GOOD), "--framework", str(big)], env)
    else:
        result = _run(["check", str(GOOD)], env | {"SCRMAP_CONFIG": str(big)})
    assert result.exit_code == exitcodes.USAGE
    reading = "cannot read" if what == "--framework" else "cannot read configuration"
    assert result.stderr.splitlines() == [
        f"{big}: {reading}: more than 1 MB (SCRMAP_MAX_CONFIG_MB raises the limit)"
    ]


def test_a_folder_scan_takes_regular_files_and_no_links_out(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(GOOD.read_bytes())
    os.mkfifo(folder / "pipe.md")  # would block the scan for ever
    outside = tmp_path / "secret.md"
    outside.write_text("1. The secret.\n")
    (folder / "leak.md").symlink_to(outside)
    (folder / "inside.yaml").symlink_to(folder / "good.yaml")
    loaded = load_arguments([str(folder)], lambda: io.BytesIO())
    assert [r.id for r in loaded.recommendations] == ["G1"]  # good.yaml, its link read once
    assert [str(p) for p in loaded.problems] == [
        f"{folder / 'leak.md'}: symbolic link to outside the folder, not followed"
    ]


def test_docx_that_inflates_past_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * 3_000_000)
    recs, problems = load_file(bomb, None, Limits(file_mb=1))
    assert recs == []
    assert [p.message for p in problems] == [
        "inflates to 3.0 MB, over the 1 MB limit on input files (SCRMAP_MAX_FILE_MB raises it)"
    ]


def test_docx_with_more_paragraphs_than_the_limit_is_refused_before_parsing(
    tmp_path: Path,
) -> None:
    import docx

    document = docx.Document()
    for i in range(50):
        document.add_paragraph(f"Agencies should share information {i}.")
    path = tmp_path / "many.docx"
    document.save(str(path))
    recs, problems = load_file(path, None, Limits(recommendations=10))
    assert recs == []
    assert "more than the 10 recommendations a run may read" in problems[0].message


# Class 4: plausible input that crashed


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("inf", "expected a positive, finite number, got 'inf'"),
        ("nan", "expected a positive, finite number, got 'nan'"),
        ("1e309", "expected a positive, finite number, got '1e309'"),
    ],
)
def test_non_finite_limits_are_one_line(value: str, message: str) -> None:
    result = _run(["map", str(GOOD)], {"SCRMAP_MAX_FILE_MB": value})
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [f"SCRMAP_MAX_FILE_MB: {message}"]


def test_yaml_depth_limit_is_capped_below_a_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("case: x\nrecommendations: " + "[" * 100_000 + "]" * 100_000 + "\n")
    capped = _run(["map", str(deep)], {"SCRMAP_MAX_YAML_DEPTH": "1000000"})
    assert capped.exit_code == exitcodes.USAGE
    assert "SCRMAP_MAX_YAML_DEPTH: at most 300" in capped.stderr
    at_cap = _run(["map", str(deep), str(GOOD), "-f", "jsonl"], {"SCRMAP_MAX_YAML_DEPTH": "300"})
    assert at_cap.exit_code == exitcodes.USAGE
    assert _ids(at_cap.stdout) == ["G1"]
    assert "nested deeper than 300 levels" in at_cap.stderr


def test_impossible_dates_and_huge_ids_are_problems_not_crashes(tmp_path: Path) -> None:
    dates = tmp_path / "dates.yaml"
    dates.write_text(
        "case: C\nrecommendations:\n  - id: D1\n    text: Share.\n    due: 2027-13-45\n"
    )
    huge = tmp_path / "huge.yaml"
    huge.write_text(f"case: C\nrecommendations:\n  - id: {'9' * 5000}\n    text: Share.\n")
    result = _run(["map", str(dates), str(huge), str(GOOD), "-f", "jsonl"])
    # The impossible due date is a warning at its line; the item is still mapped.
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(f"{dates}:5:")
    assert "due '2027-13-45' is not a date scrmap can read" in result.stderr
    assert _ids(result.stdout) == ["D1", "9" * 5000, "G1"]


def test_a_config_threshold_of_the_wrong_type_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("threshold: 2024-02-30\n")
    result = _run(["check", str(GOOD), "--config", str(config)])
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        f"{config}:1:12: threshold: must be a whole number, unable to parse string as an integer"
    ]


def test_control_characters_reach_an_xlsx_report_as_escapes(tmp_path: Path) -> None:
    import openpyxl

    csv_file = tmp_path / "c.csv"
    csv_file.write_bytes(b"id,text\nX1,Agencies should share\x01 information\x1b[31m.\n")
    out = tmp_path / "r.xlsx"
    result = _run(["report", str(csv_file), "-o", str(out)])
    assert result.exit_code == exitcodes.OK, result.stderr
    book = openpyxl.load_workbook(out)
    texts = [c.value for sheet in book for row in sheet.iter_rows() for c in row]
    assert "Agencies should share[U+0001] information[U+001B][31m." in texts


def test_word_quote_on_stdin_and_a_bom(tmp_path: Path) -> None:
    result = _run(["map", "-", "-f", "jsonl"], stdin=b"\xef\xbb\xbf1. Agencies\x92 staff.\n")
    assert result.exit_code == exitcodes.USAGE  # the stray byte in a UTF-8 text is a warning
    assert json.loads(result.stdout)["id"] == "1"  # the BOM did not break the numbering
    cp1252 = _run(["map", "-", "-f", "jsonl"], stdin=b"1. Agencies\x92 staff.\n")
    assert cp1252.exit_code == exitcodes.OK
    assert json.loads(cp1252.stdout)["text"] == "Agencies\u2019 staff."


@pytest.mark.parametrize("fmt", ["html", "csv", "markdown"])
def test_non_utf8_file_names_in_every_report(fmt: str, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/reviews\xff\x1b"
    os.mkdir(folder)
    with open(folder + b"/r\x92.md", "wb") as handle:
        handle.write(b"1. Agencies should share information.\n")
    out = tmp_path / f"r.{fmt}"
    result = _run(["report", os.fsdecode(folder), str(GOOD), "-o", str(out), "-f", fmt])
    assert result.exit_code == exitcodes.OK, result.stderr
    text = out.read_bytes().decode("utf-8")  # valid UTF-8
    assert "r\\x92.md" in text


# Class 7: silent misreads


def test_a_stray_invalid_byte_is_a_warning_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    path.write_bytes(
        "1. Café.\n2. Share\xff information.\n".encode("latin-1").replace(
            b"Caf\xe9", "Café".encode()
        )
    )
    recs, problems = load_file(path)
    assert [r.text for r in recs] == ["Café.", "Share\ufffd information."]
    assert [str(p) for p in problems] == [
        f"{path}:2:9: invalid UTF-8 byte 0xff, read as \ufffd (save the file as UTF-8)"
    ]


def test_a_stray_byte_is_placed_in_characters_not_bytes(tmp_path: Path) -> None:
    """An editor counts the curly quote before the byte as one column, not its three bytes;
    and after a byte-order mark, the byte named was three bytes before the bad one (0x80)."""
    path = tmp_path / "s.md"
    path.write_bytes(
        "\ufeff1. Agencies\u2019 staff\n".encode() + "2. Agencies\u2019 ".encode() + b"\xff.\n"
    )
    _, problems = load_file(path)
    assert [(p.line, p.col, p.message[:24]) for p in problems] == [
        (2, 14, "invalid UTF-8 byte 0xff,")
    ]


@pytest.mark.parametrize("ending", [".csv", ".tsv"])
def test_a_stray_byte_in_a_utf8_table_is_a_warning_not_windows_1252(
    tmp_path: Path, ending: str
) -> None:
    """A UTF-8 action plan with one stray byte was read whole as Windows-1252, silently:
    every curly quote in it became three letters (`Children\u00e2\u20ac\u2122s`)."""
    path = tmp_path / f"plan{ending}"
    sep = "\t" if ending == ".tsv" else ","
    path.write_bytes(
        f"No.{sep}Recommendation\n1{sep}Children\u2019s Services will audit it.\n".encode()
        + f"2{sep}The Police".encode()
        + b"\x92"
        + b" staff will audit it.\n"
    )
    recs, problems = load_file(path)
    assert [r.text for r in recs] == [
        "Children\u2019s Services will audit it.",
        "The Police\ufffd staff will audit it.",
    ]
    assert [str(p) for p in problems] == [
        f"{path}:3:13: invalid UTF-8 byte 0x92, read as \ufffd (save the file as UTF-8)"
    ]
    path.write_bytes(f"No.{sep}Recommendation\n1{sep}The Police".encode() + b"\x92 staff.\n")
    assert [r.text for r in load_file(path)[0]] == ["The Police\u2019 staff."]  # Windows-1252


def test_pyproject_with_a_broken_scrmap_table_is_reported(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.scrmap]\nthreshold = = 3\n")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = _run(["check", str(GOOD)])
    finally:
        os.chdir(cwd)
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'pyproject.toml'}:2:13: not valid TOML: Invalid value (at line 2, column 13)"
    ]


@pytest.mark.parametrize("separator", ["\f", "\u2028", "\x1c", "\x85"])
def test_separators_do_not_shift_line_numbers(separator: str, tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(f"1. One {separator}more.\n2. Two.\n")
    recs, _ = load_file(path)
    assert [r.source.line for r in recs] == [1, 2]
