"""Score a recommendation against every standard, theme and quadrant, with evidence.

How it works, and why:

- Cues are phrases. Each cue and each recommendation are tokenised and normalised
  the same way (``scrmap.text``), so plurals, possessives, hyphens and US spelling
  meet. A cue matches where its words stand in order and next to each other
  (quality 1.0) or, failing that, in the same order within a short window of the
  same sentence (quality 0.9: "information is shared" for "information sharing").
  Order matters: "child-parent relationships" is not "relationship with the child". Matching is
  on whole words only: a short cue never scores inside a longer word, which is the
  trap of ``partial_ratio`` and ``token_set_ratio``.
- Typos are handled on the vocabulary, not on the text: each distinct word of the
  input that is not a cue word is compared once with the cue words (edit distance,
  in C via rapidfuzz) and the answer is cached. A corrected word lowers the match
  quality (x0.85) and shows in the evidence, so a Board can see it.
- A cue's weight says how specific it is: given in the framework file, or else
  0.7 for one word, 0.8 for two, 0.9 for three or more. An item's score is
  ``100 * (1 - prod(1 - weight * quality))`` over its matched cues, so several
  weak cues add up but never past 100, and one specific cue is enough.
- Exclusion cues cancel an overlapping match ("partner agencies" is not a
  mother's partner); negation ("no evidence of domestic abuse", "neglect was
  ruled out") cancels a match in the same clause.
- A quadrant scores the best of its standards and themes.
Everything is deterministic: ties break by the framework file's order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from scrmap.defaults import DEFAULT_THRESHOLD
from scrmap.framework import Cue, Framework
from scrmap.text import GAP_WORDS, Token, fold, phrase_keys, tokenize

WINDOW_QUALITY = 0.9
TYPO_QUALITY = 0.85

_NEGATION_BEFORE = re.compile(
    r"(?:\bno|\bnot|\bnever|\bnor|\bneither|\bno (?:evidence|indication|history|suggestion|"
    r"signs?|reports?|concerns?|mention|disclosures?)(?: (?:of|about|regarding|around))?|"
    r"\babsence of|\bunrelated to|\bnot related to|\bdid not involve|\bfree (?:of|from)|"
    r"\bruled out)"
    r"(?:\s+(?:any|known|significant|current|recorded|reported|further|obvious|apparent|"
    r"the|a|an|of))*\s*$",
    re.IGNORECASE,
)
"""Negation ending the clause text just before a cue: "no evidence of [cue]"."""

_NEGATION_AFTER = re.compile(
    r"^\s*(?:was|were|is|are|has been|had been|have been)?\s*(?:ruled out|excluded|"
    r"not (?:a |an )?(?:feature|factor|present|concern|issue|relevant))",
    re.IGNORECASE,
)
"""Negation right after a cue: "[cue] was ruled out", "[cue] was not a feature"."""

_CLAUSE_BREAK = re.compile(r"[,.;:!?()\n]|\bbut\b|\bhowever\b|\balthough\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an item scored: which cue matched which words."""

    cue: str
    """The cue as written in the framework file."""
    matched: str
    """The recommendation's own words that matched (its text from start to end)."""
    start: int
    """Character offset of the match in the recommendation text."""
    end: int
    """Character offset just past the match."""
    quality: float = 1.0
    """1.0 exact phrase, 0.9 words within a short window, lower where a typo was corrected."""
    via: str | None = None
    """For a quadrant: the standard or theme this evidence came through."""


@dataclass(frozen=True, slots=True)
class Match:
    """One standard, theme or quadrant with its score and evidence."""

    id: str
    score: int
    """0 to 100."""
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Result:
    """Every scored item for one text, best first; ``assigned`` are those over the threshold."""

    standards: tuple[Match, ...]
    themes: tuple[Match, ...]
    quadrants: tuple[Match, ...]
    threshold: int

    def assigned(self, kind: str) -> tuple[Match, ...]:
        """The matches of ``kind`` ('standards', 'themes', 'quadrants') at or over threshold."""
        return tuple(m for m in getattr(self, kind) if m.score >= self.threshold)

    def near_misses(self, kind: str) -> tuple[Match, ...]:
        """Scored but under the threshold: what --explain shows."""
        return tuple(m for m in getattr(self, kind) if 0 < m.score < self.threshold)

    @property
    def mapped(self) -> bool:
        """True when at least one standard is assigned."""
        return bool(self.assigned("standards"))


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str  # "standards" | "themes"
    item: str
    cue: str
    weight: float
    keys: tuple[str, ...]  # normal forms; "^ABC" for an acronym word
    exclude: bool = False


@dataclass(slots=True)
class _Hit:
    pattern: _Pattern
    start: int
    end: int
    quality: float


def default_weight(cue: Cue, n_words: int) -> float:
    """How specific a cue is when the file does not say: longer phrases are more specific."""
    if cue.weight is not None:
        return cue.weight
    return {1: 0.7, 2: 0.8}.get(n_words, 0.9)


@dataclass
class Matcher:
    """A framework compiled for matching. Build once, call ``match`` many times."""

    framework: Framework
    threshold: int = DEFAULT_THRESHOLD
    _index: dict[str, list[_Pattern]] = field(default_factory=dict, init=False, repr=False)
    _keys: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    _vocab: list[str] = field(default_factory=list, init=False, repr=False)
    _typo_cache: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    _order: dict[tuple[str, str], int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[_Pattern]] = defaultdict(list)
        for kind, items in (
            ("standards", self.framework.standards),
            ("themes", self.framework.themes),
        ):
            for position, item in enumerate(items):
                self._order[(kind, item.id)] = position
                for cue in item.cues:
                    keys = phrase_keys(cue.cue)
                    if not keys:  # refused by framework validation; nothing to match
                        continue
                    pattern = _Pattern(kind, item.id, cue.cue, default_weight(cue, len(keys)), keys)
                    index[keys[0]].append(pattern)
                for phrase in item.exclude:
                    keys = phrase_keys(phrase)
                    if not keys:
                        continue
                    index[keys[0]].append(_Pattern(kind, item.id, phrase, 0.0, keys, True))
        self._index = dict(index)
        self._keys = frozenset(k for ps in self._index.values() for p in ps for k in p.keys)
        # Cue words long enough to be worth correcting typos towards.
        self._vocab = sorted(k for k in self._keys if not k.startswith("^") and len(k) >= 5)

    def _correct(self, key: str) -> str | None:
        """The cue word a misspelt word stands for, or None. Cached per distinct word.

        Only edits typical of typing are accepted: a dropped, doubled or swapped
        letter in words of six or more letters, and any single edit from nine, so
        that real words one letter apart ('draft' and 'drift', 'content' and
        'consent') are not taken for each other.
        """
        if key in self._typo_cache:
            return self._typo_cache[key]
        found: str | None = None
        if len(key) >= 6 and not key.isdigit():
            for candidate, distance, _ in process.extract(
                key, self._vocab, scorer=OSA.distance, score_cutoff=1, limit=5
            ):
                if candidate[0] != key[0] or distance != 1:
                    continue
                same_length = len(candidate) == len(key)
                swapped = same_length and sorted(candidate) == sorted(key)
                if not same_length or swapped or len(key) >= 9:
                    found = candidate
                    break
        self._typo_cache[key] = found
        return found

    def _positions(self, tokens: list[Token]) -> tuple[list[Token], dict[str, list[int]], set[int]]:
        """Where each cue word stands among the text's content words, and which were typos."""
        content = [t for t in tokens if t.raw.lower() not in GAP_WORDS]
        where: dict[str, list[int]] = defaultdict(list)
        typos: set[int] = set()
        for i, token in enumerate(content):
            if token.acronym:
                where[f"^{token.acronym}"].append(i)
            if token.key in self._keys:
                where[token.key].append(i)
            elif any(c.isalpha() for c in token.key):
                corrected = self._correct(token.key)
                if corrected is not None:
                    where[corrected].append(i)
                    typos.add(i)
        return content, where, typos

    def _find(
        self, pattern: _Pattern, content: list[Token], where: dict[str, list[int]], typos: set[int]
    ) -> _Hit | None:
        """The best place ``pattern`` matches, or None."""
        best: _Hit | None = None
        for i in where.get(pattern.keys[0], ()):
            used = _in_order(pattern.keys, i, content, where)
            quality = 1.0
            if used is None and not pattern.exclude:
                used = _in_window(pattern.keys, i, content, where)
                quality = WINDOW_QUALITY
            if used is None:
                continue
            if any(p in typos for p in used):
                quality *= TYPO_QUALITY
            hit = _Hit(pattern, content[min(used)].start, content[max(used)].end, quality)
            if best is None or hit.quality > best.quality:
                best = hit
            if best.quality == 1.0:
                break
        return best

    def match(self, text: str) -> Result:
        """Score ``text``; evidence offsets index into ``text`` exactly as given."""
        folded = fold(text)
        # fold() keeps length for quotes but NFKC can change it; offsets must be into `text`.
        source = folded if len(folded) == len(text) else text
        tokens = tokenize(source)
        content, where, typos = self._positions(tokens)
        candidates: dict[int, _Pattern] = {}
        for key in where:
            for pattern in self._index.get(key, ()):
                candidates[id(pattern)] = pattern
        hits: dict[tuple[str, str], list[_Hit]] = defaultdict(list)
        excluded: dict[tuple[str, str], list[_Hit]] = defaultdict(list)
        for pattern in sorted(candidates.values(), key=lambda p: (p.kind, p.item, p.cue)):
            hit = self._find(pattern, content, where, typos)
            if hit is None:
                continue
            target = excluded if pattern.exclude else hits
            target[(pattern.kind, pattern.item)].append(hit)
        scored: dict[str, list[Match]] = {"standards": [], "themes": []}
        for (kind, item), item_hits in hits.items():
            kept = [
                h
                for h in item_hits
                if not _negated(source, h.start, h.end)
                and not any(x.start < h.end and h.start < x.end for x in excluded[(kind, item)])
            ]
            kept = _drop_contained(kept)
            if not kept:
                continue
            remaining = 1.0
            for h in kept:
                remaining *= 1.0 - h.pattern.weight * h.quality
            score = round(100 * (1.0 - remaining))
            kept.sort(key=lambda h: (-h.pattern.weight * h.quality, h.start))
            evidence = tuple(
                Evidence(h.pattern.cue, text[h.start : h.end], h.start, h.end, round(h.quality, 3))
                for h in kept
            )
            scored[kind].append(Match(item, score, evidence))
        standards = self._rank("standards", scored["standards"])
        themes = self._rank("themes", scored["themes"])
        return Result(standards, themes, self._quadrants(standards, themes), self.threshold)

    def _rank(self, kind: str, matches: list[Match]) -> tuple[Match, ...]:
        return tuple(sorted(matches, key=lambda m: (-m.score, self._order[(kind, m.id)])))

    def _quadrants(self, standards: Iterable[Match], themes: Iterable[Match]) -> tuple[Match, ...]:
        quadrant_of = {s.id: s.quadrant for s in self.framework.standards}
        quadrant_of_theme = {t.id: t.quadrant for t in self.framework.themes}
        best: dict[str, list[Match]] = defaultdict(list)
        for m in standards:
            best[quadrant_of[m.id]].append(m)
        for m in themes:
            if quadrant_of_theme[m.id]:
                best[quadrant_of_theme[m.id]].append(m)
        order = {q.id: i for i, q in enumerate(self.framework.quadrants)}
        out = []
        for quadrant, members in best.items():
            top = max(m.score for m in members)
            # Show the evidence of every contributor that is itself assigned (or the best one).
            sources = [m for m in members if m.score >= self.threshold] or [
                max(members, key=lambda m: m.score)
            ]
            evidence: dict[tuple[str, int, int, str], Evidence] = {}
            for m in sorted(sources, key=lambda m: -m.score):
                for e in m.evidence:
                    evidence.setdefault(
                        (e.cue, e.start, e.end, m.id),
                        Evidence(e.cue, e.matched, e.start, e.end, e.quality, via=m.id),
                    )
            out.append(Match(quadrant, top, tuple(evidence.values())))
        return tuple(sorted(out, key=lambda m: (-m.score, order[m.id])))


def _in_order(
    keys: tuple[str, ...], i: int, content: list[Token], where: dict[str, list[int]]
) -> list[int] | None:
    """Positions of the cue's words standing in order from ``i``, in one sentence."""
    used = list(range(i, i + len(keys)))
    if used[-1] >= len(content) or content[used[-1]].sentence != content[i].sentence:
        return None
    if all(p in where.get(key, ()) for p, key in zip(used, keys, strict=True)):
        return used
    return None


def _in_window(
    keys: tuple[str, ...], i: int, content: list[Token], where: dict[str, list[int]]
) -> list[int] | None:
    """Positions of the cue's words in order within one sentence, with at most one other
    word among them ("share relevant information" for "share information")."""
    window = len(keys)
    sentence = content[i].sentence
    used = [i]
    for key in keys[1:]:
        spot = next(
            (
                p
                for p in where.get(key, ())
                if used[-1] < p <= i + window and content[p].sentence == sentence
            ),
            None,
        )
        if spot is None:
            return None
        used.append(spot)
    return used


def _drop_contained(hits: list[_Hit]) -> list[_Hit]:
    """Keep one hit per stretch of text: a cue inside a longer matched cue adds nothing."""
    kept: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), -h.pattern.weight, h.pattern.cue)):
        if not any(k.start <= h.start and h.end <= k.end for k in kept):
            kept.append(h)
    return kept


def _negated(text: str, start: int, end: int) -> bool:
    """True when the clause around a match negates it ("no evidence of DV")."""
    before = text[:start]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    clause_before = before[breaks[-1] :] if breaks else before
    after = text[end:]
    stop = _CLAUSE_BREAK.search(after)
    clause_after = after[: stop.start()] if stop else after
    return bool(_NEGATION_BEFORE.search(clause_before) or _NEGATION_AFTER.search(clause_after))
