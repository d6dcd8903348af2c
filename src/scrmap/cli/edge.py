"""Where the core meets the terminal: problems to stderr, errors to exit codes, the
progress bar around a mapping, and standard output for the renderers."""

from __future__ import annotations

import errno
import os
import shutil
import sys
import textwrap
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

import typer

from scrmap import exitcodes
from scrmap.display import terminal
from scrmap.errors import ScrmapError

if TYPE_CHECKING:
    from scrmap.coverage import Selected, Selection
    from scrmap.errors import Problem
    from scrmap.findings import Severity
    from scrmap.framework import Framework
    from scrmap.matcher import Matcher
    from scrmap.pipeline import Advance, Analysis, Settings
    from scrmap.records import CheckResult
    from scrmap.sources import Inputs


def say(message: str) -> None:
    """One line on stderr, whatever the message holds: line breaks and control characters
    from file names, keys and ids are escaped, so no text of theirs starts a line (GitHub
    Actions runs a line starting `::error` as a command) or acts on the terminal."""
    typer.echo(terminal(message), err=True)


def fail(error: ScrmapError, code: int, prefix: str = "") -> NoReturn:
    """Print each problem on its own line to stderr (after ``prefix``: 'scrmap: ' when
    the problem is with the command line, not a file) and exit with ``code``."""
    for problem in error.problems:
        say(f"{prefix}{problem}")
    raise typer.Exit(code)


def framework(
    path: Path | None, learned: bool = True, chosen: Settings | None = None
) -> tuple[Framework, Path]:
    """The framework in use (without its learned weights, not even read, when ``learned`` is
    false, as --no-learned asks) and its path; a broken one stops the command with exit 2,
    saying where it came from when the command line did not name it. Beside the
    configuration of ``chosen`` (None: the configuration found, for the commands that read
    none) when the working directory has no framework.yaml."""
    from scrmap import pipeline

    config = chosen.path if chosen is not None else configuration_file(path)
    try:
        loaded, where = pipeline.load_framework(path, os.environ, learned, config=config)
    except ScrmapError as error:
        fail_framework(error, exitcodes.USAGE, path, config)
    warn_changed_since_learned(loaded, where)
    return loaded, where


def warn_changed_since_learned(loaded: Framework, path: Path) -> None:
    """One warning when the framework at ``path`` has changed since its learned weights were
    learned (a standard split, added or reworded): they still map, as they always did, but
    a new standard is scored by its cues alone beside learned scores, and a changed one by
    weights fitted to other evidence, and nothing else in the output says so."""
    from scrmap.learned import changes, changes_in_words

    found = changes(loaded)
    if not found:
        return
    from scrmap.records import framework_ref

    ref = framework_ref(loaded, path)["learned"]
    weights = ref["path"] if ref is not None else str(path)
    say(
        f"scrmap: warning: {weights}: learned before {path} changed "
        f"({changes_in_words(found)}); learn the weights again (scrmap framework learn "
        "GOLD...), or give --no-learned"
    )


def configuration_file(framework: Path | None) -> Path | None:
    """The configuration file that would be in use, for the commands that take no --config
    (`framework show`, `validate`, `learn`, `suggest-cues`): found, not read; and looked for
    only when no ``framework`` is named, as only then is the framework looked for beside it
    (a walk up to the root that reads every pyproject.toml on the way, and `framework show
    --framework X` works in a working directory removed since the shell entered it)."""
    if framework is not None:
        return None
    from scrmap.config_files import discover

    return discover(None, Path.cwd(), os.environ)


def fail_framework(
    error: ScrmapError, code: int, path: Path | None, config: Path | None = None
) -> NoReturn:
    """`fail` for a framework that cannot be used, ``path`` as the options gave it: when it
    came from $SCRMAP_FRAMEWORK or is the working directory's framework.yaml, or the one
    beside the configuration ``config``, a note says so. None is on the command line, and
    "nope.yaml: no such file or directory" from a variable set long ago named a file the
    user never gave."""
    from scrmap.errors import FrameworkError

    for problem in error.problems:
        say(str(problem))
    origin = _framework_origin(path, config) if isinstance(error, FrameworkError) else None
    if origin is not None:  # not for a bad SCRMAP_MAX_*, which is no fault of the file
        say(f"scrmap: note: {origin}")
    raise typer.Exit(code)


def _framework_origin(path: Path | None, config: Path | None = None) -> str | None:
    """Where the framework at ``path`` (None: found by default, perhaps beside ``config``)
    came from, in words, when the command line did not name it; None when it did, or it is
    the bundled one."""
    from scrmap.cli import options
    from scrmap.defaults import FRAMEWORK_ENV_VAR
    from scrmap.framework import LOCAL_NAME, beside_config

    if path is not None and options.framework_from_environment:
        return (
            f"the framework file is the one ${FRAMEWORK_ENV_VAR} names ({path}); fix it, "
            f"give --framework FILE, or unset {FRAMEWORK_ENV_VAR}"
        )
    if path is None and (Path.cwd() / LOCAL_NAME).is_file():
        return (
            f"the framework file is the {LOCAL_NAME} in the working directory; fix it, or "
            "give --framework FILE"
        )
    beside = beside_config(config) if path is None else None
    if beside is not None:
        return (
            f"the framework file is the {LOCAL_NAME} beside the configuration in use "
            f"({config}); fix it, or give --framework FILE"
        )
    return None


def settings(path: Path | None, threshold: int | None) -> Settings:
    """The configuration (--config, else discovered) and the threshold in force; a bad
    configuration exits 2."""
    from scrmap import pipeline

    try:
        return pipeline.settings(path, threshold, Path.cwd(), os.environ)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)


def write(path: Path, data: bytes) -> None:
    """Write an output file atomically; if it cannot be written, say so and exit 2."""
    from scrmap.output import write_atomic

    try:
        write_atomic(path, data)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)


def refuse_overwrite(
    output: Path | None, inputs: Iterable[str | Path], what: str = "an input"
) -> None:
    """Exit 2, before anything is written, when the file the user named for the output is
    one of the inputs (``what`` they are, in the message): every command that writes a
    named file asks this first."""
    from scrmap.output import refuse_input

    if output is None:
        return
    try:
        refuse_input(output, inputs, what)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE, "scrmap: ")


def refuse_no_folder(output: Path | None) -> None:
    """Exit 2, before any work, when the output's folder does not exist."""
    from scrmap.output import refuse_no_folder as refused

    if output is None:
        return
    try:
        refused(output)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE, "scrmap: ")


def refuse_read_only(output: Path) -> None:
    """Exit 2, before any work, when the output is a read-only file: for an output scrmap
    chose itself (`framework learn`'s weights beside the framework); an -o is refused as
    it is parsed (`options.output_value`)."""
    from scrmap.output import refuse_read_only as refused

    try:
        refused(output)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE, "scrmap: ")


def refuse_own_files(output: Path | None, framework_path: Path, chosen: Settings) -> None:
    """Exit 2, before anything is written, when the output's folder does not exist, or the
    output is a file scrmap reads besides the inputs: the framework, its learned weights
    (even under --no-learned: every other run reads them) or the configuration in use.
    Written over, each breaks every command after, and the framework's own name ends in
    .yaml as a report's may."""
    from scrmap.learned import sidecar

    refuse_no_folder(output)
    refuse_overwrite(output, [framework_path], "the framework in use")
    refuse_overwrite(output, [sidecar(framework_path)], "the framework's learned weights")
    if chosen.path is not None:
        refuse_overwrite(output, [chosen.path], "the configuration in use")


def stdout_file() -> tuple[int, int] | None:
    """The regular file standard output is redirected to (`> recs/labelled.yaml`), by device
    and inode, or None (a terminal, a pipe, or no file descriptor under a test runner)."""
    import stat

    try:
        status = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def read_stdin() -> BinaryIO:
    """Standard input as bytes, opened when an argument is '-' (the core decodes it)."""
    if sys.stdin is None:  # closed by the shell (<&-): a problem with '-', not a crash
        raise OSError(errno.EBADF, "standard input is closed")
    return sys.stdin.buffer


def inputs(
    args: Iterable[str],
    sheet: str | None = None,
    output: Path | None = None,
    recognised: bool = False,
) -> Inputs:
    """Every argument's recommendations and problems; a bad SCRMAP_MAX_* exits 2, and so
    does an empty argument, which is a path to the working directory to the operating
    system but almost always a shell variable that expanded to nothing, and an
    ``output`` file that is one of the files read. scrmap's own files skipped in a folder
    are a note each. An ``output`` inside a folder read is a note too, unless it is
    ``recognised``: a report, which a folder scan skips as scrmap's own."""
    from scrmap import pipeline
    from scrmap.sources import read_back

    args = list(args)
    if any(not arg.strip() for arg in args):
        typer.echo(
            "scrmap: an argument is empty; name a file, a directory, '-' or a recommendation's "
            "text ('.' for the working directory)",
            err=True,
        )
        raise typer.Exit(exitcodes.USAGE)
    try:
        loaded = pipeline.read_inputs(args, read_stdin, os.environ, sheet, stdout_file())
    except ScrmapError as error:
        fail(error, exitcodes.USAGE)
    # Standard input redirected from a file (`- < draft.md`) is that file: /dev/stdin names it.
    refuse_overwrite(output, ["/dev/stdin" if n == "<stdin>" else n for n in loaded.read])
    for skipped in loaded.skipped:
        say(f"scrmap: note: {skipped}")
    folder = None if output is None or recognised else read_back(output, args)
    if folder is not None:
        say(
            f"scrmap: note: {output} is inside {folder}, which was read: the next run over "
            f"{folder} will read it as recommendations; write it elsewhere"
        )
    return loaded


@contextmanager
def progress(total: int, machine: bool) -> Iterator[Advance]:
    """A progress bar for mapping ``total`` recommendations, shown only to a person watching
    (``machine``: a machine format is going to stdout); yields its advance callback."""
    from scrmap.cli import progress as bar

    with bar.Bar(total, "Mapping", bar.wanted(machine)) as shown:
        yield shown.advance


def finish(notes: Iterable[str], problems: Iterable[object], summary: str | None = None) -> None:
    """After the output: notes and input problems on stderr, then the ``summary`` line;
    exit 2 if there were problems."""
    for note in notes:
        say(f"scrmap: note: {note}")
    found = False
    for problem in problems:
        found = True
        say(str(problem))
    if summary is not None:
        say(summary)
    if found:
        raise typer.Exit(exitcodes.USAGE)


def analyse(
    args: list[str],
    framework_path: Path | None,
    chosen: Selection,
    chosen_settings: Settings,
    similarity: int,
    machine: bool,
    sheet: str | None,
    as_of: date,
    learned: bool = True,
    output: Path | None = None,
) -> tuple[Analysis, Selected, list[Problem]]:
    """Load, select, map and analyse for `coverage` and `report` at the settings' threshold,
    and the action plan at ``as_of`` in their status words; also what was selected (its
    notes go out after the report) and the input problems. A --case or --status that
    matches nothing exits 2 at once, and so does an ``output`` file that is one of the
    inputs, the framework, its learned weights or the configuration. ``machine``: see
    `progress`."""
    from scrmap import pipeline
    from scrmap.actionplan import status_problems
    from scrmap.coverage import select

    vocabulary = chosen_settings.configuration.vocabulary()
    loaded_framework, path = framework(framework_path, learned, chosen_settings)
    refuse_own_files(output, path, chosen_settings)
    loaded = inputs(args, sheet, output, recognised=True)
    if not loaded.recommendations:
        finish((), [*loaded.problems, "scrmap: no recommendations were read; nothing to report"])
    loaded.problems += status_problems(loaded.recommendations, vocabulary)
    selected = select(loaded.recommendations, chosen, vocabulary)
    if selected.unmatched:
        for message in selected.unmatched:
            say(f"scrmap: {message}")
        raise typer.Exit(exitcodes.USAGE)
    recs = selected.recommendations
    with progress(len(recs), machine) as advance:
        analysis = pipeline.analyse(
            loaded_framework,
            path,
            recs,
            chosen_settings.threshold,
            similarity,
            advance,
            selected.selection,
            as_of,
            vocabulary,
            loaded.problem_files(),
            selected.twice,
        )
    return analysis, selected, loaded.problems


def column_line(header: str, became: str, width: int | None) -> str:
    """What a column became, as `--explain-columns` says it: on a terminal ``width``
    columns wide wrapped at its spaces, each further line indented under the header, since
    the reasons a column was passed over run past 100 characters and the terminal broke
    them inside words; else on one line, as scripts read it."""
    line = f"  {header!r} is {became}"
    if width is None:
        return line
    return textwrap.fill(
        line,
        max(width - 1, 40),
        subsequent_indent="      ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def explain_columns(args: Iterable[str], sheet: str | None) -> None:
    """Each spreadsheet's columns and what each became; a file that cannot be read, or
    is not a spreadsheet, is a problem (exit 2)."""
    from scrmap.sources import explain_columns as explain
    from scrmap.sources._table import FIELD_WORDS

    problems: list[Problem] = []
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for arg in args:
        found = explain(Path(arg), sheet)
        if found and isinstance(found[0], tuple):
            typer.echo(terminal(f"{arg}:"))
            for header, field in found:
                typer.echo(column_line(header, FIELD_WORDS.get(field, field), width))
        else:
            problems += [p for p in found if not isinstance(p, tuple)]
    finish((), problems)


def checked(
    loaded: Inputs,
    matcher: Matcher,
    rules: dict[str, tuple[Severity, object]],
    strict: bool,
    select: list[str],
    ignore: list[str],
) -> CheckResult:
    """Run the check; an unknown rule id in --select or --ignore exits 2."""
    from scrmap import pipeline

    try:
        return pipeline.check(loaded, matcher, rules, strict, select, ignore)
    except ScrmapError as error:
        fail(error, exitcodes.USAGE, "scrmap: ")


def step_summary(path: str, result: CheckResult) -> None:
    """Append the findings table to GitHub's step summary; if that fails, say so on stderr
    (the findings are out already)."""
    from scrmap.formats.check import step_summary as summary
    from scrmap.output import append_text

    try:
        append_text(path, summary(result), "the step summary")
    except ScrmapError as error:
        for problem in error.problems:
            say(str(problem))
