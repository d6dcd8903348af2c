"""The shared options agree with the core they stand for."""

from __future__ import annotations

from scrmap import sources
from scrmap.cli.options import INPUTS_HELP, Kind
from scrmap.recommendation import KINDS


def test_kind_choices_are_the_recommendation_kinds() -> None:
    assert tuple(Kind) == KINDS


def test_inputs_help_names_every_registered_kind() -> None:
    assert INPUTS_HELP.startswith(f"Files ({sources.SHOWN_SUFFIXES}), directories")
