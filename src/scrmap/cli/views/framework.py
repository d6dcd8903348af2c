"""The terminal view of `scrmap framework show`: a tree with counts."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from scrmap.cli.views import QUIET
from scrmap.display import joined_names
from scrmap.formats import counted
from scrmap.framework import Framework
from scrmap.records import theme_families


def framework_tree(framework: Framework) -> Tree:
    """Quadrants with their standards, then themes by family, each with counts.

    Labels are `Text`, never markup: a framework's titles are text as written.
    """
    root = Tree(
        Text.assemble(
            (framework.title, "bold"),
            f" ({counted(len(framework.quadrants), 'quadrant')}, "
            f"{counted(len(framework.standards), 'standard')}, "
            f"{counted(len(framework.themes), 'theme')})",
        )
    )
    if framework.foundations:
        foundations = root.add(
            Text.assemble(("Foundations", "bold"), f" ({len(framework.foundations)})")
        )
        for foundation in framework.foundations:
            foundations.add(Text(foundation.title))
    quadrants = root.add(Text.assemble(("Quadrants", "bold"), f" ({len(framework.quadrants)})"))
    for quadrant in framework.quadrants:
        standards = [s for s in framework.standards if s.quadrant == quadrant.id]
        branch = quadrants.add(
            Text.assemble(
                (quadrant.id, "bold cyan"),
                f" {quadrant.title} ({counted(len(standards), 'standard')})",
            )
        )
        for standard in standards:
            # A standard given only with one of some themes says which.
            about = standard.about_themes
            only = f"; only with {joined_names(about)}" if about else ""
            branch.add(
                Text.assemble(
                    (standard.id, "cyan"),
                    f" {standard.title} ",
                    (f"({counted(len(standard.cues), 'phrase')}{only})", QUIET),
                )
            )
    themes = root.add(Text.assemble(("Key themes", "bold"), f" ({len(framework.themes)})"))
    for _, title, members in theme_families(framework):
        branch = themes.add(Text.assemble((title or "Other themes", "bold"), f" ({len(members)})"))
        for theme in members:
            branch.add(
                Text.assemble(
                    (theme.id, "magenta"),
                    f" {theme.title}",
                    (f" {theme.quadrant}" if theme.quadrant else "", QUIET),
                    " ",
                    (f"({counted(len(theme.cues), 'phrase')})", QUIET),
                )
            )
    outside = [
        ("Outside the framework", framework.outside, "phrase", "subjects it does not cover"),
        (
            "Addressed outside the framework",
            framework.outside_addressees,
            "addressee",
            "bodies that make law, national policy or regulation",
        ),
    ]
    for heading, phrases, noun, what in outside:
        if phrases:
            root.add(
                Text.assemble(
                    (heading, "bold"),
                    " ",
                    (f"({counted(len(phrases), noun)}: {what})", QUIET),
                )
            )
    return root
