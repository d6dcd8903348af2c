"""The options and arguments several commands share, declared once."""

from __future__ import annotations

import os
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from scrmap.defaults import DEFAULT_THRESHOLD, FRAMEWORK_ENV_VAR

if TYPE_CHECKING:
    from scrmap.coverage import Selection


def not_empty(value: str | list[str] | None) -> str | list[str] | None:
    """Refuse an empty option value (a usage error, exit 2): almost always a shell variable
    that expanded to nothing, and as a filter it would quietly mean "no status" or match
    nothing, where the user meant a value."""
    for each in [value] if isinstance(value, str) else value or ():
        if not each.strip():
            raise typer.BadParameter(
                "an empty value (a shell variable that expanded to nothing?); give one, or "
                "leave the option out"
            )
    return value


def output_value(value: str | None) -> str | None:
    """Refuse an output file option (``-o``) that names a folder, as an empty one is: one
    ending in a slash (``-o x.html/``, which wrote ``x.html`` as if the slash were not
    there) or an existing folder (which was found only when the report was written, after
    every input was read and mapped); and one that names a read-only file."""
    not_empty(value)
    if value is None or value == STDOUT:
        return value
    if os.path.isdir(value) or not value.rstrip("/" + os.sep):
        raise typer.BadParameter(f"{value!r} is a folder, not a file to write: name a file in it")
    if value.endswith(("/", os.sep)):
        raise typer.BadParameter(
            f"{value!r} ends in {value[-1]!r}, so names a folder, not a file to write: leave "
            f"it off ({value.rstrip('/' + os.sep)!r}), or name a file in the folder"
        )
    from scrmap.output import READ_ONLY, read_only  # only once an -o is given

    if read_only(value):
        raise typer.BadParameter(f"{value!r} {READ_ONLY}")
    return value


def output_path_value(value: str) -> Path:
    """An output option's value as a path (`output_value`, which it passes)."""
    output_value(value)
    return Path(value)


def path_value(value: str) -> Path:
    """A path option's or argument's value: an empty one is refused as every empty value is
    (as a Path it was the working directory: "--framework ''" said ".: is a directory")."""
    not_empty(value)
    return Path(value)


framework_from_environment = False
"""Whether this run's --framework came from $SCRMAP_FRAMEWORK, not the command line: a
framework that cannot be used then says so (`scrmap.cli.edge.fail_framework`)."""


def _framework_source(
    ctx: typer.Context, param: typer.CallbackParam, value: Path | None
) -> Path | None:
    """Note where --framework's value came from (see ``framework_from_environment``)."""
    global framework_from_environment
    source = ctx.get_parameter_source(param.name) if param.name else None
    framework_from_environment = value is not None and getattr(source, "name", "") == "ENVIRONMENT"
    return value


FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        metavar="<path>",
        parser=path_value,
        callback=_framework_source,
        envvar=FRAMEWORK_ENV_VAR,
        help=(
            "Framework YAML file. Default: ./framework.yaml if the working directory has "
            "one, else the framework.yaml beside the configuration file, otherwise the "
            "bundled Norfolk Thematic Learning Framework."
        ),
        show_default=False,
    ),
]
NoLearnedOption = Annotated[
    bool,
    typer.Option(
        "--no-learned",
        help="Map with the framework's cues alone, ignoring its learned weights "
        "(NAME.learned.yaml beside the framework file NAME.yaml), to compare.",
    ),
]
INPUTS_HELP = (
    "Files (.yaml .md .txt .csv .docx .xlsx .pdf), directories, '-' for standard input, "
    "or the text of a recommendation."
)
"""The input kinds are `scrmap.sources.SHOWN_SUFFIXES`, written out: importing the readers
to name them would slow every command's start, `--help` included (a test keeps the two the
same)."""
InputsArgument = Annotated[
    list[str], typer.Argument(metavar="INPUT...", help=INPUTS_HELP, show_default=False)
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="<path>",
        parser=path_value,
        help="Configuration file. Default: the nearest .scrmap.yaml or [tool.scrmap] in "
        "pyproject.toml, else $SCRMAP_CONFIG, else the defaults.",
        show_default=False,
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="<n>",
        help="Processes to map with, at most one per core. Default: one per core for 2,000 "
        "or more recommendations, else 1.",
        show_default=False,
    ),
]
ThresholdOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        max=100,
        metavar="<1-100>",
        help="Score needed to assign a match. Default: the configuration's threshold, else "
        f"{DEFAULT_THRESHOLD}.",
        show_default=False,
    ),
]
SimilarityOption = Annotated[
    int,
    typer.Option(
        min=1,
        max=100,
        metavar="<1-100>",
        help="Similarity (1-100) at which recommendations count as repeats.",
    ),
]


SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="<name>",
        callback=not_empty,
        help="The worksheet to read in .xlsx workbooks. Default: the first with a column "
        "of recommendation text.",
        show_default=False,
    ),
]


STDOUT = "-"
"""The -o value that means standard output, as for any Unix tool (``./-`` is a file)."""


def output_path(value: str | None) -> Path | None:
    """The file -o names; None for standard output (no -o, or ``-``). Taken as text, not as
    a Path: a Path would make ``./-`` the same as ``-``."""
    return None if value is None or value == STDOUT else Path(value)


CaseOption = Annotated[
    list[str] | None,
    typer.Option(
        "--case", metavar="<name>", help="Only this case (repeatable).", callback=not_empty
    ),
]
SinceOption = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"],
        metavar="<yyyy-mm-dd>",
        help="Only cases published on or after this date.",
    ),
]
StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="<status>",
        help="Only items with this status, as written (Amber) or a state (not-met); repeatable.",
        callback=not_empty,
    ),
]


class Kind(StrEnum):
    """The choices of --kind: `scrmap.recommendation.KINDS`, as Typer needs them (an enum;
    a test keeps the two the same)."""

    recommendation = "recommendation"
    finding = "finding"
    response = "response"


AsOfOption = Annotated[
    datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        metavar="<yyyy-mm-dd>",
        help="Report date: actions due before it and not complete are overdue. Default: today.",
        show_default=False,
    ),
]

KindOption = Annotated[
    list[Kind] | None,
    typer.Option(
        "--kind",
        metavar=f"<{'|'.join(Kind)}>",
        help="Only items of this kind (repeatable). Default: all.",
    ),
]


def report_date(as_of: datetime | None) -> date:
    """The --as-of date, else today: read here, at the edge, so the core has no clock."""
    return as_of.date() if as_of else date.today()


def selection(
    case: list[str] | None,
    since: datetime | None,
    status: list[str] | None,
    kind: list[Kind] | None,
) -> Selection:
    """The --case, --since, --status and --kind options as one selection."""
    from scrmap.coverage import Selection

    return Selection(
        tuple(case or ()),
        since.date() if since else None,
        tuple(status or ()),
        tuple(k.value for k in kind or ()),
    )
