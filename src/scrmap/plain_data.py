"""Frozen dataclasses to and from plain data: the dicts, lists, strings and numbers of JSON.

The framework in use is a tree of frozen dataclasses, so that a run that reads it from
its cache builds it without importing Pydantic (which with its models costs more than
mapping a sentence). Pydantic still validates every file a person writes; what is read
here is what scrmap itself wrote, from data Pydantic validated, and is only checked for
shape: every field there and no other, each value of its type. Data of any other shape is
refused with a ValueError or TypeError, so a cache entry that is corrupt, or from another
version, is taken for a miss and not for a framework.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

T = TypeVar("T")
Read = Callable[[object], Any]
"""Checks one plain value and returns what the dataclass field holds."""


def text(value: object) -> str:
    """A string."""
    if type(value) is not str:
        raise TypeError(f"expected a string, found {type(value).__name__}")
    return value


def number(value: object) -> float:
    """A finite float (as Pydantic gives a float field, and JSON gives back a float it
    wrote): Python's JSON reads NaN and Infinity, which no framework file holds."""
    if type(value) is not float:
        raise TypeError(f"expected a float, found {type(value).__name__}")
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, found {value}")
    return value


def whole(value: object) -> int:
    """An int, and not a bool."""
    if type(value) is not int:
        raise TypeError(f"expected an int, found {type(value).__name__}")
    return value


def flag(value: object) -> bool:
    """A bool."""
    if type(value) is not bool:
        raise TypeError(f"expected true or false, found {type(value).__name__}")
    return value


def optional(read: Read) -> Read:
    """None, or what ``read`` accepts."""
    return lambda value: None if value is None else read(value)


def many(read: Read) -> Read:
    """A list of what ``read`` accepts, as a tuple."""

    def read_many(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected a list, found {type(value).__name__}")
        return tuple(read(item) for item in value)

    return read_many


def mapping(read: Read) -> Read:
    """A dict from strings to what ``read`` accepts, in the same order."""

    def read_mapping(value: object) -> dict[str, Any]:
        if type(value) is not dict:
            raise TypeError(f"expected a mapping, found {type(value).__name__}")
        return {text(key): read(item) for key, item in value.items()}

    return read_mapping


def record(cls: type[T], **readers: Read) -> Callable[[object], T]:
    """A dict with exactly the keys of ``readers``, read into ``cls`` by keyword."""

    def read_record(value: object) -> T:
        if type(value) is not dict or value.keys() != readers.keys():
            raise ValueError(f"not the fields of {cls.__name__}")
        return cls(**{name: read(value[name]) for name, read in readers.items()})

    return read_record


def as_data(value: object, drop_none: bool = False) -> Any:
    """``value`` as plain data: dataclasses as dicts of their fields in order, tuples as
    lists. ``drop_none`` leaves out fields that are None, as Pydantic's ``exclude_none``."""
    if is_dataclass(value) and not isinstance(value, type):
        items = ((f.name, getattr(value, f.name)) for f in fields(value))
        return {
            name: as_data(item, drop_none)
            for name, item in items
            if not (drop_none and item is None)
        }
    if isinstance(value, list | tuple):
        return [as_data(item, drop_none) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item, drop_none) for key, item in value.items()}
    return value
