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


# name: (top standard, off-framework unmapped, theme F1, theme precision, theme recall)
FLOORS = {
    "dev": (0.98, 1.0, 0.95, 0.98, 0.92),
    "heldout": (0.87, 1.0, 0.92, 0.8, 0.86),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_does_not_regress(name: str, norfolk: fw.Framework, matcher: Matcher) -> None:
    result = evaluate(load_gold(ROOT / "tests" / "gold" / f"{name}.yaml", norfolk), matcher)
    top, unmapped, f1, precision, recall = FLOORS[name]
    assert result.top_standard_accuracy >= top
    assert result.unmapped_rate >= unmapped
    assert result.themes_overall.f1 >= f1
    assert result.themes_overall.precision >= precision
    assert result.themes_overall.recall >= recall


def test_mapping_is_independent_of_order(matcher: Matcher, norfolk: fw.Framework) -> None:
    items = load_gold(ROOT / "tests" / "gold" / "dev.yaml", norfolk).items
    forward = [matcher.match(i.text) for i in items]
    fresh = Matcher(norfolk)
    backward = [fresh.match(i.text) for i in reversed(items)]
    assert forward == list(reversed(backward))
