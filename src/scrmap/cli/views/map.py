"""The terminal view of `scrmap map`: each recommendation with its matches and evidence.

From 100 columns up, one table per recommendation; on a narrower terminal the same
content stacked, one match to a line, so that titles and evidence are never cut to a
few letters. Plain words throughout: the JSON keeps the matcher's names (cue, via).
"""

from __future__ import annotations

import re

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from scrmap.cli.views import QUIET, clean, stdout_console
from scrmap.formats import counted
from scrmap.formats.map import fit_words, not_assigned, why_not_kept
from scrmap.framework import Framework
from scrmap.records import MatchRecord, RecommendationRecord

WIDE = 100
"""Below this many columns the tables give way to the stacked layout."""

LEARNED = re.compile(r"\(learned ([+-]\d+(?:\.\d+)?)\)$")
"""The tag a learned word's evidence carries in the matcher's records."""


MATCHED = "bold underline"
"""The matched words of a recommendation: underlined, not coloured. Yellow, as they were,
is about 1.5:1 on a light terminal's white, and the words are the text itself."""


def _highlight(text: str, spans: list[tuple[int, int]]) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize(MATCHED, start, end)
    return out


Titles = dict[tuple[str, str], str]
"""Each quadrant's, standard's and theme's title by its kind ('quadrants', 'standards',
'themes') and id: a framework may give a standard and a theme one id ("self-neglect"), and
by id alone the standard was shown with the theme's title."""


def _rows(record: RecommendationRecord, threshold: int) -> list[tuple[str, str, MatchRecord]]:
    """Each row to show: what it is, the kind of item (for its title) and the match."""
    rows = [("quadrant", "quadrants", m) for m in record["quadrants"]]
    rows += [("standard", "standards", m) for m in record["standards"]]
    rows += [("theme", "themes", m) for m in record["themes"]]
    near = record.get("near_misses")
    if near:
        # A standard over the threshold that was not given was withheld or not kept, not
        # nearly missed.
        rows += [
            (not_assigned(record, "standards", m, threshold), "standards", m)
            for m in near["standards"]
        ]
        rows += [("near miss", "themes", m) for m in near["themes"]]
    return rows


def _evidence(kind: str, match: MatchRecord) -> str:
    """Why a match was made, in plain words: a quadrant is reached from its standards and
    themes; a standard or theme from the words of the text that matched its phrases."""
    if kind == "quadrant":
        return "from " + ", ".join(sorted({e.get("via") or "" for e in match["evidence"]}))
    # A phrase can be evidence twice (a framework phrase and a learned word): say it once,
    # in the framework phrase's place (they come first), with the learned weight if it has
    # one, and say that it is the framework's: shown as a learned word alone, its weight
    # stood out of the learned words' order, strongest first.
    shown: dict[str, tuple[bool, str]] = {}
    for e in match["evidence"]:
        learned = LEARNED.search(e["cue"])
        phrase = f"“{e['matched']}”"
        cue, weight = shown.get(phrase, (False, ""))
        shown[phrase] = (cue or not learned, weight or (learned.group(1) if learned else ""))
    return ", ".join(phrase + _tag(cue, weight) for phrase, (cue, weight) in shown.items())


def _tag(cue: bool, weight: str) -> str:
    """What a phrase of the evidence is, after it: nothing for a framework phrase alone."""
    if not weight:
        return ""
    return f" (framework phrase; learned weight {weight})" if cue else f" (learned weight {weight})"


def _said(record: RecommendationRecord, kind: str, match: MatchRecord) -> str:
    """The evidence column: why a standard over the threshold was not kept, then its words."""
    words = _evidence(kind, match)
    return f"{why_not_kept(record, match)}: {words}" if kind == "not kept" else words


def _fit(record: RecommendationRecord, threshold: int) -> str | None:
    """Plain words for whether the text could be given standards at all: shown with
    --explain when there is something to say, and whenever its standards were withheld."""
    fit = record.get("fit")
    if fit is None or (fit["score"] is None and not fit["outside"] and fit["fits"]):
        return None
    said = fit_words(fit, threshold)
    return f"{said}; standards withheld" if fit["withheld"] else said


def _heading(record: RecommendationRecord) -> str:
    source = record["source"]
    where = f"{source['file']}:{source['line']}" if source["line"] else source["file"]
    case = f" · {record['case']}" if record["case"] else ""
    return f"{record['id']}{case} · {where}"


def _text(record: RecommendationRecord) -> Text:
    spans = [
        (e["start"], e["end"])
        for m in record["standards"] + record["themes"]
        for e in m["evidence"]
    ]
    return _highlight(record["text"], spans)


QUIET_ROWS = ("near miss", "not kept")
"""Rows of what was scored but not assigned, shown quiet (`QUIET`); "withheld" stands out."""
UNMAPPED = "unmapped: no standard, theme or quadrant reached the threshold"
FIT_TITLE = "whether the text fits the framework at all"


def mapping_table(record: RecommendationRecord, titles: Titles, threshold: int) -> Table:
    """One recommendation as a table: each match; under it, the text with the evidence
    highlighted and what the scores mean."""
    table = Table(title=_heading(record), title_justify="left", show_lines=False, expand=False)
    table.add_column("", style=QUIET, no_wrap=True)
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title")
    table.add_column("score", justify="right")
    table.add_column("evidence (the words that matched)")
    rows = _rows(record, threshold)
    for kind, section, m in rows:
        table.add_row(
            kind,
            m["id"],
            titles.get((section, m["id"]), ""),
            str(m["score"]),
            _said(record, kind, m),
            style=QUIET if kind in QUIET_ROWS else None,
        )
    fit = _fit(record, threshold)
    if fit is not None:
        table.add_row("fit", "", FIT_TITLE, "", fit)
    elif not rows:
        table.add_row("", "—", UNMAPPED, "", "")
    table.caption = Text.assemble(_text(record), "\n", (score_note(threshold), QUIET))
    table.caption_justify = "left"
    return table


def mapping_stack(
    record: RecommendationRecord, titles: Titles, threshold: int, width: int = WIDE
) -> Group:
    """One recommendation stacked for a narrow terminal of `width` columns: heading, text,
    then each match on a line of its own with its score and evidence on the next."""
    parts: list[RenderableType] = [Text(_heading(record), style="bold"), _text(record)]
    rows = _rows(record, threshold)
    for kind, section, m in rows:
        style = QUIET if kind in QUIET_ROWS else ""
        label = Text(f"{kind} ", style=style or QUIET)
        label.append(m["id"], style=style or "bold")
        line = _hanging(label, Text(titles.get((section, m["id"]), ""), style=style), width)
        evidence = Text(f"score {m['score']} · {_said(record, kind, m)}", style=style)
        parts += [Padding(line, (0, 0, 0, 2)), Padding(evidence, (0, 0, 0, 6))]
    fit = _fit(record, threshold)
    if fit is not None:
        line = _hanging(Text("fit", style=QUIET), Text(FIT_TITLE), width, gap=1)
        parts += [Padding(line, (0, 0, 0, 2)), Padding(Text(fit), (0, 0, 0, 6))]
    elif not rows:
        parts.append(Padding(Text(UNMAPPED), (0, 0, 0, 2)))
    return Group(*parts)


def _hanging(label: Text, title: Text, width: int, gap: int = 2) -> RenderableType:
    """The label, then the title; a title too long for the line wraps under itself, not
    under the label, where its last words would read as the next match's label. A label
    as wide as half the line (a long theme id on a very narrow terminal) would leave the
    title a sliver, so then the title simply runs on after it."""
    if label.cell_len + gap > width // 2:
        return Text.assemble(label, " " * gap, title)
    grid = Table.grid(padding=(0, gap))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(label, title)
    return grid


def score_note(threshold: int) -> str:
    """What a score means, said once under the mappings."""
    return (
        f"Score: 0 to 100, how strongly the text matches; {threshold} or more assigns "
        "the standard, theme or quadrant."
    )


def show_mappings(
    records: list[RecommendationRecord], framework: Framework, threshold: int
) -> None:
    """Print each recommendation to stdout, as tables or stacked by the terminal's width,
    with what the scores mean (the count is `mapping_summary`, for stderr)."""
    titles: Titles = {
        (kind, item.id): clean(item.title)
        for kind in ("quadrants", "standards", "themes")
        for item in getattr(framework, kind)
    }
    console: Console = stdout_console()
    wide = console.width >= WIDE
    for record in clean(records):
        shown = (
            mapping_table(record, titles, threshold)
            if wide
            else mapping_stack(record, titles, threshold, console.width)
        )
        console.print(shown)
        console.print()
    if records and not wide:
        console.print(Text(score_note(threshold), style=QUIET))


def mapping_summary(records: list[RecommendationRecord]) -> str | None:
    """'3 recommendations, 2 mapped onto a standard, 1 unmapped'; None when nothing was
    read, where the problems say all there is to say."""
    if not records:
        return None
    mapped = sum(1 for r in records if r["standards"])
    return (
        f"{counted(len(records), 'recommendation')}, {mapped} mapped onto a standard, "
        f"{len(records) - mapped} unmapped"
    )
