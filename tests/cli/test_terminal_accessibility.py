"""The terminal views for a reader on any theme, light or dark, and a narrow window: no text
dimmed (half its contrast), no count left in the terminal's own colour on a fixed shade,
and nothing said by colour alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.style import Style
from typer.testing import CliRunner

from scrmap.cli import app
from scrmap.cli.views import coverage as coverage_view
from scrmap.cli.views import map as map_view

from ..conftest import ROOT
from ..contrast import contrast

LIBRARY = str(ROOT / "data" / "recommendations")
PLAN = str(ROOT / "examples" / "action-plan.csv")
DRAFT = str(ROOT / "examples" / "draft.md")
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def attributes(output: str) -> set[int]:
    """The SGR attributes an output turns on, colours left out (38 and 48 take a colour
    after them: ``38;5;n`` or ``38;2;r;g;b``)."""
    found: set[int] = set()
    for params in SGR.findall(output):
        codes = [int(p) for p in params.split(";") if p]
        i = 0
        while i < len(codes):
            if codes[i] in (38, 48):
                i += 3 if codes[i + 1] == 5 else 5
                continue
            found.add(codes[i])
            i += 1
    return found


@pytest.mark.parametrize(
    ("args", "columns"),
    [
        (["coverage", LIBRARY, PLAN, "--as-of", "2027-04-30"], "120"),
        (["coverage", LIBRARY, PLAN, "--as-of", "2027-04-30"], "60"),
        (["map", DRAFT, "--explain"], "120"),
        (["map", DRAFT, "--explain"], "60"),
        (["check", DRAFT, "-f", "text"], "120"),
        (["framework", "show"], "120"),
    ],
    ids=["coverage", "coverage-narrow", "map", "map-narrow", "check", "framework-show"],
)
def test_no_text_is_dimmed(args: list[str], columns: str) -> None:
    env = {"FORCE_COLOR": "1", "NO_COLOR": "", "COLUMNS": columns, "TERM": "xterm-256color"}
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code in (0, 1), result.stderr
    shown = attributes(result.stdout)
    assert 1 in shown, "no bold at all: the test did not reach a terminal"
    assert 2 not in shown  # SGR 2, dim


def test_heatmap_counts_have_their_own_colour_on_every_shade() -> None:
    for style_text in coverage_view._HEAT:
        style = Style.parse(style_text)
        if style.bgcolor is None:
            assert style.color is None  # no shade: the terminal's own text on its own ground
            continue
        assert style.color is not None, style_text
        fg = style.color.get_truecolor().hex
        bg = style.bgcolor.get_truecolor().hex
        assert contrast(fg, bg) >= 4.5, style_text


def test_matched_words_are_underlined_not_coloured() -> None:
    style = Style.parse(map_view.MATCHED)
    assert style.underline and style.color is None


def test_forty_columns_cut_no_word(tmp_path: Path) -> None:
    # An 80-column window at twice the font size is 40 columns: every list is stacked, so no
    # status is cut to "Am…", no owner broken to "Nor/fol/k", and nothing runs off the edge.
    outside = tmp_path / "z.md"
    outside.write_text(
        "# Case Z\n\n## Recommendations\n\n"
        "1. The council should review taxi licensing arrangements for drivers.\n",
        encoding="utf-8",
    )
    args = ["coverage", LIBRARY, PLAN, str(outside), "--as-of", "2027-04-30"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "40", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40
    out = " ".join(" ".join(lines).split())
    assert "…" not in out
    assert (
        "owner Norfolk Community Health and Care, due 2027-03-31, 30 days late; status Amber"
        in (out)
    )
    assert "Case L: 15 items (8 findings, 7 responses), 0 unmapped" in out
    assert "The council should review taxi licensing arrangements for drivers." in out
    assert "nearest: " in out and "outside the framework: taxi, licensing" in out
    assert "Information-sharing between the Police and other agencies" in out  # a repeat


def test_sixty_columns_keep_the_tables() -> None:
    args = ["coverage", LIBRARY, PLAN, "--as-of", "2027-04-30"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "60", "NO_COLOR": "1"})
    assert "┃ case / id" in result.stdout and "status Amber" not in result.stdout
