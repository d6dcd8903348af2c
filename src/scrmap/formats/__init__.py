"""Output formats: every format of every command behind one interface.

Per command, a module here maps the enum of its formats (the `--format` choices, in
`scrmap.formats.choices` so that the CLI declares them without importing the renderers)
with ``RENDERERS`` to a `Renderer` each; ``TERMINAL`` names the one format the
CLI draws with Rich instead (None when there is none). A test checks that every format
has exactly one of the two. Renderers are pure: the CLI decides where their output goes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from scrmap import defaults
from scrmap.display import inert_json

if TYPE_CHECKING:
    from scrmap.records import (
        FrameworkRef,
        InputProblemsRecord,
        ProblemRecord,
        SelectionRecord,
        UnmappedRecord,
    )

R_contra = TypeVar("R_contra", contravariant=True)
Out_co = TypeVar("Out_co", covariant=True)


class Renderer(Protocol[R_contra, Out_co]):
    """Turns one command's result into the whole output of one format: text, or bytes for
    a file format such as xlsx."""

    def __call__(self, result: R_contra, /) -> Out_co:
        """The rendered output."""
        ...


def json_text(data: object) -> str:
    """Pretty JSON, non-ASCII kept as written but for characters that would act on a
    terminal (`inert_json`), ending with a newline."""
    return inert_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def counted(number: int, noun: str) -> str:
    """``1 recommendation``, ``2 recommendations``: a count with its noun agreeing (every
    noun scrmap counts takes a plain -s)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def item_noun(by_kind: Mapping[str, int]) -> str:
    """What a row of coverage counts, as the headline (`items_by_kind`) calls it: findings
    and responses count beside recommendations, so a count called "recommendations" of a
    library that holds all three told a Board reader of recommendations that are not
    there. "item", or the one kind where all are of one ("recommendation", most often)."""
    return next(iter(by_kind)) if len(by_kind) == 1 else "item"


def items_title(by_kind: Mapping[str, int]) -> str:
    """`item_noun` as the start of a title: "Items", "Recommendations", "Findings"."""
    return item_noun(by_kind).capitalize() + "s"


def filter_parts(
    selection: SelectionRecord,
    cell: Callable[[str], str] = str,
    day: Callable[[str], str] = str,
) -> list[str]:
    """The filters a report was made with, in words, each a part ("cases A; B", "published
    on or after ..."), with the cases --since left out for want of a date beside it; empty
    without filters. ``cell`` makes a name safe for the format (escaped for HTML), ``day``
    writes a date. One wording for every report, so that the papers agree."""
    parts = []
    if selection["cases"]:
        parts.append("cases " + "; ".join(cell(c) for c in selection["cases"]))
    if selection["since"]:
        parts.append(f"published on or after {day(selection['since'])}")
        if selection["undated_left_out"]:
            undated = "; ".join(cell(c) for c in selection["undated_left_out"])
            parts.append(f"left out for want of a publication date: {undated}")
    if selection["statuses"]:
        parts.append("status " + ", ".join(cell(x) for x in selection["statuses"]))
    if selection["kinds"]:
        parts.append("kind " + ", ".join(cell(k) for k in selection["kinds"]))
    return parts


def by_kind(counts: dict[str, int]) -> str:
    """' (21 findings, 10 responses)' to follow a count of items, or nothing when they are
    all recommendations ('8 recommendations (8 recommendations)' says it twice)."""
    if set(counts) <= {"recommendation"}:
        return ""
    return " (" + ", ".join(counted(n, kind) for kind, n in counts.items()) + ")"


def items_by_kind(total: int, counts: dict[str, int]) -> str:
    """'45 items (21 findings, 14 recommendations, 10 responses)', or '21 findings' where
    all are of one kind: a total called "recommendations" beside a kind of the same name
    read as if one count contradicted the other, and '21 items (21 findings)' says it twice."""
    if len(counts) > 1:
        return f"{counted(total, 'item')}{by_kind(counts)}"
    return counted(total, next(iter(counts), "recommendation"))


NO_PLAN = f"{defaults.NO_PLAN}."
"""The key message's words (`defaults.NO_PLAN`) as the action plan's sentence, said once,
with the count of actions, where no item selected has a status or a due date
(`records.carries_no_plan`)."""


SHOWN_PROBLEMS = 5
"""Problems quoted for each file in a report; `scrmap check FILE` lists them all."""


def incomplete(files: Sequence[InputProblemsRecord]) -> str:
    """The sentence every coverage output leads with when inputs gave problems ("" when
    none did): a Board member who reads only the report must know that a case is missing
    from every figure, not only whoever saw standard error."""
    left_out = [f for f in files if f["left_out"]]
    read = [f for f in files if not f["left_out"]]
    parts = []
    if left_out:
        problems = counted(sum(len(f["problems"]) for f in left_out), "problem")
        their = "its" if len(left_out) == 1 else "their"
        parts.append(
            f"Incomplete: {counted(len(left_out), 'file')} could not be read ({problems}), "
            f"so {their} recommendations are in none of these figures"
        )
    if read:
        problems = counted(sum(len(f["problems"]) for f in read), "problem")
        verb = "was" if len(read) == 1 else "were"
        parts.append(f"{counted(len(read), 'file')} {verb} read with {problems}")
    said = "; ".join(parts)
    return said[:1].upper() + said[1:]


def learned_line(framework: FrameworkRef) -> str:
    """One sentence on how the items were mapped, for every human-readable output."""
    learned = framework.get("learned")
    if learned is None:
        return "Mapped by the framework's cues alone (no learned weights)."
    recommendations = counted(learned["items"], "labelled recommendation")
    return f"Mapped with learned weights from {recommendations} ({Path(learned['path']).name})."


def fits_the_framework(score: int, threshold: int | None = None) -> str:
    """The learned fit in words, "fits the framework 36 of 100 (needs 50)", as every output
    says it."""
    needs = f" (needs {threshold})" if threshold is not None else ""
    return f"fits the framework {score} of 100{needs}"


def withheld_by_fit(item: UnmappedRecord, threshold: int | None) -> str:
    """Why an unmapped item with a standard over the threshold was given none, in words:
    "" where nothing was withheld or a subject outside the framework says why."""
    if item["fit"] is None or threshold is None or item["outside"]:
        return ""
    if not any(n["score"] >= threshold for n in item["nearest"]):
        return ""
    return f"standards withheld: {fits_the_framework(item['fit'], threshold)}"


def problem_kind(f: InputProblemsRecord) -> str:
    """How a CSV row names a file that gave problems: `not-read` or `read-with-problems`."""
    return "not-read" if f["left_out"] else "read-with-problems"


def problem_file(f: InputProblemsRecord) -> str:
    """One file that gave problems: ``case-q.yaml: not read (4 problems)``."""
    problems = counted(len(f["problems"]), "problem")
    if f["left_out"]:
        return f"{f['file']}: not read ({problems})"
    return f"{f['file']}: read with {problems} ({counted(f['recommendations'], 'item')} read)"


def problem_text(p: ProblemRecord) -> str:
    """A problem at its place in its file: ``line 2:12: published: ...``."""
    if p["line"] is None:
        return p["message"]
    col = f":{p['col']}" if p["col"] is not None else ""
    return f"line {p['line']}{col}: {p['message']}"


def quoted_problems(f: InputProblemsRecord) -> list[str]:
    """A file's first `SHOWN_PROBLEMS` problems, then how many more and where to see them."""
    lines = [problem_text(p) for p in f["problems"][:SHOWN_PROBLEMS]]
    more = len(f["problems"]) - SHOWN_PROBLEMS
    if more > 0:
        lines.append(f"and {counted(more, 'more problem')}: scrmap check {f['file']} lists them")
    return lines
