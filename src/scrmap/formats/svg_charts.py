"""Charts for the report, drawn as inline SVG by scrmap itself.

A Board paper is opened on locked-down laptops, printed, photocopied and read by screen
readers, so the charts are plain SVG inside the page: no script, no fonts, no images,
nothing fetched. Nothing is said by colour alone: every bar and cell carries its number,
a gap is written "gap" over a hatched box, and the shades run from light to dark so
they keep their order in greyscale. Every chart comes with its table, the text
alternative a screen reader reads (the SVG is an image labelled with its title).

Every string drawn comes through `display_text.html_text`, so a case named
``<script>`` or holding a right-to-left override is drawn as the characters it is.
Text cannot be measured without a browser, so widths are estimated from the number of
characters (generously, for Arial at 11 px) and long labels are cut with "…", the
whole label kept in the chart's table and in an SVG ``<title>`` tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scrmap.formats.display_text import html_text as _t

WIDTH = 720
"""The width every chart is drawn at, in SVG units (px at 100 %): the A4 text width."""
MIN_WIDTH = 520
"""The narrowest a chart is drawn on screen, in px: a narrower screen or a larger zoom
scrolls it sideways rather than shrinking its 11 px labels below legibility."""
FONT = 11
CHAR = 0.6 * FONT
"""The width allowed per character: wider than Arial's average, so labels fit."""
SHADES = ("#ffffff", "#dfe7f1", "#b5c7dd", "#7f9dc2", "#4a6f9e", "#1f3f6b")
"""Light to dark, so the order survives greyscale; the two darkest take white text."""
INK = "#1a1a1a"
BAR = "#4a6f9e"
EMPTY = "#6b6b6b"
"""The "·" of an empty heatmap cell: quieter than a number, still 5.3:1 on white (the
grey it replaced, #8a8a8a, was 3.5:1, under the 4.5:1 that text needs)."""
HATCH = "#8a8a8a"
"""The lines and outline of a gap's hatched box: a graphic, 3.5:1 on white (3:1 needed)."""


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart and its text alternative."""

    title: str
    svg: str
    table: str
    """The chart's figures as an HTML table: what a screen reader reads."""

    def figure(self) -> str:
        """The chart for the page: its title, seen and heard (a bar's "7 in 3 cases"
        says nothing until the chart says what it counts), the picture, then its table
        for screen readers only."""
        return (
            f'<figure class="chart"><figcaption>{_t(self.title)}'
            '<span class="sr-only">: the figures follow as a table.</span></figcaption>'
            f"{self.svg}{self.table}</figure>"
        )


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(chars - 1, 1)].rstrip() + "…"


def _wrap(text: str, chars: int, lines: int = 2) -> list[str]:
    """Words into at most ``lines`` lines of ``chars``; the last line cut with "…"."""
    out: list[str] = []
    current = ""
    words = text.split()
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= chars or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[i:])
            break
    out.append(current)
    return [_cut(line, chars) for line in out[:lines]]


def _svg(title: str, width: float, height: float, body: list[str], uid: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'style="max-width: {width:.0f}px; min-width: {min(width, MIN_WIDTH):.0f}px" '
        f'role="img" '
        f'aria-labelledby="{uid}-title" font-family="Helvetica Neue, Arial, sans-serif" '
        f'font-size="{FONT}" fill="{INK}"><title id="{uid}-title">{_t(title)}</title>'
        f"<defs>{_hatch(uid)}</defs>{''.join(body)}</svg>"
    )


def _hatch(uid: str) -> str:
    """Diagonal lines: the mark of a gap, legible without colour."""
    return (
        f'<pattern id="{uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH}" stroke-width="2"/></pattern>'
    )


def _text(
    x: float, y: float, text: str, anchor: str = "start", extra: str = "", full: str = ""
) -> str:
    """A label; with ``full``, the uncut label as a tooltip."""
    tip = f"<title>{_t(full)}</title>" if full and full != text else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{tip}{_t(text)}</text>'


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    th = "".join(f'<th scope="col">{_t(h)}</th>' for h in head)
    body = "".join(
        f'<tr><th scope="row">{_t(r[0])}</th>{"".join(f"<td>{_t(c)}</td>" for c in r[1:])}</tr>'
        for r in rows
    )
    # Hidden in a box, not on the table itself: a table is never narrower than its text.
    return (
        f'<div class="sr-only"><table><caption>{_t(caption)}</caption><thead><tr>{th}</tr>'
        f"</thead><tbody>{body}</tbody></table></div>"
    )


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: a quadrant's or a standard's coverage, say."""

    label: str
    value: int
    note: str = ""
    """Drawn after the number ("in 3 cases")."""


def bar_chart(
    title: str, bars: Sequence[Bar], unit: str, uid: str, zero_is_gap: bool = True
) -> Chart:
    """Horizontal bars, longest scale first; a zero bar is a hatched box marked "gap"
    (with ``zero_is_gap``; else just "0", for counts where none is no gap).

    ``uid`` keeps this chart's pattern and title ids apart from other charts in the page.
    """
    # Labels wrap onto two lines: wide enough for the longest to fit in two, up to a limit.
    per_line = min(max((len(b.label) for b in bars), default=10) // 2 + 8, 40)
    label_w = max(per_line * CHAR + 10, 80)
    row_h = 28
    top = 6
    area = WIDTH - label_w - 150
    most = max((b.value for b in bars), default=0) or 1
    body: list[str] = []
    for i, b in enumerate(bars):
        y = top + i * row_h
        lines = _wrap(b.label, int((label_w - 8) / CHAR))
        for n, line in enumerate(lines):
            dy = y + row_h / 2 + 4 + (n - (len(lines) - 1) / 2) * (FONT + 1)
            body.append(_text(label_w - 8, dy, line, "end", full=b.label if n == 0 else ""))
        if b.value:
            w = max(area * b.value / most, 2)
            body.append(
                f'<rect x="{label_w:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" '
                f'fill="{BAR}"/>'
            )
            text = f"{b.value} {b.note}".strip()
            body.append(_text(label_w + w + 5, y + row_h / 2 + 4, text))
        elif not zero_is_gap:
            body.append(_text(label_w + 5, y + row_h / 2 + 4, "0"))
        else:
            body.append(
                f'<rect x="{label_w:.1f}" y="{y + 5}" width="34" height="{row_h - 10}" '
                f'fill="url(#{uid}-hatch)" stroke="{HATCH}"/>'
            )
            body.append(_text(label_w + 40, y + row_h / 2 + 4, "gap", extra=' font-weight="bold"'))
    axis_x = label_w - 0.5
    height = top * 2 + max(len(bars), 1) * row_h
    body.append(
        f'<line x1="{axis_x:.1f}" y1="{top}" x2="{axis_x:.1f}" y2="{height - top}" stroke="{INK}"/>'
    )
    table = _table(title, ["", unit, ""], [(b.label, b.value, b.note or "") for b in bars])
    return Chart(title, _svg(title, WIDTH, height, body, uid), table)


def _shade(value: int, most: int) -> str:
    if value <= 0:
        return SHADES[0]
    steps = len(SHADES) - 1
    return SHADES[min(steps, 1 + (value - 1) * (steps - 1) // max(most - 1, 1))]


def heatmap(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[int | None]],
    uid: str,
    corner: str = "",
) -> Chart:
    """A grid of counts, shaded by size and with the number in every cell; column
    headings (case names, say) are angled so long names fit. A ``None`` cell (the
    diagonal of a co-occurrence matrix) is left grey and empty."""
    row_chars = min(max((len(r) for r in rows), default=8), 40)
    label_w = min(row_chars * CHAR + 12, 280)
    col_chars = min(max((len(c) for c in columns), default=4), 34)
    cell = max(min((WIDTH - label_w - 10) / max(len(columns), 1), 34), 18)
    head_h = col_chars * CHAR * 0.72 + 16  # the height of a label at 45 degrees
    most = max((v or 0 for row in values for v in row), default=0)
    body: list[str] = []
    for j, column in enumerate(columns):
        x = label_w + (j + 0.5) * cell
        y = head_h - 6
        body.append(
            _text(
                x,
                y,
                _cut(column, col_chars),
                extra=f' transform="rotate(-45 {x:.1f} {y:.1f})"',
                full=column,
            )
        )
    for i, (label, row) in enumerate(zip(rows, values, strict=True)):
        y = head_h + i * cell
        body.append(_text(label_w - 6, y + cell / 2 + 4, _cut(label, 40), "end", full=label))
        for j, v in enumerate(row):
            x = label_w + j * cell
            fill = "#d0d0d0" if v is None else _shade(v, most)
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell:.1f}" height="{cell:.1f}" '
                f'fill="{fill}" stroke="#9a9a9a" stroke-width="0.5"/>'
            )
            if v is not None:
                dark = fill in SHADES[-2:]
                body.append(
                    _text(
                        x + cell / 2,
                        y + cell / 2 + 4,
                        str(v) if v else "·",
                        "middle",
                        ' fill="#fff"' if dark else (f' fill="{EMPTY}"' if not v else ""),
                    )
                )
    width = label_w + len(columns) * cell + 10 + col_chars * CHAR * 0.72
    height = head_h + len(rows) * cell + 6
    table = _table(
        title,
        [corner, *columns],
        [(r, *("" if v is None else v for v in row)) for r, row in zip(rows, values, strict=True)],
    )
    return Chart(title, _svg(title, max(width, 200), height, body, uid), table)


def trend(
    title: str,
    rows: Sequence[str],
    years: Sequence[int],
    values: Sequence[Sequence[int]],
    uid: str,
) -> Chart:
    """One row of columns per theme, one column per year: small multiples that need no
    legend and no colour to tell the themes apart. Each column carries its number."""
    label_w = min(min(max((len(r) for r in rows), default=8), 40) * CHAR + 12, 280)
    col = max(min((WIDTH - label_w - 10) / max(len(years), 1), 60), 22)
    row_h = 34
    head_h = 18
    most = max((v for row in values for v in row), default=0) or 1
    body = [
        _text(label_w + (j + 0.5) * col, head_h - 5, str(year), "middle", ' font-weight="bold"')
        for j, year in enumerate(years)
    ]
    for i, (label, row) in enumerate(zip(rows, values, strict=True)):
        base = head_h + (i + 1) * row_h - 4
        body.append(_text(label_w - 6, base - 4, _cut(label, 40), "end", full=label))
        body.append(
            f'<line x1="{label_w}" y1="{base}" x2="{label_w + len(years) * col:.1f}" '
            f'y2="{base}" stroke="#9a9a9a"/>'
        )
        for j, v in enumerate(row):
            h = (row_h - 16) * v / most
            x = label_w + j * col + col * 0.2
            if v:
                body.append(
                    f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{col * 0.6:.1f}" '
                    f'height="{h:.1f}" fill="{BAR}"/>'
                )
            body.append(
                _text(x + col * 0.3, base - h - 2, str(v) if v else "·", "middle", ' font-size="9"')
            )
    width = label_w + len(years) * col + 10
    height = head_h + len(rows) * row_h + 4
    table = _table(
        title,
        ["", *(str(y) for y in years)],
        [(r, *row) for r, row in zip(rows, values, strict=True)],
    )
    return Chart(title, _svg(title, width, height, body, uid), table)
