"""Formats of `scrmap coverage`: JSON, CSV and Markdown of the coverage record.

The same record feeds the terminal view and the report, so they cannot disagree. The
JSON contract is documented in the README ("JSON output of scrmap coverage").
"""

from __future__ import annotations

from enum import StrEnum

from scrmap.formats import Renderer, by_kind, counted, json_text
from scrmap.formats.cells import csv_text, md_cell
from scrmap.records import CoverageRecord, RowRecord


class CoverageFormat(StrEnum):
    """Output formats of `scrmap coverage`; `table` is the Rich terminal view."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


TERMINAL = CoverageFormat.table


def to_json(record: CoverageRecord) -> str:
    """The JSON contract, pretty-printed."""
    return json_text(record)


CSV_COLUMNS = [
    "section",
    "id",
    "title",
    "quadrant",
    "recommendations",
    "cases",
    "case_names",
    "gap",
]


def to_csv(record: CoverageRecord) -> str:
    """The quadrant, standard and theme tables as one sheet, a `section` column apart."""
    return csv_text(
        CSV_COLUMNS,
        (
            [
                section,
                row["id"],
                row["title"],
                row.get("quadrant") or "",
                row["recommendations"],
                row["cases"],
                "; ".join(row["case_names"]),
                "gap" if row["gap"] else "",
            ]
            for section, rows in (
                ("quadrants", record["quadrants"]),
                ("standards", record["standards"]),
                ("themes", record["themes"]),
            )
            for row in rows
        ),
    )


def _table(rows: list[RowRecord], with_quadrant: bool, heading: str) -> list[str]:
    head = "| Id | Title |" + (" Quadrant |" if with_quadrant else "")
    lines = [f"## {heading}", "", head + " Recommendations | Cases | Which cases |"]
    lines.append("|---|---|" + ("---|" if with_quadrant else "") + "---:|---:|---|")
    for row in rows:
        cells: list[object] = [row["id"], row["title"]]
        cells += [row.get("quadrant")] if with_quadrant else []
        cells += [row["recommendations"], row["cases"], "; ".join(row["case_names"])]
        which = md_cell(cells.pop()) if not row["gap"] else "**gap**"
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + f" | {which} |")
    return [*lines, ""]


def to_markdown(record: CoverageRecord) -> str:
    """Tables for Board papers: totals, coverage, gaps, unmapped, co-occurrence, repeats."""
    t = record["totals"]
    lines = [
        f"# Coverage of {md_cell(record['framework']['title'])}",
        "",
        f"{counted(t['recommendations'], 'recommendation')}{by_kind(t['by_kind'])} from "
        f"{counted(t['cases'], 'case')}; "
        f"{t['mapped']} mapped, "
        f"{t['unmapped']} unmapped. Covered: {t['quadrants_covered']}/{t['quadrants']} "
        f"quadrants, {t['standards_covered']}/{t['standards']} standards, "
        f"{t['themes_covered']}/{t['themes']} themes.",
        "",
    ]
    lines += _table(record["quadrants"], False, "Quadrants")
    lines += _table(record["standards"], True, "Practice standards")
    lines += _table(record["themes"], True, "Key themes")
    lines += ["## Gaps", ""]
    for kind, rows in record["gaps"].items():
        names = ", ".join(f"{md_cell(r['id'])} {md_cell(r['title'])}" for r in rows)
        lines.append(f"- {kind.capitalize()}: {names or 'none'}")
    lines += ["", "## Unmapped: candidates for reviewing the framework", ""]
    lines += [
        f"- {md_cell(u['case'])} {md_cell(u['id'])}: {md_cell(u['text'])}"
        for u in record["unmapped"]
    ] or ["None."]
    lines += ["", "## Themes that occur together", ""]
    lines += [
        f"- {c['themes'][0]} + {c['themes'][1]}: {c['recommendations']}"
        for c in record["cooccurrence"]
    ] or ["None."]
    lines += ["", f"## Repeated recommendations (similarity {record['similarity_threshold']}+)", ""]
    for number, group in enumerate(record["repeated"], start=1):
        lines.append(f"{number}. Similarity {group['similarity']}:")
        lines += [
            f"   - {md_cell(m['case'])} {md_cell(m['id'])}: {md_cell(m['text'])}"
            for m in group["members"]
        ]
    if not record["repeated"]:
        lines.append("None.")
    return "\n".join(lines) + "\n"


RENDERERS: dict[CoverageFormat, Renderer[CoverageRecord, str]] = {
    CoverageFormat.json: to_json,
    CoverageFormat.csv: to_csv,
    CoverageFormat.markdown: to_markdown,
}
