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
from scrmap import matcher as matcher_module
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


def _line(rec: Recommendation, matcher: Matcher, explain: bool = True) -> bytes:
    record = records.recommendation_record(rec, matcher.match(rec.text), None, explain)
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _mapped(runner: CliRunner, *args: str, explain: bool = True) -> bytes:
    result = runner.invoke(app, ["map", *args, "-f", "jsonl", *(["--explain"] if explain else [])])
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


def _reference(path: Path, matcher: Matcher, explain: bool = True) -> bytes:
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
            out.append(_line(rec, matcher, explain))
    return b"".join(out)


@pytest.mark.parametrize(
    ("jobs", "explain"), [("1", True), ("2", True), ("2", False)], ids=["1", "2", "2-assigned"]
)
def test_generated_corpus(
    runner: CliRunner, corpus: Path, norfolk: fw.Framework, jobs: str, explain: bool
) -> None:
    expected = _reference(corpus, Matcher(norfolk), explain)
    assert expected.count(b"\n") == parallel.CHUNK * 2 + 123
    assert _mapped(runner, str(corpus), "--jobs", jobs, explain=explain) == expected


def test_bundled_library(runner: CliRunner, norfolk: fw.Framework) -> None:
    library = str(ROOT / "data" / "recommendations")
    matcher = Matcher(norfolk)
    expected = b"".join(_line(r, matcher) for r in load_arguments([library], str).recommendations)
    assert _mapped(runner, library) == expected
    assert _mapped(runner, library, "--jobs", "2") == expected


OPENINGS = [
    *NEGATIONS,
    "Recommendation 3: ",
    "R12. ",
    "2) ",
    "Health visitors should not ",
    "The GP and school nurses must ",
    "No concerns about neglect were recorded; ",
    "\u201cQuoted\u201d \u2013 ",
]
CLOSINGS = [
    "",
    " This was not a feature.",
    " Domestic abuse was excluded.",
    " \u2013 police officers",
    " but no indication of substance misuse",
    " (free from coercive control)",
    " ﬁle",  # NFKC changes its length: offsets then index the text as given
]


def _varied(norfolk: fw.Framework, count: int) -> list[str]:
    """Generated recommendations (with their typing mistakes) behind openings that negate,
    label or name who acts, before closings that negate; some carry an exclusion phrase."""
    rng = random.Random(151)
    excluded = [p for item in (*norfolk.standards, *norfolk.themes) for p in item.exclude]
    texts = []
    for _, _, text in generate.recommendations(count, seed=151):
        middle = f" {rng.choice(excluded)} " if excluded and rng.random() < 0.2 else " "
        texts.append(f"{rng.choice(OPENINGS)}{text}{middle}{rng.choice(CLOSINGS)}")
    return texts


@pytest.mark.parametrize("learned", [True, False], ids=["learned", "cues-only"])
def test_a_chunk_matches_as_one_text_at_a_time(
    norfolk: fw.Framework, learned: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``match_many`` (what a worker runs) gives ``match``'s results, the reference; a
    matcher's word cache filled or emptied between chunks changes nothing."""
    monkeypatch.setattr(matcher_module, "WORD_CACHE_SIZE", 700)  # starts over many times
    framework = norfolk if learned else fw.without_learned(norfolk)
    assert (framework.learned is not None) == learned
    texts = _varied(norfolk, 1_500)
    one = Matcher(framework)
    expected = [one.match(text) for text in texts]
    chunked = Matcher(framework)
    got = [
        r
        for start in range(0, len(texts), 400)
        for r in chunked.match_many(texts[start : start + 400])
    ]
    assert got == expected
    assert any(r.fits is not None for r in got) == learned
    assert any(not r.mapped for r in got) and any(r.mapped for r in got)


@pytest.mark.parametrize("learned", [True, False], ids=["learned", "cues-only"])
def test_without_near_misses_a_chunk_keeps_what_is_assigned(
    norfolk: fw.Framework, learned: bool
) -> None:
    """``match_many(..., near_misses=False)`` (`map` without --explain) gives what is
    assigned the reference's score and evidence, and every match it keeps the reference's
    score, so every record without near misses is the same."""
    framework = norfolk if learned else fw.without_learned(norfolk)
    texts = _varied(norfolk, 1_000)
    matcher = Matcher(framework)
    expected = [matcher.match(text) for text in texts]
    got = list(Matcher(framework).match_many(texts, near_misses=False))
    for text, full, kept in zip(texts, expected, got, strict=True):
        for kind in ("standards", "themes", "quadrants"):
            assert kept.assigned(kind) == full.assigned(kind)
        for kind in ("standards", "themes"):  # a quadrant under the threshold may score less
            scores = {m.id: m.score for m in getattr(full, kind)}
            assert all(scores[m.id] == m.score for m in getattr(kept, kind))
        assert (kept.fits, kept.outside, kept.fitting, kept.withheld) == (
            full.fits,
            full.outside,
            full.fitting,
            full.withheld,
        )
        rec = Recommendation("R1", text, Source("x.csv", 2))
        assert records.recommendation_record(rec, kept) == records.recommendation_record(rec, full)
    assert sum(len(r.near_misses("standards")) for r in expected) > len(texts)
    if learned:  # the near misses are what is saved
        assert (
            sum(len(r.near_misses("standards")) for r in got)
            < sum(len(r.near_misses("standards")) for r in expected) / 2
        )


@pytest.mark.parametrize("learned", [True, False], ids=["learned", "cues-only"])
def test_evidence_is_made_for_what_is_shown(norfolk: fw.Framework, learned: bool) -> None:
    """Evidence is made only where it can be shown: with near misses, every standard and
    theme scored carries its own (a score of 0 included); without them, none under the
    threshold does, and every match over it carries what the reference shows."""
    framework = norfolk if learned else fw.without_learned(norfolk)
    texts = _varied(norfolk, 600)
    reference = Matcher(framework)
    quick = Matcher(framework).match_many(texts, near_misses=False)
    under = 0
    for text, got in zip(texts, quick, strict=True):
        full = reference.match(text)
        for kind in ("standards", "themes"):
            assert all(m.evidence for m in getattr(full, kind))
            shown = {m.id: m for m in getattr(full, kind)}
            for m in getattr(got, kind):
                if m.score >= got.threshold:
                    assert m == shown[m.id]
                else:
                    assert m.evidence == ()
                    under += 1
    assert under > len(texts) / 10  # the texts do score under the threshold
