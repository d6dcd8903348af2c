"""Every command's format enum maps onto renderers, with none missing."""

from __future__ import annotations

from types import ModuleType

import pytest

from scrmap.formats import check, coverage, evaluate, framework, map, report, withheld_by_fit
from scrmap.formats.map import not_assigned, why_not_kept
from scrmap.records import RecommendationRecord, UnmappedRecord

MODULES = [map, coverage, check, framework, evaluate, report]
ENUMS = {
    map: map.MapFormat,
    coverage: coverage.CoverageFormat,
    check: check.CheckFormat,
    framework: framework.ShowFormat,
    evaluate: evaluate.EvalFormat,
    report: report.ReportFormat,
}


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_each_format_has_a_renderer_or_is_the_terminal_view(module: ModuleType) -> None:
    formats = set(ENUMS[module])
    terminal = {module.TERMINAL} - {None}
    assert terminal <= formats
    assert set(module.RENDERERS) == formats - terminal
    assert all(callable(render) for render in module.RENDERERS.values())


def test_every_report_ending_names_a_format() -> None:
    assert set(report.ENDINGS.values()) == set(report.ReportFormat)


def _record(standards: list[int], fit: bool | None = None) -> RecommendationRecord:
    record: RecommendationRecord = {
        "id": "1",
        "source": {"file": "f", "line": 1},
        "case": None,
        "kind": "recommendation",
        "text": "t",
        "quadrants": [],
        "standards": [
            {"id": f"{k}.1", "score": s, "evidence": []} for k, s in enumerate(standards)
        ],
        "themes": [],
    }
    if fit is not None:
        record["fit"] = {"score": 40, "fits": fit, "withheld": not fit, "outside": []}
    return record


def test_why_a_scored_standard_was_not_assigned() -> None:
    kept = _record([90, 80, 70])
    assert not_assigned(kept, "standards", {"id": "x", "score": 49, "evidence": []}, 50) == (
        "near miss"
    )
    assert not_assigned(kept, "themes", {"id": "x", "score": 49, "evidence": []}, 50) == (
        "near miss"
    )
    fourth = {"id": "x", "score": 60, "evidence": []}
    assert not_assigned(kept, "standards", fourth, 50) == "not kept"
    assert why_not_kept(kept, fourth) == (
        "over the threshold, but 3 standards score as high or higher"
    )
    far = _record([95])
    low = {"id": "x", "score": 55, "evidence": []}
    assert not_assigned(far, "standards", low, 50) == "not kept"
    assert why_not_kept(far, low) == "over the threshold, but under 0.6 of the best (95)"
    assert not_assigned(_record([], fit=False), "standards", low, 50) == "withheld"


def test_an_unmapped_item_says_its_fit_withheld_it() -> None:
    item: UnmappedRecord = {
        "case": "c",
        "id": "1",
        "kind": "recommendation",
        "file": "f",
        "line": 1,
        "text": "t",
        "nearest": [{"id": "4.5", "score": 63}],
        "outside": [],
        "fit": 36,
    }
    said = "standards withheld: fits the framework 36 of 100 (needs 50)"
    assert withheld_by_fit(item, 50) == said
    assert withheld_by_fit(item, 70) == ""  # no standard reached the threshold
    assert withheld_by_fit({**item, "fit": None}, 50) == ""  # cues alone
    assert withheld_by_fit({**item, "outside": ["taxi"]}, 50) == ""  # the words say why
