"""Output formats: every format of every command behind one interface.

Per command, a module here maps the enum of its formats (the `--format` choices, in
`scrmap.formats.choices` so that the CLI declares them without importing the renderers)
with ``RENDERERS`` to a `Renderer` each; ``TERMINAL`` names the one format the
CLI draws with Rich instead (None when there is none). A test checks that every format
has exactly one of the two. Renderers are pure: the CLI decides where their output goes.
"""

from __future__ import annotations

import json
from typing import Protocol, TypeVar

R_contra = TypeVar("R_contra", contravariant=True)
Out_co = TypeVar("Out_co", covariant=True)


class Renderer(Protocol[R_contra, Out_co]):
    """Turns one command's result into the whole output of one format: text, or bytes for
    a file format such as xlsx."""

    def __call__(self, result: R_contra, /) -> Out_co:
        """The rendered output."""
        ...


def json_text(data: object) -> str:
    """Pretty JSON, non-ASCII kept as written, ending with a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def counted(number: int, noun: str) -> str:
    """``1 recommendation``, ``2 recommendations``: a count with its noun agreeing (every
    noun scrmap counts takes a plain -s)."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def by_kind(counts: dict[str, int]) -> str:
    """' (21 findings, 10 responses)' to follow a count of items, or nothing when they are
    all recommendations ('8 recommendations (8 recommendations)' says it twice)."""
    if set(counts) <= {"recommendation"}:
        return ""
    return " (" + ", ".join(counted(n, kind) for kind, n in counts.items()) + ")"


NO_PLAN = "The selection carries no action plan: none of its {} has a status or a due date."
"""Said once, with the count of actions, where no item selected has a status or a due
date (`records.carries_no_plan`): a library of published reviews, not an action plan."""
