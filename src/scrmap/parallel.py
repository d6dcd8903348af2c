"""Map many recommendations, on every core when there are enough to be worth it.

A national corpus holds hundreds of thousands of recommendations, and matching is pure
Python: one core does one to two thousand a second (BENCHMARKS.md). Past a few thousand, worker
processes each build their own matcher and take batches in turn. Only a few batches
are in flight at a time, so the input is read as fast as the workers map it and no
faster: memory stays flat however long the input. The results come back in input
order, batch by batch, so a caller can stream output and show progress. Small inputs
stay in one process, where starting workers would cost more than it saves. The output
is the same either way (a test checks it).
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from scrmap.framework import Framework
from scrmap.matcher import Matcher, Result
from scrmap.recommendation import Recommendation
from scrmap.sources import Batch, batches

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
Render = Callable[[Recommendation, Result], T]
"""Turns one mapping into what the caller keeps: a record, an encoded line. Runs in the
worker, so that encoding is shared out too. Must be picklable (a module-level function
or a functools.partial of one)."""

PARALLEL_MIN = 2_000
"""Fewer recommendations than this are mapped in-process."""
CHUNK = 2_000
"""Recommendations sent to a worker at a time: many enough that sending them is cheap,
few enough that progress moves and memory stays flat."""
IN_FLIGHT = 2
"""Batches per worker sent ahead: one being mapped, one waiting, so no worker idles."""

_worker: tuple[Matcher, Render[object], bool] | None = None


def cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity
    mask, as containers and job schedulers set one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def jobs_for(count: int, requested: int | None) -> int:
    """How many processes to use: ``requested`` if given, else one per core, for inputs of
    at least PARALLEL_MIN recommendations; never more than one per core. Matching is pure
    Python, so more processes than cores map no faster, and each builds a matcher of its
    own: ``--jobs 10000`` started ten thousand, and a number past a C int was a crash."""
    if requested is not None:
        return max(1, min(requested, cores()))
    if count < PARALLEL_MIN:
        return 1
    return max(1, min(cores(), count // CHUNK))


def _start(framework: Framework, threshold: int, render: Render[object], near_misses: bool) -> None:
    global _worker
    _worker = (Matcher(framework, threshold), render, near_misses)
    # The worker lives for the run, and so does everything it holds now (see map_batches).
    gc.freeze()


def _mapped(batch: Batch, matcher: Matcher, render: Render[T], near_misses: bool) -> list[T]:
    """One batch rendered, matched as a chunk (``Matcher.match_many``), each result
    rendered as it comes and then let go."""
    recs = batch.recommendations()
    results = matcher.match_many([rec.text for rec in recs], near_misses)
    return [render(rec, result) for rec, result in zip(recs, results, strict=True)]


def _run(batch: Batch) -> list[object]:
    assert _worker is not None, "worker not started"
    matcher, render, near_misses = _worker
    return _mapped(batch, matcher, render, near_misses)


def map_batches(
    work: Iterable[Batch],
    matcher: Matcher,
    render: Render[T],
    jobs: int = 1,
    near_misses: bool = True,
) -> Iterator[list[T]]:
    """``render(rec, matcher.match(rec.text))`` for every recommendation of every batch,
    in input order, one batch (a list) at a time. Without ``near_misses``, ``render``
    gets results that hold only what is assigned (``Matcher.match_many``).

    Everything alive when mapping starts (the framework, the matcher's tables, the modules
    imported) lives until it ends, and is left out of garbage collection meanwhile
    (``gc.freeze``): a full collection walked all of it, some 50 ms each time, eight times
    in 100,000 recommendations (BENCHMARKS.md, "Left out of garbage collection"). What was
    frozen is let back in when mapping ends, or stops early.
    """
    gc.freeze()
    try:
        yield from _batches_mapped(work, matcher, render, jobs, near_misses)
    finally:
        gc.unfreeze()


def _batches_mapped(
    work: Iterable[Batch],
    matcher: Matcher,
    render: Render[T],
    jobs: int,
    near_misses: bool,
) -> Iterator[list[T]]:
    """``map_batches`` itself, in this process or in ``jobs`` workers."""
    if jobs <= 1:
        for batch in work:
            yield _mapped(batch, matcher, render, near_misses)
        return
    # Imported only for workers: most runs map in-process, and these take longer to import
    # than mapping a sentence.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        jobs,
        multiprocessing.get_context(),
        initializer=_start,
        initargs=(matcher.framework, matcher.threshold, render, near_misses),
    )
    pending: deque[Future[list[T]]] = deque()
    finished = False
    try:
        for batch in work:
            pending.append(pool.submit(_run, batch))  # type: ignore[arg-type]
            if len(pending) >= IN_FLIGHT * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        # Stopped early (the reader went away: `| head -1`; a worker died; Ctrl-C): stop
        # the workers rather than wait for the batches they are on. The executor keeps its
        # processes private; terminating them is the only way. A worker killed under us
        # raises BrokenProcessPool from result() at once.
        if not finished:
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        # Waiting is quick once the workers are gone, and not waiting races the executor's
        # own exit handler (CPython 3.11 then prints an OSError as the process ends).
        pool.shutdown(wait=True, cancel_futures=True)


def map_chunks(
    recs: Sequence[Recommendation], matcher: Matcher, render: Render[T], jobs: int = 1
) -> Iterator[list[T]]:
    """`map_batches` over ``recs`` in chunks of CHUNK."""
    return map_batches(batches(recs, CHUNK), matcher, render, jobs)
