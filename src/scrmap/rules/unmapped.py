"""The item maps onto no practice standard.

Every recommendation must map onto the framework; learning that fits nowhere is either
badly worded or a sign that the framework needs review. The message names the nearest
standards, so the reviewer can see which one the wording nearly reached.

Passing:
    Health visitors should ask about the father's role at every new birth visit.
    (maps onto 1.3, involving all parents and carers)

Failing:
    The council should repaint the town hall.
    (no standard scores at all)

    The council should review taxi licensing checks with the MASH.
    (names a subject outside the framework, so its standards are withheld)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope

ID = "unmapped"
SEVERITY = Severity.error
SCOPE = Scope.item
KINDS = frozenset({"recommendation", "finding", "response"})


class Options(RuleOptions):
    """Options of `unmapped`."""

    hints: int = Field(3, ge=0, description="How many nearest standards to name.")


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report an item with no assigned standard."""
    if item.result.mapped:
        return
    result = item.result
    near = result.near_misses("standards")[: options.hints]
    threshold = result.threshold
    if result.withheld:
        # Standards reached the threshold, or would be read, but were withheld: say why.
        names = ", ".join(f"{m.id} ({m.score})" for m in near)
        if result.outside:
            words = ", ".join(f"“{w}”" for w in result.outside_words)
            why = f"it names a subject outside the framework ({words})"
        else:
            why = f"it reads as outside the framework (fit {result.fits}, needs {threshold})"
        yield Hit(
            item,
            f"maps onto no practice standard: {why}, so its standards are withheld "
            f"(nearest: {names or 'none'}); if it is about practice, say which, or waive the "
            "rule with the reason if it is out of scope by design",
        )
    elif near:
        names = ", ".join(f"{m.id} ({m.score})" for m in near)
        yield Hit(item, f"maps onto no practice standard (needs {threshold}); nearest: {names}")
    else:
        yield Hit(
            item,
            "maps onto no practice standard: none of the framework's phrases for a standard "
            "appear; name the practice it should change",
        )
