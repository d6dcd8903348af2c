"""The progress bar of long runs. Part of the CLI layer: the core never imports it.

A reviewer mapping a folder of reviews should see no bar at all; a researcher
mapping a national corpus should see that work is moving. So the bar appears only
once a run has taken about a second, and only where a person is watching: on stderr
when it is a terminal. It also stays away when a machine format is printing to the
same terminal, where the two would interleave.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

DELAY = 1.0
"""Seconds a run must last before its bar appears."""


def wanted(machine_format: bool) -> bool:
    """Whether a bar may be shown: stderr is a terminal, and stdout is not a terminal
    receiving a machine format."""
    return sys.stderr.isatty() and not (machine_format and sys.stdout.isatty())


class Bar:
    """Counts work done; shows a transient bar once DELAY has passed, if ``enabled``.

    Use as a context manager and call ``advance(n)`` as work completes.
    """

    def __init__(
        self,
        total: int,
        label: str,
        enabled: bool,
        console: Console | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.label = label
        self.enabled = enabled
        self.console = console
        self.clock = clock
        self.done = 0
        self._began = 0.0
        self._progress: Progress | None = None
        self._task = TaskID(0)

    def __enter__(self) -> Bar:
        self._began = self.clock()
        return self

    def advance(self, count: int) -> None:
        """Record ``count`` more items done; start showing the bar if the run is long."""
        self.done += count
        if not self.enabled:
            return
        if self._progress is None and self.clock() - self._began >= DELAY:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console or Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total)
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
