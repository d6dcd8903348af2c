"""The check engine: run the rules over recommendations and return findings.

Pure: it never prints or exits. Each rule lives in its own module under
`scrmap.rules` with a stable id, a default severity, options and a docstring that is
its user documentation, behind the `Rule` interface of `scrmap.rules._base`. A rule's
`SCOPE` says what one call of its `check` looks at: one recommendation, one review
(one file), or the whole checked set. SMART rules apply to items of kind
`recommendation`: a finding states what went wrong and is not an action, and a
response reports what was done.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from scrmap.errors import ConfigError, Problem
from scrmap.findings import ALWAYS_REPORTED, INPUT_RULE, Finding, Severity
from scrmap.rules import RULES
from scrmap.rules._base import Hit, Item, Scope

if TYPE_CHECKING:
    from scrmap.matcher import Matcher
    from scrmap.recommendation import Recommendation

__all__ = ["INPUT_RULE", "Finding", "Severity", "chosen", "run"]


def _finding(rule: str, severity: Severity, hit: Hit, review_file: str) -> Finding:
    if hit.item is None:
        return Finding(rule, severity, review_file, None, None, hit.message)
    rec = hit.item.rec
    return Finding(
        rule,
        severity,
        rec.source.file,
        rec.source.line,
        None,
        hit.message,
        rec.id,
        rec.waive.get(rule),
        rec.source.item,
        rec.case,
    )


def chosen(
    settings: dict[str, tuple[Severity, object]], select: Sequence[str], ignore: Sequence[str]
) -> dict[str, tuple[Severity, object]]:
    """``settings`` with only the ``select``ed rules (all when empty), less the ``ignore``d
    ones, as `ruff --select/--ignore`; raises ConfigError naming an unknown rule id, or
    `input`, which is always reported."""
    known = ", ".join(RULES)
    unknown = [
        Problem(
            option,
            None,
            None,
            ALWAYS_REPORTED
            if rule_id == INPUT_RULE
            else f"unknown rule {rule_id!r} (rules: {known})",
        )
        for option, ids in (("--select", select), ("--ignore", ignore))
        for rule_id in ids
        if rule_id not in RULES
    ]
    if unknown:
        raise ConfigError(unknown)
    return {
        rule_id: (Severity.off, options)
        if (select and rule_id not in select) or rule_id in ignore
        else (severity, options)
        for rule_id, (severity, options) in settings.items()
    }


def run(
    recs: Sequence[Recommendation],
    problems: Sequence[Problem],
    matcher: Matcher,
    settings: dict[str, tuple[Severity, object]],
) -> list[Finding]:
    """Every finding for ``recs`` (plus ``problems`` as input findings), sorted by place,
    and at a place that holds several recommendations by theirs.

    ``settings`` maps each rule id to its severity and its validated options.
    """
    items = [Item(rec, matcher.match(rec.text)) for rec in recs]
    reviews: dict[str, list[Item]] = {}
    for item in items:
        reviews.setdefault(item.rec.source.file, []).append(item)
    findings = [
        Finding(INPUT_RULE, Severity.error, p.path, p.line, p.col, p.message) for p in problems
    ]
    findings += [
        Finding(
            INPUT_RULE,
            Severity.error,
            rec.source.file,
            rec.source.line,
            None,
            ALWAYS_REPORTED
            if rule_id == INPUT_RULE
            else f"waives an unknown rule {rule_id!r} (rules: {', '.join(RULES)})",
            rec.id,
            item=rec.source.item,
            case=rec.case,
        )
        for rec in recs
        for rule_id in rec.waive
        if rule_id not in RULES
    ]
    for rule_id, rule in RULES.items():
        severity, options = settings[rule_id]
        if severity is Severity.off:
            continue
        if rule.SCOPE is Scope.item:
            hits = [
                (item.rec.source.file, hit)
                for item in items
                if item.rec.kind in rule.KINDS
                for hit in rule.check(item, options)
            ]
        elif rule.SCOPE is Scope.review:
            hits = [
                (path, hit)
                for path, review in reviews.items()
                for hit in rule.check(review, options)
            ]
        else:
            hits = [("", hit) for hit in rule.check(items, options)]
        findings += [_finding(rule_id, severity, hit, where) for where, hit in hits]
    # Where one place holds several recommendations (a PDF's page), each one's findings
    # together, in the order they stand in the document.
    order = {(rec.source.file, rec.source.line, rec.source.item): k for k, rec in enumerate(recs)}
    return sorted(
        findings,
        key=lambda f: (
            f.path,
            f.line or 0,
            f.col or 0,
            order.get((f.path, f.line, f.item), -1) if f.item else -1,
            f.rule,
            f.message,
        ),
    )
