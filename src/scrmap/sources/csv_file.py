"""CSV exports and action plans: a header row, one recommendation per row.

Which column is which is recognised from the headers (`scrmap.sources._table`).
"""

from __future__ import annotations

import _csv
import csv
import io

from scrmap.errors import Problem
from scrmap.sources import _table
from scrmap.sources._base import Found, SourceFile


def _reader(text: str) -> _csv.Reader:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _header(text: str, name: str) -> tuple[_table.Columns | None, list[Problem]]:
    reader = _reader(text)
    try:
        return _table.recognise(next(reader)), []
    except StopIteration:
        return None, [Problem(name, None, None, "empty CSV file; expected a header row")]
    except csv.Error as exc:
        return None, [Problem(name, 1, None, f"not valid CSV: {exc}")]


def load_csv(text: str, name: str, default_case: str | None) -> Found:
    """A header row with a column of recommendation text; the other columns recognised by
    their names, or kept as metadata."""
    columns, problems = _header(text, name)
    if columns is None:
        return [], problems
    if "text" not in columns.fields:
        return [], [_table.missing_text(columns, name)]
    reader = _reader(text)
    next(reader)
    rows: list[_table.Row] = []
    try:
        rows += ((reader.line_num, row) for row in reader)
    except csv.Error as exc:
        problems.append(Problem(name, reader.line_num, None, f"not valid CSV: {exc}"))
    recs, more = _table.recommendations(columns, rows, name, default_case)
    problems += more
    return (recs if not problems else []), problems


def load(file: SourceFile) -> Found:
    """The registry's entry: a CSV file, the file's name its case unless it names one."""
    return load_csv(file.text, file.name, file.case)


def columns(file: SourceFile) -> _table.Columns | list[Problem]:
    """Which column became which field (`scrmap map --explain-columns`)."""
    found, problems = _header(file.text, file.name)
    return found if found is not None else problems
