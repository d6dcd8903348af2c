"""Rich renderables for the terminal. Part of the CLI layer: the core never imports it."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from scrmap.evaluate import Evaluation
from scrmap.framework import Framework
from scrmap.framework_export import theme_families


def stdout_console() -> Console:
    """A console on stdout; Rich itself honours NO_COLOR and non-terminal output."""
    return Console(highlight=False, soft_wrap=False)


def framework_tree(framework: Framework) -> Tree:
    """Quadrants with their standards, then themes by family, each with counts."""
    root = Tree(
        f"[bold]{escape(framework.title)}[/]  ({len(framework.quadrants)} quadrants, "
        f"{len(framework.standards)} standards, {len(framework.themes)} themes)"
    )
    if framework.foundations:
        foundations = root.add(f"[bold]Foundations[/] ({len(framework.foundations)})")
        for foundation in framework.foundations:
            foundations.add(escape(foundation.title))
    quadrants = root.add(f"[bold]Quadrants[/] ({len(framework.quadrants)})")
    for quadrant in framework.quadrants:
        standards = [s for s in framework.standards if s.quadrant == quadrant.id]
        branch = quadrants.add(
            f"[bold cyan]{escape(quadrant.id)}[/] {escape(quadrant.title)} "
            f"({len(standards)} standards)"
        )
        for standard in standards:
            branch.add(
                f"[cyan]{escape(standard.id)}[/] {escape(standard.title)} "
                f"[dim]({len(standard.cues)} cues)[/]"
            )
    themes = root.add(f"[bold]Key themes[/] ({len(framework.themes)})")
    for _, title, members in theme_families(framework):
        branch = themes.add(f"[bold]{escape(title or 'Other themes')}[/] ({len(members)})")
        for theme in members:
            where = f" [dim]{escape(theme.quadrant)}[/]" if theme.quadrant else ""
            branch.add(
                f"[magenta]{escape(theme.id)}[/] {escape(theme.title)}{where} "
                f"[dim]({len(theme.cues)} cues)[/]"
            )
    return root


def _highlight(text: str, spans: list[tuple[int, int]]) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize("bold yellow", start, end)
    return out


def mapping_table(record: dict[str, Any], titles: dict[str, str]) -> Table:
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
    rows = [("quadrant", m) for m in record["quadrants"]]
    rows += [("standard", m) for m in record["standards"]]
    rows += [("theme", m) for m in record["themes"]]
    near = record.get("near_misses", {})
    rows += [("near miss", m) for m in near.get("standards", []) + near.get("themes", [])]
    for kind, m in rows:
        if kind == "quadrant":
            evidence = "via " + ", ".join(sorted({e["via"] for e in m["evidence"]}))
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


def evaluation_view(result: Evaluation) -> Group:
    """Summary figures, the per-theme table, then every disagreement."""
    summary = Table(title="Accuracy against the hand labels", title_justify="left")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    summary.add_column("of", justify="right")
    summary.add_row(
        "top standard is a labelled one",
        f"{result.top_standard_accuracy:.1%}",
        str(result.with_standard),
    )
    summary.add_row(
        "off-framework left unmapped", f"{result.unmapped_rate:.1%}", str(result.off_framework)
    )
    for label, s in (
        ("themes (micro)", result.themes_overall),
        ("standards (micro)", result.standards_overall),
    ):
        summary.add_row(
            f"{label} precision / recall / F1",
            f"{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}",
            str(s.tp + s.fn),
        )
    themes = Table(title="Themes", title_justify="left")
    for column in ("theme", "precision", "recall", "F1", "labelled"):
        themes.add_column(column, justify="left" if column == "theme" else "right")
    for theme, s in result.themes.items():
        themes.add_row(
            theme, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.tp + s.fn)
        )
    lines: list[Any] = [Text(f"Disagreements ({len(result.disagreements)})", style="italic")]
    for d in result.disagreements:
        verdict = (
            f"labelled {', '.join(d.expected_standards) or '(none)'}; "
            f"top {d.top_standard or '(unmapped)'}"
        )
        if d.missing_themes:
            verdict += f"; missed {', '.join(d.missing_themes)}"
        if d.extra_themes:
            verdict += f"; extra {', '.join(d.extra_themes)}"
        lines.append(Text.assemble((d.id, "bold"), "  ", verdict))
        lines.append(Text("    " + d.text, style="dim"))
    return Group(summary, themes, *lines)
