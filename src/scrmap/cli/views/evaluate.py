"""The terminal view of `scrmap evaluate`: the figures, per-theme and per-standard scores,
the commonest confusions, disagreements; with --compare, the figures side by side."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from scrmap.cli.views import QUIET
from scrmap.defaults import WEAK_MATCH
from scrmap.evaluate import Evaluation, Paired, Scores, paired, wilson

CONFUSIONS_SHOWN = 10


def _figures(s: Scores) -> tuple[str, str, str]:
    """Precision, recall and F1, each n/a where it would divide by nothing: precision of a
    label never assigned, recall (and so F1) of a label with no items. A perfect 1.00
    there would be a figure about nothing."""
    precision = f"{s.precision:.2f}" if s.tp + s.fp else "n/a"
    if not s.tp + s.fn:
        return precision, "n/a", "n/a"
    return precision, f"{s.recall:.2f}", f"{s.f1:.2f}"


def _summary(results: list[tuple[str, Evaluation]]) -> Table:
    """The headline figures, one column per side."""
    summary = Table(title="Accuracy against the hand labels", title_justify="left")
    summary.add_column("measure")
    for label, _ in results:
        summary.add_column("value" if len(results) == 1 else label, justify="right")
    summary.add_column("of", justify="right")
    first = results[0][1]
    rows = [
        (
            "top standard is a labelled one",
            [
                share(r.top_standard_accuracy, r.top_standard_interval)
                if r.with_standard
                else "n/a"
                for _, r in results
            ],
            str(first.with_standard),
        ),
        (
            "off-framework left unmapped",
            [
                share(r.unmapped_rate, r.unmapped_interval) if r.off_framework else "n/a"
                for _, r in results
            ],
            str(first.off_framework),
        ),
    ]
    for name, attr in (("themes", "themes_overall"), ("standards", "standards_overall")):
        scores = [getattr(r, attr) for _, r in results]
        rows.append(
            (
                f"{name} (micro) precision / recall / F1",
                [" / ".join(_figures(s)) for s in scores],
                str(scores[0].tp + scores[0].fn),
            )
        )
    strong = [(r.top_standard_right - r.weak_right, r.mapped - r.weak) for _, r in results]
    weak = [(r.weak_right, r.weak) for _, r in results]
    for name, counts in (
        (f"weak matches (under {WEAK_MATCH}): top right", weak),
        ("other mappings: top right", strong),
    ):
        # Each side maps its own items weakly: where the counts differ, each is shown.
        sizes = sorted({n for _, n in counts})
        of = str(sizes[0]) if len(sizes) == 1 else " / ".join(str(n) for _, n in counts)
        rows.append((name, [share(k / n, wilson(k, n)) if n else "n/a" for k, n in counts], of))
    for measure, values, of in rows:
        summary.add_row(measure, *values, of)
    return summary


def share(value: float, interval: tuple[float, float]) -> str:
    """A share with its 95% interval: "62.5% (48\u201375%)"."""
    low, high = interval
    return f"{value:.1%} ({100 * low:.0f}\u2013{high:.0%})"


INTERVAL_NOTE = (
    "In brackets: where the share could lie on further text of the same kind (95% Wilson interval)."
)


def _paired(labels: list[str], results: list[Evaluation]) -> Group:
    """Under --compare, how many items each side alone got right, for the top standard and
    for off-framework text, with the exact McNemar test's p-value: two figures a point or
    two apart are often one item, and only the items that differ say which side is
    better."""
    table = Table(title="Items right on one side only (exact McNemar test)", title_justify="left")
    table.add_column("measure", min_width=len("off-framework"))
    for label in labels[:2]:
        table.add_column(label, justify="right")
    table.add_column("p", justify="right")
    for what, labelled in (("top standard", True), ("off-framework left unmapped", False)):
        diff = paired(results[0], results[1], labelled)
        table.add_row(what, str(diff.only_first), str(diff.only_second), _p(diff))
    return Group(table, Text(PAIRED_NOTE, style=QUIET))


PAIRED_NOTE = (
    "p: the chance of a split at least this uneven if neither side were better; under "
    "0.05, the difference is unlikely to be chance."
)


def _p(diff: Paired) -> str:
    """The p-value as shown: n/a where no item differs."""
    if not diff.only_first + diff.only_second:
        return "n/a"
    return "< 0.001" if diff.p < 0.001 else f"{diff.p:.3f}"


def _per_label(title: str, column: str, scores: dict[str, Scores]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in (column, "precision", "recall", "F1", "labelled", "assigned"):
        table.add_column(name, justify="left" if name == column else "right")
    for label, s in scores.items():
        table.add_row(label, *_figures(s), str(s.tp + s.fn), str(s.tp + s.fp))
    return table


def _confusions(confusions: list[tuple[str, str, int]]) -> RenderableType:
    """The commonest confusions, or a line saying there were none: a table of headings
    over no rows reads as if something failed to print."""
    if not confusions:
        return Text("Commonest confusions: none")
    table = Table(title="Commonest confusions", title_justify="left")
    for name in ("labelled", "top", "times"):
        table.add_column(name, justify="right" if name == "times" else "left")
    for labelled, top, times in confusions[:CONFUSIONS_SHOWN]:
        table.add_row(labelled, top, str(times))
    return table


def _disagreements(result: Evaluation) -> list[RenderableType]:
    """Each disagreement as its id, the verdict and the text, in a grid: a line that wraps
    stays under the verdict, never back at column 0 where the next id would be looked for."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for d in result.disagreements:
        verdict = (
            f"labelled {', '.join(d.expected_standards) or '(none)'}; "
            f"top {d.top_standard or '(unmapped)'}"
        )
        if d.missing_themes:
            verdict += f"; missed {', '.join(d.missing_themes)}"
        if d.extra_themes:
            verdict += f"; extra {', '.join(d.extra_themes)}"
        grid.add_row(Text(d.id, style="bold"), verdict)
        grid.add_row("", Text(d.text, style=QUIET))
    return [Text(f"Disagreements ({len(result.disagreements)})", style="italic"), grid]


def evaluation_view(results: list[tuple[str, Evaluation]]) -> Group:
    """Summary figures first (several columns with --compare); for a single evaluation,
    then the per-theme and per-standard tables, the commonest confusions and every
    disagreement."""
    summary = _summary(results)
    note = Text(INTERVAL_NOTE, style=QUIET)
    if len(results) > 1:
        labels = [label for label, _ in results]
        return Group(summary, note, _paired(labels, [r for _, r in results]))
    result = results[0][1]
    return Group(
        summary,
        note,
        _per_label("Themes", "theme", result.themes),
        _per_label("Standards", "standard", result.standards),
        _confusions(result.confusions),
        *_disagreements(result),
    )
