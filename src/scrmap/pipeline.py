"""The steps the commands share: load the framework, read the inputs, map, analyse, check.

Pure: each step returns data or raises a `ScrmapError`; the CLI decides what to print
and with which exit code, and passes a callback that moves its progress bar as the
mapping advances.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from scrmap import framework as fw
from scrmap import limits, records, sources

if TYPE_CHECKING:
    from scrmap.checks import Severity
    from scrmap.coverage import Coverage
    from scrmap.evaluate import Evaluation
    from scrmap.framework import Framework
    from scrmap.matcher import Matcher
    from scrmap.parallel import Render
    from scrmap.recommendation import Recommendation

T = TypeVar("T")
Advance = Callable[[int], None]
"""Told how many more recommendations have been mapped."""


def load_framework(path: Path | None) -> tuple[Framework, Path]:
    """The framework in use (--framework, else $SCRMAP_FRAMEWORK, ./framework.yaml, the
    bundled one) and its path; raises FrameworkError."""
    resolved = fw.resolve_path(path)
    return fw.load(resolved), resolved


def read_inputs(
    args: Iterable[str], read_stdin: Callable[[], str], environ: Mapping[str, str]
) -> sources.Inputs:
    """Every argument's recommendations and problems, under the limits ``environ`` sets;
    raises ConfigError for a bad limit."""
    return sources.load_arguments(args, read_stdin, limits.from_env(environ))


def map_chunks(
    recs: Sequence[Recommendation],
    matcher: Matcher,
    render: Render[T],
    jobs: int,
    advance: Advance,
) -> Iterator[list[T]]:
    """Each chunk of rendered mappings in input order, reporting progress as it comes."""
    from scrmap import parallel

    for chunk in parallel.map_chunks(recs, matcher, render, jobs):
        yield chunk
        advance(len(chunk))


@dataclass(frozen=True, slots=True)
class Analysis:
    """A coverage analysis and the framework (with the threshold) it was made against."""

    coverage: Coverage
    framework: records.FrameworkRef

    def record(self) -> records.CoverageRecord:
        """The record `scrmap coverage` prints."""
        return records.coverage_record(self.coverage, self.framework)

    def report(self) -> records.ReportRecord:
        """The record `scrmap report` writes: with every recommendation's evidence."""
        mappings = [records.recommendation_record(m.rec, m.result) for m in self.coverage.mapped]
        return records.report_record(self.coverage, self.framework, mappings)


def analyse(
    framework: Framework,
    path: Path,
    recs: Sequence[Recommendation],
    threshold: int,
    similarity: int,
    advance: Advance,
) -> Analysis:
    """Map ``recs`` (in parallel when there are many) and analyse their coverage."""
    from scrmap import coverage, parallel
    from scrmap.matcher import Matcher

    matcher = Matcher(framework, threshold)
    jobs = parallel.jobs_for(len(recs), None)
    mapped = [
        m for chunk in map_chunks(recs, matcher, coverage.Mapped, jobs, advance) for m in chunk
    ]
    ref: records.FrameworkRef = {**records.framework_ref(framework, path), "threshold": threshold}
    return Analysis(coverage.analyse(framework, mapped, similarity), ref)


def check(
    inputs: sources.Inputs,
    matcher: Matcher,
    settings: dict[str, tuple[Severity, object]],
    strict: bool,
) -> records.CheckResult:
    """Run the rules; every file read or refused counts as checked, in argument order."""
    from scrmap import checks

    findings = checks.run(inputs.recommendations, inputs.problems, matcher, settings)
    checked = [r.source.file for r in inputs.recommendations] + [p.path for p in inputs.problems]
    return records.CheckResult(findings, list(dict.fromkeys(checked)), strict)


def evaluate(gold: Path, framework: Framework, threshold: int) -> Evaluation:
    """Map a gold file's items and compare with its labels; raises InputError."""
    from scrmap.evaluate import evaluate, load_gold
    from scrmap.matcher import Matcher

    gold_file = load_gold(gold, framework)
    return evaluate(gold_file, Matcher(framework, threshold))
