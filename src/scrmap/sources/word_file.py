"""Word documents, laid out as Lead Reviewers write them.

The recommendations section starts at a heading that names recommendations: a Heading
style, or a short paragraph in bold, as many drafts have. It ends at the next such
heading of its level or higher (a deeper one is a sub-heading in it, a bold paragraph
being deeper than any Heading style), at a heading of back matter ("Appendix 1",
"Glossary") at any level, or at a section break, so appendices are not read;
but not at a section break followed by a table or a label, which sets the
recommendations on landscape pages. A heading that names a summary ("Summary of
recommendations", "Key recommendations"), or sits under one ("Executive summary"), starts it
only if no other heading names recommendations. In it,
recommendations are the rows of a table with a column of recommendation text (its other
columns recognised as in spreadsheets: number, lead agency, target date ...; rows under a
recommendation's merged cell are part of it, `_table.merged_into_above`), paragraphs
labelled "Recommendation 1: ..." (the label is not part of the text; its number is the id), and
numbered or bulleted paragraphs (a deeper list level is part of the item above it); a
label with no text of its own, or a short title ("Recommendation 1 \u2013 Fathers"), as a
heading or a paragraph, over the paragraphs that are the recommendation (`_under_labels`);
failing those, every paragraph of the section. Without such a heading the whole document
is read the same way, headings and the title left out. Text is read as Word shows it with
tracked changes accepted and content controls opened (`_unwrap_controls`), hidden text,
text boxes and a table of contents left out, and a tab or line break after a label read as
a colon. A heading is what Word's navigation pane lists as one (`Styles.heading_rank`). The
number Word's numbering shows in front of a list paragraph or a table's cell is read with
it (`Numbering`), and an item's id is its label's or that number, as in Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from scrmap.errors import Problem, unreadable
from scrmap.limits import Limits
from scrmap.recommendation import FROM_COLOUR, Recommendation, Source
from scrmap.sources import _table
from scrmap.sources._base import Found, SourceFile, not_a_zip
from scrmap.sources._word_numbering import Numbering
from scrmap.sources._word_styles import Styles, number
from scrmap.sources._word_styles import W as _W
from scrmap.sources.excel_file import rating
from scrmap.sources.text_file import (
    BACK_MATTER,
    GENERIC_HEADINGS,
    ITEM,
    LOOKS_LABELLED,
    REVIEW_NAME,
    SUMMARY,
    beside_items,
    dated_as_published,
    heading_is_recommendation,
    introduces,
    named_review,
    publication_days,
    read_label,
    reported_beside,
    short_heading,
    title_label,
    unread,
    with_title,
)
from scrmap.text import one_line

_BOLD_RANK = 10
"""A bold paragraph's heading level: below every Heading style, so bold "Health" and
"Police" under a Heading 1 "Recommendations" are sub-headings in its section."""
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_NOT_SHOWN = frozenset(
    (*(f"{_W}{tag}" for tag in ("del", "moveFrom", "txbxContent")), f"{_MC}Fallback")
)
"""Where a run is not part of the paragraph's text as Word shows it with the changes
accepted: deleted or moved away, in a text box (python-docx leaves text boxes out too), or
in the fallback Word writes beside a drawing or a newer feature for older programs (the
same text again: read, it was there twice)."""


_LABEL_BREAK = re.compile(
    r"^(?P<label>\s*(?:recommendation|rec\.?)\s+"
    r"(?:[A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"[ ]*[\t\n]\s*(?=\S)",
    re.IGNORECASE,
)
"""A label set apart from its text by a tab or a line break (Shift-Enter), as Word drafts
do ("Recommendation 1<TAB>GPs should ..."), where Markdown would have a colon."""


_LABEL_ENDS = " \t:.)-\u2013\u2014"
"""What may end a label that Word's numbering shows ("Recommendation 1:", "Rec 2 \u2013")."""


def _with_colon(text: str) -> str:
    """``text`` with a tab or line break after its label made ": ", so that the label is
    read as "Recommendation 1: ..." is (`read_label`), not reported as one scrmap cannot
    read."""
    return _LABEL_BREAK.sub(r"\g<label>: ", text, count=1)


def _text(paragraph: Any, styles: Styles) -> str:
    """A ``w:p`` element's text as Word shows it with tracked changes accepted: python-docx's
    ``Paragraph.text`` reads only the runs directly in the paragraph (or a hyperlink), so a
    tracked insertion (``w:ins``), like a content control or a smart tag, was lost, and the
    sentence read with a hole in it. A deletion's text is ``w:delText``, never read. Hidden
    text (a template's guidance to the author, "[Delete before publishing]") is not shown,
    so not read."""
    style = styles.paragraph_style(paragraph)
    return "".join(
        run.text for run in _shown_runs(paragraph) if not styles.run_property(run, style, "vanish")
    )


def _shown_runs(paragraph: Any) -> Iterator[Any]:
    """The runs of a ``w:p`` that are part of its text as Word shows it (`_NOT_SHOWN`
    between the run and the paragraph: a text box's paragraph has its own runs)."""
    for run in paragraph.iter(f"{_W}r"):
        above = run.getparent()
        while above is not None and above is not paragraph and above.tag not in _NOT_SHOWN:
            above = above.getparent()
        if above is paragraph:
            yield run


@dataclass
class _Block:
    """A paragraph, or a table row, in document order."""

    number: int
    """The paragraph number in the document, a table row counting as one paragraph."""
    text: str
    heading: bool = False
    rank: int = 0
    """A heading's level: 0 for the Title style, N for Heading N, and `_BOLD_RANK` for a
    short bold paragraph."""
    numbered: bool = False
    level: int = 0
    """The list level of a numbered or bulleted paragraph: 0 for an item, more for its
    sub-items."""
    section_end: bool = False
    """The last paragraph of a Word section (a section break follows it)."""
    subtitle: bool = False
    """In Word's Subtitle style: under a title that names only the kind of review, the
    case (`_case`)."""
    table: int | None = None
    """Which table the row is in; None for a paragraph."""
    cells: list[str] = field(default_factory=list)
    label: tuple[str, str] | None = None
    """For the paragraphs under a title label ('Recommendation 1 \u2013 Fathers' over its
    text), joined into one block: the label's number ('' if none) and their text."""
    merged_above: frozenset[int] = frozenset()
    """For a table row, the cells (by position) merged with the cell above them: Word's
    vertical merge, which python-docx reads as the upper cell's text in every row."""
    spanning: bool = False
    """A table row that is one cell merged across the table, which python-docx reads as
    its text in every column: a title, or a sub-heading among the rows (`_sub_heading`)."""
    listed: str = ""
    """The number Word shows in front of a list paragraph ("3.", "2.1"), which is not in
    its text (`Numbering`): the recommendation's id."""
    fills: list[str] = field(default_factory=list)
    """For a table row, each cell's shading as six hex digits ('' for none): a plan rates
    an action by shading its empty RAG cell (`_rated`)."""


def _label(block: _Block) -> tuple[str, str] | None:
    """The number and text of a labelled block: under a title label, or labelled itself."""
    return block.label or read_label(block.text)


def _names_recommendations(block: _Block) -> bool:
    """Whether a block is a heading that names recommendations (`_section` starts at one)."""
    return _ends_section(block) and "recommendation" in block.text.lower()


def _ends_section(block: _Block) -> bool:
    """A heading, other than a title label set as a heading ('Recommendation 1' in Heading
    2 over its text), which is a recommendation's and not a section's. Deeper than the
    recommendations heading, it is a sub-heading in its section (see `_section`)."""
    return block.heading and title_label(block.text) is None


def _readable(block: _Block) -> bool:
    """A paragraph that may be a recommendation: not a table row, not empty, and not a
    section's heading or a sub-heading ('For health agencies')."""
    return block.table is None and bool(block.text) and not _ends_section(block)


def _heading_rank(paragraph: Any, text: str, styles: Styles) -> int | None:
    """The level of a heading (see `_Block.rank`), None for a paragraph that is none: a
    heading has an outline level (a Heading style, one based on it, or another that Word's
    navigation pane lists) or is in the Title style, or is a short paragraph wholly in bold
    without a full stop, unless it is a labelled recommendation: a draft may set one all in
    bold, and as a heading it would end the section and drop the recommendations after it."""
    rank = styles.heading_rank(paragraph)
    if rank is not None:
        return rank
    if read_label(text):
        return None
    style = styles.paragraph_style(paragraph)
    runs = [run for run in _shown_runs(paragraph) if run.text.strip()]
    bold = bool(runs) and all(styles.run_property(run, style, "b") for run in runs)
    return _BOLD_RANK if bold and short_heading(text) else None


def _level(paragraph: Any, style: str, styles: Styles) -> int:
    """A list paragraph's level: the one set on it, else the number a list style ends with
    ("List Bullet 2" is level 1, though Word numbers it as a list of its own), else its
    style's numbering's level, else 0."""
    own = paragraph.find(f"{_W}pPr/{_W}numPr/{_W}ilvl")
    level = None if own is None else number(own.get(f"{_W}val"))
    if level is not None:
        return level
    words = style.split()
    last = number(words[-1]) if words[:1] == ["List"] else None
    if last:
        return last - 1
    numbered = styles.numbered(paragraph)
    return numbered.level if numbered is not None else 0


def _unwrap_controls(body: Any) -> None:
    """Take the paragraphs, tables, rows, cells and runs out of the content controls
    (``w:sdt``: the "Click or tap here to enter text" boxes of a template, a table's
    repeating section) and custom XML that hold them, in place, as Word shows them. Read
    through python-docx, which sees only the body's own paragraphs, a table's own rows and
    a row's own cells, every recommendation in one was lost in silence."""
    for wrapper in list(body.iter(f"{_W}sdt", f"{_W}customXml")):
        parent = wrapper.getparent()
        if parent is None:
            continue
        if wrapper.tag == f"{_W}sdt":
            content = wrapper.find(f"{_W}sdtContent")
            children = [] if content is None else list(content)
            if wrapper.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None:
                # Still the template's prompt, "Click or tap here to enter text.": no one's
                # words. Emptied, not removed, so a table keeps its cells.
                for text in (t for child in children for t in child.iter(f"{_W}t")):
                    text.text = ""
        else:
            children = [child for child in wrapper if child.tag != f"{_W}customXmlPr"]
        at = parent.index(wrapper)
        for offset, child in enumerate(children):
            parent.insert(at + offset, child)
        parent.remove(wrapper)


def _blocks(document: Any, styles: Styles) -> Iterator[_Block]:
    from docx.table import Table

    body = document.element.body
    numbering = Numbering(_numbering_element(document), styles)
    labels = numbering.labels(p for p in _paragraphs(body) if not _mark_deleted(p))

    number = 0
    tables = 0
    joined: tuple[int, str] | None = None  # a paragraph whose mark was deleted: its start
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            ppr = element.pPr
            section_end = ppr is not None and ppr.sectPr is not None
            # An entry of the table of contents is a heading's words again, not the heading.
            raw = "" if styles.is_contents(element) else _text(element, styles)
            start = number
            if joined is not None:
                start = joined[0] if joined[1].strip() else number
                raw = joined[1] + raw
                joined = None
            if _mark_deleted(element):
                joined = (start, raw)
                continue
            listed = labels.get(element, "")
            if LOOKS_LABELLED.match(listed):
                # A template's "Recommendation %1" numbering: a label as if typed, with a
                # colon, as it ends where the number does ("Recommendation 1 Health ...").
                raw, listed = f"{listed.rstrip(_LABEL_ENDS)}: {raw.lstrip()}", ""
            text = _with_colon(raw.strip())
            if text:
                style = styles.name(styles.paragraph_style(element))
                numbered = (
                    styles.numbered(element) is not None
                    or style.startswith("List")
                    or bool(ITEM.match(text))
                )
                level = _level(element, style, styles) if numbered else 0
                rank = _heading_rank(element, text, styles)
                if rank is not None and heading_is_recommendation(listed + text):
                    # '1. Health visitors should ...' in a Heading style, its reasons under
                    # it: a recommendation, as the same paragraph in Normal style is.
                    rank = None
                yield _Block(
                    start,
                    text,
                    rank is not None,
                    rank or 0,
                    numbered,
                    level,
                    section_end,
                    subtitle=style == "Subtitle",
                    listed="" if rank is not None else listed.strip(),
                )
            elif section_end:
                yield _Block(number, "", section_end=True)
        elif tag == "tbl":
            tables += 1
            for row in Table(element, document).rows:
                number += 1
                shown = row.cells
                cells = [
                    # Every paragraph in the cell, those of a table nested in it too:
                    # ``cell.paragraphs`` has only its own, and a nested table's were lost.
                    one_line(
                        "\n".join(_cell_text(q, styles, labels) for q in _paragraphs(cell._tc))
                    )
                    for cell in shown
                ]
                own = row._tr.tc_lst
                above = frozenset(k for k, cell in enumerate(shown) if cell._tc not in own)
                spanning = len(shown) > 1 and all(c._tc is shown[0]._tc for c in shown)
                yield _Block(
                    number,
                    " ".join(cells),
                    table=tables,
                    cells=cells,
                    merged_above=above,
                    spanning=spanning,
                    fills=[_fill(cell._tc) for cell in shown],
                )


def _fill(cell: Any) -> str:
    """A table cell's shading as six hex digits (Word writes the colour shown there, a
    theme colour's shade included), or '' for none."""
    shading = cell.find(f"{_W}tcPr/{_W}shd")
    fill = shading.get(f"{_W}fill") if shading is not None else None
    return fill if isinstance(fill, str) and re.fullmatch(r"[0-9A-Fa-f]{6}", fill) else ""


def _rated(block: _Block, statuses: Sequence[int]) -> list[str]:
    """A table row's cells, each empty status cell (``statuses``: `_table.status_columns`)
    that is shaded read as the rating its colour shows, marked as read from the colour, as
    a workbook's is (`excel_file.rag_colour`): read as empty, a plan rated by shading had
    no status."""
    cells = block.cells
    for status in statuses:
        if status >= len(cells) or status >= len(block.fills) or cells[status].strip():
            continue
        shown = rating(block.fills[status])
        if shown is not None:
            cells = [*cells[:status], f"{shown}{FROM_COLOUR}", *cells[status + 1 :]]
    return cells


def _numbering_element(document: Any) -> Any | None:
    """The document's ``w:numbering`` element, None if it has no numbering part."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    part = document.part
    for rel in part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.NUMBERING and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _cell_text(paragraph: Any, styles: Styles, labels: dict[Any, str]) -> str:
    """A paragraph of a table cell as Word shows it, its list number in front: a "No."
    cell that Word numbers holds only the number ("1.", read as the id "1")."""
    text = _text(paragraph, styles)
    listed = labels.get(paragraph, "")
    if text.strip():
        return listed + text
    number = _LIST_NUMBER.fullmatch(listed.strip())
    return number.group("num") if number else listed.strip()


def _mark_deleted(paragraph: Any) -> bool:
    """Whether a body paragraph's mark is a tracked deletion (or moved away) with a paragraph
    after it: with the change accepted, its text runs on into the next paragraph, which
    keeps its own style and numbering, as Word joins them. Read apart, a sentence split by
    a deleted break was two recommendations, each half of one."""
    mark = paragraph.find(f"{_W}pPr/{_W}rPr")
    if mark is None or (mark.find(f"{_W}del") is None and mark.find(f"{_W}moveFrom") is None):
        return False
    after = paragraph.getnext()
    while after is not None and after.tag not in (f"{_W}p", f"{_W}tbl"):
        after = after.getnext()
    return after is not None and after.tag == f"{_W}p"


def _text_boxes(body: Any, styles: Styles) -> Iterator[tuple[int, str]]:
    """The paragraphs of the text boxes in the document, each with the number of the
    paragraph or table row it is anchored in (as `_blocks` numbers them): text boxes are
    not read, and one that holds a recommendation is reported (`_boxed`)."""
    number = 0
    for element in body.iterchildren(f"{_W}p", f"{_W}tbl"):
        anchors = [element] if element.tag == f"{_W}p" else list(element.iterchildren(f"{_W}tr"))
        for anchor in anchors:
            number += 1
            for box in anchor.iter(f"{_W}txbxContent"):
                if any(above.tag == f"{_MC}Fallback" for above in box.iterancestors()):
                    continue  # the same box again, for older programs
                for paragraph in box.iter(f"{_W}p"):
                    text = " ".join(_text(paragraph, styles).split())
                    if text:
                        yield number, text


def _boxed(name: str, section: list[_Block], boxes: Iterable[tuple[int, str]]) -> list[Problem]:
    """A warning for each paragraph that starts as a labelled recommendation in a text box
    among the section's paragraphs: Word shows it, scrmap does not read it, and it was
    left out without a word."""
    if not section:
        return []
    first, last = section[0].number, section[-1].number
    return [
        Problem(
            name,
            number,
            None,
            f"'{' '.join(text.split()[:3])} ...' is in a text box, which scrmap does not "
            "read: move it into the document's text",
        )
        for number, text in boxes
        if first <= number <= last and LOOKS_LABELLED.match(text)
    ]


def _paragraphs(element: Any) -> Iterator[Any]:
    """The ``w:p`` elements in ``element`` (the body, or a table cell) as Word shows them,
    those of a table nested in it too, but not those of a text box, or of a fallback."""
    for paragraph in element.iter(f"{_W}p"):
        if not any(above.tag in _NOT_SHOWN for above in paragraph.iterancestors()):
            yield paragraph


def _summaries(blocks: list[_Block]) -> set[int]:
    """The headings that start a summary's recommendations: one that names a summary ("Key
    recommendations", "Summary of recommendations"), or one under a heading that does
    ("Recommendations" under "Executive summary"). Such a section is read only when no
    other heading names recommendations, for the full recommendations come later in the
    document and the summary only shortens them (`SUMMARY`). One pass, with the headings
    still open above each."""
    found: set[int] = set()
    above: list[tuple[int, bool]] = []  # the open headings: rank, whether it names a summary
    for k, block in enumerate(blocks):
        if not _ends_section(block):
            continue
        while above and above[-1][0] >= block.rank:
            above.pop()
        names = bool(SUMMARY.search(block.text))
        if names or any(summary for _, summary in above):
            found.add(k)
        above.append((block.rank, names))
    return found


def _section(blocks: list[_Block]) -> list[_Block]:
    """The blocks under the recommendations heading (the first that is no summary's, see
    `_summaries`), to the next heading of its level or higher (a deeper one, as in Markdown,
    is a sub-heading: 'For health agencies' in Heading 2, or a bold 'Police', under a
    Heading 1 'Recommendations') or to a section break that is not followed by a table or
    a label (`_goes_on`), or to an appendix (`BACK_MATTER`) at any level; the whole
    document less its headings and back matter (`_body`) when there is no such heading."""
    named = [k for k, b in enumerate(blocks) if _names_recommendations(b)]
    summaries = _summaries(blocks)
    start = next((k for k in named if k not in summaries), None)
    if start is None:
        start = named[0] if named else None
    if start is None:
        return [b for b in _body(blocks) if not _ends_section(b)]
    section = []
    rest = blocks[start + 1 :]
    for k, block in enumerate(rest):
        if _ends_section(block) and (
            block.rank <= blocks[start].rank or BACK_MATTER.match(block.text)
        ):
            break
        section.append(block)
        if block.section_end and not _goes_on(rest[k + 1 :]):
            break
    return section


def _body(blocks: list[_Block]) -> list[_Block]:
    """The blocks less the back matter (`BACK_MATTER`: an appendix, a glossary, the terms
    of reference), each to the next heading of its level or higher."""
    body = []
    appendix: int | None = None  # the rank of the open back matter's heading
    for block in blocks:
        if _ends_section(block) and appendix is not None and block.rank <= appendix:
            appendix = None
        if _ends_section(block) and BACK_MATTER.match(block.text):
            appendix = block.rank if appendix is None else appendix
        if appendix is None:
            body.append(block)
    return body


def _goes_on(after: list[_Block]) -> bool:
    """Whether the section goes on past a section break: it does when the next thing after
    the break (empty paragraphs passed over) is a table or a label ("Recommendation 1:
    ...", or a title label over its text), for a draft starts a new Word section to set
    its recommendations on landscape pages; else the break ends it, as it ends a section
    before an appendix with no heading."""
    following = next((b for b in after if b.text or b.table is not None), None)
    if following is None:
        return False
    if following.table is not None:
        return True
    return read_label(following.text) is not None or title_label(following.text) is not None


def _under_labels(section: list[_Block]) -> list[_Block]:
    """The section with each title label (a heading or a paragraph, 'Recommendation 1
    \u2013 Fathers', 'Recommendation') and the plain paragraphs under it made one labelled
    block: they are the recommendation, the label's number its id. A title label with no
    paragraph under it stays as it was. A paragraph that starts as a label does, though its
    label is not one scrmap reads ("Recommendation 3 In light of ..."), ends the paragraphs
    under it and is reported, not read as part of the recommendation above."""
    joined: list[_Block] = []
    number: str | None = None  # the open title label's number, while its text may follow
    for block in section:
        # A labelled paragraph, read or not, starts as a label does (`LOOKS_LABELLED`).
        plain = _readable(block) and not block.numbered and not LOOKS_LABELLED.match(block.text)
        if number is not None and plain and title_label(block.text) is None:
            if joined[-1].label is None:  # the title label itself: its text replaces it
                text = with_title(joined[-1].text, block.text)
                joined[-1] = _Block(block.number, text, label=(number, text))
            else:
                text = f"{joined[-1].text} {block.text}"
                joined[-1] = _Block(joined[-1].number, text, label=(number, text))
            continue
        number = title_label(block.text) if block.table is None else None
        joined.append(block)
    return joined


_TITLE_ROWS = 5
"""How far down a table its header row is looked for, past title rows above it."""


def _header(rows: list[_Block]) -> tuple[int, _table.Columns] | None:
    """Which of a table's first rows is its header, and its columns, if it names a column
    of recommendation text (None if not). Title rows above it are skipped ("Action plan"
    merged across the table, or a blank row): a row of more than one cell with at most one
    text in it (python-docx gives a merged cell's text for every column it spans), never
    the header even when it reads "Recommendations". Only title rows are skipped, so a
    table whose header names no text column (a glossary) is not read from a row below. A
    header of two rows (`_table.second_header_row`) is its second row's place, with the
    names of both; a header under a row of names of groups of its columns
    (`_table.under_group_names`) has them too, and that row is passed over where it names
    no text column itself ("Action plan" and "Progress")."""
    for k, row in enumerate(rows[:_TITLE_ROWS]):
        if len(row.cells) > 1 and len({cell for cell in row.cells if cell}) <= 1:
            continue
        columns = _table.recognise(row.cells)
        if "text" not in columns.fields:
            below = rows[k + 1].cells if k + 1 < len(rows) else None
            if below and _table.under_group_names(_unrepeated(row.cells), below) is not None:
                continue  # "Action plan" and "Progress", each over a group of the columns
            return None
        above = _table.under_group_names(_unrepeated(rows[k - 1].cells), row.cells) if k else None
        if above is not None:  # "Progress" over "Q1 | Q2 | Q3", the header the second row
            return k, _table.recognise(above)
        if k + 1 < len(rows):
            names = _table.second_header_row(_unrepeated(row.cells), _unmerged(rows[k + 1]))
            if names is not None:
                return k + 1, _table.recognise(names)
        return k, columns
    return None


def _unrepeated(header: list[str]) -> list[str]:
    """A header row with a name merged across columns in its first column alone, as a
    workbook holds it (`_table.second_header_row`): python-docx gives it in each."""
    return [cell if k == 0 or cell != header[k - 1] else "" for k, cell in enumerate(header)]


def _unmerged(row: _Block) -> list[str]:
    """A row's cells, empty where merged with the cell above (`_Block.merged_above`), as
    a workbook holds them: python-docx gives the upper cell's text."""
    return ["" if k in row.merged_above else cell for k, cell in enumerate(row.cells)]


def _table_recs(
    section: list[_Block], name: str, case: str | None
) -> tuple[list[Recommendation], list[Problem], list[Problem], set[int]]:
    """Recommendations from the section's tables whose header (`_header`) names a text
    column; the errors of the tables that could not be read (a duplicate id), and the
    warnings of those that were (a row with no text, a due date that is not a date); and
    which tables were read."""
    recs: list[Recommendation] = []
    errors: list[Problem] = []
    warnings: list[Problem] = []
    used: set[int] = set()
    by_table: dict[int, list[_Block]] = {}
    for block in section:
        if block.table is not None:
            by_table.setdefault(block.table, []).append(block)
    for table, rows in by_table.items():
        header = _header(rows)
        if header is None:
            continue
        k, columns = header
        used.add(table)
        notes: list[Problem] = []
        parts = _table.folding(columns)
        continued = {b.number for b in rows if b.merged_above & parts}
        under = {b.number: b for b in rows[k + 1 :]}
        columns, data = _table.case_headings(
            columns,
            ((b.number, _rated(b, _table.status_columns(columns))) for b in under.values()),
            partial(_heading_text, under),
        )
        folded = _table.merged_into_above(columns, data, continued, name, notes)
        found, issues = _table.recommendations(columns, folded, name, case)
        recs += found
        (warnings if found else errors).extend(issues)
        warnings += notes
    return recs, errors, warnings, used


def _heading_text(rows: dict[int, _Block], row: _table.Row) -> str | None:
    """The text of ``row``, one of a table's ``rows`` by number, when it is a sub-heading
    (`_sub_heading`), else None."""
    block = rows[row[0]]
    return block.cells[0] if _sub_heading(block) else None


def _sub_heading(row: _Block) -> bool:
    """A row merged across the table with a heading's text ("Health agencies" over their
    recommendations): it groups the rows under it and is none of them (or names their case,
    `_table.case_headings`). Read as a row, it was counted as a recommendation whose id was
    its text, and failed `check` as unmapped."""
    return row.spanning and bool(row.cells) and short_heading(row.cells[0])


def _items(chosen: list[_Block]) -> list[tuple[_Block, list[str]]]:
    """Each item with its text and its sub-items' (list paragraphs of a deeper level after
    it, or any list paragraph after a labelled one): "1. ... so that:" with two bullets
    under it, or "Recommendation 4: ... including:" with a bulleted list, is one
    recommendation, and the items are numbered as the document numbers them."""
    items: list[tuple[_Block, list[str]]] = []
    for block in chosen:
        label = _label(block)
        item = ITEM.match(block.text)
        body = label[1] if label else item.group("text") if item else block.text
        parent = items[-1][0] if items else None
        under = parent is not None and (
            block.level > parent.level or (not parent.numbered and bool(_label(parent)))
        )
        if not label and block.numbered and under:
            items[-1][1].append(body)
        else:
            items.append((block, [body]))
    return items


def _paragraph_recs(
    section: list[_Block],
    name: str,
    case: str | None,
    *,
    table: bool = False,
    sectioned: bool = False,
    taken_ids: Iterable[str] = (),
) -> Found:
    """Labelled or numbered paragraphs, with their sub-items; else, unless a table of the
    section holds its recommendations (``table``), every paragraph of the section. A
    paragraph left out that starts like a labelled one is reported, not dropped in
    silence, and so is one that asks for something ("should", "must", "recommends") beside
    a table or in a recommendations section (``sectioned``): without one, the paragraphs
    beside the list are the review's narrative. An item's id is its label's number, else the
    number typed or shown by Word in front of it, as in Markdown; one taken already, by a
    table's row (``taken_ids``) or an item above, is its place in the list, marked with
    ``'`` until it is free."""
    paragraphs = [b for b in section if _readable(b)]
    chosen = [b for b in paragraphs if _label(b) or b.numbered]
    if not chosen and not table:
        chosen = [b for b in paragraphs if not introduces(b.text)] or paragraphs
    recs = []
    used = set(taken_ids)
    for index, (block, parts) in enumerate(_items(chosen), start=1):
        given = _given_id(block)
        rec_id = given if given and given not in used else str(index)
        while rec_id in used:
            rec_id += "'"
        used.add(rec_id)
        text = one_line(" ".join(parts))
        recs.append(Recommendation(rec_id, text, Source(name, block.number), case))
    taken = {b.number for b in chosen}
    left_out = [b for b in paragraphs if LOOKS_LABELLED.match(b.text) and b.number not in taken]
    beside = [
        b
        for b in paragraphs
        if b.number not in taken
        and b not in left_out
        and reported_beside(b.text, table or sectioned)
    ]
    problems = [unread(name, b.number, b.text) for b in left_out] + [
        beside_items(name, b.number, b.text, table=table) for b in beside
    ]
    return recs, sorted(problems, key=lambda p: p.line or 0)


_LIST_NUMBER = re.compile(r"\(?(?P<num>(?:[A-Za-z]{1,3}[-.]?)?\d+(?:\.\d+)*)[.):]?")
"""A list number Word shows: "3.", "2.1", "R4)", "(5)"."""


def _given_id(block: _Block) -> str | None:
    """The id a paragraph gives itself: its label's number ("Recommendation 3: ..."), else
    the number typed in front of it ("3. ..."), else the one Word's numbering shows."""
    label = _label(block)
    if label:
        return label[0] or None
    item = ITEM.match(block.text)
    if item and (typed := item.group("num") or item.group("letter")):
        return typed
    listed = _LIST_NUMBER.fullmatch(block.listed)
    return listed.group("num") if listed else None


def _case(blocks: list[_Block], stem: str) -> str:
    """The case: the first heading that names no section ("Recommendations") and not only
    the kind of review; under a title that does ("Safeguarding Practice Review", as a
    template has in every file), the subtitle or heading straight after it ("Child Q"),
    else the file's name. Every file of one template was one case."""
    named = [b for b in blocks if b.heading or b.subtitle]
    for k, block in enumerate(named):
        if GENERIC_HEADINGS.match(block.text) or block.subtitle:
            continue
        if not REVIEW_NAME.match(block.text):
            return named_review(block.text)
        after = named[k + 1].text if k + 1 < len(named) else ""
        named_case = after and not GENERIC_HEADINGS.match(after) and not REVIEW_NAME.match(after)
        return named_review(after) if named_case else stem
    return stem


_IN_WORD = ", which scrmap does not open: in Word, save it as a Word Document (.docx) and map that"
_COPY = (
    ", which scrmap does not read: copy its recommendations into a .md or .txt file, or "
    "open it in Word and save it as a Word Document (.docx)"
)
_OTHER_PACKAGES = (
    (b"ms-word.document.macroEnabled.main+xml", "a Word document with macros (.docm)", _IN_WORD),
    (b"ms-word.template.macroEnabledTemplate.main+xml", "a Word template with macros", _IN_WORD),
    (b"wordprocessingml.template.main+xml", "a Word template (.dotx)", _IN_WORD),
    (b"spreadsheetml.", "an Excel workbook", ": name it .xlsx, and scrmap reads it as a workbook"),
    (b"presentationml.", "a PowerPoint presentation", _COPY),
)
"""The main parts of the Office files that python-docx refuses, renamed .docx, with what to
do: it said only "file 'draft.docx' is not a Word file, content type is
'application/vnd.ms-word...'"."""
_OTHER_FILES = (
    (b"{\\rtf", "an RTF document", _IN_WORD),
    (b"<html", "a web page (HTML)", _IN_WORD),
    (b"<!doctype html", "a web page (HTML)", _IN_WORD),
)
"""How other documents named .docx begin (as a system's export may name them), with what to
do: each was "not a readable Word .docx file (not a zip file)", which says nothing of it."""


def _other_package(content_types: bytes) -> tuple[str, str] | None:
    """Which other kind of Office file a package is, by its main part's content type, and
    what to do with it."""
    if b"wordprocessingml.document.main+xml" in content_types:
        return None
    return next(((kind, do) for mark, kind, do in _OTHER_PACKAGES if mark in content_types), None)


def _other_file(path: Path) -> str | None:
    """Why ``path``, no zip archive, is no Word document, when its first bytes tell what it
    is (an RTF document, a web page; a PDF is `not_a_zip`'s) or that it is empty; None if
    they do not."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return None
    if not head:
        return "empty (0 bytes), not a Word document"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    found = next(((kind, do) for mark, kind, do in _OTHER_FILES if start.startswith(mark)), None)
    return f"{found[0]} named {path.suffix}{found[1]}" if found else None


def _refusal(path: Path, limits: Limits) -> str | None:
    """Why the .docx is refused before parsing, if it is: its parts inflate past the file
    limit (a 1 MB zip can hold a 1 GB document.xml, which python-docx parses whole), it
    is another kind of file renamed (`_other_package`), or it holds more paragraphs
    than recommendations may be read (counted on the raw XML)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        inflated = sum(info.file_size for info in archive.infolist())
        if inflated > limits.file_bytes:
            return (
                f"inflates to {inflated / 1_000_000:,.1f} MB, over the {limits.file_mb:g} MB "
                "limit on input files (SCRMAP_MAX_FILE_MB raises it)"
            )
        if "mimetype" in archive.namelist() and b"opendocument" in archive.read("mimetype"):
            return f"an OpenDocument file (.odt) named {path.suffix}{_IN_WORD}"
        try:
            other = _other_package(archive.read("[Content_Types].xml"))
            if other:
                return f"{other[0]} named {path.suffix}{other[1]}"
            body = archive.read("word/document.xml")
        except KeyError:
            return None  # not a Word document: python-docx says so
    paragraphs = body.count(b"<w:p>") + body.count(b"<w:p ")
    if paragraphs > limits.recommendations:
        return (
            f"{paragraphs:,} paragraphs, more than the {limits.recommendations:,} "
            "recommendations a run may read (SCRMAP_MAX_RECOMMENDATIONS raises the limit)"
        )
    return None


def load_docx(path: Path, name: str, limits: Limits | None = None) -> Found:
    """The recommendations of a Word draft (see the module's documentation). The 'line' of
    a Word recommendation is its paragraph number, a table row counting as one."""
    import zipfile

    import docx  # python-docx: imported here so other commands start fast
    from docx.opc.exceptions import PackageNotFoundError

    try:
        refused = _refusal(path, limits or Limits())
        if refused:
            return [], [Problem(name, None, None, refused)]
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile):  # their messages only repeat the path
        why = not_a_zip(path, "Word .docx file", "Word .doc") or _other_file(path)
        return [], [
            Problem(name, None, None, why or "not a readable Word .docx file (not a zip file)")
        ]
    except (KeyError, ValueError) as exc:
        return [], [Problem(name, None, None, f"not a readable Word .docx file ({exc})")]
    except OSError as exc:
        return [], [unreadable(name, exc)]
    except Exception as exc:  # lxml and python-docx raise many kinds on bad XML
        msg = f"not a readable Word .docx file ({type(exc).__name__}: {exc})"
        return [], [Problem(name, None, None, msg)]
    _unwrap_controls(document.element.body)
    styles = Styles(document.styles.element)
    blocks = list(_blocks(document, styles))
    case = _case(blocks, path.stem)
    read = _section(blocks)
    boxed = _boxed(name, read, _text_boxes(document.element.body, styles))
    section = _under_labels(read)
    from_tables, errors, warnings, tables = _table_recs(section, name, case)
    if errors:  # all or nothing, as every kind: a table read in part is a wrong count
        return [], errors + warnings
    # A title page's line, or its table's row ("Date of publication | 12 March 2026").
    dated = publication_days((b.number, " ".join(b.cells) if b.cells else b.text) for b in blocks)
    outside = [b for b in section if b.table not in tables and b.number not in dated]
    sectioned = any(_names_recommendations(b) for b in blocks)
    paragraphs, unread_ = _paragraph_recs(
        outside,
        name,
        case,
        table=bool(from_tables),
        sectioned=sectioned,
        taken_ids={rec.id for rec in from_tables},
    )
    recs = sorted([*from_tables, *paragraphs], key=lambda r: r.source.line or 0)
    if dated:
        recs = dated_as_published(recs, {case: next(iter(dated.values()))})
    if not recs:
        return [], [Problem(name, None, None, "no recommendations found in the document"), *boxed]
    return recs, sorted([*warnings, *unread_, *boxed], key=lambda p: p.line or 0)


def load(file: SourceFile) -> Found:
    """The registry's entry: python-docx opens the file itself."""
    return load_docx(file.path, file.name, file.limits)
