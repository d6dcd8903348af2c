"""`scrmap check`: do the recommendations map, and are they SMART?"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from scrmap import exitcodes
from scrmap.cli.options import INPUTS_HELP, ConfigOption, FrameworkOption, ThresholdOption
from scrmap.formats.check import RENDERERS, TERMINAL, CheckFormat

OptionalInputs = Annotated[
    list[str] | None, typer.Argument(metavar="INPUT...", help=INPUTS_HELP, show_default=False)
]
FormatOption = Annotated[
    CheckFormat | None,
    typer.Option(
        "--format", "-f", help="Output format. Default: github under GitHub Actions, else text."
    ),
]


def check_command(
    inputs: OptionalInputs = None,
    framework: FrameworkOption = None,
    config: ConfigOption = None,
    format: FormatOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    threshold: ThresholdOption = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="Print the rules' documentation and exit.")
    ] = False,
) -> None:
    """Check that recommendations map onto the framework and are SMART.

    Exit 0 when clean (warnings allowed), 1 when errors are found (or warnings, with
    --strict), 2 for a usage error, a bad configuration or unreadable input.
    """
    from scrmap import pipeline
    from scrmap.cli import edge
    from scrmap.matcher import Matcher
    from scrmap.rules import rule_docs

    if list_rules:
        sys.stdout.write(rule_docs())
        return
    if not inputs:
        typer.echo("scrmap check: name the files or directories to check ('-' for stdin)", err=True)
        raise typer.Exit(exitcodes.USAGE)
    settings = edge.settings(config, threshold)
    loaded_framework, _ = edge.framework(framework)
    loaded = edge.inputs(inputs)
    result = pipeline.check(
        loaded,
        Matcher(loaded_framework, settings.threshold),
        settings.configuration.settings(),
        strict,
    )
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    chosen = format or (CheckFormat.github if on_github else CheckFormat.text)
    if chosen is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.check import findings_view

        stdout_console().print(findings_view(result.findings, result.checked))
    else:
        sys.stdout.write(RENDERERS[chosen](result))
    if on_github and os.environ.get("GITHUB_STEP_SUMMARY"):
        edge.step_summary(os.environ["GITHUB_STEP_SUMMARY"], result)
    if loaded.problems:
        raise typer.Exit(exitcodes.USAGE)
    if result.failed:
        raise typer.Exit(exitcodes.PROBLEMS)
