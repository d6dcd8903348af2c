"""Writing output files: so that a failed or interrupted run leaves nothing half-written,
and so that a file that cannot be written is a one-line problem.

The report goes to a temporary file beside the target and is renamed over it only when
complete: a Board paper is either the old one or the new one, never a truncated mix.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
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


class _Signalled(BaseException):
    """A termination signal arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While the block runs, a termination signal raises `_Signalled` (so ``finally``
    clauses run and remove the temporary file); the signal is then delivered again."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise _Signalled(signum)

    previous = {signum: signal.signal(signum, handler) for signum in _SIGNALS}
    try:
        yield
    except _Signalled as caught:
        for signum, old in previous.items():
            signal.signal(signum, old)
        signal.raise_signal(caught.signum)  # die of it, as if no handler had been set
        raise
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


@contextlib.contextmanager
def private_temporary_files() -> Iterator[None]:
    """While the block runs, temporary files made through `tempfile` without a folder of
    their own go to a private folder (mode 0700), removed with whatever is in it when the
    block ends, even when a termination signal stops it.

    For libraries that keep the user's text in named temporary files and remove them only
    on success or at exit (openpyxl writes each sheet of a workbook to /tmp first): a run
    stopped by SIGTERM or SIGHUP runs no exit handler, and would leave case names and
    recommendations in the shared temporary folder."""
    with _signals_raise(), tempfile.TemporaryDirectory(prefix="scrmap-") as private:
        previous = tempfile.tempdir
        tempfile.tempdir = private
        try:
            yield
        finally:
            tempfile.tempdir = previous


def _special(target: str) -> bool:
    """Whether ``target`` exists and is not a regular file: a device, a FIFO, a terminal
    (/dev/stdout names the process's own standard output)."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        return False


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``; an OSError becomes a one-line problem.

    A regular file is written atomically: to a temporary file beside it, renamed over
    it when complete, and removed if the run fails or is stopped by a signal. A symbolic
    link is followed: the file it leads to is replaced, the link stays. A special file
    (a device such as /dev/null, a FIFO, /dev/stdout) is written to directly: renaming
    over it would replace the device node (and, as root, /dev/null itself).
    """
    try:
        # Tested on the path as given: the kernel follows /dev/stdout's magic link to the
        # pipe or terminal, where os.path.realpath gives a name that is no file.
        if _special(str(path)):
            with open(path, "wb") as handle:
                handle.write(data)
            return
        with _signals_raise():
            _replace(Path(os.path.realpath(path)), data)
    except OSError as exc:
        problem = Problem(str(path), None, None, f"cannot write: {exc.strerror or exc}")
        raise OutputError([problem]) from None


def _replace(path: Path, data: bytes) -> None:
    """Write a temporary file beside ``path`` and rename it over ``path``."""
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(temp, _mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        temp = None
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


READ_ONLY = "is read-only, so it is not replaced: make it writable (chmod u+w) or name another file"
"""What is said of an output file nobody may write (`read_only`)."""


def read_only(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a regular file that nobody may write. A rename replaces it all
    the same (and as root, so would a plain write), where a shell's redirect would refuse:
    a Board paper, or weights signed off, made read-only was protected on purpose."""
    return os.path.isfile(path) and not os.stat(path).st_mode & 0o222


def refuse_read_only(path: Path) -> None:
    """Raise OutputError, before any work, when the output ``path`` is `read_only`."""
    if read_only(path):
        raise OutputError([Problem(str(path), None, None, READ_ONLY)])


def refuse_no_folder(path: Path) -> None:
    """Raise OutputError, before any work, when the output ``path`` names a folder that does
    not exist (or is no folder): the file could never be written, and finding that out
    only after mapping and checking a library wastes the run, and in CI looks like a
    failed check."""
    folder = path.parent
    if not folder.is_dir():
        why = "does not exist" if not folder.exists() else "is not a folder"
        message = f"cannot write: the folder {os.fspath(folder)} {why}"
        raise OutputError([Problem(str(path), None, None, message)])


def refuse_input(
    path: Path, inputs: Iterable[str | os.PathLike[str]], what: str = "an input"
) -> None:
    """Raise OutputError, before anything is written, when the output ``path`` is the same
    file as one of ``inputs`` (`report draft.md -o draft.md` would replace the draft), which
    the message calls ``what`` ("the framework in use").

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
            message = f"is also {what} ({os.fspath(name)}); name another file for the output"
            raise OutputError([Problem(str(path), None, None, message)])
