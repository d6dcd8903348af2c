"""Coverage and gap analysis: what the published recommendations cover, in how many cases.

The SCR subgroup's questions before a Board meeting, answered from mapped
recommendations: which quadrants, standards and themes are covered, by how many
recommendations in how many separate cases; which are gaps; which learning fits
nowhere (a prompt to review the framework); which themes travel together; and where
the Board keeps saying the same thing. Pure: no printing, no Rich.

A "case" is the ``case`` a recommendation file names (for Markdown, text and Word
files, the heading or the file name), so a joint publication such as "Cases R and S"
counts once: the seeds do not say which of its recommendations came from which case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import PurePath

from scrmap.actionplan import STATES, Vocabulary, status_key
from scrmap.defaults import DEFAULT_SIMILARITY, WEAK_MATCH
from scrmap.framework import Framework
from scrmap.matcher import Match, Result
from scrmap.recommendation import FROM_COLOUR, Recommendation
from scrmap.repeats import Comparable, Pair, find_pairs, group_pairs
from scrmap.sources.text_file import REVIEW_NAME

NO_CASE = "(no case)"
"""The case of text given on the command line, which names none."""


@dataclass(frozen=True, slots=True)
class Mapped:
    """A recommendation and what the matcher made of it."""

    rec: Recommendation
    result: Result

    @property
    def case(self) -> str:
        """The case (review) it came from."""
        return self.rec.case or NO_CASE


@dataclass(frozen=True, slots=True)
class Row:
    """One quadrant, standard, theme or case, and the recommendations that cover it."""

    id: str
    title: str
    parent: str | None
    """The quadrant of a standard or theme (None for quadrants and cases)."""
    items: tuple[Mapped, ...]

    @property
    def recommendations(self) -> int:
        """How many recommendations cover it."""
        return len(self.items)

    @property
    def cases(self) -> tuple[str, ...]:
        """The separate cases those recommendations come from, sorted."""
        return tuple(sorted({m.case for m in self.items}))

    @property
    def gap(self) -> bool:
        """No recommendation covers it."""
        return not self.items


@dataclass(frozen=True, slots=True)
class RepeatGroup:
    """Recommendations from different cases that say much the same thing."""

    members: tuple[Mapped, ...]
    pairs: tuple[tuple[Mapped, Mapped, Pair], ...]

    @property
    def similarity(self) -> int:
        """The similarity of the group's closest pair."""
        return max(p.similarity for _, _, p in self.pairs)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Everything the coverage tables and the report show."""

    mapped: tuple[Mapped, ...]
    quadrants: tuple[Row, ...]
    standards: tuple[Row, ...]
    themes: tuple[Row, ...]
    cases: tuple[Row, ...]
    """One row per case: all its recommendations."""
    unmapped: tuple[Mapped, ...]
    """Recommendations assigned to no standard: candidates for reviewing the framework."""
    case_theme: dict[str, dict[str, int]]
    """Case -> theme -> number of the case's recommendations on that theme."""
    cooccurrence: tuple[tuple[str, str, int], ...]
    """Pairs of themes assigned to the same recommendation, most frequent first."""
    repeated: tuple[RepeatGroup, ...]
    similarity: int
    """The similarity threshold the repeats were found with."""

    @property
    def weak(self) -> tuple[Mapped, ...]:
        """The mapped recommendations whose best standard scores under `WEAK_MATCH`."""
        return tuple(
            m
            for m in self.mapped
            if (best := m.result.best_standard) is not None and best.score < WEAK_MATCH
        )

    @property
    def gaps(self) -> dict[str, list[Row]]:
        """Quadrants, standards and themes no recommendation covers."""
        return {
            "quadrants": [r for r in self.quadrants if r.gap],
            "standards": [r for r in self.standards if r.gap],
            "themes": [r for r in self.themes if r.gap],
        }


def _ids(matches: Iterable[Match]) -> frozenset[str]:
    return frozenset(m.id for m in matches)


def _rows(
    entries: Iterable[tuple[str, str, str | None]],
    mapped: Sequence[Mapped],
    assigned: Sequence[frozenset[str]],
) -> tuple[Row, ...]:
    """One row per framework item, with the recommendations assigned to it, in input order."""
    covering: dict[str, list[Mapped]] = {}
    for m, ids in zip(mapped, assigned, strict=True):
        for item_id in ids:
            covering.setdefault(item_id, []).append(m)
    return tuple(
        Row(item_id, title, parent, tuple(covering.get(item_id, ())))
        for item_id, title, parent in entries
    )


def analyse(
    framework: Framework, mapped: Sequence[Mapped], similarity: int = DEFAULT_SIMILARITY
) -> Coverage:
    """Coverage of ``framework`` by ``mapped``, with gaps, unmapped and repeats."""
    # What each recommendation is assigned, worked out once and used by every table.
    assigned = {
        kind: [_ids(m.result.assigned(kind)) for m in mapped]
        for kind in ("quadrants", "standards", "themes")
    }
    quadrants = _rows(
        ((q.id, q.title, None) for q in framework.quadrants), mapped, assigned["quadrants"]
    )
    standards = _rows(
        ((s.id, s.title, s.quadrant) for s in framework.standards), mapped, assigned["standards"]
    )
    themes = _rows(
        ((t.id, t.title, t.quadrant) for t in framework.themes), mapped, assigned["themes"]
    )
    by_case: dict[str, list[Mapped]] = {}
    theme_counts: dict[str, Counter[str]] = {}
    for m, ids in zip(mapped, assigned["themes"], strict=True):
        by_case.setdefault(m.case, []).append(m)
        theme_counts.setdefault(m.case, Counter()).update(ids)
    cases = tuple(Row(name, name, None, tuple(by_case[name])) for name in sorted(by_case))
    case_theme = {
        row.id: {t.id: theme_counts[row.id][t.id] for t in framework.themes} for row in cases
    }
    pair_counts: Counter[tuple[str, str]] = Counter()
    order = {t.id: i for i, t in enumerate(framework.themes)}
    for ids in assigned["themes"]:
        pair_counts.update(combinations(sorted(ids, key=order.__getitem__), 2))
    cooccurrence = tuple(
        (a, b, n)
        for (a, b), n in sorted(
            pair_counts.items(), key=lambda kv: (-kv[1], order[kv[0][0]], order[kv[0][1]])
        )
    )
    comparable = [
        Comparable(m.rec.text, m.case, standard_ids | theme_ids)
        for m, standard_ids, theme_ids in zip(
            mapped, assigned["standards"], assigned["themes"], strict=True
        )
    ]
    repeated = tuple(
        RepeatGroup(
            tuple(mapped[i] for i in members),
            tuple((mapped[p.a], mapped[p.b], p) for p in pairs),
        )
        for members, pairs in group_pairs(find_pairs(comparable, similarity))
    )
    return Coverage(
        mapped=tuple(mapped),
        quadrants=quadrants,
        standards=standards,
        themes=themes,
        cases=cases,
        unmapped=tuple(m for m in mapped if not m.result.mapped),
        case_theme=case_theme,
        cooccurrence=cooccurrence,
        repeated=repeated,
        similarity=similarity,
    )


@dataclass(frozen=True, slots=True)
class Selection:
    """Which recommendations a coverage report is about (empty means no filter)."""

    cases: tuple[str, ...] = ()
    """Case names, compared without regard to capitals."""
    since: date | None = None
    """Only cases published on or after this date."""
    statuses: tuple[str, ...] = ()
    """Status words as written ("Amber"), or states as scrmap reports them ("not-met"),
    each meaning every item in that state however its status is worded."""
    kinds: tuple[str, ...] = ()
    """'recommendation', 'finding', 'response'."""
    undated: tuple[str, ...] = ()
    """Filled in by `select`: the cases --since left out because they carry no publication
    date in any of their files (Markdown, Word and CSV give none), which every report names,
    so that a Board does not read their standards as gaps."""


def published(rec: Recommendation) -> date | None:
    """The publication date its file gives, if any and if it is a date."""
    value = rec.meta.get("published")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Selected:
    """What a selection kept, and what the user should be told about it."""

    recommendations: list[Recommendation]
    notes: list[str]
    """What was left out and why (undated cases under --since)."""
    unmatched: list[str]
    """Filters that match nothing: most likely misspelt, so a usage error."""
    selection: Selection = Selection()
    """The selection as applied, with the cases --since left out for want of a date."""
    twice: tuple[Copies, ...] = ()
    """Items read from more than one file (``copies``), also in ``notes``: every figure
    counts them once for each file, so the Board paper says so too."""


def _keep(
    recs: list[Recommendation],
    wanted: tuple[str, ...],
    value: Callable[[Recommendation], str],
    option: str,
    unmatched: list[str],
    fold: Callable[[str], str] = str.casefold,
) -> list[Recommendation]:
    """Keep the items whose ``value`` is one of ``wanted`` (any capitals, or as ``fold``
    compares them); note each wanted value that matches nothing, with the values there are."""
    present = sorted({value(r) for r in recs} - {""})
    folded = {fold(v) for v in present}
    there = f"there are: {', '.join(present)}" if present else "no item has one"
    unmatched += [
        f"{option} {w!r} matches nothing ({there})" for w in wanted if fold(w) not in folded
    ]
    keep = {fold(w) for w in wanted}
    return [r for r in recs if fold(value(r)) in keep]


def _keep_statuses(
    recs: list[Recommendation],
    wanted: tuple[str, ...],
    vocabulary: Vocabulary,
    unmatched: list[str],
) -> list[Recommendation]:
    """Keep the items whose status is one of ``wanted`` as written (any capitals), or
    whose state is (``not-met`` keeps "Red", "Overdue" and "Not achieved" alike): the
    action-plan tables count by state, so a Board asking for their rows means the state.
    Note each wanted value that matches nothing, with the words and states there are."""
    states = {status_key(s.value): s for s in STATES}
    state_of = {id(r): vocabulary.classify(r.status) for r in recs}
    written = sorted({r.status for r in recs if r.status})
    present = [s.value for s in STATES if s in state_of.values()]
    there = (
        f"there are: {', '.join(written)}; states: {', '.join(present)}"
        if written
        else "no item has a status: all are no-status"
        if recs
        else "no item has one"
    )

    def keeps(rec: Recommendation, word: str) -> bool:
        # A rating read from a cell's colour is that rating: --status amber keeps "Amber
        # (cell colour)" beside "Amber".
        written = (rec.status or "").removesuffix(FROM_COLOUR).casefold()
        return written == word.casefold() or state_of[id(rec)] is states.get(status_key(word))

    unmatched += [
        f"--status {w!r} matches nothing ({there})"
        for w in wanted
        if not any(keeps(r, w) for r in recs)
    ]
    return [r for r in recs if any(keeps(r, w) for w in wanted)]


def select(
    recs: Sequence[Recommendation], selection: Selection, vocabulary: Vocabulary | None = None
) -> Selected:
    """Keep the recommendations the selection asks for; ``vocabulary`` says which state
    each status is in, for a --status that names a state.

    A case or status that matches nothing is reported rather than silently giving an
    empty report, which would look like a gap in the framework's coverage.
    """
    kept, notes = one_spelling(recs)
    kept = dated_by_case(kept)
    twice = copies(kept)
    notes += [c.note() for c in twice]
    unmatched: list[str] = []
    if selection.cases:
        cases = selection.cases
        kept = _keep(kept, cases, lambda r: r.case or NO_CASE, "--case", unmatched, case_key)
    if selection.since:
        undated = sorted({r.case or NO_CASE for r in kept if published(r) is None})
        # An undated case is left out whatever the date: with --since 0001-01-01 it was
        # counted, while every report said it was left out.
        kept = [r for r in kept if (day := published(r)) is not None and day >= selection.since]
        if undated:
            notes.append(f"--since left out cases with no publication date: {', '.join(undated)}")
            selection = replace(selection, undated=tuple(undated))
    if selection.statuses:
        vocabulary = vocabulary or Vocabulary.build()
        kept = _keep_statuses(kept, selection.statuses, vocabulary, unmatched)
    if selection.kinds:
        kept = [r for r in kept if r.kind in selection.kinds]
    if recs and not kept and not unmatched:
        # Each filter matches something, but not together (or --since is past every
        # publication date): an empty report would still read as a framework of gaps.
        unmatched.append(
            f"{_described(selection)} none of the {len(recs)} recommendations read"
            f"{_latest(recs) if selection.since else ''}"
        )
    return Selected(kept, notes, unmatched, selection, tuple(twice))


_SEPARATORS = (":", " - ", " \u2013 ", " \u2014 ", ",", " | ")
"""What joins a case's name and the kind of review in a title: "Child C: Safeguarding
Practice Review", "Serious Case Review \u2013 Child C"."""


_PLAN_AFTER = frozenset(
    {
        "action", "actions", "plan", "plans", "tracker", "recommendations", "and", "spr",
        "lcspr", "cspr", "scr", "sar", "dhr", "dardr", "final", "draft", "updated",
    }
)  # fmt: skip
"""Words after a case's name that say the file is its action plan, its kind of review, or a
version: "Child C action plan", "Child C (SPR) actions", "Child C \u2013 Action Plan v3"."""
_PLAN_BEFORE = frozenset({"action", "actions", "plan", "tracker", "recommendations", "for"})
"""Words before a case's name that say the file is its action plan: "Action plan for Child C"."""


def _without_plan_words(name: str) -> str:
    """``name`` without the words around a case's name that make it its action plan's
    (`_PLAN_AFTER`, `_PLAN_BEFORE`; a version, "v3", too), where a name is left: a plan with
    no case column is named by its file, "Child C action plan.xlsx", and counted apart
    from the review, "Child C", it was another case in every figure."""
    words = list(re.finditer(r"[^\W_]+", name))
    end = len(words)
    while end > 1 and (
        words[end - 1][0].casefold() in _PLAN_AFTER
        or re.fullmatch(r"v\d+", words[end - 1][0], re.IGNORECASE)
    ):
        end -= 1
    start = 0
    while end - start > 2 and words[start][0].casefold() in _PLAN_BEFORE:
        start += 1
    kept = [w[0].casefold() for w in words[start:end]]
    if (start, end) == (0, len(words)) or kept[-1] == "and" or set(kept) <= _PLAN_BEFORE:
        return name
    return name[words[start].start() : words[end - 1].end()]


def case_key(spelled: str) -> str:
    """The case a name means, to compare names by: without capitals, without the words
    that make it its action plan's ("Child C action plan", `_without_plan_words`), and
    without the kind of review a Word or Markdown title adds to the name ("Child C:
    Safeguarding Practice Review" is "child c", as its action plan names it). A name that
    is the kind of review alone, or has nothing else beside it, is itself."""
    spelled = _without_plan_words(spelled)
    name = spelled
    for sep in _SEPARATORS:
        before, found, after = spelled.partition(sep)
        if found and REVIEW_NAME.match(before.strip()) and after.strip(" :-,|\u2013\u2014"):
            name = after
            break
        before, found, after = spelled.rpartition(sep)
        if found and REVIEW_NAME.match(after.strip()) and before.strip(" :-,|\u2013\u2014"):
            name = before
            break
    else:
        # "Child C Serious Case Review": the kind of review is the last few words, the
        # most that name one ("Serious Case Review", not "Case Review").
        words = spelled.split()
        for k in range(min(len(words) - 1, 8), 1, -1):
            if REVIEW_NAME.match(" ".join(words[-k:])):
                name = " ".join(words[:-k])
                break
    # A file's name joins its words with hyphens or underscores: "child-c-action-plan".
    name = re.sub(r"(?<=[^\W_])[-_](?=[^\W_])", " ", name)
    return " ".join(name.strip(" :-,|\u2013\u2014").split()).casefold()


def _plain(spelled: str) -> bool:
    """Whether a case's name is as a review names it: not its action plan's file name
    ("Child C action plan", "child-c"), which the name counted for both gives way to."""
    return _without_plan_words(spelled) == spelled and not re.search(r"[^\W_][-_][^\W_]", spelled)


def one_spelling(recs: Sequence[Recommendation]) -> tuple[list[Recommendation], list[str]]:
    """``recs`` with each case under one name: the first spelling met (of those that are
    not an action plan's file name, `_plain`, where there is one), its spaces made
    plain ("Case\u00a0L" is "Case L"), whatever the capitals ("child p" is "Child P") and
    the kind of review in a title (`case_key`); and a note for each other spelling. Spelt
    two ways in two files, one review counted as two cases, and the two printed alike."""
    first: dict[str, str] = {}
    out: list[Recommendation] = []
    respelt: dict[tuple[str, str], str] = {}
    keys: dict[str, str] = {}  # each spelling's `case_key`, worked out once: a case has many items
    for rec in recs:
        spelled = " ".join((rec.case or "").split())
        if spelled and spelled not in keys:
            keys[spelled] = case_key(spelled)
            if _plain(spelled):  # the review's own name, before its plan's file name
                first.setdefault(keys[spelled], spelled)
    for rec in recs:
        if rec.case:
            spelled = " ".join(rec.case.split())
            canonical = first.setdefault(keys[spelled], spelled)
            if canonical != rec.case:
                respelt.setdefault((rec.case, canonical), rec.source.file)
                rec = replace(rec, case=canonical)
        out.append(rec)
    notes = [
        f"case {written!r} ({where}) is counted as {canonical!r}"
        for (written, canonical), where in respelt.items()
    ]
    return out, notes


def dated_by_case(recs: Sequence[Recommendation]) -> list[Recommendation]:
    """``recs`` with every item of a case dated as the case is: by the earliest publication
    date any of its files gives. A review in YAML gives one and its action plan (CSV, a
    workbook) none: dated item by item, --since kept the review and dropped the plan's
    actions while naming the case as left out, and the period and themes by year lost them."""
    first: dict[str, date] = {}
    for rec in recs:
        day = published(rec)
        if day is not None and rec.case and (rec.case not in first or day < first[rec.case]):
            first[rec.case] = day
    out = []
    for rec in recs:
        day = first.get(rec.case or "")
        if day is not None and published(rec) != day:
            rec = replace(rec, meta={**rec.meta, "published": day.isoformat()})
        out.append(rec)
    return out


def _copied(first: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two items of a case with one id are in much the same words (half their words
    or more in common): a copy, perhaps reworded, not another item that shares its number."""
    return len(first & other) * 2 >= len(first | other)


@dataclass(frozen=True, slots=True)
class Copies:
    """Items of one case read from more than one file (``copies``); of several cases
    where each file is named as its case."""

    cases: tuple[str, ...]
    files: tuple[str, ...]
    items: int

    def note(self) -> str:
        """What the user is told on standard error."""
        n = self.items
        which = " and ".join(repr(c) for c in self.cases)
        return (
            f"{n} item{'s' if n > 1 else ''} of case{'s' if len(self.cases) > 1 else ''} "
            f"{which} {'have' if n > 1 else 'has'} the same id in {' and '.join(self.files)}: "
            "counted once for each file; leave out the copy"
        )


def _named_after_its_file(rec: Recommendation) -> bool:
    """Whether ``rec``'s case is its file's name, as a table without a case column gives
    it: a copy of the plan saved each quarter ("plan-q1.xlsx", "plan-q2.xlsx") is then
    another case, and only its ids and words say it is the same plan."""
    return rec.case == PurePath(rec.source.file).stem


def copies(recs: Sequence[Recommendation]) -> list[Copies]:
    """Each case whose items (by id, and in much the same words) come from more than one
    file: the same action plan saved as .csv and .xlsx, or a copy kept each quarter, or a
    draft saved in two versions, all in the folder, counts every action twice; so too
    items of cases named after their files (``_named_after_its_file``), whose case names
    differ with the file names. An item with the same id in other words is no copy
    (`_copied`): a review's recommendation 1 and the action its plan numbers 1 are both
    read, and "leave out the copy" would have the officer drop the review or its plan."""
    by_key: dict[tuple[str | None, str], list[Recommendation]] = {}
    for rec in recs:
        case = None if _named_after_its_file(rec) else rec.case or NO_CASE
        by_key.setdefault((case, rec.id), []).append(rec)
    found: dict[tuple[str | None, str], list[Recommendation]] = {}
    for key, items in by_key.items():
        if len({rec.source.file for rec in items}) < 2:  # most ids: one file, no words read
            continue
        met: list[tuple[Recommendation, frozenset[str]]] = []
        for rec in items:
            words = frozenset(re.findall(r"\w+", rec.text.casefold()))
            for other, seen in met:
                if other.source.file != rec.source.file and _copied(seen, words):
                    found.setdefault(key, []).extend((other, rec))
            met.append((rec, words))
    twice: dict[tuple[tuple[str, ...], tuple[str, ...], bool], int] = Counter()
    for (case, _), pair in found.items():
        cases = (case,) if case else tuple(sorted({rec.case or NO_CASE for rec in pair}))
        twice[(cases, tuple(sorted({rec.source.file for rec in pair})), case is None)] += 1
    per_file = Counter(rec.source.file for rec in recs)
    # Files named as their cases share one recommendation now and then (two reviews' item 1
    # in the same words is a repeat, not a copy); a copy of a plan shares most of its items.
    return [
        Copies(cases, where, n)
        for (cases, where, by_file_name), n in twice.items()
        if not by_file_name or n * 2 >= min(per_file[f] for f in where)
    ]


def _described(selection: Selection) -> str:
    """The filters given, as the options were written, and the verb that goes with them:
    "--since 2030-01-01 leaves", "--case 'L' and --kind finding together leave"."""
    given = [f"--case {c!r}" for c in selection.cases]
    given += [f"--since {selection.since.isoformat()}"] if selection.since else []
    given += [f"--status {s!r}" for s in selection.statuses]
    given += [f"--kind {k}" for k in selection.kinds]
    if len(given) == 1:
        return f"{given[0]} leaves"
    return f"{' and '.join(given)} together leave"


def _latest(recs: Sequence[Recommendation]) -> str:
    """The latest publication date among ``recs``, for a --since that is past it."""
    dates = [d for d in map(published, recs) if d is not None]
    if not dates:
        return (
            " (none has a publication date: a review gives one as a line of its own, "
            "'Published: 12 March 2026', a table in a 'Published' column, or YAML as "
            "'published: 2026-03-12')"
        )
    return f" (the latest published is {max(dates).isoformat()})"
