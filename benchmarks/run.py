"""Benchmark scrmap end to end, against spaCy and the naive approach, and its targets.

For each corpus size it generates (once, cached in benchmarks/.data/) a CSV of
synthetic recommendations, runs the installed ``scrmap map FILE --format jsonl``
as a user would, and measures wall time, throughput, CPU time and peak memory. On
the same file, in the same run, one after the other, it times spaCy's PhraseMatcher
over the same cues and the naive approach (rapidfuzz scoring every recommendation
against every cue), each in its own process (benchmarks/compare.py). It also times
``scrmap --help``, ``scrmap map "one sentence"`` and ``scrmap check
data/recommendations`` over repeated runs, and prints each target as met or not.

Memory is the peak of the summed proportional set size (PSS) of scrmap and its
worker processes, sampled every 10 ms from /proc: PSS shares pages that forked
workers have in common between them, so they are not counted twice. Where /proc
is missing, the largest single process's peak RSS is reported instead.

Usage (from the project root, after installing): python benchmarks/run.py
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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

SIZES = (10_000, 100_000, 1_000_000)
APPROACHES = ("scrmap", "spacy", "naive")

TARGET_SIZE = 100_000
TARGET_SECONDS = 4.0
TARGET_CPU = 7.0
TARGET_LARGE = 1_000_000
TARGET_LARGE_SECONDS = 40.0
TARGET_MB = 200.0
FLAT = 1.10
"""Memory at the largest size within this factor of that at 100,000."""
TARGET_SPACY_RATIO = 1.5
"""scrmap end to end at most this many times spaCy's bare PhraseMatcher (CPU, 100,000)."""
STARTUP = (
    (("--help",), 0.100),
    (("map", "Agencies should share information about domestic abuse."), 0.200),
    (("check", "data/recommendations"), 0.250),
)
"""Start-up commands and their targets (median wall seconds)."""


@dataclass
class Run:
    """One measured run of one command."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int


@dataclass
class SizeResult:
    """Each approach on one corpus."""

    size: int
    runs: dict[str, Run] = field(default_factory=dict)
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


def measure(
    command: list[str], stdout: Path | None = None, extra_env: dict[str, str] | None = None
) -> Run:
    """Run ``command`` (with ``extra_env`` set); wall time, CPU time of it and its children,
    peak memory."""
    peak = 0
    done = threading.Event()
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed below, after the child exits)
    began = time.perf_counter()
    # A corpus of a million is about 250 MB of CSV, over the default input file limit.
    env = {**os.environ, "SCRMAP_MAX_FILE_MB": "2000", **(extra_env or {})}
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


def compare_command(approach: str, corpus: Path, out: Path) -> list[str]:
    """benchmarks/compare.py running ``approach`` in its own process."""
    return [sys.executable, str(HERE / "compare.py"), approach, str(corpus), str(out)]


def have_spacy() -> bool:
    """Whether spaCy is installed (the optional ``bench`` extra)."""
    found = subprocess.run([sys.executable, "-c", "import spacy"], capture_output=True)
    return found.returncode == 0


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


def bench_size(size: int, naive_up_to: int, jobs: int | None, spacy: bool) -> SizeResult:
    """Map one corpus with scrmap, then spaCy's PhraseMatcher, then (if small enough) the
    naive way: one after the other, so that the machine's load falls on all alike."""
    corpus = corpus_file(size)
    command = [*scrmap_command(), "map", str(corpus), "--format", "jsonl"]
    if jobs:
        command += ["--jobs", str(jobs)]
    result = SizeResult(size)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        print(f"scrmap map: {size:,} recommendations", file=sys.stderr)
        result.runs["scrmap"] = measure(command, out)
        with out.open("rb") as handle:
            lines = sum(1 for _ in handle)
        if lines != size:
            result.notes.append(f"expected {size} output lines, got {lines}")
        if spacy:
            print(f"spaCy PhraseMatcher: {size:,} recommendations", file=sys.stderr)
            result.runs["spacy"] = measure(compare_command("spacy", corpus, out))
        else:
            result.notes.append("spaCy not installed (pip install -e '.[bench]'): not run")
        if size <= naive_up_to:
            print(f"naive rapidfuzz: {size:,} recommendations", file=sys.stderr)
            result.runs["naive"] = measure(compare_command("naive", corpus, out))
        else:
            result.notes.append(f"naive not run above --naive-up-to {naive_up_to:,}")
    return result


@dataclass
class Startup:
    """Repeated runs of one short command."""

    args: tuple[str, ...]
    target: float
    runs: list[Run]
    source: str = ""
    """The source tree imported instead of the installed scrmap (--compare), if any."""

    @property
    def walls(self) -> list[float]:
        """Wall times, in seconds."""
        return [r.wall for r in self.runs]


def startup(
    args: tuple[str, ...], target: float, runs: int, other: Path | None = None
) -> list[Startup]:
    """``scrmap ARGS`` ``runs`` times, after one warm-up run (which fills the framework
    cache, as any earlier run of scrmap would have). With ``other`` (another checkout's
    ``src``), the same command importing that scrmap instead (through PYTHONPATH), the two
    alternating in one loop, so that a change is compared under the same load."""
    command = [*scrmap_command(), *args]
    # The other scrmap reads its own framework file: this checkout's may hold keys it
    # does not know.
    sources: dict[str, dict[str, str]] = {"": {}}
    if other is not None:
        sources[str(other)] = {
            "PYTHONPATH": str(other),
            "SCRMAP_FRAMEWORK": str(other / "scrmap" / "framework.yaml"),
        }
    timed: dict[str, list[Run]] = {source: [] for source in sources}
    for env in sources.values():
        measure(command, extra_env=env)
    for _ in range(runs):
        for source, env in sources.items():
            timed[source].append(measure(command, extra_env=env))
    return [Startup(args, target, timed[source], source) for source in sources]


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


def _met(ok: bool) -> str:
    return "yes" if ok else "NO"


def report(
    info: dict[str, object], sizes: list[SizeResult], starts: list[Startup]
) -> tuple[str, bool]:
    """The figures as Markdown, and whether every target was met."""
    lines = ["Machine: " + ", ".join(f"{k} {v}" for k, v in info.items())]
    if sizes:
        lines += [
            "",
            "| recommendations | approach | wall (s) | CPU (s) | peak memory (MB) | per second "
            "(wall) | µs each (CPU) |",
            "|---:|---|---:|---:|---:|---:|---:|",
        ]
    for r in sizes:
        for name in APPROACHES:
            if name in r.runs:
                run = r.runs[name]
                lines.append(
                    f"| {r.size:,} | {name} | {run.wall:.2f} | {run.cpu:.2f} | {run.peak_mb:.0f} "
                    f"| {r.size / run.wall:,.0f} | {1e6 * run.cpu / r.size:.0f} |"
                )
        lines += [f"  - {note}" for note in r.notes]
    lines += [
        "",
        "| start-up | median wall (ms) | range (ms) | median CPU (ms) | runs |",
        "|---|---:|---:|---:|---:|",
    ]
    for s in starts:
        walls = s.walls
        source = f" (`{s.source}`)" if s.source else ""
        lines.append(
            f"| `scrmap {' '.join(s.args)}`{source} | {statistics.median(walls) * 1000:.0f} "
            f"| {min(walls) * 1000:.0f}–{max(walls) * 1000:.0f} "
            f"| {statistics.median(r.cpu for r in s.runs) * 1000:.0f} | {len(walls)} |"
        )
    by_size = {r.size: r.runs for r in sizes}
    checks: list[tuple[str, bool, str]] = []
    target = by_size.get(TARGET_SIZE, {}).get("scrmap")
    if target:
        checks += [
            (
                f"{TARGET_SIZE:,} in ≤ {TARGET_SECONDS:.0f} s wall",
                target.wall <= TARGET_SECONDS,
                f"{target.wall:.2f} s",
            ),
            (
                f"{TARGET_SIZE:,} in ≤ {TARGET_CPU:.0f} s CPU",
                target.cpu <= TARGET_CPU,
                f"{target.cpu:.2f} s",
            ),
        ]
        spacy = by_size[TARGET_SIZE].get("spacy")
        if spacy:
            ratio = target.cpu / spacy.cpu
            checks.append(
                (
                    f"≤ {TARGET_SPACY_RATIO}× spaCy's PhraseMatcher (CPU, {TARGET_SIZE:,})",
                    ratio <= TARGET_SPACY_RATIO,
                    f"{ratio:.1f}× (wall {target.wall / spacy.wall:.1f}×)",
                )
            )
    large = by_size.get(TARGET_LARGE, {}).get("scrmap")
    if large:
        checks.append(
            (
                f"{TARGET_LARGE:,} in ≤ {TARGET_LARGE_SECONDS:.0f} s wall",
                large.wall <= TARGET_LARGE_SECONDS,
                f"{large.wall:.2f} s",
            )
        )
        if target:
            growth = large.peak_mb / target.peak_mb
            checks.append(
                (
                    f"memory flat: peak at {TARGET_LARGE:,} within {FLAT - 1:.0%} "
                    f"of {TARGET_SIZE:,}",
                    growth <= FLAT,
                    f"{large.peak_mb:.0f} MB vs {target.peak_mb:.0f} MB ({growth:.2f}×)",
                )
            )
    peaks = [r.runs["scrmap"].peak_mb for r in sizes if "scrmap" in r.runs]
    if peaks:
        checks.append(
            (
                f"peak memory ≤ {TARGET_MB:.0f} MB at every size",
                max(peaks) <= TARGET_MB,
                f"at most {max(peaks):.0f} MB",
            )
        )
    for s in (s for s in starts if not s.source):
        median = statistics.median(s.walls)
        checks.append(
            (
                f"`scrmap {' '.join(s.args)}` ≤ {s.target * 1000:.0f} ms (median)",
                median <= s.target,
                f"{median * 1000:.0f} ms",
            )
        )
    lines += ["", "| target | met | measured |", "|---|---|---|"]
    lines += [f"| {name} | {_met(ok)} | {value} |" for name, ok, value in checks]
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
    parser.add_argument("--runs", type=int, default=10, help="runs of each start-up command")
    parser.add_argument(
        "--startup-only", action="store_true", help="time the start-up commands only"
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="SRC",
        help="also time the start-up commands importing the scrmap in SRC (another "
        "checkout's src directory), alternating with this one",
    )
    parser.add_argument("--jobs", type=int, help="passed to scrmap map --jobs")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    if args.compare is not None and not (args.compare / "scrmap" / "__init__.py").is_file():
        parser.error(f"--compare {args.compare}: no scrmap package there (give a checkout's src)")
    sizes = [] if args.startup_only else [1_000, 10_000] if args.quick else sorted(args.sizes)
    info = machine()
    starts = [s for a, target in STARTUP for s in startup(a, target, args.runs, args.compare)]
    spacy = bool(sizes) and have_spacy()
    results = [bench_size(size, args.naive_up_to, args.jobs, spacy) for size in sizes]
    text, met = report(info, results, starts)
    sys.stdout.write(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "sizes": [asdict(r) for r in results],
                    "startup": [asdict(s) for s in starts],
                },
                indent=2,
            )
            + "\n"
        )
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
