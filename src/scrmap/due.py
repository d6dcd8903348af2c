"""Due dates as action plans write them: the date a due field means, and what is wrong
with one that means none.

Apart from the action plan's states (`scrmap.actionplan`) because every reader of
recommendations warns about a due date it cannot read, and the `time-bound` rule does:
`map` and `check` need the dates, not the status words.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(digits: str) -> int:
    """A year as written: two digits are this century's ("Mar-26", Excel's default mmm-yy,
    is March 2026), never the year 26, up to 68; from 69 the last century's ("31/12/99" is
    1999, as POSIX's strptime reads it), not a date seventy years ahead that would never
    be overdue."""
    if len(digits) != 2:
        return int(digits)
    return int(digits) + (2000 if int(digits) < 69 else 1900)


_LEAD = re.compile(r"^\s*(?:by\s+)?(?:the\s+)?(?:end\s+(?:of\s+)?)?")
"""Words before a date that do not change it: "by", "end of", "by the end of"."""
_WEEKDAY = re.compile(
    r"^(?:"
    + "|".join(
        sorted(
            {d.casefold() for d in (*calendar.day_name, *calendar.day_abbr)}
            | {"tues", "thur", "thurs"},
            key=len,
            reverse=True,
        )
    )
    + r")\b[\s,.]*"
)
"""A day of the week before a date, as Excel's long date format shows it in a CSV file
("Wednesday, March 31, 2027", "Wed 31/03/2027"): it adds nothing to the date."""
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


_TIME = re.compile(
    r"(?<=\d)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
"""A time of day after a date, as Excel and pandas export a date cell ("31/03/2026 00:00",
"2027-03-31T00:00:00"): it says nothing of the day an action is due."""


_FINANCIAL = re.compile(
    r"(?:(?:q|quarter\s*)(?P<before>[1-4])(?:\s*[,(-]\s*|\s+of\s+|\s+))?(?:fy\s*)?"
    r"(?P<start>\d{4}|\d{2})(?:\s*[/-]\s*|\s+)(?P<end>\d{4}|\d{2})\)?"
    r"(?:(?:\s*[,-]\s*|\s+)(?:q|quarter\s*)(?P<after>[1-4]))?"
)
"""A financial year ("2026/27", "FY 2026-27") or a quarter of one ("Q1 2027/28", "2026/27
Q4", "Q4 (2026/27)", "Quarter 4, 2026/27", "Q4 of 2026/27", "2026/27 - Q4"), as public
bodies plan by the year from April to March; the years may be parted by a space, as in a
header's words ("RAG Q3 2026 27", `sources._table.dated_status`)."""


def _financial_end(found: re.Match[str]) -> date | None:
    """The last day of the financial year or quarter ``found`` names (`_FINANCIAL`): Q1 is
    April to June, Q4 January to March of the year after. None where the years do not
    follow one another ("2026/28", "2026-03"), or the second may be a month ("2011/12" is
    December 2011, as it always was read; "11/12" may be the 11th of December): those are
    read as other dates, or not at all."""
    start = _year(found["start"])
    end = found["end"]
    if int(end) != (start + 1 if len(end) == 4 else (start + 1) % 100):
        return None
    if len(end) == 2 and int(end) <= 12:
        return None
    quarter = int(found["before"] or found["after"] or 4)
    return _end_of_month(start + (quarter == 4), (3 * quarter + 3) % 12 or 12)


_REVISION = re.compile(
    r"\b(?:revised|extended|amended|moved|deferred|rescheduled|new\s+date)(?:\s+to)?\b[\s:]*",
    re.IGNORECASE,
)
"""The words before the date an action was moved to, in the due cell that keeps the one first
agreed: "31/03/27 (revised 30/06/27)", "31/03/2027 - extended to 30/06/2027"."""


_FORMER = re.compile(
    r"\b(?:was|originally|previously|formerly|initially|orig\b\.?"
    r"|original(?:\s+(?:date|target))?)\b",
    re.IGNORECASE,
)
"""The words after the date an action was moved to, before the one first agreed: "30/06/2027
(was 31/03/2027)", "June 2027 (originally March 2027)"."""
_RANGE = re.compile(r"(?<!\s)\s+(?:-|\u2013|\u2014|to|until)\s+", re.IGNORECASE)
"""What parts two dates of a due cell that gives a span ("31/03/2027 - 30/06/2027",
"December 2026 to March 2027")."""

_FIGURES = r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
_SIDE_BY_SIDE = re.compile(rf"({_FIGURES})[,;]?\s+({_FIGURES})")
"""What parts two dates in figures written side by side in one due cell, the date first
agreed and the one the action was moved to ("31/03/2027 30/06/2027", or on two lines of
the cell, which is read as one line): no word or dash between them says which is which,
and of two such dates the later is the one the action was moved to, since an action is
given more time, not less. Dates in words are not parted so ("31 March 2027" holds
spaces)."""


def _read_due(text: str) -> date | None:
    """The date ``text`` names as written, whatever its year (see `parse_due`): after the
    last `_REVISION` in it, where a date follows one, since an action given more time is
    late only after the new date, or before a `_FORMER` that follows a date ("30/06/2027
    (was 31/03/2027)"); else the whole of it (`_read_date`); else, for two dates parted as
    a span (`_RANGE`), or side by side (`_SIDE_BY_SIDE`), the later: the end of the span,
    or the date moved to where the cell keeps both with no word between. Read as no date,
    each was never overdue."""
    revisions = list(_REVISION.finditer(text))
    if revisions:
        moved = re.split(r"[();]", text[revisions[-1].end() :], maxsplit=1)[0].strip(" .,-")
        revised = _read_date(moved) if moved else None
        if revised is not None:
            return revised
    former = _FORMER.search(text)
    if former is not None and former.start() > 0:
        moved_to = _read_date(text[: former.start()].strip(" .,;:-([\t"))
        if moved_to is not None:
            return moved_to
    whole = _read_date(text)
    if whole is not None:
        return whole
    side_by_side = _SIDE_BY_SIDE.fullmatch(text.strip())
    span = list(side_by_side.groups()) if side_by_side else _RANGE.split(text.strip())
    if len(span) != 2:
        return None
    first, last = (_read_date(part) for part in span)
    return max(first, last) if first is not None and last is not None else None


def _read_date(text: str) -> date | None:
    """The date ``text`` names as written, whatever its year (see `parse_due`)."""
    value = _TIME.sub("", text.strip())
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    # "by the end of March 2027" is March 2027; "31st" is 31.
    words = _LEAD.sub("", value.casefold())
    if words[:1].isalpha():  # "Wednesday, 31 March 2027"; a date in figures has no weekday
        words = _WEEKDAY.sub("", words)
    financial = _FINANCIAL.fullmatch(words.strip())
    if financial is not None and (end := _financial_end(financial)) is not None:
        return end
    parts = [_ORDINAL.sub(r"\1", p) for p in re.split(r"[\s/.,-]+", words) if p]
    try:
        if len(parts) == 3 and parts[0] in _MONTHS and parts[1] in _MONTHS and parts[2].isdigit():
            return _end_of_month(_year(parts[2]), _MONTHS[parts[1]])  # Jan-Mar 2027: by its end
        if len(parts) == 3 and parts[1] in _MONTHS and parts[2].isdigit():
            return date(_year(parts[2]), _MONTHS[parts[1]], int(parts[0]))
        if len(parts) == 3 and parts[0] in _MONTHS and parts[1].isdigit() and parts[2].isdigit():
            return date(_year(parts[2]), _MONTHS[parts[0]], int(parts[1]))  # March 31, 2027
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            if len(parts[0]) == 4:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            return date(_year(parts[2]), int(parts[1]), int(parts[0]))
        if len(parts) == 2 and parts[0] in _MONTHS and parts[1].isdigit():
            return _end_of_month(_year(parts[1]), _MONTHS[parts[0]])
        if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
            return _end_of_month(int(parts[0]), int(parts[1]))
        if len(parts) == 2 and all(p.isdigit() for p in parts) and len(parts[1]) == 4:
            return _end_of_month(int(parts[1]), int(parts[0]))  # 03/2027
        if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 4:
            return date(int(parts[0]), 12, 31)
    except (ValueError, OverflowError):  # 31/02/2027; a day of 99999999999
        return None
    return None


YEARS = range(1900, 2100)
"""The years a due date can be in. Any other is a slip ("0026", "2206"), and as a date it
would put a figure such as "730,576 days overdue" in a Board paper."""


def parse_due(text: str | None) -> date | None:
    """The date a due field means, or None when it does not name one ("ongoing").

    Action plans write due dates as ISO dates, UK day-first dates ("31/03/2021"), "31
    March 2021" (or "31st March 2021", "March 31, 2021"), or only a month or year ("March
    2021", "end of March 2021", "2021-03", "2021", "Mar-21"), or a financial year or a
    quarter of one ("2026/27", "Q1 2027/28", `_financial_end`); a month, a year or a
    quarter means its last day, since an action due "in March" is not late until April.
    "By" and "end of" before a date, and a time of day after it ("31/03/2021 00:00"),
    change nothing. A date the action was moved to after the one first agreed ("31/03/27
    (revised 30/06/27)", `_REVISION`), or before it ("30/06/2027 (was 31/03/2027)",
    `_FORMER`), is the due date, and of two dates as a span the later. A two-digit year is
    this century's
    up to 68 (`_year`).
    A date outside `YEARS` is none. A month-first date in figures ("03/31/2021") is not
    read: it is warned about, not guessed.
    """
    if not text:
        return None
    found = _read_due(text)
    return found if found is not None and found.year in YEARS else None


DUE_FORMS = "2027-03-31, 31/03/2027, 31 March 2027, March 2027, Q4 2026/27 or 2027"
"""The ways of writing a due date that `parse_due` reads, for messages."""


def meant_as_date(text: str) -> bool:
    """Whether a due field is meant as a date: it holds a digit or names a month. Words
    alone ("ongoing", "TBC") are honestly not a date."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return bool(re.search(r"\d", text)) or any(w in _MONTHS for w in words)


def due_not_read(text: str | None, where: str | None = None) -> str | None:
    """What is wrong with a due field meant as a date that names none `parse_due` can read
    ("31/02/2027", "2025-13-01", "Q3 2026"), or None.

    Such an action is never counted overdue however late it is, so a Board would be told
    nothing is late when something is; it must be said. A field is meant as a date when it
    holds a digit or names a month; words alone ("ongoing", "TBC") are a due field that is
    honestly not a date, listed in `Progress.due_not_a_date` without complaint.
    ``where`` names the cell it is in (`recommendation.Source.cells`).
    """
    if not text or parse_due(text) is not None or not meant_as_date(text):
        return None
    due = f"due {text.strip()!r}" + (f" ({where})" if where else "")
    written = _read_due(text)
    if written is not None:
        return (
            f"{due} is in the year {written.year}, which cannot be meant, so "
            f"the action is never counted overdue; write it as {DUE_FORMS}"
        )
    return (
        f"{due} is not a date scrmap can read, so the action is never counted "
        f"overdue; write it as {DUE_FORMS}"
    )
