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

from dataclasses import dataclass, field
from pathlib import Path

from scrmap import plain_data as plain
from scrmap.errors import FrameworkError, Problem, link_to_nothing
from scrmap.limits import Limits, read_config_text, undecodable

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
)


def from_data(data: object) -> Learned:
    """The learned weights in ``data`` (`scrmap.plain_data.as_data`'s shape); raises
    ValueError or TypeError for data of any other shape."""
    return _LEARNED(data)


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
