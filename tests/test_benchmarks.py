"""The benchmark corpus generator: deterministic, the size asked for, realistic enough."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA

from scrmap.sources import load_file

from .conftest import ROOT, benchmark_script

_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
assert _spec and _spec.loader
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


def test_same_seed_same_corpus() -> None:
    assert list(generate.recommendations(50, seed=7)) == list(generate.recommendations(50, seed=7))
    assert list(generate.recommendations(50, seed=7)) != list(generate.recommendations(50, seed=8))


def test_corpus_loads_with_the_size_cases_and_vocabulary_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    generate.write_csv(5000, path)
    recs, problems = load_file(path)
    assert problems == []
    assert [r.id for r in recs] == [f"R{i}" for i in range(1, 5001)]
    assert len({r.case for r in recs}) == -(-5000 // 47)  # a new case every 47
    words = {w.lower() for r in recs for w in re.findall(r"[A-Za-z]+", r.text)}
    assert len(words) > 2000


def test_typos_touch_about_the_rate_asked_and_nothing_else() -> None:
    clean = [t for _, _, t in generate.recommendations(3000, typo_rate=0.0)]
    typed = [t for _, _, t in generate.recommendations(3000, typo_rate=0.03)]
    eligible = changed = 0
    for a, b in zip(clean, typed, strict=True):
        for word, seen in zip(a.split(" "), b.split(" "), strict=True):
            if word != seen:
                assert generate.eligible(word)
                assert OSA.distance(word, seen) == 1
            eligible += generate.eligible(word)
            changed += word != seen
    assert 0.02 < changed / eligible < 0.04


def test_a_typo_is_one_edit_and_keeps_the_first_letter() -> None:
    rng = random.Random(1)
    for word in ("safeguarding", "assessment", "fathers", "referral"):
        for _ in range(100):
            changed = generate.typo(word, rng)
            assert changed != word
            assert changed[0] == word[0]
            assert OSA.distance(word, changed) == 1


def test_a_startup_only_report_has_no_corpus_table_and_judges_this_checkout_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec and spec.loader
    run = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_run", run)  # its dataclasses look themselves up
    monkeypatch.setattr(sys, "path", [*sys.path])  # it puts benchmarks/ first, to find generate
    spec.loader.exec_module(run)
    quick, slow = run.Run(0.05, 0.04, 30.0, 0), run.Run(0.5, 0.4, 30.0, 0)
    starts = [
        run.Startup(("--help",), 0.1, [quick] * 3),
        run.Startup(("--help",), 0.1, [slow] * 3, "/elsewhere/src"),
    ]
    text, met = run.report({"cores": 2}, [], starts)
    assert "| recommendations |" not in text
    assert "| `scrmap --help` | 50 | 50\u201350 | 40 | 3 |" in text
    assert "| `scrmap --help` (`/elsewhere/src`) | 500 | 500\u2013500 | 400 | 3 |" in text
    assert met  # the other checkout's slower figures are shown, not judged


def _typos_script(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setitem(sys.modules, "generate", generate)  # what the script imports
    spec = importlib.util.spec_from_file_location("bench_typos", ROOT / "benchmarks" / "typos.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_typo_measure_reads_words_of_prose_not_acronyms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typos = _typos_script(monkeypatch)
    found = typos.words_of("The MASH and Children's Services: safeguarding, parseArgs, chronology.")
    assert found == {"children", "services", "safeguarding", "chronology"}


def test_the_typo_measure_says_what_it_needs_without_shared(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typos = _typos_script(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["typos.py", "--shared", str(tmp_path)])
    assert typos.main() == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_the_typo_measure_counts_on_the_shared_prose(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = ROOT.parent / "shared"
    if not (shared / "corpus" / "train.yaml").is_file():
        pytest.skip("../shared is not beside the project")
    typos = _typos_script(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["typos.py", "--shared", str(shared)])
    assert typos.main() == 0
    out = capsys.readouterr().out
    counts = re.search(r"typos: (\d+) of ([\d,]+)", out)
    assert counts is not None
    taken, real = (int(n.replace(",", "")) for n in counts.group(1, 2))
    assert real > 1000 and taken < real / 100
    assert "as another word 0," in out
    # A slip that by the matcher's rules is one of the word read, not of its own, apart.
    assert re.search(r"as another word it is rather a slip of \d+, missed", out)


@pytest.mark.parametrize("name", ["smart", "repeat_pairs"])
def test_the_accuracy_measures_say_what_they_need_without_shared(
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A clone has no ``../shared``: each script names the file it needs and exits 2, with
    no traceback."""
    script = benchmark_script(name)
    monkeypatch.setattr(sys, "argv", [f"{name}.py", "--shared", str(tmp_path)])
    assert script.main() == 2
    assert str(tmp_path / "corpus" / "train.yaml") in capsys.readouterr().err
