"""PDF through WeasyPrint: a real PDF with the extra, a clear message without it."""

import builtins
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from scrmap.formats.pdf import PdfUnavailable, render_pdf

PAGE = (
    "<!DOCTYPE html><html><head><meta charset=utf-8><title>t</title></head><body>{}</body></html>"
)


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
    pytest.importorskip("weasyprint", reason="the pdf extra is not installed")
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
