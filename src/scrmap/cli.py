"""The scrmap command line: parse arguments, call the core, print, choose the exit code.

Each command stays thin; everything it computes lives in a pure module beneath it.
Reports go to stdout, problems to stderr, so `scrmap map ... --format json > out.json`
stays clean.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from scrmap import __version__, exitcodes
from scrmap import framework as fw
from scrmap.errors import ScrmapError
from scrmap.map_formats import MapFormat
from scrmap.matcher import DEFAULT_THRESHOLD

app = typer.Typer(
    name="scrmap",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
framework_app = typer.Typer(
    help="Show, validate and describe the framework file.", no_args_is_help=True
)
app.add_typer(framework_app, name="framework")

FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        envvar=fw.ENV_VAR,
        help=(
            "Framework YAML file. Default: ./framework.yaml if the working directory has "
            "one, otherwise the bundled Norfolk Thematic Learning Framework."
        ),
        show_default=False,
    ),
]


def fail(error: ScrmapError, code: int) -> NoReturn:
    """Print each problem on its own line to stderr and exit with ``code``."""
    for problem in error.problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(code)


def load_framework(path: Path | None) -> fw.Framework:
    """Load the chosen framework; a broken one stops the command with exit code 2."""
    try:
        return fw.load(fw.resolve_path(path))
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scrmap {__version__}")
        raise typer.Exit(exitcodes.OK)


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Map safeguarding review recommendations onto a thematic learning framework.

    Every command reads the framework from --framework, else $SCRMAP_FRAMEWORK, else
    ./framework.yaml in the working directory, else the bundled Norfolk framework.
    """


class ShowFormat(StrEnum):
    """Output formats of `framework show`."""

    tree = "tree"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"


@framework_app.command("show")
def framework_show(
    framework: FrameworkOption = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ShowFormat.tree
    ),
) -> None:
    """Show the framework: quadrants and their standards, then themes by family."""
    from scrmap import framework_export

    loaded = load_framework(framework)
    if format is ShowFormat.tree:
        from scrmap.views import framework_tree, stdout_console

        stdout_console().print(framework_tree(loaded))
        return
    render = {
        ShowFormat.json: framework_export.to_json,
        ShowFormat.yaml: framework_export.to_yaml,
        ShowFormat.markdown: framework_export.to_markdown,
    }[format]
    sys.stdout.write(render(loaded))


@framework_app.command("validate")
def framework_validate(
    path: Annotated[
        Path | None,
        typer.Argument(help="Framework file to check. Default: the framework in use."),
    ] = None,
    framework: FrameworkOption = None,
) -> None:
    """Check a framework file. Exit 0 when valid, 1 with every problem listed."""
    target = fw.resolve_path(path or framework)
    try:
        loaded = fw.load(target)
    except ScrmapError as error:
        fail(error, exitcodes.PROBLEMS)
    typer.echo(
        f"{target}: valid ({len(loaded.quadrants)} quadrants, {len(loaded.standards)} "
        f"standards, {len(loaded.themes)} themes)"
    )


@framework_app.command("schema")
def framework_schema() -> None:
    """Print the JSON Schema of the framework file, for editor autocompletion."""
    schema_command(SchemaKind.framework)


class SchemaKind(StrEnum):
    """The files scrmap reads that have a published schema."""

    framework = "framework"
    recommendations = "recommendations"
    gold = "gold"


@app.command("schema")
def schema_command(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file's schema to print.")],
) -> None:
    """Print the JSON Schema of a framework, recommendation (YAML) or gold file."""
    from scrmap.evaluate import GoldFile
    from scrmap.sources import RecommendationFile

    model = {
        SchemaKind.framework: fw.Framework,
        SchemaKind.recommendations: RecommendationFile,
        SchemaKind.gold: GoldFile,
    }[kind]
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


def _read_stdin() -> str:
    return sys.stdin.read()


@app.command("map")
def map_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.yaml .md .txt .csv .docx), directories, '-' for standard input, "
            "or the text of a recommendation.",
            show_default=False,
        ),
    ],
    framework: FrameworkOption = None,
    format: Annotated[MapFormat, typer.Option("--format", "-f", help="Output format.")] = (
        MapFormat.table
    ),
    threshold: Annotated[
        int, typer.Option(min=1, max=100, help="Score (1-100) needed to assign a match.")
    ] = DEFAULT_THRESHOLD,
    top: Annotated[
        int | None, typer.Option(min=1, help="Show at most N matches of each kind.")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show near misses under the threshold.")
    ] = False,
) -> None:
    """Map recommendations onto the framework, with the evidence for every match.

    Exit 0 when everything was read, 2 when an input could not be read (the others
    are still mapped and printed).
    """
    from scrmap import map_formats, records
    from scrmap.matcher import Matcher
    from scrmap.sources import load_arguments

    path = fw.resolve_path(framework)
    loaded_framework = load_framework(path)
    loaded = load_arguments(inputs, _read_stdin)
    matcher = Matcher(loaded_framework, threshold)
    recs = [
        records.recommendation_record(rec, matcher.match(rec.text), top, explain)
        for rec in loaded.recommendations
    ]
    if format is MapFormat.table:
        from scrmap.views import mapping_table, stdout_console

        titles = {q.id: q.title for q in loaded_framework.quadrants}
        titles |= {s.id: s.title for s in loaded_framework.standards}
        titles |= {t.id: t.title for t in loaded_framework.themes}
        console = stdout_console()
        for record in recs:
            console.print(mapping_table(record, titles))
            console.print()
        mapped = sum(1 for r in recs if r["standards"])
        typer.echo(
            f"{len(recs)} recommendations, {mapped} mapped onto a standard, "
            f"{len(recs) - mapped} unmapped",
            err=True,
        )
    else:
        document = records.map_document(
            records.framework_record(loaded_framework, path), recs, threshold
        )
        sys.stdout.write(map_formats.RENDERERS[format](document))
    for problem in loaded.problems:
        typer.echo(str(problem), err=True)
    if loaded.problems:
        raise typer.Exit(exitcodes.USAGE)


class EvalFormat(StrEnum):
    """Output formats of `scrmap evaluate`."""

    table = "table"
    json = "json"


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Hand-labelled YAML file (see tests/gold/).")],
    framework: FrameworkOption = None,
    threshold: Annotated[
        int, typer.Option(min=1, max=100, help="Score (1-100) needed to assign a match.")
    ] = DEFAULT_THRESHOLD,
    format: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EvalFormat.table
    ),
) -> None:
    """Compare the mapping with hand labels: per-theme and overall precision, recall and F1,
    top-standard accuracy, off-framework recommendations left unmapped, and disagreements."""
    from scrmap.evaluate import evaluate, load_gold
    from scrmap.matcher import Matcher

    loaded_framework = load_framework(framework)
    try:
        gold_file = load_gold(gold, loaded_framework)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)
    result = evaluate(gold_file, Matcher(loaded_framework, threshold))
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(result.as_record(), indent=2) + "\n")
        return
    from scrmap.views import evaluation_view, stdout_console

    stdout_console().print(evaluation_view(result))
