"""Size limits on input, so that a hostile or mistaken file is refused with a message
instead of exhausting memory or the stack.

Each limit has a default generous for real work (a Board's folder of reviews, a
national corpus of a few hundred thousand recommendations) and can be changed with
an environment variable, which every command honours the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from scrmap.errors import ConfigError, Problem


@dataclass(frozen=True)
class Limits:
    """The limits one run works under."""

    file_mb: float = 100.0
    """Largest input file, in megabytes (also standard input). SCRMAP_MAX_FILE_MB."""
    recommendations: int = 1_000_000
    """Most recommendations read in one run; the rest are refused. SCRMAP_MAX_RECOMMENDATIONS."""
    yaml_aliases: int = 50
    """Most YAML alias uses (*name) in one file; real files use none. SCRMAP_MAX_YAML_ALIASES."""
    yaml_depth: int = 100
    """Deepest YAML nesting; real files nest a handful of levels. SCRMAP_MAX_YAML_DEPTH."""

    @property
    def file_bytes(self) -> int:
        """``file_mb`` in bytes."""
        return int(self.file_mb * 1_000_000)


ENV_VARS = {
    "file_mb": "SCRMAP_MAX_FILE_MB",
    "recommendations": "SCRMAP_MAX_RECOMMENDATIONS",
    "yaml_aliases": "SCRMAP_MAX_YAML_ALIASES",
    "yaml_depth": "SCRMAP_MAX_YAML_DEPTH",
}
"""The environment variable that sets each limit."""


def from_env(env: Mapping[str, str]) -> Limits:
    """The limits with any set in ``env``; a value that is not a positive number is an error
    naming the variable."""
    values: dict[str, float | int] = {}
    for spec in fields(Limits):
        name = ENV_VARS[spec.name]
        raw = env.get(name, "").strip()
        if not raw:
            continue
        kind = int if isinstance(spec.default, int) else float  # as the default is
        try:
            value = kind(raw)
        except ValueError:
            value = 0
        if value <= 0:
            raise ConfigError(
                [Problem(name, None, None, f"expected a positive number, got {raw!r}")]
            )
        values[spec.name] = value
    return Limits(**values)  # type: ignore[arg-type]
