"""Problems and the one error type per boundary (framework, input).

Every message a user sees has the form ``path:line:col: what is wrong`` so that
editors and CI annotate the right place. The core raises these errors; only the
CLI turns them into output and exit codes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

_PYDANTIC_WORDING = (
    (re.compile(r"^Value error, "), ""),
    (re.compile(r"^(?:String|List|Dictionary) should have at least 1 (?:character|item)\b.*$"),
     "must not be empty"),
    (re.compile(r"^Input should be a valid string\b"), "must be text"),
    (re.compile(r"^Input should be a valid list\b"), "must be a list"),
    (re.compile(r"^Input should be a valid dictionary( or instance of \w+)?"),
     "must be a mapping of keys"),
    (re.compile(r"^Input should be a valid integer\b"), "must be a whole number"),
    (re.compile(r"^Input should be greater than or equal to "), "must be at least "),
    (re.compile(r"^Input should be less than or equal to "), "must be at most "),
    (re.compile(r"^Input should be greater than "), "must be more than "),
    (re.compile(r"^Input should be less than "), "must be less than "),
    (re.compile(r"^Input should be "), "must be "),
    (re.compile(r"does not match the formats? '%Y-%m-%d'"), "is not a date written YYYY-MM-DD"),
    (re.compile(r" is not one of (.*)\.$"), r" is not one of the choices: \1."),
    (re.compile(r"^(.+) is not in the range (\S+)<=x<=(\S+)\.$"), r"must be \2 to \3, not \1."),
    (re.compile(r"^(.+) is not in the range x>=(\S+)\.$"), r"must be at least \2, not \1."),
    (re.compile(r"^(.+) is not in the range x<=(\S+)\.$"), r"must be at most \2, not \1."),
)  # fmt: skip
"""Pydantic words its messages for programmers ("Value error, ...", "Input should be
...", "String should have at least 1 character"), and Typer its option errors for
mathematicians ("0 is not in the range 1<=x<=100"). People read them as plain English."""


def plain_words(message: str) -> str:
    """A validation message in plain words."""
    for pattern, replacement in _PYDANTIC_WORDING:
        message = pattern.sub(replacement, message)
    return message


def location(path: str, line: int | None, col: int | None) -> str:
    """``path[:line[:col]]``, the form editors and CI jump to."""
    where = path
    if line is not None:
        where += f":{line}"
        if col is not None:
            where += f":{col}"
    return where


NO_SUCH_FILE = "no such file or directory"
"""The one wording, in every command, of a path that names nothing."""
A_DIRECTORY = "is a directory, not a file"
"""The one wording, in every command, of a directory where only a file is read (a gold
file, the framework, the configuration): it was that for the framework, "cannot read: Is a
directory" for a gold file and "cannot read configuration: ..." for the configuration."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    path: str
    """The file, as the user named it."""
    line: int | None
    """1-based line, or None when the problem concerns the whole file."""
    col: int | None
    """1-based column, or None when unknown."""
    message: str
    """What is wrong, and where it helps, how to fix it."""
    rule: str | None = field(default=None, compare=False)
    """The `check` rule that finds the same with the recommendation in hand (a due date
    that is not a date is `time-bound`'s), when the item was still read; `check` leaves the
    problem to that rule, so the rule's severity, ``--ignore`` and waivers hold for it."""

    def __str__(self) -> str:
        return f"{location(self.path, self.line, self.col)}: {self.message}"


def no_such_file(name: str, what: str = "file") -> str:
    """The one wording of a path that names nothing (`NO_SUCH_FILE`), or of ``-`` where
    only a file is read (a gold file, the framework, the configuration, ``what`` names it):
    "-: no such file or directory" did not say why standard input was not read."""
    if name != "-":
        return NO_SUCH_FILE
    return (
        "no such file: '-' is standard input only among the recommendations to read; name "
        f"the {what} (./- for one named '-')"
    )


def duplicate_id(rec_id: str, first: int | None) -> str:
    """The one wording of an id met before in a file (a table, a YAML recommendation file,
    a gold file), naming the line where it was first (``first``): "duplicate id '3'" at the
    second left the user to search for the first, and either may be the one to change."""
    where = f" (first at line {first})" if first is not None else ""
    return f"duplicate id {rec_id!r}{where}"


def link_to_nothing(path: Path) -> str | None:
    """What a missing ``path`` is when the name is there: a symbolic link to nothing, said
    as a recommendation file named on the command line says it; None when it is not."""
    try:
        return f"a symbolic link to {os.readlink(path)!r}, which does not exist"
    except OSError:
        return None


def unreadable(name: str, exc: OSError) -> Problem:
    """Why the file ``name`` cannot be read, worded the same by every reader: a missing
    file is "no such file or directory", a directory `A_DIRECTORY`, anything else "cannot
    read: <the reason>"."""
    if isinstance(exc, FileNotFoundError):
        return Problem(name, None, None, no_such_file(name))
    if isinstance(exc, IsADirectoryError):
        return Problem(name, None, None, A_DIRECTORY)
    return Problem(name, None, None, f"cannot read: {exc.strerror or exc}")


class ScrmapError(Exception):
    """Base for errors that carry one or more problems and never need a traceback."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.col or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class FrameworkError(ScrmapError):
    """The framework file is missing, unreadable or invalid."""


class UnreadableFrameworkError(FrameworkError):
    """The framework file cannot be read at all (missing, a directory, not text): a usage
    error (exit 2), where an invalid framework is a problem found (exit 1)."""


class InputError(ScrmapError):
    """A recommendation source is missing, unreadable or invalid."""


class OutputError(ScrmapError):
    """An output file could not be written."""


class ConfigError(ScrmapError):
    """The check configuration is unreadable or invalid."""
