"""scrmap's own YAML files told apart from recommendations: a framework, learned weights,
a gold file.

They live beside the reviews (the README says to keep `framework.yaml` and its learned
weights in the working folder), so `scrmap coverage .` meets them. Read as
recommendations they were a list of every key a recommendation file lacks (nine for
learned weights) and an unread input that failed the run; recognised, a folder scan
skips them with a note, and one named as an input is one problem that says what it is.
Recognition reads the top-level keys with a pattern, not a YAML parser, so that a folder
scan stays cheap, and it never claims a file with a `case` or `recommendations` key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|$)", re.MULTILINE)
"""A key at the start of a line: a top-level key of a block-style YAML mapping."""

_RECOMMENDATION_KEYS = frozenset({"case", "recommendations"})
_LEARNED_KEYS = frozenset(
    {"learned_from", "items", "regularisation", "balance", "mapped", "standards", "themes"}
)
_GOLD_KEYS = frozenset({"name", "description", "items"})


@dataclass(frozen=True, slots=True)
class OwnFile:
    """What one of scrmap's own files is, in words for a message."""

    what: str
    """The file's kind: 'a framework file'."""
    advice: str
    """What to do with it instead of reading it as recommendations."""

    def problem(self) -> str:
        """The one message for such a file named as an input."""
        return f"{self.what}, not a recommendation file: {self.advice}"

    def note(self, name: str) -> str:
        """The note for such a file, ``name``, met in a folder that was scanned."""
        return f"skipped {name}: {self.what}, not recommendations"


FRAMEWORK = OwnFile(
    "a framework file", "give it as --framework FILE, or leave it out of the inputs"
)
LEARNED = OwnFile(
    "a learned-weights file",
    "scrmap reads it beside its framework file (`scrmap framework learn` writes it); "
    "leave it out of the inputs",
)
GOLD = OwnFile(
    "a gold file",
    "give it to `scrmap evaluate` or `scrmap framework learn`, or leave it out of the inputs",
)


def _top_keys(text: str) -> set[str]:
    """The keys of a YAML file's top-level mapping, as far as a pattern can tell."""
    return set(_TOP_KEY.findall(text))


def recognise(text: str) -> OwnFile | None:
    """Which of scrmap's own files ``text`` is, or None for anything else (recommendations,
    or a YAML file that is neither)."""
    keys = _top_keys(text)
    if keys & _RECOMMENDATION_KEYS:
        return None
    if {"quadrants", "standards"} <= keys:
        return FRAMEWORK
    if "learned_from" in keys and keys <= _LEARNED_KEYS:
        return LEARNED
    if {"name", "items"} <= keys and keys <= _GOLD_KEYS:
        return GOLD
    return None
