"""Repeated recommendations: near-duplicates across cases, with the words they share.

Boards keep saying the same thing in different words ("information sharing between the
police and other agencies about domestic abuse must be improved" and "organisations
should share vital information after a domestic abuse incident"). Whole-string fuzzy
ratios rate such pairs low and rate boilerplate ("professionals should ensure ...") high,
so similarity here is over content words only (the matcher's normal forms, without the
ignorable words), each weighted by how rare it is in the set being compared: sharing
"MARAC" says more than sharing "agency". The score is the mean of the weighted Dice
coefficient and the weighted overlap coefficient, so a short recommendation wholly
contained in a longer one still scores high. A pair must also share at least one
assigned standard or theme: the Board is asking where the same learning recurs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from scrmap.defaults import DEFAULT_SIMILARITY
from scrmap.text import GAP_WORDS, WORD, fold, normalise

MAX_PAIRS = 20_000
"""Where the search for repeats stops. A library past it is so repetitive (a corpus
composed from templates, say) that listing every pair would tell a Board nothing, and
comparing them all takes minutes: 1.8 million pairs among 10,000 synthetic items."""


@dataclass(frozen=True, slots=True)
class Comparable:
    """What the comparison needs of one recommendation."""

    text: str
    group: str
    """Pairs inside one group (one case) are not repeats of each other across cases."""
    items: frozenset[str]
    """The standards and themes assigned to it."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two recommendations that say much the same thing, and why we think so."""

    a: int
    """Index of the first recommendation in the compared sequence."""
    b: int
    """Index of the second (always greater than ``a``)."""
    similarity: int
    """0 to 100."""
    shared_words: tuple[str, ...]
    """The content words both use, as written in the first recommendation."""
    shared_items: tuple[str, ...]
    """Standards and themes assigned to both."""


def listed(words: Sequence[str], most: int = 8) -> str:
    """``words`` joined for a one-line message, the first ``most`` of them and how many
    more: a long recommendation shares most of its words with its repeat, and a CI log
    should not hold its wording whole."""
    more = f" and {len(words) - most} more" if len(words) > most else ""
    return ", ".join(words[:most]) + more


def _content(text: str) -> dict[str, str]:
    """Normal form -> first spelling, for the words that carry meaning."""
    words: dict[str, str] = {}
    # The words as `tokenize` finds them, without the spans, sentences and acronyms it
    # also works out: only the normal form is compared (a third of the time at 10,000).
    for match in WORD.finditer(fold(text)):
        raw = match.group()
        if raw.lower() in GAP_WORDS:
            continue
        key = normalise(raw)
        if key in GAP_WORDS or len(key) < 2:
            continue
        words.setdefault(key, raw)
    return words


def _probe(keys: dict[str, str], idf: dict[str, float], need: float) -> list[str]:
    """The rarest words of one recommendation, just enough of them that its other words
    weigh less than ``need`` of its weight: a pair reaching the threshold must share one
    (prefix filtering)."""
    ordered = sorted(keys, key=lambda k: (-idf[k], k))
    rest = sum(idf[k] for k in ordered)
    floor = need * rest
    probe = []
    for key in ordered:
        if rest < floor:
            break
        probe.append(key)
        rest -= idf[key]
    return probe


def find_pairs(
    recs: Sequence[Comparable],
    threshold: int = DEFAULT_SIMILARITY,
    across_groups_only: bool = True,
    limit: int = MAX_PAIRS,
) -> list[Pair]:
    """Every pair at or over ``threshold``, most similar first, then by position; the
    search stops at ``limit`` pairs (the caller can tell: ``len(result) == limit``).

    Comparing every pair sharing any word was quadratic (12,000 rows: a minute): common
    words link everything. The score is at most the overlap coefficient, so a pair at the
    threshold shares at least that share of the lighter one's weight, and so one of the
    lighter one's rarest words (see `_probe`). Each recommendation is compared only with
    the heavier ones found through those words, under an item both are assigned: the
    same pairs, found from an index.
    """
    words = [_content(r.text) for r in recs]
    frequency = Counter(key for w in words for key in w)
    n = len(recs)
    idf = {key: 1 + math.log((n + 1) / (count + 0.5)) for key, count in frequency.items()}
    weights = [sum(idf[k] for k in w) for w in words]
    # A pair must share an assigned item as well as words: index each word under each of
    # the recommendation's items, so that common words under other items are never met.
    by_word: dict[tuple[str, str], list[int]] = {}
    for index, w in enumerate(words):
        for key in w:
            for item in recs[index].items:
                by_word.setdefault((key, item), []).append(index)
    # round(100 * score) >= threshold needs score >= (threshold - 0.5) / 100; a hair lower
    # so that floating-point sums cannot drop a pair exactly at the edge.
    need = (threshold - 0.5) / 100 - 1e-9
    pairs: list[Pair] = []
    for x, w in enumerate(words):
        if len(pairs) >= limit:
            break
        heavier = {
            y
            for key in _probe(w, idf, need)
            for item in recs[x].items
            for y in by_word[(key, item)]
            if (weights[y], y) > (weights[x], x)
        }
        for y in heavier:
            i, j = min(x, y), max(x, y)
            if across_groups_only and recs[i].group == recs[j].group:
                continue
            shared_items = recs[i].items & recs[j].items
            if not shared_items:
                continue
            shared = [k for k in words[i] if k in words[j]]
            common = sum(idf[k] for k in shared)
            if common <= 0:
                continue
            dice = 2 * common / (weights[i] + weights[j])
            overlap = common / min(weights[i], weights[j])
            similarity = round(100 * (dice + overlap) / 2)
            if similarity >= threshold:
                pairs.append(
                    Pair(
                        i,
                        j,
                        similarity,
                        tuple(words[i][k] for k in shared),
                        tuple(sorted(shared_items)),
                    )
                )
    pairs.sort(key=lambda p: (-p.similarity, p.a, p.b))
    return pairs[:limit]


def group_pairs(pairs: Sequence[Pair]) -> list[tuple[list[int], list[Pair]]]:
    """Join pairs that share a recommendation into groups (members sorted, pairs kept),
    the group with the most similar pair first."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        parent[root(pair.a)] = root(pair.b)
    groups: dict[int, tuple[set[int], list[Pair]]] = {}
    for pair in pairs:  # already most similar first
        members, kept = groups.setdefault(root(pair.a), (set(), []))
        kept.append(pair)
        members.update((pair.a, pair.b))
    return [(sorted(members), kept) for members, kept in groups.values()]
