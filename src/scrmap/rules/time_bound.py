"""The recommendation gives no date or timescale, or a due date that is not a date.

A SMART recommendation is Time-bound: a date ("by March 2027", "by 31.03.27"), a timescale
("within six months", "within 24 hours", "in twelve months") or a cycle ("reviewed
annually", "termly", "every term", "fortnightly"), in the text or in the `due` field. A
`due` field meant as a date (it holds a digit or names a month) that names none scrmap
can read (31/02/2027, 2025-13-01, Q3 2026), or a year that cannot be meant (before 1900
or after 2099: Mar-0026), is reported too: its action could never be counted overdue, or
would be counted overdue by centuries. A month with a two-digit year (Mar-26, April 26)
is this century's. Words such as "ongoing" are not meant as dates, and pass; a `due` that
says the date is not set yet ("TBC", "to be agreed") is no timescale, and nor is the year
in a law's name ("amend the Children Act 1989") or in statutory guidance's ("Working
Together 2018", "Keeping Children Safe in Education 2024").

Passing:
    The NSCB will publish revised guidance on escalation by March 2027.
    Health visitors will record the father's details within six weeks of the birth.

Failing:
    The NSCB will publish revised guidance on escalation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from scrmap.due import due_not_read, meant_as_date
from scrmap.findings import Severity
from scrmap.rules._base import Hit, Item, RuleOptions, Scope, first, words_pattern

ID = "time-bound"
SEVERITY = Severity.warning
SCOPE = Scope.item
KINDS = frozenset({"recommendation"})

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
_NUMBER = rf"(?:{_COUNT}|a|an)"
_UNIT = r"(?:working\s+|school\s+|calendar\s+)?(?:hour|day|week|month|year)s?"
# "in a day" is not counted ("in a day centre" names no time), nor "in two day nurseries"
# (the unit must end the phrase: "in six months.", "in six months' time"), nor a date with
# full stops and a two-digit year without "by", "before" or "until" before it (paragraph
# 4.5.10 of a procedure, "based on 4.5.10"), nor the year in a law's name ("the Children
# Act 1989", "the Care Act 2014", "the Mental Capacity Act (2005)", "the ... Regulations
# 2015") or statutory guidance's ("Working Together 2018", "Working Together to Safeguard
# Children 2023", "Keeping Children Safe in Education 2024", "KCSIE 2024"); "annual" only
# as a cycle ("an annual audit", "on an annual basis"), not "annual leave".
_TIMESCALE = re.compile(
    rf"\b{_MONTH}\s+(?:19|20)\d\d\b"
    r"|(?<!\bact\s)(?<!\bacts\s)(?<!\border\s)(?<!\brules\s)(?<!\bregulations\s)"
    r"(?<!\bact\s\()(?<!\bact,\s)(?<!\btogether\s)(?<!\bsafeguard\schildren\s)"
    r"(?<!\bsafe\sin\seducation\s)(?<!\bkcsie\s)"
    r"\b(?:19|20)\d\d(?:[-/]\d\d(?:[-/]\d\d)?)?\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:by|before|until)\s+(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d\d\b"
    rf"|\bwithin\s+(?:the\s+next\s+)?{_NUMBER}\s+{_UNIT}\b"
    rf"|\bin\s+{_COUNT}\s+{_UNIT}(?:['\u2019]?\s+time\b|(?=\s*(?:[.,;:!?)]|$)))"
    r"|\bwithin\s+(?:a|one|the)\s+(?:day|week|month|year|quarter)\b"
    r"|\bannual\s+(?:review|report|audit|basis|cycle|update|return|survey|assurance)s?\b"
    r"|\b(?:annually|quarterly|monthly|weekly|biannually|six-monthly|twice\s+a\s+year)\b"
    r"|\b(?:half-?)?(?:termly|yearly)\b|\bfortnightly\b"
    r"|\bevery\s+(?:\w+\s+)?(?:day|week|month|year|quarter|(?:half-?)?term)s?\b"
    r"|\beach\s+(?:day|week|month|year|quarter|(?:half-?)?term)\b"
    r"|\bQ[1-4]\b|\b(?:spring|summer|autumn|winter)\s+(?:term\s+)?(?:19|20)\d\d\b"
    r"|\bby\s+the\s+(?:end|start)\s+of\b|\b(?:financial|academic)\s+year\b"
    r"|\bnext\s+(?:\w+\s+)?(?:month|year|quarter)s?\b",
    re.IGNORECASE,
)


class Options(RuleOptions):
    """Options of `time-bound`."""

    phrases: list[str] = Field(
        default_factory=list,
        description="More phrases that count as a timescale ('*' = any ending).",
    )


_NOT_SET = re.compile(
    r"^\W*(?:tb[acd]\b|to\s+be\s+(?:confirmed|agreed|decided|determined|arranged)\b)",
    re.IGNORECASE,
)
"""A due field that says the date is not set yet ("TBC", "TBC.", "To be agreed with the
Board"); one that holds a date all the same ("To be agreed by March 2027") is read as a
date (`not_set`)."""


def not_set(due: str) -> bool:
    """Whether a due field says its date is not set yet, and holds none."""
    return bool(_NOT_SET.match(due)) and not meant_as_date(due)


def check(item: Item, options: Options) -> Iterator[Hit]:
    """Report a recommendation with no due date and no date or timescale in its text, or
    with a due date that is not one."""
    rec = item.rec
    if rec.due and not not_set(rec.due):
        if message := due_not_read(rec.due, rec.source.cells.get("due")):
            yield Hit(item, message)
        return
    text = item.text
    if _TIMESCALE.search(text) or first(words_pattern(options.phrases), text):
        return
    if rec.due:
        yield Hit(
            item,
            f"due {rec.due.strip()!r} sets no date yet, and the text gives none: agree one "
            "('by March 2027', 'within six months') before the draft goes to the partnership",
        )
        return
    yield Hit(
        item,
        "gives no date or timescale: add one ('by March 2027', 'within six months') or set 'due'",
    )
