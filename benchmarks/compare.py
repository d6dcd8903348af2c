"""The approaches scrmap is compared with, each run as its own process by benchmarks/run.py.

- ``spacy``: spaCy's PhraseMatcher over the framework's cue phrases, on a blank English
  tokenizer (``spacy.blank("en")``: no model to download), lower-cased. Bare matching:
  which items' cues occur, one JSON line per recommendation; no typos, negation,
  exclusions or evidence. The yardstick of the issue: scrmap end to end should take at
  most 1.5 times its time.
- ``naive``: rapidfuzz's ``process.extract`` with ``fuzz.partial_ratio`` (C code) of
  every recommendation against every cue, keeping those scoring 80 or more.

Both read the corpus CSV as it streams and write JSON Lines, as ``scrmap map -f jsonl``
does. spaCy is installed with the optional ``bench`` extra: pip install -e '.[bench]'.

Usage: python benchmarks/compare.py {spacy,naive} CORPUS.csv OUT.jsonl
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

NAIVE_CUTOFF = 80
"""The naive approach keeps cues scoring at least this (partial_ratio, 0 to 100)."""
BATCH = 1_000


def cues() -> list[tuple[str, str]]:
    """(item id, cue phrase) for every cue of the bundled framework."""
    from scrmap import framework as fw

    framework = fw.load(fw.resolve_path(None))
    return [
        (item.id, cue.cue)
        for items in (framework.standards, framework.themes)
        for item in items
        for cue in item.cues
    ]


def rows(corpus: Path) -> Iterator[dict[str, str]]:
    """The corpus's rows, read as they are wanted."""
    with corpus.open(newline="", encoding="utf-8") as source:
        yield from csv.DictReader(source)


def spacy_matcher(corpus: Path, out: Path) -> None:
    """spaCy's tokenizer and PhraseMatcher, in batches through ``tokenizer.pipe``."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for item, cue in cues():
        matcher.add(item, [nlp.make_doc(cue)])
    strings = nlp.vocab.strings
    stream = rows(corpus)
    with out.open("w", encoding="utf-8") as sink:
        while batch := list(islice(stream, BATCH)):
            for row, doc in zip(batch, nlp.tokenizer.pipe(r["text"] for r in batch), strict=True):
                ids = sorted({strings[match_id] for match_id, _, _ in matcher(doc)})
                sink.write(json.dumps({"id": row["id"], "matches": ids}) + "\n")


def naive(corpus: Path, out: Path) -> None:
    """Every recommendation against every cue with rapidfuzz's partial_ratio."""
    from rapidfuzz import fuzz, process

    found_cues = cues()
    choices = [c for _, c in found_cues]
    with out.open("w", encoding="utf-8") as sink:
        for row in rows(corpus):
            found = process.extract(
                row["text"],
                choices,
                scorer=fuzz.partial_ratio,
                score_cutoff=NAIVE_CUTOFF,
                limit=None,
            )
            ids = sorted({found_cues[index][0] for _, _, index in found})
            sink.write(json.dumps({"id": row["id"], "matches": ids}) + "\n")


APPROACHES = {"spacy": spacy_matcher, "naive": naive}


def main() -> None:
    """Run one approach over one corpus."""
    if len(sys.argv) != 4 or sys.argv[1] not in APPROACHES:
        sys.exit(__doc__.strip().splitlines()[-1])
    APPROACHES[sys.argv[1]](Path(sys.argv[2]), Path(sys.argv[3]))


if __name__ == "__main__":
    main()
