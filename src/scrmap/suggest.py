"""Mine candidate cues from labelled recommendations, for a person to review.

A Board's labelled recommendations show how its reviews really phrase each standard
and theme. For every label this finds the words and phrases (one to three words,
ignored words such as "the" skipped, normalised as the matcher normalises them) that
occur in several of its items and seldom in the others, and reports each with its
precision and recall on those items and one example. Nothing here edits the
framework: a cue that only fits the examples at hand would mislead on the next
review, so a maintainer decides what goes in.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from scrmap.display import terminal, yaml_string
from scrmap.evaluate import GoldItem
from scrmap.framework import Framework
from scrmap.text import FUNCTION_WORDS, GAP_WORDS, WORD, fold, normalise, phrase_keys

MIN_ITEMS = 3
"""A candidate must occur in at least this many items of its label (in both, when it has
two; a label with one item has none): two items agreeing on "do" is chance, not a cue."""
MIN_PRECISION = 0.5
"""And at least this share of the items it occurs in must carry the label."""
LONGEST = 3
"""Words per candidate phrase."""
_PUNCTUATION = re.compile(r"[^\w\s'-]")


@dataclass(frozen=True)
class Candidate:
    """A phrase that separates one standard or theme from the rest of the items."""

    kind: str
    """'standards' or 'themes'."""
    item: str
    """The standard's or theme's id."""
    cue: str
    """The phrase as most often written."""
    hits: int
    """Items carrying the label that contain the phrase."""
    total: int
    """Items that contain the phrase, labelled or not."""
    labelled: int
    """Items that carry the label."""
    example: str
    """The id of one labelled item that contains it."""

    @property
    def precision(self) -> float:
        """Share of the items containing the phrase that carry the label."""
        return self.hits / self.total

    @property
    def recall(self) -> float:
        """Share of the label's items that contain the phrase."""
        return self.hits / self.labelled


_EMPTY = FUNCTION_WORDS | {normalise(w) for w in FUNCTION_WORDS}


def _empty(word: str) -> bool:
    """Whether a word is a function word, in any of its forms ("does", "included")."""
    lower = word.lower()
    return lower in _EMPTY or normalise(lower) in _EMPTY


def _phrases(text: str) -> dict[tuple[str, ...], str]:
    """Every run of one to ``LONGEST`` content words within a sentence, as written."""
    source = fold(text)
    words = [m for m in WORD.finditer(source) if m.group().lower() not in GAP_WORDS]
    out: dict[tuple[str, ...], str] = {}
    for k in range(len(words)):
        for n in range(1, LONGEST + 1):
            run = words[k : k + n]
            if len(run) < n or any(c in ".;!?\n" for c in source[run[0].end() : run[-1].start()]):
                break
            if _empty(run[0].group()) or _empty(run[-1].group()):
                continue  # "than child", "do", "them": a cue begins and ends with content
            key = tuple(normalise(m.group()) for m in run)
            written = _PUNCTUATION.sub(" ", source[run[0].start() : run[-1].end()])
            out.setdefault(key, " ".join(written.lower().split()))
    return out


def suggest(
    framework: Framework,
    items: Sequence[GoldItem],
    per_label: int = 8,
    min_items: int = MIN_ITEMS,
    min_precision: float = MIN_PRECISION,
) -> list[Candidate]:
    """Candidates for every label, best first within each; phrases that are cues already
    (for that label) are left out, and so is a phrase whose shorter part is as good."""
    found = [(item, _phrases(item.text)) for item in items]
    containing: dict[tuple[str, ...], list[int]] = defaultdict(list)
    written: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for k, (_, phrases) in enumerate(found):
        for key, text in phrases.items():
            containing[key].append(k)
            written[key][text] += 1
    out: list[Candidate] = []
    for kind in ("standards", "themes"):
        for label in getattr(framework, kind):
            have = {phrase_keys(c.cue) for c in label.cues}
            have |= {tuple(k.lstrip("^").lower() for k in keys) for keys in have}
            longer = [keys for keys in have if len(keys) > 1]
            members = {k for k, (item, _) in enumerate(found) if label.id in getattr(item, kind)}
            if not members:
                continue
            scored: list[tuple[float, Candidate]] = []
            support = max(2, min(min_items, len(members)))  # one item is an anecdote
            for key, where in containing.items():
                hits = [k for k in where if k in members]
                if len(hits) < support or len(hits) / len(where) < min_precision:
                    continue
                if key in have or all(
                    _within_a_cue(key, found[k][1], longer) for k in hits
                ):  # "self" where every item has the cue "self-neglect": it adds nothing
                    continue
                candidate = Candidate(
                    kind,
                    label.id,
                    written[key].most_common(1)[0][0],
                    len(hits),
                    len(where),
                    len(members),
                    found[hits[0]][0].id,
                )
                # Precision counts most, shrunk towards zero for rare phrases.
                merit = (len(hits) / (len(where) + 1)) * candidate.recall**0.5
                scored.append((merit, candidate))
            scored.sort(key=lambda mc: (-mc[0], mc[1].cue))
            kept: list[Candidate] = []
            for _, candidate in scored:
                if any(
                    k.cue in candidate.cue and k.hits >= candidate.hits for k in kept
                ):  # "voice of the child" adds nothing to "voice" found as often
                    continue
                kept.append(candidate)
                if len(kept) == per_label:
                    break
            out.extend(kept)
    return out


def _within_a_cue(
    key: tuple[str, ...], phrases: dict[tuple[str, ...], str], cues: Sequence[tuple[str, ...]]
) -> bool:
    """Whether an item's phrase ``key`` is there only as part of one of the label's longer
    ``cues`` that the item has too: suggested, it would find no item the cue does not."""
    n = len(key)
    return any(
        cue in phrases and any(cue[i : i + n] == key for i in range(len(cue) - n + 1))
        for cue in cues
    )


def as_yaml(
    framework: Framework, candidates: Sequence[Candidate], items: Sequence[GoldItem]
) -> str:
    """Candidates as framework YAML, one cue a line with its figures as a comment.

    The shape is the framework file's, so a reviewed line can be pasted under the
    item's ``cues:``.
    """
    texts = {item.id: item.text for item in items}
    titles = {(k, x.id): x.title for k in ("standards", "themes") for x in getattr(framework, k)}
    lines = [
        "# Candidate cues mined from labelled recommendations: review each before adding it.",
        "# precision: share of the items containing the phrase that carry the label;",
        "# recall: share of the label's items that contain it.",
    ]
    kind_now = None
    item_now = None
    for c in candidates:
        if c.kind != kind_now:
            lines.append(f"{c.kind}:")
            kind_now, item_now = c.kind, None
        if c.item != item_now:
            # A comment ends at a line break, and prints as it is on a terminal:
            title = terminal(" ".join(titles[(c.kind, c.item)].split()))
            lines += [f"  - id: {_quote(c.item)}  # {title}", "    cues:"]
            item_now = c.item
        example = " ".join(texts[c.example].split())
        if len(example) > 80:
            example = example[:77] + "..."
        lines.append(
            f"      - {_quote(c.cue)}  # precision {c.precision:.2f} ({c.hits}/{c.total}), "
            f"recall {c.recall:.2f}; e.g. {terminal(f'{c.example}: {example}')}"
        )
    return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()-]*(?<![ .])")
"""Text that stays the same string unquoted in any YAML reader, unless it is a word YAML 1.1
reads as a truth value or null (``no``, ``on``, ``null``)."""
_NOT_TEXT_IN_YAML = frozenset(
    {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf"}
)


def _quote(text: str) -> str:
    """A YAML scalar that reads back as ``text`` itself: plain when it is a word or phrase,
    else double-quoted (JSON's string syntax is YAML's). Ids such as 1.10, 1e3 or ``no``
    pasted bare would be read as a number or false, not as the item's id."""
    if _PLAIN.fullmatch(text) and text.lower() not in _NOT_TEXT_IN_YAML:
        return text
    return yaml_string(text)
