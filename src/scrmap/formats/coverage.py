"""Formats of `scrmap coverage`: JSON, CSV and Markdown of the coverage record.

The same record feeds the terminal view and the report, so they cannot disagree. The
JSON contract is documented in the README ("JSON output of scrmap coverage").
"""

from __future__ import annotations

from scrmap.actionplan import LABELS, STATES
from scrmap.defaults import WEAK_MATCH
from scrmap.formats import (
    NO_PLAN,
    Renderer,
    counted,
    filter_parts,
    incomplete,
    items_by_kind,
    items_title,
    json_text,
    learned_line,
    problem_file,
    problem_kind,
    quoted_problems,
    withheld_by_fit,
)
from scrmap.formats.cells import csv_text, md_cell
from scrmap.formats.choices import CoverageFormat
from scrmap.records import (
    ActionRecord,
    CoverageRecord,
    FrameworkRef,
    RowRecord,
    carries_no_plan,
)

TERMINAL = CoverageFormat.table


def to_json(record: CoverageRecord) -> str:
    """The JSON contract, pretty-printed."""
    return json_text(record)


CSV_COLUMNS = [
    "section",
    "id",
    "title",
    "quadrant",
    "recommendations",
    "cases",
    "case_names",
    "gap",
    *(f"actions_{s.value}" for s in STATES),
]


def _problem_rows(record: CoverageRecord) -> list[list[object]]:
    """A row for each file that gave problems, first, so that the sheet does not pass for
    the whole library: `not-read` (left out) or `read-with-problems`."""
    return [
        [
            problem_kind(f),
            f["file"],
            "; ".join(quoted_problems(f)),
            "",
            f["recommendations"],
            *[""] * (len(CSV_COLUMNS) - 5),
        ]
        for f in record["input_problems"]
    ]


def to_csv(record: CoverageRecord) -> str:
    """The quadrant, standard and theme tables as one sheet, a `section` column apart,
    each standard and theme with its actions by status; then one `action-plan` row with
    every action by status (its `recommendations` column holds the number of actions).
    Files that gave problems come first (`_problem_rows`)."""
    plan = record["action_plan"]
    by_id = {r["id"]: r["counts"] for r in plan["by_standard"] + plan["by_theme"]}
    rows: list[list[object]] = _problem_rows(record) + [
        [
            section,
            row["id"],
            row["title"],
            row.get("quadrant") or "",
            row["recommendations"],
            row["cases"],
            "; ".join(row["case_names"]),
            "gap" if row["gap"] else "",
            *(by_id[row["id"]][s.value] if row["id"] in by_id else "" for s in STATES),
        ]
        for section, section_rows in (
            ("quadrants", record["quadrants"]),
            ("standards", record["standards"]),
            ("themes", record["themes"]),
        )
        for row in section_rows
    ]
    rows.append(
        [
            "action-plan",
            f"as of {plan['as_of']}",
            f"all actions ({plan['overdue']} overdue)",
            "",
            plan["actions"],
            "",
            "",
            "",
            *(plan["counts"][s.value] for s in STATES),
        ]
    )
    return csv_text(CSV_COLUMNS, rows)


def _action_line(a: ActionRecord) -> str:
    late = f", {a['days_overdue']} days overdue" if a["days_overdue"] else ""
    return (
        f"- {md_cell(a['case'])} {md_cell(a['id'])}: owner {md_cell(a['owner'] or 'none named')}, "
        f"due {md_cell(a['due'] or 'not given')}{late}; status "
        f"{md_cell(a['status'] or 'none')}"
    )


def _action_plan_markdown(record: CoverageRecord) -> list[str]:
    plan = record["action_plan"]
    lines = [f"## Action plan at {plan['as_of']}", ""]
    if not plan["actions"]:
        return [*lines, "No item carries an action.", ""]
    if carries_no_plan(plan):
        return [
            *lines,
            NO_PLAN.format(counted(plan["actions"], "action")),
            "",
        ]
    lines += ["| Status | Actions |", "|---|---:|"]
    lines += [f"| {LABELS[s]} | {plan['counts'][s.value]} |" for s in STATES]
    lines += ["", f"### Overdue ({plan['overdue']})", ""]
    lines += [_action_line(a) for a in plan["overdue_actions"]] or ["None."]
    lines += ["", f"### No status ({len(plan['no_status'])})", ""]
    lines += [_action_line(a) for a in plan["no_status"]] or ["None."]
    if plan["unrecognised"]:
        lines += ["", f"### Status not recognised ({len(plan['unrecognised'])})", ""]
        lines += [_action_line(a) for a in plan["unrecognised"]]
    return [*lines, ""]


def _problems_markdown(record: CoverageRecord) -> list[str]:
    """The warning that opens the document when inputs gave problems: which files, the
    first few problems of each."""
    files = record["input_problems"]
    if not files:
        return []
    lines = [f"> **{md_cell(incomplete(files))}.**", ">"]
    for f in files:
        lines.append(f"> - **{md_cell(problem_file(f))}**")
        lines += [f">   - {md_cell(line)}" for line in quoted_problems(f)]
    return [*lines, ""]


def _filters_markdown(record: CoverageRecord) -> list[str]:
    """The filters the figures were made with, when there were any: a paper of one case or
    one period must say so, and name the cases --since left out for want of a date."""
    parts = filter_parts(record["selection"], md_cell)
    return [f"Filters: {'; '.join(parts)}.", ""] if parts else []


def _table(rows: list[RowRecord], with_quadrant: bool, heading: str, counts: str) -> list[str]:
    """``counts``: what each row counts, as a title (`items_title`)."""
    head = "| Id | Title |" + (" Quadrant |" if with_quadrant else "")
    lines = [f"## {heading}", "", head + f" {counts} | Cases | Which cases |"]
    lines.append("|---|---|" + ("---|" if with_quadrant else "") + "---:|---:|---|")
    for row in rows:
        cells: list[object] = [row["id"], row["title"]]
        cells += [row.get("quadrant")] if with_quadrant else []
        cells += [row["recommendations"], row["cases"], "; ".join(row["case_names"])]
        which = md_cell(cells.pop())
        # A gap has no cases: its last cell says so, so every row keeps the header's cells.
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + f" | {which or '**gap**'} |")
    return [*lines, ""]


def _cases_markdown(record: CoverageRecord) -> list[str]:
    """The cases, each with its items by kind and unmapped, then the themes-by-cases heatmap
    as a table (C1, C2, ... named under it), as the terminal and the HTML report show them."""
    lines = ["## Cases", "", "| Case | Items | Kinds | Unmapped |", "|---|---:|---|---:|"]
    for case in record["cases"]:
        kinds = ", ".join(counted(n, k) for k, n in case["by_kind"].items())
        lines.append(
            f"| {md_cell(case['id'])} | {case['recommendations']} | {md_cell(kinds)} "
            f"| {case['unmapped']} |"
        )
    cases = list(record["case_theme"])
    numbers = [f"C{n}" for n in range(1, len(cases) + 1)]
    counted_as = items_title(record["totals"]["by_kind"]).lower()
    lines += ["", f"## Themes by case ({counted_as})", ""]
    lines += ["| Theme | " + " | ".join(numbers) + " |", "|---|" + "---:|" * len(cases)]
    for theme in record["themes"]:
        counts = [record["case_theme"][case][theme["id"]] for case in cases]
        # "0", not the terminal's quiet "·": a document's table is read aloud, and a screen
        # reader says "middle dot" or nothing for it.
        lines.append(f"| {md_cell(theme['id'])} | " + " | ".join(str(n) for n in counts) + " |")
    lines += [""]
    lines += [f"- {number}: {md_cell(case)}" for number, case in zip(numbers, cases, strict=True)]
    return [*lines, ""]


def _files_line(framework: FrameworkRef) -> str:
    """The framework file and learned weights by their SHA-256, so that a paper made with an
    edited copy of the framework (the same name and version) can be told from another."""
    sha = framework["sha256"]
    said = f"Framework file SHA-256 {sha}" if sha else "Framework file: no SHA-256 (a pipe)"
    learned = framework["learned"]
    if learned and learned["sha256"]:
        said += f"; learned weights SHA-256 {learned['sha256']}"
    return said + "."


def to_markdown(record: CoverageRecord) -> str:
    """Tables for Board papers: totals, key messages, coverage, cases and the themes-by-cases
    heatmap, gaps, the action plan, unmapped, co-occurrence, repeats."""
    t = record["totals"]
    threshold = record["framework"].get("threshold")
    lines = [
        f"# Coverage of {md_cell(record['framework']['title'])}",
        "",
        f"{items_by_kind(t['recommendations'], t['by_kind'])} from "
        f"{counted(t['cases'], 'case')}; "
        f"{t['mapped']} mapped, "
        f"{t['unmapped']} unmapped. Covered: {t['quadrants_covered']}/{t['quadrants']} "
        f"quadrants, {t['standards_covered']}/{t['standards']} standards, "
        f"{t['themes_covered']}/{t['themes']} themes. {learned_line(record['framework'])}",
        "",
        _files_line(record["framework"]),
        "",
        *_problems_markdown(record),
        *_filters_markdown(record),
        "## Key messages",
        "",
        *(f"{n}. {md_cell(m['text'])}." for n, m in enumerate(record["key_messages"], 1)),
        "",
    ]
    counts = items_title(record["totals"]["by_kind"])
    lines += _table(record["quadrants"], False, "Quadrants", counts)
    lines += _table(record["standards"], True, "Practice standards", counts)
    lines += _table(record["themes"], True, "Key themes", counts)
    lines += _cases_markdown(record)
    lines += ["## Gaps", ""]
    for kind, rows in record["gaps"].items():
        names = ", ".join(f"{md_cell(r['id'])} {md_cell(r['title'])}" for r in rows)
        lines.append(f"- {kind.capitalize()}: {names or 'none'}")
    lines += ["", *_action_plan_markdown(record)]
    lines += ["## Unmapped: candidates for reviewing the framework", ""]
    lines += [
        f"- {md_cell(u['case'])} {md_cell(u['id'])}: {md_cell(u['text'])}"
        + "".join(f" — {md_cell(w)}" for w in [withheld_by_fit(u, threshold)] if w)
        for u in record["unmapped"]
    ] or ["None."]
    if record["weak"]:
        lines += [
            "",
            f"## Weak matches: check before counting (best standard under {WEAK_MATCH})",
            "",
        ]
        lines += [
            f"- {md_cell(w['case'])} {md_cell(w['id'])} ({md_cell(w['standard'])}, "
            f"{w['score']}): {md_cell(w['text'])}"
            for w in record["weak"]
        ]
    lines += ["", "## Themes that occur together", ""]
    lines += [
        f"- {md_cell(c['themes'][0])} + {md_cell(c['themes'][1])}: {c['recommendations']}"
        for c in record["cooccurrence"]
    ] or ["None."]
    lines += ["", f"## Repeated recommendations (similarity {record['similarity_threshold']}+)", ""]
    for number, group in enumerate(record["repeated"], start=1):
        lines.append(f"{number}. Similarity {group['similarity']}:")
        lines += [
            f"   - {md_cell(m['case'])} {md_cell(m['id'])}: {md_cell(m['text'])}"
            for m in group["members"]
        ]
    if not record["repeated"]:
        lines.append("None.")
    return "\n".join(lines) + "\n"


RENDERERS: dict[CoverageFormat, Renderer[CoverageRecord, str]] = {
    CoverageFormat.json: to_json,
    CoverageFormat.csv: to_csv,
    CoverageFormat.markdown: to_markdown,
}
