"""Class 1 of the hostile-input issue: small input, unbounded time.

Every stage must be near-linear in its input's size. The large inputs are made here, at
test time; each test's budget is generous for a shared CI machine and far below what the
quadratic versions took (seconds to minutes). Budgets are in this process's CPU time, not
wall time: on a machine whose two cores are shared (a load of 6), a 200 KB item took 5.8 s
of wall time for about 1 s of its own work, and the guard failed for the load, not the code.
The garbage collector is run before and held off during each timing (`cpu_seconds`): late in
a full run it walked every object the earlier tests left, and the same item took 3.9 s of
CPU where alone it takes 1.4.
"""

from __future__ import annotations

import gc
import importlib
import math
import pkgutil
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import scrmap
from scrmap.matcher import Matcher
from scrmap.recommendation import Recommendation, Source
from scrmap.repeats import Comparable, _content, find_pairs
from scrmap.text import Caseless

RUNS = (
    " ",
    "a",
    "1",
    "1.",
    "#",
    "a'",
    "-",
    " - ",
    "\n",
    "no ",
    "was ",
    "[",
    "*",
    "a1.",
    "*a ",
    "_a ",
)
"""Runs of the characters the patterns repeat: backtracking shows on runs like these."""


BOUNDED = {
    "scrmap.text._MODIFIER": "searched only in the 200 characters before a role",
    "scrmap.text._MODIFIER_BACK": "matched (not searched) on the 200 characters before a role",
}
"""Patterns that would backtrack on a long run, and the bound their one caller sets."""


def _patterns() -> list[tuple[str, re.Pattern[Any]]]:
    found = []
    for info in pkgutil.walk_packages(scrmap.__path__, "scrmap."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if f"{info.name}.{name}" in BOUNDED:
                continue
            if isinstance(value, re.Pattern) and value.pattern:
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, Caseless):  # both of its patterns run on some text
                found.append((f"{info.name}.{name}", value._any))
                found.append((f"{info.name}.{name} (ASCII)", value._ascii))
    return found


@pytest.mark.parametrize("run", RUNS, ids=repr)
def test_no_regex_backtracks_on_long_runs(run: str) -> None:
    """Every module-level pattern (the ones that run on user text) on 20,000 repeats of a
    character run, then a character that breaks the match: linear patterns take
    milliseconds, a backtracking one seconds or hours."""
    for name, pattern in _patterns():
        text: str | bytes = run * (20_000 // len(run)) + "!x"
        if isinstance(pattern.pattern, bytes):
            text = text.encode() if isinstance(text, str) else text
        began = time.process_time()
        pattern.match(text)
        pattern.search(text)
        for _ in pattern.finditer(text[:5000]):
            pass
        took = time.process_time() - began
        assert took < 1.0, f"{name} took {took:.1f} s on {run!r} * n"


def test_markdown_heading_of_spaces_is_fast() -> None:
    """The issue's case: '# Case' + 5,000 spaces + 'x' hung `map` (1,000 spaces: 3.5 s)."""
    from scrmap.sources.text_file import load_text

    began = time.process_time()
    recs, _ = load_text("# Case" + " " * 50_000 + "x\n\n1. Share information.\n", "m.md", None)
    assert time.process_time() - began < 1.0
    assert recs[0].case == "Case" + " " * 50_000 + "x"


@contextmanager
def cpu_seconds() -> Iterator[list[float]]:
    """This process's CPU time for the block, put in the list it yields; the garbage left by
    other tests collected first, and no collection during the block."""
    took: list[float] = []
    gc.collect()
    gc.disable()
    began = time.process_time()
    try:
        yield took
    finally:
        took.append(time.process_time() - began)
        gc.enable()


@pytest.mark.parametrize(
    "unit",
    [
        "share relevant information with domestic abuse services, ",
        "voice of the child heard. ",
        "was   not a factor   ",
        "no evidence of domestic abuse and neglect ",
        # Who acts, before every modal verb: each modal read the clause starts again from
        # the text's start (172 KB took 5.9 s, 860 KB 113 s).
        "Health visitors should ask about fathers ",
        "Children should be seen and heard, and ",
    ],
)
def test_one_long_item_is_near_linear(norfolk: scrmap.framework.Framework, unit: str) -> None:
    """A 200 KB item on one line took 9.7 s: the window search scanned every position of
    the next cue word from the start. Now 200 KB takes well under a second."""
    matcher = Matcher(norfolk, 50)
    text = unit * (200_000 // len(unit))
    with cpu_seconds() as took:
        matcher.match(text)
    assert took[0] < 3.0


def test_specific_reads_back_a_few_words_per_agency() -> None:
    """`specific` reads back from each agency it finds to see whether it is asked to act:
    read from the text's start each time, 200 KB naming the police 13,000 times would take
    minutes."""
    from scrmap.rules import specific
    from scrmap.rules._base import Item

    text = "training for the police " * (200_000 // 24)
    rec = Recommendation("1", text, Source("t.yaml", 1))
    with cpu_seconds() as took:
        found = list(specific.check(Item(rec, None), specific.Options()))  # type: ignore[arg-type]
    assert len(found) == 1  # the police are only what the training is for
    assert took[0] < 3.0


def _rows(count: int, seed: int, rare: int) -> list[Comparable]:
    """Short rows of a few common content words and a few rarer ones, under a few items."""
    rng = random.Random(seed)
    common = [
        "agencies",
        "share",
        "information",
        "domestic",
        "abuse",
        "police",
        "health",
        "visitors",
        "fathers",
        "child",
        "protection",
        "conference",
        "school",
        "nurse",
        "records",
        "referral",
        "strategy",
        "meeting",
        "assessment",
    ]
    items = ("1.1", "1.2", "2.1", "3.4", "T1")
    return [
        Comparable(
            " ".join(rng.sample(common, 3) + [f"w{rng.randrange(rare)}" for _ in range(3)]),
            f"case{i % 50}",
            frozenset(rng.sample(items, 2)),
        )
        for i in range(count)
    ]


def _all_pairs(recs: list[Comparable], threshold: int) -> list[tuple[int, int, int]]:
    """The pairs by brute force over every pair, as the old code scored them."""
    words = [_content(r.text) for r in recs]
    frequency = Counter(k for w in words for k in w)
    idf = {k: 1 + math.log((len(recs) + 1) / (c + 0.5)) for k, c in frequency.items()}
    weight = [sum(idf[k] for k in w) for w in words]
    out = []
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            if recs[i].group == recs[j].group or not recs[i].items & recs[j].items:
                continue
            common = sum(idf[k] for k in words[i] if k in words[j])
            if common <= 0:
                continue
            dice = 2 * common / (weight[i] + weight[j])
            overlap = common / min(weight[i], weight[j])
            score = round(100 * (dice + overlap) / 2)
            if score >= threshold:
                out.append((i, j, score))
    return sorted(out)


@pytest.mark.parametrize("threshold", [1, 30, 50, 70])
@pytest.mark.parametrize("seed", [1, 2])
def test_indexed_repeats_find_the_same_pairs_as_all_pairs(threshold: int, seed: int) -> None:
    recs = _rows(300, seed, rare=40)
    found = sorted((p.a, p.b, p.similarity) for p in find_pairs(recs, threshold))
    assert found == _all_pairs(recs, threshold)


def test_repeats_of_12k_short_rows_take_seconds() -> None:
    """Comparing every pair sharing a word took 63 s at 12,000 rows; the prefix index
    compares each row only with rows sharing one of its rarest words under one item."""
    recs = _rows(12_000, 3, rare=5_000)
    with cpu_seconds() as took:
        find_pairs(recs, 30)
    assert took[0] < 10.0
