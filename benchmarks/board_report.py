"""Benchmark `scrmap report` on a large library with an action plan: the Board paper.

Generates (with generate.py's recommendations) a library of N items with the columns an
action plan has: a case with its publication date, an owner, a due date and a status
in the words action plans use, some missing. Then it times the installed
``scrmap report FILE -o report.html`` (and .xlsx, and .pdf when the pdf extra is
installed) as a user would, wall time and CPU time, and prints the target (10,000 items
in 10 s, the HTML report) as met or not.

Usage (from the project root, after installing): python benchmarks/board_report.py [N]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import recommendations  # noqa: E402

TARGET_SIZE = 10_000
TARGET_SECONDS = 10.0
STATUSES = [
    "Complete",
    "completed",
    "On track",
    "in progress",
    "Green",
    "Amber",
    "partly met",
    "Red",
    "not met",
    "Not started",
    "overdue",
    "with the working group",
    "",
    "",
]
OWNERS = ["Police", "Children's Services", "Health", "Education", "Probation", ""]


def write_library(count: int, out: Path, seed: int = 2026) -> None:
    """``count`` recommendations with an action plan, as CSV."""
    rng = random.Random(seed)
    published: dict[str, str] = {}
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "case", "published", "owner", "due", "status", "text"])
        for rid, case, text in recommendations(count, seed):
            year = int(case.rsplit(", ", 1)[-1].rstrip(")"))
            published.setdefault(case, f"{year}-{rng.randint(1, 12):02d}-15")
            due = f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                [
                    rid,
                    case,
                    published[case],
                    rng.choice(OWNERS),
                    due if rng.random() < 0.9 else "ongoing",
                    rng.choice(STATUSES),
                    text,
                ]
            )


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user and system, workers included) of one run of
    ``command``: on a shared machine the CPU time says what the wall time cannot."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main() -> None:
    """Generate, time each report format, and say whether the target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=TARGET_SIZE)
    args = parser.parse_args()
    scrmap = str(Path(sys.executable).parent / "scrmap")
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library.csv"
        write_library(args.count, library)
        endings = ["html", "xlsx"]
        try:
            import weasyprint  # noqa: F401
        except (ImportError, OSError):
            print("pdf: the pdf extra is not installed, not timed")
        else:
            endings.append("pdf")
        met = True
        for ending in endings:
            out = Path(tmp) / f"report.{ending}"
            command = [scrmap, "report", str(library), "-o", str(out), "--as-of", "2026-11-23"]
            seconds, cpu = timed(command)
            size = out.stat().st_size / 1e6
            line = (
                f"{args.count:,} items -> {ending}: {seconds:.1f} s "
                f"({cpu:.1f} s CPU), {size:.1f} MB"
            )
            if ending == "html" and args.count == TARGET_SIZE:
                ok = seconds <= TARGET_SECONDS
                met &= ok
                line += f"  [{'met' if ok else 'NOT MET'}: ≤ {TARGET_SECONDS:.0f} s]"
            print(line)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
