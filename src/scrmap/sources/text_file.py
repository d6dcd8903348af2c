"""Markdown and plain text: list items, else paragraphs, one recommendation each."""

from __future__ import annotations

import itertools
import re
import string
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from scrmap.errors import Problem
from scrmap.recommendation import Recommendation, Source
from scrmap.sources import _table
from scrmap.sources._base import Found, SourceFile
from scrmap.text import LABEL_OWNER, NUMBER_WORDS, UNSTOPPED_LABEL_END, one_line

_PAGE = r"(?:Page|PAGE)[ \t]+\d{1,4}(?:[ \t]+(?:of|OF)[ \t]+\d{1,4})?"
PAGE_FURNITURE = re.compile(
    r"^[ \t]*(?:"
    rf"(?:(?:Page|PAGE)[ \t]+)?\d{{1,3}}(?:[ \t]*(?:of|OF|/)[ \t]*\d{{1,4}})?"
    r"|[-\u2013\u2014][ \t]*\d{1,3}[ \t]*[-\u2013\u2014]"
    rf"|.{{0,80}}?[|\u2013\u2014-][ \t]*{_PAGE}"
    rf"|{_PAGE}[ \t]*[|\u2013\u2014-].{{0,80}}"
    r"|(?i:official(?:[ \t]*[-\u2013\u2014:]?[ \t]*sensitive)?|not[ \t]+protectively[ \t]+marked)"
    r")[ \t]*$"
)
"""A line that is a page's furniture, not its text, as a copy of a PDF's pages keeps it
among the lines of a recommendation: a page number ("12", "Page 12", "12 of 40", "- 12 -";
not a year: "2024" alone is text), a running header or footer with the page number in it
("Child Q SPR \u2013 Page 12 of 40"), or a protective marking ("OFFICIAL-SENSITIVE", "NOT
PROTECTIVELY MARKED"). "Page" has a capital, as a header sets it: a line of a sentence
wrapped before "page 12 - ..." is text."""

_QUOTED = re.compile(r"^(?P<indent>[ \t]*)>(?:[ \t]?>)*(?=[ \t]|$)[ \t]?")
"""A quoted line's marks: Markdown's block quote, and an e-mail's reply (`> 1. ...`, `>> ...`,
`> > ...`), each `>` followed by a space, another `>` or the line's end (`>3 appointments`
is text), after any indent (a quote inside a list item keeps the item's indent)."""


def _unquoted(lines: list[str]) -> list[str]:
    """``lines`` with the marks of each run of two or more quoted lines taken off, their
    indent kept, so that a list pasted from a reply, or quoted inside a list item, is read
    as its items and sub-items, not one paragraph with the marks in its text. A single line
    that starts with `> ` among others is left as written: it may be a sentence wrapped
    before a `>`."""
    quoted = [_QUOTED.match(line) for line in lines]
    out = list(lines)
    for k, found in enumerate(quoted):
        if found and (
            (k > 0 and quoted[k - 1] is not None)
            or (k + 1 < len(lines) and quoted[k + 1] is not None)
        ):
            out[k] = found.group("indent") + lines[k][found.end() :]
    return out


_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+)$")
"""An ATX heading; its closing hashes are stripped in Python: a lazy title followed by
optional spaces and hashes backtracked quadratically on a heading of many spaces."""
_WORD_SUB_BULLET = r"(?:[\u25e6\u25cb]|[o\u00a7](?=\t| {2,}))"
_BULLETS = "-*+\u2022\u25aa\u25cf\u00b7\u2013\u2023\u2043\u25a0\u25ba\u27a2\uf0b7\uf0a7\uf0d8"
"""What a list item starts with: Markdown's markers, and the bullets of Word and of PDFs as
their text is copied: the bullet, squares and discs, the middle dot, the en dash, the
triangular and hyphen bullets, arrowheads, and the private-use characters of the Symbol and
Wingdings fonts that a bullet set in them is copied as."""
ITEM = re.compile(
    rf"^\s*(?:[{_BULLETS}]|"
    + _WORD_SUB_BULLET
    + r"|(?P<num>(?!(?:19|20)\d\d:)(?:[A-Za-z]{1,3}[-.]?)?\d+(?:\.\d+)*)[.):]"
    r"|(?P<outline>(?:\d+(?:\.\d+)+|R\d+(?:\.\d+)*))(?=\s+[A-Z])"
    r"|\(?(?P<letter>[a-z]|[ivx]{2,5})\))\s+(?P<text>\S.*)$"
)
"""A bulleted, numbered ('3.', 'R2.1)', 'R3:'; a year and a colon, '2024: the Board agreed',
is a date), outline-numbered ('1.1 Agencies ...', 'R3
Agencies ...': no stop after the number, so only before a capital, as '2.5 million' is
no item) or lettered ('(a)', 'a)', '(ii)') list item; Word files use it too. Word's bullets
pasted as text count: the middle dot, and 'o', a white circle or '\u00a7' with a tab after,
its second and third levels."""


def _item_number(item: re.Match[str]) -> str | None:
    """The number or letter of a list item (``ITEM``), None for a bullet."""
    return item.group("num") or item.group("outline") or item.group("letter")


_ENDS = re.compile(r"[.:;!?][\"'\u201d\u2019)\]]*$")
"""The end of a line that ends a sentence or introduces a list: a line of prose that does not
end so runs on into the next line."""
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_ROMAN |= {"x": 10, **{f"x{k}": 10 + n for k, n in _ROMAN.items()}}


def _weak(item: re.Match[str]) -> bool:
    """Whether a list item's marker is one that a wrapped line of prose can start with: an
    en dash, an outline number with no stop ("1.5 FTE Social Workers", "R3 Form"), a number
    with a colon ("2025: it ..."), or a letter or roman numeral with no opening bracket
    ("a) and b) above")."""
    if item.group("outline"):
        return True
    if item.group("letter"):
        return not item.group().lstrip().startswith("(")
    if item.group("num"):
        return item.string[item.end("num")] == ":"
    return item.group().lstrip().startswith("\u2013")


def _ordinals(label: str) -> set[tuple[str, int]]:
    """A list item's number as its stem and its last number: "1.2" is ("1.", 2), "R3" ("R",
    3), "b" ("", 2), "iv" ("", 4); "i", "v" and "x" both as a letter and as a roman
    numeral."""
    stem = label.rstrip(string.digits if label[-1:].isdigit() else string.ascii_lowercase)
    last = label[len(stem) :]
    if not last:
        return set()
    if last.isdigit():
        return {(stem, int(last))}
    found = {(stem, _ROMAN[last])} if last in _ROMAN else set()
    return found | {(stem, ord(last) - 96)} if len(last) == 1 else found


def _starts_item(item: re.Match[str], before: str, opened: re.Match[str] | None) -> bool:
    """Whether a line with a list item's marker starts an item, not runs on the text above
    it (``before``: its last line; ``opened``: the marker of the item it is in, None in a
    paragraph). A weak marker (``_weak``) after a line that runs on starts one only where it
    starts a list (1, 1.1, R1) or is the next of the item's list ("1.2" after "1.1", "b)"
    after "a)", the same bullet): "the plan funds" over "1.5 FTE Social Workers" is one
    sentence, and a paragraph of prose is no list for it."""
    if not _weak(item) or _ENDS.search(before):
        return True
    label = _item_number(item)
    if label is None:  # an en dash: a bullet of the item's own list
        return opened is not None and opened.group().lstrip()[:1] == "\u2013"
    ordinals = _ordinals(label)
    if not item.group("letter") and any(n == 1 for _, n in ordinals):
        return True
    above = _ordinals(_item_number(opened) or "") if opened is not None else set()
    return any((stem, n - 1) in above for stem, n in ordinals)


SUB_BULLET = re.compile(r"^\s*" + _WORD_SUB_BULLET + r"\s+(?P<text>\S.*)$")
"""Word's second- or third-level bullet pasted as text ('o<Tab>...'), at the margin: a part
of the item above, as an indented bullet is."""
GENERIC_HEADINGS = re.compile(
    r"^(?:key\s+|executive\s+|table\s+of\s+)?(?:recommendations?|findings?|actions?|"
    r"learning|responses?|summary|introduction|background|contents|methodology|scope|"
    r"conclusions?|analysis|foreword|overview|chronology|terms\s+of\s+reference|"
    r"appendix|appendices|annex|glossary)\b",
    re.IGNORECASE,
)
"""Headings that name a section, not a case: the case name is looked for elsewhere."""
REVIEW_NAME = re.compile(
    r"^(?:(?:local\s+)?child\s+|adult\s+)?(?:serious\s+case|(?:child\s+)?safeguarding\s+"
    r"(?:practice|adults?)|domestic\s+(?:homicide|abuse\s+related\s+death)|rapid|"
    r"case|learning|practice)\s+review(?:\s*[-:\u2013\u2014]?\s*(?:overview\s+report|"
    r"final\s+report|report|executive\s+summary))?$",
    re.IGNORECASE,
)
"""A title that is only the kind of review ("Safeguarding Practice Review", "Serious Case
Review: overview report"), as a template has in every file: no case's name."""
BACK_MATTER = re.compile(
    r"^(?:(?:appendix|appendices|annex(?:e|es)?)\b.*|(?:glossary(?:\s+of\s+terms)?|references|"
    r"bibliography|terms\s+of\s+reference|acknowledg(?:e)?ments?|abbreviations|acronyms)"
    r"\W*)$",
    re.IGNORECASE,
)
"""Headings of what follows a report's body (an appendix, a glossary, the terms of
reference): at any level, in bold too, they end the recommendations section, and what is
under them, to the next heading of their level or higher, is not read, so that the terms
of reference listed in an appendix are not read as recommendations."""
SUMMARY = re.compile(
    r"\b(?:summary|summari[sz]ed|(?:key|headline)\s+recommendations?)\b", re.IGNORECASE
)
"""A heading that names a summary: of the recommendations ("Key recommendations", "Summary
of recommendations"; "Recommendations for key agencies" is none), or the executive summary
a recommendations heading sits under. Where the document also has a recommendations section
that is not a summary, the summary only shortens it: read as well, its items would be
counted twice (and the full ones renumbered)."""
_DIGITS = r"[A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?"
_NUMBER = r"(?:" + _DIGITS + r"|(?:" + "|".join(NUMBER_WORDS) + r")\b)"
"""A label's number: digits ('2.1', 'A3', '4b') or a number in words ('Three')."""

LABEL = re.compile(
    r"^\s*" + LABEL_OWNER + r"(?:recommendation|rec\.?)\s+(?:(?P<num>" + _NUMBER + r")\s*"
    r"[:.)\-\u2013\u2014]|(?P<unstopped>" + _DIGITS + r")" + UNSTOPPED_LABEL_END + r")"
    r"\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
"""'Recommendation 1: ...', 'Recommendation 2.1 - ...', 'Rec 3. ...', 'Multi-agency
recommendation 4: ...', 'Recommendation Three: ...': the label is not part of the
recommendation; its number is the id (in digits: 'Three' is 3). A number in digits with no
stop labels where the matcher reads it as a label (`UNSTOPPED_LABEL_END`): 'Recommendation
1 Health visitors should ...', but not 'Recommendations 1 and 2 should ...'."""
_EMPHASIS = re.compile(
    r"^(?P<space>\s*)(?P<mark>\*\*|__|\*|_)(?P<label>"
    + LABEL_OWNER
    + r"(?:recommendation|rec\.?)\s+"
    + _NUMBER
    + r"\s*[:.)\-\u2013\u2014]?)\s*(?P=mark)",
    re.IGNORECASE,
)
"""A label in Markdown emphasis, '**Recommendation 1:**' or '__Recommendation 1__:', as
Word-to-Markdown converters write a bold label: the markers are not part of the text."""
_EMPHASIS_PAST_LABEL = re.compile(
    r"^(?P<space>\s*)(?P<mark>\*\*|__|\*|_)(?P<inner>"
    + LABEL_OWNER
    + r"(?:recommendation|rec\.?)\s+"
    + _NUMBER
    + r"\s*[:.)\-\u2013\u2014][^*_]*?\S)(?P=mark)"
    r"(?P<after>\s*)(?P<next>\S?)",
    re.IGNORECASE,
)
"""A label in Markdown emphasis with the start of its text ('**Recommendation 3: Professional
curiosity.** Practitioners should ...', as converters write a label and title set in bold):
the markers are not part of the text, and a title with no stop of its own keeps one."""


def _emphasis_past_label_off(match: re.Match[str]) -> str:
    inner, after, following = match.group("inner", "after", "next")
    stop = "." if following[:1].isupper() and inner[-1] not in ".:;!?" else ""
    return f"{match.group('space')}{inner}{stop}{after}{following}"


LOOKS_LABELLED = re.compile(
    r"^[\W_]*" + LABEL_OWNER + r"(?:recommendations?|rec\.?)\s*(?:no\.?\s*)?"
    r"(?:[A-Za-z]{0,3}\d|(?:" + "|".join(NUMBER_WORDS) + r")\b)",
    re.IGNORECASE,
)
"""A paragraph that starts as a labelled recommendation does, whether or not `read_label` reads
its label: one left out of the items is reported, never dropped in silence ("Recommendations
1 and 2 should be read together" too: under a title label it would otherwise be read as
part of the recommendation)."""


_BARE_LABEL = re.compile(
    r"^(?:recommendation(?P<plural>s)?|rec\.?)(?:\s+(?:no\.?\s*)?(?P<num>[A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?|"
    + "|".join(NUMBER_WORDS)
    + r")\b)?(?:\s*(?:[:.)\-\u2013\u2014](?P<title>.*)|\((?P<bracketed>[^()]*)\))"
    + r"|"
    + UNSTOPPED_LABEL_END
    + r"\s+(?P<unstopped>.*)|\s*)$",
    re.IGNORECASE | re.DOTALL,
)
"""A label alone ('Recommendation 1', 'Recommendation:', 'Recommendations 2'), its number
in digits or words ('Recommendation Three'), or with a title after a dash or colon
('Recommendation 1 \u2013 Fathers'), in brackets ('Recommendation 2 (Supervision)') or, after
a number in digits, with no stop where the matcher reads one as a label ('Recommendation 1
Fathers': `UNSTOPPED_LABEL_END`), once its emphasis is taken off."""
_TITLE_WORDS = 8
_VERBS = re.compile(r"\b(?:should|will|must|shall|needs?|ought|to|is|are)\b", re.IGNORECASE)
"""Words that make a title a sentence: 'Recommendation 1: Schools should record ...' is a
recommendation, 'Recommendation 1: Fathers' a title."""


def _title_parts(text: str) -> tuple[str, str] | None:
    """The number ('' if none) and the title ('' if none) of a label that carries no
    recommendation sentence (see `title_label`), or None."""
    plain = text.strip()
    for mark in ("**", "__", "*", "_"):
        if len(plain) > 2 * len(mark) and plain.startswith(mark) and plain.endswith(mark):
            plain = plain[len(mark) : -len(mark)].strip()
            break
    found = _BARE_LABEL.match(_EMPHASIS.sub(r"\g<space>\g<label>", plain, count=1))
    if not found or (found.group("plural") and not found.group("num")):
        return None  # 'Recommendations' alone names a section, not a recommendation
    number = found.group("num") or ""
    if found.group("unstopped") is not None and not re.fullmatch(_DIGITS, number):
        return None  # 'Recommendation Three Fathers' is no label, as the matcher reads it
    title = (
        found.group("title") or found.group("bracketed") or found.group("unstopped") or ""
    ).strip(" *_\t")
    if title and (len(title.split()) > _TITLE_WORDS or title[-1] in ".;!?" or _VERBS.search(title)):
        return None
    return NUMBER_WORDS.get(number.lower(), number), title


def title_label(text: str) -> str | None:
    """The number ('' if it has none) of a label that carries no recommendation sentence: a
    bare label, in emphasis or not ('**Recommendation 1**', 'Recommendation 1:'), or one
    with a short title after it ('Recommendation 1 \u2013 Fathers': a few words, no verb
    and no full stop); None for anything else. Reviews set such a label as a heading over
    the paragraph that is the recommendation. Word files use it too."""
    parts = _title_parts(text)
    return parts[0] if parts else None


def with_title(label: str, text: str) -> str:
    """``text``, the paragraph under the title label ``label``, with the label's title in
    front ("Fathers. Health visitors will ..."). A short recommendation can stand where a
    title does ("Recommendation 1: Audit the neglect toolkit", with its reasons under it),
    and no reading of a label may drop the words it carries."""
    parts = _title_parts(label)
    title = parts[1] if parts else ""
    if not title:
        return text
    return f"{title}{'' if title[-1] in '.:;!?' else '.'} {text}"


def _outer_emphasis_off(text: str) -> str:
    """``text`` without the emphasis around all of it ('**Recommendation 1: ... .**', as
    Word-to-Markdown converters write a bold paragraph), or as it is."""
    plain = text.strip()
    for mark in ("**", "__", "*", "_"):
        inner = plain[len(mark) : -len(mark)]
        if len(plain) > 2 * len(mark) and plain.startswith(mark) and plain.endswith(mark):
            return inner.strip() if mark not in inner else text
    return text


def read_label(text: str) -> tuple[str, str] | None:
    """The number and the text of a labelled recommendation ("Recommendation 1: ...", its
    label or the whole paragraph in emphasis or not), or None. Word files use it too."""
    plain = _outer_emphasis_off(text)
    unmarked = _EMPHASIS.sub(r"\g<space>\g<label>", plain, count=1)
    if unmarked == plain:
        unmarked = _EMPHASIS_PAST_LABEL.sub(_emphasis_past_label_off, plain, count=1)
    found = LABEL.match(unmarked)
    if found is None:
        return None
    if found.group("unstopped") and _title_parts(text) is not None:
        return None  # 'Recommendation 1 Fathers' is a title over the recommendation
    number = found.group("num") or found.group("unstopped")
    return NUMBER_WORDS.get(number.lower(), number), found.group("text")


def _not_read(name: str, line: int | None, text: str, why: str) -> Problem:
    """A warning at ``line`` that the paragraph starting with ``text`` was not read, and why:
    its first words name it, so the author can find it."""
    return Problem(name, line, None, f"'{' '.join(text.split()[:3])} ...' {why}")


def unread(name: str, line: int | None, text: str) -> Problem:
    """The warning for a paragraph that looks labelled but is not one of the items."""
    return _not_read(
        name,
        line,
        text,
        "looks like a recommendation but its label is not one scrmap reads, so it was not "
        "read: write the label as 'Recommendation 1: ...', or make it a list item",
    )


_ASKS = re.compile(
    r"\b(?:should|must)\b(?!\s+(?:not\s+)?have\s+(?:been|had|seen|known|done|taken|made|"
    r"got|\w+ed)\b)|\b(?:recommends?|recommended)\b",
    re.IGNORECASE,
)
"""The words of a paragraph that asks an agency to do something, as a recommendation does
("should", "must", "The review recommends that ...", "It is recommended that ..."); not
hindsight, as a finding has it ("Practitioners should have been more curious")."""
_INTRODUCES = re.compile(r"(?::\s*|\b(?:the\s+following|as\s+follows|below)\W*)$", re.IGNORECASE)
"""The end of a paragraph that introduces the recommendations after it ("The panel
recommends the following.", "It is recommended that:")."""


def introduces(text: str) -> bool:
    """Whether a paragraph only introduces the recommendations after it ("The review makes
    the following recommendations:", "... set out below."), asking nothing itself: where
    every paragraph is a recommendation, it is not one. Word files use it too."""
    return bool(_INTRODUCES.search(text)) and not _ACTS.search(text)


_ABOUT_THEM = re.compile(r"\brecommendations\b|\bthe\s+following\b|\bas\s+follows\b", re.I)
"""Words of a paragraph about the recommendations around it rather than one of them: "This
review makes six recommendations, which the Partnership should consider", "Progress on
these recommendations should be reported to the Board", "The panel recommends the
following actions to the Partnership"."""


def asks(text: str) -> bool:
    """Whether a paragraph asks for something, as a recommendation does, rather than
    introducing the recommendations after it or saying how to read them (`_ABOUT_THEM`):
    such a paragraph stands in nearly every recommendations section, and reported as a
    recommendation not read it failed `check` (exit 2). Word files use it too."""
    return (
        bool(_ASKS.search(text)) and not _INTRODUCES.search(text) and not _ABOUT_THEM.search(text)
    )


_INNER_LABEL = re.compile(
    r"[.!?:;]\s+(?P<label>(?:recommendation|rec\.?)\s+[A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?)"
    r"\s*[:.)\-\u2013\u2014]\s*\S",
    re.IGNORECASE,
)
"""A recommendation's label after a sentence of the same paragraph ("The bruise was not
escalated. Recommendation 1: The NSCP will ...")."""


def inner_label(text: str) -> str | None:
    """The label of a recommendation that stands inside a paragraph, after its first
    sentence, or None. Word files use it too."""
    found = _INNER_LABEL.search(text)
    return found.group("label") if found else None


def reported_beside(text: str, placed: bool) -> bool:
    """Whether a paragraph not read beside the items is reported as not read: one that asks
    for something where the document says where its recommendations are (``placed``: a
    table of them, or a heading naming them; without either the whole report is read, and
    its narrative says "should" too), or one with a label after its first sentence,
    anywhere. Word files use it too."""
    return (placed and asks(text)) or inner_label(text) is not None


def beside_items(name: str, line: int | None, text: str, *, table: bool) -> Problem:
    """The warning for a paragraph that asks for something beside a table of
    recommendations, or beside list items or labelled paragraphs, where only those are
    read; or that holds a label after its first sentence. Word files use it too."""
    label = inner_label(text)
    if label:
        why = (
            f"not read: its label {label!r} is inside the paragraph; start a new paragraph at "
            "the label"
        )
    elif table:
        why = (
            "not read: beside a table of recommendations only its rows, list items and "
            "labelled paragraphs are read"
        )
    else:
        why = (
            "not read: beside a list of recommendations only its items and labelled "
            "paragraphs are read: make it a list item, or label it 'Recommendation N: ...'"
        )
    return _not_read(name, line, text, why)


NESTED = 2
"""How much deeper than its parent a sub-item's marker is indented: two spaces or more (a
tab counts as four), as people nest a list under "1." in Markdown and plain text; one space
more is taken for an uneven margin, not a level."""


def _indent(line: str) -> int:
    """The width of a line's leading white space, a tab counting as four spaces."""
    margin = line[: len(line) - len(line.lstrip())]
    return len(margin.expandtabs(4))


_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
"""A setext heading's underline: '=' for a level 1 heading, '-' for level 2 (CommonMark)."""
_BOLD_LINE = re.compile(r"^\s{0,3}(\*\*|__)(?!\s)((?:(?!\1).)+?)\1\s*$")
"""A line that is all bold, '**Recommendations**' or '__Appendix 1__'."""
HEADING_WORDS = 12
_ACTS = re.compile(r"\b(?:should|must|shall|will|needs?\s+to|ought\s+to)\b", re.IGNORECASE)


def heading_is_recommendation(text: str) -> bool:
    """Whether a heading is a recommendation set as one, its reasons under it: labelled,
    or numbered and a sentence to its full stop, and asking ('Recommendation 2: Schools
    must ...', '1. Health visitors should record fathers.'); a numbered section's title
    ('6. How the Partnership will monitor progress') is no sentence. Word files use it too."""
    plain = text.strip()
    if not _ACTS.search(plain) or plain.endswith("?"):
        return False
    return bool(read_label(plain)) or bool(ITEM.match(plain) and plain.endswith("."))


def short_heading(text: str) -> bool:
    """Whether ``text`` (bold, or a row merged across a table) reads as a heading, not a
    sentence: at most ``HEADING_WORDS`` words, no full stop, and no modal verb. A short
    recommendation in bold, or merged across a plan's row ("All agencies should report
    progress to the Board"), is a recommendation, not a heading to pass over."""
    return (
        len(text.split()) <= HEADING_WORDS
        and not re.search(r"\.(?:\s|$)", text)
        and not _ACTS.search(text)
    )


def _bold_heading(text: str, after: str) -> bool:
    """Whether the bold line ``text`` (``after``: the line after it) is a heading
    (`short_heading`), not a label (a label is read as one), alone on its line; a bold
    sentence is text."""
    return (
        short_heading(text)
        and title_label(text) is None
        and not LOOKS_LABELLED.match(text)
        and (not after.strip() or bool(ITEM.match(after)))
    )


_SECTION_LINE = re.compile(
    r"^\s{0,3}(?:(?:section\s+)?\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?P<title>"
    r"(?:(?:key|main|summary\s+of(?:\s+the)?|the\s+review'?s)\s+)?"
    r"(?:(?:findings?|conclusions?|learning|analysis)\s*(?:,\s*|\s+and\s+|\s*&\s*))*"
    r"recommendations?(?:\s+(?:and|&)\s+(?:learning|actions?|next\s+steps))?"
    r"|(?:appendix|annexe?)(?:\s+[\dA-Z]{1,3})?(?:\s*[:.\u2013\u2014-]\s*[^.]{0,60})?"
    r"|glossary(?:\s+of\s+terms)?|references|bibliography|terms\s+of\s+reference|"
    r"acknowledg(?:e)?ments?|abbreviations|acronyms)\s*:?\s*$",
    re.IGNORECASE,
)
"""A line that names the recommendations section or back matter and nothing else, numbered
as a report numbers its sections or not ("8. Recommendations", "8 Findings and
recommendations", "Appendix 2: Terms of reference"), alone between blank lines: text
copied out of a PDF or Word has its headings so, without Markdown's hashes. It is read as a
heading, so that "8. Recommendations" starts the recommendations section rather than being
recommendation 8, and an appendix after it ends the section. Other section names
("Chronology", "Scope", "Summary") are not headings here: under a recommendations heading
they are as likely the short titles of recommendations ("2. Chronology" over its text)."""


_KIND_THEN_NAME = (":", " \u2013 ", " \u2014 ", " - ")
"""What parts a title's kind of review from its name: "Child Safeguarding Practice Review:
Child T", "Serious Case Review \u2013 Child Q"."""


def named_review(title: str) -> str:
    """The case's name in a title that gives the kind of review first ("Child Safeguarding
    Practice Review: Child T" is Child T), so that the case is named as the review's other
    files name it (a draft's "Child T"), not counted as a case of its own; any other title
    as it is. Split at the first separator, not by a pattern, which long runs of spaces
    would make backtrack."""
    for separator in _KIND_THEN_NAME:
        kind, found, name = title.partition(separator)
        if found and name.strip() and REVIEW_NAME.match(kind.strip()):
            return name.strip()
    return title


def _numbered_title(item: re.Match[str], after: list[str]) -> bool:
    """Whether the numbered item ``item`` is a short title over its recommendation: a few
    words, no full stop and no modal verb (`short_heading`), not a label, with a blank line
    and then a paragraph (no list item, heading or label) in ``after``, the lines below it,
    that asks for something (`asks`): under a short recommendation in the imperative ("4.
    Train GPs in coercive control"), a paragraph that only comments is no recommendation."""
    text = item.group("text").strip()
    if not item.group("num") or not short_heading(text) or title_label(text) is not None:
        return False
    if not after or after[0].strip() or len(after) < 2:
        return False
    below = after[1]
    if (
        not below.strip()
        or ITEM.match(below)
        or _HEADING.match(below)
        or LOOKS_LABELLED.match(below)
        or _indent(below) >= NESTED
    ):
        return False
    paragraph = list(itertools.takewhile(str.strip, after[1:]))
    return asks(" ".join(paragraph))


def _section_line(line: str, before: str, after: str) -> str | None:
    """The section's name if ``line``, between ``before`` and ``after``, is one
    (`_SECTION_LINE`), alone at the margin with a blank line (or the file's edge) above and
    below; else None."""
    if before.strip() or after.strip():
        return None
    named = _SECTION_LINE.match(line)
    return named.group("title").strip() if named else None


_FENCE = re.compile(r"^\s*(```|~~~)")
"""The start of a fenced code block in Markdown: three backticks or tildes."""
_COMMENT = re.compile(r"^\s*<!--(?P<body>.*?)-->\s*$")
_DISABLE = re.compile(r"^\s*scrmap:\s*disable=(?P<rules>[\w,-]+)\s*(?P<reason>.*?)\s*$")
"""``<!-- scrmap: disable=vague-verb,specific the reason -->``: waives rules for the next
item. Other one-line HTML comments are skipped, never read as recommendations."""


_PIPE = re.compile(r"(?<!\\)\|")
"""A cell border in a Markdown pipe table; an escaped one, ``\\|``, is part of the cell."""


def _cells(line: str) -> list[str]:
    """The cells of a pipe table's row, '| 1 | Share it. |' -> ['1', 'Share it.']."""
    inner = line.strip().removeprefix("|")
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(inner)]


def _delimiter(line: str) -> bool:
    """A pipe table's delimiter row, '|---|:--:|', which follows its header row."""
    if "|" not in line or "-" not in line:
        return False
    for cell in _cells(line):
        dashes = cell.removeprefix(":").removesuffix(":")
        if not dashes or dashes.strip("-"):
            return False
    return True


_GRID_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
"""A border of a grid table, '+-----+------+' ('=' under its header), as pandoc writes a
Word table whose cells run to several lines."""


@dataclass
class _Grid:
    """A grid table being read: each row from one border to the next, its cells cut at the
    columns of the border's '+' and their lines joined. A '+===+' border ends the header;
    without one, the first row is the header. Read as text, the whole table was one
    recommendation."""

    start: int
    """The line of its first border."""
    case: str | None
    bounds: list[int]
    """The columns of the border's '+'."""
    rows: list[tuple[int, list[list[str]]]] = field(default_factory=list)
    """Each row's first line, and each cell's lines."""
    header: int = 1
    """How many rows are the header."""
    open: bool = False
    """Whether a row has begun since the last border."""

    def add(self, number: int, line: str) -> bool:
        """Take the line at ``number`` if it is the table's; False when it is not."""
        if _GRID_BORDER.match(line):
            if "=" in line:
                self.header = len(self.rows)
            self.open = False
            return True
        if not line.lstrip().startswith("|"):
            return False
        cells = [line[a + 1 : b].strip() for a, b in itertools.pairwise(self.bounds)]
        if not self.open:
            self.rows.append((number, [[] for _ in cells]))
            self.open = True
        for parts, cell in zip(self.rows[-1][1], cells, strict=True):
            parts.append(cell)
        return True

    def table(self) -> list[tuple[int, str | None, _table.Columns, list[_table.Row]]]:
        """The table as a pipe table is kept, if its header names a column of
        recommendation text; else nothing (its lines are not read as text either)."""
        rows = [(line, [" ".join(filter(None, p)) for p in cells]) for line, cells in self.rows]
        if not 0 < self.header <= len(rows):
            return []
        head_rows = [cells for _, cells in rows[: self.header]]
        head = [" ".join(filter(None, parts)) for parts in zip(*head_rows, strict=True)]
        columns = _table.recognise(head)
        if "text" not in columns.fields:
            return []
        return [(self.start, self.case, columns, list(rows[self.header :]))]


def _table_header(line: str, after: str | None) -> _table.Columns | None:
    """The columns of a pipe table that starts at ``line`` (``after``: the line after it),
    if its header names a column of recommendation text, as a spreadsheet's or a Word
    table's does; else None, and its lines are read as text, as before. As in GitHub's
    Markdown the outer pipes may be left off ('No. | Recommendation'), and the header and
    delimiter rows have as many cells."""
    if not _PIPE.search(line) or after is None or not _delimiter(after):
        return None
    header = _cells(line)
    if len(header) != len(_cells(after)):
        return None
    columns = _table.recognise(header)
    return columns if "text" in columns.fields else None


_INLINE_MARKUP = re.compile(
    r"(?P<url>\b(?:https?|ftp)://\S+|\bwww\.\S+)"
    r"|(?<![\w*])(?P<star>\*\*?)(?=[^\s*])(?P<starred>.{1,300}?)(?<=[^\s*])(?P=star)(?![\w*])"
    r"|(?<![\w_])(?P<under>__?)(?=[^\s_])(?P<underlined>.{1,300}?)(?<=[^\s_])(?P=under)(?![\w_])"
    r"|(?<!`)(?P<ticks>``?)(?P<code>[^`]+)(?P=ticks)(?!`)"
)
"""Emphasis and code inside a line ('**within 3 months**', '_all_', '`CP-IS`', '``CP-IS``'):
Markdown's markup, not the recommendation's words. A web address is passed over whole, as
Markdown does not read emphasis in a link's address: 'https://site/_docs_/plan' is no
emphasis. Emphasis runs to 300 characters at most, and code to two backticks, so that a
marker never closed ('*a *a *a ...', a run of backticks) costs linear time, not quadratic;
a whole paragraph in emphasis is `_outer_emphasis_off`'s."""


def _inline_markup_off(text: str) -> str:
    """``text`` as Markdown shows it, without the markers of emphasis and code: kept, they
    show as asterisks in every table, report and workbook that quotes the item."""
    if "*" not in text and "_" not in text and "`" not in text:
        return text
    return _INLINE_MARKUP.sub(
        lambda m: m["url"] or m["starred"] or m["underlined"] or m["code"], text
    )


class _Read(NamedTuple):
    """An item or a paragraph read, its lines joined: what is numbered, filtered by section,
    and reported. A tuple, compared by its fields: `_left_out` tells paragraphs apart so."""

    line: int
    """The line it starts on, which is how a paragraph is known."""
    label: str | None
    """Its list number or letter, the id it asks for; None for a bullet or a paragraph."""
    text: str
    case: str | None
    waive: dict[str, str]
    """The rules waived for it by a comment above it."""


@dataclass
class _Open:
    """An item or a paragraph still being read: later lines may run on into it, and a sub-item
    or a paragraph under a title label may open it again after a blank line."""

    start: int
    label: str | None
    parts: list[str]
    """Its lines so far, stripped."""
    case: str | None
    waive: dict[str, str]

    @classmethod
    def again(cls, read: _Read) -> _Open:
        """The item ``read`` open again (a sub-item after a blank line, a further paragraph
        under its title label), its text so far one part."""
        return cls(read.line, read.label, [read.text], read.case, read.waive)

    def read(self) -> _Read:
        """The item as read, its lines joined by ``one_line``, which joins a word broken at a
        line end up again."""
        return _Read(self.start, self.label, one_line("\n".join(self.parts)), self.case, self.waive)


@dataclass
class _TitleLabel:
    """A title label ('Recommendation 1 \u2013 Fathers', or '2. Chronology' in a
    recommendations section) waiting for the paragraph or list under it, which is its
    recommendation."""

    start: int
    number: str | None
    """The id of the recommendation under it."""
    case: str | None
    waive: dict[str, str]
    text: str
    """The label as written, which `with_title` takes the title from."""


_Table = tuple[int, str | None, _table.Columns, list[_table.Row]]
"""A table read: its first line, its case, its columns and its rows."""


@dataclass
class _Tables:
    """The pipe and grid tables of a text whose header names a column of recommendation text:
    their rows are read as a spreadsheet's are, a row to an item, not as lines of prose. One
    is open at a time; a line that is not its row ends it."""

    done: list[_Table] = field(default_factory=list)
    pipe: _Table | None = None
    """The pipe table being read."""
    grid: _Grid | None = None
    """The grid table being read."""

    def holds_row(self, line: str) -> bool:
        """Whether ``line`` is a row of the open pipe table: a row whose last cell reads like
        page furniture ("1 | Agencies should ... | Page 12") is a row still."""
        return self.pipe is not None and bool(_PIPE.search(line))

    def take(self, number: int, line: str) -> bool:
        """Whether the line at ``number`` is a row or border of the open table, and taken;
        a line that is not ends the table."""
        if self.grid is not None:
            if self.grid.add(number, line):
                return True
            self.done.extend(self.grid.table())
            self.grid = None
        if self.pipe is not None:
            if line.strip() and _PIPE.search(line):  # a row, its outer pipes optional
                if not _delimiter(line):
                    width = len(self.pipe[2].headers)
                    cells = _cells(line)  # GitHub pads a short row with empty cells
                    self.pipe[3].append((number, cells + [""] * (width - len(cells))))
                return True
            self.done.append(self.pipe)
            self.pipe = None
        return False

    def start(self, number: int, line: str, after: str | None, case: str | None) -> bool:
        """Whether a table starts at ``line`` (``after``: the line after it): a grid table's
        border, or a pipe table's header row over its delimiter row. A table needs no blank
        line before it: its first line closes the paragraph above."""
        if _GRID_BORDER.match(line):
            self.grid = _Grid(number, case, [k for k, c in enumerate(line) if c == "+"])
            return True
        columns = _table_header(line, after)
        if columns:
            self.pipe = (number, case, columns, [])
            return True
        return False

    def finish(self) -> list[_Table]:
        """Every table read, the one open at the end of the text too."""
        if self.pipe is not None:
            self.done.append(self.pipe)
        if self.grid is not None:
            self.done.extend(self.grid.table())
        return self.done


@dataclass
class _Fence:
    """A fenced code block (a command, a quoted form): no recommendation and no part of one.
    Its lines are passed over and the item around it goes on."""

    mark: str | None = None
    """The open block's fence, None outside one."""
    line: int = 0
    """The line it opens on."""

    def passes(self, number: int, line: str) -> bool:
        """Whether the line at ``number`` is a fence or inside a block, and so passed over."""
        opened = _FENCE.match(line)
        if self.mark is None and not opened:
            return False
        if self.mark is None and opened:
            self.mark, self.line = opened.group(1)[0] * 3, number
        elif line.strip().startswith(self.mark or "\0"):
            self.mark = None
        return True

    def unclosed(self, name: str, lines: list[str]) -> list[Problem]:
        """The problem of a block still open at the end of the file, with text after it:
        every line to the end is code, not read, and a forgotten closing fence would
        otherwise drop the recommendations under it in silence."""
        if self.mark is None:
            return []
        after = sum(1 for text in lines[self.line :] if text.strip())
        if not after:
            return []
        return [
            Problem(
                name,
                self.line,
                None,
                f"a code block opened here with {self.mark} never closes, so the {after:,} "
                f"line{'s' if after != 1 else ''} of text after it "
                f"{'are' if after != 1 else 'is'} not read: close it with {self.mark} on a "
                "line of its own",
            )
        ]


@dataclass
class _Scope:
    """What the headings met so far say of the lines under them: the case they belong to,
    and whether they are read. As in Word, a section runs to the next heading of its level
    or higher, so findings before a recommendations section and appendices after it are not
    read, and the case's name is the title's, not a section's."""

    case: str | None
    """The case of the lines under the headings met so far."""
    title_level: int | None = None
    """The level of the heading that named the case."""
    under_review: int | None = None
    """The level of a title that only names the kind of review (`REVIEW_NAME`)."""
    named: dict[int, str] = field(default_factory=dict)
    """The open headings that could name a case, by level."""
    section: int | None = None
    """The level of the open recommendations heading."""
    sectioned: bool = False
    """Whether a recommendations heading was met: then only its sections are read."""
    summaries: set[int] = field(default_factory=set)
    """The levels of the open headings that name a summary (`SUMMARY`)."""
    in_summary: bool = False
    """Whether the open recommendations section is a summary's."""
    summary_case: str | None = None
    """The case of the open recommendations section, when it is a summary's."""
    summarised: dict[int, str | None] = field(default_factory=dict)
    """The lines read in a summary's section, and their case."""
    full: set[str | None] = field(default_factory=set)
    """The cases with a recommendations section that is not a summary's."""
    outside: set[int] = field(default_factory=set)
    """The lines read outside a recommendations section."""
    back_matter: int | None = None
    """The level of the open appendix (`BACK_MATTER`)."""
    appended: set[int] = field(default_factory=set)
    """The lines read in an appendix."""

    def heading(self, level: int, title: str) -> None:
        """Take a heading that is no title label: it ends the sections of its level and
        below, may open a recommendations section or back matter, and may name the case."""
        self._close_to(level)
        summary = self._summary(level, title)
        if "recommendation" in title.lower():
            self._recommendations(level, summary)
        elif BACK_MATTER.match(title):
            self.section, self.back_matter = None, level
            return  # it names no case
        elif self.section is not None and level <= self.section:
            self.section = None
        self._name_case(level, title)

    def _close_to(self, level: int) -> None:
        """End the headings that a heading at ``level`` ends: the names below it, and an
        appendix at its level or below."""
        self.named = {k: v for k, v in self.named.items() if k < level}
        if self.back_matter is not None and level <= self.back_matter:
            self.back_matter = None

    def _summary(self, level: int, title: str) -> bool:
        """Whether the heading opens a summary: 'Key recommendations', or 'Recommendations'
        under 'Executive summary', shortens the full section later in the document (see
        `SUMMARY`); a heading inside the open recommendations section is a part of it, as in
        Word, not a summary."""
        summary = bool(SUMMARY.search(title)) or any(k < level for k in self.summaries)
        if self.section is not None and level > self.section and not self.in_summary:
            summary = False
        self.summaries = {k for k in self.summaries if k < level}
        if summary and SUMMARY.search(title):
            self.summaries.add(level)
        return summary

    def _recommendations(self, level: int, summary: bool) -> None:
        """Open a recommendations section. Its case is the heading it sits under: '## Child
        A' over '### Recommendations' in a template whose title is the same in every file."""
        self.section, self.sectioned = level, True
        if self.named:
            self.case = self.named[max(self.named)]
        self.in_summary, self.summary_case = summary, self.case
        if not summary:
            self.full.add(self.case)

    def _name_case(self, level: int, title: str) -> None:
        """Name the case after the heading, if it names one: a title that only names the kind
        of review ('Serious Case Review') leaves it to the heading under it ('Child Q'); a
        section's heading ('Methodology', `GENERIC_HEADINGS`) names none."""
        review, self.under_review = self.under_review, None
        if REVIEW_NAME.match(title):
            if level <= (self.title_level or level):
                self.under_review = level  # a template's title: the heading under it names
        elif not GENERIC_HEADINGS.match(title):
            title = named_review(title)
            self.named[level] = title
            if review is not None and level > review:
                # '## Child Q' right under '# Serious Case Review': the case, and only a
                # heading at the title's level renames it.
                self.case, self.title_level = title, review
            # Else the case is the document's title: a section heading under it ('##
            # Methodology') does not rename it, another title does.
            elif level <= (self.title_level or level):
                self.case, self.title_level = title, level

    def mark(self, number: int) -> None:
        """Note where the line of text at ``number`` stands, for `not_read`."""
        if self.section is None:
            self.outside.add(number)
        elif self.in_summary:
            self.summarised[number] = self.summary_case
        if self.back_matter is not None:
            self.appended.add(number)

    def not_read(self) -> set[int]:
        """The lines whose items are not read: outside the recommendations sections if there
        are any, else in an appendix; and in a summary's section where its case also has a
        full one (read as well, its items would be counted twice)."""
        return (self.outside if self.sectioned else self.appended) | {
            n for n, of_case in self.summarised.items() if of_case in self.full
        }


_RUNNING_TIMES = 3
"""How many times a line alone recurs, at the least, as a running header does."""
_PAGE_LINES = 10
"""The fewest lines between two of a running header's: a page of text holds more."""


def _words(line: str) -> str:
    """A line's words, spaces aside: how a running header is known at each place."""
    return " ".join(line.split())


def _may_run(line: str, after: str | None) -> bool:
    """Whether ``line`` (``after``: the line under it) could be a running header or footer:
    two words or more, not ending a sentence, and no markup with a meaning of its own (a
    list item, a heading, a label, a section's name, a table's row or border, a fence, a
    comment, a rule), which is the text's however often it recurs."""
    words = _words(line)
    return not (
        len(words.split()) < 2
        or _ENDS.search(words)
        or ITEM.match(line)
        or SUB_BULLET.match(line)
        or _HEADING.match(line)
        or _BOLD_LINE.match(line)
        or _SETEXT.match(line)
        or (after is not None and _SETEXT.match(after))
        or _SECTION_LINE.match(line)
        or LOOKS_LABELLED.match(words)
        or read_label(words)
        or title_label(words) is not None
        or _PIPE.search(line)
        or _GRID_BORDER.match(line)
        or _FENCE.match(line)
        or _COMMENT.match(line)
    )


def _beside(lines: list[str], at: int, step: int) -> str:
    """The words of the nearest line above (``step`` -1) or below (1) the line at index
    ``at`` that is neither blank nor page furniture; '' at the file's edge."""
    k = at + step
    while 0 <= k < len(lines) and (not lines[k].strip() or PAGE_FURNITURE.match(lines[k])):
        k += step
    return _words(lines[k]) if 0 <= k < len(lines) else ""


def _running_lines(lines: list[str]) -> frozenset[str]:
    """The words of the lines that are a running header or footer with no page number in it
    ("Child Q \u2013 Safeguarding Practice Review" over every page of a copy of a PDF): a
    line alone that recurs at least `_RUNNING_TIMES` times, `_PAGE_LINES` lines apart or
    more, with other lines above it, and below it, at its places (`_may_run` says which
    lines may), and beside a page's edge (`_at_page_break`) at all of them but one. A line
    that recurs in the same company is a passage repeated whole (a sentence of boilerplate
    under each recommendation), and one that recurs within a few lines a field of each item
    ("Lead agency Police"): text, both."""
    places: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if line.strip():
            places.setdefault(_words(line), []).append(k)
    running = set()
    for words, at in places.items():
        if len(at) < _RUNNING_TIMES or any(b - a < _PAGE_LINES for a, b in itertools.pairwise(at)):
            continue
        after = [lines[k + 1] if k + 1 < len(lines) else None for k in at]
        if not all(_may_run(lines[k], below) for k, below in zip(at, after, strict=True)):
            continue
        above = {_beside(lines, k, -1) for k in at}
        below = {_beside(lines, k, 1) for k in at}
        breaks = sum(_at_page_break(lines, k) for k in at)
        if len(above) > 1 and len(below) > 1 and breaks >= _RUNNING_TIMES - 1:
            running.add(words)
    return frozenset(running)


def _at_page_break(lines: list[str], at: int) -> bool:
    """Whether the line at index ``at`` stands at a page's edge as a copy of a PDF shows it:
    the nearest line above or below it (blank lines aside) is page furniture (a page
    number, a protective marking), or a form feed is there. A line that recurs inside the
    text but never beside a page's edge is the text's: a recommendation made again in
    three cases, or "Status: open" under each item."""
    if "\f" in lines[at]:
        return True
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(lines) and not lines[k].strip():
            k += step
        if 0 <= k < len(lines) and ("\f" in lines[k] or PAGE_FURNITURE.match(lines[k])):
            return True
    return False


class _Prose:
    """The reading of a text's lines, one at a time, into items and paragraphs: each kind of
    line has its method, and what they share (the open item, the title label waiting for
    its text, the rules waived for the next item) is an attribute, named and typed. A line is
    first passed over if it is no text (a code fence, page furniture, a table's row, a setext
    underline), then read as a heading if it is one, and else as text: a list item, a
    sub-item, a title label, a labelled paragraph, or a line that runs on."""

    def __init__(
        self,
        lines: list[str],
        default_case: str | None,
        *,
        running: bool,
        dated: dict[int, str] | None = None,
    ) -> None:
        self.lines = lines
        self.dated = dated or {}
        """The lines that say when the review was published (`publication_days`)."""
        self.days: dict[str | None, str] = {}
        """The day each case was published, by the first such line in its part of the
        text (under its heading)."""
        self.running = _running_lines(lines) if running else frozenset()
        """The words of the running headers and footers with no page number in them."""
        self.items: list[_Read] = []
        """The list items and labelled paragraphs read."""
        self.paragraphs: list[_Read] = []
        """The plain paragraphs read: items only where the text has no list."""
        self.scope = _Scope(default_case)
        self.tables = _Tables()
        self.fence = _Fence()
        self.current: _Open | None = None
        """The open list item or labelled paragraph."""
        self.paragraph: _Open | None = None
        """The open plain paragraph."""
        self.waive: dict[str, str] = {}
        """The rules a comment waived for the next item."""
        self.parent: int | None = None
        """The last item's indent, while its sub-items may follow."""
        self.marker: re.Match[str] | None = None
        """The marker of the open item, if a list's."""
        self.titled: _TitleLabel | None = None
        """A title label with nothing read under it yet."""
        self.title_listed = False
        """Whether the title label was a numbered item's ('2. Chronology'): then the next
        numbered item is the next recommendation, not a part of this one."""
        self.under_title = False
        """Whether the last item's text is the paragraphs under a title label."""
        self.underlines: set[int] = set()
        """The lines under setext headings."""
        self.deepest = 0
        """The deepest '#' (or setext) heading's level so far."""

    def read(self) -> None:
        """Read every line, then close what is still open."""
        for number, line in enumerate(self.lines, start=1):
            self._line(number, line)
        self._close()
        self._untitled()

    def _line(self, number: int, line: str) -> None:
        """Read the line at ``number`` (the first is 1) as its kind."""
        if (
            self.fence.passes(number, line)
            or self._furniture(line)
            or self.tables.take(number, line)
            or number in self.underlines
        ):
            return
        if number in self.dated:  # the review's, never a recommendation's text
            self.days.setdefault(self.scope.case, self.dated[number])
            return
        line = self._setext(number, line)
        line = self._heading_in_text(number, line)
        if self._comment(line):
            return
        heading = _HEADING.match(line)
        if heading:
            label = self._heading(heading)
            if label is None:
                return
            line = label
        if not line.strip():
            self._close()
            return
        self.scope.mark(number)
        if self.tables.start(number, line, self._after(number), self.scope.case):
            self._end_items()
            return
        self._text(number, line)

    def _after(self, number: int) -> str | None:
        """The line after the one at ``number``, None at the end."""
        return self.lines[number] if number < len(self.lines) else None

    def _between(self) -> bool:
        """Whether no item or paragraph is open: a line here starts something."""
        return self.paragraph is None and self.current is None

    def _close(self) -> None:
        """Close the open item or paragraph (a blank line, a heading, the next item)."""
        if self.current:
            self.items.append(self.current.read())
        if self.paragraph:
            self.paragraphs.append(self.paragraph.read())
        self.current = self.paragraph = None

    def _untitled(self) -> None:
        """A title label with no paragraph under it is read as it was before labels over
        text were: a labelled item ('Recommendation 3: Audit'), else a paragraph."""
        if self.titled:
            titled = self.titled
            kept = _Read(titled.start, None, titled.text, titled.case, titled.waive)
            (self.items if read_label(titled.text) else self.paragraphs).append(kept)
        self.titled = None
        self.under_title = False

    def _end_items(self) -> None:
        """End everything open, sub-items too: what follows (a heading, a comment, a table,
        the next label) is no part of the item above it."""
        self._close()
        self._untitled()
        self.parent = None

    def _furniture(self, line: str) -> bool:
        """Whether ``line`` is page furniture ("Page 12 of 40", "OFFICIAL-SENSITIVE", a
        running header with no page number, `_running_lines`) between the lines of a
        recommendation copied from a PDF: neither its text nor the end of its paragraph. A
        row of a table is a row ("1 | Agencies should ... | Page 12", its outer pipes left
        out)."""
        furniture = PAGE_FURNITURE.match(line) or (self.running and _words(line) in self.running)
        return bool(furniture) and not self.tables.holds_row(line)

    def _setext(self, number: int, line: str) -> str:
        """``line`` as an ATX heading if a setext underline is under it: 'Child R' over
        '=======' is a heading as '# Child R' is. Only a line alone: a '---' under a paragraph
        of more lines is a rule, as a delimiter row (with its pipes) is not."""
        after = self._after(number)
        underline = _SETEXT.match(after) if after is not None else None
        if (
            underline
            and self._between()
            and line.strip()
            and _indent(line) < 4
            and not ITEM.match(line)
            and not _HEADING.match(line)
        ):
            self.underlines.add(number + 1)
            return f"{'#' if underline.group(1)[0] == '=' else '##'} {line.strip()}"
        return line

    def _heading_in_text(self, number: int, line: str) -> str:
        """``line`` as an ATX heading if it is a heading without hashes ('8. Recommendations'
        alone, `_section_line`; '**Recommendations**' alone, `_bold_heading`), as a copy of a
        PDF's or Word's pages, or a converter, writes one: one level below the deepest '#'
        heading met, as in Word. An ATX heading that is a recommendation ('### 1. Health
        visitors should ...', its reasons under it) is read as its text: an item, as it
        would be without the hashes."""
        after = self._after(number) or ""
        if self._between() and not _HEADING.match(line):
            before = self.lines[number - 2] if number > 1 else ""
            named_section = _section_line(line, before, after)
            if named_section:
                return f"{'#' * min(self.deepest + 1, 6)} {named_section}"
        bold = _BOLD_LINE.match(line) if self._between() else None
        if bold and _bold_heading(bold.group(2), after):
            # A short heading with no modal verb, never a recommendation.
            return f"{'#' * min(self.deepest + 1, 6)} {bold.group(2).strip()}"
        atx = _HEADING.match(line)
        if atx is None:
            return line
        self.deepest = max(self.deepest, len(atx.group(1)))
        if not heading_is_recommendation(atx.group(2).rstrip("#")):
            return line
        self._end_items()
        return atx.group(2).rstrip("#").strip()

    def _comment(self, line: str) -> bool:
        """Whether ``line`` is a one-line HTML comment, and taken: never read as text, it
        ends the item above; ``<!-- scrmap: disable=RULES reason -->`` waives rules for the
        next item (`_DISABLE`)."""
        comment = _COMMENT.match(line)
        if not comment:
            return False
        self._end_items()
        disable = _DISABLE.match(comment.group("body"))
        if disable:
            reason = disable.group("reason")
            self.waive |= {r: reason for r in disable.group("rules").split(",") if r}
        return True

    def _heading(self, heading: re.Match[str]) -> str | None:
        """Take an ATX heading: it ends the item above and goes to the scope (`_Scope`),
        which may open or end a section and name the case. A heading that is a title label
        ('### Recommendation 1') is returned, to be read as the label over its text below."""
        self._end_items()
        text = heading.group(2).strip()
        title = text.rstrip("#").rstrip() or text
        if title_label(title) is not None:
            return title
        self.scope.heading(len(heading.group(1)), title)
        return None

    def _text(self, number: int, line: str) -> None:
        """Read a line of text: the first kind it is, in this order, takes it."""
        self._label_ends_paragraph(line)
        item = self._item(line)
        if not item and self._between() and title_label(line) is not None:
            self._title_label(number, line)
        elif (
            item
            and self.scope.section is not None
            and self._between()
            and _numbered_title(item, self.lines[number:])
        ):
            self._title_item(number, item)
        elif self.parent is not None and (
            _indent(line) >= self.parent + NESTED or SUB_BULLET.match(line)
        ):
            self._sub_item(line, item)
        elif (
            item
            and (self.titled is not None or self.under_title)
            and not (self.title_listed and item.group("num"))
        ):
            self._listed_under_title(number, line, item)
        elif item or (self._between() and read_label(line)):
            self._start_item(number, line, item)
        else:
            self._plain(number, line)

    def _label_ends_paragraph(self, line: str) -> None:
        """End the open item or paragraph at 'Recommendation 2' at the start of a line after
        a line that ends a sentence, as text copied out of a PDF has it with no blank line
        between: the next recommendation's label, not a line of this one's text. After a line
        that runs on ('... progress against' over 'Recommendation 12'), it is the
        sentence's."""
        open_block = self.current or self.paragraph
        if (
            open_block
            and _indent(line) == 0
            and _ENDS.search(open_block.parts[-1])
            and (read_label(line) or title_label(line) is not None)
        ):
            self._end_items()

    def _item(self, line: str) -> re.Match[str] | None:
        """The list item's marker that ``line`` starts with, if it starts an item: inside an
        item or paragraph, a line with a marker may only run on its text (`_starts_item`)."""
        item = ITEM.match(line)
        block = self.current or self.paragraph
        marker = self.marker if self.current else None
        if item and block and not _starts_item(item, block.parts[-1], marker):
            return None
        return item

    def _title_label(self, number: int, line: str) -> None:
        """'Recommendation 1 \u2013 Fathers' alone: the paragraphs under it are the
        recommendation, and its number is their id (`title_label`)."""
        self._untitled()
        self.titled = _TitleLabel(
            number, title_label(line) or None, self.scope.case, self.waive, line.strip()
        )
        self.title_listed = False
        self.waive = {}
        self.parent = None

    def _title_item(self, number: int, item: re.Match[str]) -> None:
        """'2. Chronology' over its paragraph in a recommendations section: the title of the
        recommendation under it, read as 'Recommendation 2 \u2013 Chronology' is
        (`_numbered_title`)."""
        self._untitled()
        title = f"Recommendation \u2013 {item.group('text').strip()}"
        self.titled = _TitleLabel(number, _item_number(item), self.scope.case, self.waive, title)
        self.title_listed = True
        self.waive = {}
        self.parent = None

    def _reopened(self) -> _Open:
        """The open item, or after a blank line the last item read, open again: a sub-item or
        a further paragraph under a title label is part of it."""
        if self.current is None:
            self.current = _Open.again(self.items.pop())
        return self.current

    def _sub_item(self, line: str, item: re.Match[str] | None) -> None:
        """A sub-item, or any line indented `NESTED` or more under an item (even after a
        blank line), or Word's sub-bullet pasted at the margin (`SUB_BULLET`): a part of its
        parent's text, so "1. ... so that:" with two indented bullets is one recommendation
        and the document's "2." stays 2."""
        self._reopened().parts.append(item.group("text").strip() if item else line.strip())

    def _listed_under_title(self, number: int, line: str, item: re.Match[str]) -> None:
        """A list item under a title label: the list is its recommendation, one item with the
        label's number as id, its bullets joined as parts. Reviews set a recommendation's
        actions as bullets under 'Recommendation 1', and read one to an item they lost the
        label (an item of its own, or a warning) and put the ids out of step."""
        text = item.group("text").strip()
        self.marker = item
        if self.titled:
            self._open_titled(self.titled, number, text)
        else:
            self._reopened().parts.append(text)
        self.parent = _indent(line)

    def _open_titled(self, titled: _TitleLabel, number: int, text: str) -> None:
        """Open the item of the title label ``titled`` at its first text (`with_title`)."""
        self._close()
        first = with_title(titled.text, text)
        self.current = _Open(number, titled.number, [first], titled.case, titled.waive)
        self.titled = None
        self.under_title = True

    def _start_item(self, number: int, line: str, item: re.Match[str] | None) -> None:
        """A list item, or a labelled paragraph ("Recommendation 1: ..."): an item like a
        list's, so the bullets indented under it are part of it, not items of their own."""
        self._end_items()
        self.marker = item
        label = _item_number(item) if item else None
        first = item.group("text") if item else line
        self.current = _Open(number, label, [first.strip()], self.scope.case, self.waive)
        self.waive = {}
        self.parent = _indent(line)

    def _plain(self, number: int, line: str) -> None:
        """A line with no marker: it runs on the open item or paragraph; else it is the text
        under a title label, or a further paragraph under it (one that starts like a label is
        the next recommendation's, read or reported, never run into this one); else it
        starts a paragraph, and a label not read ends the one before it."""
        if self.current:
            self.current.parts.append(line.strip())
        elif self.paragraph:
            self.paragraph.parts.append(line.strip())
        elif self.titled:
            self._open_titled(self.titled, number, line.strip())
        elif self.under_title and not LOOKS_LABELLED.match(line):
            self._reopened().parts.append(line.strip())
        else:
            self.paragraph = _Open(number, None, [line.strip()], self.scope.case, self.waive)
            self.waive = {}
            self.parent = None
            self.under_title = False


def load_text(
    text: str, name: str, default_case: str | None, *, running_headers: bool = False
) -> Found:
    """List items (bulleted or numbered) one recommendation each; if the text has no list,
    each labelled paragraph ("Recommendation 1: ..."), else each paragraph. A label is
    dropped and its number is the id. A pipe table whose header names a column of
    recommendation text is read as a Word or CSV table is, a row to an item, and then the
    list items and labelled paragraphs beside it are items too, never plain paragraphs.
    The first heading that is not a section's ("Recommendations", "Findings" ...) names
    the case, until another at its level or higher. When a heading names recommendations,
    only its sections are read, each to the next heading of its level or higher.

    A sub-item, or any line indented `NESTED` or more under an item (even after a blank
    line: "a. ...", a second paragraph), is part of its parent's text: "1. ... so that:"
    with two indented bullets is one recommendation, and the document's "2." stays 2.

    With ``running_headers``, a line alone repeated over the pages of a copy of a PDF
    (`_running_lines`) is left out as a page number is: a text or Markdown file's. A PDF's
    reader leaves its running lines out by where they stand on the page, and its text may
    repeat a line of its body.
    """
    # Lines as editors count them: str.splitlines() also breaks at form feeds, U+2028 and
    # other separators, which would shift every line number reported after one.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if ">" in text:
        lines = _unquoted(lines)
    dated = publication_days(enumerate(lines, start=1))
    prose = _Prose(lines, default_case, running=running_headers, dated=dated)
    prose.read()
    not_read = prose.scope.not_read()
    listed = [b for b in prose.items if b.line not in not_read]
    paragraphs = [p for p in prose.paragraphs if p.line not in not_read]
    tables = [t for t in prose.tables.finish() if t[0] not in not_read]
    from_tables, table_problems = _table_recommendations(tables, name)
    items = _chosen(listed, paragraphs, table=bool(tables))
    recs, marked_up = _numbered(items, from_tables, name)
    unclosed = prose.fence.unclosed(name, lines)
    if not recs:
        empty = Problem(name, None, None, "no recommendations found (empty file?)")
        return [], table_problems + marked_up + unclosed or [empty]
    recs.sort(key=lambda rec: rec.source.line or 0)
    if prose.days:
        recs = dated_as_published(recs, prose.days)
    placed = bool(tables) or prose.scope.sectioned
    problems = _left_out(paragraphs, items, name, table=bool(tables), placed=placed)
    problems += marked_up + unclosed
    return recs, table_problems + sorted(problems, key=lambda p: p.line or 0)


_PUBLISHED = (
    "published on",
    "published",
    "date of publication",
    "publication date",
    "date published",
)
"""What a review's front matter writes before the day it was published ("Published: 12
March 2026", "Date of publication - 12/03/2026"), as a table's `Published` column is
named (`_table.published_day`)."""


def publication_days(lines: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Of ``lines`` (each with its line or paragraph number), those that give the day the
    review was published, each with that day (YYYY-MM-DD): a line alone that names it and
    a day (`_PUBLISHED`), bold or a heading's markup aside. A month or a year alone names
    no day (as in YAML and a table) and is text. Such a line is the review's, not a
    recommendation."""
    found: dict[int, str] = {}
    for number, line in lines:
        bare = line.strip().lstrip("#>*_ ")
        if bare[:4].lower() not in ("publ", "date"):  # most lines, in one test
            continue
        words = bare.casefold()
        name = next((name for name in _PUBLISHED if words.startswith(name)), None)
        if name is not None:
            day = _table.published_day(bare[len(name) :].strip(" *_:-\u2013\u2014\t"))
            if day is not None:
                found[number] = day
    return found


def dated_as_published(
    recs: list[Recommendation], days: dict[str | None, str]
) -> list[Recommendation]:
    """``recs`` dated as published (`meta`'s "published", as a YAML file's `published` or a
    table's column) by ``days``, the day given for each case, wherever in its part of the
    text (under its title, or after its recommendations). Where every item is of one case,
    the first day given dates them all (a title page's date stands above the case's
    heading); in a file of several reviews, each is dated by its own line, and one that
    gives none stays undated."""
    one = next(iter(days.values())) if len({rec.case for rec in recs}) == 1 else None
    out = []
    for rec in recs:
        day = one if one is not None else days.get(rec.case)
        if day is not None and "published" not in rec.meta:
            rec = replace(rec, meta={**rec.meta, "published": day})
        out.append(rec)
    return out


def _table_recommendations(
    tables: list[_Table], name: str
) -> tuple[list[Recommendation], list[Problem]]:
    """The recommendations of the tables read, as a Word or CSV table's are. A cell's markup
    is taken off as an item's is: '**always**' in a pipe table, as pandoc writes Word's bold,
    is the word, in the report as in the list above it."""
    found: list[Recommendation] = []
    problems: list[Problem] = []
    for _, table_case, columns, rows in tables:
        rows = [(line, [_inline_markup_off(cell) for cell in cells]) for line, cells in rows]
        recs, issues = _table.recommendations(columns, rows, name, table_case)
        found += recs
        problems += issues
    return found, problems


def _chosen(listed: list[_Read], paragraphs: list[_Read], *, table: bool) -> list[_Read]:
    """The items: the list items and labelled paragraphs (``listed``); without any,
    labelled paragraphs ("Recommendation 1: ...") when there are any, so that an
    introduction is not read as a recommendation, else the paragraphs that do not only
    introduce the recommendations, else every paragraph. Beside a table, which says where
    the recommendations are, the list and labelled items alone."""
    if table:
        return listed
    return (
        listed
        or [p for p in paragraphs if read_label(p.text)]
        or [p for p in paragraphs if not introduces(p.text)]
        or paragraphs
    )


def _numbered(
    items: list[_Read], from_tables: list[Recommendation], name: str
) -> tuple[list[Recommendation], list[Problem]]:
    """The tables' recommendations and then the items', each item's id its label's number,
    else its place among its case's items. An id is its case's: a file of two reviews
    numbers each from 1, and coverage knows an item by its case and id (as the file's, the
    second review's 1 and 2 were 3 and 4). An id already used gets a prime. An item that is
    only markup is reported, not read."""
    recs = list(from_tables)
    used = {(rec.case, rec.id) for rec in from_tables}
    numbered: Counter[str | None] = Counter()
    marked_up: list[Problem] = []
    for line_no, item_id, body, item_case, item_waive in items:
        numbered[item_case] += 1
        labelled = read_label(body)
        if labelled:
            item_id, body = labelled
        rec_id = item_id if item_id and (item_case, item_id) not in used else None
        rec_id = rec_id or str(numbered[item_case])
        while (item_case, rec_id) in used:
            rec_id += "'"
        used.add((item_case, rec_id))
        # Spaces again after the markup is off: '` `' or 'a `` ` `` b' leave them.
        text = " ".join(_inline_markup_off(one_line(body)).split())
        if not text:
            why = "is Markdown markup with no words, so it was not read"
            marked_up.append(_not_read(name, line_no, body, why))
            continue
        recs.append(
            Recommendation(rec_id, text, Source(name, line_no), item_case, waive=item_waive)
        )
    return recs, marked_up


def _left_out(
    paragraphs: list[_Read], items: list[_Read], name: str, *, table: bool, placed: bool
) -> list[Problem]:
    """The warnings for the paragraphs not read that may be recommendations: one that looks
    labelled (`unread`); beside a table, or list items or labelled paragraphs under a
    recommendations heading (``placed``), one that asks for something, which may be a
    recommendation written outside them (without the heading the whole file is read, and
    its other paragraphs are the review's narrative); and one with a label after its first
    sentence, anywhere (`beside_items`). None is dropped in silence."""
    taken = {p.line for p in items}  # a paragraph is known by the line it starts on
    looks = [p for p in paragraphs if LOOKS_LABELLED.match(p.text) and p.line not in taken]
    beside = [
        p
        for p in paragraphs
        if p.line not in taken and p not in looks and reported_beside(p.text, placed)
    ]
    return [unread(name, p.line, p.text) for p in looks] + [
        beside_items(name, p.line, p.text, table=table) for p in beside
    ]


def load(file: SourceFile) -> Found:
    """The registry's entry: a text file, the file's name its case unless it names one; it
    may be a copy of a PDF's pages, running headers and all."""
    return load_text(file.text, file.name, file.case, running_headers=True)
