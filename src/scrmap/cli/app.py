"""The Typer app: the global options, and the console script that keeps bugs to one line."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup

from scrmap import __version__, exitcodes
from scrmap.errors import plain_words


class _Group(TyperGroup):
    """The command group, rewording Typer's option errors (see `plain_words`)."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a bad option value is reported in plain words (exit 2)."""
        try:
            return super().invoke(ctx)
        except typer.BadParameter as error:
            error.message = plain_words(error.message)
            raise


def _argument_usage(self: TyperArgument) -> str:
    name = self.metavar or self.name or ""
    return name if self.required else f"[{name}]"


_typer_argument_type = TyperArgument.display_type_rich


def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    return _typer_argument_type(self, ctx) if self.type_descriptor.is_choice else None


# Typer names an argument in help by its Python type (`inputs... <list[str]>`, and
# `{inputs}...` in the usage line); its metavar says what to type, and the choices, when
# there are some, which words are allowed.
setattr(TyperArgument, "display_type_rich", _argument_type)  # noqa: B010
setattr(TyperArgument, "_usage_display_name", _argument_usage)  # noqa: B010

app = typer.Typer(
    name="scrmap",
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
framework_app = typer.Typer(
    help="Show, validate and describe the framework file; learn from labelled items.",
    no_args_is_help=True,
)

_debug = False
"""Set by --debug: let an unexpected error show its traceback."""


def run() -> None:
    """The console script: the app, with any unexpected error as one line, not a traceback.

    Bad input never reaches here (the core turns it into problems with places). What
    does is a bug, reported as such with exit code 3; --debug shows the traceback.
    """
    try:
        app()  # Ctrl-C is Typer's: exit 130, no traceback
    except Exception as error:
        if _debug:
            raise
        message = str(error).splitlines()[0] if str(error) else ""
        typer.echo(
            f"scrmap: internal error: {type(error).__name__}: {message} "
            "(this is a bug in scrmap; run with --debug for the traceback)",
            err=True,
        )
        sys.exit(exitcodes.INTERNAL)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scrmap {__version__}")
        raise typer.Exit(exitcodes.OK)


def _set_debug(value: bool) -> None:
    global _debug
    _debug = value


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            envvar="SCRMAP_DEBUG",
            callback=_set_debug,
            is_eager=True,
            help="Show the Python traceback of an unexpected error (for developers).",
        ),
    ] = False,
) -> None:
    """Map safeguarding review recommendations onto a thematic learning framework.

    Every command reads the framework from --framework, else $SCRMAP_FRAMEWORK, else
    ./framework.yaml in the working directory, else the bundled Norfolk framework.
    """
    # Pydantic looks for plugins in every installed package's metadata the first time it
    # builds a model; scrmap uses none, and the scan costs start-up time.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
