"""The README's recipe for mapping past one machine: shards through GNU parallel give what
one process gives. Runs the recipe as the README prints it (with smaller shards), and
skips where GNU parallel or GNU split is not installed (CI installs parallel)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
assert _spec and _spec.loader
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

SHARD = 1_000
"""Rows per shard in the test, where the README says 50,000: five shards of the 5,000."""


def _recipe() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- scaling-recipe -->\n```sh\n(.*?)```", readme, re.DOTALL)
    assert found, "the README's scaling recipe is missing"
    recipe = found.group(1)
    assert "split -l 50000" in recipe
    return recipe.replace("split -l 50000", f"split -l {SHARD}")


def _without_source(text: str) -> list[dict[str, object]]:
    records = [json.loads(line) for line in text.splitlines()]
    for record in records:
        record.pop("source")
    return records


@pytest.mark.skipif(
    shutil.which("parallel") is None or shutil.which("split") is None,
    reason="GNU parallel (apt-get install parallel) or GNU split is not installed",
)
def test_shards_through_gnu_parallel_give_what_one_process_gives(tmp_path: Path) -> None:
    generate.write_csv(5_000, tmp_path / "corpus.csv")
    scripts = str(Path(sys.executable).parent)  # the scrmap under test first on the PATH
    env = {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", "")}
    subprocess.run(["bash", "-euo", "pipefail", "-c", _recipe()], cwd=tmp_path, env=env, check=True)
    one = subprocess.run(
        [str(Path(scripts) / "scrmap"), "map", "corpus.csv", "-f", "jsonl"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sharded = (tmp_path / "mapped.jsonl").read_text(encoding="utf-8")
    assert len(sorted((tmp_path / "shards").glob("part-*.csv"))) == 5
    assert len(sharded.splitlines()) == 5_000
    assert _without_source(sharded) == _without_source(one)
    first = json.loads(sharded.splitlines()[SHARD])  # the first row of the second shard
    assert first["source"] == {"file": "shards/part-00001.csv", "line": 2}
