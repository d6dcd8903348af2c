"""The framework file and its learned weights as written on disk: their Pydantic models,
and the validation that reports every problem at its YAML position.

Only a file read from disk needs these: `scrmap.framework` holds the framework as the
commands use it (plain frozen dataclasses), and a framework read from its cache never
imports this module, nor Pydantic. The models' names are those of the JSON Schema that
`scrmap framework schema` prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from scrmap import framework as fw
from scrmap import learned as learned_weights
from scrmap import yamlpos
from scrmap.errors import FrameworkError, Problem
from scrmap.limits import YAML_ENDINGS, Limits
from scrmap.text import WORD, phrase_keys, very_word

if TYPE_CHECKING:
    from pydantic import GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[float, Field(allow_inf_nan=False)]
"""A learned number: YAML writes NaN and infinity (`.nan`, `.inf`, `1e400`), and the
matcher can do nothing with them, so they are the file's problem, at their place."""


class LearnedItem(BaseModel):
    """The learned model of one standard or theme."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bias: Weight
    """Log-odds before any evidence: how rare the label is."""
    cues: Weight = 0.0
    """Weight of the framework's own cue score (0 to 1) for this item."""
    cue_weights: dict[NonEmpty, Weight] = {}
    """Learned weight of each of the item's own cues (as written in the framework) where it
    matched, times its match quality: how much that cue really signals the item."""
    words: dict[NonEmpty, Weight] = {}
    """Words and two-word phrases (as written) with their weights in log-odds."""


class LearnedFor(BaseModel):
    """The framework learned weights were learned for (`scrmap.learned.LearnedFor`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    standards: dict[NonEmpty, str] = {}
    themes: dict[NonEmpty, str] = {}
    outside: str = ""


class Learned(BaseModel):
    """Everything learned for one framework, as stored in its ``.learned.yaml`` file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    learned_from: list[str] = []
    """The gold files the weights were fitted on, so a reader knows what they reflect."""
    items: Annotated[int, Field(ge=0)] = 0
    """How many labelled recommendations they were fitted on."""
    regularisation: Weight | None = None
    """The L2 strength the fit used (chosen by cross-validation)."""
    balance: Weight | None = None
    """How far rare labels were weighted up in the fit."""
    mapped: LearnedItem | None = None
    """Whether a recommendation fits the framework at all, from the words of the text and
    its best standard's cue score. A standard's learned score is this probability times
    the standard's own (fitted on recommendations that fit), so text off the framework
    ("licensing fees", "court time") stays unmapped however its words meet a cue."""
    standards: dict[NonEmpty, LearnedItem] = {}
    themes: dict[NonEmpty, LearnedItem] = {}
    framework: LearnedFor | None = None
    """The framework they were learned for: a digest of each standard's and theme's cues,
    exclusions (a standard's with those it shares with a theme) and quadrant, and of the
    outside phrases, so that a change since is told."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cue(_Frozen):
    """A phrase practitioners write that signals a standard or theme.

    In YAML a cue is a plain string, or a mapping when it needs a weight. A cue
    written in capitals (``DV``, ``MARAC``) is an acronym and matches only in
    capitals, so ``dv`` inside another word never counts.
    """

    cue: NonEmpty
    """The phrase, as practitioners write it."""
    weight: Annotated[float, Field(gt=0, le=1)] | None = None
    """How specific the cue is (0 to 1]; None lets the matcher derive it from its length."""
    adjacent: bool = False
    """Match only the cue's very words as written (a plural aside), side by side ({cue:
    family help, adjacent: true} reads "Family Help" but not "the family to help")."""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"cue": value}
        if isinstance(value, (bool, int, float)):
            raise ValueError("must be text")  # said with what YAML read and how to quote it
        if value is None or isinstance(value, list):
            # Pydantic's words would be "a mapping of keys or instance of Cue".
            raise ValueError(
                "must be a phrase, or a mapping of cue and weight ({cue: MARAC, weight: 0.5})"
            )
        return value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The published schema takes a cue as the file may write it, a phrase or a
        mapping: from the mapping alone (Pydantic's view of ``_from_string``), an editor
        would flag every plain cue of the bundled framework."""
        mapping = handler.resolve_ref_schema(handler(core_schema))
        description = mapping.pop("description", None)
        schema: JsonSchemaValue = {
            "anyOf": [{"type": "string", "minLength": 1}, mapping],
            "title": mapping.get("title", cls.__name__),
        }
        if description:
            schema["description"] = description
        return schema


class Foundation(_Frozen):
    """A cross-cutting principle that sits under every quadrant (not scored)."""

    id: NonEmpty
    title: NonEmpty
    description: str = ""


class Quadrant(_Frozen):
    """One of the framework's key learning areas."""

    id: NonEmpty
    title: NonEmpty
    description: str = ""


class Family(_Frozen):
    """A family of key themes, e.g. recurring safeguarding issues."""

    id: NonEmpty
    title: NonEmpty


class _Matchable(_Frozen):
    id: NonEmpty
    title: NonEmpty
    description: str = ""
    """The source document's wording: what people read."""
    cues: Annotated[list[Cue], Field(min_length=1)]
    """What the matcher matches."""
    exclude: list[NonEmpty] = []
    """Phrases that, where they overlap a cue match, cancel it (e.g. 'partner agencies')."""


class Standard(_Matchable):
    """A practice standard (outcome and evidence expected)."""

    group: NonEmpty
    """The heading it stands under in the source document."""
    quadrant: NonEmpty
    about_themes: list[NonEmpty] = []
    """The themes whose subjects the standard is about: it is given only where one of them
    is assigned by its cues."""


class Theme(_Matchable):
    """A key theme: a recurring safeguarding issue or area of practice."""

    family: NonEmpty | None = None
    quadrant: NonEmpty | None = None
    """The quadrant the theme belongs to; its score counts towards that quadrant's."""


class Framework(_Frozen):
    """A whole framework, as loaded from one YAML file."""

    name: NonEmpty
    title: NonEmpty
    version: str | None = None
    source: str | None = None
    description: str = ""
    foundations: list[Foundation] = []
    quadrants: Annotated[list[Quadrant], Field(min_length=1)]
    standards: Annotated[list[Standard], Field(min_length=1)]
    families: list[Family] = []
    themes: list[Theme] = []
    outside: list[NonEmpty] = []
    """Phrases naming subjects the framework does not cover ("taxi licensing", "public
    awareness campaign", "legislation"). Published reviews, national ones above all, make
    recommendations about such things, and a Board must not count them against a standard.
    They assign nothing; where one matches, the matcher lowers the text's fit (or, with
    cues alone, withholds its standards unless the evidence of practice is strong)."""
    outside_addressees: list[NonEmpty] = []
    """Bodies whose recommendations the framework does not cover when addressed to them
    ("The Home Office should ...": a department or a national regulator sets policy, not
    local practice). They count only where the subject before an active modal (*should,
    must, will, ...*) is made of such bodies alone and no other clause names someone else
    who acts, and then as an ``outside`` phrase does."""
    learned: Learned | None = None
    """Weights learned from labelled recommendations (``framework.learned.yaml`` beside the
    file, or this section); the matcher uses them when present."""


def parse(text: str, name: str = "<framework>", limits: Limits | None = None) -> fw.Framework:
    """Validate framework YAML text, as the commands use it; ``name`` is used in messages."""
    framework, located, problems = yamlpos.load_model(
        text, name, Framework, "a framework file must be a mapping of keys", limits
    )
    if located is not None and isinstance(located.data, dict):
        # Checked on the raw data so they are reported together with any type errors.
        problems += _reference_problems(located.data, located, name)
    if framework is not None and located is not None:
        if not problems:  # a standard naming a wrong quadrant leaves its own one empty
            problems += _empty_quadrants(framework, located, name)
        problems += _cue_problems(framework, located, name)
        if framework.learned is not None:
            standards = {s.id for s in framework.standards}
            themes = {t.id for t in framework.themes}
            problems += _unknown_learned_ids(
                framework.learned, located, name, standards, themes, ("learned",)
            )
    if framework is None and located is not None:
        problems = _not_a_framework(text, name, located) or problems
    if located is None and not name.lower().endswith(YAML_ENDINGS):
        # Not YAML, and not named as YAML: a draft or notes given as the framework. A
        # framework's own slip (a tab) is told at its place, without the advice.
        problems = [fw.expected_framework(problems[0]), *problems[1:]]
    if problems or framework is None:
        raise FrameworkError(problems)
    return fw.from_data(framework.model_dump())


_FRAMEWORK_KEYS = frozenset({"name", "title", "quadrants", "standards", "themes", "families"})
"""The keys of which a framework, even a broken one, has at least one."""


def _not_a_framework(text: str, name: str, located: yamlpos.Located) -> list[Problem]:
    """One problem naming what the file is when it is another of scrmap's files (the
    learned weights beside a framework, a gold file, recommendations), not a list of every
    key a framework lacks; nothing when it is a framework with mistakes."""
    from scrmap.sources.own_files import GOLD, LEARNED, what_else

    what = what_else(text, located.data, (LEARNED, GOLD))
    if what is None and isinstance(located.data, dict) and not _FRAMEWORK_KEYS & set(located.data):
        # A mapping with no key a framework has (a configuration, a draft whose first line
        # reads as "Title: ..."): the wrong file, not a framework with every key missing.
        keys = ", ".join(str(key)[:40] for key in list(located.data)[:5])
        more = f" and {len(located.data) - 5} more" if len(located.data) > 5 else ""
        message = f"has none of a framework's keys (found: {keys}{more}); expected a "
        return [Problem(name, None, None, message + fw.FRAMEWORK_FILE)]
    if what is None:
        return []
    message = (
        f"{what}, not a framework file (quadrants, standards and themes: "
        "`scrmap framework show -f yaml` prints one to start from)"
    )
    return [Problem(name, None, None, message)]


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _reference_problems(data: dict[str, Any], located: yamlpos.Located, name: str) -> list[Problem]:
    """Duplicate ids and references to ids that do not exist."""
    problems: list[Problem] = []

    def place(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        return located.positions.get((*path, "<value>")) or located.where(path)

    def report(path: tuple[str | int, ...], message: str) -> None:
        line, col = place(path) or (None, None)
        problems.append(Problem(name, line, col, f"{yamlpos.label(path, data)}: {message}"))

    # Ids are compared as the models read them, spaces around them stripped: 'S1 ' is S1.
    ids: dict[str, set[str]] = {}
    for key in ("quadrants", "standards", "families", "themes", "foundations"):
        seen = Counter[str]()
        first: dict[str, int] = {}  # id -> index of the item that has it first
        for i, item in _items(data, key):
            item_id = item.get("id")
            if isinstance(item_id, str):
                stripped = item_id.strip()
                seen[stripped] += 1
                first.setdefault(stripped, i)
                if seen[stripped] == 2:
                    at = place((key, first[stripped], "id"))
                    where = f" (first at line {at[0]})" if at else ""
                    report((key, i, "id"), f"duplicate id {stripped!r} in {key}{where}")
        ids[key] = set(seen)

    def check_ref(key: str, field: str, target: str, kind: str, required: bool) -> None:
        """Each item's ``field``, one id or a list of ids, names an item of ``target``."""
        for i, item in _items(data, key):
            ref = item.get(field)
            if ref is None and not required:
                continue
            places = enumerate(ref) if isinstance(ref, list) else [(None, ref)]
            for j, one in places:
                if isinstance(one, str) and one.strip() not in ids[target]:
                    known = ", ".join(sorted(ids[target])) or "none defined"
                    path = (key, i, field) if j is None else (key, i, field, j)
                    report(path, f"unknown {kind} {one!r} (known: {known})")

    check_ref("standards", "quadrant", "quadrants", "quadrant", required=True)
    check_ref("standards", "about_themes", "themes", "theme", required=False)
    check_ref("themes", "quadrant", "quadrants", "quadrant", required=False)
    check_ref("themes", "family", "families", "family", required=False)
    return problems


def _empty_quadrants(framework: Framework, located: yamlpos.Located, name: str) -> list[Problem]:
    """Quadrants no standard or theme names: always a gap in coverage, though no
    recommendation could have filled it."""
    reached = {s.quadrant for s in framework.standards} | {t.quadrant for t in framework.themes}
    message = (
        "quadrant {!r} has no standard or theme, so nothing can cover it; give it one, or remove it"
    )
    return [
        _at(located, name, ("quadrants", i, "id"), message.format(quadrant.id))
        for i, quadrant in enumerate(framework.quadrants)
        if quadrant.id not in reached
    ]


def _at(located: yamlpos.Located, name: str, path: tuple[str | int, ...], message: str) -> Problem:
    """A problem at ``path``'s place in the file, its message led by the path as the user
    reads it ("standards[2].cues[0]"), so each check words only what is wrong."""
    line, col = located.where(path) or (None, None)
    return Problem(name, line, col, f"{yamlpos.label(path, located.data)}: {message}")


def _cue_problems(framework: Framework, located: yamlpos.Located, name: str) -> list[Problem]:
    """Phrases that would not match as their author meant once normalised.

    Words such as 'all' or 'in' are ignored inside phrases, so an exclusion like
    'all partners' reduces to 'partner' and would cancel every 'partner' cue of its
    item; a phrase of such words alone would match nothing.
    """
    problems: list[Problem] = []
    for key, items in (("standards", framework.standards), ("themes", framework.themes)):
        for i, item in enumerate(items):
            # The same cue written twice: a slip. (Cues that differ only by their words'
            # endings, 'escalate' and 'escalation', are kept: they show how texts word it.)
            written: dict[str, int] = {}
            for j, c in enumerate(item.cues):
                first = written.setdefault(" ".join(c.cue.split()), j)
                if first != j:
                    at = located.where((key, i, "cues", first))
                    there = f"line {at[0]}" if at else f"cues[{first}]"
                    repeat = f"{c.cue!r} is written twice (first at {there}); remove one"
                    problems.append(_at(located, name, (key, i, "cues", j), repeat))
                if c.adjacent and len(phrase_keys(c.cue)) == 1:
                    # Side by side says nothing of one word.
                    alone = (
                        f"{c.cue!r} has one word to match (words such as 'the' are "
                        "ignored), so 'adjacent' means nothing; remove it"
                    )
                    problems.append(_at(located, name, (key, i, "cues", j, "adjacent"), alone))
            cue_keys = {phrase_keys(c.cue): c.cue for c in item.cues}
            phrases = [("cues", j, c.cue) for j, c in enumerate(item.cues)]
            phrases += [("exclude", j, e) for j, e in enumerate(item.exclude)]
            for field_name, j, phrase in phrases:
                keys = phrase_keys(phrase)
                message = None
                if not keys:
                    message = f"{phrase!r} has no words to match"
                elif field_name == "exclude" and keys in cue_keys:
                    message = (
                        f"exclusion {phrase!r} matches the same words as cue "
                        f"{cue_keys[keys]!r} and would cancel it; make it more specific"
                    )
                if message:
                    problems.append(_at(located, name, (key, i, field_name, j), message))
    cues = {
        phrase_keys(c.cue): (c.cue, item.id)
        for item in (*framework.standards, *framework.themes)
        for c in item.cues
    }
    seen: list[tuple[tuple[str, ...], str, str]] = []
    # An addressee counts only in who acts, where a cue counts for little, so it may share
    # a cue's words; no outside phrase or addressee may repeat another. These match only
    # their very words (a plural aside), so "procure" is not "procurement", though the two
    # have one stem.
    lists = (("outside", framework.outside), ("outside_addressees", framework.outside_addressees))
    for listed, entries in lists:
        for j, phrase in enumerate(entries):
            keys = phrase_keys(phrase)
            words = tuple(WORD.findall(phrase.lower()))
            repeated = next((s for s in seen if _same_very_words(s[0], words)), None)
            message = None
            if not keys:
                message = f"{phrase!r} has no words to match"
            elif repeated is not None:
                _, in_list, earlier = repeated
                whose = "above" if in_list == listed else f"in {in_list}"
                message = f"{phrase!r} matches the same words as {earlier!r} {whose}"
            elif listed == "outside" and keys in cues:
                cue, item_id = cues[keys]
                message = (
                    f"{phrase!r} matches the same words as cue {cue!r} of {item_id} and would "
                    "withhold the standards of every text that cue matches; remove one"
                )
            seen.append((words, listed, phrase))
            if message:
                problems.append(_at(located, name, (listed, j), message))
    return problems


def _same_very_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two outside phrases or addressees, as lower-case words, match the same
    words of a text: word for word, one of each pair perhaps the other's plural."""
    return len(a) == len(b) and all(
        very_word(x, y) or very_word(y, x) for x, y in zip(a, b, strict=True)
    )


def out_of_date_weights(
    text: str,
    name: str,
    framework: fw.Framework,
    framework_name: str,
    limits: Limits,
    within: tuple[str, ...] = (),
) -> list[Problem]:
    """What `framework validate` says of the learned weights (``text``, of the file
    ``name``, as loaded into ``framework``, the file ``framework_name``; under the keys
    ``within``, ``("learned",)`` for the framework file's own section) beyond what loading
    checked: standards and themes changed since they were learned (`_changed_since`), and
    weights of cues the framework no longer has (`_stale_cue_weights`). The file is parsed
    once for both."""
    if framework.learned is None:
        return []
    try:
        located = yamlpos.load(text, limits)
    except yamlpos.YamlSyntaxError:
        return []  # edited since it was loaded: the next run says what is wrong with it

    def at(path: tuple[str, ...], message: str, key: str | None = None) -> Problem:
        # At ``key`` under ``path`` where one is given; the message is led by the path.
        line, col = located.where((*within, *path, *([key] if key else []))) or (None, None)
        return Problem(name, line, col, f"{'.'.join((*within, *path))}: {message}")

    return [
        *_changed_since(framework, framework_name, at),
        *_stale_cue_weights(framework, framework.learned, framework_name, at),
    ]


def _stale_cue_weights(
    framework: fw.Framework,
    learned: learned_weights.Learned,
    framework_name: str,
    at: Callable[[tuple[str, ...], str, str], Problem],
) -> list[Problem]:
    """The learned weights of cues their item no longer has: weights learned from another
    version of the framework under the same ids. The matcher leaves such a weight out, so
    they are `framework validate`'s problems, not every command's."""
    problems: list[Problem] = []
    for kind, items in (("standards", framework.standards), ("themes", framework.themes)):
        cues = {item.id: {c.cue for c in item.cues} for item in items}
        for item_id, model in getattr(learned, kind).items():
            for cue in model.cue_weights:
                if cue in cues.get(item_id, ()):
                    continue
                message = (
                    f"{cue!r} is not a cue of {item_id} in {framework_name} (the weights "
                    "were learned from another version of it); learn the weights again"
                )
                problems.append(at((kind, item_id, "cue_weights"), message, cue))
    return problems


def _changed_since(
    framework: fw.Framework,
    framework_name: str,
    at: Callable[[tuple[str, ...], str], Problem],
) -> list[Problem]:
    """Each standard and theme of ``framework`` added, changed or removed since its learned
    weights were learned, at the place of its digest in their ``framework`` record (of the
    record, for one added). Every command warns of them once; `framework validate` names
    each."""
    from scrmap.learned import changes

    problems = []
    for change in changes(framework):
        path: tuple[str, ...] = ("framework", change.kind)
        if change.how != "new" and change.kind != "outside":
            path = (*path, change.id)
        where = {"new": "to", "changed": "in", "gone": "from"}[change.how]
        message = (
            f"{change.words()} {where} {framework_name} since these weights were learned; "
            "learn the weights again"
        )
        problems.append(at(path, message))
    return problems


def _unknown_learned_ids(
    learned: Learned,
    located: yamlpos.Located,
    name: str,
    standards: set[str],
    themes: set[str],
    at: tuple[str, ...],
) -> list[Problem]:
    """Learned weights (under ``at`` in the file) of standards or themes the framework does
    not have: left from another framework, they would fail the matcher."""
    problems: list[Problem] = []
    for kind, known in (("standards", standards), ("themes", themes)):
        for item_id in getattr(learned, kind):
            if item_id not in known:
                line, col = located.where((*at, kind, item_id)) or (None, None)
                where = ".".join((*at, kind))
                message = (
                    f"{where}: unknown {kind[:-1]} {item_id!r} in this framework; learn the "
                    "weights again for this framework, or map with --no-learned"
                )
                problems.append(Problem(name, line, col, message))
    return problems


def parse_learned(
    text: str, name: str, standards: set[str], themes: set[str], limits: Limits | None = None
) -> learned_weights.Learned:
    """Validate learned weights, as the matcher uses them; ids the framework does not have
    are errors."""
    learned, located, problems = yamlpos.load_model(
        text, name, Learned, "a learned-weights file must be a mapping of keys", limits
    )
    if learned is not None and located is not None:
        problems += _unknown_learned_ids(learned, located, name, standards, themes, ())
    if problems or learned is None:
        raise FrameworkError(problems)
    return learned_weights.from_data(learned.model_dump())
