"""Map many recommendations, on every core when there are enough to be worth it.

A national corpus holds tens of thousands of recommendations, and matching is pure
Python: one core does about ten thousand a second. Past a few thousand, worker
processes each build their own matcher and take chunks in turn; the results come
back in input order, chunk by chunk, so a caller can stream output and show
progress. Small inputs stay in one process, where starting workers would cost more
than it saves. The output is the same either way (a test checks it).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from scrmap.framework import Framework
from scrmap.matcher import Matcher, Result
from scrmap.recommendation import Recommendation

T = TypeVar("T")
Render = Callable[[Recommendation, Result], T]
"""Turns one mapping into what the caller keeps: a record, an encoded line. Runs in the
worker, so that encoding is shared out too. Must be picklable (a module-level function
or a functools.partial of one)."""

PARALLEL_MIN = 2_000
"""Fewer recommendations than this are mapped in-process."""
CHUNK = 500
"""Recommendations sent to a worker at a time: large enough that passing them is cheap,
small enough that progress moves and memory stays flat."""

_worker: tuple[Matcher, Render[object]] | None = None


def jobs_for(count: int, requested: int | None) -> int:
    """How many processes to use: ``requested`` if given, else one per core, for inputs of
    at least PARALLEL_MIN recommendations."""
    if requested is not None:
        return max(1, requested)
    if count < PARALLEL_MIN:
        return 1
    return max(1, min(os.cpu_count() or 1, count // CHUNK))


def _start(framework: Framework, threshold: int, render: Render[object]) -> None:
    global _worker
    _worker = (Matcher(framework, threshold), render)


def _run(chunk: Sequence[Recommendation]) -> list[object]:
    assert _worker is not None, "worker not started"
    matcher, render = _worker
    return [render(rec, matcher.match(rec.text)) for rec in chunk]


def map_chunks(
    recs: Sequence[Recommendation], matcher: Matcher, render: Render[T], jobs: int = 1
) -> Iterator[list[T]]:
    """``render(rec, matcher.match(rec.text))`` for every recommendation, in input order,
    one chunk (a list) at a time."""
    chunks = (recs[i : i + CHUNK] for i in range(0, len(recs), CHUNK))
    if jobs <= 1:
        for chunk in chunks:
            yield [render(rec, matcher.match(rec.text)) for rec in chunk]
        return
    with multiprocessing.get_context().Pool(
        jobs, _start, (matcher.framework, matcher.threshold, render)
    ) as pool:
        yield from pool.imap(_run, chunks)
