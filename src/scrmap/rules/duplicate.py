"""The recommendation nearly repeats another in the checked set.

Two recommendations that say the same thing split the Board's attention and its
action plan. Similarity is measured as `scrmap coverage` measures repeats (content
words weighted by rarity, 0 to 100), but here within a review as well as across
reviews, and at a higher bar. The later of the two is reported, naming the earlier.

Passing:
    "The NSCB will audit escalation by May 2027." and
    "Health visitors will record fathers' details within six weeks."

Failing:
    "Information sharing between the police and children's services about domestic abuse
    must be improved." and "The police and children's services must improve information
    sharing about domestic abuse."
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import Field

from scrmap.findings import Severity
from scrmap.repeats import Comparable, find_pairs, listed
from scrmap.rules._base import Hit, Item, RuleOptions, Scope

ID = "duplicate"
SEVERITY = Severity.warning
SCOPE = Scope.set
KINDS = frozenset({"recommendation"})


class Options(RuleOptions):
    """Options of `duplicate`."""

    similarity: int = Field(
        70, ge=1, le=100, description="Similarity (1-100) at which two count as duplicates."
    )


def check(items: Sequence[Item], options: Options) -> Iterator[Hit]:
    """Report each recommendation that nearly repeats an earlier one."""
    recs = [i for i in items if i.rec.kind in KINDS]
    # Every pair is comparable here: near-identical wording is a duplicate whether or not
    # it maps onto the framework.
    comparable = [Comparable(i.rec.text, "", frozenset({"*"})) for i in recs]
    for pair in find_pairs(comparable, options.similarity, across_groups_only=False):
        first, later = recs[pair.a], recs[pair.b]
        where = first.rec.source.file
        if first.rec.source.line is not None:
            where += f":{first.rec.source.line}"
        yield Hit(
            later,
            f"nearly repeats {first.rec.source.item or first.rec.id} at {where} "
            f"(similarity {pair.similarity}; "
            f"shared words: {listed(pair.shared_words)}): merge them or say how they differ",
        )
