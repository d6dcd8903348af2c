"""The shared options agree with the core they stand for."""

from __future__ import annotations

from scrmap import sources
from scrmap.cli.options import INPUTS_HELP, Kind
from scrmap.recommendation import KINDS


def test_kind_choices_are_the_recommendation_kinds() -> None:
    assert tuple(Kind) == KINDS


def test_inputs_help_names_every_registered_kind() -> None:
    assert INPUTS_HELP.startswith("Files (.yaml .md .txt .csv .docx .xlsx), directories")
    for kind in sources.KINDS:
        assert all(ending in INPUTS_HELP for ending in kind.shown)
