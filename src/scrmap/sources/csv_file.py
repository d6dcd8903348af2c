"""CSV exports and action plans: a header row, one recommendation per row.

Which column is which is recognised from the headers (`scrmap.sources._table`).

A national corpus comes as one CSV of hundreds of thousands of rows, so a CSV file is
never held in memory. Loading it reads it once to check every row (a file with a bad
row gives problems and no recommendations, like every other kind) and to count them,
and keeps only where it is; its rows are read again in batches as the mapping asks
for them. A batch travels to a worker process as the raw cells of its rows, and the
worker makes the recommendations: cheaper to send than objects. A row with no recommendation
text is left out, with a warning, in both readings (`_table.no_text`).
"""

from __future__ import annotations

import _csv
import contextlib
import csv
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar, overload

from scrmap.errors import Problem, duplicate_id, unreadable
from scrmap.limits import UTF8_MULTIBYTE, marked, place_of_byte
from scrmap.recommendation import Recommendation
from scrmap.sources import _table
from scrmap.sources._base import Found, SourceFile, not_text, stray_byte

T = TypeVar("T")
_SAMPLE = 4096
"""Characters the delimiter is sniffed from."""
_BINARY_PROBE = 8192
"""Bytes looked at for a NUL, the mark of a binary file."""
BATCH = 2_000
"""Rows read, sent and mapped at a time: many enough that sending them is cheap, few
enough that memory stays flat and progress moves."""


@dataclass(frozen=True, slots=True)
class Header:
    """What a row needs to become a recommendation: the file's columns and case."""

    name: str
    """The file as the user named it."""
    columns: _table.Columns
    case: str | None
    """The case of rows that name none: the file's name without its ending."""
    skip: int = 1
    """Records up to and including the header row: title rows may stand above it."""


@dataclass(frozen=True, slots=True)
class Rows:
    """A batch of checked rows, each with the line it ends on and its id: what a worker
    is sent."""

    header: Header
    rows: list[tuple[int, Sequence[str], str]]

    def __len__(self) -> int:
        return len(self.rows)

    def recommendations(self) -> list[Recommendation]:
        """The rows as recommendations."""
        columns, name, case = self.header.columns, self.header.name, self.header.case
        return [_table.record(columns, line, row, i, name, case) for line, row, i in self.rows]


_UTF8_REPLACING = "utf-8, stray bytes replaced"
"""The encoding of a UTF-8 file with a stray invalid byte: read as UTF-8, the byte as
U+FFFD, as every text file is (`_base.decode`)."""


_BARE_CR = re.compile(r"\r(?!\n)")
"""A carriage return alone, the line ending of a CSV file saved by Excel for Mac
("CSV (Macintosh)") and of the classic Mac OS."""


def _at_bare_cr(line: str) -> Iterator[str]:
    """``line`` cut after each carriage return that is not followed by a newline, as the
    text reader (and Excel) cut lines; the pieces keep their endings, so a quoted cell
    over several lines reads the same."""
    start = 0
    for match in _BARE_CR.finditer(line):
        yield line[start : match.end()]
        start = match.end()
    if start < len(line):
        yield line[start:]


def _lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines, decoded one at a time (UTF-8 never has a newline byte inside a
    character, so this reads as decoding the whole file would), without a byte-order mark.
    A line ends at a newline or a carriage return, alone or together (`_BARE_CR`).
    UTF-16 and UTF-32 split a newline's bytes, so they are read as text."""
    if encoding in ("utf-16", "utf-32"):
        with path.open(encoding=encoding, errors="replace", newline="") as text:
            yield from text
        return
    with path.open("rb") as handle:
        first = True
        for raw in handle:
            if encoding == _UTF8_REPLACING:
                line = raw.decode("utf-8", "replace")
            else:
                line = raw.decode(encoding, "strict" if encoding == "utf-8" else "replace")
            if first:
                line = line.removeprefix("\ufeff")
                first = False
            if "\r" in line and _BARE_CR.search(line):
                yield from _at_bare_cr(line)
            else:
                yield line


_HINT = re.compile(r"(?<!\s)\s*sep=(?P<delimiter>[,;\t|])\s*$")
"""Excel's first line naming the delimiter, 'sep=;', as Excel in many European locales
writes and reads it. Matched at the line's start; it starts after no space, so that a search
through a long run of spaces would try it once, not at every space."""


def _sniffed(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """The dialect of ``sample``: as Excel's 'sep=' line says, else sniffed, from the first
    line or, where title lines above the header defeat that ("Action plan" over
    semicolon-separated rows), from the first line that gives one; else Excel's commas."""
    lines = sample.splitlines(keepends=True)
    hint = _HINT.match(lines[0]) if lines else None
    if hint:
        return type("Hinted", (csv.excel,), {"delimiter": hint["delimiter"]})
    for skip in range(min(len(lines), _TITLE_ROWS)):
        try:
            return csv.Sniffer().sniff("".join(lines[skip:]), delimiters=",;\t")
        except csv.Error:
            continue
    return csv.excel


def _reader(path: Path, encoding: str) -> _csv.Reader:
    """A CSV reader over the file, its dialect sniffed from the first few thousand characters."""
    sample = ""
    for line in _lines(path, encoding):
        sample += line
        if len(sample) >= _SAMPLE:
            break
    # Named for its tabs, a .tsv is not sniffed: a one-column file of text with commas in it
    # was read as comma-separated, and every row refused.
    tsv = path.suffix.lower() == ".tsv"
    dialect = csv.excel_tab if tsv else _sniffed(sample[:_SAMPLE])
    # strict: a quote that never closes is an error, not the rest of the file read
    # silently into one field.
    return csv.reader(_lines(path, encoding), dialect, strict=True)


@dataclass(frozen=True, slots=True)
class CsvFile(Sequence[Recommendation]):
    """A checked CSV file's recommendations, read from the file whenever they are wanted."""

    path: Path
    header: Header
    encoding: str
    rows: int
    """Rows with a recommendation (blank rows are skipped)."""

    def __len__(self) -> int:
        return self.rows

    @overload
    def __getitem__(self, index: int) -> Recommendation: ...
    @overload
    def __getitem__(self, index: slice) -> CsvFile: ...
    def __getitem__(self, index: int | slice) -> Recommendation | CsvFile:
        """A recommendation by position, or the first ones (``[:n]``, for the limit)."""
        if isinstance(index, slice):
            if index.start not in (None, 0) or index.step not in (None, 1):
                raise ValueError("only the first recommendations of a CSV file can be taken")
            return replace(self, rows=len(range(self.rows)[index]))
        position = range(self.rows)[index]
        return next(islice(iter(self), position, None))

    def __iter__(self) -> Iterator[Recommendation]:
        for batch in self.batches(BATCH):
            yield from batch.recommendations()

    def batches(self, size: int) -> Iterator[Rows]:
        """The rows, ``size`` at a time, read as they are wanted."""
        reader = _after_header(self.path, self.encoding, self.header.skip)
        columns = self.header.columns
        numbered = enumerate(
            (line, row)
            for line, row in _records(columns, reader)
            if not _table.blank(row) and not _table.no_text(columns, row)
        )
        rows = ((line, row, _table.check(columns, row, n)[1]) for n, (line, row) in numbered)
        left = self.rows
        while left:
            batch = list(islice(rows, min(size, left)))
            if not batch:
                return
            left -= len(batch)
            yield Rows(self.header, batch)


def _csv_message(error: csv.Error) -> str:
    if "unexpected end of data" in str(error):
        return "not valid CSV: a quote opened in this row never closes"
    if "field larger than field limit" in str(error):
        # Most often a quote that never closes with the rest of the file after it, which
        # the reader meets as a cell too long long before the file ends.
        return (
            f"not valid CSV: a cell longer than {csv.field_size_limit():,} characters "
            "starts in this row: a quote opened in it never closes, or the cell is too long "
            "to be a recommendation"
        )
    return f"not valid CSV: {error}"


_TITLE_ROWS = 10
"""How far down a header row is looked for, as in a workbook: a plan exported from a sheet
often starts with a title row ("Child AG - Action Plan,,,,") and a blank one."""


def _header(path: Path, name: str, encoding: str) -> _table.Columns | list[Problem]:
    found = _header_and_skip(path, name, encoding)
    return found if isinstance(found, list) else found[0]


def _header_and_skip(
    path: Path, name: str, encoding: str
) -> tuple[_table.Columns, int] | list[Problem]:
    """The header row, the first of the top rows with a column of recommendation text (title
    rows above it are passed over, `_table.header_row`), else the first row, with the
    names of groups of its columns in the row above (`_table.under_group_names`), or its
    second row if it has one (`_table.second_header_row`); and the records up to it."""
    reader = _reader(path, encoding)
    top: list[list[str]] = []
    try:
        top.extend(islice(reader, _TITLE_ROWS))
    except csv.Error as exc:
        if not top:
            return [Problem(name, 1, None, _csv_message(exc))]
        # A fault under the header is reported at its row as the rows are read.
    if not top:
        return [Problem(name, None, None, "empty CSV file; expected a header row")]
    found = [_table.recognise(row) for row in top]
    k = _table.header_row(found)
    grouped = _table.under_group_names(top[k - 1], top[k]) if k > 0 else None
    if grouped is not None:  # "Progress" over "Q1 | Q2", the header the second row
        return _table.recognise(grouped), k + 1
    names = _table.second_header_row(top[k], top[k + 1]) if k + 1 < len(top) else None
    if names is not None:  # a header of two rows, as a workbook's is saved
        return _table.recognise(names), k + 2
    return found[k], k + 1


def _records(columns: _table.Columns, reader: _csv.Reader) -> Iterator[_table.Row]:
    """The rows under the header with their lines (`_with_lines`), but for the header
    repeated (`_table.repeats_header`), under the case headings
    among them (`_table.lone_case_heading`) when the table is given a column for them
    (`_table.with_case_column`), each empty case cell filled (`_table.cases_filled`)."""
    rows: Iterable[_table.Row] = _table.without_headers(columns, _with_lines(reader))
    if columns.under_headings:
        rows = _table.under_case_headings(rows, partial(_table.lone_case_heading, columns))
    return _table.cases_filled(columns, rows)


def _with_lines(reader: _csv.Reader) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on: ``line_num`` is the line it ends on, and a
    quoted cell over several lines moved every message about its row to its last line."""
    before = reader.line_num
    for row in reader:
        yield before + 1, row
        before = reader.line_num


def _after_header(path: Path, encoding: str, skip: int) -> _csv.Reader:
    """A reader of the file past its header row (``skip`` records, `Header.skip`); its
    ``line_num`` still counts the file's lines."""
    reader = _reader(path, encoding)
    for _ in range(skip):
        next(reader)
    return reader


Checked = tuple[CsvFile | None, list[Problem]]
"""A checked CSV file (None when a problem refuses it) and its problems and warnings."""


def _check(path: Path, name: str, case: str | None, encoding: str) -> Checked:
    """Read the whole file once, row by row: the CSV file, or None and every problem in
    it; and the warnings about rows read all the same (a due date that is not a date). A
    table with no case column in which a row names a review alone (`_table.lone_case_heading`,
    a case heading saved from a workbook) is read again, each row under its case
    (`_table.with_case_column`): only such a file pays for the headings."""
    found = _header_and_skip(path, name, encoding)
    if isinstance(found, list):
        return None, found
    columns, skip = found
    if "text" not in columns.fields:
        return None, [_table.missing_text(columns, name)]
    checked, headed = _check_rows(path, name, case, encoding, Header(name, columns, case, skip))
    if headed and "case" not in columns.fields:
        grouped = Header(name, _table.with_case_column(columns), case, skip)
        checked, _ = _check_rows(path, name, case, encoding, grouped)
    return checked


def _check_rows(
    path: Path, name: str, case: str | None, encoding: str, header: Header
) -> tuple[Checked, bool]:
    """`_check` of the rows under the ``header``; and whether a row with no text names a
    review alone (`_table.lone_case_heading`)."""
    columns, skip = header.columns, header.skip
    reader = _after_header(path, encoding, skip)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    # Numbered rows cannot repeat an id; rows with ids are checked against the ids before.
    seen = _Seen(path.stat().st_size) if "id" in columns.fields else None
    maybe: list[tuple[int, str, str]] = []  # line, id, its key (`_table.id_key`)
    """Rows whose id may have come before (the filter can be wrong that way, not the other)."""
    count = 0
    headed = False
    last = reader.line_num
    try:
        for line, row in _records(columns, reader):
            last = reader.line_num
            if _table.blank(row):
                continue
            if _table.no_text(columns, row):
                headed = headed or _table.lone_case_heading(columns, (line, row)) is not None
                warnings.append(_table.skipped(columns, row, name, line))
                continue
            fault, rec_id = _table.check(columns, row, count)
            if fault:
                problems.append(Problem(name, line, None, fault))
            elif seen is not None and seen.add(key := _table.id_key(columns, row, rec_id)):
                maybe.append((line, rec_id, key))
            else:
                count += 1
            if not fault:
                warnings += _table.due_warnings(columns, row, name, line)
                warnings += _table.failed_fields(columns, row, name, line)
    except csv.Error as exc:
        # Reported where the row that failed starts, after the last one read.
        problems.append(Problem(name, last + 1, None, _csv_message(exc)))
    if maybe:
        duplicates = _duplicates(path, encoding, columns, skip, maybe)
        count += len(maybe) - len(duplicates)
        problems += [
            Problem(name, line, None, duplicate_id(i, first)) for line, i, first in duplicates
        ]
        problems.sort(key=lambda p: p.line or 0)  # in file order, as they were found
    if not count and not problems:
        problems.append(Problem(name, None, None, "no rows after the header"))
    if problems:
        return (None, problems + warnings), headed
    return (CsvFile(path, header, encoding, count), warnings), headed


class _Seen:
    """The ids met so far, as a Bloom filter: a few bytes a row, where a set of a million
    ids would hold a hundred megabytes. It can say an id was met when it was not (rarely),
    never the reverse, so its yes is checked against the file (`_duplicates`)."""

    BITS_PER_ROW = 40
    ROW_BYTES = 200
    """Rows are guessed from the file's size at this many bytes each (recommendations run
    to 200 characters or more), so the filter is sized before reading."""
    HASHES = 4

    def __init__(self, file_bytes: int) -> None:
        self.size = max(1 << 16, file_bytes // self.ROW_BYTES * self.BITS_PER_ROW)
        self.bits = bytearray(self.size // 8 + 1)

    def add(self, key: str) -> bool:
        """Add ``key``; True if it may have been added before."""
        value = hash(key)
        step = (value >> 32) | 1
        bits, size, present = self.bits, self.size, True
        for i in range(self.HASHES):
            at = (value + i * step) % size
            mask = 1 << (at & 7)
            if not bits[at >> 3] & mask:
                present = False
                bits[at >> 3] |= mask
        return present


def _duplicates(
    path: Path,
    encoding: str,
    columns: _table.Columns,
    skip: int,
    maybe: list[tuple[int, str, str]],
) -> list[tuple[int, str, int]]:
    """Which of the rows ``maybe`` (line, id, key) repeat the id of an earlier good row in
    its case (`_table.id_key`), with that row's line: read the file once more for the first
    line of each key."""
    wanted = {key for _, _, key in maybe}
    first: dict[str, int] = {}
    reader = _after_header(path, encoding, skip)
    with contextlib.suppress(csv.Error):  # reported already, at its line
        for line, row in _records(columns, reader):
            if _table.blank(row) or _table.no_text(columns, row):
                continue
            fault, rec_id = _table.check(columns, row, 0)  # ids from the id column
            key = _table.id_key(columns, row, rec_id)
            if not fault and key in wanted:
                first.setdefault(key, line)
    return [(line, rec_id, first[key]) for line, rec_id, key in maybe if first[key] < line]


def _stray_byte(file: SourceFile) -> Problem | None:
    """The first invalid byte of a file that is not all UTF-8, when the file is UTF-8 all
    the same (it holds a sequence only UTF-8 writes, or its byte-order mark); None when it
    is Windows-1252. Looked for line by line, as the file is read."""
    stray: Problem | None = None
    utf8 = False
    with file.path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if stray is None:
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    col = place_of_byte(raw, error.start)[1]
                    stray = stray_byte(file.name, number, col, raw[error.start])
            utf8 = utf8 or UTF8_MULTIBYTE.search(raw) is not None
            if stray is not None and utf8:
                return stray
    return None


def _read(file: SourceFile, read: Callable[[str], T]) -> tuple[T, list[Problem]] | list[Problem]:
    """``read(encoding)`` of a text file and a warning about how it was read: UTF-8 (with
    or without a byte-order mark; a stray invalid byte in it is U+FFFD and a warning at its
    place), UTF-16 with one (Excel's "Unicode Text") or UTF-32 with one, else Windows-1252
    as Excel saves it; or the problem that it is binary or cannot be read."""
    try:
        with file.path.open("rb") as handle:
            probe = handle.read(_BINARY_PROBE)
        encoding = marked(probe)
        if encoding is not None:
            return read(encoding), []
        if b"\x00" in probe:
            return [Problem(file.name, None, None, not_text(probe))]
        try:
            return read("utf-8"), []
        except UnicodeDecodeError:
            stray = _stray_byte(file)
            if stray is None:
                return read("cp1252"), []
            return read(_UTF8_REPLACING), [stray]
    except OSError as exc:
        return [unreadable(file.name, exc)]


def load(file: SourceFile) -> Found:
    """The registry's entry: a CSV file, the file's name its case unless it names one."""
    checked = _read(file, lambda encoding: _check(file.path, file.name, file.case, encoding))
    if isinstance(checked, list):
        return [], checked
    (csv_file, problems), warnings = checked
    return (csv_file if csv_file is not None else []), warnings + problems


def columns(file: SourceFile) -> _table.Columns | list[Problem]:
    """Which column became which field (`scrmap map --explain-columns`)."""
    found = _read(file, lambda encoding: _header(file.path, file.name, encoding))
    return found if isinstance(found, list) else found[0]
