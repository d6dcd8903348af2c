"""Compare the mapping with hand labels: the figures framework maintainers watch.

A gold file lists recommendations with the standards and themes a careful
reviewer assigned. Themes are scored as multi-label classification (precision,
recall, F1 per theme and micro-averaged). For standards the question a Board
asks is whether the *top* standard is one the reviewer would choose, so that is
measured directly; recommendations labelled with no standard are the
off-framework ones, and the share of those left unmapped is reported too.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scrmap import yamlpos
from scrmap.defaults import WEAK_MATCH
from scrmap.errors import InputError, Problem, duplicate_id, link_to_nothing, unreadable
from scrmap.framework import Framework
from scrmap.limits import Limits, read_config_text, undecodable
from scrmap.matcher import Matcher
from scrmap.sources.own_files import FRAMEWORK, LEARNED, what_else

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class GoldItem(BaseModel):
    """One hand-labelled recommendation."""

    # A file's item must write its standards (`_unlabelled`); items made in code may not.
    model_config = ConfigDict(
        extra="forbid", frozen=True, json_schema_extra={"required": ["id", "text", "standards"]}
    )

    id: NonEmpty
    text: NonEmpty
    source: str | None = None
    """Where the text came from (a seed document, or 'written' for the team's own)."""
    standards: list[NonEmpty] = []
    """Standards a careful reviewer would assign; empty means off-framework. A gold file
    must write the key, ``[]`` for none (`_unlabelled`)."""
    themes: list[NonEmpty] = []


class GoldFile(BaseModel):
    """A gold file: a description and its labelled items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: NonEmpty
    description: str = ""
    items: Annotated[list[GoldItem], Field(min_length=1)]


GOLD_FILE = (
    "gold file: YAML with 'name' and 'items', each item with 'id', 'text', 'standards' and "
    "'themes' (`scrmap map FILE -f gold` writes one to correct)"
)
"""What a gold file is, for the messages about a file that is none."""


def _not_gold(
    text: str, name: str, located: yamlpos.Located | None, problems: list[Problem]
) -> list[Problem]:
    """Why ``text`` is no gold file, said so that the user learns what one is: a draft
    that is not YAML at all (`evaluate draft.md`) says what was expected, and a
    recommendation file, a framework or learned weights is one problem naming it, not a
    list of every key a gold file lacks. Anything else is a gold file with mistakes."""
    if located is None:
        first, *rest = problems
        expected = f"{first.message}; expected a {GOLD_FILE}"
        return [dataclasses.replace(first, message=expected), *rest]
    what = what_else(text, located.data, (FRAMEWORK, LEARNED))
    if what is None:
        return problems
    return [Problem(name, None, None, f"{what}, not a {GOLD_FILE}")]


_NO_STANDARDS = (
    "no 'standards': list the standards it serves, or write 'standards: []' if none fits "
    "(an item with none is off-framework)"
)


def _unlabelled(located: yamlpos.Located, name: str) -> list[Problem]:
    """An item with no ``standards`` key, at its place. Read as labelled with none, an item
    nobody had labelled for standards was counted as off-framework, in `evaluate`'s figures
    and as a negative example to `framework learn`; the labelling guide and `map -f gold`
    write ``[]`` for "none fits". (No ``themes`` stays "about none": a theme is no verdict
    on the framework, and hand-written gold files leave the key out for that.)"""
    data = located.data
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    problems = []
    for i, item in enumerate(items):
        if isinstance(item, dict) and "standards" not in item:
            line, col = located.where(("items", i)) or (None, None)
            where = yamlpos.label(("items", i), data)
            problems.append(Problem(name, line, col, f"{where}: {_NO_STANDARDS}"))
    return problems


def load_gold(
    path: Path,
    framework: Framework,
    limits: Limits | None = None,
    framework_name: str | None = None,
) -> GoldFile:
    """Read a gold file; labels naming ids the framework lacks are errors, with positions.
    ``framework_name`` (its file) is named in them: with --compare the labels are checked
    against two frameworks, and "unknown in this framework" did not say which lacked one."""
    name = str(path)
    limits = limits or Limits()
    try:
        text = read_config_text(path, limits)
    except FileNotFoundError as exc:
        why = link_to_nothing(path)
        problem = unreadable(name, exc) if why is None else Problem(name, None, None, why)
        raise InputError([problem]) from None
    except OSError as exc:
        raise InputError([unreadable(name, exc)]) from None
    except UnicodeDecodeError as exc:
        raise InputError([undecodable(name, exc)]) from None
    gold, located, problems = yamlpos.load_model(text, name, GoldFile, f"not a {GOLD_FILE}", limits)
    if located is not None:
        problems += _unlabelled(located, name)
    if gold is None or located is None:
        raise InputError(_not_gold(text, name, located, problems))
    known = {
        "standards": {s.id for s in framework.standards},
        "themes": {t.id for t in framework.themes},
    }
    in_framework = f"in {framework_name}" if framework_name else "in this framework"
    seen: dict[str, int | None] = {}  # id -> the line of the item that has it first
    for i, item in enumerate(gold.items):
        line, col = located.where(("items", i, "id")) or (None, None)
        if item.id in seen:
            problems.append(Problem(name, line, col, duplicate_id(item.id, seen[item.id])))
        seen.setdefault(item.id, line)
        for kind in ("standards", "themes"):
            for j, label in enumerate(getattr(item, kind)):
                if label not in known[kind]:
                    line, col = located.where(("items", i, kind, j)) or (None, None)
                    other = "themes" if kind == "standards" else "standards"
                    hint = (
                        f"; it is a {other[:-1]}: list it under {other}"
                        if label in known[other]
                        else ""
                    )
                    problems.append(
                        Problem(
                            name,
                            line,
                            col,
                            f"items[{i}] (id {item.id!r}): unknown "
                            f"{kind[:-1]} {label!r} {in_framework}{hint}",
                        )
                    )
    if problems:
        raise InputError(problems)
    return gold


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one label or of all labels together."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of assigned labels that were right (1.0 when nothing was assigned)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of expected labels that were assigned (1.0 when none were expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Disagreement:
    """A recommendation where the mapping and the labels differ."""

    id: str
    text: str
    expected_standards: list[str]
    top_standard: str | None
    missing_themes: list[str]
    extra_themes: list[str]


@dataclass
class Evaluation:
    """Everything `scrmap evaluate` reports."""

    items: int
    themes: dict[str, Scores]
    themes_overall: Scores
    standards_overall: Scores
    top_standard_right: int
    with_standard: int
    off_framework_unmapped: int
    off_framework: int
    disagreements: list[Disagreement] = field(default_factory=list)
    standards: dict[str, Scores] = field(default_factory=dict)
    """Per standard, as ``themes`` is per theme."""
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    """(labelled primary standard or "none", top standard or "none", times) where the top
    standard is not a labelled one, most frequent first."""
    outcomes: tuple[tuple[bool, bool], ...] = ()
    """Per gold item, in order: whether it has a labelled standard, and whether it came out
    right (its top standard a labelled one; an off-framework item, left unmapped). What
    ``paired`` compares item by item."""
    mapped: int = 0
    """Items given a standard, labelled or off-framework."""
    weak: int = 0
    """Of those, the items whose best standard scores under ``WEAK_MATCH`` (a weak match,
    which coverage asks the Board to check)."""
    weak_right: int = 0
    """Of those, the items with a labelled standard first: how often a weak match is right."""

    @property
    def top_standard_accuracy(self) -> float:
        """Share of on-framework recommendations whose top assigned standard is labelled."""
        return self.top_standard_right / self.with_standard if self.with_standard else 1.0

    @property
    def unmapped_rate(self) -> float:
        """Share of off-framework recommendations left with no standard."""
        return self.off_framework_unmapped / self.off_framework if self.off_framework else 1.0

    @property
    def top_standard_interval(self) -> tuple[float, float]:
        """Where the top standard's accuracy on text like this could lie (see ``wilson``)."""
        return wilson(self.top_standard_right, self.with_standard)

    @property
    def unmapped_interval(self) -> tuple[float, float]:
        """Where the share of off-framework text left unmapped could lie (see ``wilson``)."""
        return wilson(self.off_framework_unmapped, self.off_framework)


Z_95 = 1.959963984540054
"""The normal quantile of a two-sided 95% interval."""


def wilson(k: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval (95%) of ``k`` successes in ``n`` items: where the share
    on further text of the same kind could lie. A gold file holds tens of items, so a share
    of 30 in 48 is anywhere from about 48% to 75%, and a maintainer comparing figures (or
    a target) needs to see that. Wilson's, not the normal approximation's, which leaves
    0 to 1 and is too narrow at shares near 0 or 1. (0, 1) for no items: nothing known."""
    if n == 0:
        return 0.0, 1.0
    share, z2 = k / n, z * z
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Paired:
    """Two mappings of the same items, compared item by item on one measure: how many
    items only the first got right, how many only the second, and the exact McNemar
    test's p-value for so uneven a split. Two figures 2 points apart on 48 items may
    differ on one item or on ten, and only the items that differ say which is better."""

    only_first: int
    only_second: int

    @property
    def p(self) -> float:
        """The two-sided exact McNemar p-value: the chance, if either side were as likely
        to win each differing item, of a split at least this uneven (1.0 for no
        differences). Exact, as tens of items are too few for the chi-squared form."""
        n = self.only_first + self.only_second
        fewer = min(self.only_first, self.only_second)
        tail: float = sum(math.comb(n, k) for k in range(fewer + 1)) / 2**n
        return min(1.0, 2 * tail)


def paired(first: Evaluation, second: Evaluation, labelled: bool) -> Paired:
    """``first`` and ``second``, two mappings of the same gold items, compared item by item:
    on the top standard of the items with a labelled standard (``labelled``), or on
    whether the off-framework items were left unmapped."""
    if [on for on, _ in first.outcomes] != [on for on, _ in second.outcomes]:
        raise ValueError("paired evaluations must be of the same gold items")
    pairs = [
        (a, b)
        for (on, a), (_, b) in zip(first.outcomes, second.outcomes, strict=True)
        if on == labelled
    ]
    return Paired(sum(a and not b for a, b in pairs), sum(b and not a for a, b in pairs))


def evaluate(gold: GoldFile, matcher: Matcher) -> Evaluation:
    """Map every gold item and compare with its labels."""
    theme_ids = [t.id for t in matcher.framework.themes]
    counts = {t: [0, 0, 0] for t in theme_ids}
    per_standard = {s.id: [0, 0, 0] for s in matcher.framework.standards}
    confused: Counter[tuple[str, str]] = Counter()
    std = [0, 0, 0]
    right = with_standard = unmapped = off = mapped = weak = weak_right = 0
    disagreements = []
    outcomes: list[tuple[bool, bool]] = []
    for item in gold.items:
        result = matcher.match(item.text)
        got_themes = {m.id for m in result.assigned("themes")}
        got_standards = [m.id for m in result.assigned("standards")]
        want_themes, want_standards = set(item.themes), set(item.standards)
        for t in theme_ids:
            counts[t][0] += t in got_themes and t in want_themes
            counts[t][1] += t in got_themes and t not in want_themes
            counts[t][2] += t not in got_themes and t in want_themes
        for s in per_standard:
            per_standard[s][0] += s in got_standards and s in want_standards
            per_standard[s][1] += s in got_standards and s not in want_standards
            per_standard[s][2] += s not in got_standards and s in want_standards
        std[0] += len(want_standards & set(got_standards))
        std[1] += len(set(got_standards) - want_standards)
        std[2] += len(want_standards - set(got_standards))
        top = got_standards[0] if got_standards else None
        if (best := result.best_standard) is not None:
            mapped += 1
            if best.score < WEAK_MATCH:
                weak += 1
                weak_right += top in want_standards
        if want_standards:
            with_standard += 1
            top_ok = top in want_standards
            right += top_ok
        else:
            off += 1
            top_ok = top is None
            unmapped += top_ok
        outcomes.append((bool(want_standards), top_ok))
        if not top_ok:
            confused[(item.standards[0] if item.standards else "none", top or "none")] += 1
        if not top_ok or got_themes != want_themes:
            disagreements.append(
                Disagreement(
                    item.id,
                    item.text,
                    sorted(want_standards),
                    top,
                    sorted(want_themes - got_themes),
                    sorted(got_themes - want_themes),
                )
            )
    per_theme = {t: Scores(*c) for t, c in counts.items()}
    overall = Scores(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return Evaluation(
        len(gold.items),
        per_theme,
        overall,
        Scores(*std),
        right,
        with_standard,
        unmapped,
        off,
        disagreements,
        {s: Scores(*c) for s, c in per_standard.items()},
        [(a, b, n) for (a, b), n in sorted(confused.items(), key=lambda kv: (-kv[1], kv[0]))],
        tuple(outcomes),
        mapped=mapped,
        weak=weak,
        weak_right=weak_right,
    )


def combined(golds: Sequence[GoldFile]) -> GoldFile:
    """Several gold files as one, for figures over all their items."""
    if len(golds) == 1:
        return golds[0]
    return GoldFile(
        name=" + ".join(g.name for g in golds),
        items=[item for g in golds for item in g.items],
    )
