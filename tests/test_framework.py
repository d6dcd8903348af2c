import re
from collections.abc import Callable
from pathlib import Path

import pytest

from scrmap import framework as fw
from scrmap.errors import FrameworkError, UnreadableFrameworkError
from scrmap.limits import Limits

from .conftest import ROOT

QUADRANTS = {
    "Q1": "Professional curiosity",
    "Q2": "Information sharing and fora for discussion",
    "Q3": "Collaborative working, decision making and planning",
    "Q4": "Leadership: ownership, accountability and management grip",
}
THEMES = {
    "safeguarding-issues": [
        "domestic-abuse",
        "challenge-escalation",
        "engaging-fathers",
        "neglect",
    ],
    "areas-of-practice": [
        "information-sharing",
        "returning-home",
        "disseminating-learning",
        "child-engagement",
        "referral-quality",
        "early-help",
        "child-sexual-abuse",
        "supervision",
        "historical-information",
    ],
}


def squash(text: str) -> str:
    return " ".join(text.split())


def test_norfolk_ids_and_counts(norfolk: fw.Framework) -> None:
    assert {q.id: q.title for q in norfolk.quadrants} == QUADRANTS
    assert len(norfolk.standards) == 23
    assert [t.id for t in norfolk.themes] == THEMES["safeguarding-issues"] + THEMES[
        "areas-of-practice"
    ]
    for family, ids in THEMES.items():
        assert [t.id for t in norfolk.themes if t.family == family] == ids
    assert {f.id for f in norfolk.foundations} == {"child-at-heart", "risk-and-uncertainty"}


def test_every_standard_and_theme_has_cues(norfolk: fw.Framework) -> None:
    for item in [*norfolk.standards, *norfolk.themes]:
        assert item.cues, item.id
        assert item.description, item.id


def appendix_1(seed_text: str) -> dict[str, tuple[str, str]]:
    """Standard id -> (group heading, wording), read from the brief's Appendix 1."""
    appendix = seed_text.split("Appendix 1:")[1]
    out: dict[str, tuple[str, str]] = {}
    group = ""
    for line in appendix.splitlines():
        line = line.strip()
        heading = re.match(r"^\d\. ([A-Z][A-Z ,:\-]+)$", line)
        if heading:
            group = heading.group(1)
        elif line.startswith("Ownership and accountability:"):
            group = line
        item = re.match(r"^- (\d\.\d) (.+)$", line)
        if item:
            out[item.group(1)] = (group, item.group(2))
    return out


def test_standards_match_the_seed(norfolk: fw.Framework, seeds: Path) -> None:
    expected = appendix_1((seeds / "001_c40c3a1c82b4c19b.txt").read_text(encoding="utf-8"))
    assert len(expected) == 23
    assert [s.id for s in norfolk.standards] == list(expected)
    for standard in norfolk.standards:
        group, wording = expected[standard.id]
        assert squash(standard.description) == squash(wording), standard.id
        assert standard.group.casefold() == group.casefold(), standard.id
        group_number = int(standard.id.split(".")[0])
        assert standard.quadrant == f"Q{min(group_number, 4)}", standard.id


def test_quadrants_and_themes_match_the_seed(norfolk: fw.Framework, seeds: Path) -> None:
    text = squash((seeds / "001_c40c3a1c82b4c19b.txt").read_text(encoding="utf-8"))
    for number, quadrant in enumerate(norfolk.quadrants, start=1):
        # The brief writes "1. **Title** (en dash) how can ..."; the file capitalises "How".
        entry = text.split(f" {number}. **")[1].split("?")[0] + "?"
        assert squash(quadrant.description).casefold() in entry.casefold(), quadrant.id
    key_themes = text.split("KEY THEMES:")[1].split("Learning in Practice")[0]
    for theme in norfolk.themes:
        assert f"- {theme.description}" in key_themes, theme.id
    for foundation in norfolk.foundations:
        first_sentence = squash(foundation.description).split(". ")[0]
        assert first_sentence in text, foundation.id


def test_bundled_framework_is_the_repository_file() -> None:
    assert fw.bundled_path().read_text() == (ROOT / "framework.yaml").read_text()


def test_resolve_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fw.ENV_VAR, raising=False)
    assert fw.resolve_path(None, tmp_path) == fw.bundled_path()
    local = tmp_path / "framework.yaml"
    local.write_text("x")
    assert fw.resolve_path(None, tmp_path) == local
    monkeypatch.setenv(fw.ENV_VAR, "/from/env.yaml")
    assert fw.resolve_path(None, tmp_path) == Path("/from/env.yaml")
    assert fw.resolve_path(Path("explicit.yaml"), tmp_path) == Path("explicit.yaml")


def test_example_framework_loads() -> None:
    example = fw.load(ROOT / "examples" / "adult-sar-framework.yaml")
    assert [q.id for q in example.quadrants] == ["MSP", "MAW", "GOV"]
    assert example.standards[0].id == "P1"


MINIMAL = """\
name: t
title: Test
quadrants:
  - id: A
    title: Area A
standards:
  - id: S1
    group: G
    quadrant: A
    title: First
    cues: [one]
  - id: S2
    group: G
    quadrant: A
    title: Second
    cues: [two]
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(FrameworkError) as info:
        fw.parse(text, "f.yaml")
    return [str(p) for p in info.value.problems]


def test_minimal_framework_parses() -> None:
    loaded = fw.parse(MINIMAL, "f.yaml")
    assert [s.id for s in loaded.standards] == ["S1", "S2"]
    assert loaded.standards[0].cues[0].cue == "one"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    quadrant: A\n    title: Second",
            "    quadrant: B\n    title: Second",
            "f.yaml:14:15: standards[1] (id 'S2').quadrant: unknown quadrant 'B' (known: A)",
            id="wrong-quadrant",
        ),
        pytest.param(
            "  - id: S2",
            "  - id: S1",
            "f.yaml:12:9: standards[1] (id 'S1').id: duplicate id 'S1' in standards (first at "
            "line 7)",
            id="duplicate-standard",
        ),
        pytest.param(
            "    title: First\n",
            "",
            "f.yaml:7:5: standards[0] (id 'S1').title: missing required field",
            id="missing-title",
        ),
        pytest.param(
            "    cues: [one]",
            "    cues: []",
            "f.yaml:11:11: standards[0] (id 'S1').cues: must not be empty",
            id="empty-cues",
        ),
        pytest.param(
            "    cues: [one]",
            "    cues: ['  ']",
            "f.yaml:11:12: standards[0] (id 'S1').cues[0].cue: must not be empty",
            id="blank-cue",
        ),
        pytest.param(
            "    group: G\n    quadrant: A\n    title: First",
            "    group: G\n    quadrant: A\n    title: First\n    colour: red",
            "f.yaml:11:5: standards[0] (id 'S1').colour: unknown key (check the spelling)",
            id="unknown-key",
        ),
        pytest.param(
            "  - id: S2",
            "  - id: 2.1",
            "f.yaml:12:9: standards[1].id: must be text, but YAML reads 2.1 as a number; "
            "quote it: '2.1'",
            id="numeric-id",
        ),
        pytest.param(
            "  - id: S2",
            "  - id: 1.10",
            "f.yaml:12:9: standards[1].id: must be text, but YAML reads 1.10 as the number "
            "1.1; quote it: '1.10'",
            id="numeric-id-losing-its-zero",
        ),
        pytest.param(
            "    cues: [two]",
            "    cues: [two, 999]",
            "f.yaml:16:17: standards[1] (id 'S2').cues[1]: must be text, but YAML reads 999 as "
            "a number; quote it: '999'",
            id="numeric-cue",
        ),
        pytest.param(
            "  - id: S2\n    group: G\n    quadrant: A\n    title: Second\n    cues: [two]\n",
            "  - 2.1\n  - S3\n",
            "f.yaml:12:5: standards[1]: must be a mapping of keys\n"
            "f.yaml:13:5: standards[2]: must be a mapping of keys",
            id="standard-not-a-mapping",
        ),
        pytest.param(
            "    cues: [two]",
            "    cues: [two, [a, b], ~]",
            "f.yaml:16:17: standards[1] (id 'S2').cues[1]: must be a phrase, or a mapping of "
            "cue and weight ({cue: MARAC, weight: 0.5})\n"
            "f.yaml:16:25: standards[1] (id 'S2').cues[2]: must be a phrase, or a mapping of "
            "cue and weight ({cue: MARAC, weight: 0.5})",
            id="cue-of-another-shape",
        ),
        pytest.param(
            "    cues: [two]",
            "    cues: [two]\n    exclude: [yes]",
            "f.yaml:17:15: standards[1] (id 'S2').exclude[0]: must be text, but YAML reads yes "
            "as true; quote it: 'yes'",
            id="yes-as-true",
        ),
        pytest.param(
            "title: Test",
            "title: Test\nversion: 1.10",
            "f.yaml:3:10: version: must be text, but YAML reads 1.10 as the number 1.1; "
            "quote it: '1.10'",
            id="numeric-version",
        ),
        pytest.param(
            "  - id: S2",
            "  - id: 'S1 '",
            "f.yaml:12:9: standards[1] (id 'S1 ').id: duplicate id 'S1' in standards (first "
            "at line 7)",
            id="duplicate-but-for-a-space",
        ),
        pytest.param(
            "    quadrant: A\n    title: Second",
            "    quadrant: ' A'\n    title: Second",
            None,
            id="reference-with-a-space",
        ),
        pytest.param(
            "    title: Area A\n",
            "    title: Area A\nfamilies: [{id: f, title: F}]\nthemes:\n"
            "  - {id: t, family: ' f', quadrant: 'A ', title: T, cues: [x]}\n",
            None,
            id="theme-references-with-spaces",
        ),
        pytest.param(
            "    title: Area A\n",
            "    title: Area A\nfamilies: [{id: risks, title: Risks}]\nthemes:\n"
            "  - {id: t, family: risk, title: T, cues: [x]}\n",
            "f.yaml:8:21: themes[0] (id 't').family: unknown family 'risk' (known: risks)",
            id="unknown-family",
        ),
        pytest.param(
            "  - id: S2",
            "\t- id: S2",
            "f.yaml:12:1: not valid YAML: a tab character; YAML indents with spaces only",
            id="tab-indent",
        ),
        pytest.param(
            "    cues: [two]",
            "    cues: two",
            "f.yaml:16:11: standards[1] (id 'S2').cues: must be a list",
            id="wrong-type",
        ),
        pytest.param(
            "title: Test\n",
            "title: Test\ntitle: Again\n",
            "f.yaml:3:1: duplicate key 'title'",
            id="duplicate-key",
        ),
        pytest.param(
            "title: Test",
            'title: "Test',
            "f.yaml:2:8: not valid YAML: a quote opened here never closes",
            id="syntax",
        ),
        pytest.param(
            "    cues: [one]",
            "    cues: [one\n    exclude: [two]",
            "f.yaml:12:12: not valid YAML: did not find expected ',' or ']' (in the [ ] opened "
            "at line 11, column 11)",
            id="bracket-not-closed",
        ),
        pytest.param(
            "title: Test\n",
            "title: Test\n---\n",
            "f.yaml:3:1: not valid YAML: expected a single document in the stream, but found "
            "another document",
            id="two-documents",
        ),
        pytest.param(
            "    title: First",
            "     title: First",
            "f.yaml:10:11: not valid YAML: mapping values are not allowed in this context "
            "(check this line's indentation against the line above, or quote a value that "
            "holds ': ')",
            id="odd-indentation",
        ),
    ],
)
def test_each_problem_is_reported_with_position(old: str, new: str, expected: str | None) -> None:
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    if expected is None:
        parsed = fw.parse(text, "f.yaml")
        assert [s.quadrant for s in parsed.standards] == ["A", "A"]
        assert [(t.quadrant, t.family) for t in parsed.themes] == [("A", "f")] * len(parsed.themes)
    else:
        assert problems_of(text) == expected.split("\n")


def test_all_problems_are_reported_at_once() -> None:
    text = MINIMAL.replace("  - id: S2", "  - id: S1").replace(
        "quadrant: A\n    title: Second", "quadrant: Z\n    titel: Second"
    )
    found = problems_of(text)
    assert len(found) == 4, found
    assert any("duplicate id 'S1'" in p for p in found)
    assert any("unknown quadrant 'Z'" in p for p in found)
    assert any("titel: unknown key" in p for p in found)
    assert any(".title: missing required field" in p for p in found)


def test_not_a_mapping_and_missing_file(tmp_path: Path) -> None:
    assert problems_of("- just\n- a list\n") == [
        "f.yaml:1:1: a framework file must be a mapping of keys"
    ]
    with pytest.raises(FrameworkError) as info:
        fw.load(tmp_path / "absent.yaml")
    absent = tmp_path / "absent.yaml"
    assert str(info.value) == f"{absent}: no such file or directory (the framework file)"


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(ord("b"), ord("j")):
        prev = chr(n - 1)
        refs = ", ".join([f"*{prev}"] * 10)
        bomb += f"{chr(n)}: &{chr(n)} [{refs}]\n"
    found = problems_of(bomb)
    assert len(found) == 1 and "alias bomb" in found[0]


def test_phrases_that_collapse_are_reported() -> None:
    text = MINIMAL.replace(
        "    cues: [one]", "    cues: [partner, 'of the']\n    exclude: [all partners]"
    )
    assert problems_of(text) == [
        "f.yaml:11:21: standards[0] (id 'S1').cues[1]: 'of the' has no words to match",
        "f.yaml:12:15: standards[0] (id 'S1').exclude[0]: exclusion 'all partners' matches the "
        "same words as cue 'partner' and would cancel it; make it more specific",
    ]


def test_outside_phrases_parse_and_an_empty_one_is_reported() -> None:
    loaded = fw.parse(MINIMAL + "outside: [taxi licensing]\n", "f.yaml")
    assert loaded.outside == ("taxi licensing",)
    assert problems_of(MINIMAL + "outside: [taxi, 'of the']\n") == [
        "f.yaml:17:17: outside[1]: 'of the' has no words to match"
    ]


def test_outside_phrases_that_repeat_or_are_cues_are_reported() -> None:
    assert problems_of(MINIMAL + "outside: [taxi, Taxis, one]\n") == [
        "f.yaml:17:17: outside[1]: 'Taxis' matches the same words as 'taxi' above",
        "f.yaml:17:24: outside[2]: 'one' matches the same words as cue 'one' of S1 and would "
        "withhold the standards of every text that cue matches; remove one",
    ]


def test_outside_phrases_of_one_stem_but_other_words_may_both_be_listed() -> None:
    """Outside phrases match their very words (a plural aside), so "procure" is not
    "procurement", though the two have one stem: each may be listed."""
    loaded = fw.parse(
        MINIMAL + "outside: [procurement, procure, safe sleep, safe sleeping]\n", "f.yaml"
    )
    assert loaded.outside == ("procurement", "procure", "safe sleep", "safe sleeping")


def test_outside_addressees_parse_and_repeats_are_reported() -> None:
    loaded = fw.parse(MINIMAL + "outside_addressees: [Home Office]\n", "f.yaml")
    assert loaded.outside_addressees == ("Home Office",)
    # An addressee counts only in who acts, so it may share a cue's words ('one').
    text = MINIMAL + "outside: [taxi]\noutside_addressees: [ofsted, Taxis, 'of the', one, Ofsted]\n"
    assert problems_of(text) == [
        "f.yaml:18:30: outside_addressees[1]: 'Taxis' matches the same words as 'taxi' in outside",
        "f.yaml:18:37: outside_addressees[2]: 'of the' has no words to match",
        "f.yaml:18:52: outside_addressees[4]: 'Ofsted' matches the same words as 'ofsted' above",
    ]


THEMED = (
    MINIMAL
    + """\
themes:
  - id: T1
    title: Theme one
    cues: [three]
"""
)


def test_about_themes_parse_and_unknown_themes_are_reported_at_their_place() -> None:
    text = THEMED.replace("    cues: [two]", "    cues: [two]\n    about_themes: [T1]")
    assert fw.parse(text, "f.yaml").standards[1].about_themes == ("T1",)
    assert fw.parse(THEMED, "f.yaml").standards[1].about_themes == ()
    wrong = THEMED.replace("    cues: [two]", "    cues: [two]\n    about_themes: [T1, T2]")
    assert problems_of(wrong) == [
        "f.yaml:17:24: standards[1] (id 'S2').about_themes[1]: unknown theme 'T2' (known: T1)"
    ]


def test_a_cue_written_twice_in_one_item_is_reported() -> None:
    text = MINIMAL.replace("    cues: [one]", "    cues: [one, 'one  ', ones, ONE]")
    # Only the same words as written: 'ones' (another ending) and 'ONE' (an acronym) differ.
    assert problems_of(text) == [
        "f.yaml:11:17: standards[0] (id 'S1').cues[1]: 'one' is written twice "
        "(first at line 11); remove one"
    ]


def test_an_adjacent_cue_is_read_and_one_of_one_word_is_reported() -> None:
    text = MINIMAL.replace("    cues: [two]", "    cues: [{cue: two by two, adjacent: true}]")
    assert fw.parse(text, "f.yaml").standards[1].cues[0] == fw.Cue(cue="two by two", adjacent=True)
    one = MINIMAL.replace("    cues: [one]", "    cues: [{cue: one, adjacent: true}]")
    assert problems_of(one) == [
        "f.yaml:11:23: standards[0] (id 'S1').cues[0].adjacent: 'one' has one word to match "
        "(words such as 'the' are ignored), so 'adjacent' means nothing; remove it"
    ]


def test_a_quadrant_nothing_reaches_is_reported() -> None:
    text = MINIMAL.replace("quadrants:\n", "quadrants:\n  - id: E\n    title: Empty\n")
    assert problems_of(text) == [
        "f.yaml:4:5: quadrants[0] (id 'E').id: quadrant 'E' has no standard or theme, so "
        "nothing can cover it; give it one, or remove it"
    ]
    themed = text + "themes:\n  - {id: t, family: f, quadrant: E, title: T, cues: [x]}\n"
    themed += "families:\n  - {id: f, title: F}\n"
    assert [q.id for q in fw.parse(themed, "f.yaml").quadrants] == ["E", "A"]


def test_a_quadrant_emptied_by_a_wrong_quadrant_name_is_not_reported_too() -> None:
    """A standard naming a quadrant that does not exist leaves its own one empty: the wrong
    name is the one problem, and the empty quadrant would send the user after a second."""
    text = MINIMAL.replace("quadrant: A", "quadrant: a")
    assert [p.split(": ", 1)[1] for p in problems_of(text)] == [
        "standards[0] (id 'S1').quadrant: unknown quadrant 'a' (known: A)",
        "standards[1] (id 'S2').quadrant: unknown quadrant 'a' (known: A)",
    ]


def _with_aliases(count: int) -> str:
    """MINIMAL with ``count`` more standards sharing the first one's cues by an alias, as a
    maintainer writes shared cue lists."""
    text = MINIMAL.replace("    cues: [one]", "    cues: &shared [one]")
    for n in range(count):
        text += f"  - {{id: X{n}, group: G, quadrant: A, title: X, cues: *shared}}\n"
    return text


def test_the_yaml_limits_in_force_hold_for_the_framework_and_its_weights(tmp_path: Path) -> None:
    """The message says SCRMAP_MAX_YAML_ALIASES raises the limit, and for the framework and
    its weights it did not: they were read under the defaults whatever it said."""
    path = tmp_path / "f.yaml"
    path.write_text(_with_aliases(60), encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        fw.load(path)
    assert "more than 50 aliases" in str(info.value)
    assert len(fw.load(path, Limits(yaml_aliases=60)).standards) == 62
    with pytest.raises(FrameworkError) as info:
        fw.load(path, Limits(yaml_aliases=60, yaml_depth=2))
    assert str(info.value).startswith(f"{path}:4:5: nested deeper than 2 levels")
    path.write_text(MINIMAL, encoding="utf-8")
    weights = tmp_path / "f.learned.yaml"
    weights.write_text("standards: {S1: {bias: &b 1.0}, S2: {bias: *b, cues: *b}}\n")
    assert fw.load(path, Limits(yaml_aliases=2)).learned is not None
    with pytest.raises(FrameworkError) as info:
        fw.load(path, Limits(yaml_aliases=1))
    assert str(info.value).startswith(f"{weights}:1:54: more than 1 aliases")


def test_a_learned_id_yaml_reads_as_a_number_is_named_as_written(tmp_path: Path) -> None:
    """It was 'standards.1.1.[key]: must be text': the id as YAML read it, in Pydantic's path."""
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    weights = tmp_path / "f.learned.yaml"
    weights.write_text("standards:\n  1.10: {bias: 1.0}\n")
    with pytest.raises(FrameworkError) as info:
        fw.load(path)
    assert str(info.value) == (
        f"{weights}:2:3: standards: key 1.10: must be text, but YAML reads 1.10 as the number "
        "1.1; quote it: '1.10'"
    )


def test_learned_weights_are_read_within_the_size_limit(tmp_path: Path) -> None:
    """Weights beside the framework that are a link to /dev/zero filled memory (exit 3)."""
    path = tmp_path / "f.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    weights = tmp_path / "f.learned.yaml"
    weights.symlink_to("/dev/zero")
    with pytest.raises(FrameworkError) as info:
        fw.load(path, Limits(config_mb=0.01))
    assert str(info.value) == (
        f"{weights}: cannot read: more than 0.01 MB (SCRMAP_MAX_CONFIG_MB raises the limit)"
    )


@pytest.mark.parametrize(
    ("encode", "title"),
    [
        (lambda text: text.encode("cp1252"), "Agencies\u2019 area \u2013 A"),
        (lambda text: text.encode("utf-16"), "Agencies\u2019 area \u2013 A"),
        (lambda text: text.encode("utf-32"), "Agencies\u2019 area \u2013 A"),
        (lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), "Agencies\u2019 area \u2013 A"),
    ],
    ids=["windows-1252", "utf-16-with-its-mark", "utf-32-with-its-mark", "utf-8-with-its-mark"],
)
def test_a_framework_is_read_in_the_encodings_an_input_file_is(
    tmp_path: Path, encode: Callable[[str], bytes], title: str
) -> None:
    """Notepad's "ANSI" was refused as "not UTF-8 text (byte 118)", with no line, though
    the README reads a file with no UTF-8 in it as Windows-1252."""
    path = tmp_path / "f.yaml"
    path.write_bytes(encode(MINIMAL.replace("title: Area A", f"title: {title}")))
    assert fw.load(path).quadrants[0].title == title


def test_a_stray_byte_in_a_utf8_framework_is_named_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    text = MINIMAL.replace("title: Area A", "title: Agencies\u2019 area")
    path.write_bytes(text.encode("utf-8").replace(b"First", b"Fir\x92st"))
    with pytest.raises(FrameworkError) as info:
        fw.load(path)
    assert str(info.value) == f"{path}:10:15: invalid UTF-8 byte 0x92; save the file as UTF-8"
    path.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe")
    with pytest.raises(FrameworkError) as info:
        fw.load(path)
    assert str(info.value) == f"{path}: a binary file, not text; expected a {fw.FRAMEWORK_FILE}"
    # Valid UTF-8 to a decoder, a NUL every other byte: it was "not valid YAML: unacceptable
    # character #x0000" at 1:2, a framework with a mistake (exit 1), not a file to save again.
    path.write_bytes(MINIMAL.encode("utf-16-le"))
    with pytest.raises(UnreadableFrameworkError) as info:
        fw.load(path)
    assert str(info.value) == (
        f"{path}: UTF-16 text without a byte-order mark, which scrmap does not guess: save it "
        "as UTF-8"
    )


def test_a_learned_section_naming_what_the_framework_lacks_is_refused_at_its_place() -> None:
    """Weights in the file's own `learned` section were not checked against its ids, as
    those beside it are: validation said "valid" and `map` ended in an internal error."""
    text = MINIMAL + "learned:\n  standards:\n    S9: {bias: 1.0}\n  themes:\n    t: {bias: 1.0}\n"
    assert problems_of(text) == [
        "f.yaml:19:5: learned.standards: unknown standard 'S9' in this framework; learn the "
        "weights again for this framework, or map with --no-learned",
        "f.yaml:21:5: learned.themes: unknown theme 't' in this framework; learn the weights "
        "again for this framework, or map with --no-learned",
    ]


def test_a_link_to_nothing_is_named_as_one_for_the_framework_and_its_weights(
    tmp_path: Path,
) -> None:
    """As a recommendation file's is: "no such file or directory" for a name that is there,
    and weights that were a link to nothing were left out without a word."""
    path = tmp_path / "f.yaml"
    path.symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(UnreadableFrameworkError) as info:
        fw.load(path)
    gone = tmp_path / "gone.yaml"
    assert str(info.value) == f"{path}: a symbolic link to '{gone}', which does not exist"
    path.unlink()
    path.write_text(MINIMAL, encoding="utf-8")
    weights = tmp_path / "f.learned.yaml"
    weights.symlink_to(tmp_path / "moved.learned.yaml")
    with pytest.raises(FrameworkError) as info:
        fw.load(path)
    moved = tmp_path / "moved.learned.yaml"
    assert str(info.value) == f"{weights}: a symbolic link to '{moved}', which does not exist"
