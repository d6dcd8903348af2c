"""Writing output files: so that a failed or interrupted run leaves nothing half-written,
and so that a file that cannot be written is a one-line problem.

The report goes to a temporary file beside the target and is renamed over it only when
complete: a Board paper is either the old one or the new one, never a truncated mix.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from scrmap.errors import OutputError, Problem


def _mode(path: Path) -> int:
    """The permissions a plain write would give: the old file's, else the umask's
    (mkstemp's private 0600 would hide a Board paper from colleagues)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; an OSError becomes a one-line problem."""
    directory = path.parent if str(path.parent) else Path(".")
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        os.chmod(temp, _mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        problem = Problem(str(path), None, None, f"cannot write: {exc.strerror or exc}")
        raise OutputError([problem]) from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def append_text(path: str, text: str, what: str) -> None:
    """Append ``text`` to the file ``path`` (as the user named it); an OSError becomes a
    one-line problem saying that ``what`` cannot be written."""
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        problem = Problem(path, None, None, f"cannot write {what}: {exc.strerror}")
        raise OutputError([problem]) from None


def refuse_input(path: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise OutputError, before anything is written, when the output ``path`` is the same
    file as one of ``inputs`` (`report draft.md -o draft.md` would replace the draft).

    Compared by device and inode, so a link or another spelling of the name is caught.
    An output that does not exist yet, or is not a regular file (/dev/stdout, a FIFO, a
    terminal that standard input also reads), overwrites nothing; names that are not
    files ('<stdin>') are passed over."""
    try:
        target = os.stat(path)
    except OSError:
        return
    if not stat.S_ISREG(target.st_mode):
        return
    for name in inputs:
        try:
            same = os.path.samestat(target, os.stat(name))
        except OSError:
            continue
        if same:
            message = f"is also an input ({os.fspath(name)}); name another file for the output"
            raise OutputError([Problem(str(path), None, None, message)])
