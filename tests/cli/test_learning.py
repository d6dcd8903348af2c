"""The loop a framework maintainer runs: map -f gold, correct, learn, evaluate; and
suggest-cues, --no-learned and --compare. On the bundled framework and on the adult one."""

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap import framework as fw
from scrmap.cli import app
from scrmap.evaluate import load_gold

from ..conftest import ROOT, invoke

ADULT = ROOT / "examples" / "adult-sar-framework.yaml"
ADULT_GOLD = ROOT / "tests" / "data" / "adult-sar-gold.yaml"
GOLD = ROOT / "tests" / "gold"


def run(runner: CliRunner, *args: str):
    return invoke(runner, list(args), env={"COLUMNS": "200"})


@pytest.fixture
def adult_copy(tmp_path: Path) -> Path:
    """The adult framework in a directory of its own, where its weights may be written."""
    target = tmp_path / "adult.yaml"
    shutil.copy(ADULT, target)
    return target


@pytest.mark.parametrize("framework", [ROOT / "framework.yaml", ADULT])
def test_map_gold_is_a_gold_file_that_evaluates_as_mapped(
    runner: CliRunner, tmp_path: Path, framework: Path
) -> None:
    texts = [i.text for i in load_gold(ADULT_GOLD, fw.load(ADULT)).items[:4]]
    result = run(runner, "map", *texts, "--framework", str(framework), "-f", "gold")
    assert result.exit_code == exitcodes.OK
    assert result.stdout.startswith("# Written by `scrmap map -f gold` against ")
    gold = tmp_path / "mapped.yaml"
    gold.write_text(result.stdout, encoding="utf-8")
    loaded = load_gold(gold, fw.load(framework))
    assert [i.text for i in loaded.items] == texts
    as_json = json.loads(
        run(runner, "evaluate", str(gold), "--framework", str(framework), "-f", "json").stdout
    )
    assert as_json["themes_overall"]["fp"] == as_json["themes_overall"]["fn"] == 0
    assert as_json["standards_overall"]["fp"] == as_json["standards_overall"]["fn"] == 0


def test_map_gold_comments_show_scores_and_evidence(runner: CliRunner) -> None:
    text = "Agencies should ensure fathers are engaged in assessments."
    result = run(runner, "map", text, "-f", "gold")
    assert "    # 1.3 " in result.stdout and "father = 'fathers'" in result.stdout
    item = yaml.safe_load(result.stdout)["items"][0]
    assert item["standards"][0] == "1.3" and item["themes"] == ["engaging-fathers"]


def test_learn_writes_weights_beside_the_framework_and_map_uses_them(
    runner: CliRunner, adult_copy: Path
) -> None:
    result = run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    assert result.exit_code == exitcodes.OK, result.output
    weights = adult_copy.with_name("adult.learned.yaml")
    assert result.stderr.startswith(f"{weights}: weights for 5 standards from 10 labelled")
    assert yaml.safe_load(weights.read_text(encoding="utf-8"))["learned_from"] == [str(ADULT_GOLD)]
    text = "Practitioners should record the views of the adult and their desired outcomes."
    learned = json.loads(
        run(runner, "map", text, "--framework", str(adult_copy), "-f", "json").stdout
    )
    plain = json.loads(
        run(
            runner, "map", text, "--framework", str(adult_copy), "--no-learned", "-f", "json"
        ).stdout
    )
    learned_cues = [
        e["cue"] for m in learned["recommendations"][0]["standards"] for e in m["evidence"]
    ]
    plain_cues = [e["cue"] for m in plain["recommendations"][0]["standards"] for e in m["evidence"]]
    assert any("(learned +" in c for c in learned_cues)
    assert not any("(learned" in c for c in plain_cues)


def test_learn_cross_validates_by_review(runner: CliRunner, adult_copy: Path) -> None:
    result = run(
        runner,
        "framework",
        "learn",
        str(ADULT_GOLD),
        "--framework",
        str(adult_copy),
        "--cross-validate",
        "3",
    )
    assert result.exit_code == exitcodes.OK
    # Its sources ("written, review A") name one review, "written": no fold has any other to
    # learn from, and its figures were called cross-validated ("3 folds of 1 review").
    assert "cross-validated by" not in result.stderr
    assert result.stderr.endswith(
        "not cross-validated: the items come from 1 review (by their source), and each fold "
        "must leave out a review that the others learn without\n"
    )
    assert adult_copy.with_name("adult.learned.yaml").is_file()


def test_learn_cross_validates_in_no_more_folds_than_reviews(
    runner: CliRunner, adult_copy: Path, tmp_path: Path
) -> None:
    """5 folds of 2 reviews were 2, three of them empty, and said 5."""
    text = ADULT_GOLD.read_text(encoding="utf-8").replace("written, review ", "review ")
    gold = tmp_path / "two.yaml"
    gold.write_text(text.replace("review C", "review A").replace("review D", "review B"))
    gold.write_text(re.sub(r"review [E-Z]", "review B", gold.read_text(encoding="utf-8")))
    args = ["framework", "learn", str(gold), "--framework", str(adult_copy)]
    result = run(runner, *args, "--cross-validate", "5")
    assert result.exit_code == exitcodes.OK
    assert "cross-validated by review (2 folds of 2 reviews): top standard " in result.stderr
    # Each share with its 95% interval: a few items say little.
    assert re.search(r"top standard \d+\.\d% \(\d+\u2013\d+%\) of \d+", result.stderr)
    one = run(runner, *args, "--cross-validate", "1")
    assert one.exit_code == exitcodes.USAGE
    assert one.stderr.endswith(
        "Invalid value for '--cross-validate': 1 fold leaves no review out to test on: give 2 "
        "or more, or 0 for none\n"
    )


def test_learn_will_not_write_into_the_installed_package(
    runner: CliRunner, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_FRAMEWORK", raising=False)
    result = run(runner, "framework", "learn", str(GOLD / "dev.yaml"))
    assert result.exit_code == exitcodes.USAGE
    assert "the bundled framework is part of the installation" in result.stderr


def test_learn_will_not_write_into_the_package_by_another_spelling_of_its_path(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--framework .../scrmap/../scrmap/framework.yaml`, or the package's folder by a link,
    was not the bundled framework to a comparison of absolute paths, and the weights were
    written into the installation over its own."""
    package = tmp_path / "site-packages" / "scrmap"
    package.mkdir(parents=True)
    shutil.copy(ROOT / "framework.yaml", package / "framework.yaml")
    monkeypatch.setattr(fw, "bundled_path", lambda: package / "framework.yaml")
    (tmp_path / "linked").symlink_to(package)
    for spelling in (
        package / ".." / "scrmap" / "framework.yaml",
        tmp_path / "linked" / "framework.yaml",
    ):
        gold = str(GOLD / "dev.yaml")
        result = run(runner, "framework", "learn", gold, "--framework", str(spelling))
        assert result.exit_code == exitcodes.USAGE, spelling
        assert "the bundled framework is part of the installation" in result.stderr
        assert not (package / "framework.learned.yaml").exists()


@pytest.mark.parametrize(
    "framework, gold, label",
    [(ROOT / "framework.yaml", GOLD / "dev.yaml", '"2.2"'), (ADULT, ADULT_GOLD, "P1")],
)
def test_suggest_cues_prints_framework_yaml_with_figures(
    runner: CliRunner, framework: Path, gold: Path, label: str
) -> None:
    result = run(runner, "framework", "suggest-cues", str(gold), "--framework", str(framework))
    assert result.exit_code == exitcodes.OK
    data = yaml.safe_load(result.stdout)
    assert data["standards"] and all(item["cues"] for item in data["standards"])
    assert f"  - id: {label}  # " in result.stdout
    assert (
        "# precision " in result.stdout and "recall " in result.stdout and "e.g. " in result.stdout
    )


def test_evaluate_several_files_per_standard_confusions_and_n_a(runner: CliRunner) -> None:
    one = json.loads(run(runner, "evaluate", str(GOLD / "dev.yaml"), "-f", "json").stdout)
    both = json.loads(
        run(
            runner, "evaluate", str(GOLD / "dev.yaml"), str(GOLD / "heldout.yaml"), "-f", "json"
        ).stdout
    )
    assert both["items"] == one["items"] + 45
    assert set(both["standards"]) == {s.id for s in fw.load(ROOT / "framework.yaml").standards}
    assert all({"labelled", "top", "times"} == set(c) for c in both["confusions"])
    table = run(runner, "evaluate", str(ADULT_GOLD), "--framework", str(ADULT)).stdout
    assert "Standards" in table and "Commonest confusions" in table
    assert "n/a" in table  # the 'transitions' theme: no items, never assigned


def test_evaluate_compare_learned_shows_both_sides(runner: CliRunner) -> None:
    result = run(
        runner, "evaluate", str(GOLD / "heldout.yaml"), "--compare", "learned", "-f", "json"
    )
    data = json.loads(result.stdout)
    assert data["labels"] == ["learned weights", "cues only"]
    assert len(data["evaluations"]) == 2
    # Item by item: the items only one side got right account for the difference in the
    # figures, and each figure sits inside its own interval.
    top = data["paired"]["top_standard"]
    right = [round(e["top_standard_accuracy"] * e["with_standard"]) for e in data["evaluations"]]
    assert top["only_first"] - top["only_second"] == right[0] - right[1]
    assert 0 < top["p"] <= 1
    for e in data["evaluations"]:
        low, high = e["top_standard_interval"]
        assert low < e["top_standard_accuracy"] <= high
        low, high = e["off_framework_unmapped_interval"]
        assert low < e["off_framework_unmapped_rate"] <= high
    table = run(
        runner,
        "evaluate",
        str(GOLD / "heldout.yaml"),
        "--compare",
        str(ADULT_GOLD.parent / "nope.yaml"),
    )
    assert table.exit_code == exitcodes.USAGE


def test_evaluate_says_n_a_for_figures_about_nothing(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "name: small\nitems:\n"
        "  - id: A3\n    source: written, review B\n"
        "    text: Staff should assess mental capacity for each specific decision.\n"
        "    standards: [P1]\n    themes: []\n",
        encoding="utf-8",
    )
    table = runner.invoke(
        app, ["evaluate", str(gold), "--framework", str(ADULT)], env={"COLUMNS": "120"}
    ).stdout
    assert re.search(r"off-framework left unmapped\s+│\s+n/a\s+│\s+0 │", table)
    assert not re.search(r"off-framework left unmapped\s+│\s+100\.0%", table)
    # P2 is assigned but labelled nowhere: its precision is 0.00, its recall about nothing.
    assert re.search(r"│ P2\s+│\s+0\.00 │\s+n/a │\s+n/a │\s+0 │\s+1 │", table)
    # P1 is labelled but never assigned: recall 0.00, precision about nothing.
    assert re.search(r"│ P1\s+│\s+n/a │\s+0\.00 │\s+0\.00 │\s+1 │\s+0 │", table)


def test_evaluate_compare_labels_its_columns_shortly(runner: CliRunner, tmp_path: Path) -> None:
    env = {"COLUMNS": "100"}
    args = ["evaluate", str(GOLD / "heldout.yaml"), "--compare", "learned"]
    table = runner.invoke(app, args, env=env).stdout
    assert re.search(r"┃ measure\s+┃\s+learned weights ┃\s+cues only ┃", table)
    assert "Items right on one side only (exact McNemar test)" in table
    assert re.search(r"│ top standard\s+│\s+\d+ │\s+\d+ │\s+(\d\.\d{3}|< 0\.001|n/a) │", table)
    assert re.search(r"│\s+\d+\.\d% \(\d+\u2013\d+%\) │", table)  # a share with its interval
    copy = tmp_path / "adult-copy.yaml"
    shutil.copy(ADULT, copy)
    args = ["evaluate", str(ADULT_GOLD), "--framework", str(ADULT), "--compare", str(copy)]
    other = runner.invoke(app, args, env=env).stdout
    assert re.search(r"┃ measure\s+┃\s+adult-sar-framework\.yaml ┃\s+adult-copy\.yaml ┃", other)


def test_a_label_the_compared_framework_lacks_names_that_framework(
    runner: CliRunner, tmp_path: Path
) -> None:
    """With --compare OTHER the labels are checked against two frameworks: the message names
    the one that lacks the label, not "this framework", which read as the one in use."""
    other = tmp_path / "other.yaml"
    other.write_text(ADULT.read_text().replace("id: W2", "id: W9"))
    args = ["evaluate", str(ADULT_GOLD), "--framework", str(ADULT), "--compare", str(other)]
    result = run(runner, *args)
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.endswith(f"unknown standard 'W2' in {other}") for line in lines)
    for command in (
        ["framework", "learn", "-o", str(tmp_path / "w.yaml")],
        ["framework", "suggest-cues"],
    ):
        result = run(runner, *command, str(ADULT_GOLD), "--framework", str(other))
        assert result.exit_code == exitcodes.USAGE
        assert result.stderr.splitlines() == lines


def test_suggest_cues_proposes_content_words_with_support() -> None:
    from scrmap.suggest import suggest

    gold = load_gold(GOLD / "dev.yaml", fw.load(ROOT / "framework.yaml"))
    candidates = suggest(fw.load(ROOT / "framework.yaml"), gold.items)
    cues = {c.cue for c in candidates}
    for function_phrase in ("do", "include", "them", "against", "than child", "result"):
        assert function_phrase not in cues
    assert all(c.hits >= 2 for c in candidates)
    assert all(c.hits >= 3 for c in candidates if c.labelled >= 3)
    assert "organisations" in cues  # content words still come through
    # ... but not a word only ever met inside a longer cue of the same label: "domestic"
    # where every item has "domestic abuse", "self" where every one has "self-neglect".
    for part_of_a_cue in ("domestic", "abuse", "early", "help", "focused"):
        assert part_of_a_cue not in cues


def test_suggest_cues_leaves_out_a_part_of_a_cue_that_finds_nothing_more() -> None:
    from scrmap.evaluate import GoldItem
    from scrmap.suggest import suggest

    adult = fw.load(ADULT)
    texts = [
        "Practitioners should use the self-neglect protocol for people in squalor.",
        "Self-neglect training should cover people who refuse help, living in squalor.",
        "The Board should audit responses to self-neglect where people live in squalor.",
    ]
    items = [GoldItem(id=str(i), text=t, themes=["self-neglect"]) for i, t in enumerate(texts)]
    cues = {c.cue for c in suggest(adult, items) if c.item == "self-neglect"}
    assert "squalor" in cues
    assert not cues & {"self", "neglect"}  # every item has the cue "self-neglect" itself
    items.append(
        GoldItem(id="n", text="Neglect of self care should be recognised.", themes=["self-neglect"])
    )
    items.append(
        GoldItem(id="m", text="Neglect by carers should be recognised.", themes=["self-neglect"])
    )
    cues = {c.cue for c in suggest(adult, items) if c.item == "self-neglect"}
    assert "neglect" in cues  # now found where the cue is not: a candidate again


def test_suggest_cues_skips_phrases_that_begin_or_end_with_function_words() -> None:
    from scrmap.evaluate import GoldItem
    from scrmap.suggest import suggest

    texts = [
        "Staff do face hoarding against them than carers.",
        "Workers do face hoarding against them than carers.",
        "Teams do face hoarding against them than carers.",
    ]
    items = [
        GoldItem(id=f"X{n}", text=t, source=f"review {n}", standards=["P1"], themes=[])
        for n, t in enumerate(texts)
    ]
    cues = {c.cue for c in suggest(fw.load(ADULT), items)}
    assert cues and all(cue.split()[0] not in {"do", "against", "them", "than"} for cue in cues)
    assert all(cue.split()[-1] not in {"do", "against", "them", "than"} for cue in cues)
    assert "hoarding" in cues


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (["map", "Police should share information."], exitcodes.USAGE),
        (["framework", "validate"], exitcodes.PROBLEMS),  # it lists what is invalid: exit 1
    ],
    ids=["map", "validate"],
)
def test_a_nan_learned_weight_is_the_files_problem_not_a_bug(
    runner: CliRunner, adult_copy: Path, command: list[str], code: int
) -> None:
    """`bias: .nan` in the weights beside the framework was an internal error, exit 3."""
    weights = adult_copy.with_name("adult.learned.yaml")
    weights.write_text("items: 3\nmapped:\n  bias: .nan\n", encoding="utf-8")
    result = run(runner, *command, "--framework", str(adult_copy))
    assert result.exit_code == code
    assert result.stderr == f"{weights}:3:9: mapped.bias: must be a finite number\n"


def _line_of_1_1(weights: Path) -> int:
    """Where Norfolk's weights begin those of standard 1.1 (the first the adult one lacks)."""
    return weights.read_text(encoding="utf-8").splitlines().index("  '1.1':") + 1


@pytest.fixture
def stale_weights(adult_copy: Path) -> Path:
    """Weights left beside the adult framework from another framework (Norfolk's)."""
    weights = adult_copy.with_name("adult.learned.yaml")
    shutil.copy(ROOT / "framework.learned.yaml", weights)
    return weights


def test_weights_of_another_framework_are_refused_with_the_way_out(
    runner: CliRunner, adult_copy: Path, stale_weights: Path
) -> None:
    result = run(runner, "map", "Share information.", "--framework", str(adult_copy))
    assert result.exit_code == exitcodes.USAGE
    first = result.stderr.splitlines()[0]
    assert first == (
        f"{stale_weights}:{_line_of_1_1(stale_weights)}:3: standards: unknown standard '1.1' "
        "in this framework; learn "
        "the weights again for this framework, or map with --no-learned"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["map", "Agencies should share information at the multi-agency meeting."],
        ["coverage", "Agencies should share information at the multi-agency meeting."],
        ["check", "Agencies should share information at the multi-agency meeting."],
        ["evaluate", str(ADULT_GOLD)],
    ],
    ids=lambda c: c[0],
)
def test_no_learned_does_not_read_the_weights(
    runner: CliRunner, adult_copy: Path, stale_weights: Path, command: list[str]
) -> None:
    """The weights' header says to map with --no-learned: weights left from another framework
    stopped every command, --no-learned or not."""
    result = run(runner, *command, "--framework", str(adult_copy), "--no-learned")
    assert result.exit_code in (exitcodes.OK, exitcodes.PROBLEMS), result.stderr
    assert str(stale_weights) not in result.stderr


@pytest.mark.parametrize(
    "command",
    [["framework", "learn", str(ADULT_GOLD)], ["framework", "show"]],
    ids=["learn", "show"],
)
def test_commands_that_use_no_weights_do_not_read_them(
    runner: CliRunner, adult_copy: Path, stale_weights: Path, command: list[str]
) -> None:
    """Learning again is what the message about stale weights says to do, and it was
    refused because of them."""
    result = run(runner, *command, "--framework", str(adult_copy))
    assert result.exit_code == exitcodes.OK, result.stderr
    if command[1] == "learn":
        assert f"scrmap: replaced {stale_weights}" in result.stderr
        assert fw.load(adult_copy).learned is not None


def test_framework_validate_still_checks_the_weights(
    runner: CliRunner, adult_copy: Path, stale_weights: Path
) -> None:
    result = run(runner, "framework", "validate", str(adult_copy))
    assert result.exit_code == exitcodes.PROBLEMS
    line = _line_of_1_1(stale_weights)
    assert result.stderr.startswith(f"{stale_weights}:{line}:3: standards: unknown standard '1.1'")


@pytest.mark.parametrize(
    "item_id",
    ["no", "yes", "on", "null", "~", "1.10", "1e3", "-1", "0x1F", "2024-01-01", "it's #1", "S 1 "],
)
def test_suggest_cues_yaml_keeps_every_id_and_cue_as_written(item_id: str) -> None:
    """`id: no` was printed bare, which YAML reads as false, and `1e3` a number to YAML 1.2:
    pasted into the framework, the item's id was no longer its id."""
    from scrmap.evaluate import GoldItem
    from scrmap.suggest import Candidate, as_yaml

    framework = fw.load(ADULT)
    items = [GoldItem(id="yes", text="A text.", source="r", standards=[], themes=[])]
    theme = replace(framework.themes[0], id=item_id, title="Two\nlines")
    candidate = Candidate("themes", item_id, item_id, 3, 3, 3, "yes")
    written = as_yaml(replace(framework, themes=(theme,)), [candidate], items)
    assert yaml.safe_load(written) == {"themes": [{"id": item_id, "cues": [item_id]}]}
    if item_id[0].isdigit():  # a YAML 1.2 reader takes 1e3 and 0x1F for numbers
        assert f'id: "{item_id}"' in written


def test_validate_names_learned_cue_weights_of_cues_the_framework_no_longer_has(
    runner: CliRunner, adult_copy: Path
) -> None:
    """Weights learned before a cue was reworded, from the same ids: every command used them
    without a word, the reworded cue's weight lost. `framework validate` names each such
    weight, exit 1; mapping goes on (the cue maps by the framework's own score)."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    weights = adult_copy.with_name("adult.learned.yaml")
    assert "      escalate: " in weights.read_text(encoding="utf-8")
    assert run(runner, "framework", "validate", str(adult_copy)).exit_code == exitcodes.OK
    text = adult_copy.read_text(encoding="utf-8")
    adult_copy.write_text(text.replace("      - escalate\n", "      - escalates\n"))
    result = run(runner, "framework", "validate", str(adult_copy))
    assert result.exit_code == exitcodes.PROBLEMS
    lines = weights.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("      escalate: "))
    record = lines.index("    W2: " + _digest_of(weights, "W2")) + 1
    assert result.stderr == (
        f"{weights}:{line}:7: standards.W2.cue_weights: 'escalate' is not a cue of W2 in "
        f"{adult_copy} (the weights were learned from another version of it); learn the "
        "weights again\n"
        f"{weights}:{record}:5: framework.standards.W2: standard W2 changed in {adult_copy} "
        "since these weights were learned; learn the weights again\n"
    )
    mapped = run(runner, "map", "Staff should escalate concerns.", "--framework", str(adult_copy))
    assert mapped.exit_code == exitcodes.OK


def _digest_of(weights: Path, item_id: str) -> str:
    record = yaml.safe_load(weights.read_text(encoding="utf-8"))["framework"]
    return str({**record["standards"], **record["themes"]}[item_id])


def _split_w2(adult_copy: Path) -> None:
    """W2 split in two, as a Board splits a standard: 'professional challenge' moves to W3."""
    text = adult_copy.read_text(encoding="utf-8")
    w3 = (
        "  - id: W3\n    group: Working together\n    quadrant: MAW\n"
        "    title: Professional challenge\n    cues:\n      - professional challenge\n"
    )
    text = text.replace("      - professional challenge\n", "", 1)
    adult_copy.write_text(text.replace("  - id: G1\n", w3 + "  - id: G1\n", 1))


@pytest.mark.parametrize(
    "command",
    [
        ["map", "Staff should escalate concerns."],
        ["coverage", "Staff should escalate concerns."],
        ["check", "Staff should escalate concerns."],
        ["evaluate", str(ADULT_GOLD)],
        ["report", "Staff should escalate concerns.", "-o", "{tmp}/board.md"],
    ],
    ids=lambda c: c[0],
)
def test_every_command_warns_of_weights_learned_before_the_framework_changed(
    runner: CliRunner, adult_copy: Path, command: list[str]
) -> None:
    """A standard split in two after learning: its weights went on scoring the half that
    kept its id, the new half by its cues alone beside learned scores, and nothing said so.
    Every command that uses the weights says so once; the exit code is what it was."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    args = [arg.replace("{tmp}", str(adult_copy.parent)) for arg in command]
    before = run(runner, *args, "--framework", str(adult_copy))
    assert "scrmap: warning" not in before.stderr
    Path(adult_copy.parent / "board.md").unlink(missing_ok=True)
    _split_w2(adult_copy)
    result = run(runner, *args, "--framework", str(adult_copy))
    assert result.exit_code == before.exit_code
    weights = adult_copy.with_name("adult.learned.yaml")
    warning = (
        f"scrmap: warning: {weights}: learned before {adult_copy} changed (standard W2 "
        "changed, standard W3 added); learn the weights again (scrmap framework learn "
        "GOLD...), or give --no-learned"
    )
    assert result.stderr.splitlines().count(warning) == 1
    quiet = run(runner, *args, "--framework", str(adult_copy), "--no-learned")
    assert "scrmap: warning" not in quiet.stderr


def test_learn_names_the_standards_no_label_gave_weights(
    runner: CliRunner, adult_copy: Path
) -> None:
    """Learned again after the split, from labels made before it: W3 has none, maps by its
    cues alone beside learned scores, and "weights for 5 standards" did not say which."""
    _split_w2(adult_copy)
    result = run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    assert result.exit_code == exitcodes.OK
    assert result.stderr.splitlines()[-1] == (
        "scrmap: note: no weights for W3: no labelled recommendation names them, so they map "
        "by their cues alone; label some (scrmap map ... -f gold) and learn again"
    )
    again = run(runner, "map", "Staff should escalate concerns.", "--framework", str(adult_copy))
    assert "scrmap: warning" not in again.stderr  # learned for this version: nothing changed


def test_validate_names_each_standard_and_theme_changed_since_learning(
    runner: CliRunner, adult_copy: Path
) -> None:
    """Added, removed and changed, each at its place in the weights' record of the framework
    (an added one at the record's list, which has no line of its own for it)."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    weights = adult_copy.with_name("adult.learned.yaml")
    _split_w2(adult_copy)
    text = adult_copy.read_text(encoding="utf-8")
    adult_copy.write_text(text[: text.index("  - id: transitions\n")], encoding="utf-8")
    result = run(runner, "framework", "validate", str(adult_copy))
    assert result.exit_code == exitcodes.PROBLEMS
    lines = weights.read_text(encoding="utf-8").splitlines()
    at = {key.strip(): n for n, key in enumerate(lines, 1) if key.startswith("    ")}
    at.update({key: n for n, key in enumerate(lines, 1) if key in ("  standards:", "  themes:")})
    said = [line for line in result.stderr.splitlines() if ": framework." in line]
    assert said == [
        f"{weights}:{at['  standards:']}:3: framework.standards: standard W3 added to "
        f"{adult_copy} since these weights were learned; learn the weights again",
        f"{weights}:{at['W2: ' + _digest_of(weights, 'W2')]}:5: framework.standards.W2: "
        f"standard W2 changed in {adult_copy} since these weights were learned; learn the "
        "weights again",
        f"{weights}:{at['transitions: ' + _digest_of(weights, 'transitions')]}:5: "
        f"framework.themes.transitions: theme transitions removed from {adult_copy} since "
        "these weights were learned; learn the weights again",
    ]


def test_compare_warns_of_the_other_frameworks_weights_learned_before_it_changed(
    runner: CliRunner, adult_copy: Path
) -> None:
    """`evaluate --compare draft.yaml`, the draft copied with its weights and then split: its
    figures were made with weights for another framework, and only ours were checked."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    draft = adult_copy.with_name("draft.yaml")
    shutil.copy(adult_copy, draft)
    shutil.copy(adult_copy.with_name("adult.learned.yaml"), draft.with_name("draft.learned.yaml"))
    _split_w2(draft)
    args = ["evaluate", str(ADULT_GOLD), "--framework", str(adult_copy), "--compare", str(draft)]
    result = run(runner, *args)
    assert result.exit_code == exitcodes.OK
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        f"scrmap: warning: {draft.with_name('draft.learned.yaml')}: learned before {draft} "
        "changed (standard W2 changed, standard W3 added); learn the weights again (scrmap "
        "framework learn GOLD...), or give --no-learned"
    ]
    assert "warning" not in run(runner, *args, "--no-learned").stderr


def test_compare_with_no_learned_compares_both_frameworks_without_weights(
    runner: CliRunner, adult_copy: Path
) -> None:
    """--no-learned left out our weights only: the other framework's figures were its learned
    ones, so the comparison set cues against cues and weights."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    bare = adult_copy.with_name("bare.yaml")
    shutil.copy(ADULT, bare)
    args = ["evaluate", str(ADULT_GOLD), "-f", "json", "--no-learned", "--framework", str(bare)]
    compared = json.loads(run(runner, *args, "--compare", str(adult_copy)).stdout)
    cues_only = json.loads(run(runner, *args).stdout)
    learned = json.loads(
        run(
            runner, "evaluate", str(ADULT_GOLD), "-f", "json", "--framework", str(adult_copy)
        ).stdout
    )
    assert learned != cues_only  # the weights make a difference here, or this tests nothing
    assert compared["evaluations"] == [cues_only, cues_only]


def test_validate_names_the_changes_under_the_frameworks_own_learned_section(
    runner: CliRunner, adult_copy: Path
) -> None:
    """Weights kept in the framework file's `learned` section, not beside it: every command
    warned of the split, while validate called the framework valid."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    weights = adult_copy.with_name("adult.learned.yaml")
    section = "".join(f"  {line}" for line in weights.read_text(encoding="utf-8").splitlines(True))
    adult_copy.write_text(adult_copy.read_text(encoding="utf-8") + "learned:\n" + section)
    weights.unlink()
    _split_w2(adult_copy)
    mapped = run(runner, "map", "Staff should escalate concerns.", "--framework", str(adult_copy))
    assert f"scrmap: warning: {adult_copy}: learned before {adult_copy} changed" in mapped.stderr
    result = run(runner, "framework", "validate", str(adult_copy))
    assert result.exit_code == exitcodes.PROBLEMS
    lines = adult_copy.read_text(encoding="utf-8").splitlines()
    record = lines.index("  framework:") + 1
    w2 = next(n for n, line in enumerate(lines, 1) if line.startswith("      W2: "))
    assert result.stderr.splitlines() == [
        f"{adult_copy}:{record + 1}:5: learned.framework.standards: standard W3 added to "
        f"{adult_copy} since these weights were learned; learn the weights again",
        f"{adult_copy}:{w2}:7: learned.framework.standards.W2: standard W2 changed in "
        f"{adult_copy} since these weights were learned; learn the weights again",
    ]


def test_reordering_the_framework_or_editing_its_words_leaves_the_weights_fitting(
    runner: CliRunner, adult_copy: Path
) -> None:
    """Titles, descriptions, the order of the standards and of an item's cues change no
    score: no warning, and validate passes."""
    assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
    text = adult_copy.read_text(encoding="utf-8")
    w2, g1, end = (text.index(s) for s in ("  - id: W2\n", "  - id: G1\n", "\nfamilies:"))
    text = text[:w2] + text[g1:end] + "\n" + text[w2:g1].rstrip("\n") + text[end:]
    text = text.replace("title: Concerns are escalated", "title: Concerns are escalated (2027)")
    text = text.replace("- escalation\n      - escalate\n", "- escalate\n      - escalation\n")
    adult_copy.write_text(text, encoding="utf-8")
    assert [s.id for s in fw.load(adult_copy).standards][-1] == "W2"
    result = run(runner, "framework", "validate", str(adult_copy))
    assert result.exit_code == exitcodes.OK, result.stderr
    mapped = run(runner, "map", "Staff should escalate concerns.", "--framework", str(adult_copy))
    assert mapped.stderr.startswith("1 recommendation")


def test_the_bundled_weights_were_learned_for_the_bundled_framework() -> None:
    """Every run of the bundled framework would warn otherwise: after editing its cues, learn
    again (README, "Development")."""
    from scrmap.learned import changes

    bundled = fw.load(ROOT / "framework.yaml")
    assert bundled.learned is not None and bundled.learned.framework is not None
    assert changes(bundled) == []


@pytest.mark.parametrize("no_learned", [False, True], ids=["none-beside-it", "no-learned"])
def test_compare_learned_without_learned_weights_is_a_usage_error(
    runner: CliRunner, adult_copy: Path, no_learned: bool
) -> None:
    """Two columns of the same figures, one headed "learned weights", when there were none
    beside the framework or --no-learned left them out."""
    args = ["evaluate", str(ADULT_GOLD), "--framework", str(adult_copy), "--compare", "learned"]
    if no_learned:
        assert run(runner, "framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy))
        args.append("--no-learned")
    result = run(runner, *args)
    assert result.exit_code == exitcodes.USAGE
    assert result.stdout == ""
    weights = adult_copy.with_name("adult.learned.yaml")
    assert result.stderr == (
        "scrmap: --compare learned: --no-learned leaves out the learned weights it compares "
        "with; give one or the other\n"
        if no_learned
        else f"scrmap: --compare learned: {adult_copy} has no learned weights beside it "
        f"({weights}); `scrmap framework learn` writes them\n"
    )


def test_map_gold_is_a_gold_file_whatever_line_breaks_the_framework_holds(
    runner: CliRunner, adult_copy: Path, tmp_path: Path
) -> None:
    """A title written as a YAML block (`title: |`) ran the first comment onto a second line
    that is not YAML, and the gold file could not be read back; a cue or id with a line
    break would have done the same in an item's comments."""
    text = adult_copy.read_text(encoding="utf-8")
    text = text.replace(
        "title: Example Safeguarding Adult Review learning framework",
        "title: |\n  Example Safeguarding Adult Review\n  learning framework",
    ).replace("      - escalate\n", '      - "escalate\\nconcerns"\n')
    adult_copy.write_text(text, encoding="utf-8")
    texts = ["Staff should escalate\nconcerns to managers.", "Share information at MARAC."]
    result = run(runner, "map", *texts, "--framework", str(adult_copy), "-f", "gold")
    assert result.stdout.startswith(
        "# Written by `scrmap map -f gold` against Example Safeguarding Adult Review learning "
        "framework.\n"
    )
    assert "    # W2 " in result.stdout
    gold = tmp_path / "mapped.yaml"
    gold.write_text(result.stdout, encoding="utf-8")
    read = [" ".join(i.text.split()) for i in load_gold(gold, fw.load(adult_copy)).items]
    assert read == [" ".join(t.split()) for t in texts]


def test_learn_to_another_file_says_where_the_commands_look(
    runner: CliRunner, adult_copy: Path, tmp_path: Path
) -> None:
    """Weights written with -o elsewhere are used by no command until they are beside the
    framework under its name; nothing said so."""
    elsewhere = tmp_path / "trial.yaml"
    args = ["framework", "learn", str(ADULT_GOLD), "--framework", str(adult_copy)]
    result = run(runner, *args, "-o", str(elsewhere))
    assert result.exit_code == exitcodes.OK
    beside = adult_copy.with_name("adult.learned.yaml")
    assert result.stderr.splitlines()[-1] == (
        f"scrmap: note: {elsewhere} is not where the commands look: they read the weights of "
        f"{adult_copy} from {beside}"
    )
    same = run(runner, *args, "-o", str(beside))
    assert "scrmap: note:" not in same.stderr
