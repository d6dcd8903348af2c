"""Fit learned weights from labelled recommendations, and measure them honestly.

The framework's cues say what its authors expected reviews to write; a Board's
labelled recommendations say what reviews do write. For each standard (and, when
asked, each theme) this fits an L2-regularised logistic regression on:

- the framework's own cue score for that item (so the cues stay the backbone, and a
  framework with good cues needs few learned words), and each of its cues that matched;
- the words and adjacent word pairs of the action (``Matcher.terms``: not who acts, not
  a negated clause), leaving out words every recommendation uses.

A further model learns whether a text fits the framework at all, from all the cue
evidence and the same words with who acts kept (``Matcher.fit_terms``): off-framework text
is as much a Board's decision as any, and who a recommendation is addressed to (a
government, a country's law; or professionals and staff) is part of what says so.
Themes are not learned by default: cross-validation showed no gain over their cues.

Pure Python: a gold file has hundreds of items, not millions, and a fit takes seconds.
Weights that end up negligible are dropped, so the stored file is short enough to read.
``cross_validate`` fits on some reviews and scores on the others, which is how the
regularisation is chosen and how a maintainer knows what to expect on unseen text.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import yaml

from scrmap.evaluate import Evaluation, GoldFile, GoldItem, Scores, evaluate
from scrmap.framework import Framework, without_learned
from scrmap.learned import Learned, LearnedItem, learned_for
from scrmap.matcher import Matcher, evidence_of_fit
from scrmap.plain_data import as_data
from scrmap.text import AGENT_WORDS, normalise

DEFAULT_REGULARISATION = 10.0
"""L2 strength on word weights; chosen by cross-validation (README, "Accuracy")."""
DEFAULT_BALANCE = 1.0
"""How far to even out rare and common labels (0 none, 1 fully); chosen the same way."""
MIN_ITEMS = 2
"""A word must occur in this many labelled items to get a weight: one item is an anecdote."""
_GENERIC_TEXT = """ensure make sure consider review develop improve provide need needs other all
any relevant appropriate effective effectively more better case cases include including take
place given use used work working so there than rather where when which who whom whose what how
such also both not no only very well same through after before during following within while
whether if then thus because since upon via per one two three clear clearly"""
_GENERIC = frozenset(normalise(w) for w in _GENERIC_TEXT.split())
"""Words every kind of recommendation uses ("ensure", "review", "cases") and function
words ("so", "where"): a weight for them would only echo which labels the labelled items
happened to favour."""
_UNINFORMATIVE = _GENERIC | frozenset(normalise(w) for w in AGENT_WORDS)
"""For the standards, who acts says nothing either: any agency may be asked to do anything.
The model of fit keeps those words (``Matcher.fit_terms``): a government, a council or a
country is asked for other things than professionals and staff are."""
EPOCHS = 300
SMALLEST_WEIGHT = 0.05
"""Weights smaller than this change no score visibly; they are left out of the file."""


@dataclass(frozen=True)
class _Example:
    terms: dict[tuple[str, ...], float]
    fit_terms: dict[tuple[str, ...], float]
    """The terms the model of fit reads: ``terms`` with who acts kept."""
    cues: dict[tuple[str, str], float]
    """The framework's cue score of each item, 0 to 1."""
    hits: dict[tuple[str, str], dict[str, float]]
    """Each item's cues that matched, with their quality."""
    labels: frozenset[tuple[str, str]]
    masked: dict[tuple[str, str], frozenset[tuple[str, ...]]]
    """The terms standing in an item's exclusions, by item: they count nothing for it."""


def _examples(matcher: Matcher, items: Sequence[GoldItem]) -> list[_Example]:
    out = []
    for item in items:
        result = matcher.match(item.text)
        cues = {("standards", m.id): m.score / 100 for m in result.standards}
        cues |= {("themes", m.id): m.score / 100 for m in result.themes}
        hits = {
            (kind, m.id): {e.cue: e.quality for e in m.evidence}
            for kind in ("standards", "themes")
            for m in getattr(result, kind)
        }
        labels = {("standards", s) for s in item.standards} | {("themes", t) for t in item.themes}
        terms = {t: factor for t, (_, _, factor) in matcher.terms(item.text).items()}
        fit_terms = {t: factor for t, (_, _, factor) in matcher.fit_terms(item.text).items()}
        masked = matcher.excluded_terms(item.text)
        out.append(_Example(terms, fit_terms, cues, hits, frozenset(labels), masked))
    return out


def _written_forms(matcher: Matcher, items: Sequence[GoldItem]) -> dict[tuple[str, ...], str]:
    """How each term is most often written, so the file shows words, not stems."""
    seen: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for item in items:
        for term, (start, end, _) in matcher.fit_terms(item.text).items():
            seen[term][item.text[start:end].lower()] += 1
    return {t: c.most_common(1)[0][0] for t, c in seen.items()}


def _logistic(
    rows: list[list[tuple[int, float]]],
    y: list[int],
    n_features: int,
    l2: float,
    balance: float,
) -> tuple[float, list[float]]:
    """Bias and weights of an L2-regularised logistic regression, by full-batch AdaGrad.

    Feature 0 is the cue score and is regularised lightly: it is one trusted signal,
    not one of many words. Each item labelled with the standard counts
    ``(negatives / positives) ** balance`` times: a standard that one item in twenty
    carries would otherwise never reach even odds.
    """
    w = [0.0] * n_features
    positives = sum(y)
    boost = ((len(y) - positives) / positives) ** balance
    bias = math.log((positives + 0.5) / (len(y) - positives + 0.5))
    g2 = [1e-8] * n_features
    g2_bias = 1e-8
    rate = 0.5
    penalty = [l2] * n_features
    penalty[0] = l2 * 0.05
    for _ in range(EPOCHS):
        grad = [0.0] * n_features
        grad_bias = 0.0
        for row, target in zip(rows, y, strict=True):
            z = bias
            for f, v in row:
                z += w[f] * v
            p = 1 / (1 + math.exp(-z)) if z > -30 else 0.0
            err = (p - 1) * boost if target else p
            grad_bias += err
            for f, v in row:
                grad[f] += err * v
        for f in range(n_features):
            g = grad[f] + penalty[f] * w[f]
            if g:
                g2[f] += g * g
                w[f] -= rate * g / math.sqrt(g2[f])
        g2_bias += grad_bias * grad_bias
        bias -= rate * grad_bias / math.sqrt(g2_bias)
    return bias, w


def fit(
    framework: Framework,
    items: Sequence[GoldItem],
    regularisation: float = DEFAULT_REGULARISATION,
    balance: float = DEFAULT_BALANCE,
    learned_from: Sequence[str] = (),
    gate: bool = True,
    kinds: Sequence[str] = ("standards",),
) -> Learned:
    """Learn weights for every standard and theme that has a labelled example in ``items``."""
    matcher = Matcher(without_learned(framework))
    examples = _examples(matcher, items)
    vocabulary, index = _vocabulary([e.terms for e in examples], _UNINFORMATIVE)
    written = _written_forms(matcher, items)
    word_rows = [[(index[t], v) for t, v in e.terms.items() if t in index] for e in examples]
    fits = [any(k == "standards" for k, _ in e.labels) for e in examples]
    mapped = None
    if gate and any(fits) and not all(fits):
        best = [
            evidence_of_fit([v for (k, _), v in e.cues.items() if k == "standards"])
            for e in examples
        ]
        fit_vocabulary, fit_index = _vocabulary([e.fit_terms for e in examples], _GENERIC)
        rows = [
            [(0, b), *((fit_index[t], v) for t, v in e.fit_terms.items() if t in fit_index)]
            for b, e in zip(best, examples, strict=True)
        ]
        bias, w = _logistic(
            rows, [int(f) for f in fits], len(fit_vocabulary) + 1, regularisation, balance
        )
        mapped = LearnedItem(
            bias=round(bias, 3),
            cues=round(w[0], 3),
            words=_kept({written[t]: w[fit_index[t]] for t in fit_vocabulary}),
        )
    models: dict[str, dict[str, LearnedItem]] = {"standards": {}, "themes": {}}
    for kind in kinds:
        # Standards are learned on the items that fit the framework when the gate exists.
        among = [k for k, f in enumerate(fits) if f or kind == "themes" or mapped is None]
        for item in getattr(framework, kind):
            key = (kind, item.id)
            y = [int(key in examples[k].labels) for k in among]
            if not any(y):
                continue
            cue_names = sorted({c for k in among for c in examples[k].hits.get(key, {})})
            cue_index = {c: len(vocabulary) + 1 + k for k, c in enumerate(cue_names)}
            rows = [
                [
                    (0, examples[k].cues.get(key, 0.0)),
                    *((cue_index[c], q) for c, q in examples[k].hits.get(key, {}).items()),
                    *(
                        _unmasked(examples[k], key, index)
                        if key in examples[k].masked
                        else word_rows[k]
                    ),
                ]
                for k in among
            ]
            n_features = len(vocabulary) + 1 + len(cue_names)
            bias, w = _logistic(rows, y, n_features, regularisation, balance)
            models[kind][item.id] = LearnedItem(
                bias=round(bias, 3),
                cues=round(w[0], 3),
                cue_weights=_kept({c: w[cue_index[c]] for c in cue_names}),
                words=_kept({written[t]: w[index[t]] for t in vocabulary}),
            )
    return Learned(
        learned_from=tuple(learned_from),
        items=len(items),
        regularisation=regularisation,
        balance=balance,
        mapped=mapped,
        standards=models["standards"],
        themes=models["themes"],
        framework=learned_for(framework),
    )


def _unmasked(
    example: _Example, key: tuple[str, str], index: dict[tuple[str, ...], int]
) -> list[tuple[int, float]]:
    """The example's word features for item ``key``, less those in its exclusions."""
    masked = example.masked[key]
    return [(index[t], v) for t, v in example.terms.items() if t in index and t not in masked]


def _vocabulary(
    terms: Sequence[dict[tuple[str, ...], float]], uninformative: frozenset[str]
) -> tuple[list[tuple[str, ...]], dict[tuple[str, ...], int]]:
    """The terms worth a weight (in ``MIN_ITEMS`` items or more, not all ``uninformative``
    words), sorted, and each one's feature number (from 1: feature 0 is the cue score)."""
    counts = Counter(t for item in terms for t in item)
    vocabulary = sorted(
        t for t, n in counts.items() if n >= MIN_ITEMS and not all(k in uninformative for k in t)
    )
    return vocabulary, {t: k + 1 for k, t in enumerate(vocabulary)}


def _kept(weights: dict[str, float]) -> dict[str, float]:
    """The weights worth storing, rounded, strongest first."""
    kept = {k: round(v, 3) for k, v in weights.items() if abs(v) >= SMALLEST_WEIGHT}
    return dict(sorted(kept.items(), key=lambda kv: (-kv[1], kv[0])))


def review_of(item: GoldItem) -> str:
    """The review an item comes from, for keeping a review's items in one fold: the file of
    a ``source`` written as ``path:line``, as `map -f gold` writes it
    ("recs/case-l.yaml:11" is "recs/case-l.yaml"); else the ``source`` up to its first comma,
    as hand-written ("seed 003, finding 1" is "seed 003"); else the item's id. Split at
    the commas, every ``path:line`` would be a review of its own, and the figures would
    come from items whose review the weights had seen."""
    source = (item.source or item.id).strip()
    path, colon, line = source.rpartition(":")
    if colon and path and line.isdigit():
        return path
    return source.split(",")[0].strip()


def with_learned(framework: Framework, learned: Learned) -> Framework:
    """The framework carrying ``learned`` in place of whatever it had."""
    return replace(framework, learned=learned)


def cross_validate(
    framework: Framework,
    items: Sequence[GoldItem],
    groups: Sequence[str],
    folds: int = 5,
    regularisation: float = DEFAULT_REGULARISATION,
    balance: float = DEFAULT_BALANCE,
    threshold: int | None = None,
    gate: bool = True,
    kinds: Sequence[str] = ("standards",),
) -> Evaluation:
    """Fit on all but one fold of reviews, map the fold left out, and pool the figures.

    ``groups`` names each item's review (its ``source``): a review's recommendations
    share words, so they stay together, and every figure is for reviews the weights
    never saw. Folds are dealt by review in a fixed order, so the result repeats.
    """
    by_group: dict[str, list[int]] = defaultdict(list)
    for k, group in enumerate(groups):
        by_group[group].append(k)
    fold_of: dict[int, int] = {}
    sizes = [0] * folds
    for group in sorted(by_group, key=lambda g: (-len(by_group[g]), g)):
        smallest = sizes.index(min(sizes))
        for k in by_group[group]:
            fold_of[k] = smallest
        sizes[smallest] += len(by_group[group])
    base = without_learned(framework)
    predicted: list[Evaluation] = []
    for fold in range(folds):
        train = [it for k, it in enumerate(items) if fold_of[k] != fold]
        test = [it for k, it in enumerate(items) if fold_of[k] == fold]
        if not test:
            continue
        learned = fit(base, train, regularisation, balance, gate=gate, kinds=kinds)
        matcher = Matcher(with_learned(base, learned))
        if threshold is not None:
            matcher.threshold = threshold
        predicted.append(evaluate(GoldFile(name=f"fold {fold + 1}", items=test), matcher))
    return pool(predicted)


def pool(evaluations: Sequence[Evaluation]) -> Evaluation:
    """One evaluation of several: counts added, so figures are over all items (and the
    items' outcomes one after another, in the order of ``evaluations``)."""

    def add(scores: Sequence[Scores]) -> Scores:
        return Scores(
            sum(s.tp for s in scores), sum(s.fp for s in scores), sum(s.fn for s in scores)
        )

    theme_ids = list(evaluations[0].themes) if evaluations else []
    return Evaluation(
        items=sum(e.items for e in evaluations),
        themes={t: add([e.themes[t] for e in evaluations]) for t in theme_ids},
        themes_overall=add([e.themes_overall for e in evaluations]),
        standards_overall=add([e.standards_overall for e in evaluations]),
        top_standard_right=sum(e.top_standard_right for e in evaluations),
        with_standard=sum(e.with_standard for e in evaluations),
        off_framework_unmapped=sum(e.off_framework_unmapped for e in evaluations),
        off_framework=sum(e.off_framework for e in evaluations),
        disagreements=[d for e in evaluations for d in e.disagreements],
        standards={
            s: add([e.standards[s] for e in evaluations if s in e.standards])
            for s in (evaluations[0].standards if evaluations else {})
        },
        confusions=_pooled_confusions(evaluations),
        outcomes=tuple(o for e in evaluations for o in e.outcomes),
        mapped=sum(e.mapped for e in evaluations),
        weak=sum(e.weak for e in evaluations),
        weak_right=sum(e.weak_right for e in evaluations),
    )


def _pooled_confusions(evaluations: Sequence[Evaluation]) -> list[tuple[str, str, int]]:
    counts: Counter[tuple[str, str]] = Counter()
    for e in evaluations:
        for a, b, n in e.confusions:
            counts[(a, b)] += n
    return [(a, b, n) for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


HEADER = """\
# Weights learned from labelled recommendations by `scrmap framework learn`.
# The matcher reads them beside the framework file of the same name; delete this file, or
# map with --no-learned, to map with the framework's cues alone. Each standard and theme
# has a bias (log-odds before evidence), a weight for the framework's own cue score (0-1),
# and weights for words and word pairs of the text: positive for, negative against.
# `framework` (at the end) records each standard's and theme's cues as they were, so that
# scrmap can say which changed since. Regenerate rather than edit: the weights only make
# sense together.
"""


def dump(learned: Learned) -> str:
    """The learned weights as YAML with a header that says what they are."""
    data = as_data(learned)
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
