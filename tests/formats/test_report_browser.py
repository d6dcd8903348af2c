"""The HTML report in a real browser: headless Chromium renders it, prints it on A4,
and runs nothing from hostile recommendation text.

.ci/run installs Debian's `chromium`; where it cannot be installed these tests skip.
"""

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap.cli import app

from ..conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

# The flags keep Chromium off the network entirely (this machine's network is closed, and
# the report must not need one) and away from the user's own profile.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def report(tmp_path: Path, *inputs: str) -> Path:
    out = tmp_path / "report.html"
    args = ["report", *inputs, "-o", str(out), "--as-of", "2026-11-23"]
    result = CliRunner().invoke(app, [*args, "--marking", "OFFICIAL-SENSITIVE"])
    assert result.exit_code == 0, result.stderr
    return out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, as poppler's pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_report_renders_summary_and_charts(tmp_path: Path) -> None:
    page = report(tmp_path, str(ROOT / "data" / "recommendations"))
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    text = re.sub(r"<[^>]+>", " ", dom)
    for expected in (
        "Coverage of Norfolk Thematic Learning Framework",
        "Summary",
        "What was analysed",
        "No recommendation addresses standard 2.4.",
        "Information-sharing appears in 4 of 5 cases.",
        "Practice standards",
        "Action plan progress",
        "Themes by case",
        "Repeated recommendations",
        "Appendix A. Evidence for each mapping",
        "Cases R and S",
    ):
        assert expected in text
    assert re.search(r"45 \(21 findings, 14 recommendations, 10 responses\)", text)
    # Every chart is an SVG with a size, labelled, with its table beside it.
    charts = re.findall(r'<svg [^>]*class="chart"[^>]*>', dom)
    assert len(charts) >= 5  # no action-plan chart: the library carries no action plan
    for svg in charts:
        width, height = (int(re.search(rf'{a}="(\d+)"', svg)[1]) for a in ("width", "height"))
        assert width >= 200 and height >= 60
        assert 'role="img"' in svg
    assert dom.count('<div class="sr-only"><table>') == len(charts)
    # The heatmap's columns are the cases' names, not codes.
    assert re.search(r"<text [^>]*rotate\(-45[^>]*>Cases R and S</text>", dom)

    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=1280,1400", f"--screenshot={shot}", page.as_uri())
    assert png_size(shot) == (1280, 1400)
    # A blank white page of this size compresses to a few kilobytes; text and charts
    # take far more.
    assert shot.stat().st_size > 50_000


def test_report_prints_on_a4_with_the_summary_first(tmp_path: Path) -> None:
    page = report(tmp_path, str(ROOT / "data" / "recommendations"))
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    boxes = re.findall(rb"MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) > 1  # several pages
    for width, height in boxes:  # A4 is 595 x 842 points
        assert (round(float(width)), round(float(height))) == (595, 842)
    pages = pdf_pages(pdf)
    first = pages[0]
    # The first page is the summary, with its bars drawn: the bar labels are text in
    # the PDF, so the chart was laid out with a size.
    assert "Summary" in first and "What was analysed" in first
    assert "No recommendation addresses standard 2.4." in first
    assert "Q1 Professional curiosity" in first and "20 in 5 cases" in first
    assert "1. Coverage" not in first
    # Every page: the title in the header, the marking, and "Page x of y".
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert text.count("OFFICIAL-SENSITIVE") >= 2  # header and footer
        assert "Coverage of Norfolk Thematic Learning Framework" in text


def test_hostile_text_runs_nothing(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "# Case <img src=x onerror=\"document.title='pwned'\"> \u202etxt.exe\n\n"
        "1. <script>document.title='pwned'</script> Agencies should share information.\n",
        encoding="utf-8",
    )
    page = report(tmp_path, str(hostile))
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "pwned</title>" not in dom
    assert "<title>Coverage of Norfolk" in dom
    assert "&lt;script&gt;" in dom
    # The case name is a heatmap column: drawn in the SVG as text, its override visible.
    assert re.search(r"<text [^>]*rotate\(-45[^>]*>(<title>[^<]*</title>)?Case &lt;img", dom)
    assert "\u202e" not in dom and "[U+202E]" in dom


def png_rows(path: Path) -> list[bytes]:
    """The pixel rows of an 8-bit RGB or RGBA PNG, as Chromium writes its screenshots:
    enough of a decoder to look at a few pixels without an imaging library."""
    data = path.read_bytes()
    width, height = png_size(path)
    depth, colour = data[24], data[25]
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        if data[at + 4 : at + 8] == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line[x] for x in range(stride) if x % channels < 3))
        previous = line
    return rows


def test_the_page_reflows_at_320_pixels(tmp_path: Path) -> None:
    # WCAG 1.4.10: at 320 CSS px (1280 px at 400% zoom) the page scrolls only downwards;
    # a wide table or chart scrolls sideways in its own box. A sideways scrollbar is a band
    # of one grey across the bottom of the window, where the page would have its text.
    page = report(
        tmp_path, str(ROOT / "data" / "recommendations"), str(ROOT / "examples" / "action-plan.csv")
    )
    shot = tmp_path / "narrow.png"
    chromium(tmp_path, "--window-size=320,400", f"--screenshot={shot}", page.as_uri())
    rows = png_rows(shot)
    assert len(rows) == 400

    def band(row: bytes) -> bool:
        pixels = {row[x * 3 : x * 3 + 3] for x in range(20, 290)}
        return len(pixels) == 1 and len(set(next(iter(pixels)))) == 1 and max(row) < 255

    assert not (band(rows[-2]) and band(rows[-13])), "the page scrolls sideways at 320 px"
