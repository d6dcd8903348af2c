"""scrmap's own files told apart from recommendations: a framework, learned weights, a
gold file, and what scrmap writes (a coverage report or mapping in Markdown, CSV or a
workbook).

They live beside the reviews (the README says to keep `framework.yaml` and its learned
weights in the working folder), so `scrmap coverage .` meets them. Read as
recommendations they were a list of every key a recommendation file lacks (nine for
learned weights) and an unread input that failed the run; recognised, a folder scan
skips them with a note, and one named as an input is one problem that says what it is.
Recognition reads the top-level keys with a pattern, not a YAML parser, so that a folder
scan stays cheap, and it never claims a file with a `case` or `recommendations` key.
The same recognition keeps `framework learn` from writing its weights over anything but
weights.

A report saved in the folder it reports on (`scrmap report recs -o recs/board.md`) was read
back on the next run: its lines ("Standards: 2.4 High-quality records shared ...") became
recommendations that closed the very gaps it showed. Reports and mappings are recognised by
what every one of them starts with, which the tests hold to what the formats write.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from scrmap.errors import OutputError, Problem
from scrmap.limits import YAML_ENDINGS, Limits, read_config_text

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t\r]|$)", re.MULTILINE)
"""A key at the start of a line: a top-level key of a block-style YAML mapping (a file
saved on Windows ends its lines with a carriage return)."""

_RECOMMENDATION_KEYS = frozenset({"case", "recommendations"})
_LEARNED_KEYS = frozenset(
    {
        "learned_from",
        "items",
        "regularisation",
        "balance",
        "mapped",
        "standards",
        "themes",
        "framework",
    }
)
_GOLD_KEYS = frozenset({"name", "description", "items"})
_LEARNED_ITEMS = re.compile(r"^items:[ \t]*(\d+)[ \t\r]*$", re.MULTILINE)
_LABELS = re.compile(r"^[ \t-]+(?:standards|themes)[ \t]*:", re.MULTILINE)
"""An item's labels, as a gold file has them: without, a file of ``name`` and ``items``
is somebody's recommendations under other keys, and must be read (and fail) as such."""


@dataclass(frozen=True, slots=True)
class OwnFile:
    """What one of scrmap's own files is, in words for a message."""

    what: str
    """The file's kind: 'a framework file'."""
    advice: str
    """What to do with it instead of reading it as recommendations."""

    def problem(self) -> str:
        """The one message for such a file named as an input."""
        return f"{self.what}, not a recommendation file: {self.advice}"

    def note(self, name: str) -> str:
        """The note for such a file, ``name``, met in a folder that was scanned."""
        return f"skipped {name}: {self.what}, not recommendations"


FRAMEWORK = OwnFile(
    "a framework file", "give it as --framework FILE, or leave it out of the inputs"
)
LEARNED = OwnFile(
    "a learned-weights file",
    "scrmap reads it beside its framework file (`scrmap framework learn` writes it); "
    "leave it out of the inputs",
)
GOLD = OwnFile(
    "a gold file",
    "give it to `scrmap evaluate` or `scrmap framework learn`, or leave it out of the inputs",
)


REPORT = OwnFile(
    "a coverage report written by scrmap",
    "scrmap reads recommendations, not its own reports; leave it out of the inputs",
)
MAPPING = OwnFile(
    "a mapping written by scrmap",
    "map the recommendation files themselves; leave it out of the inputs",
)

_MARKDOWN_STARTS = {"# Coverage of ": REPORT, "# Mapping onto ": MAPPING}
"""The first line of `coverage -f markdown`, `report -o X.md` and `map -f markdown`."""
_MARKDOWN_MARKS = {REPORT: "\n## Key messages\n", MAPPING: "\n| Recommendation | Text |"}
"""What such a file has further down, so that a review whose title happens to start
"Coverage of ..." is still read."""
_CSV_HEADERS = {
    "section,id,title,quadrant,recommendations,cases,case_names,gap,": REPORT,
    "id,file,line,case,kind,text,quadrants,standards,themes,": MAPPING,
}
"""The start of the header row of `coverage -f csv` and `map -f csv`."""
WORKBOOK_CREATOR = "scrmap"
"""The creator `report -o X.xlsx` writes into the workbook's properties, and how the workbook
is known again: openpyxl's own default is "openpyxl", so another tool's sheet is never taken
for one of ours."""
_CREATOR = re.compile(r"<dc:creator\b[^>]*>\s*([^<]*?)\s*</dc:creator>")


_TERMINAL_HEADLINE = re.compile(
    r"(?<![\d,])\d[\d,]* recommendations? (?:\([^)]*\) )?from \d[\d,]* cases?: \d[\d,]* mapped, "
    r"\d[\d,]* unmapped\. Covered \d+/\d+ quadrants, \d+/\d+ standards, \d+/\d+ themes\."
)
"""The headline `coverage` prints first to a terminal or a pipe, with its line breaks (which
move with the width) made spaces. It starts after no digit, so that a search through a long
run of digits tries it once, not at every digit (time in the square of the run)."""
_TERMINAL_QUADRANTS = re.compile(r"^Quadrants[ \t]*$", re.MULTILINE)
"""The heading of the quadrants `coverage` prints under its key messages, at any width."""
_TERMINAL_HEADING = re.compile(r"\S · .*\S:\d+$")
"""The first line `map` prints for a recommendation: "1 · case · recs/plan.csv:2"."""
_TERMINAL_SCORE_NOTE = "Score: 0 to 100, how strongly the text matches; "
"""What `map` says a score means, under its mappings at every width."""


def _recognise_terminal(text: str) -> OwnFile | None:
    """Which of `coverage` and `map`'s terminal outputs, saved with `>` into the folder they
    read, ``text`` is, or None. Read back, their key messages ("No recommendation addresses
    standards 1.1, 1.2 ...") mapped onto exactly the gaps and closed them. Rich wraps and
    pads them to the width of the terminal, so whitespace is made single spaces first."""
    lines = text.lstrip("\ufeff\n").split("\n")
    head = " ".join(" ".join(lines[:6]).split())
    if _TERMINAL_HEADLINE.match(head) and _TERMINAL_QUADRANTS.search(text):
        return REPORT
    if _TERMINAL_HEADING.search(lines[0].rstrip()) and _TERMINAL_SCORE_NOTE in " ".join(
        text.split()
    ):
        return MAPPING
    return None


def recognise_markdown(text: str) -> OwnFile | None:
    """Which of scrmap's outputs a Markdown or text file is (including what `coverage` and
    `map` print to a terminal), or None for anything else (saved on Windows, or by an
    editor, its lines may end in CR LF)."""
    text = text.replace("\r\n", "\n")
    first = text.lstrip("\ufeff\n").split("\n", 1)[0]
    for start, own in _MARKDOWN_STARTS.items():
        if first.startswith(start) and _MARKDOWN_MARKS[own] in text:
            return own
    return _recognise_terminal(text)


def recognise_csv(path: Path) -> OwnFile | None:
    """Which of scrmap's outputs a CSV file is, by its header row, or None. Reads the first
    line only: a CSV file is otherwise read a chunk at a time as it is mapped."""
    try:
        with path.open("rb") as stream:
            first = stream.readline(4096).decode("utf-8-sig", "replace")
    except OSError:
        return None  # the reader says why it cannot be read
    return next((own for start, own in _CSV_HEADERS.items() if first.startswith(start)), None)


def recognise_workbook(path: Path) -> OwnFile | None:
    """``REPORT`` when the workbook at ``path`` was written by scrmap (its creator, read from
    the package's properties without opening the workbook), else None."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            core = package.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None  # no properties, or not a workbook: the reader says what it is
    found = _CREATOR.search(core)
    return REPORT if found and found.group(1) == WORKBOOK_CREATOR else None


def _top_keys(text: str) -> set[str]:
    """The keys of a YAML file's top-level mapping, as far as a pattern can tell."""
    return set(_TOP_KEY.findall(text))


def what_else(text: str, data: object, kinds: tuple[OwnFile, ...]) -> str | None:
    """What a YAML file given in the place of another kind is ("a recommendation file", or
    one of scrmap's own ``kinds``), said in one problem instead of every key the expected
    kind lacks; None when it is none of these, and so a file of the expected kind with
    mistakes. ``data`` is what the YAML holds."""
    if isinstance(data, dict) and {"case", "recommendations"} & set(data):
        return "a recommendation file"
    own = recognise(text)
    return own.what if own is not None and any(own is kind for kind in kinds) else None


def recognise(text: str) -> OwnFile | None:
    """Which of scrmap's own files ``text`` is, or None for anything else (recommendations,
    or a YAML file that is neither)."""
    keys = _top_keys(text)
    if keys & _RECOMMENDATION_KEYS:
        return None
    if {"quadrants", "standards"} <= keys:
        return FRAMEWORK
    if "learned_from" in keys and keys <= _LEARNED_KEYS:
        return LEARNED
    if {"name", "items"} <= keys and keys <= _GOLD_KEYS and _LABELS.search(text):
        return GOLD
    return None


def replaced_weights(path: Path, limits: Limits) -> str | None:
    """Before `framework learn` writes to ``path``: what it will replace ("learned from 209
    items"), or None when nothing is there, or a device such as /dev/null (written to,
    not replaced). Raises OutputError naming the file and why when ``path`` does not end
    in .yaml or .yml, or holds anything but learned weights: `-o draft.md` or a framework
    named by mistake must not be clobbered."""
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except OSError:
        regular = None  # nothing there yet (or nothing that can be looked at): no clobbering
    if regular is False:
        return None
    if path.suffix.lower() not in YAML_ENDINGS:
        why = "learned weights are YAML: name a .yaml or .yml file"
        raise OutputError([Problem(str(path), None, None, why)])
    if regular is None:
        return None
    try:
        text = read_config_text(path, limits)
    except (OSError, UnicodeDecodeError):
        text = ""
    own = recognise(text)
    if own is not LEARNED:
        what = f"is {own.what}, not" if own is not None else "is not"
        why = (
            f"{what} learned weights; framework learn replaces only learned weights: "
            "name another file"
        )
        raise OutputError([Problem(str(path), None, None, why)])
    found = _LEARNED_ITEMS.search(text)
    if found is None:
        return "learned weights"
    items = int(found.group(1))
    return f"learned from {items:,} item{'' if items == 1 else 's'}"
