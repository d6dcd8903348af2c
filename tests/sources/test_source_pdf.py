"""Published reviews as PDF, saved from Word as councils publish them: the committed
fixtures in tests/data/pdf (made by its make_fixtures.py) are read without WeasyPrint; a
test that makes a PDF needs it, and skips without it."""

from __future__ import annotations

import html
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.cli import app
from scrmap.errors import Problem
from scrmap.formats.pdf import unavailable
from scrmap.limits import Limits
from scrmap.sources import load_arguments, load_file
from scrmap.sources.pdf_file import load_pdf
from scrmap.sources.text_file import load_text

from ..conftest import ROOT, invoke

PDFS = ROOT / "tests" / "data" / "pdf"
CHILD_Q = PDFS / "child-q.pdf"

CHILD_Q_ITEMS = [
    (
        "1",
        1,
        "The Partnership should make sure that health visitors record the details of "
        "fathers and significant males at the first visit, and share them with the GP.",
    ),
    (
        "2",
        1,
        "Children's social care should review how the neglect toolkit is used, with "
        "particular attention to the ways in which practitioners in schools, early help and "
        "the police use it when they are worried about a child, to the training offered to "
        "them, and to the supervision that follows, and report on the infor-mation shared "
        "to the Board within six months. including what schools are told after a referral",
    ),
    ("3", 2, "The MASH should give feedback to every referrer within three working days."),
]


def _weasyprint() -> Any:
    """WeasyPrint, to make a PDF here; the test skips, saying why, without the `pdf` extra
    or the Pango it loads (an OSError, which pytest.importorskip would not catch)."""
    why = unavailable()
    if why:
        pytest.skip(why)
    import weasyprint

    return weasyprint


def run(*args: str, env: dict[str, str] | None = None):
    return invoke(CliRunner(), list(args), env={"COLUMNS": "200", "NO_COLOR": "1", **(env or {})})


def test_a_numbered_list_under_recommendations_with_headers_footers_and_page_numbers() -> None:
    """The running header ("Child Q \u2013 Safeguarding Practice Review"), the footer
    ("OFFICIAL", "Page 1 of 2") and the introduction are not read; the second item runs
    over the page break as one, its sub-item part of it, the footnote at the foot of page
    1 left out, and its mark after "fathers" too; a word hyphenated at a line end
    is joined as in Markdown; the ligatures the font set ("signi\ufb01cant", "\ufb01rst")
    are letters; the terms of reference in the appendix after are not read; `line` is the
    page the item starts on; the case is the title."""
    recs, problems = load_file(CHILD_Q)
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == CHILD_Q_ITEMS
    assert {r.case for r in recs} == {"Child Q"}
    assert {r.source.file for r in recs} == {str(CHILD_Q)}


def test_labelled_recommendations_under_a_title_that_names_only_the_kind_of_review() -> None:
    """A "Recommendation 1:" label in bold over its paragraph, as in Markdown: the label dropped,
    its number the id; "Serious Case Review" over "Child R" names the case Child R; the
    footer of the review's name beside the page number ("Child R SPR \u2013 2") is not
    read, nor the glossary after."""
    recs, problems = load_file(PDFS / "child-r.pdf")
    assert problems == []
    assert [(r.id, r.source.line, r.case, r.text) for r in recs] == [
        (
            "1",
            2,
            "Child R",
            "The Safeguarding Partnership should audit how professional curiosity is "
            "recorded in supervision, and report to the Board by June 2026.",
        ),
        (
            "2",
            2,
            "Child R",
            "Police and children's social care should hold a strategy discussion whenever "
            "a child is seen with an unexplained injury.",
        ),
    ]


def test_a_pdf_is_read_by_the_same_rules_as_the_same_review_in_markdown() -> None:
    markdown = """# Child Q

## Recommendations

The review makes the following recommendations.

1. The Partnership should make sure that health visitors record the details of
   fathers and significant males at the first visit, and share them with the GP.
2. Children's social care should review how the neglect toolkit is used, with
   particular attention to the ways in which practitioners in schools, early help
   and the police use it when they are worried about a child, to the training
   offered to them, and to the supervision that follows, and report on the infor-
   mation shared to the Board within six months.
   - including what schools are told after a referral
3. The MASH should give feedback to every referrer within three working days.

## Appendix 1: Terms of reference

1. To establish what each agency knew about the family.
"""
    from_markdown, _ = load_text(markdown, "q.md", "q")
    from_pdf, _ = load_file(CHILD_Q)
    assert [(r.id, r.case, r.text) for r in from_pdf] == [
        (r.id, r.case, r.text) for r in from_markdown
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "protected.pdf",
            "protected by a password, which scrmap cannot open: open it with the password "
            "and save a copy without it (in Acrobat, File > Properties > Security: No "
            "Security), or ask the publisher for an unprotected copy",
        ),
        (
            "secured-aes.pdf",
            "encrypted with AES (secured against copying), which scrmap reads only with the "
            "'cryptography' package: install it beside scrmap (pip install cryptography) and "
            "map the file again, or save a copy without security",
        ),
        (
            "scanned.pdf",
            "has no text to read: it is a scanned image; scrmap does not OCR. Run it through "
            "OCR (Adobe Acrobat's Recognize Text, or ocrmypdf) and map the result, or type "
            "the recommendations into a .md file",
        ),
    ],
    ids=["user-password", "aes-without-cryptography", "scanned"],
)
def test_a_pdf_scrmap_cannot_read_says_why_and_what_to_do(name: str, message: str) -> None:
    if name == "secured-aes.pdf" and _has_cryptography():
        pytest.skip("with 'cryptography' installed pypdf reads AES")
    recs, problems = load_file(PDFS / name)
    assert recs == []
    assert [(p.path, p.line, p.message) for p in problems] == [(str(PDFS / name), None, message)]


def _has_cryptography() -> bool:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return False
    return True


def test_a_pdf_secured_with_only_an_owner_password_is_read() -> None:
    """Secured against copying or printing, not against opening: pypdf reads RC4 itself."""
    recs, problems = load_file(PDFS / "secured.pdf")
    assert problems == []
    assert [(r.id, r.source.line, r.text) for r in recs] == CHILD_Q_ITEMS


def test_recommendations_in_a_table_are_refused_not_mapped_as_pieces_of_cells() -> None:
    recs, problems = load_file(PDFS / "table.pdf")
    assert recs == []
    assert [(p.line, p.message) for p in problems] == [
        (
            1,
            "page 1: the recommendations here are set out in a table (or in columns), whose "
            "cells a PDF's text runs together, so scrmap does not read them: copy the table "
            "into a spreadsheet (.xlsx or .csv) or map the Word file the PDF was saved from",
        )
    ]


TWO_COLUMNS = [
    "Health visitors should record the details of fathers and significant males at the "
    "first visit, and share them with the GP.",
    "Children's social care should review how the neglect toolkit is used by schools and "
    "early help.",
    "The MASH should give feedback to every referrer within three working days, and say "
    "what was decided, by whom, and what the family was told.",
    "Schools should be told the outcome of every referral they make, in writing.",
    "The Partnership should audit how professional curiosity is recorded in supervision "
    "by June 2026.",
    "Police and children's social care should hold a strategy discussion whenever a child "
    "is seen with an unexplained injury.",
]


def test_a_list_set_in_two_columns_is_read_left_column_first() -> None:
    """`columns: 2`, as a newsletter or a Word section in two columns: the right column's
    items are items, not text indented under the left's last; the third item runs over
    from the foot of the left column to the top of the right as one ("... decided, by" /
    "whom, and ..."); the glossary across the page below is not read. It read "decided,
    by" and lost the rest."""
    recs, problems = load_file(PDFS / "two-columns.pdf")
    assert problems == []
    assert [(r.id, r.source.line, r.case, r.text) for r in recs] == [
        (str(n), 1, "Child W", text) for n, text in enumerate(TWO_COLUMNS, start=1)
    ]


def test_a_two_column_table_whose_rows_run_together_is_refused() -> None:
    """A table of "Recommendation" and "Lead" with no rules: a row of one line each comes
    out as one line ("... the father's details. NHS Trust"), and one row's cell of three
    lines goes back up the page once, not the three times that mark a table. It was read
    as three items with their lead agency run into their text, and no message; the cells
    starting at the same place across the page, row after row, mark the table."""
    recs, problems = load_file(PDFS / "two-column-table.pdf")
    assert recs == []
    assert [(p.path, p.line, p.message) for p in problems] == [
        (
            str(PDFS / "two-column-table.pdf"),
            1,
            "page 1: the recommendations here are set out in a table (or in columns), whose "
            "cells a PDF's text runs together, so scrmap does not read them: copy the table "
            "into a spreadsheet (.xlsx or .csv) or map the Word file the PDF was saved from",
        )
    ]


def test_a_note_in_a_wide_margin_and_an_indented_list_are_no_columns() -> None:
    """One column of text beside a note in a wide left margin (set first, so the text goes
    back up the page to its right, onto the note's baseline), and a list indented under a
    paragraph: neither is a second column, nor a table, and the items are read."""
    recs, problems = load_file(PDFS / "margin-note.pdf")
    assert problems == []
    assert [(r.id, r.source.line, r.case, r.text) for r in recs] == [
        (str(n), 1, "Child U", text) for n, text in enumerate(TWO_COLUMNS[:3], start=1)
    ]


def test_a_change_of_type_at_the_same_place_on_rows_is_no_table(tmp_path: Path) -> None:
    """Runs of text that start at the same place across the page on several lines, as a
    word in bold does in a list set in a monospaced font, are no table's cells: no space
    parts them from the run before (a cell is a run after a gap of one and a half times
    the type's size, by the font's widths)."""
    weasyprint = _weasyprint()
    items = "".join(
        f"<li>{who} should ask every agency to audit <b>{what}</b> its referrals by {when}.</li>"
        for who, what, when in [
            ("The Board", "all", "June"),
            ("The MASH", "half", "July"),
            ("The LSCP", "each", "May"),
        ]
    )
    html = (
        '<style>body { font-family: "DejaVu Sans Mono"; font-size: 10pt }</style>'
        f"<h1>Child M</h1><h2>Recommendations</h2><ol>{items}</ol>"
    )
    path = tmp_path / "Child M.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [r.text.split(" should")[0] for r in recs] == ["The Board", "The MASH", "The LSCP"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty (0 bytes), not a PDF"),
        (
            b"Recommendations\n1. The Board should ...\n",
            "not a PDF (it does not start as one): save or export the review as PDF again",
        ),
        (
            b"PK\x03\x04" + bytes(40),
            "not a PDF: a Word, Excel or other Office file (a zip archive) named .pdf; give "
            "it its own ending (.docx, .xlsx) and map that",
        ),
        (
            CHILD_Q.read_bytes()[:300],
            "not a readable PDF: damaged or cut short (PdfStreamError: Stream has ended "
            "unexpectedly); download or save it again",
        ),
    ],
    ids=["empty", "text", "office-file", "cut-short"],
)
def test_a_file_named_pdf_that_is_none_or_is_damaged(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "Child Q.pdf"
    path.write_bytes(content)
    assert load_file(path) == ([], [_problem(path, message)])


def _problem(path: Path | str, message: str) -> Problem:
    return Problem(str(path), None, None, message)


def test_damage_anywhere_in_a_pdf_never_gives_a_traceback(tmp_path: Path) -> None:
    """Bytes cut or overwritten at every point of the file: each is read, in part or not,
    or refused with a problem, never an exception."""
    data = CHILD_Q.read_bytes()
    path = tmp_path / "damaged.pdf"
    for at in range(0, len(data), len(data) // 40):
        for damaged in (data[:at], data[:at] + bytes(200) + data[at + 200 :]):
            path.write_bytes(damaged)
            recs, problems = load_file(path)
            assert recs or problems, at


def test_a_pdf_whose_pages_inflate_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    """The limit on input files holds for what a PDF's pages inflate to, as for a .docx,
    counted before a page is read: 18 KB that inflate to 12 MB are not parsed."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    content = DecodedStreamObject()
    content.set_data(b"BT ET\n" * 2_000_000)
    page.replace_contents(content)
    page.compress_content_streams()
    path = tmp_path / "bomb.pdf"
    writer.write(path)
    assert path.stat().st_size < 100_000
    assert load_pdf(path, "bomb.pdf", "bomb", Limits(file_mb=5)) == (
        [],
        [
            _problem(
                "bomb.pdf",
                "its pages inflate past the 5 MB limit on input files by page 1 "
                "(SCRMAP_MAX_FILE_MB raises it)",
            )
        ],
    )
    recs, problems = load_pdf(CHILD_Q, "Child Q.pdf", "Child Q", Limits(file_mb=0.001))
    assert (recs, [p.message for p in problems]) == (
        [],
        [
            "its pages inflate past the 0.001 MB limit on input files by page 1 "
            "(SCRMAP_MAX_FILE_MB raises it)"
        ],
    )


def test_a_pdf_with_no_pages_or_blank_pages_says_so(tmp_path: Path) -> None:
    """Not called a scan: it shows no picture."""
    from pypdf import PdfWriter

    empty, blank = PdfWriter(), PdfWriter()
    blank.add_blank_page(595, 842)
    empty.write(tmp_path / "empty.pdf")
    blank.write(tmp_path / "blank.pdf")
    assert load_file(tmp_path / "empty.pdf") == (
        [],
        [_problem(tmp_path / "empty.pdf", "has no pages")],
    )
    assert load_file(tmp_path / "blank.pdf") == (
        [],
        [
            _problem(
                tmp_path / "blank.pdf",
                "has no text to read: its pages are blank, or their words are drawn as shapes, "
                "which scrmap cannot read; type the recommendations into a .md file",
            )
        ],
    )


def test_a_pdf_in_a_folder_is_noted_and_a_pdf_named_is_read(tmp_path: Path) -> None:
    """The published review kept beside the recommendations taken from it: read in a
    folder, its case would be counted twice, so it is noted with how to map it."""
    folder = tmp_path / "reviews"
    folder.mkdir()
    shutil.copy(CHILD_Q, folder / "Child Q.pdf")
    (folder / "child-q.md").write_text("# Child Q\n\n- Share the plan with the GP.\n")
    loaded = load_arguments([str(folder)], io.BytesIO)
    assert loaded.problems == []
    assert [r.text for r in loaded.recommendations] == ["Share the plan with the GP."]
    assert loaded.skipped == [
        f"skipped {folder}/Child Q.pdf: a PDF in a folder is not read, so that a published "
        "review kept beside its recommendations is not counted twice; to read it, name it as "
        f"an input too: '{folder}/Child Q.pdf'"
    ]
    named = load_arguments([str(folder / "Child Q.pdf")], io.BytesIO)
    assert [r.id for r in named.recommendations] == ["1", "2", "3"]
    # Named beside its folder, before it or after, it is read once, and no note says
    # it was left out.
    for args in ([folder, folder / "Child Q.pdf"], [folder / "Child Q.pdf", folder]):
        both = load_arguments([str(arg) for arg in args], io.BytesIO)
        assert (both.skipped, both.problems) == ([], [])
        assert sorted(r.id for r in both.recommendations) == ["1", "1", "2", "3"]


def test_map_gives_the_page_as_the_line_and_evidence_quotes_the_letters() -> None:
    result = run("map", str(CHILD_Q), "-f", "jsonl")
    assert result.exit_code == exitcodes.OK, result.stderr
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(i["id"], i["source"]) for i in items] == [
        (rec_id, {"file": str(CHILD_Q), "line": page}) for rec_id, page, _ in CHILD_Q_ITEMS
    ]
    quoted = {e["matched"] for i in items for s in i["standards"] for e in s["evidence"]}
    assert "significant males" in quoted
    assert not any("\ufb01" in q or "Page" in q for q in quoted)


def test_map_of_bad_pdfs_exits_2_and_maps_the_others(tmp_path: Path) -> None:
    shutil.copy(PDFS / "protected.pdf", tmp_path / "protected.pdf")
    (tmp_path / "notes.pdf").write_text("not a pdf")
    result = run(
        "map", str(tmp_path / "protected.pdf"), str(tmp_path / "notes.pdf"), str(CHILD_Q),
        "-f", "jsonl",
    )  # fmt: skip
    assert result.exit_code == exitcodes.USAGE
    assert len(result.stdout.splitlines()) == 3
    assert f"{tmp_path}/protected.pdf: protected by a password" in result.stderr
    assert f"{tmp_path}/notes.pdf: not a PDF" in result.stderr
    assert "Traceback" not in result.stderr


def test_coverage_of_a_pdf_counts_its_case() -> None:
    result = run("coverage", str(CHILD_Q), "-f", "json")
    assert result.exit_code == exitcodes.OK, result.stderr
    report = json.loads(result.stdout)
    assert (report["totals"]["recommendations"], report["totals"]["cases"]) == (3, 1)


def test_check_reads_a_pdf_and_a_problem_in_it_names_its_page() -> None:
    result = run("check", str(PDFS / "table.pdf"), str(CHILD_Q))
    assert result.exit_code == exitcodes.USAGE
    assert (
        f"{PDFS / 'table.pdf'}:1:1: error [input] page 1: the recommendations here are set out "
        "in a table" in result.stdout
    )
    assert f"{CHILD_Q}:2:1: warning [measurable]" in result.stdout


def test_check_names_each_recommendation_of_a_pdf_page_where_the_page_names_several(
    tmp_path: Path,
) -> None:
    """A PDF's place is its page, which holds several recommendations: each finding's line
    names the one it is about, "recommendation 1", as a Lead Reviewer finds it in the
    review (off a terminal, in a file, in JUnit and in the text view). It was
    `child-q.pdf:1:1: warning [time-bound] gives no date ...` for recommendation 1 and 2
    alike. A file whose line is the item's own is as it was."""
    columns = PDFS / "two-columns.pdf"
    draft = tmp_path / "draft.md"
    draft.write_text("# Child D\n\n1. Staff should consider fathers.\n", encoding="utf-8")
    result = run("check", str(columns), str(draft), "--select", "time-bound")
    assert result.exit_code == exitcodes.OK, result.stderr
    no_date = (
        "gives no date or timescale: add one ('by March 2027', 'within six months') or set 'due'"
    )
    in_draft = [f"{draft}:3:1: warning [time-bound] {no_date}"]
    in_columns = [
        f"{columns}:1:1: warning [time-bound] recommendation {n}: {no_date}" for n in (1, 2, 4, 6)
    ]
    # Files in the order of their paths (the checkout's place decides which comes first).
    in_order = [in_draft, in_columns] if str(draft) < str(columns) else [in_columns, in_draft]
    assert result.stdout.splitlines() == [
        *in_order[0],
        *in_order[1],
        "2 files checked: 0 errors, 5 warnings",
    ]
    text = run("check", str(columns), "-f", "text", "--select", "time-bound")
    assert text.stdout.splitlines()[1:5] == [
        f"        1  warning  time-bound     recommendation {n}: {no_date}" for n in (1, 2, 4, 6)
    ]
    junit = run("check", str(columns), "-f", "junit", "--select", "time-bound")
    expected = f"{columns}:1: warning [time-bound] recommendation 6: {no_date}"
    assert html.escape(expected) in junit.stdout
    # Each recommendation's findings together, in the order the page gives them (they were
    # sorted by rule: every recommendation's measurable finding, then every time-bound one).
    both = run("check", str(columns), "--select", "time-bound", "--select", "measurable")
    named = [line.split("] recommendation ")[1][:1] for line in both.stdout.splitlines()[:-1]]
    assert named == ["1", "1", "2", "2", "3", "4", "4", "6", "6"]
    repeated = run("check", str(CHILD_Q), str(PDFS / "two-columns.pdf"), "--select", "duplicate")
    assert (
        f"{PDFS / 'two-columns.pdf'}:1:1: warning [duplicate] recommendation 1: nearly repeats "
        f"recommendation 1 at {CHILD_Q}:1 (similarity " in repeated.stdout
    )


def test_a_review_made_into_a_pdf_now_reads_as_its_markdown(tmp_path: Path) -> None:
    """A PDF typeset here from HTML (the `pdf` extra): bullets drawn apart from their text,
    a bold heading at the body's size, a paragraph after the list."""
    weasyprint = _weasyprint()
    html = (
        "<h1>Adult B</h1><p>Safeguarding Adults Review.</p>"
        "<p><b>Recommendations</b></p><ul><li>The Board should audit self-neglect "
        "referrals.</li><li>Housing should join the multi-agency risk meeting.</li></ul>"
        "<p>The Board should hear of progress in a year.</p>"
    )
    path = tmp_path / "Adult B.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    recs, problems = load_file(path)
    assert [(r.case, r.text) for r in recs] == [
        ("Adult B", "The Board should audit self-neglect referrals."),
        ("Adult B", "Housing should join the multi-agency risk meeting."),
    ]
    assert [p.message for p in problems] == [
        "page 1: 'The Board should ...' not read: beside a list of recommendations only its "
        "items and labelled paragraphs are read: make it a list item, or label it "
        "'Recommendation N: ...'"
    ]


def test_bold_headings_with_no_gap_around_them(tmp_path: Path) -> None:
    """A bold "Recommendations" straight over its list, and a bold "Glossary" straight
    under it, as a Word document with no spacing sets them: headings, so the glossary does
    not run into the last item."""
    weasyprint = _weasyprint()
    html = (
        "<style>p { margin: 0 0 8pt } ol { margin: 0 }</style><h1>Child N</h1>"
        "<p>The review found that practitioners did not share what they knew.</p>"
        "<p><b>Recommendations</b></p><ol><li>The Board should audit referrals.</li>"
        "<li>Schools should record concerns.</li></ol><p><b>Glossary</b></p>"
        "<p>MASH: the Multi-Agency Safeguarding Hub.</p>"
    )
    path = tmp_path / "Child N.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.case, r.text) for r in recs] == [
        ("1", "Child N", "The Board should audit referrals."),
        ("2", "Child N", "Schools should record concerns."),
    ]


@pytest.mark.parametrize(
    ("ending", "message"),
    [
        (".txt", "a PDF, not text: name it .pdf, and scrmap reads it as a PDF"),
        (".csv", "a PDF, not text: name it .pdf, and scrmap reads it as a PDF"),
        (".docx", "a PDF named .docx: name it .pdf, and scrmap reads it as a PDF"),
        (".xlsx", "a PDF named .xlsx: name it .pdf, and scrmap reads it as a PDF"),
    ],
)
def test_a_pdf_under_another_ending_is_named_with_what_to_do(
    tmp_path: Path, ending: str, message: str
) -> None:
    """A system's export names the published review .txt or .docx: it was "binary file,
    not text" or "not a zip file", with nothing to do about it."""
    path = tmp_path / f"Child Q{ending}"
    shutil.copy(CHILD_Q, path)
    assert load_file(path) == ([], [_problem(path, message)])


def test_a_pdf_on_standard_input_is_told_to_be_saved_as_a_file() -> None:
    """Piped, a PDF has no name to change: the advice is to save it as a .pdf and name it."""
    result = CliRunner().invoke(app, ["map", "-"], input=CHILD_Q.read_bytes())
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == (
        "<stdin>: a PDF, not text: save it as a file named .pdf, and name that file\n"
    )


def _handmade(path: Path, *pages: bytes) -> Path:
    """A PDF of A4 pages, each drawing its content (Helvetica as /F1, its bold as /F2), as
    a PDF writer writes one, so that a test reads it without WeasyPrint."""
    fonts = b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>"
    kids = b" ".join(b"%d 0 R" % (5 + 2 * k) for k in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    ]
    for k, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R %s >>"
            % (6 + 2 * k, fonts)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    data = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(data)
    return path


def _text(font: bytes, size: int, x: int, y: int, text: bytes) -> bytes:
    return b"BT /%s %d Tf %d %d Td (%s) Tj ET\n" % (font, size, x, y, text)


def test_a_paragraph_runs_over_a_page_break_at_a_sentence_end_and_stops_short(
    tmp_path: Path,
) -> None:
    """Word sets paragraphs with no space between them: a paragraph's last line stops
    short of the measure, so a line that runs to it goes on over the page break though it
    ends a sentence, and a short one ends its paragraph; a label starts one."""
    furniture = _text(b"F1", 9, 250, 810, b"Child V SPR")
    first = (
        furniture
        + _text(b"F2", 16, 72, 770, b"Child V")
        + _text(b"F2", 11, 72, 744, b"Recommendations")
        + _text(
            b"F1", 11, 72, 724,
            b"Recommendation 1: The Partnership should audit how professional curiosity is",
        )
        + _text(
            b"F1", 11, 72, 710,
            b"recorded in supervision across health, police and social care, and the Board.",
        )
        + _text(b"F1", 9, 270, 40, b"Page 1 of 2")
    )  # fmt: skip
    second = (
        furniture
        + _text(b"F1", 11, 72, 770, b"It should repeat the audit a year later.")
        + _text(
            b"F1", 11, 72, 756,
            b"Recommendation 2: Police and the social care teams should hold a strategy",
        )
        + _text(b"F1", 11, 72, 742, b"discussion about every unexplained injury.")
        + _text(b"F1", 9, 270, 40, b"Page 2 of 2")
    )  # fmt: skip
    recs, problems = load_file(_handmade(tmp_path / "v.pdf", first, second))
    assert problems == []
    assert [(r.id, r.source.line, r.case, r.text) for r in recs] == [
        (
            "1",
            1,
            "Child V",
            "The Partnership should audit how professional curiosity is recorded in "
            "supervision across health, police and social care, and the Board. It should "
            "repeat the audit a year later.",
        ),
        (
            "2",
            2,
            "Child V",
            "Police and the social care teams should hold a strategy discussion about every "
            "unexplained injury.",
        ),
    ]


def test_a_number_run_into_its_item_is_still_a_list_item(tmp_path: Path) -> None:
    """A marker set apart from its text by a tab stop can come out of the text run into
    its first word ("1.The"): still an item, as "1. The" is."""
    content = (
        b"BT /F2 16 Tf 72 760 Td (Child W) Tj ET\n"
        b"BT /F2 11 Tf 72 730 Td (Recommendations) Tj ET\n"
        b"BT /F1 11 Tf 72 710 Td (1.The Board should audit referrals.) Tj ET\n"
        b"BT /F1 11 Tf 72 696 Td (2.Schools should record concerns.) Tj ET\n"
    )
    recs, problems = load_file(_handmade(tmp_path / "w.pdf", content))  # one page
    assert problems == []
    assert [(r.id, r.case, r.text) for r in recs] == [
        ("1", "Child W", "The Board should audit referrals."),
        ("2", "Child W", "Schools should record concerns."),
    ]


def test_a_pdf_whose_fonts_give_no_letters_is_refused_not_mapped(tmp_path: Path) -> None:
    """A PDF made so that its text cannot be copied: its characters are a font's codes,
    not letters, and mapped they would be noise."""
    line = b"BT /F1 11 Tf 72 700 Td (\x01\x02\x03\x04\x05 \x06\x07\x08\x0e\x0f \x10\x11) Tj ET\n"
    path = _handmade(tmp_path / "codes.pdf", line * 20)
    assert load_file(path) == (
        [],
        [
            _problem(
                path,
                "its text does not read as words: its fonts give no letters for their "
                "characters (the PDF was made so that its text cannot be copied), which scrmap "
                "cannot read; map the Word file it was made from, or type the recommendations "
                "into a .md file",
            )
        ],
    )


def test_numbered_section_headings_and_a_contents_page(tmp_path: Path) -> None:
    """Reviews number their sections ("2. Recommendations", "3. Appendix 1"): a heading in
    larger type, its number left off, so that the appendix is back matter; the contents
    page's entries, numbered too, are outside the recommendations section."""
    contents = (
        _text(b"F2", 16, 72, 770, b"Child U")
        + _text(b"F2", 13, 72, 740, b"Contents")
        + _text(b"F1", 11, 72, 716, b"1. Introduction 2")
        + _text(b"F1", 11, 72, 702, b"2. Recommendations 2")
        + _text(b"F1", 11, 72, 688, b"3. Appendix 1: Terms of reference 2")
    )
    sections = (
        _text(b"F2", 13, 72, 770, b"1. Introduction")
        + _text(b"F1", 11, 72, 750, b"The review looked at the work of the agencies.")
        + _text(b"F2", 13, 72, 720, b"2. Recommendations")
        + _text(b"F1", 11, 72, 700, b"1. The Board should audit referrals.")
        + _text(b"F1", 11, 72, 686, b"2. Schools should record concerns.")
        + _text(b"F2", 13, 72, 650, b"3. Appendix 1: Terms of reference")
        + _text(b"F1", 11, 72, 630, b"1. To establish what each agency knew.")
    )
    recs, problems = load_file(_handmade(tmp_path / "u.pdf", contents, sections))
    assert problems == []
    assert [(r.id, r.source.line, r.case, r.text) for r in recs] == [
        ("1", 2, "Child U", "The Board should audit referrals."),
        ("2", 2, "Child U", "Schools should record concerns."),
    ]


def test_a_page_that_cannot_be_read_is_named_and_the_others_are_read(tmp_path: Path) -> None:
    first = _text(b"F2", 16, 72, 770, b"Child D") + _text(
        b"F1", 11, 72, 740, b"1. The Board should audit referrals."
    )
    damaged = b"BT /F1 11 Tf 72 700 Td [(a) 1 <zz>] TJ ET"
    path = _handmade(tmp_path / "d.pdf", first, damaged)
    recs, problems = load_file(path)
    assert [(r.id, r.source.line, r.text) for r in recs] == [
        ("1", 1, "The Board should audit referrals.")
    ]
    assert [(p.line, p.message) for p in problems] == [
        (
            2,
            "page 2 could not be read (PdfStreamError: Invalid hexadecimal character b'z' in "
            "hex string); the other pages are read",
        )
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"BT /F1 1e400 Tf 72 700 Td (x) Tj ET",
        b"BT /F1 11 Tf 1e400 1e400 Td (x) Tj ET",
        b"BT /F1 100000000 Tf 72 700 Td (1.) Tj (Here) Tj ET",
        b"1e300 0 0 1e300 0 0 cm BT /F1 11 Tf 72 700 Td (x) Tj ET",
    ],
    ids=["infinite-size", "infinite-place", "huge-size", "huge-matrix"],
)
def test_a_page_of_impossible_numbers_leaves_the_others_read(
    tmp_path: Path, content: bytes
) -> None:
    first = _text(b"F2", 16, 72, 770, b"Child D") + _text(
        b"F1", 11, 72, 740, b"1. The Board should audit referrals."
    )
    recs, _ = load_file(_handmade(tmp_path / "n.pdf", first, content))
    assert [r.text.split(".")[0] for r in recs] == ["The Board should audit referrals"]


def test_a_table_of_one_line_rows_is_known_by_its_header_row(tmp_path: Path) -> None:
    """Rows of one line each come out as lines of text ("1 Record the father's details NHS
    Trust March 2026"): the header row names the table's columns as a spreadsheet's does,
    so the page is refused, not read with each row's agency and date run into its text."""
    content = _text(b"F2", 16, 72, 770, b"Child T") + _text(b"F2", 13, 72, 740, b"Recommendations")
    cells = [
        (b"No.", b"Recommendation", b"Lead agency", b"Target date"),
        (b"1", b"Record the father's details at the first visit.", b"NHS Trust", b"March 2026"),
        (b"2", b"Give feedback to every referrer in three days.", b"Social care", b"June 2026"),
    ]
    for row, texts in enumerate(cells):
        y = 716 - 18 * row
        for x, text in zip((72, 100, 360, 460), texts, strict=True):
            content += _text(b"F2" if row == 0 else b"F1", 10, x, y, text)
    recs, problems = load_file(_handmade(tmp_path / "t.pdf", content))
    assert recs == []
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(1, "page 1")]
    assert "set out in a table" in problems[0].message


def test_a_pdf_review_that_says_when_it_was_published_is_dated(tmp_path: Path) -> None:
    """The title page's "Published: 12 March 2026" dates the review, as a YAML file's
    `published` does: `--since` and the themes by year count it."""
    weasyprint = _weasyprint()
    html = (
        "<h1>Child W</h1><p>Safeguarding Practice Review</p><p>Published: 12 March 2026</p>"
        "<h2>Recommendations</h2><ol><li>Health visitors should ask about fathers at every "
        "contact.</li><li>Schools should share records with the GP.</li></ol>"
    )
    path = tmp_path / "Child W.pdf"
    weasyprint.HTML(string=html).write_pdf(path)
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.case, r.meta.get("published")) for r in recs] == [
        ("Child W", "2026-03-12"),
        ("Child W", "2026-03-12"),
    ]
    result = run("coverage", str(path), "--since", "2026-01-01", "-f", "json")
    assert result.exit_code == exitcodes.OK, result.stderr
    assert json.loads(result.stdout)["period"]["first"] == "2026-03-12"
