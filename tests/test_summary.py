"""The summary's key messages, pinned on the bundled library and on small libraries."""

from datetime import date

import pytest

from scrmap import summary
from scrmap.actionplan import ActionItem, assess
from scrmap.coverage import Mapped, analyse
from scrmap.defaults import WEAK_MATCH
from scrmap.framework import Framework
from scrmap.matcher import Match, Matcher, Result
from scrmap.sources import Recommendation, Source, load_arguments
from scrmap.summary import key_messages, period, themes_by_year

from .conftest import ROOT


@pytest.fixture(scope="module")
def library(norfolk: Framework) -> list[Mapped]:
    loaded = load_arguments([str(ROOT / "data" / "recommendations")], lambda: "")
    matcher = Matcher(norfolk)
    return [Mapped(r, matcher.match(r.text)) for r in loaded.recommendations]


def rec(case: str, text: str, published: str | None = None) -> Recommendation:
    meta = {"published": published} if published else {}
    return Recommendation(case + "-1", text, Source("f.yaml", 1), case, meta=meta)


def test_key_messages_on_the_library(norfolk, library) -> None:
    messages = key_messages(analyse(norfolk, library))
    assert [m.text for m in messages] == [
        "No recommendation addresses standard 2.4",
        "No recommendation addresses the themes Returning children home or Practitioner "
        "confidence regarding child sexual abuse",
        "Information-sharing appears in 4 of 5 cases",
        "3 items in 1 group look like learning repeated across cases (check each)",
        "Leadership: ownership, accountability and management grip (Q4) holds the most "
        "items: 27 of 45",
    ]


def test_action_plan_message_comes_after_the_gaps(norfolk, library) -> None:
    items = [
        ActionItem("A", "1", "t", "Police", "2020-01-01", "amber"),
        ActionItem("A", "2", "t", "Police", "2020-01-01", "done"),
        ActionItem("A", "3", "t", None, None, None),
    ]
    progress = assess(items, date(2021, 3, 1))
    messages = key_messages(analyse(norfolk, library), progress)
    assert messages[2].kind == "overdue"
    assert messages[2].text == (
        "1 of 3 actions is overdue at 1 March 2021; 1 of 3 has no recorded status"
    )
    assert len(messages) == 5


def test_nothing_overdue_and_no_gaps_is_said_too(norfolk) -> None:
    progress = assess([ActionItem("A", "1", "t", None, "2030-01-01", "complete")], date(2021, 1, 1))
    coverage = analyse(norfolk, [])
    assert [m.text for m in key_messages(coverage, progress)] == [
        "No recommendations were selected"
    ]
    one = Matcher(norfolk)
    mapped = [
        Mapped(r, one.match(r.text)) for r in [rec("A", "Agencies should share information.")]
    ]
    texts = [m.text for m in key_messages(analyse(norfolk, mapped), progress)]
    assert "No action is overdue; 1 of 1 complete" in texts
    assert not any("appears in" in t for t in texts)  # one case: nothing recurs


def test_long_gap_lists_are_cut(norfolk) -> None:
    matcher = Matcher(norfolk)
    mapped = [Mapped(r, matcher.match(r.text)) for r in [rec("A", "Share information.")]]
    gaps = next(m.text for m in key_messages(analyse(norfolk, mapped)) if "standards" in m.text)
    assert gaps.startswith("No recommendation addresses standards 1.1, 1.2, ")
    assert gaps.endswith(" others")


def test_period_and_trend(norfolk) -> None:
    matcher = Matcher(norfolk)
    recs = [
        rec("A", "Agencies should share information about neglect.", "2019-05-01"),
        rec("B", "Agencies should share information.", "2021-02-01"),
        rec("C", "Agencies should share information.", None),
    ]
    coverage = analyse(norfolk, [Mapped(r, matcher.match(r.text)) for r in recs])
    p = period(coverage)
    assert (p.first, p.last, p.undated) == (date(2019, 5, 1), date(2021, 2, 1), ("C",))
    trend = themes_by_year(coverage)
    assert list(trend) == [2019, 2021]
    assert trend[2019]["neglect"] == 1
    assert trend[2021]["information-sharing"] == 1
    assert trend[2021]["neglect"] == 0


def test_missing_statuses_have_a_kind_of_their_own(norfolk, library) -> None:
    coverage = analyse(norfolk, library)
    some = assess(
        [ActionItem("A", "1", "t", None, "2030-01-01", None), ActionItem("A", "2", "t")],
        date(2021, 3, 1),
    )
    [message] = [m for m in key_messages(coverage, some) if m.kind == "no-status"]
    assert message.text == "2 of 2 actions have no recorded status"
    none = assess([ActionItem("A", "1", "t"), ActionItem("A", "2", "t")], date(2021, 3, 1))
    assert none.carries_no_plan and not some.carries_no_plan
    [message] = [m for m in key_messages(coverage, none) if m.kind == "no-status"]
    assert message.text == (
        "These recommendations carry no action plan: "
        "none of the 2 actions has a status or a due date recorded beside it (a date in a "
        "recommendation's wording is not tracked)"
    )
    assert not [m for m in key_messages(coverage, none) if m.kind == "overdue"]


def test_unmapped_items_outside_the_framework_are_no_prompt_to_review_it(norfolk) -> None:
    matcher = Matcher(norfolk)
    outside = rec("A", "The council should review taxi licensing checks with the MASH.")
    nowhere = rec("B", "The council should repaint the town hall.")

    def unmapped_message(recs: list[Recommendation]) -> str:
        mapped = [Mapped(r, matcher.match(r.text)) for r in recs]
        (message,) = [m for m in key_messages(analyse(norfolk, mapped)) if m.kind == "unmapped"]
        return message.text

    assert unmapped_message([outside]) == (
        "1 item fits no standard: it names a subject the framework leaves out"
    )
    assert unmapped_message([outside, nowhere]) == (
        "2 items fit no standard (1 names a subject the framework leaves out): "
        "a prompt to review the framework"
    )


def test_an_uncovered_quadrant_is_the_first_gap(norfolk) -> None:
    matcher = Matcher(norfolk)
    mapped = [Mapped(r, matcher.match(r.text)) for r in [rec("A", "Share information.")]]
    coverage = analyse(norfolk, mapped)
    missing = [r for r in coverage.quadrants if r.gap]
    assert missing  # one item cannot reach every quadrant
    first = key_messages(coverage)[0]
    assert first.kind == "gaps"
    assert first.text.startswith("No recommendation addresses quadrant")
    assert all(f"{r.id} ({r.title})" in first.text for r in missing)


def test_the_action_plan_example_names_its_missing_quadrant(norfolk) -> None:
    loaded = load_arguments([str(ROOT / "examples" / "action-plan.csv")], lambda: "")
    matcher = Matcher(norfolk)
    mapped = [Mapped(r, matcher.match(r.text)) for r in loaded.recommendations]
    assert key_messages(analyse(norfolk, mapped))[0].text == (
        "No recommendation addresses quadrant Q3 (Collaborative working, decision making "
        "and planning)"
    )


def test_quadrants_that_tie_for_the_most_items_are_named_together(norfolk) -> None:
    """The action plan example has two items in each of Q1 and Q2 (of three): naming Q1
    alone as holding the most would tell the Board something that is not so."""
    loaded = load_arguments([str(ROOT / "examples" / "action-plan.csv")], lambda: "")
    matcher = Matcher(norfolk)
    coverage = analyse(norfolk, [Mapped(r, matcher.match(r.text)) for r in loaded.recommendations])
    counts = {r.id: r.recommendations for r in coverage.quadrants}
    assert counts["Q1"] == counts["Q2"] == max(counts.values()) == 2
    [message] = [m for m in key_messages(coverage) if m.kind == "quadrant"]
    assert message.text == (
        "Professional curiosity (Q1) and Information sharing and fora for discussion (Q2) "
        "hold the most items: 2 each of 3"
    )


def test_rag_letters_are_ratings_in_the_key_messages(norfolk, library) -> None:
    """A plan rated G, A and R is a plan rated on track, partly met and not met: nothing
    about statuses scrmap does not recognise."""
    coverage = analyse(norfolk, library)
    rated = assess(
        [ActionItem("A", str(n), "t", None, "2030-01-01", word) for n, word in enumerate("GAR")],
        date(2021, 3, 1),
    )
    assert [r.state.value for r in rated.items] == ["on-track", "partly-met", "not-met"]
    assert not [m for m in key_messages(coverage, rated) if m.kind == "no-status"]


def test_statuses_not_recognised_are_said(norfolk, library) -> None:
    """A plan rated in words scrmap does not know (G, A and R were, before their letters
    were read as RAG) read "No action is overdue; 0 of 3 complete" at the top of the Board
    paper, or named only what was overdue."""
    coverage = analyse(norfolk, library)
    unknown = ("Tbc", "With the group", "See notes")
    rated = assess(
        [ActionItem("A", str(n), "t", None, "2030-01-01", word) for n, word in enumerate(unknown)],
        date(2021, 3, 1),
    )
    [message] = [m for m in key_messages(coverage, rated) if m.kind == "no-status"]
    assert message.text == "3 of 3 actions have a status scrmap does not recognise"
    late = assess(
        [
            ActionItem("A", "1", "t", None, "2020-01-01", "Tbc"),
            ActionItem("A", "2", "t", None, "2030-01-01", "done"),
            ActionItem("A", "3", "t", None, None, None),
        ],
        date(2021, 3, 1),
    )
    [message] = [m for m in key_messages(coverage, late) if m.kind == "overdue"]
    assert message.text == (
        "1 of 3 actions is overdue at 1 March 2021; 1 of 3 has no recorded status; "
        "1 of 3 has a status scrmap does not recognise"
    )


def _scored(case: str, *scores: int) -> Mapped:
    """A recommendation whose standards scored ``scores``, best first (none: unmapped)."""
    standards = tuple(Match(f"{i}.1", s, ()) for i, s in enumerate(scores, start=1))
    return Mapped(rec(case, f"Item of {case}."), Result(standards, (), (), threshold=50))


def test_weak_matches_are_named_for_the_board_to_check_before_counting(norfolk) -> None:
    """A mapping whose best standard scores under WEAK_MATCH is right less than half the
    time on published text: the Board is told how many to check (each output lists which)."""
    mapped = [_scored("A", 69, 55), _scored("B", WEAK_MATCH, 52), _scored("C", 64), _scored("D")]
    coverage = analyse(norfolk, mapped)
    assert [m.case for m in coverage.weak] == ["A", "C"]
    assert [(m.kind, m.text) for m in key_messages(coverage) if m.kind == "weak"] == [
        (
            "weak",
            "2 of 3 mapped items rest on a weak match (best standard under 70): check them "
            "before counting",
        ),
    ]
    one = key_messages(analyse(norfolk, [_scored("A", 51), _scored("B", 90)]))
    assert (
        "1 of 2 mapped items rests on a weak match (best standard under 70): check it "
        "before counting" in [m.text for m in one]
    )
    assert not [m for m in key_messages(analyse(norfolk, [_scored("B", 70)])) if m.kind == "weak"]


def test_the_weak_message_comes_after_the_repeats_and_before_the_unmapped(
    norfolk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Board paper's purpose comes first (gaps, the action plan, what recurs and repeats);
    the weak matches after, where five messages may leave them out: the report's "At a
    glance" names them whatever the key messages hold."""
    mapped = [
        Mapped(rec("A", "Fathers should be engaged in every assessment."), _scored("A", 90).result),
        Mapped(rec("B", "Fathers should be engaged in each assessment."), _scored("B", 90).result),
        _scored("C", 60),
        _scored("D"),
    ]
    monkeypatch.setattr(summary, "MAX_MESSAGES", 20)  # every message, in its order
    kinds = [m.kind for m in key_messages(analyse(norfolk, mapped))]
    assert kinds.index("repeats") < kinds.index("weak") < kinds.index("unmapped")
