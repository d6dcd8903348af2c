"""The recommendation asks for thought, not action.

Verbs such as "consider", "explore", "reflect on" or "be mindful of" cannot be
completed or checked. The rule reports them only when the recommendation has no
concrete action verb as well ("consider the findings and publish a revised protocol"
passes).

Passing:
    The NSCB will publish a revised escalation protocol by June 2027.
    Schools should consider current practice and use the briefings to cascade the learning.

Failing:
    Agencies should consider how they engage with fathers.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, first, words_pattern

ID = "vague-verb"
SEVERITY = Severity.warning
SCOPE = Scope.item
KINDS = frozenset({"recommendation"})

VAGUE = [
    "consider", "considers", "considering", "explore", "explores", "exploring",
    "be mindful of", "be aware of", "reflect on", "reflect upon", "think about", "look at",
    "look into", "seek to", "endeavour to", "strive to", "aim to", "give consideration to",
    "be encouraged to", "be cognisant of", "bear in mind",
]  # fmt: skip
ACTIONS = [
    "implement*", "introduc*", "publish*", "produc*", "deliver*", "establish*", "set up",
    "creat*", "appoint*", "audit*", "report*", "revis*", "updat*", "issue*", "adopt*",
    "complet*", "train*", "provid*", "develop*", "commission*", "agree*", "write", "record*",
    "refer*", "attend*", "use", "uses", "using", "cascade*", "share*", "sharing", "form",
    "review*", "monitor*", "ask*", "offer*", "speak*", "hold*", "convene*", "include*",
    "replace*", "fund*", "recruit*", "meet*",
]  # fmt: skip
_VAGUE = words_pattern(VAGUE)
_ACTIONS = words_pattern(ACTIONS)


class Options(RuleOptions):
    """Options of `vague-verb`."""

    vague: list[str] = Field(
        default_factory=list, description="More vague verbs or phrases to report."
    )
    actions: list[str] = Field(
        default_factory=list,
        description="More action verbs that make a vague verb acceptable ('*' = any ending).",
    )


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a vague verb in a recommendation with no concrete action beside it."""
    text = item.rec.text
    vague = first(_VAGUE, text) or first(words_pattern(options.vague), text)
    if not vague:
        return
    if first(_ACTIONS, text) or first(words_pattern(options.actions), text):
        return
    yield Hit(
        item,
        f"'{vague}' asks for thought, not action: say what must be done "
        "(publish, audit, implement, train ...)",
    )
