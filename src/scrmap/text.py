"""Tokens and their normal forms: what makes 'Fathers', 'father's' and 'fathers' one word.

Recommendations are written by many hands: British and American spelling, plurals,
possessives, hyphenated compounds and acronyms. Cues and recommendation text pass
through the same normaliser so they meet on common ground. Matching is then exact
on normal forms (with a narrow typo allowance in the matcher), never fuzzy over
whole strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
"""A run of letters/digits, with inner apostrophes kept (father's, didn't)."""

SENTENCE_BREAK = re.compile(r"[.;!?\n]|\s[-\u2013\u2014]\s")
"""Where a sentence-level scope ends: cue words in different sentences do not combine."""

_GAP_TEXT = """a an the of to for in on at by with and or their his her its this that these those
each every any all our your within across between from into about as
should must will would could can may might shall be is are was were been being has have had"""
GAP_WORDS = frozenset(_GAP_TEXT.split())
"""Words ignored when matching phrases, so 'voice of the child' meets 'voice of each child'
and 'information should be shared' meets 'information shared'."""

IRREGULAR = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "mothers": "mother",
    "wives": "wife",
}

US_TO_UK = {
    "center": "centre",
    "centers": "centres",
    "centered": "centred",
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "judgment": "judgement",
    "judgments": "judgements",
    "program": "programme",
    "programs": "programmes",
    "pediatric": "paediatric",
    "pediatrician": "paediatrician",
    "pediatricians": "paediatricians",
    "counselor": "counsellor",
    "counseling": "counselling",
    "focussed": "focused",
    "fulfill": "fulfil",
    "enroll": "enrol",
    "advisor": "adviser",
    "advisors": "advisers",
    "favor": "favour",
    "labor": "labour",
    "neighbor": "neighbour",
    "neighborhood": "neighbourhood",
    "mold": "mould",
    "practicing": "practising",
    "practiced": "practised",
    "defense": "defence",
    "offense": "offence",
}

_IZE = re.compile(r"^(\w{3,})(iz|yz)(e|es|ed|er|ers|ing|ation|ations)$")
_IZE_EXCEPTIONS = frozenset({"seize", "seized", "seizes", "seizing", "capsize", "capsized"})

_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text, with where it stands and how it normalises."""

    start: int
    """Character offset of the first character."""
    end: int
    """Character offset just past the last character."""
    raw: str
    """The word as written."""
    key: str
    """The normal form (lower case, British spelling, stemmed)."""
    acronym: str | None
    """The upper-case form without a plural 's' if the word is written as an acronym."""
    sentence: int
    """Index of the sentence the word stands in."""


def fold(text: str) -> str:
    """Unicode-normalise (NFKC) and straighten typographic quotes, as Word leaves them."""
    text = unicodedata.normalize("NFKC", text)
    return text.replace("\u2018", "'").replace("\u2019", "'")


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The matching key of one word: lower case, no possessive, British spelling, stem."""
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    lower = lower.rstrip("'")
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    lower = US_TO_UK.get(lower, lower)
    if lower not in _IZE_EXCEPTIONS:
        lower = _IZE.sub(lambda m: m.group(1) + m.group(2).replace("z", "s") + m.group(3), lower)
    return _stemmer.stemWord(lower)


def acronym_form(word: str) -> str | None:
    """'MASH' -> 'MASH', 'IDVAs' -> 'IDVA', 'Mash' -> None: acronyms match only in capitals."""
    core = word[:-1] if len(word) > 2 and word.endswith("s") else word
    if len(core) >= 2 and core.isupper() and any(c.isalpha() for c in core):
        return core
    return None


def tokenize(text: str) -> list[Token]:
    """All words of ``text`` with spans into ``text`` itself (callers fold first if needed)."""
    breaks = [m.start() for m in SENTENCE_BREAK.finditer(text)]
    tokens: list[Token] = []
    sentence = 0
    for match in WORD.finditer(text):
        while sentence < len(breaks) and breaks[sentence] < match.start():
            sentence += 1
        raw = match.group()
        tokens.append(
            Token(match.start(), match.end(), raw, normalise(raw), acronym_form(raw), sentence)
        )
    return tokens


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The words of a cue phrase as the matcher compares them: normal forms, acronyms
    marked with '^', and the ignorable words left out (empty if nothing else remains)."""
    return tuple(
        f"^{t.acronym}" if t.acronym else t.key
        for t in tokenize(fold(phrase))
        if t.raw.lower() not in GAP_WORDS
    )
