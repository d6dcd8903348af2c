"""Class 1 of the hostile-input issue: small input, unbounded time.

Every stage must be near-linear in its input's size. The large inputs are made here, at
test time; each test's budget is generous for a shared CI machine and far below what the
quadratic versions took (seconds to minutes).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import scrmap
from scrmap.matcher import Matcher

RUNS = (" ", "a", "1", "1.", "#", "a'", "-", " - ", "\n", "no ", "was ", "[", "*", "a1.")
"""Runs of the characters the patterns repeat: backtracking shows on runs like these."""


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(scrmap.__path__, "scrmap."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern:
                found.append((f"{info.name}.{name}", value))
    return found


@pytest.mark.parametrize("run", RUNS, ids=repr)
def test_no_regex_backtracks_on_long_runs(run: str) -> None:
    """Every module-level pattern (the ones that run on user text) on 20,000 repeats of a
    character run, then a character that breaks the match: linear patterns take
    milliseconds, a backtracking one seconds or hours."""
    text = run * (20_000 // len(run)) + "!x"
    for name, pattern in _patterns():
        began = time.perf_counter()
        pattern.match(text)
        pattern.search(text)
        for _ in pattern.finditer(text[:5000]):
            pass
        took = time.perf_counter() - began
        assert took < 1.0, f"{name} took {took:.1f} s on {run!r} * n"


def test_markdown_heading_of_spaces_is_fast() -> None:
    """The issue's case: '# Case' + 5,000 spaces + 'x' hung `map` (1,000 spaces: 3.5 s)."""
    from scrmap.sources.text_file import load_text

    began = time.perf_counter()
    recs, _ = load_text("# Case" + " " * 50_000 + "x\n\n1. Share information.\n", "m.md", None)
    assert time.perf_counter() - began < 1.0
    assert recs[0].case == "Case" + " " * 50_000 + "x"


@pytest.mark.parametrize(
    "unit",
    [
        "share relevant information with domestic abuse services, ",
        "voice of the child heard. ",
        "was   not a factor   ",
    ],
)
def test_one_long_item_is_near_linear(norfolk: scrmap.framework.Framework, unit: str) -> None:
    """A 200 KB item on one line took 9.7 s: the window search scanned every position of
    the next cue word from the start. Now 200 KB takes well under a second."""
    matcher = Matcher(norfolk, 50)
    text = unit * (200_000 // len(unit))
    began = time.perf_counter()
    matcher.match(text)
    assert time.perf_counter() - began < 3.0
