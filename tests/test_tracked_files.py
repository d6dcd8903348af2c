"""What the repository holds: every tracked file is one a person meant to add."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from .conftest import ROOT

_PLAIN_NAME = re.compile(r"[A-Za-z0-9_./@+-]+")
"""The characters of every path the project means to track. A shell slip once committed an
empty file named after a regex fragment (quotes, backslashes and all) at the top level."""


def test_every_tracked_path_is_a_plain_name() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    odd = [path for path in listed.split("\0") if path and not _PLAIN_NAME.fullmatch(path)]
    assert odd == []
