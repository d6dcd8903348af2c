"""YAML recommendation files: one case and its recommendations, validated, with each item's line."""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from scrmap import yamlpos
from scrmap.due import DUE_FORMS, YEARS, parse_due
from scrmap.errors import Problem, duplicate_id
from scrmap.limits import Limits
from scrmap.recommendation import Kind, Recommendation, Source
from scrmap.sources._base import Found, SourceFile, due_problems
from scrmap.sources.own_files import recognise
from scrmap.text import one_line

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _without_time(value: object) -> object:
    """A date and time (``2027-03-31 09:00``, which YAML reads as one) as its date: an
    export's time of day says nothing of when an action is due or a review published."""
    return value.date() if isinstance(value, datetime) else value


def _whole_number(value: object) -> int | None:
    """``value`` when it is a whole number as YAML reads one (``2027``, not ``true``)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class RecommendationEntry(_Strict):
    """One recommendation in a YAML recommendation file."""

    id: NonEmpty
    text: NonEmpty
    kind: Kind = "recommendation"
    owner: str | None = None
    agency: str | None = None
    due: Annotated[
        date | str | None,
        # An unquoted year is read as the year (`_due_as_written`): the published schema
        # says so, or an editor would flag the `due: 2027` the README shows.
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "format": "date"},
                    {"type": "string"},
                    {"type": "integer", "minimum": YEARS.start, "maximum": YEARS.stop - 1},
                    {"type": "null"},
                ]
            }
        ),
    ] = None
    status: str | None = None
    evidence: str | None = None
    waive: dict[NonEmpty, NonEmpty] = Field(default_factory=dict)
    """Check rules waived for this item, each with the reason: ``{vague-verb: "the
    Board's agreed wording"}``."""

    @field_validator("due", mode="before")
    @classmethod
    def _due_as_written(cls, value: object) -> object:
        """An unquoted year (``due: 2027``) is the year, as ``due: '2027'`` is (its last
        day): Pydantic would read the number as seconds since 1970. A number that is no
        year (``due: 5``) is refused, not read as a date in 1970."""
        year = _whole_number(value)
        if year is None:
            if not isinstance(value, str | date | None):  # a list, a mapping, true
                raise ValueError(f"must be a date or text; write it as {DUE_FORMS}")
            return _without_time(value)
        if year not in YEARS:
            raise ValueError(f"{year} is not a date; write it as {DUE_FORMS}")
        return str(year)


def _published_as_written(value: object) -> object:
    """``value``, or a refusal in plain words of text that is no date written YYYY-MM-DD
    ("30/03/2023", "March 2023", "2023-02-30"): Pydantic's own words ("invalid character in
    year") do not say what to write, and a day-first date is refused, not guessed at."""
    if not isinstance(value, str):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    if found := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip()):
        with contextlib.suppress(ValueError):  # 2023-3-1, as YAML leaves it: a string
            return date(*map(int, found.groups()))
        raise ValueError(
            f"{value.strip()!r} is no day of the calendar; write the day the review was "
            "published as YYYY-MM-DD"
        )
    meant = parse_due(value)
    example = meant.isoformat() if meant is not None else "2016-03-31"
    raise ValueError(
        f"{value.strip()!r} is not a date written YYYY-MM-DD; write the day the review was "
        f"published, e.g. {example}"
    )


class RecommendationFile(_Strict):
    """A YAML recommendation file: one case (review) and its recommendations."""

    case: NonEmpty
    board: str | None = None
    published: date | None = None
    source: str | None = None
    review_type: str | None = None
    summary: str | None = None
    recommendations: Annotated[list[RecommendationEntry], Field(min_length=1)]

    @field_validator("published", mode="before")
    @classmethod
    def _published_date(cls, value: object) -> object:
        """A year alone (``published: 2016``, quoted or not) is refused in plain words:
        Pydantic would read it as seconds since 1970, and ``published: 0`` as 1 January
        1970, silently. Which day of the year it means decides ``--since``, so it is asked
        for, not guessed."""
        number = _whole_number(value)
        if number is None and isinstance(value, str) and value.strip().isdigit():
            number = int(value)
        if number is None:
            return _published_as_written(_without_time(value))
        if number in YEARS:
            raise ValueError(
                f"{number} is only a year; write the date the review was published, "
                f"e.g. {number}-03-31"
            )
        raise ValueError(f"{number} is not a date; write it as YYYY-MM-DD, e.g. 2016-03-31")


def load_yaml(text: str, name: str, limits: Limits | None = None) -> Found:
    """A YAML recommendation file, validated, with each item's line."""
    parsed, located, problems = yamlpos.load_model(
        text,
        name,
        RecommendationFile,
        "expected a mapping with 'case' and 'recommendations'",
        limits,
    )
    if parsed is None or located is None:
        # scrmap's own file named as an input is one mistake, not a list of every key a
        # recommendation file lacks.
        own = recognise(text)
        return [], [Problem(name, None, None, own.problem())] if own is not None else problems
    seen: dict[str, int | None] = {}  # id -> the line of its first entry
    recs = []
    warnings: list[Problem] = []
    case_meta = {
        k: str(v)
        for k, v in parsed.model_dump(exclude={"case", "recommendations"}).items()
        if v is not None
    }
    for i, entry in enumerate(parsed.recommendations):
        line, col = located.where(("recommendations", i)) or (None, None)
        if entry.id in seen:
            problems.append(Problem(name, line, col, duplicate_id(entry.id, seen[entry.id])))
            continue
        seen[entry.id] = line
        due = str(entry.due) if entry.due is not None else None
        due_line, due_col = located.where(("recommendations", i, "due")) or (line, col)
        warnings += due_problems(name, due_line, due_col, due)
        recs.append(
            Recommendation(
                id=entry.id,
                text=one_line(entry.text),
                source=Source(name, line),
                case=parsed.case,
                kind=entry.kind,
                owner=entry.owner,
                agency=entry.agency,
                due=due,
                status=entry.status,
                evidence=entry.evidence,
                meta=case_meta,
                waive=dict(entry.waive),
            )
        )
    # A due date that is not a date leaves the item read: a warning, not a refusal.
    return (recs if not problems else []), problems + warnings


def load(file: SourceFile) -> Found:
    """The registry's entry: a YAML file under the run's limits."""
    return load_yaml(file.text, file.name, file.limits)
