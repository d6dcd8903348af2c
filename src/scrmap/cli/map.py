"""`scrmap map`: map recommendations and print them with their evidence."""

import sys
from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from scrmap.cli.options import (
    ConfigOption,
    FrameworkOption,
    InputsArgument,
    JobsOption,
    NoLearnedOption,
    SheetOption,
    ThresholdOption,
)
from scrmap.formats.choices import MapFormat

if TYPE_CHECKING:
    from pathlib import Path

    from scrmap.framework import Framework
    from scrmap.records import RecommendationRecord

TopOption = Annotated[
    int | None, typer.Option(min=1, metavar="<n>", help="Show at most N matches of each kind.")
]
ExplainOption = Annotated[
    bool, typer.Option("--explain", help="Also show near misses under the threshold.")
]
ExplainColumnsOption = Annotated[
    bool,
    typer.Option(
        "--explain-columns", help="Show which spreadsheet column became what, instead of mapping."
    ),
]


def map_command(
    inputs: InputsArgument,
    framework: FrameworkOption = None,
    no_learned: NoLearnedOption = False,
    format: Annotated[MapFormat, typer.Option("--format", "-f", help="Output format.")] = (
        MapFormat.table
    ),
    threshold: ThresholdOption = None,
    top: TopOption = None,
    explain: ExplainOption = False,
    jobs: JobsOption = None,
    config: ConfigOption = None,
    sheet: SheetOption = None,
    explain_columns: ExplainColumnsOption = False,
) -> None:
    """Map recommendations onto the framework, with the evidence for every match.

    Exit 0 when everything was read, 2 when an input could not be read (the others
    are still mapped and printed). JSON Lines output is written as it is mapped.
    """
    from scrmap import parallel, pipeline, records
    from scrmap.cli import edge
    from scrmap.formats.map import recommendation_line
    from scrmap.matcher import Matcher

    if explain_columns:
        edge.explain_columns(inputs, sheet)
        return
    chosen = edge.settings(config, threshold)
    loaded_framework, path = edge.framework(framework, not no_learned, chosen)
    limit = chosen.threshold
    loaded = edge.inputs(inputs, sheet)
    matcher = Matcher(loaded_framework, limit)
    explain = explain or format is MapFormat.gold  # the near misses help the correcting
    processes = parallel.jobs_for(loaded.count, jobs)
    mapped: list[records.RecommendationRecord] = []
    with edge.progress(loaded.count, machine=format is not MapFormat.table) as advance:
        if format is MapFormat.jsonl:  # written as it is mapped
            line = partial(recommendation_line, top=top, explain=explain)
            sys.stdout.flush()
            encoded = pipeline.map_inputs(loaded, matcher, line, processes, advance, explain)
            for lines in encoded:
                sys.stdout.buffer.write(b"".join(lines))
        else:
            record = partial(records.recommendation_record, top=top, explain=explain)
            mapping = pipeline.map_inputs(loaded, matcher, record, processes, advance, explain)
            for chunk in mapping:
                mapped += chunk
    summary = _show(format, mapped, loaded_framework, path, limit)
    edge.finish((), loaded.problems, summary)


def _show(
    format: MapFormat,
    mapped: "list[RecommendationRecord]",
    framework: "Framework",
    path: "Path",
    threshold: int,
) -> str | None:
    """The terminal view, or the chosen format on stdout (JSON Lines is out already); the
    terminal view's count, for stderr after any problems."""
    from scrmap import records
    from scrmap.formats.map import RENDERERS

    if format is MapFormat.table:
        from scrmap.cli.views.map import mapping_summary, show_mappings

        show_mappings(mapped, framework, threshold)
        return mapping_summary(mapped)
    if format is not MapFormat.jsonl:
        ref = records.framework_ref(framework, path)
        sys.stdout.write(RENDERERS[format](records.map_document(ref, mapped, threshold)))
    return None
