"""The recommendation asks for thought, not action.

Verbs such as "consider", "explore", "reflect on", "be mindful of", "be alert to", "have
regard to", "give due consideration to" or "take into account" (with a word inside too:
"be fully aware of"), and their passives ("consideration should be given to", "a protocol
should be considered", "the child's views should be taken into account"), cannot be
completed or checked, and nor can "recognise the importance of", "recognise
schools as partners" or "consider the need for": an abstract noun (need, importance, value,
benefit, ...) after such a verb keeps the action out of reach. The rule reports them unless
the recommendation also has a concrete action verb outside what is to be considered
("consider the findings and publish a revised protocol" passes; in "consider the need for a
review", the review is only to be thought about). A noun made from an action is no action:
"consider the findings and their implications for referrals", "reflect on the learning and
the development of practice" ask only for thought, and in "consider banning restraint, and
its use should be discontinued" the action is to discontinue.

Passing:
    The NSCB will publish a revised escalation protocol by June 2027.
    Schools should consider current practice and use the briefings to cascade the learning.

Failing:
    Agencies should consider how they engage with fathers.
    Agencies should consider the need for a review of the escalation policy.
    Health partners should be mindful of the importance of information sharing.
    Consideration should be given to a joint protocol for neglect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, words_pattern

ID = "vague-verb"
SEVERITY = Severity.warning
SCOPE = Scope.item
KINDS = frozenset({"recommendation"})

VAGUE = [
    "consider", "considers", "considering", "explore", "explores", "exploring",
    "reflect on", "reflect upon", "think about", "look at", "look into", "seek to",
    "endeavour to", "strive to", "aim to", "be encouraged to", "bear in mind",
    "take into account", "take account of", "look to",
]  # fmt: skip
ACTIONS = [
    "implement*", "introduc*", "publish*", "produc*", "deliver*", "establish*", "set up",
    "creat*", "appoint*", "audit*", "report*", "revis*", "updat*", "issue*", "adopt*",
    "complet*", "train*", "provid*", "develop*", "commission*", "agree*", "write", "record*",
    "refer*", "attend*", "use", "uses", "using", "cascade*", "share*", "sharing", "form",
    "review*", "monitor*", "ask*", "offer*", "speak*", "hold*", "convene*", "include*",
    "replace*", "fund*", "recruit*", "meet*", "assur*", "discontinu*", "ban", "banned",
    "amend*", "withdraw*", "prohibit*", "cease*",
]  # fmt: skip
FRAMED = [
    "recognise", "recognize", "understand", "note", "acknowledge", "appreciate", "emphasise",
    "emphasize", "highlight", "reinforce", "remember", "promote", "raise awareness of",
]  # fmt: skip
"""Verbs that are vague only with an abstract noun after them: "recognise the importance
of" (but "recognise and respond to neglect" asks for something)."""
_FRAME = (
    r"\s+(?:the|a|an)\s+(?:(?:\w+\s+)?(?:need|needs|importance|value|benefits?|merits?|"
    r"possibility|feasibility|potential|significance|relevance|role|impact)|"
    r"(?:possible\s+)?(?:usefulness|desirability))\s+(?:of|for)\b"
)
"""An abstract noun frame, 'the need for', 'the importance of', 'the potential value of':
the action named after it is only to be thought about."""
_BOUNDARY = re.compile(r"[.;:!?](?:\s|$)|\b(?:and|but|then)\b", re.IGNORECASE)
"""Where what a vague verb asks to be thought about ends, and another clause can begin."""


def _vague_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    plain = words_pattern(phrases)
    if plain is None:
        return None
    return re.compile(f"{plain.pattern}(?:{_FRAME})?", re.IGNORECASE)


_VAGUE = _vague_pattern(VAGUE)
_GIVEN = r"(?:should|must|will|shall|needs?\s+to|is\s+to|are\s+to|is|are|be|to)\s+(?:be\s+)?"
_HEDGED = re.compile(
    r"(?:\b(?:be|remain|stay)\s+(?:[a-z]+\s+)?"
    r"(?:(?:mindful|aware|cognisant|cognizant|conscious)\s+of|(?:alert|alive)\s+to)\b"
    r"|\bgive\s+(?:[a-z]+\s+)?(?:consideration|thought)\s+to\b"
    rf"|\b(?:consideration|thought)\s+(?:[a-z]+\s+)?{_GIVEN}given\s+to\b"
    rf"|\b{_GIVEN}(?:considered|explored|reflected\s+(?:on|upon)|borne\s+in\s+mind|"
    r"taken\s+into\s+account)(?!\s+(?:by|as|to\s+be|that)\b)"
    rf"|\bhave\s+regard\s+to\b|\bkeep\s+in\s+mind\b)(?:{_FRAME})?",
    re.IGNORECASE,
)
"""Being aware of something and giving it thought, with or without a word inside: "be
mindful of", "be fully aware of", "be made aware of", "remain alert to", "give due
consideration to", "have regard to"; and asked for in the passive, as reviews often ask
("Consideration should be given to ...", "thought is given to ...", "a joint protocol
should be considered", "the child's views should be taken into account"; not "considered
by the panel", "considered as", "considered to be" or "considered that", which say who
or what); with an abstract noun after, as `VAGUE`'s phrases."""
REGARDING = ["recognise", "recognize", "understand", "acknowledge", "appreciate"]
"""The verbs of `FRAMED` that, with *as*, ask for a view of something: "promote the
helpline as the first point of contact" and "highlight the learning as a priority" ask
for something to be done."""
_AS_HOW = (
    r"well|soon|possible|appropriate|necessary|needed|required|agreed|early|quickly|far|long|"
    r"much|many|per|part|a\s+matter|set\s+out|described|outlined|detailed|defined|stated|"
    r"and\s+when"
)
"""What follows an *as* that says how or when, not what a thing is seen as: "as part of",
"as set out in", "as a matter of urgency", "as soon as", "as well as"; nor is *such as*
("recognise signs of neglect such as ...") a regard."""
_REGARDED = rf"\s+(?:[\w'\u2019-]+\s+){{1,6}}?(?<!\bsuch\s)as\s+(?!(?:{_AS_HOW})\b)"
"""Something regarded as something: "recognise health and education staff as significant
partners" asks for a view, not an action."""
_FRAMED = re.compile(
    rf"\b(?:{'|'.join(FRAMED)}){_FRAME}|\b(?:{'|'.join(REGARDING)}){_REGARDED}", re.IGNORECASE
)
_ACTIONS = words_pattern(ACTIONS)
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|these|those|any|some|each|every|no|of|for|"
    r"with|in|on|at|by|from|and\s+the)\s+$",
    re.IGNORECASE,
)
"""A word that makes the action word after it a noun: "its use", "the review", "of the
training" name a thing, not something to do."""
_NOUN_FORM = re.compile(r"(?:als?|ments?|ders|ners|ance|ions?|ings)$", re.IGNORECASE)
"""The endings of an action word's nouns: "referrals", "development", "providers",
"commissioners", "attendance", "revision", "meetings" (not "delivers" or "refers")."""


def _an_action(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Whether ``text`` asks for one of ``pattern``'s actions as a verb: not a noun made
    from it ("its use should be discontinued" asks to discontinue, not to use; "their
    implications for referrals" asks nothing)."""
    if pattern is None:
        return False
    return any(
        not _NOUN_FORM.search(m.group())
        and not _NOUN_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
        for m in pattern.finditer(text)
    )


class Options(RuleOptions):
    """Options of `vague-verb`."""

    vague: list[str] = Field(
        default_factory=list, description="More vague verbs or phrases to report."
    )
    actions: list[str] = Field(
        default_factory=list,
        description="More action verbs that make a vague verb acceptable ('*' = any ending).",
    )


def _vague(text: str, options: Options) -> re.Match[str] | None:
    """The first vague construction in ``text``."""
    found = [
        match
        for pattern in (_VAGUE, _FRAMED, _HEDGED, _vague_pattern(options.vague))
        if pattern is not None and (match := pattern.search(text))
    ]
    return min(found, key=lambda m: m.start()) if found else None


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a vague construction in a recommendation with no concrete action outside
    what it asks to be thought about (which runs to the end of its clause)."""
    text = item.text
    vague = _vague(text, options)
    if vague is None:
        return
    boundary = _BOUNDARY.search(text, vague.end())
    outside = text[: vague.start()] + " " + (text[boundary.start() :] if boundary else "")
    if _an_action(_ACTIONS, outside) or _an_action(words_pattern(options.actions), outside):
        return
    phrase = " ".join(vague.group(0).split())
    yield Hit(
        item,
        f"'{phrase}' asks for thought, not action: say what must be done "
        "(publish, audit, implement, train ...)",
    )
