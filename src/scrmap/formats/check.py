"""Output formats of `scrmap check`, each a pure function of the check result.

`text` (Rich, grouped by file) is the CLI's view; the machine formats are here. SARIF,
GitLab Code Quality and the GitHub annotations use the rules' stable ids, so code
scanning can track a finding from run to run. `concise` is ruff's one line per finding,
for grep, editors and CI logs.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from scrmap import __version__
from scrmap.display import terminal
from scrmap.findings import INPUT_RULE, Finding, Severity
from scrmap.formats import Renderer, counted, json_text
from scrmap.formats.choices import CheckFormat
from scrmap.records import CheckResult, check_document

TERMINAL = CheckFormat.text


def concise_line(f: Finding) -> str:
    """``path:line:col: severity [rule] message``, as `ruff --output-format concise` writes
    it: every field always there (1 for a line or column not known), so that `grep` and
    editors' error formats (``%f:%l:%c: %m``) read each finding from its one line. One
    line whatever the file name or message holds: a line break there would start a line
    of its own, and CI runs one starting `::error` as a workflow command."""
    place = f"{f.path or '.'}:{f.line or 1}:{f.col or 1}"
    return terminal(f"{place}: {f.severity.value} [{f.rule}] {named(f)}")


def named(f: Finding) -> str:
    """The message, after the item it is about where its place names others too
    (`Finding.item`: "recommendation 3: ...", on a PDF's page); else as it is."""
    return f"{f.item}: {f.message}" if f.item else f.message


def to_concise(result: CheckResult) -> str:
    """One line per finding."""
    return "".join(concise_line(f) + "\n" for f in result.findings)


def tally(findings: Sequence[Finding]) -> str:
    """``1 error, 7 warnings``: the findings counted by severity, both always named, so a
    count reads the same in the closing line and in a JUnit failure."""
    errors = sum(1 for f in findings if f.severity is Severity.error)
    return f"{counted(errors, 'error')}, {counted(len(findings) - errors, 'warning')}"


def verdict(result: CheckResult) -> str:
    """The closing count: files checked, errors, warnings, and waivers if any."""
    counts = [f"{counted(len(result.checked), 'file')} checked: {tally(result.findings)}"]
    if result.waived:
        counts.append(f"{len(result.waived):,} waived")
    return ", ".join(counts)


def _statistics_rows(result: CheckResult) -> list[tuple[int, str, str, int]]:
    """(count, rule, severity, waived) per rule, most first; a rule only waived has the
    severity ``waived``."""
    shown = Counter((f.rule, f.severity.value) for f in result.findings)
    waived = Counter(f.rule for f in result.waived)
    rows = [(n, rule, severity, waived.pop(rule, 0)) for (rule, severity), n in shown.items()]
    rows += [(0, rule, "waived", n) for rule, n in waived.items()]
    rows.sort(key=lambda row: (-row[0], -row[3], row[1]))
    return rows


def statistics_json(result: CheckResult) -> str:
    """`--statistics` as JSON, for scripts: the table's rows as objects."""
    return json_text(
        [
            {"rule": rule, "severity": sev, "count": n, "waived": w, "what": _summary(rule)}
            for n, rule, sev, w in _statistics_rows(result)
        ]
    )


def statistics(result: CheckResult, width: int | None = None) -> str:
    """Findings per rule, most first, with the waived ones and what the rule is about
    (`--statistics`, as ruff's). With a ``width`` (a terminal's) the last column wraps
    under itself; without one each rule stays on one line, for grep."""
    rows = _statistics_rows(result)
    rule_width = max([len(row[1]) for row in rows] + [4])
    indent = 5 + 2 + rule_width + 2 + 8 + 2 + 6 + 2
    lines = [f"{'count':>5}  {'rule':<{rule_width}}  {'severity':<8}  waived  what"]
    for n, rule, sev, w in rows:
        what = [_summary(rule)]
        if width is not None and width - indent >= 20:
            what = textwrap.wrap(what[0], width - indent) or [""]
        lines.append(f"{n:>5}  {rule:<{rule_width}}  {sev:<8}  {w:>6}  {what[0]}")
        lines += [" " * indent + more for more in what[1:]]
    return "\n".join(lines) + "\n"


def _summary(rule_id: str) -> str:
    from scrmap.rules import RULES, summary

    rule = RULES.get(rule_id)
    return summary(rule) if rule is not None else "Input that cannot be read or is invalid."


_PLACE = re.compile(r"(?<=\S):\d+(?::\d+)?\b|\bline \d+\b")
"""A place in a message ("at recs/case.yaml:4", "(first at line 3)"): the place of another
item, which moves with the lines above it as the finding's own line does."""


def to_gitlab(result: CheckResult) -> str:
    """GitLab Code Quality (a JSON array of issues), as sqlfluff writes it. The
    fingerprint leaves out the line, so an issue keeps its identity when text moves."""
    issues = []
    seen: Counter[str] = Counter()
    for f in result.findings:
        message = _PLACE.sub("", f.message)  # another item's line moves as this one's does
        key = "\x00".join((f.rule, f.path, f.recommendation or "", message))
        seen[key] += 1
        description = f"{f.recommendation}: {f.message}" if f.recommendation else f.message
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule,
                "description": description,
                "categories": ["Style"] if f.rule != INPUT_RULE else ["Bug Risk"],
                "severity": "major" if f.severity is Severity.error else "minor",
                "fingerprint": hashlib.sha256(f"{key}\x00{seen[key]}".encode()).hexdigest(),
                "location": {"path": f.path or ".", "lines": {"begin": f.line or 1}},
            }
        )
    return json_text(issues)


def to_json(result: CheckResult) -> str:
    """All findings with counts, for scripts."""
    return json_text(check_document(result))


def _annotation_value(text: str) -> str:
    # GitHub's workflow-command escaping: % first, then line breaks; the log shows other
    # control characters raw (its viewer runs escape sequences), so they are escaped too.
    text = terminal(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text


def _annotation_property(text: str) -> str:
    return _annotation_value(text).replace(":", "%3A").replace(",", "%2C")


def to_github(result: CheckResult) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in result.findings:
        properties = [f"file={_annotation_property(f.path)}"] if f.path else []
        if f.line is not None:
            properties.append(f"line={f.line}")
            if f.col is not None:
                properties.append(f"col={f.col}")
        title = f"scrmap {f.rule}" + (f" ({f.recommendation})" if f.recommendation else "")
        properties.append(f"title={_annotation_property(title)}")
        lines.append(f"::{f.severity.value} {','.join(properties)}::{_annotation_value(f.message)}")
    return "".join(line + "\n" for line in lines)


def _rule_descriptor(rule_id: str) -> dict[str, object]:
    from scrmap.rules import RULES, summary

    if rule_id == INPUT_RULE:
        text, doc, level = "Input that cannot be read or is invalid.", "", "error"
    else:
        rule = RULES[rule_id]
        text, doc, level = summary(rule), (rule.__doc__ or "").strip(), rule.SEVERITY.value
    return {
        "id": rule_id,
        "name": rule_id.replace("-", " ").title().replace(" ", ""),
        "shortDescription": {"text": text},
        "fullDescription": {"text": doc or text},
        "defaultConfiguration": {"level": level},
        "help": {"text": doc or text},
    }


def to_sarif(result: CheckResult) -> str:
    """SARIF 2.1.0, for code scanning. A waived finding is a result with an in-source
    suppression and its reason, which code scanning shows as dismissed."""
    from scrmap.rules import RULES

    rule_ids = [INPUT_RULE, *RULES]
    results = []
    for f in [*result.findings, *result.waived]:
        entry: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": rule_ids.index(f.rule),
            "level": "error" if f.severity is Severity.error else "warning",
            "message": {"text": f.message},
        }
        if f.path:
            # A uri is percent-encoded: a space or '#' in a file name is not a URI's. An
            # absolute path is a file: URI; a relative one stays relative, as code scanning
            # reads it against the checkout.
            path = Path(f.path)
            uri = path.as_uri() if path.is_absolute() else quote(f.path, safe="/")
            location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if f.line is not None:
                location["region"] = {"startLine": f.line} | (
                    {"startColumn": f.col} if f.col is not None else {}
                )
            entry["locations"] = [{"physicalLocation": location}]
        if f.recommendation:
            entry["properties"] = {"recommendation": f.recommendation}
        if f.waived is not None:
            entry["suppressions"] = [{"kind": "inSource", "justification": f.waived}]
        results.append(entry)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "scrmap",
                        "version": __version__,
                        "rules": [_rule_descriptor(r) for r in rule_ids],
                    }
                },
                "results": results,
            }
        ],
    }
    return json_text(document)


def to_junit(result: CheckResult) -> str:
    """JUnit XML for GitLab and Jenkins: a test case per checked file; errors (and with
    --strict, warnings) fail it, other warnings go to its output."""
    by_file: dict[str, list[Finding]] = {path: [] for path in result.checked}
    for f in result.findings:
        by_file.setdefault(f.path, []).append(f)
    cases, failed = [], 0
    for path, found in by_file.items():
        failing = any(f.severity is Severity.error or result.strict for f in found)
        body = "\n".join(f"{f.location()}: {f.severity.value} [{f.rule}] {named(f)}" for f in found)
        body = terminal(body, newlines=True)  # XML 1.0 allows no control characters
        inner = ""
        if failing:
            failed += 1
            # The message counts what the body lists, warnings too, not only what fails.
            inner = f'<failure message="{tally(found)}" type="scrmap">{escape(body)}</failure>'
        elif found:
            inner = f"<system-out>{escape(body)}</system-out>"
        name = escape(terminal(path or "(all files)"))
        cases.append(f'  <testcase classname="scrmap.check" name="{name}">{inner}</testcase>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuite name="scrmap check" tests="{len(cases)}" failures="{failed}" errors="0">\n'
        + "\n".join(cases)
        + "\n</testsuite>\n"
    )


def step_summary(result: CheckResult) -> str:
    """A Markdown table for $GITHUB_STEP_SUMMARY: findings per rule and severity, and the
    waived ones (the log under GitHub Actions holds the annotations alone, so this is where
    waivers stay visible)."""
    findings, checked = result.findings, result.checked
    counts = Counter((f.rule, f.severity.value) for f in findings)
    counts.update((f.rule, "waived") for f in result.waived)
    waived = f", {len(result.waived):,} waived" if result.waived else ""
    lines = [
        "### scrmap check",
        "",
        f"{counted(len(checked), 'file')} checked, "
        f"{counted(sum(1 for f in findings if f.severity is Severity.error), 'error')}, "
        f"{counted(sum(1 for f in findings if f.severity is Severity.warning), 'warning')}"
        f"{waived}.",
        "",
        "| rule | severity | findings |",
        "|---|---|---:|",
    ]
    lines += [f"| `{rule}` | {sev} | {n} |" for (rule, sev), n in sorted(counts.items())]
    return "\n".join(lines) + "\n"


RENDERERS: dict[CheckFormat, Renderer[CheckResult, str]] = {
    CheckFormat.concise: to_concise,
    CheckFormat.json: to_json,
    CheckFormat.github: to_github,
    CheckFormat.gitlab: to_gitlab,
    CheckFormat.sarif: to_sarif,
    CheckFormat.junit: to_junit,
}
