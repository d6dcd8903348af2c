"""The terminal view of `scrmap coverage`.

Built from the same plain record as the JSON, so the terminal cannot show other figures.
All text from recommendation files goes into Rich as `Text`, never as markup, so a
recommendation containing "[bold]" prints as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from scrmap.actionplan import LABELS, STATES
from scrmap.cli.views import QUIET, clean
from scrmap.defaults import WEAK_MATCH
from scrmap.formats import (
    NO_PLAN,
    counted,
    incomplete,
    item_noun,
    items_by_kind,
    learned_line,
    problem_file,
    withheld_by_fit,
)
from scrmap.formats.display_text import visible
from scrmap.records import (
    ActionRecord,
    CoverageRecord,
    MemberRecord,
    RepeatRecord,
    RowRecord,
    UnmappedRecord,
    carries_no_plan,
)

WIDE = 100
"""Below this many columns the coverage tables give way to a stacked layout, as in `map`:
a table of six columns leaves a title a few letters at 80 columns."""

NARROW = 60
"""Below this many columns the action lists, the cases and the repeated items are stacked
too: at 40 columns (an 80-column window at twice the font size) their tables broke words
across lines ("Nor/fol/k") and cut a status to "Am…"."""

SHOWN_ACTIONS = 50
"""Overdue and no-status actions listed on the terminal; `--format json` has them all."""

SECTIONS = {
    "quadrant": ("quadrants", "Quadrants"),
    "standard": ("standards", "Practice standards"),
    "theme": ("themes", "Key themes"),
}

_HEAT = ["", "#000000 on #d7f0d0", "#000000 on #a8dca0", "#000000 on #6fc06a", "#000000 on #3a9a3f"]
"""Background shades for 0, 1, 2, 3 and 4+ recommendations in a heatmap cell, each with
black text: in the terminal's own colour, white on a dark theme, a count on the palest
shade was 1.2:1 (4.5:1 needed); black is 5.9:1 on the darkest and more on the rest."""


def _cell_style(count: int) -> str:
    return _HEAT[min(count, len(_HEAT) - 1)]


def summary(record: CoverageRecord) -> Text:
    """One line: how much was mapped and how much of the framework is covered."""
    t = record["totals"]
    return Text(
        f"{items_by_kind(t['recommendations'], t['by_kind'])} from "
        f"{counted(t['cases'], 'case')}: "
        f"{t['mapped']} mapped, "
        f"{t['unmapped']} unmapped. Covered {t['quadrants_covered']}/{t['quadrants']} quadrants, "
        f"{t['standards_covered']}/{t['standards']} standards, "
        f"{t['themes_covered']}/{t['themes']} themes.",
        style="bold",
    )


def unread(record: CoverageRecord) -> list[Text]:
    """When inputs gave problems, what the figures lack and from which files, under the
    headline: the problems themselves are on standard error, which a reader of the
    figures may not have seen."""
    files = record["input_problems"]
    if not files:
        return []
    lines = [Text(f"{incomplete(files)}:", style="bold reverse")]
    lines += [Text(f"  {problem_file(f)}") for f in files]
    return lines


def coverage_table(record: CoverageRecord, by: str) -> Table:
    """Rows of quadrants, standards or themes with counts and cases; gaps marked."""
    section, title = SECTIONS[by]
    table = Table(title=title, title_justify="left")
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title")
    if section != "quadrants":
        table.add_column("quadrant", no_wrap=True)
    table.add_column("items", justify="right")
    table.add_column("cases", justify="right")
    table.add_column("which cases")
    sections = {
        "quadrants": record["quadrants"],
        "standards": record["standards"],
        "themes": record["themes"],
    }
    for row in sections[section]:
        cells: list[RenderableType] = [Text(row["id"]), Text(row["title"])]
        if section != "quadrants":
            cells.append(Text(row.get("quadrant") or ""))
        cells += [str(row["recommendations"]), str(row["cases"])]
        cells.append(
            Text("GAP", style="bold red") if row["gap"] else Text("; ".join(row["case_names"]))
        )
        table.add_row(*cells)
    return table


def coverage_stack(record: CoverageRecord, by: str) -> Group:
    """The rows of `coverage_table` for a narrow terminal, so that no title is cut: a
    quadrant or standard as its id beside its title, figures and cases; a theme, whose id
    is as long as its title, as its title over its id, figures and cases."""
    section, title = SECTIONS[by]
    rows = {"quadrants": record["quadrants"], "standards": record["standards"]}.get(
        section, record["themes"]
    )
    noun = item_noun(record["totals"]["by_kind"])
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    themes: list[RenderableType] = []
    for row in rows:
        figures = Text(f"{row['quadrant']} · " if row.get("quadrant") else "")
        if row["gap"]:
            figures.append("GAP", style="bold red")
            figures.append(": no recommendation")
        else:
            figures.append(
                f"{counted(row['recommendations'], noun)} in {counted(row['cases'], 'case')}: "
                + "; ".join(row["case_names"])
            )
        if section == "themes":
            themes.append(Padding(Text(row["title"], style="bold"), (0, 0, 0, 2)))
            themes.append(Padding(Text.assemble(row["id"], " · ", figures), (0, 0, 0, 6)))
        else:
            grid.add_row(row["id"], Text.assemble(row["title"], "\n", figures))
    body = themes or [Padding(grid, (0, 0, 0, 2))]
    return Group(Text(title, style="italic"), *body)


def case_table(record: CoverageRecord, width: int = WIDE) -> RenderableType:
    """One row per case: how many items of each kind, and how many fit nowhere; a line
    each under `NARROW` columns."""
    if width < NARROW:
        lines = [
            Padding(
                Text.assemble(
                    (case["id"], "bold"),
                    f": {counted(case['recommendations'], 'item')} ("
                    + ", ".join(counted(n, k) for k, n in case["by_kind"].items())
                    + f"), {case['unmapped']} unmapped",
                ),
                (0, 0, 0, 2),
            )
            for case in record["cases"]
        ]
        return Group(Text("Cases", style="italic"), *lines)
    table = Table(title="Cases", title_justify="left")
    table.add_column("case")
    table.add_column("items", justify="right")
    table.add_column("kinds")
    table.add_column("unmapped", justify="right")
    for case in record["cases"]:
        kinds = ", ".join(counted(n, k) for k, n in case["by_kind"].items())
        table.add_row(Text(case["id"]), str(case["recommendations"]), kinds, str(case["unmapped"]))
    return table


def legend(entries: list[str], width: int) -> str:
    """Legend entries packed into lines of ``width``, never split between lines, so that
    "C4:" stays beside the name it stands for."""
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 2 + len(entry) <= width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    return "\n".join(lines)


def heatmap(record: CoverageRecord, width: int = WIDE) -> Group:
    """Themes down, cases across: how many of each case's recommendations are on each theme;
    under it the legend, as wide as the terminal (a caption would wrap at the table's width
    and split "C4:" from its name). As many cases as fit the width go in one table, and the
    rest in tables below it: squeezed into one, ten cases at 80 columns cut every count to
    "…", and every theme looked like a gap."""
    cases = list(record["case_theme"])
    themes = record["themes"]
    numbered = list(enumerate(cases, start=1))
    widest = max((n for row in record["case_theme"].values() for n in row.values()), default=0)
    per_table = _cases_per_table(themes, len(cases), widest, width)
    tables: list[RenderableType] = []
    for first in range(0, len(numbered), per_table):
        part = numbered[first : first + per_table]
        title = f"Themes by case ({item_noun(record['totals']['by_kind'])}s)"
        if len(part) < len(numbered):
            first, last = part[0][0], part[-1][0]
            title += f", C{first}" if first == last else f", C{first} to C{last}"
        table = Table(title=title, title_justify="left")
        table.add_column("theme", no_wrap=True)
        for number, _ in part:
            table.add_column(f"C{number}", justify="center", no_wrap=True)
        for theme in themes:
            cells = []
            for _, case in part:
                count = record["case_theme"][case][theme["id"]]
                cells.append(Text(f" {count or '·'} ", style=_cell_style(count)))
            table.add_row(Text(theme["id"]), *cells)
        tables.append(table)
    entries = [f"C{n}: {case}" for n, case in numbered]
    return Group(*tables, Text(legend(entries, width), style=QUIET))


def _cases_per_table(themes: Sequence[RowRecord], cases: int, widest: int, width: int) -> int:
    """How many case columns fit beside the theme column in ``width``: each column is its
    widest cell (the header "C12", or the count " 105 ", ``widest`` being the largest) plus a
    space either side and a rule; at least one."""
    theme_width = max([len("theme"), *(len(t["id"]) for t in themes)])
    case_width = max(len(f" {widest} "), len(f"C{cases}")) + 3
    return max(1, (width - theme_width - 4) // case_width)


def cooccurrence_table(record: CoverageRecord) -> Table:
    """Pairs of themes assigned to the same recommendation."""
    table = Table(title="Themes that occur together", title_justify="left")
    table.add_column("themes")
    table.add_column("items", justify="right")
    for pair in record["cooccurrence"]:
        table.add_row(" + ".join(pair["themes"]), str(pair["recommendations"]))
    if not record["cooccurrence"]:
        table.add_row("none", "")
    return table


def _place(item: MemberRecord) -> str:
    return f"{item['file']}:{item['line']}" if item["line"] else item["file"]


def _nearest(item: UnmappedRecord, threshold: int | None) -> str:
    """The nearest standards, and why they were withheld where something withheld them."""
    nearest = ", ".join(f"{n['id']} ({n['score']})" for n in item["nearest"]) or "none"
    if item["outside"]:
        nearest += "\noutside the framework: " + ", ".join(item["outside"])
    if why := withheld_by_fit(item, threshold):
        nearest += "\n" + why
    return nearest


def _items_view(
    title: str,
    items: Sequence[tuple[MemberRecord, str]],
    detail: tuple[str, str],
    width: int,
) -> RenderableType:
    """Items quoted for the Board, each with its case and id, place, text and one detail
    (``detail``: the column's heading, and its label when stacked). Under `NARROW` columns
    each item is stacked rather than tabled, so no word is broken."""
    heading, label = detail
    if width < NARROW:
        lines: list[RenderableType] = [Text(title, style="italic")]
        for item, said in items:
            lines.append(Padding(Text(f"{item['case']} {item['id']}", style="bold"), (0, 0, 0, 2)))
            body = Text.assemble((_place(item), QUIET), "\n", item["text"], f"\n{label}: ", said)
            lines.append(Padding(body, (0, 0, 0, 4)))
        return Group(*lines)
    table = Table(title=title, title_justify="left")
    # Folded, not cut: cut, a long path lost its line number, where to find the item.
    table.add_column("case / id", overflow="fold")
    table.add_column("text")
    table.add_column(heading, min_width=12)
    for item, said in items:
        table.add_row(
            Text(f"{item['case']} {item['id']}\n{_place(item)}"), Text(item["text"]), said
        )
    return table


def unmapped_table(record: CoverageRecord, width: int = WIDE) -> RenderableType:
    """Learning that fits no standard: candidates for reviewing the framework, each with
    its nearest standards."""
    if not record["unmapped"]:
        return Text("Unmapped: none; every item reaches a standard.")
    threshold = record["framework"].get("threshold")
    return _items_view(
        "Unmapped: candidates for reviewing the framework",
        [(item, _nearest(item, threshold)) for item in record["unmapped"]],
        ("nearest standards", "nearest"),
        width,
    )


def weak_view(record: CoverageRecord, width: int = WIDE) -> RenderableType | None:
    """The weak matches, for the Board to check before it counts them, each with its best
    standard (None when there are none: the key message says nothing either)."""
    if not record["weak"]:
        return None
    return _items_view(
        f"Weak matches: check before counting (best standard under {WEAK_MATCH})",
        [(item, f"{item['standard']} ({item['score']})") for item in record["weak"]],
        ("best standard", "best standard"),
        width,
    )


def _pair_lines(group: RepeatRecord) -> str:
    return "\n".join(
        f"{p['a']['case']} {p['a']['id']} ~ {p['b']['case']} {p['b']['id']}: "
        f"{p['similarity']}; shared words: "
        f"{', '.join(p['shared_words'])}; both map to {', '.join(p['shared_items'])}"
        for p in group["pairs"]
    )


def _repeat_stack(number: int, group: RepeatRecord) -> list[RenderableType]:
    """A group of repeats for a narrow terminal: each item's case and id over its text."""
    parts: list[RenderableType] = [Text(f"{number}. similarity {group['similarity']}")]
    for member in group["members"]:
        parts.append(Padding(Text(f"{member['case']} {member['id']}", style="bold"), (0, 0, 0, 2)))
        parts.append(Padding(Text(member["text"]), (0, 0, 0, 4)))
    parts.append(Padding(Text(_pair_lines(group), style=QUIET), (0, 0, 0, 2)))
    return parts


def repeated_view(record: CoverageRecord, width: int = WIDE) -> RenderableType:
    """Each group of near-duplicates across cases, with the words and items they share."""
    parts: list[RenderableType] = [
        Text(
            f"Repeated recommendations (similarity {record['similarity_threshold']} or more)",
            style="italic",
        )
    ]
    for number, group in enumerate(record["repeated"], start=1):
        if width < NARROW:
            parts += _repeat_stack(number, group)
            continue
        table = Table(title=f"{number}. similarity {group['similarity']}", title_justify="left")
        table.add_column("case / id")
        table.add_column("text")
        for member in group["members"]:
            table.add_row(Text(f"{member['case']} {member['id']}"), Text(member["text"]))
        table.caption = Text(_pair_lines(group), style=QUIET)
        table.caption_justify = "left"
        parts.append(table)
    if not record["repeated"]:
        parts.append(Text("none"))
    return Group(*parts)


def key_messages(record: CoverageRecord) -> Table:
    """The summary's key messages, numbered, each wrapped under its own first word."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for n, m in enumerate(record["key_messages"], start=1):
        grid.add_row(f"{n}.", Text(f"{visible(m['text'])}."))
    return grid


def _actions_stack(title: str, actions: list[ActionRecord], late: bool) -> Group:
    """The actions for a narrow terminal: each one's case and id, then its owner, due date,
    days late and status in words, as the Markdown report writes them."""
    lines: list[RenderableType] = [Text(f"{title} ({len(actions)})", style="italic")]
    for a in actions[:SHOWN_ACTIONS]:
        days = f", {a['days_overdue']} days late" if late else ""
        lines.append(Padding(Text(visible(f"{a['case']} {a['id']}"), style="bold"), (0, 0, 0, 2)))
        lines.append(
            Padding(
                Text(
                    visible(
                        f"owner {a['owner'] or 'none named'}, due {a['due'] or 'not given'}"
                        f"{days}; status {a['status'] or 'none'}"
                    )
                ),
                (0, 0, 0, 4),
            )
        )
    if len(actions) > SHOWN_ACTIONS:
        more = f"and {len(actions) - SHOWN_ACTIONS} more: --format json lists them all"
        lines.append(Padding(Text(more, style=QUIET), (0, 0, 0, 2)))
    return Group(*lines)


def _actions_table(
    title: str, actions: list[ActionRecord], late: bool, width: int = WIDE
) -> RenderableType:
    if width < NARROW:
        return _actions_stack(title, actions, late)
    table = Table(title=f"{title} ({len(actions)})", title_justify="left")
    table.add_column("case / id", overflow="fold")
    table.add_column("owner", overflow="fold")
    # A due cell may keep two dates ("31/03/2026 - 30/06/2026"): wrapped at its spaces,
    # not held on one line, which cut the status beside it to "Compl…".
    table.add_column("due")
    if late:
        table.add_column("days late" if width >= WIDE else "days\nlate", justify="right")
    table.add_column("status")
    for a in actions[:SHOWN_ACTIONS]:
        cells = [
            # On a narrow terminal the id goes under the case, so the case is not cut.
            Text(visible(f"{a['case']}{' ' if width >= WIDE else chr(10)}{a['id']}")),
            Text(visible(a["owner"] or "none named")),
            Text(visible(a["due"] or "")),
        ]
        if late:
            cells.append(Text(str(a["days_overdue"]), style="bold"))
        cells.append(Text(visible(a["status"] or "none")))
        table.add_row(*cells)
    if len(actions) > SHOWN_ACTIONS:
        table.caption = Text(
            f"and {len(actions) - SHOWN_ACTIONS} more: --format json lists them all", style=QUIET
        )
        table.caption_justify = "left"
    return table


def action_plan_view(record: CoverageRecord, width: int = WIDE) -> RenderableType:
    """Actions by status at the report date; the overdue ones with their owners; and those
    with no status or one scrmap does not know."""
    plan = record["action_plan"]
    if not plan["actions"]:
        return Text(f"Action plan at {plan['as_of']}: no item carries an action.")
    if carries_no_plan(plan):
        return Text(
            f"Action plan at {plan['as_of']}. "
            + NO_PLAN.format(counted(plan["actions"], "action"))
            + " --format json lists them."
        )
    headline = Text(
        f"Action plan at {plan['as_of']}: {counted(plan['actions'], 'action')}, "
        f"{plan['overdue']} overdue",
        style="bold",
    )
    counts = Table(title="Actions by status", title_justify="left")
    counts.add_column("status")
    counts.add_column("actions", justify="right")
    for state in STATES:
        counts.add_row(LABELS[state], str(plan["counts"][state.value]))
    parts: list[RenderableType] = [headline, counts]
    if plan["overdue_actions"]:
        parts.append(_actions_table("Overdue actions", plan["overdue_actions"], True, width))
    if plan["no_status"]:
        parts.append(_actions_table("Actions with no status", plan["no_status"], False, width))
    if plan["unrecognised"]:
        parts.append(_actions_table("Status not recognised", plan["unrecognised"], False, width))
    return Group(*parts)


def coverage_view(record: CoverageRecord, by: str | None = None, width: int = WIDE) -> Group:
    """The whole terminal report; with ``by``, only that table (cases with their heatmap).
    Under `WIDE` columns the coverage rows are stacked rather than tabled."""
    record = clean(record)
    parts: list[RenderableType] = [
        summary(record),
        *unread(record),
        Text(learned_line(record["framework"]), style=QUIET),
    ]

    def coverage(name: str) -> RenderableType:
        return coverage_table(record, name) if width >= WIDE else coverage_stack(record, name)

    if by == "case":
        return Group(*parts, case_table(record, width), heatmap(record, width))
    if by:
        return Group(*parts, coverage(by))
    parts.append(key_messages(record))
    parts += [coverage(name) for name in SECTIONS]
    parts.append(action_plan_view(record, width))
    parts += [case_table(record, width), heatmap(record, width), cooccurrence_table(record)]
    parts.append(unmapped_table(record, width))
    if (weak := weak_view(record, width)) is not None:
        parts.append(weak)
    parts.append(repeated_view(record, width))
    return Group(*parts)
