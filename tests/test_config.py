"""Configuration discovery and validation for `scrmap check`."""

from pathlib import Path

import pytest

from scrmap import config as cfg
from scrmap.checks import Severity
from scrmap.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_order(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    env_file = write(tmp_path / "elsewhere.yaml", "threshold: 70\n")
    env = {cfg.ENV_VAR: str(env_file)}
    assert cfg.discover(None, deep, {}) is None
    assert cfg.discover(None, deep, env) == env_file
    pyproject = write(tmp_path / "pyproject.toml", "[tool.scrmap]\nthreshold = 60\n")
    assert cfg.discover(None, deep, env) == pyproject
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.scrmap]
    assert cfg.discover(None, deep, env) == pyproject
    nearest = write(tmp_path / "a" / cfg.FILE_NAME, "threshold: 55\n")
    assert cfg.discover(None, deep, env) == nearest
    explicit = write(tmp_path / "explicit.yaml", "")
    assert cfg.discover(explicit, deep, env) == explicit


def test_defaults_without_a_file() -> None:
    settings = cfg.load(None).settings()
    assert settings["unmapped"][0] is Severity.error
    assert settings["time-bound"][0] is Severity.warning
    assert settings["too-many"][1].max == 10


def test_check_without_a_file_takes_what_the_default_configuration_gives() -> None:
    """`check` with no configuration file skips building its models (start-up): the rules'
    own defaults must be exactly what the default configuration would have given."""
    from scrmap.rules import defaults

    assert defaults() == cfg.load(None).settings()


def test_severities_and_options_from_yaml(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".scrmap.yaml",
        "threshold: 60\nrules:\n  time-bound: error\n  vague-verb: off\n"
        "  too-many: {severity: warning, max: 4}\n",
    )
    loaded = cfg.load(path)
    assert loaded.config.threshold == 60
    settings = loaded.settings()
    assert settings["time-bound"][0] is Severity.error
    assert settings["vague-verb"][0] is Severity.off
    assert settings["too-many"] == (Severity.warning, settings["too-many"][1])
    assert settings["too-many"][1].max == 4
    assert settings["specific"][0] is Severity.warning


def test_pyproject_table(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        '[tool.scrmap]\nthreshold = 65\n[tool.scrmap.rules.measurable]\nseverity = "off"\n',
    )
    settings = cfg.load(path).settings()
    assert settings["measurable"][0] is Severity.off


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rules:\n  timebound: error\n",
            ".scrmap.yaml:2:3: rules.timebound: unknown rule (rules: ",
        ),
        ("rules:\n  input: off\n", ".scrmap.yaml:2:3: rules.input: 'input' cannot be selected"),
        ("rules:\n  too-many: {maxx: 3}\n", ".scrmap.yaml:2:14: rules.too-many.maxx: unknown key"),
        ("rules:\n  too-many: {max: 0}\n", ".scrmap.yaml:2:19: rules.too-many.max: must be at"),
        ("rules:\n  specific: loud\n", ".scrmap.yaml:2:3: rules.specific.severity: must be "),
        ("treshold: 50\n", ".scrmap.yaml:1:1: treshold: unknown key"),
        (
            "threshold: 50\nframework: tlf/framework.yaml\n",
            ".scrmap.yaml:2:1: framework: the configuration does not choose the framework: "
            "scrmap reads the framework.yaml in the working directory, else the one beside "
            "this file; give --framework FILE or set $SCRMAP_FRAMEWORK for another",
        ),
        ("rules: [\n", ".scrmap.yaml:2:1: "),
        (
            "statuses:\n  complete: [red]\n  not-met: [done, Red.]\n",
            ".scrmap.yaml:3:19: statuses.not-met[1]: 'Red.' is also a complete word ('red'); "
            "give each status word one state",
        ),
    ],
)
def test_yaml_errors_name_the_key_and_place(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / ".scrmap.yaml", text)
    with pytest.raises(ConfigError) as caught:
        cfg.load(path)
    first = str(caught.value.problems[0])
    assert first.startswith(str(tmp_path / message.split(":")[0]))
    assert first[len(str(tmp_path)) + 1 :].startswith(message), first


def test_toml_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.scrmap.rules.too-many]\nmaxx = 3\n")
    with pytest.raises(ConfigError) as caught:
        cfg.load(path)
    assert str(caught.value.problems[0]).endswith(
        "pyproject.toml: tool.scrmap.rules.too-many.maxx: unknown key (check the spelling)"
    )
    write(path, "[tool.scrmap\n")
    with pytest.raises(ConfigError) as caught:
        cfg.load(path)
    assert "pyproject.toml:1:" in str(caught.value.problems[0])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('tool = "x"\n', "tool: must be a table ([tool.scrmap])"),
        ("[tool]\nscrmap = 5\n", "tool.scrmap: must be a table of settings"),
        (
            '[tool.scrmap]\nframework = "tlf.yaml"\n',
            "tool.scrmap.framework: the configuration does not choose the framework: scrmap "
            "reads the framework.yaml in the working directory, else the one beside this "
            "file; give --framework FILE or set $SCRMAP_FRAMEWORK for another",
        ),
        (
            '[tool.scrmap.rules]\ntimebound = "error"\n',
            "tool.scrmap.rules.timebound: unknown rule (rules: unmapped, weak-match, specific, "
            "measurable, time-bound, vague-verb, too-many, duplicate, training-only)",
        ),
    ],
)
def test_pyproject_keys_are_named_as_written(tmp_path: Path, text: str, message: str) -> None:
    """`--config pyproject.toml` with `tool = "x"` was an internal error (exit 3); an unknown
    rule was `rules.timebound`, a key the file does not have, and a table that is not one
    `tool.scrmap.(top level)`."""
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as caught:
        cfg.load(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}: {message}"]


def test_a_status_word_under_two_states_in_pyproject_is_an_error(tmp_path: Path) -> None:
    """Red under complete and under not-met counted as whichever state came last."""
    text = '[tool.scrmap.statuses]\nnot-met = ["red"]\ncomplete = ["RED"]\n'
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError) as caught:
        cfg.load(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: tool.scrmap.statuses.complete[0]: 'RED' is also a not-met word ('red'); "
        "give each status word one state"
    ]


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        cfg.load(tmp_path / "nope.yaml")
    # The one wording of a path that names nothing, in every command and for every file.
    assert "nope.yaml: no such file or directory (the configuration file)" in str(caught.value)


def test_a_configuration_is_read_in_the_encodings_an_input_file_is(tmp_path: Path) -> None:
    """A Windows-1252 status word with an en dash was "cannot read configuration:
    'utf-8' codec can't decode byte 0x96 in position 28: invalid start byte"."""
    path = tmp_path / ".scrmap.yaml"
    path.write_bytes("statuses:\n  complete: [signed off \u2013 board]\n".encode("cp1252"))
    assert "signed off \u2013 board" in cfg.load(path).config.statuses["complete"]
    text = "statuses:\n  complete: [\u2018done\u2019, signed off \u2013 board]\n"
    path.write_bytes(text.encode("utf-8"))
    path.write_bytes(path.read_bytes().replace("\u2013".encode(), b"\x96"))
    with pytest.raises(ConfigError) as info:
        cfg.load(path)
    assert str(info.value) == f"{path}:2:33: invalid UTF-8 byte 0x96; save the file as UTF-8"


def test_a_configuration_that_is_a_link_to_nothing_says_so(tmp_path: Path) -> None:
    path = tmp_path / ".scrmap.yaml"
    path.symlink_to("shared/.scrmap.yaml")
    with pytest.raises(ConfigError) as info:
        cfg.load(path)
    assert str(info.value) == (
        f"{path}: a symbolic link to 'shared/.scrmap.yaml', which does not exist"
    )
