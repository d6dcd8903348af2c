"""Word documents: the numbered paragraphs under a "Recommendations" heading."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrmap.errors import Problem
from scrmap.recommendation import Recommendation, Source
from scrmap.sources._base import Found, SourceFile
from scrmap.sources.text_file import GENERIC_HEADINGS, ITEM


def load_docx(path: Path, name: str) -> Found:
    """Numbered paragraphs under a 'Recommendations' heading, else every paragraph.

    The 'line' of a Word recommendation is its paragraph number in the document.
    """
    import zipfile

    import docx  # python-docx: imported here so other commands start fast
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        return [], [Problem(name, None, None, f"not a readable Word .docx file ({exc})")]
    except OSError as exc:
        return [], [Problem(name, None, None, f"cannot read: {exc.strerror or exc}")]
    except Exception as exc:  # lxml and python-docx raise many kinds on bad XML
        msg = f"not a readable Word .docx file ({type(exc).__name__}: {exc})"
        return [], [Problem(name, None, None, msg)]
    paragraphs = [(i, p) for i, p in enumerate(document.paragraphs, start=1) if p.text.strip()]

    def is_heading(p: Any) -> bool:
        style = (p.style.name if p.style is not None else "") or ""
        return style.startswith("Heading") or style == "Title"

    def is_numbered(p: Any) -> bool:
        style = (p.style.name if p.style is not None else "") or ""
        has_num = p._p.pPr is not None and p._p.pPr.numPr is not None
        return has_num or style.startswith("List") or bool(ITEM.match(p.text))

    case = next(
        (
            p.text.strip()
            for _, p in paragraphs
            if is_heading(p) and not GENERIC_HEADINGS.match(p.text.strip())
        ),
        path.stem,
    )
    start = next(
        (
            k
            for k, (_, p) in enumerate(paragraphs)
            if is_heading(p) and "recommendation" in p.text.lower()
        ),
        None,
    )
    if start is None:
        chosen = [(i, p) for i, p in paragraphs if not is_heading(p)]
    else:
        chosen = []
        for i, p in paragraphs[start + 1 :]:
            if is_heading(p):
                break
            chosen.append((i, p))
        numbered = [(i, p) for i, p in chosen if is_numbered(p)]
        chosen = numbered or chosen
    recs = []
    for index, (i, p) in enumerate(chosen, start=1):
        item = ITEM.match(p.text)
        body = item.group("text") if item else p.text
        recs.append(Recommendation(str(index), " ".join(body.split()), Source(name, i), case))
    if not recs:
        return [], [Problem(name, None, None, "no recommendations found in the document")]
    return recs, []


def load(file: SourceFile) -> Found:
    """The registry's entry: python-docx opens the file itself."""
    return load_docx(file.path, file.name)
