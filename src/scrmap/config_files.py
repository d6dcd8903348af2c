"""Where the configuration is found, apart from what it may say (`scrmap.config`).

Every command looks for a configuration, and most runs have none; finding out must not
cost the import of the configuration's models, which are built from every rule's options.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from scrmap.limits import Limits, read_config_text

ENV_VAR = "SCRMAP_CONFIG"
FILE_NAME = ".scrmap.yaml"


_TABLE = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*scrmap\b", re.MULTILINE)
"""A `[tool.scrmap]` header (or a sub-table's) as written, for a file TOML cannot parse."""


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml configures scrmap. One that does but is not valid TOML
    counts, so that `config.load` reports its error instead of the defaults silently
    applying."""
    try:
        text = read_config_text(pyproject, Limits())
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return "scrmap" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return bool(_TABLE.search(text))


def discover(explicit: Path | None, cwd: Path, environ: Mapping[str, str]) -> Path | None:
    """The configuration file to use, in yamllint's order; None for the defaults."""
    if explicit is not None:
        return explicit
    for directory in (cwd, *cwd.parents):
        if (directory / FILE_NAME).is_file():
            return directory / FILE_NAME
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR])
    return None
