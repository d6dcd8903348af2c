import pytest

from scrmap import framework as fw
from scrmap.matcher import Matcher, Result


@pytest.fixture(scope="module")
def matcher(norfolk: fw.Framework) -> Matcher:
    return Matcher(norfolk)


def ids(result: Result, kind: str) -> list[str]:
    return [m.id for m in result.assigned(kind)]


def test_specific_cue_assigns_theme_standard_and_quadrant(matcher: Matcher) -> None:
    result = matcher.match("Agencies should ensure fathers are engaged in assessments.")
    assert ids(result, "themes") == ["engaging-fathers"]
    assert ids(result, "standards")[0] == "1.3"
    assert ids(result, "quadrants")[0] == "Q1"


def test_evidence_names_cue_and_exact_span(matcher: Matcher) -> None:
    text = "Professionals should offer to speak to women alone where domestic abuse is suspected."
    result = matcher.match(text)
    theme = result.assigned("themes")[0]
    assert theme.id == "domestic-abuse"
    cues = {e.cue for e in theme.evidence}
    assert cues == {"speak to women alone", "domestic abuse"}
    for e in theme.evidence:
        assert text[e.start : e.end] == e.matched


@pytest.mark.parametrize(
    "text",
    [
        "There was no evidence of domestic abuse in this family.",
        "Domestic abuse was ruled out by the police.",
        "No domestic abuse was reported.",
    ],
)
def test_negation_does_not_trigger(matcher: Matcher, text: str) -> None:
    assert "domestic-abuse" not in ids(matcher.match(text), "themes")


def test_double_negative_still_triggers(matcher: Matcher) -> None:
    result = matcher.match("Practitioners must not overlook domestic abuse.")
    assert "domestic-abuse" in ids(result, "themes")


def test_negation_is_clause_scoped(matcher: Matcher) -> None:
    result = matcher.match("There was no evidence of domestic abuse, but neglect was evident.")
    assert ids(result, "themes") == ["neglect"]


def test_exclusion_cue_cancels_overlapping_match(matcher: Matcher) -> None:
    result = matcher.match("Partner agencies should meet quarterly.")
    assert "engaging-fathers" not in ids(result, "themes")
    assert (
        matcher.match("The mother's new partner should be assessed.").assigned("themes")[0].id
        == "engaging-fathers"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The DVD and the DAB radio were replaced.",  # DV, DA only as whole words
        "The grandfather clock in the reception area should be repaired.",
        "Staff should update the database of suppliers.",
        "dv should not match in lower case",
    ],
)
def test_no_match_inside_words_or_on_lowercase_acronyms(matcher: Matcher, text: str) -> None:
    assert ids(matcher.match(text), "themes") == []


def test_typos_are_tolerated_and_lower_quality(matcher: Matcher) -> None:
    result = matcher.match("Concerns about negelct and domestc abuse were not shared.")
    themes = {m.id: m for m in result.assigned("themes")}
    assert {"neglect", "domestic-abuse"} <= set(themes)
    typo = themes["neglect"].evidence[0]
    assert typo.matched == "negelct"
    assert typo.quality < 1.0


def test_real_words_are_not_taken_for_typos(matcher: Matcher) -> None:
    result = matcher.match("The draft content was agreed.")
    assert result.standards == () and result.themes == ()


def test_us_spelling_and_hyphens(matcher: Matcher) -> None:
    result = matcher.match("Practice should be child-centered and focused on the child.")
    assert ids(result, "standards")[0] == "1.1"


def test_phrase_with_a_word_between_matches_in_order_only(matcher: Matcher) -> None:
    shared = matcher.match("Information should be promptly shared between agencies.")
    assert "information-sharing" in ids(shared, "themes")
    reversed_words = matcher.match("Child-parent relationships were poor.")
    assert "child-engagement" not in ids(reversed_words, "themes")


@pytest.mark.parametrize(
    "text",
    [
        "The Board should ensure that all agencies should consider this.",
        "The council should replace the heating system in the civic offices.",
        "",
        "   ",
    ],
)
def test_boilerplate_and_off_framework_text_is_unmapped(matcher: Matcher, text: str) -> None:
    result = matcher.match(text)
    assert not result.mapped
    assert result.assigned("themes") == ()


def test_scores_in_range_and_deterministic(matcher: Matcher) -> None:
    text = "Health visitors should complete a DASH risk assessment and refer to MARAC."
    first, second = matcher.match(text), matcher.match(text)
    assert first == second
    for kind in ("standards", "themes", "quadrants"):
        assert all(0 < m.score <= 100 for m in getattr(first, kind))


def test_threshold_controls_assignment(norfolk: fw.Framework) -> None:
    text = "Training should be provided."
    assert not Matcher(norfolk, 50).match(text).mapped
    low = Matcher(norfolk, 40).match(text)
    assert ids(low, "standards") == ["6.2"]
    assert Matcher(norfolk, 50).match(text).near_misses("standards")[0].id == "6.2"


def test_quadrant_score_is_its_best_standard_or_theme(matcher: Matcher) -> None:
    result = matcher.match("Reflective supervision should be provided monthly to all staff.")
    q4 = next(m for m in result.quadrants if m.id == "Q4")
    best = max(m.score for m in result.standards + result.themes if m.id in {"4.3", "supervision"})
    assert q4.score == best
    assert {e.via for e in q4.evidence} == {"4.3", "supervision"}


def test_other_framework_works_without_code_change() -> None:
    from .conftest import ROOT

    example = fw.load(ROOT / "examples" / "adult-sar-framework.yaml")
    result = Matcher(example).match(
        "Staff should assess mental capacity and respect hoarding risks."
    )
    assert ids(result, "standards") == ["P2"]
    assert ids(result, "themes") == ["self-neglect"]
    assert ids(result, "quadrants") == ["MSP"]
