"""The terminal view of `scrmap check`: findings grouped by file."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.text import Text

from scrmap.findings import Finding, Severity
from scrmap.formats.check import verdict
from scrmap.records import CheckResult

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow"}


def findings_view(result: CheckResult, quiet: bool = False) -> Group:
    """Each file with findings, then its findings by line; a closing count unless
    ``quiet``."""
    parts: list[RenderableType] = []
    by_file: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_file.setdefault(f.path or "(across files)", []).append(f)
    for path, found in by_file.items():
        parts.append(Text(path, style="bold underline"))
        for f in found:
            where = f.location()[len(f.path) + 1 :] if f.line is not None else "-"
            line = Text("  ")
            line.append(f"{where:>7}  ", style="dim")
            line.append(f"{f.severity.value:<7}  ", style=_STYLE[f.severity])
            line.append(f"{f.rule:<13}  ", style="cyan")
            if f.recommendation:
                line.append(f"{f.recommendation}: ", style="bold")
            line.append(f.message)
            parts.append(line)
        parts.append(Text(""))
    if not quiet:
        errors = any(f.severity is Severity.error for f in result.findings)
        style = "bold red" if errors else ("yellow" if result.findings else "green")
        parts.append(Text(verdict(result), style=style))
    return Group(*parts)


def findings_text(result: CheckResult, quiet: bool, console: Console | None) -> str | None:
    """Draw the view on ``console`` (None: render it as plain text and return that, for
    --output-file). Off a terminal, a finding is never wrapped: it stays on one line."""
    view = findings_view(result, quiet)
    if console is not None:
        console.print(view, soft_wrap=not console.is_terminal)
        return None
    buffer = io.StringIO()
    Console(file=buffer, no_color=True, highlight=False).print(view, soft_wrap=True)
    return buffer.getvalue()
