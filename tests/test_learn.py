"""Learned weights: fitting, the file beside the framework, and how the matcher uses them."""

from dataclasses import replace
from pathlib import Path

import pytest

from scrmap import framework as fw
from scrmap import learn, learned, pipeline
from scrmap.errors import FrameworkError
from scrmap.evaluate import GoldItem, evaluate, load_gold
from scrmap.matcher import Matcher

from .conftest import ROOT

ADULT = ROOT / "examples" / "adult-sar-framework.yaml"
ADULT_GOLD = ROOT / "tests" / "data" / "adult-sar-gold.yaml"
NORFOLK_GOLD = ROOT / "tests" / "gold" / "dev.yaml"


@pytest.fixture(scope="module")
def adult() -> fw.Framework:
    return fw.load(ADULT)


@pytest.fixture(scope="module")
def weights(adult: fw.Framework) -> learned.Learned:
    """The adult framework's weights, fitted on its small gold file."""
    return learn.fit(adult, load_gold(ADULT_GOLD, adult).items)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The adult framework copied, for a test to put weights beside."""
    written = tmp_path / "adult.yaml"
    written.write_text(ADULT.read_text(encoding="utf-8"), encoding="utf-8")
    return written


def test_fit_covers_the_labelled_standards_and_a_fit_model(adult: fw.Framework) -> None:
    items = load_gold(ADULT_GOLD, adult).items
    weights = learn.fit(adult, items, learned_from=["small"])
    assert set(weights.standards) == {"P1", "P2", "W1", "W2", "G1"}
    assert weights.mapped is not None
    assert weights.items == len(items) and weights.learned_from == ("small",)
    assert not weights.themes  # themes keep their cues: see README, "Accuracy"


def test_learned_file_round_trips_and_is_found_beside_the_framework(
    weights: learned.Learned, copy: Path
) -> None:
    learned.sidecar(copy).write_text(learn.dump(weights), encoding="utf-8")
    loaded = fw.load(copy)
    assert loaded.learned == weights
    assert fw.without_learned(loaded).learned is None


def test_the_weights_record_what_each_score_was_made_of(
    adult: fw.Framework, weights: learned.Learned
) -> None:
    """A cue's weight or adjacency, an exclusion, a quadrant or the outside phrases change
    what the weights were fitted on; a title, a description and the cues' order do not."""
    fitted = replace(adult, learned=weights)
    assert weights.framework == learned.learned_for(adult) and learned.changes(fitted) == []
    w1 = adult.standards[2]
    edits = {
        "weight": replace(w1, cues=(replace(w1.cues[0], weight=0.5), *w1.cues[1:])),
        "adjacent": replace(w1, cues=(replace(w1.cues[0], adjacent=True), *w1.cues[1:])),
        "exclude": replace(w1, exclude=("partner agency",)),
        "quadrant": replace(w1, quadrant="GOV"),
    }
    for edited in edits.values():
        standards = tuple(edited if s is w1 else s for s in adult.standards)
        found = learned.changes(replace(fitted, standards=standards))
        assert found == [learned.Change(kind="standards", id="W1", how="changed")]
    same = replace(w1, title="Renamed", description="New words", cues=w1.cues[::-1])
    standards = tuple(same if s is w1 else s for s in adult.standards)
    assert learned.changes(replace(fitted, standards=standards)) == []
    outside = learned.changes(replace(fitted, outside=("taxi",)))
    assert [c.words() for c in outside] == ["the outside phrases or addressees changed"]
    addressed = learned.changes(replace(fitted, outside_addressees=("home office",)))
    assert [c.words() for c in addressed] == ["the outside phrases or addressees changed"]


def test_a_standards_themes_are_in_its_digest_and_none_keeps_an_earlier_scrmaps(
    adult: fw.Framework,
) -> None:
    """``about_themes`` changes what the cue scores learned from are; a standard without
    them keeps the digest weights learned before the key existed recorded."""
    first = adult.standards[0]
    before = learned.learned_for(adult).standards[first.id]
    assert before == learned._item_digest(replace(first, about_themes=()))
    about = replace(first, about_themes=(adult.themes[0].id,))
    assert learned._item_digest(about) != before


def test_a_themes_exclusion_a_standard_shares_changes_that_standard_too(
    adult: fw.Framework, weights: learned.Learned
) -> None:
    """A theme's exclusion that holds the words of a cue a standard shares with it excludes
    for the standard too (`scrmap.exclusions`), so it makes the standard's weights stale
    as it does the theme's; one about another of the theme's words leaves the standard be."""
    w1, theme = adult.standards[2], adult.themes[0]
    shares = replace(theme, cues=(*theme.cues, w1.cues[0]))  # "information sharing"
    base = replace(adult, themes=(shares, *adult.themes[1:]))
    fitted = replace(base, learned=replace(weights, framework=learned.learned_for(base)))
    assert learned.changes(fitted) == []

    def excluding(phrase: str) -> list[learned.Change]:
        edited = replace(shares, exclude=(phrase,))
        return learned.changes(replace(fitted, themes=(edited, *adult.themes[1:])))

    theme_changed = learned.Change(kind="themes", id=theme.id, how="changed")
    assert excluding("information sharing agreement") == [
        learned.Change(kind="standards", id=w1.id, how="changed"),
        theme_changed,
    ]
    assert excluding("hoarding disorder") == [theme_changed]


def test_weights_recorded_before_shared_exclusions_were_stay_as_learned(
    adult: fw.Framework, weights: learned.Learned
) -> None:
    """A digest recorded by a scrmap that left the shared exclusions out holds while no
    theme has changed (what a standard shares cannot have either); once a theme has, the
    standards sharing its exclusions are named too."""
    w1, theme = adult.standards[2], adult.themes[0]
    shares = replace(theme, cues=(*theme.cues, w1.cues[0]), exclude=("information sharing hub",))
    base = replace(adult, themes=(shares, *adult.themes[1:]))
    recorded = learned.learned_for(base)
    own = {s.id: learned._item_digest(s) for s in base.standards}
    assert own[w1.id] != recorded.standards[w1.id]  # W1 shares "information sharing hub"
    before = replace(weights, framework=replace(recorded, standards=own))
    assert learned.changes(replace(base, learned=before)) == []
    edited = replace(shares, exclude=("information sharing agreement",))
    found = learned.changes(replace(base, themes=(edited, *adult.themes[1:]), learned=before))
    assert found == [
        learned.Change(kind="standards", id=w1.id, how="changed"),
        learned.Change(kind="themes", id=theme.id, how="changed"),
    ]


def test_without_addressees_the_outside_digest_is_an_earlier_scrmaps(
    adult: fw.Framework,
) -> None:
    """Weights learned before addressees existed are not told changed by their coming."""
    digest = learned.learned_for(replace(adult, outside=("taxi", "licensing"))).outside
    assert digest == learned._digest(["licensing", "taxi"])


def test_weights_that_recorded_no_framework_still_load_and_tell_nothing(
    weights: learned.Learned, copy: Path
) -> None:
    """Weights learned by a scrmap before the record: they map as they did."""
    dumped = learn.dump(weights)
    learned.sidecar(copy).write_text(dumped[: dumped.index("\nframework:\n") + 1], encoding="utf-8")
    loaded = fw.load(copy)
    assert loaded.learned is not None and loaded.learned.framework is None
    assert learned.changes(replace(loaded, standards=loaded.standards[1:])) == []


def test_learned_file_naming_an_unknown_id_is_an_error(copy: Path) -> None:
    learned.sidecar(copy).write_text("standards:\n  '9.9': {bias: 0}\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as raised:
        fw.load(copy)
    assert "unknown standard '9.9'" in str(raised.value.problems[0])


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf", "1.0e+400", "1e400"])
def test_a_learned_weight_that_is_no_finite_number_is_an_error_at_its_place(
    copy: Path, written: str
) -> None:
    """A NaN or infinite weight (`.nan`, or a number too large for a float) stopped every
    command with an internal error, exit 3; it is the file's problem, at its place."""
    learned.sidecar(copy).write_text(f"standards:\n  P1: {{bias: {written}}}\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as raised:
        fw.load(copy)
    assert [str(p) for p in raised.value.problems] == [
        f"{learned.sidecar(copy)}:2:14: standards.P1.bias: must be a finite number"
    ]


def test_learned_evidence_is_words_with_weights(
    adult: fw.Framework, weights: learned.Learned
) -> None:
    text = "Practitioners should record the views of the adult and their desired outcomes."
    result = Matcher(learn.with_learned(adult, weights)).match(text)
    (top, *_) = result.assigned("standards")
    assert top.id == "P1"
    cues = [e.cue for e in top.evidence]
    assert "desired outcomes" in cues  # the framework's own cue, as before
    assert any(c.startswith("record (learned +") for c in cues)  # a learned word, weighed
    for e in top.evidence:  # every piece of evidence quotes the words that produced it
        assert text[e.start : e.end] == e.matched


def test_the_fit_model_leaves_off_framework_text_unmapped(
    adult: fw.Framework, weights: learned.Learned
) -> None:
    result = Matcher(learn.with_learned(adult, weights)).match(
        "The council should resurface the car park."
    )
    assert result.fits is not None and result.fits < 50
    assert not result.mapped


def test_cross_validation_keeps_each_review_in_one_fold(adult: fw.Framework) -> None:
    items = load_gold(ADULT_GOLD, adult).items
    groups = [learn.review_of(i) for i in items]
    assert groups[0] == groups[1] == "written"  # "written, review A" up to the comma
    pooled = learn.cross_validate(adult, items, [i.source or "" for i in items], folds=5)
    assert pooled.items == len(items)
    assert pooled.with_standard == 8 and pooled.off_framework == 2


def test_bundled_framework_ships_learned_weights(norfolk: fw.Framework) -> None:
    assert norfolk.learned is not None and norfolk.learned.mapped is not None
    assert len(norfolk.learned.standards) == len(norfolk.standards)
    bundled = fw.load(fw.bundled_path())
    assert bundled.learned == norfolk.learned


def test_learned_weights_do_not_lower_the_self_written_figures(norfolk: fw.Framework) -> None:
    gold = load_gold(NORFOLK_GOLD, norfolk)
    with_weights = evaluate(gold, Matcher(norfolk))
    cues_only = evaluate(gold, Matcher(fw.without_learned(norfolk)))
    assert with_weights.top_standard_accuracy >= cues_only.top_standard_accuracy


def test_the_fit_model_reads_who_is_addressed_and_the_standards_do_not(
    adult: fw.Framework,
) -> None:
    """Who acts says nothing about which standard a text serves, but a government or a
    country's law is asked for other things than practitioners are: the model of fit
    reads the actor's words, the standards' models never do."""
    matcher = Matcher(fw.without_learned(adult))
    text = "The Government should record the views of the adult."
    assert ("govern",) not in matcher.terms(text)
    assert ("govern",) in matcher.fit_terms(text)
    assert ("record",) in matcher.terms(text) and ("record",) in matcher.fit_terms(text)


def test_an_actor_word_learned_against_fitting_lowers_the_fit(adult: fw.Framework) -> None:
    base = fw.without_learned(adult)
    weights = learn.fit(base, load_gold(ADULT_GOLD, adult).items)
    assert weights.mapped is not None
    mapped = replace(weights.mapped, words={"government": -3.0})
    matcher = Matcher(learn.with_learned(base, replace(weights, mapped=mapped)))
    action = "should record the views of the adult and their desired outcomes."
    local = matcher.match(f"Practitioners {action}")
    national = matcher.match(f"The Government {action}")
    assert local.fits is not None and national.fits is not None
    assert national.fits < local.fits
    # The standards' own scores are the same: the actor only speaks to the fit.
    assert [(m.id, m.score) for m in national.standards] == [
        (m.id, m.score) for m in local.standards
    ]


def test_the_model_of_fit_learns_actor_words(norfolk: fw.Framework) -> None:
    """Fitted on published recommendations, words of who acts carry weight in the model
    of fit (and only there): the bundled weights weigh "professionals" for, "government"
    against."""
    assert norfolk.learned is not None and norfolk.learned.mapped is not None
    fit_words = norfolk.learned.mapped.words
    assert fit_words.get("professionals", 0) > 0
    assert fit_words.get("government", 0) < 0
    for model in norfolk.learned.standards.values():
        assert "government" not in model.words and "professionals" not in model.words


@pytest.mark.parametrize(
    ("source", "review"),
    [
        ("seed 003, finding 1", "seed 003"),
        ("written, review A", "written"),
        ("data/recommendations/case-l.yaml:11", "data/recommendations/case-l.yaml"),
        ("reviews/case a, b.md:3", "reviews/case a, b.md"),
        ("<stdin>:2", "<stdin>"),
        ("<argument>", "<argument>"),
        ("C:\\reviews\\case-l.yaml:11", "C:\\reviews\\case-l.yaml"),
        ("review 2021: part two", "review 2021: part two"),
        (None, "X-1"),
    ],
)
def test_review_of_a_hand_written_source_and_a_map_gold_one(
    source: str | None, review: str
) -> None:
    item = GoldItem(id="X-1", text="Engage fathers.", source=source)
    assert learn.review_of(item) == review


def test_learning_from_a_map_gold_file_counts_its_files_as_reviews(
    norfolk: fw.Framework, tmp_path: Path
) -> None:
    lines = ["name: mapped", "items:"]
    for case in ("a", "b", "c"):
        for k in range(4):
            lines += [
                f"  - id: {case}-{k}",
                f"    source: recs/{case}.yaml:{k + 3}",
                "    text: Health visitors should record the details of fathers.",
                '    standards: ["1.3"]',
            ]
    gold = tmp_path / "labelled.yaml"
    gold.write_text("\n".join(lines) + "\n")
    assert pipeline.learn([gold], norfolk, 0).reviews == 3


def test_the_bundled_weights_are_what_the_readmes_command_learns(
    norfolk: fw.Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`scrmap framework learn ../shared/corpus/train.yaml tests/gold/dev.yaml` (README,
    "Accuracy") gives the bundled file byte for byte. A change to how text is read moves
    the learned words a little; weights learned by older code would then map otherwise than
    the command says, and every figure measured on them would be of weights nobody can make."""
    train = ROOT.parent / "shared" / "corpus" / "train.yaml"
    if not train.is_file():
        pytest.skip("../shared is not beside this checkout")
    monkeypatch.chdir(ROOT)
    golds = [Path("../shared/corpus/train.yaml"), Path("tests/gold/dev.yaml")]
    fitted = pipeline.learn(golds, norfolk, folds=0).learned
    assert learn.dump(fitted) == (ROOT / "framework.learned.yaml").read_text(encoding="utf-8")


def test_a_word_in_an_items_exclusion_is_no_feature_of_that_item(norfolk: fw.Framework) -> None:
    """`learn` leaves a word out of an item's features where it stands in one of that
    item's exclusions, as mapping does: *supervised* in "supervised contact" says nothing
    of staff supervision (4.3), and still counts for the other standards."""
    base = fw.without_learned(norfolk)
    text = "Supervised contact arrangements should be reviewed before each hearing."
    (example,) = learn._examples(Matcher(base), [GoldItem(id="x", text=text, standards=["1.3"])])
    key = ("standards", "4.3")
    index = {t: k for k, t in enumerate(example.terms)}
    kept = {
        t for t, k in index.items() if k in {f for f, _ in learn._unmasked(example, key, index)}
    }
    assert ("supervis",) in example.terms and ("supervis",) not in kept
    assert ("review",) in kept
    assert ("standards", "1.3") not in example.masked
