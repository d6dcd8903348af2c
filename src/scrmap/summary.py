"""The report's one-page summary: what was analysed, and the key messages.

A Board member reads the first page and perhaps nothing else, so the figures the
tables hold are turned into three to five sentences, most pressing first: what no
recommendation addresses, what the action plan has not done, what recurs across cases,
what keeps being recommended again, which mappings are weak, and what fits nowhere in the
framework.
The sentences are made from the figures alone, so they are as right as the tables.
Pure: no printing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from scrmap.actionplan import Progress, State
from scrmap.coverage import Copies, Coverage, Row, published
from scrmap.defaults import NO_PLAN, WEAK_MATCH
from scrmap.display import joined_names

MAX_MESSAGES = 5


@dataclass(frozen=True, slots=True)
class Message:
    """One key message."""

    kind: str
    """A stable id for what it is about: ``counted-twice``, ``gaps``, ``overdue``,
    ``no-status``, ``weak``, ``widespread``, ``repeats``, ``unmapped``, ``quadrant``,
    ``covered``, ``empty``."""
    text: str


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' * (n != 1)}"


def _gaps(coverage: Coverage) -> list[Message]:
    """A quadrant nothing addresses first: a whole area of practice the Board has heard no
    learning on is the most pressing gap, and its standards' ids alone would not say so."""
    gaps = coverage.gaps
    quadrants = [f"{r.id} ({r.title})" for r in gaps["quadrants"]]
    standards = [r.id for r in gaps["standards"]]
    themes = [r.title for r in gaps["themes"]]
    out = []
    if quadrants:
        word = "quadrant" if len(quadrants) == 1 else "quadrants"
        out.append(Message("gaps", f"No recommendation addresses {word} {joined_names(quadrants)}"))
    if standards:
        word = "standard" if len(standards) == 1 else "standards"
        out.append(Message("gaps", f"No recommendation addresses {word} {joined_names(standards)}"))
    if themes:
        word = "the theme" if len(themes) == 1 else "the themes"
        out.append(Message("gaps", f"No recommendation addresses {word} {joined_names(themes)}"))
    if not out and coverage.mapped:
        out.append(Message("covered", "Every standard and theme is addressed by at least one item"))
    return out


def _action_plan(progress: Progress | None) -> list[Message]:
    if progress is None or not progress.items:
        return []
    total = len(progress.items)
    overdue = len(progress.overdue)
    unknown = progress.counts[State.no_status]
    parts = []
    if overdue:
        parts.append(
            f"{overdue:,} of {total:,} action{'' if total == 1 else 's'} "
            f"{'is' if overdue == 1 else 'are'} overdue at "
            f"{progress.as_of.day} {progress.as_of:%B %Y}"
        )
    if not parts and progress.carries_no_plan:
        return [
            Message(
                "no-status",
                NO_PLAN.format(_plural(total, "action")),
            )
        ]
    # A status in words scrmap does not know is as unknown to the Board as none, and said
    # as a missing one is: not left to "No action is overdue; 0 of 3 complete" over a plan.
    for count, what in (
        (unknown, "no recorded status"),
        (progress.counts[State.unrecognised], "a status scrmap does not recognise"),
    ):
        if count:
            have = "has" if count == 1 else "have"
            noun = "" if parts else " action" if total == 1 else " actions"
            parts.append(f"{count:,} of {total:,}{noun} {have} {what}")
    if not parts:
        done = progress.counts[State.complete]
        return [Message("overdue", f"No action is overdue; {done:,} of {total:,} complete")]
    # Overdue actions lead; a plan whose only trouble is missing statuses is its own kind.
    return [Message("overdue" if overdue else "no-status", "; ".join(parts))]


def _counted_twice(twice: Sequence[Copies]) -> list[Message]:
    """One message for the items read from more than one file: a quarterly copy of the
    plan kept beside the last one doubles every count, and a Board paper that only
    standard error warned of would be taken at its word."""
    if not twice:
        return []
    parts = [
        f"{_plural(c.items, 'item')} of {joined_names(list(c.cases), 'and')} "
        f"({joined_names(list(c.files), 'and')})"
        for c in twice
    ]
    return [
        Message(
            "counted-twice",
            f"Counted twice: {joined_names(parts, 'and')} are read from more than one file, and "
            "every figure counts them once for each; leave out the copies and make the "
            "report again",
        )
    ]


def _widespread(coverage: Coverage) -> list[Message]:
    cases = len(coverage.cases)
    if cases < 2:
        return []
    themes = [r for r in coverage.themes if r.items]
    if not themes:
        return []
    top = max(themes, key=lambda r: (len(r.cases), r.recommendations))
    return [Message("widespread", f"{top.title} appears in {len(top.cases):,} of {cases:,} cases")]


def _weak(coverage: Coverage) -> list[Message]:
    """The mappings most likely wrong, so that the Board checks them before it counts them:
    on published text fewer than half of them are right (``WEAK_MATCH``)."""
    weak = len(coverage.weak)
    if not weak:
        return []
    mapped = len(coverage.mapped) - len(coverage.unmapped)
    rest, them = ("rests", "it") if weak == 1 else ("rest", "them")
    # Which they are is listed beside (every output's "Weak matches"): a case's name and an
    # id for each would run a message past the four lines a Board member reads at a glance.
    return [
        Message(
            "weak",
            f"{weak:,} of {_plural(mapped, 'mapped item')} {rest} on a weak match (best "
            f"standard under {WEAK_MATCH}): check {them} before counting",
        )
    ]


def _repeats(coverage: Coverage) -> list[Message]:
    groups = coverage.repeated
    if not groups:
        return []
    # Every member of a group, as the report's "at a glance" counts them: each is worded
    # like another case's item. Worded alike is not always the same recommendation (about
    # one listed pair in three is, on published text: README, "Repeats on published
    # text"), so the Board is told to check them, not given a count of repeats.
    members = sum(len(g.members) for g in groups)
    return [
        Message(
            "repeats",
            f"{_plural(members, 'item')} in {_plural(len(groups), 'group')} look like learning "
            "repeated across cases (check each)",
        )
    ]


def _unmapped(coverage: Coverage) -> list[Message]:
    n = len(coverage.unmapped)
    if not n:
        return []
    verb = "fits" if n == 1 else "fit"
    # Items that name a subject the framework itself leaves out are no prompt to review it.
    outside = sum(1 for m in coverage.unmapped if m.result.outside)
    said = f"{_plural(n, 'item')} {verb} no standard"
    if outside == n:
        each = "it names" if n == 1 else "each names"
        return [Message("unmapped", f"{said}: {each} a subject the framework leaves out")]
    if outside:
        names = "names" if outside == 1 else "name"
        said += f" ({outside:,} {names} a subject the framework leaves out)"
    return [Message("unmapped", f"{said}: a prompt to review the framework")]


def _quadrant(coverage: Coverage) -> list[Message]:
    covered = [r for r in coverage.quadrants if r.items]
    if not covered:
        return []
    most = max(r.recommendations for r in covered)
    # A tie is said as one: naming the first of two equal quadrants as holding "the most"
    # tells the Board something that is not so.
    top: list[Row] = [r for r in covered if r.recommendations == most]
    names = [f"{r.title} ({r.id})" for r in top]
    total = len(coverage.mapped)
    if len(top) == 1:
        text = f"{names[0]} holds the most items: {most:,} of {total:,}"
    else:
        named = ", ".join(names[:-1]) + f" and {names[-1]}"
        text = f"{named} hold the most items: {most:,} each of {total:,}"
    return [Message("quadrant", text)]


def key_messages(
    coverage: Coverage, progress: Progress | None = None, twice: Sequence[Copies] = ()
) -> list[Message]:
    """Three to five sentences for the top of the report, most pressing first; fewer only
    when there is too little to say (nothing selected, one case). ``twice``: the notes on
    items read from more than one file (``coverage.copies``), which lead, since
    every figure after them counts those items more than once."""
    if not coverage.mapped:
        return [Message("empty", "No recommendations were selected")]
    candidates = [
        *_counted_twice(twice),
        *_gaps(coverage),
        *_action_plan(progress),
        *_widespread(coverage),
        *_repeats(coverage),
        *_weak(coverage),
        *_unmapped(coverage),
        *_quadrant(coverage),
    ]
    return candidates[:MAX_MESSAGES]


@dataclass(frozen=True, slots=True)
class Period:
    """The publication dates of the cases analysed."""

    first: date | None
    last: date | None
    undated: tuple[str, ...]
    """Cases whose files give no publication date."""


def period(coverage: Coverage) -> Period:
    """From the earliest to the latest publication date, and which cases have none."""
    dates: dict[str, date | None] = {}
    for m in coverage.mapped:
        dates.setdefault(m.case, published(m.rec))
    known = [d for d in dates.values() if d]
    undated = tuple(sorted(c for c, d in dates.items() if d is None))
    return Period(min(known, default=None), max(known, default=None), undated)


def themes_by_year(coverage: Coverage) -> dict[int, dict[str, int]]:
    """Year of publication -> theme -> recommendations on it, years in order, every theme
    present; undated items are left out (see `period` for which)."""
    counts: dict[int, Counter[str]] = {}
    for m in coverage.mapped:
        day = published(m.rec)
        if day is None:
            continue
        counts.setdefault(day.year, Counter()).update(t.id for t in m.result.assigned("themes"))
    theme_ids = [t.id for t in coverage.themes]
    return {year: {t: counts[year][t] for t in theme_ids} for year in sorted(counts)}


@dataclass(frozen=True, slots=True)
class Summary:
    """What the report's first page says beyond the tables' own figures."""

    messages: tuple[Message, ...]
    period: Period
    by_year: dict[int, dict[str, int]]


def summarise(
    coverage: Coverage, progress: Progress | None = None, twice: Sequence[Copies] = ()
) -> Summary:
    """The key messages, the period analysed and the themes by year (``twice``: see
    ``key_messages``)."""
    return Summary(
        tuple(key_messages(coverage, progress, twice)),
        period(coverage),
        themes_by_year(coverage),
    )
