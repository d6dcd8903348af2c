"""The README's examples show today's output: the mapping of DA-4, the coverage
totals of the bundled library and the findings of `scrmap check` on its two-item draft, as
the commands give them. When the
matcher or the framework changes these, regenerate the examples from the real output."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


def test_the_check_example_is_todays_output(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("## `scrmap check`: the CI gate") :]
    prose = " ".join(after[: after.index("```text\ndraft.yaml\n")].split())
    texts = re.findall(r'"((?:Professionals|Staff) should [^"]+)"', prose)
    assert len(texts) == 2
    items = "".join(f"  - id: Y-{k}\n    text: {t}\n" for k, t in enumerate(texts, 1))
    (tmp_path / "draft.yaml").write_text(f"case: Y\nrecommendations:\n{items}", encoding="utf-8")
    block = after[after.index("```text\ndraft.yaml\n") + 8 :]
    block = block[: block.index("```")]
    result = CliRunner().invoke(
        app, ["check", str(tmp_path / "draft.yaml"), "-f", "text"], env={"COLUMNS": "400"}
    )
    shown = block.replace("draft.yaml", str(tmp_path / "draft.yaml"), 1)
    assert result.stdout.strip() == shown.strip()
    concise = after[after.index("```text\ndraft.yaml:") + 8 :]
    concise = concise[: concise.index("```")]
    draft = str(tmp_path / "draft.yaml")
    result = CliRunner().invoke(app, ["check", draft])
    for line in concise.strip().splitlines():
        assert line.replace("draft.yaml", draft, 1) in result.stdout.splitlines()
