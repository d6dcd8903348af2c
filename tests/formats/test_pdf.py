"""PDF through WeasyPrint: a real PDF with the extra, a clear message without it."""

import builtins
import contextlib
import re
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scrmap.cli import app
from scrmap.formats.pdf import PdfUnavailable, render_pdf, unavailable

from ..conftest import ROOT

PAGE = (
    "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body>{}</body></html>"
)


def needs_weasyprint() -> None:
    """Skip, saying why, without the extra or without the Pango it loads (an OSError,
    which pytest.importorskip would not catch)."""
    why = unavailable()
    if why:
        pytest.skip(why)


def test_without_the_extra_the_message_says_how_to_get_it(monkeypatch) -> None:
    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(PdfUnavailable, match=r"pip install 'scrmap\[pdf\]'"):
        render_pdf(PAGE.format("x"))


def test_a_real_pdf_that_fetches_nothing(tmp_path: Path, caplog) -> None:
    needs_weasyprint()
    pdf = render_pdf(PAGE.format('<p>Board paper</p><img src="http://example.invalid/x.png">'))
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert "disallowed protocol: http://example.invalid/x.png" in caplog.text
    if shutil.which("pdftotext"):
        (tmp_path / "r.pdf").write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Board paper" in text


def test_no_url_in_the_page_is_fetched_not_even_from_this_machine(tmp_path: Path) -> None:
    """Stylesheets, @import, fonts, images, objects, file: and data: URLs: a server listening
    on this machine is never called, and no local file is read into the PDF."""
    needs_weasyprint()
    calls: list[object] = []
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.2)
        url = f"http://127.0.0.1:{server.getsockname()[1]}"
        secret = tmp_path / "secret.svg"
        secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>SECRET</text></svg>')
        body = (
            f'<img src="{url}/i.png"><object data="{url}/o"></object>'
            f'<img src="{secret.as_uri()}"><img src="data:image/svg+xml,'
            '%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E">'
        )
        head = (
            f'<link rel="stylesheet" href="{url}/a.css"><style>@import url({url}/b.css);'
            f" @font-face {{ font-family: X; src: url({url}/f.woff) }}"
            f" body {{ font-family: X; background: url({url}/bg.png) }}</style><title>"
        )
        pdf = render_pdf(PAGE.format(body).replace("<title>", head))
        with contextlib.suppress(TimeoutError):
            calls.append(server.accept())
    assert calls == []
    assert pdf.startswith(b"%PDF-")
    assert b"SECRET" not in pdf


def test_report_pdf_is_a_real_pdf_with_the_summary_first(tmp_path: Path) -> None:
    needs_weasyprint()
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(
        app,
        [
            "report",
            str(ROOT / "data" / "recommendations"),
            "-o",
            str(out),
            "--as-of",
            "2026-11-23",
            "--marking",
            "OFFICIAL-SENSITIVE",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")[:-1]
    assert "What was analysed" in pages[0]
    assert "20 in 5 cases" in pages[0]  # the quadrant bars, drawn
    assert "1. Coverage" not in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "OFFICIAL-SENSITIVE" in page
    # Tagged, for screen readers: the page's structure is in the PDF, not only its look.
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE)
    tree = subprocess.run(
        ["pdfinfo", "-struct", str(out)], capture_output=True, text=True, check=True
    ).stdout
    elements = {line.split()[0].rstrip(":") for line in tree.splitlines() if line.strip()}
    assert {"H1", "H2", "H3", "L", "LI", "Table", "TH", "TD", "Caption", "Figure"} <= elements


def test_without_the_extra_pdf_is_refused_in_one_line_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scrmap.cli import report

    monkeypatch.setattr(
        report,
        "pdf_unavailable",
        lambda: "writing PDF needs the pdf extra: pip install 'scrmap[pdf]'",
    )
    out = tmp_path / "report.pdf"
    result = CliRunner().invoke(
        app, ["report", "Agencies should share information.", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"scrmap: {out}: writing PDF needs the pdf extra: pip install 'scrmap[pdf]'\n"
    )
    assert not out.exists()


def test_the_install_advice_covers_a_clone_too() -> None:
    from scrmap.formats.pdf import INSTALL

    assert (
        INSTALL == "pip install 'scrmap[pdf]' (in a clone of the source: pip install -e '.[pdf]')"
    )
