"""Configuration of `scrmap check`: where it is found, and what it may say.

Found as yamllint finds its own: `--config FILE`; else the nearest `.scrmap.yaml`, or a
`pyproject.toml` with a `[tool.scrmap]` table, walking up from the working directory;
else the file `SCRMAP_CONFIG` names; else the defaults. A configuration sets the
match threshold and, per rule, a severity (`error`, `warning`, `off`) and the rule's
options::

    threshold: 50
    rules:
      time-bound: error          # a severity alone
      vague-verb: off
      too-many: {severity: warning, max: 8}
    statuses:                    # action-plan words of this Board, by state
      complete: [signed off by board]
      not-started: [not yet due]

Every error names the file, the key and, for YAML, the line and column.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from scrmap import yamlpos
from scrmap.actionplan import State, Vocabulary, status_key
from scrmap.checks import Severity
from scrmap.config_files import ENV_VAR, FILE_NAME, discover
from scrmap.errors import (
    A_DIRECTORY,
    NO_SUCH_FILE,
    ConfigError,
    Problem,
    link_to_nothing,
    no_such_file,
    plain_words,
)
from scrmap.findings import ALWAYS_REPORTED, INPUT_RULE
from scrmap.limits import Limits, read_config_text, undecodable
from scrmap.rules import RULES, defaults

__all__ = ["ENV_VAR", "FILE_NAME", "Config", "Configuration", "discover", "load"]


class _Severity(BaseModel):
    """What every rule's entry may hold besides its options."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    severity: Severity | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `time-bound: error` means `time-bound: {severity: error}`; YAML reads `off` as False.
        if value is False:
            return {"severity": "off"}
        if isinstance(value, str):
            return {"severity": value}
        return value


def _entry_model(rule_id: str, options: type[BaseModel]) -> type[BaseModel]:
    return create_model(f"Rule_{rule_id.replace('-', '_')}", __base__=(_Severity, options))


_RULE_MODELS = {rule_id: _entry_model(rule_id, rule.Options) for rule_id, rule in RULES.items()}

RulesConfig = create_model(  # type: ignore[call-overload]
    "RulesConfig",
    __config__=ConfigDict(extra="forbid", frozen=True, populate_by_name=True),
    **{
        rule_id.replace("-", "_"): (model | None, Field(None, alias=rule_id))
        for rule_id, model in _RULE_MODELS.items()
    },
)


SettableState = Literal["complete", "on-track", "partly-met", "not-met", "not-started"]
"""The action-plan states a status word may be given (`actionplan.SETTABLE`)."""


class Config(BaseModel):
    """A check configuration file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    threshold: int | None = Field(None, ge=1, le=100)
    rules: RulesConfig | None = None
    statuses: dict[SettableState, list[str]] | None = None
    """The Board's own status words, by state; they win over the built-in words."""

    @field_validator("statuses")
    @classmethod
    def _words(cls, value: dict[str, list[str]] | None) -> dict[str, list[str]] | None:
        for state, words in (value or {}).items():
            for word in words:
                if not status_key(word):
                    raise ValueError(f"{state}: {word!r} has no letters or digits")
        return value


@dataclass(frozen=True)
class Configuration:
    """The configuration in force and where it came from (None: the defaults)."""

    config: Config
    path: Path | None

    def vocabulary(self) -> Vocabulary:
        """The action-plan status words: the built-in ones and the configuration's."""
        extra = self.config.statuses or {}
        return Vocabulary.build({State(state): words for state, words in extra.items()})

    def settings(self) -> dict[str, tuple[Severity, Any]]:
        """Each rule's severity and options, defaults filled in."""
        out: dict[str, tuple[Severity, Any]] = defaults()
        for rule_id, rule in RULES.items():
            entry = getattr(self.config.rules, rule_id.replace("-", "_"), None)
            if entry is not None:
                options = rule.Options(**entry.model_dump(exclude={"severity"}))
                out[rule_id] = (entry.severity or rule.SEVERITY, options)
        return out


def _unknown_rules(data: Any, where: Any, name: str, prefix: str = "") -> list[Problem]:
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict):
        return []
    known = ", ".join(RULES)
    problems = []
    for key in rules:
        if key not in RULES:
            line, col = where(("rules", str(key))) or (None, None)
            why = ALWAYS_REPORTED if key == INPUT_RULE else f"unknown rule (rules: {known})"
            problems.append(Problem(name, line, col, f"{prefix}rules.{key}: {why}"))
    return problems


def _framework_key(data: Any, where: Any, name: str, prefix: str = "") -> list[Problem]:
    """A ``framework`` key, as a Board moving its framework into a folder of its own would
    write it: "unknown key (check the spelling)" sent them to check a spelling that was
    right. The framework is never a setting: say where scrmap looks for it instead."""
    if not isinstance(data, dict) or "framework" not in data:
        return []
    line, col = where(("framework",)) or (None, None)
    message = (
        f"{prefix}framework: the configuration does not choose the framework: scrmap reads "
        "the framework.yaml in the working directory, else the one beside this file; give "
        "--framework FILE or set $SCRMAP_FRAMEWORK for another"
    )
    return [Problem(name, line, col, message)]


def _clashing_statuses(config: Config, where: Any, name: str, prefix: str = "") -> list[Problem]:
    """A status word given under two states, compared as the vocabulary compares them
    (`status_key`: "Red" is "red."). The vocabulary would keep whichever state came last,
    so which one counts would hang on the order of the keys: neither is guessed."""
    first: dict[str, tuple[str, str]] = {}
    problems = []
    for state, words in (config.statuses or {}).items():
        for i, word in enumerate(words):
            key = status_key(word)
            earlier_state, earlier = first.setdefault(key, (state, word))
            if earlier_state != state:
                line, col = where(("statuses", state, i)) or (None, None)
                problems.append(
                    Problem(
                        name,
                        line,
                        col,
                        f"{prefix}statuses.{state}[{i}]: {word!r} is also a {earlier_state} "
                        f"word ({earlier!r}); give each status word one state",
                    )
                )
    return problems


def _toml_problems(exc: ValidationError, name: str) -> list[Problem]:
    return [
        Problem(
            name,
            None,
            None,
            "tool.scrmap."
            + yamlpos.dotted(tuple(err["loc"]))
            + ": "
            + (
                "unknown key (check the spelling)"
                if err["type"] == "extra_forbidden"
                else plain_words(err["msg"])
            ),
        )
        for err in exc.errors()
    ]


def load(path: Path | None, limits: Limits | None = None) -> Configuration:
    """Read and validate the configuration at ``path`` (None: the defaults)."""
    if path is None:
        return Configuration(Config(), None)
    name = str(path)
    limits = limits or Limits()
    try:
        text = read_config_text(path, limits)
    except UnicodeDecodeError as exc:
        raise ConfigError([undecodable(name, exc)]) from None
    except OSError as exc:
        why = None
        if isinstance(exc, FileNotFoundError):
            # The one wording of a path that names nothing, as for the framework.
            why = link_to_nothing(path) or f"{NO_SUCH_FILE} (the configuration file)"
            if name == "-":
                why = no_such_file(name, "configuration file")
        if isinstance(exc, IsADirectoryError):
            why = A_DIRECTORY
        if why is not None:
            raise ConfigError([Problem(name, None, None, why)]) from None
        reason = exc.strerror or str(exc)
        raise ConfigError(
            [Problem(name, None, None, f"cannot read configuration: {reason}")]
        ) from None
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = re.search(r"line (\d+), column (\d+)", str(exc))
            line, col = (int(found[1]), int(found[2])) if found else (None, None)
            raise ConfigError([Problem(name, line, col, f"not valid TOML: {exc}")]) from None
        tool = table.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError([Problem(name, None, None, "tool: must be a table ([tool.scrmap])")])
        data = tool.get("scrmap", {})
        if not isinstance(data, dict):
            raise ConfigError(
                [Problem(name, None, None, "tool.scrmap: must be a table of settings")]
            )
        problems = _framework_key(data, lambda _: None, name, "tool.scrmap.")
        problems += _unknown_rules(data, lambda _: None, name, "tool.scrmap.")
        if problems:
            raise ConfigError(problems)
        try:
            configured = Config.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(_toml_problems(exc, name)) from None
        problems = _clashing_statuses(configured, lambda _: None, name, "tool.scrmap.")
        if problems:
            raise ConfigError(problems)
        return Configuration(configured, path)
    try:
        located = yamlpos.load(text, limits)
    except yamlpos.YamlSyntaxError as exc:
        raise ConfigError([Problem(name, exc.line, exc.col, exc.message)]) from None
    if located.data is None:
        return Configuration(Config(), path)
    problems = _framework_key(located.data, located.where, name)
    problems += _unknown_rules(located.data, located.where, name)
    if problems:
        raise ConfigError(problems)
    parsed, _, problems = yamlpos.load_model(
        text, name, Config, "expected a mapping of settings", limits
    )
    if parsed is not None:
        problems += _clashing_statuses(parsed, located.where, name)
    if parsed is None or problems:
        raise ConfigError(problems)
    return Configuration(parsed, path)
