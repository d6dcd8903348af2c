"""The Typer app: the global options, and the console script that keeps bugs to one line."""

import atexit
import errno
import gc
import io
import os
import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperGroup

from scrmap import __version__, exitcodes
from scrmap.display import terminal
from scrmap.errors import plain_words


class _Group(TyperGroup):
    """The command group, rewording Typer's option errors (see `plain_words`)."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a bad option value is reported in plain words (exit 2)."""
        try:
            return super().invoke(ctx)
        except typer.BadParameter as error:
            error.message = plain_words(error.message)
            raise


_typer_metavar = TyperArgument.make_metavar


def _metavar(self: TyperArgument, ctx: Any, *, usage: bool = False) -> str:
    var = _typer_metavar(self, ctx, usage=usage)
    return var[1:-1] if var.startswith("{") and var.endswith("}") else var


# Typer marks a required argument in the usage line with braces (`{INPUT...}`), a notation
# no man page uses: the usage line says `INPUT...`, as `[INPUT...]` says it is optional.
setattr(TyperArgument, "make_metavar", _metavar)  # noqa: B010

app = typer.Typer(
    name="scrmap",
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
framework_app = typer.Typer(
    help="Show, validate and describe the framework file; learn from labelled items.",
    no_args_is_help=True,
)

_debug = False
"""Set by --debug: let an unexpected error show its traceback."""


class _ClosedStream(io.TextIOBase):
    """Standard output when the shell closed it (``>&-``): Python leaves None there, and
    every write would be an AttributeError. Writing raises the OSError a closed file does."""

    def write(self, text: str) -> int:
        """Refuse, as a closed descriptor does."""
        raise OSError(errno.EBADF, "standard output is closed")


def run() -> None:
    """The console script: the app, with any unexpected error as one line, not a traceback.

    Bad input never reaches here (the core turns it into problems with places). What
    does is a bug, reported as such with exit code 3; --debug shows the traceback. A
    reader that stops early (``| head -1``) ends the run at once with exit 0, as it does
    for any Unix filter; a worker process killed under us ends it with exit 4.
    """
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    _skip_the_last_collections()
    try:
        app()  # Ctrl-C is Typer's: exit 130, no traceback
    except SystemExit:
        # Typer meets a broken pipe by wrapping stdout in its (vendored) click's
        # PacifyFlushWrapper and exiting 1; for `head` it is 0. Rich's console raises the
        # same BrokenPipeError (views.SafeConsole.on_broken_pipe), so it ends here too.
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            # What is still buffered goes nowhere, not into a warning at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            sys.exit(exitcodes.OK)
        raise
    except OSError as error:
        if error.errno == errno.ENOENT and not _debug and _no_working_directory():
            _say(
                "scrmap: the working directory no longer exists (removed since the shell "
                "entered it); cd to one that does"
            )
            sys.exit(exitcodes.USAGE)
        if error.errno != errno.EBADF or _debug:
            _internal(error)
        _say(f"scrmap: cannot write: {error.strerror}")
        sys.exit(exitcodes.USAGE)
    except Exception as error:
        # Imported here: `scrmap --help` starts without multiprocessing.
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(error, BrokenProcessPool):
            _say(
                "scrmap: a worker process died (killed, or out of memory); the output is incomplete"
            )
            sys.exit(exitcodes.ABORTED)
        _internal(error)


def _no_working_directory() -> bool:
    """Whether the working directory was removed: a command that looks for ./framework.yaml
    or walks up to the configuration then fails with "No such file or directory", which is
    no bug of scrmap's."""
    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def _skip_the_last_collections() -> None:
    """Freeze the garbage collector's objects when the interpreter exits.

    As it exits, Python runs the cycle collector over every object it still holds, more
    than once while it frees the modules: some 40 ms of `check`'s 290, and 20 of
    `--help`'s 95 (BENCHMARKS.md, "Start-up"), to free memory the operating system takes
    back anyway. Frozen objects are still freed by reference counting as their modules go;
    only cycles among them are left, so their finalizers do not run, and scrmap leaves
    none that must: it closes its files (``with``) and shuts its worker pool down before it
    returns. Workers end without exit handlers, so this is the main process's alone. At
    exit, not now: a caller that runs `run` in its own process (a test) keeps its
    collector until it ends.
    """
    atexit.unregister(gc.freeze)  # once, however often `run` is called in one process
    atexit.register(gc.freeze)


def _say(message: str) -> None:
    typer.echo(terminal(message), err=True)


def _internal(error: Exception) -> NoReturn:
    if _debug:
        raise error
    message = str(error).splitlines()[0] if str(error) else ""
    _say(
        f"scrmap: internal error: {type(error).__name__}: {message} "
        "(this is a bug in scrmap; run with --debug for the traceback)"
    )
    sys.exit(exitcodes.INTERNAL)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scrmap {__version__}")
        raise typer.Exit(exitcodes.OK)


def _set_debug(value: bool) -> None:
    global _debug
    _debug = value


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            envvar="SCRMAP_DEBUG",
            callback=_set_debug,
            is_eager=True,
            help="Show the Python traceback of an unexpected error (for developers).",
        ),
    ] = False,
) -> None:
    """Map safeguarding review recommendations onto a thematic learning framework.

    Every command that reads a framework takes it from --framework, else
    $SCRMAP_FRAMEWORK, else ./framework.yaml in the working directory, else the
    framework.yaml beside the configuration file in use, else the bundled Norfolk
    framework.
    """
    # Pydantic looks for plugins in every installed package's metadata the first time it
    # builds a model; scrmap uses none, and the scan costs start-up time.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
