"""`scrmap evaluate`: the mapping against hand labels."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from scrmap import exitcodes
from scrmap.cli.options import (
    ConfigOption,
    FrameworkOption,
    NoLearnedOption,
    ThresholdOption,
    not_empty,
    path_value,
)
from scrmap.errors import FrameworkError, ScrmapError
from scrmap.formats.choices import EvalFormat


def evaluate_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD...",
            parser=path_value,
            help="Hand-labelled YAML files: `scrmap map ... -f gold` writes one to correct.",
        ),
    ],
    framework: FrameworkOption = None,
    threshold: ThresholdOption = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EvalFormat.table
    ),
    config: ConfigOption = None,
    no_learned: NoLearnedOption = False,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="learned|FRAMEWORK",
            help="Also evaluate with the framework's cues alone ('learned'), or with another "
            "framework file, and show the figures side by side.",
            callback=not_empty,
        ),
    ] = None,
) -> None:
    """Compare the mapping with hand labels: top-standard accuracy, off-framework
    recommendations left unmapped, precision, recall and F1 per theme and per standard,
    the commonest confusions, and every disagreement. Several gold files count as one.

    Exit 0 when the figures are printed, 2 when a gold file cannot be read or holds a
    label the framework does not have, or --compare has nothing to compare."""
    from scrmap import pipeline
    from scrmap.cli import edge
    from scrmap.formats.evaluate import RENDERERS, TERMINAL

    chosen = edge.settings(config, threshold)
    loaded_framework, path = edge.framework(framework, not no_learned, chosen)
    limit = chosen.threshold
    try:
        sides = (
            pipeline.compared(loaded_framework, path, compare, os.environ, not no_learned)
            if compare
            else [(str(path), loaded_framework, path)]
        )
    except FrameworkError as error:
        edge.fail(error, exitcodes.USAGE)
    except ScrmapError as error:
        edge.fail(error, exitcodes.USAGE, "scrmap: ")
    if compare and compare != "learned":  # its weights may be older than it, as ours may
        _, other, other_path = sides[1]
        edge.warn_changed_since_learned(other, other_path)
    try:
        results = [
            (label, pipeline.evaluate(gold, fw, limit, os.environ, file))
            for label, fw, file in sides
        ]
    except ScrmapError as error:
        edge.fail(error, exitcodes.USAGE)
    if format is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.evaluate import evaluation_view

        stdout_console().print(evaluation_view(results))
    else:
        sys.stdout.write(RENDERERS[format](results))
