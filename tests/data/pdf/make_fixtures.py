"""Make the PDF fixtures the PDF reader's tests read, as councils publish reviews: a Word
document saved as PDF, with the review's name in a running header, "Page N of M" in the
footer, a protective marking, numbered recommendations, an appendix after them.

Run from the repository's root with the `pdf` extra installed (WeasyPrint):
    .venv/bin/python tests/data/pdf/make_fixtures.py
The PDFs are committed, so the tests that read them need neither WeasyPrint nor this
script; rerun it only to change them.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject
from weasyprint import HTML

HERE = Path(__file__).parent

PAGE = """
@page {{ size: A4; margin: 2.5cm 2.5cm 2.5cm 2.5cm;
  @top-center {{ content: "{running}"; font-size: 9pt }}
  @bottom-left {{ content: "OFFICIAL"; font-size: 9pt }}
  @bottom-right {{ content: {folio}; font-size: 9pt }} }}
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.3 }}
h1 {{ font-size: 22pt; margin: 0 0 6pt }} h2 {{ font-size: 15pt; margin: 14pt 0 6pt }}
p {{ margin: 0 0 8pt }} ol, ul {{ margin: 0 0 8pt }} li {{ margin: 0 0 4pt }}
p.label {{ font-weight: bold; margin-bottom: 2pt }}
.fn {{ float: footnote; font-size: 8pt }}
.fn::footnote-marker {{ content: counter(footnote) " " }}
table {{ border-collapse: collapse; width: 100% }} td, th {{ border: 1px solid #999;
  padding: 3pt; vertical-align: top; text-align: left }}
"""

FINDING = (
    "<p>Practitioners in health, education and children's social care saw the family "
    "often, but each saw only part of what was happening at home, and the information "
    "held by each agency was not brought together before the last referral was closed.</p>"
)


def write(name: str, body: str, running: str, folio: str) -> None:
    """Typeset ``body`` on A4 with a running header and a footer, as ``name``."""
    style = PAGE.format(running=running, folio=folio)
    html = f'<html lang="en-GB"><head><style>{style}</style></head><body>{body}</body></html>'
    HTML(string=html).write_pdf(HERE / name)


def child_q() -> None:
    """A numbered list under "Recommendations", the second item running over a page
    break, a footnote at the foot of the page, a sub-item, a word hyphenated at a line
    end, a ligature, and the terms of reference numbered in an appendix after it."""
    findings = FINDING * 6  # so that the second item runs over the page break
    body = (
        "<h1>Child Q</h1><p>Local Child Safeguarding Practice Review, published by the "
        "Safeguarding Partnership in March 2025.</p>"
        f"<h2>Introduction</h2>{findings}"
        "<h2>Recommendations</h2><p>The review makes the following recommendations.</p>"
        "<ol><li>The Partnership should make sure that health visitors record the details "
        "of fathers<span class=fn>Fathers, stepfathers and partners: Working Together 2023, "
        "chapter 1.</span> and signi\ufb01cant males at the \ufb01rst visit, and share them with "
        "the GP.</li>"
        "<li>Children's social care should review how the neglect toolkit is used, with "
        "particular attention to the ways in which practitioners in schools, early help "
        "and the police use it when they are worried about a child, to the training "
        "offered to them, and to the supervision that follows, and report on the infor-"
        "<br>mation shared to the Board within six months.<ul><li>including what schools "
        "are told after a referral</li></ul></li>"
        "<li>The MASH should give feedback to every referrer within three working "
        "days.</li></ol>"
        "<h2>Appendix 1: Terms of reference</h2><ol><li>To establish what each agency knew "
        "about the family.</li><li>To consider whether the referral was closed too "
        "soon.</li></ol>"
    )
    write(
        "child-q.pdf",
        body,
        "Child Q \u2013 Safeguarding Practice Review",
        '"Page " counter(page) " of " counter(pages)',
    )


def child_r() -> None:
    """Labelled recommendations ("Recommendation 1:") in bold over their paragraphs, a
    footer of the review's name beside the page number, and a glossary after them."""
    labelled = "".join(
        f'<p class="label">Recommendation {n}:</p><p>{text}</p>'
        for n, text in enumerate(
            [
                "The Safeguarding Partnership should audit how professional curiosity is "
                "recorded in supervision, and report to the Board by June 2026.",
                "Police and children's social care should hold a strategy discussion "
                "whenever a child is seen with an unexplained injury.",
            ],
            start=1,
        )
    )
    body = (
        "<h1>Serious Case Review</h1><h2>Child R</h2>"
        "<h2>Summary of learning</h2>"
        + FINDING * 10
        + "<h2>Recommendations</h2>"
        + labelled
        + "<h2>Glossary</h2><p>MASH: Multi-Agency Safeguarding Hub.</p>"
    )
    write("child-r.pdf", body, "Child R SPR", '"Child R SPR \u2013 " counter(page)')


def table() -> None:
    """The recommendations set out in a table, as many action plans are."""
    rows = "".join(
        f"<tr><td>{n}</td><td>{text}</td><td>{lead}</td><td>{due}</td></tr>"
        for n, text, lead, due in [
            (1, "Health visitors will record the father's details at the first visit.",
             "NHS Trust", "March 2026"),
            (2, "The MASH will give feedback to every referrer within three working days.",
             "Children's Services", "June 2026"),
            (3, "Schools will be told the outcome of every referral they make.",
             "Education", "June 2026"),
        ]
    )  # fmt: skip
    body = (
        "<h1>Child T</h1><h2>Recommendations</h2>"
        "<table><tr><th>No.</th><th>Recommendation</th><th>Lead agency</th>"
        f"<th>Target date</th></tr>{rows}</table>"
    )
    write("table.pdf", body, "Child T", '"Page " counter(page)')


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
    "Police and children's social care should hold a strategy discussion whenever a "
    "child is seen with an unexplained injury.",
]
"""Six recommendations, as a council newsletter or a review sets them in two columns."""


def two_columns() -> None:
    """A numbered list set in two columns (CSS `columns: 2`, as Word's two-column
    section), between a paragraph and a glossary across the page; the third item runs
    over from the foot of the left column to the top of the right."""
    items = "".join(f"<li>{text}</li>" for text in TWO_COLUMNS)
    body = (
        "<h1>Child W</h1><p>Local Child Safeguarding Practice Review.</p>"
        f"{FINDING}<h2>Recommendations</h2>"
        f'<div style="columns: 2; column-gap: 1cm; column-fill: auto; height: 7.8cm">'
        f"<ol>{items}</ol></div>"
        "<h2>Glossary</h2><p>MASH: Multi-Agency Safeguarding Hub.</p>"
    )
    write("two-columns.pdf", body, "Child W", '"Page " counter(page)')


def two_column_table() -> None:
    """The recommendations in a table of two columns, "Recommendation" and "Lead", with
    no rules: a row of one line each comes out as one line of text ("... GP. NHS Trust"),
    and only one row's cell runs to more lines (the three jumps up the page that mark a
    table elsewhere are not there)."""
    rows = "".join(
        f"<tr><td>{n}. {text}</td><td>{lead}</td></tr>"
        for n, (text, lead) in enumerate(
            [
                ("Health visitors should record the father's details.", "NHS Trust"),
                (TWO_COLUMNS[2], "MASH"),
                ("Schools should be told the outcome of every referral.", "Education"),
            ],
            start=1,
        )
    )
    body = (
        "<style>td, th { border: none; padding: 2pt 6pt 2pt 0 }</style>"
        f"<h1>Child V</h1>{FINDING}<h2>Recommendations</h2>"
        f"<table><tr><th>Recommendation</th><th>Lead</th></tr>{rows}</table>"
    )
    write("two-column-table.pdf", body, "Child V", '"Page " counter(page)')


def margin_note() -> None:
    """One column of text with a wide left margin that holds a note beside the first
    paragraph, set first (as a side heading is), and a list indented under a paragraph:
    neither is a second column."""
    items = "".join(f"<li>{text}</li>" for text in TWO_COLUMNS[:3])
    body = (
        "<h1>Child U</h1>"
        '<div style="display: flex"><p style="width: 3.2cm; flex: none; margin-right: '
        '0.8cm">Note: the panel met four times.</p><div>'
        f"{FINDING}<h2>Recommendations</h2><p>The review recommends that:</p>"
        f'<ol style="margin-left: 1.5cm">{items}</ol></div></div>'
    )
    write("margin-note.pdf", body, "Child U", '"Page " counter(page)')


def scanned() -> None:
    """A review scanned on a photocopier: a picture of a page, no text layer."""
    image = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(image).text((20, 20), "Recommendations\n1. The Board should ...", fill=0)
    png = io.BytesIO()
    image.save(png, format="PNG")
    data = base64.b64encode(png.getvalue()).decode()
    HTML(string=f'<img src="data:image/png;base64,{data}" width="500">').write_pdf(
        HERE / "scanned.pdf"
    )


def protected() -> None:
    """Child Q's review protected: with a password to open it; secured against copying
    with only an owner's password (RC4, which pypdf reads alone); and secured with AES,
    which needs the `cryptography` package (its dictionary says AES; its streams need not
    be, as they are never reached without the package)."""
    for name, user, aes in (
        ("protected.pdf", "open sesame", False),
        ("secured.pdf", "", False),
        ("secured-aes.pdf", "", True),
    ):
        writer = PdfWriter(clone_from=PdfReader(HERE / "child-q.pdf"))
        writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
        if aes:
            entry = writer._encrypt_entry
            assert entry is not None
            filter_ = DictionaryObject(
                {
                    NameObject("/CFM"): NameObject("/AESV2"),
                    NameObject("/Length"): NumberObject(16),
                    NameObject("/AuthEvent"): NameObject("/DocOpen"),
                }
            )
            entry[NameObject("/V")] = NumberObject(4)
            entry[NameObject("/R")] = NumberObject(4)
            entry[NameObject("/CF")] = DictionaryObject({NameObject("/StdCF"): filter_})
            entry[NameObject("/StmF")] = NameObject("/StdCF")
            entry[NameObject("/StrF")] = NameObject("/StdCF")
        with (HERE / name).open("wb") as handle:
            writer.write(handle)


if __name__ == "__main__":
    child_q()
    child_r()
    table()
    two_columns()
    two_column_table()
    margin_note()
    scanned()
    protected()
