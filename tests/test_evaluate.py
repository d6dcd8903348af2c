import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap import framework as fw
from scrmap.cli import app
from scrmap.errors import InputError
from scrmap.evaluate import Evaluation, Paired, Scores, evaluate, load_gold, paired, wilson
from scrmap.learn import pool
from scrmap.matcher import Matcher

from .conftest import ROOT

GOLD = ROOT / "tests" / "gold"


def test_scores_arithmetic() -> None:
    s = Scores(tp=8, fp=2, fn=0)
    assert (s.precision, s.recall) == (0.8, 1.0)
    assert s.f1 == pytest.approx(2 * 0.8 / 1.8)
    assert Scores(0, 0, 0).f1 == 1.0  # nothing expected, nothing assigned: perfect


def test_small_gold_counts(tmp_path: Path, norfolk: fw.Framework) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "name: g\nitems:\n"
        "  - {id: a, text: Fathers should be engaged., standards: ['1.3'], "
        "themes: [engaging-fathers]}\n"
        "  - {id: b, text: Repaint the town hall., standards: [], themes: []}\n"
        "  - {id: c, text: Repaint the town hall., standards: ['4.3'], themes: [supervision]}\n"
    )
    result = evaluate(load_gold(path, norfolk), Matcher(norfolk))
    assert (result.top_standard_right, result.with_standard) == (1, 2)
    assert (result.off_framework_unmapped, result.off_framework) == (1, 1)
    assert result.themes["engaging-fathers"] == Scores(1, 0, 0)
    assert result.themes["supervision"] == Scores(0, 0, 1)
    assert [d.id for d in result.disagreements] == ["c"]
    # Each item's outcome, in order, for --compare's item-by-item test.
    assert result.outcomes == ((True, True), (False, True), (True, False))


WEAK_GOLD = (
    "name: w\nitems:\n"
    "  - {id: w1, text: Agencies should review how they respond to missed health appointments.,"
    " standards: ['2.2']}\n"
    "  - {id: w2, text: Agencies should review how they respond to missed health appointments.,"
    " standards: ['1.1']}\n"
    "  - {id: s1, text: Staff should be supported to manage difficult conversations with"
    " parents., standards: ['3.1']}\n"
    "  - {id: o1, text: Staff should be supported to manage difficult conversations with"
    " parents., standards: []}\n"
    "  - {id: u1, text: Repaint the town hall., standards: []}\n"
)


def test_weak_matches_are_counted_apart(tmp_path: Path, norfolk: fw.Framework) -> None:
    """How often a weak match (best standard under 70) is right, beside the other mappings,
    so that coverage's advice to check them can be measured on any gold file: the first
    text maps to 2.2 at 67 today, the second to 3.1 at 93; an off-framework item mapped is
    never right, and one left unmapped is no mapping."""
    path = tmp_path / "w.yaml"
    path.write_text(WEAK_GOLD, encoding="utf-8")
    result = evaluate(load_gold(path, norfolk), Matcher(norfolk))
    assert (result.mapped, result.weak, result.weak_right) == (4, 2, 1)
    assert result.top_standard_right - result.weak_right == 1  # s1, of the 2 others mapped
    pooled = pool([result, result])
    assert (pooled.mapped, pooled.weak, pooled.weak_right) == (8, 4, 2)
    out = CliRunner().invoke(app, ["evaluate", str(path), "-f", "json"])
    doc = json.loads(out.stdout)
    assert (doc["mapped"], doc["weak"], doc["weak_right"]) == (4, 2, 1)
    shown = CliRunner().invoke(app, ["evaluate", str(path)], env={"COLUMNS": "120"}).stdout
    words = " ".join(shown.split())
    assert "│ weak matches (under 70): top right │ 50.0% (9\u201391%) │ 2 │" in words
    assert "│ other mappings: top right │ 50.0% (9\u201391%) │ 2 │" in words


def test_gold_with_unknown_labels_is_refused(tmp_path: Path, norfolk: fw.Framework) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("name: g\nitems:\n  - id: a\n    text: x\n    standards: ['9.9']\n")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert (
        str(info.value)
        == f"{path}:5:17: items[0] (id 'a'): unknown standard '9.9' in this framework"
    )
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk, framework_name="norfolk.yaml")
    assert (
        str(info.value) == f"{path}:5:17: items[0] (id 'a'): unknown standard '9.9' in norfolk.yaml"
    )


def test_a_theme_labelled_as_a_standard_says_where_it_belongs(
    tmp_path: Path, norfolk: fw.Framework
) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "name: g\nitems:\n  - {id: a, text: x, standards: [neglect], themes: ['1.1']}\n"
    )
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk, framework_name="f.yaml")
    assert str(info.value).splitlines() == [
        f"{path}:3:34: items[0] (id 'a'): unknown standard 'neglect' in f.yaml; it is a theme: "
        "list it under themes",
        f"{path}:3:53: items[0] (id 'a'): unknown theme '1.1' in f.yaml; it is a standard: "
        "list it under standards",
    ]


def test_json_figures_are_null_where_the_terminal_says_n_a(
    tmp_path: Path, runner: CliRunner
) -> None:
    """A figure that divides by nothing is null in the JSON, as it is n/a on the terminal:
    the precision of a standard never assigned (6.3), the recall and F1 of one nobody
    labelled (1.3, assigned), the off-framework rate with no off-framework item. A 1.0 or
    0.0 there would be charted as a perfect or a failing figure."""
    path = tmp_path / "g.yaml"
    path.write_text(
        "name: g\nitems:\n  - {id: s1, text: Health visitors should record the details of"
        ' fathers at the first visit., standards: ["6.3"], themes: []}\n',
        encoding="utf-8",
    )
    doc = json.loads(runner.invoke(app, ["evaluate", str(path), "-f", "json"]).stdout)
    assert doc["standards"]["6.3"] == {
        **{"precision": None, "recall": 0.0, "f1": 0.0},
        **{"tp": 0, "fp": 0, "fn": 1},
    }
    assert doc["standards"]["1.3"] == {
        **{"precision": 0.0, "recall": None, "f1": None},
        **{"tp": 0, "fp": 1, "fn": 0},
    }
    assert doc["standards"]["5.1"]["precision"] is None  # neither labelled nor assigned
    assert doc["off_framework_unmapped_rate"] is None
    assert doc["off_framework_unmapped_interval"] is None  # not [0.0, 1.0]: about nothing
    assert doc["top_standard_accuracy"] == 0.0
    assert doc["top_standard_interval"] == [0.0, 0.7935]
    shown = runner.invoke(app, ["evaluate", str(path)], env={"COLUMNS": "120"}).stdout
    words = " ".join(shown.split())
    assert "│ 6.3 │ n/a │ 0.00 │ 0.00 │ 1 │ 0 │" in words
    assert "│ 1.3 │ 0.00 │ n/a │ n/a │ 0 │ 1 │" in words
    assert "│ off-framework left unmapped │ n/a │ 0 │" in words


def test_evaluate_command_prints_figures(runner: CliRunner) -> None:
    result = runner.invoke(app, ["evaluate", str(GOLD / "dev.yaml")], env={"COLUMNS": "200"})
    assert result.exit_code == exitcodes.OK
    assert "top standard is a labelled one" in result.stdout
    assert "Disagreements (" in result.stdout
    as_json = runner.invoke(app, ["evaluate", str(GOLD / "dev.yaml"), "-f", "json"])
    data = json.loads(as_json.stdout)
    assert data["items"] == 65
    assert set(data["themes"]) == {t.id for t in fw.load(ROOT / "framework.yaml").themes}


@pytest.mark.parametrize("columns", ["60", "80"])
def test_evaluate_says_there_were_no_confusions_and_indents_wrapped_lines(
    runner: CliRunner, columns: str
) -> None:
    """dev.yaml has no confusions: the table was headings over no rows. Disagreements
    wrapped back to column 0, where the next id is looked for."""
    result = runner.invoke(
        app, ["evaluate", str(GOLD / "dev.yaml")], env={"COLUMNS": columns, "NO_COLOR": "1"}
    )
    assert result.exit_code == exitcodes.OK
    assert "Commonest confusions: none\n" in result.stdout
    assert "┃ labelled ┃ top" not in result.stdout
    ids = {"L-F4", "RS-4", "RS-8"}  # its disagreements
    disagreements = result.stdout.split("Disagreements (3)\n")[1].splitlines()
    assert len(disagreements) > 2 * len(ids)  # they wrap at this width
    assert {line.split()[0] for line in disagreements if not line.startswith(" ")} == ids


def test_evaluate_missing_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["evaluate", "nope.yaml"])
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == "nope.yaml: no such file or directory\n"  # as every command says


def test_an_item_with_no_standards_key_is_refused_not_off_framework(
    tmp_path: Path, norfolk: fw.Framework
) -> None:
    """With no key, the item was counted as off-framework (labelled none) where nobody had
    labelled it for standards; `standards: []` is off-framework, and is read."""
    path = tmp_path / "g.yaml"
    item = "  - id: a\n    text: Fathers should be engaged.\n    themes: [engaging-fathers]\n"
    path.write_text(f"name: g\nitems:\n{item}")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value) == (
        f"{path}:3:5: items[0] (id 'a'): no 'standards': list the standards it serves, or "
        "write 'standards: []' if none fits (an item with none is off-framework)"
    )
    path.write_text(f"name: g\nitems:\n{item}    standards: []\n")
    assert load_gold(path, norfolk).items[0].standards == []


def test_a_duplicate_gold_id_names_the_first(tmp_path: Path, norfolk: fw.Framework) -> None:
    """Either of the two may be the one to renumber: both places are named."""
    path = tmp_path / "g.yaml"
    items = "".join(f"  - {{id: a, text: {t}, standards: []}}\n" for t in ("x", "y", "z"))
    path.write_text(f"name: g\nitems:\n{items}")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value).splitlines() == [
        f"{path}:4:6: duplicate id 'a' (first at line 3)",
        f"{path}:5:6: duplicate id 'a' (first at line 3)",
    ]


def test_gold_duplicate_key_and_wrong_shape(tmp_path: Path, norfolk: fw.Framework) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("name: g\nname: h\nitems:\n  - {id: a, text: x, standards: []}\n")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value) == f"{path}:2:1: duplicate key 'name'"
    path.write_text("- just a list\n")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value) == f"{path}:1:1: not a {GOLD_FILE}"


def test_a_label_yaml_reads_as_a_number_says_to_quote_it(
    tmp_path: Path, norfolk: fw.Framework
) -> None:
    path = tmp_path / "g.yaml"
    path.write_text("name: g\nitems:\n  - {id: a, text: x, standards: [1.10], themes: []}\n")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value) == (
        f"{path}:3:34: items[0] (id 'a').standards[0]: must be text, but YAML reads 1.10 as "
        "the number 1.1; quote it: '1.10'"
    )


GOLD_FILE = (
    "gold file: YAML with 'name' and 'items', each item with 'id', 'text', 'standards' and "
    "'themes' (`scrmap map FILE -f gold` writes one to correct)"
)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "examples/draft.md",
            "examples/draft.md:8:1: not valid YAML: did not find expected <document start>; "
            f"expected a {GOLD_FILE}",
        ),
        (
            "data/recommendations/case-l.yaml",
            f"data/recommendations/case-l.yaml: a recommendation file, not a {GOLD_FILE}",
        ),
        ("framework.yaml", f"framework.yaml: a framework file, not a {GOLD_FILE}"),
        (
            "framework.learned.yaml",
            f"framework.learned.yaml: a learned-weights file, not a {GOLD_FILE}",
        ),
    ],
)
def test_a_file_that_is_no_gold_file_says_what_one_is(
    norfolk: fw.Framework, monkeypatch: pytest.MonkeyPatch, path: str, message: str
) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(InputError) as info:
        load_gold(Path(path), norfolk)
    assert str(info.value) == message


def test_a_stray_byte_in_a_gold_file_is_named_at_its_place(
    tmp_path: Path, norfolk: fw.Framework
) -> None:
    path = tmp_path / "g.yaml"
    text = "name: g\nitems:\n  - {id: a, text: \u2018Share\u2019 notes., standards: [], "
    text += "themes: []}\n"
    path.write_bytes(text.encode("utf-8").replace(b"notes", b"no\xe9tes"))
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value) == f"{path}:3:29: invalid UTF-8 byte 0xe9; save the file as UTF-8"


def test_a_gold_file_that_is_a_link_to_nothing_says_so(
    tmp_path: Path, norfolk: fw.Framework
) -> None:
    path = tmp_path / "g.yaml"
    path.symlink_to("labelled.yaml")
    with pytest.raises(InputError) as info:
        load_gold(path, norfolk)
    assert str(info.value) == f"{path}: a symbolic link to 'labelled.yaml', which does not exist"


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (5, 10, 0.2366, 0.7634),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (30, 48, 0.4836, 0.7479),
    ],
)
def test_wilson_interval_matches_published_values(k: int, n: int, low: float, high: float) -> None:
    got = wilson(k, n)
    assert got == (pytest.approx(low, abs=1e-4), pytest.approx(high, abs=1e-4))


def test_wilson_interval_of_nothing_is_everything() -> None:
    assert wilson(0, 0) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("first", "second", "p"),
    [
        (0, 0, 1.0),
        (1, 1, 1.0),
        (0, 5, 0.0625),
        (6, 0, 0.03125),
        (2, 8, 0.109375),
        (30, 2, 2 * 529 / 2**32),
    ],
)
def test_exact_mcnemar_p(first: int, second: int, p: float) -> None:
    assert Paired(first, second).p == pytest.approx(p, rel=1e-12)


def _evaluation(outcomes: tuple[tuple[bool, bool], ...]) -> Evaluation:
    labelled = [right for on, right in outcomes if on]
    off = [right for on, right in outcomes if not on]
    none = Scores(0, 0, 0)
    return Evaluation(
        len(outcomes), {}, none, none, sum(labelled), len(labelled), sum(off), len(off),
        outcomes=outcomes,
    )  # fmt: skip


def test_paired_counts_the_items_each_side_alone_got_right() -> None:
    first = _evaluation(((True, True), (True, True), (True, False), (False, True), (False, False)))
    second = _evaluation(
        ((True, False), (True, True), (True, True), (False, False), (False, False))
    )
    assert paired(first, second, labelled=True) == Paired(1, 1)
    assert paired(first, second, labelled=False) == Paired(1, 0)
    assert first.top_standard_interval == wilson(2, 3)
    assert first.unmapped_interval == wilson(1, 2)


def test_paired_refuses_evaluations_of_different_items() -> None:
    with pytest.raises(ValueError, match="same gold items"):
        paired(_evaluation(((True, True),)), _evaluation(((False, True),)), labelled=True)
