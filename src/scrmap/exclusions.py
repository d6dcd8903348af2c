"""Exclusions a standard shares with a theme: one rule, read by the matcher and by the
digest that learned weights record.

A standard that takes a theme's word means it as the theme does, so the theme's
exclusions about that word hold for the standard too. The matcher adds them to the
standard's own when it compiles the framework; learned weights record them in the
standard's digest, so that a theme's new exclusion tells the weights of the standards
that share it stale, as it tells the theme's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrmap.text import phrase_keys

if TYPE_CHECKING:
    from scrmap.framework import Framework


def shared_exclusions(framework: Framework) -> dict[str, tuple[str, ...]]:
    """For each standard, by id, the exclusions of the themes it shares cues with, each that
    holds the words of a cue the two share, less those it has or reads as a cue: a standard
    that takes a theme's word ("neglect" for policies on neglect, "partner" for the less
    visible parent, "advocacy" for relationships with children) means it as the theme does,
    so it is not "self-neglect", "intimate partner violence" or "independent domestic
    violence advocacy" either. An exclusion about another of the theme's words stays the
    theme's: 6.1 shares *escalation policy* with challenge and escalation, not its
    *challenge*, so "hostile parents are challenged" keeps 6.1's *hostile parents*. Each
    theme's phrases are read once, not once per standard: this is part of compiling."""
    themes = [
        ({phrase_keys(c.cue) for c in t.cues}, [(p, phrase_keys(p)) for p in t.exclude])
        for t in framework.themes
        if t.exclude
    ]
    out: dict[str, tuple[str, ...]] = {}
    for standard in framework.standards:
        own = {phrase_keys(c.cue) for c in standard.cues}
        have = own | {phrase_keys(p) for p in standard.exclude}
        taken: list[str] = []
        for cue_keys, exclusions in themes:
            shared = [set(k) for k in own & cue_keys]
            for phrase, keys in exclusions:
                if keys not in have and any(words <= set(keys) for words in shared):
                    have.add(keys)
                    taken.append(phrase)
        out[standard.id] = tuple(taken)
    return out
