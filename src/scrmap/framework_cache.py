"""The compiled framework, cached on disk so that later runs skip YAML and its checks.

Reading the framework file with positions, validating it and checking every cue costs
more than mapping one recommendation a hundred times over, and most runs read the same
file as the run before. So the validated framework is kept as JSON in the user's cache
directory (``$XDG_CACHE_HOME/scrmap``, else ``~/.cache/scrmap``), under the SHA-256 of
scrmap's version, the installed scrmap's own files (by size and time of writing) and the
file's bytes (with its learned weights'): an edited file, new weights, or another scrmap,
misses, even one installed from a repository under the same version number.

This is the one thing scrmap writes that the user did not ask for, so it never gets in
the way: ``SCRMAP_NO_CACHE=1`` turns it off, and a cache that cannot be read, is not
what scrmap wrote, or cannot be written is rebuilt or skipped without a word. Entries
are JSON, checked field by field and type by type on the way in (`scrmap.plain_data`;
never unpickled, so reading one runs no code of its), and written atomically. A hit builds
the framework's plain dataclasses (`scrmap.framework`) without importing Pydantic or YAML.
The entry also holds the normal forms of the framework's phrases and learned words, so that
compiling the framework for matching stems none of them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from scrmap import __version__

if TYPE_CHECKING:
    from scrmap.framework import Framework

DISABLE_ENV_VAR = "SCRMAP_NO_CACHE"
"""Set to 1 to neither read nor write the cache."""
KEEP = 8
"""Entries kept: one per framework file (or version of it) in recent use."""
LAYOUT = 2
"""The entries' layout, part of the key: 2 added the normal forms of the phrases."""
_PREFIX = "framework-"


def directory(environ: Mapping[str, str]) -> Path | None:
    """Where the cache lives, or None when it is turned off or there is no home."""
    if environ.get(DISABLE_ENV_VAR, "").strip() not in ("", "0"):
        return None
    base = environ.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():  # the XDG spec says to ignore a relative one
        return Path(base) / "scrmap"
    home = environ.get("HOME", "")
    return Path(home) / ".cache" / "scrmap" if home else None


_CODE = Path(__file__).parent
"""The installed package, whose own files are part of the key (`installed`)."""


@functools.cache
def installed() -> str:
    """The installed scrmap's modules, each by name, size and time of writing. An entry
    holds the framework as this scrmap validated and normalised it; scrmap installed again
    from a repository (`pip install git+...`, an editable checkout) keeps its version
    number, and its entries, written by the scrmap before, would go on passing a file the
    new one refuses, with the old one's normal forms of its phrases. Installing writes the
    files anew, so any reinstall misses once. Stat calls only: no file is read."""
    files = []
    try:
        with os.scandir(_CODE) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    status = entry.stat()
                    files.append((entry.name, status.st_size, status.st_mtime_ns))
    except OSError:
        return ""
    return repr(sorted(files))


def key(data: bytes) -> str:
    """The cache key of a framework file's bytes, under this version and installation of
    scrmap and this layout of the entries."""
    head = f"scrmap {__version__} {LAYOUT} {installed()}\0".encode()
    return hashlib.sha256(head + data).hexdigest()


def load(
    path: Path, environ: Mapping[str, str], learned: bool = True, fresh: bool = False
) -> Framework:
    """The framework in ``path`` (with its learned weights unless ``learned`` is false): from
    the cache when its bytes were validated before (unless ``fresh``: `framework validate`,
    whose answer must be this scrmap's own), else read, validated (raising FrameworkError
    as `framework.load` does) and cached."""
    from scrmap import framework as fw
    from scrmap.limits import from_env

    limits = from_env(environ)
    where = directory(environ)
    if where is None or not _regular(path):
        # A pipe (`--framework /dev/stdin`, `<(...)`) or a device is read once, by
        # `framework.load`: the bytes read here for the key would be gone when it read
        # them again, and the framework "not a mapping of keys".
        return fw.load(path, limits, learned)
    data: bytes | None = None
    with contextlib.suppress(OSError):
        # Bounded as it is read: a file of gigabytes must not fill memory here either.
        data = _bytes(path, limits.config_bytes, learned)
    if data is None:
        return fw.load(path, limits, learned)  # it says what is wrong with the file, if any
    digest = key(data)
    entry = where / f"{_PREFIX}{digest}.json"
    cached = None if fresh else _read(entry, digest)
    if cached is not None:
        return cached
    framework = fw.load(path, limits, learned)
    with contextlib.suppress(OSError):
        # Not edited while it was being validated:
        if key(_bytes(path, limits.config_bytes, learned) or b"") == digest:
            _write(entry, digest, framework)
    return framework


def _regular(path: Path) -> bool:
    """Whether ``path`` is a regular file (after links), whose bytes can be read twice:
    once for the key, once to validate them."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False  # `framework.load` says what it is


def _bytes(path: Path, limit: int, learned: bool = True) -> bytes | None:
    """The framework file's bytes and (when ``learned``) those of its learned weights, if
    any: a cached framework carries its weights, so learning again must miss the cache too.
    Without them the bytes are marked so: the file's own `learned` section is left out too.
    None if either is over ``limit`` (read no further: `framework.load` then says so)."""
    from scrmap.learned import sidecar
    from scrmap.limits import read_file

    data = read_file(path, limit)
    if data is None:
        return None
    if not learned:
        return data + b"\0no learned weights"
    weights_path = sidecar(path)
    try:
        weights = read_file(weights_path, limit)
    except FileNotFoundError:
        # None beside it; but a link to nothing is no key: `framework.load` says what it is.
        return None if weights_path.is_symlink() else data
    if weights is None:
        return None
    return data + b"\0learned\0" + weights


def _read(entry: Path, digest: str) -> Framework | None:
    """The framework stored in ``entry``, or None if it is missing or not scrmap's."""
    from scrmap.framework import from_data
    from scrmap.text import remember_keys

    try:
        stored = json.loads(entry.read_bytes())
        if stored["key"] != digest:
            return None
        framework = from_data(stored["framework"])
        if not _consistent(framework):
            return None
        remember_keys(stored["keys"])
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None
    return framework


def _consistent(framework: Framework) -> bool:
    """Whether the ids an entry refers to exist, as validating the file made sure: each
    field's type is checked on the way in, but an entry damaged or edited by hand could
    still name a quadrant or a learned item that is not there, and building the matcher
    would fail on every run until the entry were deleted."""
    quadrants = {q.id for q in framework.quadrants}
    families = {f.id for f in framework.families}
    if any(s.quadrant not in quadrants for s in framework.standards):
        return False
    for theme in framework.themes:
        if theme.quadrant is not None and theme.quadrant not in quadrants:
            return False
        if theme.family is not None and theme.family not in families:
            return False
    learned = framework.learned
    if learned is None:
        return True
    return set(learned.standards) <= {s.id for s in framework.standards} and set(
        learned.themes
    ) <= {t.id for t in framework.themes}


def _keys(framework: Framework) -> dict[str, dict[str, list[str]]]:
    """The normal forms of the framework's phrases and learned words: stemming them is most
    of compiling the framework for matching, so the entry keeps them (`text.known_keys`)."""
    from scrmap.text import known_keys

    learned = framework.learned
    models = [] if learned is None else [*learned.standards.values(), *learned.themes.values()]
    if learned is not None and learned.mapped is not None:
        models.append(learned.mapped)
    phrases = [
        phrase
        for item in (*framework.standards, *framework.themes)
        for phrase in (*(cue.cue for cue in item.cues), *item.exclude)
    ]
    outside = [*framework.outside, *framework.outside_addressees]
    return known_keys([*phrases, *outside], [w for m in models for w in m.words])


def _write(entry: Path, digest: str, framework: Framework) -> None:
    """Store ``framework`` under ``entry`` atomically, and drop the oldest entries."""
    from scrmap.framework import as_data

    data = json.dumps({"key": digest, "framework": as_data(framework), "keys": _keys(framework)})
    # Private, as the XDG spec asks: learned words are the Board's own recommendations'.
    entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{entry.name}.", suffix=".tmp", dir=entry.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(temp, entry)
    except BaseException:  # Ctrl-C too: a stray temporary file would never be dropped
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    entries = sorted(
        entry.parent.glob(f"{_PREFIX}*.json"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in entries[KEEP:]:
        old.unlink()
