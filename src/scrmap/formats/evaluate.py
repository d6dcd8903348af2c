"""Formats of `scrmap evaluate`; `table` is the CLI's Rich view."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING

from scrmap.formats import Renderer
from scrmap.records import evaluation_record

if TYPE_CHECKING:
    from scrmap.evaluate import Evaluation


class EvalFormat(StrEnum):
    """Output formats of `scrmap evaluate`."""

    table = "table"
    json = "json"


TERMINAL = EvalFormat.table


def to_json(result: Evaluation) -> str:
    """The figures as JSON, in ASCII (non-ASCII text escaped, as it always has been)."""
    return json.dumps(evaluation_record(result), indent=2) + "\n"


RENDERERS: dict[EvalFormat, Renderer[Evaluation, str]] = {EvalFormat.json: to_json}
