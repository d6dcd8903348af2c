"""Load YAML into plain Python data while remembering where every value stood.

PyYAML's safe loader throws positions away, and Pydantic reports errors by a
path of keys and indexes. Composing the node graph ourselves lets us keep a map
from that path to the line and column in the file, so a validation error can say
``framework.yaml:42:7`` instead of ``standards.3.quadrant``. It also lets us
reject what the safe loader silently accepts: duplicate keys, and alias
expansion that would blow up memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

MAX_NODES = 1_000_000
"""Nodes we are willing to build; an alias bomb expands to far more."""

MAX_DEPTH = 200
"""Nesting we are willing to follow; real files nest a handful of levels."""


@dataclass
class Located:
    """Parsed data plus a map from each value's key path to its (line, col)."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[tuple[tuple[int, int], str]] = field(default_factory=list)
    """Problems the safe loader would not have reported: (line, col), message."""

    def where(self, path: Path) -> tuple[int, int] | None:
        """Position of ``path``, or of its nearest ancestor that has one."""
        for cut in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:cut]))
            if pos is not None:
                return pos
        return None


class YamlSyntaxError(Exception):
    """The text is not YAML; carries the 1-based position the parser stopped at."""

    def __init__(self, message: str, line: int | None, col: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


def _start(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self) -> None:
        self.located = Located(data=None)
        self.count = 0

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlSyntaxError(
                f"more than {MAX_NODES:,} values (an alias bomb?); refusing to expand",
                *_start(node),
            )
        if depth > MAX_DEPTH:
            raise YamlSyntaxError(f"nested deeper than {MAX_DEPTH} levels", *_start(node))
        self.located.positions[path] = _start(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, (*path, "<key>"), depth + 1)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    self.located.problems.append((_start(key_node), "keys must be plain scalars"))
                    continue
                key_path = (*path, str(key))
                if key in out:
                    self.located.problems.append((_start(key_node), f"duplicate key {key!r}"))
                    continue
                out[key] = self.build(value_node, key_path, depth + 1)
                # Point errors about a key at the key itself, not its value.
                self.located.positions[key_path] = _start(key_node)
                self.located.positions[(*key_path, "<value>")] = _start(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return yaml.constructor.SafeConstructor.construct_object(_CONSTRUCTOR, node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def load(text: str) -> Located:
    """Parse one YAML document; raise YamlSyntaxError with a position if it is not YAML."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise YamlSyntaxError(f"not valid YAML: {exc.problem or exc.context}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"not valid YAML: {exc}", None, None) from None
    builder = _Builder()
    if root is not None:
        try:
            builder.located.data = builder.build(root, (), 0)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark
            raise YamlSyntaxError(
                f"not valid YAML: {exc.problem}",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            ) from None
    return builder.located
