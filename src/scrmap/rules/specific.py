"""The recommendation does not name who must act.

A SMART recommendation is Specific: it names an agency, board or role that owns the
action, in its `owner` or `agency` field or in its text: one of the agencies and roles
below, or the subject of a modal verb that names a body ("The Home Office should ...",
"The Welsh Government should ...", "Cambridgeshire Community Services (NHCP) should ...").
"Professionals", "agencies", "partners", "practitioners" and "staff" name nobody in
particular and do not count.

Passing:
    The NSCB will audit the use of the Threshold Guide by March 2027.
    The Department for Education should introduce registration for children's home staff.
    (or any text, with `owner: Norfolk Constabulary`)

Failing:
    Professionals must recognise and respond to concerns about domestic abuse.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, first, words_pattern
from scrmap.text import WORD, actor_spans

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
    extra = words_pattern(options.actors)
    text = item.text
    if first(_ACTORS, text) or first(_ACRONYMS, text) or first(extra, text):
        return
    if any(
        any(w.lower() not in NOBODY for w in WORD.findall(text[start:end]))
        for start, end in actor_spans(text)
    ):
        return
    yield Hit(
        item,
        "does not say who must act: name an agency, board or role in the text, or set "
        "'owner' or 'agency' ('professionals' and 'agencies' name nobody)",
    )
