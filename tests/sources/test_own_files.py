"""scrmap's own files among the inputs: skipped with a note in a folder, one problem when
named."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from scrmap.sources import load_arguments
from scrmap.sources.own_files import FRAMEWORK, GOLD, LEARNED, OwnFile, recognise

from ..conftest import ROOT

RECOMMENDATIONS = "case: Case Z\nrecommendations:\n  - id: Z1\n    text: Engage fathers.\n"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("framework.yaml", FRAMEWORK),
        ("examples/adult-sar-framework.yaml", FRAMEWORK),
        ("framework.learned.yaml", LEARNED),
        ("tests/gold/dev.yaml", GOLD),
        ("tests/gold/heldout.yaml", GOLD),
        ("data/recommendations/case-l.yaml", None),
    ],
)
def test_recognise_the_bundled_files(path: str, expected: OwnFile | None) -> None:
    assert recognise((ROOT / path).read_text(encoding="utf-8")) is expected


@pytest.mark.parametrize(
    "text",
    [
        RECOMMENDATIONS,
        RECOMMENDATIONS + "standards: [1.1]\nquadrants: [Q1]\n",
        "learned_from: [a.yaml]\ncase: Case Z\n",
        "name: x\nitems: []\nowner: Police\n",
        "items: 3\n",
        "- a list\n",
        "",
    ],
    ids=["recommendations", "framework-keys", "case", "other-keys", "items", "list", "empty"],
)
def test_anything_else_is_not_claimed(text: str) -> None:
    assert recognise(text) is None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A working folder as the README lays it out: the framework, its weights, a review."""
    for name in ("framework.yaml", "framework.learned.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "tests" / "gold" / "heldout.yaml", tmp_path / "labelled.yaml")
    (tmp_path / "case-z.yaml").write_text(RECOMMENDATIONS)
    return tmp_path


def test_a_folder_scan_skips_them_with_a_note_each(folder: Path) -> None:
    loaded = load_arguments([str(folder)], io.BytesIO)
    assert loaded.problems == []
    assert loaded.read == [str(folder / "case-z.yaml")]
    assert [r.id for r in loaded.recommendations] == ["Z1"]
    assert loaded.skipped == [
        f"skipped {folder / 'framework.learned.yaml'}: a learned-weights file, not recommendations",
        f"skipped {folder / 'framework.yaml'}: a framework file, not recommendations",
        f"skipped {folder / 'labelled.yaml'}: a gold file, not recommendations",
    ]


@pytest.mark.parametrize(
    ("name", "own"),
    [("framework.learned.yaml", LEARNED), ("framework.yaml", FRAMEWORK), ("labelled.yaml", GOLD)],
)
def test_named_as_an_input_each_is_one_problem(folder: Path, name: str, own: OwnFile) -> None:
    # Named after the folder that skipped it: still named, so still a problem.
    loaded = load_arguments([str(folder), str(folder / name)], io.BytesIO)
    assert [str(p) for p in loaded.problems] == [f"{folder / name}: {own.problem()}"]
    assert [r.id for r in loaded.recommendations] == ["Z1"]


def test_a_folder_of_nothing_but_them_holds_no_recommendation_files(tmp_path: Path) -> None:
    shutil.copy(ROOT / "framework.yaml", tmp_path / "framework.yaml")
    loaded = load_arguments([str(tmp_path)], io.BytesIO)
    assert [p.message for p in loaded.problems] == [
        "directory holds no recommendation files (.yaml .md .txt .csv .docx .xlsx)"
    ]
    assert len(loaded.skipped) == 1
