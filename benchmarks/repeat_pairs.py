"""How well `scrmap coverage`'s repeats tell a recommendation made again from one that only
shares its topic, on published recommendations nobody here wrote.

``tests/repeats/train-pairs.yaml`` holds 203 pairs of ``train.yaml``'s recommendations
(from different reviews), each labelled by two raters independently
(``tests/repeats/GUIDE.md``): does the second make the same recommendation again? The
pairs are those scrmap's repeats scored 20 or more, a sample of those it scored 15 to 19,
those another measure (rapidfuzz's token set ratio) ranks highest, and random pairs with
a labelled theme in common; so precision is over every pair scrmap lists, and recall is
over the repeats among these pairs, not among all 10,000 (most pairs are nothing alike,
and were not labelled).

Each pair is scored as `coverage` scores it (the matcher's assigned standards and themes,
a review as a case). The pairs are dealt alternately into two halves: the first is for
studying errors, the second is the figure to quote.

Measures the scrmap that Python imports: to measure another checkout's, put its ``src``
first on ``PYTHONPATH``.

Usage: python benchmarks/repeat_pairs.py [--shared ../shared] [--similarity N ...]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "repeats" / "train-pairs.yaml"
HALVES = ("looked at", "held out")
SIMILARITIES = (20, 25, 30, 35, 40)


@dataclass
class Counts:
    """The listed pairs against the labels, at one similarity."""

    pairs: int = 0
    repeats: int = 0
    listed: int = 0
    right: int = 0

    def line(self) -> str:
        """Precision and recall of the listed pairs, with the counts they come from."""
        precision = f"{self.right / self.listed:.2f}" if self.listed else "n/a"
        recall = f"{self.right / self.repeats:.2f}" if self.repeats else "n/a"
        return (
            f"P {precision} R {recall}  ({self.listed} listed, {self.right} repeats; "
            f"{self.repeats} repeats in {self.pairs} pairs)"
        )


def measure(
    train: Path, similarities: tuple[int, ...]
) -> tuple[dict[tuple[int, int], Counts], dict[int, int]]:
    """Counts per (similarity, half), and per similarity how many pairs scrmap lists that
    are not labelled: precision is over every listed pair only while that is 0 (a change to
    the matcher or the repeats can list pairs nobody has labelled)."""
    from scrmap import pipeline
    from scrmap.evaluate import load_gold
    from scrmap.learn import review_of
    from scrmap.matcher import Matcher
    from scrmap.repeats import Comparable, find_pairs

    framework, _ = pipeline.load_framework(None, {})
    gold = load_gold(train, framework)
    matcher = Matcher(framework)
    comparable = []
    for item in gold.items:
        result = matcher.match(item.text)
        ids = {m.id for kind in ("standards", "themes") for m in result.assigned(kind)}
        comparable.append(Comparable(item.text, review_of(item), frozenset(ids)))
    position = {item.id: k for k, item in enumerate(gold.items)}
    scored = {(p.a, p.b): p.similarity for p in find_pairs(comparable, threshold=min(similarities))}
    counts = {(s, half): Counts() for s in similarities for half in (0, 1)}
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    labelled = {tuple(sorted((position[e["a"]], position[e["b"]]))) for e in labels}
    unlabelled = {
        s: sum(1 for pair, score in scored.items() if score >= s and pair not in labelled)
        for s in similarities
    }
    for k, entry in enumerate(labels):
        a, b = sorted((position[entry["a"]], position[entry["b"]]))
        similarity = scored.get((a, b), 0)
        for s in similarities:
            c = counts[(s, k % 2)]
            c.pairs += 1
            c.repeats += entry["repeat"]
            if similarity >= s:
                c.listed += 1
                c.right += entry["repeat"]
    return counts, unlabelled


def main() -> int:
    """Print precision and recall per similarity and half; exit 2 without ``../shared``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--similarity", type=int, nargs="+", default=list(SIMILARITIES))
    args = parser.parse_args()
    train = args.shared / "corpus" / "train.yaml"
    if not train.is_file():
        print(f"needs {train}", file=sys.stderr)
        return 2
    similarities = tuple(args.similarity)
    counts, unlabelled = measure(train, similarities)
    for half, name in enumerate(HALVES):
        print(name)
        for s in similarities:
            print(f"  similarity {s}: {counts[(s, half)].line()}")
    for s in similarities:
        if unlabelled[s]:
            print(f"similarity {s}: {unlabelled[s]} listed pairs not labelled, not counted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
