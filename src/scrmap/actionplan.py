"""Action-plan progress: were the actions the recommendations asked for done?

That is a Board's first question of any review, and action plans answer it in words each
agency chooses: "Completed", "Green", "partly met", "on-track", "Amber - delayed". To
count them they are brought to a small fixed set of states. The built-in words cover
the common status words and RAG (and BRAG) ratings; a Board's own words come from
`.scrmap.yaml` and take precedence. A word that matches nothing is kept as
`unrecognised` and listed with the word, never guessed, so the Board can add it.

An action is overdue when its due date is before the report date and it is not
complete. The report date is an argument, never "today" read in here, so that a report
can be reproduced and tested. Pure: no printing, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from scrmap.due import parse_due
from scrmap.errors import Problem

if TYPE_CHECKING:
    from scrmap.coverage import Mapped
    from scrmap.recommendation import Recommendation


class State(StrEnum):
    """The fixed set every status word is brought to."""

    complete = "complete"
    on_track = "on-track"
    partly_met = "partly-met"
    not_met = "not-met"
    not_started = "not-started"
    unrecognised = "unrecognised"
    """A status was given, in words scrmap does not know."""
    no_status = "no-status"
    """No status was given at all."""


STATES: tuple[State, ...] = tuple(State)
"""Every state, in the order tables show them: done first, unknown last."""

LABELS: dict[State, str] = {
    State.complete: "Complete",
    State.on_track: "On track / in progress",
    State.partly_met: "Partly met / at risk",
    State.not_met: "Not met / off track",
    State.not_started: "Not started",
    State.unrecognised: "Status not recognised",
    State.no_status: "No status",
}
"""How the states read in a Board paper."""

PROGRESS: tuple[State, ...] = (
    State.not_met,
    State.not_started,
    State.partly_met,
    State.on_track,
    State.complete,
)
"""The settable states from the least advanced to done: off track is further from done
than not started, for it was meant to be under way."""

SETTABLE: tuple[State, ...] = STATES[:5]
"""The states a synonym may map to: the two unknown states are scrmap's verdicts."""

BUILT_IN: dict[State, tuple[str, ...]] = {
    State.complete: (
        "complete",
        "completed",
        "done",
        "closed",
        "met",
        "fully met",
        "achieved",
        "implemented",
        "finished",
        "signed off",
        "blue",  # BRAG: blue is complete
    ),
    State.on_track: (
        "on track",
        "in progress",
        "ongoing",
        "underway",
        "under way",
        "started",
        "progressing",
        "green",
    ),
    State.partly_met: (
        "partly met",
        "partially met",
        "part met",
        "partly complete",
        "partially complete",
        "partly completed",
        "partially completed",
        "at risk",
        "delayed",
        "slipping",
        "amber",
    ),
    State.not_met: (
        "not met",
        "unmet",
        "not achieved",
        "not complete",
        "not completed",
        "incomplete",
        "not done",
        "off track",
        "overdue",
        "behind",
        "red",
    ),
    State.not_started: (
        "not started",
        "not yet started",
        "yet to start",
        "yet to be started",
        "unstarted",
        "not begun",
        "not yet begun",
        "not commenced",
        "not yet commenced",
        "planned",
        "pending",
    ),
}
"""Common status words and RAG ratings, as action plans write them."""

RAG_LETTERS: dict[str, State] = {
    "r": State.not_met,
    "a": State.partly_met,
    "g": State.on_track,
    "b": State.complete,  # BRAG
}
"""A RAG rating by its letter, as plans abbreviate it in a narrow column ("R", "A", "G",
"B"): read only as the whole status, never as a word inside one, where "a" is an article."""

NEGATED: dict[State, State] = {
    State.complete: State.not_met,
    State.on_track: State.not_met,
}
"""What a negated status word means, where that is clear. Not done ("not finished", "not
yet implemented", "unfinished") is not met, as "not complete" is; not on track ("not on
track", "no longer progressing") is off track, which is not met too. The negation of the
other states is not clear ("not delayed" may be on track or done; "not overdue" may be
anything), so such a status is not recognised, and said (`negation_not_read`)."""
_WARNINGS = frozenset({State.partly_met, State.not_met})
"""States that warn: a status that says work is on track and also that it is delayed, at
risk or behind ("In progress \u2013 delayed", "Started but behind") is the warning, however
long the words of progress are. Read by its longest phrase, it was on track, and the risk
never reached the Board's counts."""
_NO_STATE = frozenset({State.unrecognised, State.no_status})
"""What the rest of a status that awaits the Board's check (`_awaiting_check`) may say
besides that it is done: nothing scrmap knows ("Awaiting sign-off", "Proposed for
closure": on track)."""
_STARTED = frozenset({"started", "in progress", "underway", "under way"})
"""On-track words that say work has begun: negated ("never started", "not yet underway",
"not yet in progress") they mean not started, not off track."""

_NEGATORS = frozenset({"not", "no", "never", "non", "cannot", "nor", "without"})
"""Words that turn the status word after them round ("not on track", "no longer met")."""
_BETWEEN = frozenset(
    {
        "yet", "longer", "ever", "fully", "all", "entirely", "completely", "totally", "quite",
        "currently", "still", "now", "be", "been", "being", "is", "are", "was", "were", "has",
        "have", "had", "as", "to", "so", "far", "properly",
    }
)  # fmt: skip
"""Words that may stand between a negation and its status word: "not yet implemented", "has
not been fully met", "yet to be implemented". Any other word ends the negation's reach, so
"no issues, on track" is on track."""
_PARTLY = frozenset({"part", "partly", "partially", "partial", "half"})
"""Words that make a word of completion partial before it ("partially implemented", "part
done") or after it ("implemented partially"; "in part" too): partly met, never complete."""
_MOSTLY = frozenset({"largely", "mostly", "substantially", "nearly", "almost"})
"""Words that qualify a word of completion before it ("largely complete", "substantially
implemented"): most of it done is not all of it, so partly met, never complete."""
_FULLY = frozenset({"fully", "entirely", "completely", "all"})
"""Words between a negation and a word of completion that make it partial, not unmet:
"not fully met" says some of it is."""
_PREFIXES = ("un", "in", "non")
"""Prefixes that negate a one-word status: "unfinished", "incomplete", "non-compliant"."""


_W = r"[\W_]+"
"""What parts two words of a status: spaces, punctuation ("sign-off", "Complete (awaiting")."""
_CHECK = (
    r"(?:evidence|evidenced|evidencing|assurance|assured|impact|audit|audited|verification"
    r"|verified|validation|validated|approval|approved|ratification|ratified|confirmation"
    r"|confirmed|closure|sign(?:ed|ing)?[\W_]*off)"
)
"""What a Board checks before it counts an action done: its evidence, assurance or impact,
an audit, its approval or sign-off."""
_FILLER = rf"(?:{_W}(?!(?:not|no)\b)[^\W_]+){{0,3}}?"
"""Up to three words between a check and what says it is awaited ("awaiting Board sign
off", "evidence of impact outstanding"), none a negation: "evidence not required" awaits
nothing."""
_AWAITED = re.compile(
    rf"(?i:\b(?:(?:awaiting|awaits|await|pending|subject{_W}to|requires|requiring|needs"
    rf"|needing){_FILLER}{_W}{_CHECK}"
    rf"|(?:(?:yet{_W})?to{_W}be|not(?:{_W}yet)?(?:{_W}been)?){_W}{_CHECK}"
    rf"|{_CHECK}{_FILLER}{_W}(?:outstanding|awaited|pending|required|requested|needed|due"
    rf"|tbc|tbd|to{_W}follow|(?:not{_W}yet|(?:yet{_W})?to{_W}be){_W}[^\W_]+)"
    rf"|for{_W}(?:closure|sign(?:ing)?[\W_]*off|approval|ratification|verification))\b)"
)
"""A status's words that say the action awaits the Board's check (`_CHECK`): "awaiting
evidence", "evidence outstanding", "subject to evidence", "assurance to follow", "not yet
signed off", "proposed for closure"."""
_NOTHING_MORE = re.compile(r"(?i:\bno(?:[\W_]+(?:further|more|additional))?[\W_]+)$")
"""What before `_AWAITED`'s words says nothing is awaited: "no further evidence required"."""


def _awaiting_check(status: str) -> tuple[str, bool] | None:
    """``status`` without the words that say it awaits evidence, assurance or sign-off
    (`_AWAITED`), and whether those words alone leave it unsure that the work is done: an
    audit or the impact may be the work itself ("Audit pending" is not started), and "Not
    signed off" may be refused; or None when it says no such thing:
    "Complete (awaiting evidence)" is "Complete ( )". A Board counts an action done when it
    has seen the evidence, as a BRAG plan rates it blue only then and green until then;
    read by its word of completion alone, such an action was counted done, and never
    overdue, before anyone had checked."""
    found = _AWAITED.search(status)
    if found is None or _NOTHING_MORE.search(status, 0, found.start()):
        return None
    unsure = re.match(r"not\b|.*\b(?:audit|impact)", found[0], re.IGNORECASE) is not None
    return f"{status[: found.start()]} {status[found.end() :]}", unsure


_PERCENT = re.compile(r"(?i:(\d{1,3}(?:\.\d+)?) ?% ?(?:complete|completed|done)?)")
"""A status given as how much of the action is done: "50%", "100% complete", as a plan's
"% complete" column (`sources._table.NAMES`) holds it."""


def _percent_state(share: float) -> State:
    """The state of an action ``share`` per cent done: all of it complete, none not
    started, some in progress (on track, as "in progress" is); over 100 not recognised."""
    if share == 100:
        return State.complete
    if share == 0:
        return State.not_started
    return State.on_track if share < 100 else State.unrecognised


TICKS = frozenset("\u2713\u2714\u2611\u2705")
"""Tick marks (✓ ✔ ☑ ✅), which a plan puts in its status column for done."""


RAG_MARKS: dict[str, State] = {
    **dict.fromkeys("\U0001f534\U0001f7e5", State.not_met),  # red circle, square
    **dict.fromkeys("\U0001f7e0\U0001f7e7\U0001f7e1\U0001f7e8", State.partly_met),  # amber
    **dict.fromkeys("\U0001f7e2\U0001f7e9", State.on_track),  # green
    **dict.fromkeys("\U0001f535\U0001f7e6", State.complete),  # blue (BRAG)
}
"""A RAG rating by a coloured circle or square, as a plan kept in a SharePoint or Teams
list, or typed on a phone, rates an action (🔴 🟠 🟡 🟢 🔵): a symbol scrmap did not know."""


def _marks_state(status: str) -> State:
    """The state of a status with no letters or digits: a tick is complete; a coloured
    circle or square its RAG rating (`RAG_MARKS`); another symbol
    (a cross, ✗) says something scrmap does not know, and is listed with the word, not taken
    for no status at all; punctuation alone ("-", "?") is a cell left as no status."""
    marks = {c for c in status if not c.isspace()}
    if marks and marks <= TICKS:
        return State.complete
    rated = {RAG_MARKS.get(c) for c in marks - {"\ufe0f"}}  # and the emoji's selector
    if len(rated) == 1 and (rating := next(iter(rated))) is not None:
        return rating
    if any(unicodedata.category(c).startswith("S") for c in marks):
        return State.unrecognised
    return State.no_status


def status_key(word: str) -> str:
    """A status word with case, punctuation and spacing ignored: "On-Track." is "on track".
    A contraction is spelt out ("hasn't started" is "has not started"), and a negating
    prefix written with a hyphen is joined ("Un-met" is "unmet", "In-complete" is
    "incomplete"), so that the negation is seen: split, "un met" would read as met."""
    spelt = re.sub(r"n['\u2019]t\b", " not", word.casefold())
    spelt = _HYPHENED_PREFIX.sub(r"\1", spelt)
    return " ".join(re.findall(r"[^\W_]+", spelt))


_HYPHENED_PREFIX = re.compile(
    r"\b(un|non|in(?=[-\u2010\u2011]\s*complet))[-\u2010\u2011]\s*(?=[^\W\d_])"
)
"""A negating prefix and its hyphen. "in-" only before "complete": "in-progress" is two
words."""


def _breaks(status: str) -> frozenset[int]:
    """The indexes of the words of ``status_key(status)`` that punctuation parts from the
    word before ("Completed, partly funded": 1). A hyphen inside a word ("part-done") joins.
    A qualifier is read only where it is attached to its status word: "Completed, partly
    funded by the LSCB" is complete, the "partly" being about the funding."""
    spelt = _HYPHENED_PREFIX.sub(r"\1", re.sub(r"n['\u2019]t\b", " not", status.casefold()))
    found = list(re.finditer(r"[^\W_]+", spelt))
    return frozenset(
        i
        for i in range(1, len(found))
        if _SEPARATOR.fullmatch(spelt[found[i - 1].end() : found[i].start()]) is None
    )


_SEPARATOR = re.compile(r"\s+|[-\u2010\u2011_]")
"""What may stand between two words that are read together: spaces, or a hyphen with none."""


def _in_part(words: Sequence[str], at: int, length: int, breaks: frozenset[int]) -> bool:
    """Whether the phrase of ``length`` words at ``words[at]`` is said to be done only in
    part (`_PARTLY`, `_MOSTLY`): "partially implemented", "complete in part", "achieved
    partly", "largely complete", "completed but not embedded". Only words attached to the
    phrase, with no punctuation between (``breaks``, `_breaks`), qualify it."""
    end = at + length
    after = words[end : end + 2]
    return (
        (at > 0 and at not in breaks and words[at - 1] in _PARTLY | _MOSTLY)
        or (end not in breaks and after[:1] in (["partly"], ["partially"]))
        or (end not in breaks and end + 1 not in breaks and after == ["in", "part"])
        or (
            end not in breaks
            and after[:1] == ["but"]
            and (after[1:] == ["yet"] or bool(set(after[1:]) & _NEGATORS))
        )
    )


def _not_fully(words: Sequence[str], at: int) -> bool:
    """Whether a negation reaches the status word at ``words[at]`` through `_FULLY` ("not
    fully met", whose phrase is "fully met"; "not yet entirely implemented"): done in part,
    not undone."""
    if words[at] in _FULLY:
        return True
    k = at - 1
    while k >= 0 and words[k] in _BETWEEN:
        if words[k] in _FULLY:
            return True
        k -= 1
    return False


def _negated(words: Sequence[str], at: int) -> bool:
    """Whether the status word at ``words[at]`` is negated by the words before it: a
    negation ("not", "no longer", "yet to be"), with only `_BETWEEN` words after it."""
    k = at - 1
    while k >= 0:
        if words[k] in _NEGATORS or (words[k] == "to" and k > 0 and words[k - 1] == "yet"):
            return True
        if words[k] not in _BETWEEN:
            return False
        k -= 1
    return False


@dataclass(frozen=True)
class Vocabulary:
    """Which words mean which state: the built-in words, then the Board's own."""

    words: Mapping[str, State]
    """Status key (see `status_key`) -> state."""
    _seen: dict[tuple[str, frozenset[int]], State] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Words already classified: a library of 10,000 actions uses a few dozen."""

    @classmethod
    def build(cls, synonyms: Mapping[State, Iterable[str]] | None = None) -> Vocabulary:
        """The built-in words with ``synonyms`` added; a synonym wins over a built-in word,
        so a Board whose "green" means done can say so."""
        words = {status_key(w): state for state, ws in BUILT_IN.items() for w in ws}
        for state, extra in (synonyms or {}).items():
            if state not in SETTABLE:
                raise ValueError(
                    f"{state.value!r} cannot be given synonyms (states: "
                    + ", ".join(s.value for s in SETTABLE)
                    + ")"
                )
            for w in extra:
                key = status_key(w)
                if not key:
                    raise ValueError(f"{state.value}: {w!r} has no letters or digits")
                words[key] = state
        return cls(words)

    def classify(self, status: str | None) -> State:
        """The state a status means (`_classify_one`); for the statuses of several actions
        joined with "; " (the rows of one recommendation merged over its actions, as
        `sources._table.merged_into_above` joins them) that mean different states, the
        least advanced (`PROGRESS`): a recommendation is as far on as its last action, and
        read as its first action's, a plan with one action done and two not started counted
        as done. Where a part is not recognised, the whole status is read as one."""
        parts = (status or "").split("; ")
        if len(parts) > 1:
            states = {self._classify_one(part) for part in parts}
            if states <= set(PROGRESS):
                return min(states, key=PROGRESS.index)
        return self._classify_one(status)

    def _classify_one(self, status: str | None) -> State:
        """The state a status word means.

        A whole-phrase match first; else the longest known phrase inside it, as whole
        words ("Amber - delayed by staffing" is partly met), so that "not met" is never
        read as "met". A tie goes to the phrase that comes first, and a warning (`_WARNINGS`)
        beside words of progress wins over them. A word of completion done only in part
        ("implemented in part", "partially implemented", "largely complete", "not fully
        met", "completed but not embedded") is partly met; "Completed, partly funded" is
        complete, the punctuation parting "partly" from it. A phrase after a negation
        ("not on track", "not yet implemented", "unfinished") is never read as itself: it
        means `NEGATED`'s state, or, where that is not clear, is not recognised.
        """
        key = status_key(status or "")
        if not key:
            return _marks_state(status or "")
        if key in self.words:
            return self.words[key]
        if key in RAG_LETTERS:
            return RAG_LETTERS[key]
        share = _PERCENT.fullmatch((status or "").strip())
        if share is not None:
            return _percent_state(float(share[1]))
        awaited = _awaiting_check(status or "")
        if awaited is not None:
            rest, unsure = awaited
            state = self._classify_one(rest)
            if state is State.complete or (state in _NO_STATE and not unsure):
                return State.on_track
            if state not in _NO_STATE:
                return state
        seen = (key, _breaks(status or ""))
        if seen not in self._seen:
            self._seen[seen] = self._longest_phrase(*seen)
        return self._seen[seen]

    def negation_not_read(self, status: str | None) -> bool:
        """Whether ``status`` negates something ("not delayed", "no progress") in words that
        are not recognised: the Board should say what it means, since a guess could read it
        as its opposite."""
        if self.classify(status) is not State.unrecognised:
            return False
        key = status_key(status or "")
        return " yet to " in f" {key} " or any(
            word in _NEGATORS or self._prefixed(word) is not None for word in key.split()
        )

    def _prefixed(self, word: str) -> State | None:
        """The state of a one-word status that a prefix negates ("unfinished": "finished"),
        when the word itself is not known ("incomplete" and "unmet" are)."""
        rest = self._unprefixed(word)
        return None if rest is None else self.words[rest]

    def _unprefixed(self, word: str) -> str | None:
        """The known status word a prefix negates in ``word`` ("finished" in "unfinished")."""
        if word in self.words:
            return None
        for prefix in _PREFIXES:
            rest = word.removeprefix(prefix)
            if rest != word and rest in self.words:
                return rest
        return None

    def _longest_phrase(self, key: str, breaks: frozenset[int]) -> State:
        padded = f" {key} "
        words = key.split()
        best: tuple[int, int, str, bool] | None = None
        warnings: list[tuple[int, int, str, bool]] = []
        for phrase in self.words:
            at = padded.find(f" {phrase} ")
            if at >= 0:
                start = len(key[:at].split())
                found = (-len(phrase), start, phrase, _negated(words, start))
                if best is None or found[:2] < best[:2]:
                    best = found
                if self.words[phrase] in _WARNINGS and not found[3]:
                    warnings.append(found)
        for start, word in enumerate(words):
            rest = self._unprefixed(word)
            if rest is not None:
                found = (-len(word), start, rest, True)
                if best is None or found[:2] < best[:2]:
                    best = found
        if best is None:
            return State.unrecognised
        _, start, phrase, negated = best
        state = self.words[phrase]
        if state is State.complete and not negated:
            partly = _in_part(words, start, len(phrase.split()), breaks)
            return State.partly_met if partly else state
        if state is State.complete and _not_fully(words, start):
            return State.partly_met
        if not negated and state is State.on_track and warnings:
            return self.words[min(warnings)[2]]
        if not negated:
            return state
        if state is State.on_track and phrase in _STARTED:
            return State.not_started
        return NEGATED.get(state, State.unrecognised)


def status_problems(recs: Iterable[Recommendation], vocabulary: Vocabulary) -> list[Problem]:
    """A warning at its place for each status that negates something in words scrmap does
    not know (`Vocabulary.negation_not_read`): counted as not recognised, it is listed in
    the report, but the Board is told where, since only they can say what it means."""
    return [
        Problem(
            rec.source.file,
            rec.source.line,
            None,
            f"status {rec.status.strip()!r}"
            + (f" ({where})" if (where := rec.source.cells.get("status")) else "")
            + " is a negation scrmap cannot read, so the action "
            "is counted as 'status not recognised', never as its opposite; say which state "
            "it means under 'statuses' in .scrmap.yaml",
        )
        for rec in recs
        if rec.status and vocabulary.negation_not_read(rec.status)
    ]


@dataclass(frozen=True, slots=True)
class ActionItem:
    """What the action plan says of one recommendation."""

    case: str
    id: str
    text: str
    owner: str | None = None
    """Who leads it: the named owner, the lead agency, or both ("Jo Bloggs, Police")."""
    due: str | None = None
    """As written: a date, a month, or words such as "ongoing"."""
    status: str | None = None
    """As written."""
    standards: tuple[str, ...] = ()
    """The standards it is mapped to, for the counts per standard."""
    themes: tuple[str, ...] = ()
    """The themes it is mapped to, for the counts per theme."""
    file: str | None = None
    """The file it was read from, and its ``line``: what tells apart two actions of one
    case with one id (a draft's item 1 and its plan's action 1), as the other lists of
    items in the records are told apart."""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Assessed:
    """An action with its state and, against the report date, whether it is overdue."""

    item: ActionItem
    state: State
    due_date: date | None
    days_overdue: int
    """How many days past due at the report date; 0 when not overdue."""

    @property
    def overdue(self) -> bool:
        """Due before the report date and not complete."""
        return self.days_overdue > 0


def _zero() -> dict[State, int]:
    return dict.fromkeys(STATES, 0)


@dataclass(frozen=True)
class Progress:
    """The action plan's progress at a report date."""

    as_of: date
    items: tuple[Assessed, ...]
    counts: dict[State, int] = field(default_factory=_zero)
    """Every state, zeros included, in `STATES` order."""
    by_standard: dict[str, dict[State, int]] = field(default_factory=dict)
    by_theme: dict[str, dict[State, int]] = field(default_factory=dict)

    @property
    def overdue(self) -> list[Assessed]:
        """Overdue actions, longest overdue first."""
        return sorted(
            (a for a in self.items if a.overdue),
            key=lambda a: (-a.days_overdue, a.item.case, a.item.id),
        )

    @property
    def no_status(self) -> list[Assessed]:
        """Actions with no status at all: nobody has said whether they were done."""
        return [a for a in self.items if a.state is State.no_status]

    @property
    def carries_no_plan(self) -> bool:
        """Whether no action has a status or a due date: a library of published reviews,
        not an action plan, where calling every item "no status" would say nothing."""
        return all(a.state is State.no_status and not a.item.due for a in self.items)

    @property
    def unrecognised(self) -> list[Assessed]:
        """Actions whose status scrmap does not know: add the word in `.scrmap.yaml`."""
        return [a for a in self.items if a.state is State.unrecognised]

    @property
    def due_not_a_date(self) -> list[Assessed]:
        """Actions whose due field is not a date ("ongoing"), so cannot be overdue."""
        return [a for a in self.items if a.item.due and a.due_date is None]


def assess(
    items: Iterable[ActionItem],
    as_of: date,
    vocabulary: Vocabulary | None = None,
    standards: Sequence[str] = (),
    themes: Sequence[str] = (),
) -> Progress:
    """Each action's state and lateness at ``as_of``, counted overall, per standard and
    per theme. ``standards`` and ``themes`` give the rows' order, and rows with no
    action (zeros); ids not among them follow in the order they are met."""
    vocabulary = vocabulary or Vocabulary.build()
    assessed = []
    counts = _zero()
    by_standard = {s: _zero() for s in standards}
    by_theme = {t: _zero() for t in themes}
    for item in items:
        state = vocabulary.classify(item.status)
        due_date = parse_due(item.due)
        late = (
            (as_of - due_date).days
            if due_date and due_date < as_of and state is not State.complete
            else 0
        )
        assessed.append(Assessed(item, state, due_date, late))
        counts[state] += 1
        for table, ids in ((by_standard, item.standards), (by_theme, item.themes)):
            for item_id in ids:
                table.setdefault(item_id, _zero())[state] += 1
    return Progress(as_of, tuple(assessed), counts, by_standard, by_theme)


def is_action(kind: str, status: str | None, due: str | None) -> bool:
    """Whether an item belongs in the action plan: every recommendation, and a finding
    or response only when it carries a status or a due date. A finding is not an action,
    and counting every finding as "no status" would bury the recommendations that have
    none, which is what the Board needs to see."""
    return kind == "recommendation" or bool(status) or bool(due)


def _lead(owner: str | None, agency: str | None) -> str | None:
    """The owner and the lead agency, as one name: an action plan often names only the
    agency ("Lead agency"), and an owner without their agency is hard to chase."""
    named = [n.strip() for n in (owner, agency) if n and n.strip()]
    if len(named) == 2 and named[0].casefold() == named[1].casefold():
        named.pop()
    return ", ".join(named) or None


def from_mapped(mapped: Iterable[Mapped]) -> list[ActionItem]:
    """The action items of mapped recommendations, with the standards and themes each
    is assigned."""
    return [
        ActionItem(
            m.case,
            m.rec.id,
            m.rec.text,
            _lead(m.rec.owner, m.rec.agency),
            m.rec.due,
            m.rec.status,
            tuple(s.id for s in m.result.assigned("standards")),
            tuple(t.id for t in m.result.assigned("themes")),
            m.rec.source.file,
            m.rec.source.line,
        )
        for m in mapped
        if is_action(m.rec.kind, m.rec.status, m.rec.due)
    ]
