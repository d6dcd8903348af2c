"""Defaults the core and the command line share.

Kept apart from the modules that use them so the CLI can show them in `--help`
without importing the matcher, Pydantic or rapidfuzz: `scrmap --help` must be quick.
"""

DEFAULT_THRESHOLD = 50
"""Score (0-100) at which a standard, theme or quadrant is assigned."""

DEFAULT_SIMILARITY = 30
"""Similarity (0-100) at which `scrmap coverage` reports two recommendations as repeats."""

FRAMEWORK_ENV_VAR = "SCRMAP_FRAMEWORK"
"""The environment variable naming the framework file."""
