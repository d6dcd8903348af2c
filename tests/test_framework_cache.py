"""The framework cache: hit, miss, corruption, a cache that cannot be written, and off."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes, framework_cache, text
from scrmap import framework as fw
from scrmap.errors import FrameworkError
from scrmap.matcher import Matcher

from .conftest import ROOT


@pytest.fixture
def framework_file(tmp_path: Path) -> Path:
    path = tmp_path / "framework.yaml"
    shutil.copy(ROOT / "framework.yaml", path)
    return path


@pytest.fixture
def with_learned(framework_file: Path) -> Path:
    """The bundled framework with its learned weights beside it."""
    shutil.copy(ROOT / "framework.learned.yaml", framework_file.parent)
    return framework_file


@pytest.fixture
def environ(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "cache")}


def _entries(environ: dict[str, str]) -> list[Path]:
    where = framework_cache.directory(environ)
    assert where is not None
    return sorted(where.glob("framework-*.json")) if where.exists() else []


def test_a_miss_writes_an_entry_and_a_hit_reads_it_without_yaml(
    framework_file: Path, environ: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = framework_cache.load(framework_file, environ)
    assert first == fw.load(framework_file)
    [entry] = _entries(environ)
    assert entry.parent == Path(environ["XDG_CACHE_HOME"]) / "scrmap"
    assert entry.name == f"framework-{framework_cache.key(framework_file.read_bytes())}.json"

    def no_yaml(path: Path) -> fw.Framework:
        raise AssertionError("the framework file was parsed again")

    monkeypatch.setattr(fw, "load", no_yaml)
    assert framework_cache.load(framework_file, environ) == first


def test_an_edited_file_misses(framework_file: Path, environ: dict[str, str]) -> None:
    framework_cache.load(framework_file, environ)
    text = framework_file.read_text(encoding="utf-8")
    framework_file.write_text(text.replace('title: "', 'title: "Edited ', 1), encoding="utf-8")
    edited = framework_cache.load(framework_file, environ)
    assert edited.title.startswith("Edited")
    assert len(_entries(environ)) == 2


def test_without_the_weights_and_with_them_are_cached_apart(
    with_learned: Path, environ: dict[str, str]
) -> None:
    """--no-learned reads no weights: its entry is the framework's alone, and neither run's
    entry is served to the other."""
    bare = framework_cache.load(with_learned, environ, learned=False)
    assert bare.learned is None
    assert framework_cache.load(with_learned, environ).learned is not None
    assert framework_cache.load(with_learned, environ, learned=False).learned is None
    assert len(_entries(environ)) == 2


def test_weights_that_are_a_link_to_nothing_are_not_taken_for_none(
    framework_file: Path, environ: dict[str, str]
) -> None:
    """The framework without weights was cached: a link to nothing beside it was served that
    entry, as if there were no weights, where loading the file says what the link is."""
    framework_cache.load(framework_file, environ)
    framework_file.with_name("framework.learned.yaml").symlink_to("moved.learned.yaml")
    with pytest.raises(FrameworkError) as info:
        framework_cache.load(framework_file, environ)
    assert str(info.value).endswith("which does not exist")
    assert framework_cache.load(framework_file, environ, learned=False).learned is None


def test_without_the_weights_leaves_out_a_learned_section_of_the_file_too(
    framework_file: Path, environ: dict[str, str]
) -> None:
    text = framework_file.read_text(encoding="utf-8")
    framework_file.write_text(text + "learned: {items: 3, mapped: {bias: -1.0}}\n")
    assert framework_cache.load(framework_file, environ).learned is not None
    assert framework_cache.load(framework_file, environ, learned=False).learned is None
    assert fw.load(framework_file, learned=False).learned is None


def test_the_version_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = framework_cache.key(b"same bytes")
    monkeypatch.setattr(framework_cache, "__version__", "999.0")
    assert framework_cache.key(b"same bytes") != before


def test_another_installation_under_the_same_version_misses(
    framework_file: Path, environ: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `pip install git+...` again, or an edited checkout: the version number stays, the
    # modules are written anew, and the entries the scrmap before wrote are not read.
    package = tmp_path / "package"
    package.mkdir()
    (package / "text.py").write_text("# one build\n", encoding="utf-8")
    monkeypatch.setattr(framework_cache, "_CODE", package)
    framework_cache.installed.cache_clear()
    framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    os.utime(package / "text.py", ns=(0, 10**18))
    framework_cache.installed.cache_clear()
    framework_cache.load(framework_file, environ)
    assert len(_entries(environ)) == 2 and entry in _entries(environ)
    framework_cache.installed.cache_clear()


def test_the_installation_is_told_by_its_modules_alone() -> None:
    # Its own modules, by name, size and time: not the bundled framework or the cache.
    told = framework_cache.installed()
    assert "'framework_cache.py'" in told and "framework.yaml" not in told


def test_validate_answers_for_this_scrmap_not_for_the_entry(
    runner: CliRunner, framework_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An entry under the file's key that an older scrmap wrote, having found the file valid
    # (a quadrant nothing reaches was no problem then): validate reads the file itself.
    from scrmap.cli import app

    text_before = framework_file.read_text(encoding="utf-8")
    framework_file.write_text(
        text_before.replace("\nstandards:\n", "\n  - id: Q9\n    title: Nobody\nstandards:\n"),
        encoding="utf-8",
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    monkeypatch.setenv("XDG_CACHE_HOME", env["XDG_CACHE_HOME"])
    valid = fw.load(ROOT / "framework.yaml")
    where = framework_cache.directory(env)
    assert where is not None
    digest = _key_of(framework_file)
    framework_cache._write(where / f"framework-{digest}.json", digest, valid)
    assert framework_cache.load(framework_file, env) == valid  # read where it is trusted
    result = runner.invoke(app, ["framework", "validate", str(framework_file)])
    assert result.exit_code == exitcodes.PROBLEMS
    assert "quadrant 'Q9' has no standard or theme" in result.output


def _key_of(framework_file: Path) -> str:
    data = framework_cache._bytes(framework_file, 10**7)
    assert data is not None
    return framework_cache.key(data)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x80\x81 not json",
        b"[1, 2]",
        b'{"key": "another key", "framework": {}}',
        b'{"framework": {"name": "x"}}',
        b"__import__('os').system('false')",
    ],
    ids=["empty", "binary", "list", "wrong-key", "invalid-framework", "code"],
)
def test_a_corrupt_entry_is_rebuilt_silently(
    framework_file: Path, environ: dict[str, str], content: bytes
) -> None:
    framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    if content.startswith(b'{"framework"'):
        content = json.dumps({"key": entry.stem.removeprefix("framework-"), "framework": {}})
        content = content.encode()
    entry.write_bytes(content)
    assert framework_cache.load(framework_file, environ) == fw.load(framework_file)
    assert json.loads(entry.read_bytes())["framework"]["name"]  # rewritten whole


def test_a_forged_entry_that_validates_is_used_only_under_its_own_key(
    framework_file: Path, environ: dict[str, str]
) -> None:
    framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    stored = json.loads(entry.read_bytes())
    stored["key"] = "0" * 64
    entry.write_text(json.dumps(stored))
    assert framework_cache.load(framework_file, environ) == fw.load(framework_file)
    assert json.loads(entry.read_bytes())["key"] == entry.stem.removeprefix("framework-")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_cache_is_skipped(framework_file: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    environ = {"XDG_CACHE_HOME": str(locked)}
    assert framework_cache.load(framework_file, environ) == fw.load(framework_file)
    assert not (locked / "scrmap").exists()


def test_a_cache_path_that_is_a_file_is_skipped(framework_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    environ = {"XDG_CACHE_HOME": str(blocker)}
    assert framework_cache.load(framework_file, environ) == fw.load(framework_file)


def test_an_unreadable_entry_is_rebuilt(framework_file: Path, environ: dict[str, str]) -> None:
    framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    entry.unlink()
    entry.mkdir()  # reading it fails with IsADirectoryError, writing over it too
    assert framework_cache.load(framework_file, environ) == fw.load(framework_file)


@pytest.mark.parametrize("value", ["1", "yes"])
def test_scrmap_no_cache_turns_it_off(
    framework_file: Path, environ: dict[str, str], value: str
) -> None:
    environ[framework_cache.DISABLE_ENV_VAR] = value
    assert framework_cache.directory(environ) is None
    framework_cache.load(framework_file, environ)
    assert not Path(environ["XDG_CACHE_HOME"]).exists()


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_a_framework_from_a_pipe_is_read_once(
    framework_file: Path, environ: dict[str, str], cache: bool
) -> None:
    """`--framework /dev/stdin` or `<(...)`: the bytes read for the key were gone when the
    framework was read again, and it was "not a mapping of keys"; nor is a pipe cached."""
    if not cache:
        environ[framework_cache.DISABLE_ENV_VAR] = "1"
    read_end, write_end = os.pipe()
    data = framework_file.read_bytes()

    def write() -> None:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        loaded = framework_cache.load(Path(f"/dev/fd/{read_end}"), environ)
    finally:
        writer.join()
        os.close(read_end)
    assert loaded == fw.load(framework_file)
    assert not (Path(environ["XDG_CACHE_HOME"]) / "scrmap").exists()  # nothing to key it by


def test_where_the_cache_lives() -> None:
    assert framework_cache.directory({"HOME": "/home/u"}) == Path("/home/u/.cache/scrmap")
    assert framework_cache.directory({"XDG_CACHE_HOME": "/c", "HOME": "/h"}) == Path("/c/scrmap")
    # A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
    assert framework_cache.directory({"XDG_CACHE_HOME": "c", "HOME": "/h"}) == Path(
        "/h/.cache/scrmap"
    )
    assert framework_cache.directory({"SCRMAP_NO_CACHE": "0", "HOME": "/h"}) is not None
    assert framework_cache.directory({}) is None


def test_old_entries_are_dropped(framework_file: Path, environ: dict[str, str]) -> None:
    text = framework_file.read_text(encoding="utf-8")
    for n in range(framework_cache.KEEP + 3):
        framework_file.write_text(text + f"\n# edit {n}\n", encoding="utf-8")
        framework_cache.load(framework_file, environ)
    assert len(_entries(environ)) == framework_cache.KEEP


def test_a_broken_framework_is_still_an_error_and_is_not_cached(
    tmp_path: Path, environ: dict[str, str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\n", encoding="utf-8")
    with pytest.raises(FrameworkError):
        framework_cache.load(broken, environ)
    with pytest.raises(FrameworkError):
        framework_cache.load(tmp_path / "missing.yaml", environ)
    assert _entries(environ) == []


def test_the_cli_uses_the_cache_in_xdg_cache_home(runner, _cache_home: Path) -> None:  # type: ignore[no-untyped-def]
    from scrmap.cli import app

    result = runner.invoke(app, ["map", "share information with the police", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert len(list((_cache_home / "scrmap").glob("framework-*.json"))) == 1


def _stored(environ: dict[str, str]) -> tuple[Path, dict[str, Any]]:
    [entry] = _entries(environ)
    stored: dict[str, Any] = json.loads(entry.read_bytes())
    return entry, stored


@pytest.mark.parametrize(
    ("part", "change"),
    [
        ("framework", lambda f: f.update(title=7)),
        ("framework", lambda f: f["standards"][0]["cues"][0].update(weight="0.9")),
        ("framework", lambda f: f["standards"][0].update(extra="x")),
        ("framework", lambda f: f["quadrants"][0].pop("title")),
        ("framework", lambda f: f["learned"].update(items=True)),
        ("framework", lambda f: f["learned"]["mapped"]["words"].update(w="1")),
        ("keys", lambda k: k["phrases"].update({"x": "x"})),
        ("keys", lambda k: k["terms"].update({"x": [1]})),
        ("keys", lambda k: k.pop("terms")),
        # Of the right shape, but naming what is not there, or not a number at all: building
        # the matcher from it would fail on every run.
        ("framework", lambda f: f["standards"][0].update(quadrant="QX")),
        ("framework", lambda f: f["themes"][0].update(quadrant="QX")),
        ("framework", lambda f: f["themes"][0].update(family="nowhere")),
        ("framework", lambda f: f["learned"]["standards"].update(nowhere={"bias": 0.0})),
        ("framework", lambda f: f["learned"]["mapped"].update(bias=float("nan"))),
        ("framework", lambda f: f["learned"]["mapped"]["words"].update(w=float("inf"))),
    ],
    ids=[
        "title",
        "weight",
        "extra-field",
        "missing-field",
        "bool-for-int",
        "learned-weight",
        "phrase-keys",
        "term-keys",
        "no-terms",
        "no-such-quadrant",
        "theme-quadrant",
        "no-such-family",
        "no-such-standard",
        "nan",
        "infinity",
    ],
)
def test_an_entry_of_another_shape_is_rebuilt_silently(
    with_learned: Path,
    environ: dict[str, str],
    part: str,
    change: Callable[[dict[str, Any]], object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each field of an entry is checked for its type: one that is not what scrmap wrote
    (an older layout, a damaged file) is a miss, and nothing of it is taken."""
    expected = framework_cache.load(with_learned, environ)
    entry, stored = _stored(environ)
    written = entry.read_bytes()
    change(stored[part])
    entry.write_text(json.dumps(stored))
    monkeypatch.setattr(text, "_PHRASE_KEYS", {})
    monkeypatch.setattr(text, "_TERM_KEYS", {})
    assert framework_cache.load(with_learned, environ) == expected
    assert "x" not in text._PHRASE_KEYS and "x" not in text._TERM_KEYS
    assert entry.read_bytes() == written  # rewritten whole


def test_an_entry_of_the_layout_before_is_not_read(
    framework_file: Path, environ: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    monkeypatch.setattr(framework_cache, "LAYOUT", framework_cache.LAYOUT - 1)
    framework_cache.load(framework_file, environ)
    assert len(_entries(environ)) == 2 and entry in _entries(environ)


def test_the_cached_framework_compiles_to_the_same_matcher(
    with_learned: Path, environ: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that reads the cache (the framework's dataclasses and the phrases' normal
    forms, nothing stemmed) matches as a run that validated the file and stemmed them."""
    monkeypatch.setattr(text, "_PHRASE_KEYS", {})
    monkeypatch.setattr(text, "_TERM_KEYS", {})
    uncached = fw.load(with_learned)
    assert uncached.learned is not None
    fresh = Matcher(uncached)
    framework_cache.load(with_learned, environ)  # writes the entry
    monkeypatch.setattr(text, "_PHRASE_KEYS", {})
    monkeypatch.setattr(text, "_TERM_KEYS", {})

    def no_stemming(word: str) -> str:
        raise AssertionError(f"{word!r} was stemmed: its phrase was not in the cache")

    with monkeypatch.context() as stemless:
        stemless.setattr(text, "normalise", no_stemming)
        stemless.setattr(text, "normal_form", no_stemming)
        cached = framework_cache.load(with_learned, environ)
        compiled = Matcher(cached)
    assert cached == uncached
    for table in ("_index", "_keys", "_vocab", "_order", "_quadrant_of", "_terms", "_gate_terms"):
        assert getattr(compiled, table) == getattr(fresh, table), table
    texts = [
        "Agencies should share information about domestic abuse.",
        "Health visitors should ask about fathers, and record their views.",
        "There was no evidence of neglect; the GP should refer to the MASH.",
    ]
    assert [compiled.match(t) for t in texts] == [fresh.match(t) for t in texts]


@pytest.mark.parametrize("name", ["framework.yaml", "examples/adult-sar-framework.yaml"])
def test_the_framework_survives_plain_data(name: str) -> None:
    loaded = fw.load(ROOT / name)
    assert fw.from_data(json.loads(json.dumps(fw.as_data(loaded)))) == loaded


def test_an_entry_nested_too_deep_for_json_is_rebuilt_silently(
    framework_file: Path, environ: dict[str, str]
) -> None:
    expected = framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    entry.write_text("[" * 200_000 + "]" * 200_000)
    assert framework_cache.load(framework_file, environ) == expected


def test_the_cache_folder_and_entries_are_private(
    framework_file: Path, environ: dict[str, str]
) -> None:
    """Learned words come from the Board's recommendations: neither the folder nor an entry
    is readable by others, whatever the umask."""
    framework_cache.load(framework_file, environ)
    [entry] = _entries(environ)
    assert entry.parent.stat().st_mode & 0o777 == 0o700
    assert entry.stat().st_mode & 0o777 == 0o600


def test_ctrl_c_while_an_entry_is_written_leaves_no_temporary_file(
    framework_file: Path, environ: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(source: str, target: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        framework_cache.load(framework_file, environ)
    assert list((Path(environ["XDG_CACHE_HOME"]) / "scrmap").iterdir()) == []
