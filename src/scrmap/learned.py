"""Weights learned from labelled recommendations: the file that sits beside a framework.

A framework's cues are what its maintainers wrote. Learned weights are what the
Board's own decisions add: for each standard and theme, a bias, a weight for the
framework's cue score, and a weight per word or two-word phrase of the text. The
matcher reads them as a logistic model, so every learned assignment is explained by
"these words, with these weights", like a cue. The file is plain YAML, written by
``scrmap.learn`` and read here, so a person can see (and question) every weight.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scrmap.errors import FrameworkError, Problem

SUFFIX = ".learned.yaml"
"""``framework.yaml`` learns into ``framework.learned.yaml`` beside it."""

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class LearnedItem(BaseModel):
    """The learned model of one standard or theme."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bias: float
    """Log-odds before any evidence: how rare the label is."""
    cues: float = 0.0
    """Weight of the framework's own cue score (0 to 1) for this item."""
    cue_weights: dict[NonEmpty, float] = {}
    """Learned weight of each of the item's own cues (as written in the framework) where it
    matched, times its match quality: how much that cue really signals the item."""
    words: dict[NonEmpty, float] = {}
    """Words and two-word phrases (as written) with their weights in log-odds."""


class Learned(BaseModel):
    """Everything learned for one framework, as stored in its ``.learned.yaml`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    learned_from: list[str] = []
    """The gold files the weights were fitted on, so a reader knows what they reflect."""
    items: Annotated[int, Field(ge=0)] = 0
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
    standards: dict[NonEmpty, LearnedItem] = {}
    themes: dict[NonEmpty, LearnedItem] = {}


def sidecar(framework_path: Path) -> Path:
    """Where the learned weights of the framework at ``framework_path`` live."""
    return framework_path.with_name(framework_path.stem + SUFFIX)


def parse(text: str, name: str, standards: set[str], themes: set[str]) -> Learned:
    """Validate learned weights; ids the framework does not have are errors."""
    from scrmap import yamlpos  # only when there is a file: start-up stays quick

    learned, located, problems = yamlpos.load_model(
        text, name, Learned, "a learned-weights file must be a mapping of keys"
    )
    if learned is not None and located is not None:
        for kind, known in (("standards", standards), ("themes", themes)):
            for item_id in getattr(learned, kind):
                if item_id not in known:
                    line, col = located.where((kind, item_id)) or (None, None)
                    problems.append(
                        Problem(
                            name,
                            line,
                            col,
                            f"{kind}: unknown {kind[:-1]} {item_id!r} in this framework; "
                            "learn the weights again for this framework",
                        )
                    )
    if problems or learned is None:
        raise FrameworkError(problems)
    return learned


def load(path: Path, standards: set[str], themes: set[str]) -> Learned | None:
    """The learned weights at ``path``, or None when there is no such file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise FrameworkError([Problem(str(path), None, None, f"cannot read: {reason}")]) from None
    return parse(text, str(path), standards, themes)
