"""`scrmap evaluate`: the mapping against hand labels."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from scrmap import exitcodes
from scrmap.cli.options import ConfigOption, FrameworkOption, ThresholdOption
from scrmap.errors import ScrmapError
from scrmap.formats.evaluate import RENDERERS, TERMINAL, EvalFormat


def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(metavar="GOLD", help="Hand-labelled YAML file (see tests/gold/).")
    ],
    framework: FrameworkOption = None,
    threshold: ThresholdOption = None,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EvalFormat.table
    ),
    config: ConfigOption = None,
) -> None:
    """Compare the mapping with hand labels: per-theme and overall precision, recall and F1,
    top-standard accuracy, off-framework recommendations left unmapped, and disagreements."""
    from scrmap import pipeline
    from scrmap.cli import edge

    limit = edge.settings(config, threshold).threshold
    loaded_framework, _ = edge.framework(framework)
    try:
        result = pipeline.evaluate(gold, loaded_framework, limit)
    except ScrmapError as error:
        edge.fail(error, exitcodes.USAGE)
    if format is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.evaluate import evaluation_view

        stdout_console().print(evaluation_view(result))
    else:
        sys.stdout.write(RENDERERS[format](result))
