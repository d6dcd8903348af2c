"""The progress bar appears only after a second, and only where a person is watching."""

from __future__ import annotations

import io
import sys

import pytest
from rich.console import Console

from scrmap.cli import progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _console(out: io.StringIO) -> Console:
    return Console(file=out, force_terminal=True, width=80)


def test_short_runs_show_nothing() -> None:
    out, clock = io.StringIO(), Clock()
    with progress.Bar(1000, "Mapping", True, _console(out), clock) as bar:
        clock.now += progress.DELAY / 2
        bar.advance(1000)
    assert out.getvalue() == ""
    assert bar.done == 1000


def test_long_runs_show_a_bar_with_counts() -> None:
    out, clock = io.StringIO(), Clock()
    with progress.Bar(1000, "Mapping", True, _console(out), clock) as bar:
        bar.advance(100)
        assert out.getvalue() == ""
        clock.now += progress.DELAY
        bar.advance(400)
    shown = out.getvalue()
    assert "Mapping" in shown
    assert "500/1000" in shown


def test_the_bar_shows_items_per_second_and_the_time_left() -> None:
    out, clock = io.StringIO(), Clock()
    with progress.Bar(10_000, "Mapping", True, _console(out), clock) as bar:
        for _ in range(4):  # 1,000 items a second, on the fake clock
            clock.now += 1
            bar.advance(1000)
    shown = out.getvalue()
    assert "4000/10000" in shown
    assert "1,000/s" in shown
    assert "0:00:06" in shown  # 6,000 left at 1,000 a second


def test_the_bar_does_not_import_rich_until_it_is_drawn() -> None:
    import subprocess

    code = (
        "import sys, io\n"
        "from scrmap.cli import progress\n"
        "with progress.Bar(10, 'Mapping', True) as bar:\n"
        "    bar.advance(10)\n"
        "print('rich' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "False", found.stderr


def test_disabled_bar_stays_silent_however_long() -> None:
    out, clock = io.StringIO(), Clock()
    with progress.Bar(10, "Mapping", False, _console(out), clock) as bar:
        clock.now += 60
        bar.advance(10)
    assert out.getvalue() == ""


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("stderr_tty", "stdout_tty", "machine", "expected"),
    [
        (False, False, False, False),  # piped or in CI: never
        (True, True, False, True),  # the table on a terminal
        (True, True, True, False),  # JSON printing to the same terminal: would interleave
        (True, False, True, True),  # JSON redirected to a file: the bar is welcome
    ],
)
def test_wanted(
    monkeypatch: pytest.MonkeyPatch,
    stderr_tty: bool,
    stdout_tty: bool,
    machine: bool,
    expected: bool,
) -> None:
    monkeypatch.setattr(sys, "stderr", _Stream(stderr_tty))
    monkeypatch.setattr(sys, "stdout", _Stream(stdout_tty))
    assert progress.wanted(machine) is expected
