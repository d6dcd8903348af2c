"""scrmap's own files among the inputs: skipped with a note in a folder, one problem when
named; and never written over by `framework learn`, except learned weights."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from scrmap.errors import OutputError
from scrmap.limits import Limits
from scrmap.sources import load_arguments
from scrmap.sources.own_files import (
    FRAMEWORK,
    GOLD,
    LEARNED,
    OwnFile,
    recognise,
    replaced_weights,
)

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
    text = (ROOT / path).read_text(encoding="utf-8")
    assert recognise(text) is expected
    # Saved on Windows, each line ends with a carriage return: the same file.
    assert recognise(text.replace("\n", "\r\n")) is expected


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
        # Somebody's action plan under other keys: no labels, so no gold file. Read as
        # recommendations, it fails as one, and the report says the file was not read.
        "name: Child W\nitems:\n  - id: W1\n    text: Engage fathers.\n    status: done\n",
    ],
    ids=[
        "recommendations",
        "framework-keys",
        "case",
        "other-keys",
        "items",
        "list",
        "empty",
        "unlabelled-items",
    ],
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
    # The folder named twice (`coverage . ./`): each note once.
    twice = load_arguments([str(folder), f"{folder}/"], io.BytesIO)
    assert twice.skipped == loaded.skipped


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


def test_the_file_standard_output_goes_to_is_no_input(folder: Path) -> None:
    output = folder / "mapped.csv"
    output.write_text("")  # as the shell leaves it: `scrmap map folder -f csv > folder/mapped.csv`
    status = output.stat()
    loaded = load_arguments([str(folder)], io.BytesIO, stdout=(status.st_dev, status.st_ino))
    assert loaded.problems == []
    assert f"skipped {output}: standard output goes to it" in loaded.skipped
    named = load_arguments([str(output)], io.BytesIO, stdout=(status.st_dev, status.st_ino))
    assert [p.message for p in named.problems] == [
        "is also where standard output goes: `>` empties it before scrmap runs, and `>>` "
        "adds this run's output to what is read; redirect the output to another file"
    ]


def _why(path: Path) -> str:
    with pytest.raises(OutputError) as raised:
        replaced_weights(path, Limits())
    return str(raised.value.problems[0])


def test_learned_weights_may_be_replaced_and_say_what_they_were(tmp_path: Path) -> None:
    weights = tmp_path / "framework.learned.yaml"
    assert replaced_weights(weights, Limits()) is None
    shutil.copy(ROOT / "framework.learned.yaml", weights)
    assert replaced_weights(weights, Limits()) == "learned from 209 items"
    crlf = (ROOT / "framework.learned.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    weights.write_bytes(crlf.encode())
    assert replaced_weights(weights, Limits()) == "learned from 209 items"
    assert replaced_weights(Path("/dev/null"), Limits()) is None


def test_nothing_else_is_written_over(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    assert _why(draft) == f"{draft}: learned weights are YAML: name a .yaml or .yml file"
    copy = tmp_path / "my-copy.yaml"
    shutil.copy(ROOT / "framework.yaml", copy)
    assert _why(copy) == (
        f"{copy}: is a framework file, not learned weights; framework learn replaces only "
        "learned weights: name another file"
    )
    review = tmp_path / "case-z.yml"
    review.write_text(RECOMMENDATIONS)
    assert _why(review) == (
        f"{review}: is not learned weights; framework learn replaces only learned weights: "
        "name another file"
    )
