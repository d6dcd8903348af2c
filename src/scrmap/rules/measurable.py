"""The recommendation states an activity but no outcome or evidence that can be checked.

A SMART recommendation is Measurable: it says how the Board will know it worked (an
audit, a figure, a report to the Board, evidence from practice), not only what will
be done ("report progress to the Board", "present the findings to the Partnership Board"
count). "Ensure training is delivered" is an output: the Board cannot tell from it
whether practice changed. Nor is an aim: "reduce the need for admissions" says what
should change, not how anyone will know it did, and "targeted" help has no target; and
monitoring people or cases ("monitor the cases of children at risk") is practice, not a
check on it. An `evidence` field in the file also satisfies the rule.

Passing:
    The NSCB will audit 20 case files in 2027 to show that fathers are recorded.

Failing:
    Agencies should ensure that training on neglect is delivered.
    There should be greater investment in community care to reduce hospital admissions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, first, words_pattern

ID = "measurable"
SEVERITY = Severity.warning
SCOPE = Scope.item
KINDS = frozenset({"recommendation"})

MARKERS = [
    "audit*", "monitor*", "measur*", "evidence*", "demonstrat*", "percentage", "per cent",
    "number of", "proportion of", "rate of", "target", "targets", "indicator*", "KPI*",
    "dashboard*", "survey*", "feedback from", "outcome*", "impact on", "assurance",
    "report to", "reports to", "reported to", "report back", "report on progress",
    "reduction in", "increase in",
    "baseline", "dip sample*", "case file*", "review of cases", "compliance with",
    "scrutin*", "inspect*", "test* the", "evaluate", "evaluates", "evaluated", "evaluating",
    "an evaluation", "independent evaluation", "sample of", "samples of", "sampling", "sampled",
    "compliance will be checked", "compliance is checked", "check* compliance",
    "receive a report", "receives a report", "receive reports", "receives reports",
    "report on the impact", "report on the effectiveness", "compliance rate*", "performance data",
    "data on", "collect data", "collects data", "self assessment*", "section 11",
    "section 175", "confirm to the", "confirms to the",
]  # fmt: skip
_MARKERS = words_pattern(MARKERS)
_TO_THE_BOARD = re.compile(
    r"\b(?:report|present|submit)\w*"
    r"(?!\s+(?:(?:any|all|their|these|such|the)\s+)?"
    r"(?:concerns?|incidents?|allegations?|disclosures?|suspicions?)\b)"
    r"\s+(?:[\w'\u2019-]+\s+){0,4}?to\s+(?:the\s+|its\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:board|partnership|subgroup|sub-group|committee)s?\b",
    re.IGNORECASE,
)
"""A report to the Board with words between ("report progress to the Board", "present the
findings to the Safeguarding Partnership Board"), as "report to" is without them. Not
reporting concerns ("report any concerns about neglect to the partnership" is a referral),
and at most three words before the Board's name, so that "children who present to health
services across the partnership" is no report."""


_CASEWORK = re.compile(
    r"(?<!\s)\s+(?:the\s+|their\s+|all\s+|those\s+)?"
    r"(?:cases?|patients?|children|child|famil(?:y|ies)|individuals?|adults?|people)\b(?!['\u2019])",
    re.IGNORECASE,
)
"""What monitoring a person or a case reads as: "monitor the cases of children at risk",
"when assessing and monitoring patients" is practice, not a check on it ("monitor
children's attendance" is a figure)."""


class Options(RuleOptions):
    """Options of `measurable`."""

    markers: list[str] = Field(
        default_factory=list,
        description="More phrases that state a checkable outcome ('*' = any ending).",
    )


def _casework(marker: re.Match[str], text: str) -> bool:
    """Whether ``marker`` is monitoring of people or cases (``_CASEWORK``)."""
    return marker.group().lower().startswith("monitor") and bool(
        _CASEWORK.match(text, marker.end())
    )


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a recommendation with no outcome, figure or evidence to check it by."""
    rec, text = item.rec, item.text
    if rec.evidence or "%" in text:
        return
    if _MARKERS and any(not _casework(found, text) for found in _MARKERS.finditer(text)):
        return
    if first(words_pattern(options.markers), text):
        return
    if _TO_THE_BOARD.search(text):
        return
    yield Hit(
        item,
        "states no outcome or evidence that can be checked: say how the Board will know it "
        "worked (an audit, a figure, a report to the Board), or set 'evidence'",
    )
