"""The README's `--help` excerpts are the real output of the installed `scrmap`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

EXCERPT = re.compile(r"<!-- help: scrmap(?P<args>[^>]*?) -->\n```text\n(?P<text>.*?)```", re.S)


def excerpts() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(m["args"].strip(), m["text"]) for m in EXCERPT.finditer(readme)]


def test_the_readme_has_help_excerpts() -> None:
    assert [args for args, _ in excerpts()] == ["--help", "map --help"]


@pytest.mark.parametrize(("args", "text"), excerpts(), ids=[a for a, _ in excerpts()])
def test_help_excerpt_matches_the_real_output(args: str, text: str) -> None:
    scrmap = Path(sys.executable).parent / "scrmap"
    env = os.environ | {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    result = subprocess.run(
        [str(scrmap), *args.split()], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == text, "update the README's excerpt of `scrmap " + args + "`"
