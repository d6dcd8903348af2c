"""Accuracy gates. The floors are the figures measured when the cues were last edited
(README, "Accuracy"); raising them is welcome, lowering them needs a reason in review."""

import pytest

from scrmap import framework as fw
from scrmap.evaluate import evaluate, load_gold
from scrmap.matcher import Matcher

from .conftest import ROOT


@pytest.fixture(scope="module")
def matcher(norfolk: fw.Framework) -> Matcher:
    return Matcher(norfolk)


def test_development_set(norfolk: fw.Framework, matcher: Matcher) -> None:
    result = evaluate(load_gold(ROOT / "tests" / "gold" / "dev.yaml", norfolk), matcher)
    assert result.top_standard_accuracy >= 0.98
    assert result.unmapped_rate == 1.0
    assert result.themes_overall.f1 >= 0.95
    assert result.themes_overall.precision >= 0.98
    assert result.themes_overall.recall >= 0.92


def test_held_out_set(norfolk: fw.Framework, matcher: Matcher) -> None:
    result = evaluate(load_gold(ROOT / "tests" / "gold" / "heldout.yaml", norfolk), matcher)
    assert result.top_standard_accuracy >= 0.87
    assert result.unmapped_rate == 1.0
    assert result.themes_overall.f1 >= 0.92
    assert result.themes_overall.precision >= 0.8
    assert result.themes_overall.recall >= 0.86


def test_mapping_is_independent_of_order(matcher: Matcher, norfolk: fw.Framework) -> None:
    items = load_gold(ROOT / "tests" / "gold" / "dev.yaml", norfolk).items
    forward = [matcher.match(i.text) for i in items]
    fresh = Matcher(norfolk)
    backward = [fresh.match(i.text) for i in reversed(items)]
    assert forward == list(reversed(backward))
