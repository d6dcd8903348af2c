"""Exit codes, in one place so the CLI, the tests and the README agree.

They follow the linters a CI pipeline already knows (sqlfluff, yamllint): 0 means
clean, 1 means the input was read and problems were found, 2 means the tool could
not do what was asked (bad usage, unreadable input, a broken framework file).
"""

OK = 0
"""Everything asked for was done and nothing was wrong."""

PROBLEMS = 1
"""The input was read and problems were found (e.g. an invalid framework)."""

USAGE = 2
"""Bad usage, an unreadable file, or a framework that cannot be loaded."""

INTERRUPTED = 130
"""Stopped by Ctrl-C (128 + SIGINT, as shells report it)."""

INTERNAL = 3
"""A bug in scrmap, not a problem with the input: one line on stderr, and with --debug the
traceback."""

ABORTED = 4
"""A worker process died under the run (killed, or out of memory): what was printed is
incomplete."""
