"""Excel workbooks (.xlsx): an action plan on the first sheet (or the one --sheet names).

The first non-empty row is the header; columns are recognised by their names as in CSV
files (`scrmap.sources._table`). A row's `line` is its spreadsheet row number.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from scrmap.errors import Problem
from scrmap.recommendation import FROM_COLOUR
from scrmap.sources import _table
from scrmap.sources._base import Found, SourceFile, not_a_zip
from scrmap.sources.text_file import short_heading


def _styled(cell: Any, attribute: str) -> Any:
    """A cell's ``attribute`` of its style (its number format, its fill), or None where the
    cell has none or its style cannot be found: a workbook written by another program may
    point a cell at a style it does not hold, and openpyxl raises for it only when asked."""
    try:
        return getattr(cell, attribute, None)
    except (IndexError, KeyError, AttributeError, TypeError):
        return None


def _cell(value: Any, cell: Any = None) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without '.0', a percentage as
    shown (`_percent`). A date shown
    without its day (its ``cell``'s number format "mmm-yy", "mmmm yyyy") is the month it shows,
    YYYY-MM, and one shown as a year alone the year: Excel keeps "March 2027" typed in a
    cell as 1 March 2027 and shows "Mar-27", and read as the 1st, an action due in March
    was late from the 2nd."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        number_format = _styled(cell, "number_format")
        shown = _SHOWN_PARTS.sub("", number_format if isinstance(number_format, str) else "")
        shown = shown.casefold()
        if "d" not in shown and "m" in shown and "y" in shown:
            return value.strftime("%Y-%m")
        if "d" not in shown and "m" not in shown and "y" in shown:
            return value.strftime("%Y")
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int | float) and not isinstance(value, bool):
        percent = _percent(value, cell)
        if percent is not None:
            return percent
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _percent(value: float, cell: Any) -> str | None:
    """A number its ``cell`` shows as a percentage, as shown ("50%", "12.5%"), or None. A
    plan's "% complete" or "Progress (%)" column keeps 100% as 1 and 50% as 0.5: read as
    the number, its status was "0.5", a word nobody wrote."""
    if cell is None:
        return None
    number_format = _styled(cell, "number_format")
    shown = _SHOWN_PARTS.sub("", number_format if isinstance(number_format, str) else "")
    found = re.search(r"[0#](?:\.([0#]*))?%", shown)
    if found is None:
        return None
    places = len(found[1] or "")
    return f"{value * 100:.{places}f}%"


_SHOWN_PARTS = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
"""The parts of a number format that are not its date codes: quoted text, a [locale] or
[colour], an escaped character, and the spacing and fill codes (``_x``, ``*x``)."""


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
"""A merged range in a sheet's XML, which openpyxl's read-only mode does not read."""


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
"""A formula in a sheet's XML: an ``f`` element, ``<f>``, ``<f t="shared" .../>``, or with
a namespace prefix (``<x:f>``, as the .NET Open XML SDK writes it)."""


@dataclass(frozen=True)
class _Merges:
    """What the sheet's merged ranges say about its rows (openpyxl's read-only mode does
    not read them), and whether it has formulas."""

    continued: set[int]
    """The rows whose recommendation (or id) cell is merged with the cell above: a plan with
    a recommendation merged down over its action rows read as rows with no text
    (`_table.merged_into_above`). Merged ranges do not overlap, so there are no more such
    rows than the sheet has."""
    spanning: set[int]
    """The rows that are one cell merged across the table: a sub-heading among the rows
    ("Health agencies"), or a title."""
    formulas: bool
    """Whether the sheet has formulas at all (`_unsaved`)."""
    down: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    """Row -> (column, first row) of each cell in it merged down from the row above, in a
    column other than the text or id (`_filled_down`)."""


def _merges(file: SourceFile, part: str | None, folding: frozenset[int], width: int) -> _Merges:
    """The merged ranges in the sheet's ``part`` of the workbook, for the columns whose
    merge makes a row part of the one above (`_table.folding`) and a table ``width``
    columns wide."""
    from openpyxl.utils import column_index_from_string

    try:
        with zipfile.ZipFile(file.path) as archive:
            xml = archive.read(part) if part else b""
    except (KeyError, OSError, zipfile.BadZipFile):  # read once already: no merges known
        xml = b""
    merges = _Merges(set(), set(), bool(_FORMULA.search(xml)))
    for m in _MERGE.finditer(xml):
        left = column_index_from_string(m[1].decode()) - 1
        right = column_index_from_string(m[3].decode()) - 1
        first, last = int(m[2]), int(m[4])
        if any(left <= column <= right for column in folding):
            merges.continued.update(range(first + 1, last + 1))
        elif left < width:
            for row in range(first + 1, last + 1):
                merges.down.setdefault(row, []).append((left, first))
        if left == 0 and right >= width - 1 and first == last:
            merges.spanning.add(first)
    return merges


_SATURATED = 0.15
"""How saturated a fill must be to rate: Excel's pale "Good", "Bad" and "Neutral" styles
(0.17 to 0.39) rate, white and greys (0) do not."""
_BLUE_SATURATED = 0.5
"""Blue rates complete (BRAG), so it must be a strong blue: a table style's pale blue
banding (0.1 to 0.2) is no rating."""


_THEME_SLOT = re.compile(
    rb"<(?:\w+:)?(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>\s*"
    rb"<(?:\w+:)?(?:srgbClr\s+val|sysClr\s[^>]*?lastClr)=\"([0-9A-Fa-f]{6})\""
)
_THEME_ORDER = (
    "lt1",
    "dk1",
    "lt2",
    "dk2",
    *(f"accent{k}" for k in range(1, 7)),
    "hlink",
    "folHlink",
)
"""A cell's theme colour is an index into this order (Excel's, which puts the light
background before the dark text, unlike the theme file)."""


def theme_colours(theme_xml: bytes | None) -> list[str]:
    """The workbook theme's colours as RGB, in the order a cell's theme colour indexes
    them; none where the workbook has no theme. Excel's fill palette offers the theme's
    colours (and lighter and darker shades of them) above its standard colours, so a RAG
    cell is often filled with one ("Green, Accent 6, Lighter 40%")."""
    found = {m[1].decode(): m[2].decode() for m in _THEME_SLOT.finditer(theme_xml or b"")}
    if not all(name in found for name in _THEME_ORDER):
        return []
    return [found[name] for name in _THEME_ORDER]


def _tinted(rgb: str, tint: float) -> tuple[float, float, float]:
    """``rgb`` lightened (``tint`` over 0) or darkened (under 0) as Excel shades a theme
    colour: its lightness moved toward white or black by the fraction ``tint``."""
    import colorsys

    red, green, blue = (int(rgb[k : k + 2], 16) / 255 for k in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    tint = max(-1.0, min(1.0, tint))
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    return colorsys.hls_to_rgb(hue, lightness, saturation)


def rag_colour(cell: Any, theme: Sequence[str] = ()) -> str | None:
    """The RAG rating a cell's solid fill shows ("Red", "Amber", "Green", or "Blue" for
    complete), or None: many action plans rate each action by colouring an empty RAG cell.
    Colours given as RGB, as Excel's indexed palette, or as one of the workbook's
    ``theme`` colours (`theme_colours`) with its shade are read."""
    from openpyxl.styles.colors import COLOR_INDEX

    fill = _styled(cell, "fill")
    if fill is None or fill.fill_type != "solid":
        return None
    colour = fill.fgColor
    rgb = colour.rgb if colour.type == "rgb" else None
    if colour.type == "indexed" and isinstance(colour.indexed, int):
        rgb = COLOR_INDEX[colour.indexed] if colour.indexed < len(COLOR_INDEX) else None
    if colour.type == "theme" and isinstance(colour.theme, int):
        rgb = theme[colour.theme] if 0 <= colour.theme < len(theme) else None
    if not isinstance(rgb, str) or not re.fullmatch(r"[0-9A-Fa-f]{6,8}", rgb):
        return None
    tint = colour.tint if isinstance(colour.tint, int | float) else 0.0
    return rating(rgb[-6:], float(tint))


def rating(rgb: str, tint: float = 0.0) -> str | None:
    """The RAG rating a fill of ``rgb`` (six hex digits), shaded by ``tint``, shows, or None
    (`rag_colour`; a Word table cell's shading too)."""
    import colorsys

    if not re.fullmatch(r"[0-9A-Fa-f]{6}", rgb):
        return None
    red, green, blue = _tinted(rgb, tint)
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    degrees = hue * 360
    if saturation < _SATURATED or value < 0.4:
        return None
    if degrees < 15 or degrees >= 345:
        return "Red"
    if degrees < 70:
        return "Amber"  # orange to yellow
    if degrees < 170:
        return "Green"
    if 190 <= degrees < 260 and saturation >= _BLUE_SATURATED:
        return "Blue"
    return None


@dataclass
class _Sheet:
    """What reading a sheet's rows leaves beside them, for what the text does not say."""

    cells: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    """Row number -> its cells, until `_rated` has read their fills."""
    part: str | None = None
    """The sheet's part in the workbook, for its merged ranges (`_merges`)."""
    names: list[str] = field(default_factory=list)
    """The workbook's sheets, for what to say when the sheet has no plan (`_hint`) and for
    the sheets to look at instead (`load`), without opening the workbook again."""
    theme: list[str] = field(default_factory=list)
    """The workbook theme's colours (`theme_colours`), for a RAG cell filled with one."""
    header: int = 0
    """The header row's number, once `_header` has found it."""


def _rows(
    file: SourceFile, sheet_read: _Sheet
) -> tuple[Iterator[_table.Row] | None, list[Problem]]:
    """The sheet's rows as text with their row numbers, or the problem that stops it;
    ``sheet_read`` gets the workbook's sheets, the sheet's part, and each row's cells as
    it is read."""
    import openpyxl  # imported here so other commands start fast

    try:
        book = openpyxl.load_workbook(file.path, read_only=True, data_only=True)
    except zipfile.BadZipFile as exc:
        why = not_a_zip(file.path, ".xlsx workbook", "Excel .xls")
        return None, [
            Problem(file.name, None, None, why or f"not a readable .xlsx workbook ({exc})")
        ]
    except (KeyError, ValueError, OSError) as exc:
        return None, [Problem(file.name, None, None, f"not a readable .xlsx workbook ({exc})")]
    except Exception as exc:  # openpyxl and lxml raise many kinds on a damaged file
        return None, [_damaged(file, exc)]
    if file.sheet is not None and file.sheet not in book.sheetnames:
        names = ", ".join(book.sheetnames)
        return None, [Problem(file.name, None, None, f"no sheet {file.sheet!r} (sheets: {names})")]
    sheet = book[file.sheet] if file.sheet is not None else book.worksheets[0]
    sheet_read.names = list(book.sheetnames)
    sheet_read.theme = theme_colours(getattr(book, "loaded_theme", None))
    # A read-only sheet keeps its part's name privately; without it no merge is known.
    part = getattr(sheet, "_worksheet_path", None)
    sheet_read.part = part if isinstance(part, str) else None

    def read() -> Iterator[_table.Row]:
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            texts = [_cell(cell.value, cell) for cell in cells]
            if not any(text.strip() for text in texts):
                continue
            sheet_read.cells[number] = cells
            yield number, texts

    return read(), []


def _hint(file: SourceFile, names: list[str]) -> str:
    """Which sheet was read and which others there are (``names``), with --sheet, for a
    message about a sheet with no plan: a cover or contents sheet often comes first, and
    nothing else would tell the user the plan was never looked at. Nothing for a one-sheet
    workbook."""
    if len(names) < 2:
        return ""
    read = file.sheet if file.sheet is not None else names[0]
    return f"; read sheet {read!r} (sheets: {', '.join(names)}): --sheet NAME reads another"


_TITLE_ROWS = 10
"""How far down a header row is looked for: plans often start with a title and a blank."""


def _header(
    file: SourceFile, sheet_read: _Sheet
) -> tuple[_table.Columns | None, Iterator[_table.Row], list[Problem]]:
    """The header row: the first of the top rows with a column of recommendation text
    (title rows above it are skipped, `_table.header_row`), else the first row; with the
    names of groups of its columns in the row above (`_table.under_group_names`), or its
    second row, if it has one (`_table.second_header_row`). ``sheet_read``: see `_rows`."""
    rows, problems = _rows(file, sheet_read)
    if rows is None:
        return None, iter(()), problems
    top = list(itertools.islice(rows, _TITLE_ROWS))
    if not top:
        message = "empty sheet; expected a header row" + _hint(file, sheet_read.names)
        return None, rows, [Problem(file.name, None, None, message)]
    found = [_table.recognise(_trimmed(cells)) for _, cells in top]
    k = _table.header_row(found)
    columns = found[k]
    grouped = _table.under_group_names(top[k - 1][1], top[k][1]) if k > 0 else None
    names = _table.second_header_row(top[k][1], top[k + 1][1]) if k + 1 < len(top) else None
    if grouped is not None:  # "Progress" over "Q1 | Q2 | Q3", the header the second row
        columns = _table.recognise(_trimmed(grouped))
    elif names is not None:  # "Progress" merged over "Q1 | Q2 | Q3"
        columns, k = _table.recognise(_trimmed(names)), k + 1
    sheet_read.header = top[k][0]
    return columns, itertools.chain(top[k + 1 :], rows), []


def _trimmed(headers: Sequence[str]) -> Sequence[str]:
    """A header row without the empty cells a wide sheet has after its last column."""
    while headers and not headers[-1].strip():
        headers = headers[:-1]
    return headers


def _unsaved(file: SourceFile, formulas: bool) -> _table.Unsaved:
    """Whether a cell that reads as empty is a formula with no saved value, as in a workbook
    written by a program rather than Excel: the values are read (``data_only``), and such a
    cell has none. ``formulas``: whether the sheet has any (`_Merges.formulas`); if so,
    they are found in one reading of the sheet, when an empty cell is first asked about."""
    if not formulas:
        return _table.no_unsaved
    found: set[tuple[int, int]] | None = None

    def unsaved(line: int, column: int) -> bool:
        nonlocal found
        import openpyxl

        if found is None:
            book = openpyxl.load_workbook(file.path, read_only=True)
            sheet = book[file.sheet] if file.sheet is not None else book.worksheets[0]
            found = {
                (number, k)
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                for k, value in enumerate(values)
                if isinstance(value, str) and value.startswith("=")
            }
        return (line, column) in found

    return unsaved


_DAMAGED = (SyntaxError, zipfile.BadZipFile, zlib.error, EOFError)
"""What a damaged sheet raises only as its rows are read, after the workbook opened: XML
that breaks off or holds what Excel never writes (a parse error: SyntaxError is the base of
ElementTree's and lxml's), a part whose bytes fail their check or end early."""


def _damaged(file: SourceFile, exc: Exception) -> Problem:
    """The one problem of a workbook that cannot be read, with what the library said: the
    user can tell a password (said elsewhere) from a file broken in transit."""
    return Problem(
        file.name, None, None, f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})"
    )


def load(file: SourceFile) -> Found:
    """The registry's entry: the chosen sheet's rows, one recommendation each. Without
    --sheet, a first sheet with no plan (a cover, contents or a summary of counts) gives
    way to the first sheet that has one: the plan was never read, and the run failed; when
    more sheets than one have a plan, which was read is said. A sheet damaged part of the
    way down gives no recommendation: what it holds cannot be trusted."""
    try:
        return _load(file)
    except _DAMAGED as exc:
        return [], [_damaged(file, exc)]


def _load(file: SourceFile) -> Found:
    sheet_read = _Sheet()
    found, plan = _load_sheet(file, sheet_read)
    names = sheet_read.names
    if file.sheet is not None:
        return found
    found_plans = _plans(file, names)
    plans = [name for name, _ in found_plans]
    if plan:
        unread = [name for name, columns in found_plans if _actions(columns)]
        return found if not unread else _others_not_read(file, found, names[0], unread)
    if not plans:
        return found
    (recs, problems), _ = _load_sheet(dataclasses.replace(file, sheet=plans[0]), _Sheet())
    if len(plans) > 1:
        others = ", ".join(repr(name) for name in plans[1:])
        message = (
            f"read sheet {plans[0]!r}, the first with a column of recommendation text "
            f"({names[0]!r} has none); {others} {'has' if len(plans) == 2 else 'have'} one "
            "too: --sheet NAME reads another"
        )
        problems = [Problem(file.name, None, None, message), *problems]
    return recs, problems


def _others_not_read(file: SourceFile, found: Found, read: str, others: list[str]) -> Found:
    """``found`` on the sheet ``read``, with a warning that the sheets ``others`` have a
    column of recommendation text too and were not read: an officer who moves completed
    actions to a sheet of their own ("Closed actions") had them left out of every count in
    silence, and the Board told none was complete."""
    recs, problems = found
    named = ", ".join(repr(name) for name in others)
    one = len(others) == 1
    message = (
        f"read sheet {read!r}; {named} {'has' if one else 'have'} a column of recommendation "
        f"text too and {'was' if one else 'were'} not read: --sheet NAME reads another, or "
        "keep the plan's actions on one sheet"
    )
    return recs, [Problem(file.name, None, None, message), *problems]


def _has_plan(columns: _table.Columns, first: list[_table.Row]) -> bool:
    """Whether a sheet with these columns and ``first`` rows under its header is a plan: it
    has a column of recommendation text, and not one of (nearly) all numbers
    (`_table.numeric_text`)."""
    return "text" in columns.fields and not _table.numeric_text(columns, first)


def _plans(file: SourceFile, names: list[str]) -> list[tuple[str, _table.Columns]]:
    """The sheets after the first of the workbook's ``names`` that are plans (`_has_plan`),
    with their columns: for a first sheet that is not, and to say of one that is which
    others were not read (`_actions`)."""
    plans = []
    for name in names[1:]:
        columns, rows, _ = _header(dataclasses.replace(file, sheet=name), _Sheet())
        if columns is not None and _has_plan(columns, list(itertools.islice(rows, _TITLE_ROWS))):
            plans.append((name, columns))
    return plans


_ACTION_FIELDS = frozenset({"id", "owner", "agency", "due", "status", "case"})


def _actions(columns: _table.Columns) -> bool:
    """Whether a sheet with these columns holds actions as a plan does: beside its text,
    two of an id, an owner or agency, a due date, a status and a case. A key to the RAG
    ratings ("RAG | Description") or a glossary has a text column too, and is no sheet of
    actions left unread."""
    return len(_ACTION_FIELDS & columns.fields.keys()) >= 2


def _load_sheet(file: SourceFile, sheet_read: _Sheet) -> tuple[Found, bool]:
    """The sheet's recommendations, or its problems; and whether it is a plan (`_has_plan`).
    ``sheet_read``: see `_rows`."""
    columns, rows, problems = _header(file, sheet_read)
    if columns is None:
        return ([], problems), False
    rows = _rated(rows, _table.status_columns(columns), sheet_read)
    first = list(itertools.islice(rows, _TITLE_ROWS))
    rows = itertools.chain(first, rows)
    if not _has_plan(columns, first):
        problem = _table.missing_text(columns, file.name)
        message = problem.message + _hint(file, sheet_read.names)
        return ([], [dataclasses.replace(problem, message=message)]), False
    width = len(columns.headers)
    trimmed = ((number, [*row[:width], *[""] * (width - len(row))]) for number, row in rows)
    notes: list[Problem] = []
    merges = _merges(file, sheet_read.part, _table.folding(columns), width)
    # A sub-heading merged across the table groups the rows under it and is none of them.
    filled = _filled_down(trimmed, merges.down)
    columns, kept = _table.case_headings(
        columns, filled, lambda row: _sub_heading(row, merges.spanning)
    )
    folded = _table.merged_into_above(columns, kept, merges.continued, file.name, notes)
    unsaved = _unsaved(file, merges.formulas)
    sheet = file.sheet if file.sheet is not None else sheet_read.names[0]
    recs, problems = _table.recommendations(columns, folded, file.name, file.case, unsaved, sheet)
    if (
        not recs
        and merges.formulas
        and [p.message for p in problems] == [_NO_ROWS]
        and _unsaved_rows(file, sheet_read.header)
    ):
        # Every row under the header all formulas with no saved value: each reads as
        # empty and is passed over as blank, and "no rows" alone sends the user looking
        # at a sheet full of rows.
        problems = [dataclasses.replace(problems[0], message=_NO_VALUES)]
    return (recs, sorted([*problems, *notes], key=lambda p: p.line or 0)), True


def _unsaved_rows(file: SourceFile, header: int) -> bool:
    """Whether the sheet has a row under the ``header`` row that reads as blank only because
    its formulas have no saved value."""
    import openpyxl

    books = [openpyxl.load_workbook(file.path, read_only=True, data_only=d) for d in (False, True)]
    formulas, values = (b[file.sheet] if file.sheet is not None else b.worksheets[0] for b in books)
    return any(
        any(isinstance(v, str) and v.startswith("=") for v in written)
        and not any(_cell(v).strip() for v in shown)
        for written, shown in zip(
            formulas.iter_rows(min_row=header + 1, values_only=True),
            values.iter_rows(min_row=header + 1, values_only=True),
            strict=False,
        )
    )


_NO_ROWS = "no rows after the header"
_NO_VALUES = (
    "no rows after the header with a value: its cells are formulas with no saved value (a "
    "workbook written by a program, not Excel): open the workbook in Excel and save it, so "
    "that its values are saved with it"
)


def _filled_down(
    rows: Iterable[_table.Row], down: dict[int, list[tuple[int, int]]]
) -> Iterator[_table.Row]:
    """``rows`` with each cell merged down from the row above (`_Merges.down`) holding the
    merged cell's value, as Excel shows it beside every row it spans: a review's name merged
    down its recommendations, a lead agency, due date or RAG rating down those it covers.
    Only the first row holds the value, so the others read as cases of their own under the
    file's name, with no owner, due date or status."""
    firsts = {first for spans in down.values() for _, first in spans}
    tops: dict[tuple[int, int], str] = {}  # (column, first row) -> the merged cell's value
    for number, row in rows:
        cells = list(row)
        for column, first in down.get(number, ()):
            if column < len(cells) and not cells[column].strip():
                cells[column] = tops.get((column, first), "")
        if number in firsts:
            tops.update({(k, number): value for k, value in enumerate(cells) if value.strip()})
        yield number, cells


def _rated(
    rows: Iterator[_table.Row], statuses: Sequence[int], sheet_read: _Sheet
) -> Iterator[_table.Row]:
    """``rows`` with each empty status cell (``statuses``: `_table.status_columns`) that is
    coloured read as its rating (`rag_colour`), marked as read from the colour ("Green
    (cell colour)"), so that the action plan shows where a status came from. Each row's
    cells are let go once read."""
    for number, texts in rows:
        cells = sheet_read.cells.pop(number, ())
        for status in statuses:
            if status < len(texts) and status < len(cells) and not texts[status].strip():
                rating = rag_colour(cells[status], sheet_read.theme)
                if rating:
                    texts = [*texts[:status], f"{rating}{FROM_COLOUR}", *texts[status + 1 :]]
        yield number, texts


def _sub_heading(row: _table.Row, spanning: set[int]) -> str | None:
    """The text of a row merged across the table whose text is a heading's, else None: read
    as a row, it was a row with no recommendation text (or one whose id was the heading),
    which `check` failed as an input error. It may name the case of the rows under it
    (`_table.case_headings`)."""
    line, cells = row
    text = " ".join(cell.strip() for cell in cells if cell.strip())
    return text if line in spanning and short_heading(text) else None


def columns(file: SourceFile) -> _table.Columns | list[Problem]:
    """Which column became which field (`scrmap map --explain-columns`), in the sheet that
    `load` reads."""
    try:
        return _columns(file)
    except _DAMAGED as exc:
        return [_damaged(file, exc)]


def _columns(file: SourceFile) -> _table.Columns | list[Problem]:
    sheet_read = _Sheet()
    found, rows, problems = _header(file, sheet_read)
    first = list(itertools.islice(rows, _TITLE_ROWS))
    if file.sheet is None and not (found is not None and _has_plan(found, first)):
        plans = _plans(file, sheet_read.names)
        if plans:
            found, _, problems = _header(dataclasses.replace(file, sheet=plans[0][0]), _Sheet())
    return found if found is not None else problems
