"""Published reviews as PDF: each page's text layer, read by the Markdown/text rules.

A council publishes a review as a PDF saved from Word. Its text layer is read with pypdf,
page by page, as lines with where they stand and in what type (`_page_lines`: ligatures as
their letters, footnote marks raised in the text left out, list markers drawn apart put in
front of their text); the running headers and footers and the footnotes are taken off
(`_furniture`), and the pages are written out as the Markdown a person copying the review
would type (`_as_markdown`): a line in larger type, or a short line alone in bold, is a
heading (`#` by size); a gap wider than the lines', or a sentence's end short of the
page's measure, ends a paragraph; a line's indent is kept (so an item's wrapped lines and
sub-items are part of it); and a paragraph that runs over a page break is one. That text
is read by `text_file.load_text`, the one parser of prose, so a PDF is read as the same
review in a .md file is: the recommendations section, numbered and bulleted items with
their sub-items, "Recommendation 1:" labels, appendices left out, the case named by the
title. A recommendation's `line` is its page, and a problem's message names it.

A page of two columns of text (a list set in `columns: 2`) is read left column first
(`_laid_out`). A table's cells do not come out of a PDF apart: a page whose text goes
back up the page to a column to the right, or whose cells start at the same place across
the page row after row (`_table_like`), is one scrmap cannot read, and what it would have
read there is refused with a problem rather than mapped as pieces of cells. A PDF that
cannot be read at all (protected, a scan, damaged, no PDF) is one problem, never a
traceback: pypdf's many exceptions are caught here, and its logging silenced."""

from __future__ import annotations

import collections
import itertools
import logging
import math
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scrmap.errors import Problem, unreadable
from scrmap.limits import Limits
from scrmap.recommendation import Recommendation, Source
from scrmap.sources import _table
from scrmap.sources._base import PDF_SIGNATURE, Found, SourceFile
from scrmap.sources.text_file import (
    BACK_MATTER,
    GENERIC_HEADINGS,
    ITEM,
    LOOKS_LABELLED,
    PAGE_FURNITURE,
    load_text,
    short_heading,
    title_label,
)

_HEAD = 1024
"""How far into a file its PDF signature is looked for."""

_SCANNED = (
    "has no text to read: it is a scanned image; scrmap does not OCR. Run it through "
    "OCR (Adobe Acrobat's Recognize Text, or ocrmypdf) and map the result, or type the "
    "recommendations into a .md file"
)
_BLANK = (
    "has no text to read: its pages are blank, or their words are drawn as shapes, which "
    "scrmap cannot read; type the recommendations into a .md file"
)


_NO_WORDS = (
    "its text does not read as words: its fonts give no letters for their characters (the "
    "PDF was made so that its text cannot be copied), which scrmap cannot read; map the "
    "Word file it was made from, or type the recommendations into a .md file"
)
_LETTERS = 0.5
"""The least share of letters among a PDF's characters (not spaces) that reads as words:
prose has four in five; a font with no map to letters gives symbols and control codes."""


def _words(pages: list[list[_Line]]) -> bool:
    """Whether a PDF's text reads as words, not the codes of a font with no map to letters."""
    text = "".join(line.text for page in pages for line in page)
    shown = sum(not ch.isspace() for ch in text)
    return sum(ch.isalpha() for ch in text) >= shown * _LETTERS


def _no_text(pictures: bool) -> str:
    """Why a PDF whose pages hold no text is not read: a scan (it shows pictures), or not."""
    return _SCANNED if pictures else _BLANK


_PROTECTED = (
    "protected by a password, which scrmap cannot open: open it with the password and "
    "save a copy without it (in Acrobat, File > Properties > Security: No Security), or "
    "ask the publisher for an unprotected copy"
)
_AES = (
    "encrypted with AES (secured against copying), which scrmap reads only with the "
    "'cryptography' package: install it beside scrmap (pip install cryptography) and map "
    "the file again, or save a copy without security"
)
_TABLE = (
    "set out in a table (or in columns), whose cells a PDF's text runs together, so "
    "scrmap does not read them: copy the table into a spreadsheet (.xlsx or .csv) or map "
    "the Word file the PDF was saved from"
)


_LIGATURES = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
)
"""The ligatures a PDF's fonts set ('\ufb01' for "fi"), as their letters: the typesetter's,
not the author's, they would stand in every quote, search and report as odd characters."""


_CLOSE_MARKER = re.compile(r"^(\d{1,3}[.)]|[\u2022\u25aa\u25cf\u25e6\uf0b7\uf0a7])(?=[A-Z])")
"""A list item's number or bullet run into its first word ("1.The", "\u2022Schools"), as
pypdf joins a marker and its text set apart by a tab stop, not a space: no list item."""


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a page's text layer, where it stands and in what type."""

    text: str
    x: float
    """Its left edge, in points from the page's left."""
    y: float
    """Its baseline, in points from the page's foot (PDF's axis: up the page is more)."""
    size: float
    """Its type size in points, as set on the page."""
    bold: bool
    """Every run of it with letters is in a bold face."""
    runs: tuple[float, ...] = ()
    """Where the runs of text drawn apart on it, with a wide space before them, start (in
    points from the page's left; `_with_runs`): pypdf joins the cells of a table's row
    drawn on one baseline into one line, and these are where the cells after the first
    begin."""


@dataclass
class _Piece:
    """A line being gathered from pypdf's runs of text."""

    parts: list[str] = field(default_factory=list)
    at: tuple[float, float, float] | None = None
    """Where its first run with letters stands: x, y and type size."""
    bold: bool = True
    lettered: bool = False

    def line(self) -> _Line | None:
        """The line gathered, or None if it holds nothing to read."""
        text = _CLOSE_MARKER.sub(r"\1 ", "".join(self.parts).strip().translate(_LIGATURES))
        if not text or self.at is None or not all(map(math.isfinite, self.at)):
            return None  # nothing to read, or a place no page has (a damaged matrix)
        x, y, size = self.at
        return _Line(text, x, y, size, self.bold and self.lettered)


_BOLD_FACE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


def _bold(font: Any) -> bool:
    """Whether a font dictionary names a bold face ("/ABCDEF+Arial-BoldMT", "/Arial,Bold")."""
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # a broken font dictionary: pypdf resolves it lazily
        return False
    return bool(_BOLD_FACE.search(name))


def _page_lines(page: Any) -> list[_Line]:
    """The page's lines in the order its content draws them, each with its place and type
    (pypdf's visitor: the runs of text with their matrices and font)."""
    lines: list[_Line] = []
    piece = _Piece()
    ink = _Ink(page)

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: Any, size: float) -> None:
        nonlocal piece
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        points = abs(size) * math.hypot(c, d)
        if piece.at is not None and _mark_above(text, y, points, piece.at):
            return  # a footnote's mark: read as a digit it ran into the word ("toolkit1")
        segments = text.split("\n")
        for number, segment in enumerate(segments):
            if number:
                found = piece.line()
                if found is not None:
                    lines.append(found)
                piece = _Piece()
                y -= points * 1.2  # a line break inside one run: the next line down
            piece.parts.append(segment)
            if any(ch.isalnum() for ch in segment):
                piece.lettered = True
                piece.bold = piece.bold and _bold(font)
            if segment.strip() and piece.at is None:
                piece.at = (x, y, points)

    page.extract_text(visitor_text=visit, visitor_operand_before=ink.operator)
    found = piece.line()
    if found is not None:
        lines.append(found)
    return _with_runs(_markers_joined(lines), ink.shown)


_SHOWS = frozenset((b"Tj", b"TJ", b"'", b'"'))
"""The operators that show text."""


@dataclass(frozen=True, slots=True)
class _Shown:
    """A run of text as drawn: where it starts and ends across the page, on what baseline."""

    x: float
    end: float
    """Its right edge, or its start where its font gives no widths (a standard font)."""
    y: float


@dataclass
class _TextState:
    """What a run's width depends on, saved and restored with the graphics state."""

    widths: dict[int, float] | None = None
    """The font's widths by character code, in thousandths of its size (a code it does not
    list has its default width); None: unknown."""
    two_bytes: bool = False
    """Its codes are two bytes each (a composite font's, as WeasyPrint and others embed)."""
    size: float = 0.0
    spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0


class _Ink:
    """The runs of text a page shows, with their widths (pypdf's visitor of operators):
    pypdf joins the runs on one baseline into one line, so a table row's cells drawn apart
    are known only by the space between where one run ends and the next starts."""

    def __init__(self, page: Any) -> None:
        self.shown: list[_Shown] = []
        self.state = _TextState()
        self.saved: list[_TextState] = []
        self.fonts: dict[str, tuple[dict[int, float] | None, bool]] = {}
        try:
            self.resources = page["/Resources"].get_object()["/Font"].get_object()
        except Exception:  # no fonts, or a damaged dictionary: no widths
            self.resources = {}

    def operator(
        self, operator: bytes, operands: Any, cm: Sequence[float], tm: Sequence[float]
    ) -> None:
        """Follow the text state, and note each run shown."""
        try:
            self._operator(operator, operands, cm, tm)
        except Exception:  # damaged operands: the run's width is not known
            self.state.widths = None

    def _operator(
        self, operator: bytes, operands: Any, cm: Sequence[float], tm: Sequence[float]
    ) -> None:
        state = self.state
        if operator == b"q":
            if len(self.saved) < _NESTING:
                self.saved.append(replace(state))
        elif operator == b"Q" and self.saved:
            self.state = self.saved.pop()
        elif operator == b"Tf":
            state.widths, state.two_bytes = self._font(str(operands[0]))
            state.size = float(operands[1])
        elif operator == b"Tc":
            state.spacing = float(operands[0])
        elif operator == b"Tw":
            state.word_spacing = float(operands[0])
        elif operator == b"Tz":
            state.scale = float(operands[0]) / 100
        elif operator in _SHOWS:
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            width = self._width(operands[-1] if operator != b"TJ" else operands[0])
            end = x + width * math.hypot(a, b) if width is not None else x
            if all(map(math.isfinite, (x, y, end))):
                self.shown.append(_Shown(x, end, y))

    def _font(self, name: str) -> tuple[dict[int, float] | None, bool]:
        if name not in self.fonts:
            self.fonts[name] = _font_widths(self.resources.get(name))
        return self.fonts[name]

    def _width(self, shown: Any) -> float | None:
        """The width of a Tj's string or a TJ's array, in text space; None if not known."""
        state = self.state
        if state.widths is None:
            return None
        total = 0.0
        for part in shown if isinstance(shown, list) else [shown]:
            if isinstance(part, (bytes, str)):
                # pypdf gives a string it could decode as text (UTF-16 with a mark, say)
                # as that text: its codes are the bytes it was decoded from.
                data = part if isinstance(part, bytes) else getattr(part, "original_bytes", None)
                if not isinstance(data, bytes):
                    return None
                step = 2 if state.two_bytes else 1
                codes = [
                    int.from_bytes(data[k : k + step], "big") for k in range(0, len(data), step)
                ]
                for code in codes:
                    total += state.widths[code] / 1000 * state.size + state.spacing
                    if code == 32 and not state.two_bytes:
                        total += state.word_spacing
            else:
                total -= float(part) / 1000 * state.size
        return total * state.scale


_CODES = 0x20000
"""The most character codes a composite font's widths are read for (its codes are two
bytes: 65,536), so that a damaged or hostile table is not spelled out for minutes."""
_NESTING = 256
"""The deepest the graphics state is saved that is followed (a page nests a handful)."""


def _font_widths(font: Any) -> tuple[dict[int, float] | None, bool]:
    """A font's widths by character code (its /Widths, or a composite font's /W), and
    whether its codes are two bytes; None for a font that gives none (the standard 14)."""
    try:
        font = font.get_object()
        if font.get("/Subtype") == "/Type0":
            descendant = font["/DescendantFonts"][0].get_object()
            default = float(descendant.get("/DW", 1000))
            found: dict[int, float] = collections.defaultdict(lambda: default)
            table = list(descendant.get("/W", []))
            budget = _CODES  # a hostile range (0 to a billion) is not spelled out
            k = 0
            while k < len(table) - 1:
                first, then = int(table[k]), table[k + 1].get_object()
                if isinstance(then, list):
                    codes = range(first, first + len(then))
                    widths = [float(w) for w in then]
                    k += 2
                else:
                    codes = range(first, min(int(then), first + _CODES) + 1)
                    widths = [float(table[k + 2])] * len(codes)
                    k += 3
                budget -= len(codes)
                if budget < 0:
                    return None, False
                found.update(zip(codes, widths, strict=True))
            return found, True
        widths = font.get("/Widths")
        if widths is None:
            return None, False
        first = int(font.get("/FirstChar", 0))
        descriptor = font.get("/FontDescriptor")
        missing = float(descriptor.get_object().get("/MissingWidth", 0)) if descriptor else 0.0
        simple: dict[int, float] = collections.defaultdict(lambda: missing)
        simple.update({first + n: float(w) for n, w in enumerate(widths.get_object())})
        return simple, False
    except Exception:  # a damaged font dictionary: no widths
        return None, False


def _with_runs(lines: list[_Line], shown: list[_Shown]) -> list[_Line]:
    """The lines with the cells drawn apart on them (`_Line.runs`): a run that starts on a
    line's baseline to the right of its start, a space of `_GAP` or more after the run
    before it on that baseline ends (a word's space is a third of the type's size; a
    change of font within a line leaves none). Each run goes to the line on its baseline
    that starts last left of it, so that a line set beside another on the same baseline
    (a column's) is no cell of the line to its left."""
    on = _baselines(lines)
    runs: dict[int, list[float]] = {}
    ends: dict[int, list[_Shown]] = {}
    for run in shown:
        here = [
            n
            for n in on(_Line("", run.x, run.y, _RUN_SIZE, False))
            if lines[n].x <= run.x + _SAME_X
        ]
        if here:
            n = max(here, key=lambda k: lines[k].x)
            before = [other.end for other in ends.get(n, []) if other.x < run.x - _SAME_X]
            gap = run.x - max(before) if before else 0.0
            if before and gap >= _GAP * lines[n].size and all(o.end > o.x for o in ends[n]):
                runs.setdefault(n, []).append(run.x)
            ends.setdefault(n, []).append(run)
    return [
        replace(line, runs=tuple(sorted(runs[n]))) if n in runs else line
        for n, line in enumerate(lines)
    ]


_GAP = 1.5
"""How many times its type size the space before a table's next cell is at least."""


_RUN_SIZE = 10.0
"""The type size a run's baseline is matched at: a run's own is not known here."""
_SAME_X = 1.5
"""Points within which two lines or runs start at the same place across the page."""


_MARK = re.compile(r"[0-9*\u2020\u2021]{1,3}")
"""A footnote's mark: a number, an asterisk, a dagger."""


def _mark_above(text: str, y: float, size: float, line: tuple[float, float, float]) -> bool:
    """Whether a run of text is a footnote's mark set in superscript on ``line`` (its x,
    baseline and size): a number or asterisk in smaller type, raised above the baseline."""
    _, baseline, points = line
    return (
        bool(_MARK.fullmatch(text))
        and size < points * 0.85
        and baseline + points * 0.15 < y < baseline + points
    )


_MARKER = re.compile(
    r"^(?:[\u2022\u25e6\u25aa\u25cf\u00b7\u2013\u25a0\u27a2\uf0b7\uf0a7-]"
    r"|(?:R?\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxIVX]{2,5})[.):]|\((?:\d{1,3}|[a-z]|[ivx]{2,5})\))$"
)
"""A list item's marker alone, as a writer that draws the markers apart from the text
(after it, in the content) leaves it: '1.', 'a)', a bullet."""


def _markers_joined(lines: list[_Line]) -> list[_Line]:
    """The lines with each marker drawn apart put in front of the text on its baseline to
    its right, where it is seen: pypdf gives it at the end of the page, 'a)' alone. A
    marker with no text beside it stays where it is."""
    texts = [n for n, line in enumerate(lines) if not _MARKER.match(line.text)]
    on = _baselines([lines[n] for n in texts])
    before: dict[int, list[_Line]] = {}
    taken: set[int] = set()
    for n, marker in enumerate(lines):
        if not _MARKER.match(marker.text):
            continue
        beside = [texts[k] for k in on(marker) if lines[texts[k]].x > marker.x]
        if beside:
            before.setdefault(min(beside, key=lambda k: lines[k].x), []).append(marker)
            taken.add(n)
    joined: list[_Line] = []
    for n, line in enumerate(lines):
        if n in taken:
            continue
        markers = sorted(before.get(n, []), key=lambda m: m.x)
        if markers:
            prefix = " ".join(m.text for m in markers)
            line = replace(line, text=f"{prefix} {line.text}", x=markers[0].x)
        joined.append(line)
    return joined


_REACH = 30
"""The most points above or below a baseline looked at for another (type of 100 points)."""


def _baselines(lines: list[_Line]) -> Callable[[_Line], list[int]]:
    """A finder of the lines (by their place in ``lines``) on the baseline of a given line,
    within a third of its size: by a table of baselines, so that a page of many lines is
    not compared line by line with every other."""
    table: dict[int, list[int]] = {}
    for n, line in enumerate(lines):
        table.setdefault(round(line.y), []).append(n)

    def on(line: _Line) -> list[int]:
        reach = min(max(1, math.ceil(line.size * 0.3)), _REACH)
        around = range(round(line.y) - reach, round(line.y) + reach + 1)
        return [
            n
            for y in around
            for n in table.get(y, [])
            if abs(lines[n].y - line.y) <= line.size * 0.3
        ]

    return on


def _laid_out(lines: list[_Line]) -> list[list[_Line]] | None:
    """A page's lines as the runs of text to read one after the other: the page whole;
    or, for a page that is two columns of text (`_two_columns`), the text above them, the
    left column, the right one, the text below; or None for a page set in a table or in
    columns that cannot be read apart (`_table_like`)."""
    if _table_like(lines):
        return None
    jumps = _jumps(lines)
    if len(jumps) == 1:
        columns = _two_columns(lines, jumps[0])
        if columns is not None:
            return columns
    return [lines]


def _jumps(lines: list[_Line]) -> list[int]:
    """Where (by place in ``lines``) a line starts higher up the page than the line before
    it and to its right, on the baseline of a line met before: the next cell of a row,
    the top of the next column."""
    found: list[int] = []
    met: set[int] = set()
    for n, (before, line) in enumerate(itertools.pairwise(lines), start=1):
        met.add(round(before.y))
        up = line.y - before.y > line.size * 0.5 and line.x > before.x + line.size
        if up and any(round(line.y) + k in met for k in (-1, 0, 1)):
            found.append(n)
    return found


_CELL = 15
"""How many times its type size a run starts right of its line's start to be a table's
cell, not a list's text after its marker or a label's after a tab (`Recommendation 12:`
in bold runs to ten)."""


def _table_like(lines: list[_Line]) -> bool:
    """Whether a page's text is set in a table, or in columns scrmap cannot read apart:
    a line is a recommendations table's header row (`_table_header`), whose rows of one
    line each come out as lines of text; or three times or more the text goes back up the
    page to the right (`_jumps`: three, as a page's drawing order goes back up once or
    twice for other reasons, a box set beside the text); or a column's edge is met twice,
    as a table's rows meet it: two of the jumps, or of the cells run into a line's text
    (`_Line.runs`: a two-column table's rows of one line, its header row), start at the
    same place across the page."""
    if any(_table_header(line.text) for line in lines):
        return True
    jumps = _jumps(lines)
    if len(jumps) >= 3:
        return True
    edges = [lines[n].x for n in jumps]
    for line in lines:
        edges += [x for x in line.runs if x - line.x >= _CELL * line.size]
    edges.sort()
    return any(b - a <= _SAME_X for a, b in itertools.pairwise(edges))


_LONGER = 2.5
"""How many times its type size the right column may run below the left one: the left
is filled first, and may stop short of the foot by a line or two that do not fit."""
_BALANCE = 0.5
"""The least share of the other column's line length (the middle one) a column's lines
run to: two columns of text are as wide as each other; a table's second column (the lead
agency, the date) is narrow."""


def _two_columns(lines: list[_Line], jump: int) -> list[list[_Line]] | None:
    """The page's runs of text (see `_laid_out`) if the text that goes back up the page
    once, at ``jump``, is clearly a second column of text beside a first: each of two
    lines or more going down the page, the right one starting on the left one's top line,
    all of it right of all of the left, ending no lower than the left one's last line
    (`_LONGER`), and
    their lines as long as each other's. The right column's lines are moved left by the
    space between the columns, so that an item's indent in it is its indent in the left
    one. None if it is not clear: a box set beside the text, a table's row."""
    top = lines[jump]
    first = next(
        (
            n
            for n in range(jump - 1, -1, -1)
            if abs(lines[n].y - top.y) <= top.size * 0.3 and lines[n].x < top.x
        ),
        None,
    )
    if first is None:
        return None
    left = lines[first:jump]
    if any(b.y >= a.y for a, b in itertools.pairwise(left)):
        return None  # the left one goes back up: no column
    edge = max(line.x for line in left) + top.size  # the right one starts right of it
    end = jump + 1
    while end < len(lines) and lines[end].y < lines[end - 1].y and lines[end].x > edge:
        end += 1
    right = lines[jump:end]
    if len(left) < 2 or len(right) < 2:
        return None
    if top.y - right[-1].y > left[0].y - left[-1].y + _LONGER * top.size:
        return None  # the right one runs on below the left: text beside a box
    lengths = [sorted(len(line.text) for line in side) for side in (left, right)]
    middles = [side[len(side) // 2] for side in lengths]
    if min(middles) < _BALANCE * max(middles):
        return None
    shift = _usual_x(right) - _usual_x(left)
    moved = [replace(line, x=line.x - shift) for line in right]
    runs = [lines[:first], left, moved, lines[end:]]
    return [run for run in runs if run]


def _usual_x(lines: list[_Line]) -> float:
    """Where most of the lines start (the leftmost of the most usual)."""
    counts = Counter(round(line.x) for line in lines)
    most = max(counts.values())
    return float(min(x for x, count in counts.items() if count == most))


_HEADER_WORDS = 10
_JOINS = re.compile(r"\b(?:and|by|for|from|in|of|on|the|to|with)\b", re.IGNORECASE)
"""Words that join a heading's words: a header row names its columns, one after another."""
_TEXT_HEADER = re.compile(r"\b(?:recommendations?|actions?)\b", re.IGNORECASE)


def _table_header(text: str) -> bool:
    """Whether a line is a table's header row that names a column of recommendation text
    and two more columns ("No. Recommendation Lead agency Target date"), as a spreadsheet's
    header does (`_table.recognise`, of its words one to three at a time): short, no
    sentence, no label, and its names one after another, not joined as a heading's are."""
    words = text.split()
    sentence = not short_heading(text.replace(".", ""))  # its stops aside: "No.", "Ref."
    if len(words) > _HEADER_WORDS or not _TEXT_HEADER.search(text) or sentence:
        return False
    if _JOINS.search(text) or LOOKS_LABELLED.match(text):
        return False  # a heading's words ("Actions by agency and date"), or a label
    spans = [" ".join(words[k : k + n]) for n in (1, 2, 3) for k in range(len(words) - n + 1)]
    fields = _table.recognise(spans).fields
    return "text" in fields and len(fields) >= 3


_EDGE = 3
"""How many lines at the top and foot of a page a running header or footer may take."""
_ROUGH = 2.0
"""Points within which sizes, margins and baselines are taken as the same."""


def _key(line: _Line) -> tuple[str, int]:
    """A line as a running header or footer repeats it, at the same height on every page:
    its numbers (the page's) aside."""
    return re.sub(r"\d+", "#", " ".join(line.text.split()).lower()), round(line.y / _ROUGH)


def _furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without their running headers and footers, and footnotes: a line at the
    top or foot of a page (`_edges`) that, its numbers aside, stands there on most pages
    (the review's name, "Child Q SPR \u2013 Page 3 of 40"); a page number there ("12",
    "Page 12 of 40", "- 12 -"); the lines in smaller type set apart from the text by the
    page's margin (`_margins`), which a review of one page cannot repeat; and the
    footnotes at the foot of the page (`_footnotes`). Left in, they ran into the paragraph
    that crosses the page break."""
    every = [line for page in pages for line in page]
    if not every:
        return pages
    body, pitch = _body_size(every), _pitch(pages)
    edges = [{_key(page[n]) for n in _edges(page)} for page in pages if page]
    seen = Counter(key for keys in edges for key in keys)
    enough = max(2, math.ceil(len(edges) / 2))
    repeated = {key for key, count in seen.items() if count >= enough}
    kept: list[list[_Line]] = []
    for page in pages:
        edge = _edges(page)
        margins = _margins(page, body, pitch)
        text = [
            line
            for n, line in enumerate(page)
            if n not in margins
            and (
                n not in edge
                or (_key(line) not in repeated and not PAGE_FURNITURE.match(line.text))
            )
        ]
        notes = _footnotes(text, body)
        kept.append([line for n, line in enumerate(text) if n not in notes])
    return kept


def _edges(page: list[_Line]) -> set[int]:
    """The lines (by their place in ``page``) at its top and foot, by where they stand, not
    where the content draws them (a header may be drawn last)."""
    order = sorted(range(len(page)), key=lambda n: -page[n].y)
    return set(order[:_EDGE]) | set(order[-_EDGE:])


_FOOTNOTE = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021])\s*[^\W\d_]")
"""The start of a footnote: its mark, then its words ("1 Working Together 2023 ...")."""


def _footnotes(page: list[_Line], body: float) -> set[int]:
    """The lines (by their place in ``page``) of the footnotes at the foot of a page: the
    lines in type smaller than the body's below its last line of text, the first of them
    starting with a footnote's mark (a list item's number has a stop or a bracket)."""
    order = sorted(range(len(page)), key=lambda n: -page[n].y)
    small = list(itertools.takewhile(lambda n: page[n].size < body - _ROUGH / 4, order[::-1]))
    if not small or len(small) == len(page):
        return set()
    first = page[small[-1]].text
    return set(small) if _FOOTNOTE.match(first) and not ITEM.match(first) else set()


_MARGIN_WORDS = 15
"""At most this many words on a line of a header or footer."""


def _margins(page: list[_Line], body: float, pitch: float) -> set[int]:
    """The lines (by their place in ``page``) of a header and a footer by their look: at
    most `_EDGE` lines at the top (or foot) of the page, in type smaller than the body's,
    short, with a gap of two lines or more between them and the text. Lines of a list in
    small type are no header: no such gap parts them."""
    order = sorted(range(len(page)), key=lambda n: -page[n].y)
    wide = 2 * pitch * body
    found: set[int] = set()
    for run in (order, order[::-1]):
        group = run[:1]
        for above, below in itertools.pairwise(run):
            if abs(page[above].y - page[below].y) > wide:
                break
            group.append(below)
        else:
            continue  # no gap on the page: all of it is text
        if len(group) <= _EDGE and all(
            page[n].size < body - _ROUGH / 4 and len(page[n].text.split()) <= _MARGIN_WORDS
            for n in group
        ):
            found |= set(group)
    return found


def _body_size(lines: list[_Line]) -> float:
    """The size most of the text is set in, by characters."""
    sizes = Counter[float]()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0]


def _pitch(pages: list[list[_Line]]) -> float:
    """How far apart the lines of a paragraph are, as a multiple of their size: a short
    step among the steps down from one line to the next (the tenth shortest in a hundred),
    as the lines inside a paragraph are closer than paragraphs; the most usual step was
    the paragraphs' in a review of short ones."""
    steps = sorted(
        (a.y - b.y) / b.size
        for page in pages
        for a, b in itertools.pairwise(page)
        if b.size > 0 and 0.9 * b.size <= a.y - b.y < 3 * b.size
    )
    return steps[len(steps) // 10] if steps else 1.2


def _heading(line: _Line, body: float, larger: list[float], alone: bool) -> tuple[int, str] | None:
    """A line's heading level and title: by its size among the sizes larger than the
    body's, or below them for a short line alone in bold at the body's size, or for a short
    line alone naming a section ("Recommendations", "Appendix 1"); None for text. Never a
    sentence, a list item at the body's size ("1. Fathers", in bold) or a label (the text
    reader reads those). A section's number ("5. Recommendations") is left off, as the
    Markdown reader knows a section by its name: "6. Appendix 1" is back matter."""
    text = line.text
    numbered = ITEM.match(text)
    title = numbered.group("text") if numbered else text
    if not short_heading(title) or title_label(title) is not None:
        return None
    named = bool(
        "recommendation" in title.lower()
        or GENERIC_HEADINGS.match(title)
        or BACK_MATTER.match(title)
    )
    if line.size > body + _ROUGH / 2:
        return 1 + next(n for n, size in enumerate(larger) if line.size >= size - _ROUGH / 2), title
    if alone and (named or (line.bold and not numbered)):
        return len(larger) + 1, title
    return None


_RUNS_ON = re.compile(r"[^.:;!?\"'\u201d\u2019)\]]$")


def _runs_on(before: str, after: str) -> bool:
    """Whether the text over a page break is one paragraph: the line before it does not
    end a sentence, or the line after it starts in lower case."""
    return bool(_RUNS_ON.search(before)) or after[:1].islower()


@dataclass(frozen=True, slots=True)
class _Written:
    """The pages written as Markdown, and the page each of its lines is from."""

    text: str
    pages: list[int]
    """The page of each line of ``text``, by its line number less one."""
    tabular: frozenset[int]
    """The pages whose text is set in a table or columns not read apart (`_laid_out`)."""


def _as_markdown(runs: list[tuple[int, list[_Line]]], tabular: frozenset[int]) -> _Written:
    """The runs of text (each with its page's number: a page, or a column of one, as
    `_laid_out` parts it) as Markdown for `load_text` (see the module's documentation): a
    run starts as a page does, its first line running on from the last one's if it
    continues its sentence or item."""
    every = [line for _, page in runs for line in page]
    body = _body_size(every)
    larger = sorted(
        {float(round(line.size)) for line in every if line.size > body + _ROUGH / 2}, reverse=True
    )
    margins = Counter(round(line.x) for line in every if abs(line.size - body) < _ROUGH)
    left = margins.most_common(1)[0][0] if margins else 0.0
    pitch = _pitch([page for _, page in runs])
    out: list[str] = []
    of_page: list[int] = []

    def write(text: str, page: int) -> None:
        out.append(text)
        of_page.append(page)

    last: _Line | None = None
    last_full = False  # the last line runs to the page's measure
    for number, page in runs:
        measure = _measure(page, body)
        for n, line in enumerate(page):
            after = page[n + 1] if n + 1 < len(page) else None
            gap_before = last is None or n == 0 or _apart(last, line, pitch)
            ended = last is not None and not _RUNS_ON.search(last.text)  # at a sentence's end
            if not gap_before and ended and not ITEM.match(line.text):
                # A paragraph's last line stops short; a label starts a paragraph of its own.
                gap_before = not last_full or bool(LOOKS_LABELLED.match(line.text))
            # Alone on its line, as Markdown's bold heading is: after a gap, or a sentence
            # in another face; before a gap, or a list.
            starts = gap_before or (last is not None and last.bold != line.bold and ended)
            ends = after is None or _apart(line, after, pitch) or bool(ITEM.match(after.text))
            heading = _heading(line, body, larger, starts and ends)
            if n == 0 and last is not None:
                continues = heading is None and not ITEM.match(line.text)
                continues = continues and not LOOKS_LABELLED.match(line.text)
                if not (continues and (last_full or _runs_on(last.text, line.text))) and out[-1]:
                    write("", number)
            elif gap_before and out and out[-1]:
                write("", number)
            if heading is not None:
                write(f"{'#' * min(heading[0], 6)} {heading[1]}", number)
                write("", number)
            else:
                indent = max(0, round((line.x - left) / max(body * 0.5, 1.0)))
                write(" " * min(indent, 40) + line.text, number)
            last, last_full = line, len(line.text) >= measure
    return _Written("\n".join(out), of_page, tabular)


_FULL = 0.8
"""How much of the page's measure a line runs to that a paragraph goes on after."""


def _measure(page: list[_Line], body: float) -> float:
    """How many characters a line runs to that fills the page's measure, less a margin
    (`_FULL`): the length of the longest lines in the body's type (the tenth longest in a
    hundred), as a paragraph's last line, and only it, stops short. Infinite on a page
    with too few lines to tell."""
    lengths = sorted(
        (len(line.text) for line in page if abs(line.size - body) < _ROUGH), reverse=True
    )
    if len(lengths) < 3:
        return math.inf
    return lengths[len(lengths) // 10] * _FULL


def _apart(above: _Line, below: _Line, pitch: float) -> bool:
    """Whether a blank line stands between two lines of a page: the step down from one to
    the other is wider than a paragraph's (or goes up the page, to a new column)."""
    step = above.y - below.y
    return step <= 0 or step > (pitch + 0.4) * max(above.size, below.size)


_NONE_FOUND = "no recommendations found (empty file?)"
"""What `load_text` says of a text with none, as a PDF's problem: it is no empty file."""


def _with_pages(found: Found, written: _Written, name: str) -> Found:
    """What `load_text` read, each place a page: a recommendation's line, and a problem's
    (its message saying "page N"). What it read on a page in a table or columns is
    refused, with one problem for each such page in place of any other there; where it
    read nothing, a table's page is the reason."""
    recs, problems = found

    def page(line: int | None) -> int | None:
        return written.pages[line - 1] if line and 0 < line <= len(written.pages) else None

    kept: list[Recommendation] = []
    refused: set[int] = set()
    for rec in recs:
        at = page(rec.source.line)
        if at in written.tabular:
            refused.add(at)
        else:
            named = f"{rec.kind} {rec.id}"  # a page holds several: its place names none
            kept.append(replace(rec, source=Source(name, at, rec.source.cells, named)))
    placed: list[Problem] = []
    for problem in problems:
        at = page(problem.line)
        if problem.message == _NONE_FOUND:
            if written.tabular:
                refused |= written.tabular
            else:
                placed.append(replace(problem, message="no recommendations found in the document"))
        elif at is None:
            placed.append(problem)
        elif at not in written.tabular:
            placed.append(
                replace(problem, line=at, col=None, message=f"page {at}: {problem.message}")
            )
    placed += [
        Problem(name, at, None, f"page {at}: the recommendations here are {_TABLE}")
        for at in sorted(refused)
    ]
    return kept, sorted(placed, key=lambda p: p.line or 0)


def _not_pdf(path: Path) -> str | None:
    """Why ``path`` is no PDF, when its first bytes say so; None for a PDF."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return None
    if PDF_SIGNATURE in head:
        return None
    if not head:
        return "empty (0 bytes), not a PDF"
    if head.startswith(b"PK\x03\x04"):
        return (
            "not a PDF: a Word, Excel or other Office file (a zip archive) named .pdf; give it "
            "its own ending (.docx, .xlsx) and map that"
        )
    if head.startswith(bytes.fromhex("D0CF11E0A1B11AE1")):
        return (
            "not a PDF: an older Office file (Office 97-2003) named .pdf; open it in Office "
            "and save it as .docx"
        )
    return "not a PDF (it does not start as one): save or export the review as PDF again"


@dataclass
class _Opened:
    """A PDF's pages as lines, or why it cannot be read."""

    pages: list[list[_Line]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refused: str | None = None
    pictures: bool = False
    """Some page shows a picture: a page of one with no text is a scan."""


def _read(path: Path, name: str, limits: Limits) -> _Opened:
    """The lines of every page, with a problem for a page that cannot be read; or why the
    file cannot be read at all. pypdf warns through logging and `warnings` on the damaged
    files it reads past: silenced, as scrmap says what matters itself."""
    import pypdf  # imported here so other commands start fast
    from pypdf.errors import DependencyError, FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    opened = _Opened()
    budget = limits.file_bytes  # what the pages inflate to, as a .docx's parts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(str(path))
            if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
                opened.refused = _PROTECTED
                return opened
            pages: Iterator[Any] = iter(reader.pages)
            for number, page in enumerate(pages, start=1):
                budget -= _inflated(page)
                if budget >= 0:
                    lines, problem = _page_read(page, name, number)
                    opened.problems += problem
                    opened.pictures = opened.pictures or (not lines and _pictured(page))
                    budget -= sum(len(line.text) for line in lines)
                if budget < 0:
                    opened.refused = (
                        f"its pages inflate past the {limits.file_mb:g} MB limit on input "
                        f"files by page {number} (SCRMAP_MAX_FILE_MB raises it)"
                    )
                    return opened
                opened.pages.append(lines)
        except DependencyError:
            opened.refused = _AES
        except FileNotDecryptedError:
            opened.refused = _PROTECTED
        except OSError as exc:
            opened.problems = [unreadable(name, exc)]
        except RecursionError:
            opened.refused = "not a readable PDF (its objects nest too deeply)"
        except Exception as exc:  # pypdf raises many kinds on a damaged file
            opened.refused = (
                f"not a readable PDF: damaged or cut short ({type(exc).__name__}: {exc}); "
                "download or save it again"
            )
    return opened


def _inflated(page: Any) -> int:
    """The bytes of a page's content, inflated: counted against the limit on input files
    before its text is read, so that a small file whose content inflates to many megabytes
    is refused, not parsed for minutes. 0 for content that cannot be inflated (reading its
    text says why)."""
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        contents = page.get_contents()
        return len(contents.get_data()) if contents is not None else 0
    except (DependencyError, FileNotDecryptedError):
        raise
    except Exception:  # a damaged stream: `_page_read` reports it
        return 0


def _page_read(page: Any, name: str, number: int) -> tuple[list[_Line], list[Problem]]:
    """A page's lines, or none and why (the other pages are still read)."""
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        return _page_lines(page), []
    except (DependencyError, FileNotDecryptedError):
        raise
    except RecursionError:
        return [], [_page_problem(name, number, "nests too deeply")]
    except Exception as exc:  # pypdf raises many kinds on a damaged page
        return [], [_page_problem(name, number, f"could not be read ({type(exc).__name__}: {exc})")]


def _pictured(page: Any) -> bool:
    """Whether a page shows a picture (an image among its resources), as a scanned page is."""
    try:
        shown = page["/Resources"].get_object().get("/XObject")
        shown = shown.get_object() if shown is not None else {}
        return any(item.get_object().get("/Subtype") == "/Image" for item in shown.values())
    except Exception:  # a damaged dictionary: no picture to say it is a scan
        return False


def _page_problem(name: str, number: int, why: str) -> Problem:
    return Problem(name, number, None, f"page {number} {why}; the other pages are read")


def load_pdf(path: Path, name: str, case: str | None, limits: Limits | None = None) -> Found:
    """The recommendations of a review published as a PDF (see the module's
    documentation); ``case`` is the case if the PDF names none (its file name)."""
    refused = _not_pdf(path)
    if refused:
        return [], [Problem(name, None, None, refused)]
    opened = _read(path, name, limits or Limits())
    if opened.refused:
        return [], [Problem(name, None, None, opened.refused)]
    if not opened.pages:
        return [], [Problem(name, None, None, "has no pages")]
    if not any(opened.pages):
        if len(opened.problems) == len(opened.pages):  # no page could be read
            return [], opened.problems
        return [], [*opened.problems, Problem(name, None, None, _no_text(opened.pictures))]
    if not _words(opened.pages):
        return [], [*opened.problems, Problem(name, None, None, _NO_WORDS)]
    pages = _furniture(opened.pages)
    laid = [_laid_out(page) for page in pages]
    tabular = frozenset(n for n, runs in enumerate(laid, start=1) if runs is None)
    written = _as_markdown(
        [
            (number, run)
            for number, (page, runs) in enumerate(zip(pages, laid, strict=True), start=1)
            for run in (runs if runs is not None else [page])
        ],
        tabular,
    )
    recs, problems = _with_pages(load_text(written.text, name, case), written, name)
    return recs, opened.problems + problems


def load(file: SourceFile) -> Found:
    """The registry's entry: pypdf opens the file itself."""
    return load_pdf(file.path, file.name, file.case, file.limits)
