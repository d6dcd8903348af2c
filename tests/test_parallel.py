"""Mapping in worker processes gives exactly what mapping in one process gives."""

from __future__ import annotations

import gc
from functools import partial

import pytest

from scrmap import framework as fw
from scrmap import parallel
from scrmap.coverage import Mapped
from scrmap.formats import map as map_formats
from scrmap.matcher import Matcher
from scrmap.recommendation import Recommendation, Source

TEXTS = [
    "Agencies should share information about domestic abuse with the MARAC.",
    "Practitioners must engage fathers and male carers in assessments.",
    "The council should repaint the town hall.",
    "Managers should use the escalation policy when concerns about neglect persist.",
]


def _recs(count: int) -> list[Recommendation]:
    return [
        Recommendation(f"R{i}", TEXTS[i % len(TEXTS)] + f" (item {i})", Source("t.csv", i + 2))
        for i in range(count)
    ]


def test_jobs_for_stays_in_process_for_small_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 4)
    assert parallel.jobs_for(parallel.PARALLEL_MIN - 1, None) == 1
    assert parallel.jobs_for(10, 3) == 3
    assert parallel.jobs_for(10, 0) == 1
    assert parallel.jobs_for(parallel.CHUNK * 10, None) == 4


def test_jobs_for_never_starts_more_processes_than_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--jobs 10000` started ten thousand workers, each building a matcher, and hung the
    machine; a number past a C int was an internal error."""
    monkeypatch.setattr(parallel, "cores", lambda: 4)
    assert parallel.jobs_for(10, 10_000) == 4
    assert parallel.jobs_for(10, 10**20) == 4


def test_workers_give_the_same_records_in_the_same_order(norfolk: fw.Framework) -> None:
    recs = _recs(parallel.CHUNK * 2 + 7)  # three chunks, the last short
    matcher = Matcher(norfolk)
    render = partial(map_formats.recommendation_line, explain=True)
    serial = [line for chunk in parallel.map_chunks(recs, matcher, render, 1) for line in chunk]
    chunks = list(parallel.map_chunks(recs, matcher, render, 2))
    assert [len(c) for c in chunks] == [parallel.CHUNK, parallel.CHUNK, 7]
    assert [line for chunk in chunks for line in chunk] == serial
    assert len(serial) == len(recs)
    assert b'"id":"R0"' in serial[0] and f'"id":"R{len(recs) - 1}"'.encode() in serial[-1]


def test_results_come_back_from_workers_whole(norfolk: fw.Framework) -> None:
    """What coverage and report use: each recommendation with its full Result."""
    recs = _recs(parallel.CHUNK + 1)
    matcher = Matcher(norfolk)
    mapped = [m for c in parallel.map_chunks(recs, matcher, Mapped, 2) for m in c]
    assert [m.rec for m in mapped] == recs
    assert [m.result for m in mapped] == [matcher.match(r.text) for r in recs]
    assert any(m.result.mapped for m in mapped)


def _frozen_count(rec: Recommendation, result: object) -> int:
    """A render that says how many objects garbage collection leaves out as it runs (a
    count that walks them all: asked of a few items only)."""
    return gc.get_freeze_count()


@pytest.mark.parametrize("jobs", [1, 2])
def test_what_lives_for_the_run_is_left_out_of_collection_until_it_ends(
    norfolk: fw.Framework, jobs: int
) -> None:
    """The framework and the matcher's tables live for the whole run: a full collection walked
    them all each time it ran. They are left out while mapping runs (in each worker too), and
    let back in when it ends, or stops early."""
    assert gc.get_freeze_count() == 0
    recs = _recs(3)
    counts = [
        n
        for chunk in parallel.map_chunks(recs, Matcher(norfolk), _frozen_count, jobs)
        for n in chunk
    ]
    assert len(counts) == len(recs) and min(counts) > 0
    assert gc.get_freeze_count() == 0
    stopped = parallel.map_chunks(recs, Matcher(norfolk), _frozen_count, jobs)
    assert min(next(stopped)) > 0 and gc.get_freeze_count() > 0
    stopped.close()
    assert gc.get_freeze_count() == 0


def _fails(rec: Recommendation, result: object) -> int:
    """A render that breaks, as a bug in an output format would."""
    raise ValueError(rec.id)


@pytest.mark.parametrize("jobs", [1, 2])
def test_collection_is_let_back_in_when_mapping_fails(norfolk: fw.Framework, jobs: int) -> None:
    """An error while mapping (here in the render, in a worker with ``jobs`` 2) leaves
    nothing frozen behind it: a caller that goes on runs with its collector whole."""
    assert gc.get_freeze_count() == 0
    with pytest.raises(ValueError, match="R0"):
        for _ in parallel.map_chunks(_recs(3), Matcher(norfolk), _fails, jobs):
            pass
    assert gc.get_freeze_count() == 0
