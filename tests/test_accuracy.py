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
# heldout's top standard went from 0.87 to 0.84 (one item of 39) with issue 18's changes,
# past the 2-point allowance: see README, "Accuracy", and CHANGELOG.
FLOORS = {
    "dev": (0.98, 1.0, 0.96, 0.98, 0.94),
    "heldout": (0.84, 1.0, 0.98, 1.0, 0.97),
}

SHARED_DEV = ROOT.parent / "shared" / "corpus" / "dev.yaml"
"""Published recommendations from reviews the cues and weights never saw (issue 18)."""
SHARED_DEV_FLOOR = (0.64, 0.68, 0.80, 0.84, 0.77)


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


def test_published_recommendations_do_not_regress(norfolk: fw.Framework, matcher: Matcher) -> None:
    """Gate dev.yaml of ../shared/corpus at what issue 18 reached; aggregate figures only."""
    if not SHARED_DEV.parent.parent.is_dir():
        pytest.skip("../shared is not beside this checkout")
    result = evaluate(load_gold(SHARED_DEV, norfolk), matcher)
    top, unmapped, f1, precision, recall = SHARED_DEV_FLOOR
    assert result.top_standard_accuracy >= top
    assert result.unmapped_rate >= unmapped
    assert result.themes_overall.f1 >= f1
    assert result.themes_overall.precision >= precision
    assert result.themes_overall.recall >= recall
