"""The README's JSON examples show today's figures: the mapping of DA-4 and the coverage
totals of the bundled library, as `scrmap map` and `scrmap coverage` give them. When the
matcher or the framework changes these, regenerate the examples from the real output."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from scrmap.cli import app

from .conftest import ROOT

LIBRARY = str(ROOT / "data" / "recommendations")


def _json_block_after(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index(heading) :]
    return after[after.index("```json") : after.index("```", after.index("```json") + 7)]


def _run(*args: str) -> dict:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_map_example_is_da_4_as_mapped_today() -> None:
    block = _json_block_after("## JSON output of `scrmap map`")
    [da4] = [r for r in _run("map", LIBRARY, "-f", "json")["recommendations"] if r["id"] == "DA-4"]
    shown = re.findall(r'\{"id": "([^"]+)", "score": (\d+)', block)
    real = [
        (m["id"], str(m["score"])) for k in ("quadrants", "standards", "themes") for m in da4[k]
    ]
    assert shown == real
    assert f'"line": {da4["source"]["line"]}' in block
    assert json.dumps(da4["text"]) in block


def test_the_coverage_example_totals_are_todays() -> None:
    block = _json_block_after("### JSON output of `scrmap coverage`")
    totals = _run("coverage", LIBRARY, "-f", "json")["totals"]
    totals_text = block[block.index('"totals"') : block.index('"quadrants": [')]
    shown = dict(re.findall(r'"(\w+)": (\d+)', totals_text))
    expected = {k: str(v) for k, v in totals.items() if isinstance(v, int)}
    expected |= {k: str(v) for k, v in totals["by_kind"].items()}
    assert shown == expected
