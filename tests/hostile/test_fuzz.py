"""The fuzzing pass of the hostile-input issue: hostile text in every input kind, through
every command and every output format.

A fixed budget (derandomized, a fixed number of examples, no deadline) so that CI time is
steady. For each example: no exception escapes; every machine format parses (JSON, JSON
Lines, CSV, SARIF, JUnit XML, HTML, xlsx); and no control or format character reaches a
terminal format or stderr.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from scrmap.cli import app
from scrmap.display import is_unsafe

NASTY = st.sampled_from(
    [
        "\x1b]0;title\x07",
        "\x1b[8m",
        "\u202e",
        "\u200b",
        "[/]",
        "[link=https://evil.example/]x[/link]",
        "<script>alert(1)</script>",
        "\n::error file=x::y\n",
        "\r",
        "\x00",
        "\x0c",
        "\u2028",
        "\ufeff",
        '"',
        ",",
        "|",
        "=cmd()",
        "&amp;",
        "]]>",
        "\udcff",
    ]
)
WORDS = st.sampled_from(["Agencies", "should", "share", "information", "domestic", "abuse"])
TEXT = st.lists(st.one_of(NASTY, WORDS, st.text(max_size=8)), min_size=1, max_size=12).map(" ".join)
NAME = st.lists(st.one_of(NASTY, st.sampled_from(["a", "b"])), min_size=1, max_size=3).map("".join)


def _file(kind: str, case: str, rec_id: str, text: str) -> bytes:
    if kind == "md":
        return f"# {case}\n\n1. {text}\n\n2. Agencies should share information.\n".encode(
            "utf-8", "surrogateescape"
        )
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerows([["id", "case", "text"], [rec_id, case, text], ["2", case, "Share."]])
        return out.getvalue().encode("utf-8", "surrogateescape")
    return (
        f"case: {json.dumps(case)}\nrecommendations:\n"
        f"  - id: {json.dumps(rec_id)}\n    text: {json.dumps(text)}\n"
    ).encode("utf-8", "surrogatepass")


class _Strict(HTMLParser):
    def error(self, message: str) -> None:  # pragma: no cover - old Pythons only
        raise AssertionError(message)


COMMANDS = [
    ("map", ["-f", "json"], "json"),
    ("map", ["-f", "jsonl"], "jsonl"),
    ("map", ["-f", "csv"], "csv"),
    ("map", ["-f", "markdown"], "markdown"),
    ("map", [], "terminal"),
    ("coverage", ["-f", "json"], "json"),
    ("coverage", ["-f", "csv"], "csv"),
    ("coverage", ["-f", "markdown"], "markdown"),
    ("coverage", [], "terminal"),
    ("check", ["-f", "json"], "json"),
    ("check", ["-f", "sarif"], "json"),
    ("check", ["-f", "junit"], "xml"),
    ("check", ["-f", "github"], "github"),
    ("check", [], "terminal"),
]
REPORTS = ["html", "markdown", "csv", "xlsx"]


def _parses(kind: str, out: bytes) -> None:
    text = out.decode("utf-8")  # every format is valid UTF-8
    if kind == "json":
        json.loads(text)
    elif kind == "jsonl":
        for line in text.split("\n")[:-1]:  # JSON Lines ends lines at \n alone
            json.loads(line)
    elif kind == "csv":
        list(csv.reader(io.StringIO(text)))
    elif kind == "xml":
        ElementTree.fromstring(out)
    elif kind == "html":
        parser = _Strict()
        parser.feed(text)
        parser.close()
        assert text.rstrip().endswith("</html>")
    elif kind == "xlsx":
        pass
    if kind == "markdown":
        assert "<script>" not in text
    if kind in ("terminal", "github"):
        assert not [c for c in text if is_unsafe(c) and c != "\n"]
        if kind == "terminal":
            assert not any(line.startswith("::") for line in text.splitlines())


@settings(
    max_examples=6,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # the budget is fixed: no shrinking
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    kind=st.sampled_from(["md", "csv", "yaml"]),
    name=NAME,
    case=TEXT,
    rec_id=NAME,
    text=TEXT,
)
def test_hostile_text_through_every_command_and_format(
    kind: str, name: str, case: str, rec_id: str, text: str
) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        raw_name = name.replace("/", "_").replace("\x00", "_").encode("utf-8", "surrogateescape")
        path = Path(folder).joinpath(
            (raw_name or b"x").decode("utf-8", "surrogateescape") + f".{kind}"
        )
        try:
            path.write_bytes(_file(kind, case, rec_id, text))
        except OSError:
            return  # a name no file system takes
        for command, options, out_kind in COMMANDS:
            result = runner.invoke(app, [command, folder, *options], env={"COLUMNS": "80"})
            assert not result.exception or isinstance(result.exception, SystemExit), (
                command,
                options,
                result.exception,
            )
            assert result.exit_code in (0, 1, 2), (command, options, result.stderr)
            if result.stdout_bytes or result.exit_code != 2:  # nothing read: nothing out
                _parses(out_kind, result.stdout_bytes)
            assert not [c for c in result.stderr if is_unsafe(c) and c != "\n"]
        for fmt in REPORTS:
            out = Path(folder) / f"report.{fmt}"
            result = runner.invoke(app, ["report", str(path), "-f", fmt, "-o", str(out)])
            assert not result.exception or isinstance(result.exception, SystemExit)
            if result.exit_code in (0, 2) and out.exists():
                if fmt == "xlsx":
                    import openpyxl

                    openpyxl.load_workbook(out)
                else:
                    _parses(fmt, out.read_bytes())
                out.unlink()
