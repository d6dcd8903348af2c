"""The recommendation does not name who must act.

A SMART recommendation is Specific: it names an agency, board or role that owns the
action, in its `owner` or `agency` field or in its text: one of the agencies and roles
below, or the subject of a modal verb that names a body ("The Home Office should ...",
"The Welsh Government should ...", "Cambridgeshire Community Services (NHCP) should ...").
"Professionals", "agencies", "partners", "practitioners" and "staff" name nobody in
particular and do not count, nor with what qualifies them ("the agencies contributing to
the review", "professionals working with children", "agencies in Norfolk") or after an
opening clause with no comma ("where it does happen agencies must ..."). Nor does an
agency named only as what the work is for, across or about ("training should be provided
across schools", "referrals to children's social care", "the role of health visitors",
"units such as Winterbourne View Hospital"), or as what owns a thing ("make GP records
available", "a national police operation"), or as who receives the work ("provide health
visitors with guidance", "offer midwives training", "GP training should be delivered"): it
is not asked to act, even straight before a passive modal ("referrals to children's social
care should be reviewed"). Asked by name it is ("ask the police to ...", "led by the
LSCB"), and so is an agency that starts a clause after an opening phrase, with its comma
or without ("Within 28 days of a referral, the local authority to complete an assessment",
"In all cases health visitors to ask ...", "In all cases of neglect of a baby the Health
Visiting Service should ...").

Passing:
    The NSCB will audit the use of the Threshold Guide by March 2027.
    The Department for Education should introduce registration for children's home staff.
    (or any text, with `owner: Norfolk Constabulary`)

Failing:
    Professionals must recognise and respond to concerns about domestic abuse.
    Additional CSE training should be provided across schools and the local NHS.
    Provide health visitors with guidance on recording fathers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, words_pattern
from scrmap.text import AGENT_WORDS, WORD, actor_spans

ID = "specific"
SEVERITY = Severity.warning
SCOPE = Scope.item
KINDS = frozenset({"recommendation"})

ACTORS = [
    "board", "boards", "partnership", "partnerships", "police", "constabulary",
    "children's services", "children's social care", "social care", "local authorit*",
    "council*", "health visitor*", "school nurse*", "midwi*", "general practi*", "NHS trust*",
    "foundation trust*", "integrated care board*",
    "clinical commissioning group*", "designated safeguarding lead*", "designated doctor*",
    "designated nurse*", "named nurse*", "named doctor*", "social worker*", "team manager*",
    "head teacher*", "headteacher*", "school*", "academ*", "college*", "nurser*",
    "childminder*", "early years", "probation", "youth offending", "public health", "housing",
    "ambulance", "hospital*", "director", "directors", "chair", "business manager*", "subgroup*",
    "commissioner*", "adult social care", "mental health service*", "drug and alcohol service*",
    "children's centre*", "paediatrician*", "clinician*", "emergency department*",
    "safeguarding lead*", "safeguarding team*", "workforce development", "task force",
    "early help", "health visiting", "family hub*", "primary care", "supervisor*", "dentist*",
    "dental practice*", "pharmacist*", "pharmacy", "pharmacies", "cafcass", "ofsted",
    "safeguarding partners", "statutory partners", "criminal justice agencies",
]  # fmt: skip
ACRONYMS = [
    "NSCB", "NSCP", "LSCB", "LSCP", "SAB", "CSC", "GP", "GPs", "NHS", "CCG", "ICB", "MASH",
    "IDVA", "IDVAs", "MARAC", "CAMHS", "DSL", "DSLs", "YOT", "DASVB", "ED",
]  # fmt: skip
_NOBODY_TEXT = """the a an all any every each relevant local other partner partners agency
agencies professional professionals practitioner practitioners staff service services
organisation organisations and or of"""
NOBODY = frozenset(_NOBODY_TEXT.split())
"""The words of a subject that name nobody in particular: "All relevant agencies",
"Professionals and local partners". Any other word in a subject that acts names someone."""
_ACTORS = words_pattern(ACTORS)
_ACRONYMS = words_pattern(ACRONYMS, flags=0)
MODIFIES = frozenset({"who", "which", "in", "at", "from", "with", "within", "across", "involved"})
"""Words that start what a subject of ``NOBODY``'s is qualified by ("agencies in the
review", "professionals who work with children"), as a word in *-ing* or *-ed* does
("agencies contributing to the review"): still nobody in particular."""
_DETERMINERS = frozenset({"the", "a", "an", "all", "any", "every", "each", "and", "or", "of"})
_NOT_ASKED_TEXT = """for across among amongst to into within of in at on about throughout
like including"""
NOT_ASKED = frozenset(_NOT_ASKED_TEXT.split())
"""Words after which an agency is what the work is for, across, about or in, not who does
it: "training provided across schools", "referrals to children's social care"; *such as*
reads as *like* ("units such as Winterbourne View Hospital"). Not "between": sharing
"between the safeguarding partners" is theirs to do."""
_GIVEN_TEXT = """provide provides providing give gives giving offer offers offering supply supplies
supplying equip equips equipping send sends sending train trains"""
GIVEN = frozenset(_GIVEN_TEXT.split())
"""Verbs whose object receives what the work gives: "Provide health visitors with guidance",
"Give schools a named contact", "Offer midwives training" ask nobody named to act (as
"training delivered to GPs" does not). Not "ask", "remind" or "require": "ask the police to
share" asks the police."""
_PASSED_TEXT = """the a an all any each every its their our other relevant local national
those these both and or"""
PASSED = frozenset(_PASSED_TEXT.split())
"""Words between such a preposition and the agency it governs: "across all schools, the
council and the local NHS"."""
MODIFIERS = 2
"""How many other words (not capitalised, not in ``PASSED``) may stand between: "for
frontline health visitors"; capitalised names ("Norfolk County Council") are passed whatever
their length. A word in capitals counts as another word: in a text written in capitals
("TRAINING SHOULD BE COMMISSIONED BY THE PARTNERSHIP") every word is one."""
_OWNED = re.compile(
    r"(?<!\s)\s+(?:records?|operations?|admissions?|attendances?|data|premises|procedures?|"
    r"polic(?:y|ies)|guidance|systems?|training|briefings?)\b",
    re.IGNORECASE,
)
"""A thing the agency owns, gets or that is named after it: "GP records", "police
operation", "GP training should be delivered"."""
_ACTS = re.compile(
    r"(?<!\s)\s+(?:should|must|will|shall|would|could|can|may|needs?\s+to|are\s+to|is\s+to)\b"
    r"(?P<passive>\s+(?:not\s+)?be\b)?",
    re.IGNORECASE,
)
"""A modal straight after the agency: it is a subject that acts, whatever stands before
("The President of the Family Division and Cafcass should ..."). Not where the modal is
passive: in "referrals to children's social care should be reviewed" and "training for the
police should be commissioned" the agency is still only what the work is for."""
_NAME_WORD = re.compile(r"(?<!\s)\s+([\w'\u2019&-]+)")
NAME_WORDS = 3
"""How many words of the agency's name or unit may stand between it and an active modal:
"the Health Visiting Service should", "GP practices should", "police officers should"
(capitalised, or an agency's word: ``AGENT_WORDS``). An agency that starts the subject of
a modal acts, whatever opening phrase stands before it without a comma ("In all cases of
neglect of a baby the health visiting team should ...")."""
_TO_DO = re.compile(
    r"(?<!\s)\s+to\s+(?:ask|see|visit|check|ensure|make|consider|lead|take|seek|follow|identify|"
    r"assess|escalate|notify|inform|discuss|work|complete|record|share|refer|review|attend|"
    r"agree|develop|publish|audit|use|provide|offer|deliver|implement|introduce|establish|"
    r"produce|update|report|meet|hold|include|contact|explore|convene|speak|write)\b",
    re.IGNORECASE,
)
"""An agency followed by what it is to do, as action plans write it without a modal:
"health visitors to ask about fathers". After an opening phrase with no comma ("In all
cases health visitors to ask ..."), the phrase's preposition governs its own words, not
the agency; straight after one ("referrals to children's social care to ensure ...",
"training for GPs to recognise ...") the agency is still only what the work is for."""
_BACK_REACH = 200
"""How far back ``_asked`` reads (a dozen words at most): a long text that names the police
a thousand times is read once per name, not from its start each time."""
_BACK_WORDS = re.compile(r"[\w'\u2019-]+|[^\w\s]")


class Options(RuleOptions):
    """Options of `specific`."""

    actors: list[str] = Field(
        default_factory=list,
        description="More agencies or roles that count as naming who acts ('*' = any ending).",
    )


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a recommendation with no owner, agency or named actor in its text."""
    rec = item.rec
    if rec.owner or rec.agency:
        return
    text = item.text
    if any(_names_someone(WORD.findall(text[start:end])) for start, end in actor_spans(text)):
        return
    named = [_ACTORS, _ACRONYMS, words_pattern(options.actors)]
    found = sorted(
        (m for pattern in named if pattern is not None for m in pattern.finditer(text)),
        key=lambda m: m.start(),
    )
    ends = frozenset(m.end() for m in found)
    if any(_asked(text, m.start(), m.end(), ends) for m in found):
        return
    # Named, but not as who acts: say so, or the reviewer reads "schools" in the text and
    # takes the warning for a mistake.
    only = f"; {found[0].group()!r} is named, but not as who does it" if found else ""
    yield Hit(
        item,
        f"does not say who must act{only}: name an agency, board or role in the text, or set "
        "'owner' or 'agency' ('professionals' and 'agencies' name nobody)",
    )


def _names_someone(subject: list[str]) -> bool:
    """Whether the words before a modal name someone: a word not ``NOBODY``'s, unless the
    subject is a ``NOBODY`` phrase after another clause ("where it does happen agencies
    must ...": read back over the words a body's name is made of, capitalised, an agency's
    or ``NOBODY``'s, all are ``NOBODY``'s) or with a modifier after it ("The agencies
    contributing to the review should ...", "Professionals working with children must
    ...": ``MODIFIES``)."""
    words = [w.lower() for w in subject]
    if all(w in NOBODY for w in words):
        return False
    tail = 0
    for word in reversed(subject):
        if not (word[:1].isupper() or word.lower() in AGENT_WORDS or word.lower() in NOBODY):
            break
        tail += 1
    if tail and all(w in NOBODY for w in words[len(words) - tail :]):
        return False
    head = next(i for i, w in enumerate(words) if w not in NOBODY)
    return not (
        head > 0
        and any(w in NOBODY and w not in _DETERMINERS for w in words[:head])
        and not subject[head][:1].isupper()
        and (words[head] in MODIFIES or words[head].endswith(("ing", "ed")))
    )


def _asked(text: str, start: int, end: int, ends: frozenset[int]) -> bool:
    """Whether the agency named at ``start:end`` is asked to act: not what something is
    named after or owned by (``_OWNED``), and not governed by a preposition of what the
    work is for or across (``NOT_ASKED``), reading back over a list of agencies (a comma
    straight after one of ``ends``) and the words of a name; always, where an active modal
    follows it (``_ACTS``). Any other comma ends the reading: "In all cases, health visitors
    ..." starts a clause whose subject the agency is."""
    if _acts(text, end):
        return True
    if _OWNED.match(text, end):
        return False
    to_do = bool(_TO_DO.match(text, end))
    others = 0
    words = list(_BACK_WORDS.finditer(text, max(0, start - _BACK_REACH), start))[-12:]
    for at in range(len(words) - 1, -1, -1):
        found = words[at]
        word = found.group()
        lower = word.lower()
        if lower in GIVEN:
            return False
        if lower in NOT_ASKED or (lower == "as" and at and words[at - 1].group().lower() == "such"):
            return to_do and others > 0
        if word == ",":
            if found.start() not in ends:
                return True
            continue
        # A capitalised word is part of a name; a word in capitals may be, or the text shouts.
        if lower in PASSED or (word[:1].isupper() and not word.isupper()):
            continue
        others += 1
        if not word[:1].isalpha() or others > MODIFIERS:
            return True
    return True


def _acts(text: str, end: int) -> bool:
    """Whether an active modal follows the agency that ends at ``end``, straight after it
    or after up to ``NAME_WORDS`` words of its name or unit."""
    for _ in range(NAME_WORDS + 1):
        acts = _ACTS.match(text, end)
        if acts:
            return not acts.group("passive")
        word = _NAME_WORD.match(text, end)
        if word is None:
            return False
        name = word.group(1)
        if not (name[:1].isupper() or name.lower() in AGENT_WORDS):
            return False
        end = word.end()
    return False
