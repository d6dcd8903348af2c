"""Tokens and their normal forms: what makes 'Fathers', 'father's' and 'fathers' one word.

Recommendations are written by many hands: British and American spelling, plurals,
possessives, hyphenated compounds and acronyms. Cues and recommendation text pass
through the same normaliser so they meet on common ground. Matching is then exact
on normal forms (with a narrow typo allowance in the matcher), never fuzzy over
whole strings.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import snowballstemmer

from scrmap import plain_data as plain

WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
"""A run of letters/digits, with inner apostrophes kept (father's, didn't)."""

SENTENCE_BREAK = re.compile(
    r"[.;!?\r\n](?<![^\W\d_]-[\r\n])(?<![^\W\d_]-\r\n)|\s[-\u2013\u2014]\s|\u2014"
)
"""Where a sentence-level scope ends: cue words in different sentences do not combine. A line
break ends one (a lone carriage return too, as old Mac files end lines), but not after a word
and a hyphen: there a word is broken, or a compound, across the line. A dash between spaces
ends one, and so does an em dash without them, as print sets it ("care\u2014so"). (The look
behind stands after the break, so that the search still skips at C speed to the next of these
characters.)"""

_GAP_TEXT = """a an the of to for in on at by with and or their his her its this that these those
each every any all our your within across between from into about as
should must will would could can may might shall be is are was were been being has have had"""
GAP_WORDS = frozenset(_GAP_TEXT.split())
"""Words ignored when matching phrases, so 'voice of the child' meets 'voice of each child'
and 'information should be shared' meets 'information shared'."""

_FUNCTION_TEXT = """i me my mine we us our ours you yours he him his she hers it its itself they
them theirs themselves who whom whose which what whatever whoever where when why how there here
do does did doing done get gets got getting make makes made let lets
not no nor than then so too very just yet also even ever still only both either neither such
same other another own some many much more most few less least several whether if else
because since though although unless until while whilst however therefore thus hence rather
instead against among amongst around above below over under up down out off onto upon toward
towards without along beyond throughout despite via per through after before during like
include includes included including result results resulting etc one two three"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split()) | GAP_WORDS
"""Function words (pronouns, auxiliaries, prepositions, conjunctions) and the commonest
empty verbs ("do", "include"): no phrase that begins or ends with one is a cue. The
matcher does not use this list; it is for mining cues, which should be content words."""

IRREGULAR = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "mothers": "mother",
    "wives": "wife",
    # "Child-centred" practice is no "children's centre": the stemmer makes one of the two.
    "centred": "centred",
    "centered": "centred",
}

US_TO_UK = {
    "center": "centre",
    "centers": "centres",
    "centered": "centred",
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "judgment": "judgement",
    "judgments": "judgements",
    "program": "programme",
    "programs": "programmes",
    "pediatric": "paediatric",
    "pediatrician": "paediatrician",
    "pediatricians": "paediatricians",
    "counselor": "counsellor",
    "counseling": "counselling",
    "focussed": "focused",
    "fulfill": "fulfil",
    "enroll": "enrol",
    "advisor": "adviser",
    "advisors": "advisers",
    "favor": "favour",
    "labor": "labour",
    "neighbor": "neighbour",
    "neighborhood": "neighbourhood",
    "mold": "mould",
    "practicing": "practising",
    "practiced": "practised",
    "defense": "defence",
    "offense": "offence",
}

_IZE = re.compile(r"^(\w{3,})(iz|yz)(e|es|ed|er|ers|ing|ation|ations)$")
_IZE_EXCEPTIONS = frozenset({"seize", "seized", "seizes", "seizing", "capsize", "capsized"})

_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text, with where it stands and how it normalises."""

    start: int
    """Character offset of the first character."""
    end: int
    """Character offset just past the last character."""
    raw: str
    """The word as written."""
    key: str
    """The normal form (lower case, British spelling, stemmed)."""
    acronym: str | None
    """The upper-case form without a plural 's' if the word is written as an acronym."""
    sentence: int
    """Index of the sentence the word stands in."""


def whole_words(words: Iterable[str]) -> str:
    """A pattern that finds any of ``words`` (in lower case) as a whole word: what
    ``\\b(?:word|word|...)\\b`` finds, at the same places.

    Written to begin with each word's first letter, grouped by it ("n(?<!\\wn)(?:o|ot)\\b"
    for no and not), so that ``re`` skips to the next place where one of those letters
    stands instead of trying every word at every character of a text. That pays where the
    first letters are few or rare (the role words: a third faster over generated
    recommendations); where they are the commonest letters of English (the negation words'
    a, e, n, r) it gains nothing. A first letter starts a word where the character before it
    is no word character, as ``\\b`` would have it.
    """
    rests: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(first)}(?<!\\w{re.escape(first)})(?:{'|'.join(tails)})\\b"
        for first, tails in rests.items()
    )


class Caseless:
    """A case-insensitive pattern that reads ASCII text several times faster.

    Python's ``re`` tries case-insensitive alternatives letter by letter, two to three
    times more slowly than case-sensitive ones, and these patterns run over every text
    of a corpus. On ASCII text (nearly all of it) lower case keeps every offset, and a
    letter matches a pattern's letter regardless of case exactly when it matches in
    lower case; so the pattern compiled without ``re.IGNORECASE``, run over the text in
    lower case, finds the same matches at the same places. Their positions and whether
    a group matched are the same; their text is in lower case, so callers read nothing
    else. Any other text is read by the case-insensitive pattern itself.
    """

    __slots__ = ("_any", "_ascii")

    _last: tuple[str, str] = ("", "")
    """The last ASCII text read and its lower case: the matcher reads each text with several
    of these patterns, some many times (a negation is tried at each place one can start, for
    each word near it), and lower-casing a long text each time made one 200 KB item take
    seconds."""

    def __init__(self, pattern: str) -> None:
        # Upper case would be a letter that lower case never matches, or an escape (\W)
        # that means something else in lower case; named groups (?P<...>) aside.
        bare = pattern.replace("(?P", "")
        assert bare == bare.lower(), "a caseless pattern is written in lower case"
        self._any = re.compile(pattern, re.IGNORECASE)
        self._ascii = re.compile(pattern)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``re.finditer`` case-insensitively over ``text[pos:endpos]``."""
        if text.isascii():
            return self._ascii.finditer(_lower(text), pos, endpos)
        return self._any.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.search`` case-insensitively over ``text[pos:endpos]``."""
        if text.isascii():
            return self._ascii.search(_lower(text), pos, endpos)
        return self._any.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.match`` case-insensitively at ``pos`` of ``text[:endpos]``."""
        if text.isascii():
            return self._ascii.match(_lower(text), pos, endpos)
        return self._any.match(text, pos, endpos)


def _lower(text: str) -> str:
    """``text.lower()``, remembered for the last text (``Caseless._last``): the same string
    object, so the same lower case."""
    last, lowered = Caseless._last
    if text is not last:
        lowered = text.lower()
        Caseless._last = (text, lowered)
    return lowered


def fold(text: str) -> str:
    """``text`` as the matcher reads it (``read``), where no offset into it is needed: a cue
    phrase, or a text whose words alone are compared (``repeats``, ``suggest``), is read as
    a recommendation is, a ligature as its letters and a curly apostrophe as "'"."""
    return read(text)[0]


READ_AS_CACHE_SIZE = 4096
"""How many characters' readings ``read_as`` remembers."""

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Characters a reader does not see: the soft hyphen a PDF or Word keeps where it broke a
word at a line end ("in\u00adformation"), zero-width spaces and joiners, the word joiner, and
a byte-order mark left inside a text by joining files."""

_APOSTROPHES = "\u2018\u2019\u02bc\u2032"
"""Typographic quotes, the modifier letter apostrophe and the prime, as Word and PDFs set an
apostrophe ("father\u2019s"): all read as "'"."""

_HYPHENS = "\u2010\u2011\u2012\u2212"
"""The hyphen, the non-breaking hyphen (Word's Ctrl+Shift+-), the figure dash and the minus
sign: all read as "-", so that a word broken across a line by one of them is one word."""

_LINE_SEPARATORS = "\u2028\u2029"
"""Unicode's line and paragraph separators: read as a line break."""


@lru_cache(maxsize=READ_AS_CACHE_SIZE)
def read_as(char: str) -> str:
    """What the matcher reads in place of one character that is not ASCII.

    Its compatibility form (NFKC): a ligature is its letters ("\ufb01" is "fi", as PDFs set
    them), a full-width letter the letter, a no-break or thin space a space. An invisible
    character is nothing, a typographic apostrophe or hyphen the ASCII one, a line or
    paragraph separator a line break, and a superscript digit, a footnote's mark
    ("fathers\u00b3"), a space: read as a digit it would make a word of its own
    ("fathers3") that no cue matches. Remembered for the characters met last: a corpus has
    a few dozen, and a text of every character in Unicode must not keep a million.
    """
    if char in INVISIBLE:
        return ""
    if char in _APOSTROPHES:
        return "'"
    if char in _HYPHENS:
        return "-"
    if char in _LINE_SEPARATORS:
        return "\n"
    if char.isdigit() and unicodedata.decomposition(char).startswith("<super>"):
        return " "
    return unicodedata.normalize("NFKC", char)


_MARKS = re.compile(f"[{INVISIBLE}{_APOSTROPHES}{_HYPHENS}{_LINE_SEPARATORS}]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def _ascii_mark(found: re.Match[str]) -> str:
    """The ASCII apostrophe, hyphen or line break read for a typographic one (``read_as``)."""
    mark = found.group()
    return "'" if mark in _APOSTROPHES else "-" if mark in _HYPHENS else "\n"


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class Reading:
    """A text as the matcher reads it (``read``), and the way back to the text as written.

    Only what is not read character for character (a ligature, an invisible character, an
    ellipsis) moves what follows it; each is a unit, and every offset of the reading finds
    its place in the text through the units before it.
    """

    text: str
    """What is read."""
    units: tuple[tuple[int, int, int, int], ...]
    """Each unit: where its reading starts and ends, and where it starts and ends in the
    text as written."""
    shifts: tuple[int, ...]
    """How far the text as written runs ahead of the reading past each unit."""

    def start(self, at: int) -> int:
        """Where the character read at ``at`` starts in the text as written: a span that
        starts inside a ligature's letters starts at the ligature."""
        i = bisect_right(self.units, (at, sys.maxsize)) - 1
        if i >= 0 and at < self.units[i][1]:
            return self.units[i][2]
        return at + (self.shifts[i] if i >= 0 else 0)

    def end(self, at: int) -> int:
        """Where a span of the reading that ends at ``at`` ends in the text as written: an
        invisible character just past it is not part of it."""
        i = bisect_left(self.units, (at, -1)) - 1
        if i >= 0 and at < self.units[i][1]:
            return self.units[i][3]
        return at + (self.shifts[i] if i >= 0 else 0)


_SOFT_BREAK = re.compile("\u00ad[ \t]*(?:\r\n?|[\n\u2028])[ \t]*")
"""Word's optional hyphen at a line end, where it shows: the word is broken there, and is
read whole."""


def read(text: str) -> tuple[str, Reading | None]:
    """``text`` as the matcher reads it (each character as ``read_as`` says, a word broken
    at an optional hyphen whole), and how to find each offset of that reading in ``text``:
    None where every character is read as one, so that offsets are the same (nearly every
    text; ASCII text is read as it is)."""
    if text.isascii():
        return text, None
    if unicodedata.is_normalized("NFKC", text):  # no ligature, no full-width, no odd space
        # Most such text has only typographic apostrophes and dashes in it: read at C speed.
        if _MARKS.search(text) is None:
            return text, None
        if _INVISIBLE.search(text) is None:
            return _MARKS.sub(_ascii_mark, text), None
    table: dict[int, str] = {}
    moves = False
    for char in set(_NOT_ASCII.findall(text)):
        reading = read_as(char)
        if reading != char:
            table[ord(char)] = reading
            moves = moves or len(reading) != 1
    if not moves:
        return (text.translate(table) if table else text), None
    movers = "".join(re.escape(chr(c)) for c, r in table.items() if len(r) != 1)
    pieces: list[str] = []
    units: list[tuple[int, int, int, int]] = []
    shifts: list[int] = []
    done = length = 0  # the text written, and the reading made, so far
    for found in re.finditer(f"{_SOFT_BREAK.pattern}|[{movers}]", text):
        at, past = found.span()
        before = text[done:at].translate(table)
        reading = table.get(ord(text[at]), "") if past == at + 1 else ""
        length += len(before)
        pieces += [before, reading]
        units.append((length, length + len(reading), at, past))
        length += len(reading)
        shifts.append(past - length)
        done = past
    pieces.append(text[done:].translate(table))
    got = "".join(pieces)
    return got, Reading(got, tuple(units), tuple(shifts))


_INSIDE_A_WORD = re.compile(f"(?<=\\w)[{INVISIBLE}]+(?=\\w)")
"""Invisible characters inside a word: 'con\u200bsider' is 'consider' to a reader."""

_BROKEN_AT_LINE_END = re.compile(
    r"(?<=[^\W\d_])(?:(?P<soft>\u00ad)|[-\u2010\u2011])[ \t]*(?:\r\n?|[\n\u2028])\s*(?=[^\W\d_])"
)
"""A word broken across a line by a hyphen, as a PDF or a text copied from one leaves it
("infor-\\nmation"), or by Word's optional hyphen (U+00AD), which shows only there."""


def join_words(text: str) -> str:
    """``text`` with invisible characters inside words removed, so that a rule or a cue sees
    the word a reader sees ('con\u200bsider' is caught as 'consider')."""
    if text.isascii():  # no invisible character is ASCII: most texts, read at C speed
        return text
    return _INSIDE_A_WORD.sub("", text)


def one_line(text: str) -> str:
    """A recommendation's text on one line, as every source gives it: each run of white
    space (line breaks, tabs, no-break and thin spaces) one space, invisible characters
    inside a word removed (``join_words``), and a word broken by a hyphen at a line end
    joined up to its hyphen: "infor-\\nmation" is "infor-mation", "multi-\\nagency"
    "multi-agency". Which of them is one word broken, and which a compound, only the
    framework's words tell: the matcher reads "infor-mation" as "information"
    (``Matcher._split``), and the text keeps the hyphen the reader saw. Broken at Word's
    optional hyphen, a word is joined up whole.
    """
    # Only a text with a hyphen and a line break can hold a word broken at a line end;
    # both are looked for in C, where the pattern is tried at every character.
    if ("-" in text or "\u00ad" in text or "\u2010" in text or "\u2011" in text) and (
        "\n" in text or "\r" in text or "\u2028" in text
    ):
        text = _BROKEN_AT_LINE_END.sub(lambda m: "" if m.group("soft") else "-", text)
    return join_words(" ".join(text.split()))


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The matching key of one word: lower case, no possessive, British spelling, stem.

    Remembered per word; ``normal_form`` is the same without the memory, for a caller
    that keeps its own (the matcher's bounded word cache: two caches of a national
    corpus's vocabulary would only grow memory).
    """
    return normal_form(word)


def normal_form(word: str) -> str:
    """The matching key of one word, as ``normalise`` gives it, worked out each time."""
    lower = _bare(word)
    if lower in IRREGULAR:
        return IRREGULAR[lower]
    return _stemmer.stemWord(_british(lower))


def spelling(word: str) -> str:
    """A word as ``normal_form`` reads it just before stemming: lower case, no possessive,
    British spelling. Typo correction compares these: a stem can hide a misspelt ending
    ("informaton" stems to itself, "information" to "inform")."""
    return _british(_bare(word))


def _bare(word: str) -> str:
    """``word`` in lower case, with no possessive and no closing apostrophe."""
    lower = word.lower().replace("\u2019", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    return lower.rstrip("'")


def _british(lower: str) -> str:
    """A lower-case word in British spelling: "center" is "centre", "organize" "organise"."""
    lower = US_TO_UK.get(lower, lower)
    if lower not in _IZE_EXCEPTIONS:
        lower = _IZE.sub(lambda m: m.group(1) + m.group(2).replace("z", "s") + m.group(3), lower)
    return lower


def very_word(written: str, wanted: str) -> bool:
    """Whether ``written`` is the word ``wanted`` itself, a plural aside ("taxis" for
    "taxi", "churches" for "church"), both in lower case: how an outside phrase or addressee
    matches, word for word, where a stem would say too much ("licensed" is no "licensing")."""
    return written == wanted or written in (wanted + "s", wanted + "es")


def acronym_form(word: str) -> str | None:
    """'MASH' -> 'MASH', 'IDVAs' -> 'IDVA', 'Mash' -> None: acronyms match only in capitals."""
    core = word[:-1] if len(word) > 2 and word.endswith("s") else word
    if len(core) >= 2 and core.isupper() and any(c.isalpha() for c in core):
        return core
    return None


def tokenize(text: str) -> list[Token]:
    """All words of ``text`` with spans into ``text`` itself (callers fold first if needed)."""
    breaks = [m.start() for m in SENTENCE_BREAK.finditer(text)]
    tokens: list[Token] = []
    sentence = 0
    for match in WORD.finditer(text):
        while sentence < len(breaks) and breaks[sentence] < match.start():
            sentence += 1
        raw = match.group()
        tokens.append(
            Token(match.start(), match.end(), raw, normalise(raw), acronym_form(raw), sentence)
        )
    return tokens


_PHRASE_KEYS: dict[str, tuple[str, ...]] = {}
"""``phrase_keys`` of every framework phrase met in this process. Stemming a framework's
phrases is most of compiling it for matching, so they are remembered here, and stored in
the framework's cache entry (`known_keys`, `remember_keys`) for the next run. Only
framework phrases and learned words pass through, so this grows with the frameworks used,
never with the text mapped."""
_TERM_KEYS: dict[str, tuple[str, ...]] = {}
"""``term_keys`` of every learned word and word pair met in this process (as above)."""


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The words of a cue phrase as the matcher compares them: normal forms, acronyms
    marked with '^', and the ignorable words left out (empty if nothing else remains)."""
    keys = _PHRASE_KEYS.get(phrase)
    if keys is None:
        keys = _PHRASE_KEYS[phrase] = tuple(
            f"^{t.acronym}" if t.acronym else t.key
            for t in tokenize(fold(phrase))
            if t.raw.lower() not in GAP_WORDS
        )
    return keys


def term_keys(written: str) -> tuple[str, ...]:
    """The normal forms of a learned word or word pair, as the matcher's terms of a text
    are (no acronyms: learned weights are read in lower case)."""
    keys = _TERM_KEYS.get(written)
    if keys is None:
        keys = _TERM_KEYS[written] = tuple(
            normalise(w) for w in WORD.findall(fold(written)) if w.lower() not in GAP_WORDS
        )
    return keys


def known_keys(phrases: Iterable[str], terms: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """The keys of ``phrases`` (`phrase_keys`) and ``terms`` (`term_keys`) as plain data,
    for a cache entry; `remember_keys` reads it back."""
    return {
        "phrases": {phrase: list(phrase_keys(phrase)) for phrase in phrases},
        "terms": {term: list(term_keys(term)) for term in terms},
    }


def remember_keys(data: object) -> None:
    """Take the keys in ``data`` (as `known_keys` gives them, read back from a cache entry
    that scrmap's version is part of the key of, so the same code worked them out) as
    known. Raises ValueError or TypeError, remembering nothing, for data of any other
    shape."""
    read = plain.mapping(plain.many(plain.text))
    if type(data) is not dict or data.keys() != {"phrases", "terms"}:
        raise ValueError("not the keys of phrases and terms")
    phrases, terms = read(data["phrases"]), read(data["terms"])
    _PHRASE_KEYS.update(phrases)
    _TERM_KEYS.update(terms)


NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        start=1,
    )
}
"""Numbers in words, as some reviews write a label ("Recommendation Three:"): the id is the
digits, so that it sorts and matches as the other labels' ids do."""

LABEL_OWNER = (
    r"(?:(?:multi|single)[-\s]?agency\s+"
    r"|(?:LSCB|LSCP|SAB|SCP|SCR|CSPR|LCSPR|DHR|SAR|board|partnership)\s+)?"
)
"""Whose recommendation it is, where a review says so in each label: "Multi-agency
recommendation 1", "Single agency recommendation 2", "LSCB recommendation 5". The item
labels the matcher leaves unread (``item_label``) and the labelled paragraphs the sources
read share it."""

UNSTOPPED_LABEL_END = (
    r"(?=\s+(?-i:[A-Z\"(\u201c\u2018']))"
    r"(?!\s+(?:and|or|to|of|in|from|should|must|will|is|are|was|were|has|have)\b)"
)
"""Where a label's number with no stop after it ends the label: before a capital that starts
the item's words, and not before a word that goes on from the number, in any case.
"Recommendation 3 The LSCP should ..." is labelled; "Recommendations 1 and 2 should ...",
"RECOMMENDATIONS 1 AND 2 ..." and "Recommendation 4 of the 2019 review ..." are not. The
item labels the matcher leaves unread and the labelled paragraphs the sources read share it,
so a paragraph the matcher reads as labelled is never reported as a label not read."""

_ITEM_LABEL = re.compile(
    r"^\s*(?:"
    # Whose item it is, where a review says so ("SCR recommendation 3"): ``LABEL_OWNER``.
    r"(?P<word>"
    + LABEL_OWNER
    + r"(?:key\s+)?(?:recommendation|rec|finding|action|learning(?:\s+point)?"
    r"|lessons?\s+learn(?:ed|t)|lesson|priority|area\s+for\s+(?:improvement|development))s?)"
    r"\.?(?:"
    r"\s*(?:no\.?\s*|number\s+)?"
    r"(?P<number>[a-z]?[0-9]+(?:\.[0-9]+)*[a-z]?(?:\([a-z0-9]{1,3}\))?)"
    # A number with no stop labels only where ``UNSTOPPED_LABEL_END`` says so.
    r"(?:\s*[:.)\u2013\u2014-]|" + UNSTOPPED_LABEL_END + r")"
    # A numeral, a letter or a number word only after a space and with its stop, a dash
    # or full stop then a space: "Finding a suitable placement ...", "Learning one-to-one
    # ...", "Finding I.T. systems ..." and "Actions: ..." are no labels.
    r"|\s+(?:no\.?\s*|number\s+)?(?P<named>[ivxlc]+|[a-z]|"
    + "|".join(NUMBER_WORDS)
    + r")\b\s*(?::|\)|[.\u2013\u2014-](?=\s|$)))"
    r"|(?P<short>R|F|A)(?P<short_number>[0-9]+(?:\.[0-9]+)*)\s*[:.)\u2013\u2014-]"
    r"|\(?(?P<bare>[0-9]+(?:\.[0-9]+)*[a-z]?|[a-h]|[ivx]+)\s*(?:[:)\u2013\u2014]|\.(?!\d))"
    r"|(?P<outline>[0-9]+(?:\.[0-9]+)+)(?=\s)"
    r")\s*",
    re.IGNORECASE,
)
"""An item's own label at its start ("Recommendation 3:", "R3.", "3)"): document scaffolding."""


def item_label(text: str) -> tuple[str | None, int]:
    """The number of an item's leading label and where the item's own words start.

    "Recommendation 3: Agencies should ..." gives ``("3", 18)``; text without a label
    gives ``(None, 0)``. The label says where the item stands in its document, not what
    it is about, so the matcher does not read it (the word "recommendation" is itself a
    cue) and a source can keep the number as the item's id.
    """
    found = _ITEM_LABEL.match(text)
    if found is None or found.end() >= len(text.rstrip()):
        return None, 0
    number = next(
        (
            found.group(g)
            for g in ("number", "named", "short_number", "bare", "outline")
            if found.group(g)
        ),
        None,
    )
    return number, found.end()


_STATES = """able aware mindful alert alive clear curious confident vigilant responsible
accountable sure open prepared willing ready proactive satisfied assured cognisant cognizant
familiar competent knowledgeable sensitive"""
"""Adjectives after "should be" that describe who acts: "staff must be able to ..."."""

_MODAL = Caseless(
    r"\b(?:should|must|shall|will|needs?\s+to|ought\s+to|(?:is|are)\s+(?:asked\s+|expected\s+|"
    r"required\s+|recommended\s+)?to|(?:has|have)\s+to)\b"
    r"(?P<passive>\s+(?:not\s+)?(?:be|been)\b(?!\s+(?:(?:fully|more|better|always|sufficiently)\s+)?"
    r"(?:" + "|".join(sorted(_STATES.split())) + r")\b))?"
)
"""The modal that ends a recommendation's actor: "Health visitors should ...".

After "should be" the subject is what is acted on ("training should be reviewed", "the
protocol should be drawn up"), not who acts, so a passive modal ends no actor. Only where
"should be" goes on to a state of the actor ("health partners should be mindful of ...",
"staff must be able to ...") does the subject still name who acts."""

_CLAUSE_START = Caseless(r"(?:^|[.;:!?\n,]|" + whole_words(["that", "where", "when"]) + r")\s*")
"""Where a clause starts: the text's start, punctuation, or that, where or when; what
``(?:^|[.;:!?\\n]|\\bthat\\b|\\bwhere\\b|\\bwhen\\b|,)\\s*`` finds case-insensitively,
read two to five times faster (``Caseless``, ``whole_words``). Read back from every modal
verb."""

ACTOR_WORDS = 12
"""Longer stretches before a modal are read as subject matter, not as a named actor."""

_AGENT_TEXT = """agency agencies service services board boards partnership partnerships partner
partners
practitioner practitioners professional professionals staff manager managers leader leaders
police council councils authority authorities team teams visitor visitors nurse nurses
midwife midwives doctor doctors school schools trust trusts government governments
commissioner commissioners department departments unit hub group groups subgroup subgroups
panel committee provider providers organisation organisations organization organizations
body bodies office lead leads worker workers officer officers clinician clinicians hospital
hospitals practice practices probation court courts director directors chair colleague
colleagues employer employers forum network centre centres center centers nursery nurseries
setting settings college colleges academy academies charity charities prison prisons we you
they it"""
AGENT_WORDS = frozenset(_AGENT_TEXT.split())
"""Words that make a subject an actor (who acts) rather than the recommendation's topic:
"Health visitors should ..." names an actor; "Children returning home should ..." does not."""


def actor_spans(text: str) -> list[tuple[int, int]]:
    """Where each clause names who acts: the words before an active modal verb.

    "Health visitors should ask about fathers" is about fathers: "Health visitors" is
    the actor. Cues found there say who will do the work, not what the work is, so the
    matcher counts them for little. Only short subjects that name an agency, a role or
    a body (``AGENT_WORDS``, or an acronym) are taken: "Children returning home should
    have a plan" is about children returning home.
    """
    return _subjects(text, agents_only=True)


def subject_spans(text: str) -> list[tuple[int, int]]:
    """Where each clause's subject stands before an active modal verb, whatever it names:
    ``actor_spans`` without its test for an agency's word. For a framework's addressees
    outside it ("Ofsted should ...", "The Ministry of Justice should ..."), which name
    bodies that no list of agency words could hold; the addressee phrase itself says it
    names who acts. Two more ways a recommendation names its addressee are read too: a
    subject set off from its modal by an aside (`_aside_subjects`: "The Home Office,
    working with the Ministry of Justice, should ..."), and the subject of a verb after
    "recommends that" (`_recommended_subjects`: "It is recommended that the Department for
    Education reviews ...")."""
    spans = _subjects(text, agents_only=False) + _aside_subjects(text)
    return sorted(set(spans + _recommended_subjects(text)))


_ASIDE_SUBJECT = re.compile(
    r"(?:^|(?<=[.;:!?\n])|(?<=\bthat\b))[ \t]*+(?P<subject>[^\s,.;:!?][^,.;:!?\n]{0,199}?),"
    r"[^,.;:!?\n]{1,200},[ \t]*+(?=\w)",
    re.IGNORECASE,
)
"""A clause's subject, then an aside between commas, then (where the caller finds one) its
modal: "The Home Office, working with the Ministry of Justice, should ...". Each part is
read to 200 characters at most, so that no text makes it read a long run again from each
place it could start."""


def _aside_subjects(text: str) -> list[tuple[int, int]]:
    """The subjects set off from an active modal by an aside between commas: the clause
    before the modal is the aside, and the subject stands before it. Short ones only
    (``ACTOR_WORDS``), as `_subjects` takes them."""
    spans = []
    for found in _ASIDE_SUBJECT.finditer(text):
        modal = _MODAL.match(text, found.end())
        if modal is None or modal.group("passive"):
            continue
        subject = found.group("subject")
        if 0 < len(WORD.findall(subject)) <= ACTOR_WORDS:
            start = found.start("subject")
            spans.append((start, start + len(subject.rstrip())))
    return spans


_RECOMMENDS_THAT = Caseless(r"\b(?:recommends?|recommended)\s+that\s+")
_RECOMMENDED_VERB_TEXT = """adopt agree align allocate amend apply appoint arrange ask assess
assure audit bring build change clarify collect commission confirm consider consult continue
convene coordinate create deliver design develop devise disseminate embed enable encourage
engage ensure establish evaluate examine expand explore extend facilitate fund give identify
implement improve include inform inspect instruct introduce invest investigate issue lead
legislate maintain make monitor notify offer oversee prepare prioritise prioritize produce
promote provide publish put raise recognise recognize reconsider reform reinforce remind
require respond review revise scrutinise scrutinize seek set share strengthen support take
undertake update use work write"""
_RECOMMENDED_VERBS = frozenset(_RECOMMENDED_VERB_TEXT.split())
"""Verbs a recommendation asks of its addressee, in their plain form: "It is recommended
that the Home Office reviews (review) ..."."""
_NOUN_AFTER = frozenset(
    ["of", "is", "are", "was", "were", "be", "has", "have", "should", "must", "will", "shall"]
)
"""Words after a verb's form that make it a noun: "that the Home Office review of ... is"."""
_OBJECT_START_TEXT = """the a an its their his her our your this these that those all any
each every some no such whether how what which who when where if it them him us"""
_OBJECT_START = frozenset(_OBJECT_START_TEXT.split())
"""Words that start what a verb asks for ("reviews its guidance", "review whether ..."):
after one of them, a later *is* is that clause's, not the verb's."""
_DETERMINER_TEXT = "the a an its their his her our your this these those each every"
_DETERMINERS = frozenset(_DETERMINER_TEXT.split())
"""Words after which a verb's form is a noun: "that the review process engages fathers"."""


_NOUNS_TOO_TEXT = """audit change commission fund issue lead reform review set share support
update use work"""
_NOUNS_TOO = frozenset(_NOUNS_TOO_TEXT.split())
"""Verbs asked for that are nouns too in their plain form ("the DfE review recommendations
are ..."); *ensure* or *reviews* before a noun is a verb ("ensures schools have ...")."""


def _is_asked_verb(word: str, following: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of ``_RECOMMENDED_VERBS`` (plain, -s, -es or -ies) used as a
    verb: not before ``_NOUN_AFTER`` ("review of", "support is"), nor, where it is a noun
    too (``_NOUNS_TOO``), a word before it that starts no object ("that the DfE review
    recommendations are considered": a noun with its noun); the next two words of
    ``following`` are read."""
    low = word.lower()
    forms = [low]
    if low.endswith("s"):  # -s, -es, -ies; not -ed ("considered" is no "consider")
        forms += [low[:-1], low[:-2]] + ([low[:-3] + "y"] if low.endswith("ies") else [])
    if _RECOMMENDED_VERBS.isdisjoint(forms):
        return False
    after = [w.lower() for w in following[:2]]
    if after and after[0] in _NOUN_AFTER:
        return False
    return not (
        low in _NOUNS_TOO
        and len(after) == 2
        and after[0] not in _OBJECT_START
        and after[1] in _NOUN_AFTER
    )


def _recommended_subjects(text: str) -> list[tuple[int, int]]:
    """The subjects of the verbs after "recommends that" / "recommended that", where no
    modal follows: "It is recommended that the Department for Education reviews its
    guidance", "The panel recommends that Ofsted inspect ...". The subject is the words
    from "that" to the first of the verbs a recommendation asks for, less an adverb just
    before it ("... and the Ministry of Justice jointly review ..."; a short run, as
    `_subjects` takes); with "should" after "that", `_subjects` reads it already."""
    spans = []
    for found in _RECOMMENDS_THAT.finditer(text):
        words = list(islice(WORD.finditer(text, found.end()), ACTOR_WORDS + 3))
        for k, word in enumerate(words[1:], 1):
            if text[words[k - 1].end() : word.start()].strip():
                break  # punctuation ends the subject before any verb
            if words[k - 1].group().lower() in _DETERMINERS:
                continue  # "the review process": a noun after *the* is no verb
            following = tuple(w.group() for w in words[k + 1 : k + 3])
            if _is_asked_verb(word.group(), following):
                # An adverb before the verb is no part of the subject ("jointly review").
                last = k - 2 if k > 1 and words[k - 1].group().lower().endswith("ly") else k - 1
                spans.append((found.end(), words[last].end()))
                break
    return spans


def _subjects(text: str, agents_only: bool) -> list[tuple[int, int]]:
    """The short subjects before active modals; ``agents_only``, those naming an agency. A
    subject that is a list's last items ("GPs and midwives" in "Health visitors, GPs and
    midwives should ...") takes in the items before it (`_list_start`)."""
    spans: list[tuple[int, int]] = []
    # The clause of a modal starts where the last clause start before it ends. Modals and
    # clause starts both come in order, so the clause starts are read once, on from the
    # last modal's (no clause start can run into a modal verb): read again from the text's
    # start for every modal, a long text took time in the square of its length.
    clauses = _CLAUSE_START.finditer(text)
    clause = next(clauses, None)
    start = 0
    at_comma = False  # whether the clause starts at a comma: a list's end, perhaps
    after_modal = 0  # where the last modal ended: no list reaches back past it
    for modal in _MODAL.finditer(text):
        while clause is not None and clause.end() <= modal.start():
            mark = text[clause.start()]
            if mark != "\n" or not _soft_break(text, clause):
                start = clause.end()
                at_comma = mark == ","
            clause = next(clauses, None)
        previous, after_modal = after_modal, modal.end()
        if modal.group("passive"):
            continue
        if spans and start < spans[-1][1]:
            continue
        limit = ACTOR_WORDS
        if at_comma:
            listed = _list_start(text, start, modal.start(), previous)
            if listed != start:  # a list of who acts, checked item by item
                start, limit = listed, _LIST_WORDS
        # At most one word past the limit is read: a subject longer than that is none.
        words = [m.group() for m in islice(WORD.finditer(text, start, modal.start()), limit + 1)]
        # An agency's word (read in C), else an acronym: whether any word is either.
        if 0 < len(words) <= limit and (not agents_only or _names_agent(words)):
            spans.append((start, modal.start()))
    return spans


_LIST_END = Caseless(whole_words(["and", "or"]))
_LIST_ITEM_WORDS = 6
"""At most this many words in one item of a list of who acts: longer, it is a clause."""
_LIST_WORDS = 20
"""At most this many words in a whole list of who acts, every item of which names an
agency, a role or a body: more than a subject's ``ACTOR_WORDS``, as six bodies in a row
("Health visitors, school nurses, GPs, practice nurses, midwives and the ambulance
service") are still who acts, not what is to be done."""
_LIST_REACH = 400
"""A subject read as a list's end is at most this many characters (``ACTOR_WORDS`` words)."""
_INTRODUCER_TEXT = """in on at as by for from to with without within following after before
if once since given because although though while whilst until unless however therefore
furthermore moreover additionally also further finally first firstly second secondly third
thirdly lastly then now so but yet similarly specifically where when that this these there
it overall instead meanwhile otherwise thus hence again today nonetheless nevertheless
regardless accordingly going building having regarding through during"""
_INTRODUCERS = frozenset(_INTRODUCER_TEXT.split())
"""First words of a phrase set off by a comma before the subject ("In light of this, the
Home Office should ..."), which no list of who acts starts with."""


def _names_agent(words: list[str]) -> bool:
    """Whether ``words`` name who acts: an agency's word (``AGENT_WORDS``, read in C), else
    an acronym."""
    return not AGENT_WORDS.isdisjoint(map(str.lower, words)) or any(map(acronym_form, words))


def _is_name(words: list[str]) -> bool:
    """Whether ``words`` are a proper name ("Ofsted", "the Home Office", "Cafcass"): every
    word but the small ones (``FUNCTION_WORDS``) starts with a capital. Read only of a
    list's middle items, where no sentence's start makes every first word a capital."""
    named = [w for w in words if w.lower() not in FUNCTION_WORDS]
    return bool(named) and all(w[0].isupper() for w in named)


def _list_start(text: str, start: int, end: int, floor: int) -> int:
    """Where a subject starts when the subject read (``start:end``, after a comma) is the
    end of a list ("GPs and midwives" in "Health visitors, GPs and midwives should ..."):
    the start of the list's first item. A list ends with *and* or *or*, and each item
    before it is short (``_LIST_ITEM_WORDS``), holds no modal, and names who acts: an
    agency's word or an acronym, and starts no introductory phrase (``_INTRODUCERS``: "In
    light of this, the Home Office should ..." is addressed to the Home Office alone;
    "Going forward, ..." and "Training, ..." name nobody). No item reaches back past
    ``floor`` (the last modal's end), and the whole list stays within ``_LIST_WORDS``. An
    item between two commas may also be a name alone ("Schools, Ofsted, the DfE and the
    CQC should ..."): where no sentence starts, a capital says so (`_is_name`)."""
    count = sum(1 for _ in islice(WORD.finditer(text, start, end), ACTOR_WORDS + 1))
    if count > ACTOR_WORDS or end - start > _LIST_REACH or not _LIST_END.search(text, start, end):
        return start
    while True:
        comma = text.rfind(",", floor, start)
        if comma < 0 or text[comma + 1 : start].strip():
            return start
        item_start, between = floor, False  # between: the item starts after a comma
        for found in _CLAUSE_START.finditer(text, max(floor, comma - 120), comma):
            if found.end() <= comma and not _soft_break(text, found):
                item_start, between = found.end(), text[found.start()] == ","
        words = WORD.findall(text, item_start, comma)
        count += len(words)
        if not 0 < len(words) <= _LIST_ITEM_WORDS or count > _LIST_WORDS:
            return start
        first = words[0].lower()
        if first in _INTRODUCERS or _MODAL.search(text, item_start, comma):
            return start
        # "Going forward", "Nationally" and "Training" name nobody; "Ofsted" after a
        # comma is a name.
        if not (_names_agent(words) or (between and _is_name(words))):
            return start
        start = item_start


def _soft_break(text: str, clause: re.Match[str]) -> bool:
    """Whether a clause start (``_CLAUSE_START``) is only a line broken in mid-sentence, a
    lower-case word going on after it ("Health visitors, GPs\nand midwives should ..."):
    text kept as written, in a library's block of lines, breaks where its author's lines
    ended."""
    end = clause.end()
    return text[clause.start()] == "\n" and end < len(text) and text[end].islower()


_ROLE_TEXT = """visitor visitors nurse nurses midwife midwives doctor doctors gp gps practitioner
practitioners professional professionals police officer officers worker workers clinician
clinicians teacher teachers staff"""
ROLE_WORDS = frozenset(_ROLE_TEXT.split())
"""Words that name a person's role: "health visitors", "the Designated Nurse", "GPs"."""

_ROLE = Caseless(whole_words(ROLE_WORDS))
_MODIFIER = re.compile(r"([^\W\d_][\w'-]*)\s+$")
_MODIFIER_REACH = 200
_MODIFIER_BACK = re.compile(r"\s+[\w'-]+")
"""Read backwards from a role: the spaces before it, then the run of characters that a
``_MODIFIER`` word can hold."""


def _modifier(text: str, start: int) -> re.Match[str] | None:
    """The word just before ``start`` ("health" in "health visitors"), found as
    ``_MODIFIER.search(text, max(0, start - 200), start)`` finds it, in time linear in
    the word.

    That search tries every place in its reach, each up to the end of the word there. A
    match is a run of word characters, then spaces up to ``start``, so it can only start
    inside the last run of such characters before those spaces: read backwards (the
    reach reversed), the run is found at once, and the search starts where it starts.
    """
    low = max(0, start - _MODIFIER_REACH)
    back = _MODIFIER_BACK.match(text[low:start][::-1])
    if back is None:
        return None
    return _MODIFIER.search(text, start - back.end(), start)


def role_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a role, with up to two words before it ("all health visitors").

    A role says who acts or who is addressed ("deliver training to all health visitors"),
    not what the recommendation is about, wherever it stands; the matcher counts words
    there as it counts an actor's.
    """
    spans = []
    for role in _ROLE.finditer(text):
        start = role.start()
        for _ in range(2):  # "all health visitors", "the Designated Nurse"
            before = _modifier(text, start)  # a word, not the text
            if before is None or before.group(1).lower() in GAP_WORDS:
                break
            start = before.start()
        spans.append((start, role.end()))
    return spans


def first_spellings(words: Iterable[str]) -> tuple[str, ...]:
    """Each word once, regardless of capitals, as it was first written."""
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.lower(), word)
    return tuple(seen.values())
