"""The streamed, parallel `map` gives what mapping each recommendation in memory gave.

The reference is the straightforward path `map` took before it streamed: every
recommendation read into memory, matched in this process, and encoded with the
standard library's json. The path under test reads CSV in batches, maps in worker
processes and encodes with orjson. They must agree byte for byte, on the bundled case
library and on generated text with typing mistakes and negations.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import framework as fw
from scrmap import parallel, records
from scrmap.cli import app
from scrmap.matcher import Matcher
from scrmap.recommendation import Recommendation, Source
from scrmap.sources import load_arguments

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
assert _spec and _spec.loader
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

NEGATIONS = [
    "There was no evidence of domestic abuse. ",
    "Neglect was ruled out, but ",
    "Although substance misuse was not a factor, ",
    "",
]


def _line(rec: Recommendation, matcher: Matcher) -> bytes:
    record = records.recommendation_record(rec, matcher.match(rec.text), None, True)
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _mapped(runner: CliRunner, *args: str) -> bytes:
    result = runner.invoke(app, ["map", *args, "-f", "jsonl", "--explain"])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated recommendations (3% of long words mistyped), a quarter opened with a
    negation, and characters outside ASCII; enough for several batches."""
    rng = random.Random(15)
    path = tmp_path_factory.mktemp("corpus") / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "case", "text", "owner"])
        count = parallel.CHUNK * 2 + 123
        for rec_id, case, text in generate.recommendations(count, seed=15):
            opening = rng.choice(NEGATIONS)
            writer.writerow(
                [rec_id, case, f"{opening}{text} \u2013 \u201cquoted\u201d", rng.choice(["", "LA"])]
            )
    return path


def _reference(path: Path, matcher: Matcher) -> bytes:
    out = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            rec = Recommendation(
                row["id"],
                " ".join(row["text"].split()),
                Source(str(path), reader.line_num),
                case=row["case"],
                owner=row["owner"] or None,
            )
            out.append(_line(rec, matcher))
    return b"".join(out)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_generated_corpus(
    runner: CliRunner, corpus: Path, norfolk: fw.Framework, jobs: str
) -> None:
    expected = _reference(corpus, Matcher(norfolk))
    assert expected.count(b"\n") == parallel.CHUNK * 2 + 123
    assert _mapped(runner, str(corpus), "--jobs", jobs) == expected


def test_bundled_library(runner: CliRunner, norfolk: fw.Framework) -> None:
    library = str(ROOT / "data" / "recommendations")
    matcher = Matcher(norfolk)
    expected = b"".join(_line(r, matcher) for r in load_arguments([library], str).recommendations)
    assert _mapped(runner, library) == expected
    assert _mapped(runner, library, "--jobs", "2") == expected
