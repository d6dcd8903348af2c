"""The HTML report's page: the summary first, long lists cut with a count, and the
marking and title safe inside the print stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap.cli import app
from scrmap.formats import report_html
from scrmap.formats.report_html import css_string

from ..conftest import ROOT, WEAK_AND_STRONG

LIBRARY = str(ROOT / "data" / "recommendations")


def page(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", LIBRARY, "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_css_string_cannot_escape_the_stylesheet() -> None:
    hostile = '"; } body { display: none } </style><script>x</script>'
    escaped = css_string(hostile)
    assert escaped.startswith('"') and escaped.endswith('"')
    assert '"' not in escaped[1:-1] and "<" not in escaped and "}" not in escaped
    # Each escape ends with a space that CSS consumes, so real spaces stay.
    assert css_string("a: b") == '"a\\00003a  b"'


def test_the_marking_is_text_everywhere(tmp_path: Path) -> None:
    html = page(tmp_path, "--marking", '"; } </style><script>alert(1)</script>\u202e')
    assert "<script" not in html and "\u202e" not in html
    assert '<p class="marking">&quot;; } &lt;/style&gt;&lt;script&gt;' in html
    style = html.split("<style>")[1].split("</style>")[0]
    assert re.search(r"@top-right \{ content: \"\\000022 ", style)


def test_summary_comes_first_and_the_evidence_last(tmp_path: Path) -> None:
    html = page(tmp_path, "--as-of", "2026-11-23")
    order = [
        html.index(heading)
        for heading in (
            'id="summary">Summary',
            "What was analysed",
            "<h3>Gaps</h3>",
            "Coverage by quadrant",
            "1. Coverage",
            "2. Action plan progress",
            "3. Themes by case",
            "Appendix A. Evidence",
        )
    ]
    assert order == sorted(order)
    assert "<b>3.4</b> An established Early Help offer that prevents drift <b>" in html


def test_long_lists_are_cut_with_a_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The limits are small here so that the bundled library overflows them, as a library
    # of 10,000 would overflow the real ones.
    monkeypatch.setattr(report_html, "CASE_COLUMNS", 2)
    monkeypatch.setattr(report_html, "HEATMAP_CASES", 4)
    monkeypatch.setattr(report_html, "EVIDENCE_LIMIT", 10)
    monkeypatch.setattr(report_html, "LIST_LIMIT", 3)
    monkeypatch.setattr(report_html, "REPEAT_MEMBERS", 2)
    monkeypatch.setattr(report_html, "NAMED_CASES", 1)
    html = page(tmp_path)
    assert len(re.findall(r'<title id="heat\d+-title">', html)) == 2  # 4 cases, 2 a chart
    assert "Items on each theme, by case (3 to 4 of 4)" in html
    assert "The 4 cases with most items are drawn; all 5 are in the workbook" in html
    assert "… and 35 more: all are in the workbook and the CSV report." in html
    assert "carry no action plan" in html  # its 14 actions are not listed
    assert "… and 1 more: all are in the workbook" in html  # the repeat group of 3
    assert '<span class="more">+4 more</span>' in html  # Q1 is covered in 5 cases
    plan = tmp_path / "plan.html"
    action_plan = str(ROOT / "tests" / "data" / "action-plan")
    args = ["report", action_plan, "-o", str(plan), "--as-of", "2021-06-30"]
    assert CliRunner().invoke(app, args).exit_code == 0
    overdue = plan.read_text(encoding="utf-8")  # 4 overdue actions
    assert "… and 1 more: all are in the workbook's Action plan sheet." in overdue


def test_learned_evidence_shows_its_weight_as_in_every_other_output(tmp_path: Path) -> None:
    html = page(tmp_path)
    appendix = html[html.index("Appendix A. Evidence") :]
    assert re.search(r"“[^”<]+” learned \+0\.\d\d", appendix)
    # A cue's own words stay bare: only learned words carry a weight.
    assert "“Early Help”; " in appendix
    assert "(learned" not in appendix


def test_cues_alone_show_no_learned_weights(tmp_path: Path) -> None:
    appendix = page(tmp_path, "--no-learned").split("Appendix A. Evidence")[1]
    assert "learned +" not in appendix and "“Early Help”" in appendix


def test_the_evidence_marks_each_weak_match_for_checking(tmp_path: Path) -> None:
    """Appendix A marks each item the key message asks the Board to check, and no other."""
    (tmp_path / "w.yaml").write_text(WEAK_AND_STRONG, encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(tmp_path / "w.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "check it before counting" in html
    rows = re.findall(r'<tr><th scope="row">(W\d).*?</tr>', html, flags=re.S)
    assert rows == ["W1", "W2"]
    marked = re.findall(
        r'<tr><th scope="row">(W\d)(?:(?!</tr>).)*weak match: check before counting', html, re.S
    )
    assert marked == ["W1"]
    assert "<b>Weak matches:</b> 1 item (best standard under 70; marked in Appendix A)" in html
    # None to check, none said: the summary stays one page (tests/formats/test_pdf.py).
    assert "Weak matches:" not in page(tmp_path)


def test_a_framework_with_no_digest_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from a pipe (or gone since), the framework file has no SHA-256, and "What was
    analysed" says why rather than leaving it out unsaid."""
    from scrmap import records

    monkeypatch.setattr(records, "file_sha256", lambda path: None)
    html = page(tmp_path)
    assert "(norfolk-tlf, version 2016, no SHA-256: read from a pipe, or gone since)" in html


def test_the_page_says_why_its_figures_add_up_to_more_than_the_items(tmp_path: Path) -> None:
    """The quadrants alone add up to nearly twice the items of the library: an item counts
    in every quadrant, standard and theme it maps to, and the page says so."""
    html = page(tmp_path)
    assert (
        "An item mapped to several quadrants, standards or themes counts once in each, so the "
        "figures add up to more than the 45 items."
    ) in html


def test_long_action_text_is_cut_at_a_word() -> None:
    text = "Agencies should provide the right services to families " * 5
    cut = report_html._clipped(text, 60)
    assert cut == "Agencies should provide the right services to families…"
    assert len(cut) <= 60 and report_html._clipped("Short.", 60) == "Short."
    unbroken = "x" * 100  # no word to cut at: cut where the limit falls
    assert report_html._clipped(unbroken, 60) == "x" * 59 + "…"
