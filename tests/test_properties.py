"""Property tests: arbitrary text never breaks the loaders or the matcher.

Hypothesis generates Unicode text (control characters, combining marks, emoji,
right-to-left scripts, lone surrogates excluded as no file can hold them) and
checks what must hold for any input: no exception, scores within 0 to 100,
evidence that points at the text, the same answer twice, and the same answer
whatever order recommendations come in.
"""

from __future__ import annotations

import bisect
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrmap import framework as fw
from scrmap import matcher as matcher_module
from scrmap.limits import Limits
from scrmap.matcher import Matcher
from scrmap.sources import csv_file, decode
from scrmap.sources._base import Found, SourceFile
from scrmap.sources.text_file import load_text
from scrmap.sources.yaml_file import load_yaml

from .conftest import ROOT

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
# Text with framework words in it, so that matches (and their evidence) are exercised too.
WORDS = st.sampled_from(
    [
        "domestic",
        "abuse",
        "fathers",
        "share",
        "information",
        "neglect",
        "escalate",
        "early",
        "help",
        "MASH",
        "child's",
        "voice",
        "not",
        "no",
        "ruled",
        "out",
        ",",
        ".",
        "supervision",
        "curiosity",
        "professional",
        "partner",
        "agencies",
        "\u2019s",
        "\n",
        # As text copied from a PDF has them: a broken word, a compound, a ligature, a
        # soft hyphen at a line end (the matcher's reading and ``_split``).
        "infor-\nmation",
        "multi-agency",
        "con\ufb01dence",
        "safe\u00ad\nguarding",
    ]
)
PHRASES = st.lists(st.one_of(WORDS, TEXT.map(lambda t: t[:12])), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(TEXT, PHRASES)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(fw.load(ROOT / "framework.yaml"))


def load_csv(text: str, name: str, case: str) -> Found:
    """A CSV file of ``text``, loaded, its rows read back (a CSV file is read when asked)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        recs, problems = csv_file.load(SourceFile(path, name, Limits(), case, ""))
        return list(recs), problems


def _loaded(recs, problems) -> None:
    assert isinstance(recs, list) and isinstance(problems, list)
    for problem in problems:
        assert "\n" not in str(problem)  # one line each
    for rec in recs:
        assert rec.text.strip()


@PROPERTY
@given(ANY_TEXT)
def test_loaders_never_raise(text: str) -> None:
    _loaded(*load_yaml(text, "f.yaml"))
    _loaded(*load_text(text, "f.md", "case"))
    _loaded(*load_csv(text, "f.csv", "case"))
    _loaded(*load_csv("id,text\n1," + text, "f.csv", "case"))
    _loaded(*load_yaml("case: x\nrecommendations:\n  - id: a\n    text: " + text, "f.yaml"))


@PROPERTY
@given(st.binary(max_size=300))
def test_any_bytes_decode(data: bytes) -> None:
    text, warnings = decode(data, "f")
    assert isinstance(text, str) and len(warnings) <= 1


@PROPERTY
@given(ANY_TEXT)
def test_matcher_scores_are_bounded_with_true_evidence(matcher: Matcher, text: str) -> None:
    result = matcher.match(text)
    for kind in ("standards", "themes", "quadrants"):
        for match in getattr(result, kind):
            assert 0 <= match.score <= 100
            assert match.evidence
            for e in match.evidence:
                assert 0 <= e.start < e.end <= len(text)
                assert text[e.start : e.end] == e.matched
    assert matcher.match(text) == result  # deterministic, cache or no cache
    assert Matcher(matcher.framework).match(text) == result  # and from a fresh matcher


@PROPERTY
@given(st.lists(ANY_TEXT, min_size=2, max_size=6), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_order(matcher: Matcher, texts: list[str], rnd) -> None:
    fresh = Matcher(matcher.framework)
    forward = {i: fresh.match(t) for i, t in enumerate(texts)}
    order = list(range(len(texts)))
    rnd.shuffle(order)
    other = Matcher(matcher.framework)
    shuffled = {i: other.match(texts[i]) for i in order}
    assert forward == shuffled


NEGATING = st.lists(
    st.one_of(
        WORDS,
        st.sampled_from(
            [
                "no evidence of",
                "did not involve",
                "was not a factor",
                "were excluded",
                "known",
                "noted",
                "wasnot a feature",
                "absence of",
                "free from",
                "but",
                "however",
                ";",
                "-",
            ]
        ),
        TEXT.map(lambda t: t[:8]),
    ),
    max_size=60,
).map(" ".join)


@PROPERTY
@given(st.one_of(NEGATING, TEXT))
def test_negations_are_every_words_negation(matcher: Matcher, text: str) -> None:
    """``negations`` checks only the words a negation can reach, once per text: it finds
    what ``negated_before`` and ``negated_after`` say of every word."""
    source = matcher_module._read(text)[0]
    scanned = matcher._scan(source, matcher._split(source))
    starts = [scanned.start(k) for k in range(len(scanned.content))]
    ends = [scanned.end(k) for k in range(len(scanned.content))]
    before, after = scanned.negations()
    assert before == {s for s in starts if scanned.negated_before(s)}
    assert after == {e for e in ends if scanned.negated_after(e)}


@PROPERTY
@given(st.one_of(NEGATING, TEXT))
def test_a_negation_before_is_tried_where_one_can_start(matcher: Matcher, text: str) -> None:
    """``negated_before`` tries ``_NEGATION_BEFORE`` only where a negation can start, and
    says what one search over the clause's last ``_NEGATION_REACH`` characters says."""
    source = matcher_module._read(text)[0]
    scanned = matcher._scan(source, matcher._split(source))
    break_ends = scanned._clause_breaks()[1]
    for k in range(len(scanned.content)):
        start = scanned.start(k)
        before = bisect.bisect_right(break_ends, start)
        low = max(break_ends[before - 1] if before else 0, start - matcher_module._NEGATION_REACH)
        searched = matcher_module._NEGATION_BEFORE.search(source, low, start)
        assert scanned.negated_before(start) == bool(searched)


# Recommendations in pieces: who acts, negations, typing mistakes and learned words.
RECOMMENDING = st.lists(
    st.one_of(
        NEGATING,
        st.sampled_from(
            [
                "Health visitors should",
                "The GP and school nurses must",
                "Recommendation 3:",
                "training for all health visitors",
                "informaton sharing",
                "supervison",
                "domestc abuse",
                "safety planning",
                "think family",
                "taxi licensing",
                "should be reviewed",
            ]
        ),
    ),
    max_size=8,
).map(" ".join)


@PROPERTY
@given(st.lists(RECOMMENDING, min_size=1, max_size=5))
def test_without_near_misses_the_records_are_the_same(matcher: Matcher, texts: list[str]) -> None:
    """``match_many(..., near_misses=False)``, which leaves out the learned near misses and
    skips the scores no output reads, gives the record ``match`` gives (with the fit, when
    standards are withheld), and the same assigned matches, at any threshold."""
    from scrmap import records
    from scrmap.recommendation import Recommendation, Source

    assert matcher.framework.learned is not None
    for threshold in (50, 90):
        reference = Matcher(matcher.framework, threshold)
        quick = Matcher(matcher.framework, threshold).match_many(texts, near_misses=False)
        for text, got in zip(texts, quick, strict=True):
            full = reference.match(text)
            rec = Recommendation("R1", text, Source("x.csv", 2))
            assert records.recommendation_record(rec, got) == records.recommendation_record(
                rec, full
            )
            for kind in ("standards", "themes", "quadrants"):
                assert got.assigned(kind) == full.assigned(kind)


@PROPERTY
@given(st.one_of(RECOMMENDING, TEXT))
def test_the_learned_terms_are_the_texts_terms(matcher: Matcher, text: str) -> None:
    """``_learned_in`` (what mapping reads) finds the learned terms among ``_text_terms``,
    each once and in order, and the model of fit's among the terms with who acts kept."""
    source = matcher_module._read(text)[0]
    scanned = matcher._scan(source, matcher._split(source))
    actors = matcher_module.actor_spans(source) + matcher_module.role_spans(source)
    terms, fit_weights = matcher._learned_in(scanned, actors, with_fit=True)
    learned, gate = matcher._terms, matcher._gate_terms
    action = matcher_module._text_terms(scanned, actors)
    every = matcher_module._text_terms(scanned, [])
    assert terms == [(learned[t], a, b) for t, (a, b) in action.items() if t in learned]
    assert fit_weights == [gate[t] for t in every if t in gate]
