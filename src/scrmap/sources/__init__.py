"""Recommendation sources: every input kind behind one loader signature, chosen by suffix.

Each kind is a module here with ``load(file: SourceFile) -> Found``; the registry below
names it with its file endings, and is the only place that knows the kinds: the help
text, the directory walk and the "looks like a path" test are all derived from it.
Loaders are imported when a file of their kind is met, so that `scrmap --help` does not
pay for Pydantic or python-docx. A broken file yields problems and no recommendations;
the other files are still read.
"""

from __future__ import annotations

import dataclasses
import errno
import importlib
import os
import re
import shlex
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

from scrmap.errors import NO_SUCH_FILE, Problem, link_to_nothing, unreadable
from scrmap.limits import YAML_ENDINGS, Limits, marked, read_bounded, read_file
from scrmap.recommendation import Recommendation, Source
from scrmap.sources import _table, own_files
from scrmap.sources._base import (
    Batch,
    Found,
    Loader,
    SourceFile,
    SourceKind,
    batches,
    decode,
    not_text,
)
from scrmap.sources.own_files import OwnFile, recognise
from scrmap.text import join_words, one_line

STDIN = "-"
"""The argument that means: read recommendations from standard input."""

KINDS = (
    SourceKind("yaml_file", YAML_ENDINGS, (".yaml",)),
    SourceKind("text_file", (".md", ".markdown", ".txt", ".text"), (".md", ".txt")),
    # A .tsv file is a table too: the reader sniffs a tab as readily as a comma.
    SourceKind("csv_file", (".csv", ".tsv"), (".csv",), reads_text=False),
    SourceKind("word_file", (".docx",), (".docx",), reads_text=False),
    SourceKind("excel_file", (".xlsx",), (".xlsx",), reads_text=False),
    # The published review, read when named; in a folder it is noted (`Unread`).
    SourceKind("pdf_file", (".pdf",), (".pdf",), reads_text=False, in_folders=False),
)
"""Every input kind, in the order help text names them. A new kind is one module and one
line here."""

BY_SUFFIX = {suffix: kind for kind in KINDS for suffix in kind.suffixes}
KNOWN_SUFFIXES = frozenset(BY_SUFFIX)
_SHOWN = [shown for kind in KINDS for shown in kind.shown]
SHOWN_SUFFIXES = " ".join(_SHOWN)
"""'.yaml .md .txt .csv .docx .xlsx .pdf', for help text."""
_EDITED = [shown for kind in KINDS if kind.in_folders for shown in kind.shown]
FOLDER_SUFFIXES = frozenset(s for kind in KINDS if kind.in_folders for s in kind.suffixes)
"""The endings of the files read in a folder: all but a published review's (a PDF)."""
TEXT = BY_SUFFIX[".txt"]
"""The kind of a file named explicitly with no ending (or one of digits), and of standard
input."""
TABLE = BY_SUFFIX[".csv"]
"""The kind that reads delimited tables, comma- or tab-separated."""


_WORD_PROCESSED = {".doc", ".docm", ".dotx", ".rtf", ".odt", ".pages"}
DOCUMENTS = frozenset(_WORD_PROCESSED | {".xls", ".xlsm", ".ods", ".numbers"})
"""Endings of documents that hold recommendations in a form scrmap does not read: met in a
folder, each is noted, as the published review kept beside the recommendations taken from
it often is, so that a report never leaves one out without saying so. Other files in a
folder (images, notes without an ending) are passed over."""

_SAVE_AS = f"save it as {', '.join(_EDITED[:-1])} or {_EDITED[-1]}"
"""The kinds scrmap reads and a document is saved as to be mapped, as advice: 'save it as
.yaml, .md, ... or .xlsx' (not as PDF, whose tables scrmap cannot read)."""

_ENDING = re.compile(r"\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,6}")
"""A file ending: a dot, then up to six letters and digits, at least one a letter."""


def _other_kind(path: Path) -> str | None:
    """Why a file named explicitly is not read, if its ending names a kind scrmap does not
    read (``draft.rtf``, ``.pdf``, ``.xls``): read as text, it gave items of markup or
    binary noise without a word. A name with no ending, or one of digits (``minutes.2024``,
    ``Child K v2.1``), is no kind: it is read as text."""
    suffix = path.suffix.lower()
    # "Mr. Smith review" and "Child K v2.1 final" have a suffix to pathlib, not an ending.
    if suffix in KNOWN_SUFFIXES or not _ENDING.fullmatch(suffix):
        return None
    return f"not a kind scrmap reads: {suffix}; {_SAVE_AS}"


def _loader(kind: SourceKind) -> Loader:
    loader: Loader = importlib.import_module(f"scrmap.sources.{kind.module}").load
    return loader


def _too_big(size: int | None, limits: Limits) -> str:
    amount = f"{size / 1_000_000:,.1f} MB is" if size is not None else "more than"
    return (
        f"{amount} over the {limits.file_mb:g} MB limit on input files "
        "(SCRMAP_MAX_FILE_MB raises it)"
    )


def display_name(path: str) -> str:
    """A file name fit for every output: bytes that are not UTF-8 (which Python keeps as
    lone surrogates, and no encoder accepts) shown as ``\\xNN``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


Opened = tuple[SourceKind, SourceFile | Problem, list[Problem]]
"""A file's kind, the file as its loader receives it (or why it cannot be), and warnings
about how it was read."""


def _with_text(kind: SourceKind, file: SourceFile, data: bytes) -> Opened:
    if b"\x00" in data[:8192] and marked(data) is None:
        piped = file.path == Path(STDIN)
        return kind, Problem(file.name, None, None, not_text(data[:8192], piped)), []
    text, warnings = decode(data, file.name)
    return kind, dataclasses.replace(file, text=text), warnings


def _unicode_text_table(data: bytes) -> bool:
    """Whether ``data`` is a table saved as Excel's "Unicode Text" (a .txt file): UTF-16
    with its byte-order mark, and a line of tab-separated headers with a column of
    recommendation text among its first ten, as a CSV file's header is looked for past the
    title rows a plan has above it. Read as text, its rows would run together as one
    paragraph, and the owners, due dates and statuses in its columns be lost."""
    encoding = marked(data)
    if encoding is None:
        return False
    # A multiple of four bytes, so that no character is cut in two.
    top = data[:8192].decode(encoding, errors="replace").split("\n")[:_TITLE_LINES]
    return any(
        "\t" in line and "text" in _table.recognise(line.rstrip("\r").split("\t")).fields
        for line in top
    )


_TITLE_LINES = 10
"""How far down a "Unicode Text" table's header is looked for, as in a CSV file."""


def _open(path: Path, name: str | None, limits: Limits | None, sheet: str | None) -> Opened:
    """The kind of ``path`` and the file as its loader receives it, or why it cannot be.

    The size limit holds for the bytes as they are read, so that a FIFO or a device
    named on the command line cannot fill memory; a binary kind must be a regular file.
    """
    name = display_name(name or str(path))
    limits = limits or Limits()
    kind = BY_SUFFIX.get(path.suffix.lower(), TEXT)
    file = SourceFile(path, name, limits, display_name(path.stem), "", sheet)
    other = _other_kind(path)
    if other:
        return kind, Problem(name, None, None, other), []
    try:
        status = path.stat()
        regular = stat.S_ISREG(status.st_mode)
        if regular and status.st_size > limits.file_bytes:
            return kind, Problem(name, None, None, _too_big(status.st_size, limits)), []
        if not kind.reads_text:
            if not regular:
                return kind, Problem(name, None, None, "not a regular file"), []
            return kind, file, []
        data = read_file(path, limits.file_bytes)
    except OSError as exc:
        return kind, unreadable(name, exc), []
    if data is None:
        return kind, Problem(name, None, None, _too_big(None, limits)), []
    if kind is TEXT and regular and _unicode_text_table(data):
        return TABLE, file, []  # read again by the table's loader, as a CSV file is
    return _with_text(kind, file, data)


def _load(opened: Opened) -> Found:
    kind, file, warnings = opened
    if isinstance(file, Problem):
        return [], [file]
    recs, problems = _loader(kind)(file)
    return recs, warnings + problems


def load_file(
    path: Path, name: str | None = None, limits: Limits | None = None, sheet: str | None = None
) -> Found:
    """Read one file of any known kind (any other ending is read as text)."""
    return _load(_open(path, name, limits, sheet))


def explain_columns(path: Path, sheet: str | None = None) -> list[tuple[str, str]] | list[Problem]:
    """Each column of a spreadsheet (CSV, .xlsx) and the field it became, in order; or the
    problems that stop it being read. Kinds that are not tables say so."""
    kind, opened, _ = _open(path, None, None, sheet)
    if isinstance(opened, Problem):
        return [opened]
    module = importlib.import_module(f"scrmap.sources.{kind.module}")
    if not hasattr(module, "columns"):
        return [Problem(opened.name, None, None, "not a spreadsheet: it has no columns")]
    found = module.columns(opened)
    return found.explained() if isinstance(found, _table.Columns) else found


def _inside(path: Path, root: str) -> bool:
    # realpath never raises: a link loop resolves to itself, and load_file reports it.
    target = os.path.realpath(path)
    return os.path.commonpath([target, root]) == root


@dataclass(frozen=True)
class Unread:
    """A document in a scanned folder of a kind scrmap does not read (``DOCUMENTS``), or
    reads only when it is named (a PDF: `SourceKind.in_folders`)."""

    path: Path

    def note(self) -> str:
        """What is said of it: left out, and how to have it read."""
        suffix = self.path.suffix.lower()
        name = display_name(str(self.path))
        if suffix in KNOWN_SUFFIXES:
            return (
                f"skipped {name}: a PDF in a folder is not read, so that a published review "
                "kept beside its recommendations is not counted twice; to read it, name it "
                f"as an input too: {shlex.quote(name)}"
            )
        return f"skipped {name}: {suffix} is not a kind scrmap reads; to map it, {_SAVE_AS}"


def _walk(directory: Path) -> Iterable[Path | Problem | Unread]:
    """Files of known kinds below ``directory``, sorted, hidden ones skipped, and the
    documents of kinds not read (``Unread``), to be noted.

    Only regular files are taken: a FIFO would block and a device never end. A symbolic
    link is followed only when it leads inside ``directory`` (a link to ``/etc/passwd`` in
    a shared folder must not be read into a report); a link leading out is a problem
    naming it. Links to directories are never followed, so a loop cannot trap us.
    """
    root = os.path.realpath(directory)
    for top, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(top) / file
            if file.startswith((".", "~$")):
                continue
            if path.suffix.lower() not in FOLDER_SUFFIXES:
                # A document not read here, a link too (noting it reads nothing): noted.
                if path.suffix.lower() in DOCUMENTS | KNOWN_SUFFIXES:
                    yield Unread(path)
                continue
            if path.is_symlink():
                if not _inside(path, root):
                    message = "symbolic link to outside the folder, not followed"
                    yield Problem(display_name(str(path)), None, None, message)
                elif not path.exists():  # a loop, or a link to nothing: said as when named
                    yield _broken_link(path, display_name(str(path)))
                elif path.is_file():
                    yield path
            elif stat.S_ISREG(path.lstat().st_mode):
                yield path


def _broken_link(path: Path, name: str) -> Problem:
    """Why a symbolic link named on the command line cannot be read: it was reported as
    "no such file or directory", though the name is there, in a loop of links or pointing
    at nothing."""
    try:
        path.stat()
    except FileNotFoundError:
        return Problem(name, None, None, link_to_nothing(path) or NO_SUCH_FILE)
    except OSError as exc:
        return unreadable(name, exc)
    return Problem(name, None, None, NO_SUCH_FILE)  # gone in between


def _identity(path: Path) -> tuple[int, int] | str:
    """What makes two paths the same file: its device and inode, so that another spelling
    (`recs`, `./recs/`, an absolute name), a link or a hard link is caught; a path that
    cannot be looked at (a dangling link) by its resolved name."""
    try:
        status = path.stat()
    except OSError:
        return os.path.realpath(path)
    return status.st_dev, status.st_ino


def once(paths: Iterable[Path]) -> list[Path]:
    """``paths`` in order, less any that names a file named before: a gold file given
    twice would count its items twice, as an input file would (`Inputs.first_time`)."""
    met = Inputs()
    return [path for path in paths if met.first_time(path)]


def read_back(output: Path, args: Iterable[str]) -> str | None:
    """The folder among ``args`` that would read ``output`` as recommendations next time
    (a report saved as ``recs/report.md`` becomes a case of ``recs``), or None."""
    name = output.name
    if name.startswith((".", "~$")) or output.suffix.lower() not in FOLDER_SUFFIXES:
        return None
    where = os.path.realpath(output.parent)
    for arg in args:
        if os.path.isdir(arg) and _inside(Path(where) / name, os.path.realpath(arg)):
            return arg
    return None


def _looks_like_path(arg: str) -> bool:
    """Whether an argument that names nothing was meant as a path: one word (a mistyped
    folder or file name, never a recommendation), a known file ending on one line, or a
    line written as a path ("./Serious Case Reviews/", "SCR Reviews/2024": see
    `_written_as_path`). Any other text with spaces is read as a recommendation."""
    if len(arg.split()) == 1:
        return True
    return "\n" not in arg and (
        Path(arg).suffix.lower() in KNOWN_SUFFIXES or _written_as_path(arg.strip())
    )


_PATH_STARTS = ("./", "../", "/", "~/", ".\\", "..\\", "~\\")
_PATH_WORDS = 3
"""At most this many words around a path separator make a path, not a sentence: a
recommendation is a sentence, and one with "and/or" or "24/7" in it has more words."""


def _written_as_path(line: str) -> bool:
    """A line only a path looks like: it starts as a relative or absolute path does, ends
    with a separator, or is a few words joined by one ("SCR Reviews/2024"). Mapped as a
    recommendation, a mistyped folder with a space in its name passed CI on nothing."""
    if not ("/" in line or "\\" in line):
        return False
    return (
        line.startswith(_PATH_STARTS)
        or line.endswith(("/", "\\"))
        or len(line.split()) <= _PATH_WORDS
    )


@dataclass(frozen=True, slots=True)
class ProblemFile:
    """A file (or argument) that gave problems, and how much of it was read all the same:
    what a report must say it lacks, so that nobody takes it for the whole library."""

    name: str
    """The file as the user named it."""
    problems: tuple[Problem, ...]
    recommendations: int
    """Recommendations read from it despite the problems (a due date that is not a date
    leaves its item read); 0 when it was left out."""

    @property
    def left_out(self) -> bool:
        """None of its recommendations is in what was read."""
        return self.recommendations == 0


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
    files: set[tuple[int, int] | str] = field(default_factory=set)
    """Every file met so far, by `_identity`: `first_time` reads each once."""
    noted: dict[tuple[int, int] | str, str] = field(default_factory=dict)
    """Files met in a folder and not read (scrmap's own, documents of kinds not read, the
    file standard output goes to), by `_identity`, each with its note (`skipped`): a
    folder named twice notes each once."""
    stdout: tuple[int, int] | None = None
    """The regular file standard output is redirected to, by `_identity`, if any: the
    shell creates it (empty) before scrmap runs, so `scrmap map recs -f gold >
    recs/labelled.yaml` met it in the folder it reads, as an empty input that failed the
    run; it is this run's output, not an input."""

    @property
    def skipped(self) -> list[str]:
        """The notes of the files left out (`noted`), in the order they were met: what was
        left out, though nothing is wrong."""
        return list(self.noted.values())

    @property
    def unruled_problems(self) -> list[Problem]:
        """The problems `check` reports as input findings (and exits 2 for): those a check
        rule finds with the item in hand (`Problem.rule`) are left to that rule, which says
        them once, at its own severity."""
        return [p for p in self.problems if p.rule is None]

    def problem_files(self) -> list[ProblemFile]:
        """Each file with problems, in the order they were met, with how many of its
        recommendations were read all the same. Reads every recommendation (`coverage` and
        `report` hold them all anyway)."""
        read = Counter(rec.source.file for rec in self.recommendations)
        by_file: dict[str, list[Problem]] = {}
        for problem in self.problems:
            by_file.setdefault(problem.path, []).append(problem)
        return [ProblemFile(name, tuple(found), read[name]) for name, found in by_file.items()]

    @cached_property
    def recommendations(self) -> list[Recommendation]:
        """Every recommendation, in memory: for the commands that analyse them together."""
        return [rec for part in self.parts for rec in part]

    def batches(self, size: int) -> Iterator[Batch]:
        """Every recommendation in batches of at most ``size``, read as they are wanted."""
        for part in self.parts:
            yield from batches(part, size)

    def first_time(self, path: Path) -> bool:
        """Whether ``path`` is a file not met before, which is then marked as met. A file
        named twice (`recs ./recs/`), by name and in a folder, or through a link is read
        once, in every command: read twice, its items would count twice in coverage, the
        report and the check, and each would look like a repeat of itself."""
        key = _identity(path)
        if key in self.files:
            return False
        self.files.add(key)
        return True

    def is_stdout(self, path: Path) -> bool:
        """Whether ``path`` is the file standard output is redirected to (`stdout`)."""
        return self.stdout is not None and _identity(path) == self.stdout

    def skip(self, path: Path, note: str) -> None:
        """Leave out ``path``, met in a folder, with a note saying why (once, however often
        the folder is named); it is no longer counted as met, so that naming it as an
        input as well is the problem it is then."""
        key = _identity(path)
        self.files.discard(key)
        self.noted.setdefault(key, note)

    def named(self, path: Path) -> None:
        """``path`` is also named as an input: any note that a folder left it out goes (a
        PDF in a folder named beside the folder is read, not skipped)."""
        self.noted.pop(_identity(path), None)

    def add(self, recs: Sequence[Recommendation]) -> None:
        """Take in one file's recommendations."""
        self.parts.append(recs)
        self.count += len(recs)


def _read_stdin(read_stdin: Callable[[], BinaryIO], limits: Limits) -> Found:
    """Standard input as bytes, decoded like a file: not in the locale's encoding, which
    would keep a byte-order mark and turn Word's 0x92 quote into an unprintable surrogate."""
    name = "<stdin>"
    try:
        data = read_bounded(read_stdin(), limits.file_bytes)
    except OSError as exc:
        return [], [unreadable(name, exc)]
    if data is None:
        return [], [Problem(name, None, None, _too_big(None, limits))]
    return _load(_with_text(TEXT, SourceFile(Path(STDIN), name, limits, None, ""), data))


def _own(opened: Opened) -> OwnFile | None:
    """Which of scrmap's own files an opened file is (a framework, a gold file, a report or
    mapping it wrote), or None."""
    kind, file, _ = opened
    if isinstance(file, Problem):
        return None
    if kind.module == "yaml_file":
        return recognise(file.text)
    if kind.module == "text_file":
        return own_files.recognise_markdown(file.text)
    if kind.module == "csv_file":
        return own_files.recognise_csv(file.path)
    if kind.module == "excel_file":
        return own_files.recognise_workbook(file.path)
    return None


def _read_directory(arg: str, inputs: Inputs, limits: Limits, sheet: str | None) -> list[Found]:
    """The recommendation files below ``arg``. scrmap's own files there (a framework and its
    learned weights, kept in the working folder as the README says, or a gold file) are
    skipped with a note: they are not recommendations, and not inputs that failed."""
    found: list[Found] = []
    holds_recommendations = False  # a file read, or one read already, or one that failed
    for file in _walk(Path(arg)):
        if isinstance(file, Unread):
            if _identity(file.path) not in inputs.files:  # else named before the folder: read
                inputs.skip(file.path, file.note())
            continue
        skipped = False
        if isinstance(file, Problem):
            found.append(([], [file]))
        elif inputs.is_stdout(file):
            skipped = True  # this run's output, emptied by the shell: not an input that failed
            inputs.skip(file, f"skipped {display_name(str(file))}: standard output goes to it")
        elif inputs.first_time(file):
            opened = _open(file, None, limits, sheet)
            if (own := _own(opened)) is not None:
                skipped = True
                inputs.skip(file, own.note(display_name(str(file))))
            else:
                inputs.read.append(display_name(str(file)))
                found.append(_load(opened))
        holds_recommendations = holds_recommendations or not skipped
    if not holds_recommendations:
        message = f"directory holds no recommendation files ({' '.join(_EDITED)})"
        found.append(([], [Problem(display_name(arg), None, None, message)]))
    return found


def _kind(path: Path) -> str | None:
    """What an argument names: a "directory", a "file", a broken "link", or nothing (None).
    A name too long for any file (a recommendation's text of over 255 bytes, which the
    system refuses to look up rather than say is not there) names nothing."""
    try:
        if path.is_dir():
            return "directory"
        if path.exists():
            return "file"
        return "link" if path.is_symlink() else None
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        return None


def _read_argument(
    arg: str,
    inputs: Inputs,
    read_stdin: Callable[[], BinaryIO],
    limits: Limits,
    sheet: str | None,
) -> list[Found]:
    """One argument, file by file: '-' is stdin, a directory is walked, a file is loaded
    by its kind, a single word that names nothing is a missing path, and anything else
    that does not look like a path is the text of a recommendation."""
    path = Path(arg)
    if arg == STDIN:
        inputs.read.append("<stdin>")
        return [_read_stdin(read_stdin, limits)]
    kind = _kind(path)
    if kind == "directory":
        return _read_directory(arg, inputs, limits, sheet)
    if kind == "file":
        if inputs.is_stdout(path):
            message = (
                "is also where standard output goes: `>` empties it before scrmap runs, and "
                "`>>` adds this run's output to what is read; redirect the output to another "
                "file"
            )
            return [([], [Problem(display_name(arg), None, None, message)])]
        if not inputs.first_time(path):
            return []
        inputs.named(path)
        inputs.read.append(display_name(arg))
        opened = _open(path, arg, limits, sheet)
        written = _own(opened) if opened[0].module != "yaml_file" else None
        if written is not None:  # (the YAML reader names its own files itself, by line)
            return [([], [Problem(display_name(arg), None, None, written.problem())])]
        return [_load(opened)]
    if kind == "link":  # not there to read: a loop, or a link to nothing
        return [([], [_broken_link(path, display_name(arg))])]
    if _looks_like_path(arg):
        return [([], [Problem(display_name(arg), None, None, NO_SUCH_FILE)])]
    inputs.texts += 1
    text = one_line(display_name(arg))
    rec = Recommendation(f"text-{inputs.texts}", text, Source("<argument>", None))
    return [([rec], [])]


def _visible(recs: Sequence[Recommendation]) -> Sequence[Recommendation]:
    """The recommendations as a reader sees them: an invisible character inside a word
    ('con\u200bsider') would otherwise hide the word from the rules and the matcher.
    Rows streamed from a table are made so by `_table` as they are read."""
    if not isinstance(recs, list):
        return recs
    return [
        rec if (text := join_words(rec.text)) == rec.text else dataclasses.replace(rec, text=text)
        for rec in recs
    ]


def load_arguments(
    args: Iterable[str],
    read_stdin: Callable[[], BinaryIO],
    limits: Limits | None = None,
    sheet: str | None = None,
    stdout: tuple[int, int] | None = None,
) -> Inputs:
    """Read every argument in order (``sheet``: the worksheet of each workbook, else its
    first; ``stdout``: the file standard output is redirected to, by device and inode,
    which is no input). Past ``limits.recommendations`` the rest is refused, with one
    problem saying so."""
    limits = limits or Limits()
    inputs = Inputs(stdout=stdout)
    for arg in args:
        found = [
            (_visible(recs), issues)
            for recs, issues in _read_argument(arg, inputs, read_stdin, limits, sheet)
        ]
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
    "FOLDER_SUFFIXES",
    "KNOWN_SUFFIXES",
    "STDIN",
    "Batch",
    "Found",
    "Inputs",
    "ProblemFile",
    "batches",
    "decode",
    "display_name",
    "load_arguments",
    "load_file",
    "once",
    "read_back",
]
