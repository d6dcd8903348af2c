"""The one plain-data form of a mapping that every output format is built from.

The JSON contract (README, "JSON output of scrmap map") is this structure; the
other formats flatten it. Keeping one intermediate means the formats cannot
disagree about what was matched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrmap.framework import Framework
from scrmap.map_formats import jsonl_line
from scrmap.matcher import Match, Result
from scrmap.recommendation import Recommendation


def framework_record(framework: Framework, path: Path) -> dict[str, Any]:
    """Which framework produced the mapping, so a stored result can be traced."""
    return {
        "name": framework.name,
        "title": framework.title,
        "version": framework.version,
        "path": str(path),
    }


def _match_record(match: Match, with_via: bool) -> dict[str, Any]:
    evidence = []
    for e in match.evidence:
        item: dict[str, Any] = {"cue": e.cue, "matched": e.matched, "start": e.start, "end": e.end}
        if with_via:
            item["via"] = e.via
        evidence.append(item)
    return {"id": match.id, "score": match.score, "evidence": evidence}


def recommendation_record(
    rec: Recommendation, result: Result, top: int | None = None, explain: bool = False
) -> dict[str, Any]:
    """One recommendation with its assigned quadrants, standards and themes, best first."""
    record: dict[str, Any] = {
        "id": rec.id,
        "source": {"file": rec.source.file, "line": rec.source.line},
        "case": rec.case,
        "kind": rec.kind,
        "text": rec.text,
    }
    for kind in ("quadrants", "standards", "themes"):
        assigned = result.assigned(kind)[:top]
        record[kind] = [_match_record(m, kind == "quadrants") for m in assigned]
    if explain:
        record["near_misses"] = {
            kind: [_match_record(m, False) for m in result.near_misses(kind)[:top]]
            for kind in ("standards", "themes")
        }
    return record


def recommendation_line(
    rec: Recommendation, result: Result, top: int | None = None, explain: bool = False
) -> str:
    """The record as a line of JSON Lines: made where the matching runs, so that a worker
    process encodes its own results and the main process only writes them."""
    return jsonl_line(recommendation_record(rec, result, top, explain))


def map_document(
    framework: dict[str, Any], records: list[dict[str, Any]], threshold: int
) -> dict[str, Any]:
    """The whole output of `scrmap map`: the framework used and every recommendation."""
    return {"framework": {**framework, "threshold": threshold}, "recommendations": records}
