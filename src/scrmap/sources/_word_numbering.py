"""The number Word shows in front of a list paragraph: "3.", "2.1", "a)" or "Recommendation 3:".

It is in no paragraph's text: Word counts the paragraphs of each list as it lays the
document out, from the list's definition in numbering.xml. Read without it, a table whose
"No." column Word numbers had rows with no id, and refused whole; a template's
"Recommendation %1:" numbering left its paragraphs unlabelled, so the narrative between
them was read as recommendations too; and a list that goes on from the findings above it
("5.", "6.") was numbered from 1.

Word's counting, as far as a review's lists need it: the paragraphs of every ``w:num``
that shares one definition (``w:abstractNum``) count on together, unless the ``w:num``
restarts a level (``w:startOverride``: "Restart at 1"), which makes it a list of its own;
a paragraph at one level starts the levels below it again; a level's number is shown in its
own format (``w:numFmt``: 1, 01, a, A, i, I), or in decimal under "legal" numbering.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from scrmap.sources._word_styles import Styles, W, number, val

_LEVELS = 9
"""Word's list levels, 0 to 8."""
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_LARGEST = 32767
"""The largest number Word's lists count to: past it, a hand-made file's number is shown in
figures, never as a letter repeated a million times."""
_SEPARATORS = {"tab": "\t", "space": " ", "nothing": ""}
"""What Word puts between the number and the text (``w:suff``); a tab when not said."""


@dataclass(frozen=True)
class _Level:
    start: int
    format: str
    text: str
    legal: bool
    separator: str


def _level(element: Any) -> _Level:
    start = number(val(element, "start"))
    return _Level(
        start=1 if start is None else start,
        format=val(element, "numFmt") or "decimal",
        text=val(element, "lvlText") or "",
        legal=element.find(f"{W}isLgl") is not None,
        separator=_SEPARATORS.get(val(element, "suff") or "tab", "\t"),
    )


def shown(number: int, format_: str) -> str:
    """``number`` as Word shows it in a list of ``format_`` ("lowerLetter": 28 is "bb")."""
    if format_ in ("lowerLetter", "upperLetter") and 0 < number <= _LARGEST:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if format_ == "upperLetter" else letter
    if format_ in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = ""
        for value, digits in _ROMAN:
            while number >= value:
                roman += digits
                number -= value
        return roman.upper() if format_ == "upperRoman" else roman
    if format_ == "decimalZero" and 0 <= number < 10:
        return f"0{number}"
    if format_ == "none":
        return ""
    return str(number)


class Numbering:
    """A document's list definitions, and the number each list paragraph shows."""

    def __init__(self, numbering: Any | None, styles: Styles) -> None:
        """``numbering``: the ``w:numbering`` element, None if the document has none."""
        self._styles = styles
        self._abstract: dict[str, Any] = {}
        self._nums: dict[str, Any] = {}
        if numbering is not None:
            for abstract in numbering.iterchildren(f"{W}abstractNum"):
                self._abstract[abstract.get(f"{W}abstractNumId", "")] = abstract
            for num in numbering.iterchildren(f"{W}num"):
                self._nums[num.get(f"{W}numId", "")] = num

    def _definition(self, num: Any, depth: int = 0) -> tuple[str, Any] | None:
        """The id and element of the ``w:abstractNum`` that ``num`` counts by, through a
        numbering style's link (``w:numStyleLink``) to the definition it names."""
        abstract_id = val(num, "abstractNumId") or ""
        abstract = self._abstract.get(abstract_id)
        if abstract is None:
            return None
        link = val(abstract, "numStyleLink")
        if link is not None and depth < 2:
            numbered = self._styles.style_numbering(link)
            linked = None if numbered is None else self._nums.get(numbered.num)
            if linked is not None:
                return self._definition(linked, depth + 1)
        return abstract_id, abstract

    def _list(self, paragraph: Any) -> _List | None:
        """The list a paragraph counts in, with its levels, None if it is in none."""
        numbered = self._styles.numbered(paragraph)
        num = None if numbered is None else self._nums.get(numbered.num)
        definition = None if num is None else self._definition(num)
        if numbered is None or num is None or definition is None:
            return None
        abstract_id, abstract = definition
        levels = {
            level: _level(lvl)
            for lvl in abstract.iterchildren(f"{W}lvl")
            if (level := number(lvl.get(f"{W}ilvl"))) is not None
        }
        restarts: dict[int, int] = {}
        for override in num.iterchildren(f"{W}lvlOverride"):
            overridden = number(override.get(f"{W}ilvl"))
            if overridden is None:
                continue
            replaced = override.find(f"{W}lvl")
            if replaced is not None:
                levels[overridden] = _level(replaced)
            restart = number(val(override, "startOverride"))
            if restart is not None:
                restarts[overridden] = restart
        if numbered.level not in levels or numbered.level >= _LEVELS:
            return None
        # A list restarted by its own w:num counts apart from the others of its kind.
        key = f"num {numbered.num}" if restarts else f"abstract {abstract_id}"
        return _List(key, levels, restarts, numbered.level)

    def labels(self, paragraphs: Iterable[Any]) -> dict[Any, str]:
        """The number each list paragraph of ``paragraphs`` (all of the document's, in
        order) shows, with what Word puts after it: "3.\\t", "Recommendation 3:\\t"; ''
        for a bullet. A paragraph in no list has none."""
        counters: dict[str, list[int | None]] = {}
        found: dict[Any, str] = {}
        for paragraph in paragraphs:
            in_list = self._list(paragraph)
            if in_list is not None:
                found[paragraph] = in_list.count(counters.setdefault(in_list.key, [None] * _LEVELS))
        return found


@dataclass(frozen=True)
class _List:
    """A list paragraph's list: which counters it counts with, its levels, and its own."""

    key: str
    levels: dict[int, _Level]
    restarts: dict[int, int]
    """The levels its ``w:num`` starts again, and at what."""
    at: int

    def _start(self, level: int) -> int:
        default = self.levels[level].start if level in self.levels else 1
        return self.restarts.get(level, default)

    def count(self, counters: list[int | None]) -> str:
        """Count the paragraph in ``counters`` (its list's, by level), and its label."""
        previous = counters[self.at]
        counters[self.at] = self._start(self.at) if previous is None else previous + 1
        for deeper in range(self.at + 1, _LEVELS):
            counters[deeper] = None
        level = self.levels[self.at]
        if level.format == "bullet":
            return ""
        text = level.text
        for k in range(_LEVELS):
            if f"%{k + 1}" in text:
                value = counters[k]
                format_ = self.levels[k].format if k in self.levels else "decimal"
                if level.legal and format_ != "none":
                    format_ = "decimal"
                number = shown(self._start(k) if value is None else value, format_)
                text = text.replace(f"%{k + 1}", number)
        return f"{text}{level.separator}" if text.strip() else ""
