"""`scrmap coverage`: what the recommendations cover, the gaps, and what repeats."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from scrmap.cli.options import (
    AsOfOption,
    CaseOption,
    ConfigOption,
    FrameworkOption,
    InputsArgument,
    KindOption,
    NoLearnedOption,
    SheetOption,
    SimilarityOption,
    SinceOption,
    StatusOption,
    ThresholdOption,
    report_date,
    selection,
)
from scrmap.defaults import DEFAULT_SIMILARITY
from scrmap.formats.choices import CoverageFormat


class By(StrEnum):
    """The one table `scrmap coverage --by` shows."""

    quadrant = "quadrant"
    standard = "standard"
    theme = "theme"
    case = "case"


def coverage_command(
    inputs: InputsArgument,
    framework: FrameworkOption = None,
    no_learned: NoLearnedOption = False,
    by: Annotated[
        By | None, typer.Option(help="Show only this table. Default: every table.")
    ] = None,
    format: Annotated[
        CoverageFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CoverageFormat.table,
    case: CaseOption = None,
    since: SinceOption = None,
    status: StatusOption = None,
    kind: KindOption = None,
    threshold: ThresholdOption = None,
    similarity: SimilarityOption = DEFAULT_SIMILARITY,
    config: ConfigOption = None,
    sheet: SheetOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Which quadrants, standards and themes the recommendations cover, in how many
    separate cases; the gaps; what maps nowhere; what repeats across cases; and the
    action plan's progress (statuses, overdue actions and their owners).

    Exit 0 when everything was read, 2 when an input could not be read (the rest is
    still reported), no recommendation was read, or a --case or --status matches nothing.
    """
    from scrmap.cli import edge
    from scrmap.formats.coverage import RENDERERS, TERMINAL

    chosen = selection(case, since, status, kind)
    machine = format is not TERMINAL
    chosen_settings = edge.settings(config, threshold)
    analysis, selected, problems = edge.analyse(
        inputs,
        framework,
        chosen,
        chosen_settings,
        similarity,
        machine,
        sheet,
        report_date(as_of),
        not no_learned,
    )
    if format is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.coverage import coverage_view

        console = stdout_console()
        console.print(coverage_view(analysis.record(), by.value if by else None, console.width))
    else:
        sys.stdout.write(RENDERERS[format](analysis.record()))
    notes = list(selected.notes)
    if by is not None and format is not TERMINAL:
        # --by picks one of the terminal's tables; the other formats always hold every table.
        notes.append(
            f"--by {by.value} shows one table on the terminal; -f {format.value} has them all"
        )
    edge.finish(notes, problems)
