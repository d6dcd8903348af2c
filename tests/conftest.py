"""Shared fixtures: the repository's paths, the seeds (when present) and a CLI runner."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import Result
from typer.testing import CliRunner

from scrmap import framework as fw

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def benchmark_script(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` imported as module ``name`` (registered in ``sys.modules``,
    where a dataclass of the script looks its module up)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def norfolk() -> fw.Framework:
    return fw.load(ROOT / "framework.yaml")


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The source documents; tests that read them skip where ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS


@pytest.fixture(autouse=True)
def _cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The framework cache of every test (and the commands it starts) in a fresh directory
    of its own, never the user's; SCRMAP_NO_CACHE is cleared so the cache is exercised."""
    home = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("SCRMAP_NO_CACHE", raising=False)
    return home


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


PLAIN_ENV = {"COLUMNS": "200", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "SCRMAP_CONFIG": ""}
"""A wide terminal without colour, outside GitHub Actions and with no configuration file
named: what CLI tests read output under unless they test one of these."""


def invoke(
    runner: CliRunner, args: Sequence[str], env: dict[str, str], stdin: str | None = None
) -> Result:
    """Run the CLI in-process; an exception other than the command's own exit is a bug in
    scrmap, so it is raised with its traceback instead of hiding in an exit code."""
    from scrmap.cli import app

    result = runner.invoke(app, list(args), env=env, input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


WEAK_AND_STRONG = (
    "case: W\nrecommendations:\n"
    "  - id: W1\n    text: Agencies should review how they respond to missed health "
    "appointments.\n"
    "  - id: W2\n    text: Staff should be supported to manage difficult conversations "
    "with parents.\n"
)
"""A library of two: W1 maps on a weak match (2.2 at 67 today), W2 on a strong one (3.1)."""
