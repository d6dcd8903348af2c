"""The plain-data record of a coverage analysis, and its JSON, CSV and Markdown forms.

One record feeds every format, the HTML report and the spreadsheet included, so they
cannot disagree. The JSON contract is documented in the README ("JSON output of
scrmap coverage").
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from scrmap.map_formats import md_cell, safe_cell

if TYPE_CHECKING:
    from scrmap.coverage import Coverage, Mapped, Row


class CoverageFormat(StrEnum):
    """Output formats of `scrmap coverage`; `table` is the Rich terminal view."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _ref(m: Mapped) -> dict[str, Any]:
    return {"case": m.case, "id": m.rec.id}


def _row(row: Row, with_quadrant: bool) -> dict[str, Any]:
    record: dict[str, Any] = {"id": row.id, "title": row.title}
    if with_quadrant:
        record["quadrant"] = row.parent
    record |= {
        "recommendations": row.recommendations,
        "cases": len(row.cases),
        "case_names": list(row.cases),
        "items": [_ref(m) for m in row.items],
        "gap": row.gap,
    }
    return record


def _source(m: Mapped) -> dict[str, Any]:
    return {
        "case": m.case,
        "id": m.rec.id,
        "file": m.rec.source.file,
        "line": m.rec.source.line,
        "kind": m.rec.kind,
        "text": m.rec.text,
    }


def coverage_record(
    coverage: Coverage, framework: dict[str, Any], mappings: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The whole analysis as JSON-ready data; ``mappings`` (per-recommendation records
    with evidence, as `scrmap map` makes them) are added for the report."""
    mapped = coverage.mapped
    gaps = coverage.gaps
    record: dict[str, Any] = {
        "framework": framework,
        "totals": {
            "recommendations": len(mapped),
            "cases": len(coverage.cases),
            "mapped": len(mapped) - len(coverage.unmapped),
            "unmapped": len(coverage.unmapped),
            "by_kind": dict(sorted(Counter(m.rec.kind for m in mapped).items())),
            "quadrants_covered": sum(not r.gap for r in coverage.quadrants),
            "quadrants": len(coverage.quadrants),
            "standards_covered": sum(not r.gap for r in coverage.standards),
            "standards": len(coverage.standards),
            "themes_covered": sum(not r.gap for r in coverage.themes),
            "themes": len(coverage.themes),
            "repeated_groups": len(coverage.repeated),
        },
        "quadrants": [_row(r, False) for r in coverage.quadrants],
        "standards": [_row(r, True) for r in coverage.standards],
        "themes": [_row(r, True) for r in coverage.themes],
        "cases": [
            {
                "id": row.id,
                "recommendations": row.recommendations,
                "by_kind": dict(sorted(Counter(m.rec.kind for m in row.items).items())),
                "unmapped": sum(1 for m in row.items if not m.result.mapped),
            }
            for row in coverage.cases
        ],
        "gaps": {
            kind: [{"id": r.id, "title": r.title} for r in rows] for kind, rows in gaps.items()
        },
        "unmapped": [
            _source(m)
            | {
                "nearest": [
                    {"id": n.id, "score": n.score} for n in m.result.near_misses("standards")[:3]
                ]
            }
            for m in coverage.unmapped
        ],
        "case_theme": coverage.case_theme,
        "cooccurrence": [
            {"themes": [a, b], "recommendations": n} for a, b, n in coverage.cooccurrence
        ],
        "similarity_threshold": coverage.similarity,
        "repeated": [
            {
                "similarity": group.similarity,
                "members": [_source(m) for m in group.members],
                "pairs": [
                    {
                        "a": _ref(a),
                        "b": _ref(b),
                        "similarity": p.similarity,
                        "shared_words": list(p.shared_words),
                        "shared_items": list(p.shared_items),
                    }
                    for a, b, p in group.pairs
                ],
            }
            for group in coverage.repeated
        ],
    }
    if mappings is not None:
        record["recommendations"] = mappings
    return record


def to_json(record: dict[str, Any]) -> str:
    """The JSON contract, pretty-printed."""
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


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


def to_csv(record: dict[str, Any]) -> str:
    """The quadrant, standard and theme tables as one sheet, a `section` column apart."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for section in ("quadrants", "standards", "themes"):
        for row in record[section]:
            values = [
                section,
                row["id"],
                row["title"],
                row.get("quadrant") or "",
                row["recommendations"],
                row["cases"],
                "; ".join(row["case_names"]),
                "gap" if row["gap"] else "",
            ]
            writer.writerow([safe_cell(v) for v in values])
    return out.getvalue()


def _table(record: dict[str, Any], section: str, heading: str) -> list[str]:
    with_quadrant = section != "quadrants"
    head = "| Id | Title |" + (" Quadrant |" if with_quadrant else "")
    lines = [f"## {heading}", "", head + " Recommendations | Cases | Which cases |"]
    lines.append("|---|---|" + ("---|" if with_quadrant else "") + "---:|---:|---|")
    for row in record[section]:
        cells = [row["id"], row["title"]] + ([row["quadrant"]] if with_quadrant else [])
        cells += [row["recommendations"], row["cases"], "; ".join(row["case_names"])]
        which = md_cell(cells.pop()) if not row["gap"] else "**gap**"
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + f" | {which} |")
    return [*lines, ""]


def to_markdown(record: dict[str, Any]) -> str:
    """Tables for Board papers: totals, coverage, gaps, unmapped, co-occurrence, repeats."""
    t = record["totals"]
    kinds = ", ".join(f"{n} {k}" for k, n in t["by_kind"].items())
    lines = [
        f"# Coverage of {md_cell(record['framework']['title'])}",
        "",
        f"{t['recommendations']} recommendations ({kinds}) from {t['cases']} cases; "
        f"{t['mapped']} mapped, "
        f"{t['unmapped']} unmapped. Covered: {t['quadrants_covered']}/{t['quadrants']} "
        f"quadrants, {t['standards_covered']}/{t['standards']} standards, "
        f"{t['themes_covered']}/{t['themes']} themes.",
        "",
    ]
    lines += _table(record, "quadrants", "Quadrants")
    lines += _table(record, "standards", "Practice standards")
    lines += _table(record, "themes", "Key themes")
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
