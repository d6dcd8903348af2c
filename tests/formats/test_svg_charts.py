"""The SVG charts: well-formed, labelled, readable without colour, hostile text as text."""

import re
import xml.etree.ElementTree as ET

import pytest

from scrmap.formats.display_text import html_text, visible
from scrmap.formats.svg_charts import Bar, Chart, bar_chart, heatmap, trend

HOSTILE = "<script>alert(1)</script> \u202etxt.exe & =SUM(A1) \"'"
SVG = "{http://www.w3.org/2000/svg}"


def parse(chart: Chart) -> ET.Element:
    """The SVG as XML: a stray '<' or '&' from a label would not parse."""
    return ET.fromstring(chart.svg)


def texts(chart: Chart) -> list[str]:
    return ["".join(t.itertext()) for t in parse(chart).iter(f"{SVG}text")]


def test_visible_controls() -> None:
    assert (
        visible("a\u202eb\u2066c\u200fd\x07e\tf\ng")
        == "a[U+202E]b[U+2066]c[U+200F]d[U+0007]e\tf\ng"
    )
    assert visible("مراجعة الحالة") == "مراجعة الحالة"  # right-to-left text needs no controls
    assert html_text('<b a="1">&') == "&lt;b a=&quot;1&quot;&gt;&amp;"
    assert html_text(None) == ""


def test_bars_carry_their_numbers_and_gaps_are_written() -> None:
    chart = bar_chart(
        "Coverage by quadrant",
        [Bar("Q1 Professional curiosity", 20, "in 5 cases"), Bar("Q2 Sharing", 0)],
        "recommendations",
        "q",
    )
    labels = texts(chart)
    assert "20 in 5 cases" in labels
    assert "gap" in labels
    assert 'fill="url(#q-hatch)"' in chart.svg  # a hatched box, not colour alone
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "q-title"
    assert "<caption>Coverage by quadrant</caption>" in chart.table
    assert '<th scope="row">Q2 Sharing</th><td>0</td>' in chart.table
    assert chart.figure().startswith('<figure class="chart"><figcaption>Coverage by quadrant<')


@pytest.mark.parametrize(
    "chart",
    [
        bar_chart(HOSTILE, [Bar(HOSTILE, 3, HOSTILE)], HOSTILE, "b"),
        heatmap(HOSTILE, [HOSTILE], [HOSTILE, "ok"], [[1, None]], "h", HOSTILE),
        trend(HOSTILE, [HOSTILE], [2020], [[2]], "t"),
    ],
    ids=["bars", "heatmap", "trend"],
)
def test_hostile_labels_are_drawn_as_text(chart: Chart) -> None:
    page = chart.figure()
    assert "<script" not in page
    assert "\u202e" not in page
    assert "&lt;script&gt;" in page
    assert "[U+202E]txt.exe" in page
    parse(chart)
    # The label is drawn, cut or whole, and never as markup.
    assert any(t.startswith("<script>") for t in texts(chart))


def test_heatmap_cells_carry_numbers_and_long_headings_are_cut_with_a_tooltip() -> None:
    long = "Domestic abuse recommendations from five cases"
    chart = heatmap(
        "Themes by case", ["Neglect", "Fathers"], ["Case L", long], [[5, 0], [1, 2]], "h"
    )
    labels = texts(chart)
    assert {"5", "1", "2", "·"} <= set(labels)
    assert any(t.endswith("…") and t.startswith(long) for t in labels)  # tooltip + cut label
    assert f'<th scope="col">{long}</th>' in chart.table
    assert re.search(r"rotate\(-45 ", chart.svg)
    # Shades run light to dark with the count: the 5 is darker than the 1.
    fills = re.findall(
        r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="(#\w+)"', chart.svg
    )
    assert fills[0] != fills[2]


def test_cooccurrence_diagonal_is_empty() -> None:
    chart = heatmap("Together", ["A", "B"], ["A", "B"], [[None, 2], [2, None]], "c")
    assert chart.svg.count('fill="#d0d0d0"') == 2
    assert '<th scope="row">A</th><td></td><td>2</td>' in chart.table


def test_trend_has_a_column_per_year() -> None:
    chart = trend("Themes by year", ["Neglect"], [2014, 2016], [[5, 0]], "t")
    labels = texts(chart)
    assert labels[:2] == ["2014", "2016"]
    assert "5" in labels and "·" in labels
    assert '<th scope="col">2016</th>' in chart.table


def test_ids_keep_charts_apart() -> None:
    a = bar_chart("A", [Bar("x", 0)], "n", "one")
    b = bar_chart("B", [Bar("x", 0)], "n", "two")
    assert 'id="one-hatch"' in a.svg and 'id="two-hatch"' in b.svg
