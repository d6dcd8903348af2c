"""The scrmap command line: parse arguments, call the core, print, choose the exit code.

Each command stays thin; everything it computes lives in a pure module beneath it.
Reports go to stdout, problems to stderr, so `scrmap map ... --format json > out.json`
stays clean.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from scrmap import __version__, exitcodes
from scrmap.check_formats import CheckFormat
from scrmap.coverage_formats import CoverageFormat
from scrmap.defaults import DEFAULT_SIMILARITY, DEFAULT_THRESHOLD, FRAMEWORK_ENV_VAR
from scrmap.errors import ScrmapError
from scrmap.map_formats import MapFormat

if TYPE_CHECKING:
    from scrmap.coverage import Selection
    from scrmap.framework import Framework
    from scrmap.limits import Limits

T = TypeVar("T")

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
        envvar=FRAMEWORK_ENV_VAR,
        help=(
            "Framework YAML file. Default: ./framework.yaml if the working directory has "
            "one, otherwise the bundled Norfolk Thematic Learning Framework."
        ),
        show_default=False,
    ),
]


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


def limits_from_env() -> Limits:
    """The input size limits, from SCRMAP_MAX_* variables; a bad value exits 2."""
    from scrmap import limits

    try:
        return limits.from_env(os.environ)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)


def _with_progress(chunks: Iterable[list[T]], total: int, machine: bool) -> Iterator[list[T]]:
    """Pass the chunks of a mapping through, moving a progress bar as each arrives."""
    from scrmap import progress

    with progress.Bar(total, "Mapping", progress.wanted(machine)) as bar:
        for chunk in chunks:
            yield chunk
            bar.advance(len(chunk))


def fail(error: ScrmapError, code: int) -> NoReturn:
    """Print each problem on its own line to stderr and exit with ``code``."""
    for problem in error.problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(code)


def load_framework(path: Path | None) -> Framework:
    """Load the chosen framework; a broken one stops the command with exit code 2."""
    from scrmap import framework as fw

    try:
        return fw.load(fw.resolve_path(path))
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scrmap {__version__}")
        raise typer.Exit(exitcodes.OK)


_debug = False
"""Set by --debug: let an unexpected error show its traceback."""


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
    from scrmap import framework as fw

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
    from scrmap import framework as fw
    from scrmap.evaluate import GoldFile
    from scrmap.sources.yaml_file import RecommendationFile

    model = {
        SchemaKind.framework: fw.Framework,
        SchemaKind.recommendations: RecommendationFile,
        SchemaKind.gold: GoldFile,
    }[kind]
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


def _read_stdin() -> str:
    return sys.stdin.read()


InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files (.yaml .md .txt .csv .docx), directories, '-' for standard input, "
        "or the text of a recommendation.",
        show_default=False,
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes to map with. Default: one per core for 2,000 or more "
        "recommendations, else 1.",
        show_default=False,
    ),
]
ThresholdOption = Annotated[
    int, typer.Option(min=1, max=100, help="Score (1-100) needed to assign a match.")
]


@app.command("map")
def map_command(
    inputs: InputsArgument,
    framework: FrameworkOption = None,
    format: Annotated[MapFormat, typer.Option("--format", "-f", help="Output format.")] = (
        MapFormat.table
    ),
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    top: Annotated[
        int | None, typer.Option(min=1, help="Show at most N matches of each kind.")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show near misses under the threshold.")
    ] = False,
    jobs: JobsOption = None,
) -> None:
    """Map recommendations onto the framework, with the evidence for every match.

    Exit 0 when everything was read, 2 when an input could not be read (the others
    are still mapped and printed). JSON Lines output is written as it is mapped.
    """
    from functools import partial

    from scrmap import framework as fw
    from scrmap import map_formats, parallel, records
    from scrmap.matcher import Matcher
    from scrmap.sources import load_arguments

    path = fw.resolve_path(framework)
    loaded_framework = load_framework(path)
    loaded = load_arguments(inputs, _read_stdin, limits_from_env())
    matcher = Matcher(loaded_framework, threshold)
    count = len(loaded.recommendations)
    streaming = format is MapFormat.jsonl
    render = records.recommendation_line if streaming else records.recommendation_record
    chunks = parallel.map_chunks(
        loaded.recommendations,
        matcher,
        partial(render, top=top, explain=explain),
        parallel.jobs_for(count, jobs),
    )
    recs: list[dict[str, Any]] = []
    for chunk in _with_progress(chunks, count, machine=format is not MapFormat.table):
        if streaming:
            sys.stdout.write("".join(chunk))
        else:
            recs.extend(chunk)
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
    elif not streaming:
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
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
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


class By(StrEnum):
    """The one table `scrmap coverage --by` shows."""

    quadrant = "quadrant"
    standard = "standard"
    theme = "theme"
    case = "case"


class Kind(StrEnum):
    """What a recommendation file says an item is."""

    recommendation = "recommendation"
    finding = "finding"
    response = "response"


SimilarityOption = Annotated[
    int,
    typer.Option(
        min=1, max=100, help="Similarity (1-100) at which recommendations count as repeats."
    ),
]
CaseOption = Annotated[
    list[str] | None, typer.Option("--case", help="Only this case (repeatable).")
]
SinceOption = Annotated[
    datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Only cases published on or after this date."),
]
StatusOption = Annotated[
    list[str] | None, typer.Option("--status", help="Only items with this status (repeatable).")
]
KindOption = Annotated[
    list[Kind] | None,
    typer.Option("--kind", help="Only items of this kind (repeatable). Default: all."),
]


def _selection(
    case: list[str] | None,
    since: datetime | None,
    status: list[str] | None,
    kind: list[Kind] | None,
) -> Selection:
    from scrmap.coverage import Selection

    return Selection(
        tuple(case or ()),
        since.date() if since else None,
        tuple(status or ()),
        tuple(k.value for k in kind or ()),
    )


def _analyse(
    inputs: list[str],
    framework: Path | None,
    threshold: int,
    similarity: int,
    selection: Selection,
    with_mappings: bool,
    machine: bool,
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Load, filter, map and analyse; return the coverage record, and the notes and input
    problems to print once the report is out (a filter matching nothing exits at once).
    ``machine``: the report is a machine format going to stdout (no progress bar then)."""
    from scrmap import framework as fw
    from scrmap import parallel, records
    from scrmap.coverage import Mapped, analyse, select
    from scrmap.coverage_formats import coverage_record
    from scrmap.matcher import Matcher
    from scrmap.sources import load_arguments

    path = fw.resolve_path(framework)
    loaded_framework = load_framework(path)
    loaded = load_arguments(inputs, _read_stdin, limits_from_env())
    selected = select(loaded.recommendations, selection)
    if selected.unmatched:
        for message in selected.unmatched:
            typer.echo(f"scrmap: {message}", err=True)
        raise typer.Exit(exitcodes.USAGE)
    matcher = Matcher(loaded_framework, threshold)
    recs = selected.recommendations
    jobs = parallel.jobs_for(len(recs), None)
    chunks = parallel.map_chunks(recs, matcher, Mapped, jobs)
    mapped = [m for chunk in _with_progress(chunks, len(recs), machine) for m in chunk]
    coverage = analyse(loaded_framework, mapped, similarity)
    mappings = (
        [records.recommendation_record(m.rec, m.result) for m in mapped] if with_mappings else None
    )
    record = coverage_record(
        coverage,
        records.framework_record(loaded_framework, path) | {"threshold": threshold},
        mappings,
    )
    return record, selected.notes, [str(p) for p in loaded.problems]


def _finish(notes: list[str], problems: list[str]) -> None:
    """After the report is out: notes and input problems on stderr; exit 2 on problems."""
    for note in notes:
        typer.echo(f"scrmap: note: {note}", err=True)
    for problem in problems:
        typer.echo(problem, err=True)
    if problems:
        raise typer.Exit(exitcodes.USAGE)


@app.command("coverage")
def coverage_command(
    inputs: InputsArgument,
    framework: FrameworkOption = None,
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
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    similarity: SimilarityOption = DEFAULT_SIMILARITY,
) -> None:
    """Which quadrants, standards and themes the recommendations cover, in how many
    separate cases; the gaps; what maps nowhere; and what repeats across cases.

    Exit 0 when everything was read, 2 when an input could not be read (the rest is
    still reported) or a --case or --status matches nothing.
    """
    from scrmap import coverage_formats

    selection = _selection(case, since, status, kind)
    record, notes, problems = _analyse(
        inputs,
        framework,
        threshold,
        similarity,
        selection,
        False,
        format is not CoverageFormat.table,
    )
    if format is CoverageFormat.table:
        from scrmap.coverage_view import coverage_view
        from scrmap.views import stdout_console

        stdout_console().print(coverage_view(record, by.value if by else None))
    else:
        renderer = {
            CoverageFormat.json: coverage_formats.to_json,
            CoverageFormat.csv: coverage_formats.to_csv,
            CoverageFormat.markdown: coverage_formats.to_markdown,
        }[format]
        sys.stdout.write(renderer(record))
    _finish(notes, problems)


class ReportFormat(StrEnum):
    """Formats of `scrmap report`; without --format, the output file's ending decides."""

    html = "html"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"


_REPORT_ENDINGS = {
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".md": ReportFormat.markdown,
    ".csv": ReportFormat.csv,
    ".xlsx": ReportFormat.xlsx,
}


def _render_report(record: dict[str, Any], format: ReportFormat) -> bytes:
    from datetime import date

    from scrmap import coverage_formats, map_formats

    if format is ReportFormat.html:
        from scrmap.report_html import render

        return render(record, date.today().isoformat()).encode()
    if format is ReportFormat.xlsx:
        from scrmap import report_xlsx

        return report_xlsx.render(record)
    if format is ReportFormat.csv:
        return map_formats.to_csv(record).encode()
    evidence = map_formats.to_markdown(record, "## Evidence for each mapping")
    return (coverage_formats.to_markdown(record) + "\n" + evidence).encode()


@app.command("report")
def report_command(
    inputs: InputsArgument,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write (atomically). Default: standard output."
        ),
    ] = None,
    format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="Default: from the output file's ending, else html."),
    ] = None,
    framework: FrameworkOption = None,
    case: CaseOption = None,
    since: SinceOption = None,
    status: StatusOption = None,
    kind: KindOption = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    similarity: SimilarityOption = DEFAULT_SIMILARITY,
) -> None:
    """Write the coverage report for Board papers: a self-contained HTML page (A4 print),
    or Markdown, CSV (every mapping with its evidence) or an Excel workbook.

    Exit 0 when everything was read, 2 when an input could not be read (the report is
    still written from the rest) or the output cannot be written.
    """
    from scrmap.output import write_atomic

    chosen = format or _REPORT_ENDINGS.get(output.suffix.lower() if output else "")
    chosen = chosen or ReportFormat.html
    if chosen is ReportFormat.xlsx and output is None:
        typer.echo("scrmap: an xlsx report needs --output FILE", err=True)
        raise typer.Exit(exitcodes.USAGE)
    selection = _selection(case, since, status, kind)
    record, notes, problems = _analyse(
        inputs, framework, threshold, similarity, selection, True, output is None
    )
    data = _render_report(record, chosen)
    if output is None:
        sys.stdout.write(data.decode())
    else:
        try:
            write_atomic(output, data)
        except ScrmapError as error:
            fail(error, exitcodes.USAGE)
        t = record["totals"]
        typer.echo(
            f"{output}: {chosen.value} report of {t['recommendations']} recommendations "
            f"from {t['cases']} cases",
            err=True,
        )
    _finish(notes, problems)


@app.command("check")
def check_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files (.yaml .md .txt .csv .docx), directories, '-' for standard input, "
            "or the text of a recommendation.",
            show_default=False,
        ),
    ] = None,
    framework: FrameworkOption = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="Configuration file. Default: the nearest .scrmap.yaml or [tool.scrmap] in "
            "pyproject.toml, else $SCRMAP_CONFIG, else the defaults.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format", "-f", help="Output format. Default: github under GitHub Actions, else text."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    threshold: Annotated[
        int | None,
        typer.Option(min=1, max=100, help="Score needed to map. Default: the config's, else 50."),
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="Print the rules' documentation and exit.")
    ] = False,
) -> None:
    """Check that recommendations map onto the framework and are SMART.

    Exit 0 when clean (warnings allowed), 1 when errors are found (or warnings, with
    --strict), 2 for a usage error, a bad configuration or unreadable input.
    """
    import os

    from scrmap import check_formats, checks
    from scrmap import config as cfg
    from scrmap.matcher import Matcher
    from scrmap.rules import rule_docs
    from scrmap.sources import load_arguments

    if list_rules:
        sys.stdout.write(rule_docs())
        return
    if not inputs:
        typer.echo("scrmap check: name the files or directories to check ('-' for stdin)", err=True)
        raise typer.Exit(exitcodes.USAGE)
    try:
        settings = cfg.load(cfg.discover(config, Path.cwd(), os.environ))
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)
    loaded_framework = load_framework(framework)
    loaded = load_arguments(inputs, _read_stdin, limits_from_env())
    matcher = Matcher(loaded_framework, threshold or settings.config.threshold or DEFAULT_THRESHOLD)
    findings = checks.run(loaded.recommendations, loaded.problems, matcher, settings.settings())
    checked = list(
        dict.fromkeys(
            [r.source.file for r in loaded.recommendations] + [p.path for p in loaded.problems]
        )
    )
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    chosen = format or (CheckFormat.github if on_github else CheckFormat.text)
    if chosen is CheckFormat.text:
        from scrmap.check_view import findings_view
        from scrmap.views import stdout_console

        stdout_console().print(findings_view(findings, checked))
    elif chosen is CheckFormat.junit:
        sys.stdout.write(check_formats.to_junit(findings, checked, strict))
    else:
        sys.stdout.write(check_formats.RENDERERS[chosen](findings, checked))
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if on_github and summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as handle:
                handle.write(check_formats.step_summary(findings, checked))
        except OSError as exc:  # the findings are out already; say why the summary is not
            typer.echo(f"{summary_path}: cannot write the step summary: {exc.strerror}", err=True)
    if loaded.problems:
        raise typer.Exit(exitcodes.USAGE)
    severities = {f.severity for f in findings}
    if checks.Severity.error in severities or (strict and checks.Severity.warning in severities):
        raise typer.Exit(exitcodes.PROBLEMS)
