"""Formats of `scrmap map`, each a pure function of the map document."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import orjson

from scrmap.display import inert_json, terminal, yaml_string
from scrmap.formats import Renderer, fits_the_framework, json_text
from scrmap.formats.cells import csv_text, evidence_cell, ids_cell, md_cell
from scrmap.formats.choices import MapFormat
from scrmap.records import (
    FitRecord,
    MapDocument,
    MatchRecord,
    NearMisses,
    RecommendationRecord,
    recommendation_record,
)
from scrmap.text import first_spellings

if TYPE_CHECKING:
    from scrmap.matcher import Result
    from scrmap.recommendation import Recommendation


TERMINAL = MapFormat.table


def to_json(document: MapDocument) -> str:
    """The stable JSON contract, pretty-printed."""
    return json_text(document)


def jsonl_line(record: RecommendationRecord) -> bytes:
    """One recommendation record as a line of JSON Lines, in UTF-8.

    orjson writes what ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``
    writes (the records hold only strings, integers, None, lists and string-keyed dicts,
    where the two agree byte for byte; a test holds them equal), several times faster;
    then, as `json_text`, nothing in it acts on a terminal (`inert_json`).
    """
    line = orjson.dumps(record)
    # DEL is ASCII, and orjson leaves it raw as JSON allows; the rest to escape is not.
    if not line.isascii() or b"\x7f" in line:
        line = inert_json(line.decode()).encode()
    return line + b"\n"


def recommendation_line(
    rec: Recommendation, result: Result, top: int | None = None, explain: bool = False
) -> bytes:
    """A mapping as a line of JSON Lines: made where the matching runs, so that a worker
    process encodes its own results and the main process only writes them."""
    return jsonl_line(recommendation_record(rec, result, top, explain))


def to_jsonl(document: MapDocument) -> str:
    """One recommendation object per line, for streaming large corpora."""
    return b"".join(jsonl_line(r) for r in document["recommendations"]).decode()


CSV_COLUMNS = [
    "id",
    "file",
    "line",
    "case",
    "kind",
    "text",
    "quadrants",
    "standards",
    "themes",
    "top_standard",
    "evidence",
]


def withheld_note(record: RecommendationRecord) -> str:
    """'standards withheld: ...' where the record's standards were withheld, else "": the
    reason a flat row with no standards would otherwise not give."""
    fit = record.get("fit")
    return f"standards withheld: {fit_words(fit)}" if fit is not None and fit["withheld"] else ""


def mappings_csv(
    records: Sequence[RecommendationRecord], before: Sequence[Sequence[object]] = ()
) -> str:
    """One row per recommendation, after the rows ``before``; lists are 'id (score)'
    joined by '; '."""
    return csv_text(
        CSV_COLUMNS,
        chain(
            before,
            (
                [
                    r["id"],
                    r["source"]["file"],
                    r["source"]["line"],
                    r["case"],
                    r["kind"],
                    r["text"],
                    ids_cell(r["quadrants"]),
                    ids_cell(r["standards"]),
                    ids_cell(r["themes"]),
                    r["standards"][0]["id"] if r["standards"] else "",
                    "; ".join(
                        part
                        for part in (evidence_cell(r["standards"] + r["themes"]), withheld_note(r))
                        if part
                    ),
                ]
                for r in records
            ),
        ),
    )


def to_csv(document: MapDocument) -> str:
    """Every recommendation as a CSV row."""
    return mappings_csv(document["recommendations"])


def mappings_markdown(records: Sequence[RecommendationRecord], heading: str) -> str:
    """A table for documents: one row per recommendation, evidence quoted."""
    lines = [
        heading,
        "",
        "| Recommendation | Text | Quadrants | Standards | Themes | Evidence |",
        "|---|---|---|---|---|---|",
    ]
    for r in records:
        where = (
            f"{r['source']['file']}:{r['source']['line']}"
            if r["source"]["line"]
            else (r["source"]["file"])
        )
        parts = [
            f"{m['id']}: " + ", ".join(f"“{e['matched']}” ({e['cue']})" for e in m["evidence"])
            for m in r["standards"] + r["themes"]
        ]
        evidence = "; ".join(p for p in (*parts, withheld_note(r)) if p)
        cells = [
            f"{r['id']} ({where})",
            r["text"],
            ids_cell(r["quadrants"]),
            ids_cell(r["standards"]),
            ids_cell(r["themes"]),
            evidence,
        ]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def to_markdown(document: MapDocument) -> str:
    """The mapping as a Markdown document headed by the framework's title."""
    heading = f"# Mapping onto {md_cell(document['framework']['title'])}"
    return mappings_markdown(document["recommendations"], heading)


def not_assigned(
    record: RecommendationRecord, kind: str, match: MatchRecord, threshold: int
) -> str:
    """Why a scored standard or theme of the record was not assigned: "near miss" (under
    the threshold), "withheld" (the text may be given no standard), or "not kept" (over
    the threshold, but beyond the most a recommendation is given, or far below its best)."""
    if match["score"] < threshold or kind != "standards":
        return "near miss"
    fit = record.get("fit")
    if fit is not None and not fit["fits"]:
        return "withheld"
    return "not kept"


def why_not_kept(record: RecommendationRecord, match: MatchRecord) -> str:
    """Why a standard over the threshold was "not kept", in plain words."""
    from scrmap.matcher import KEEP_RELATIVE, MAX_STANDARDS

    best = record["standards"][0]["score"] if record["standards"] else 0
    if match["score"] < best * KEEP_RELATIVE:
        return f"over the threshold, but under {KEEP_RELATIVE:g} of the best ({best})"
    return f"over the threshold, but {MAX_STANDARDS} standards score as high or higher"


def _gold_comment(record: RecommendationRecord, threshold: int) -> list[str]:
    """Each assigned and nearly assigned item with its score and the words behind it."""
    lines = []
    empty: NearMisses = {"standards": [], "themes": []}
    near = record.get("near_misses", empty)
    fit = record.get("fit")
    if fit is not None and fit["withheld"]:
        lines.append(f"    # standards withheld: {fit_words(fit, threshold)}")
    for kind in ("standards", "themes"):
        for assigned, matches in ((True, record[kind]), (False, near[kind][:3])):
            for m in matches:
                words = ", ".join(f"{e['cue']} = {e['matched']!r}" for e in m["evidence"][:4])
                flag = ""
                if not assigned:
                    why = not_assigned(record, kind, m, threshold)
                    if why == "near miss":
                        why = "under the threshold"
                    elif why == "not kept":
                        why = why_not_kept(record, m)
                    flag = f" ({why})"
                lines.append(f"    # {m['id']} {m['score']}{flag}: {words}")
    # A line break in an id, cue or matched phrase would end the comment, and what followed
    # it would not be YAML: the file could not be read back.
    return [_one_line(line) for line in lines]


def _one_line(text: str) -> str:
    """``text`` with each run of white space, line breaks included, as one space (keeping
    the indent before a comment), and what would act on a terminal shown as ``[U+001B]``."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    return indent + terminal(" ".join(text.split()))


def fit_words(fit: FitRecord, threshold: int | None = None) -> str:
    """Why a text's standards were withheld, or how well it fits, in plain words: the fit
    with learned weights, and the words naming a subject outside the framework."""
    said = []
    if fit["score"] is not None:
        said.append(fits_the_framework(fit["score"], threshold))
    if fit["outside"]:
        words = ", ".join(f"“{w}”" for w in first_spellings(e["matched"] for e in fit["outside"]))
        said.append(f"names a subject outside it: {words}")
    return "; ".join(said) or "no evidence it fits"


def to_gold(document: MapDocument) -> str:
    """A gold file (`scrmap schema gold`) holding scrmap's own mapping, for a reviewer to
    correct: each item's labels are what scrmap assigned, with the scores and evidence as
    comments. The corrected file is what `evaluate`, `framework learn` and
    `framework suggest-cues` read."""
    title = document["framework"]["title"]
    lines = [
        _one_line(f"# Written by `scrmap map -f gold` against {title}."),
        "# Correct each item's standards (the best first, at most three; none when nothing",
        "# fits) and themes, then: scrmap evaluate FILE; scrmap framework learn FILE.",
        "name: mapped",
        f"description: {json.dumps('Mapped by scrmap onto ' + title + ', for correction.')}",
        "items:",
    ]
    seen: set[str] = set()
    for r in document["recommendations"]:
        item_id = r["id"] if r["id"] not in seen else f"{r['source']['file']}:{r['id']}"
        seen.add(item_id)
        where = r["source"]["file"] + (f":{r['source']['line']}" if r["source"]["line"] else "")
        lines += [
            f"  - id: {yaml_string(item_id)}",
            f"    source: {yaml_string(where)}",
            f"    text: {yaml_string(r['text'])}",
            *_gold_comment(r, document["framework"]["threshold"]),
            f"    standards: {json.dumps([m['id'] for m in r['standards']])}",
            f"    themes: {json.dumps([m['id'] for m in r['themes']])}",
        ]
    return "\n".join(lines) + "\n"


RENDERERS: dict[MapFormat, Renderer[MapDocument, str]] = {
    MapFormat.json: to_json,
    MapFormat.jsonl: to_jsonl,
    MapFormat.csv: to_csv,
    MapFormat.markdown: to_markdown,
    MapFormat.gold: to_gold,
}
