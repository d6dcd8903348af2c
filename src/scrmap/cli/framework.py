"""`scrmap framework show | validate | schema | learn | suggest-cues`: the framework file,
and what labelled recommendations can teach it."""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from scrmap import exitcodes
from scrmap.cli.options import FrameworkOption, output_path_value, path_value
from scrmap.cli.schema import SchemaKind, schema_command
from scrmap.defaults import WEAK_MATCH
from scrmap.display import terminal
from scrmap.errors import FrameworkError, ScrmapError, UnreadableFrameworkError
from scrmap.formats import counted
from scrmap.formats.choices import ShowFormat


def framework_show(
    framework: FrameworkOption = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ShowFormat.tree
    ),
) -> None:
    """Show the framework: quadrants and their standards, then themes by family."""
    from scrmap.cli import edge
    from scrmap.formats.framework import RENDERERS, TERMINAL

    loaded, _ = edge.framework(framework, learned=False)  # it shows no weights
    if format is TERMINAL:
        from scrmap.cli.views import stdout_console
        from scrmap.cli.views.framework import framework_tree

        stdout_console().print(framework_tree(loaded))
    else:
        sys.stdout.write(RENDERERS[format](loaded))


def framework_validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            parser=path_value,
            help="Framework file to check. Default: the framework in use.",
        ),
    ] = None,
    framework: FrameworkOption = None,
) -> None:
    """Check a framework file and the learned weights beside it. Exit 0 when valid, 1 with
    every problem listed, 2 when it cannot be read."""
    from scrmap import pipeline
    from scrmap.cli import edge

    config = edge.configuration_file(path or framework)
    try:
        # Never from the cache: the answer is this scrmap's, not the one that wrote the entry.
        loaded, target = pipeline.load_framework(
            path or framework, os.environ, fresh=True, config=config
        )
        stale = pipeline.stale_weights(target, loaded, os.environ)
    except UnreadableFrameworkError as error:
        if path is not None:
            edge.fail(error, exitcodes.USAGE)
        edge.fail_framework(error, exitcodes.USAGE, framework, config)
    except ScrmapError as error:
        if path is not None:
            edge.fail(error, exitcodes.PROBLEMS)
        edge.fail_framework(error, exitcodes.PROBLEMS, framework, config)
    if stale:
        edge.fail(FrameworkError(stale), exitcodes.PROBLEMS)
    typer.echo(
        terminal(
            f"{target}: valid ({counted(len(loaded.quadrants), 'quadrant')}, "
            f"{counted(len(loaded.standards), 'standard')}, "
            f"{counted(len(loaded.themes), 'theme')})"
        )
    )


def framework_schema() -> None:
    """Print the JSON Schema of the framework file, for editor autocompletion."""
    schema_command(SchemaKind.framework)


def _folds(value: int) -> int:
    if value == 1:
        raise typer.BadParameter(
            "1 fold leaves no review out to test on: give 2 or more, or 0 for none"
        )
    return value


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False


def framework_learn(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD...", parser=path_value, help="Hand-labelled YAML files to learn from."
        ),
    ],
    framework: FrameworkOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="<path>",
            parser=output_path_value,
            help="Where to write the weights (a .yaml file; only learned weights are "
            "replaced). Default: FRAMEWORK.learned.yaml beside the framework file, where map, "
            "coverage, report, check and evaluate find them.",
        ),
    ] = None,
    folds: Annotated[
        int,
        typer.Option(
            "--cross-validate",
            min=0,
            callback=_folds,
            metavar="<n>",
            help="Also fit on all reviews but one fold and score the fold left out, N "
            "times (2 or more, and no more than there are reviews), and print the pooled "
            "figures: what to expect on unseen reviews.",
        ),
    ] = 0,
) -> None:
    """Fit weights for the standards from labelled recommendations, so that the mapping
    follows the Board's own decisions. Exit 0 when written, 2 on a bad file."""
    from scrmap import pipeline
    from scrmap.cli import edge
    from scrmap.formats import counted
    from scrmap.framework import bundled_path
    from scrmap.learn import dump
    from scrmap.learned import sidecar
    from scrmap.limits import from_env
    from scrmap.sources.own_files import replaced_weights

    # Without the weights there now: learning again is the cure for weights that do not fit.
    loaded, path = edge.framework(framework, learned=False)
    target = output or sidecar(path)
    # By any spelling of its folder (`scrmap/../scrmap`, a link to it): the weights would go
    # into the installation, over its own.
    if output is None and _same_file(target.parent, bundled_path().parent):
        typer.echo(
            "scrmap: the bundled framework is part of the installation; copy framework.yaml "
            "into your directory and learn there, or give --output",
            err=True,
        )
        raise typer.Exit(exitcodes.USAGE)
    edge.refuse_no_folder(target)
    edge.refuse_read_only(target)
    edge.refuse_overwrite(target, gold)
    edge.refuse_overwrite(target, [path], "the framework in use")
    try:
        replacing = replaced_weights(target, from_env(os.environ))
    except ScrmapError as error:
        edge.fail(error, exitcodes.USAGE, "scrmap: ")
    try:
        learning = pipeline.learn(gold, loaded, folds, os.environ, path)
    except ScrmapError as error:
        edge.fail(error, exitcodes.USAGE)
    learned, checked = learning.learned, learning.checked
    edge.write(target, dump(learned).encode())
    if replacing is not None:
        edge.say(f"scrmap: replaced {target} ({replacing})")
    edge.say(
        f"{target}: weights for {counted(len(learned.standards), 'standard')} from "
        f"{counted(learned.items, 'labelled recommendation')}"
    )
    unlearned = [s.id for s in loaded.standards if s.id not in learned.standards]
    if unlearned:
        # A standard split off or added since the labels were made has none: it maps by its
        # cues alone beside learned scores, and the count above did not say which.
        from scrmap.repeats import listed

        edge.say(
            f"scrmap: note: no weights for {listed(unlearned)}: no labelled recommendation "
            "names them, so they map by their cues alone; label some (scrmap map ... -f "
            "gold) and learn again"
        )
    if folds >= 2 and checked is None:
        typer.echo(
            f"not cross-validated: the items come from {counted(learning.reviews, 'review')} "
            "(by their source), and each fold must leave out a review that the others learn "
            "without",
            err=True,
        )
    if checked is not None:
        # As `evaluate` says it: a share of no items is no figure, not 100%.
        from scrmap.cli.views.evaluate import share

        unmapped = (
            f"{share(checked.unmapped_rate, checked.unmapped_interval)} of {checked.off_framework}"
            if checked.off_framework
            else "n/a (none labelled off-framework)"
        )
        reviews = counted(learning.reviews, "review")
        typer.echo(
            f"cross-validated by review ({learning.folds} folds of {reviews}): top standard "
            f"{share(checked.top_standard_accuracy, checked.top_standard_interval)} of "
            f"{checked.with_standard}, "
            f"off-framework unmapped {unmapped}, themes F1 {checked.themes_overall.f1:.2f}, "
            f"standards F1 {checked.standards_overall.f1:.2f}; weak matches (under "
            f"{WEAK_MATCH}) right {checked.weak_right} of {checked.weak}, others "
            f"{checked.top_standard_right - checked.weak_right} of "
            f"{checked.mapped - checked.weak}",
            err=True,
        )
    beside = sidecar(path)
    if not _same_file(target, beside):
        edge.say(
            f"scrmap: note: {target} is not where the commands look: they read the weights "
            f"of {path} from {beside}"
        )


def framework_suggest_cues(
    gold: Annotated[
        list[Path],
        typer.Argument(
            metavar="GOLD...", parser=path_value, help="Hand-labelled YAML files to mine."
        ),
    ],
    framework: FrameworkOption = None,
    per_label: Annotated[
        int,
        typer.Option("--per-label", min=1, metavar="<n>", help="Candidates per standard or theme."),
    ] = 8,
) -> None:
    """Print candidate cues mined from labelled recommendations, as framework YAML with
    each candidate's precision, recall and an example: review them before adding any."""
    from scrmap import pipeline
    from scrmap.cli import edge

    loaded, path = edge.framework(framework, learned=False)
    try:
        sys.stdout.write(pipeline.suggest_cues(gold, loaded, per_label, os.environ, path))
    except ScrmapError as error:
        edge.fail(error, exitcodes.USAGE)
