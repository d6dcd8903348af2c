"""Cells and tables shared by the spreadsheet-like formats: CSV, Markdown tables, xlsx.

Text from recommendation files is hostile until proven otherwise: a cell beginning "="
would run as a formula in Excel, and a Markdown cell may hold HTML or a pipe.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Sequence

from scrmap.display import terminal
from scrmap.records import MatchRecord, Scored


def safe_cell(value: object) -> str:
    """A spreadsheet cell that cannot run as a formula when the CSV is opened in Excel."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def ids_cell(matches: Sequence[Scored]) -> str:
    """Matches as 'id (score); ...' for one spreadsheet cell."""
    return "; ".join(f"{m['id']} ({m['score']})" for m in matches)


def evidence_cell(matches: Sequence[MatchRecord]) -> str:
    """Each match's cues and the words they matched, for one spreadsheet cell."""
    return "; ".join(
        f"{m['id']}: " + ", ".join(f"{e['cue']}={e['matched']!r}" for e in m["evidence"])
        for m in matches
    )


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, one line, and no raw HTML,
    since Markdown renderers pass HTML through."""
    text = html.escape(str(value if value is not None else ""), quote=False)
    return terminal(text.replace("|", "\\|").replace("\n", " "))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document: the header, then each row with every cell made safe, and its
    control characters (line breaks too) shown as ``[U+001B]``: printed, a CSV document is
    on a terminal or in a CI log, where an id "a\\n::error::" would start a workflow command."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(terminal(v) if isinstance(v, str) else v) for v in row])
    return out.getvalue()
