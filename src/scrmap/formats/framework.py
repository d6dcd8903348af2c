"""Formats of `scrmap framework show`: JSON, YAML or Markdown, for machines and Board
documents; `tree` is the CLI's Rich view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrmap.display import inert_json, is_unsafe
from scrmap.formats import Renderer, json_text
from scrmap.formats.cells import md_cell
from scrmap.formats.choices import ShowFormat
from scrmap.records import framework_dump, theme_families

if TYPE_CHECKING:
    from scrmap.framework import Framework


TERMINAL = ShowFormat.tree


def to_json(framework: Framework) -> str:
    """Pretty JSON, ending with a newline."""
    return json_text(framework_dump(framework))


def to_yaml(framework: Framework) -> str:
    """YAML in the same shape as the framework file it was loaded from.

    PyYAML writes a right-to-left override or a zero-width space as it is, even in quotes:
    a string holding one is double-quoted, where `inert_json` writes them as escapes."""
    import yaml  # only this format needs it: the other commands start faster

    class Dumper(yaml.SafeDumper):
        """Double quotes for strings with characters that would act on a terminal."""

    def string(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
        unsafe = any(is_unsafe(char) for char in text if char != "\n")
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, '"' if unsafe else None)

    Dumper.add_representer(str, string)
    data = framework_dump(framework)
    dumped = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    return inert_json(dumped, yaml=True)


def to_markdown(framework: Framework) -> str:
    """A readable document: quadrants with their standards, then themes by family.

    Every value from the file goes through `md_cell`: Markdown renderers pass HTML
    through, so a hostile framework's ``<script>`` would otherwise run in a browser.
    """
    e = md_cell
    lines = [f"# {e(framework.title)}", ""]
    if framework.description:
        lines += [e(framework.description), ""]
    if framework.source:
        lines += [f"Source: {e(framework.source)}", ""]
    if framework.foundations:
        lines += ["## Foundations", ""]
        lines += [
            f"- **{e(f.title)}**: {e(f.description)}".rstrip(": ") for f in framework.foundations
        ]
        lines.append("")
    lines += [f"## Quadrants ({len(framework.quadrants)})", ""]
    for quadrant in framework.quadrants:
        standards = [s for s in framework.standards if s.quadrant == quadrant.id]
        lines += [f"### {e(quadrant.id)} {e(quadrant.title)}", ""]
        if quadrant.description:
            lines += [e(quadrant.description), ""]
        lines += [
            f"- **{e(s.id)}** {e(s.description or s.title)} _({e(s.group)})_" for s in standards
        ]
        lines.append("")
    lines += [f"## Key themes ({len(framework.themes)})", ""]
    for family_id, family_title, themes in theme_families(framework):
        heading = family_title or family_id or "Other themes"
        lines += [f"### {e(heading)}", ""]
        lines += [
            f"- **{e(t.id)}** {e(t.title)}" + (f" ({e(t.quadrant)})" if t.quadrant else "")
            for t in themes
        ]
        lines.append("")
    return "\n".join(lines)


RENDERERS: dict[ShowFormat, Renderer[Framework, str]] = {
    ShowFormat.json: to_json,
    ShowFormat.yaml: to_yaml,
    ShowFormat.markdown: to_markdown,
}
