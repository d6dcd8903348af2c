"""What `scrmap check` reports: findings and their severities.

Apart from the check engine so that the output formats can name them without importing
the rules, and with them Pydantic: `scrmap --help` must stay quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from scrmap.errors import location


class Severity(StrEnum):
    """How much a finding matters; `off` disables a rule."""

    error = "error"
    warning = "warning"
    off = "off"


INPUT_RULE = "input"
"""The id under which unreadable or invalid input is reported."""
ALWAYS_REPORTED = (
    f"{INPUT_RULE!r} cannot be selected, ignored, configured or waived: a file that cannot "
    "be read or is invalid is always reported, and exits 2 until it is fixed or left out"
)
"""Why `input` is named like a rule but is none: a CI gate that could ignore unreadable
input would pass on a file it never read."""


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
    waived: str | None = None
    """Why the recommendation waives this rule in place (a YAML ``waive:`` entry or a
    Markdown ``scrmap: disable=`` comment); a waived finding neither shows nor fails, but
    is counted, so that waivers stay visible."""
    item: str | None = None
    """How the lines of text name the recommendation where its place names others too
    (`Source.item`: "recommendation 3" on a PDF's page); None where its place is its own."""
    case: str | None = None
    """The case of the recommendation the finding is about, as its file gives it, so that a
    script can group a folder's findings by review; None where it is about a file, or the
    item names no case."""

    def location(self) -> str:
        """``path[:line[:col]]`` as editors and CI read it."""
        return location(self.path, self.line, self.col)
