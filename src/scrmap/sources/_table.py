"""What the spreadsheet kinds share: which column is which, and rows to recommendations.

An action plan is made by people, not exported by a tool: its columns are called
"No.", "Recommendation", "Lead agency", "Target date" or "RAG". Each header is
compared, without regard to capitals, spacing or punctuation, with the names below.
When several columns could be one field, a specific name wins over a generic one
(`GENERIC`: "Target date" over "Date", "RAG" over "Progress", "Recommendation" over
"Finding"), and between names as
specific the first column; every other column is kept as metadata. Without an id
column, rows are numbered from 1.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from functools import lru_cache

from scrmap.due import due_not_read, meant_as_date, parse_due
from scrmap.errors import Problem, duplicate_id
from scrmap.recommendation import Recommendation, Source
from scrmap.sources._base import Found, due_problems
from scrmap.text import one_line

NAMES: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "no", "number", "ref", "reference", "rec no", "rec number", "rec ref",
        "recommendation no", "recommendation number", "recommendation ref", "item", "item no",
        "task id",
    ),
    "text": (
        "text", "recommendation", "recommendations", "recommendation text", "action",
        "actions", "action required", "description", "learning", "finding", "task",
        "task name",
    ),
    "owner": (
        "owner", "action owner", "lead", "lead officer", "lead person", "responsible officer",
        "responsible person", "responsible", "who", "assigned to", "assignee",
    ),
    "agency": (
        "agency", "lead agency", "organisation", "organization", "lead organisation",
        "lead organization", "responsible agency", "partner agency",
    ),
    "due": (
        "due", "due date", "due by", "target date", "target", "deadline", "date",
        "completion date", "timescale", "timescales", "by when", "target completion date",
    ),
    "status": (
        "status", "rag", "rag rating", "rag status", "progress", "current status",
        "current rag", "current rag rating", "current rag status", "overall rag",
        "overall status", "latest status", "completion status", "status rag", "brag",
        "brag rating", "brag status", "percent complete", "percentage complete",
        "percent completed", "percent done", "progress percent", "progress percentage",
    ),
    "evidence": (
        "evidence", "evidence of impact", "evidence of completion", "impact", "outcome",
    ),
    "case": ("case", "case name", "review"),
    "kind": ("kind",),
}  # fmt: skip
"""The header names recognised for each field, after `normal_header`."""
_BY_NAME = {name: field for field, names in NAMES.items() for name in names}

FIELD_WORDS = {
    "id": "the id",
    "text": "the recommendation's text",
    "owner": "the owner",
    "agency": "the lead agency",
    "due": "the due date",
    "status": "the status",
    "evidence": "the evidence",
    "case": "the case",
    "kind": "the kind",
    "revised due": "the revised due date",
}
"""Each field as `--explain-columns` names it."""

GENERIC: frozenset[str] = frozenset(
    {
        # A plan's "Date" is as often the date the recommendation was agreed or last
        # updated, and "Completion date" the date it was done: the target is the due date.
        "date", "target", "timescale", "timescales", "completion date",
        # Free text of what was done ("Audit completed; training planned"), which would read
        # as complete however the RAG rates it. (An "Update" column is more narrative still,
        # no status at all, and is not named here: it is kept as metadata.)
        "progress",
        # How much is done ("% complete": "50%"), which a RAG rating says more of.
        "percent complete", "percentage complete", "percent completed", "percent done",
        "progress percent", "progress percentage",
        # A review's table sets each finding or learning point beside its recommendation:
        # the recommendation is the text to map and check.
        "finding", "learning",
    }
)  # fmt: skip
"""Names that only may mean their field: beside a column with a specific name for it
("Target date", "RAG"), they are kept as metadata."""


def normal_header(header: str) -> str:
    """'No.' -> 'no', 'Target  Date:' -> 'target date', '#' -> 'no', '% complete' ->
    'percent complete'."""
    if header.strip() == "#":
        return "no"
    return " ".join(re.sub(r"[\W_]+", " ", header.lower().replace("%", " percent ")).split())


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column (by position) holds which field; the others are metadata."""

    headers: tuple[str, ...]
    fields: dict[str, int]
    """Field name -> column index, for the fields recognised."""
    passed_over: dict[int, str] = dc_field(default_factory=dict)
    """Column index -> why a column named for a field another column holds was not it."""
    status_after: tuple[int, ...] = ()
    """The other status columns as specific as the status's, in the order a row's status is
    read from them where its own cell is empty or says only "Open" (`later_statuses`,
    `status_at`)."""

    @property
    def under_headings(self) -> bool:
        """Whether the table was given a case column for the case headings among its rows
        (`with_case_column`): not one of the file's own columns."""
        return self.headers[-1:] == (CASE_HEADING_COLUMN,)

    def explained(self) -> list[tuple[str, str]]:
        """Each column's header and what it became, in column order; a column passed over
        for a field says for which column, so that the choice can be checked."""
        by_index = {index: field for field, index in self.fields.items()}
        published = _published_at(self.headers)
        explained = []
        for index, header in enumerate(self.headers):
            why = self.passed_over.get(index)
            kept = f"kept as metadata ({why})" if why else "kept as metadata"
            if index == published and index not in by_index:
                # Metadata, but read: the officer choosing --since needs to know it counts.
                kept = "the publication date of the row's case (for --since)"
            explained.append((header or f"(column {index + 1})", by_index.get(index, kept)))
        return explained


_OTHER_FIELD_WORDS = (
    frozenset(w for f, names in NAMES.items() if f != "text" for n in names for w in n.split())
    - frozenset(w for n in NAMES["text"] for w in n.split())
    - {"of", "by", "name", "kind", "item", "case", "review", "current", "partner", "person"}
    - {"overall", "latest", "to"}
) | {"summary", "title", "theme", "themes", "standard", "standards", "finding", "findings"}
"""Words that, after "Recommendation", name something other than its text ("Recommendation
lead", "Recommendation status", "Recommendation summary")."""


_LEAD_FIELDS = frozenset({"owner", "agency"})


def _names_lead(name: str) -> bool:
    """Whether a normalised header names who leads twice over, as plans head one column
    ("Lead officer / agency", "Owner and agency", "Lead agency/officer": the second name
    sharing the first's "lead")."""
    words = name.split()
    for cut in range(1, len(words)):
        first, second = words[:cut], words[cut:]
        if second[0] == "and":
            second = second[1:]
        if not second or _BY_NAME.get(" ".join(first)) not in _LEAD_FIELDS:
            continue
        rest = " ".join(second)
        if _LEAD_FIELDS & {_BY_NAME.get(rest), _BY_NAME.get(f"{first[0]} {rest}")}:
            return True
    return False


_WHEN = frozenset(
    {"q1", "q2", "q3", "q4", "quarter", "fy"}
    | {m.casefold() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "sept")}
)
"""Words of a date in a header, besides numbers: "RAG (Q3 2026/27)", "Status Jan 2027"."""
_AT = frozenset({"as", "at", "of", "on", "for", "in"})
"""Words that lead a header's date in: "Status as at 31/01/2027"."""


def dated_status(name: str) -> tuple[str, str] | None:
    """A normalised header that names the status with a date, split into the status name
    and the date's words ("rag jan 2027": "rag", "jan 2027"), or None. A plan updated each
    quarter heads its status column with the update's date ("RAG (Jan 2027)", "Progress
    Q3", "Status as at 31/01/2027"), or adds a column for each: read as metadata, every
    action had no status."""
    words = name.split()

    def when(word: str) -> bool:  # "fy26" too: "RAG FY26/27 Q1", as a due date may be written
        return (
            word in _WHEN
            or (word.isdigit() and len(word) <= 4)
            or (word[:2] == "fy" and word[2:].isdigit() and len(word) <= 6)
        )

    start, end = 0, len(words)
    while end > start and when(words[end - 1]):
        end -= 1
    dated = end
    if end < len(words):
        while end > start and words[end - 1] in _AT:
            end -= 1
    while start < end and when(words[start]):
        start += 1
    status = " ".join(words[start:end])
    day = words[:start] + words[dated:]
    if not set(day) - {"quarter"} or _BY_NAME.get(status) != "status":
        return None
    return status, " ".join(day)


_REVISED = frozenset({"revised", "new", "amended", "updated", "extended", "current", "latest"})
"""Words before a due date's name that make it a revised date ("Revised target date",
"New deadline"): a plan keeps the date first agreed beside the one it was moved to, and
an action given more time is late only after the new one."""
_ORIGINAL = frozenset({"original", "initial", "agreed", "planned"})
"""Words before a due date's name that make it the date first agreed ("Original target
date"): the due date, which a revised date in its row replaces."""


def _due_as_qualified(name: str) -> str | None:
    """The field of a due date's name with a word that qualifies it (`_REVISED`,
    `_ORIGINAL`), before it or after it ("Revised target date", "Target date (revised)", as
    a plan adds a column beside the first): "revised due" or "due", or None."""
    first, _, rest = name.partition(" ")
    head, _, last = name.rpartition(" ")
    if _BY_NAME.get(rest) == "due":
        word = first
    elif _BY_NAME.get(head) == "due":
        word = last
    else:
        return None
    return "revised due" if word in _REVISED else "due" if word in _ORIGINAL else None


def _field(name: str) -> str | None:
    """The field a normalised header names: one of `NAMES`; the owner when it names an
    owner and an agency together (`_names_lead`); or the text when it starts
    "Recommendation", "Recommendations" or "Recommended" and names nothing else, as
    reviewers name the column in their own words ("Recommended action", "Recommendations
    for improvement", "Recommendation (what needs to change)")."""
    field = _BY_NAME.get(name)
    if field is not None:
        return field
    if dated_status(name) is not None:
        return "status"
    qualified = _due_as_qualified(name)
    if qualified is not None:
        return qualified
    if _names_lead(name):
        return "owner"
    first, *rest = name.split() or [""]
    own_words = first in {"recommendation", "recommendations", "recommended"} and rest
    return "text" if own_words and not _OTHER_FIELD_WORDS.intersection(rest) else None


def _generic(name: str) -> bool:
    """Whether a normalised header only may name its field (`GENERIC`, or the text in the
    reviewer's own words, which a column named 'Recommendation' outranks); a dated status
    is as generic as its name undated (`dated_status`)."""
    dated = dated_status(name)
    if dated is not None:
        return dated[0] in GENERIC
    if _due_as_qualified(name) is not None:
        return name.partition(" ")[2] in GENERIC
    return name in GENERIC or (name not in _BY_NAME and _field(name) is not None)


def _later_update(name: str, than: str) -> bool:
    """Whether the status column headed ``name``, right of the one headed ``than``, is the
    later update of the two, as specific: both dated (`dated_status`) and ``name``'s date
    not before ``than``'s (the right one where a date is not read, "Q2" and "Q3": a plan
    adds each update's column on the right); or one dated and the other not. A plan that
    keeps a plain "Status" beside dated ratings ("RAG Jan 2027") rates by the dated ones
    added since on its right, and its plain one on the right of them all is its rating now
    (a "Current" one outranks them wherever it stands, `_current_over_dated`)."""
    if _field(name) != "status" or _field(than) != "status" or _generic(name) != _generic(than):
        return False
    first, second = dated_status(than), dated_status(name)
    if first is None or second is None:
        return (first, second) != (None, None) and than.partition(" ")[0] not in _NOW
    before, after = parse_due(first[1]), parse_due(second[1])
    return before is None or after is None or after >= before


_NOW = frozenset({"current", "overall", "latest"})
"""Words that start a status's name when it is the rating now ("Current RAG"), not at a date."""


def _current_over_dated(name: str, than: str) -> bool:
    """Whether the status column headed ``name``, right of the dated one headed ``than``
    (`dated_status`), names the rating now ("Current RAG" after "RAG Q1", "RAG Q2"), as
    specific: a plan that keeps each quarter's rating keeps the current one beside them,
    and read by the last quarter's, an action rated since was read at its old rating."""
    return (
        name.partition(" ")[0] in _NOW
        and _BY_NAME.get(name) == "status"
        and dated_status(than) is not None
        and _generic(name) == _generic(than)
    )


def recognise(headers: Sequence[str]) -> Columns:
    """Match each header with a field: for each field, the first column with a specific
    name for it, else the first with a generic name (`GENERIC`)."""
    names = [normal_header(header) for header in headers]
    fields: dict[str, int] = {}
    for index, name in enumerate(names):
        field = _field(name)
        if field is None:
            continue
        held = fields.get(field)
        if held is None or _outranks(name, names[held]):
            fields[field] = index
    if "revised due" in fields and "due" not in fields:
        # A revised date alone is the due date.
        fields["due"] = fields.pop("revised due")
    after = later_statuses(names, fields["status"]) if "status" in fields else ()
    shown = tuple(h.strip() for h in headers)
    passed_over = {}
    for index, name in enumerate(names):
        field = _field(name)
        if field == "revised due" and field not in fields:
            field = "due"
        if field is None or fields[field] == index:
            continue
        chosen = fields[field]
        if _generic(name) and not _generic(names[chosen]):
            why = f"{shown[chosen]!r} is the more specific name for {FIELD_WORDS[field]}"
        elif _current_over_dated(names[chosen], name):
            why = f"{shown[chosen]!r} is {FIELD_WORDS[field]} now, not at a date"
        elif dated_status(name) and dated_status(names[chosen]) and index in after:
            why = f"{shown[chosen]!r} is the later update of {FIELD_WORDS[field]}"
        elif index in after and dated_status(names[chosen]):
            why = f"{shown[chosen]!r}, dated on its right, is the later update of the status"
        elif index in after and dated_status(name):
            why = f"{shown[chosen]!r}, right of the dated ones, is the status now"
        else:
            why = f"{shown[chosen]!r}, before it, is {FIELD_WORDS[field]}"
        if index in after:
            why += "; the status where that cell is empty or says only 'Open'"
        passed_over[index] = why
    return Columns(shown, fields, passed_over, after)


def _outranks(name: str, than: str) -> bool:
    """Whether the column headed ``name``, right of the one headed ``than`` and named for the
    same field, is that field rather than it (`recognise`)."""
    return (
        (_generic(than) and not _generic(name))
        or _later_update(name, than)
        or _current_over_dated(name, than)
    )


def later_statuses(names: Sequence[str], status: int) -> tuple[int, ...]:
    """The status columns of normalised ``names`` other than the ``status`` column and as
    specific as it is, in the order they outrank each other: where a row's status cell is
    empty, or says only that the action is open (`_OPEN`), its status is the first of them
    with a value that says more. A plan adds a column for each quarter's rating and fills
    it in as the updates come in, so the latest column is empty for the actions not yet
    updated; read as no status, an action rated amber last quarter was one nobody had said
    anything of. And a plan that keeps "Open" or "Closed" beside a RAG rating had every
    open action's status "Open", not recognised, whatever its rating."""
    left = [
        k
        for k, name in enumerate(names)
        if k != status and _field(name) == "status" and _generic(name) == _generic(names[status])
    ]
    order = []
    while left:
        best = left[0]
        for k in left[1:]:
            if _outranks(names[k], names[best]):
                best = k
        order.append(best)
        left.remove(best)
    return tuple(order)


def header_row(found: Sequence[Columns]) -> int:
    """Which of a table's top rows, each recognised (`recognise`), is its header: the first
    with a column of recommendation text, else the first. But a title above the header
    that starts as a text column's name would ("Recommendations", "Recommendations and
    actions \u2013 Child Q", the name alone in its row) was taken for the header, and the
    header's "No." read as a recommendation: a row with one cell gives way to a later one
    that names the text and another field."""
    texts = [k for k, columns in enumerate(found) if "text" in columns.fields]
    if not texts:
        return 0
    first = texts[0]
    if sum(1 for header in found[first].headers if header.strip()) == 1:
        return next((k for k in texts[1:] if len(found[k].fields) > 1), first)
    return first


def under_group_names(above: Sequence[str], header: Sequence[str]) -> list[str] | None:
    """The names of a header's columns completed by the names of groups of them in the row
    ``above`` it, else None: "Progress" over "Q1 | Q2 | Q3" where the header row is the
    second, with every other column's name in it ("No.", "Recommendation"), read "Q3" as
    no status. Only a row empty over the first column and the text, as such a row is (a
    title starts at the first column), or a row of two or more groups ("Action plan" over
    the first columns, "Progress" over the quarters: a title is one cell), each a short
    label; and only where it makes a column a field or changes which column is one
    ("Progress Q3" the status)."""
    columns = recognise(header)
    text = columns.fields.get("text")
    cells = [*above, *[""] * (len(header) - len(above))]
    if text is None:
        return None
    if cells[0].strip() or cells[text].strip():
        groups = [cell for cell in cells if cell.strip()]
        if len(groups) < 2 or any(_not_a_label(group) for group in groups):
            return None
    names = second_header_row(cells, header)
    return names if names is not None and recognise(names).fields != columns.fields else None


_LABEL_WORDS = 5
"""Words a cell of a header's second row has at most: "Q1", "RAG", "Lead officer"."""


def _not_a_label(cell: str) -> bool:
    """Whether a cell is more than a column's name (`second_header_row`): over
    `_LABEL_WORDS` words, or a sentence, with a full stop after more than two words ("No."
    and "Ref." are names)."""
    words = cell.split()
    return len(words) > _LABEL_WORDS or (
        len(words) > 2 and re.search(r"\.(?:\s|$)", cell) is not None
    )


def _names_field(name: str) -> bool:
    """Whether a normalised header is one of a field's names (`_field`), not only the
    text's in the reviewer's own words: "Recommendation" and the text of a row under it
    ("Recommendation Share information") name no column."""
    return _field(name) is not None and not (
        name not in _BY_NAME and _field(name) == "text" and " " in name
    )


def second_header_row(header: Sequence[str], below: Sequence[str]) -> list[str] | None:
    """The names of a header's columns completed by the row ``below`` it, when that row is
    the header's second, else None. Excel users head a plan in two rows: "Progress" merged
    over "Q1 | Q2 | Q3", "Action plan" over "Action | Lead | Due", or each name split over
    the two ("Action" over "required", "Target" over "date"). Read as the header's first
    row alone, the columns under a merged name had none, so the last quarter's rating and
    the action's lead and due date were never read, and the second row was a row with no
    id that refused the plan. ``header`` holds an empty cell where a name merged across
    columns ends (a workbook, a CSV file saved from one; Word repeats the name, which its
    reader blanks), ``below`` an empty one under a name merged down.

    It is the second row when it has no id and no recommendation text of its own (the
    header's columns), each of its cells is a short label (`_not_a_label`),
    and it names a column the first row left unnamed, or each of its labels, after its
    column's name, names a field ("Action required", "Target date"). Each column's name
    is then the two together where that names a field ("Progress Q3", a dated status),
    else the label alone where that does ("Lead" under "Action plan"), else the two."""
    columns = recognise(header)
    width = max(len(header), len(below))
    tops = [*header, *[""] * (width - len(header))]
    labels = [cell.strip() for cell in [*below, *[""] * (width - len(below))]]
    if not any(labels) or any(_not_a_label(label) for label in labels):
        return None
    if "id" in columns.fields and labels[columns.fields["id"]]:
        return None
    parents, parent = [], ""
    for top in tops:
        parent = top.strip() or parent  # a name merged across the columns after it
        parents.append(parent)
    joined = [f"{parents[k]} {label}".strip() for k, label in enumerate(labels)]
    unnamed = any(label and not tops[k].strip() for k, label in enumerate(labels))
    named = [_names_field(normal_header(joined[k])) for k, label in enumerate(labels) if label]
    text = columns.fields.get("text")
    if not (unnamed or (len(named) > 1 and all(named))) or (
        text is not None and labels[text] and not _names_field(normal_header(joined[text]))
    ):
        return None
    names = []
    for k, label in enumerate(labels):
        if not label:
            names.append(tops[k])
        elif _field(normal_header(joined[k])) or not _field(normal_header(label)):
            names.append(joined[k])
        else:
            names.append(label)
    return names


_NAMED = 20
"""Headers a message names at most."""
_NAMED_CHARS = 60
"""Characters of a header a message shows at most."""


def missing_text(columns: Columns, name: str) -> Problem:
    """The problem of a header row with no column of recommendation text, naming the first
    `_NAMED` headers it has, each cut to `_NAMED_CHARS`: a sheet 16,384 columns wide, or a
    first row that is one long paragraph, made a message of tens of kilobytes."""
    named = [
        h if len(h) <= _NAMED_CHARS else h[: _NAMED_CHARS - 1] + "\u2026"
        for h in columns.headers
        if h
    ]
    found = ", ".join(named[:_NAMED]) or "nothing"
    if len(named) > _NAMED:
        found += f" and {len(named) - _NAMED:,} more"
    return Problem(
        name,
        1,
        1,
        "the header row has no column of recommendation text (call it 'Recommendation', "
        f"'Text' or 'Action'; found: {found})",
    )


Row = tuple[int, Sequence[str]]
"""A data row: its line (or spreadsheet row) number and its cells as text."""


def blank(row: Sequence[str]) -> bool:
    """A row with nothing in it, which is skipped."""
    return not any(cell.strip() for cell in row)


def repeats_header(columns: Columns, row: Sequence[str]) -> bool:
    """Whether a row under the header is the header again, each cell its column's name or
    empty: a plan of several reviews pasted into one sheet block by block, each under its
    own header, read the header as a recommendation "Recommendation" with the id "No." and
    the status "RAG". Asked of every row, so most are passed on their text cell alone."""
    at = columns.fields.get("text")
    if at is None or at >= len(row) or row[at].strip().casefold() != columns.headers[at].casefold():
        return False
    own = columns.headers[: len(columns.headers) - int(columns.under_headings)]
    return all(
        not cell.strip() or normal_header(cell) == normal_header(header)
        for cell, header in zip(row, own, strict=False)
    )


def without_headers(columns: Columns, rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` without those that repeat the header (`repeats_header`)."""
    return ((line, row) for line, row in rows if not repeats_header(columns, row))


Unsaved = Callable[[int, int], bool]
"""Whether the cell at a row's line and a column's index is a formula with no saved value."""


def no_unsaved(line: int, column: int) -> bool:
    """No cell is an unsaved formula: a CSV file or a Word table holds values only."""
    return False


def no_text(columns: Columns, row: Sequence[str]) -> bool:
    """A row of the header's width with no recommendation text: a placeholder (an id and
    nothing more, as a plan numbered in advance has), or a totals or key row under the
    table (`_footer`); left out with a warning while the rest of the file is read, since it
    has nothing to map."""
    return len(row) == len(columns.headers) and (
        not row[columns.fields["text"]].strip()
        or _footer(columns, row) is not None
        or _spreadsheet_error(row[columns.fields["text"]]) is not None
    )


SPREADSHEET_ERRORS = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
        # The errors of Excel's dynamic arrays, data types and connections.
        "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
        "#GETTING_DATA",
    }
)  # fmt: skip
"""The values Excel (and LibreOffice, Google Sheets) show for a formula that failed. A
workbook keeps them as the cell's value and a CSV saved from it as the cell's text, so a
plan whose text column is a formula over another sheet ("=Actions!B2") read "#REF!" as a
recommendation, which was mapped and counted as one."""


_LONGEST_ERROR = max(len(error) for error in SPREADSHEET_ERRORS)


def _spreadsheet_error(text: str) -> str | None:
    """The spreadsheet error value (`SPREADSHEET_ERRORS`) that a cell holds, or None.

    Asked of every row's text as a table is read (twice for a CSV file), so a text that
    cannot be one (most: longer, or not starting '#') is passed without upper-casing it."""
    value = text.strip()
    if len(value) > _LONGEST_ERROR or not value.startswith("#"):
        return None
    value = value.upper()
    return value if value in SPREADSHEET_ERRORS else None


_TOTALS = frozenset({"total", "totals", "sum"})
_NUMBER = re.compile(r"[-+]?[\d,]*\.?\d+%?")
_KEY = re.compile(r"(?:key|notes?|source)\s*:", re.IGNORECASE)


def numeric_text(columns: Columns, rows: Sequence[Row]) -> bool:
    """Whether the column taken for recommendation text holds (nearly: nine in ten) nothing
    but numbers in ``rows``, the first rows under the header. A summary sheet's `Agency |
    Actions | Complete` gave "3", "2", "5" as recommendations, and the plan on the next
    sheet was never read: such a column is counts, not text."""
    at = columns.fields["text"]
    cells = [row[at].strip() for _, row in rows if at < len(row) and row[at].strip()]
    numbers = sum(1 for cell in cells if _NUMBER.fullmatch(cell))
    return bool(cells) and numbers * 10 >= len(cells) * 9


def _footer(columns: Columns, row: Sequence[str]) -> str | None:
    """What a row under the table that is not a recommendation is, or None: a totals row
    ("Total | 2": its id a total, its text a number) became a recommendation "2" that was
    counted and failed `check` as unmapped; a key ("Key: R = not started ...", with no id)
    refused the whole plan for a row with no id."""
    text = row[columns.fields["text"]].strip()
    rec_id = row[columns.fields["id"]].strip() if "id" in columns.fields else ""
    if rec_id.casefold().rstrip(":") in _TOTALS and _NUMBER.fullmatch(text):
        return "a totals row"
    if not rec_id and _KEY.match(text):
        return "a key or note under the table"
    return None


def _empty(columns: Columns, field: str, line: int, unsaved: Unsaved, fix: str) -> str:
    """Which cell of ``field`` is empty, and ``fix``; unless it is a formula whose value was
    never saved (a workbook written by a program, not Excel), which reads as empty and only
    Excel can fill."""
    header = columns.headers[columns.fields[field]]
    if unsaved(line, columns.fields[field]):
        return (
            f"({header!r} is a formula with no saved value): open the workbook in Excel and "
            "save it, so that its values are saved with it"
        )
    return f"({header!r} is empty): {fix}"


def skipped(
    columns: Columns,
    row: Sequence[str],
    name: str,
    line: int,
    unsaved: Unsaved = no_unsaved,
    sheet: str | None = None,
) -> Problem:
    """The warning for a row with no recommendation text (`no_text`), at its line. For a
    spreadsheet error in its text, a workbook's ``sheet`` is named: the error is to be
    corrected there, and the formula that failed may be the sheet's only sign of another."""
    rec_id = row[columns.fields["id"]].strip() if "id" in columns.fields else ""
    which = f"row {rec_id!r}" if rec_id else "row"
    error = _spreadsheet_error(row[columns.fields["text"]])
    if error is not None:
        header = columns.headers[columns.fields["text"]]
        where = f" of sheet {sheet!r}" if sheet is not None else ""
        return Problem(
            name,
            line,
            None,
            f"{which}{where} holds the spreadsheet error {error} in {header!r}, not recommendation "
            "text (a formula that failed), so it was left out: correct the formula, or "
            "delete the row",
        )
    footer = _footer(columns, row) if row[columns.fields["text"]].strip() else None
    if footer is not None:
        return Problem(name, line, None, f"{which} is {footer}, not a recommendation: left out")
    why = _empty(columns, "text", line, unsaved, "write its text, or delete the row")
    return Problem(
        name, line, None, f"{which} has no recommendation text, so it was left out {why}"
    )


def check(
    columns: Columns,
    row: Sequence[str],
    accepted: int,
    line: int = 0,
    unsaved: Unsaved = no_unsaved,
) -> tuple[str | None, str]:
    """What is wrong with a row that is neither blank nor without text (`no_text`), None
    when nothing is, and its id: its id cell, or without an id column its number
    (``accepted``: good rows before it). ``line`` and ``unsaved`` say whether an empty id
    is an unsaved formula."""
    if len(row) != len(columns.headers):
        # Not counting the case column given to a plan under case headings.
        extra = int(columns.under_headings)
        width = len(row) - extra
        fields = f"{width} field{'' if width == 1 else 's'}"
        wanted = len(columns.headers) - extra
        # Said outright: beside a row left out for having no text, a reader took the file
        # for read but for its bad rows, where a row like this refuses the whole file.
        return (
            f"row has {fields}, the header has {wanted}, so the file was not read: give the "
            f"row {wanted} fields (in a CSV file, quote a cell that holds a comma)",
            "",
        )
    rec_id = row[columns.fields["id"]].strip() if "id" in columns.fields else str(accepted + 1)
    if not rec_id:
        fix = "give every row an id"
        return f"row has no id {_empty(columns, 'id', line, unsaved, fix)}", rec_id
    return None, rec_id


_CASE_NAME = re.compile(
    r"(?i:children|child|adults?|baby|babies|cases?|family|families|young\s+(?:person|people)|"
    r"siblings?|mr|mrs|ms|miss)\s+[A-Z][A-Z0-9]{0,2}\b"
)
"""The start of a case's name: "Child Q", "Adult B", "Cases R and S"."""
_REVIEW_WORDS = re.compile(
    r"\b(?:SCR|SPR|CSPR|LCSPR|SAR|DHR|DARDR)\b"
    r"|(?i:\b(?:serious\s+case|safeguarding\s+(?:practice|adults?)|domestic\s+homicide|"
    r"rapid|learning|practice)\s+review\b)"
)
"""The kind of a review, anywhere in a heading: "DHR 2024/01", "Baby T SCR"."""


def names_review(heading: str) -> bool:
    """Whether a sub-heading names a review ("Child Q", "Adult B", "Cases R and S", "Child R
    \u2013 SPR", "DHR 2024/01"), not a group of agencies ("Health agencies", "Adult Social
    Care", "Children's Services"): in a plan of several reviews with no case column, each
    review's actions are under its name. A kind of review with nothing to name which
    ("Rapid Review actions", "LCSPR recommendations", `_UNNAMED`) is a section of one
    review's plan: read as a case, it split the review's actions into cases named after
    its sections."""
    named = _CASE_NAME.match(heading)
    if named is not None:
        return _names_only(heading[named.end() :])
    if _REVIEW_WORDS.search(heading) is None:
        return False
    rest = re.findall(r"[^\W_]+", _REVIEW_WORDS.sub(" ", heading))
    return any(word.casefold() not in _UNNAMED for word in rest)


def _names_only(rest: str) -> bool:
    """Whether what follows a case's name in a heading (`_CASE_NAME`) says no more than
    which review it is: more names ("and S"), its kind ("\u2013 SPR"), a number or date
    ("2024/01", "May 2026"), a pseudonym in brackets or quotes ("(Mary)"). A note an
    officer left in a row's first cell ("Mr AB to chase", "Ms J Smith to update", "Family
    GP to confirm") starts like a name too, and read as a case heading, it renamed every
    action under it as a case of its own."""
    rest = _PSEUDONYM.sub(" ", rest)
    return all(
        _LETTERS.fullmatch(word)
        or any(c.isdigit() for c in word)
        or word.casefold() in _OF_A_REVIEW | _UNNAMED
        or _REVIEW_WORDS.fullmatch(word)
        for word in re.findall(r"[^\W_]+", rest)
    )


_PSEUDONYM = re.compile(r"[(\"'\u2018\u201c]\s*[A-Z][a-z]+\s*[)\"'\u2019\u201d]")
"""A pseudonym in brackets or quotes after a case's name: "Adult A (Mary)"."""
_LETTERS = re.compile(r"[A-Z][A-Z0-9]{0,2}")
"""Another case's letters: "S" in "Cases R and S"."""
_OF_A_REVIEW = frozenset(
    {
        "and", "serious", "case", "cases", "safeguarding", "practice", "adult", "adults",
        "domestic", "homicide", "abuse", "related", "death", "rapid", "learning", "review",
        "reviews", "published", "overview", "joint", "thematic", "family", "families",
        *(m.casefold() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])),
    }
)  # fmt: skip
"""Words that may follow a case's name in a heading, besides `_UNNAMED`'s."""


_UNNAMED = frozenset(
    {
        "action", "actions", "recommendation", "recommendations", "plan", "learning",
        "finding", "findings", "from", "the", "of", "and", "for", "to", "in", "arising",
        "response", "responses", "local", "multi", "agency", "partnership", "board", "report",
        "child", "children", "adult", "adults", "review", "reviews", "lessons",
    }
)  # fmt: skip
"""Words beside a kind of review in a heading that name no review (`names_review`)."""


CASE_HEADING_COLUMN = "(case heading)"
"""The header of the case column a plan grouped under case headings is given
(`case_headings`)."""


def case_headings(
    columns: Columns, rows: Iterable[Row], heading: Callable[[Row], str | None]
) -> tuple[Columns, Iterator[Row]]:
    """``columns`` and ``rows`` without their sub-headings (``heading``: a row's text when it
    is one, else None), and, in a table with no case column, with one holding the case each
    row is under (`with_case_column`, `under_case_headings`)."""
    if "case" in columns.fields:
        return columns, (row for row in rows if heading(row) is None)
    return with_case_column(columns), under_case_headings(rows, heading)


def with_case_column(columns: Columns) -> Columns:
    """``columns``, with no case column, given one after the others for the case each row
    is under (`under_case_headings`)."""
    return Columns(
        (*columns.headers, CASE_HEADING_COLUMN),
        {**columns.fields, "case": len(columns.headers)},
        columns.passed_over,
        columns.status_after,
    )


def under_case_headings(rows: Iterable[Row], heading: Callable[[Row], str | None]) -> Iterator[Row]:
    """``rows`` without their sub-headings (``heading``), each with the case it is under
    added (`with_case_column`): the last sub-heading that names a review (`names_review`),
    as a plan of several reviews groups each one's actions under a row merged across the
    table. Passed over, the plan's cases were one, the file's, and the second review's
    action "1" a duplicate id that refused the whole plan. A blank row stays blank."""
    case = ""
    for line, row in rows:
        text = heading((line, row))
        if text is None:
            yield line, [*row, case if case and not blank(row) else ""]
        elif names_review(text):
            case = text


def lone_case_heading(columns: Columns, row: Row) -> str | None:
    """The text of a CSV row that names a review in its first cell alone (`names_review`),
    as a workbook's heading merged across the table is saved as CSV, else None. Without the
    merge, only a heading that names a review is one; not in a table whose text is its
    first column."""
    cells = row[1]
    if len(cells) > 1 and cells[1].strip():  # most rows: a cell after the first
        return None
    first = cells[0].strip() if cells else ""
    if (
        not first
        or columns.fields.get("text") == 0
        or any(cell.strip() for cell in cells[1:])
        or len(first.split()) > 12
        or re.search(r"\.(?:\s|$)", first)
    ):
        return None
    return first if names_review(first) else None


def cases_filled(columns: Columns, rows: Iterable[Row]) -> Iterator[Row]:
    """``rows`` with an empty case cell holding the case of the row above, in a table with a
    case column. A plan saved as CSV from a workbook whose case cells were merged down its
    rows keeps each name in its first row only, and a plan typed that way leaves it out
    under the first: read as empty, those rows were cases of their own under the file's
    name. A row that is blank otherwise stays blank. The case column a plan under case
    headings is given holds each row's case already (`under_case_headings`), and in a
    row of the wrong width another cell."""
    at = columns.fields.get("case")
    if columns.under_headings:
        at = None
    last = ""
    for line, row in rows:
        if at is not None and at < len(row) and not blank(row):
            if row[at].strip():
                last = row[at]
            elif last:
                row = [*row[:at], last, *row[at + 1 :]]
        yield line, row


def id_key(columns: Columns, row: Sequence[str], rec_id: str) -> str:
    """What an id must not repeat: the id within its case, when the table has a case column.
    A plan of several reviews numbers each review's actions from 1, and reports and
    coverage know an item by its case and id; as the file's alone, the second case's "1"
    was a duplicate id that refused the whole plan."""
    at = columns.fields.get("case")
    case = " ".join(row[at].split()).casefold() if at is not None and at < len(row) else ""
    return f"{case}\0{rec_id}"


_PLACED = ("due", "status")
"""The fields whose cell a warning names (`Source.cells`): a due date or a status that
cannot be read."""


def column_letter(index: int) -> str:
    """A column's letters as Excel shows them, from its index from 0: 0 is A, 27 is AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def status_columns(columns: Columns) -> tuple[int, ...]:
    """The columns a row's status may be read from, in order (`status_at`): the status
    column, then `Columns.status_after`; none without a status column."""
    at = columns.fields.get("status")
    return () if at is None else (at, *columns.status_after)


def status_at(columns: Columns, cells: Sequence[str]) -> int | None:
    """The column a row's status is read from: the status column, else, where its cell is
    empty or says only that the action is open (`_OPEN`), the first of the other status
    columns with a value (`Columns.status_after`) that says more, or, under an empty one,
    any value; None without a status column. A spreadsheet error in the status cell is
    warned about as read as empty (`failed_fields`), not read past."""
    at = columns.fields.get("status")
    if at is None or not columns.status_after or (at < len(cells) and _says_more(cells[at])):
        return at
    empty = not cells[at].strip() if at < len(cells) else True
    given = (k for k in columns.status_after if k < len(cells) and not _read_as_empty(cells[k]))
    return next((k for k in given if empty or _says_more(cells[k])), at)


_OPEN = frozenset({"open", "opened", "live", "active", "current"})
"""A status that says only that the action is not closed: a plan that keeps "Open" or
"Closed" beside a RAG rating rates the open ones there (`status_at`)."""


def _says_more(cell: str) -> bool:
    """Whether a status cell says more than that the action is open (`_OPEN`): anything but
    empty or an open mark."""
    value = cell.strip()
    return bool(value) and " ".join(re.findall(r"[^\W_]+", value.casefold())) not in _OPEN


def _read_as_empty(cell: str) -> bool:
    """Whether a cell is read as empty: blank, or a spreadsheet error (`failed_fields`)."""
    value = cell.strip()
    return not value or (value[0] == "#" and _spreadsheet_error(value) is not None)


def due_field(columns: Columns, row: Sequence[str]) -> str:
    """The field a row's due date is read from: its revised date where the plan has a
    column for one and the row's is meant as a date (`due.meant_as_date`: "30/06/2027",
    or a slip, "31/06/2027", to be warned about), else its due date. A plan marks the rows
    it did not revise "N/A", "-" or "TBC" as often as it leaves them blank, and read as
    the due date such a mark made an overdue action never overdue, in silence."""
    at = columns.fields.get("revised due")
    if at is None or at >= len(row) or _spreadsheet_error(row[at]) is not None:
        return "due"
    return "revised due" if meant_as_date(row[at]) else "due"


@dataclass(frozen=True, slots=True)
class CellPlaces(Mapping[str, str]):
    """Where a row's due date and status are (`cell_place`), as `Source.cells` holds them:
    worked out only for a warning that names one, not for each of a million rows."""

    columns: Columns
    line: int
    sheet: str | None
    due: str
    """The field the row's due date is read from (`due_field`)."""
    status: int | None = None
    """The column the row's status is read from (`status_at`)."""

    def __getitem__(self, field: str) -> str:
        if field not in _PLACED or field not in self.columns.fields:
            raise KeyError(field)
        read = self.due if field == "due" else field
        at = self.status if field == "status" else None
        return cell_place(self.columns, read, self.line, self.sheet, at)

    def __iter__(self) -> Iterator[str]:
        return (f for f in _PLACED if f in self.columns.fields)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def cell_place(
    columns: Columns, field: str, line: int, sheet: str | None, at: int | None = None
) -> str:
    """Where a row's ``field`` is (in column ``at``, where not the field's own: a status
    read from an earlier update, `status_at`): in a workbook's ``sheet``, its sheet, cell
    and column ("sheet 'Plan', cell F9, column 'Target date'"); elsewhere its column
    ("column 'Target date'"), since a CSV file's or a Word table's row is named by its
    line."""
    at = columns.fields[field] if at is None else at
    column = f"column {columns.headers[at]!r}" if columns.headers[at] else f"column {at + 1}"
    if sheet is None:
        return column
    return f"sheet {sheet!r}, cell {column_letter(at)}{line}, {column}"


_PUBLISHED = frozenset(
    {"published", "date published", "published date", "publication date", "date of publication"}
)
"""Headers of a column that gives the date its case's review was published."""


@lru_cache(maxsize=64)
def _published_at(headers: tuple[str, ...]) -> int | None:
    """The column of a table's ``headers`` that gives the date its case's review was
    published (`_PUBLISHED`), or None; worked out once for a table, not for each row."""
    return next((i for i, h in enumerate(headers) if normal_header(h) in _PUBLISHED), None)


_DAY = re.compile(
    r"(?:[^\W\d_]{3,9}\.?,?\s{1,3})?"
    r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s{1,3}[^\W\d_]{3,9}\.?,?\s{1,3}\d{2,4}"
    r"|[^\W\d_]{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4})"
)
"""A date that names its day: "01/05/2026", "2026-05-01", "1 May 2026", "May 1, 2026", after
its day of the week too ("Friday, 1 May 2026", as Excel's long date reads in a CSV file,
which `parse_due` reads)."""


def published_day(text: str) -> str | None:
    """The day a publication date names, as YYYY-MM-DD, or None: a plan of several reviews
    gives each one's in a column ("Date published"), and ``--since`` and the themes by year
    read it as a YAML file's ``published``. A month or a year alone ("May 2026") names no
    day, as in YAML, and is none."""
    day = parse_due(text) if _DAY.fullmatch(text.strip()) else None
    return day.isoformat() if day is not None else None


def _value(field: str, cell: str) -> str | None:
    """A row's ``field`` as read from its stripped ``cell``: None where it is empty or holds
    a spreadsheet error (a formula that failed, `failed_fields`); on one line but for the
    text, which `record` puts on one line itself. A cell of several lines (Alt+Enter in
    Excel: "Amber" over its update) kept its line breaks, shown as "[U+000A]" in the
    terminal's tables."""
    if not cell or (cell[0] == "#" and _spreadsheet_error(cell) is not None):
        return None
    if field != "text" and ("\n" in cell or "\r" in cell):
        return " ".join(cell.split())
    return cell


def record(
    columns: Columns,
    line: int,
    row: Sequence[str],
    rec_id: str,
    name: str,
    case: str | None,
    sheet: str | None = None,
) -> Recommendation:
    """A checked row as a recommendation (``case``: the case of rows that name none;
    ``sheet``: the workbook's sheet it is in, named with its cells, `cell_place`)."""
    cells = [cell.strip() for cell in row]
    known = {f: _value(f, cells[i]) for f, i in columns.fields.items()}
    meta = {
        header.lower(): cells[i]
        for i, header in enumerate(columns.headers)
        if i not in columns.fields.values() and cells[i]
    }
    due = due_field(columns, cells)
    status = status_at(columns, cells)
    if status is not None and status != columns.fields["status"]:
        # Another status column read where the status is empty or "Open": that column is
        # the status, and what the status column said is kept.
        said = cells[columns.fields["status"]]
        if said:
            meta[columns.headers[columns.fields["status"]].lower()] = said
        known["status"] = _value("status", meta.pop(columns.headers[status].lower(), ""))
    at = _published_at(columns.headers)
    day = published_day(cells[at]) if at is not None and at < len(cells) else None
    if day is not None:
        meta["published"] = day
    return Recommendation(
        id=rec_id,
        # An invisible character inside a word would hide it from the rules and matcher.
        text=one_line(cells[columns.fields["text"]]),
        source=Source(name, line, CellPlaces(columns, line, sheet, due, status)),
        case=known.get("case") or case,
        kind=known.get("kind") or "recommendation",
        owner=known.get("owner"),
        agency=known.get("agency"),
        due=known.get(due),
        status=known.get("status"),
        evidence=known.get("evidence"),
        meta=meta,
    )


def recommendations(
    columns: Columns,
    rows: Iterable[Row],
    name: str,
    default_case: str | None,
    unsaved: Unsaved = no_unsaved,
    sheet: str | None = None,
) -> Found:
    """One recommendation per row with text; all or nothing, as the other kinds, but for a
    row with no text (`no_text`), which is left out with a warning. ``unsaved`` says
    whether an empty cell is a formula with no saved value; ``sheet`` is the workbook's
    sheet the rows are from, named in the warnings (`skipped`)."""
    recs: list[Recommendation] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    seen: dict[str, int] = {}  # id key -> the line of the row that holds it first
    for line, row in cases_filled(columns, without_headers(columns, rows)):
        if blank(row):
            continue
        if no_text(columns, row):
            warnings.append(skipped(columns, row, name, line, unsaved, sheet))
            continue
        fault, rec_id = check(columns, row, len(seen), line, unsaved)
        if fault:
            problems.append(Problem(name, line, None, fault))
            continue
        key = id_key(columns, row, rec_id)
        if key in seen:
            problems.append(Problem(name, line, None, duplicate_id(rec_id, seen[key])))
            continue
        seen[key] = line
        recs.append(record(columns, line, row, rec_id, name, default_case, sheet))
        warnings += due_warnings(columns, row, name, line, sheet)
        warnings += failed_fields(columns, row, name, line, sheet)
        warnings += _unsaved_fields(columns, row, name, line, unsaved, sheet)
    if not recs and not problems:
        problems.append(Problem(name, None, None, "no rows after the header"))
    # A due date that is not a date, or a row with no text, leaves the rest read: a
    # warning, not a refusal.
    return (recs if not problems else []), problems + warnings


def folding(columns: Columns) -> frozenset[int]:
    """The columns whose cell, merged with the one above, makes a row part of the
    recommendation above (`merged_into_above`): its text, as for the actions of one
    recommendation, and its id, as for the parts of one numbered recommendation ("1" merged
    down beside "a) ..." and "b) ..."), which read as a row with no id refused the file."""
    return frozenset(columns.fields[f] for f in ("text", "id") if f in columns.fields)


_ONE_VALUE = ("id", "due", "revised due")
"""The fields a recommendation has one of: where the rows of one merged recommendation
differ in them, one is chosen (`merged_into_above`)."""


def merged_into_above(
    columns: Columns,
    rows: Iterable[Row],
    continued: Container[int],
    name: str,
    notes: list[Problem],
) -> Iterator[Row]:
    """``rows`` with each row whose recommendation cell is merged with the one above
    (several actions beside one recommendation, in a Word table or a workbook) made part
    of the row above; ``continued``: the lines of such rows (or of rows whose id is merged
    with the one above, `folding`). Read as its own row, the
    recommendation was counted once for every action in Word, which repeats a merged
    cell's text, and in a workbook, which leaves it empty, the action rows were reported
    as rows with no text, an error to `check`. The row's other cells are added to the row
    above's ("NHS; Police", each value once; statuses too, which the action plan reads as
    the least advanced, `actionplan.Vocabulary.classify`), but for an id and a due date, of
    which a recommendation has one. Its due date is its last action's; of two ids (or a due
    date that is no date) the first row's stands, and the other is added to ``notes``, not
    dropped in silence. A row merged with the header (a header of
    two rows: "Action", "Lead" under a merged "Action plan") is part of the header."""
    one_value = {columns.fields[f]: f for f in _ONE_VALUE if f in columns.fields}
    held: tuple[int, list[str]] | None = None
    for line, row in rows:
        if line not in continued or held is None:
            if held is not None:
                yield held
            if line not in continued:  # else the header's second row, merged with it
                held = (line, list(row))
            continue
        first, cells = held
        for at, value in enumerate(row[: len(cells)]):
            value = value.strip()
            if not value or value in cells[at].split("; "):  # a merged cell, or the same
                continue
            if one_value.get(at) in ("due", "revised due") and _later(value, cells[at]):
                cells[at] = value  # the recommendation is due when its last action is
                continue
            if one_value.get(at) in ("due", "revised due") and _later(cells[at], value):
                continue
            if at in one_value and cells[at].strip():
                notes.append(
                    Problem(
                        name,
                        line,
                        None,
                        f"this row's recommendation is merged with the row above (line "
                        f"{first}), which holds it: {FIELD_WORDS[one_value[at]]} here, "
                        f"{value!r}, was not read (the first row's, {cells[at].strip()!r}, "
                        "stands)",
                    )
                )
            else:
                # The parts of one recommendation's text run on as sentences; other cells
                # are listed.
                joint = " " if at == columns.fields["text"] else "; "
                cells[at] = f"{cells[at]}{joint}{value}" if cells[at].strip() else value
    if held is not None:
        yield held


def _later(due: str, than: str) -> bool:
    """Whether ``due`` and ``than`` are both dates and ``due`` is the later."""
    first, second = parse_due(due), parse_due(than)
    return first is not None and second is not None and first > second


def _unsaved_fields(
    columns: Columns,
    row: Sequence[str],
    name: str,
    line: int,
    unsaved: Unsaved,
    sheet: str | None = None,
) -> list[Problem]:
    """A warning for each field of a read row (a due date, a status, an owner ...) that is
    empty because it is a formula with no saved value: read as empty in silence, a due
    date computed by formula made an overdue action not overdue, and a status "No status".
    A workbook's ``sheet`` and the cell are named (`cell_place`)."""

    def where(field: str) -> str:
        if sheet is None:
            return ""
        return f" (sheet {sheet!r}, cell {column_letter(columns.fields[field])}{line})"

    return [
        Problem(
            name,
            line,
            None,
            f"{FIELD_WORDS[field]}{where(field)} was not read "
            + _empty(columns, field, line, unsaved, ""),
        )
        for field, at in columns.fields.items()
        if field not in ("id", "text") and not row[at].strip() and unsaved(line, at)
    ]


def failed_fields(
    columns: Columns, row: Sequence[str], name: str, line: int, sheet: str | None = None
) -> list[Problem]:
    """A warning for each field of a read row but its id and text (a due date, a status, an
    owner ...) that holds a spreadsheet error (`SPREADSHEET_ERRORS`), which is read as
    empty: a status looked up from another sheet that failed ("#N/A") was listed as a
    status word scrmap did not know, and a due date "#REF!" was no date, so never overdue,
    without a word of the formula."""
    problems = []
    for field, at in columns.fields.items():
        if "#" not in row[at] or field in ("id", "text"):  # most cells: no error to look for
            continue
        error = _spreadsheet_error(row[at])
        if error is not None:
            where = cell_place(columns, field, line, sheet)
            problems.append(
                Problem(
                    name,
                    line,
                    None,
                    f"{FIELD_WORDS[field]} ({where}) holds the spreadsheet error {error} (a "
                    "formula that failed), so it was read as empty: correct the formula",
                )
            )
    return problems


def due_warnings(
    columns: Columns, row: Sequence[str], name: str, line: int, sheet: str | None = None
) -> list[Problem]:
    """The warning for a checked row whose due cell is meant as a date but names none, with
    the cell (`cell_place`; ``sheet``: the workbook's sheet the row is in). A spreadsheet
    error ("#DIV/0!", whose digit made it "meant as a date") is read as empty and named by
    `failed_fields`, not told how to write a date as well."""
    if "due" not in columns.fields:
        return []
    field = due_field(columns, row)
    due = row[columns.fields[field]].strip() or None
    if due_not_read(due) is None:  # the place worked out only for a warning
        return []
    if _spreadsheet_error(due or "") is not None:
        return []
    return due_problems(name, line, None, due, cell_place(columns, field, line, sheet))
