"""Class 3 of the hostile-input issue: the worker pool never hangs.

Run through the installed script in subprocesses, each with a timeout: a hang fails the
test instead of stalling CI.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrmap import exitcodes

SCRMAP = Path(sys.executable).with_name("scrmap")


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 rows: over the parallel threshold, so `map` uses workers."""
    path = tmp_path_factory.mktemp("rows") / "3000rows.csv"
    lines = ["id,text"] + [
        f"R{i},Agencies should share information about domestic abuse case {i}."
        for i in range(3000)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("attempt", range(3))
def test_a_reader_that_stops_early_ends_the_run_with_exit_0(rows: Path, attempt: int) -> None:
    """`map 3000rows.csv -f jsonl | head -1` hung one run in three and exited 1."""
    scrmap = subprocess.Popen(
        [str(SCRMAP), "map", str(rows), "-f", "jsonl", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert scrmap.stdout is not None
    assert scrmap.stdout.readline().startswith(b'{"id":"R0"')
    scrmap.stdout.close()  # what `head -1` does after its line
    assert scrmap.wait(timeout=30) == exitcodes.OK
    assert scrmap.stderr is not None and scrmap.stderr.read() == b""


ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(
    "command",
    [
        "map examples/draft.md",
        "map data/recommendations --explain",
        "--debug map data/recommendations --explain",
        "coverage data/recommendations",
        "check -f text examples/draft.md",
        "check -f concise examples/draft.md",
        "evaluate tests/gold/dev.yaml",
        "framework show",
        "report data/recommendations",
    ],
)
def test_a_reader_gone_before_rich_draws_is_exit_0(command: str) -> None:
    """Rich met a broken pipe by exiting 1 itself (`map draft.md | head -1`). The read end is
    closed before scrmap writes, so every write fails however small the output."""
    scrmap = subprocess.Popen(
        [str(SCRMAP), *command.split()],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ | {"COLUMNS": "80", "SCRMAP_CONFIG": ""},
    )
    assert scrmap.stdout is not None and scrmap.stderr is not None
    scrmap.stdout.close()
    assert scrmap.wait(timeout=60) == exitcodes.OK, scrmap.stderr.read().decode()
    assert "Traceback" not in scrmap.stderr.read().decode()


def test_a_killed_worker_is_reported_not_waited_for(tmp_path: Path) -> None:
    big = tmp_path / "rows.csv"
    lines = [
        f"R{i},Agencies should share information about domestic abuse {i}." for i in range(20_000)
    ]
    big.write_text("id,text\n" + "\n".join(lines) + "\n")
    scrmap = subprocess.Popen(
        [str(SCRMAP), "map", str(big), "-f", "json", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    children: list[int] = []
    deadline = time.monotonic() + 20
    while not children and time.monotonic() < deadline:
        time.sleep(0.05)
        listed = subprocess.run(["pgrep", "-P", str(scrmap.pid)], capture_output=True)
        children = [int(c) for c in listed.stdout.split()]
    assert children, "no worker started"
    os.kill(children[-1], signal.SIGKILL)
    assert scrmap.wait(timeout=30) == exitcodes.ABORTED
    assert scrmap.stderr is not None
    assert scrmap.stderr.read().decode().splitlines() == [
        "scrmap: a worker process died (killed, or out of memory); the output is incomplete"
    ]


def test_closed_stdout_is_one_line_and_report_to_a_file_still_works(tmp_path: Path) -> None:
    good = Path(__file__).parents[1] / "robustness-good.yaml"
    closed = subprocess.run(
        f"'{SCRMAP}' map '{good}' >&-", shell=True, capture_output=True, timeout=30
    )
    assert closed.returncode == exitcodes.USAGE
    assert closed.stderr.decode().splitlines() == [
        "scrmap: cannot write: standard output is closed"
    ]
    out = tmp_path / "r.csv"
    written = subprocess.run(
        f"'{SCRMAP}' report '{good}' -o '{out}' >&-", shell=True, capture_output=True, timeout=30
    )
    assert written.returncode == exitcodes.OK, written.stderr
    assert out.exists()
