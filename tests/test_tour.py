"""The README's tour runs as written from a clone: every command of its code block, in a
copy of the files it names, with the installed `scrmap` on the PATH."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

TOUR = re.compile(r"^## A tour\n.*?```sh\n(?P<block>.*?)```", re.S | re.M)
EXIT = re.compile(r"\(exit (?P<code>\d+)\)\s*$")
"""A line expected to fail says so in its comment, e.g. '# ... (exit 1)'; else exit 0."""


def tour() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = TOUR.search(readme)
    assert found, "README.md has no '## A tour' with a sh block"
    return [line for line in found["block"].splitlines() if line.strip()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files a fresh clone has that the tour reads (a published review's PDF among the
    tests' files)."""
    root = tmp_path_factory.mktemp("clone")
    for name in ("data", "examples", "tests/gold", "tests/data/pdf"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("framework.yaml", "framework.learned.yaml"):
        shutil.copy(ROOT / name, root / name)
    return root


def test_the_tour_has_the_examples_in_it() -> None:
    commands = "\n".join(tour())
    for example in ("examples/draft.md", "examples/draft.docx", "examples/action-plan."):
        assert example in commands


@pytest.mark.parametrize("line", tour())
def test_tour_line_runs_as_written(clone: Path, line: str) -> None:
    expected = EXIT.search(line)
    env = os.environ | {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "100",
        "GITHUB_ACTIONS": "",
        "SCRMAP_CONFIG": "",
        "SCRMAP_FRAMEWORK": "",
    }
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == (int(expected["code"]) if expected else 0), result.stderr
    assert "Traceback" not in result.stderr
