"""The progress bar of long runs. Part of the CLI layer: the core never imports it.

A reviewer mapping a folder of reviews should see no bar at all; a researcher
mapping a national corpus should see that work is moving. So the bar appears only
once a run has taken about a second, and only where a person is watching: on stderr
when it is a terminal. It also stays away when a machine format is printing to the
same terminal, where the two would interleave. Rich is imported only when the bar
appears: most runs never draw one, and importing it costs more than they take.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

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
        self._task: TaskID | None = None

    def __enter__(self) -> Bar:
        self._began = self.clock()
        return self

    def advance(self, count: int) -> None:
        """Record ``count`` more items done; start showing the bar if the run is long."""
        self.done += count
        if not self.enabled:
            return
        elapsed = self.clock() - self._began
        if self._progress is None and elapsed >= DELAY:
            self._show()
        if self._progress is not None and self._task is not None:
            rate = f"{self.done / elapsed:,.0f}/s" if elapsed > 0 else ""
            self._progress.update(self._task, completed=self.done, rate=rate)

    def _show(self) -> None:
        """Start drawing: the count, items per second and the time left, on the bar's clock."""
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=self.console or Console(stderr=True),
            transient=True,
            get_time=self.clock,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=self.total, rate="")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
