"""The terminal view of `scrmap check`: findings grouped by file."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from scrmap.findings import Finding, Severity
from scrmap.formats import counted

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow"}


def findings_view(findings: Sequence[Finding], checked: Sequence[str]) -> Group:
    """Each file with findings, then its findings by line; a closing count."""
    parts: list[RenderableType] = []
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
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
    errors = sum(1 for f in findings if f.severity is Severity.error)
    warnings = len(findings) - errors
    verdict = Text(
        f"{counted(len(checked), 'file')} checked: {counted(errors, 'error')}, "
        f"{counted(warnings, 'warning')}",
        style="bold red" if errors else ("yellow" if warnings else "green"),
    )
    return Group(*parts, verdict)
