"""`coverage`'s repeats against two raters' labels of pairs of published recommendations
(``tests/repeats/train-pairs.yaml``, measured by ``benchmarks/repeat_pairs.py``). The floors
are today's figures at the default similarity (README, "Accuracy", "Repeats on published
text"): raising them is welcome, lowering them needs a reason in review. Skips where
``../shared`` is not beside the checkout, as a clone's is not."""

from __future__ import annotations

import pytest
import yaml

from scrmap.defaults import DEFAULT_SIMILARITY

from .conftest import ROOT, benchmark_script

TRAIN = ROOT.parent / "shared" / "corpus" / "train.yaml"
LABELS = ROOT / "tests" / "repeats" / "train-pairs.yaml"

# half: (repeats listed at least, pairs listed that are no repeat at most)
FLOORS = {0: (3, 7), 1: (3, 4)}


def test_the_pair_labels_are_well_formed() -> None:
    """Each pair once, of two different items, with a boolean label."""
    entries = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert len(entries) == len({frozenset((e["a"], e["b"])) for e in entries}) == 203
    for entry in entries:
        assert set(entry) == {"a", "b", "repeat", "from"}
        assert entry["a"] != entry["b"]
        assert isinstance(entry["repeat"], bool)


def test_repeats_agree_with_the_raters_at_the_default_similarity() -> None:
    if not TRAIN.is_file():
        pytest.skip("../shared is not beside this checkout")
    counts, unlabelled = benchmark_script("repeat_pairs").measure(TRAIN, (DEFAULT_SIMILARITY,))
    # Precision is over every pair listed only while each of them is labelled.
    assert unlabelled == {DEFAULT_SIMILARITY: 0}
    for half, (right, wrong) in FLOORS.items():
        c = counts[(DEFAULT_SIMILARITY, half)]
        assert c.right >= right, (half, c)
        assert c.listed - c.right <= wrong, (half, c)
