"""Start-up stays light: each command imports only what it uses, and nothing scans the
installed packages. Run in fresh interpreters, since the test process has imported all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

_PROBE = """
import importlib.metadata, json, sys
scans = []
def _scan(*args, **kwargs):
    scans.append("importlib.metadata")
    return real(*args, **kwargs)
real = importlib.metadata.entry_points
importlib.metadata.entry_points = _scan
importlib.metadata.distributions = _scan
sys.argv = ["scrmap", *json.loads(sys.argv[1])]
from scrmap.cli import run
try:
    run()
except SystemExit:
    pass
heavy = ("rich", "pydantic", "yaml", "rapidfuzz", "multiprocessing", "scrmap.checks",
         "scrmap.config", "scrmap.actionplan", "openpyxl", "docx", "pypdf")
rules = sys.modules.get("scrmap.rules")
built = [i for i, r in rules.RULES.items() if r.Options.__pydantic_complete__] if rules else []
print(json.dumps({"modules": [m for m in heavy if m in sys.modules], "scans": scans,
                  "built": built}), file=sys.stderr)
"""


def _startup(args: list[str], cache: Path, cwd: Path = ROOT) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["XDG_CACHE_HOME"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )
    found: dict[str, list[str]] = json.loads(done.stderr.strip().splitlines()[-1])
    return found


def test_help_imports_none_of_the_heavy_packages(tmp_path: Path) -> None:
    assert _startup(["--help"], tmp_path) == {"modules": [], "scans": [], "built": []}


def test_mapping_a_sentence_from_the_cache_without_a_configuration(tmp_path: Path) -> None:
    """No YAML to read (the framework is cached, and there is no .scrmap.yaml), no file to
    validate (so no Pydantic), nothing to draw, no configuration models to build, no
    workers to start, and no word to correct."""
    args = ["map", "share information with the police", "--format", "jsonl"]
    _startup(args, tmp_path / "cache", tmp_path)  # fills the cache
    assert _startup(args, tmp_path / "cache", tmp_path) == {
        "modules": [],
        "scans": [],
        "built": [],
    }


@pytest.mark.parametrize(
    "args",
    [["check", "data/recommendations"], ["map", "share information with the police"]],
    ids=["check", "map"],
)
def test_nothing_scans_the_installed_packages(tmp_path: Path, args: list[str]) -> None:
    assert _startup(args, tmp_path)["scans"] == []


def test_checking_without_a_configuration_builds_none_of_its_models(tmp_path: Path) -> None:
    """The rules' own defaults are all `check` needs when no configuration is found: not
    the configuration's models, nor the schemas of the rules' options."""
    found = _startup(["check", str(ROOT / "data" / "recommendations")], tmp_path, tmp_path)
    assert "scrmap.config" not in found["modules"]
    assert found["built"] == []


def test_checking_yaml_files_imports_only_what_it_uses(tmp_path: Path) -> None:
    """YAML files are validated (Pydantic) and their words corrected (rapidfuzz); concise
    findings need no Rich, five files no workers, due dates not the action plan's states,
    and no spreadsheet or Word file is read."""
    found = _startup(["check", str(ROOT / "data" / "recommendations")], tmp_path, tmp_path)
    assert found["modules"] == ["pydantic", "yaml", "rapidfuzz", "scrmap.checks"]


def test_a_configuration_builds_the_options_it_validates(tmp_path: Path) -> None:
    """The other side of the deferred schemas: a configuration is validated as before."""
    (tmp_path / ".scrmap.yaml").write_text("rules:\n  too-many: {max: 3}\n", encoding="utf-8")
    found = _startup(["check", str(ROOT / "data" / "recommendations")], tmp_path, tmp_path)
    assert "scrmap.config" in found["modules"]
    assert "too-many" in found["built"]


_EXIT_PROBE = """
import atexit, gc, sys
# Registered first, so run last: after whatever scrmap registered.
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0, file=sys.stderr))
sys.argv = ["scrmap", "--version"]
from scrmap.cli import run
try:
    run()
except SystemExit:
    print("frozen on return:", gc.get_freeze_count() > 0, file=sys.stderr)
    raise
"""


def test_the_last_garbage_collections_are_skipped_at_exit_only() -> None:
    """Python's cycle collections over every object as it exits are a sixth of `check` and
    a fifth of `--help`; scrmap freezes the objects at exit, and not before, for a caller
    that goes on."""
    done = subprocess.run([sys.executable, "-c", _EXIT_PROBE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["frozen on return: False", "frozen at exit: True"]


def test_the_commands_annotations_are_evaluated_once() -> None:
    """Typer reads every command's signature on every run; annotations left as strings
    (``from __future__ import annotations`` in a command's module) would be compiled and
    evaluated each time (see `scrmap.cli`)."""
    from scrmap.cli import app, framework_app

    callbacks = [
        c.callback for typer_app in (app, framework_app) for c in typer_app.registered_commands
    ]
    assert app.registered_callback is not None
    callbacks.append(app.registered_callback.callback)
    assert len(callbacks) == 12
    for callback in callbacks:
        assert callback is not None
        strings = [name for name, a in callback.__annotations__.items() if isinstance(a, str)]
        assert strings == [], f"{callback.__module__}.{callback.__name__}"
