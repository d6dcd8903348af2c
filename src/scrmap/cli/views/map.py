"""The terminal view of `scrmap map`: one table per recommendation, evidence highlighted."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from scrmap.cli.views import stdout_console
from scrmap.formats import counted
from scrmap.framework import Framework
from scrmap.records import MatchRecord, RecommendationRecord


def _highlight(text: str, spans: list[tuple[int, int]]) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize("bold yellow", start, end)
    return out


def mapping_table(record: RecommendationRecord, titles: dict[str, str]) -> Table:
    """One recommendation: its text with the evidence highlighted, then each match."""
    source = record["source"]
    where = f"{source['file']}:{source['line']}" if source["line"] else source["file"]
    case = f" · {record['case']}" if record["case"] else ""
    table = Table(
        title=f"{record['id']}{case} · {where}",
        title_justify="left",
        show_lines=False,
        expand=False,
    )
    table.add_column("", style="dim", no_wrap=True)
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title")
    table.add_column("score", justify="right")
    table.add_column("evidence (cue = words matched)")
    matches = record["standards"] + record["themes"]
    spans = [(e["start"], e["end"]) for m in matches for e in m["evidence"]]
    rows: list[tuple[str, MatchRecord]] = [("quadrant", m) for m in record["quadrants"]]
    rows += [("standard", m) for m in record["standards"]]
    rows += [("theme", m) for m in record["themes"]]
    near = record.get("near_misses")
    rows += [("near miss", m) for m in near["standards"] + near["themes"]] if near else []
    for kind, m in rows:
        if kind == "quadrant":
            evidence = "via " + ", ".join(sorted({e.get("via") or "" for e in m["evidence"]}))
        else:
            evidence = ", ".join(f"{e['cue']} = “{e['matched']}”" for e in m["evidence"])
        table.add_row(
            kind,
            m["id"],
            escape(titles.get(m["id"], "")),
            str(m["score"]),
            escape(evidence),
            style="dim" if kind == "near miss" else None,
        )
    if not rows:
        table.add_row(
            "", "—", "unmapped: no standard, theme or quadrant reached the threshold", "", ""
        )
    table.caption = _highlight(record["text"], spans)
    table.caption_justify = "left"
    return table


def show_mappings(records: list[RecommendationRecord], framework: Framework) -> None:
    """Print each recommendation's table to stdout, then a count to stderr."""
    titles = {q.id: q.title for q in framework.quadrants}
    titles |= {s.id: s.title for s in framework.standards}
    titles |= {t.id: t.title for t in framework.themes}
    console = stdout_console()
    for record in records:
        console.print(mapping_table(record, titles))
        console.print()
    mapped = sum(1 for r in records if r["standards"])
    typer.echo(
        f"{counted(len(records), 'recommendation')}, {mapped} mapped onto a standard, "
        f"{len(records) - mapped} unmapped",
        err=True,
    )
