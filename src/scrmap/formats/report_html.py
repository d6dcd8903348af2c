"""The coverage report as one self-contained HTML page for Board papers.

Everything is inline: the stylesheet is in the page, there are no scripts, fonts or
images, and a Content-Security-Policy forbids fetching anything, so the page opens the
same on a laptop with no network and cannot leak that it was opened. Every string that
came from a recommendation file is escaped. The print stylesheet sets A4 pages, repeats
table headers and keeps rows whole, and keeps the heatmap's colours when printed.
"""

from __future__ import annotations

from html import escape

from scrmap.formats import by_kind, counted
from scrmap.records import MatchRecord, RecommendationRecord, ReportRecord, RowRecord, Scored

_CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 0 auto;
  max-width: 186mm; padding: 8mm 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 1mm; break-after: avoid; }
p.meta { color: #555; margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
td.n { text-align: right; white-space: nowrap; }
td.gap { color: #a40000; font-weight: bold; }
tr.gap td { background: #fff3f3; }
table.heat td { text-align: center; width: 12mm; }
table.heat td:first-child { text-align: left; width: auto; }
table.heat th.case { font-weight: normal; font-size: 8pt; }
.h0 { background: #ffffff; color: #999; } .h1 { background: #d7f0d0; }
.h2 { background: #a8dca0; } .h3 { background: #6fc06a; } .h4 { background: #3a9a3f; color: #fff; }
mark { background: #fff0a0; padding: 0 0.3mm; }
.cue { color: #555; font-size: 8.5pt; }
ul.legend { columns: 2; font-size: 8.5pt; color: #444; padding-left: 5mm; }
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _heat(count: int) -> str:
    return f"h{min(count, 4)}"


def _rows_table(rows: list[RowRecord], with_quadrant: bool) -> str:
    head = "<tr><th>Id</th><th>Title</th>" + ("<th>Quadrant</th>" if with_quadrant else "")
    head += "<th>Recs</th><th>Cases</th><th>Which cases</th></tr>"
    body = []
    for row in rows:
        quadrant = f"<td>{_e(row.get('quadrant'))}</td>" if with_quadrant else ""
        which = (
            '<td class="gap">gap</td>'
            if row["gap"]
            else f"<td>{'; '.join(_e(c) for c in row['case_names'])}</td>"
        )
        body.append(
            f"<tr{' class=gap' if row['gap'] else ''}><td>{_e(row['id'])}</td>"
            f"<td>{_e(row['title'])}</td>{quadrant}"
            f'<td class="n">{row["recommendations"]}</td><td class="n">{row["cases"]}</td>'
            f"{which}</tr>"
        )
    return f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def _heatmap(record: ReportRecord) -> str:
    cases = list(record["case_theme"])
    head = "<tr><th>Theme</th>" + "".join(
        f'<th class="case" title="{_e(c)}">C{n}</th>' for n, c in enumerate(cases, start=1)
    )
    rows = []
    for theme in record["themes"]:
        cells = "".join(
            f'<td class="{_heat(n)}">{n or "·"}</td>'
            for n in (record["case_theme"][c][theme["id"]] for c in cases)
        )
        rows.append(f"<tr><td>{_e(theme['title'])}</td>{cells}</tr>")
    legend = "".join(f"<li>C{n}: {_e(c)}</li>" for n, c in enumerate(cases, start=1))
    return (
        f'<table class="heat"><thead>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f'<ul class="legend">{legend}</ul>'
    )


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


def _matches(matches: list[MatchRecord]) -> str:
    return "<br>".join(
        f"<b>{_e(m['id'])}</b> {m['score']} "
        + '<span class="cue">('
        + "; ".join(f"“{_e(e['matched'])}”" for e in m["evidence"])
        + ")</span>"
        for m in matches
    )


def _evidence(record: ReportRecord) -> str:
    parts = []
    by_case: dict[str, list[RecommendationRecord]] = {}
    for rec in record["recommendations"]:
        by_case.setdefault(rec["case"] or "(no case)", []).append(rec)
    for case, recs in by_case.items():
        rows = []
        for r in recs:
            spans = [
                (e["start"], e["end"]) for m in r["standards"] + r["themes"] for e in m["evidence"]
            ]
            where = f"{r['source']['file']}:{r['source']['line']}" if r["source"]["line"] else ""
            rows.append(
                f"<tr><td>{_e(r['id'])}<br><span class=cue>{_e(r['kind'])}</span></td>"
                f"<td>{_highlighted(r['text'], spans)}<br><span class=cue>{_e(where)}</span></td>"
                f"<td>{_matches(r['standards']) or '<i>unmapped</i>'}</td>"
                f"<td>{_matches(r['themes'])}</td></tr>"
            )
        parts.append(
            f"<h3>{_e(case)}</h3><table><thead><tr><th>Id</th><th>Text (matched words marked)"
            f"</th><th>Standards</th><th>Themes</th></tr></thead><tbody>{''.join(rows)}"
            "</tbody></table>"
        )
    return "".join(parts)


def _nearest(nearest: list[Scored]) -> str:
    return ", ".join(_e(n["id"]) + f" ({n['score']})" for n in nearest) or "none"


def _list(items: list[str], empty: str = "None.") -> str:
    return (
        "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else f"<p>{empty}</p>"
    )


def render(record: ReportRecord, generated: str | None = None) -> str:
    """The whole report page. ``generated`` (a date, say) goes in the header if given."""
    fw = record["framework"]
    t = record["totals"]
    stamp = f"Generated {_e(generated)} by scrmap. " if generated else "Generated by scrmap. "
    gaps = _list(
        [
            f"{_e(kind.capitalize())}: "
            + (", ".join(f"{_e(r['id'])} {_e(r['title'])}" for r in rows) or "none")
            for kind, rows in record["gaps"].items()
        ]
    )
    unmapped = _list(
        [
            f"<b>{_e(u['case'])} {_e(u['id'])}</b>: {_e(u['text'])} "
            f"<span class=cue>nearest: {_nearest(u['nearest'])}</span>"
            for u in record["unmapped"]
        ]
    )
    cooccurrence = _list(
        [
            f"{_e(c['themes'][0])} + {_e(c['themes'][1])}: {c['recommendations']}"
            for c in record["cooccurrence"]
        ]
    )
    groups = []
    for number, group in enumerate(record["repeated"], start=1):
        members = "".join(
            f"<tr><td>{_e(m['case'])}</td><td>{_e(m['id'])}</td><td>{_e(m['text'])}</td></tr>"
            for m in group["members"]
        )
        pairs = "".join(
            f"<li>{_e(p['a']['id'])} ~ {_e(p['b']['id'])}: similarity {p['similarity']}; "
            f"shared words: {_e(', '.join(p['shared_words']))}; both map to "
            f"{_e(', '.join(p['shared_items']))}</li>"
            for p in group["pairs"]
        )
        groups.append(
            f"<h3>Group {number}: similarity {group['similarity']}</h3><table><thead><tr>"
            f"<th>Case</th><th>Id</th><th>Text</th></tr></thead><tbody>{members}</tbody>"
            f"</table><ul class=cue>{pairs}</ul>"
        )
    repeated = "".join(groups) or "<p>None.</p>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coverage of {_e(fw["title"])}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Coverage of {_e(fw["title"])}</h1>
<p class="meta">{stamp}Framework {_e(fw["name"])} version {_e(fw["version"])};
match threshold {_e(fw.get("threshold"))}; repeats at similarity
{_e(record["similarity_threshold"])} or more.</p>
<p><b>{counted(t["recommendations"], "recommendation")}</b>{_e(by_kind(t["by_kind"]))} from
<b>{counted(t["cases"], "case")}</b>:
{t["mapped"]} mapped, {t["unmapped"]} unmapped. Covered: {t["quadrants_covered"]} of
{t["quadrants"]} quadrants, {t["standards_covered"]} of {t["standards"]} practice standards,
{t["themes_covered"]} of {t["themes"]} key themes.</p>
<h2>Quadrants</h2>
{_rows_table(record["quadrants"], False)}
<h2>Practice standards</h2>
{_rows_table(record["standards"], True)}
<h2>Key themes</h2>
{_rows_table(record["themes"], True)}
<h2>Themes by case</h2>
{_heatmap(record)}
<h2>Gaps</h2>
{gaps}
<h2>Unmapped: candidates for reviewing the framework</h2>
{unmapped}
<h2>Themes that occur together</h2>
{cooccurrence}
<h2>Repeated recommendations</h2>
{repeated}
<h2>Evidence for each mapping</h2>
{_evidence(record)}
</body>
</html>
"""
