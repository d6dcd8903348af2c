"""Markdown and plain text: list items, else paragraphs, one recommendation each."""

from __future__ import annotations

import re
from typing import Any

from scrmap.errors import Problem
from scrmap.recommendation import Recommendation, Source
from scrmap.sources._base import Found, SourceFile

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
ITEM = re.compile(
    r"^\s*(?:[-*+\u2022\u25aa\u25cf]|(?P<num>(?:[A-Za-z]{1,3}[-.]?)?\d+(?:\.\d+)*)[.)]|"
    r"\((?P<letter>[a-z])\))\s+(?P<text>\S.*)$"
)
"""A bulleted, numbered ('3.', 'R2.1)') or lettered ('(a)') list item; Word files use it too."""
GENERIC_HEADINGS = re.compile(
    r"^(?:key\s+)?(?:recommendations?|findings?|actions?|learning|responses?|summary|"
    r"introduction|background)\b",
    re.IGNORECASE,
)
"""Headings that name a section, not a case: the case name is looked for elsewhere."""


def load_text(text: str, name: str, default_case: str | None) -> Found:
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
            if not GENERIC_HEADINGS.match(title):
                case = title
            continue
        if not line.strip():
            close()
            continue
        item = ITEM.match(line)
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


def load(file: SourceFile) -> Found:
    """The registry's entry: a text file, the file's name its case unless it names one."""
    return load_text(file.text, file.name, file.case)
