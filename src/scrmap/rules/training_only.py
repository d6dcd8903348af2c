"""Every recommendation of the review is training, guidance or procedure.

Training and new procedures are the reflex answer to a serious case review, and the
national research found they rarely change practice on their own. A review whose
recommendations are all of that kind should add at least one about systems,
supervision, leadership or how agencies work together.

Passing:
    A review with "deliver training on neglect" and "the MASH will hold a daily
    strategy discussion for domestic abuse notifications by June 2027".

Failing:
    A review whose recommendations are "deliver training on neglect" and "revise the
    escalation procedure".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, first, words_pattern

ID = "training-only"
SEVERITY = Severity.warning
SCOPE = Scope.review
KINDS = frozenset({"recommendation"})

TRAINING = [
    "train*", "briefing*", "awareness", "guidance", "procedure*", "policy", "policies",
    "protocol*", "e-learning", "workshop*", "learning event*", "cascade*", "toolkit*",
    "leaflet*", "seminar*", "induction", "practice note*", "remind*", "newsletter*",
]  # fmt: skip
_TRAINING = words_pattern(TRAINING)


class Options(RuleOptions):
    """Options of `training-only`."""

    min: int = Field(
        2, ge=1, description="Fewest recommendations a review must have for the rule to apply."
    )


def check(items: Sequence[Item], options: Options) -> Iterator[Hit]:
    """Report a review whose every recommendation is about training or procedure."""
    recs = [i for i in items if i.rec.kind in KINDS]
    if len(recs) < options.min:
        return
    if all(first(_TRAINING, i.text) for i in recs):
        yield Hit(
            None,
            f"all {len(recs)} recommendations are training, guidance or procedure: add one "
            "that changes systems, supervision or how agencies work together",
        )
