"""What a Word document's styles make of a paragraph or a run, read once from styles.xml.

python-docx looks a paragraph's style up afresh for every paragraph, and a paragraph with
no style of its own scans every style for the default: a long review took seconds per
thousand paragraphs. It also reads a style alone, where Word follows the chain of styles
each is based on, so a template's own heading style ("SPR Heading 1", based on Heading 1,
or any style given an outline level, which Word's navigation pane lists as a heading) was
no heading, and a hidden style's text was read. Here each style's chain is followed once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY_TEXT = 9
"""The outline level of body text: a paragraph at it is no heading."""
_HEADING = re.compile(r"heading\s*(\d*)", re.IGNORECASE)
"""A heading style's name: "Heading 2", or a template's "Heading 1 Numbered"."""
_TOC = re.compile(r"toc\s+\d+|table\s+of\s+figures", re.IGNORECASE)
_DEPTH = 20
"""How far a chain of based-on styles is followed: a loop in a hand-edited file ends."""


def number(text: str | None) -> int | None:
    """A small whole number written in a file (a level, a start), None for anything else:
    a hand-made file's number of 5,000 digits, which ``int`` refuses with an error."""
    if text is None or not (text.isascii() and text.isdecimal()) or len(text) > 9:
        return None
    return int(text)


def on(element: Any) -> bool | None:
    """The value of an on/off property (``<w:b/>``, ``<w:vanish w:val="0"/>``), None if it
    is not set."""
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in ("0", "false", "off")


@dataclass(frozen=True)
class Numbered:
    """A paragraph's list: the ``w:num`` it counts in and its level in it."""

    num: str
    level: int


class Styles:
    """The document's styles by id, each with the chain it is based on."""

    def __init__(self, styles: Any) -> None:
        """``styles``: the ``w:styles`` element (python-docx's ``document.styles.element``)."""
        self._by_id: dict[str, Any] = {}
        self._default: str | None = None
        for style in styles.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            self._by_id[style_id] = style
            if style.get(f"{W}type") == "paragraph" and on(style.find(f"{W}default")):
                self._default = style_id

    def _chain(self, style_id: str | None) -> Iterator[Any]:
        """The style and those it is based on, nearest first."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < _DEPTH:
            seen.add(style_id)
            style = self._by_id.get(style_id)
            if style is None:
                return
            yield style
            based = style.find(f"{W}basedOn")
            style_id = None if based is None else based.get(f"{W}val")

    def paragraph_style(self, paragraph: Any) -> str | None:
        """The id of a ``w:p``'s style: its own, else the document's default."""
        found = paragraph.find(f"{W}pPr/{W}pStyle")
        return found.get(f"{W}val") if found is not None else self._default

    def name(self, style_id: str | None) -> str:
        """A style's name as Word shows it ("Heading 1", "List Number"), '' if none. Word
        stores its own styles' names in lower case ("heading 1")."""
        style = self._by_id.get(style_id or "")
        found = None if style is None else style.find(f"{W}name")
        name = "" if found is None else found.get(f"{W}val", "")
        return name[:1].upper() + name[1:]

    def heading_rank(self, paragraph: Any) -> int | None:
        """A heading's level as Word's navigation pane has it: the paragraph's own outline
        level, else its style's or the nearest style's it is based on ("Heading 2" is 2; a
        template's "SPR Heading 1", based on Heading 1, is 1), 0 for the Title style; None
        for body text."""
        own = paragraph.find(f"{W}pPr/{W}outlineLvl")
        if own is not None:
            return _rank(own)
        for style in self._chain(self.paragraph_style(paragraph)):
            level = style.find(f"{W}pPr/{W}outlineLvl")
            if level is not None:
                return _rank(level)
            name = self.name(style.get(f"{W}styleId"))
            if name.casefold() == "title":
                return 0
            heading = _HEADING.match(name)
            if heading:
                return number(heading.group(1)) or 1
        return None

    def is_contents(self, paragraph: Any) -> bool:
        """Whether a paragraph is an entry of a table of contents (Word's "TOC 1" ... styles):
        the headings' words again, with page numbers."""
        return bool(_TOC.fullmatch(self.name(self.paragraph_style(paragraph))))

    def _property(self, chain: Iterator[Any], tag: str) -> bool | None:
        for style in chain:
            value = on(style.find(f"{W}rPr/{W}{tag}"))
            if value is not None:
                return value
        return None

    def run_property(self, run: Any, paragraph_style: str | None, tag: str) -> bool:
        """Whether a run is bold (``tag`` "b") or hidden ("vanish"): set on the run, else by
        its character style's chain, else by its paragraph's style chain."""
        own = on(run.find(f"{W}rPr/{W}{tag}"))
        if own is not None:
            return own
        character = run.find(f"{W}rPr/{W}rStyle")
        if character is not None:
            by_character = self._property(self._chain(character.get(f"{W}val")), tag)
            if by_character is not None:
                return by_character
        return bool(self._property(self._chain(paragraph_style), tag))

    def numbered(self, paragraph: Any) -> Numbered | None:
        """The list a ``w:p`` is numbered in, set on it or by its style (a template's
        "Recommendation" style that numbers itself), None if none: a ``numId`` of 0 takes
        a style's numbering off."""
        own = paragraph.find(f"{W}pPr/{W}numPr")
        num = val(own, "numId")
        level = val(own, "ilvl")
        if num is None:
            by_style = self.style_numbering(self.paragraph_style(paragraph))
            if by_style is None:
                return None
            num = by_style.num
            level = level if level is not None else str(by_style.level)
        if num == "0":
            return None
        return Numbered(num, number(level) or 0)

    def style_numbering(self, style_id: str | None) -> Numbered | None:
        """The list a style numbers its paragraphs in, its own or by the style it is based
        on, None if none."""
        level: str | None = None
        for style in self._chain(style_id):
            numbering = style.find(f"{W}pPr/{W}numPr")
            level = level if level is not None else val(numbering, "ilvl")
            num = val(numbering, "numId")
            if num is not None:
                return Numbered(num, number(level) or 0)
        return None


def val(properties: Any, tag: str) -> str | None:
    """The ``w:val`` of the ``tag`` child of ``properties`` (an element, or None), None if
    it has none: how WordprocessingML writes most settings (``<w:numId w:val="3"/>``)."""
    found = None if properties is None else properties.find(f"{W}{tag}")
    return None if found is None else found.get(f"{W}val")


def _rank(level: Any) -> int | None:
    """The heading level of an outline level (0 is Heading 1), None for body text."""
    value = number(level.get(f"{W}val"))
    if value is None or value >= _BODY_TEXT:
        return None
    return value + 1
