"""Where the configuration is found, apart from what it may say (`scrmap.config`).

Every command looks for a configuration, and most runs have none; finding out must not
cost the import of the configuration's models, which are built from every rule's options.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "SCRMAP_CONFIG"
FILE_NAME = ".scrmap.yaml"


def _has_table(pyproject: Path) -> bool:
    try:
        return "scrmap" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


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
