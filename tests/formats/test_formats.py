"""Every command's format enum maps onto renderers, with none missing."""

from __future__ import annotations

from types import ModuleType

import pytest

from scrmap.formats import check, coverage, evaluate, framework, map, report

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
