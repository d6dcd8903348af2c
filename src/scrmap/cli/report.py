"""`scrmap report`: the coverage report as a file for Board papers."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from scrmap import exitcodes
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
    output_path,
    output_value,
    report_date,
    selection,
)
from scrmap.defaults import DEFAULT_SIMILARITY
from scrmap.formats import counted, item_noun
from scrmap.formats.choices import ReportFormat
from scrmap.formats.pdf import unavailable as pdf_unavailable

SHORTER_ENDING = {ReportFormat.markdown: "md"}
"""The ending to suggest, where it is not the format's name, for a report that went to the
terminal instead of a file (`_on_terminal`)."""


def _on_terminal(chosen: ReportFormat) -> list[str]:
    """A note when the report scrolled past on a terminal: `scrmap report FOLDER` without
    -o is a newcomer's first try, and a page of HTML says nothing of where the report is."""
    if not sys.stdout.isatty():
        return []
    return [
        f"the report was printed to the terminal; to keep it, write it to a file: "
        f"-o board-report.{SHORTER_ENDING.get(chosen, chosen.value)}"
    ]


def _chosen_format(format: ReportFormat | None, output: Path | None) -> ReportFormat:
    """--format, else the one the output file's ending names (html on stdout); an ending
    that names none, xlsx or pdf on stdout, or pdf without the extra is a usage error."""
    from scrmap.cli.edge import say
    from scrmap.formats.report import ENDINGS, format_for

    chosen = format or format_for(output)
    if chosen is None:
        # Grouped by format, each format's own name first: ".html or .htm, .markdown or .md".
        endings = ", ".join(
            " or ".join(e for e, named in ENDINGS.items() if named is f) for f in ReportFormat
        )
        say(
            f"scrmap: {output}: the ending does not name a report format; end the file in "
            f"{endings}, or give --format ({', '.join(ReportFormat)})"
        )
        raise typer.Exit(exitcodes.USAGE)
    if chosen in (ReportFormat.xlsx, ReportFormat.pdf) and output is None:
        article = "an" if chosen is ReportFormat.xlsx else "a"
        typer.echo(
            f"scrmap: {article} {chosen.value} report needs --output FILE: it cannot go to "
            "standard output",
            err=True,
        )
        raise typer.Exit(exitcodes.USAGE)
    if chosen is ReportFormat.pdf and (why := pdf_unavailable()):
        say(f"scrmap: {output}: {why}")
        raise typer.Exit(exitcodes.USAGE)
    return chosen


def report_command(
    inputs: InputsArgument,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<path>",
            help="File to write (atomically). Default, or '-': standard output (not for "
            "xlsx or pdf).",
            callback=output_value,
        ),
    ] = None,
    format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Default: from the output file's ending, else html."),
    ] = None,
    framework: FrameworkOption = None,
    no_learned: NoLearnedOption = False,
    case: CaseOption = None,
    since: SinceOption = None,
    status: StatusOption = None,
    kind: KindOption = None,
    threshold: ThresholdOption = None,
    similarity: SimilarityOption = DEFAULT_SIMILARITY,
    config: ConfigOption = None,
    sheet: SheetOption = None,
    as_of: AsOfOption = None,
    marking: Annotated[
        str | None,
        typer.Option(
            metavar="<text>",
            help='Protective marking printed on every page, e.g. "OFFICIAL-SENSITIVE".',
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the coverage report for Board papers: a self-contained HTML page (A4 print),
    a PDF (with the pdf extra), Markdown, CSV (every mapping with its evidence) or an
    Excel workbook.

    Exit 0 when everything was read, 2 when an input could not be read (the report is
    still written from the rest) or the output cannot be written.
    """
    from scrmap.cli import edge
    from scrmap.formats.report import RENDERERS

    output = output_path(output_file)
    chosen = _chosen_format(format, output)
    wanted = selection(case, since, status, kind)
    chosen_settings = edge.settings(config, threshold)
    analysis, selected, problems = edge.analyse(
        inputs,
        framework,
        wanted,
        chosen_settings,
        similarity,
        output is None,
        sheet,
        report_date(as_of),
        not no_learned,
        output,
    )
    record = analysis.report(marking)
    data = RENDERERS[chosen](record)
    if output is None:
        sys.stdout.write(data.decode())
        edge.finish([*selected.notes, *_on_terminal(chosen)], problems)
        return
    edge.write(output, data)
    t = record["totals"]
    edge.finish(
        selected.notes,
        problems,
        f"{output}: {chosen.value} report of "
        f"{counted(t['recommendations'], item_noun(t['by_kind']))} "
        f"from {counted(t['cases'], 'case')}",
    )
