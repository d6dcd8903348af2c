"""The framework model: quadrants, practice standards, key themes and their cues.

The framework file is the user's to replace (adult reviews and domestic homicide
reviews use the same shape with other ids), so nothing here knows Norfolk's ids.
Loading validates everything at once and reports each problem at the YAML
position it comes from, because a board officer editing the file needs the line,
not a Python traceback.

The framework as the commands use it is plain frozen dataclasses, not the Pydantic models
that validate the file (`scrmap.framework_file`): most runs read the framework from its
cache (`scrmap.framework_cache`), and importing Pydantic and building its models would
take longer than the rest of mapping a sentence.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from scrmap import learned as learned_weights
from scrmap import plain_data as plain
from scrmap.defaults import FRAMEWORK_ENV_VAR
from scrmap.errors import (
    A_DIRECTORY,
    NO_SUCH_FILE,
    Problem,
    UnreadableFrameworkError,
    link_to_nothing,
    no_such_file,
)
from scrmap.limits import BINARY, Limits, read_config_text, undecodable

ENV_VAR = FRAMEWORK_ENV_VAR
"""Environment variable naming a framework file, used when --framework is not given."""

LOCAL_NAME = "framework.yaml"
"""A file of this name in the working directory takes precedence over the bundled one."""

FRAMEWORK_FILE = (
    "framework file: YAML with quadrants, standards and themes (`scrmap framework show -f "
    "yaml` prints one to start from)"
)
"""What a framework file is, for the messages about a file that is none: a draft or a
workbook given to --framework by mistake said only that it was not valid YAML or not text,
and not what scrmap wanted in its place."""


def expected_framework(problem: Problem) -> Problem:
    """``problem`` saying what was expected, when the file is no framework at all (not
    YAML, or not text); a stray byte in a framework's text is left as it is."""
    if problem.message != BINARY and not problem.message.startswith("not valid YAML"):
        return problem
    return replace(problem, message=f"{problem.message}; expected a {FRAMEWORK_FILE}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """A phrase practitioners write that signals a standard or theme.

    In YAML a cue is a plain string, or a mapping when it needs a weight. A cue
    written in capitals (``DV``, ``MARAC``) is an acronym and matches only in
    capitals, so ``dv`` inside another word never counts.
    """

    cue: str
    """The phrase, as practitioners write it."""
    weight: float | None = None
    """How specific the cue is (0 to 1]; None lets the matcher derive it from its length."""
    adjacent: bool = False
    """Its very words only, as written and side by side (the matcher's ``_side_by_side``). A
    phrase otherwise matches by stems, also with one other word among its words, which for
    some compounds changes the sense: *family help* (early help's new name) is not "the
    family to help" nor "the family helped", *domestic incident* not "domestic fire
    incidents"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Foundation:
    """A cross-cutting principle that sits under every quadrant (not scored)."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quadrant:
    """One of the framework's key learning areas."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Family:
    """A family of key themes, e.g. recurring safeguarding issues."""

    id: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class _Matchable:
    id: str
    title: str
    description: str = ""
    """The source document's wording: what people read."""
    cues: tuple[Cue, ...]
    """What the matcher matches."""
    exclude: tuple[str, ...] = ()
    """Phrases that, where they overlap a cue match, cancel it (e.g. 'partner agencies')."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Standard(_Matchable):
    """A practice standard (outcome and evidence expected)."""

    group: str
    """The heading it stands under in the source document."""
    quadrant: str
    about_themes: tuple[str, ...] = ()
    """The themes whose subjects the standard is about ("practitioner confidence with
    neglect, sexual abuse and domestic abuse"): it is given only where one of them is assigned
    by its cues. Training in general is not practitioner confidence with those
    subjects, however often training about them was labelled so."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme(_Matchable):
    """A key theme: a recurring safeguarding issue or area of practice."""

    family: str | None = None
    quadrant: str | None = None
    """The quadrant the theme belongs to; its score counts towards that quadrant's."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Framework:
    """A whole framework, as loaded from one YAML file."""

    name: str
    title: str
    version: str | None = None
    source: str | None = None
    description: str = ""
    foundations: tuple[Foundation, ...] = ()
    quadrants: tuple[Quadrant, ...]
    standards: tuple[Standard, ...]
    families: tuple[Family, ...] = ()
    themes: tuple[Theme, ...] = ()
    outside: tuple[str, ...] = ()
    """Phrases naming subjects the framework does not cover ("taxi licensing", "public
    awareness campaign", "legislation"). Published reviews, national ones above all, make
    recommendations about such things, and a Board must not count them against a standard.
    They assign nothing; where one matches, the matcher lowers the text's fit (or, with
    cues alone, withholds its standards unless the evidence of practice is strong)."""
    outside_addressees: tuple[str, ...] = ()
    """Bodies whose recommendations the framework does not cover when addressed to them
    ("The Home Office should ...": a department or a national regulator sets policy, not
    local practice). They count only where the subject before an active modal (*should,
    must, will, ...*) is made of such bodies alone and no other clause names someone else
    who acts, and then as an ``outside`` phrase does."""
    learned: learned_weights.Learned | None = None
    """Weights learned from labelled recommendations (``framework.learned.yaml`` beside the
    file, or this section); the matcher uses them when present."""


_CUE = plain.record(Cue, cue=plain.text, weight=plain.optional(plain.number), adjacent=plain.flag)
_HEADING = {"id": plain.text, "title": plain.text, "description": plain.text}
_MATCHABLE = {
    **_HEADING,
    "cues": plain.many(_CUE),
    "exclude": plain.many(plain.text),
}
_FRAMEWORK = plain.record(
    Framework,
    name=plain.text,
    title=plain.text,
    version=plain.optional(plain.text),
    source=plain.optional(plain.text),
    description=plain.text,
    foundations=plain.many(plain.record(Foundation, **_HEADING)),
    quadrants=plain.many(plain.record(Quadrant, **_HEADING)),
    standards=plain.many(
        plain.record(
            Standard,
            **_MATCHABLE,
            group=plain.text,
            quadrant=plain.text,
            about_themes=plain.many(plain.text),
        )
    ),
    families=plain.many(plain.record(Family, id=plain.text, title=plain.text)),
    themes=plain.many(
        plain.record(
            Theme,
            **_MATCHABLE,
            family=plain.optional(plain.text),
            quadrant=plain.optional(plain.text),
        )
    ),
    outside=plain.many(plain.text),
    outside_addressees=plain.many(plain.text),
    learned=plain.optional(learned_weights.from_data),
)


def from_data(data: object) -> Framework:
    """The framework in ``data``, the shape `as_data` gives (from a validated file, or its
    cache entry); raises ValueError or TypeError for data of any other shape."""
    return _FRAMEWORK(data)


def as_data(framework: Framework) -> dict[str, object]:
    """The framework as plain data, every field in the file's order (what `from_data` reads)."""
    data: dict[str, object] = plain.as_data(framework)
    return data


def bundled_path() -> Path:
    """The framework shipped inside the package (a copy of the repository's framework.yaml)."""
    return Path(str(resources.files("scrmap") / LOCAL_NAME))


def resolve_path(
    explicit: Path | None, cwd: Path | None = None, config: Path | None = None
) -> Path:
    """Choose the framework file: explicit path, then $SCRMAP_FRAMEWORK, then ./framework.yaml,
    then the framework.yaml beside ``config`` (the configuration in use), then the bundled
    default. The configuration is found by walking up from the working directory, so a run
    from a subfolder of the Board's folder (`cd recommendations`) took the Board's
    configuration and, without a word, the bundled framework instead of the one beside it."""
    if explicit is not None:
        return explicit
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    local = (cwd or Path.cwd()) / LOCAL_NAME
    if local.is_file():
        return local
    beside = beside_config(config)
    return beside if beside is not None else bundled_path()


def beside_config(config: Path | None) -> Path | None:
    """The framework.yaml beside the configuration file ``config``, if there is one."""
    if config is None:
        return None
    beside = config.parent / LOCAL_NAME
    return beside if beside.is_file() else None


def load(path: Path, limits: Limits | None = None, learned: bool = True) -> Framework:
    """Read and validate a framework file and (unless ``learned`` is false: --no-learned,
    and commands that use no weights) the learned weights beside it, if any; raise
    FrameworkError listing every problem."""
    name = str(path)
    limits = limits or Limits()
    try:
        text = read_config_text(path, limits)
    except FileNotFoundError:
        missing = f"{NO_SUCH_FILE} (the framework file)"
        if name == "-":
            missing = no_such_file(name, "framework file")
        why = link_to_nothing(path) or missing
        raise UnreadableFrameworkError([Problem(name, None, None, why)]) from None
    except IsADirectoryError:
        problem = Problem(name, None, None, A_DIRECTORY)
        raise UnreadableFrameworkError([problem]) from None
    except UnicodeDecodeError as exc:
        raise UnreadableFrameworkError([expected_framework(undecodable(name, exc))]) from None
    except OSError as exc:
        problem = Problem(name, None, None, f"cannot read: {exc.strerror}")
        raise UnreadableFrameworkError([problem]) from None
    framework = parse(text, name, limits)
    if not learned:
        return without_learned(framework)  # a `learned` section of the file too
    found = learned_weights.load(
        learned_weights.sidecar(path),
        {s.id for s in framework.standards},
        {t.id for t in framework.themes},
        limits,
    )
    return replace(framework, learned=found) if found else framework


def without_learned(framework: Framework) -> Framework:
    """The framework as its cues alone map: for comparing with the learned weights."""
    return replace(framework, learned=None)


def parse(text: str, name: str = "<framework>", limits: Limits | None = None) -> Framework:
    """Validate framework YAML text, under ``limits`` on its aliases and nesting; ``name``
    is used in messages."""
    from scrmap import framework_file  # Pydantic and YAML: only for a file to validate

    return framework_file.parse(text, name, limits)
