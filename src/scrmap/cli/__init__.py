"""The scrmap command line: parse arguments, call the core, print, choose the exit code.

One module per command, each thin: what a command computes lives in the core
(`scrmap.pipeline` and below), how it looks in `scrmap.formats`, and the Rich views in
`scrmap.cli.views`. Reports go to stdout, problems to stderr, so
`scrmap map ... --format json > out.json` stays clean. The core is imported inside the
commands, so that `scrmap --help` starts fast. For the same reason the modules that define
commands (and the app's callback) do without ``from __future__ import annotations``: Typer
reads every command's signature on every run, and annotations kept as strings would be
compiled and evaluated each time (half of building the command table, about 4 ms).
"""

from __future__ import annotations

from scrmap.cli import check, coverage, evaluate, framework, map, report, schema
from scrmap.cli.app import app, framework_app, run

__all__ = ["app", "run"]

# The command table, in the order `scrmap --help` lists the commands.
app.add_typer(framework_app, name="framework")
app.command("schema")(schema.schema_command)
app.command("map")(map.map_command)
app.command("evaluate")(evaluate.evaluate_command)
app.command("coverage")(coverage.coverage_command)
app.command("report")(report.report_command)
app.command("check")(check.check_command)
framework_app.command("show")(framework.framework_show)
framework_app.command("validate")(framework.framework_validate)
framework_app.command("schema")(framework.framework_schema)
framework_app.command("learn")(framework.framework_learn)
framework_app.command("suggest-cues")(framework.framework_suggest_cues)
