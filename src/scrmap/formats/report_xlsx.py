"""The coverage report as an Excel workbook, the form Boards circulate.

One sheet per table of the HTML report, an "Action plan" sheet with every action's
status and whether it is overdue, and the mapping of every recommendation with its
evidence. The subgroup sorts and filters it, so every sheet has an autofilter, frozen
headings and wrapped text; printed, every sheet is A4 landscape, fitted to the page
width, with its heading row repeated, the marking in the header and "Page x of y" in the
footer. The heatmap is shaded as in the HTML, with the number in each cell.

Every text cell goes through `safe_cell`, so a recommendation that begins with "=" is
stored as text and cannot run as a formula in Excel; cells are written as typed
values, never as formulas. Control characters are made visible, as in the page.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date, datetime
from typing import Any

from scrmap.actionplan import LABELS, STATES, State
from scrmap.formats import (
    filter_parts,
    incomplete,
    item_noun,
    learned_line,
    problem_file,
    withheld_by_fit,
)
from scrmap.formats.cells import evidence_cell, ids_cell, safe_cell
from scrmap.formats.display_text import visible
from scrmap.formats.svg_charts import SHADES
from scrmap.output import private_temporary_files
from scrmap.records import ReportRecord, RowRecord

WRAP_WIDTH = 60
"""Columns wider than this wrap their text instead."""
UK_DATE = "dd/mm/yyyy"
"""How a date cell shows: the way an English Board's papers write dates, whatever the
reader's Excel would choose."""
WRAPPED = "scrmap wrapped"
"""The named cell style of wrapped text, aligned to the top."""


def _value(value: Any) -> Any:
    if isinstance(value, int | float | date) and not isinstance(value, bool):
        return value
    return safe_cell(visible("" if value is None else str(value)))


def _day(iso: str | None) -> date | None:
    """An ISO date of the record as a date cell, or an empty cell where there is none."""
    return date.fromisoformat(iso) if iso else None


def _header_text(text: str) -> str:
    """Text for a printed header or footer, where "&" starts a code."""
    return visible(text).replace("&", "&&")


def _sheet(
    workbook: Any, title: str, header: list[str], rows: list[list[Any]], record: ReportRecord
) -> Any:
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title)
    sheet.append([_value(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(h)) for h in header]
    for row in rows:
        values = [_value(v) for v in row]
        sheet.append(values)
        for i, v in enumerate(values):
            widths[i] = max(widths[i], len(str(v)))
    for i, width in enumerate(widths, start=1):
        letter = sheet.cell(row=1, column=i).column_letter
        sheet.column_dimensions[letter].width = min(max(8, width + 2), WRAP_WIDTH)
        if width + 2 > WRAP_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                # By name: a style object per cell costs a hash of it per cell.
                cell.style = WRAPPED
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    title_text = f"Coverage of {record['framework']['title']}: {title}"
    sheet.oddHeader.left.text = _header_text(title_text)
    if record["marking"]:
        sheet.oddHeader.right.text = _header_text(record["marking"])
        sheet.oddFooter.left.text = _header_text(record["marking"])
    sheet.oddFooter.right.text = "Page &P of &N"
    return sheet


def _coverage_rows(rows: list[RowRecord], with_quadrant: bool) -> list[list[Any]]:
    return [
        [r["id"], r["title"]]
        + ([r.get("quadrant")] if with_quadrant else [])
        + [r["recommendations"], r["cases"], "; ".join(r["case_names"]), "gap" if r["gap"] else ""]
        for r in rows
    ]


def _shade(sheet: Any, first_column: int) -> None:
    """Shade the counts from ``first_column`` on, light to dark as the HTML heatmap."""
    from openpyxl.styles import Font, PatternFill

    values = [
        c.value
        for row in sheet.iter_rows(min_row=2, min_col=first_column)
        for c in row
        if isinstance(c.value, int)
    ]
    most = max(values, default=0)
    steps = len(SHADES) - 1
    for row in sheet.iter_rows(min_row=2, min_col=first_column):
        for cell in row:
            if not isinstance(cell.value, int) or not cell.value:
                continue
            shade = SHADES[min(steps, 1 + (cell.value - 1) * (steps - 1) // max(most - 1, 1))]
            cell.fill = PatternFill("solid", fgColor=shade.lstrip("#").upper())
            if shade in SHADES[-2:]:
                cell.font = Font(color="FFFFFF", bold=True)


def _summary_rows(record: ReportRecord) -> list[list[Any]]:
    t = record["totals"]
    plan = record["action_plan"]
    period = record["period"]
    filters = "; ".join(filter_parts(record["selection"]))
    files = record["input_problems"]
    learned = record["framework"]["learned"]
    unread = (
        [
            [
                "INCOMPLETE" if any(f["left_out"] for f in files) else "input problems",
                incomplete(files),
            ]
        ]
        if files
        else []
    )
    return [
        *unread,
        *[["not read" if f["left_out"] else "read with problems", problem_file(f)] for f in files],
        *[["key message", m["text"]] for m in record["key_messages"]],
        ["framework", record["framework"]["title"]],
        ["framework version", record["framework"]["version"]],
        ["framework file SHA-256", record["framework"]["sha256"]],
        ["learned weights", learned_line(record["framework"])],
        ["learned weights SHA-256", learned["sha256"] if learned else None],
        ["match threshold", record["framework"].get("threshold")],
        ["similarity for repeats", record["similarity_threshold"]],
        ["filters", filters or "none"],
        # Dates as dates, so that a spreadsheet sorts, filters and formats them.
        ["report date", date.fromisoformat(plan["as_of"])],
        ["first published", _day(period["first"])],
        ["last published", _day(period["last"])],
        ["undated cases", "; ".join(period["undated"])],
        [f"{item_noun(t['by_kind'])}s", t["recommendations"]],
        ["cases", t["cases"]],
        ["mapped", t["mapped"]],
        ["unmapped", t["unmapped"]],
        *[[f"items of kind {k}", n] for k, n in t["by_kind"].items()],
        ["quadrants covered", f"{t['quadrants_covered']} of {t['quadrants']}"],
        ["standards covered", f"{t['standards_covered']} of {t['standards']}"],
        ["themes covered", f"{t['themes_covered']} of {t['themes']}"],
        [f"groups of repeated {item_noun(t['by_kind'])}s", t["repeated_groups"]],
        ["actions", plan["actions"]],
        ["actions overdue", plan["overdue"]],
        *[[f"actions: {LABELS[s].lower()}", plan["counts"][s.value]] for s in STATES],
    ]


def _state_rows(record: ReportRecord) -> list[list[Any]]:
    titles = {r["id"]: r["title"] for r in record["standards"] + record["themes"]}
    plan = record["action_plan"]
    return [
        [kind, r["id"], titles.get(r["id"], ""), *(r["counts"][s.value] for s in STATES)]
        for kind, rows in (("standard", plan["by_standard"]), ("theme", plan["by_theme"]))
        for r in rows
    ]


def render(record: ReportRecord) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, NamedStyle

    from scrmap.sources.own_files import WORKBOOK_CREATOR

    workbook = Workbook()
    workbook.properties.creator = WORKBOOK_CREATOR  # so a folder scan knows it again
    workbook.remove(workbook.worksheets[0])  # the empty sheet a new workbook starts with
    workbook.add_named_style(
        NamedStyle(WRAPPED, alignment=Alignment(wrap_text=True, vertical="top"))
    )
    summary = _sheet(workbook, "Summary", ["measure", "value"], _summary_rows(record), record)
    for (cell,) in summary.iter_rows(min_row=2, min_col=2, max_col=2):
        if isinstance(cell.value, date):
            cell.number_format = UK_DATE
    if record["input_problems"]:
        _sheet(
            workbook,
            "Not read",
            ["file", "read", "line", "column", "problem"],
            [
                [
                    f["file"],
                    "no" if f["left_out"] else f"{f['recommendations']} items",
                    p["line"],
                    p["col"],
                    p["message"],
                ]
                for f in record["input_problems"]
                for p in f["problems"]
            ],
            record,
        )
    base = [f"{item_noun(record['totals']['by_kind'])}s", "cases", "which cases", "gap"]
    _sheet(
        workbook,
        "Quadrants",
        ["id", "title", *base],
        _coverage_rows(record["quadrants"], False),
        record,
    )
    _sheet(
        workbook,
        "Standards",
        ["id", "title", "quadrant", *base],
        _coverage_rows(record["standards"], True),
        record,
    )
    _sheet(
        workbook,
        "Themes",
        ["id", "title", "quadrant", *base],
        _coverage_rows(record["themes"], True),
        record,
    )
    cases = list(record["case_theme"])
    heat = _sheet(
        workbook,
        "Themes by case",
        ["theme", *cases],
        [
            [th["title"]] + [record["case_theme"][c][th["id"]] for c in cases]
            for th in record["themes"]
        ],
        record,
    )
    _shade(heat, 2)
    plan = _sheet(
        workbook,
        "Action plan",
        [
            "case",
            "id",
            "owner",
            "due",
            "due date (read as)",
            "status (as written)",
            "status",
            "overdue",
            "days overdue",
            "action",
            # Last, so that the columns before keep their letters: two actions of one case
            # may share an id (a draft as Markdown and as Word), and the Mapping sheet names
            # each by its file and line.
            "file",
            "line",
        ],
        [
            [
                a["case"],
                a["id"],
                a["owner"],
                a["due"],
                _day(a["due_date"]),
                a["status"],
                LABELS[State(a["state"])],
                "overdue" if a["days_overdue"] else "",
                a["days_overdue"] or None,
                a["text"],
                a["file"],
                a["line"],
            ]
            for a in record["actions"]
        ],
        record,
    )
    # The date each due field was read as, a date Excel sorts and filters, beside the words
    # as written ("Q1 2027/28", "End of March"): the officer sees what scrmap took it to mean.
    for (cell,) in plan.iter_rows(min_row=2, min_col=5, max_col=5):
        cell.number_format = UK_DATE
    states = _sheet(
        workbook,
        "Status by item",
        ["kind", "id", "title", *(LABELS[s] for s in STATES)],
        _state_rows(record),
        record,
    )
    _shade(states, 4)
    _sheet(
        workbook,
        "Unmapped",
        # The fit as a number an analyst can sort (as the JSON's `fit`), then in words
        # where it is why the nearest standards were withheld.
        [
            *("case", "id", "file", "line", "text", "nearest standards"),
            *("outside the framework", "fit (of 100)", "standards withheld"),
        ],
        [
            [
                *(u["case"], u["id"], u["file"], u["line"], u["text"]),
                *(ids_cell(u["nearest"]), ", ".join(u["outside"]), u["fit"]),
                withheld_by_fit(u, record["framework"].get("threshold")),
            ]
            for u in record["unmapped"]
        ],
        record,
    )
    _sheet(
        workbook,
        "Weak matches",
        ["case", "id", "file", "line", "text", "best standard", "score"],
        [
            [w["case"], w["id"], w["file"], w["line"], w["text"], w["standard"], w["score"]]
            for w in record["weak"]
        ],
        record,
    )
    _sheet(
        workbook,
        "Repeated",
        ["group", "similarity", "case", "id", "text"],
        [
            [number, group["similarity"], m["case"], m["id"], m["text"]]
            for number, group in enumerate(record["repeated"], start=1)
            for m in group["members"]
        ],
        record,
    )
    _sheet(
        workbook,
        "Mapping",
        ["case", "id", "kind", "file", "line", "text", "standards", "themes", "evidence"],
        [
            [
                r["case"],
                r["id"],
                r["kind"],
                r["source"]["file"],
                r["source"]["line"],
                r["text"],
                ids_cell(r["standards"]),
                ids_cell(r["themes"]),
                evidence_cell(r["standards"] + r["themes"]),
            ]
            for r in record["recommendations"]
        ],
        record,
    )
    return _save(workbook, date.fromisoformat(record["action_plan"]["as_of"]))


def _save(workbook: Any, as_of: date) -> bytes:
    """The workbook's bytes, the same for the same report: openpyxl stamps the document's
    created and modified times, and each part in the zip, with the clock, so two runs of
    one report differed (a Board's copy could not be told from a new one by its checksum,
    as the HTML, Markdown, CSV and PDF reports can). They are the report date instead."""
    from openpyxl.writer.excel import ExcelWriter

    stamp = datetime.combine(max(as_of, _ZIP_EPOCH), datetime.min.time())
    workbook.properties.created = workbook.properties.modified = stamp
    out = io.BytesIO()
    with private_temporary_files():  # openpyxl writes each sheet to a temporary file first
        archive = _StampedZip(out, stamp.timetuple()[:6])
        ExcelWriter(workbook, archive).save()  # as `Workbook.save`, less its clock
    return out.getvalue()


_ZIP_EPOCH = date(1980, 1, 1)
"""The first day a zip file's entries can be dated."""


class _StampedZip(zipfile.ZipFile):
    """A zip file (deflated, as openpyxl writes a workbook) whose every entry bears one
    date and time, not the clock's or a temporary file's."""

    def __init__(self, file: io.BytesIO, date_time: tuple[int, ...]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.date_time = date_time

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=self.date_time)  # type: ignore[arg-type]
        entry.compress_type = self.compression
        entry.external_attr = 0o600 << 16
        return entry

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *args: Any, **kw: Any
    ) -> None:
        """A part made in memory, dated as the others."""
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = self._entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, *args, **kw)

    def write(self, filename: str, arcname: str | None = None) -> None:  # type: ignore[override]
        """A sheet openpyxl wrote to a temporary file, streamed in, dated as the others."""
        entry = self._entry(arcname or filename)
        with open(filename, "rb") as source, self.open(entry, "w") as target:
            shutil.copyfileobj(source, target, 1 << 16)
