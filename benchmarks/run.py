"""Benchmark scrmap end to end, against the naive approach, and against its targets.

For each corpus size it generates (once, cached in benchmarks/.data/) a CSV of
synthetic recommendations, runs the installed ``scrmap map FILE --format jsonl``
as a user would, and measures wall time, throughput, CPU time and peak memory. On
the same file, in the same run, it times the naive approach: rapidfuzz scoring
every recommendation against every cue. It also times ``scrmap --help`` and
``scrmap check data/recommendations``, and prints each target as met or not.

Memory is the peak of the summed proportional set size (PSS) of scrmap and its
worker processes, sampled every 10 ms from /proc: PSS shares pages that forked
workers have in common between them, so they are not counted twice. Where /proc
is missing, the largest single process's peak RSS is reported instead.

Usage (from the project root, after installing): python benchmarks/run.py
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
sys.path.insert(0, str(HERE))

from generate import write_csv  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000)
NAIVE_CUTOFF = 80
"""The naive approach keeps cues scoring at least this (partial_ratio, 0 to 100)."""

TARGET_SIZE = 100_000
TARGET_SECONDS = 5.0
TARGET_MB = 400.0
TARGET_RATIO = 20.0
TARGET_HELP = 0.150
TARGET_CHECK = 0.400
LINEAR_TOLERANCE = 1.5
"""Linear growth: time per recommendation at the largest size within this factor of 10k's."""


@dataclass
class Run:
    """One measured run of one command."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int


@dataclass
class SizeResult:
    """scrmap and the naive approach on one corpus."""

    size: int
    scrmap: Run
    lines: int
    naive: Run | None = None
    notes: list[str] = field(default_factory=list)


def scrmap_command() -> list[str]:
    """The installed console script beside this Python, else ``scrmap`` on the PATH."""
    beside = Path(sys.executable).with_name("scrmap")
    found = str(beside) if beside.exists() else shutil.which("scrmap")
    if not found:
        sys.exit("benchmarks/run.py: scrmap is not installed (pip install -e .)")
    return [found]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    kids = [int(k) for k in text.split()]
    return kids + [grandchild for kid in kids for grandchild in _children(kid)]


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(command: list[str], stdout: Path | None = None) -> Run:
    """Run ``command``; wall time, CPU time of it and its children, peak memory."""
    peak = 0
    done = threading.Event()
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed below, after the child exits)
    began = time.perf_counter()
    # A corpus of a million is about 250 MB of CSV, over the default input file limit.
    env = {**os.environ, "SCRMAP_MAX_FILE_MB": "2000"}
    process = subprocess.Popen(command, stdout=out, stderr=errors, cwd=ROOT, env=env)
    have_proc = Path(f"/proc/{process.pid}/smaps_rollup").exists()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.01):
            pids = [process.pid, *_children(process.pid)]
            peak = max(peak, sum(_pss_kb(pid) for pid in pids))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    stderr = errors.read().decode(errors="replace")
    errors.close()
    if stdout:
        out.close()  # type: ignore[union-attr]
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {process.returncode}:\n{stderr}")
    if not have_proc or peak == 0:
        peak = usage.ru_maxrss  # kB on Linux: the largest single process
    return Run(wall, usage.ru_utime + usage.ru_stime, peak / 1024, process.returncode)


def naive(corpus: Path, out: Path) -> Run:
    """The naive approach, in this process: every recommendation against every cue with
    rapidfuzz's partial_ratio (C code), keeping cues over NAIVE_CUTOFF, one JSON line each."""
    from rapidfuzz import fuzz, process

    from scrmap import framework as fw

    began_cpu = time.process_time()
    began = time.perf_counter()
    framework = fw.load(fw.resolve_path(None))
    cues = [
        (item.id, cue.cue)
        for items in (framework.standards, framework.themes)
        for item in items
        for cue in item.cues
    ]
    choices = [c for _, c in cues]
    with corpus.open(newline="", encoding="utf-8") as source, out.open("w") as sink:
        for row in csv.DictReader(source):
            found = process.extract(
                row["text"],
                choices,
                scorer=fuzz.partial_ratio,
                score_cutoff=NAIVE_CUTOFF,
                limit=None,
            )
            ids = sorted({cues[index][0] for _, _, index in found})
            sink.write(json.dumps({"id": row["id"], "matches": ids}) + "\n")
    wall = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Run(wall, time.process_time() - began_cpu, peak, 0)


def corpus_file(size: int) -> Path:
    """The cached corpus of ``size`` recommendations, generated on first use."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"corpus-{size}.csv"
    if not path.exists():
        print(f"generating {size:,} recommendations -> {path.relative_to(ROOT)}", file=sys.stderr)
        partial = path.with_suffix(".part")
        write_csv(size, partial)
        partial.rename(path)
    return path


def bench_size(size: int, naive_up_to: int, jobs: int | None) -> SizeResult:
    """Map one corpus with scrmap, then (if small enough) the naive way."""
    corpus = corpus_file(size)
    command = [*scrmap_command(), "map", str(corpus), "--format", "jsonl"]
    if jobs:
        command += ["--jobs", str(jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        print(f"scrmap map: {size:,} recommendations", file=sys.stderr)
        run = measure(command, out)
        with out.open("rb") as handle:
            lines = sum(1 for _ in handle)
        result = SizeResult(size, run, lines)
        if lines != size:
            result.notes.append(f"expected {size} output lines, got {lines}")
        if size <= naive_up_to:
            print(f"naive rapidfuzz: {size:,} recommendations", file=sys.stderr)
            result.naive = naive(corpus, Path(tmp) / "naive.jsonl")
        else:
            result.notes.append(f"naive not run above --naive-up-to {naive_up_to:,}")
    return result


def startup(args: list[str], runs: int) -> list[float]:
    """Wall times of ``scrmap ARGS`` over ``runs`` runs (after one warm-up run)."""
    command = [*scrmap_command(), *args]
    measure(command)
    return [measure(command).wall for _ in range(runs)]


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    version = subprocess.run(
        [*scrmap_command(), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "scrmap": version,
    }


def report(
    info: dict[str, object],
    sizes: list[SizeResult],
    help_times: list[float],
    check_times: list[float],
) -> tuple[str, bool]:
    """The figures as Markdown, and whether every target was met."""
    lines = [
        "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        "",
        "| recommendations | scrmap wall (s) | per second | µs each | CPU (s) | peak memory (MB) "
        "| naive wall (s) | naive CPU (s) | naive ÷ scrmap (wall) | (CPU) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in sizes:
        s, n = r.scrmap, r.naive
        naive_cells = (
            [f"{n.wall:.2f}", f"{n.cpu:.2f}", f"{n.wall / s.wall:.1f}×", f"{n.cpu / s.cpu:.1f}×"]
            if n
            else ["not run"] * 4
        )
        lines.append(
            f"| {r.size:,} | {s.wall:.2f} | {r.size / s.wall:,.0f} | {1e6 * s.wall / r.size:.0f} "
            f"| {s.cpu:.2f} | {s.peak_mb:.0f} | " + " | ".join(naive_cells) + " |"
        )
        lines += [f"  - {note}" for note in r.notes]
    by_size = {r.size: r for r in sizes}
    checks: list[tuple[str, bool | None, str]] = []
    target = by_size.get(TARGET_SIZE)
    if target:
        checks.append(
            (
                f"{TARGET_SIZE:,} in ≤ {TARGET_SECONDS:.0f} s",
                target.scrmap.wall <= TARGET_SECONDS,
                f"{target.scrmap.wall:.2f} s",
            )
        )
        checks.append(
            (
                f"{TARGET_SIZE:,} in ≤ {TARGET_MB:.0f} MB",
                target.scrmap.peak_mb <= TARGET_MB,
                f"{target.scrmap.peak_mb:.0f} MB",
            )
        )
    compared = [r for r in sizes if r.naive]
    if compared:
        largest = max(compared, key=lambda r: r.size)
        assert largest.naive is not None
        ratio = largest.naive.wall / largest.scrmap.wall
        checks.append(
            (
                f"≥ {TARGET_RATIO:.0f}× faster than naive (wall, {largest.size:,})",
                ratio >= TARGET_RATIO,
                f"{ratio:.1f}×",
            )
        )
    top = max(sizes, key=lambda r: r.size)
    if 10_000 in by_size and top.size > 10_000:
        base = by_size[10_000].scrmap.wall / 10_000
        growth = (top.scrmap.wall / top.size) / base
        checks.append(
            (
                f"linear: time per recommendation at {top.size:,} ≤ "
                f"{LINEAR_TOLERANCE}× that at 10,000",
                growth <= LINEAR_TOLERANCE,
                f"{growth:.2f}×",
            )
        )
    for command, times, target in (
        ("scrmap --help", help_times, TARGET_HELP),
        ("scrmap check data/recommendations", check_times, TARGET_CHECK),
    ):
        if times:
            median = statistics.median(times)
            checks.append(
                (
                    f"{command} ≤ {target * 1000:.0f} ms (median)",
                    median <= target,
                    f"median {median * 1000:.0f} ms, range {min(times) * 1000:.0f}"
                    f"–{max(times) * 1000:.0f} ms over {len(times)} runs",
                )
            )
    lines += ["", "| target | met | measured |", "|---|---|---|"]
    lines += [f"| {name} | {'yes' if ok else 'NO'} | {value} |" for name, ok, value in checks]
    return "\n".join(lines) + "\n", all(ok for _, ok, _ in checks)


def main() -> None:
    """Run the benchmark and print Markdown; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--quick", action="store_true", help="sizes 1,000 and 10,000 only")
    parser.add_argument(
        "--naive-up-to",
        type=int,
        default=100_000,
        help="time the naive approach on corpora up to this size "
        "(it takes about a millisecond a recommendation)",
    )
    parser.add_argument("--runs", type=int, default=10, help="runs of --help and check")
    parser.add_argument("--jobs", type=int, help="passed to scrmap map --jobs")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    sizes = [1_000, 10_000] if args.quick else sorted(args.sizes)
    info = machine()
    help_times = startup(["--help"], args.runs)
    check_times = startup(["check", "data/recommendations"], args.runs)
    results = [bench_size(size, args.naive_up_to, args.jobs) for size in sizes]
    text, met = report(info, results, help_times, check_times)
    sys.stdout.write(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "sizes": [asdict(r) for r in results],
                    "help": help_times,
                    "check": check_times,
                },
                indent=2,
            )
            + "\n"
        )
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
