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
from typing import Any, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from scrmap.errors import Problem, plain_words
from scrmap.limits import Limits

Path = tuple[str | int, ...]

MAX_NODES = 1_000_000
"""Nodes we are willing to build; an alias bomb expands to far more."""


@dataclass
class Located:
    """Parsed data plus a map from each value's key path to its (line, col)."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[tuple[tuple[int, int], str]] = field(default_factory=list)
    """Problems the safe loader would not have reported: (line, col), message."""
    unquoted: dict[Path, str] = field(default_factory=dict)
    """Scalars YAML read as something other than text (``1.10`` as the number 1.1, ``yes``
    as true), as written: where text was expected, the message quotes them as written."""

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
        self.located.positions[path] = _start(node)
        if isinstance(node, yaml.MappingNode):
            out = self._merged(node, path, depth)
            merged = set(out)
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.build(key_node, (*path, "<key>"), depth + 1)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    self.located.problems.append((_start(key_node), "keys must be plain scalars"))
                    continue
                key_path = (*path, str(key))
                written = self.located.unquoted.pop((*path, "<key>"), None)
                if written is not None:  # as Pydantic places an error in a key
                    self.located.unquoted[(*key_path, "[key]")] = written
                if key in out and key not in merged:
                    self.located.problems.append((_start(key_node), f"duplicate key {key!r}"))
                    continue
                merged.discard(key)  # a key written out overrides the one merged in
                out[key] = self.build(value_node, key_path, depth + 1)
                # Point errors about a key at the key itself, not its value.
                self.located.positions[key_path] = _start(key_node)
                self.located.positions[(*key_path, "<value>")] = _start(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == _MERGE:  # '<<' as a value, where it merges nothing: the text
            return node.value
        try:
            value = yaml.constructor.SafeConstructor.construct_object(_CONSTRUCTOR, node)
            if isinstance(value, (bool, int, float)):
                self.located.unquoted[path] = node.value
            return value
        except (ValueError, OverflowError):
            # A scalar that looks like a date or number but is none (2024-02-30, an id of
            # 5,000 digits): keep it as written; validation then names the field and place.
            return node.value

    def _merged(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        """The keys a mapping merges in with '<<: *anchor' (or '<<: [*a, *b]', the first
        winning), as PyYAML's loaders read them: built in its place, so that problems in
        them point into the anchored mapping. Its own keys, read after, override them."""
        out: dict[Any, Any] = {}
        start = self.located.positions[path]
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE:
                continue
            items = value_node.value if isinstance(value_node, yaml.SequenceNode) else None
            for item in reversed(items) if items is not None else [value_node]:
                value = self.build(item, path, depth + 1)
                if isinstance(value, dict):
                    out.update(value)
                else:
                    self.located.problems.append(
                        (_start(item), "'<<' merges only a mapping, or a list of mappings")
                    )
        self.located.positions[path] = start
        return out


_MERGE = "tag:yaml.org,2002:merge"
"""The tag of a plain '<<' key, YAML 1.1's merge key."""
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML has it (several times faster on the framework file);
the node tree and its marks are the same."""


class _Mark(Protocol):
    """A place in the text, as PyYAML's Python and libyaml parsers both give it (0-based)."""

    line: int
    column: int


def _within_limits(text: str, limits: Limits) -> None:
    """Refuse deep nesting and many aliases before composing: the composer recurses (in C,
    where a few thousand nested brackets overflow the stack) and expands every alias."""
    try:
        _count_nesting(text, limits)
    except yaml.MarkedYAMLError as exc:
        # libyaml from PyYAML 6.0.4 refuses nesting past its own cap (1,000, over the
        # most SCRMAP_MAX_YAML_DEPTH allows) as it scans ahead, before the events reach
        # the count: the same problem, said the same way.
        if "maximum nesting depth" not in (exc.problem or ""):
            raise
        raise _too_deep(limits, exc.problem_mark) from None


def _too_deep(limits: Limits, mark: _Mark | None) -> YamlSyntaxError:
    """The one way nesting past the limit is said, whichever count met it."""
    return YamlSyntaxError(
        f"nested deeper than {limits.yaml_depth} levels (SCRMAP_MAX_YAML_DEPTH raises the limit)",
        *_mark(mark),
    )


def _count_nesting(text: str, limits: Limits) -> None:
    """The count of `_within_limits`, event by event."""
    depth = aliases = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > limits.yaml_depth:
                raise _too_deep(limits, event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > limits.yaml_aliases:
                raise YamlSyntaxError(
                    f"more than {limits.yaml_aliases} aliases (an alias bomb?); refusing to "
                    "expand them (SCRMAP_MAX_YAML_ALIASES raises the limit)",
                    *_mark(event.start_mark),
                )


def _mark(mark: _Mark | None) -> tuple[int | None, int | None]:
    return (mark.line + 1, mark.column + 1) if mark else (None, None)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[_Mark | None, str]:
    """Where a YAML syntax error is and what it is, in words for whoever edits the file:
    libyaml's ("found unexpected end of stream", "but found another document") name
    neither the quote left open nor a tab, which most editors do not show."""
    mark: _Mark | None = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "unknown error"
    context, opened = exc.context, exc.context_mark
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        problem = "a tab character; YAML indents with spaces only"
    elif context == "while scanning a quoted scalar" and opened is not None:
        mark, problem = opened, "a quote opened here never closes"
    elif context == "while parsing a flow node" and mark is not None:
        # Its mark is where a value was wanted, not a bracket: name none that is not there.
        if _rest_is_blank(text, mark.line, mark.column):
            problem += " (a [ or { above is never closed)"
        else:
            problem += " (a value is missing here, or a bracket does not match)"
    elif context and context.startswith("while parsing a flow ") and opened is not None:
        pair = "[ ]" if context.endswith("sequence") else "{ }"
        where = f"line {opened.line + 1}, column {opened.column + 1}"
        problem = f"{problem} (in the {pair} opened at {where})"
    elif context and problem.startswith("but "):
        problem = f"{context}, {problem}"
    elif problem == "mapping values are not allowed in this context":
        problem += (
            " (check this line's indentation against the line above, or quote a value that "
            "holds ': ')"
        )
    return mark, problem


def _rest_is_blank(text: str, line: int, column: int) -> bool:
    """Whether nothing but white space follows 0-based ``line`` and ``column`` of ``text``."""
    lines = text.split("\n")
    if line >= len(lines):
        return True
    return not "\n".join([lines[line][column:], *lines[line + 1 :]]).strip()


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based ``line`` and ``column`` of ``text``, or '' past its end."""
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def load(text: str, limits: Limits | None = None) -> Located:
    """Parse one YAML document; raise YamlSyntaxError with a position if it is not YAML
    or goes past ``limits``."""
    try:
        _within_limits(text, limits or Limits())
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark, problem = _syntax_problem(exc, text)
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise YamlSyntaxError(f"not valid YAML: {problem}", line, col) from None
    except yaml.YAMLError as exc:
        # A reader error (a control character, say) has a character offset, not a mark,
        # and a second line naming "<unicode string>": keep one line, with a place.
        position = getattr(exc, "position", None)
        line = col = None
        if isinstance(position, int):
            before = text[:position]
            line, col = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
        message = str(exc).splitlines()[0]
        raise YamlSyntaxError(f"not valid YAML: {message}", line, col) from None
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


M = TypeVar("M", bound=BaseModel)


def load_model(
    text: str, name: str, model: type[M], not_a_mapping: str, limits: Limits | None = None
) -> tuple[M | None, Located | None, list[Problem]]:
    """Parse YAML text and validate it against ``model``, collecting every problem.

    Returns the model (None if invalid), the located data (None if the text is not
    YAML) so callers can run their own checks on raw data, and the problems so far.
    ``not_a_mapping`` is the message for a document that is not a mapping.
    """
    try:
        located = load(text, limits)
    except YamlSyntaxError as exc:
        return None, None, [Problem(name, exc.line, exc.col, exc.message)]
    problems = [Problem(name, line, col, msg) for (line, col), msg in located.problems]
    if not isinstance(located.data, dict):
        return None, located, [*problems, Problem(name, 1, 1, not_a_mapping)]
    try:
        parsed = model.model_validate(located.data)
    except ValidationError as exc:
        return None, located, problems + validation_problems(exc, located, name)
    return parsed, located, problems


def validation_problems(exc: ValidationError, located: Located, name: str) -> list[Problem]:
    """Pydantic's errors as problems at the YAML positions they concern."""
    return [_problem(err, located, name) for err in exc.errors()]


def _problem(err: Any, located: Located, name: str) -> Problem:
    loc = tuple(str(p) if not isinstance(p, int) else p for p in err["loc"])
    # An unknown key is pointed at the key; any other error at the offending value.
    value_pos = (
        None if err["type"] == "extra_forbidden" else located.positions.get((*loc, "<value>"))
    )
    pos = value_pos or located.where(loc)
    line, col = pos if pos else (None, None)
    where = label(loc, located.data)
    if loc and loc[-1] == "[key]":  # 'standards.1.1.[key]' named the key as YAML read it
        written = located.unquoted.get(loc, str(loc[-2]))
        where = f"{label(loc[:-2], located.data)}: key {written}"
    msg = plain_words(err["msg"])
    if err["type"] == "missing":
        msg = "missing required field"
    elif err["type"] == "extra_forbidden":
        msg = "unknown key (check the spelling)"
    elif loc in located.unquoted and (err["type"] == "string_type" or msg == "must be text"):
        msg = _unquoted(located.unquoted[loc], err["input"])
    return Problem(name, line, col, f"{where}: {msg}")


def _unquoted(written: str, value: object) -> str:
    """The message for text that YAML read as a number or a truth value: ids such as 1.10,
    which YAML reads as 1.1, are the usual case, and quoting is the cure."""
    if isinstance(value, bool):
        read_as = "true" if value else "false"
    elif written == str(value):
        read_as = "a number"
    else:
        read_as = f"the number {value}"
    quoted = "'" + written.replace("'", "''") + "'"
    return f"must be text, but YAML reads {written} as {read_as}; quote it: {quoted}"


def dotted(loc: tuple[str | int, ...]) -> str:
    """``('standards', 3, 'title')`` as ``standards[3].title``, the way people read paths."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def label(loc: tuple[str | int, ...], data: Any) -> str:
    """``standards[3] (id '1.4').title``: the path plus the item's id, which people search for."""
    path = dotted(loc)
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get(str(loc[0]))
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            item_id = items[loc[1]].get("id")
            if isinstance(item_id, str) and item_id.strip():
                head = dotted(loc[:2])
                return f"{head} (id {item_id!r}){path[len(head) :]}"
    return path
