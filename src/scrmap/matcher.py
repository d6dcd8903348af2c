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
- Who acts is not what is done. A recommendation's words before an active modal
  verb ("Health visitors should ...", "The Board will ...") name its actor, as does
  a role wherever it stands ("training for all health visitors"); a standard's cue
  found there counts at ``ACTOR_FACTOR`` of its weight. A theme's counts in full: a
  service named as actor ("The Early Help service should ...") is often the topic. Item labels
  ("Recommendation 3:") are the document's scaffolding and are not read at all.
- Specific standards need specific evidence. A standard's cue is generic when it
  is one ordinary word without a weight of its own ("curious", "joint"), names a
  role ("health visitors", as actor or as audience), or names the subject of a
  theme of another quadrant ("domestic abuse" for practitioners' confidence); a
  weight of ``SPECIFIC_WEIGHT`` or more in the file says it is specific after all.
  One generic cue alone never assigns a standard; with other evidence it adds.
  Themes take such words as they come: they say what a text is about.
- A recommendation is assigned at most ``MAX_STANDARDS`` standards, and none far
  below its best (under ``KEEP_RELATIVE`` of the top score): reviewers give one to
  three, and a Board counts every one.
- When the framework carries learned weights (``scrmap.learned``), each item they
  cover is scored by a logistic model instead: its bias, its cue score and each
  matched cue times a learned weight, and the learned weights of the words and
  word pairs of the text. The words with positive weight join the evidence as
  "word (learned +w)". A learned model of whether a text fits the framework at all
  (``Result.fits``) can then veto every standard: text off the framework stays
  unmapped however its words meet a cue. That model reads who acts too: a government
  or a country's law is asked for other things than professionals are.
- A framework's ``outside`` phrases name subjects it does not cover (taxi licensing,
  safe sleep). One counts only as its very words, not in who acts and not negated; it
  takes ``OUTSIDE_PENALTY`` off the fit's log-odds, or, with cues alone, withholds the
  standards unless the best scores ``OUTSIDE_CUES_BAR``. Its themes still count.
- A quadrant scores the best of its standards and themes; a text whose standards are
  withheld reaches quadrants through its themes only.
Everything is deterministic: ties break by the framework file's order.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import accumulate
from operator import attrgetter

from scrmap.defaults import DEFAULT_THRESHOLD
from scrmap.exclusions import shared_exclusions
from scrmap.framework import Cue, Framework, Standard, Theme
from scrmap.learned import Learned, LearnedItem
from scrmap.text import (
    GAP_WORDS,
    IRREGULAR,
    SENTENCE_BREAK,
    US_TO_UK,
    WORD,
    Caseless,
    Reading,
    acronym_form,
    actor_spans,
    first_spellings,
    fold,
    item_label,
    normal_form,
    normalise,
    phrase_keys,
    read,
    role_spans,
    spelling,
    subject_spans,
    term_keys,
    very_word,
)

WINDOW_QUALITY = 0.9
TYPO_QUALITY = 0.85
_ROLE_WORDS = """visitor visitors nurse nurses midwife midwives doctor doctors gp gps
practitioner practitioners professional professionals police officer officers worker workers
clinician clinicians teacher teachers school schools staff"""
_ROLE_KEYS = frozenset(normalise(w) for w in _ROLE_WORDS.split())
"""Normal forms of the words that name a person's role; a cue ending in one names who
acts (or who is addressed), not what is done."""
OUTSIDE = "outside"
"""The kind of the framework's ``outside`` phrases among the matcher's patterns."""
ADDRESSEE = "addressee"
"""The item of its ``outside_addressees`` among them (kind ``OUTSIDE``); the outside
phrases' item is empty."""
_BODY_FILLER_TEXT = """the and or uk hm her his majesty's majesty\u2019s welsh scottish english
british both"""
_BODY_FILLER = frozenset(_BODY_FILLER_TEXT.split())
"""Words a subject made only of national bodies may hold besides their names: "The UK and
Welsh Governments", "HM Inspectorate of ...", "Ofsted and the CQC"."""
_BRACKETED = re.compile(r"\([^()]*\)")
_NAME_TAIL = re.compile(
    r"(?<!\s)\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]*"
    r"(?:\s+(?:(?:of|for|the)\s+)*[A-Z][\w'\u2019-]*)*"
)
"""The rest of a national body's name after the words listed ("Secretary of State" and
"for Education", "HM Inspectorate" and "of Probation"): "for" or "of", then words with
capitals, joined by "of", "for" or "the". Not by "and": "The Secretary of State for
Education and the Norfolk Safeguarding Children Partnership should ..." is addressed to a
local body too. Matched case-sensitively: "Inspectorate of local schools" names no body."""
OUTSIDE_PENALTY = 2.0
"""Log-odds taken off the model of fit where an ``outside`` phrase matches: the odds of
fitting fall 7.4-fold, so a text that names such a subject keeps its standards only where
its practice evidence is strong (a fit of 88 falls to 50; cross-validated on ``train.yaml``,
1.0 left two more off-framework items mapped and 3.0 changed nothing). A fixed amount:
learned, it explained away the labelled off-framework items that name such a subject and so
let the others through (cross-validated on ``train.yaml``)."""
OUTSIDE_CUES_BAR = 80
"""With cues alone (no model of fit), a text that names a subject outside the framework
keeps its standards only when its best standard scores this much: strong, specific
evidence of practice, not one cue."""
ACTOR_FACTOR = 0.5
"""A cue among the words that name who acts counts for half its weight (chosen by
cross-validation on published recommendations: README, "Accuracy")."""
SPECIFIC_WEIGHT = 0.7
"""A cue given at least this weight in the framework file is never taken as generic."""
MAX_STANDARDS = 3
"""Reviewers give one to three standards; more inflates every count a Board reads."""
KEEP_RELATIVE = 0.6
"""A standard scoring under this share of the recommendation's best is not assigned."""
WORD_CACHE_SIZE = 20_000
"""Distinct words remembered (with their typo corrections) before the cache starts over:
about the vocabulary of 100,000 recommendations, so that memory does not grow with a
national corpus's ever longer tail of names and typing mistakes (each is a few hundred
bytes, and reclassifying the common words after a fresh start takes a fraction of a second)."""

_NEGATION_BEFORE = Caseless(
    r"(?:\bno|\bnot|\bnever|\bnor|\bneither|\bno (?:evidence|indication|history|suggestion|"
    r"signs?|reports?|concerns?|mention|disclosures?)(?: (?:of|about|regarding|around))?|"
    r"\babsence of|\bunrelated to|\bnot related to|\bdid not involve|\bfree (?:of|from)|"
    r"\bruled out)"
    r"(?:\s+(?:any|known|significant|current|recorded|reported|further|obvious|apparent|"
    r"the|a|an|of))*\s*$"
)
"""Negation ending the clause text just before a cue: "no evidence of [cue]"."""

_NEGATION_AFTER = re.compile(
    r"^\s*(?:(?:was|were|is|are|has been|had been|have been)\s*)?(?:ruled out|excluded|"
    r"not (?:a |an )?(?:feature|factor|present|concern|issue|relevant))",
    re.IGNORECASE,
)
"""Negation right after a cue: "[cue] was ruled out", "[cue] was not a feature"."""

_WORD_SPLIT = re.compile(f"({WORD.pattern})")
"""Splits a text into alternate gaps and words (odd indexes are words)."""

_NEGATION_WORD = Caseless(
    r"\b(?:no|not|never|nor|neither|absence|unrelated|did|free|ruled|excluded)\b"
)
"""A word that every negation above starts with: most texts have none, and skip the rest."""

_NEGATION_REACH = 200
"""How many characters either side of a match a negation is looked for in."""

_NEGATION_BEFORE_START = Caseless(
    r"n(?=o|ever|either)|a(?=bsence)|u(?=nrelated)|d(?=id)|f(?=ree)|r(?=uled)"
)
"""Where a negation before a cue can start: every alternative of ``_NEGATION_BEFORE``
begins with one of no, never, neither, absence, unrelated, did, free or ruled (matched the
same way), so a stretch without one is not searched. Each match is the first letter of one
of them, at the place where it starts: every place ``(?=no|never|...)`` finds, but a pattern
that begins with a letter lets ``re`` skip to the next place where one of those letters
stands, about twice as fast as trying the alternatives at every character of a text."""

_NEGATION_AFTER_START = Caseless(r"r(?=uled out)|e(?=xcluded)|n(?=ot )")
"""Where a negation after a cue can start (see ``_NEGATION_AFTER``): where ruled out,
excluded or "not " starts, found as ``_NEGATION_BEFORE_START`` finds its places."""

_WORD_CHAR = re.compile(r"\w")
"""A character that makes the place after it no word boundary (``\\b``), as ``re`` sees it."""

_CLAUSE_BREAK = Caseless(
    r"[,.;:!?()\nbha](?:(?<=[,.;:!?()\n])|(?<=b)(?<!\wb)ut\b|(?<=h)(?<!\wh)owever\b"
    r"|(?<=a)(?<!\wa)lthough\b)"
)
"""A clause break: punctuation, or the word but, however or although. The matches (and their
spans) of ``[,.;:!?()\\n]|\\bbut\\b|\\bhowever\\b|\\balthough\\b``, written to begin
with the characters a break can begin with, so that ``re`` skips to the next of them
instead of trying every alternative at every character (about three times faster); a word's
first letter is at a word boundary when the character before it is no word character."""


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
    """1.0 exact phrase, 0.9 words within a short window; lower where a typo was corrected,
    where the words name who acts, or where a standard's cue is generic."""
    via: str | None = None
    """For a quadrant: the standard or theme this evidence came through."""


@dataclass(frozen=True, slots=True)
class Match:
    """One standard, theme or quadrant with its score and evidence."""

    id: str
    score: int
    """0 to 100."""
    evidence: tuple[Evidence, ...]


_new = object.__new__
_SET_CUE, _SET_MATCHED, _SET_START, _SET_END, _SET_QUALITY, _SET_VIA = (
    getattr(Evidence, name).__set__ for name in Evidence.__slots__
)


def _evidence(
    cue: str, matched: str, start: int, end: int, quality: float = 1.0, via: str | None = None
) -> Evidence:
    """``Evidence(cue, matched, start, end, quality, via)``, made in half the time.

    A frozen dataclass sets each field through ``object.__setattr__``, looked up by name;
    its slots' own setters do the same work directly. A text's result holds about twenty
    pieces of evidence, so this is several microseconds a text (4% of matching). The object
    is an ``Evidence`` like any other, frozen as ever (a test holds the two equal).
    """
    made = _new(Evidence)
    _SET_CUE(made, cue)
    _SET_MATCHED(made, matched)
    _SET_START(made, start)
    _SET_END(made, end)
    _SET_QUALITY(made, quality)
    _SET_VIA(made, via)
    return made


_SET_ID, _SET_SCORE, _SET_EVIDENCE = (getattr(Match, name).__set__ for name in Match.__slots__)


def _match(id: str, score: int, evidence: tuple[Evidence, ...]) -> Match:
    """``Match(id, score, evidence)``, made as ``_evidence`` makes evidence."""
    made = _new(Match)
    _SET_ID(made, id)
    _SET_SCORE(made, score)
    _SET_EVIDENCE(made, evidence)
    return made


_Cue = tuple[str, int, int, float]
"""A cue found, as its evidence will say: (cue, start, end, quality)."""
_Scored = tuple[str, int, list[_Cue]]
"""An item scored by its cues, before learned weights: (id, score, its cues, best first)."""


def _cue_match(item: str, score: int, cues: list[_Cue], text: str, shown: int) -> Match:
    """The match of an item scored by its cues alone. Without near misses (``shown`` over
    1), one scoring under ``shown`` gets no evidence, which no output reads (see
    ``Matcher.match_many``); with them, every one gets its own, a score of 0 included."""
    if shown > 1 and score < shown:
        return _match(item, score, ())
    return _match(
        item, score, tuple(_evidence(cue, text[a:b], a, b, quality) for cue, a, b, quality in cues)
    )


@dataclass(frozen=True, slots=True)
class Result:
    """Every scored item for one text, best first; ``assigned`` are those over the threshold."""

    standards: tuple[Match, ...]
    themes: tuple[Match, ...]
    quadrants: tuple[Match, ...]
    threshold: int
    fits: int | None = None
    """With learned weights: how likely (0 to 100) the text fits the framework at all.
    Under the threshold no standard is assigned, whatever the standards' own scores."""
    outside: tuple[Evidence, ...] = ()
    """Where the framework's ``outside`` phrases matched: subjects it does not cover,
    which the model of fit weighs against the text fitting."""

    def assigned(self, kind: str) -> tuple[Match, ...]:
        """The matches of ``kind`` ('standards', 'themes', 'quadrants') at or over threshold.

        Standards are also capped (``MAX_STANDARDS``) and pruned relative to the best.
        """
        matches: tuple[Match, ...] = getattr(self, kind)
        if kind == "standards":
            return _kept(matches, self.threshold) if self.fitting else ()
        return tuple(m for m in matches if m.score >= self.threshold)

    def near_misses(self, kind: str) -> tuple[Match, ...]:
        """Scored but not assigned: what --explain shows."""
        kept = {m.id for m in self.assigned(kind)}
        return tuple(m for m in getattr(self, kind) if m.score > 0 and m.id not in kept)

    @property
    def fitting(self) -> bool:
        """Whether the text may be given standards at all: its fit (with learned weights)
        reaches the threshold; with cues alone, it names no subject outside the framework,
        or its best standard is strong evidence of practice all the same."""
        return _fitting(self.fits, self.threshold, self.outside, self.standards)

    @property
    def outside_words(self) -> tuple[str, ...]:
        """The words that named a subject outside the framework, each once ("Taxi" and
        "taxi" are one, written as first met), in the order they stand."""
        return first_spellings(e.matched for e in self.outside)

    @property
    def withheld(self) -> bool:
        """Whether standards were kept from the text that it would otherwise have had, or
        it named a subject outside the framework: what the output must explain."""
        if self.fitting:
            return False
        return bool(self.outside) or any(m.score >= self.threshold for m in self.standards)

    @property
    def mapped(self) -> bool:
        """True when at least one standard is assigned."""
        return bool(self.assigned("standards"))

    @property
    def best_standard(self) -> Match | None:
        """The assigned standard with the highest score (the first of equals), or None: what
        a weak match is judged by (``defaults.WEAK_MATCH``) in coverage, `check` and
        `evaluate` alike."""
        standards = self.assigned("standards")
        return max(standards, key=_SCORE) if standards else None


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str  # "standards" | "themes"
    item: str
    cue: str
    weight: float
    keys: tuple[str, ...]  # normal forms; "^ABC" for an acronym word
    exclude: bool = False
    generic: bool = False
    """A standard's cue that is one ordinary word or a theme's cue: weak alone."""
    others: frozenset[str] = frozenset()
    """The words besides the one the pattern is indexed under: all must be in the text."""

    rank: int = 0
    """Patterns are tried in a fixed order so that ties always break the same way."""
    adjacent: tuple[str, ...] = ()
    """For a cue the framework marks ``adjacent``, its words in lower case, which the text
    must give as they are (``_side_by_side``); empty for any other pattern."""


@dataclass(slots=True)
class _Hit:
    pattern: _Pattern
    start: int
    end: int
    quality: float
    across: bool = False
    """Matched with another word among the cue's words (``_in_window``)."""


@dataclass(frozen=True, slots=True)
class _WordInfo:
    gap: bool
    """An ignorable word ('the', 'should'): not a content word."""
    keys: tuple[str, ...]
    """The cue words it counts as: its normal form, acronym form, or typo correction."""
    typo: bool
    """True when a key is a correction, which lowers the match quality."""
    norm: str = ""
    """Its normal form (what learned weights are keyed by); empty for a gap word."""


@dataclass(frozen=True, slots=True)
class _LearnedTerm:
    """What one learned word or word pair adds to a text's scores wherever it stands."""

    weights: tuple[tuple[int, float], ...]
    """(slot, weight) for each model that weighs it (``Matcher._models``), the file's order."""
    evidence: dict[int, tuple[tuple[float, str], ...]]
    """For each slot it weighs positively, (weight, label) for each such weight: what that
    item's evidence shows ("plan (learned +0.10)"), the label formatted once, not once per
    text. Its slots are the items a text with this term is rescored for."""


_TermEntry = tuple[int, _LearnedTerm | None, float | None]
"""A learned term as a text's words meet it (``Matcher._heads``): a number of its own, its
weights for the items' models, and its weight in the model of fit (None where a model
does not weigh it)."""


@dataclass(slots=True)
class _Text:
    """One text's content words as parallel lists, and its clause breaks on demand.

    Spans and sentences are worked out only for the few words a cue is tried at.
    """

    source: str
    offsets: list[int]
    """Word ``k`` of the text (gap words included) spans ``offsets[2k]:offsets[2k+1]``."""
    content: list[int]
    """For each content word (gap words left out), its index among all the words."""
    keys_at: list[tuple[str, ...]]
    """The cue words each content word counts as."""
    norms: list[str]
    """The normal form of each content word."""
    breaks: list[int]
    """Where sentences end."""
    where: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    typos: set[int] = field(default_factory=set)
    _negatable: bool | None = None
    _clauses: tuple[list[int], list[int]] | None = None
    _negation_at: tuple[list[int], list[int]] | None = None
    _negated: tuple[set[int], set[int]] | None = None
    _spans: tuple[list[int], list[int]] | None = None

    def start(self, position: int) -> int:
        """Where the content word at ``position`` starts in the text."""
        return self.offsets[2 * self.content[position]]

    def end(self, position: int) -> int:
        """Where the content word at ``position`` ends in the text."""
        return self.offsets[2 * self.content[position] + 1]

    def sentence(self, position: int) -> int:
        """Which sentence the content word at ``position`` stands in."""
        return bisect_left(self.breaks, self.start(position))

    def spans(self) -> tuple[list[int], list[int]]:
        """Where each content word starts, and where each ends: listed once per text, for
        the negations and the learned terms alike."""
        if self._spans is None:
            offsets = self.offsets
            self._spans = (
                [offsets[2 * k] for k in self.content],
                [offsets[2 * k + 1] for k in self.content],
            )
        return self._spans

    @property
    def negatable(self) -> bool:
        """Whether the text holds a word any negation starts with: most texts have none,
        and then no match in them is negated."""
        if self._negatable is None:
            self._negatable = bool(_NEGATION_WORD.search(self.source))
        return self._negatable

    def negated(self, start: int, end: int) -> bool:
        """True when the clause around a match negates it ("no evidence of DV"); ``start``
        and ``end`` are where content words start and end, as every match's are."""
        if not self.negatable:
            return False
        before, after = self.negations()
        return start in before or end in after

    def negations(self) -> tuple[set[int], set[int]]:
        """Where the content words start that a negation precedes (``negated_before``),
        and where those end that one follows (``negated_after``): worked out once per
        text, for the cues and the learned terms alike.

        Only the words that a negation can reach are checked: those in the same clause
        as a place where one can start, and within ``_NEGATION_REACH`` of it (as
        ``negated_before`` and ``negated_after`` look), which in most texts is a few
        words. A negation before a word starts at a word boundary (each alternative of
        ``_NEGATION_BEFORE`` begins with ``\\b``), so the places to start from inside a
        word ("no" in "known") are passed over.
        """
        if self._negated is None:
            source = self.source
            starts, ends = self.spans()
            before_starts, after_starts = self._negation_starts()
            break_starts, break_ends = self._clause_breaks()
            # A word a negation before it reaches starts after the negation, before the
            # clause ends (the next break's end) and within reach.
            reached = []
            for mark in before_starts:
                if mark and _WORD_CHAR.match(source, mark - 1):
                    continue
                i = bisect_right(break_ends, mark)
                clause_end = break_ends[i] - 1 if i < len(break_ends) else len(source)
                reached.append((mark + 1, min(mark + _NEGATION_REACH, clause_end)))
            # A word a negation after it reaches ends at or before the negation, after the
            # clause starts (the last break's start before it) and within reach.
            reaching = []
            for mark in after_starts:
                j = bisect_right(break_starts, mark)
                clause_start = break_starts[j - 1] + 1 if j else 0
                reaching.append((max(mark - _NEGATION_REACH + 1, clause_start), mark))
            self._negated = (
                {starts[k] for k in _near(starts, reached) if self.negated_before(starts[k])},
                {ends[k] for k in _near(ends, reaching) if self.negated_after(ends[k])},
            )
        return self._negated

    def negated_before(self, start: int) -> bool:
        """True when a negation ends the clause just before ``start`` ("no evidence of")."""
        before_starts = self._negation_starts()[0]
        break_ends = self._clause_breaks()[1]
        before = bisect_right(break_ends, start)
        clause_start = break_ends[before - 1] if before else 0
        # Only the words next to the match are read (a negation phrase is far shorter than
        # the reach), so one long clause costs linear time, not quadratic; and only where
        # a negation could start, which in most clauses is nowhere. What
        # ``_NEGATION_BEFORE.search(source, low, start)`` finds starts at one of those
        # places (``_NEGATION_BEFORE_START``), so the pattern is tried there alone: a
        # search would try every alternative at every character from ``low``.
        low = max(clause_start, start - _NEGATION_REACH)
        source = self.source
        for i in range(bisect_left(before_starts, low), len(before_starts)):
            mark = before_starts[i]
            if mark >= start:
                break
            if _NEGATION_BEFORE.match(source, mark, start):
                return True
        return False

    def negated_after(self, end: int) -> bool:
        """True when a negation follows ``end`` in its clause ("was ruled out")."""
        after_starts = self._negation_starts()[1]
        break_starts = self._clause_breaks()[0]
        after = bisect_left(break_starts, end)
        clause_end = break_starts[after] if after < len(break_starts) else len(self.source)
        high = min(clause_end, end + _NEGATION_REACH)
        return _starts_within(after_starts, end, high) and bool(
            _NEGATION_AFTER.search(self.source[end:high])
        )

    def _clause_breaks(self) -> tuple[list[int], list[int]]:
        """Where each clause break starts and ends."""
        if self._clauses is None:
            found = list(_CLAUSE_BREAK.finditer(self.source))
            self._clauses = ([m.start() for m in found], [m.end() for m in found])
        return self._clauses

    def _negation_starts(self) -> tuple[list[int], list[int]]:
        """Where a negation before a match, and one after a match, could start."""
        if self._negation_at is None:
            self._negation_at = (
                [m.start() for m in _NEGATION_BEFORE_START.finditer(self.source)],
                [m.start() for m in _NEGATION_AFTER_START.finditer(self.source)],
            )
        return self._negation_at


def _by_slot(
    evidence: Iterable[tuple[int, float, str]],
) -> dict[int, tuple[tuple[float, str], ...]]:
    """A term's (slot, weight, label) as (weight, label) by slot, each slot's in order."""
    grouped: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for slot, weight, label in evidence:
        grouped[slot].append((weight, label))
    return {slot: tuple(parts) for slot, parts in grouped.items()}


def _near(places: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """The indexes of the sorted ``places`` that lie in one of ``spans`` (``low <= place
    <= high``)."""
    found: set[int] = set()
    for low, high in spans:
        found.update(range(bisect_left(places, low), bisect_right(places, high)))
    return found


def _starts_within(starts: list[int], low: int, high: int) -> bool:
    """True when one of the sorted ``starts`` lies in ``low:high``."""
    i = bisect_left(starts, low)
    return i < len(starts) and starts[i] < high


@dataclass(slots=True)
class _Found:
    """What matching finds in a text before anything is scored. Not frozen: one is made
    for every text, and a frozen dataclass takes twice as long to make."""

    scanned: _Text
    actors: list[tuple[int, int]]
    """Where the text names who acts, or a role."""
    hits: dict[tuple[str, str], list[_Hit]]
    """Each standard's or theme's cues found, by (kind, id)."""
    excluded: dict[tuple[str, str], list[_Hit]]
    """Each standard's or theme's exclusion cues found, by (kind, id)."""


_SCORE = attrgetter("score")
"""A match's score, read in C: the key of ``Result.best_standard``."""
_RANK = attrgetter("rank")
"""The order patterns are tried in (``_Pattern.rank``), read in C when they are sorted."""


def _read(text: str) -> tuple[str, Reading | None]:
    """The text as the matcher reads it (``read``: a ligature as its letters, no invisible
    characters, typographic apostrophes and spaces as ASCII ones), its item label
    ("Recommendation 3:") blanked out, and the way back to ``text``'s offsets where the
    reading is not character for character."""
    source, reading = read(text)
    _, label_end = item_label(source)
    return (" " * label_end + source[label_end:] if label_end else source), reading


_LINE_HYPHEN = re.compile(r"-\s*")
"""A hyphen, and a line break or spaces after it: how a word broken at a line end is left."""
_HYPHEN_AT_BREAK = re.compile(r"-\s")
"""A hyphen with white space after it: a word broken at a line end, kept as written."""


def _spans_written(
    found: dict[tuple[str, ...], tuple[int, int]], reading: Reading | None
) -> dict[tuple[str, ...], tuple[int, int, float]]:
    """The terms ``found`` in a reading, each with its span in the text as written and a
    count of 1 (``Matcher.terms``)."""
    if reading is None:
        return {term: (start, end, 1.0) for term, (start, end) in found.items()}
    return {term: (reading.start(a), reading.end(b), 1.0) for term, (a, b) in found.items()}


def _written(result: Result, text: str, reading: Reading) -> Result:
    """``result``, found in the reading of ``text``, with its evidence in ``text`` as written:
    every span where those words stand there, and the words quoted from there."""

    def evidence(found: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        spans = [(reading.start(e.start), reading.end(e.end)) for e in found]
        return tuple(
            _evidence(e.cue, text[a:b], a, b, e.quality, e.via)
            for e, (a, b) in zip(found, spans, strict=True)
        )

    def matches(found: tuple[Match, ...]) -> tuple[Match, ...]:
        return tuple(
            _match(m.id, m.score, evidence(m.evidence)) if m.evidence else m for m in found
        )

    return Result(
        matches(result.standards),
        matches(result.themes),
        matches(result.quadrants),
        result.threshold,
        result.fits,
        evidence(result.outside),
    )


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
    _near_length: dict[int, list[str]] = field(default_factory=dict, init=False, repr=False)
    """``_vocab``'s words within one letter of each length typo correction has met, in order."""
    _typo_cache: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    """Each word's correction (or None) by its ``spelling``."""
    _known: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    """The normal forms of the cue words and the learned words: what a word broken by a
    hyphen at a line end is joined up into (``_split``)."""
    _joins: dict[tuple[str, str], bool] = field(default_factory=dict, init=False, repr=False)
    """Whether two words with a hyphen between them are one word broken (``_split``)."""
    _phrases: list[tuple[str, tuple[str, ...]]] = field(
        default_factory=list, init=False, repr=False
    )
    """Every cue, exclusion and outside phrase with its keys: where ``_spelt`` comes from."""
    _spelt: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    """The cue words as written (``spelling``) and the key each stands for; made at the
    first word that its stem does not correct."""
    _spelt_words: list[str] = field(default_factory=list, init=False, repr=False)
    """``_spelt``'s words in order: ties go to the first."""
    _key_starts: frozenset[str] = field(default_factory=frozenset, init=False, repr=False)
    """Every start of every key (`_starts`), made with ``_spelt``: for `_rival`."""
    _near_spelt: dict[int, list[str]] = field(default_factory=dict, init=False, repr=False)
    """``_spelt``'s words within one letter of each length met, in order."""
    _order: dict[str, dict[str, int]] = field(default_factory=dict, init=False, repr=False)
    """Each standard's and theme's place in the framework file, by kind and id."""
    _words: dict[str, _WordInfo] = field(default_factory=dict, init=False, repr=False)
    _quadrant_of: dict[str, dict[str, str | None]] = field(
        default_factory=dict, init=False, repr=False
    )
    """Each standard's and theme's quadrant, by kind and id."""
    _quadrant_matches: dict[str, dict[int, Match]] = field(
        default_factory=dict, init=False, repr=False
    )
    """Each quadrant's matches without evidence by score, made once and shared (a match
    is frozen): most of a text's quadrants score under the threshold, and without near
    misses show none."""
    _quadrant_order: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _models: list[tuple[str, str, LearnedItem]] = field(
        default_factory=list, init=False, repr=False
    )
    """The learned model of each standard and theme that has one, as (kind, id, model); its
    place in this list is its slot."""
    _slots: dict[tuple[str, str], int] = field(default_factory=dict, init=False, repr=False)
    """The slot of each (kind, id) in ``_models``."""
    _terms: dict[tuple[str, ...], _LearnedTerm] = field(
        default_factory=dict, init=False, repr=False
    )
    """Learned words and word pairs (as normal forms), with every model's weight of each:
    one look-up per term of a text scores it for every model at once."""
    _gate_terms: dict[tuple[str, ...], float] = field(default_factory=dict, init=False, repr=False)
    """Learned words of the model of whether a text fits the framework at all."""
    _heads: dict[str, tuple[_TermEntry | None, dict[str, _TermEntry]]] = field(
        default_factory=dict, init=False, repr=False
    )
    """``_terms`` and ``_gate_terms`` by their first word: that word's own entry, and the
    entries of the pairs it begins by their second word. A text's word that begins no
    learned term (most do not) costs one look-up, with no term made of it."""
    _bare_matches: list[dict[int, Match]] = field(default_factory=list, init=False, repr=False)
    """For each slot, its matches without evidence by score (see ``_apply_learned``)."""
    _about: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False)
    """The standards about some themes' subjects (``about_themes``), with those themes."""
    _biases: list[float] = field(default_factory=list, init=False, repr=False)
    """For each slot, its model's bias: all of an item's log-odds but its terms' where no
    cue of it is found, as for most items a text is rescored for."""

    def __post_init__(self) -> None:
        self._quadrant_order = {q.id: i for i, q in enumerate(self.framework.quadrants)}
        self._about = {
            s.id: frozenset(s.about_themes) for s in self.framework.standards if s.about_themes
        }
        theme_cues: dict[str | None, set[tuple[str, ...]]] = defaultdict(set)
        for theme in self.framework.themes:
            theme_cues[theme.quadrant] |= {phrase_keys(c.cue) for c in theme.cues}

        @cache
        def runs(quadrant: str | None) -> frozenset[tuple[str, ...]]:
            # Built once per quadrant, not once per cue: this is most of compiling.
            return _runs(t for q, cues in theme_cues.items() if q != quadrant for t in cues)

        # (kind, item, cue, weight, keys, exclude, generic, adjacent): a pattern before its
        # rank.
        found: list[tuple[str, str, str, float, tuple[str, ...], bool, bool, tuple[str, ...]]] = []
        kinds: tuple[tuple[str, Sequence[Standard | Theme]], ...] = (
            ("standards", self.framework.standards),
            ("themes", self.framework.themes),
        )
        inherited = shared_exclusions(self.framework)
        for kind, items in kinds:
            self._order[kind] = {}
            self._quadrant_of[kind] = {}
            for position, item in enumerate(items):
                self._order[kind][item.id] = position
                self._quadrant_of[kind][item.id] = item.quadrant
                for cue in item.cues:
                    keys = phrase_keys(cue.cue)
                    if not keys:  # refused by framework validation; nothing to match
                        continue
                    weight = default_weight(cue, len(keys))
                    generic = kind == "standards" and _generic(cue, keys, runs(item.quadrant))
                    adjacent = _as_written(cue.cue) if cue.adjacent else ()
                    found.append((kind, item.id, cue.cue, weight, keys, False, generic, adjacent))
                exclusions = item.exclude
                if kind == "standards":
                    exclusions = (*exclusions, *inherited[item.id])
                for phrase in exclusions:
                    keys = phrase_keys(phrase)
                    if keys:
                        found.append((kind, item.id, phrase, 0.0, keys, True, False, ()))
        for item_id, phrases in (
            ("", self.framework.outside),
            (ADDRESSEE, self.framework.outside_addressees),
        ):
            for phrase in phrases:
                keys = phrase_keys(phrase)
                if keys:
                    found.append((OUTSIDE, item_id, phrase, 1.0, keys, False, False, ()))
        # Index each pattern under its least shared word, so that a text's common words
        # ('child', 'practice') do not bring up dozens of patterns only to reject them.
        shared = Counter(k for p in found for k in set(p[4]))
        index: dict[str, list[_Pattern]] = defaultdict(list)
        found.sort(key=lambda p: (p[0], p[1], p[2]))
        for rank, (kind, item_id, cue_text, weight, keys, exclude, generic, adjacent) in enumerate(
            found
        ):
            rarest = min(keys, key=lambda k: shared[k])
            others = frozenset(keys) - {rarest}
            index[rarest].append(
                _Pattern(
                    kind, item_id, cue_text, weight, keys, exclude, generic, others, rank, adjacent
                )
            )
        self._index = dict(index)
        self._phrases = [(p[2], p[4]) for p in found]
        self._keys = frozenset(shared)
        # Cue words long enough to be worth correcting typos towards.
        self._vocab = sorted(k for k in self._keys if not k.startswith("^") and len(k) >= 5)
        if self.framework.learned is not None:
            self._compile_learned(self.framework.learned)
        learned = {word for term in [*self._terms, *self._gate_terms] for word in term}
        self._known = frozenset(k for k in self._keys if not k.startswith("^")) | learned

    def _compile_learned(self, learned: Learned) -> None:
        """Invert the learned weights: from each model's words to each word's models.

        A text has a few dozen terms and the framework a few dozen models, most of which
        weigh some of its words: one pass over the text's terms, adding each one's weights
        into its models' slots, replaces one pass over them per model. Each slot still adds
        its weights in the text's order, the file's order within a term, as the model is
        written, so every sum (and score) is the same to the last bit.
        """
        weights: dict[tuple[str, ...], list[tuple[int, float]]] = defaultdict(list)
        evidence: dict[tuple[str, ...], list[tuple[int, float, str]]] = defaultdict(list)
        for kind in ("standards", "themes"):
            for item_id, model in getattr(learned, kind).items():
                slot = len(self._models)
                self._models.append((kind, item_id, model))
                self._slots[(kind, item_id)] = slot
                self._bare_matches.append({})
                self._biases.append(model.bias)
                for written, weight in model.words.items():
                    key = term_keys(written)
                    weights[key].append((slot, weight))
                    if weight > 0:  # a word against an item is not evidence for it
                        evidence[key].append((slot, weight, f"{written} (learned {weight:+.2f})"))
        if learned.mapped is not None:
            # The model of fit reads other terms (who acts kept), and its weights of the
            # words that are one term (as normal forms) are summed first.
            for written, weight in learned.mapped.words.items():
                key = term_keys(written)
                self._gate_terms[key] = self._gate_terms.get(key, 0.0) + weight
        self._terms = {
            key: _LearnedTerm(tuple(found), _by_slot(evidence.get(key, ())))
            for key, found in weights.items()
        }
        for number, key in enumerate(dict.fromkeys([*self._terms, *self._gate_terms])):
            entry = (number, self._terms.get(key), self._gate_terms.get(key))
            if len(key) == 1:
                self._heads.setdefault(key[0], (None, {}))
                self._heads[key[0]] = (entry, self._heads[key[0]][1])
            elif len(key) == 2:  # a text's terms are one word or two
                self._heads.setdefault(key[0], (None, {}))[1][key[1]] = entry

    def _correct(self, key: str, spelt: str) -> str | None:
        """The cue word a misspelt word stands for, or None. Cached per distinct word.

        ``spelt`` is the word's ``spelling`` and ``key`` its stem. The word is compared
        with the cue words as written first, then stem with stem: a stem can hide a
        misspelt ending ("informaton" stems to itself, "information" to "inform") or be
        too short to compare ("assesment" to "asses"). Only slips of typing count
        (``_slip``), so that real words one letter apart are not taken for each other.
        """
        if spelt in self._typo_cache:
            return self._typo_cache[spelt]
        found = None
        if len(spelt) >= 6:
            if not self._spelt:
                self._spelt = _spellings(self._phrases)
                self._spelt_words = sorted(self._spelt)
                self._key_starts = _starts(self._keys)
            written = _one_edit(spelt, self._spelt_words, self._near_spelt, self._spelt)
            found = self._spelt[written] if written is not None else None
        if found is None:
            found = _one_edit(key, self._vocab, self._near_length)
        elif _rival(spelt, found, self._keys, self._key_starts):
            found = None
        self._typo_cache[spelt] = found
        return found

    def _word(self, raw: str) -> _WordInfo:
        """How one written word takes part in matching; cached per distinct word."""
        info = self._words.get(raw)
        if info is not None:
            return info
        if len(self._words) >= WORD_CACHE_SIZE:  # a huge corpus must not grow memory forever
            self._words.clear()
            self._typo_cache.clear()
        written = raw
        if "-" in raw:  # a word broken at a line end and joined up (``_split``)
            raw = _LINE_HYPHEN.sub("", raw)
        if raw.lower() in GAP_WORDS:
            info = _WordInfo(True, (), False)
        else:
            keys: list[str] = []
            acronym = acronym_form(raw)
            if acronym:
                keys.append(f"^{acronym}")
            key = normal_form(raw)
            corrected = None
            if key in self._keys:
                keys.append(key)
            elif any(c.isalpha() for c in key):
                corrected = self._correct(key, spelling(raw))
                if corrected is not None:
                    keys.append(corrected)
            info = _WordInfo(False, tuple(keys), corrected is not None, key)
        self._words[written] = info
        return info

    def _split(self, source: str) -> list[str]:
        """``source`` split into alternate gaps and words (``_WORD_SPLIT``), a word broken by
        a hyphen at a line end joined up again: "infor-\\nmation" and "safe-guarding" (as a
        source joins its lines) are the words "information" and "safeguarding".

        A hyphen also joins the words of a compound ("multi-agency", "co-ordinated",
        "well-being"), which are read as they are written, as two words. So two words are
        one only where the second starts in lower case and only the two together are a word
        the framework knows (a cue word, or a learned word): "mation" is none,
        "information" is; "agency" is one, so "multi-agency" stays two.
        """
        pieces = _WORD_SPLIT.split(source)
        if "-" not in source:  # most texts
            return pieces
        if _HYPHEN_AT_BREAK.search(source) is None:
            # A hyphen between two words, each found in C ("-" is no word, so the words'
            # pieces are never it): a loop over every gap took a twentieth of the matching.
            at, joins = -1, []
            for _ in range(pieces.count("-")):
                at = pieces.index("-", at + 1)
                joins.append(at)
        else:
            joins = [k for k in range(2, len(pieces) - 2, 2) if pieces[k].startswith("-")]
        last = len(pieces) - 3  # the last gap between two words
        for k in reversed(joins):
            if not 2 <= k <= last:  # a hyphen before the first word or after the last
                continue
            before, gap, after = pieces[k - 1], pieces[k], pieces[k + 1]
            if after[0].islower() and _LINE_HYPHEN.fullmatch(gap) and self._joined(before, after):
                pieces[k - 1 : k + 2] = [before + gap + after]
        return pieces

    def _joined(self, before: str, after: str) -> bool:
        """Whether ``before`` and ``after``, a hyphen between them, are one word broken
        (``_split``); remembered for each pair."""
        pair = (before, after)
        joined = self._joins.get(pair)
        if joined is None:
            if len(self._joins) >= WORD_CACHE_SIZE:
                self._joins.clear()
            known = self._known
            joined = self._joins[pair] = (
                before.isalpha()
                and after.replace("'", "").isalpha()  # "infor-mation's"
                and after.lower() not in GAP_WORDS
                and normal_form(after) not in known
                and normal_form(before + after) in known
            )
        return joined

    def _scan(self, source: str, pieces: list[str]) -> _Text:
        """The content words of ``source``: where each cue word stands, and which were typos.

        Gap words are left out, so positions count content words only and a phrase
        matches across 'of the'. Parallel lists, not objects: this runs once per word
        of every recommendation in a corpus.
        """
        # Splitting on the word pattern (in C) gives the words and, by the running total of
        # the pieces' lengths, their offsets: much cheaper than a match object per word.
        known, word = self._words, self._word
        infos = [known.get(raw) or word(raw) for raw in pieces[1::2]]
        content = [k for k, info in enumerate(infos) if not info.gap]
        keys_at = [infos[k].keys for k in content]
        scanned = _Text(
            source,
            list(accumulate(map(len, pieces))),
            content,
            keys_at,
            [infos[k].norm for k in content],
            [m.start() for m in SENTENCE_BREAK.finditer(source)],
        )
        where, typos = scanned.where, scanned.typos
        for position, keys in enumerate(keys_at):
            if keys:
                for key in keys:
                    where[key].append(position)
                if infos[content[position]].typo:
                    typos.add(position)
        return scanned

    def _find(self, pattern: _Pattern, text: _Text) -> _Hit | None:
        """The best place ``pattern`` matches, or None."""
        if len(pattern.keys) == 1:
            # One word (a third of the patterns tried): it matches wherever it stands, best
            # where it is no typo; no order or window to check.
            typos, positions = text.typos, text.where[pattern.keys[0]]
            i = next((i for i in positions if i not in typos), None) if typos else positions[0]
            quality = 1.0
            if i is None:
                i, quality = positions[0], TYPO_QUALITY
            return _word_at(pattern, i, text, quality)
        best: _Hit | None = None
        for i in text.where[pattern.keys[0]]:
            hit = _phrase_at(pattern, i, text)
            if hit is not None and (best is None or hit.quality > best.quality):
                best = hit
                if best.quality == 1.0:
                    break
        return best

    def _unblocked(
        self,
        pattern: _Pattern,
        text: _Text,
        before: set[int],
        after: set[int],
        against: Sequence[_Hit],
    ) -> _Hit | None:
        """The best place ``pattern`` matches that is not ``_blocked``: where the place
        ``_find`` chose was negated or excluded, a cue may still stand elsewhere ("Supervised
        contact should be discussed in supervision": the first *supervis-* word is the
        excluded phrase's, the second is staff supervision). Rare, so plainly written."""
        best: _Hit | None = None
        for hit in _every_place(pattern, text):
            if not _blocked(hit.start, hit.end, before, after, against) and (
                best is None or hit.quality > best.quality
            ):
                best = hit
        return best

    def match(self, text: str) -> Result:
        """Score ``text``; evidence offsets index into ``text`` exactly as given."""
        source, reading = _read(text)
        found = self._found(source, self._split(source))
        if reading is None:
            return self._score(text, found)
        return _written(self._score(source, found), text, reading)

    def match_many(self, texts: Iterable[str], near_misses: bool = True) -> Iterator[Result]:
        """``match(t)`` for each of ``texts`` in turn, for a chunk of texts (what a worker
        gets); one at a time, so that a chunk's results need not all be held at once.

        The hits are found and scored by the same code as ``match``, which stays the
        reference; each distinct word is classified once (cue word, typo correction, gap
        word) and remembered, up to ``WORD_CACHE_SIZE`` words. Without ``near_misses``,
        the matches under the threshold that learned weights rescore are left out (kept,
        without evidence, from ``OUTSIDE_CUES_BAR``, which ``Result.fitting`` may read),
        and a quadrant under the threshold, or an item scored by its cues alone (no learned
        model of it) under the threshold, gets no evidence: what is assigned, the fit and
        what is withheld are the same, and the dozen or so standards a text scores a
        little for (with learned weights, nearly every one) are never ranked, nor their
        evidence built. For output that shows no near misses.
        """
        for text in texts:
            source, reading = _read(text)
            found = self._found(source, self._split(source))
            if reading is None:
                yield self._score(text, found, near_misses)
            else:
                yield _written(self._score(source, found, near_misses), text, reading)

    def _found(self, source: str, pieces: list[str]) -> _Found:
        """Part one of matching: the text's words, who acts, and where each cue matched
        (``pieces``: ``source`` split by ``_split``)."""
        actors = actor_spans(source) + role_spans(source)
        scanned = self._scan(source, pieces)
        where, index = scanned.where, self._index
        present = where.keys()  # one view of the text's words, not one per pattern
        # A pattern is tried only where all its words occur somewhere in the text.
        candidates = [
            pattern
            for key in where
            for pattern in index.get(key, ())
            if not pattern.others or present >= pattern.others
        ]
        hits: dict[tuple[str, str], list[_Hit]] = defaultdict(list)
        excluded: dict[tuple[str, str], list[_Hit]] = defaultdict(list)
        for pattern in sorted(candidates, key=_RANK):
            hit = self._find(pattern, scanned)
            if hit is None:
                continue
            target = excluded if pattern.exclude else hits
            target[(pattern.kind, pattern.item)].append(hit)
        return _Found(scanned, actors, hits, excluded)

    def _score(self, text: str, found: _Found, near_misses: bool = True) -> Result:
        """Part two of matching: the hits scored into a result. The one place scores are
        made, whichever way the hits were found; without ``near_misses``, the near misses
        that learned weights rescore get no evidence (see ``match_many``)."""
        scanned, actors, hits, excluded = found.scanned, found.actors, found.hits, found.excluded
        # Most texts name no such subject, and are addressed to no such body.
        outside_hits = hits.pop((OUTSIDE, ""), None)
        addressee_hits = hits.pop((OUTSIDE, ADDRESSEE), None)
        outside = (
            _outside(scanned, outside_hits, addressee_hits, actors, text)
            if outside_hits or addressee_hits
            else ()
        )
        # Each item's cues as plain data (cue, start, end, quality), best first: its evidence
        # is made only if it is shown, after learned weights have rescored it.
        scored: dict[str, list[_Scored]] = {"standards": [], "themes": []}
        # Most texts have no negation word, and most of the others negate no content word;
        # most items have no exclusion cue found. A hit is negated as ``_Text.negated`` says.
        before, after = scanned.negations() if scanned.negatable else (set(), set())
        negated = bool(before or after)
        for (kind, item), item_hits in hits.items():
            # Every place an exclusion stands (``_find`` gave only its best); most items
            # have none found.
            excluding = excluded.get((kind, item))
            against = (
                [x for a in excluding for x in _every_place(a.pattern, scanned)]
                if excluding
                else ()
            )
            kept = item_hits
            if (negated or against) and any(
                _blocked(h.start, h.end, before, after, against) for h in item_hits
            ):
                # A hit negated or excluded is looked for again elsewhere in the text.
                found_again = (
                    self._unblocked(h.pattern, scanned, before, after, against)
                    if _blocked(h.start, h.end, before, after, against)
                    else h
                    for h in item_hits
                )
                kept = [h for h in found_again if h is not None]
            if len(kept) > 1:  # a single hit contains no other
                kept = _drop_contained(kept)
            if not kept:
                continue
            if kind == "standards" and actors:
                kept = _one_actor(kept, actors)
            remaining = 1.0
            for h in kept:
                remaining *= 1.0 - h.pattern.weight * h.quality
            score = round(100 * (1.0 - remaining))
            if len(kept) == 1 and kept[0].pattern.generic:
                # One generic cue alone never assigns a standard, whatever its weight.
                score = min(score, self.threshold - 1)
            if len(kept) > 1:  # most items have one hit
                kept.sort(key=lambda h: (-h.pattern.weight * h.quality, h.start))
            cues = [(h.pattern.cue, h.start, h.end, round(h.quality, 3)) for h in kept]
            scored[kind].append((item, score, cues))
        fits = None
        # A standard about themes none of which has evidence here stays under the
        # threshold, by its cues and (below) by its learned weights.
        unevidenced = self._unevidenced(scored["themes"]) if self._about else frozenset()
        cap = self.threshold - 1
        if unevidenced:
            scored["standards"] = [
                (item, min(score, cap) if item in unevidenced else score, cues)
                for item, score, cues in scored["standards"]
            ]
        # Equal scores are ordered by the cues' own score, then by the framework's order.
        cue_scores = {k: {item: score for item, score, _ in ms} for k, ms in scored.items()}
        shown = 1 if near_misses else self.threshold
        if self._models:
            masked = self._excluded_spans(excluded, scanned) if excluded else None
            matched, fits = self._apply_learned(
                scored, scanned, actors, text, outside, shown, masked
            )
        else:
            matched = {
                kind: [_cue_match(item, score, cues, text, shown) for item, score, cues in ms]
                for kind, ms in scored.items()
            }
        if unevidenced:
            # Held under the threshold, it keeps its words only where near misses are shown.
            bare = cap < shown
            matched["standards"] = [
                replace(m, score=cap, evidence=() if bare else m.evidence)
                if m.id in unevidenced and m.score > cap
                else m
                for m in matched["standards"]
            ]
        standards = self._rank("standards", matched["standards"], cue_scores["standards"])
        themes = self._rank("themes", matched["themes"], cue_scores["themes"])
        # A text whose standards are withheld reaches its quadrants through its themes only,
        # and a standard over the threshold that is not kept lifts no quadrant over it.
        fitting = _fitting(fits, self.threshold, outside, standards)
        given = {id(m) for m in _kept(standards, self.threshold)} if fitting else set()
        through = [m for m in standards if m.score < self.threshold or id(m) in given]
        quadrants = self._quadrants(through if fitting else (), themes, shown)
        return Result(standards, themes, quadrants, self.threshold, fits, outside)

    def _unevidenced(self, themes: list[_Scored]) -> frozenset[str]:
        """The standards about some themes' subjects (``about_themes``) none of which
        ``themes`` (the text's themes by their cues) scores at the threshold: "training on
        managing risk" names none of neglect, sexual abuse and domestic abuse, so it is not
        practitioner confidence with them, whatever its learned words say; nor does a weak cue
        alone ("victims of crime": *victim*, 45, for domestic abuse) make it so."""
        evidenced = {item for item, score, _ in themes if score >= self.threshold}
        return frozenset(s for s, about in self._about.items() if about.isdisjoint(evidenced))

    def terms(self, text: str) -> dict[tuple[str, ...], tuple[int, int, float]]:
        """The words and adjacent word pairs of ``text`` that learned weights can use.

        Each term (as normal forms) maps to its first place in the text and how much it
        counts (1). Words that name who acts, or a role, are left out: the learned weights
        read what is to be done. ``learn`` fits on exactly these terms, so training and
        mapping see the same.
        """
        source, reading = _read(text)
        scanned = self._scan(source, self._split(source))
        found = _text_terms(scanned, actor_spans(source) + role_spans(source))
        return _spans_written(found, reading)

    def excluded_terms(self, text: str) -> dict[tuple[str, str], frozenset[tuple[str, ...]]]:
        """Of the terms of ``terms(text)``, those standing (at the place ``terms`` gives) in
        one of an item's exclusions, by (kind, id): they count nothing for that item, in
        ``learn`` as in mapping (``_apply_learned``)."""
        source, _ = _read(text)
        found = self._found(source, self._split(source))
        if not found.excluded:
            return {}
        terms = _text_terms(found.scanned, found.actors)
        out: dict[tuple[str, str], frozenset[tuple[str, ...]]] = {}
        places = _places(found.scanned, found.actors)
        for key, hits in found.excluded.items():
            spans = [(x.start, x.end) for a in hits for x in _every_place(a.pattern, found.scanned)]
            out[key] = frozenset(
                t
                for t, (a, b) in terms.items()
                if _place_outside(found.scanned, places, a, b, spans) is None
            )
        return out

    def fit_terms(self, text: str) -> dict[tuple[str, ...], tuple[int, int, float]]:
        """The words and word pairs the model of fit reads: ``terms`` with who acts kept.

        Who a recommendation is addressed to says whether it is about practice at all:
        professionals, staff and partners are asked to change practice; a government, a
        country's law or a regulator, something else. ``learn`` fits the model of fit on
        exactly these terms.
        """
        source, reading = _read(text)
        found = _text_terms(self._scan(source, self._split(source)), [])
        return _spans_written(found, reading)

    def _apply_learned(
        self,
        scored: dict[str, list[_Scored]],
        scanned: _Text,
        actors: list[tuple[int, int]],
        text: str,
        outside: tuple[Evidence, ...],
        shown: int = 1,
        masked: Mapping[int, list[tuple[int, int]]] | None = None,
    ) -> tuple[dict[str, list[Match]], int | None]:
        """Rescore every item with learned weights: bias + cue score + the text's words;
        and, when the weights have a model of it, how likely the text fits at all. Items
        scoring under ``shown`` keep their score but get no evidence (see ``match_many``).
        A word that stands only in an item's exclusions (``masked``, by model) counts
        nothing for it, as ``learn`` fits it: *supervised* in "supervised contact" is no
        evidence of staff supervision; where it also stands elsewhere, it counts there
        (``_place_outside``)."""
        models = self._models
        gate = self.framework.learned.mapped if self.framework.learned else None
        # Each item's sum of its terms' weights, and the terms that count for each item,
        # which its evidence shows.
        totals = [0.0] * len(models)
        # The terms that are evidence, with their number among ``terms``.
        found: list[tuple[_LearnedTerm, int, int, int]] = []
        places = _places(scanned, actors)
        terms, fit_weights = self._learned_in(scanned, actors, gate is not None, places)
        # Where an item's exclusions stand over a term's first place (``masked``): the items
        # it counts nothing for, by term, and where it counts for the others instead.
        blocked_at: dict[int, set[int]] = {}
        moved: dict[tuple[int, int], tuple[int, int]] = {}
        if masked:
            for i, (_, start, end) in enumerate(terms):
                for slot, spans in masked.items():
                    if _within_any(start, end, spans):
                        where = _place_outside(scanned, places, start, end, spans)
                        if where is None:
                            blocked_at.setdefault(i, set()).add(slot)
                        else:
                            moved[(i, slot)] = where
        for i, (learned, start, end) in enumerate(terms):
            blocked = blocked_at.get(i) if blocked_at else None
            if blocked:
                for slot, weight in learned.weights:
                    if slot not in blocked:
                        totals[slot] += weight
            else:
                for slot, weight in learned.weights:
                    totals[slot] += weight
            if learned.evidence:
                found.append((learned, start, end, i))
        fits = None
        if gate is not None:
            on_framework = evidence_of_fit([score / 100 for _, score, _ in scored["standards"]])
            z = gate.bias + gate.cues * on_framework - (OUTSIDE_PENALTY if outside else 0.0)
            z += sum(fit_weights)
            fits = round(100 / (1 + math.exp(-z)))
        out: dict[str, list[Match]] = {kind: [] for kind in scored}
        rules: dict[int, _Scored] = {}
        for kind, matches in scored.items():
            for cued in matches:
                modelled = self._slots.get((kind, cued[0]))
                if modelled is None:  # no model: its cues' score stands
                    out[kind].append(_cue_match(*cued, text, shown))
                else:
                    rules[modelled] = cued
        # An item is rescored where it has evidence: a cue's, or a learned word's. Without,
        # its score shows nowhere. The order is ``_rank``'s to decide.
        evidenced: set[int] = set()
        for learned, _, _, i in found:
            blocked = blocked_at.get(i) if blocked_at else None
            if blocked:
                evidenced.update(s for s in learned.evidence if s not in blocked)
            else:
                evidenced.update(learned.evidence)  # in place: |= with a view makes a new set
        # Without near misses (``shown`` over 1), a score under ``drop`` is read by no output:
        # not assigned, and not the best standard that ``_fitting`` reads with cues alone.
        # Such an item is left out, its score not even worked out where its log-odds are
        # surely too low (``_log_odds_under``).
        drop = min(shown, OUTSIDE_CUES_BAR)
        low = _log_odds_under(drop)
        bare_matches, biases = self._bare_matches, self._biases
        # Items with a learned word's evidence and no cue's: bias + cues * 0.0 is the bias,
        # but for the sign of a zero, which changes no score. Most are under ``low``, and
        # are left out in one pass.
        rescored: list[tuple[int, list[_Cue], float]] = [
            (slot, [], z)
            for slot in evidenced.difference(rules)
            if (z := biases[slot] + totals[slot]) >= low
        ]
        for slot, (_, cue_score, cues) in rules.items():
            model = models[slot][2]
            z = model.bias + model.cues * (cue_score / 100)
            z += totals[slot]
            if model.cue_weights:
                cue_weights = model.cue_weights
                total = 0.0  # added up in order, as sum() adds floats: the same to the bit
                for cue, _, _, quality in cues:
                    total += cue_weights.get(cue, 0.0) * quality
                z += total
            if z >= low:
                rescored.append((slot, cues, z))
        for slot, cues, z in rescored:
            kind, item, _ = models[slot]
            score = round(100 / (1 + math.exp(-z)))
            if score < drop:
                continue
            if score < shown:
                # Without evidence, each made once and shared (a match is frozen): a score
                # that no output shows but ``_fitting`` may read (a threshold over
                # ``OUTSIDE_CUES_BAR``).
                made = bare_matches[slot]
                bare = made.get(score)
                if bare is None:
                    bare = made[score] = Match(item, score, ())
                out[kind].append(bare)
                continue
            evidence = [_evidence(cue, text[a:b], a, b, quality) for cue, a, b, quality in cues]
            # Gathered for the few items shown, in the order the terms stand in the text.
            if masked and slot in masked:
                # Each word where it stands outside the item's exclusions, if anywhere.
                learned_parts = [
                    (weight, label, *moved.get((i, slot), (a, b)))
                    for learned, a, b, i in found
                    if slot in learned.evidence and slot not in blocked_at.get(i, ())
                    for weight, label in learned.evidence[slot]
                ]
            else:
                learned_parts = [
                    (weight, label, a, b)
                    for learned, a, b, _ in found
                    for weight, label in learned.evidence.get(slot, ())
                ]
            if len(learned_parts) > 1:
                learned_parts.sort(key=lambda p: (-p[0], p[2]))
            for _, label, a, b in learned_parts:
                evidence.append(_evidence(label, text[a:b], a, b))
            out[kind].append(_match(item, score, tuple(evidence)))
        return out, fits

    def _excluded_spans(
        self, excluded: Mapping[tuple[str, str], list[_Hit]], text: _Text
    ) -> dict[int, list[tuple[int, int]]]:
        """Every place each learned item's exclusions stand in ``text``, by the item's model
        (``_slots``): where its learned words count nothing."""
        out: dict[int, list[tuple[int, int]]] = {}
        for key, found in excluded.items():
            slot = self._slots.get(key)
            if slot is not None:
                out[slot] = [(x.start, x.end) for a in found for x in _every_place(a.pattern, text)]
        return out

    def _learned_in(
        self,
        text: _Text,
        actors: list[tuple[int, int]],
        with_fit: bool,
        places: _Places | None = None,
    ) -> tuple[list[tuple[_LearnedTerm, int, int]], list[float]]:
        """The learned terms among ``_text_terms(text, actors)``, each once, in that order
        and with its place; and, ``with_fit``, the model of fit's weights of the terms among
        ``_text_terms(text, [])`` (who acts kept: who is addressed says whether the text is
        about practice), in that order, so that they add up as the same sum. One pass over
        the words, and a term is made only of a word that begins a learned one."""
        places = places or _places(text, actors)  # ``_places(text, actors)`` if given
        norms, heads = text.norms, self._heads
        word_ok, pair_ok, word_acts, pair_acts = (
            places.word_ok,
            places.pair_ok,
            places.word_acts,
            places.pair_acts,
        )
        starts, ends = places.starts, places.ends
        terms: list[tuple[_LearnedTerm, int, int]] = []
        fit_weights: list[float] = []
        seen: set[int] = set()
        fit_seen: set[int] = set()
        # Each learned term as it is met, a word's own term before the pair it begins (as
        # in ``_text_terms``), taken once: for the model of fit wherever it stands, for
        # the items' models outside who acts. Written out for the word and the pair alike:
        # a local function for the two took a tenth longer over this step.
        for k, key in enumerate(norms):
            head = heads.get(key)
            if head is None:
                continue
            single, pairs = head
            if single is not None and word_ok[k]:
                number, learned, fit_weight = single
                if with_fit and fit_weight is not None and number not in fit_seen:
                    fit_seen.add(number)
                    fit_weights.append(fit_weight)
                if learned is not None and not word_acts[k] and number not in seen:
                    seen.add(number)
                    terms.append((learned, starts[k], ends[k]))
            if pairs and pair_ok[k]:
                entry = pairs.get(norms[k + 1])
                if entry is not None:
                    number, learned, fit_weight = entry
                    if with_fit and fit_weight is not None and number not in fit_seen:
                        fit_seen.add(number)
                        fit_weights.append(fit_weight)
                    if learned is not None and not pair_acts[k] and number not in seen:
                        seen.add(number)
                        terms.append((learned, starts[k], ends[k + 1]))
        return terms, fit_weights

    def _rank(
        self, kind: str, matches: list[Match], cue_scores: dict[str, int]
    ) -> tuple[Match, ...]:
        if len(matches) < 2:  # a text has one theme or none as often as not
            return tuple(matches)
        order = self._order[kind]

        def key(m: Match) -> tuple[int, int, int]:
            return (-m.score, -cue_scores.get(m.id, 0), order[m.id])

        return tuple(sorted(matches, key=key))

    def _quadrants(
        self, standards: Iterable[Match], themes: Iterable[Match], shown: int = 1
    ) -> tuple[Match, ...]:
        """Each quadrant's best score among its standards and themes, with their evidence;
        a quadrant scoring under ``shown`` gets none (see ``match_many``)."""
        best: dict[str, list[Match]] = {}
        for kind, matches in (("standards", standards), ("themes", themes)):
            quadrant_of = self._quadrant_of[kind]
            for m in matches:
                quadrant = quadrant_of[m.id]
                if quadrant:
                    members = best.get(quadrant)
                    if members is None:
                        best[quadrant] = [m]
                    else:
                        members.append(m)
        order = self._quadrant_order
        out = []
        for quadrant, members in best.items():
            top = max([m.score for m in members])
            if top < shown:
                made = self._quadrant_matches.setdefault(quadrant, {})
                bare = made.get(top)
                if bare is None:
                    bare = made[top] = Match(quadrant, top, ())
                out.append(bare)
                continue
            # Show the evidence of every contributor that is itself assigned (or the best one).
            sources = [m for m in members if m.score >= self.threshold] or [
                max(members, key=lambda m: m.score)
            ]
            evidence = tuple(
                _evidence(e.cue, e.matched, e.start, e.end, e.quality, m.id)
                for m in (sorted(sources, key=lambda m: -m.score) if len(sources) > 1 else sources)
                for e in m.evidence
            )
            out.append(_match(quadrant, top, evidence))
        if len(out) < 2:
            return tuple(out)
        return tuple(sorted(out, key=lambda m: (-m.score, order[m.id])))


def _one_edit(
    word: str,
    vocabulary: list[str],
    near: dict[int, list[str]],
    key_of: Mapping[str, str] | None = None,
) -> str | None:
    """The word of ``vocabulary`` that ``word`` is a typing slip of, or None: None too where
    it could be a slip of a word of another cue word as well (a letter dropped, added or
    swapped, or, from nine letters, changed). The stem *respon* ("responive") is a letter
    short of *respond* and of *respons* (responsive), and *refrer* ("refrering", of
    *referring*) a swap from *referr* (referrer) and a letter more than *refer*. Which was
    meant cannot be told, and reading the wrong one maps the text to what it never said; a
    slip left unread costs only its own cue. Two spellings of one cue word (``key_of``
    gives each spelling's key: *action* and *actions*) are no rivals.

    ``near`` remembers the vocabulary's words within one letter of each length met.
    """
    if len(word) < 6 or word.isdigit():
        return None
    # Imported at the first word to correct: a text whose words are all cue words or
    # short (one sentence typed at the command line) starts without it.
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    # Only words within a letter of its length can be one edit away: the others are left
    # out first, in the vocabulary's order, so the same five come back (ties in that
    # order) in half the time.
    n = len(word)
    choices = near.get(n)
    if choices is None:
        choices = near[n] = [w for w in vocabulary if n - 1 <= len(w) <= n + 1]
    near_words = [
        candidate
        for candidate, distance, _ in process.extract(
            word, choices, scorer=OSA.distance, score_cutoff=1, limit=5
        )
        if distance == 1 and candidate[0] == word[0]
    ]
    # A letter changed is no rival: where it is no slip it is how real words differ (``_slip``).
    slips = [c for c in near_words if _slip(word, c)]
    rivals = slips + [c for c in near_words if len(c) != len(word) and c not in slips]
    if not slips or len({key_of.get(c, c) if key_of else c for c in rivals}) > 1:
        return None
    return slips[0]


def _slip(word: str, meant: str) -> bool:
    """Whether ``word``, one edit from ``meant`` and of six letters or more, is a slip of
    typing it: a letter dropped, two swapped, one doubled, or (from nine letters) one
    wrong before the last two.

    Where real words differ from the cue words by one letter, it is no slip: a letter
    more that doubles none ("contract" and "contact", "causes" and "cases", "appear"
    and "appar" as stemmed), a wrong letter in the ending ("commissioner" and
    "commissioned"), or in a shorter word ('draft' and 'drift', 'content' and
    'consent'). Reading these as typos mapped text to what it never said.
    """
    n = len(word)
    if n == len(meant):
        if sorted(meant) == sorted(word):
            return True
        wrong = next(i for i in range(n) if word[i] != meant[i])
        return n >= 9 and wrong < n - 2
    if n < len(meant):
        return True
    # The first letter that differs is the one more (the rest of ``word`` is ``meant``'s),
    # so it doubles a letter only as a copy of the one before it; there is none before the
    # first letter, and ``word[-1]`` is no neighbour.
    extra = next((i for i in range(len(meant)) if word[i] != meant[i]), len(meant))
    return extra > 0 and word[extra] == word[extra - 1]


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_KIN = 5
"""Stems that start alike to here are of one family (*histori*, *histor*; *violent*,
*violenc*): a slip of both is read as the cue word, whichever was meant."""
_SHORTEST_STEM = 3
"""No key shorter than this is looked for at the start of a word `_rival` makes."""


def _rival(spelt: str, found: str, keys: Set[str], starts: Set[str]) -> bool:
    """Whether ``spelt``, a slip of a cue word as written (whose key is ``found``), is as
    well a word no cue writes with a letter dropped, whose stem is the key of another
    family (``_KIN``) of cue words. "proective" is "proactive" with a letter
    wrong and "protective" (*protect*, a cue word's stem) with one dropped; "leaing" is
    "leaving" and "leading" with one dropped. The cue words as written are a few of the
    words their stems stand for, so which was meant cannot be told, and the slip is left
    unread (`_one_edit`).

    A stem is the start of its word, so a word is stemmed only where one of its starts is a
    key (`_may_stem_to_key`); ``starts`` holds every start of every key, so a word changed
    at one place whose start to there is none of them starts no key past it."""
    n = len(spelt)
    # The first start of ``spelt`` that is a key: a word changed after it starts with it.
    first = next((j for j in range(_SHORTEST_STEM, n + 1) if spelt[:j] in keys), n + 2)
    prunable = first > n and _stems_as_written(spelt)
    for i in range(1, n + 1):
        if prunable and spelt[:i] not in starts and spelt[: i - 1] + "i" not in starts:
            # No start of ``spelt`` is a key, and none from here on starts one (nor a last
            # *y* read as *i*): no word changed here or later stems to a key.
            break
        # The words with a letter put in at ``i`` (the letter the slip dropped).
        for word in [spelt[:i] + c + spelt[i:] for c in _LETTERS]:
            if (
                first > i
                and not _may_stem_to_key(word, i, keys, starts)
                and _stems_as_written(word)
            ):
                continue
            stem = normal_form(word)
            if stem in keys and stem[:_KIN] != found[:_KIN]:
                return True
    return False


def _stems_as_written(word: str) -> bool:
    """Whether ``word`` is stemmed as written, so that its stem is a start of it: not where
    another spelling ("center", "centre"; an *-ize*) or an irregular form ("women") is read
    first (`normal_form`). A word with a *z* is taken as read otherwise, unasked: the check
    is quick where `spelling` is not."""
    return word.isalpha() and "z" not in word and word not in US_TO_UK and word not in IRREGULAR


def _may_stem_to_key(word: str, i: int, keys: Set[str], starts: Set[str]) -> bool:
    """Whether a key can be the stem of ``word``, changed at ``i`` and not before: a stem is
    a start of its word, so one of its starts past ``i`` must be a key, but for a last *y*
    stemmed as *i* (*family*, *famili*)."""
    if word.endswith("y") and word[:-1] + "i" in keys:
        return True
    if word[: i + 1] not in starts:
        return False
    return any(word[:j] in keys for j in range(max(_SHORTEST_STEM, i + 1), len(word) + 1))


def _starts(keys: Iterable[str]) -> frozenset[str]:
    """Every start of every key ("pro", "prot", ... "protect"), for `_rival`."""
    return frozenset(k[:j] for k in keys for j in range(1, len(k) + 1))


def _spellings(phrases: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """Each word of ``phrases`` as written (``spelling``) and the key it stands for;
    acronyms left out, as typo correction never makes one."""
    spelt: dict[str, str] = {}
    for phrase, keys in phrases:
        written = [w for w in WORD.findall(fold(phrase)) if w.lower() not in GAP_WORDS]
        for word, key in zip(written, keys, strict=True):
            if not key.startswith("^"):
                spelt.setdefault(spelling(word), key)
    return spelt


def _in_order(keys: tuple[str, ...], i: int, text: _Text) -> list[int] | None:
    """Positions of the cue's words standing in order from ``i``, in one sentence; ``i`` is
    where its first word stands (``_find`` tries no other place)."""
    last = i + len(keys) - 1
    content = text.content
    if last >= len(content):
        return None
    if last == i:
        return [i]
    keys_at = text.keys_at
    for j in range(1, len(keys)):
        if keys[j] not in keys_at[i + j]:
            return None
    breaks, offsets = text.breaks, text.offsets
    if bisect_left(breaks, offsets[2 * content[last]]) != bisect_left(
        breaks, offsets[2 * content[i]]
    ):
        return None  # a sentence ends between them
    return list(range(i, last + 1))


def _in_window(keys: tuple[str, ...], i: int, text: _Text) -> list[int] | None:
    """Positions of the cue's words in order within one sentence, with at most one other
    word among them ("share relevant information" for "share information")."""
    limit = i + len(keys)
    sentence = text.sentence(i)
    used = [i]
    for key in keys[1:]:
        positions = text.where[key]
        # Bisect to the first candidate: scanning from the start made one long item quadratic.
        start = bisect_right(positions, used[-1])
        stop = bisect_right(positions, limit, start)
        spot = next((p for p in positions[start:stop] if text.sentence(p) == sentence), None)
        if spot is None:
            return None
        used.append(spot)
    return used


def _every_place(pattern: _Pattern, text: _Text) -> Iterator[_Hit]:
    """Every place ``pattern`` matches in ``text``, in order; ``_find`` takes the best."""
    for i in text.where[pattern.keys[0]]:
        if len(pattern.keys) == 1:
            yield _word_at(pattern, i, text, TYPO_QUALITY if i in text.typos else 1.0)
        else:
            hit = _phrase_at(pattern, i, text)
            if hit is not None:
                yield hit


def _word_at(pattern: _Pattern, i: int, text: _Text, quality: float) -> _Hit:
    """A one-word pattern's hit on content word ``i``."""
    k = 2 * text.content[i]
    return _Hit(pattern, text.offsets[k], text.offsets[k + 1], quality)


def _phrase_at(pattern: _Pattern, i: int, text: _Text) -> _Hit | None:
    """Where a phrase of several words matches from its first word at ``i``: in order,
    else with one other word among them (not an exclusion's, an outside phrase's or an
    ``adjacent`` cue's)."""
    used = _in_order(pattern.keys, i, text)
    quality, across = 1.0, False
    if pattern.adjacent:
        if used is None or not _side_by_side(pattern.adjacent, used, text):
            return None
    elif used is None and not pattern.exclude and pattern.kind != OUTSIDE:
        used = _in_window(pattern.keys, i, text)
        quality, across = WINDOW_QUALITY, True
    if used is None:
        return None
    if text.typos and any(p in text.typos for p in used):
        quality *= TYPO_QUALITY
    return _Hit(pattern, text.start(used[0]), text.end(used[-1]), quality, across)


_SPACE_OR_HYPHEN = re.compile(r"[\s\-\u00ad]*")
"""What may stand between the words of an ``adjacent`` cue: nothing but spaces and hyphens."""
_JOINED_BEFORE = re.compile(r"\w[-\u2013]\s*$")
"""A word and a hyphen or en dash just before a match: it ends a compound ("non-domestic")."""
_JOINED_AFTER = re.compile(r"-\w")
"""A hyphen and a word just after a match: it starts a compound ("family help-seeking")."""
_POSSESSIVE = re.compile(r"'s?$")


def _as_written(cue: str) -> tuple[str, ...]:
    """An ``adjacent`` cue's words as ``_side_by_side`` compares them: read as a text is (a
    curly apostrophe as a straight one), in lower case, without possessives, from its first
    word that phrases do not skip to its last ("the voice of the child" starts where its
    match starts, at *voice*)."""
    words = WORD.findall(read(cue)[0].lower())
    kept = [i for i, w in enumerate(words) if w not in GAP_WORDS]
    # A possessive aside, as in the text (``_written_as``): *child's plan* is child + plan.
    return tuple(_POSSESSIVE.sub("", w) for w in words[kept[0] : kept[-1] + 1]) if kept else ()


def _written_as(written: str, word: str) -> bool:
    """Whether ``written`` (a word of the text, in lower case) is ``word`` as written: the
    word itself, its plural (*incidents*, *enquiries*) or its possessive (*Help's*)."""
    written = _POSSESSIVE.sub("", written)
    return written in (word, word + "s", word + "es") or (
        word.endswith("y") and written == word[:-1] + "ies"
    )


def _side_by_side(words: tuple[str, ...], used: list[int], text: _Text) -> bool:
    """Whether an ``adjacent`` cue's match (content words ``used``, in order) gives its
    ``words`` as they are: each as written, a plural or possessive aside ("domestic
    incidents" for *domestic incident*) or a corrected slip; no other word among them, not
    even one that phrases skip ("the family to help"), nor punctuation ("the family, help
    the mother"); and not part of a hyphenated word ("non-domestic incidents", "family
    help-seeking"). "Family helped" is not *family help*: another ending is another sense
    (though "the family helps" is read as a plural: the two cannot be told apart)."""
    source, offsets, content = text.source, text.offsets, text.content
    first, last = content[used[0]], content[used[-1]]
    if last - first + 1 != len(words):
        return False
    begin, end = offsets[2 * first], offsets[2 * last + 1]
    if _JOINED_BEFORE.search(source, max(0, begin - 4), begin) or _JOINED_AFTER.match(source, end):
        return False
    slips = {content[p] for p in text.typos} if text.typos else set()
    for k, word in zip(range(first, last + 1), words, strict=True):
        written = _LINE_HYPHEN.sub("", source[offsets[2 * k] : offsets[2 * k + 1]]).lower()
        if not _written_as(written, word) and k not in slips:
            return False
        if k < last and not _SPACE_OR_HYPHEN.fullmatch(
            source, offsets[2 * k + 1], offsets[2 * k + 2]
        ):
            return False
    return True


def _place_outside(
    text: _Text, places: _Places, start: int, end: int, spans: list[tuple[int, int]] | None
) -> tuple[int, int] | None:
    """Where the term first standing at ``start:end`` (a word, or a pair of words, of
    ``_text_terms``) stands outside ``spans``: there, or at a later place of the same
    words that makes a term; None where every place is in ``spans``. "Supervised contact
    and staff supervision": *supervis-* counts at "supervision" whichever comes first."""
    if not _within_any(start, end, spans):
        return start, end
    starts, ends, norms = places.starts, places.ends, text.norms
    k = starts.index(start)
    if ends[k] == end:  # a word
        for j in range(k + 1, len(norms)):
            if (
                norms[j] == norms[k]
                and places.word_ok[j]
                and not places.word_acts[j]
                and not _within_any(starts[j], ends[j], spans)
            ):
                return starts[j], ends[j]
        return None
    for j in range(k + 1, len(norms) - 1):  # a pair
        if (
            norms[j] == norms[k]
            and norms[j + 1] == norms[k + 1]
            and places.pair_ok[j]
            and not places.pair_acts[j]
            and not _within_any(starts[j], ends[j + 1], spans)
        ):
            return starts[j], ends[j + 1]
    return None


def _within_any(start: int, end: int, spans: list[tuple[int, int]] | None) -> bool:
    """Whether ``start:end`` overlaps one of ``spans`` (None: there are none)."""
    return spans is not None and any(a < end and start < b for a, b in spans)


def _blocked(
    start: int, end: int, before: set[int], after: set[int], against: Sequence[_Hit]
) -> bool:
    """Whether a match at ``start:end`` is negated (``_Text.negations``) or overlaps one of
    its item's exclusions (``against``)."""
    return start in before or end in after or any(x.start < end and start < x.end for x in against)


def _drop_contained(hits: list[_Hit]) -> list[_Hit]:
    """Keep one hit per stretch of text: a cue inside a longer matched cue adds nothing,
    since the longer is the more specific (*DASH risk assessment* over its *DASH*), even
    misspelt ("workforce developmnet" is still *workforce development*, not a generic
    *workforce*). But a cue read across another word does not hide a stronger cue inside
    it: *domestic incident* across "domestic abuse incidents" reads the word between as a
    gap, where *domestic abuse* reads it, and counts less."""
    if len(hits) < 2:
        return list(hits)  # most items have one: nothing to sort or compare
    hits = [
        h
        for h in hits
        if not h.across
        or not any(
            h.start <= x.start
            and x.end <= h.end
            and x.pattern.weight * x.quality > h.pattern.weight * h.quality
            for x in hits
        )
    ]
    kept: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), -h.pattern.weight, h.pattern.cue)):
        if not any(k.start <= h.start and h.end <= k.end for k in kept):
            kept.append(h)
    return kept


def _outside(
    scanned: _Text,
    outside_hits: list[_Hit] | None,
    addressee_hits: list[_Hit] | None,
    actors: list[tuple[int, int]],
    text: str,
) -> tuple[Evidence, ...]:
    """The evidence that a text is outside the framework, in the text's order: its
    ``outside`` phrases that name their subject (their very words, `_very_words`, and not
    in who acts: "the licensing authority should share ..." is no text about licensing),
    and the addressees outside it that name who acts (`_addressed`). Neither counts where
    negated."""
    source = scanned.source
    # The very words before the longest match: "procure" and "procurement", of one stem,
    # match at one place, and only one of them is written there.
    written = [h for h in outside_hits or () if _very_words(h, source)]
    kept = [h for h in _drop_contained(written) if not _within(h.start, h.end, actors)]
    if addressee_hits:
        # Every place each addressee stands: a text may be addressed to one body twice.
        every = [
            x
            for h in addressee_hits
            for x in _every_place(h.pattern, scanned)
            if _very_words(x, source)
        ]
        if every:
            kept += _addressed(source, _drop_contained(every))
    return tuple(
        _evidence(h.pattern.cue, text[h.start : h.end], h.start, h.end, round(h.quality, 3))
        for h in sorted(kept, key=lambda h: h.start)
        if not scanned.negated(h.start, h.end)
    )


def _addressed(source: str, hits: list[_Hit]) -> list[_Hit]:
    """Of ``hits``, the addressees' very words (`_outside`), those that say a text is
    addressed outside the framework: each in a subject, before an active modal, made of
    nothing but such bodies ("The Home Office should ...", "Ofsted and the CQC must ...";
    not "Staff who refer to Ofsted should ...", "Church ministers should ..."). None where
    another clause's subject names someone else who acts ("Agencies should share ... The
    Home Office should review ..."): that part is practice, and the text keeps its fit."""
    found: list[_Hit] = []
    for start, end in subject_spans(source):
        inside = [h for h in hits if start <= h.start and h.end <= end]
        if inside and _only_bodies(source, start, end, inside):
            found += inside
    national = [(h.start, h.end) for h in found]
    for start, end in actor_spans(source):
        if not any(start <= a and b <= end for a, b in national):
            return []  # someone else acts too
    return found


def _only_bodies(source: str, start: int, end: int, bodies: list[_Hit]) -> bool:
    """Whether the subject ``start:end`` holds nothing but the ``bodies`` matched in it, the
    rest of their names (`_NAME_TAIL`), the words of ``_BODY_FILLER`` and a bracketed short
    name ("(CQC)")."""
    blanked = list(source[start:end])
    for h in bodies:
        tail = _NAME_TAIL.match(source, h.end, end)
        stop = tail.end() if tail else h.end
        blanked[h.start - start : stop - start] = " " * (stop - h.start)
    rest = _BRACKETED.sub(" ", "".join(blanked))
    return all(w.lower() in _BODY_FILLER for w in WORD.findall(rest))


def _very_words(hit: _Hit, source: str) -> bool:
    """Whether a match is its phrase's very words (a plural aside) and nothing between
    them, not a stem ("licensed interpreters") or a phrase with words left out ("water and
    safety")."""
    written = WORD.findall(source[hit.start : hit.end].lower())
    wanted = WORD.findall(hit.pattern.cue.lower())
    return len(written) == len(wanted) and all(map(very_word, written, wanted))


def _one_actor(hits: list[_Hit], actors: list[tuple[int, int]]) -> list[_Hit]:
    """A standard's hits with those in who acts (``actors``) counted as one: the strongest
    of them, at ``ACTOR_FACTOR`` of its quality; the others are dropped. Who acts says who
    does the work, however many are named: "Health visitors, GPs and school nurses should
    ask about fathers" names three roles, and is no more about the professionals in
    multi-agency discussions (2.3) than "Health visitors should ..." is."""
    acting = [h for h in hits if _within(h.start, h.end, actors)]
    if not acting:
        return hits
    strongest = max(acting, key=lambda h: h.pattern.weight * h.quality)  # the first of equals
    strongest.quality *= ACTOR_FACTOR
    return [h for h in hits if h is strongest or not _within(h.start, h.end, actors)]


@cache
def _log_odds_under(score: int) -> float:
    """A log-odds ``z`` under which ``round(100 / (1 + exp(-z)))`` is surely under
    ``score``: where that is ``score - 0.5``, less a margin. Near there the curve climbs at
    least 0.49 points per unit of ``z``, so the margin of 1e-6 keeps it more than 4e-7 under
    the half, far more than rounding in ``exp`` and the division moves it."""
    half = score - 0.5
    return math.log(half / (100 - half)) - 1e-6


def _kept(standards: Sequence[Match], threshold: int) -> tuple[Match, ...]:
    """The standards a fitting text is given: those over the threshold, best first, at most
    ``MAX_STANDARDS`` of them and none under ``KEEP_RELATIVE`` of the best."""
    over = [m for m in standards if m.score >= threshold]
    if not over:
        return ()
    floor = over[0].score * KEEP_RELATIVE
    return tuple(m for m in over[:MAX_STANDARDS] if m.score >= floor)


def _fitting(
    fits: int | None, threshold: int, outside: tuple[Evidence, ...], standards: Sequence[Match]
) -> bool:
    """``Result.fitting``, decided before the result is built (its quadrants depend on it)."""
    if fits is not None:
        return fits >= threshold
    return not outside or (bool(standards) and standards[0].score >= OUTSIDE_CUES_BAR)


def evidence_of_fit(scores: Iterable[float]) -> float:
    """How much the cues say a text is on the framework at all (0 to 1): every standard's
    cue score (0 to 1) counts, as weak cues count towards one standard's score."""
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - score
    return 1.0 - remaining


def _generic(cue: Cue, keys: tuple[str, ...], theme_runs: frozenset[tuple[str, ...]]) -> bool:
    """True when a standard's cue says too little alone: one ordinary word with no weight
    of its own, a role or body ("health visitors", as actor or as audience), or the
    subject of a theme of another quadrant ("domestic abuse" for a standard about
    practitioners' confidence): its words stand together, in order, inside one of those
    themes' cues, that is, they are one of ``theme_runs`` (see `_runs`).

    A theme of the standard's own quadrant names the standard's area ("information
    sharing" for a standard on sharing information), so its words stay specific. A
    weight of ``SPECIFIC_WEIGHT`` or more in the framework file is the maintainer saying
    the cue is specific to its standard ("father" for involving fathers).
    """
    if cue.weight is not None and cue.weight >= SPECIFIC_WEIGHT:
        return False
    if len(keys) == 1 and not keys[0].startswith("^") and cue.weight is None:
        return True
    if keys[-1].lstrip("^").lower() in _ROLE_KEYS:
        return True  # "health visitor", "GP": names who acts, wherever it stands
    return keys in theme_runs


def _runs(phrases: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Every run of consecutive words of every phrase: words stand together, in order,
    inside one of ``phrases`` exactly when they are one of these. A set look-up instead
    of a scan of every phrase for every cue, which made compiling a framework slower
    than mapping a sentence."""
    return frozenset(
        p[i:j] for p in phrases for i in range(len(p)) for j in range(i + 1, len(p) + 1)
    )


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``start:end`` lies inside one of ``spans``. A loop, not ``any()`` over a
    generator: this runs for every standard's hit, and most texts have one or two spans."""
    for a, b in spans:  # noqa: SIM110 (see above)
        if a <= start and end <= b:
            return True
    return False


@dataclass(slots=True)
class _Places:
    """Where a text's words stand and which of its words and word pairs make terms (see
    ``_places``): parallel lists over its content words. Not frozen, as ``_Found``."""

    starts: list[int]
    ends: list[int]
    word_ok: list[bool]
    """Whether the word makes a term: not negated."""
    pair_ok: list[bool]
    """Whether words k and k + 1 make a term: in one sentence, neither negated."""
    word_acts: list[bool]
    """Whether the word overlaps who acts."""
    pair_acts: list[bool]
    """Whether words k and k + 1 overlap who acts."""


def _places(text: _Text, actors: list[tuple[int, int]]) -> _Places:
    """What rules a text's terms out, worked out per word and per pair of neighbours before
    any term is made, each once: whether a negation ends the clause before a word or
    follows it (a pair is negated by what precedes its first word or follows its second),
    where a sentence ends, and which words and pairs overlap who acts (found by bisection,
    one actor at a time, not one term at a time). This runs for every text when learned
    weights are on."""
    count = len(text.content)
    starts, ends = text.spans()
    word_ok = [True] * count
    pair_ok = [True] * count
    if count:
        pair_ok[-1] = False
    for stop in text.breaks:
        # A sentence ends between the pair's words.
        first = bisect_right(starts, stop) - 1
        if first >= 0:
            pair_ok[first] = False
    if text.negatable:
        before, after = text.negations()
        for k in range(count):
            if starts[k] in before:
                word_ok[k] = pair_ok[k] = False
            if ends[k] in after:
                word_ok[k] = False
                if k:
                    pair_ok[k - 1] = False
    # Who acts is not what is done: learned words read the action only.
    word_acts = [False] * count
    pair_acts = [False] * count
    for a, b in actors:
        # The words from ``low`` to ``high`` overlap a:b, and so does a pair whose second
        # word does.
        low, high = bisect_right(ends, a), bisect_left(starts, b)
        for k in range(max(low - 1, 0), high):
            pair_acts[k] = True
            if k >= low:
                word_acts[k] = True
    return _Places(starts, ends, word_ok, pair_ok, word_acts, pair_acts)


def _text_terms(
    text: _Text, actors: list[tuple[int, int]]
) -> dict[tuple[str, ...], tuple[int, int]]:
    """Words and adjacent word pairs (gap words left out, within a sentence) of a text,
    outside who acts and outside negated clauses ("no evidence of domestic abuse"), each
    with its first place in the text (start, end): what ``learn`` fits on. Mapping reads
    only the learned ones (``Matcher._learned_in``), from the same ``_places``."""
    places, norms = _places(text, actors), text.norms
    starts, ends = places.starts, places.ends
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    for k, key in enumerate(norms):
        if places.word_ok[k] and not places.word_acts[k] and (key,) not in out:
            out[(key,)] = (starts[k], ends[k])
        if places.pair_ok[k] and not places.pair_acts[k]:
            term = (key, norms[k + 1])
            if term not in out:
                out[term] = (starts[k], ends[k + 1])
    return out
