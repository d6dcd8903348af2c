"""Weights learned from labelled recommendations: the file that sits beside a framework.

A framework's cues are what its maintainers wrote. Learned weights are what the
Board's own decisions add: for each standard and theme, a bias, a weight for the
framework's cue score, and a weight per word or two-word phrase of the text. The
matcher reads them as a logistic model, so every learned assignment is explained by
"these words, with these weights", like a cue. The file is plain YAML, written by
``scrmap.learn`` and read here, so a person can see (and question) every weight. As the
framework's, the weights the matcher uses are plain frozen dataclasses; the file is
validated by Pydantic models in `scrmap.framework_file`, imported only to read one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from scrmap import plain_data as plain
from scrmap.errors import FrameworkError, Problem, link_to_nothing
from scrmap.limits import Limits, read_config_text, undecodable

if TYPE_CHECKING:
    from scrmap.framework import Framework, Standard, Theme

SUFFIX = ".learned.yaml"
"""``framework.yaml`` learns into ``framework.learned.yaml`` beside it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LearnedItem:
    """The learned model of one standard or theme."""

    bias: float
    """Log-odds before any evidence: how rare the label is."""
    cues: float = 0.0
    """Weight of the framework's own cue score (0 to 1) for this item."""
    cue_weights: dict[str, float] = field(default_factory=dict)
    """Learned weight of each of the item's own cues (as written in the framework) where it
    matched, times its match quality: how much that cue really signals the item."""
    words: dict[str, float] = field(default_factory=dict)
    """Words and two-word phrases (as written) with their weights in log-odds."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LearnedFor:
    """The framework the weights were learned for: a digest of each standard's and theme's
    cues (with their weights), exclusions (a standard's with those it shares with a theme)
    and quadrant, and one of the outside phrases.
    Those make the scores the weights were fitted on, so an item whose digest differs now
    is scored by weights fitted to other evidence, and a new one by its cues alone beside
    learned scores. Titles, descriptions and the order of the file are left out: editing
    them changes no score."""

    standards: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)
    outside: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """A standard or theme (or the outside phrases) that is not as the weights knew it."""

    kind: str
    """``standards``, ``themes`` or ``outside``."""
    id: str
    """Its id (empty for the outside phrases)."""
    how: str
    """``new`` (no digest: added since), ``changed`` (its digest differs) or ``gone``."""

    def words(self) -> str:
        """The change in words: "standard 3.5 added"."""
        if self.kind == "outside":
            return "the outside phrases or addressees changed"
        done = {"new": "added", "changed": "changed", "gone": "removed"}[self.how]
        return f"{self.kind[:-1]} {self.id} {done}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Learned:
    """Everything learned for one framework, as stored in its ``.learned.yaml`` file."""

    learned_from: tuple[str, ...] = ()
    """The gold files the weights were fitted on, so a reader knows what they reflect."""
    items: int = 0
    """How many labelled recommendations they were fitted on."""
    regularisation: float | None = None
    """The L2 strength the fit used (chosen by cross-validation)."""
    balance: float | None = None
    """How far rare labels were weighted up in the fit."""
    mapped: LearnedItem | None = None
    """Whether a recommendation fits the framework at all, from the words of the text and
    its best standard's cue score. A standard's learned score is this probability times
    the standard's own (fitted on recommendations that fit), so text off the framework
    ("licensing fees", "court time") stays unmapped however its words meet a cue."""
    standards: dict[str, LearnedItem] = field(default_factory=dict)
    themes: dict[str, LearnedItem] = field(default_factory=dict)
    framework: LearnedFor | None = None
    """The framework they were learned for (`learned_for`); None in weights learned by a
    scrmap that did not record it, whose changes since cannot be told."""


_ITEM = plain.record(
    LearnedItem,
    bias=plain.number,
    cues=plain.number,
    cue_weights=plain.mapping(plain.number),
    words=plain.mapping(plain.number),
)
_LEARNED = plain.record(
    Learned,
    learned_from=plain.many(plain.text),
    items=plain.whole,
    regularisation=plain.optional(plain.number),
    balance=plain.optional(plain.number),
    mapped=plain.optional(_ITEM),
    standards=plain.mapping(_ITEM),
    themes=plain.mapping(_ITEM),
    framework=plain.optional(
        plain.record(
            LearnedFor,
            standards=plain.mapping(plain.text),
            themes=plain.mapping(plain.text),
            outside=plain.text,
        )
    ),
)


def from_data(data: object) -> Learned:
    """The learned weights in ``data`` (`scrmap.plain_data.as_data`'s shape); raises
    ValueError or TypeError for data of any other shape."""
    return _LEARNED(data)


def _digest(parts: Iterable[str]) -> str:
    """A short digest of ``parts``: 12 hexadecimal digits tell a changed item from the one
    before it with certainty enough, and keep the file readable."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def _item_digest(item: Standard | Theme, shared: Sequence[str] = ()) -> str:
    # Sorted: the order of the cues in the file changes no score.
    # A cue matched only side by side says so; the others' digests stay as they were.
    cues = sorted(
        f"{cue.cue}\0{cue.weight}" + ("\0adjacent" if cue.adjacent else "") for cue in item.cues
    )
    parts = [f"quadrant {item.quadrant}", *cues, "exclude", *sorted(item.exclude)]
    # A standard about themes says which, and so does one that shares a theme's exclusions
    # (`scrmap.exclusions`): they change what it matches as its own exclusions do. One with
    # neither keeps the digest it had; for one with shared exclusions, see `changes`. The
    # shared exclusions are read by their stems, so a release that stems a word otherwise
    # can change them, and then the digest, with no edit to the file: matching changed too.
    about = getattr(item, "about_themes", ())
    if about:
        parts += ["about", *sorted(about)]
    if shared:
        parts += ["shared exclusions", *sorted(shared)]
    return _digest(parts)


def learned_for(framework: Framework) -> LearnedFor:
    """The record of ``framework`` that weights learned for it carry."""
    # Imported here: the stemmer it reads phrases with is not needed to load a framework.
    from scrmap.exclusions import shared_exclusions

    shared = shared_exclusions(framework)
    return LearnedFor(
        standards={s.id: _item_digest(s, shared[s.id]) for s in framework.standards},
        themes={t.id: _item_digest(t) for t in framework.themes},
        outside=_outside_digest(framework),
    )


def _own_digest(framework: Framework, standard_id: str) -> str | None:
    """The digest of a standard without the exclusions it shares with a theme, as scrmap
    recorded it before digests held them."""
    standard = next((s for s in framework.standards if s.id == standard_id), None)
    return None if standard is None else _item_digest(standard)


def _outside_digest(framework: Framework) -> str:
    """One digest of the outside phrases and addressees: without addressees, the one an
    earlier scrmap recorded, so that weights learned before them are not told changed."""
    addressees = [f"addressee\0{a}" for a in sorted(framework.outside_addressees)]
    return _digest([*sorted(framework.outside), *addressees])


def changes(framework: Framework) -> list[Change]:
    """What in ``framework`` is not as its learned weights were learned for: standards and
    themes new, changed or removed since, in the file's order, and the outside phrases.
    Empty without weights, or with weights that recorded no framework."""
    learned = framework.learned
    if learned is None or learned.framework is None:
        return []
    now = learned_for(framework)
    then = learned.framework
    found: list[Change] = []
    for kind in ("themes", "standards"):  # themes first: a standard's digest reads them
        before: dict[str, str] = getattr(then, kind)
        after: dict[str, str] = getattr(now, kind)
        # Weights learned before digests held the exclusions a standard shares with a theme
        # recorded its own alone; where no theme has changed since, what it shares has not
        # either, and such a digest still holds.
        themes_as_then = kind == "standards" and not found
        for item_id, digest in after.items():
            if item_id not in before:
                found.append(Change(kind=kind, id=item_id, how="new"))
            elif before[item_id] != digest and not (
                themes_as_then and before[item_id] == _own_digest(framework, item_id)
            ):
                found.append(Change(kind=kind, id=item_id, how="changed"))
        found += [Change(kind=kind, id=i, how="gone") for i in before if i not in after]
    order = {"standards": 0, "themes": 1}  # standards are named first, as the file has them
    found.sort(key=lambda change: order[change.kind])
    if then.outside != now.outside:
        found.append(Change(kind="outside", id="", how="changed"))
    return found


def changes_in_words(found: Sequence[Change], most: int = 6) -> str:
    """``found`` for a one-line warning: the first ``most`` changes and how many more."""
    from scrmap.repeats import listed  # only when there is a warning to give

    return listed([change.words() for change in found], most)


def sidecar(framework_path: Path) -> Path:
    """Where the learned weights of the framework at ``framework_path`` live."""
    return framework_path.with_name(framework_path.stem + SUFFIX)


def parse(
    text: str, name: str, standards: set[str], themes: set[str], limits: Limits | None = None
) -> Learned:
    """Validate learned weights; ids the framework does not have are errors."""
    from scrmap import framework_file  # only when there is a file: start-up stays quick

    return framework_file.parse_learned(text, name, standards, themes, limits)


def load(
    path: Path, standards: set[str], themes: set[str], limits: Limits | None = None
) -> Learned | None:
    """The learned weights at ``path``, or None when there is no such file; read under
    ``limits`` as the framework is (a link to /dev/zero filled memory)."""
    limits = limits or Limits()
    try:
        text = read_config_text(path, limits)
    except FileNotFoundError:
        why = link_to_nothing(path)  # meant to be there: not left out in silence
        if why is None:
            return None
        raise FrameworkError([Problem(str(path), None, None, why)]) from None
    except UnicodeDecodeError as exc:
        raise FrameworkError([undecodable(str(path), exc)]) from None
    except OSError as exc:
        problem = Problem(str(path), None, None, f"cannot read: {exc.strerror}")
        raise FrameworkError([problem]) from None
    return parse(text, str(path), standards, themes, limits)
