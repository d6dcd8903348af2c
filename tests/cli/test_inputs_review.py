"""What a reviewer found in how inputs are read: a file named twice counted twice,
scrmap's own files in a scanned folder read as recommendations, cross-validation of a
`map -f gold` file not by review, `framework learn -o` writing over any file, the `input`
rule that --select and --ignore did not know, and messages that did not say what was
expected of a gold file or a workbook."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from scrmap import exitcodes

from ..conftest import PLAIN_ENV, ROOT, invoke

LIBRARY = ROOT / "data" / "recommendations"
GOLD = ROOT / "tests" / "gold"


def run(runner: CliRunner, *args: str):
    return invoke(runner, list(args), env=PLAIN_ENV)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)
    (tmp_path / "lib").mkdir()
    for file in LIBRARY.glob("*.yaml"):
        (tmp_path / "lib" / file.name).write_text(file.read_text(encoding="utf-8"))
    return tmp_path


# 1. Each file is read once, however often and however it is named.

TWICE = ["lib", "./lib/", "lib/case-l.yaml"]


def test_coverage_counts_a_file_named_twice_once(runner: CliRunner) -> None:
    once = json.loads(run(runner, "coverage", "lib", "-f", "json").stdout)
    result = run(runner, "coverage", *TWICE, "-f", "json")
    assert result.exit_code == exitcodes.OK, result.stderr
    twice = json.loads(result.stdout)
    assert twice["totals"]["recommendations"] == 45
    assert twice == once  # every quadrant, standard and theme counted once


def test_report_map_check_and_evaluate_read_a_file_named_twice_once(runner: CliRunner) -> None:
    run(runner, "report", "lib", "-o", "once.md")
    assert run(runner, "report", *TWICE, "-o", "twice.md").exit_code == exitcodes.OK
    assert Path("twice.md").read_text() == Path("once.md").read_text()
    mapped = run(runner, "map", *TWICE, "-f", "jsonl")
    assert len(mapped.stdout.splitlines()) == 45
    checked = run(runner, "check", *TWICE, "-f", "concise")
    assert checked.stdout == run(runner, "check", "lib", "-f", "concise").stdout
    assert checked.stdout.endswith("5 files checked: 0 errors, 36 warnings\n")
    gold = str(GOLD / "heldout.yaml")
    evaluated = run(runner, "evaluate", gold, str(GOLD / "." / "heldout.yaml"), "-f", "json")
    assert (
        json.loads(evaluated.stdout)["items"]
        == json.loads(run(runner, "evaluate", gold, "-f", "json").stdout)["items"]
    )


# 2. scrmap's own files in a scanned folder are skipped with a note; named, one problem.


@pytest.fixture
def workfolder(in_tmp: Path) -> Path:
    """The working folder the README describes: the framework and its learned weights
    beside the reviews."""
    for name in ("framework.yaml", "framework.learned.yaml"):
        (in_tmp / "lib" / name).write_bytes((ROOT / name).read_bytes())
    return in_tmp / "lib"


NOTES = [
    "scrmap: note: skipped lib/framework.learned.yaml: a learned-weights file, not recommendations",
    "scrmap: note: skipped lib/framework.yaml: a framework file, not recommendations",
]


@pytest.mark.parametrize(
    "args",
    [["coverage", "-f", "json"], ["report", "-o", "r.md"], ["check", "-f", "concise", "-q"]],
    ids=lambda args: args[0],
)
def test_a_folder_scan_skips_scrmaps_own_files_with_a_note(
    runner: CliRunner, workfolder: Path, args: list[str]
) -> None:
    command, *options = args
    result = run(runner, command, "lib", *options)
    assert result.exit_code == exitcodes.OK, result.stderr
    assert result.stderr.splitlines()[:2] == NOTES
    assert "could not be read" not in result.output
    if command == "coverage":
        assert json.loads(result.stdout)["totals"]["recommendations"] == 45


def test_coverage_of_the_examples_skips_the_adult_framework(runner: CliRunner) -> None:
    result = run(runner, "coverage", str(ROOT / "examples"), "-f", "json")
    assert result.exit_code == exitcodes.OK, result.stderr
    examples = ROOT / "examples"
    assert result.stderr.splitlines() == [
        f"scrmap: note: skipped {examples / 'adult-sar-framework.yaml'}: "
        "a framework file, not recommendations",
        # The same plan and draft in two forms each: counted twice, and said (of the draft,
        # the items in much the same words: its item 4 in Markdown is another).
        f"scrmap: note: 3 items of case 'action-plan' have the same id in "
        f"{examples / 'action-plan.csv'} and {examples / 'action-plan.xlsx'}: "
        "counted once for each file; leave out the copy",
        "scrmap: note: 3 items of case 'Child T: Safeguarding Practice Review' have the same "
        f"id in {examples / 'draft.docx'} and {examples / 'draft.md'}: counted once for each "
        "file; leave out the copy",
    ]


def test_items_counted_twice_lead_the_board_papers_key_messages(runner: CliRunner) -> None:
    """A copy of the plan beside the plan doubles every figure; a note on standard error
    alone left the Board paper to say nothing of it."""
    result = run(runner, "coverage", str(ROOT / "examples"), "-f", "json")
    messages = json.loads(result.stdout)["key_messages"]
    assert messages[0]["kind"] == "counted-twice"
    examples = ROOT / "examples"
    assert messages[0]["text"] == (
        f"Counted twice: 3 items of action-plan ({examples / 'action-plan.csv'} and "
        f"{examples / 'action-plan.xlsx'}) and 3 items of Child T: Safeguarding Practice "
        f"Review ({examples / 'draft.docx'} and {examples / 'draft.md'}) are read from more "
        "than one file, and every figure counts them once for each; leave out the copies and "
        "make the report again"
    )
    assert [m["kind"] for m in messages].count("counted-twice") == 1
    paper = run(runner, "report", str(ROOT / "examples"), "-f", "markdown")
    assert "1. Counted twice: 3 items of action-plan (" in paper.stdout
    once = run(runner, "coverage", str(ROOT / "examples" / "action-plan.csv"), "-f", "json")
    assert "counted-twice" not in {m["kind"] for m in json.loads(once.stdout)["key_messages"]}


def test_learned_weights_named_as_an_input_are_one_problem(
    runner: CliRunner, workfolder: Path
) -> None:
    result = run(runner, "coverage", "lib/case-l.yaml", "lib/framework.learned.yaml")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        "lib/framework.learned.yaml: a learned-weights file, not a recommendation file: scrmap "
        "reads it beside its framework file (`scrmap framework learn` writes it); leave it out "
        "of the inputs"
    ]


# 3. A `map -f gold` file is cross-validated by review, and a share of nothing is n/a.


def _learn_from_mapped(runner: CliRunner, *inputs: str):
    Path("framework.yaml").write_bytes((ROOT / "framework.yaml").read_bytes())
    mapped = run(runner, "map", *inputs, "-f", "gold")
    Path("labelled.yaml").write_text(mapped.stdout)
    return run(runner, "framework", "learn", "labelled.yaml", "--cross-validate", "5")


def test_learn_cross_validates_a_map_gold_file_by_its_files(runner: CliRunner) -> None:
    result = _learn_from_mapped(runner, "lib")
    assert result.exit_code == exitcodes.OK, result.stderr
    assert "cross-validated by review (5 folds of 5 reviews): " in result.stderr


def test_learn_says_n_a_for_the_off_framework_share_of_none(runner: CliRunner) -> None:
    # Two files, two reviews: one is not cross-validated at all.
    result = _learn_from_mapped(runner, "lib/case-l.yaml", "lib/cases-m-n-o.yaml")
    assert result.exit_code == exitcodes.OK, result.stderr
    assert "off-framework unmapped n/a (none labelled off-framework), " in result.stderr
    assert "100.0% of 0" not in result.stderr


# 4. framework learn -o writes over learned weights only, and says what it replaced.


@pytest.fixture
def labelled(runner: CliRunner) -> Path:
    Path("framework.yaml").write_bytes((ROOT / "framework.yaml").read_bytes())
    Path("labelled.yaml").write_text(run(runner, "map", "lib/case-l.yaml", "-f", "gold").stdout)
    return Path("labelled.yaml")


@pytest.mark.parametrize(
    ("victim", "why"),
    [
        ("draft.md", "learned weights are YAML: name a .yaml or .yml file"),
        (
            "my-copy.yaml",
            "is a framework file, not learned weights; framework learn replaces only learned "
            "weights: name another file",
        ),
    ],
)
def test_learn_refuses_to_write_over_anything_but_learned_weights(
    runner: CliRunner, labelled: Path, victim: str, why: str
) -> None:
    content = "# A draft\n" if victim.endswith(".md") else (ROOT / "framework.yaml").read_text()
    Path(victim).write_text(content)
    result = run(runner, "framework", "learn", str(labelled), "-o", victim)
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [f"scrmap: {victim}: {why}"]
    assert Path(victim).read_text() == content


def test_learn_says_which_learned_weights_it_replaced(runner: CliRunner, labelled: Path) -> None:
    Path("framework.learned.yaml").write_bytes((ROOT / "framework.learned.yaml").read_bytes())
    result = run(runner, "framework", "learn", str(labelled))
    assert result.exit_code == exitcodes.OK, result.stderr
    weights = Path("framework.learned.yaml").resolve()
    assert result.stderr.splitlines()[0] == f"scrmap: replaced {weights} (learned from 209 items)"
    again = run(runner, "framework", "learn", str(labelled))
    assert f"scrmap: replaced {weights} (learned from 15 items)" in again.stderr


# 5. `input` is named like a rule, but is always reported: --select and --ignore say so.

ALWAYS = (
    "'input' cannot be selected, ignored, configured or waived: a file that cannot be read "
    "or is invalid is always reported, and exits 2 until it is fixed or left out"
)


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_check_says_input_is_always_reported(runner: CliRunner, option: str) -> None:
    result = run(runner, "check", "lib", option, "input")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [f"scrmap: {option}: {ALWAYS}"]


def test_unreadable_input_fails_whatever_is_ignored(runner: CliRunner) -> None:
    Path("lib/broken.yaml").write_text("case: [\n")
    result = run(runner, "check", "lib", "-f", "concise", "-q", "--ignore", "unmapped,specific")
    assert result.exit_code == exitcodes.USAGE
    assert "lib/broken.yaml:2:1: error [input] " in result.stdout


def test_a_waiver_of_input_says_it_cannot_be_waived(runner: CliRunner) -> None:
    Path("v.md").write_text(
        "<!-- scrmap: disable=input -->\n- The NSCB will audit supervision by May 2027.\n"
    )
    result = run(runner, "check", "v.md", "-f", "concise", "-q")
    assert result.exit_code == exitcodes.USAGE  # as the message says: exits 2
    assert result.stdout == f"v.md:2:1: error [input] {ALWAYS}\n"


# 6. A file that is no gold file says what one is; a cover sheet names the others and --sheet.


def test_evaluate_a_draft_says_a_gold_file_is_needed(runner: CliRunner) -> None:
    result = run(runner, "evaluate", str(ROOT / "examples" / "draft.md"))
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        f"{ROOT / 'examples' / 'draft.md'}:8:1: not valid YAML: did not find expected "
        "<document start>; expected a gold file: YAML with 'name' and 'items', each item with "
        "'id', 'text', 'standards' and 'themes' (`scrmap map FILE -f gold` writes one to correct)"
    ]


def test_learn_from_a_recommendation_file_is_one_problem(runner: CliRunner) -> None:
    Path("framework.yaml").write_bytes((ROOT / "framework.yaml").read_bytes())
    result = run(runner, "framework", "learn", "lib/case-l.yaml")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        "lib/case-l.yaml: a recommendation file, not a gold file: YAML with 'name' and 'items', "
        "each item with 'id', 'text', 'standards' and 'themes' (`scrmap map FILE -f gold` "
        "writes one to correct)"
    ]


def test_a_workbook_with_a_cover_sheet_reads_the_plan(runner: CliRunner) -> None:
    """The plan behind a cover sheet is read; naming the cover with --sheet says which
    sheets there are."""
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.active.append(["Action plan, Case L"])
    book.create_sheet("Plan").append(["No.", "Recommendation"])
    book["Plan"].append([1, "The NSCB will audit supervision of frontline staff by May 2027."])
    book.save("plan.xlsx")
    result = run(runner, "map", "plan.xlsx", "-f", "jsonl")
    assert result.exit_code == exitcodes.OK and result.stderr == ""
    assert '"source":{"file":"plan.xlsx","line":2}' in result.stdout
    result = run(runner, "map", "plan.xlsx", "--sheet", "Cover")
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.splitlines() == [
        "plan.xlsx:1:1: the header row has no column of recommendation text (call it "
        "'Recommendation', 'Text' or 'Action'; found: Action plan, Case L); read sheet 'Cover' "
        "(sheets: Cover, Plan): --sheet NAME reads another"
    ]
