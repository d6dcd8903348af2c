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


def find_pairs(
    recs: Sequence[Comparable],
    threshold: int = DEFAULT_SIMILARITY,
    across_groups_only: bool = True,
    limit: int = MAX_PAIRS,
) -> list[Pair]:
    """Every pair at or over ``threshold``, most similar first, then by position; the
    search stops at ``limit`` pairs (the caller can tell: ``len(result) == limit``)."""
    words = [_content(r.text) for r in recs]
    frequency = Counter(key for w in words for key in w)
    n = len(recs)
    idf = {key: 1 + math.log((n + 1) / (count + 0.5)) for key, count in frequency.items()}
    weights = [sum(idf[k] for k in w) for w in words]
    by_word: dict[str, list[int]] = {}
    for index, w in enumerate(words):
        for key in w:
            by_word.setdefault(key, []).append(index)
    pairs: list[Pair] = []
    for i, w in enumerate(words):
        if len(pairs) >= limit:
            break
        # Only recommendations sharing a word can be similar: compare those, not all n^2.
        candidates = sorted({j for key in w for j in by_word[key] if j > i})
        for j in candidates:
            if across_groups_only and recs[i].group == recs[j].group:
                continue
            shared_items = recs[i].items & recs[j].items
            if not shared_items:
                continue
            shared = [k for k in w if k in words[j]]
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
                        tuple(w[k] for k in shared),
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
