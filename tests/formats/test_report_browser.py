"""The HTML report in a real browser: headless Chromium renders it, prints it on A4,
and runs nothing from hostile recommendation text.

.ci/run installs Debian's `chromium`; where it cannot be installed these tests skip.
"""

import re
import shutil
import struct
import subprocess
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
    result = CliRunner().invoke(app, ["report", *inputs, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_report_renders_with_its_tables(tmp_path: Path) -> None:
    page = report(tmp_path, str(ROOT / "data" / "recommendations"))
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    text = re.sub(r"<[^>]+>", " ", dom)
    for expected in (
        "Coverage of Norfolk Thematic Learning Framework",
        "Practice standards",
        "Themes by case",
        "Repeated recommendations",
        "Evidence for each mapping",
        "Cases R and S",
    ):
        assert expected in text
    assert re.search(r"45 recommendations\s+\(21 finding", text)

    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri())
    assert png_size(shot) == (1000, 1400)
    # A blank white page of this size compresses to a few kilobytes; tables and text
    # take far more.
    assert shot.stat().st_size > 50_000


def test_report_prints_on_a4(tmp_path: Path) -> None:
    page = report(tmp_path, str(ROOT / "data" / "recommendations"))
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    boxes = re.findall(rb"MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) > 1  # several pages
    for width, height in boxes:  # A4 is 595 x 842 points
        assert (round(float(width)), round(float(height))) == (595, 842)


def test_hostile_text_runs_nothing(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "# Case <img src=x onerror=\"document.title='pwned'\">\n\n"
        "1. <script>document.title='pwned'</script> Agencies should share information.\n",
        encoding="utf-8",
    )
    page = report(tmp_path, str(hostile))
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "pwned</title>" not in dom
    assert "<title>Coverage of Norfolk" in dom
    assert "&lt;script&gt;" in dom
