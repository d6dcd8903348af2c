"""Coverage analysis, filters and repeats, pinned on the bundled case library."""

from datetime import date

import pytest

from scrmap.actionplan import State, Vocabulary, assess, from_mapped
from scrmap.coverage import Coverage, Mapped, Selection, analyse, published, select
from scrmap.framework import Framework
from scrmap.matcher import Matcher
from scrmap.recommendation import Recommendation, Source
from scrmap.records import CoverageRecord, coverage_record
from scrmap.repeats import Comparable, find_pairs, group_pairs
from scrmap.sources import load_arguments
from scrmap.summary import summarise

from .conftest import ROOT

DA_CASES = ["Cases R and S", "Domestic abuse recommendations from five cases"]


@pytest.fixture(scope="module")
def library() -> list[Recommendation]:
    loaded = load_arguments([str(ROOT / "data" / "recommendations")], lambda: "")
    assert not loaded.problems
    return loaded.recommendations


def mapped(framework: Framework, recs: list[Recommendation]) -> list[Mapped]:
    matcher = Matcher(framework)
    return [Mapped(r, matcher.match(r.text)) for r in recs]


def record_of(coverage: Coverage) -> CoverageRecord:
    progress = assess(from_mapped(coverage.mapped), date(2026, 1, 1))
    ref = {"name": "n", "title": "t", "version": None, "path": "p"}
    return coverage_record(coverage, ref, progress, summarise(coverage, progress), Selection())


def test_domestic_abuse_where_the_seeds_put_it(norfolk, library) -> None:
    # Hand-checked against the seeds: the Chair's statement on Cases R and S (the
    # presumption of risk after any incident, decision making after incidents, MASH
    # discussions for children at high risk) and the brief's five domestic abuse points.
    # Case L mentions domestic abuse only in the family history, not in a finding, and
    # the M, N and O publication only in its summary.
    coverage = analyse(norfolk, mapped(norfolk, library))
    row = next(r for r in coverage.themes if r.id == "domestic-abuse")
    assert [m.rec.id for m in row.items] == [
        "RS-2", "RS-3", "RS-4", "DA-1", "DA-2", "DA-3", "DA-4", "DA-5",
    ]  # fmt: skip
    assert row.recommendations == 8
    assert list(row.cases) == DA_CASES


def test_counts_and_gaps_on_the_library(norfolk, library) -> None:
    coverage = analyse(norfolk, mapped(norfolk, library))
    record = record_of(coverage)
    totals = record["totals"]
    assert (totals["recommendations"], totals["cases"]) == (45, 5)
    assert totals["by_kind"] == {"finding": 21, "recommendation": 14, "response": 10}
    themes = {t["id"]: (t["recommendations"], t["cases"]) for t in record["themes"]}
    # Neglect is Case L's learning (its findings 3 to 6 and the response to 3); fathers
    # are Case L's finding and response 7; no bundled item is about children returning
    # home or sexual abuse (the pre-mobile babies' finding 4, on parents' adverse childhood
    # experiences, is historical information, as tests/gold/dev.yaml labels it).
    assert themes["neglect"] == (5, 1)
    assert themes["engaging-fathers"] == (2, 1)
    gaps = {kind: [r["id"] for r in rows] for kind, rows in record["gaps"].items()}
    assert gaps["themes"] == ["returning-home", "child-sexual-abuse"]
    assert gaps["quadrants"] == []
    assert "2.4" in gaps["standards"]


def test_record_contract(norfolk, library) -> None:
    record = record_of(analyse(norfolk, mapped(norfolk, library)))
    assert {"totals", "quadrants", "standards", "themes", "gaps", "unmapped", "repeated"} <= set(
        record
    )
    for section in ("quadrants", "standards", "themes"):
        for row in record[section]:
            assert {"id", "title", "recommendations", "cases", "case_names", "items"} <= set(row)
            assert row["cases"] == len(row["case_names"])
            assert row["recommendations"] == len(row["items"])
    assert sum(record["case_theme"]["Case L"].values()) >= 15 - 1


def test_unmapped_and_cooccurrence(norfolk) -> None:
    recs = [
        Recommendation(
            "1", "The council should repaint the town hall by May.", Source("a", 1), "A"
        ),
        Recommendation(
            "2",
            "Health visitors must engage fathers and share information about domestic abuse.",
            Source("a", 2),
            "A",
        ),
    ]
    coverage = analyse(norfolk, mapped(norfolk, recs))
    assert [m.rec.id for m in coverage.unmapped] == ["1"]
    pairs = {(a, b) for a, b, _ in coverage.cooccurrence}
    assert ("domestic-abuse", "engaging-fathers") in pairs or (
        "engaging-fathers",
        "domestic-abuse",
    ) in pairs


def rec(rid: str, case: str, published: str | None = None, status: str | None = None):
    meta = {"published": published} if published else {}
    return Recommendation(rid, "text", Source("f", 1), case, status=status, meta=meta)


def test_select_filters_and_reports_what_it_left_out() -> None:
    recs = [
        rec("1", "Case A", "2014-01-01", "open"),
        rec("2", "Case B", "2018-05-01", "closed"),
        rec("3", "Case C", None, "open"),
    ]
    kept = select(recs, Selection(since=date(2015, 1, 1)))
    assert [r.id for r in kept.recommendations] == ["2"]
    assert kept.notes == ["--since left out cases with no publication date: Case C"]
    assert kept.selection == Selection(since=date(2015, 1, 1), undated=("Case C",))
    assert [r.id for r in select(recs, Selection(cases=("case a",))).recommendations] == ["1"]
    assert [r.id for r in select(recs, Selection(statuses=("OPEN",))).recommendations] == [
        "1",
        "3",
    ]
    missing = select(recs, Selection(cases=("Case Z",), statuses=("done",)))
    assert missing.recommendations == []
    assert missing.unmatched == [
        "--case 'Case Z' matches nothing (there are: Case A, Case B, Case C)",
        "--status 'done' matches nothing (no item has one)",
    ]


def test_a_case_is_dated_by_any_of_its_files() -> None:
    """A case's review in YAML gives its publication date, its action plan (CSV) none:
    --since kept the review and dropped the plan's actions while naming the case as left
    out, and the period called the case undated when the plan came first."""
    recs = [
        rec("P1", "Child A", None, "Red"),
        rec("A1", "Child A", "2023-05-10", "Complete"),
        rec("P2", "child a", None, "Green"),
        rec("B1", "Child B", None),
    ]
    kept = select(recs, Selection(since=date(2020, 1, 1)))
    assert [r.id for r in kept.recommendations] == ["P1", "A1", "P2"]
    assert kept.selection.undated == ("Child B",)
    assert kept.notes[-1] == "--since left out cases with no publication date: Child B"
    late = select(recs, Selection(since=date(2024, 1, 1)))
    assert late.recommendations == [] and late.unmatched
    assert [published(r) for r in select(recs, Selection()).recommendations] == [
        date(2023, 5, 10),
        date(2023, 5, 10),
        date(2023, 5, 10),
        None,
    ]


def test_a_case_dated_twice_is_dated_by_its_first_publication() -> None:
    recs = [rec("1", "Child A", "2023-05-10"), rec("2", "Child A", "2021-02-01")]
    kept = select(recs, Selection(since=date(2022, 1, 1)))
    assert kept.recommendations == [] and kept.unmatched
    dates = {published(r) for r in select(recs, Selection()).recommendations}
    assert dates == {date(2021, 2, 1)}


def test_a_status_filter_names_a_state_or_a_word_as_written() -> None:
    words = ["Signed off", "Done", "Blue", "Red", "Overdue", "Not achieved", "Amber", None]
    recs = [rec(str(i), "A", status=word) for i, word in enumerate(words)]

    def kept(*statuses: str) -> list[str | None]:
        return [r.status for r in select(recs, Selection(statuses=statuses)).recommendations]

    assert kept("complete") == ["Signed off", "Done", "Blue"]
    assert kept("not-met") == kept("Not met") == ["Red", "Overdue", "Not achieved"]
    assert kept("amber", "no-status") == ["Amber", None]
    assert kept("done") == ["Done"]  # the word as written, not the state it is in
    board = Vocabulary.build({State.complete: ["red"]})
    chosen = select(recs, Selection(statuses=("complete",)), board).recommendations
    assert [r.status for r in chosen] == ["Signed off", "Done", "Blue", "Red"]
    missing = select(recs[:4], Selection(statuses=("on-track", "purple")))
    assert missing.unmatched == [
        f"--status {w!r} matches nothing (there are: Blue, Done, Red, Signed off; states: "
        "complete, not-met)"
        for w in ("on-track", "purple")
    ]
    # A library with no status at all said "there are: no status words; states: no-status".
    unplanned = select(recs[-1:], Selection(statuses=("done",)))
    assert unplanned.unmatched == [
        "--status 'done' matches nothing (no item has a status: all are no-status)"
    ]


def test_a_status_filter_keeps_a_rating_read_from_a_cells_colour() -> None:
    """--status amber left out every action rated by an amber cell ("Amber (cell
    colour)"), which the officer had rated amber as surely as by the word."""
    recs = [rec("1", "A", status="Amber"), rec("2", "A", status="Amber (cell colour)")]
    kept = select(
        [*recs, rec("3", "A", status="Red (cell colour)")], Selection(statuses=("amber",))
    )
    assert kept.recommendations == recs


def test_filters_that_together_keep_nothing_are_unmatched() -> None:
    """Each filter matches something, yet nothing is left: an empty report would read as a
    framework of gaps, so it is a usage error that says which filters and why."""
    recs = [rec("1", "Case A", "2014-01-01", "open"), rec("2", "Case B", "2018-05-01", "closed")]
    late = select(recs, Selection(since=date(2030, 1, 1)))
    assert late.recommendations == []
    assert late.unmatched == [
        "--since 2030-01-01 leaves none of the 2 recommendations read "
        "(the latest published is 2018-05-01)"
    ]
    both = select(recs, Selection(cases=("Case A",), kinds=("finding",)))
    assert both.unmatched == [
        "--case 'Case A' and --kind finding together leave none of the 2 recommendations read"
    ]
    undated = select([rec("3", "Case C", None, "open")], Selection(since=date(2015, 1, 1)))
    assert undated.unmatched == [
        "--since 2015-01-01 leaves none of the 1 recommendations read (none has a publication "
        "date: a review gives one as a line of its own, 'Published: 12 March 2026', a table in "
        "a 'Published' column, or YAML as 'published: 2026-03-12')"
    ]


def test_a_case_spelt_two_ways_is_one_case() -> None:
    """Capitals or a non-breaking space made one review two cases, printed alike."""
    recs = [rec("a", "Child P"), rec("b", "child p"), rec("c", "Child\u00a0P"), rec("d", "Q")]
    kept = select(recs, Selection())
    assert [r.case for r in kept.recommendations] == ["Child P", "Child P", "Child P", "Q"]
    assert kept.notes == [
        "case 'child p' (f) is counted as 'Child P'",
        "case 'Child\\xa0P' (f) is counted as 'Child P'",  # repr: the space shows
    ]
    assert len(select(recs, Selection(cases=("CHILD P",))).recommendations) == 3


@pytest.mark.parametrize(
    "titled",
    [
        "Child C: Safeguarding Practice Review",
        "Serious Case Review: Child C",
        "Child C \u2013 Child Safeguarding Practice Review \u2013 overview report",
        "CHILD C Serious Case Review",
        "Safeguarding Practice Review - Child C",
    ],
)
def test_a_case_named_with_the_kind_of_review_is_one_case(titled: str) -> None:
    """A Word or Markdown review takes its title for its case ("Child C: Safeguarding
    Practice Review") and its action plan names the case ("Child C"): one review was counted
    as two cases, and its own review and plan as repeats across cases."""
    recs = [rec("1", titled), rec("4", "Child C"), rec("x", "Child D")]
    kept = select(recs, Selection())
    assert [r.case for r in kept.recommendations] == [titled, titled, "Child D"]
    assert kept.notes == [f"case 'Child C' (f) is counted as {titled!r}"]
    assert len(select(recs, Selection(cases=("child c",))).recommendations) == 2


@pytest.mark.parametrize(
    "plan",
    [
        "Child C action plan", "child-c-action-plan", "Action plan for Child C",
        "Child C (SPR) actions v3", "Child C \u2013 Action Plan final",
    ],
)  # fmt: skip
def test_a_plan_named_for_its_case_is_that_case(plan: str) -> None:
    """A plan with no case column is its file's case: "Child C action plan.xlsx" beside the
    review "Child C" was a second case in every figure. It is the review's, under the
    review's name whichever file is read first."""
    recs = [rec("1", plan), rec("1", "Child C"), rec("2", "Child D")]
    kept = select(recs, Selection())
    assert [r.case for r in kept.recommendations] == ["Child C", "Child C", "Child D"]
    assert kept.notes == [f"case {plan!r} (f) is counted as 'Child C'"]


@pytest.mark.parametrize("name", ["Action plan", "action-plan", "plan-q1", "Cases R and S"])
def test_a_plan_named_for_no_case_keeps_its_name(name: str) -> None:
    kept = select([rec("1", name), rec("2", "Child C")], Selection())
    assert [r.case for r in kept.recommendations] == [name, "Child C"]


def test_only_the_kind_of_review_is_no_case_of_its_own() -> None:
    """A name that is the kind of review alone, or with no name beside it, stays itself."""
    recs = [
        rec("1", "Safeguarding Practice Review"),
        rec("2", "Serious Case Review"),
        rec("3", "Practice review:"),
        rec("4", "Child C review of practice"),
        rec("5", "Child C"),
    ]
    kept = select(recs, Selection())
    assert [r.case for r in kept.recommendations] == [r.case for r in recs]
    assert kept.notes == []


def test_the_same_items_in_two_files_are_noted() -> None:
    """The same action plan saved as .csv and .xlsx, both in the folder, counted twice."""
    plan = [
        Recommendation(i, "t", Source(f, 2), "Case L") for f in ("p.csv", "p.xlsx") for i in "12"
    ]
    notes = select(
        [*plan, Recommendation("3", "t", Source("p.csv", 4), "Case L")], Selection()
    ).notes
    assert notes == [
        "2 items of case 'Case L' have the same id in p.csv and p.xlsx: "
        "counted once for each file; leave out the copy"
    ]
    assert select(plan[:2], Selection()).notes == []


def test_a_quarterly_copy_under_another_file_name_is_noted() -> None:
    """A table without a case column is the case of its file's name, so the plan kept each
    quarter ("plan-q1.csv", "plan-q2.csv") is another case each time: its items, by id and
    in the same words, are still a copy, counted once for each file."""
    words = ["Health visitors will record fathers.", "The MASH will share incidents.", "x y z"]
    plan = [
        Recommendation(str(i), text, Source(f"plan-{q}.csv", i + 1), f"plan-{q}")
        for q in ("q1", "q2")
        for i, text in enumerate(words, 1)
    ]
    assert select(plan, Selection()).notes == [
        "3 items of cases 'plan-q1' and 'plan-q2' have the same id in plan-q1.csv and "
        "plan-q2.csv: counted once for each file; leave out the copy"
    ]


def test_two_reviews_named_after_their_files_sharing_one_item_are_no_copy() -> None:
    """Two reviews' item 1 in the same words is learning repeated, not a copy of a plan: of
    files named as their cases, only a copy of most of one file's items is noted."""
    shared = "Practitioners should be mindful of professional curiosity."
    recs = [
        Recommendation("1", shared, Source("child-q.csv", 2), "child-q"),
        Recommendation(
            "2", "Schools will train staff on neglect.", Source("child-q.csv", 3), "child-q"
        ),
        Recommendation("3", "GPs will record carers.", Source("child-q.csv", 4), "child-q"),
        Recommendation("1", shared, Source("child-r.csv", 2), "child-r"),
        Recommendation("2", "The police will share reports.", Source("child-r.csv", 3), "child-r"),
        Recommendation(
            "3", "The Board will audit supervision.", Source("child-r.csv", 4), "child-r"
        ),
    ]
    assert select(recs, Selection()).notes == []


def test_an_action_numbered_as_its_recommendation_is_no_copy() -> None:
    """A review's recommendation 1 and the action its Board's plan numbers 1 are both read:
    "leave out the copy" would have the officer drop one of them."""
    review = Recommendation("1", "Assure the Board fathers are seen.", Source("q.yaml", 5), "Q")
    action = Recommendation("1", "Audit 30 files for fathers.", Source("plan.xlsx", 5), "Q")
    assert select([review, action], Selection()).notes == []
    reworded = Recommendation("1", "Audit 30 case files for fathers.", Source("p2.xlsx", 5), "Q")
    assert select([review, action, reworded], Selection()).notes == [
        "1 item of case 'Q' has the same id in p2.xlsx and plan.xlsx: counted once for each "
        "file; leave out the copy"
    ]


def test_select_by_kind() -> None:
    finding = Recommendation("f", "x", Source("f", 1), "A", kind="finding")
    assert select([finding, rec("r", "A")], Selection(kinds=("finding",))).recommendations == [
        finding
    ]


def test_repeats_across_cases_only_with_shared_words_and_items() -> None:
    recs = [
        Comparable(
            "Information sharing between the police and other agencies about domestic abuse "
            "must be improved.",
            "Case A",
            frozenset({"domestic-abuse", "2.2"}),
        ),
        Comparable(
            "The police and partner agencies should improve how they share information "
            "about domestic abuse incidents.",
            "Case B",
            frozenset({"domestic-abuse"}),
        ),
        Comparable(  # same words, same case as the first: not a repeat across cases
            "Information sharing about domestic abuse between police and agencies.",
            "Case A",
            frozenset({"domestic-abuse"}),
        ),
        Comparable(  # shares words but no framework item
            "The police and agencies should improve information about parking.",
            "Case C",
            frozenset({"4.1"}),
        ),
    ]
    pairs = find_pairs(recs, threshold=30)
    assert {(p.a, p.b) for p in pairs} == {(0, 1), (1, 2)}
    best = pairs[0]
    assert best.similarity >= 50
    assert {"police", "domestic", "abuse"} <= {w.lower() for w in best.shared_words}
    assert best.shared_items == ("domestic-abuse",)
    assert group_pairs(pairs)[0][0] == [0, 1, 2]


def test_unrelated_recommendations_are_not_repeats() -> None:
    recs = [
        Comparable("Health visitors should ask about fathers.", "A", frozenset({"1.3"})),
        Comparable("Schools should record attendance daily.", "B", frozenset({"1.3"})),
    ]
    assert find_pairs(recs, threshold=1) == []


def test_the_search_for_repeats_stops_at_its_limit() -> None:
    # A corpus composed from templates repeats itself everywhere: past the limit the
    # search stops rather than take minutes listing pairs no Board would read.
    recs = [
        Comparable(
            "Agencies should share information about neglect.", f"Case {n}", frozenset({"x"})
        )
        for n in range(30)
    ]
    assert len(find_pairs(recs, threshold=30)) == 30 * 29 // 2
    assert len(find_pairs(recs, threshold=30, limit=10)) == 10
