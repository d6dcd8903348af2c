import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from scrmap import __version__, exitcodes
from scrmap import framework as fw
from scrmap.cli import app

from ..conftest import ROOT

EXAMPLE = ROOT / "examples" / "adult-sar-framework.yaml"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"scrmap {__version__}\n"


def test_show_tree_has_counts(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["framework", "show", "--framework", str(ROOT / "framework.yaml")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "(4 quadrants, 23 standards, 13 themes)" in result.output
    assert "Q4 Leadership: ownership, accountability and management grip (9 standards)" in (
        result.output
    )
    assert "Recurring safeguarding issues (4)" in result.output
    assert "Recurring areas of practice (9)" in result.output
    assert (
        "abuse (31 phrases; only with neglect, child-sexual-abuse or domestic-abuse)"
    ) in result.output
    assert "6.3 SCR actions completed and learning shared and embedded (47 phrases)" in (
        result.output
    )
    assert "Outside the framework (20 phrases: subjects it does not cover)" in (result.output)
    assert (
        "Addressed outside the framework (36 addressees: bodies that make law, national "
        "policy or regulation)"
    ) in result.output


def test_show_tree_counts_one_phrase_as_one(runner: CliRunner, tmp_path: Path) -> None:
    """A standard, theme or outside list of one phrase said "(1 phrases)"."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["standards"][0]["cues"] = data["standards"][0]["cues"][:1]
    data["themes"][0]["cues"] = data["themes"][0]["cues"][:1]
    data["outside"] = ["taxi"]
    one = tmp_path / "one.yaml"
    one.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    shown = runner.invoke(
        app, ["framework", "show", "--framework", str(one)], env={"COLUMNS": "200"}
    )
    assert shown.exit_code == 0, shown.output
    assert "(1 phrases" not in shown.output
    assert "P1 The adult's views and wishes are sought and recorded (1 phrase)" in shown.output
    assert "self-neglect Self-neglect MSP (1 phrase)" in shown.output
    assert "Outside the framework (1 phrase: subjects it does not cover)" in shown.output
    assert "P2 Mental capacity is assessed and recorded (6 phrases)" in shown.output
    assert shown.output.startswith(
        "Example Safeguarding Adult Review learning framework (3 quadrants, 5 standards"
    )


def test_show_json_and_yaml_round_trip(runner: CliRunner) -> None:
    as_json = runner.invoke(app, ["framework", "show", "-f", "json"])
    assert as_json.exit_code == 0
    data = json.loads(as_json.stdout)
    assert [q["id"] for q in data["quadrants"]] == ["Q1", "Q2", "Q3", "Q4"]
    assert len(data["standards"]) == 23
    as_yaml = runner.invoke(app, ["framework", "show", "-f", "yaml"])
    assert yaml.safe_load(as_yaml.stdout) == data


def test_show_yaml_writes_adjacent_only_where_set_and_reads_back(
    runner: CliRunner, tmp_path: Path
) -> None:
    """As the file has it: `adjacent: false` on every cue would bury the few that are set."""
    shown = runner.invoke(app, ["framework", "show", "-f", "yaml"]).stdout
    cues = [
        c
        for kind in ("standards", "themes")
        for i in yaml.safe_load(shown)[kind]
        for c in i["cues"]
    ]
    source = yaml.safe_load((ROOT / "framework.yaml").read_text(encoding="utf-8"))
    set_in_file = sorted(
        c["cue"]
        for kind in ("standards", "themes")
        for i in source[kind]
        for c in i["cues"]
        if isinstance(c, dict) and c.get("adjacent")
    )
    assert "basic care" in set_in_file
    assert sorted(c["cue"] for c in cues if "adjacent" in c) == set_in_file
    assert all(c["adjacent"] is True for c in cues if "adjacent" in c)
    (tmp_path / "shown.yaml").write_text(shown, encoding="utf-8")
    again = fw.load(tmp_path / "shown.yaml", learned=False)
    assert again == fw.load(ROOT / "framework.yaml", learned=False)


def test_show_markdown(runner: CliRunner) -> None:
    result = runner.invoke(app, ["framework", "show", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Norfolk Thematic Learning Framework")
    assert "### Q1 Professional curiosity" in result.stdout
    assert "- **domestic-abuse** Domestic abuse (Q2)" in result.stdout


def test_example_framework_shows_with_option_and_env(runner: CliRunner) -> None:
    by_option = runner.invoke(
        app, ["framework", "show", "--framework", str(EXAMPLE)], env={"COLUMNS": "200"}
    )
    assert by_option.exit_code == 0
    assert "MSP Making safeguarding personal (2 standards)" in by_option.output
    by_env = runner.invoke(
        app, ["framework", "show", "-f", "json"], env={"SCRMAP_FRAMEWORK": str(EXAMPLE)}
    )
    assert json.loads(by_env.stdout)["name"] == "example-sar"


def test_local_framework_takes_precedence(runner: CliRunner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SCRMAP_FRAMEWORK", raising=False)
    (tmp_path / "framework.yaml").write_text(EXAMPLE.read_text())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["framework", "show", "-f", "json"])
    assert json.loads(result.stdout)["name"] == "example-sar"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Board's folder as the README sets it up: its framework and configuration at the
    top, its recommendations in a subfolder, and no SCRMAP_FRAMEWORK or SCRMAP_CONFIG."""
    monkeypatch.delenv("SCRMAP_FRAMEWORK", raising=False)
    monkeypatch.delenv("SCRMAP_CONFIG", raising=False)
    (tmp_path / "framework.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"))
    (tmp_path / ".scrmap.yaml").write_text("threshold: 50\n", encoding="utf-8")
    recs = tmp_path / "recommendations"
    recs.mkdir()
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        ["framework", "show", "-f", "json"],
        ["map", "Staff should escalate concerns.", "-f", "json"],
        ["coverage", "Staff should escalate concerns.", "-f", "json"],
        ["evaluate", str(ROOT / "tests" / "data" / "adult-sar-gold.yaml"), "-f", "json"],
    ],
    ids=lambda c: c[0] if c[0] != "framework" else "show",
)
def test_a_subfolder_takes_the_framework_beside_the_configuration(
    runner: CliRunner, board: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """`cd recommendations`: the configuration was found by walking up, the framework
    looked for in the working directory only, so the bundled one mapped, with the Board's
    configuration, under the name and version of the Board's edited copy of it."""
    monkeypatch.chdir(board / "recommendations")
    result = runner.invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    if command[0] == "evaluate":  # its figures are per standard of the framework used
        assert set(shown["standards"]) == {"P1", "P2", "W1", "W2", "G1"}
    else:
        name = shown["name"] if command[0] == "framework" else shown["framework"]["name"]
        assert name == "example-sar"


def test_check_in_a_subfolder_checks_against_the_framework_beside_the_configuration(
    runner: CliRunner, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cue of the Board's own framework alone: the bundled one leaves it unmapped.
    own = (board / "framework.yaml").read_text(encoding="utf-8")
    (board / "framework.yaml").write_text(own.replace("- escalate\n", "- zorblax panel\n"))
    (board / "recommendations" / "r.md").write_text("1. Refer the case to the zorblax panel.\n")
    monkeypatch.chdir(board / "recommendations")
    result = runner.invoke(app, ["check", ".", "-f", "json", "--select", "unmapped"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    bundled = runner.invoke(
        app, ["check", ".", "-f", "json", "--framework", str(ROOT / "framework.yaml")]
    )
    assert "unmapped" in {f["rule"] for f in json.loads(bundled.stdout)["findings"]}


def test_the_working_directory_and_the_option_still_come_first(
    runner: CliRunner, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(board / "recommendations")
    (board / "recommendations" / "framework.yaml").write_text(
        (ROOT / "framework.yaml").read_text(encoding="utf-8")
    )
    result = runner.invoke(app, ["framework", "show", "-f", "json"])
    assert json.loads(result.stdout)["name"] == "norfolk-tlf"
    (board / "recommendations" / "framework.yaml").unlink()
    named = runner.invoke(
        app, ["framework", "show", "-f", "json", "--framework", str(ROOT / "framework.yaml")]
    )
    assert json.loads(named.stdout)["name"] == "norfolk-tlf"


def test_a_broken_framework_beside_the_configuration_says_where_it_came_from(
    runner: CliRunner, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (board / "framework.yaml").write_text("name: x\n", encoding="utf-8")
    monkeypatch.chdir(board / "recommendations")
    for command in (["map", "Share information."], ["framework", "validate"]):
        result = runner.invoke(app, command)
        assert result.exit_code in (exitcodes.USAGE, exitcodes.PROBLEMS)
        assert result.stderr.endswith(
            "scrmap: note: the framework file is the framework.yaml beside the configuration "
            f"in use ({board / '.scrmap.yaml'}); fix it, or give --framework FILE\n"
        )


ENV_NOTE = (
    "scrmap: note: the framework file is the one $SCRMAP_FRAMEWORK names ({}); fix it, give "
    "--framework FILE, or unset SCRMAP_FRAMEWORK\n"
)
LOCAL_NOTE = (
    "scrmap: note: the framework file is the framework.yaml in the working directory; fix it, "
    "or give --framework FILE\n"
)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["map", "Staff should escalate concerns."], exitcodes.USAGE),
        (["coverage", "Staff should escalate concerns."], exitcodes.USAGE),
        (["check", "Staff should escalate concerns."], exitcodes.USAGE),
        (["framework", "show"], exitcodes.USAGE),
        (["framework", "validate"], exitcodes.USAGE),
    ],
)
def test_a_framework_the_command_line_did_not_name_says_where_it_came_from(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int
) -> None:
    """A $SCRMAP_FRAMEWORK set long ago, or a framework.yaml in the working directory, named
    a file the user never gave: "nope.yaml: no such file or directory" said nothing of why."""
    monkeypatch.chdir(tmp_path)
    env = {"SCRMAP_FRAMEWORK": "gone.yaml", "SCRMAP_CONFIG": ""}
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == code
    assert result.stderr == (
        "gone.yaml: no such file or directory (the framework file)\n" + ENV_NOTE.format("gone.yaml")
    )
    # Named on the command line, it needs no note.
    named = runner.invoke(app, [*args, "--framework", "gone.yaml"], env=env)
    assert named.stderr == "gone.yaml: no such file or directory (the framework file)\n"
    # Found in the working directory, invalid: exit 1 from validate, 2 elsewhere.
    monkeypatch.delenv("SCRMAP_FRAMEWORK", raising=False)
    (tmp_path / "framework.yaml").write_text(EXAMPLE.read_text().replace("id: P2", "id: P1"))
    local = runner.invoke(app, args, env={"SCRMAP_CONFIG": ""})
    expected = exitcodes.PROBLEMS if args == ["framework", "validate"] else exitcodes.USAGE
    assert local.exit_code == expected
    assert local.stderr == (
        f"{tmp_path / 'framework.yaml'}:35:9: standards[1] (id 'P1').id: duplicate id 'P1' in "
        "standards (first at line 24)\n" + LOCAL_NOTE
    )


def test_validate_says_it_checks_the_learned_weights_too(runner: CliRunner) -> None:
    """It does (weights from another framework are its problems, exit 1), and its help
    said only "Check a framework file"."""
    result = runner.invoke(app, ["framework", "validate", "--help"], env={"COLUMNS": "200"})
    assert "Check a framework file and the learned weights beside it." in result.stdout


def test_learn_help_names_every_command_that_reads_the_weights(runner: CliRunner) -> None:
    """`evaluate` reads them too, and its help left it out."""
    result = runner.invoke(app, ["framework", "learn", "--help"], env={"COLUMNS": "200"})
    flat = " ".join(result.stdout.split())
    assert "where map, coverage, report, check and evaluate find them." in flat


def test_validate_ok(runner: CliRunner) -> None:
    result = runner.invoke(app, ["framework", "validate", str(EXAMPLE)])
    assert result.exit_code == exitcodes.OK
    assert result.output == f"{EXAMPLE}: valid (3 quadrants, 5 standards, 3 themes)\n"


def test_validate_reports_every_problem(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        EXAMPLE.read_text()
        .replace("  - id: P2", "  - id: P1")
        .replace(
            "    quadrant: GOV\n    title: Learning", "    quadrant: GOVT\n    title: Learning"
        )
    )
    result = runner.invoke(app, ["framework", "validate", str(bad)])
    assert result.exit_code == exitcodes.PROBLEMS
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        f"{bad}:35:9: standards[1] (id 'P1').id: duplicate id 'P1' in standards (first at line 24)",
        f"{bad}:69:15: standards[4] (id 'G1').quadrant: unknown quadrant 'GOVT' "
        "(known: GOV, MAW, MSP)",
    ]


@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("framework.learned.yaml", "a learned-weights file"),
        ("tests/gold/dev.yaml", "a gold file"),
        ("data/recommendations/case-l.yaml", "a recommendation file"),
    ],
)
def test_validating_another_of_scrmaps_files_says_what_it_is(
    runner: CliRunner, path: str, what: str
) -> None:
    """Tab completion offers `mine.learned.yaml` beside `mine.yaml`: validated, it was a
    list of every key a framework lacks and every key it has that a framework does not."""
    result = runner.invoke(app, ["framework", "validate", str(ROOT / path)])
    assert result.exit_code == exitcodes.PROBLEMS
    assert result.stderr == (
        f"{ROOT / path}: {what}, not a framework file (quadrants, standards and themes: "
        "`scrmap framework show -f yaml` prints one to start from)\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("draft.md", b"# Child Q\n\n1. Share it.\nThe panel: notes\n", "4:10: not valid YAML"),
        ("plan.xlsx", b"PK\x03\x04\x00\x00\xff\xfe", " a binary file, not text"),
        ("notes.md", b"Title: Child Q\nSummary: two agencies\n", " has none of a framework's keys"),
        (".scrmap.yaml", b"threshold: 60\n", " has none of a framework's keys (found: threshold)"),
    ],
    ids=["markdown", "workbook", "markdown-read-as-a-mapping", "configuration"],
)
def test_the_wrong_file_as_framework_says_a_framework_was_expected(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    """`--framework draft.md` (tab completion offers the draft beside the framework) said
    "not valid YAML: ...", or listed every key a framework lacks, and not what was wanted."""
    wrong = tmp_path / name
    wrong.write_bytes(content)
    draft = tmp_path / "recs.md"
    draft.write_text("1. Share information.\n", encoding="utf-8")
    result = runner.invoke(app, ["map", str(draft), "--framework", str(wrong)])
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(f"{wrong}:{said}")
    assert result.stderr.endswith(
        "; expected a framework file: YAML with quadrants, standards and themes (`scrmap "
        "framework show -f yaml` prints one to start from)\n"
    )
    assert result.stderr.count("\n") == 1


def test_a_slip_in_a_yaml_framework_is_not_told_a_framework_was_expected(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A framework's own syntax error is its place and fault alone: the advice is noise."""
    bad = tmp_path / "mine.yaml"
    bad.write_text("name: x\n\tquadrants: []\n", encoding="utf-8")
    result = runner.invoke(app, ["framework", "validate", str(bad)])
    assert result.exit_code == exitcodes.PROBLEMS
    assert "not valid YAML" in result.stderr
    assert "expected a framework file" not in result.stderr


def test_broken_framework_stops_other_commands_with_usage_code(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [\n")
    result = runner.invoke(app, ["framework", "show", "--framework", str(bad)])
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr.startswith(f"{bad}:")
    assert "Traceback" not in result.output


def test_schema_is_json_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["framework", "schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "Framework"
    assert set(schema["required"]) >= {"name", "title", "quadrants", "standards"}
    assert schema["additionalProperties"] is False


def test_installed_console_script_runs_from_any_directory(tmp_path: Path) -> None:
    scrmap = Path(sys.executable).parent / "scrmap"
    result = subprocess.run(
        [str(scrmap), "framework", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "valid (4 quadrants, 23 standards, 13 themes)" in result.stdout


def test_a_framework_piped_on_standard_input_is_read(tmp_path: Path) -> None:
    # `--framework /dev/stdin < x` worked with any file; from a pipe, the cache read the
    # bytes for its key and left none: "/dev/stdin:1:1: a framework file must be a mapping".
    scrmap = Path(sys.executable).parent / "scrmap"
    said = []
    for command in (["framework", "validate"], ["map", "Share information.", "-f", "json"]):
        result = subprocess.run(
            [str(scrmap), *command, "--framework", "/dev/stdin"],
            input=EXAMPLE.read_text(encoding="utf-8"),
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)},
            timeout=60,
            check=False,
        )
        assert result.returncode == exitcodes.OK, result.stderr
        said.append(result.stdout)
    assert said[0] == "/dev/stdin: valid (3 quadrants, 5 standards, 3 themes)\n"
    assert json.loads(said[1])["framework"]["name"] == "example-sar"
    assert json.loads(said[1])["framework"]["sha256"] is None  # a pipe cannot be read twice
    assert not (tmp_path / "scrmap").exists()  # a pipe is not cached


def test_a_removed_working_directory(tmp_path: Path) -> None:
    # `framework show --framework X` worked in a folder removed since the shell entered it,
    # until the configuration beside which the framework is looked for was looked for; the
    # commands that need the folder say so, not "internal error: FileNotFoundError".
    scrmap = Path(sys.executable).parent / "scrmap"
    gone = tmp_path / "gone"

    def run_in_gone(*args: str) -> subprocess.CompletedProcess[str]:
        gone.mkdir()
        script = 'cd "$1" && rmdir "$1" && shift && exec "$@"'
        return subprocess.run(
            ["sh", "-c", script, "sh", str(gone), str(scrmap), *args],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)},
            timeout=60,
            check=False,
        )

    shown = run_in_gone("framework", "show", "-f", "json", "--framework", str(EXAMPLE))
    assert shown.returncode == exitcodes.OK, shown.stderr
    assert json.loads(shown.stdout)["name"] == "example-sar"
    mapped = run_in_gone("map", "Share information.", "--framework", str(EXAMPLE))
    assert mapped.returncode == exitcodes.USAGE
    assert mapped.stderr == (
        "scrmap: the working directory no longer exists (removed since the shell entered it); "
        "cd to one that does\n"
    )


def test_recommendation_and_gold_schemas(runner: CliRunner) -> None:
    recs = json.loads(runner.invoke(app, ["schema", "recommendations"]).stdout)
    assert recs["title"] == "RecommendationFile"
    assert set(recs["required"]) == {"case", "recommendations"}
    gold = json.loads(runner.invoke(app, ["schema", "gold"]).stdout)
    assert gold["title"] == "GoldFile"
    same = json.loads(runner.invoke(app, ["schema", "framework"]).stdout)
    assert same == json.loads(runner.invoke(app, ["framework", "schema"]).stdout)


def test_framework_schema_takes_a_cue_as_a_phrase_or_a_mapping(runner: CliRunner) -> None:
    """The bundled framework writes nearly every cue as a plain phrase: a schema that
    allowed only the mapping would have an editor flag all 842 of them."""
    schema = json.loads(runner.invoke(app, ["schema", "framework"]).stdout)
    phrase, mapping = schema["$defs"]["Cue"]["anyOf"]
    assert phrase == {"type": "string", "minLength": 1}
    assert mapping["type"] == "object"
    assert mapping["required"] == ["cue"]
    assert set(mapping["properties"]) == {"cue", "weight", "adjacent"}
    bundled = yaml.safe_load((ROOT / "framework.yaml").read_text(encoding="utf-8"))
    cues = [c for item in bundled["standards"] + bundled["themes"] for c in item["cues"]]
    assert {type(c) for c in cues} <= {str, dict}
    assert any(isinstance(c, str) for c in cues)


def test_recommendation_schema_takes_an_unquoted_year_as_due(runner: CliRunner) -> None:
    """`due: 2027` is read as the year (README, "The action plan"), so the schema allows
    the integer YAML reads it as, in the years a due date can be in."""
    schema = json.loads(runner.invoke(app, ["schema", "recommendations"]).stdout)
    due = schema["$defs"]["RecommendationEntry"]["properties"]["due"]
    assert {"type": "integer", "minimum": 1900, "maximum": 2099} in due["anyOf"]
    assert {"type": "string", "format": "date"} in due["anyOf"]
    assert {"type": "null"} in due["anyOf"]
