"""Generate synthetic review recommendations for the benchmarks.

Real recommendations are built from a small number of parts: who must act, what
they must do, about what, and by when or measured how, often with a sentence of
case context in front. This generator composes those parts at random (seeded, so a
size always gives the same file), draws case-specific names and places from a
syllable grammar so that the vocabulary runs to several thousand distinct words, and
injects typing mistakes (a dropped, doubled, swapped or wrong letter) into a few
per cent of the longer words, as hand-typed text has.

Some recommendations are about nothing in the framework (estates, IT contracts), so
the corpus has unmapped items, as a national corpus does.

Usage: python benchmarks/generate.py 100000 -o corpus.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Iterator
from pathlib import Path

AGENCIES = [
    "Children's Services",
    "the Police",
    "the Health Visiting service",
    "CAMHS",
    "GP practices",
    "schools",
    "the Probation Service",
    "housing providers",
    "Adult Social Care",
    "the MASH",
    "the Early Help Hub",
    "the ambulance service",
    "midwifery services",
    "the Integrated Care Board",
    "the local authority",
    "the Safeguarding Partnership",
    "the Youth Justice Service",
    "drug and alcohol services",
    "the emergency department",
    "school nurses",
    "the Designated Safeguarding Leads",
    "the Community Safety Partnership",
    "children's centres",
    "the Virtual School",
    "independent reviewing officers",
    "the Family Court advisers",
    "the mental health trust",
]
LEADS = [
    "{agency} should",
    "{agency} must",
    "{agency} and {agency} should jointly",
    "The Board should seek assurance that {agency}",
    "All partner agencies should",
    "The Safeguarding Partnership should require {agency} to",
    "The Board should ask {agency} to",
    "{agency} in {place} should",
]
ACTIONS = [
    "ensure that practitioners",
    "review how staff",
    "develop guidance so that professionals",
    "audit whether practitioners",
    "strengthen arrangements so that workers",
    "embed practice in which staff",
    "commission training so that frontline staff",
    "provide supervision in which practitioners",
    "revise procedures so that managers",
    "consider how teams",
    "explore whether clinicians",
    "agree a protocol so that staff",
]
TOPICS = [
    "exercise professional curiosity when a parent's account is inconsistent",
    "share information with other agencies at the point of concern",
    "identify and engage fathers and male carers in assessments",
    "escalate concerns using the multi-agency escalation policy",
    "recognise the cumulative impact of neglect on the child",
    "ask routinely about domestic abuse and refer high-risk cases to MARAC",
    "complete early help assessments and review them for drift",
    "record the child's lived experience and wishes and feelings",
    "see the child alone and speak with them about their daily life",
    "consider the history of previous referrals before closing a case",
    "challenge disguised compliance by parents",
    "recognise the risks of parental mental ill health and substance misuse",
    "attend strategy discussions and child protection conferences",
    "plan the transition of young people to adult services",
    "understand thresholds for statutory intervention",
    "use chronologies to understand patterns of concern",
    "hold reflective supervision on complex cases",
    "respond to bruising in non-mobile babies",
    "think about safe sleeping arrangements for infants",
    "assess the impact of coercive control on the children in the household",
    "recognise child sexual exploitation and missing episodes",
    "work with families who move between local authority areas",
    "check who else lives in or visits the household",
    "support children returning home from care",
    "manage caseloads and workload pressures",
    "make decisions jointly at multi-agency meetings",
    "act on information held in historical records",
    "recognise the signs of child sexual abuse",
    "involve the wider family in safety planning",
    "work with interpreters when English is not the family's first language",
]
OFF_TOPIC = [
    "renew the car parking contract at the {place} hospital site",
    "replace the office printers and telephony in {place}",
    "agree the catering budget for the {place} conference centre",
    "move the records archive to the new {place} building",
    "update the fleet vehicle maintenance schedule",
]
QUALIFIERS = [
    "",
    "",
    "within six months",
    "by March {year}",
    "within twelve months of publication",
    "and report progress to the Board quarterly",
    "evidenced through a multi-agency audit of {n} cases",
    "with compliance reported to the Board every six months",
    "so that children are safer",
    "by the end of {year}",
    "and the impact should be measured through a survey of {n} practitioners",
    "as part of the annual learning and improvement programme",
]
CONTEXT = [
    "",
    "",
    "",
    "In the case of Child {name}, {agency} did not act on repeated concerns.",
    "{name}'s mother told a health visitor in {place} that she was frightened.",
    "The family moved from {place} to {place} three times in a year.",
    "Professionals in {place} knew little about Mr {surname}.",
    "Child {name} was not seen for several months before the incident.",
    "Records held by {agency} about the {surname} family were not shared.",
]
ONSETS = [
    "b",
    "br",
    "c",
    "ch",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "th",
    "w",
    "wh",
    "y",
]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou"]
CODAS = ["", "n", "m", "l", "r", "s", "th", "ck", "ng", "rd", "x"]
PLACE_ENDS = ["ham", "ton", "bury", "ford", "field", "wick", "ley", "stead", "by", "thorpe"]


def _syllables(rng: random.Random, count: int) -> str:
    return "".join(
        rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(count)
    )


def vocabulary(seed: int, size: int) -> tuple[list[str], list[str], list[str]]:
    """Case names, surnames and places: the words that make a corpus's vocabulary large."""
    rng = random.Random(seed)
    names = sorted({_syllables(rng, rng.randint(1, 2)).capitalize() for _ in range(size)})
    surnames = sorted({_syllables(rng, 2).capitalize() for _ in range(size)})
    places = sorted(
        {
            _syllables(rng, rng.randint(1, 2)).capitalize() + rng.choice(PLACE_ENDS)
            for _ in range(size)
        }
    )
    return names, surnames, places


def typo(word: str, rng: random.Random) -> str:
    """One typing mistake, never the first letter: a dropped, doubled, swapped or wrong
    letter. Tried again if the mistake happens to leave the word as it was."""
    while True:
        i = rng.randrange(1, len(word) - 1)
        kind = rng.randrange(4)
        if kind == 0:
            changed = word[:i] + word[i + 1 :]
        elif kind == 1:
            changed = word[:i] + word[i] + word[i:]
        elif kind == 2:
            changed = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        else:
            changed = word[:i] + rng.choice("aeioulnrst") + word[i + 1 :]
        if changed != word:
            return changed


def eligible(word: str) -> bool:
    """Words long enough to be mistyped: short ones rarely are, and are often names."""
    return len(word) >= 6 and word.isalpha()


def recommendations(
    count: int, seed: int = 2026, typo_rate: float = 0.03
) -> Iterator[tuple[str, str, str]]:
    """(id, case, text) for ``count`` recommendations, about 47 to a case as in the
    national research."""
    rng = random.Random(seed)
    mistakes = random.Random(seed + 1)  # apart, so the typo rate leaves the text unchanged
    names, surnames, places = vocabulary(seed, 1500)

    def fill(template: str) -> str:
        while "{" in template:
            template = (
                template.replace("{agency}", rng.choice(AGENCIES), 1)
                .replace("{place}", rng.choice(places), 1)
                .replace("{name}", rng.choice(names), 1)
                .replace("{surname}", rng.choice(surnames), 1)
                .replace("{year}", str(rng.randint(2015, 2030)), 1)
                .replace("{n}", str(rng.randint(10, 60)), 1)
            )
        return template

    case = ""
    for index in range(1, count + 1):
        if index % 47 == 1:
            case = f"Child {rng.choice(names)} ({rng.choice(places)}, {rng.randint(2011, 2026)})"
        topic = rng.choice(OFF_TOPIC) if rng.random() < 0.05 else rng.choice(TOPICS)
        lead = fill(rng.choice(LEADS))
        lead = lead[0].upper() + lead[1:]
        sentence = f"{lead} {rng.choice(ACTIONS)} {fill(topic)}"
        qualifier = fill(rng.choice(QUALIFIERS))
        if qualifier:
            sentence += f" {qualifier}"
        text = " ".join(part for part in (fill(rng.choice(CONTEXT)), sentence + ".") if part)
        words = [
            typo(w, mistakes) if eligible(w) and mistakes.random() < typo_rate else w
            for w in text.split(" ")
        ]
        yield f"R{index}", case, " ".join(words)


def write_csv(count: int, out: Path | None, seed: int = 2026) -> None:
    """Write ``count`` recommendations as CSV (id, case, text) to ``out`` or stdout."""
    handle = out.open("w", newline="", encoding="utf-8") if out else sys.stdout
    try:
        writer = csv.writer(handle)
        writer.writerow(["id", "case", "text"])
        writer.writerows(recommendations(count, seed))
    finally:
        if out:
            handle.close()


def main() -> None:
    """Command line: a count and an output file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of recommendations")
    parser.add_argument("-o", "--output", type=Path, help="CSV file (default: stdout)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    write_csv(args.count, args.output, args.seed)


if __name__ == "__main__":
    main()
