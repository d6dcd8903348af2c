"""Golden cases for every check rule: tests/rules/<rule>.yaml holds inputs and the
recommendations each rule must report (`(review)` for a whole review)."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from scrmap.checks import Severity, run
from scrmap.matcher import Matcher
from scrmap.rules import RULES, defaults, rule_docs
from scrmap.sources.yaml_file import load_yaml

from .conftest import ROOT

GOLDEN = Path(__file__).parent / "rules"


def golden_cases() -> list[Any]:
    params = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            params.append(pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}"))
    return params


def as_file(case: dict[str, Any]) -> str:
    fields = ("kind", "owner", "agency", "due", "evidence")
    recs = case.get("recommendations") or [
        {"id": "r1", "text": case["text"]} | {k: case[k] for k in fields if k in case}
    ]
    return yaml.safe_dump({"case": "Golden", "recommendations": recs}, sort_keys=False)


@pytest.mark.parametrize(("rule_id", "case"), golden_cases())
def test_golden(norfolk, rule_id: str, case: dict[str, Any]) -> None:
    recs, problems = load_yaml(as_file(case), "golden.yaml")
    assert all(p.rule == rule_id for p in problems)  # warnings the rule says itself
    settings = {
        rid: (
            rule.SEVERITY if rid == rule_id else Severity.off,
            rule.Options(**(case.get("options") or {})) if rid == rule_id else rule.Options(),
        )
        for rid, rule in RULES.items()
    }
    findings = run(recs, [], Matcher(norfolk), settings)
    assert {f.rule for f in findings} <= {rule_id}
    assert [f.recommendation or "(review)" for f in findings] == case["expect"]
    for f in findings:
        assert f.path == "golden.yaml"
        assert (f.line is None) == (f.recommendation is None)


def test_every_rule_has_passing_and_failing_golden_cases() -> None:
    seen: dict[str, set[bool]] = {}
    for param in golden_cases():
        rule_id, case = param.values
        seen.setdefault(rule_id, set()).add(bool(case["expect"]))
    assert {rule_id: {False, True} for rule_id in RULES} == seen


def test_rule_modules_are_documented() -> None:
    for rule_id, rule in RULES.items():
        assert rule_id == rule.ID
        assert "Passing:" in rule.__doc__ and "Failing:" in rule.__doc__
        assert rule.SEVERITY in (Severity.error, Severity.warning)
        assert rule.KINDS
        assert any(hasattr(rule, f) for f in ("check", "check_review", "check_set"))


def unmapped_finding(norfolk, text: str):
    """The one finding of the `unmapped` rule alone on ``text``."""
    recs, _ = load_yaml(as_file({"text": text}), "golden.yaml")
    settings = {rid: (Severity.off, rule.Options()) for rid, rule in RULES.items()}
    settings["unmapped"] = (Severity.error, RULES["unmapped"].Options())
    (finding,) = run(recs, [], Matcher(norfolk), settings)
    return finding


def test_unmapped_message_names_the_nearest_standards(norfolk) -> None:
    finding = unmapped_finding(
        norfolk, "Staff should be aware of the agency's lone working arrangements."
    )
    assert finding.message.startswith("maps onto no practice standard")
    assert ("nearest: " in finding.message) or (
        "none of the framework's phrases for a standard appear" in finding.message
    )
    assert finding.location() == "golden.yaml:3"


def _specific_message(norfolk, text: str) -> str:
    recs, _ = load_yaml(as_file({"text": text}), "golden.yaml")
    settings = {rid: (Severity.off, rule.Options()) for rid, rule in RULES.items()}
    settings["specific"] = (Severity.warning, RULES["specific"].Options())
    (finding,) = run(recs, [], Matcher(norfolk), settings)
    return finding.message


def test_specific_names_an_agency_that_is_there_but_does_not_act(norfolk) -> None:
    """A reviewer who sees 'schools' in the text would take a bare "does not say who must
    act" for a mistake; the message says which agency is named, and that it does not act."""
    named = _specific_message(norfolk, "Training should be provided across schools and GPs.")
    assert named.startswith("does not say who must act; 'schools' is named, but not as who")
    nobody = _specific_message(norfolk, "Professionals must respond to concerns.")
    assert nobody.startswith("does not say who must act: name an agency")


def test_weak_match_message_quotes_the_words_the_match_rests_on(norfolk) -> None:
    """A drafter told only "name the practice in the framework's words" had nothing to go
    on; the message quotes what the best standard matched, so the thin evidence shows."""
    recs, _ = load_yaml(
        as_file({"text": "Agencies should review how they respond to missed health appointments."}),
        "golden.yaml",
    )
    settings = {rid: (Severity.off, rule.Options()) for rid, rule in RULES.items()}
    settings["weak-match"] = (Severity.warning, RULES["weak-match"].Options())
    (finding,) = run(recs, [], Matcher(norfolk), settings)
    best = Matcher(norfolk).match(recs[0].text).best_standard
    assert best is not None and best.evidence
    words = ", ".join(repr(w) for w in dict.fromkeys(e.matched for e in best.evidence))
    assert f"scores {best.score} (under 70) on {words} alone, and " in finding.message
    # More than three: the rest counted, not called "alone".
    recs, _ = load_yaml(
        as_file(
            {"text": "Agencies should family and neglect and safeguarding and child and police."}
        ),
        "golden.yaml",
    )
    (many,) = run(recs, [], Matcher(norfolk), settings)
    assert " more, and such mappings" in many.message and "alone" not in many.message


def test_duplicate_message_names_eight_shared_words_and_counts_the_rest(norfolk) -> None:
    """A CI log should not hold a long recommendation's wording whole."""
    text = (
        "Children's services, police, health visitors, schools and the voluntary sector "
        "must improve information sharing about domestic abuse, neglect and exploitation."
    )
    pair = [{"id": "r1", "text": text}, {"id": "r2", "text": text}]
    recs, _ = load_yaml(as_file({"recommendations": pair}), "plan.yaml")
    settings = {rid: (Severity.off, rule.Options()) for rid, rule in RULES.items()}
    settings["duplicate"] = (Severity.warning, RULES["duplicate"].Options())
    (finding,) = run(recs, [], Matcher(norfolk), settings)
    shared = finding.message.split("shared words: ")[1].split("): ")[0]
    assert shared.startswith("Children's, services, police, health")
    assert len(shared.split(", ")) == 8 and shared.endswith(" more"), shared


def test_docs_are_built_from_the_docstrings() -> None:
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert docs == rule_docs(), "regenerate: scrmap check --list-rules > docs/rules.md"


def test_the_defaults_are_the_options_a_validation_gives() -> None:
    """`defaults` constructs the options without validating them (so that `check` without a
    configuration builds no schema): they must be what validating nothing gives."""
    for rule_id, (severity, options) in defaults().items():
        rule = RULES[rule_id]
        assert severity is rule.SEVERITY
        assert options == rule.Options.model_validate({}), rule_id
        assert options.model_fields_set == set(), rule_id


def test_docs_show_the_default_a_user_gets() -> None:
    docs = rule_docs()
    assert "PydanticUndefined" not in docs
    assert "| `actors` | `[]` |" in docs


def test_unmapped_message_says_a_subject_is_outside_the_framework(norfolk) -> None:
    text = "Agencies should ensure fathers are engaged in assessments, and review taxi licensing."
    finding = unmapped_finding(norfolk, text)
    assert finding.message.startswith(
        "maps onto no practice standard: it names a subject outside the framework (“taxi”, "
        "“licensing”), so its standards are withheld (nearest: 1.3 ("
    )


def test_unmapped_message_says_when_the_fit_withheld_the_standards(norfolk) -> None:
    text = "The housing department should review rent arrears procedures for council tenants."
    result = Matcher(norfolk).match(text)
    assert result.fits is not None and result.fits < 50 <= result.standards[0].score
    finding = unmapped_finding(norfolk, text)
    assert finding.message.startswith(
        f"maps onto no practice standard: it reads as outside the framework (fit {result.fits}, "
        "needs 50), so its standards are withheld (nearest: "
    )


def test_the_loaders_leave_a_due_date_that_is_not_one_to_time_bound() -> None:
    from scrmap.rules import time_bound
    from scrmap.sources._base import DUE_RULE

    assert DUE_RULE == time_bound.ID


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_input_cannot_be_selected_or_ignored(option: str) -> None:
    from scrmap.checks import chosen
    from scrmap.errors import ConfigError
    from scrmap.findings import ALWAYS_REPORTED
    from scrmap.rules import defaults

    ids = {"select": (), "ignore": (), option: ("input",)}
    with pytest.raises(ConfigError) as raised:
        chosen(defaults(), ids["select"], ids["ignore"])
    assert [str(p) for p in raised.value.problems] == [f"--{option}: {ALWAYS_REPORTED}"]
