"""`scrmap check`: do the recommendations map, and are they SMART?"""

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from scrmap import exitcodes
from scrmap.cli.options import (
    INPUTS_HELP,
    ConfigOption,
    FrameworkOption,
    NoLearnedOption,
    SheetOption,
    ThresholdOption,
    output_path,
    output_value,
)
from scrmap.formats.choices import CheckFormat

if TYPE_CHECKING:
    from scrmap.records import CheckResult

OptionalInputs = Annotated[
    list[str] | None, typer.Argument(metavar="INPUT...", help=INPUTS_HELP, show_default=False)
]
FormatOption = Annotated[
    CheckFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format. Default: the one an --output-file ending names (.sarif, .json, "
        ".xml for junit), else concise in a file; github under GitHub Actions, text on a "
        "terminal, else concise.",
        show_default=False,
    ),
]


def _names_rules(values: list[str] | None) -> list[str] | None:
    """Refuse a --select or --ignore that names no rule ('' or ','), a usage error: left to
    `_ids`, it vanished, and --select '' checked every rule."""
    for value in values or ():
        if not _ids([value]):
            raise typer.BadParameter(
                f"{value!r} names no rule; give rule ids (--list-rules shows them), or leave "
                "the option out"
            )
    return values


SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="<rule,...>",
        help="Only these rules.",
        show_default=False,
        callback=_names_rules,
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="<rule,...>",
        help="Not these rules.",
        show_default=False,
        callback=_names_rules,
    ),
]

StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Count findings per rule instead.")
]
OutputFileOption = Annotated[
    str | None,
    typer.Option(
        "--output-file",
        "-o",
        metavar="<path>",
        help="Write the output here ('-': standard output).",
        callback=output_value,
    ),
]
ExitZeroOption = Annotated[
    bool,
    typer.Option(
        "--exit-zero", help="Exit 0 even when findings fail (unreadable input still exits 2)."
    ),
]
ListRulesOption = Annotated[
    bool, typer.Option("--list-rules", help="Print the rules' documentation and exit.")
]


_BY_ENDING = {".sarif": CheckFormat.sarif, ".json": CheckFormat.json, ".xml": CheckFormat.junit}
"""An output file's ending that names a format: code-scanning uploads read `.sarif` files,
test reporters `.xml`; concise text under those names would fail them."""


def _default_format(output_file: Path | None) -> CheckFormat:
    """The format the output file's ending names, else concise in a file; on standard
    output, github under GitHub Actions (workflow commands act only in the log, not in a
    file), text for a person at a terminal, else concise."""
    if output_file is not None:
        return _BY_ENDING.get(output_file.suffix.lower(), CheckFormat.concise)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return CheckFormat.github
    return CheckFormat.text if sys.stdout.isatty() else CheckFormat.concise


def _statistics_format(format: CheckFormat | None, output: Path | None) -> CheckFormat:
    """The format --statistics is written in: the one asked for (by -f, or an output file's
    ending), else the table; the table or JSON, or a usage error (SARIF, JUnit and
    annotations hold findings, not counts)."""
    ending = output.suffix.lower() if output is not None else ""
    chosen = format or _BY_ENDING.get(ending, CheckFormat.text)
    if chosen not in (CheckFormat.text, CheckFormat.concise, CheckFormat.json):
        asked = f"-f {chosen.value}" if format else f"an output file ending {ending}"
        typer.echo(
            f"scrmap: --statistics counts findings as a table or JSON, not as {chosen.value} "
            f"({asked}): leave out --statistics, or write it with -f json",
            err=True,
        )
        raise typer.Exit(exitcodes.USAGE)
    return chosen


def _emit(
    result: "CheckResult", chosen: CheckFormat, quiet: bool, stats: bool, output: Path | None
) -> None:
    """The findings (or --statistics) to stdout or --output-file, and ruff's closing count
    after the concise lines unless --quiet."""
    from scrmap.cli import edge
    from scrmap.formats.check import RENDERERS, TERMINAL, statistics, statistics_json, verdict

    if stats and chosen is CheckFormat.json:
        text: str | None = statistics_json(result)
    elif stats:
        terminal = output is None and sys.stdout.isatty()
        text = statistics(result, shutil.get_terminal_size().columns if terminal else None)
    elif chosen is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.check import findings_text

        text = findings_text(result, quiet, None if output else stdout_console())
    else:
        text = RENDERERS[chosen](result)
        if chosen is CheckFormat.concise and not quiet:
            text += verdict(result) + "\n"
    if text is not None and output is not None:
        edge.write(output, text.encode())
    elif text is not None:
        sys.stdout.write(text)


def _ids(values: list[str] | None) -> list[str]:
    """Rule ids given repeatedly or comma-separated, as ruff takes them."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def check_command(
    inputs: OptionalInputs = None,
    framework: FrameworkOption = None,
    no_learned: NoLearnedOption = False,
    config: ConfigOption = None,
    format: FormatOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    threshold: ThresholdOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Findings only.")] = False,
    statistics: StatisticsOption = False,
    output_file: OutputFileOption = None,
    exit_zero: ExitZeroOption = False,
    sheet: SheetOption = None,
    list_rules: ListRulesOption = False,
) -> None:
    """Check that recommendations map onto the framework and are SMART.

    Exit 0 when clean (warnings allowed, or any findings with --exit-zero), 1 when errors
    are found (or warnings, with --strict), 2 for a usage error, a bad configuration
    or unreadable input, even with --exit-zero. --select and --ignore take rule ids (repeatable or
    comma-separated).
    """
    from scrmap.cli import edge
    from scrmap.matcher import Matcher
    from scrmap.rules import rule_docs

    if list_rules:
        listed = output_path(output_file)
        if listed is not None:
            # Guarded as any output: not over the framework, its weights or the configuration
            # (the framework's path only: listing the rules needs no framework read).
            from scrmap.framework import resolve_path

            in_force = edge.settings(config, threshold)
            target = resolve_path(framework, config=in_force.path)
            edge.refuse_own_files(listed, target, in_force)
            edge.write(listed, rule_docs().encode())
        elif sys.stdout.isatty():
            # Drawn for reading on a terminal at its width; raw Markdown to a file or a pipe,
            # which is what `docs/rules.md` is made from.
            from rich.markdown import Markdown

            from scrmap.cli.views import stdout_console

            stdout_console().print(Markdown(rule_docs()))
        else:
            sys.stdout.write(rule_docs())
        return
    if not inputs:
        typer.echo("scrmap check: name the files or directories to check ('-' for stdin)", err=True)
        raise typer.Exit(exitcodes.USAGE)
    output = output_path(output_file)
    chosen = _statistics_format(format, output) if statistics else None
    settings = edge.settings(config, threshold)
    loaded_framework, path = edge.framework(framework, not no_learned, settings)
    edge.refuse_own_files(output, path, settings)
    loaded = edge.inputs(inputs, sheet, output)
    matcher = Matcher(loaded_framework, settings.threshold)
    rules = settings.rules()
    result = edge.checked(loaded, matcher, rules, strict, _ids(select), _ids(ignore))
    _emit(result, chosen or format or _default_format(output), quiet, statistics, output)
    if os.environ.get("GITHUB_ACTIONS") == "true" and os.environ.get("GITHUB_STEP_SUMMARY"):
        edge.step_summary(os.environ["GITHUB_STEP_SUMMARY"], result)
    if result.bad_input:
        raise typer.Exit(exitcodes.USAGE)
    if result.failed and not exit_zero:
        raise typer.Exit(exitcodes.PROBLEMS)
