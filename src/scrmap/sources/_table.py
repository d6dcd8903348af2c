"""What the spreadsheet kinds share: which column is which, and rows to recommendations.

An action plan is made by people, not exported by a tool: its columns are called
"No.", "Recommendation", "Lead agency", "Target date" or "RAG". Each header is
compared, without regard to capitals, spacing or punctuation, with the names below;
the first column recognised for a field is used, and every other column is kept as
metadata. Without an id column, rows are numbered from 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scrmap.display import join_words
from scrmap.errors import Problem
from scrmap.recommendation import Recommendation, Source
from scrmap.sources._base import Found, due_problems

NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "no", "number", "ref", "reference", "rec no", "rec number", "rec ref",
        "recommendation no", "recommendation number", "recommendation ref", "item", "item no",
    ),
    "text": (
        "text", "recommendation", "recommendations", "recommendation text", "action",
        "actions", "action required", "description", "learning", "finding",
    ),
    "owner": (
        "owner", "action owner", "lead", "lead officer", "lead person", "responsible officer",
        "responsible person", "responsible", "who",
    ),
    "agency": (
        "agency", "lead agency", "organisation", "organization", "lead organisation",
        "lead organization", "responsible agency", "partner agency",
    ),
    "due": (
        "due", "due date", "due by", "target date", "target", "deadline", "date",
        "completion date", "timescale", "timescales", "by when", "target completion date",
    ),
    "status": ("status", "rag", "rag rating", "rag status", "progress", "current status"),
    "evidence": (
        "evidence", "evidence of impact", "evidence of completion", "impact", "outcome",
    ),
    "case": ("case", "case name", "review"),
    "kind": ("kind",),
}  # fmt: skip
"""The header names recognised for each field, after `normal_header`."""
_BY_NAME = {name: field for field, names in NAMES.items() for name in names}


def normal_header(header: str) -> str:
    """'No.' -> 'no', 'Target  Date:' -> 'target date', '#' -> 'no'."""
    if header.strip() == "#":
        return "no"
    return " ".join(re.sub(r"[\W_]+", " ", header.lower()).split())


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column (by position) holds which field; the others are metadata."""

    headers: tuple[str, ...]
    fields: dict[str, int]
    """Field name -> column index, for the fields recognised."""

    def explained(self) -> list[tuple[str, str]]:
        """Each column's header and what it became, in column order."""
        by_index = {index: field for field, index in self.fields.items()}
        return [
            (header or f"(column {index + 1})", by_index.get(index, "kept as metadata"))
            for index, header in enumerate(self.headers)
        ]


def recognise(headers: Sequence[str]) -> Columns:
    """Match each header with a field; the first column for a field wins."""
    fields: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = _BY_NAME.get(normal_header(header))
        if field and field not in fields:
            fields[field] = index
    return Columns(tuple(h.strip() for h in headers), fields)


def missing_text(columns: Columns, name: str) -> Problem:
    """The problem of a header row with no column of recommendation text."""
    found = ", ".join(h for h in columns.headers if h) or "nothing"
    return Problem(
        name,
        1,
        1,
        "the header row has no column of recommendation text (call it 'Recommendation', "
        f"'Text' or 'Action'; found: {found})",
    )


Row = tuple[int, Sequence[str]]
"""A data row: its line (or spreadsheet row) number and its cells as text."""


def blank(row: Sequence[str]) -> bool:
    """A row with nothing in it, which is skipped."""
    return not any(cell.strip() for cell in row)


def check(columns: Columns, row: Sequence[str], accepted: int) -> tuple[str | None, str]:
    """What is wrong with a row that is not blank (None when nothing is), and its id: its
    id cell, or without an id column its number (``accepted``: good rows before it)."""
    if len(row) != len(columns.headers):
        fields = f"{len(row)} field{'' if len(row) == 1 else 's'}"
        return f"row has {fields}, the header has {len(columns.headers)}", ""
    rec_id = row[columns.fields["id"]].strip() if "id" in columns.fields else str(accepted + 1)
    if not rec_id or not row[columns.fields["text"]].strip():
        return "empty id or recommendation text", rec_id
    return None, rec_id


def record(
    columns: Columns, line: int, row: Sequence[str], rec_id: str, name: str, case: str | None
) -> Recommendation:
    """A checked row as a recommendation (``case``: the case of rows that name none)."""
    cells = [cell.strip() for cell in row]
    known = {f: cells[i] or None for f, i in columns.fields.items()}
    meta = {
        header.lower(): cells[i]
        for i, header in enumerate(columns.headers)
        if i not in columns.fields.values() and cells[i]
    }
    return Recommendation(
        id=rec_id,
        # An invisible character inside a word would hide it from the rules and matcher.
        text=join_words(" ".join(cells[columns.fields["text"]].split())),
        source=Source(name, line),
        case=known.get("case") or case,
        kind=known.get("kind") or "recommendation",
        owner=known.get("owner"),
        agency=known.get("agency"),
        due=known.get("due"),
        status=known.get("status"),
        evidence=known.get("evidence"),
        meta=meta,
    )


def recommendations(
    columns: Columns, rows: Iterable[Row], name: str, default_case: str | None
) -> Found:
    """One recommendation per non-empty row; all or nothing, as the other kinds."""
    recs: list[Recommendation] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    seen: set[str] = set()
    for line, row in rows:
        if blank(row):
            continue
        fault, rec_id = check(columns, row, len(seen))
        if fault:
            problems.append(Problem(name, line, None, fault))
            continue
        if rec_id in seen:
            problems.append(Problem(name, line, None, f"duplicate id {rec_id!r}"))
            continue
        seen.add(rec_id)
        recs.append(record(columns, line, row, rec_id, name, default_case))
        warnings += due_warnings(columns, row, name, line)
    if not recs and not problems:
        problems.append(Problem(name, None, None, "no rows after the header"))
    # A due date that is not a date leaves the row read: a warning, not a refusal.
    return (recs if not problems else []), problems + warnings


def due_warnings(columns: Columns, row: Sequence[str], name: str, line: int) -> list[Problem]:
    """The warning for a checked row whose due cell is meant as a date but names none."""
    if "due" not in columns.fields:
        return []
    return due_problems(name, line, None, row[columns.fields["due"]].strip() or None)
