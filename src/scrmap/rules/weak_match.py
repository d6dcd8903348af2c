"""The item maps only weakly: its best standard scores under `below` (70).

A Board counts what scrmap assigns, and a weak match is the mapping likeliest wrong: on
published recommendations fewer than half of the items whose best standard scored under 70
had a right top standard, against seven or eight in ten of the others (README, "Weak
matches"). The wording that gets a recommendation counted where it belongs names the practice
it changes in the framework's words; the message names the best standard it was given
and quotes the words (up to three) that it matched.
`below` is this rule's own bar: `coverage` and `report` name weak matches under 70 whatever it
is. The figures are with the learned weights; mapped by the cues alone (`--no-learned`)
scores run lower, and more items warn.

Passing:
    Health visitors should ask about the father's role at every new birth visit.
    (maps onto 1.3 at 86)

Failing:
    Agencies should review how they respond to missed health appointments.
    (its best standard, 2.2, scores 65)
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from scrmap.defaults import WEAK_MATCH
from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope

ID = "weak-match"
SEVERITY = Severity.warning
SCOPE = Scope.item
KINDS = frozenset({"recommendation"})


class Options(RuleOptions):
    """Options of `weak-match`."""

    below: int = Field(
        WEAK_MATCH, ge=0, le=100, description="Warn when the best standard scores under this."
    )


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a mapped item whose best standard scores under ``below`` (an unmapped one is
    ``unmapped``'s)."""
    best = item.result.best_standard
    if best is not None and best.score < options.below:
        # The words that gave it, so the drafter sees what the match rests on.
        words = list(dict.fromkeys(e.matched for e in best.evidence))
        quoted = ", ".join(repr(w) for w in words[:_WORDS_SHOWN])
        more = len(words) - _WORDS_SHOWN
        on = f" on {quoted} and {more} more" if more > 0 else f" on {quoted} alone"
        on = on if words else ""
        yield Hit(
            item,
            f"maps only weakly: its best standard, {best.id}, scores {best.score} (under "
            f"{options.below}){on}, and such mappings are often wrong on published text: name "
            "the practice it should change in the framework's words ('scrmap map --explain' "
            "shows the words each standard matched)",
        )


_WORDS_SHOWN = 3
"""The best standard's matched words a message quotes, at most."""
