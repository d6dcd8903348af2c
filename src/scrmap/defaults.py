"""Defaults the core and the command line share.

Kept apart from the modules that use them so the CLI can show them in `--help`
without importing the matcher, Pydantic or rapidfuzz: `scrmap --help` must be quick.
"""

DEFAULT_THRESHOLD = 50
"""Score (0-100) at which a standard, theme or quadrant is assigned."""

DEFAULT_SIMILARITY = 30
"""Similarity (0-100) at which `scrmap coverage` reports two recommendations as repeats."""

WEAK_MATCH = 70
"""A mapped recommendation whose best standard scores under this rests on a weak match.
On published recommendations nobody here wrote (`train.yaml`, cross-validated by review),
fewer than half of such items got a right top standard (11 of 26), against 50 of the other
61: weak matches are the mappings a Board should check before it counts them (README,
"Weak matches"). `check`'s `weak-match` rule takes its own bar (`below`), 70 unless set."""

NO_PLAN = (
    "These recommendations carry no action plan: none of the {} has a status or a due date "
    "recorded beside it (a date in a recommendation's wording is not tracked)"
)
"""The key message, and the action plan's line in every output, where no item selected has
a status or a due date (`actionplan.Progress.carries_no_plan`): a library of published
reviews, not an action plan. ``{}`` is the count of actions ("14 actions")."""

FRAMEWORK_ENV_VAR = "SCRMAP_FRAMEWORK"
"""The environment variable naming the framework file."""
