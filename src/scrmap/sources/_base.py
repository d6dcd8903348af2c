"""What every input kind shares: the file a loader is given and what it gives back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from scrmap.due import due_not_read
from scrmap.errors import Problem
from scrmap.limits import UTF8_MULTIBYTE, Limits, marked, place_of_byte, utf16_unmarked
from scrmap.recommendation import Recommendation

Found = tuple[Sequence[Recommendation], list[Problem]]
"""What a loader returns: the recommendations, or none and the problems that stopped it.
A list, or for a kind too big to hold (CSV) a sequence that reads them when asked."""


DUE_RULE = "time-bound"
"""The check rule that reports a due date that is not a date (`scrmap.rules.time_bound`),
named here so that reading a CSV file does not import the rules."""


def due_problems(
    name: str, line: int | None, col: int | None, due: str | None, where: str | None = None
) -> list[Problem]:
    """A warning for a due field meant as a date that names none (`due.due_not_read`):
    the item is still read, but its action could never be counted overdue. ``where``: the
    cell it is in, in a table (`recommendation.Source.cells`)."""
    message = due_not_read(due, where)
    return [Problem(name, line, col, message, DUE_RULE)] if message else []


class Batch(Protocol):
    """Some of an input's recommendations, as sent to a worker process: the worker makes
    the recommendations, so a batch can be raw rows, cheaper to send than objects."""

    def __len__(self) -> int: ...

    def recommendations(self) -> list[Recommendation]:
        """The batch's recommendations, in input order."""
        ...


@dataclass(frozen=True, slots=True)
class Loaded:
    """Recommendations already read, as a batch."""

    items: Sequence[Recommendation]

    def __len__(self) -> int:
        return len(self.items)

    def recommendations(self) -> list[Recommendation]:
        """The recommendations."""
        return list(self.items)


def batches(recs: Sequence[Recommendation], size: int) -> Iterator[Batch]:
    """``recs`` in batches of ``size``: a CSV file's rows read as they are wanted, anything
    else in slices."""
    read = getattr(recs, "batches", None)
    if read is not None:
        yield from read(size)
        return
    for start in range(0, len(recs), size):
        yield Loaded(recs[start : start + size])


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One input file as a loader receives it, already checked against the size limit."""

    path: Path
    name: str
    """The file as the user named it: every problem and source line is reported under it."""
    limits: Limits
    case: str | None
    """The case when the file names none: the file's name without its ending."""
    text: str
    """The decoded content; empty for kinds that read the file themselves (``reads_text``)."""
    sheet: str | None = None
    """The worksheet to read in a workbook (--sheet); None for the first."""


class Loader(Protocol):
    """The one signature of every input kind's ``load``."""

    def __call__(self, file: SourceFile, /) -> Found:
        """Read ``file`` into recommendations, or problems with their places."""
        ...


@dataclass(frozen=True, slots=True)
class SourceKind:
    """One kind of input file, as the registry knows it before importing its loader."""

    module: str
    """The module under `scrmap.sources` whose ``load`` reads it (imported when needed)."""
    suffixes: tuple[str, ...]
    """Every file ending of this kind, lower case."""
    shown: tuple[str, ...]
    """The endings named in help text and messages."""
    reads_text: bool = True
    """False for binary formats, whose loader opens the file itself."""
    in_folders: bool = True
    """False for a kind read only when named, not met in a folder: a published review (a
    PDF) is kept beside the recommendations taken from it, and both read would count the
    case twice."""


PDF_SIGNATURE = b"%PDF-"
"""How a PDF begins, within its first kilobyte (some writers put bytes before it)."""
_NAME_IT_PDF = "name it .pdf, and scrmap reads it as a PDF"


def not_text(data: bytes, piped: bool = False) -> str:
    """Why a file with a NUL byte in ``data`` (its first bytes) is not read as text: UTF-16
    without its byte-order mark (every other byte zero) was called a binary file, which
    left the user nothing to do about it. ``piped``: the bytes came on standard input,
    which has no name to change."""
    if PDF_SIGNATURE in data[:1024]:
        if piped:  # standard input has no name to change
            return "a PDF, not text: save it as a file named .pdf, and name that file"
        return f"a PDF, not text: {_NAME_IT_PDF}"
    if utf16_unmarked(data):
        return (
            "UTF-16 text without a byte-order mark, which scrmap does not guess: save it as "
            'UTF-8, or as UTF-16 with its byte-order mark (Excel\'s "Unicode Text")'
        )
    return "binary file, not text"


_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
"""The signature of an OLE compound file: Office 97-2003 documents, and Office documents of
every age protected by a password."""
_ENCRYPTED = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
"""The streams of an Office document protected by a password, named in UTF-16 in the
compound file's directory."""


def _compound_head(path: Path) -> bytes:
    """The start of the file and its first directory sector (where an OLE compound file
    names its streams, wherever in the file it is), or b'' if it cannot be read."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
            if not head.startswith(_OLE) or len(head) < 0x34:
                return head
            size = 1 << int.from_bytes(head[0x1E:0x20], "little")
            first = int.from_bytes(head[0x30:0x34], "little")
            if 7 <= size.bit_length() - 1 <= 16 and first < 1 << 24:
                handle.seek((first + 1) * size)
                head += handle.read(size)
            return head
    except OSError:
        return b""


def not_a_zip(path: Path, what: str, older: str) -> str | None:
    """Why ``path``, named as an Office Open XML file (``what``: "Word .docx file") but no
    zip archive, cannot be read, in words that say what to do: an Office file protected by
    a password, as safeguarding papers often are, an older ``older`` file renamed, and a
    PDF were all "not a zip file". None for another file that is no zip archive."""
    head = _compound_head(path)
    if PDF_SIGNATURE in head[:1024]:  # a system's export named .docx or .xlsx
        return f"a PDF named {path.suffix}: {_NAME_IT_PDF}"
    if not head.startswith(_OLE):
        return None
    if any(name in head for name in _ENCRYPTED):
        return (
            "protected by a password, which scrmap cannot open: save a copy without the "
            "password (File > Info > Protect, Encrypt with Password: clear it) and map that"
        )
    ending = path.suffix.lower()
    return (
        f"not a {what}: an older {older} file (Office 97-2003) named {ending}, or one protected "
        f"by a password; open it in Office and save it as {ending} without a password"
    )


def decode(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """The text of ``data`` and any warning about how it was read.

    UTF-8 (a byte-order mark dropped). A file with no UTF-8 sequence at all is Windows-1252,
    as Word and Notepad save it ("Agencies\x92 staff"), read silently. A UTF-8 file with a
    stray invalid byte is read as UTF-8, the byte as U+FFFD, with a warning at its place:
    reading the whole file as Windows-1252 instead would garble every other accent.
    UTF-16 or UTF-32 with its byte-order mark is read as such.
    """
    encoding = marked(data)
    if encoding is not None:
        return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        if not UTF8_MULTIBYTE.search(data):
            return data.decode("cp1252", errors="replace"), []
        # The error's place is in what follows a byte-order mark, which utf-8-sig drops.
        read = bytes(error.object)
        line, col = place_of_byte(read, error.start)
        return data.decode("utf-8-sig", errors="replace"), [
            stray_byte(name, line, col, read[error.start])
        ]


def stray_byte(name: str, line: int, col: int, byte: int) -> Problem:
    """The warning for a stray invalid ``byte`` in a UTF-8 file, read as U+FFFD."""
    message = f"invalid UTF-8 byte 0x{byte:02x}, read as \ufffd (save the file as UTF-8)"
    return Problem(name, line, col, message)
