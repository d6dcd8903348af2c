"""The terminal view of `scrmap evaluate`: the figures, per-theme scores, disagreements."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from scrmap.evaluate import Evaluation


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
    lines: list[RenderableType] = [
        Text(f"Disagreements ({len(result.disagreements)})", style="italic")
    ]
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
