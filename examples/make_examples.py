"""Write the example Word draft and action plan the README's tour uses.

    .venv/bin/python examples/make_examples.py

writes examples/draft.docx, examples/action-plan.xlsx and examples/action-plan.csv. They
are committed, so a fresh clone has them; run this after changing what they hold. The
dates inside the files are fixed, so the output is the same every time.
"""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import openpyxl

HERE = Path(__file__).resolve().parent
WHEN = datetime(2026, 11, 1)

DRAFT = [
    "The NSCP will audit 30 case files by March 2027 to check that health visitors record the "
    "details of fathers and male carers at the first visit.",
    "Agencies should consider the need for a review of the escalation policy.",
    "Norfolk Constabulary and Children's Services will agree by June 2027 how the MASH shares "
    "information about domestic abuse incidents with the family's health visitor.",
    "Professionals should use the Threshold Guide when they refer concerns about neglect.",
]

PLAN = [
    ("No.", "Recommendation", "Lead agency", "Target date", "RAG", "Evidence of impact"),
    (
        "1",
        "Health visitors will record the details of fathers and male carers at the first visit.",
        "Norfolk Community Health and Care",
        "2027-03-31",
        "Amber",
        "Audit of 30 case files",
    ),
    (
        "2",
        "The MASH will share information about domestic abuse incidents with health visitors "
        "within one working day.",
        "Norfolk Constabulary",
        "2027-06-30",
        "Red",
        "",
    ),
    (
        "3",
        "Practitioners should be mindful of the importance of professional curiosity.",
        "",
        "",
        "Green",
        "",
    ),
]


def _fixed(path: Path) -> None:
    """Rewrite a .docx or .xlsx (a zip) with fixed times, in the entries and in the
    document properties, so that the same content gives the same bytes."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    stamp = WHEN.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp, data)
            archive.writestr(
                zipfile.ZipInfo(name, WHEN.timetuple()[:6]), data, zipfile.ZIP_DEFLATED
            )


def draft_docx(path: Path) -> None:
    """A draft as Lead Reviewers write it: a title, an introduction, a bold paragraph as
    the heading, 'Recommendation N:' paragraphs, then an appendix."""
    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = WHEN
    document.core_properties.author = "scrmap examples"
    document.add_heading("Child T: Safeguarding Practice Review", level=0)
    document.add_paragraph(
        "Draft for the Case Review Group. The review looked at how agencies worked with "
        "Child T and the family between March and November 2025."
    )
    document.add_paragraph().add_run("Recommendations").bold = True
    for number, text in enumerate(DRAFT, start=1):
        document.add_paragraph(f"Recommendation {number}: {text}")
    document.add_paragraph().add_run("Appendix: terms of reference").bold = True
    document.add_paragraph("The panel met four times and spoke to the family.")
    document.save(str(path))
    _fixed(path)


def action_plan(xlsx: Path, csv_path: Path) -> None:
    """The subgroup's action plan, as a workbook with a title row and as CSV."""
    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = WHEN
    sheet = book.active
    assert sheet is not None
    sheet.title = "Action plan"
    sheet.append(["Child T: action plan"])
    sheet.append([])
    for row in PLAN:
        sheet.append(list(row))
    book.save(xlsx)
    _fixed(xlsx)
    with csv_path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(PLAN)


if __name__ == "__main__":
    draft_docx(HERE / "draft.docx")
    action_plan(HERE / "action-plan.xlsx", HERE / "action-plan.csv")
