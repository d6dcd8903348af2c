"""Recommendation sources: every input kind behind one loader signature, chosen by suffix.

Each kind is a module here with ``load(file: SourceFile) -> Found``; the registry below
names it with its file endings, and is the only place that knows the kinds: the help
text, the directory walk and the "looks like a path" test are all derived from it.
Loaders are imported when a file of their kind is met, so that `scrmap --help` does not
pay for Pydantic or python-docx. A broken file yields problems and no recommendations;
the other files are still read.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scrmap.errors import NO_SUCH_FILE, Problem, unreadable
from scrmap.limits import Limits
from scrmap.recommendation import Recommendation, Source
from scrmap.sources import _table
from scrmap.sources._base import Batch, Found, Loader, SourceFile, SourceKind, batches, decode

STDIN = "-"
"""The argument that means: read recommendations from standard input."""

KINDS = (
    SourceKind("yaml_file", (".yaml", ".yml"), (".yaml",)),
    SourceKind("text_file", (".md", ".markdown", ".txt", ".text"), (".md", ".txt")),
    SourceKind("csv_file", (".csv",), (".csv",), reads_text=False),
    SourceKind("word_file", (".docx",), (".docx",), reads_text=False),
    SourceKind("excel_file", (".xlsx",), (".xlsx",), reads_text=False),
)
"""Every input kind, in the order help text names them. A new kind is one module and one
line here."""

BY_SUFFIX = {suffix: kind for kind in KINDS for suffix in kind.suffixes}
KNOWN_SUFFIXES = frozenset(BY_SUFFIX)
SHOWN_SUFFIXES = " ".join(shown for kind in KINDS for shown in kind.shown)
"""'.yaml .md .txt .csv .docx', for help text and messages."""
TEXT = BY_SUFFIX[".txt"]
"""The kind of any other file named explicitly, and of standard input."""


def _loader(kind: SourceKind) -> Loader:
    loader: Loader = importlib.import_module(f"scrmap.sources.{kind.module}").load
    return loader


def _too_big(size: int, limits: Limits) -> str | None:
    if size <= limits.file_bytes:
        return None
    return (
        f"{size / 1_000_000:,.1f} MB is over the {limits.file_mb:g} MB limit on input files "
        "(SCRMAP_MAX_FILE_MB raises it)"
    )


def _open(
    path: Path, name: str | None, limits: Limits | None, sheet: str | None
) -> tuple[SourceKind, SourceFile | Problem]:
    """The kind of ``path`` and the file as its loader receives it, or why it cannot be."""
    name = name or str(path)
    limits = limits or Limits()
    kind = BY_SUFFIX.get(path.suffix.lower(), TEXT)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return kind, unreadable(name, exc)
    refused = _too_big(size, limits)
    if refused:
        return kind, Problem(name, None, None, refused)
    if not kind.reads_text:
        return kind, SourceFile(path, name, limits, path.stem, "", sheet)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return kind, unreadable(name, exc)
    if b"\x00" in data[:8192]:
        return kind, Problem(name, None, None, "binary file, not text")
    return kind, SourceFile(path, name, limits, path.stem, decode(data), sheet)


def load_file(
    path: Path, name: str | None = None, limits: Limits | None = None, sheet: str | None = None
) -> Found:
    """Read one file of any known kind (any other ending is read as text)."""
    kind, opened = _open(path, name, limits, sheet)
    if isinstance(opened, Problem):
        return [], [opened]
    return _loader(kind)(opened)


def explain_columns(path: Path, sheet: str | None = None) -> list[tuple[str, str]] | list[Problem]:
    """Each column of a spreadsheet (CSV, .xlsx) and the field it became, in order; or the
    problems that stop it being read. Kinds that are not tables say so."""
    kind, opened = _open(path, None, None, sheet)
    if isinstance(opened, Problem):
        return [opened]
    module = importlib.import_module(f"scrmap.sources.{kind.module}")
    if not hasattr(module, "columns"):
        return [Problem(opened.name, None, None, "not a spreadsheet: it has no columns")]
    found = module.columns(opened)
    return found.explained() if isinstance(found, _table.Columns) else found


def _walk(directory: Path) -> Iterable[Path]:
    """Files of known kinds below ``directory``, sorted, hidden ones skipped, links not
    followed into directories (so a symlink loop cannot trap us)."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root) / file
            if not file.startswith((".", "~$")) and path.suffix.lower() in KNOWN_SUFFIXES:
                yield path


def _looks_like_path(arg: str) -> bool:
    """Whether an argument that names nothing was meant as a path: one word (a mistyped
    folder or file name, never a recommendation), or a known file ending on one line. Only
    text with spaces is read as a recommendation."""
    return len(arg.split()) == 1 or ("\n" not in arg and Path(arg).suffix.lower() in KNOWN_SUFFIXES)


@dataclass
class Inputs:
    """Everything read from the arguments: recommendations and problems, in argument order."""

    parts: list[Sequence[Recommendation]] = field(default_factory=list)
    """Each file's recommendations: a CSV file's are read from it when they are wanted."""
    count: int = 0
    """Recommendations in all."""
    problems: list[Problem] = field(default_factory=list)
    read: list[str] = field(default_factory=list)
    """The files found and opened, as named, in order: what a check has looked at (a path
    that does not exist is a problem, not a file checked)."""
    texts: int = 0
    """Arguments read as the text of a recommendation, numbered text-1, text-2, ..."""

    @cached_property
    def recommendations(self) -> list[Recommendation]:
        """Every recommendation, in memory: for the commands that analyse them together."""
        return [rec for part in self.parts for rec in part]

    def batches(self, size: int) -> Iterator[Batch]:
        """Every recommendation in batches of at most ``size``, read as they are wanted."""
        for part in self.parts:
            yield from batches(part, size)

    def add(self, recs: Sequence[Recommendation]) -> None:
        """Take in one file's recommendations."""
        self.parts.append(recs)
        self.count += len(recs)


def _read_stdin(read_stdin: Callable[[], str], limits: Limits) -> Found:
    text = read_stdin()
    refused = _too_big(len(text.encode()), limits)
    if refused:
        return [], [Problem("<stdin>", None, None, refused)]
    return _loader(TEXT)(SourceFile(Path(STDIN), "<stdin>", limits, None, text))


def _read_directory(arg: str, inputs: Inputs, limits: Limits, sheet: str | None) -> list[Found]:
    found = []
    for file in _walk(Path(arg)):
        inputs.read.append(str(file))
        found.append(load_file(file, None, limits, sheet))
    if not found:
        message = f"directory holds no recommendation files ({SHOWN_SUFFIXES})"
        found.append(([], [Problem(arg, None, None, message)]))
    return found


def _read_argument(
    arg: str, inputs: Inputs, read_stdin: Callable[[], str], limits: Limits, sheet: str | None
) -> list[Found]:
    """One argument, file by file: '-' is stdin, a directory is walked, a file is loaded
    by its kind, a single word that names nothing is a missing path, and anything else
    that does not look like a path is the text of a recommendation."""
    path = Path(arg)
    if arg == STDIN:
        inputs.read.append("<stdin>")
        return [_read_stdin(read_stdin, limits)]
    if path.is_dir():
        return _read_directory(arg, inputs, limits, sheet)
    if path.exists():
        inputs.read.append(arg)
        return [load_file(path, arg, limits, sheet)]
    if _looks_like_path(arg):
        return [([], [Problem(arg, None, None, NO_SUCH_FILE)])]
    inputs.texts += 1
    rec = Recommendation(f"text-{inputs.texts}", " ".join(arg.split()), Source("<argument>", None))
    return [([rec], [])]


def load_arguments(
    args: Iterable[str],
    read_stdin: Callable[[], str],
    limits: Limits | None = None,
    sheet: str | None = None,
) -> Inputs:
    """Read every argument in order (``sheet``: the worksheet of each workbook, else its
    first). Past ``limits.recommendations`` the rest is refused, with one problem saying
    so."""
    limits = limits or Limits()
    inputs = Inputs()
    for arg in args:
        found = _read_argument(arg, inputs, read_stdin, limits, sheet)
        problems = [problem for _, issues in found for problem in issues]
        room = limits.recommendations - inputs.count
        if sum(len(recs) for recs, _ in found) > room:
            for recs, _ in found:
                inputs.add(recs[: max(room, 0)])
                if len(recs) > room:
                    first = recs[max(room, 0)]
                    problems.append(
                        Problem(
                            first.source.file,
                            first.source.line,
                            None,
                            f"more than {limits.recommendations:,} recommendations in all; "
                            "this one and those after it are not read "
                            "(SCRMAP_MAX_RECOMMENDATIONS raises the limit)",
                        )
                    )
                    break
                room -= len(recs)
            inputs.problems += problems
            break
        for recs, _ in found:
            inputs.add(recs)
        inputs.problems += problems
    return inputs


__all__ = [
    "KNOWN_SUFFIXES",
    "STDIN",
    "Batch",
    "Found",
    "Inputs",
    "batches",
    "decode",
    "load_arguments",
    "load_file",
]
