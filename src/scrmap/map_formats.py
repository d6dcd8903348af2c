"""Machine and document formats for `scrmap map`, each a pure function of the document."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from enum import StrEnum
from typing import Any


class MapFormat(StrEnum):
    """Output formats of `scrmap map`; `table` is the Rich terminal view."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


def to_json(document: dict[str, Any]) -> str:
    """The stable JSON contract, pretty-printed."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def jsonl_line(record: dict[str, Any]) -> str:
    """One recommendation record as a line of JSON Lines."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def to_jsonl(document: dict[str, Any]) -> str:
    """One recommendation object per line, for streaming large corpora."""
    return "".join(jsonl_line(r) for r in document["recommendations"])


def safe_cell(value: Any) -> str:
    """A spreadsheet cell that cannot run as a formula when the CSV is opened in Excel."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def ids_cell(matches: list[dict[str, Any]]) -> str:
    """Matches as 'id (score); ...' for one spreadsheet cell."""
    return "; ".join(f"{m['id']} ({m['score']})" for m in matches)


def evidence_cell(matches: list[dict[str, Any]]) -> str:
    """Each match's cues and the words they matched, for one spreadsheet cell."""
    return "; ".join(
        f"{m['id']}: " + ", ".join(f"{e['cue']}={e['matched']!r}" for e in m["evidence"])
        for m in matches
    )


CSV_COLUMNS = [
    "id",
    "file",
    "line",
    "case",
    "kind",
    "text",
    "quadrants",
    "standards",
    "themes",
    "top_standard",
    "evidence",
]


def to_csv(document: dict[str, Any]) -> str:
    """One row per recommendation; lists are 'id (score)' joined by '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in document["recommendations"]:
        row = [
            r["id"],
            r["source"]["file"],
            r["source"]["line"],
            r["case"],
            r["kind"],
            r["text"],
            ids_cell(r["quadrants"]),
            ids_cell(r["standards"]),
            ids_cell(r["themes"]),
            r["standards"][0]["id"] if r["standards"] else "",
            evidence_cell(r["standards"] + r["themes"]),
        ]
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, one line, and no raw HTML,
    since Markdown renderers pass HTML through."""
    text = html.escape(str(value if value is not None else ""), quote=False)
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(document: dict[str, Any], heading: str | None = None) -> str:
    """A table for documents: one row per recommendation, evidence quoted."""
    lines = [
        heading or f"# Mapping onto {md_cell(document['framework']['title'])}",
        "",
        "| Recommendation | Text | Quadrants | Standards | Themes | Evidence |",
        "|---|---|---|---|---|---|",
    ]
    for r in document["recommendations"]:
        where = (
            f"{r['source']['file']}:{r['source']['line']}"
            if r["source"]["line"]
            else (r["source"]["file"])
        )
        evidence = "; ".join(
            f"{m['id']}: " + ", ".join(f"“{e['matched']}” ({e['cue']})" for e in m["evidence"])
            for m in r["standards"] + r["themes"]
        )
        cells = [
            f"{r['id']} ({where})",
            r["text"],
            ids_cell(r["quadrants"]),
            ids_cell(r["standards"]),
            ids_cell(r["themes"]),
            evidence,
        ]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


RENDERERS: dict[MapFormat, Callable[[dict[str, Any]], str]] = {
    MapFormat.json: to_json,
    MapFormat.jsonl: to_jsonl,
    MapFormat.csv: to_csv,
    MapFormat.markdown: to_markdown,
}
"""Every machine format; `table` is rendered by the CLI's Rich view."""
