"""The terminal view of `scrmap check`: findings grouped by file.

Off a terminal every finding is one unwrapped line (for grep). On a terminal a long
message wraps in its own column beside the place, rule and severity; below 100 columns,
where that column would be too narrow to read, it goes under them, indented.
"""

from __future__ import annotations

import io
from enum import Enum

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from scrmap.cli.views import QUIET, SafeConsole
from scrmap.display import terminal
from scrmap.errors import location
from scrmap.findings import Finding, Severity
from scrmap.formats.check import verdict
from scrmap.records import CheckResult

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow"}
NARROW = 100
"""Below this many columns a finding's message goes under its place."""


class Layout(Enum):
    """How a finding is laid out."""

    line = "line"
    """One line, never wrapped: off a terminal."""
    columns = "columns"
    """The message wraps in its own column: a wide terminal."""
    stacked = "stacked"
    """The message under the place, indented: a narrow terminal."""


def _place(f: Finding) -> Text:
    where = location("", f.line, f.col)[1:] if f.line is not None else "-"
    line = Text("  ")
    line.append(f"{where:>7}  ", style=QUIET)
    line.append(f"{f.severity.value:<7}  ", style=_STYLE[f.severity])
    line.append(f"{f.rule:<13}  ", style="cyan")
    return line


def _message(f: Finding) -> Text:
    message = Text()
    label = f.item or f.recommendation  # "recommendation 3" where the page names others
    if label:
        message.append(f"{terminal(label)}: ", style="bold")
    return message.append(terminal(f.message))


def _findings(found: list[Finding], layout: Layout) -> list[RenderableType]:
    if layout is Layout.line:
        return [_place(f).append_text(_message(f)) for f in found]
    if layout is Layout.stacked:
        return [part for f in found for part in (_place(f), Padding(_message(f), (0, 0, 0, 11)))]
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    for f in found:
        grid.add_row(_place(f), _message(f))
    return [grid]


def findings_view(result: CheckResult, quiet: bool = False, layout: Layout = Layout.line) -> Group:
    """Each file with findings, then its findings by line; a closing count unless
    ``quiet``."""
    parts: list[RenderableType] = []
    by_file: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_file.setdefault(f.path or "(across files)", []).append(f)
    for path, found in by_file.items():
        parts.append(Text(terminal(path), style="bold underline"))
        parts += _findings(found, layout)
        parts.append(Text(""))
    if not quiet:
        errors = any(f.severity is Severity.error for f in result.findings)
        style = "bold red" if errors else ("yellow" if result.findings else "green")
        parts.append(Text(verdict(result), style=style))
    return Group(*parts)


def findings_text(result: CheckResult, quiet: bool, console: Console | None) -> str | None:
    """Draw the view on ``console`` (None: render it as plain text and return that, for
    --output-file), laid out for where it goes."""
    if console is not None:
        if not console.is_terminal:
            layout = Layout.line
        else:
            layout = Layout.columns if console.width >= NARROW else Layout.stacked
        console.print(findings_view(result, quiet, layout), soft_wrap=layout is Layout.line)
        return None
    buffer = io.StringIO()
    SafeConsole(file=buffer, no_color=True, highlight=False, markup=False).print(
        findings_view(result, quiet), soft_wrap=True
    )
    return buffer.getvalue()
