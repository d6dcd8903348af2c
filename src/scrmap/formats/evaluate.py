"""Formats of `scrmap evaluate`; `table` is the CLI's Rich view."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from scrmap.display import inert_json
from scrmap.formats import Renderer
from scrmap.formats.choices import EvalFormat
from scrmap.records import comparison_record, evaluation_record

if TYPE_CHECKING:
    from scrmap.evaluate import Evaluation

Labelled = list[tuple[str, "Evaluation"]]
"""What `scrmap evaluate` renders: one evaluation, or several side by side (--compare),
each with what it is."""


TERMINAL = EvalFormat.table


def to_json(results: Labelled) -> str:
    """The figures as JSON, in ASCII (non-ASCII text escaped, as it always has been); with
    --compare, each side's figures under ``evaluations`` with its label."""
    record: object = (
        evaluation_record(results[0][1])
        if len(results) == 1
        else comparison_record([label for label, _ in results], [r for _, r in results])
    )
    return inert_json(json.dumps(record, indent=2)) + "\n"


RENDERERS: dict[EvalFormat, Renderer[Labelled, str]] = {EvalFormat.json: to_json}
