"""CSV exports: a header row with ``id`` and ``text``, one recommendation per row."""

from __future__ import annotations

import csv
import io

from scrmap.errors import Problem
from scrmap.recommendation import Recommendation, Source
from scrmap.sources._base import Found, SourceFile

_CSV_FIELDS = {"owner", "agency", "due", "status", "evidence", "case", "kind"}


def load_csv(text: str, name: str, default_case: str | None) -> Found:
    """A header row with ``id`` and ``text`` (or ``recommendation``); other columns kept."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        return [], [Problem(name, None, None, "empty CSV file; expected a header row")]
    except csv.Error as exc:
        return [], [Problem(name, 1, None, f"not valid CSV: {exc}")]
    columns = [h.strip().lower() for h in header]
    text_col = next((c for c in ("text", "recommendation") if c in columns), None)
    if "id" not in columns or text_col is None:
        missing = " and ".join(
            m for m, ok in (("'id'", "id" in columns), ("'text'", text_col)) if not ok
        )
        return [], [
            Problem(
                name,
                1,
                1,
                f"the header row lacks a {missing} column "
                f"(found: {', '.join(header) or 'nothing'})",
            )
        ]
    recs: list[Recommendation] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                problems.append(
                    Problem(
                        name,
                        line,
                        None,
                        f"row has {len(row)} field{'' if len(row) == 1 else 's'}, "
                        f"the header has {len(columns)}",
                    )
                )
                continue
            values = {c: cell.strip() for c, cell in zip(columns, row, strict=True)}
            rec_id, body = values["id"], " ".join(values[text_col].split())
            if not rec_id or not body:
                problems.append(Problem(name, line, None, "empty 'id' or text"))
                continue
            if rec_id in seen:
                problems.append(Problem(name, line, None, f"duplicate id {rec_id!r}"))
                continue
            seen.add(rec_id)
            known = {k: values[k] or None for k in _CSV_FIELDS if k in values}
            meta = {
                k: v
                for k, v in values.items()
                if k not in _CSV_FIELDS and k not in ("id", text_col) and v
            }
            recs.append(
                Recommendation(
                    id=rec_id,
                    text=body,
                    source=Source(name, line),
                    case=known.pop("case", None) or default_case,
                    kind=known.pop("kind", None) or "recommendation",
                    meta=meta,
                    **known,
                )
            )
    except csv.Error as exc:
        problems.append(Problem(name, reader.line_num, None, f"not valid CSV: {exc}"))
    if not recs and not problems:
        problems.append(Problem(name, None, None, "no rows after the header"))
    return (recs if not problems else []), problems


def load(file: SourceFile) -> Found:
    """The registry's entry: a CSV file, the file's name its case unless it names one."""
    return load_csv(file.text, file.name, file.case)
