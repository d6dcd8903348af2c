"""How well typo correction tells typing slips from real words, on words nobody here wrote.

Two counts, both on the bundled framework:

- **Real words taken for typos**: every distinct word of six letters or more in real
  English prose (the seed reviews and ``train.yaml`` in ``../shared``, the gold files in
  ``tests/gold``, and Python's own documentation, ``pydoc_data``), lower case. Nearly all
  are spelt right, so each one that correction reads as a typo of a cue word is a false
  correction: text mapped to what it never said.
- **Slips recovered**: the words of the seeds and ``train.yaml`` whose stem is a cue word,
  each mistyped four times as ``generate.typo`` does (a dropped, doubled, swapped or wrong
  letter, never the first), leaving out any slip that is itself a real word above. A slip
  is right when it is read as its word's stem, wrong when read as another word, and missed
  when not corrected. Read as another word where, by the matcher's own rules (``_slip``:
  a letter dropped, two swapped, one doubled, a wrong one only from nine letters), it is
  no slip of the word it was made from but is one of the word read (*manaer*, made from
  *manner* by a wrong letter in six, is *manager* with its g dropped), it is counted apart:
  the reading follows the rules, and only the generator's choice of slip made it.

Measures the scrmap that Python imports: to measure another checkout's, put its ``src``
first on ``PYTHONPATH``.

Usage: python benchmarks/typos.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import pydoc_data.topics
import random
import re
import sys
from pathlib import Path

from generate import typo

ROOT = Path(__file__).resolve().parent.parent
LONG_WORD = re.compile(r"\b[A-Za-z]{6,}\b")
SLIPS_PER_WORD = 4


def words_of(text: str) -> set[str]:
    """The words of six letters or more of ``text``, lower case; words in capitals or of
    mixed case (acronyms, code) left out."""
    return {w.lower() for w in LONG_WORD.findall(text) if w.islower() or w.istitle()}


def main() -> int:
    """Print both counts; exit 2 when ``../shared`` is not there."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    seeds = sorted((args.shared / "seeds").glob("*.txt"))
    train = args.shared / "corpus" / "train.yaml"
    if not seeds or not train.is_file():
        print(f"needs the seed reviews and train.yaml under {args.shared}", file=sys.stderr)
        return 2

    from scrmap import framework as fw
    from scrmap.matcher import Matcher, _slip
    from scrmap.text import normal_form

    domain = set().union(*(words_of(p.read_text(encoding="utf-8")) for p in [*seeds, train]))
    prose = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*"))]
    prose.append(" ".join(pydoc_data.topics.topics.values()))
    real = domain.union(*map(words_of, prose))

    matcher = Matcher(fw.load(fw.resolve_path(None)))
    taken = sorted(w for w in real if matcher._word(w).typo)

    rng = random.Random(7)
    right = wrong = ambiguous = missed = 0
    for word in sorted(w for w in domain if normal_form(w) in matcher._keys):
        for _ in range(SLIPS_PER_WORD):
            slip = typo(word, rng)
            if slip in real:
                continue
            read = matcher._word(slip)
            if normal_form(word) in read.keys:
                right += 1
            elif read.typo and _slip(slip, word):  # one edit from ``word``, as made
                wrong += 1
            elif read.typo:
                ambiguous += 1
            else:
                missed += 1
    slips = right + wrong + ambiguous + missed
    print(f"real words taken for typos: {len(taken)} of {len(real):,}")
    print(f"slips: {slips:,}; read right {right:,} ({right / slips:.1%}), ", end="")
    print(f"as another word {wrong}, as another word it is rather a slip of {ambiguous}, ", end="")
    print(f"missed {missed:,}")
    print("taken:", " ".join(taken))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
