"""`scrmap framework show | validate | schema`: the framework file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from scrmap import exitcodes
from scrmap.cli.options import FrameworkOption
from scrmap.cli.schema import SchemaKind, schema_command
from scrmap.errors import ScrmapError, UnreadableFrameworkError
from scrmap.formats.framework import RENDERERS, TERMINAL, ShowFormat


def framework_show(
    framework: FrameworkOption = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ShowFormat.tree
    ),
) -> None:
    """Show the framework: quadrants and their standards, then themes by family."""
    from scrmap.cli import edge

    loaded, _ = edge.framework(framework)
    if format is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.framework import framework_tree

        stdout_console().print(framework_tree(loaded))
    else:
        sys.stdout.write(RENDERERS[format](loaded))


def framework_validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH", help="Framework file to check. Default: the framework in use."
        ),
    ] = None,
    framework: FrameworkOption = None,
) -> None:
    """Check a framework file. Exit 0 when valid, 1 with every problem listed, 2 when it
    cannot be read."""
    from scrmap import pipeline
    from scrmap.cli import edge

    try:
        loaded, target = pipeline.load_framework(path or framework, os.environ)
    except UnreadableFrameworkError as error:
        edge.fail(error, exitcodes.USAGE)
    except ScrmapError as error:
        edge.fail(error, exitcodes.PROBLEMS)
    typer.echo(
        f"{target}: valid ({len(loaded.quadrants)} quadrants, {len(loaded.standards)} "
        f"standards, {len(loaded.themes)} themes)"
    )


def framework_schema() -> None:
    """Print the JSON Schema of the framework file, for editor autocompletion."""
    schema_command(SchemaKind.framework)
