"""What the rules share: the Rule interface, what a rule sees and reports, its options'
base class, and whole-word phrase patterns.

The check engine (`scrmap.checks`) imports the rules; the rules import only this module,
so there is no circle between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict

from scrmap.findings import Severity
from scrmap.text import fold

if TYPE_CHECKING:
    from scrmap.matcher import Result
    from scrmap.recommendation import Recommendation


class Scope(StrEnum):
    """What one call of a rule's ``check`` looks at."""

    item = "item"
    """One recommendation: ``check(item, options)``."""
    review = "review"
    """One review, which is one file: ``check(items, options)``."""
    set = "set"
    """Everything checked in one run: ``check(items, options)``."""


@dataclass(frozen=True, slots=True)
class Item:
    """A recommendation with its mapping, as the rules see it."""

    rec: Recommendation
    result: Result

    @property
    def text(self) -> str:
        """The recommendation's text as the rules read it: as the matcher reads it
        (``text.fold``), so that a ligature, a curly apostrophe or a full-width letter, as
        text copied from a PDF has them, hides no word from a rule ("Children\u2019s
        Services" names who acts, as "Children's Services" does)."""
        return fold(self.rec.text)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: which item (None for a whole review) and why."""

    item: Item | None
    message: str


class RuleOptions(BaseModel):
    """Base of every rule's options: unknown keys are errors that name the key.

    Their schemas are built when a configuration is first validated (``defer_build``), not
    when the rules are imported: without one, `check` uses the defaults as they are.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Rule(Protocol):
    """A rule module: its docstring is its user documentation (first line: the summary)."""

    ID: str
    """The stable id: configuration, SARIF and CI annotations use it, so it never changes."""
    SEVERITY: Severity
    KINDS: frozenset[str]
    """The kinds of item it applies to ('recommendation', 'finding', 'response')."""
    SCOPE: Scope
    Options: type[RuleOptions]

    def check(self, subject: Any, options: Any, /) -> Iterator[Hit]:
        """The hits in ``subject``: an `Item`, or a sequence of them (see `Scope`)."""
        ...


def words_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One regex matching any phrase as whole words (a trailing '*' allows any ending), its
    words apart by spaces or a hyphen ("dip sample" matches "dip-sample")."""
    parts = []
    for phrase in phrases:
        stem = phrase.endswith("*")
        body = r"(?:\s+|\s*-\s*)".join(re.escape(w) for w in phrase.rstrip("*").split())
        parts.append(body + (r"\w*" if stem else r"\b"))
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(parts) + ")", flags)


def first(pattern: re.Pattern[str] | None, text: str) -> str | None:
    """The first match of ``pattern`` in ``text``, if any."""
    if pattern is None:
        return None
    found = pattern.search(text)
    return found.group(0) if found else None
