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
    if len(results) == 1:
        return inert_json(json.dumps(evaluation_record(results[0][1]), indent=2)) + "\n"
    labels = [label for label, _ in results]
    record = comparison_record(labels, [result for _, result in results])
    return inert_json(json.dumps(record, indent=2)) + "\n"


RENDERERS: dict[EvalFormat, Renderer[Labelled, str]] = {EvalFormat.json: to_json}
