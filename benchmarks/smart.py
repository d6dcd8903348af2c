"""How well `scrmap check`'s SMART rules read published recommendations nobody here wrote.

``train.yaml`` of ``../shared/corpus`` holds 144 recommendations from 37 published
reviews. ``tests/smart/train-labels.yaml`` says of each (by id; the texts stay in
``../shared``) whether it names who acts, says how the Board will know it worked, gives a
date, timescale or cycle, and asks only for thought: labelled by two raters independently
by ``tests/smart/GUIDE.md``, their disagreements decided by a third.

Each rule warns where its property is missing (``specific``, ``measurable``,
``time-bound``) or present (``vague-verb``). For each rule this counts the warnings that
were right (the label agrees something is missing), the false alarms and the misses,
separately for the two halves of the reviews: the rules were developed on the first
half only ("looked at"), and the second ("held out") is the figure to quote.

Measures the scrmap that Python imports: to measure another checkout's, put its ``src``
first on ``PYTHONPATH``.

Usage: python benchmarks/smart.py [--shared ../shared] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "smart" / "train-labels.yaml"
RULE_PROPERTY = {
    "specific": ("specific", False),
    "measurable": ("measurable", False),
    "time-bound": ("time_bound", False),
    "vague-verb": ("vague", True),
}
"""Each rule, the label it is measured on, and the value of that label it should warn on."""
HALVES = ("looked at", "held out")


@dataclass
class Counts:
    """One rule's warnings against the labels."""

    right: int = 0
    false_alarms: int = 0
    missed: int = 0
    quiet_right: int = 0

    def agreement(self) -> float:
        """Share of items where the rule and the label agree."""
        total = self.right + self.false_alarms + self.missed + self.quiet_right
        return (self.right + self.quiet_right) / total if total else 0.0

    def line(self) -> str:
        """Precision and recall of the warnings, with the counts they come from."""
        warned = self.right + self.false_alarms
        due = self.right + self.missed
        precision = f"{self.right / warned:.2f}" if warned else "n/a"
        recall = f"{self.right / due:.2f}" if due else "n/a"
        return (
            f"P {precision} R {recall} agree {self.agreement():.2f}  "
            f"({self.right} right, {self.false_alarms} false alarms, {self.missed} missed)"
        )


def half_of(source: str, reviews: list[str]) -> int:
    """0 or 1: reviews alternate between the halves in order of first appearance, so a
    review's items stay together and both halves mix every kind of review."""
    return reviews.index(source) % 2


def measure(train: Path) -> tuple[dict[tuple[str, int], Counts], list[str], list[int]]:
    """Each rule's counts per half of ``train``'s reviews, the first half's disagreements
    (id, rule, what, text), and how many items each half holds."""
    from scrmap import checks, pipeline
    from scrmap.evaluate import load_gold
    from scrmap.learn import review_of
    from scrmap.matcher import Matcher
    from scrmap.recommendation import Recommendation, Source
    from scrmap.rules import defaults

    framework, _ = pipeline.load_framework(None, {})
    gold = load_gold(train, framework)
    labels = {entry["id"]: entry for entry in yaml.safe_load(LABELS.read_text("utf-8"))}
    sources = [review_of(item) for item in gold.items]
    reviews = list(dict.fromkeys(sources))
    recs = [Recommendation(item.id, item.text, Source(item.id, None)) for item in gold.items]
    settings = {
        rule: (severity, options) if rule in RULE_PROPERTY else (checks.Severity.off, options)
        for rule, (severity, options) in defaults().items()
    }
    warned = {(f.path, f.rule) for f in checks.run(recs, [], Matcher(framework), settings)}
    counts = {(rule, half): Counts() for rule in RULE_PROPERTY for half in (0, 1)}
    errors: list[str] = []
    sizes = [0, 0]
    for item, source in zip(gold.items, sources, strict=True):
        half = half_of(source, reviews)
        sizes[half] += 1
        for rule, (label, warn_on) in RULE_PROPERTY.items():
            should = bool(labels[item.id][label]) is warn_on
            did = (item.id, rule) in warned
            c = counts[(rule, half)]
            if should and did:
                c.right += 1
            elif did:
                c.false_alarms += 1
            elif should:
                c.missed += 1
            else:
                c.quiet_right += 1
            if should != did and half == 0:
                what = "false alarm" if did else "missed"
                errors.append(f"{item.id} {rule}: {what}: {item.text}")
    return counts, errors, sizes


def main() -> int:
    """Print each rule's figures per half; exit 2 when ``../shared`` is not there."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list the first half's errors")
    args = parser.parse_args()
    train = args.shared / "corpus" / "train.yaml"
    if not train.is_file():
        print(f"needs {train}", file=sys.stderr)
        return 2
    counts, errors, sizes = measure(train)
    for half, name in enumerate(HALVES):
        print(f"{name} ({sizes[half]} items)")
        for rule in RULE_PROPERTY:
            print(f"  {rule:<11} {counts[(rule, half)].line()}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
