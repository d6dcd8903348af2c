"""The steps the commands share: load the framework, read the inputs, map, analyse, check.

Pure: each step returns data or raises a `ScrmapError`; the CLI decides what to print
and with which exit code, and passes a callback that moves its progress bar as the
mapping advances.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from scrmap import framework as fw
from scrmap import limits, records, sources
from scrmap.errors import Problem, ScrmapError

if TYPE_CHECKING:
    from scrmap.actionplan import Progress, Vocabulary
    from scrmap.checks import Severity
    from scrmap.config import Configuration
    from scrmap.coverage import Copies, Coverage, Selection
    from scrmap.evaluate import Evaluation, GoldFile
    from scrmap.framework import Framework
    from scrmap.learned import Learned
    from scrmap.matcher import Matcher
    from scrmap.parallel import Render
    from scrmap.recommendation import Recommendation
    from scrmap.summary import Summary

T = TypeVar("T")
Advance = Callable[[int], None]
"""Told how many more recommendations have been mapped."""


def load_framework(
    path: Path | None,
    environ: Mapping[str, str],
    learned: bool = True,
    fresh: bool = False,
    config: Path | None = None,
) -> tuple[Framework, Path]:
    """The framework in use (--framework, else $SCRMAP_FRAMEWORK, ./framework.yaml, the one
    beside ``config``, the configuration in use, the bundled one) and its path, through the
    cache ``environ`` allows (validated afresh when ``fresh``), under its limits; its learned
    weights are neither read nor checked when ``learned`` is false. Raises FrameworkError,
    or ConfigError for a bad SCRMAP_MAX_*."""
    from scrmap import framework_cache

    resolved = fw.resolve_path(path, config=config)
    return framework_cache.load(resolved, environ, learned, fresh), resolved


def stale_weights(path: Path, framework: Framework, environ: Mapping[str, str]) -> list[Problem]:
    """What `framework validate` says of the learned weights of the framework at ``path``
    beyond what loading checked: standards and themes changed since they were learned, and
    weights of cues the framework no longer has. The weights are those beside it, else the
    framework file's own ``learned`` section, as `framework.load` takes them: every command
    warned of a change in the section while validate called the framework valid."""
    if framework.learned is None:
        return []
    from scrmap import framework_file
    from scrmap.learned import sidecar

    weights = sidecar(path)
    within: tuple[str, ...] = ()
    if not weights.is_file():
        weights, within = path, ("learned",)
    bounds = limits.from_env(environ)
    try:
        text = limits.read_config_text(weights, bounds)
    except (OSError, UnicodeDecodeError):
        return []  # read a moment ago: what is wrong with it now, the next run says
    return framework_file.out_of_date_weights(
        text, str(weights), framework, str(path), bounds, within
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """What the configuration and the options decide, resolved once for every command, so
    that `map`, `coverage`, `report` and `check` in one folder agree."""

    loaded: Configuration | None
    """The configuration file read, or None when there is none."""
    threshold: int
    """--threshold, else the configuration's ``threshold``, else the default."""

    @property
    def path(self) -> Path | None:
        """The configuration file in use, beside which the framework is looked for."""
        return self.loaded.path if self.loaded is not None else None

    @property
    def configuration(self) -> Configuration:
        """The configuration in force: the file's, else the defaults, built only when a
        command asks (their models are built from every rule, which `map` does without)."""
        if self.loaded is not None:
            return self.loaded
        from scrmap import config

        return config.load(None)

    def rules(self) -> dict[str, tuple[Severity, Any]]:
        """Each rule's severity and options in force. Without a configuration file these
        are the rules' own defaults, which `check` then gets without building the
        configuration's models."""
        if self.loaded is not None:
            return self.loaded.settings()
        from scrmap.rules import defaults

        return defaults()


def settings(
    config_path: Path | None, threshold: int | None, cwd: Path, environ: Mapping[str, str]
) -> Settings:
    """The configuration in force (--config, else discovered from ``cwd``) and the threshold
    it and the options give; raises ConfigError."""
    from scrmap.config_files import discover
    from scrmap.defaults import DEFAULT_THRESHOLD

    found = discover(config_path, cwd, environ)
    if found is None:
        return Settings(None, threshold or DEFAULT_THRESHOLD)
    from scrmap import config

    configuration = config.load(found, limits.from_env(environ))
    chosen = threshold or configuration.config.threshold or DEFAULT_THRESHOLD
    return Settings(configuration, chosen)


def read_inputs(
    args: Iterable[str],
    read_stdin: Callable[[], BinaryIO],
    environ: Mapping[str, str],
    sheet: str | None = None,
    stdout: tuple[int, int] | None = None,
) -> sources.Inputs:
    """Every argument's recommendations and problems, under the limits ``environ`` sets
    (``sheet``: the worksheet to read in workbooks; ``stdout``: the file standard output
    goes to, by device and inode, not read as an input); raises ConfigError for a bad
    limit."""
    within = limits.from_env(environ)
    return sources.load_arguments(args, read_stdin, within, sheet, stdout)


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


def map_inputs(
    inputs: sources.Inputs,
    matcher: Matcher,
    render: Render[T],
    jobs: int,
    advance: Advance,
    near_misses: bool = True,
) -> Iterator[list[T]]:
    """`map_chunks` over everything read, a CSV file's rows read from it as they are
    mapped, so that memory does not grow with the input; without ``near_misses``,
    ``render`` gets results that hold only what is assigned, which is quicker."""
    from scrmap import parallel

    work = inputs.batches(parallel.CHUNK)
    for chunk in parallel.map_batches(work, matcher, render, jobs, near_misses):
        yield chunk
        advance(len(chunk))


@dataclass(frozen=True, slots=True)
class Analysis:
    """A coverage analysis, the framework (with the threshold) it was made against, the
    action plan's progress at the report date, and the summary drawn from them."""

    coverage: Coverage
    framework: records.FrameworkRef
    progress: Progress
    summary: Summary
    selection: Selection
    problem_files: tuple[sources.ProblemFile, ...] = ()
    """The inputs that gave problems: every output says what the analysis lacks."""

    def record(self) -> records.CoverageRecord:
        """The record `scrmap coverage` prints."""
        return records.coverage_record(
            self.coverage,
            self.framework,
            self.progress,
            self.summary,
            self.selection,
            self.problem_files,
        )

    def report(self, marking: str | None = None) -> records.ReportRecord:
        """The record `scrmap report` writes: with every recommendation's evidence, and
        the protective marking to print on every page."""
        mappings = [records.recommendation_record(m.rec, m.result) for m in self.coverage.mapped]
        actions = [records.action_record(a) for a in self.progress.items]
        return records.report_record(self.record(), mappings, actions, marking)


def analyse(
    framework: Framework,
    path: Path,
    recs: Sequence[Recommendation],
    threshold: int,
    similarity: int,
    advance: Advance,
    selection: Selection,
    as_of: date,
    vocabulary: Vocabulary,
    problem_files: Sequence[sources.ProblemFile] = (),
    twice: Sequence[Copies] = (),
) -> Analysis:
    """Map ``recs`` (in parallel when there are many), analyse their coverage, and
    assess the action plan at ``as_of`` (the report date) in ``vocabulary``'s words;
    ``problem_files`` are the inputs that gave problems, which the outputs name, and
    ``twice`` the items read from more than one file, which the summary leads with."""
    from scrmap import actionplan, coverage, parallel
    from scrmap.matcher import Matcher
    from scrmap.summary import summarise

    matcher = Matcher(framework, threshold)
    jobs = parallel.jobs_for(len(recs), None)
    mapped = [
        m for chunk in map_chunks(recs, matcher, coverage.Mapped, jobs, advance) for m in chunk
    ]
    ref: records.FrameworkRef = {**records.framework_ref(framework, path), "threshold": threshold}
    analysed = coverage.analyse(framework, mapped, similarity)
    progress = actionplan.assess(
        actionplan.from_mapped(mapped),
        as_of,
        vocabulary,
        [s.id for s in framework.standards],
        [t.id for t in framework.themes],
    )
    summary = summarise(analysed, progress, twice)
    return Analysis(analysed, ref, progress, summary, selection, tuple(problem_files))


def check(
    inputs: sources.Inputs,
    matcher: Matcher,
    settings: dict[str, tuple[Severity, object]],
    strict: bool,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> records.CheckResult:
    """Run the rules (only the ``select``ed ones when given, less the ``ignore``d); every
    file opened counts as checked (with the arguments read as text), in argument order,
    and a path that does not exist does not. Raises ConfigError for an unknown rule id."""
    from scrmap import checks

    rules = checks.chosen(settings, select, ignore)
    found = checks.run(inputs.recommendations, inputs.unruled_problems, matcher, rules)
    checked = list(dict.fromkeys(inputs.read + [r.source.file for r in inputs.recommendations]))
    active = [f for f in found if f.waived is None]
    return records.CheckResult(active, checked, strict, [f for f in found if f.waived is not None])


def evaluate(
    golds: Sequence[Path],
    framework: Framework,
    threshold: int,
    environ: Mapping[str, str] | None = None,
    framework_path: Path | None = None,
) -> Evaluation:
    """Map the items of one or more gold files (each once, however often named), read under
    the limits ``environ`` sets, and compare with their labels; raises InputError, naming
    ``framework_path`` for a label it lacks."""
    from scrmap.evaluate import evaluate
    from scrmap.matcher import Matcher

    gold = _gold(golds, framework, environ, framework_path)
    return evaluate(gold, Matcher(framework, threshold))


def _gold(
    golds: Sequence[Path],
    framework: Framework,
    environ: Mapping[str, str] | None,
    framework_path: Path | None = None,
) -> GoldFile:
    """The items of the gold files as one (each file once, however often named), read
    under the limits ``environ`` sets; raises InputError, naming ``framework_path`` (the
    framework's file) for a label it lacks."""
    from scrmap.evaluate import combined, load_gold

    within = limits.from_env(environ or {})
    name = None if framework_path is None else str(framework_path)
    return combined([load_gold(gold, framework, within, name) for gold in sources.once(golds)])


def compared(
    framework: Framework,
    path: Path,
    against: str,
    environ: Mapping[str, str] | None = None,
    learned: bool = True,
) -> list[tuple[str, Framework, Path]]:
    """The framework in use and what ``--compare`` names, each with a label and its file: "learned"
    compares with and without its learned weights (an error, naming the option, when there
    are none, or ``learned`` is false as --no-learned asks: the two columns were the same,
    one headed "learned weights"); anything else is another framework file, read under the
    limits ``environ`` sets, with its learned weights unless ``learned`` is false. Raises
    FrameworkError, or ScrmapError for the option."""
    if against == "learned":
        if framework.learned is None:
            from scrmap.learned import sidecar

            message = (
                "--no-learned leaves out the learned weights it compares with; give one or "
                "the other"
                if not learned
                else f"{path} has no learned weights beside it ({sidecar(path)}); "
                "`scrmap framework learn` writes them"
            )
            raise ScrmapError([Problem("--compare learned", None, None, message)])
        cues_only = fw.without_learned(framework)
        return [("learned weights", framework, path), ("cues only", cues_only, path)]
    other = Path(against)
    # Short labels make readable columns: the file names, unless they are the same.
    names = (path.name, other.name) if path.name != other.name else (str(path), str(other))
    # With its weights or without, as the framework in use: --no-learned compared the cues
    # alone with the other's learned weights.
    loaded = fw.load(other, limits.from_env(environ or {}), learned)
    return [(names[0], framework, path), (names[1], loaded, other)]


@dataclass(frozen=True, slots=True)
class Learning:
    """What `framework learn` fitted, and how it did on reviews it had not seen."""

    learned: Learned
    checked: Evaluation | None
    """The figures cross-validated by review; None when not asked for."""
    reviews: int
    """How many reviews the items come from: the folds deal out whole reviews, so a
    count near the number of items says their ``source`` names no review."""
    folds: int = 0
    """The folds the figures come from: those asked for, but no more than the reviews (a
    fold with none is no fold), and none when there are fewer than two reviews."""


def learn(
    golds: Sequence[Path],
    framework: Framework,
    folds: int,
    environ: Mapping[str, str] | None = None,
    framework_path: Path | None = None,
) -> Learning:
    """Weights fitted on the gold files' items (read under the limits ``environ`` sets),
    and (with ``folds`` of 2 or more) the figures cross-validated by review: fit on some
    reviews, score on the others. Raises InputError."""
    from scrmap import learn as fitting

    base = fw.without_learned(framework)
    golds = sources.once(golds)
    gold = _gold(golds, base, environ, framework_path)
    learned = fitting.fit(base, gold.items, learned_from=[str(g) for g in golds])
    groups = [fitting.review_of(item) for item in gold.items]
    reviews = len(set(groups))
    if folds < 2 or reviews < 2:
        return Learning(learned, None, reviews)
    used = min(folds, reviews)
    checked = fitting.cross_validate(base, gold.items, groups, used)
    return Learning(learned, checked, reviews, used)


def suggest_cues(
    golds: Sequence[Path],
    framework: Framework,
    per_label: int,
    environ: Mapping[str, str] | None = None,
    framework_path: Path | None = None,
) -> str:
    """Candidate cues mined from the gold files (read under the limits ``environ`` sets),
    as framework YAML to review; raises InputError."""
    from scrmap import suggest

    gold = _gold(golds, framework, environ, framework_path)
    candidates = suggest.suggest(framework, gold.items, per_label)
    return suggest.as_yaml(framework, candidates, gold.items)
