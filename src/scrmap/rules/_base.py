"""What the rules share: the options base class and whole-word phrase patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict


class RuleOptions(BaseModel):
    """Base of every rule's options: unknown keys are errors that name the key."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def words_pattern(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """One regex matching any phrase as whole words (a trailing '*' allows any ending)."""
    parts = []
    for phrase in phrases:
        stem = phrase.endswith("*")
        body = r"\s+".join(re.escape(w) for w in phrase.rstrip("*").split())
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
