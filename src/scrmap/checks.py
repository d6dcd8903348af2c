"""The check engine: run the rules over recommendations and return findings.

Pure: it never prints or exits. Each rule lives in its own module under
`scrmap.rules` with a stable id, a default severity, options and a docstring that is
its user documentation. A rule looks at one recommendation (`check`), or at one
review, which is one file (`check_review`), or at the whole checked set
(`check_set`). SMART rules apply to items of kind `recommendation`: a finding states
what went wrong and is not an action, and a response reports what was done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from scrmap.errors import location

if TYPE_CHECKING:
    from scrmap.errors import Problem
    from scrmap.matcher import Matcher, Result
    from scrmap.recommendation import Recommendation


class Severity(StrEnum):
    """How much a finding matters; `off` disables a rule."""

    error = "error"
    warning = "warning"
    off = "off"


INPUT_RULE = "input"
"""The id under which unreadable or invalid input is reported."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to fix, at one place."""

    rule: str
    """The rule's stable id."""
    severity: Severity
    path: str
    line: int | None
    col: int | None
    message: str
    recommendation: str | None = None
    """The recommendation's id, when the finding is about one."""

    def location(self) -> str:
        """``path[:line[:col]]`` as editors and CI read it."""
        return location(self.path, self.line, self.col)


@dataclass(frozen=True, slots=True)
class Item:
    """A recommendation with its mapping, as the rules see it."""

    rec: Recommendation
    result: Result


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: which item (None for a whole review) and why."""

    item: Item | None
    message: str


def _finding(rule: str, severity: Severity, hit: Hit, review_file: str) -> Finding:
    if hit.item is None:
        return Finding(rule, severity, review_file, None, None, hit.message)
    rec = hit.item.rec
    return Finding(rule, severity, rec.source.file, rec.source.line, None, hit.message, rec.id)


def run(
    recs: Sequence[Recommendation],
    problems: Sequence[Problem],
    matcher: Matcher,
    settings: dict[str, tuple[Severity, object]],
) -> list[Finding]:
    """Every finding for ``recs`` (plus ``problems`` as input findings), sorted by place.

    ``settings`` maps each rule id to its severity and its validated options.
    """
    from scrmap.rules import RULES

    items = [Item(rec, matcher.match(rec.text)) for rec in recs]
    reviews: dict[str, list[Item]] = {}
    for item in items:
        reviews.setdefault(item.rec.source.file, []).append(item)
    findings = [
        Finding(INPUT_RULE, Severity.error, p.path, p.line, p.col, p.message) for p in problems
    ]
    for rule_id, rule in RULES.items():
        severity, options = settings[rule_id]
        if severity is Severity.off:
            continue
        if hasattr(rule, "check"):
            for item in items:
                if item.rec.kind in rule.KINDS:
                    findings += [
                        _finding(rule_id, severity, hit, item.rec.source.file)
                        for hit in rule.check(item, options)
                    ]
        if hasattr(rule, "check_review"):
            for path, review in reviews.items():
                findings += [
                    _finding(rule_id, severity, hit, path)
                    for hit in rule.check_review(review, options)
                ]
        if hasattr(rule, "check_set"):
            findings += [
                _finding(rule_id, severity, hit, "") for hit in rule.check_set(items, options)
            ]
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.col or 0, f.rule, f.message))
