"""The review makes more recommendations than a Board can act on.

National research found about 47 recommendations per serious case review, and Boards
drown in them. Boards ask Lead Reviewers for a few, SMART and mapped onto the
framework. This rule counts the items of kind `recommendation` in one file (one review).

Passing:
    A review file with 6 recommendations (and any number of findings).

Failing:
    A review file with 14 recommendations, when `max` is 10.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope

ID = "too-many"
SEVERITY = Severity.warning
SCOPE = Scope.review
KINDS = frozenset({"recommendation"})


class Options(RuleOptions):
    """Options of `too-many`."""

    max: int = Field(10, ge=1, description="Most recommendations one review may make.")


def check(items: Sequence[Item], options: Options) -> Iterator[Hit]:
    """Report a review whose recommendations outnumber ``max``."""
    count = sum(1 for i in items if i.rec.kind in KINDS)
    if count > options.max:
        yield Hit(
            None,
            f"{count} recommendations in one review (the limit is {options.max}): "
            "merge those that share a standard, and keep the few that change practice",
        )
