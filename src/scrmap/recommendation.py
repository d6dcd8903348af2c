"""The item every stage passes on: a recommendation and the place it was read from.

Kept apart from the loaders so that the matcher's callers, the coverage analysis, the
rules and the formats can name it without importing a YAML or Word reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

Kind = Literal["recommendation", "finding", "response"]
"""What a source says an item is: a recommendation, a finding the review states, or the
Board's response."""
KINDS: tuple[Kind, ...] = get_args(Kind)


FROM_COLOUR = " (cell colour)"
"""How a status read from a cell's fill (a workbook's, or a Word table's shading) is marked
("Amber (cell colour)"), so that the action plan shows where it came from; here, beside
the item, so that `--status` can read past it without importing a reader."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a recommendation was read from."""

    file: str
    line: int | None
    cells: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Where a table row's fields are, by field ("due": "sheet 'Plan', cell F9, column
    'Target date'"; in a CSV file or Word table the column alone), for a warning about
    one: in a plan of a dozen columns and several sheets, the row alone sends the officer
    looking for which cell."""
    item: str | None = field(default=None, compare=False)
    """How a finding names the item where its line holds others too ("recommendation 3"):
    a PDF's line is its page. None where the line is the item's own."""


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation (or finding) and what is known about it."""

    id: str
    text: str
    source: Source
    case: str | None = None
    kind: str = "recommendation"
    """'recommendation', or 'finding' where the source states a finding, or 'response'."""
    owner: str | None = None
    agency: str | None = None
    due: str | None = None
    status: str | None = None
    evidence: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    """Everything else the source said: case metadata and extra CSV columns."""
    waive: dict[str, str] = field(default_factory=dict)
    """Check rules this item waives, each with the reason given (may be empty for a
    Markdown comment without one)."""
