"""The report as a PDF, typeset by WeasyPrint when the `pdf` extra is installed.

The PDF is made from the same HTML page as the `.html` report, its print stylesheet
included (A4, running header, "page x of y", the protective marking on every page), so
the two cannot differ. WeasyPrint is optional: it needs Pango from the system, which
not every machine has, and most users print the HTML from a browser. Without it the
caller gets `PdfUnavailable`, whose message says how to get it, and writes nothing:
HTML is never written under a `.pdf` name.

Nothing is fetched while typesetting: the page is self-contained, and a URL fetcher
that allows no protocol at all makes sure a hostile file cannot make the PDF call out.
"""

from __future__ import annotations

from typing import Any

INSTALL = "pip install 'scrmap[pdf]' (in a clone of the source: pip install -e '.[pdf]')"


class PdfUnavailable(Exception):
    """PDF output cannot be made on this machine; the message says why and what to do."""


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as err:
        raise PdfUnavailable(
            f"writing PDF needs the pdf extra: {INSTALL}; or write .html and print it "
            "to PDF from a browser"
        ) from err
    except OSError as err:  # WeasyPrint is there but Pango is not
        raise PdfUnavailable(
            f"WeasyPrint cannot load the Pango library ({err}); install the system's "
            "Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
        ) from err
    return weasyprint


def unavailable() -> str | None:
    """Why PDF cannot be written here, or None: asked before the analysis, so that a
    user without the extra is told at once rather than after minutes of mapping."""
    try:
        _weasyprint()
    except PdfUnavailable as err:
        return str(err)
    return None


def render_pdf(html: str) -> bytes:
    """The PDF of a report page, tagged: headings, lists, tables with their header cells
    and the charts as figures with their titles as alternative text, in reading order, and
    the page's language. An untagged PDF is a picture of text to a screen reader, and a
    Board paper must be readable by one (the public sector's accessibility rules); the
    tags cost about a tenth more time and half as much again in size."""
    weasyprint = _weasyprint()
    document: bytes = weasyprint.HTML(
        string=html, url_fetcher=weasyprint.URLFetcher(allowed_protocols=())
    ).write_pdf(pdf_tags=True)
    return document
