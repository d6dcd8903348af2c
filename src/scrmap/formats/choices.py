"""The choices of each command's --format, apart from the renderers.

The command line declares its options when it starts, and `scrmap --help` must not
import every renderer (and the records, the action plan and hashlib behind them) to
list them. Each command's formats module maps these choices to its renderers.
"""

from __future__ import annotations

from enum import StrEnum


class MapFormat(StrEnum):
    """Output formats of `scrmap map`; `table` is the Rich terminal view."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    gold = "gold"


class CheckFormat(StrEnum):
    """Output formats of `scrmap check`."""

    text = "text"
    concise = "concise"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"


class CoverageFormat(StrEnum):
    """Output formats of `scrmap coverage`; `table` is the Rich terminal view."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class EvalFormat(StrEnum):
    """Output formats of `scrmap evaluate`."""

    table = "table"
    json = "json"


class ShowFormat(StrEnum):
    """Output formats of `framework show`."""

    tree = "tree"
    json = "json"
    yaml = "yaml"
    markdown = "markdown"


class ReportFormat(StrEnum):
    """Formats of `scrmap report`; without --format, the output file's ending decides."""

    html = "html"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"
    pdf = "pdf"
