"""Every plain-data record that scrmap's output formats are built from, typed.

One record per result: a mapping (`scrmap map`), a coverage analysis (`coverage`,
`report`), the findings of `check`, a framework (`framework show`) and an evaluation
(`evaluate`). The JSON contracts in the README are these structures; the other formats
flatten them, so the formats cannot disagree about what was found. The builders here
are pure and import the core only for its types.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NotRequired, TypedDict, cast

if TYPE_CHECKING:
    from scrmap.actionplan import Assessed, Progress, State
    from scrmap.coverage import Coverage, Mapped, Row, Selection
    from scrmap.evaluate import Evaluation, Paired, Scores
    from scrmap.findings import Finding
    from scrmap.framework import Framework, Theme
    from scrmap.matcher import Match, Result
    from scrmap.recommendation import Recommendation
    from scrmap.sources import ProblemFile
    from scrmap.summary import Summary

# --------------------------------------------------------------------------- map


class LearnedRef(TypedDict):
    """The learned weights a result was mapped with."""

    path: str
    sha256: str | None
    """The file's SHA-256 (``file_sha256``)."""
    items: int
    """How many labelled recommendations they were learned from."""


class FrameworkRef(TypedDict):
    """Which framework produced a result, so a stored result can be traced."""

    name: str
    title: str
    version: str | None
    path: str
    sha256: str | None
    """The framework file's SHA-256, so that a stored result or a Board paper names the very
    file it was mapped by: an edited copy keeps the name and version it was copied with.
    None if the file could not be read again (moved away since it was loaded)."""
    learned: LearnedRef | None
    """None when the cues alone mapped: a copied framework file without its learned
    weights beside it maps differently under the same name and version, so every output
    says which."""
    threshold: NotRequired[int]


class SourceRecord(TypedDict):
    """Where a recommendation was read from."""

    file: str
    line: int | None


class EvidenceRecord(TypedDict):
    """One cue and the words of the text it matched (character offsets into the text)."""

    cue: str
    matched: str
    start: int
    end: int
    via: NotRequired[str | None]
    """For a quadrant: the standard or theme the evidence came through."""


class Scored(TypedDict):
    """A framework item and its score."""

    id: str
    score: int


class MatchRecord(Scored):
    """An assigned (or nearly assigned) item with its evidence."""

    evidence: list[EvidenceRecord]


class NearMisses(TypedDict):
    """Items under the threshold, shown by --explain."""

    standards: list[MatchRecord]
    themes: list[MatchRecord]


class FitRecord(TypedDict):
    """Whether the text may be given standards at all, and why not."""

    score: int | None
    """With learned weights, how likely (0 to 100) the text fits the framework; else None."""
    fits: bool
    """False when the text may be given no standard (fit under the threshold, or, with cues
    alone, a subject outside the framework named without strong evidence of practice)."""
    withheld: bool
    """True when that kept standards from it that reached the threshold, or it named a
    subject outside the framework."""
    outside: list[EvidenceRecord]
    """The framework's ``outside`` phrases that matched: subjects it does not cover."""


class RecommendationRecord(TypedDict):
    """One recommendation with its assigned quadrants, standards and themes, best first."""

    id: str
    source: SourceRecord
    case: str | None
    kind: str
    text: str
    quadrants: list[MatchRecord]
    standards: list[MatchRecord]
    themes: list[MatchRecord]
    near_misses: NotRequired[NearMisses]
    fit: NotRequired[FitRecord]
    """With ``explain``, or when standards were withheld: the evidence for that."""


class MapDocument(TypedDict):
    """The whole output of `scrmap map`: the framework used and every recommendation."""

    framework: FrameworkRef
    recommendations: list[RecommendationRecord]


def framework_ref(framework: Framework, path: Path) -> FrameworkRef:
    """Which framework produced the mapping, and with which learned weights if any."""
    from scrmap.learned import sidecar

    learned = framework.learned
    beside = sidecar(path)
    # `framework.load` reads the file beside the framework when there is one, else the
    # framework file's own section: the one look at the file system here, once a run.
    where = beside if learned is not None and beside.is_file() else path
    digest = file_sha256(path)
    return {
        "name": framework.name,
        "title": framework.title,
        "version": framework.version,
        "path": str(path),
        "sha256": digest,
        "learned": (
            {
                "path": str(where),
                "sha256": digest if where == path else file_sha256(where),
                "items": learned.items,
            }
            if learned
            else None
        ),
    }


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the regular file at ``path`` in hex, read in blocks (memory flat
    whatever its size); None if it cannot be read now, or is not a regular file: a
    framework read from a pipe (``--framework /dev/stdin``) cannot be read twice, and
    opening a named pipe again would wait for a writer that never comes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        try:
            return hashlib.file_digest(file, "sha256").hexdigest()
        except OSError:
            return None


def _match_record(match: Match, with_via: bool) -> MatchRecord:
    # Each record made whole, in one comprehension: every mapped recommendation of a corpus
    # run comes through here with about twenty pieces of evidence.
    evidence: list[EvidenceRecord] = (
        [
            {"cue": e.cue, "matched": e.matched, "start": e.start, "end": e.end, "via": e.via}
            for e in match.evidence
        ]
        if with_via
        else [
            {"cue": e.cue, "matched": e.matched, "start": e.start, "end": e.end}
            for e in match.evidence
        ]
    )
    return {"id": match.id, "score": match.score, "evidence": evidence}


def recommendation_record(
    rec: Recommendation, result: Result, top: int | None = None, explain: bool = False
) -> RecommendationRecord:
    """One recommendation and what the matcher assigned it; with ``explain``, near misses."""
    record: RecommendationRecord = {
        "id": rec.id,
        "source": {"file": rec.source.file, "line": rec.source.line},
        "case": rec.case,
        "kind": rec.kind,
        "text": rec.text,
        "quadrants": [_match_record(m, True) for m in result.assigned("quadrants")[:top]],
        "standards": [_match_record(m, False) for m in result.assigned("standards")[:top]],
        "themes": [_match_record(m, False) for m in result.assigned("themes")[:top]],
    }
    if explain:
        record["near_misses"] = {
            "standards": [_match_record(m, False) for m in result.near_misses("standards")[:top]],
            "themes": [_match_record(m, False) for m in result.near_misses("themes")[:top]],
        }
    if explain or result.withheld:
        outside = [
            EvidenceRecord(cue=e.cue, matched=e.matched, start=e.start, end=e.end)
            for e in result.outside
        ]
        record["fit"] = {
            "score": result.fits,
            "fits": result.fitting,
            "withheld": result.withheld,
            "outside": outside,
        }
    return record


def map_document(
    framework: FrameworkRef, records: list[RecommendationRecord], threshold: int
) -> MapDocument:
    """The framework (with the threshold used) and every recommendation's record."""
    return {"framework": {**framework, "threshold": threshold}, "recommendations": records}


# ---------------------------------------------------------------------- coverage


class Totals(TypedDict):
    """The headline figures of a coverage analysis."""

    recommendations: int
    cases: int
    mapped: int
    unmapped: int
    weak: int
    """Mapped, but on a weak match: their best standard scores under ``WEAK_MATCH``."""
    by_kind: dict[str, int]
    quadrants_covered: int
    quadrants: int
    standards_covered: int
    standards: int
    themes_covered: int
    themes: int
    repeated_groups: int


class ItemRef(TypedDict):
    """A recommendation named by its case and id."""

    case: str
    id: str


class RowRecord(TypedDict):
    """One quadrant, standard or theme and the recommendations that cover it."""

    id: str
    title: str
    quadrant: NotRequired[str | None]
    """The quadrant of a standard or theme (absent for quadrants)."""
    recommendations: int
    cases: int
    case_names: list[str]
    items: list[ItemRef]
    gap: bool


class CaseRecord(TypedDict):
    """One case: how many items of each kind, and how many fit nowhere."""

    id: str
    recommendations: int
    by_kind: dict[str, int]
    unmapped: int


class TitledRef(TypedDict):
    """A framework item by id and title."""

    id: str
    title: str


class MemberRecord(TypedDict):
    """A recommendation quoted in the analysis: its case, place, kind and text."""

    case: str
    id: str
    file: str
    line: int | None
    kind: str
    text: str


class UnmappedRecord(MemberRecord):
    """A recommendation that maps nowhere, with its nearest standards."""

    nearest: list[Scored]
    outside: list[str]
    """The words naming a subject outside the framework, where any did (they lower its fit, or
    with cues alone withhold its standards)."""
    fit: int | None
    """With learned weights, how likely the text fits the framework (0 to 100): under the
    threshold, it withholds even a nearest standard that reached it."""


class WeakRecord(MemberRecord):
    """A mapped recommendation whose best standard scores under ``defaults.WEAK_MATCH``."""

    standard: str
    score: int


class CooccurrenceRecord(TypedDict):
    """Two themes assigned to the same recommendations, and how many."""

    themes: list[str]
    recommendations: int


class PairRecord(TypedDict):
    """Two recommendations that say much the same thing, and why."""

    a: ItemRef
    b: ItemRef
    similarity: int
    shared_words: list[str]
    shared_items: list[str]


class RepeatRecord(TypedDict):
    """A group of near-duplicates across cases."""

    similarity: int
    members: list[MemberRecord]
    pairs: list[PairRecord]


class SelectionRecord(TypedDict):
    """The filters the analysis was made with (empty: none), so a paper states them."""

    cases: list[str]
    since: str | None
    statuses: list[str]
    kinds: list[str]
    undated_left_out: list[str]
    """The cases --since left out because they carry no publication date."""


class PeriodRecord(TypedDict):
    """The publication dates of the cases analysed (ISO dates), and the undated cases."""

    first: str | None
    last: str | None
    undated: list[str]


class MessageRecord(TypedDict):
    """One key message for the top of the report."""

    kind: str
    text: str


class ActionRecord(TypedDict):
    """One action of the action plan and its state at the report date."""

    case: str
    id: str
    file: str | None
    line: int | None
    text: str
    owner: str | None
    due: str | None
    """As written."""
    due_date: str | None
    """The day ``due`` was read as (ISO 8601: "Q1 2027/28" is 2027-06-30), the one
    ``days_overdue`` counts from, as the workbook's "due date (read as)"; None when it
    names no day scrmap can read, or is not given."""
    status: str | None
    """As written."""
    state: str
    """One of `actionplan.State`."""
    days_overdue: int
    """0 when not overdue."""


class StateCountsRecord(TypedDict):
    """A standard's or theme's actions by state."""

    id: str
    counts: dict[str, int]


class ActionPlanRecord(TypedDict):
    """The action plan's progress at the report date."""

    as_of: str
    actions: int
    counts: dict[str, int]
    """Every state, zeros included, done first and unknown last."""
    overdue: int
    by_standard: list[StateCountsRecord]
    by_theme: list[StateCountsRecord]
    overdue_actions: list[ActionRecord]
    """Longest overdue first."""
    no_status: list[ActionRecord]
    unrecognised: list[ActionRecord]
    due_not_a_date: list[ActionRecord]


class ProblemRecord(TypedDict):
    """One problem with an input file, at its place."""

    line: int | None
    col: int | None
    message: str


class InputProblemsRecord(TypedDict):
    """A file that gave problems: left out of the analysis, or read all the same."""

    file: str
    left_out: bool
    """None of its recommendations is in the analysis."""
    recommendations: int
    """Recommendations read from it despite the problems."""
    problems: list[ProblemRecord]


class CoverageRecord(TypedDict):
    """The whole coverage analysis (the README's "JSON output of scrmap coverage")."""

    framework: FrameworkRef
    totals: Totals
    quadrants: list[RowRecord]
    standards: list[RowRecord]
    themes: list[RowRecord]
    cases: list[CaseRecord]
    gaps: dict[str, list[TitledRef]]
    unmapped: list[UnmappedRecord]
    weak: list[WeakRecord]
    """The mappings to check before counting them (``defaults.WEAK_MATCH``)."""
    case_theme: dict[str, dict[str, int]]
    cooccurrence: list[CooccurrenceRecord]
    similarity_threshold: int
    repeated: list[RepeatRecord]
    repeats_limited: bool
    """The search for repeats stopped at its limit (`repeats.MAX_PAIRS`): not all are listed."""
    selection: SelectionRecord
    period: PeriodRecord
    key_messages: list[MessageRecord]
    themes_by_year: dict[str, dict[str, int]]
    """Year of publication -> theme -> recommendations (undated cases left out)."""
    action_plan: ActionPlanRecord
    input_problems: list[InputProblemsRecord]
    """The files that could not be read, or were read with problems (empty: every file
    was read whole), so that no output passes for the whole library when it is not."""


class ReportRecord(CoverageRecord):
    """The coverage analysis with every recommendation's mapping, for `scrmap report`."""

    recommendations: list[RecommendationRecord]
    actions: list[ActionRecord]
    """Every action with its state, for the workbook's "Action plan" sheet."""
    marking: str | None
    """The protective marking printed on every page ("OFFICIAL-SENSITIVE"), if any."""


def _ref(m: Mapped) -> ItemRef:
    return {"case": m.case, "id": m.rec.id}


def _row(row: Row, with_quadrant: bool) -> RowRecord:
    record: RowRecord = {
        "id": row.id,
        "title": row.title,
        "recommendations": row.recommendations,
        "cases": len(row.cases),
        "case_names": list(row.cases),
        "items": [_ref(m) for m in row.items],
        "gap": row.gap,
    }
    if with_quadrant:
        # The key order is part of the JSON contract: quadrant comes after the title.
        return {"id": row.id, "title": row.title, "quadrant": row.parent, **record}
    return record


def _member(m: Mapped) -> MemberRecord:
    return {
        "case": m.case,
        "id": m.rec.id,
        "file": m.rec.source.file,
        "line": m.rec.source.line,
        "kind": m.rec.kind,
        "text": m.rec.text,
    }


def _totals(coverage: Coverage) -> Totals:
    mapped = coverage.mapped
    return {
        "recommendations": len(mapped),
        "cases": len(coverage.cases),
        "mapped": len(mapped) - len(coverage.unmapped),
        "unmapped": len(coverage.unmapped),
        "weak": len(coverage.weak),
        "by_kind": dict(sorted(Counter(m.rec.kind for m in mapped).items())),
        "quadrants_covered": sum(not r.gap for r in coverage.quadrants),
        "quadrants": len(coverage.quadrants),
        "standards_covered": sum(not r.gap for r in coverage.standards),
        "standards": len(coverage.standards),
        "themes_covered": sum(not r.gap for r in coverage.themes),
        "themes": len(coverage.themes),
        "repeated_groups": len(coverage.repeated),
    }


def action_record(a: Assessed) -> ActionRecord:
    """One action as the record shows it."""
    item = a.item
    return {
        "case": item.case,
        "id": item.id,
        "file": item.file,
        "line": item.line,
        "text": item.text,
        "owner": item.owner,
        "due": item.due,
        "due_date": a.due_date.isoformat() if a.due_date else None,
        "status": item.status,
        "state": a.state.value,
        "days_overdue": a.days_overdue,
    }


def _counts(counts: dict[State, int]) -> dict[str, int]:
    return {state.value: n for state, n in counts.items()}


def _action_plan(progress: Progress) -> ActionPlanRecord:
    overdue = progress.overdue
    return {
        "as_of": progress.as_of.isoformat(),
        "actions": len(progress.items),
        "counts": _counts(progress.counts),
        "overdue": len(overdue),
        "by_standard": [{"id": k, "counts": _counts(v)} for k, v in progress.by_standard.items()],
        "by_theme": [{"id": k, "counts": _counts(v)} for k, v in progress.by_theme.items()],
        "overdue_actions": [action_record(a) for a in overdue],
        "no_status": [action_record(a) for a in progress.no_status],
        "unrecognised": [action_record(a) for a in progress.unrecognised],
        "due_not_a_date": [action_record(a) for a in progress.due_not_a_date],
    }


def carries_no_plan(plan: ActionPlanRecord) -> bool:
    """Whether no action has a status or a due date (`actionplan.Progress.carries_no_plan`):
    the views say so once instead of listing every action as having no status."""
    return len(plan["no_status"]) == plan["actions"] and not any(
        a["due"] for a in plan["no_status"]
    )


def _selection(selection: Selection) -> SelectionRecord:
    return {
        "cases": list(selection.cases),
        "since": selection.since.isoformat() if selection.since else None,
        "statuses": list(selection.statuses),
        "kinds": list(selection.kinds),
        "undated_left_out": list(selection.undated),
    }


def coverage_record(
    coverage: Coverage,
    framework: FrameworkRef,
    progress: Progress,
    summary: Summary,
    selection: Selection,
    problem_files: Sequence[ProblemFile] = (),
) -> CoverageRecord:
    """The whole analysis as JSON-ready data, with the inputs that gave problems."""
    from scrmap.repeats import MAX_PAIRS

    period = summary.period
    return {
        "framework": framework,
        "totals": _totals(coverage),
        "quadrants": [_row(r, False) for r in coverage.quadrants],
        "standards": [_row(r, True) for r in coverage.standards],
        "themes": [_row(r, True) for r in coverage.themes],
        "cases": [
            {
                "id": row.id,
                "recommendations": row.recommendations,
                "by_kind": dict(sorted(Counter(m.rec.kind for m in row.items).items())),
                "unmapped": sum(1 for m in row.items if not m.result.mapped),
            }
            for row in coverage.cases
        ],
        "gaps": {
            kind: [{"id": r.id, "title": r.title} for r in rows]
            for kind, rows in coverage.gaps.items()
        },
        "unmapped": [
            {
                **_member(m),
                "nearest": [
                    {"id": n.id, "score": n.score} for n in m.result.near_misses("standards")[:3]
                ],
                "outside": list(m.result.outside_words),
                "fit": m.result.fits,
            }
            for m in coverage.unmapped
        ],
        "weak": [
            {**_member(m), "standard": best.id, "score": best.score}
            for m in coverage.weak
            if (best := m.result.best_standard) is not None
        ],
        "case_theme": coverage.case_theme,
        "cooccurrence": [
            {"themes": [a, b], "recommendations": n} for a, b, n in coverage.cooccurrence
        ],
        "similarity_threshold": coverage.similarity,
        "repeated": [
            {
                "similarity": group.similarity,
                "members": [_member(m) for m in group.members],
                "pairs": [
                    {
                        "a": _ref(a),
                        "b": _ref(b),
                        "similarity": p.similarity,
                        "shared_words": list(p.shared_words),
                        "shared_items": list(p.shared_items),
                    }
                    for a, b, p in group.pairs
                ],
            }
            for group in coverage.repeated
        ],
        "repeats_limited": sum(len(g.pairs) for g in coverage.repeated) >= MAX_PAIRS,
        "selection": _selection(selection),
        "period": {
            "first": period.first.isoformat() if period.first else None,
            "last": period.last.isoformat() if period.last else None,
            "undated": list(period.undated),
        },
        "key_messages": [{"kind": m.kind, "text": m.text} for m in summary.messages],
        "themes_by_year": {str(year): counts for year, counts in summary.by_year.items()},
        "action_plan": _action_plan(progress),
        "input_problems": [
            {
                "file": f.name,
                "left_out": f.left_out,
                "recommendations": f.recommendations,
                "problems": [
                    {"line": p.line, "col": p.col, "message": p.message} for p in f.problems
                ],
            }
            for f in problem_files
        ],
    }


def report_record(
    coverage: CoverageRecord,
    mappings: list[RecommendationRecord],
    actions: list[ActionRecord],
    marking: str | None,
) -> ReportRecord:
    """The analysis and, for the report, every recommendation's record with its evidence,
    every action, and the protective marking."""
    return {**coverage, "recommendations": mappings, "actions": actions, "marking": marking}


# ------------------------------------------------------------------------ check


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `scrmap check` reports: the findings, and which files were checked."""

    findings: Sequence[Finding]
    checked: Sequence[str]
    """Every file read or refused, in argument order."""
    strict: bool = False
    """Warnings fail too (the JUnit format marks them as failures)."""
    waived: Sequence[Finding] = ()
    """Findings the recommendations waive in place: not shown, never failing, counted."""

    @property
    def bad_input(self) -> bool:
        """An input could not be read as it stands (an ``input`` finding: a file refused or
        read past a problem, a waiver of a rule that does not exist): exit 2, even with
        --exit-zero, because what was checked is not what the author meant. Every problem
        met reading the inputs is such a finding, so this is the one test."""
        from scrmap.findings import INPUT_RULE

        return any(f.rule == INPUT_RULE for f in self.findings)

    @property
    def failed(self) -> bool:
        """Errors were found, or warnings under ``strict``: the check fails (exit 1)."""
        severities = {f.severity.value for f in self.findings}
        return "error" in severities or (self.strict and "warning" in severities)


class FindingRecord(TypedDict):
    """One finding as the JSON format shows it."""

    rule: str
    severity: str
    file: str
    line: int | None
    col: int | None
    recommendation: str | None
    case: str | None
    message: str


class CheckDocument(TypedDict):
    """The JSON output of `scrmap check`: all findings with counts, for scripts."""

    checked: list[str]
    errors: int
    warnings: int
    waived: int
    findings: list[FindingRecord]


def finding_record(f: Finding) -> FindingRecord:
    """One finding as plain data."""
    return {
        "rule": f.rule,
        "severity": f.severity.value,
        "file": f.path,
        "line": f.line,
        "col": f.col,
        "recommendation": f.recommendation,
        "case": f.case,
        "message": f.message,
    }


def check_document(result: CheckResult) -> CheckDocument:
    """The findings with the number of errors and warnings."""
    counts = Counter(f.severity.value for f in result.findings)
    return {
        "checked": list(result.checked),
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "waived": len(result.waived),
        "findings": [finding_record(f) for f in result.findings],
    }


# -------------------------------------------------------------------- framework

FrameworkDump = dict[str, object]
"""The framework file's own shape (its JSON Schema is `scrmap framework schema`): written
out whole by the JSON and YAML formats, never read back by key."""


def framework_dump(framework: Framework) -> FrameworkDump:
    """The framework as plain data, in file order, without unset optional fields."""
    from scrmap.plain_data import as_data

    dump: FrameworkDump = as_data(framework, drop_none=True)
    # A cue's `adjacent` is written only where it is set, as the file would have it: on
    # every cue, `adjacent: false` would bury the few that are.
    for kind in ("standards", "themes"):
        for item in cast("list[dict[str, object]]", dump[kind]):
            for cue in cast("list[dict[str, object]]", item["cues"]):
                if cue.get("adjacent") is False:
                    del cue["adjacent"]
    return dump


class ThemeFamily(NamedTuple):
    """A family of themes as shown: its id and title (None for themes without one)."""

    id: str | None
    title: str | None
    themes: list[Theme]


def theme_families(framework: Framework) -> list[ThemeFamily]:
    """Themes grouped by family, families in file order, themes without one last."""
    groups = [
        ThemeFamily(f.id, f.title, [t for t in framework.themes if t.family == f.id])
        for f in framework.families
    ]
    orphans = [t for t in framework.themes if t.family is None]
    if orphans:
        groups.append(ThemeFamily(None, None, orphans))
    return [g for g in groups if g.themes]


# ------------------------------------------------------------------- evaluation


class ScoresRecord(TypedDict):
    """Precision, recall and F1 (rounded) with the counts they come from; null where the
    terminal shows n/a: precision when nothing was assigned the label, recall and F1 when
    no item is labelled with it."""

    precision: float | None
    recall: float | None
    f1: float | None
    tp: int
    fp: int
    fn: int


class DisagreementRecord(TypedDict):
    """A recommendation where the mapping and the labels differ."""

    id: str
    text: str
    expected_standards: list[str]
    top_standard: str | None
    missing_themes: list[str]
    extra_themes: list[str]


class EvaluationRecord(TypedDict):
    """The JSON output of `scrmap evaluate`."""

    items: int
    top_standard_accuracy: float | None
    """Null (n/a) when no item has a labelled standard."""
    top_standard_interval: list[float] | None
    """The 95% Wilson interval of ``top_standard_accuracy``: [low, high]; null with it."""
    with_standard: int
    off_framework_unmapped_rate: float | None
    """Null (n/a) when no item is off the framework."""
    off_framework_unmapped_interval: list[float] | None
    """The same for ``off_framework_unmapped_rate``; null with it."""
    off_framework: int
    themes_overall: ScoresRecord
    standards_overall: ScoresRecord
    mapped: int
    """Items given a standard, labelled or off-framework."""
    weak: int
    """Of those, the weak matches: best standard under ``defaults.WEAK_MATCH``."""
    weak_right: int
    """Of the weak matches, those whose top standard is a labelled one."""
    themes: dict[str, ScoresRecord]
    standards: dict[str, ScoresRecord]
    confusions: list[ConfusionRecord]
    disagreements: list[DisagreementRecord]


class ConfusionRecord(TypedDict):
    """How often items labelled with one standard had another as their top one."""

    labelled: str
    """The labelled primary standard, or "none" for an off-framework item."""
    top: str
    """The top standard assigned, or "none" when the item was left unmapped."""
    times: int


def _scores(s: Scores) -> ScoresRecord:
    # Null where the terminal says n/a: a precision of nothing assigned, a recall (and so
    # an F1) of nothing labelled. Their 1.0 and 0.0 would be figures about nothing, which
    # a dashboard would chart as perfect or as failing.
    assigned, labelled = s.tp + s.fp, s.tp + s.fn
    return {
        "precision": round(s.precision, 4) if assigned else None,
        "recall": round(s.recall, 4) if labelled else None,
        "f1": round(s.f1, 4) if labelled else None,
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
    }


class ComparisonRecord(TypedDict):
    """The JSON output of `scrmap evaluate --compare`: the same gold items, two mappings."""

    labels: list[str]
    """What each side is: a framework path, with or without its learned weights."""
    evaluations: list[EvaluationRecord]
    paired: dict[str, PairedRecord]
    """The first two sides item by item: ``top_standard`` and ``off_framework_unmapped``."""


class PairedRecord(TypedDict):
    """Items only one side got right, and the exact McNemar test's two-sided p-value."""

    only_first: int
    only_second: int
    p: float


def comparison_record(labels: list[str], results: list[Evaluation]) -> ComparisonRecord:
    """Two (or more) evaluations of the same items, side by side."""
    from scrmap.evaluate import paired  # its models are not for `map`'s start-up

    first, second = results[0], results[1]
    return {
        "labels": labels,
        "evaluations": [evaluation_record(r) for r in results],
        "paired": {
            "top_standard": _paired(paired(first, second, labelled=True)),
            "off_framework_unmapped": _paired(paired(first, second, labelled=False)),
        },
    }


def _paired(diff: Paired) -> PairedRecord:
    return {"only_first": diff.only_first, "only_second": diff.only_second, "p": round(diff.p, 4)}


def evaluation_record(result: Evaluation) -> EvaluationRecord:
    """An evaluation as plain data, figures rounded to four places."""
    return {
        "items": result.items,
        "top_standard_accuracy": (
            round(result.top_standard_accuracy, 4) if result.with_standard else None
        ),
        "top_standard_interval": (
            [round(x, 4) for x in result.top_standard_interval] if result.with_standard else None
        ),
        "with_standard": result.with_standard,
        "off_framework_unmapped_rate": (
            round(result.unmapped_rate, 4) if result.off_framework else None
        ),
        "off_framework_unmapped_interval": (
            [round(x, 4) for x in result.unmapped_interval] if result.off_framework else None
        ),
        "off_framework": result.off_framework,
        "themes_overall": _scores(result.themes_overall),
        "standards_overall": _scores(result.standards_overall),
        "mapped": result.mapped,
        "weak": result.weak,
        "weak_right": result.weak_right,
        "themes": {k: _scores(v) for k, v in result.themes.items()},
        "standards": {k: _scores(v) for k, v in result.standards.items()},
        "confusions": [{"labelled": a, "top": b, "times": n} for a, b, n in result.confusions],
        "disagreements": [
            {
                "id": d.id,
                "text": d.text,
                "expected_standards": d.expected_standards,
                "top_standard": d.top_standard,
                "missing_themes": d.missing_themes,
                "extra_themes": d.extra_themes,
            }
            for d in result.disagreements
        ],
    }
