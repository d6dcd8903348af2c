"""The committed examples are what examples/make_examples.py writes, byte for byte, and
they read as the README says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from scrmap.sources import load_file

from .conftest import ROOT

EXAMPLES = ROOT / "examples"


def test_the_committed_files_are_what_the_script_writes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.draft_docx(tmp_path / "draft.docx")
    script.action_plan(tmp_path / "action-plan.xlsx", tmp_path / "action-plan.csv")
    for name in ("draft.docx", "action-plan.xlsx", "action-plan.csv"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), (
            f"run examples/make_examples.py and commit examples/{name}"
        )


def test_the_word_draft_and_the_plans_read_as_written() -> None:
    draft = load_file(EXAMPLES / "draft.docx")[0]
    assert [r.id for r in draft] == ["1", "2", "3", "4"]
    assert draft[0].case == "Child T: Safeguarding Practice Review"
    assert not any("Appendix" in r.text or "Draft for" in r.text for r in draft)
    for plan in ("action-plan.csv", "action-plan.xlsx"):
        recs = load_file(EXAMPLES / plan)[0]
        assert [(r.id, r.status) for r in recs] == [("1", "Amber"), ("2", "Red"), ("3", "Green")]
    markdown = load_file(EXAMPLES / "draft.md")[0]
    assert [r.id for r in markdown] == ["1", "2", "3", "4", "5"]
    assert markdown[3].waive == {
        "measurable": "the Board measures this through its annual section 11 audit"
    }
