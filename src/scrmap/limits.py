"""Size limits on input, so that a hostile or mistaken file is refused with a message
instead of exhausting memory or the stack.

Each limit has a default generous for real work (a Board's folder of reviews, a
national corpus of a few hundred thousand recommendations) and can be changed with
an environment variable, which every command honours the same way.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import BinaryIO

from scrmap.errors import ConfigError, Problem


@dataclass(frozen=True)
class Limits:
    """The limits one run works under."""

    file_mb: float = 100.0
    """Largest input file, in megabytes (also standard input). SCRMAP_MAX_FILE_MB."""
    recommendations: int = 1_000_000
    """Most recommendations read in one run; the rest are refused. SCRMAP_MAX_RECOMMENDATIONS."""
    yaml_aliases: int = 50
    """Most YAML alias uses (*name) in one file; real files use none. SCRMAP_MAX_YAML_ALIASES."""
    yaml_depth: int = 100
    """Deepest YAML nesting; real files nest a handful of levels. SCRMAP_MAX_YAML_DEPTH."""
    config_mb: float = 10.0
    """Largest framework, configuration or gold file, in megabytes: the bundled framework
    is 0.1 MB. SCRMAP_MAX_CONFIG_MB."""

    @property
    def file_bytes(self) -> int:
        """``file_mb`` in bytes."""
        return int(self.file_mb * 1_000_000)

    @property
    def config_bytes(self) -> int:
        """``config_mb`` in bytes."""
        return int(self.config_mb * 1_000_000)


MAX_YAML_DEPTH = 300
"""The deepest SCRMAP_MAX_YAML_DEPTH may allow: the composers (libyaml's and ours) recurse,
so 100,000 levels overflowed the C stack and 1,000 Python's recursion limit."""

YAML_ENDINGS = (".yaml", ".yml")
"""The endings of a YAML file's name, as scrmap reads them: a framework, recommendations,
learned weights and gold files alike (one list, so the readers cannot disagree)."""


def read_bounded(handle: BinaryIO, limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``handle``, or None if it holds more.

    Counted as the bytes are read, not from the file's size: /dev/zero, a FIFO or an
    endless pipe on stdin report no size, or a false one.
    """
    data = handle.read(limit + 1)
    return None if len(data) > limit else data


class TooLarge(OSError):
    """A framework, configuration or gold file over SCRMAP_MAX_CONFIG_MB: an OSError, so
    that it is reported where any unreadable file is."""

    def __init__(self, limits: Limits) -> None:
        super().__init__(
            0, f"more than {limits.config_mb:g} MB (SCRMAP_MAX_CONFIG_MB raises the limit)"
        )


def read_config_text(path: Path, limits: Limits) -> str:
    """A framework, its learned weights, a configuration or gold file as text, read up to
    its limit and decoded as an input file is (`decode_config`): raises TooLarge or any
    other OSError, or UnicodeDecodeError (`undecodable` says where)."""
    data = read_file(path, limits.config_bytes)
    if data is None:
        raise TooLarge(limits)
    return decode_config(data)


UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
"""A byte sequence only UTF-8 writes: a file holding one is UTF-8, whatever else it holds."""


def marked(data: bytes) -> str | None:
    """The encoding whose byte-order mark ``data`` opens with, "utf-16" (Excel's "Unicode
    Text", Notepad's "Unicode") or "utf-32" (some programs' "Unicode" export): text, though
    most of its bytes are zero. UTF-32's little-endian mark starts with UTF-16's, so it is
    asked first: read as UTF-16, each character came with a NUL after it. None for no mark
    (UTF-8's is read with UTF-8)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def utf16_unmarked(data: bytes) -> bool:
    """Whether ``data``, which has a NUL byte, is UTF-16 without its byte-order mark: every
    other byte zero (nine in ten, for characters outside ASCII), which scrmap does not guess
    but names, so that the user knows to save the file again; else it is binary."""
    halves = (data[1::2], data[0::2])
    return len(data) >= 4 and any(half.count(0) * 10 >= len(half) * 9 for half in halves)


def decode_config(data: bytes) -> str:
    """The text of a file scrmap reads besides the inputs, in the encodings an input file
    may have: UTF-8 (a byte-order mark dropped); UTF-16 or UTF-32 with its byte-order mark
    (Notepad's "Unicode"); Windows-1252 when it holds no UTF-8 at all (Notepad's "ANSI").
    A UTF-8 file with a stray invalid byte raises UnicodeDecodeError: an input file is read
    past such a byte with a warning, but a framework or configuration misread is every
    run's problem."""
    encoding = marked(data)
    if encoding is not None and b"\0" in data:
        return data.decode(encoding, errors="replace")
    if b"\0" in data:  # valid UTF-8, but no text has one: UTF-16 without its mark, or binary
        raise UnicodeDecodeError("utf-8", data, data.index(b"\0"), len(data), "a NUL byte")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if UTF8_MULTIBYTE.search(data):
            raise
        return data.decode("cp1252", errors="replace")


def place_of_byte(data: bytes, start: int) -> tuple[int, int]:
    """The line and column of the byte at ``start`` of UTF-8 ``data``, valid before it; the
    column in characters, as an editor counts it, not bytes (a curly quote is three), and a
    byte-order mark not counted."""
    before = data[:start]
    line = before.count(b"\n") + 1
    return line, len(before[before.rfind(b"\n") + 1 :].decode("utf-8-sig", errors="replace")) + 1


BINARY = "a binary file, not text"
"""What `undecodable` says of a file that is no text at all (a workbook, a PDF)."""


def undecodable(name: str, error: UnicodeDecodeError) -> Problem:
    """What `decode_config` could not read in the file ``name``, at its place."""
    data = bytes(error.object)
    if b"\0" in data:
        if utf16_unmarked(data):
            # As an input file of this kind is called (`scrmap.sources`).
            why = (
                "UTF-16 text without a byte-order mark, which scrmap does not guess: save it "
                "as UTF-8"
            )
            return Problem(name, None, None, why)
        return Problem(name, None, None, BINARY)
    line, col = place_of_byte(data, error.start)
    byte = data[error.start]
    return Problem(name, line, col, f"invalid UTF-8 byte 0x{byte:02x}; save the file as UTF-8")


def read_file(path: Path, limit: int) -> bytes | None:
    """``read_bounded`` of the file at ``path``; OSError as ``open`` raises it."""
    with path.open("rb") as handle:
        return read_bounded(handle, limit)


ENV_VARS = {
    "file_mb": "SCRMAP_MAX_FILE_MB",
    "recommendations": "SCRMAP_MAX_RECOMMENDATIONS",
    "yaml_aliases": "SCRMAP_MAX_YAML_ALIASES",
    "yaml_depth": "SCRMAP_MAX_YAML_DEPTH",
    "config_mb": "SCRMAP_MAX_CONFIG_MB",
}
"""The environment variable that sets each limit."""


def from_env(env: Mapping[str, str]) -> Limits:
    """The limits with any set in ``env``; a value that is not a positive number is an error
    naming the variable."""
    values: dict[str, float | int] = {}
    for spec in fields(Limits):
        name = ENV_VARS[spec.name]
        raw = env.get(name, "").strip()
        if not raw:
            continue
        kind = int if isinstance(spec.default, int) else float  # as the default is
        try:
            value = kind(raw)
        except ValueError:
            value = 0
        # inf, nan and 1e309 parse as floats; none is a size anything can be compared with.
        if not math.isfinite(value) or value <= 0 or value > 1e12:
            raise ConfigError(
                [Problem(name, None, None, f"expected a positive, finite number, got {raw!r}")]
            )
        if spec.name == "yaml_depth" and value > MAX_YAML_DEPTH:
            message = f"at most {MAX_YAML_DEPTH:,} (deeper nesting overflows the stack), got {raw}"
            raise ConfigError([Problem(name, None, None, message)])
        values[spec.name] = value
    return Limits(**values)  # type: ignore[arg-type]
