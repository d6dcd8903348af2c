"""The coverage report as one self-contained HTML page for Board papers.

A Board member reads the first page and perhaps nothing else, so the page opens with a
one-page summary: the key messages, what was analysed (with the filters), the gaps, the
quadrant bars and the action plan's headline. The detail follows, and the evidence for
every mapping goes last, in an appendix.

Everything is inline: the stylesheet is in the page, the charts are SVG drawn by
scrmap, there are no scripts, fonts or images, and a Content-Security-Policy forbids
fetching anything, so the page opens the same on a laptop with no network and cannot
leak that it was opened. Every string that came from a file is escaped and its control
characters made visible (`display_text`). The print stylesheet sets A4 pages with the
title in the header, "Page x of y" in the footer and the protective marking on every
page; the same page typeset by WeasyPrint is the PDF.

Long libraries stay readable: lists are cut at a limit with a line that says how many
more there are and where to find them (the workbook holds everything), and the case
columns of the heatmap are drawn in groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from scrmap.actionplan import LABELS, STATES, State
from scrmap.defaults import WEAK_MATCH
from scrmap.formats import (
    NO_PLAN,
    by_kind,
    counted,
    filter_parts,
    incomplete,
    item_noun,
    items_title,
    learned_line,
    problem_file,
    quoted_problems,
    withheld_by_fit,
)
from scrmap.formats.display_text import html_text as _e
from scrmap.formats.display_text import visible
from scrmap.formats.svg_charts import Bar, Chart, bar_chart, heatmap, trend
from scrmap.records import (
    ActionRecord,
    EvidenceRecord,
    ItemRef,
    MatchRecord,
    RecommendationRecord,
    ReportRecord,
    RowRecord,
    Scored,
    StateCountsRecord,
    carries_no_plan,
)

LIST_LIMIT = 200
"""Rows of a list (unmapped, overdue, no status) shown before "and N more"."""
EVIDENCE_LIMIT = 500
"""Recommendations whose evidence the appendix shows; the workbook and CSV hold all."""
CASE_COLUMNS = 40
"""Cases per heatmap; more are drawn as further heatmaps."""
HEATMAP_CASES = 120
"""Cases drawn at most, those with most items first; the workbook has every case."""
REPEAT_GROUPS = 30
REPEAT_MEMBERS = 12
NAMED_CASES = 3
"""Case names a coverage row shows before "+N more"."""

_CSS = """
@page { size: A4; margin: 20mm 13mm 18mm;
  @top-left { content: __TITLE__; font: 8pt Arial, sans-serif; color: #444; }
  @top-right { content: __MARKING__; font: bold 9pt Arial, sans-serif; }
  @bottom-left { content: __MARKING__; font: bold 9pt Arial, sans-serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 8pt Arial, sans-serif; color: #444; } }
* { box-sizing: border-box; }
body { font: 10pt/1.4 "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 0 auto;
  max-width: 186mm; padding: 6mm 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
section.summary h3 { font-size: 13pt; margin: 4mm 0 2mm; border-bottom: 1px solid #888; }
p.meta { color: #444; margin: 0 0 3mm; }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.05em; border: 1px solid #1a1a1a;
  padding: 0.5mm; margin: 0 0 3mm; }
section.summary { break-after: page; }
ol.messages { margin: 0; padding: 2mm 4mm 2mm 9mm; border-left: 2mm solid #4a6f9e;
  background: #f2f5f9; font-size: 11pt; }
ol.messages li { margin: 0.6mm 0; }
dl.analysed { display: grid; grid-template-columns: 34mm minmax(0, 1fr); gap: 0.4mm 3mm;
  margin: 0; }
dl.analysed dt { font-weight: bold; } dl.analysed dd { margin: 0; overflow-wrap: anywhere; }
.columns { display: flex; flex-wrap: wrap; gap: 0 6mm; }
.columns > div { flex: 1 1 60mm; min-width: 0; }
ul.tight { margin: 0; padding-left: 5mm; } ul.tight li { margin: 0.3mm 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
tbody th { background: none; font-weight: normal; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.gap { font-weight: bold; }
tr.gap td, tr.gap th { background: repeating-linear-gradient(45deg, #fff 0 2mm, #eee 2mm 4mm); }
td.late { font-weight: bold; }
td.due { white-space: nowrap; }
table.states { font-size: 8.5pt; } table.states th.n { white-space: normal; width: 13mm; }
mark { background: #fff0a0; padding: 0 0.3mm; color: inherit; text-decoration: underline;
  text-decoration-thickness: 0.35mm; text-underline-offset: 0.5mm; }
.cue { color: #444; font-size: 8.5pt; }
.more { font-style: italic; color: #444; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; }
figure.chart figcaption { font-weight: bold; margin: 0 0 1mm; }
svg.chart { display: block; width: 100%; height: auto; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
div.unread { border: 1mm solid #1a1a1a; padding: 1mm 4mm 2mm; margin: 2mm 0 3mm; background: #fff; }
div.unread p.head { font-size: 12pt; font-weight: bold; margin: 1mm 0; }
div.unread p { margin: 1mm 0; }
section.appendix { break-before: page; }
@media screen { body { padding: 6mm 4mm; }
  .scroll, figure.chart { overflow-x: auto; position: relative; } }
@media print { .marking { display: none; } body { padding: 0; } }
"""


def _css_escape(char: str) -> str:
    # The space ends the escape and is consumed by it, so a real space after it stays.
    return f"\\{ord(char):06x} "


def css_string(text: str) -> str:
    """A CSS string that cannot end early or close the style element: every character
    but letters, digits and spaces is written as a CSS escape."""
    return (
        '"'
        + "".join(c if (c.isalnum() and c.isascii()) or c == " " else _css_escape(c) for c in text)
        + '"'
    )


def _long_date(iso: str | None) -> str:
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _spoken(shown: str, said: str) -> str:
    """``shown`` to the eye and ``said`` to a screen reader, for a symbol or a short form
    that a screen reader reads badly or not at all ("·" as "middle dot", "~" as "tilde",
    "Recs" as a word). Both are HTML already."""
    return f'<span aria-hidden="true">{shown}</span><span class="sr-only">{said}</span>'


def _table(caption: str, head: str, body: str, css_class: str = "") -> str:
    """A table with its caption for screen readers, which announce it on entering the table
    (the heading above it says the same to the eye), in a box that scrolls sideways on a
    narrow screen or at a large zoom, so that the page itself never does."""
    css = f' class="{css_class}"' if css_class else ""
    return (
        f'<div class="scroll"><table{css}><caption class="sr-only">{_e(caption)}</caption>'
        f"<thead>{head}</thead><tbody>{body}</tbody></table></div>"
    )


def _head(*cells: str) -> str:
    """A header row of column headings (HTML already; ``n:`` before one aligns it right
    as a number), each with its scope, so a screen reader reads a cell with its column."""
    return (
        "<tr>"
        + "".join(
            f'<th scope="col" class="n">{c[2:]}</th>'
            if c.startswith("n:")
            else f'<th scope="col">{c}</th>'
            for c in cells
        )
        + "</tr>"
    )


def _more(shown: int, total: int, where: str = "the workbook (-o report.xlsx)") -> str:
    if total <= shown:
        return ""
    return f'<p class="more">… and {total - shown} more: all are in {where}.</p>'


def _which(row: RowRecord) -> str:
    """The cases covering a row, without repeating long lists on every row."""
    if row["gap"]:
        return '<td class="gap">gap</td>'
    names = row["case_names"]
    shown = "; ".join(_e(n) for n in names[:NAMED_CASES])
    if len(names) > NAMED_CASES:
        shown += f' <span class="more">+{len(names) - NAMED_CASES} more</span>'
    return f"<td>{shown}</td>"


def _rows_table(rows: list[RowRecord], with_quadrant: bool, name: str, counts: str) -> str:
    """``name``: what the rows are ("Quadrants"); ``counts``: what each row counts, as a
    title (`items_title`)."""
    caption = f"{name}: {counts.lower()} and cases on each"
    head = _head(
        "Id",
        "Title",
        *(["Quadrant"] if with_quadrant else []),
        "n:" + (_spoken("Recs", counts) if counts == "Recommendations" else counts),
        "n:Cases",
        "Which cases",
    )
    body = []
    for row in rows:
        quadrant = f"<td>{_e(row.get('quadrant'))}</td>" if with_quadrant else ""
        body.append(
            f'<tr{" class=gap" if row["gap"] else ""}><th scope="row">{_e(row["id"])}</th>'
            f"<td>{_e(row['title'])}</td>{quadrant}"
            f'<td class="n">{row["recommendations"]}</td><td class="n">{row["cases"]}</td>'
            f"{_which(row)}</tr>"
        )
    return _table(caption, head, "".join(body))


def _bars(title: str, rows: list[RowRecord], uid: str, counts: str) -> Chart:
    """``counts``: what each bar counts, as a title (`items_title`)."""
    return bar_chart(
        title,
        [
            Bar(
                f"{r['id']} {r['title']}",
                r["recommendations"],
                f"in {counted(r['cases'], 'case')}" if r["cases"] else "",
            )
            for r in rows
        ],
        counts.lower(),
        uid,
    )


def _heatmaps(record: ReportRecord) -> str:
    """Themes down, cases across by name, in groups of `CASE_COLUMNS` cases."""
    counts = record["case_theme"]
    cases = list(counts)
    if len(cases) > HEATMAP_CASES:
        by_size = sorted(cases, key=lambda c: -sum(counts[c].values()))[:HEATMAP_CASES]
        cases = [c for c in cases if c in set(by_size)]
    themes = record["themes"]
    parts = []
    for start in range(0, len(cases), CASE_COLUMNS):
        group = cases[start : start + CASE_COLUMNS]
        title = f"{items_title(record['totals']['by_kind'])} on each theme, by case"
        if len(cases) > CASE_COLUMNS:
            title += f" ({start + 1} to {start + len(group)} of {len(cases)})"
        chart = heatmap(
            title,
            [t["title"] for t in themes],
            group,
            [[counts[c][t["id"]] for c in group] for t in themes],
            f"heat{start}",
            "Theme",
        )
        parts.append(chart.figure())
    shown = len(cases)
    if len(counts) > shown:
        parts.append(
            f'<p class="more">The {shown} cases with most items are drawn; '
            f"all {len(counts)} are in the workbook (-o report.xlsx).</p>"
        )
    return "".join(parts) or "<p>No cases.</p>"


def _cooccurrence(record: ReportRecord) -> str:
    pairs = {(*c["themes"],): c["recommendations"] for c in record["cooccurrence"]}
    if not pairs:
        return "<p>No two themes share a recommendation.</p>"
    used = [t for t in record["themes"] if any(t["id"] in p for p in pairs)]

    def count(a: str, b: str) -> int | None:
        return None if a == b else pairs.get((a, b), pairs.get((b, a), 0))

    chart = heatmap(
        f"{items_title(record['totals']['by_kind'])} assigned both themes",
        [t["title"] for t in used],
        [t["title"] for t in used],
        [[count(a["id"], b["id"]) for b in used] for a in used],
        "together",
    )
    return chart.figure()


def _trend(record: ReportRecord) -> str:
    by_year = record["themes_by_year"]
    if not by_year:
        return "<p>No case gives a publication date.</p>"
    years = sorted(by_year)
    themes = [t for t in record["themes"] if any(by_year[y][t["id"]] for y in years)]
    chart = trend(
        f"{items_title(record['totals']['by_kind'])} on each theme, by year of publication",
        [t["title"] for t in themes],
        [int(y) for y in years],
        [[by_year[y][t["id"]] for y in years] for t in themes],
        "trend",
    )
    undated = record["period"]["undated"]
    note = (
        f'<p class="cue">Undated, so not drawn: {"; ".join(_e(c) for c in undated)}.</p>'
        if undated
        else ""
    )
    return chart.figure() + note


def _highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with matched words in <mark>, every piece escaped on its own."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, last = [], 0
    for start, end in merged:
        out += [_e(text[last:start]), f"<mark>{_e(text[start:end])}</mark>"]
        last = end
    out.append(_e(text[last:]))
    return "".join(out)


_LEARNED = re.compile(r" \((learned [+-][0-9.]+)\)$")
"""The end of a learned word's evidence label ("abuse (learned +0.40)"), as the matcher
writes it: its weight is shown beside the words, as in every other output."""


def _evidence_words(e: EvidenceRecord) -> str:
    learned = _LEARNED.search(e["cue"])
    return f"“{_e(e['matched'])}”" + (f" {learned.group(1)}" if learned else "")


def _matches(matches: list[MatchRecord], titles: dict[str, str]) -> str:
    return "<br>".join(
        f"<b>{_e(m['id'])}</b> {_e(titles.get(m['id'], ''))} <b>{m['score']}</b> "
        + '<span class="cue">('
        + "; ".join(_evidence_words(e) for e in m["evidence"])
        + ")</span>"
        for m in matches
    )


def _evidence(record: ReportRecord) -> str:
    titles = {r["id"]: r["title"] for r in record["standards"] + record["themes"]}
    recs = record["recommendations"]
    weak = {(w["file"], w["line"], w["id"]) for w in record["weak"]}
    by_case: dict[str, list[RecommendationRecord]] = {}
    for rec in recs[:EVIDENCE_LIMIT]:
        by_case.setdefault(rec["case"] or "(no case)", []).append(rec)
    parts = []
    for case, items in by_case.items():
        rows = []
        for r in items:
            spans = [
                (e["start"], e["end"]) for m in r["standards"] + r["themes"] for e in m["evidence"]
            ]
            where = f"{r['source']['file']}:{r['source']['line']}" if r["source"]["line"] else ""
            weak_note = (
                "<br><i>weak match: check before counting</i>"
                if (r["source"]["file"], r["source"]["line"], r["id"]) in weak
                else ""
            )
            rows.append(
                f'<tr><th scope="row">{_e(r["id"])}<br><span class=cue>{_e(r["kind"])}</span></th>'
                f"<td>{_highlighted(r['text'], spans)}<br><span class=cue>{_e(where)}</span></td>"
                f"<td>{_matches(r['standards'], titles) or '<i>unmapped</i>'}{weak_note}</td>"
                f"<td>{_matches(r['themes'], titles)}</td></tr>"
            )
        head = _head("Id", "Text (matched words marked)", "Standards", "Themes")
        parts.append(
            f"<h3>{_e(case)}</h3>"
            + _table(f"Evidence for each mapping: {case}", head, "".join(rows))
        )
    parts.append(_more(EVIDENCE_LIMIT, len(recs), "the workbook and the CSV report"))
    return "".join(parts)


def _outside(words: list[str]) -> str:
    """Why an item's standards were withheld, when a subject outside the framework did it."""
    return "; outside the framework: " + ", ".join(_e(w) for w in words) if words else ""


def _nearest(nearest: list[Scored]) -> str:
    return ", ".join(_e(n["id"]) + f" ({n['score']})" for n in nearest) or "none"


def _list(items: Sequence[str], empty: str = "None.") -> str:
    """A bulleted list, cut at `LIST_LIMIT` with a count of the rest."""
    if not items:
        return f"<p>{empty}</p>"
    shown = items[:LIST_LIMIT]
    return (
        '<ul class="tight">'
        + "".join(f"<li>{i}</li>" for i in shown)
        + "</ul>"
        + _more(len(shown), len(items))
    )


def _filters(record: ReportRecord) -> str:
    parts = filter_parts(record["selection"], _e, _long_date)
    if parts:
        return "; ".join(parts)
    # "Every item read" would be false of a library with a file that could not be read.
    return "none" if record["input_problems"] else "none: every item read"


def _unread(record: ReportRecord) -> str:
    """The box that opens the summary when inputs gave problems: which files, how many
    problems, the first few of them, and how to see the rest."""
    files = record["input_problems"]
    if not files:
        return ""
    items = [
        f"<b>{_e(problem_file(f))}</b>"
        + '<ul class="tight cue">'
        + "".join(f"<li>{_e(line)}</li>" for line in quoted_problems(f))
        + "</ul>"
        for f in files
    ]
    return (
        f'<div class="unread" role="alert"><p class="head">{_e(incomplete(files))}.</p>'
        + _list(items)
        + "<p>Correct the files (<code>scrmap check FILE</code> lists every problem) and "
        "make the report again before relying on it.</p></div>"
    )


_NO_SHA = "no SHA-256: read from a pipe, or gone since"
"""Said where the framework file could not be read again for its digest."""


def _sha(digest: str) -> str:
    """A file's SHA-256 as a Board paper shows it: its first 12 digits, enough to tell an
    edited copy from the file it was copied from (the JSON and workbook give it whole)."""
    return f"SHA-256 {digest[:12]}"


def _not_read(record: ReportRecord) -> list[tuple[str, str]]:
    """The "What was analysed" row naming the files left out, if any were."""
    left_out = [f["file"] for f in record["input_problems"] if f["left_out"]]
    if not left_out:
        return []
    return [
        ("Not read", f"{counted(len(left_out), 'file')}: " + "; ".join(_e(f) for f in left_out))
    ]


def _analysed(record: ReportRecord) -> str:
    fw = record["framework"]
    t = record["totals"]
    period = record["period"]
    cases = [c["id"] for c in record["cases"]]
    case_text = f"{t['cases']:,}"
    if 0 < len(cases) <= 8:
        case_text += ": " + "; ".join(_e(c) for c in cases)
    if period["first"]:
        dates = f"{_long_date(period['first'])} to {_long_date(period['last'])}"
        if period["undated"]:
            dates += f" ({counted(len(period['undated']), 'case')} undated)"
    else:
        dates = "no case gives a publication date"
    rows = [
        ("Cases", case_text),
        ("Items", f"{t['recommendations']:,}{_e(by_kind(t['by_kind']))}"),
        ("Published", dates),
        (
            "Framework",
            f"{_e(fw['title'])} ({_e(fw['name'])}, version {_e(fw['version'])}"
            f", {_sha(fw['sha256']) if fw['sha256'] else _NO_SHA})",
        ),
        (
            "Learned weights",
            _e(learned_line(fw))
            + (f" {_sha(sha)}." if fw["learned"] and (sha := fw["learned"]["sha256"]) else ""),
        ),
        (
            "Settings",
            f"match threshold {_e(fw.get('threshold'))}; repeats at similarity "
            f"{record['similarity_threshold']} or more",
        ),
        *_not_read(record),
        ("Filters", _filters(record)),
        ("Report date", _long_date(record["action_plan"]["as_of"])),
    ]
    return '<dl class="analysed">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _gaps(record: ReportRecord) -> str:
    items = [
        f"<b>{_e(kind[:-1].capitalize())} {_e(r['id'])}</b> {_e(r['title'])}"
        if kind == "standards"
        else f"<b>{_e(kind[:-1].capitalize())}</b> {_e(r['title'])}"
        for kind, rows in record["gaps"].items()
        for r in rows
    ]
    return _list(items, empty="None: every quadrant, standard and theme is addressed.")


def _clipped(text: str, most: int) -> str:
    """``text`` in at most ``most`` characters, cut at a word ("provide the right
    services…", not "provide the right servic…")."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    word = cut.rsplit(" ", 1)[0]
    return (word if len(word) >= most // 2 else cut).rstrip(" ,;:") + "…"


def _glance(record: ReportRecord) -> str:
    t = record["totals"]
    plan = record["action_plan"]
    counts = plan["counts"]
    repeated = sum(len(g["members"]) for g in record["repeated"])
    lines = [
        f"<b>Repeats:</b> {counted(t['repeated_groups'], 'group')} of "
        f"{item_noun(t['by_kind'])}s that "
        f"are worded much the same across cases ({counted(repeated, 'item')}; check each)"
        + (
            " (more than listed: the search stopped at its limit)"
            if record["repeats_limited"]
            else ""
        ),
        f"<b>Unmapped:</b> {counted(t['unmapped'], 'item')} fit no standard",
    ]
    if t["weak"]:  # as the key message: only where there are any, to keep the page one page
        lines.append(
            f"<b>Weak matches:</b> {counted(t['weak'], 'item')} (best standard under "
            f"{WEAK_MATCH}; marked in Appendix A)"
        )
    if plan["actions"] and carries_no_plan(plan):
        lines.append(f"<b>Action plan:</b> {NO_PLAN.format(counted(plan['actions'], 'action'))}")
    elif plan["actions"]:
        # Every state an action is in, so the figures add up to the actions: without on
        # track and off track, "17 actions: 0 complete, 14 with no status" left three unsaid.
        states = [
            f"{counts[s.value]:,} {SHORT_LABELS[s].lower()}"
            for s in STATES
            if counts[s.value] or s is State.complete
        ]
        lines.append(
            f"<b>Action plan:</b> {counted(plan['actions'], 'action')}: "
            f"{', '.join(states)}; {plan['overdue']:,} overdue"
        )
    return _list(lines)


def _summary(record: ReportRecord, counts: str) -> str:
    """``counts``: what the figures count, as a title (`items_title`)."""
    messages = "".join(f"<li>{_e(m['text'])}.</li>" for m in record["key_messages"])
    quadrants = _bars(f"{counts} in each quadrant", record["quadrants"], "quadrants", counts)
    return f"""<section class="summary" aria-labelledby="summary">
<h2 id="summary">Summary</h2>
{_unread(record)}
<ol class="messages">{messages}</ol>
<h3>What was analysed</h3>
{_analysed(record)}
<div class="columns"><div><h3>Gaps</h3>{_gaps(record)}</div>
<div><h3>At a glance</h3>{_glance(record)}</div></div>
<h3>Coverage by quadrant</h3>
{quadrants.figure()}
{_counted_in_each(record)}
</section>"""


def _counted_in_each(record: ReportRecord) -> str:
    """Why the quadrants' and standards' figures add up to more than the items: a Board
    reader who adds them finds a total far over the headline's, and nothing said why."""
    t = record["totals"]
    noun = item_noun(t["by_kind"])
    article = "An" if noun[0] in "aeiou" else "A"
    return (
        f'<p class="more">{article} {noun} mapped to several quadrants, standards or themes '
        f"counts once in each, so the figures add up to more than the "
        f"{counted(t['recommendations'], noun)}.</p>"
    )


def _action_rows(actions: list[ActionRecord], late: bool, caption: str) -> str:
    head = _head(
        "Case / id", "Owner", "Due", *(["n:Days late"] if late else []), "Status", "Action"
    )
    rows = []
    for a in actions[:LIST_LIMIT]:
        text = _clipped(a["text"], 160)
        rows.append(
            f'<tr><th scope="row">{_e(a["case"])} <b>{_e(a["id"])}</b></th>'
            f"<td>{_e(a['owner']) or '<i>none named</i>'}</td><td class=due>{_e(a['due'])}</td>"
            + (f'<td class="n late">{a["days_overdue"]}</td>' if late else "")
            + f"<td>{_e(a['status']) or '<i>none</i>'}</td><td>{_e(text)}</td></tr>"
        )
    return _table(caption, head, "".join(rows)) + _more(
        LIST_LIMIT, len(actions), "the workbook's Action plan sheet"
    )


SHORT_LABELS = {
    State.complete: "Complete",
    State.on_track: "On track",
    State.partly_met: "Partly met",
    State.not_met: "Not met",
    State.not_started: "Not started",
    State.unrecognised: "Unknown status",
    State.no_status: "No status",
}
"""Column headings narrow enough for seven counts and a title across A4."""


NONE = _spoken("·", "0")
"""An empty count: a quiet dot to the eye, so the counts stand out; "0" to a screen reader."""


def _state_table(rows: list[StateCountsRecord], titles: dict[str, str], caption: str) -> str:
    shown = [r for r in rows if any(r["counts"].values())]
    if not shown:
        return "<p>No action is mapped here.</p>"
    head = _head("Standard or theme", *(f"n:{_e(SHORT_LABELS[s])}" for s in STATES))
    body = "".join(
        f'<tr><th scope="row"><b>{_e(r["id"])}</b> {_e(titles.get(r["id"], ""))}</th>'
        + "".join(f'<td class="n">{r["counts"][s.value] or NONE}</td>' for s in STATES)
        + "</tr>"
        for r in shown
    )
    return _table(caption, head, body, "states")


def _action_plan(record: ReportRecord) -> str:
    plan = record["action_plan"]
    if not plan["actions"]:
        return "<p>No recommendation in this selection carries an action.</p>"
    if carries_no_plan(plan):
        return f"<p>{NO_PLAN.format(counted(plan['actions'], 'action'))}</p>"
    chart = bar_chart(
        f"Actions by status at {_long_date(plan['as_of'])}",
        [Bar(LABELS[s], plan["counts"][s.value]) for s in STATES],
        "actions",
        "states",
        zero_is_gap=False,
    )
    titles = {r["id"]: r["title"] for r in record["standards"] + record["themes"]}
    unrecognised = plan["unrecognised"]
    words = sorted({a["status"] or "" for a in unrecognised})
    return (
        f"<p>{counted(plan['actions'], 'action')}: every recommendation, and any finding or "
        f"response that carries a status or a due date. Overdue means due before "
        f"{_long_date(plan['as_of'])} and not complete.</p>"
        + chart.figure()
        + f"<h3>Overdue actions ({len(plan['overdue_actions'])}), longest overdue first</h3>"
        + (
            _action_rows(plan["overdue_actions"], True, "Overdue actions")
            if plan["overdue_actions"]
            else "<p>None.</p>"
        )
        + f"<h3>Actions with no status ({len(plan['no_status'])})</h3>"
        + (
            _action_rows(plan["no_status"], False, "Actions with no status")
            if plan["no_status"]
            else "<p>None.</p>"
        )
        + (
            f"<h3>Status words not recognised ({len(unrecognised)})</h3><p>"
            + ", ".join(f"“{_e(w)}”" for w in words)
            + ". Add them under <code>statuses:</code> in <code>.scrmap.yaml</code>.</p>"
            if unrecognised
            else ""
        )
        + "<h3>By practice standard</h3>"
        + _state_table(plan["by_standard"], titles, "Actions by status, by practice standard")
        + "<h3>By key theme</h3>"
        + _state_table(plan["by_theme"], titles, "Actions by status, by key theme")
    )


def _named(item: ItemRef) -> str:
    """An item of a repeated pair by its case and id: ids alone ("2 ~ 1") are numbers that
    every action plan and list repeats, and name no one item."""
    return f"{item['case']} {item['id']}"


SIMILAR = _spoken("~", "is like")
"""Between the two items of a repeated pair, as every output writes it."""


def _repeated(record: ReportRecord) -> str:
    groups = []
    for number, group in enumerate(record["repeated"][:REPEAT_GROUPS], start=1):
        members = "".join(
            f'<tr><th scope="row">{_e(m["case"])}</th><td>{_e(m["id"])}</td>'
            f"<td>{_e(m['text'])}</td></tr>"
            for m in group["members"][:REPEAT_MEMBERS]
        )
        pairs = "".join(
            f"<li>{_e(_named(p['a']))} {SIMILAR} {_e(_named(p['b']))}: "
            f"similarity {p['similarity']}; "
            f"shared words: {_e(', '.join(p['shared_words']))}; both map to "
            f"{_e(', '.join(p['shared_items']))}</li>"
            for p in group["pairs"][:REPEAT_MEMBERS]
        )
        heading = (
            f"Group {number}: similarity {group['similarity']}, "
            f"{counted(len(group['members']), 'item')}"
        )
        groups.append(
            f"<h3>{heading}</h3>"
            + _table(f"Repeated recommendations, {heading}", _head("Case", "Id", "Text"), members)
            + _more(REPEAT_MEMBERS, len(group["members"]))
            + f"<ul class=cue>{pairs}</ul>"
        )
    groups.append(_more(REPEAT_GROUPS, len(record["repeated"])))
    if record["repeats_limited"]:
        groups.append(
            '<p class="more">The search for repeats stopped at its limit: this library '
            "repeats itself so much that not every pair is listed. A higher --similarity "
            "finds the closest.</p>"
        )
    return "".join(groups) or "<p>None.</p>"


def render(record: ReportRecord) -> str:
    """The whole report page."""
    fw = record["framework"]
    counts = items_title(record["totals"]["by_kind"])
    title = f"Coverage of {fw['title']}"
    as_of = _long_date(record["action_plan"]["as_of"])
    marking = record["marking"] or ""
    css = _CSS.replace("__TITLE__", css_string(visible(f"{title}, {as_of}"))).replace(
        "__MARKING__", css_string(visible(marking))
    )
    banner = f'<p class="marking">{_e(marking)}</p>' if marking else ""
    unmapped = _list(
        [
            f"<b>{_e(u['case'])} {_e(u['id'])}</b>: {_e(u['text'])} "
            f"<span class=cue>nearest: {_nearest(u['nearest'])}"
            f"{_outside(u['outside'])}"
            + "".join(f"; {_e(w)}" for w in [withheld_by_fit(u, fw.get("threshold"))] if w)
            + "</span>"
            for u in record["unmapped"]
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{css}</style>
</head>
<body>
{banner}
<h1>{_e(title)}</h1>
<p class="meta">Report date {as_of}. Made by scrmap; the evidence for every mapping is in
Appendix A.</p>
{_summary(record, counts)}
<h2>1. Coverage</h2>
{_bars(f"{counts} on each practice standard", record["standards"], "standards", counts).figure()}
<h3>Quadrants</h3>
{_rows_table(record["quadrants"], False, "Quadrants", counts)}
<h3>Practice standards</h3>
{_rows_table(record["standards"], True, "Practice standards", counts)}
<h3>Key themes</h3>
{_rows_table(record["themes"], True, "Key themes", counts)}
<h2>2. Action plan progress</h2>
{_action_plan(record)}
<h2>3. Themes by case</h2>
{_heatmaps(record)}
<h2>4. Themes that occur together</h2>
{_cooccurrence(record)}
<h2>5. Themes by year of publication</h2>
{_trend(record)}
<h2>6. Unmapped: candidates for reviewing the framework</h2>
{unmapped}
<h2>7. Repeated recommendations</h2>
{_repeated(record)}
<section class="appendix">
<h2>Appendix A. Evidence for each mapping</h2>
{_evidence(record)}
</section>
{banner}
</body>
</html>
"""
