"""The recommendation states an activity but no outcome or evidence that can be checked.

A SMART recommendation is Measurable: it says how the Board will know it worked (an audit,
a figure, a report to the Board, evidence from practice), not only what will be done
("report progress to the Board", "present the findings to the Partnership Board" count).
"Ensure training is delivered" is an output: the Board cannot tell from it whether
practice changed. Nor is an aim: "reduce the need for admissions" says what should change,
not how anyone will know it did, and "targeted" help has no target; nor is a kind of work
named after a measure ("outcome-based commissioning", "evidence-based practice"), a hope
("strengthen compliance with the duty"), a condition ("if the change is not evidenced"),
or an outcome or impact nothing checks: what something came to ("the outcome of the
assessment", "long-term outcomes") or a topic ("understand the impact on children", "the
impact of abuse on outcomes for children"; "review the impact on children", "track
outcomes" and "outcome measures" are checks). Monitoring people or cases ("monitor the
cases of children at risk") is practice, not a check on it. An `evidence` field in the
file also satisfies the rule.

Passing:
    The NSCB will audit 20 case files in 2027 to show that fathers are recorded.

Failing:
    Agencies should ensure that training on neglect is delivered.
    There should be greater investment in community care to reduce hospital admissions.
    Commissioning of hospitals should be outcome-based.
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
_ASSURES_THE_BOARD = re.compile(
    r"\bassur(?:e|es|ed|ing)\s+(?:the\s+|its\s+)?(?:[\w'\u2019&-]+\s+){0,4}?"
    r"(?:board|partnership|subgroup|sub-group|committee)s?\b",
    re.IGNORECASE,
)
"""Assurance given to the Board in so many words: "Adult Social Care should assure the
Essex Safeguarding Adults Board that ..." ("assurance" alone is already a marker)."""

_CASEWORK = re.compile(
    r"(?<!\s)\s+(?:the\s+|their\s+|all\s+|those\s+)?"
    r"(?:cases?|patients?|children|child|famil(?:y|ies)|individuals?|adults?|people)\b(?!['\u2019])",
    re.IGNORECASE,
)
"""What monitoring a person or a case reads as: "monitor the cases of children at risk",
"when assessing and monitoring patients" is practice, not a check on it ("monitor
children's attendance" is a figure)."""


_AIM_AFTER = re.compile(
    r"(?<![\s-])(?:\s*-\s*|\s+)(?:based|focus+ed|led|driven|orientated|oriented|informed)\b",
    re.IGNORECASE,
)
"""What makes *outcome* or *evidence* a kind of work, not a measure of it: "commissioning
should be outcome-based", "evidence-based practice", "an outcome-focused plan"."""
_OUTCOME_CHECKED = re.compile(
    r"(?<!\s)\s+(?:measures?|data|indicators?|framework|targets?|"
    r"(?:(?:will|should|must)\s+be|are|is)\s+"
    r"(?:measured|reported|monitored|tracked|evaluated|reviewed|audited))\b",
    re.IGNORECASE,
)
"""What makes an *outcome* after it a measure: "outcome measures", "outcomes data", "outcomes
will be reported"; else a check before it must (``_CHECKED``)."""
_EVIDENCED_TO = re.compile(r"(?<!\s)\s+(?:by|to|in|through|via|at|that)\b", re.IGNORECASE)
"""*Evidenced* counts where it says to whom, how or where: "evidenced to the Board",
"evidenced by an audit", "evidenced in case records"; "unless the change is evidenced" is
a condition of practice."""
_CHECKED = re.compile(
    r"\b(?:assess|review|evaluat|measur|monitor|report|demonstrat|show|audit|test|track|"
    r"captur|evidenc|publish|collect)\w*\s+(?:[\w'\u2019-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""A check a few words before *impact on* or *outcome*: "review the impact on children" and
"report outcomes for children to the Board" are measures; "understand the impact on
children", "waiting for the outcome of that assessment", "considering long-term
outcomes" and "the impact of abuse on outcomes for children" are topics."""
_AIMED = re.compile(
    r"\b(?:strengthen|improv|increas|ensur|promot|encourag|support|enforc|secur|achiev)\w*\s+"
    r"(?:the\s+|their\s+|its\s+|full\s+|better\s+|greater\s+)?$",
    re.IGNORECASE,
)
"""A verb of improving straight before *compliance with*: "strengthen compliance with the
duty to notify" is an aim ("audit compliance with" is still a check)."""


class Options(RuleOptions):
    """Options of `measurable`."""

    markers: list[str] = Field(
        default_factory=list,
        description="More phrases that state a checkable outcome ('*' = any ending).",
    )


def _no_measure(marker: re.Match[str], text: str) -> bool:
    """Whether ``marker`` is a measure's word used for something else: monitoring of
    people or cases (``_CASEWORK``), an aim or a kind of work (``_AIM_AFTER``, ``_AIMED``),
    a condition (``_EVIDENCED_TO``), or an outcome or impact that nothing checks, a topic
    or what something came to (``_CHECKED``, ``_OUTCOME_CHECKED``)."""
    word, start, end = marker.group().lower(), marker.start(), marker.end()
    before = text[max(0, start - 60) : start]
    if word.startswith("monitor"):
        return bool(_CASEWORK.match(text, end))
    if word.startswith(("outcome", "evidence")) and _AIM_AFTER.match(text, end):
        return True
    if word.startswith("outcome"):
        return not (_CHECKED.search(before) or _OUTCOME_CHECKED.match(text, end))
    if word == "evidenced":
        return not _EVIDENCED_TO.match(text, end)
    if " ".join(word.split()) == "impact on":
        return not _CHECKED.search(before)
    if word.startswith("compliance with"):
        return bool(_AIMED.search(before))
    return False


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a recommendation with no outcome, figure or evidence to check it by."""
    rec, text = item.rec, item.text
    if rec.evidence or "%" in text:
        return
    if _MARKERS and any(not _no_measure(found, text) for found in _MARKERS.finditer(text)):
        return
    if first(words_pattern(options.markers), text):
        return
    if _TO_THE_BOARD.search(text) or _ASSURES_THE_BOARD.search(text):
        return
    yield Hit(
        item,
        "states no outcome or evidence that can be checked: say how the Board will know it "
        "worked (an audit, a figure, a report to the Board), or set 'evidence'",
    )
