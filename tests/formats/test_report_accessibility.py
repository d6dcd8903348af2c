"""The HTML report read as a screen reader, a colour-blind reader and a black-and-white
printer read it (WCAG 2.2 AA): the page is parsed, not searched for strings, so that a
table header without its scope or a heading out of order is found wherever it is.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap.cli import app
from scrmap.formats import report_html, svg_charts

from ..conftest import ROOT
from ..contrast import contrast

INPUTS = [str(ROOT / "data" / "recommendations"), str(ROOT / "examples" / "action-plan.csv")]


class Page(HTMLParser):
    """What a screen reader is given: the headings in order, each table with its caption
    and header cells, and the text it would speak (aria-hidden text left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.title = ""
        self.headings: list[tuple[int, str]] = []
        self.tables: list[dict[str, object]] = []
        self.spoken: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, aria-hidden)
        self._in: str | None = None
        self._text: list[str] = []
        self._open_tables: list[dict[str, object]] = []

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        if tag in {"br", "meta", "line", "rect", "path"}:
            return
        # An SVG drawn as an image is one picture to a screen reader: its title is read,
        # its labels are not (its table says the same).
        hidden = attributes.get("aria-hidden") == "true" or (
            tag == "svg" and attributes.get("role") == "img"
        )
        self._stack.append((tag, hidden))
        if tag in {"title", "h1", "h2", "h3", "h4", "caption", "th"} and self._in is None:
            self._in, self._text = tag, []
        if tag == "table":
            table: dict[str, object] = {"caption": "", "th": [], "td": 0}
            self.tables.append(table)
            self._open_tables.append(table)
        if tag == "th":
            self._open_tables[-1]["th"].append(attributes.get("scope"))  # type: ignore[attr-defined]
        if tag == "td":
            self._open_tables[-1]["td"] = int(self._open_tables[-1]["td"]) + 1  # type: ignore[call-overload]

    def handle_endtag(self, tag: str) -> None:
        if tag in {"br", "meta", "line", "rect", "path"}:
            return
        if tag == self._in:
            text = " ".join("".join(self._text).split())
            if tag == "title" and not self.title:
                self.title = text
            elif tag == "caption":
                self._open_tables[-1]["caption"] = text
            elif tag.startswith("h") and tag != "th":
                self.headings.append((int(tag[1]), text))
            self._in = None
        if tag == "table":
            self._open_tables.pop()
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._text.append(data)
        if not self._hidden() and not any(t in {"style", "title"} for t, _ in self._stack):
            self.spoken.append(data)


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("a11y") / "r.html"
    result = CliRunner().invoke(app, ["report", *INPUTS, "-o", str(out), "--as-of", "2027-04-30"])
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    parsed = Page()
    parsed.feed(html)
    return parsed


def test_the_page_names_its_language_and_title(page: Page) -> None:
    # British English: a screen reader picks its voice and pronunciation from it.
    assert page.lang == "en-GB"
    assert page.title.startswith("Coverage of Norfolk Thematic Learning Framework")


def test_headings_descend_one_level_at_a_time(page: Page) -> None:
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, page.headings
    # The summary's parts are under "Summary", not beside it.
    names = [text for _, text in page.headings]
    summary = names.index("Summary")
    assert page.headings[summary][0] == 2
    for part in ("What was analysed", "Gaps", "At a glance", "Coverage by quadrant"):
        assert page.headings[names.index(part)][0] == 3


def test_every_table_has_a_caption_and_every_header_cell_a_scope(page: Page) -> None:
    # The report's own tables (coverage, action plan, repeats, evidence) as well as the
    # charts' tables: a screen reader announces a cell with its column and row headers.
    assert len(page.tables) >= 15
    for table in page.tables:
        assert table["caption"], table
        scopes = table["th"]
        assert scopes, table
        assert all(scope in {"col", "row"} for scope in scopes), table  # type: ignore[attr-defined]
        if int(table["td"]):  # type: ignore[call-overload]
            assert "row" in scopes, table  # type: ignore[operator]


def test_symbols_and_short_forms_are_spoken_as_words(page: Page) -> None:
    spoken = "".join(page.spoken)
    # "·" (no actions in a state) is read "middle dot", "~" "tilde", "Recs" as a word.
    assert "·" not in spoken
    assert "~" not in spoken
    assert "Recs" not in spoken
    assert "Items" in spoken  # the library holds findings and responses too


def test_a_report_of_recommendations_alone_counts_recs_said_in_full(tmp_path: Path) -> None:
    """Where every item is a recommendation, the tables count "Recs" to the eye, said as
    "Recommendations"; the charts count recommendations by name."""
    out = tmp_path / "r.html"
    plan = str(ROOT / "examples" / "action-plan.csv")
    result = CliRunner().invoke(app, ["report", plan, "-o", str(out), "--as-of", "2027-04-30"])
    assert result.exit_code == 0, result.stderr
    parsed = Page()
    parsed.feed(out.read_text(encoding="utf-8"))
    spoken = "".join(parsed.spoken)
    assert "Recs" not in spoken and "Recommendations" in spoken
    assert "Recommendations in each quadrant" in spoken and "Items in each" not in spoken


def test_matched_words_are_marked_without_colour(html: str) -> None:
    # A yellow background alone vanishes in black-and-white print (1.15:1 on white).
    style = html.split("<style>")[1].split("</style>")[0]
    rule = re.search(r"\bmark \{([^}]*)\}", style)
    assert rule is not None
    assert "underline" in rule[1]


def test_every_chart_is_titled_on_the_page(html: str) -> None:
    # The caption is seen as well as heard: "7 in 3 cases" says nothing until the
    # chart says what it counts.
    captions = re.findall(r"<figcaption([^>]*)>(.*?)</figcaption>", html)
    assert len(captions) >= 6
    for attributes, text in captions:
        assert "sr-only" not in attributes
        assert text.startswith(("Items", "Actions"))  # findings and responses count too


def test_contrast_helper_matches_wcag() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def _full(colour: str) -> str:
    return "#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour


def test_text_colours_of_the_stylesheet_meet_aa() -> None:
    # Every colour given to text, on white and on the shaded backgrounds it sits on.
    css = report_html._CSS
    text = {_full(c) for c in re.findall(r"(?<![-\w])color: (#[0-9a-f]{3,6})", css)}
    backgrounds = {"#ffffff"} | {_full(c) for c in re.findall(r"background: (#[0-9a-f]{3,6})", css)}
    assert text and len(backgrounds) > 2
    for fg in text:
        for bg in backgrounds:
            assert contrast(fg, bg) >= 4.5, (fg, bg)


def test_chart_text_meets_aa_on_every_shade() -> None:
    # Dark numbers on the light shades, white on the two darkest, and the "·" of an
    # empty cell, all at 4.5:1 or more; the bars and the hatching of a gap at 3:1.
    shades = svg_charts.SHADES
    for shade in shades[:-2]:
        assert contrast(svg_charts.INK, shade) >= 4.5, shade
    for shade in shades[-2:]:
        assert contrast("#ffffff", shade) >= 4.5, shade
    assert contrast(svg_charts.EMPTY, shades[0]) >= 4.5
    assert contrast(svg_charts.BAR, "#ffffff") >= 3
    assert contrast(svg_charts.HATCH, "#ffffff") >= 3
