"""Formats of `scrmap report`: the coverage report as a file for Board papers.

Each renderer returns the file's bytes; without --format, the output file's ending
chooses the format (`ENDINGS`).
"""

from __future__ import annotations

from pathlib import Path

from scrmap.formats import Renderer, problem_file, problem_kind, quoted_problems
from scrmap.formats.choices import ReportFormat
from scrmap.formats.coverage import to_markdown as coverage_markdown
from scrmap.formats.map import CSV_COLUMNS, mappings_csv, mappings_markdown
from scrmap.records import ReportRecord

TERMINAL = None
"""Every report format is a file; none is drawn on the terminal."""

ENDINGS = {f".{chosen.value}": chosen for chosen in ReportFormat} | {
    ".htm": ReportFormat.html,
    ".md": ReportFormat.markdown,
}
"""The format an output file's ending asks for: every format's own name (so a new format
is known by its ending once it is in `ReportFormat`), and the usual short forms."""


def format_for(output: Path | None) -> ReportFormat | None:
    """The format of a report written to ``output``: html on standard output, else the one
    its ending asks for, or None when the ending names no format."""
    if output is None:
        return ReportFormat.html
    return ENDINGS.get(output.suffix.lower())


def to_html(record: ReportRecord) -> bytes:
    """A self-contained HTML page (A4 print), dated with the report date."""
    from scrmap.formats import report_html

    return report_html.render(record).encode()


def to_pdf(record: ReportRecord) -> bytes:
    """The HTML page typeset as an A4 PDF; raises `PdfUnavailable` without the extra."""
    from scrmap.formats import report_html
    from scrmap.formats.pdf import render_pdf

    return render_pdf(report_html.render(record))


def to_markdown(record: ReportRecord) -> bytes:
    """The coverage tables, then the evidence for each mapping."""
    evidence = mappings_markdown(record["recommendations"], "## Evidence for each mapping")
    return (coverage_markdown(record) + "\n" + evidence).encode()


def to_csv(record: ReportRecord) -> bytes:
    """Every mapping with its evidence, one row per recommendation; first, a row for each
    file that gave problems (kind `not-read` or `read-with-problems`, the problems as its
    text), so that the sheet does not pass for the whole library."""
    problems = [
        [
            "",
            f["file"],
            "",
            "",
            problem_kind(f),
            f"{problem_file(f)}: " + "; ".join(quoted_problems(f)),
            *[""] * (len(CSV_COLUMNS) - 6),
        ]
        for f in record["input_problems"]
    ]
    return mappings_csv(record["recommendations"], problems).encode()


def to_xlsx(record: ReportRecord) -> bytes:
    """An Excel workbook, one sheet per table."""
    from scrmap.formats import report_xlsx

    return report_xlsx.render(record)


RENDERERS: dict[ReportFormat, Renderer[ReportRecord, bytes]] = {
    ReportFormat.html: to_html,
    ReportFormat.markdown: to_markdown,
    ReportFormat.csv: to_csv,
    ReportFormat.xlsx: to_xlsx,
    ReportFormat.pdf: to_pdf,
}
