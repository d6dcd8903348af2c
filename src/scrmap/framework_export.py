"""Render a framework as JSON, YAML or Markdown, for machines and Board documents."""

from __future__ import annotations

import json
from typing import Any

import yaml

from scrmap.framework import Framework


def as_record(framework: Framework) -> dict[str, Any]:
    """The framework as plain data, in file order, without unset optional fields."""
    return framework.model_dump(mode="json", exclude_none=True)


def to_json(framework: Framework) -> str:
    """Pretty JSON, ending with a newline."""
    return json.dumps(as_record(framework), indent=2, ensure_ascii=False) + "\n"


def to_yaml(framework: Framework) -> str:
    """YAML in the same shape as the framework file it was loaded from."""
    return yaml.safe_dump(as_record(framework), sort_keys=False, allow_unicode=True, width=100)


def to_markdown(framework: Framework) -> str:
    """A readable document: quadrants with their standards, then themes by family."""
    lines = [f"# {framework.title}", ""]
    if framework.description:
        lines += [framework.description, ""]
    if framework.source:
        lines += [f"Source: {framework.source}", ""]
    if framework.foundations:
        lines += ["## Foundations", ""]
        lines += [f"- **{f.title}**: {f.description}".rstrip(": ") for f in framework.foundations]
        lines.append("")
    lines += [f"## Quadrants ({len(framework.quadrants)})", ""]
    for quadrant in framework.quadrants:
        standards = [s for s in framework.standards if s.quadrant == quadrant.id]
        lines += [f"### {quadrant.id} {quadrant.title}", ""]
        if quadrant.description:
            lines += [quadrant.description, ""]
        lines += [f"- **{s.id}** {s.description or s.title} _({s.group})_" for s in standards]
        lines.append("")
    lines += [f"## Key themes ({len(framework.themes)})", ""]
    for family_id, family_title, themes in theme_families(framework):
        heading = family_title or family_id or "Other themes"
        lines += [f"### {heading}", ""]
        lines += [
            f"- **{t.id}** {t.title}" + (f" ({t.quadrant})" if t.quadrant else "") for t in themes
        ]
        lines.append("")
    return "\n".join(lines)


def theme_families(framework: Framework) -> list[tuple[str | None, str | None, list[Any]]]:
    """Themes grouped by family, families in file order, themes without one last."""
    groups: list[tuple[str | None, str | None, list[Any]]] = [
        (f.id, f.title, [t for t in framework.themes if t.family == f.id])
        for f in framework.families
    ]
    orphans = [t for t in framework.themes if t.family is None]
    if orphans:
        groups.append((None, None, orphans))
    return [g for g in groups if g[2]]
