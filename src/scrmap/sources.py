"""Recommendation sources: YAML, Markdown and plain text, CSV, Word, free text and stdin.

One loader per file kind, each returning recommendations that remember their file
and line, so every later message and annotation can point at the place. A broken
file yields problems and no recommendations; the other files are still read.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from scrmap import yamlpos
from scrmap.errors import Problem
from scrmap.limits import Limits

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
STDIN = "-"
"""The argument that means: read recommendations from standard input."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a recommendation was read from."""

    file: str
    line: int | None


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation (or finding) and what is known about it."""

    id: str
    text: str
    source: Source
    case: str | None = None
    kind: str = "recommendation"
    """'recommendation', or 'finding' where the source states a finding, or 'response'."""
    owner: str | None = None
    agency: str | None = None
    due: str | None = None
    status: str | None = None
    evidence: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    """Everything else the source said: case metadata and extra CSV columns."""


# ---------------------------------------------------------------------------- YAML


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RecommendationEntry(_Strict):
    """One recommendation in a YAML recommendation file."""

    id: NonEmpty
    text: NonEmpty
    kind: Literal["recommendation", "finding", "response"] = "recommendation"
    owner: str | None = None
    agency: str | None = None
    due: date | str | None = None
    status: str | None = None
    evidence: str | None = None


class RecommendationFile(_Strict):
    """A YAML recommendation file: one case (review) and its recommendations."""

    case: NonEmpty
    board: str | None = None
    published: date | None = None
    source: str | None = None
    review_type: str | None = None
    summary: str | None = None
    recommendations: Annotated[list[RecommendationEntry], Field(min_length=1)]


def load_yaml(
    text: str, name: str, limits: Limits | None = None
) -> tuple[list[Recommendation], list[Problem]]:
    """A YAML recommendation file, validated, with each item's line."""
    parsed, located, problems = yamlpos.load_model(
        text,
        name,
        RecommendationFile,
        "expected a mapping with 'case' and 'recommendations'",
        limits,
    )
    if parsed is None or located is None:
        return [], problems
    seen: dict[str, int] = {}
    recs = []
    case_meta = {
        k: str(v)
        for k, v in parsed.model_dump(exclude={"case", "recommendations"}).items()
        if v is not None
    }
    for i, entry in enumerate(parsed.recommendations):
        line, col = located.where(("recommendations", i)) or (None, None)
        if entry.id in seen:
            problems.append(
                Problem(
                    name, line, col, f"duplicate id {entry.id!r} (first at line {seen[entry.id]})"
                )
            )
            continue
        seen[entry.id] = line or 0
        recs.append(
            Recommendation(
                id=entry.id,
                text=" ".join(entry.text.split()),
                source=Source(name, line),
                case=parsed.case,
                kind=entry.kind,
                owner=entry.owner,
                agency=entry.agency,
                due=str(entry.due) if entry.due is not None else None,
                status=entry.status,
                evidence=entry.evidence,
                meta=case_meta,
            )
        )
    return (recs if not problems else []), problems


# ------------------------------------------------------------------ Markdown / text

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_ITEM = re.compile(
    r"^\s*(?:[-*+\u2022\u25aa\u25cf]|(?P<num>(?:[A-Za-z]{1,3}[-.]?)?\d+(?:\.\d+)*)[.)]|"
    r"\((?P<letter>[a-z])\))\s+(?P<text>\S.*)$"
)
_GENERIC_HEADINGS = re.compile(
    r"^(?:key\s+)?(?:recommendations?|findings?|actions?|learning|responses?|summary|"
    r"introduction|background)\b",
    re.IGNORECASE,
)


def load_text(
    text: str, name: str, default_case: str | None
) -> tuple[list[Recommendation], list[Problem]]:
    """List items (bulleted or numbered) one recommendation each; if the text has no list,
    each paragraph is one. A heading before the items names the case."""
    lines = text.splitlines()
    blocks: list[tuple[int, str | None, str, str | None]] = []  # line, label, text, case
    paragraphs: list[tuple[int, str, str | None]] = []
    case = default_case
    current: list[Any] | None = None  # [line, label, parts, case]
    paragraph: list[Any] | None = None

    def close() -> None:
        nonlocal current, paragraph
        if current:
            blocks.append((current[0], current[1], " ".join(current[2]), current[3]))
        if paragraph:
            paragraphs.append((paragraph[0], " ".join(paragraph[1]), paragraph[2]))
        current = paragraph = None

    for number, line in enumerate(lines, start=1):
        heading = _HEADING.match(line)
        if heading:
            close()
            title = heading.group(2).strip()
            if not _GENERIC_HEADINGS.match(title):
                case = title
            continue
        if not line.strip():
            close()
            continue
        item = _ITEM.match(line)
        if item:
            close()
            label = item.group("num") or item.group("letter")
            current = [number, label, [item.group("text").strip()], case]
        elif current:
            current[2].append(line.strip())
        elif paragraph:
            paragraph[1].append(line.strip())
        else:
            paragraph = [number, [line.strip()], case]
    close()
    items = blocks or [(ln, None, body, c) for ln, body, c in paragraphs]
    recs = []
    used: set[str] = set()
    for index, (line_no, label, body, item_case) in enumerate(items, start=1):
        rec_id = label if label and label not in used else str(index)
        while rec_id in used:
            rec_id += "'"
        used.add(rec_id)
        recs.append(
            Recommendation(rec_id, " ".join(body.split()), Source(name, line_no), item_case)
        )
    if not recs:
        return [], [Problem(name, None, None, "no recommendations found (empty file?)")]
    return recs, []


# ----------------------------------------------------------------------------- CSV

_CSV_FIELDS = {"owner", "agency", "due", "status", "evidence", "case", "kind"}


def load_csv(
    text: str, name: str, default_case: str | None
) -> tuple[list[Recommendation], list[Problem]]:
    """A header row with ``id`` and ``text`` (or ``recommendation``); other columns kept."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        return [], [Problem(name, None, None, "empty CSV file; expected a header row")]
    except csv.Error as exc:
        return [], [Problem(name, 1, None, f"not valid CSV: {exc}")]
    columns = [h.strip().lower() for h in header]
    text_col = next((c for c in ("text", "recommendation") if c in columns), None)
    if "id" not in columns or text_col is None:
        missing = " and ".join(
            m for m, ok in (("'id'", "id" in columns), ("'text'", text_col)) if not ok
        )
        return [], [
            Problem(
                name,
                1,
                1,
                f"the header row lacks a {missing} column "
                f"(found: {', '.join(header) or 'nothing'})",
            )
        ]
    recs: list[Recommendation] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                problems.append(
                    Problem(
                        name,
                        line,
                        None,
                        f"row has {len(row)} field{'' if len(row) == 1 else 's'}, "
                        f"the header has {len(columns)}",
                    )
                )
                continue
            values = {c: cell.strip() for c, cell in zip(columns, row, strict=True)}
            rec_id, body = values["id"], " ".join(values[text_col].split())
            if not rec_id or not body:
                problems.append(Problem(name, line, None, "empty 'id' or text"))
                continue
            if rec_id in seen:
                problems.append(Problem(name, line, None, f"duplicate id {rec_id!r}"))
                continue
            seen.add(rec_id)
            known = {k: values[k] or None for k in _CSV_FIELDS if k in values}
            meta = {
                k: v
                for k, v in values.items()
                if k not in _CSV_FIELDS and k not in ("id", text_col) and v
            }
            recs.append(
                Recommendation(
                    id=rec_id,
                    text=body,
                    source=Source(name, line),
                    case=known.pop("case", None) or default_case,
                    kind=known.pop("kind", None) or "recommendation",
                    meta=meta,
                    **known,
                )
            )
    except csv.Error as exc:
        problems.append(Problem(name, reader.line_num, None, f"not valid CSV: {exc}"))
    if not recs and not problems:
        problems.append(Problem(name, None, None, "no rows after the header"))
    return (recs if not problems else []), problems


# ---------------------------------------------------------------------------- Word


def load_docx(path: Path, name: str) -> tuple[list[Recommendation], list[Problem]]:
    """Numbered paragraphs under a 'Recommendations' heading, else every paragraph.

    The 'line' of a Word recommendation is its paragraph number in the document.
    """
    import zipfile

    import docx  # python-docx: imported here so other commands start fast
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [], [Problem(name, None, None, f"not a readable Word .docx file ({exc})")]
    except OSError as exc:
        return [], [Problem(name, None, None, f"cannot read: {exc.strerror or exc}")]
    except Exception as exc:  # lxml and python-docx raise many kinds on bad XML
        msg = f"not a readable Word .docx file ({type(exc).__name__}: {exc})"
        return [], [Problem(name, None, None, msg)]
    paragraphs = [(i, p) for i, p in enumerate(document.paragraphs, start=1) if p.text.strip()]

    def is_heading(p: Any) -> bool:
        style = (p.style.name if p.style is not None else "") or ""
        return style.startswith("Heading") or style == "Title"

    def is_numbered(p: Any) -> bool:
        style = (p.style.name if p.style is not None else "") or ""
        has_num = p._p.pPr is not None and p._p.pPr.numPr is not None
        return has_num or style.startswith("List") or bool(_ITEM.match(p.text))

    case = next(
        (
            p.text.strip()
            for _, p in paragraphs
            if is_heading(p) and not _GENERIC_HEADINGS.match(p.text.strip())
        ),
        path.stem,
    )
    start = next(
        (
            k
            for k, (_, p) in enumerate(paragraphs)
            if is_heading(p) and "recommendation" in p.text.lower()
        ),
        None,
    )
    if start is None:
        chosen = [(i, p) for i, p in paragraphs if not is_heading(p)]
    else:
        chosen = []
        for i, p in paragraphs[start + 1 :]:
            if is_heading(p):
                break
            chosen.append((i, p))
        numbered = [(i, p) for i, p in chosen if is_numbered(p)]
        chosen = numbered or chosen
    recs = []
    for index, (i, p) in enumerate(chosen, start=1):
        item = _ITEM.match(p.text)
        body = item.group("text") if item else p.text
        recs.append(Recommendation(str(index), " ".join(body.split()), Source(name, i), case))
    if not recs:
        return [], [Problem(name, None, None, "no recommendations found in the document")]
    return recs, []


# ------------------------------------------------------------------------ dispatch

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
YAML_SUFFIXES = {".yaml", ".yml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | YAML_SUFFIXES | {".csv", ".docx"}


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as Word saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _too_big(size: int, limits: Limits) -> str | None:
    if size <= limits.file_bytes:
        return None
    return (
        f"{size / 1_000_000:,.1f} MB is over the {limits.file_mb:g} MB limit on input files "
        "(SCRMAP_MAX_FILE_MB raises it)"
    )


def load_file(
    path: Path, name: str | None = None, limits: Limits | None = None
) -> tuple[list[Recommendation], list[Problem]]:
    """Read one file of any known kind."""
    name = name or str(path)
    limits = limits or Limits()
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        return [], [Problem(name, None, None, f"cannot read: {exc.strerror or exc}")]
    refused = _too_big(size, limits)
    if refused:
        return [], [Problem(name, None, None, refused)]
    if suffix == ".docx":
        return load_docx(path, name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(name, None, None, f"cannot read: {exc.strerror or exc}")]
    if b"\x00" in data[:8192]:
        return [], [Problem(name, None, None, "binary file, not text")]
    text = decode(data)
    if suffix in YAML_SUFFIXES:
        return load_yaml(text, name, limits)
    if suffix == ".csv":
        return load_csv(text, name, path.stem)
    return load_text(text, name, path.stem)


def _walk(directory: Path) -> Iterable[Path]:
    """Files of known kinds below ``directory``, sorted, hidden ones skipped, links not
    followed into directories (so a symlink loop cannot trap us)."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root) / file
            if not file.startswith((".", "~$")) and path.suffix.lower() in KNOWN_SUFFIXES:
                yield path


def _looks_like_path(arg: str) -> bool:
    return "\n" not in arg and (
        Path(arg).suffix.lower() in KNOWN_SUFFIXES or ("/" in arg and " " not in arg)
    )


@dataclass
class Loaded:
    """Everything read from the arguments: recommendations and problems, in argument order."""

    recommendations: list[Recommendation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def load_arguments(
    args: Iterable[str], read_stdin: Callable[[], str], limits: Limits | None = None
) -> Loaded:
    """Resolve each argument: '-' is stdin, a directory is walked, a file is loaded by
    its kind, and anything else that does not look like a path is a recommendation.
    Past ``limits.recommendations`` the rest is refused, with one problem saying so."""
    limits = limits or Limits()
    loaded = Loaded()
    free_text = 0
    for arg in args:
        path = Path(arg)
        if arg == STDIN:
            text = read_stdin()
            refused = _too_big(len(text.encode()), limits)
            recs, problems = (
                ([], [Problem("<stdin>", None, None, refused)])
                if refused
                else load_text(text, "<stdin>", None)
            )
            loaded.files += 1
        elif path.is_dir():
            recs, problems = [], []
            found = False
            for file in _walk(path):
                found = True
                loaded.files += 1
                more, issues = load_file(file, None, limits)
                recs += more
                problems += issues
            if not found:
                problems.append(
                    Problem(
                        arg,
                        None,
                        None,
                        "directory holds no recommendation files (.yaml .md .txt .csv .docx)",
                    )
                )
        elif path.exists():
            loaded.files += 1
            recs, problems = load_file(path, arg, limits)
        elif _looks_like_path(arg):
            recs, problems = [], [Problem(arg, None, None, "no such file or directory")]
        else:
            free_text += 1
            recs = [
                Recommendation(
                    f"text-{free_text}", " ".join(arg.split()), Source("<argument>", None)
                )
            ]
            problems = []
        room = limits.recommendations - len(loaded.recommendations)
        if len(recs) > room:
            first = recs[max(room, 0)]
            problems.append(
                Problem(
                    first.source.file,
                    first.source.line,
                    None,
                    f"more than {limits.recommendations:,} recommendations in all; this one "
                    "and those after it are not read (SCRMAP_MAX_RECOMMENDATIONS raises the limit)",
                )
            )
            loaded.recommendations += recs[: max(room, 0)]
            loaded.problems += problems
            break
        loaded.recommendations += recs
        loaded.problems += problems
    return loaded
