"""Text copied out of published PDFs and Word files maps as the same text typed clean.

Each class of what such copying leaves in a text (ligatures, invisible characters, words
broken at line ends, odd spaces and quotes, line ends, labels and page furniture) is a
case: the dirty text must give the clean text's mapping, the same cues firing, and
evidence that quotes the dirty text itself, at spans that point into it as written.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from scrmap import framework as fw
from scrmap import text as text_module
from scrmap.matcher import Matcher, Result
from scrmap.repeats import Comparable, find_pairs
from scrmap.sources import text_file
from scrmap.sources.text_file import ITEM, PAGE_FURNITURE, _item_number, load_text
from scrmap.sources.yaml_file import load_yaml
from scrmap.text import INVISIBLE, READ_AS_CACHE_SIZE, WORD, fold, one_line, read, read_as

from .conftest import PLAIN_ENV, invoke

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    rec["text"]
    for path in sorted((ROOT / "data" / "recommendations").glob("*.yaml"))
    for rec in yaml.safe_load(path.read_text(encoding="utf-8"))["recommendations"]
]
"""The bundled recommendations: the clean texts."""

_LONG = re.compile(r"\b([^\W\d_]{4})([^\W\d_]{4,})")


def _ligatures(text: str) -> str:
    for letters, ligature in [
        ("ffi", "\ufb03"),
        ("ffl", "\ufb04"),
        ("ff", "\ufb00"),
        ("fi", "\ufb01"),
        ("fl", "\ufb02"),
    ]:
        text = text.replace(letters, ligature)
    return text


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


DIRTY: dict[str, Callable[[str], str]] = {
    "ligatures": _ligatures,
    "soft hyphens": lambda t: _LONG.sub("\\1\u00ad\\2", t),
    "zero-width spaces": lambda t: _LONG.sub("\\1\u200b\\2", t),
    "byte-order marks": lambda t: _LONG.sub("\\1\ufeff\\2", t),
    "word joiners": lambda t: _LONG.sub("\\1\u2060\\2", t),
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "thin spaces": lambda t: t.replace(" ", "\u2009"),
    "narrow no-break spaces": lambda t: t.replace(" ", "\u202f"),
    "curly apostrophes": lambda t: re.sub(r"(\w)'(\w)", "\\1\u2019\\2", t),
    "curly quotes": lambda t: re.sub(r"^(\S+ \S+)", "\u201c\\1\u201d", t),
    "en dashes": lambda t: t.replace(", ", " \u2013 "),
    "em dashes": lambda t: t.replace(", ", "\u2014"),
    "non-breaking hyphens": lambda t: t.replace("-", "\u2011"),
    "full-width characters": _full_width,
    "footnote marks": lambda t: re.sub(r"([a-z])\.", "\\1\u00b3.", t),
    "an ellipsis": lambda t: t + " \u2026",
    "a bullet": lambda t: "\u2022 " + t,
    "a square bullet": lambda t: "\u25aa " + t,
    "a dash as bullet": lambda t: "\u2013 " + t,
    "an asterisk": lambda t: "* " + t,
    "a number": lambda t: "1. " + t,
    "an outline number": lambda t: "1.1 " + t,
    "a letter": lambda t: "a) " + t,
    "a roman numeral": lambda t: "(ii) " + t,
    "an R number": lambda t: "R3. " + t,
}


CLEAN: dict[str, Callable[[str], str]] = {
    "curly quotes": lambda t: re.sub(r"^(\S+ \S+)", '"\\1"', t),
    "en dashes": lambda t: t.replace(", ", " - "),
    "em dashes": lambda t: t.replace(", ", " - "),
}
"""The clean text to compare with, where it is not the bundled text itself: a straight
quote for a curly one, a hyphen between spaces for a dash."""


@pytest.fixture(scope="module")
def matcher(norfolk: fw.Framework) -> Matcher:
    return Matcher(norfolk)


def _mapping(result: Result) -> list[tuple[str, tuple[tuple[str, int], ...]]]:
    return [
        (kind, tuple((m.id, m.score) for m in result.assigned(kind)))
        for kind in ("standards", "themes", "quadrants")
    ]


def _cues(result: Result) -> set[tuple[str, str, str]]:
    return {
        (kind, m.id, e.cue)
        for kind in ("standards", "themes")
        for m in getattr(result, kind)
        for e in m.evidence
    }


def _quotes_the_text(result: Result, text: str) -> None:
    for match in (*result.standards, *result.themes, *result.quadrants):
        for e in match.evidence:
            assert text[e.start : e.end] == e.matched
    for e in result.outside:
        assert text[e.start : e.end] == e.matched


@pytest.mark.parametrize("dirt", DIRTY, ids=str)
def test_dirty_text_maps_as_the_clean_text(matcher: Matcher, dirt: str) -> None:
    """The same standards, themes and quadrants with the same scores, the same cues firing,
    and evidence that quotes the dirty text at spans into it."""
    changed = 0
    for text in TEXTS:
        clean, dirty = CLEAN.get(dirt, str)(text), DIRTY[dirt](text)
        changed += dirty != clean
        got, want = matcher.match(dirty), matcher.match(clean)
        assert _mapping(got) == _mapping(want), clean
        assert _cues(got) == _cues(want), clean
        _quotes_the_text(got, dirty)
        many = next(matcher.match_many([dirty], near_misses=False))
        assert _mapping(many) == _mapping(want)
        _quotes_the_text(many, dirty)
    assert changed >= 3


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Agencies should share infor-\nmation about fathers.", "information"),
        ("Agencies should share infor-mation about fathers.", "information"),
        ("The Board should audit safe-\n   guarding training.", "safeguarding"),
        ("Health visitors should see the chil-\r\ndren alone.", "children"),
        ("Improve the assess-\nment of risk from fathers.", "assessment"),
        ("Agencies should share infor\u00ad\nmation about fathers.", "information"),
    ],
)
def test_a_word_broken_at_a_line_end_is_one_word(matcher: Matcher, dirty: str, clean: str) -> None:
    """A word broken by a hyphen at a line end ("infor-\\nmation"), or joined up with its
    hyphen as a source leaves it ("infor-mation"), maps as the word; the evidence quotes
    the word as broken."""
    broken = re.search(r"\w+[-\u00ad]\s*\w+", dirty)
    assert broken is not None
    whole = dirty[: broken.start()] + clean + dirty[broken.end() :]
    got, want = matcher.match(dirty), matcher.match(whole)
    assert _mapping(got) == _mapping(want)
    assert _cues(got) == _cues(want)
    _quotes_the_text(got, dirty)
    assert any(broken.group() in e.matched for m in got.themes + got.standards for e in m.evidence)


@pytest.mark.parametrize(
    "compound", ["multi-agency", "co-ordinated", "well-being", "pre-birth", "step-father"]
)
def test_a_compound_stays_two_words(matcher: Matcher, compound: str) -> None:
    """A hyphen between two words joins them only where the second is no word the framework
    knows and the two together are one: a compound reads as before, on a line or across one."""
    text = f"Agencies should review {compound} practice with fathers."
    broken = text.replace("-", "-\n")
    assert _mapping(matcher.match(broken)) == _mapping(matcher.match(text))
    assert _cues(matcher.match(broken)) == _cues(matcher.match(text))
    assert len(matcher._split(text)) == len(matcher._split(text.replace("-", " ")))


@pytest.mark.parametrize("end", ["\r\n", "\r", "\u2028"])
def test_line_ends_are_line_ends(matcher: Matcher, end: str) -> None:
    """A text with Windows line ends, old Mac ones or Unicode's line separator maps as
    with '\\n': each ends a sentence alike."""
    for clean in TEXTS[:20]:
        lines = clean.replace(", ", ",\n").replace("; ", ";\n")
        got, want = matcher.match(lines.replace("\n", end)), matcher.match(lines)
        assert _mapping(got) == _mapping(want)


@pytest.mark.parametrize(
    ("written", "reading", "spans"),
    [
        ("con\ufb01dence", "confidence", [(0, 10, 0, 9)]),
        ("in\u00adformation", "information", [(0, 11, 0, 12), (0, 2, 0, 2), (2, 11, 3, 12)]),
        ("a \ufb01 b", "a fi b", [(2, 3, 2, 3), (3, 4, 2, 3), (5, 6, 4, 5)]),
        ("x\u200b\u200by \u2026 z", "xy ... z", [(0, 2, 0, 4), (7, 8, 7, 8)]),
        ("fathers\u00b3 and", "fathers  and", None),
        ("father\u2019s \uff26", "father's F", None),
    ],
)
def test_reading_keeps_the_way_back(
    written: str, reading: str, spans: list[tuple[int, int, int, int]] | None
) -> None:
    """``read`` gives what the matcher reads and, where that moves offsets, where each span
    of it stands in the text as written (None: the offsets are the same)."""
    got, back = read(written)
    assert got == reading
    if spans is None:
        assert back is None and len(got) == len(written)
        return
    assert back is not None
    for start, end, first, last in spans:
        assert (back.start(start), back.end(end)) == (first, last)


_COPIED = st.lists(
    st.sampled_from(
        [
            *"ab fi-'.\n\r\t",
            *("\ufb01", "\ufb03", "\u2026", "\u00bd", "\u2122"),  # read as 2 or 3 characters
            *("\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff"),  # read as none
            *("\u00ad\n", "\u00ad \r\n\t", "\u00ad\u2028"),  # a word broken at Word's hyphen
            *("\u2019", "\u2011", "\u2028", "\u00a0", "\uff21", "\u00b3"),  # read as one
            *("e\u0301", "\u0301", "\U0001d400", "\U0001f600", "\u00b4"),  # combining, astral
        ]
    ),
    max_size=30,
).map("".join)
"""Text as a copy from a PDF or Word can leave it: every kind of character ``read`` reads
as more, fewer or other characters, side by side and at the ends."""


@given(_COPIED, st.data())
@settings(max_examples=400, deadline=None)
def test_every_span_of_a_reading_finds_its_text_as_written(text: str, data: st.DataObject) -> None:
    """Whatever a copy leaves in a text, each span of the reading comes back as the span of
    the text as written that reads as it (a ligature whole), and a word of the reading
    comes back as its written letters, with no invisible character before or after them."""
    got, back = read(text)
    if "\u00ad" not in text:  # the reading is each character's, one after the other
        assert got == "".join(read_as(c) if not c.isascii() else c for c in text)
    if back is None:
        assert len(got) == len(text)
        return
    assert back.text == got
    a = data.draw(st.integers(0, len(got)))
    b = data.draw(st.integers(a, len(got)))
    assert back.start(a) <= back.start(b) and back.end(a) <= back.end(b)
    if a < b:
        start, end = back.start(a), back.end(b)
        assert 0 <= start < end <= len(text)
        assert got[a:b] in read(text[start:end])[0]
    for word in WORD.finditer(got):
        written = text[back.start(word.start()) : back.end(word.end())]
        assert word.group() in read(written)[0]
        assert written[0] not in INVISIBLE and written[-1] not in INVISIBLE


@pytest.mark.parametrize(
    ("written", "line"),
    [
        ("infor-\nmation and safe-\n   guarding", "infor-mation and safe-guarding"),
        ("multi-\r\nagency work", "multi-agency work"),
        ("infor\u00ad\nmation", "information"),
        ("con\u200bsider\u00a0this\u2009now", "consider this now"),
        ("pre- and post-natal", "pre- and post-natal"),
        ("by 2026 -\nthe Board", "by 2026 - the Board"),
        ("in 2025-\n2026", "in 2025- 2026"),
    ],
)
def test_one_line(written: str, line: str) -> None:
    """What every source makes of a recommendation's text: one line, a word broken at a line
    end joined up to its hyphen (a compound cannot be told from a broken word there)."""
    assert one_line(written) == line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=f"ab\u00e9 1-\n\r\t\u2028\u2010\u2011{INVISIBLE}", max_size=40))
def test_one_line_reads_as_its_patterns(written: str) -> None:
    """Each pattern of `one_line` is run only where what it needs is in the text (a hyphen and
    a line break; a character that is not ASCII): the same line as running both always."""
    broken = text_module._BROKEN_AT_LINE_END.sub(lambda m: "" if m.group("soft") else "-", written)
    assert one_line(written) == text_module._INSIDE_A_WORD.sub("", " ".join(broken.split()))


# The same texts as a file: what a copy from a PDF or Word leaves in a Markdown or text
# file's lines, read by `scrmap map` and `scrmap check` as the clean file is.


def _markdown(
    texts: list[str],
    marker: Callable[[int], str] = lambda i: f"{i}.",
    width: int | None = None,
    inside: str | None = None,
    broken: bool = False,
    end: str = "\n",
    margin: bool = False,
) -> str:
    """The texts as a Markdown list under a recommendations heading, each item wrapped at
    ``width`` (its lines indented under it, or at the ``margin`` as a copy of a PDF leaves
    them), with the line ``inside`` after its second line, and its lines broken inside a
    word by a hyphen (``broken``)."""
    lines = ["# Child Q", "", "## Recommendations", ""]
    for i, text in enumerate(texts, 1):
        mark = marker(i)
        body = textwrap.wrap(text, width, break_on_hyphens=False) if width else [text]
        if broken:
            for k in range(1, len(body)):
                word = re.match(r"[^\W\d_]{8,}", body[k])
                if word and word.group().lower() in BREAKABLE:
                    body[k - 1] += " " + word.group()[:4] + "-"
                    body[k] = word.group()[4:] + body[k][word.end() :]
        pad = "" if margin else " " * (len(mark) + 1)
        item = [f"{mark} {body[0]}"] + [pad + line for line in body[1:]]
        if inside and len(item) > 2:
            item.insert(2, pad + inside)
        lines += item
    return end.join(lines) + end


BREAKABLE = {
    *("information", "safeguarding", "assessment", "neglectful", "organisations", "children"),
    *("parenting", "domestic", "appointments", "experience", "understanding", "strategy"),
}
"""Words that a line may break inside in the test: words the framework knows. (Not a role,
"prof-essionals": who acts is found by the role's very word, and a role broken across a
line is read as the topic, which can move a score by a point.)"""

FILES: dict[str, Callable[[list[str]], str]] = {
    "ligatures": lambda ts: _markdown([_ligatures(t) for t in ts]),
    "soft hyphens": lambda ts: _markdown([_LONG.sub("\\1\u00ad\\2", t) for t in ts]),
    "zero-width spaces": lambda ts: _markdown([_LONG.sub("\\1\u200b\\2", t) for t in ts]),
    "no-break spaces": lambda ts: _markdown([t.replace(" ", "\u00a0") for t in ts]),
    "thin spaces": lambda ts: _markdown([t.replace(" ", "\u2009") for t in ts]),
    "curly apostrophes": lambda ts: _markdown([DIRTY["curly apostrophes"](t) for t in ts]),
    "full-width characters": lambda ts: _markdown([_full_width(t) for t in ts]),
    "wrapped lines": lambda ts: _markdown(ts, width=60),
    "words broken at line ends": lambda ts: _markdown(ts, width=60, broken=True),
    "Windows line ends": lambda ts: _markdown(ts, width=60, end="\r\n"),
    "old Mac line ends": lambda ts: _markdown(ts, width=60, end="\r"),
    "a page number": lambda ts: _markdown(ts, width=60, inside="Page 12 of 40"),
    "a bare page number": lambda ts: _markdown(ts, width=60, inside="12"),
    "a running footer": lambda ts: _markdown(ts, width=60, inside="Child Q SPR \u2013 Page 3"),
    "a protective marking": lambda ts: _markdown(ts, width=60, inside="OFFICIAL-SENSITIVE"),
    "bullets": lambda ts: _markdown(ts, marker=lambda i: "\u2022"),
    "square bullets": lambda ts: _markdown(ts, marker=lambda i: "\u25aa"),
    "dashes as bullets": lambda ts: _markdown(ts, marker=lambda i: "\u2013"),
    "Symbol font bullets": lambda ts: _markdown(ts, marker=lambda i: "\uf0b7"),
    "asterisks": lambda ts: _markdown(ts, marker=lambda i: "*"),
    "outline numbers": lambda ts: _markdown(ts, marker=lambda i: f"1.{i}"),
    "letters": lambda ts: _markdown(ts, marker=lambda i: f"{chr(96 + i)})"),
    "roman numerals": lambda ts: _markdown(ts, marker=lambda i: f"({'i' * (i % 3 + 1)})"),
    "R numbers": lambda ts: _markdown(ts, marker=lambda i: f"R{i}"),
    "R numbers with a colon": lambda ts: _markdown(ts, marker=lambda i: f"R{i}:"),
    "outline numbers, lines at the margin": lambda ts: _markdown(
        ts, marker=lambda i: f"1.{i}", width=60, margin=True
    ),
    "R numbers, lines at the margin": lambda ts: _markdown(
        ts, marker=lambda i: f"R{i}", width=60, margin=True, inside="Page 12 of 40"
    ),
    "dashes as bullets, lines at the margin": lambda ts: _markdown(
        ts, marker=lambda i: "\u2013", width=60, margin=True
    ),
    "letters, lines at the margin": lambda ts: _markdown(
        ts, marker=lambda i: f"{chr(96 + i)})", width=60, margin=True
    ),
}


def _read_back(runner: CliRunner, path: Path) -> tuple[list[object], list[object]]:
    """What `map` assigns to each item, in order, and what `check` finds at each."""
    mapped = invoke(runner, ["map", str(path), "-f", "json"], PLAIN_ENV)
    assert mapped.exit_code == 0, mapped.output
    records = json.loads(mapped.stdout)["recommendations"]
    for rec in records:
        for match in rec["standards"] + rec["themes"]:
            for e in match["evidence"]:
                assert rec["text"][e["start"] : e["end"]] == e["matched"]
    checked = invoke(runner, ["check", str(path), "-f", "json"], PLAIN_ENV)
    assert checked.exit_code in (0, 1), checked.output
    lines = {rec["source"]["line"]: k for k, rec in enumerate(records)}
    findings = [(f["rule"], lines.get(f["line"])) for f in json.loads(checked.stdout)["findings"]]
    return [
        [(m["id"], m["score"]) for m in rec["quadrants"] + rec["standards"] + rec["themes"]]
        for rec in records
    ], sorted(findings, key=str)


@pytest.mark.parametrize("dirt", FILES, ids=str)
def test_a_dirty_file_reads_as_the_clean_file(runner: CliRunner, tmp_path: Path, dirt: str) -> None:
    """`scrmap map` and `scrmap check` read a Markdown file as a copy from a PDF or Word
    leaves it as they read the clean file: the same items, the same mapping of each, the
    same findings, and evidence quoted from the item's text."""
    texts = TEXTS[:26]
    clean, dirty = tmp_path / "clean.md", tmp_path / "dirty.md"
    clean.write_text(_markdown(texts), encoding="utf-8")
    dirty.write_bytes(FILES[dirt](texts).encode("utf-8"))
    if dirt == "words broken at line ends":
        assert len(re.findall(r"\w-\n", dirty.read_text(encoding="utf-8"))) >= 5
    assert _read_back(runner, dirty) == _read_back(runner, clean)


def test_a_windows_1252_file_reads_as_the_same_text_in_utf8(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A text file saved as Windows-1252 (Word's "Plain Text"), its curly apostrophes and
    dashes among the bytes that differ from Latin-1, reads as the same file in UTF-8."""
    texts = [DIRTY["curly apostrophes"](t).replace(", ", " \u2013 ") for t in TEXTS[:26]]
    utf8, cp1252 = tmp_path / "utf8.txt", tmp_path / "cp1252.txt"
    utf8.write_text(_markdown(texts), encoding="utf-8")
    cp1252.write_bytes(_markdown(texts).encode("cp1252"))
    assert _read_back(runner, cp1252) == _read_back(runner, utf8)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Page 12 of 40", True),
        ("PAGE 12 OF 40", True),
        ("12", True),
        ("- 12 -", True),
        ("Child Q SPR \u2013 Page 12 of 40", True),
        ("Page 3 | Child Q", True),
        ("OFFICIAL-SENSITIVE", True),
        ("Not protectively marked", True),
        ("2024", False),
        ("as set out on page 12", False),
        ("page 12 - in particular the section on fathers,", False),
        ("the guidance in the 2019 review - page 12", False),
        ("Lead agency: Norfolk Police", False),
        ("12 weeks", False),
    ],
)
def test_page_furniture(line: str, furniture: bool) -> None:
    """Which lines of a Markdown or text file are a page's furniture, not text, and are left
    out wherever they fall: a page number or a running header or footer with one, and
    protective markings; a year, or a page named in a sentence (no capital), is text."""
    assert bool(PAGE_FURNITURE.match(line)) is furniture
    (rec,), _ = load_text(f"1. Agencies should\n   {line}\n   share records.\n", "x.md", None)
    assert (rec.text == "Agencies should share records.") is furniture


def test_a_table_row_is_no_page_furniture() -> None:
    """A row of a pipe table, its outer pipes left out, is a row, whatever its last cell."""
    text = "id | recommendation | where\n---|---|---\n1 | Agencies should share | Page 12\n"
    recs, problems = load_text(text, "x.md", None)
    assert [(r.id, r.text) for r in recs] == [("1", "Agencies should share")]
    assert problems == []


RUNNING = "Child Q \u2013 Safeguarding Practice Review"
"""A running header with no page number in it, as a copy of a PDF's pages keeps it."""


def _over_pages(text: str, header: str = RUNNING, every: int = 40) -> str:
    """``text`` as a copy of a PDF's pages leaves it: ``header`` over every ``every`` lines,
    and the page's number at its foot."""
    lines = text.splitlines()
    pages = [
        [header, *lines[k : k + every], str(n)]
        for n, k in enumerate(range(0, len(lines), every), start=1)
    ]
    return "\n".join(line for page in pages for line in page) + "\n"


def test_a_running_header_with_no_page_number_is_left_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A text file copied from a PDF with its running header over every page, a line alone
    three times or more, gives the clean file's items, ids, mapping and findings: the header
    is not read into the items it falls inside. The PDF reader leaves it to `load_text`'s
    caller: there the header is text, as it was."""
    clean_text = _markdown(TEXTS[:26], width=60, margin=True)
    dirty_text = _over_pages(clean_text)
    assert dirty_text.count(RUNNING) >= 3
    clean, dirty = tmp_path / "clean.txt", tmp_path / "dirty.txt"
    clean.write_text(clean_text, encoding="utf-8")
    dirty.write_text(dirty_text, encoding="utf-8")
    items = []
    for path in (clean, dirty):
        mapped = invoke(runner, ["map", str(path), "-f", "json"], PLAIN_ENV)
        assert mapped.exit_code == 0, mapped.output
        items.append([(r["id"], r["text"]) for r in json.loads(mapped.stdout)["recommendations"]])
    assert items[1] == items[0]
    assert _read_back(runner, dirty) == _read_back(runner, clean)
    recs, _ = load_text(dirty_text, "dirty.txt", None)
    assert sum(RUNNING in rec.text for rec in recs) >= 2  # it fell inside items


_PAGE = "\n".join(f"Filler line {k} of the narrative about the family" for k in range(12))
"""Twelve lines of text that differ, a page's worth between two headers."""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"{RUNNING}\n{_PAGE}\n{RUNNING}\n{_PAGE}\n", RUNNING),  # twice: no running header
        (
            "".join(f"{RUNNING}.\n{_PAGE.replace('Filler', f'P{k}')}\n" for k in range(3)),
            f"{RUNNING}.",  # a sentence, however often
        ),
        ("".join(f"Lead agency Police\nItem {k} text\n\n" for k in range(4)), "Lead agency Police"),
        (
            "".join(
                f"Page text {k} ends here\nThe Partnership will monitor\nprogress on it.\n"
                + _PAGE.replace("Filler", f"P{k}")
                + "\n"
                for k in range(3)
            ),
            "The Partnership will monitor",  # a passage repeated whole
        ),
        ("".join(f"Safeguarding\n{_PAGE.replace('Filler', f'P{k}')}\n" for k in range(3)), ""),
        ("".join(f"# {RUNNING}\n{_PAGE.replace('Filler', f'P{k}')}\n" for k in range(3)), ""),
    ],
    ids=["twice", "a sentence", "a field of each item", "a passage", "one word", "a heading"],
)
def test_a_line_repeated_as_text_is_no_running_header(text: str, kept: str) -> None:
    """A line is a running header only when it recurs as one does: alone, at least three
    times, a page apart, in different company each time, and no sentence, one word or
    markup. Other repeated lines are the text's (a heading is read as a heading)."""
    lines = text.splitlines()
    assert text_file._running_lines(lines) == frozenset()
    if kept:
        recs, _ = load_text(text, "x.txt", None, running_headers=True)
        assert kept in " ".join(rec.text for rec in recs)


@pytest.mark.parametrize(
    "repeated",
    ["when a child is not brought to health appointments", "Status: open", "Lead: Health"],
)
def test_a_line_repeated_far_apart_but_never_at_a_page_edge_is_text(repeated: str) -> None:
    """A recommendation made again in three cases, its wrapped line the same each time, or
    the same short line under each item: three times or more, a page apart, in different
    company, but never beside a page number or a form feed. It was left out as a running
    header, and the recommendations lost the words (or were not read at all)."""
    text = "".join(
        f"# Case {case}\n\n{_PAGE.replace('Filler', case)}\n\n"
        f"1. Agencies should use the neglect toolkit {case}\n   {repeated}\n\n"
        for case in "ABC"
    )
    assert text_file._running_lines(text.splitlines()) == frozenset()
    recs, _ = load_text(text, "x.md", None, running_headers=True)
    assert [rec.text.endswith(repeated) for rec in recs] == [True, True, True]


def test_a_running_header_is_known_among_blank_lines_and_page_numbers() -> None:
    """A copy keeps blank lines and the page number around a running header: the company it
    is known by is the text beyond them, which differs from page to page."""
    pages = [
        "\n".join(f"Narrative {k}.{j} about the family" for j in range(12)) + f"\n\n{k}\n\n"
        for k in range(1, 4)
    ]
    text = "".join(f"{RUNNING}\n\n{page}" for page in pages)
    assert text_file._running_lines(text.splitlines()) == {RUNNING}
    recs, _ = load_text(text, "x.txt", None, running_headers=True)
    assert recs and not any(RUNNING in rec.text for rec in recs)


@pytest.mark.parametrize("line", ["12", "Page 12 of 40", "OFFICIAL"])
def test_only_markdown_and_text_files_leave_page_furniture_out(line: str) -> None:
    """A YAML, CSV or Word text is typed or exported, not a copy of a PDF's pages: a line
    of it that looks like a page number is its text ("from\n12\nto 20")."""
    text = f"case: Child Q\nrecommendations:\n  - id: R1\n    text: |\n      from\n      {line}\n"
    (rec,), _ = load_yaml(text, "x.yaml")
    assert rec.text == f"from {line}"
    assert one_line(f"from\n{line}\nto 20") == f"from {line} to 20"


_PROSE = "# Child Q\n\n{}\n\nHealth visitors should ask about fathers at every visit.\n"


@pytest.mark.parametrize(
    "lines",
    [
        "The Board should recruit more staff; the plan funds\n1.5 FTE Social Workers by March.",
        "Schools should record each referral on the local\nR3 Form and share it with the MASH.",
        "The Board should publish the audit in March\n2025: it should name every agency.",
        "The Board should act on the points in recommendations\na) and b) of the last review.",
        "The Board should act quickly\n\u2013 within three months \u2013 on the audit.",
    ],
)
def test_a_marker_that_a_wrapped_sentence_starts_a_line_with_runs_on(lines: str) -> None:
    """A line of a wrapped paragraph that starts as a copied list item may (an outline
    number, "R3", "2025:", "a)", an en dash) runs on the sentence above it: the
    file is two paragraphs, not a list of one item with the paragraphs beside it left out.
    """
    recs, problems = load_text(_PROSE.format(lines), "x.md", None)
    assert [r.text for r in recs] == [
        " ".join(lines.split()),
        "Health visitors should ask about fathers at every visit.",
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("lines", "ids"),
    [
        ("1.1 Training on fathers\n1.2 Supervision\n1.3 Audit", ["1.1", "1.2", "1.3"]),
        ("R1 Training on fathers\nR2 Supervision", ["R1", "R2"]),
        ("a) training on fathers\nb) supervision\nc) audit", ["a", "b", "c"]),
        ("h) training on fathers\ni) supervision", ["h", "i"]),
        ("ii) training on fathers\niii) supervision", ["ii", "iii"]),
        ("1: training on fathers\n2: supervision", ["1", "2"]),
        ("\u2013 Training on fathers\n\u2013 Supervision", ["1", "2"]),
        ("The panel recommends\n1.1 Training on fathers\n1.2 Supervision", ["1.1", "1.2"]),
        (
            "1.1 The Board should recruit staff; the plan funds\n1.5 FTE Social Workers.\n"
            "1.2 Health visitors should ask about fathers",
            ["1.1", "1.2"],
        ),
    ],
)
def test_a_list_copied_from_a_pdf_is_a_list(lines: str, ids: list[str]) -> None:
    """Items with no full stop, one under another as a copy of a PDF leaves them, are items:
    the next number or letter of a list, the same bullet, or a list's first number."""
    recs, _ = load_text(f"# Child Q\n\n{lines}\n", "x.md", None)
    assert [r.id for r in recs] == ids
    assert "1.5 FTE Social Workers." in " ".join(r.text for r in recs) or "1.5" not in lines


def test_what_read_remembers_is_bounded() -> None:
    """A text of more distinct characters than ``read_as`` remembers is read as well, and
    leaves no more than that many behind (a hostile text of every character in Unicode)."""
    many = "".join(chr(c) for c in range(0x4E00, 0x4E00 + READ_AS_CACHE_SIZE + 500))
    got, back = read("con\ufb01dence " + many)
    assert got.startswith("confidence ") and back is not None and len(got) == len(many) + 11
    assert read_as.cache_info().currsize <= READ_AS_CACHE_SIZE


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("2024: the Board agreed to audit supervision.", None),
        ("1999: the first review.", None),
        ("R3: Agencies should share records.", "R3"),
        ("3: Agencies should share records.", "3"),
        ("2024. The Board should audit supervision.", "2024"),
    ],
)
def test_a_year_and_a_colon_is_a_date_not_an_item(line: str, label: str | None) -> None:
    """A paragraph that starts with a year and a colon, as a progress note does, is a date:
    read as an item, it made a file of paragraphs a list of one."""
    item = ITEM.match(line)
    assert (item and _item_number(item)) == label


def test_a_copied_text_repeats_the_same_text_typed() -> None:
    """The repeats that `coverage` and the duplicate rule find, and the phrases
    `framework suggest` counts, read a text as the matcher reads it: a copy from a PDF,
    its footnote mark and non-breaking hyphen in it, is the typed text again."""
    typed = "Agencies should share information about fathers in multi-agency meetings."
    copied = (
        "Agencies should share infor\u00admation about fathers\u00b3 in multi\u2011agency meetings."
    )
    recs = [
        Comparable(text, case, frozenset({"1.3"})) for text, case in [(typed, "A"), (copied, "B")]
    ]
    (pair,) = find_pairs(recs, threshold=90)
    assert pair.similarity == 100
    assert (
        fold(copied) == "Agencies should share information about fathers  in multi-agency meetings."
    )
