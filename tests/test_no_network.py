"""No command touches the network: every one runs with internet sockets refused.

Each command runs in a fresh interpreter in which creating an internet socket or
resolving a host name raises, and also leaves a mark in a file, so that a library
which caught the error quietly would still be found out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scrmap import exitcodes
from scrmap.formats import pdf

from .conftest import ROOT

PRELUDE = """
import socket, sys
MARK = sys.argv.pop(1)

def refuse(what):
    with open(MARK, "a") as handle:
        handle.write(what + "\\n")
    raise OSError("network use refused by the test: " + what)

class Guarded(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (socket.AF_INET, socket.AF_INET6, -1):
            refuse(f"socket({family})")
        super().__init__(family, type, proto, fileno)

socket.socket = Guarded
for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
    setattr(socket, name, lambda *a, _name=name, **k: refuse(_name))
sys.argv[0] = "scrmap"
from scrmap.cli import run
run()
"""

LIBRARY = str(ROOT / "data" / "recommendations")
GOLD = str(ROOT / "tests" / "gold" / "dev.yaml")
ADULT = str(ROOT / "examples" / "adult-sar-framework.yaml")
ADULT_GOLD = str(ROOT / "tests" / "data" / "adult-sar-gold.yaml")


def _commands(tmp: Path) -> list[tuple[list[str], int]]:
    return [
        (["framework", "show", "-f", "json"], exitcodes.OK),
        (["framework", "validate", str(ROOT / "framework.yaml")], exitcodes.OK),
        (["map", LIBRARY, "-f", "jsonl"], exitcodes.OK),
        (["map", LIBRARY, "-f", "jsonl", "--jobs", "2"], exitcodes.OK),
        (["coverage", LIBRARY], exitcodes.OK),
        (["report", LIBRARY, "-o", str(tmp / "r.html")], exitcodes.OK),
        (["report", LIBRARY, "-o", str(tmp / "r.xlsx")], exitcodes.OK),
        (["check", LIBRARY, "-f", "sarif"], exitcodes.OK),
        (["evaluate", GOLD], exitcodes.OK),
        (["report", LIBRARY, "-o", str(tmp / "r.md")], exitcodes.OK),
        (["report", LIBRARY, "-o", str(tmp / "r.pdf")], exitcodes.OK),
        (["framework", "suggest-cues", "--framework", ADULT, ADULT_GOLD], exitcodes.OK),
        (
            ["framework", "learn", "--framework", ADULT, ADULT_GOLD, "-o", str(tmp / "a.yaml")],
            exitcodes.OK,
        ),
    ]


@pytest.mark.parametrize("index", range(13))
def test_command_runs_without_the_network(tmp_path: Path, index: int) -> None:
    args, expected = _commands(tmp_path)[index]
    if "r.pdf" in args[-1] and pdf.unavailable():
        pytest.skip(pdf.unavailable() or "")
    mark = tmp_path / "network-attempts"
    result = subprocess.run(
        [sys.executable, "-c", PRELUDE, str(mark), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert not mark.exists(), f"{args} tried the network: {mark.read_text()}"
    assert result.returncode == expected, result.stderr
    assert "Traceback" not in result.stderr


def test_the_guard_does_catch_network_use(tmp_path: Path) -> None:
    """The guard itself works: a program that does reach for the network is caught."""
    mark = tmp_path / "network-attempts"
    probe = PRELUDE.replace(
        "from scrmap.cli import run\nrun()",
        "import urllib.request\nurllib.request.urlopen('http://example.org')",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(mark)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert mark.read_text().strip()
