"""The terminal view of `scrmap framework show`: a tree with counts."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from scrmap.framework import Framework
from scrmap.records import theme_families


def framework_tree(framework: Framework) -> Tree:
    """Quadrants with their standards, then themes by family, each with counts."""
    root = Tree(
        f"[bold]{escape(framework.title)}[/]  ({len(framework.quadrants)} quadrants, "
        f"{len(framework.standards)} standards, {len(framework.themes)} themes)"
    )
    if framework.foundations:
        foundations = root.add(f"[bold]Foundations[/] ({len(framework.foundations)})")
        for foundation in framework.foundations:
            foundations.add(escape(foundation.title))
    quadrants = root.add(f"[bold]Quadrants[/] ({len(framework.quadrants)})")
    for quadrant in framework.quadrants:
        standards = [s for s in framework.standards if s.quadrant == quadrant.id]
        branch = quadrants.add(
            f"[bold cyan]{escape(quadrant.id)}[/] {escape(quadrant.title)} "
            f"({len(standards)} standards)"
        )
        for standard in standards:
            branch.add(
                f"[cyan]{escape(standard.id)}[/] {escape(standard.title)} "
                f"[dim]({len(standard.cues)} phrases)[/]"
            )
    themes = root.add(f"[bold]Key themes[/] ({len(framework.themes)})")
    for _, title, members in theme_families(framework):
        branch = themes.add(f"[bold]{escape(title or 'Other themes')}[/] ({len(members)})")
        for theme in members:
            where = f" [dim]{escape(theme.quadrant)}[/]" if theme.quadrant else ""
            branch.add(
                f"[magenta]{escape(theme.id)}[/] {escape(theme.title)}{where} "
                f"[dim]({len(theme.cues)} phrases)[/]"
            )
    return root
