"""The coverage report as an Excel workbook, the form Boards circulate.

One sheet per table of the HTML report, plus the mapping of every recommendation with
its evidence. Every text cell goes through `safe_cell`, so a recommendation that begins
with "=" is stored as text and cannot run as a formula in Excel; cells are written as
typed values, never as formulas.
"""

from __future__ import annotations

import io
from typing import Any

from scrmap.formats.cells import evidence_cell, ids_cell, safe_cell
from scrmap.records import ReportRecord, RowRecord


def _value(value: Any) -> Any:
    return (
        value
        if isinstance(value, int | float) and not isinstance(value, bool)
        else (safe_cell(value))
    )


def _sheet(workbook: Any, title: str, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title)
    sheet.append([_value(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_value(v) for v in row])
    for cell in sheet[1]:
        letter = cell.column_letter
        longest = max(len(str(c.value or "")) for c in sheet[letter])
        sheet.column_dimensions[letter].width = min(max(8, longest + 2), 80)
    sheet.freeze_panes = "A2"


def _coverage_rows(rows: list[RowRecord], with_quadrant: bool) -> list[list[Any]]:
    return [
        [r["id"], r["title"]]
        + ([r.get("quadrant")] if with_quadrant else [])
        + [r["recommendations"], r["cases"], "; ".join(r["case_names"]), "gap" if r["gap"] else ""]
        for r in rows
    ]


def render(record: ReportRecord) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])  # the empty sheet a new workbook starts with
    t = record["totals"]
    _sheet(
        workbook,
        "Summary",
        ["measure", "value"],
        [
            ["framework", record["framework"]["title"]],
            ["recommendations", t["recommendations"]],
            ["cases", t["cases"]],
            ["mapped", t["mapped"]],
            ["unmapped", t["unmapped"]],
            *[[f"items of kind {k}", n] for k, n in t["by_kind"].items()],
            ["quadrants covered", f"{t['quadrants_covered']} of {t['quadrants']}"],
            ["standards covered", f"{t['standards_covered']} of {t['standards']}"],
            ["themes covered", f"{t['themes_covered']} of {t['themes']}"],
            ["groups of repeated recommendations", t["repeated_groups"]],
        ],
    )
    base = ["recommendations", "cases", "which cases", "gap"]
    _sheet(
        workbook, "Quadrants", ["id", "title", *base], _coverage_rows(record["quadrants"], False)
    )
    _sheet(
        workbook,
        "Standards",
        ["id", "title", "quadrant", *base],
        _coverage_rows(record["standards"], True),
    )
    _sheet(
        workbook,
        "Themes",
        ["id", "title", "quadrant", *base],
        _coverage_rows(record["themes"], True),
    )
    cases = list(record["case_theme"])
    _sheet(
        workbook,
        "Themes by case",
        ["theme", *cases],
        [
            [th["id"]] + [record["case_theme"][c][th["id"]] for c in cases]
            for th in record["themes"]
        ],
    )
    _sheet(
        workbook,
        "Unmapped",
        ["case", "id", "file", "line", "text", "nearest standards"],
        [
            [u["case"], u["id"], u["file"], u["line"], u["text"], ids_cell(u["nearest"])]
            for u in record["unmapped"]
        ],
    )
    _sheet(
        workbook,
        "Repeated",
        ["group", "similarity", "case", "id", "text"],
        [
            [number, group["similarity"], m["case"], m["id"], m["text"]]
            for number, group in enumerate(record["repeated"], start=1)
            for m in group["members"]
        ],
    )
    _sheet(
        workbook,
        "Mapping",
        ["case", "id", "kind", "file", "line", "text", "standards", "themes", "evidence"],
        [
            [
                r["case"],
                r["id"],
                r["kind"],
                r["source"]["file"],
                r["source"]["line"],
                r["text"],
                ids_cell(r["standards"]),
                ids_cell(r["themes"]),
                evidence_cell(r["standards"] + r["themes"]),
            ]
            for r in record["recommendations"]
        ],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
