"""A CSV file is checked whole but never held: its rows are read in batches when wanted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scrmap import framework as fw
from scrmap import parallel
from scrmap.coverage import Mapped
from scrmap.limits import Limits
from scrmap.matcher import Matcher
from scrmap.recommendation import Recommendation, Source
from scrmap.sources import Batch, load_arguments, load_file
from scrmap.sources._base import Loaded
from scrmap.sources.csv_file import CsvFile, Rows


def _write(path: Path, rows: int, header: str = "id,text,owner", encoding: str = "utf-8") -> Path:
    lines = [header] + [f"R{i},Agencies should share information ({i}).,LA" for i in range(rows)]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def test_a_csv_file_is_read_in_batches_of_raw_rows(tmp_path: Path) -> None:
    recs, problems = load_file(_write(tmp_path / "r.csv", 4500))
    assert problems == []
    assert isinstance(recs, CsvFile) and len(recs) == 4500
    batches = list(recs.batches(2000))
    assert [len(b) for b in batches] == [2000, 2000, 500]
    assert all(isinstance(b, Rows) for b in batches)
    assert batches[1].rows[0] == (
        2002,
        ["R2000", "Agencies should share information (2000).", "LA"],
        "R2000",
    )
    first = batches[0].recommendations()[0]
    assert first == Recommendation(
        "R0",
        "Agencies should share information (0).",
        Source(str(tmp_path / "r.csv"), 2),
        case="r",
        owner="LA",
    )
    assert list(recs) == [r for b in batches for r in b.recommendations()]
    assert recs[4499].id == "R4499"


def test_quoted_lines_byte_order_mark_and_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_bytes(
        '\ufeffid;text\n1;"Share\ninformation"\n\n2;Agencies\u2019 staff\n'.encode(
            "cp1252", "ignore"
        )
    )
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "Share information", 2),  # where the row starts, not where its cell ends
        ("2", "Agencies\u2019 staff", 5),
    ]
    path.write_bytes(b"\xef\xbb\xbfid,text\n1,caf\xc3\xa9\n")
    assert [r.text for r in load_file(path)[0]] == ["caf\u00e9"]


def test_a_bad_row_anywhere_refuses_the_whole_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.csv", 3000)
    with path.open("a") as handle:
        handle.write("R5,duplicate,LA\n")
    recs, problems = load_file(path)
    assert list(recs) == []
    assert [str(p) for p in problems] == [f"{path}:3002: duplicate id 'R5' (first at line 7)"]


def test_binary_and_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes(b"id,text\n\x00\x01")
    assert [str(p) for p in load_file(path)[1]] == [f"{path}: binary file, not text"]


def test_the_limit_stops_inside_a_csv_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "r.csv", 50)
    loaded = load_arguments([str(path)], str, Limits(recommendations=10))
    assert [r.id for r in loaded.recommendations] == [f"R{i}" for i in range(10)]
    assert [str(p) for p in loaded.problems] == [
        f"{path}:12: more than 10 recommendations in all; this one and those after it are "
        "not read (SCRMAP_MAX_RECOMMENDATIONS raises the limit)"
    ]
    assert sum(len(b) for b in loaded.batches(4)) == 10


def test_only_a_few_batches_are_read_ahead_of_the_workers(norfolk: fw.Framework) -> None:
    """Memory stays flat: the input is read as fast as workers map it, and no faster."""
    pulled = 0
    seen_at_first_result: list[int] = []

    def work() -> Iterator[Batch]:
        nonlocal pulled
        for n in range(40):
            pulled += 1
            yield Loaded([Recommendation(f"R{n}", "Share information.", Source("t", n))])

    for chunk in parallel.map_batches(work(), Matcher(norfolk), Mapped, 2):
        seen_at_first_result.append(pulled)
        assert len(chunk) == 1
    assert seen_at_first_result[0] <= parallel.IN_FLIGHT * 2
    assert pulled == 40


@pytest.mark.parametrize("header", ["id,text,id", "text,id,text"])
def test_a_column_named_twice_counts_as_its_first(tmp_path: Path, header: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f"{header}\nA,B,C\n")
    [rec] = load_file(path)[0]
    assert (rec.id, rec.text) == (("A", "B") if header.startswith("id") else ("B", "A"))


def test_rows_are_numbered_without_an_id_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Recommendation,RAG\nShare information.,Green\n\nEngage fathers.,Red\n")
    recs = load_file(path)[0]
    assert [(r.id, r.source.line, r.status) for r in recs] == [("1", 2, "Green"), ("2", 4, "Red")]


def test_duplicate_ids_are_found_exactly_without_holding_every_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The filter of ids met may say yes wrongly; such rows are checked against the file."""
    from scrmap.sources import csv_file

    # A filter that says every id may have been met: only the check decides.
    monkeypatch.setattr(csv_file._Seen, "add", lambda self, key: True)
    path = tmp_path / "d.csv"
    path.write_text("id,text\nA,\nA,one\nB,two\nC,x,y\nA,three\nB,four\n")
    recs, problems = load_file(path)
    assert list(recs) == []
    assert [str(p) for p in problems] == [
        f"{path}:5: row has 3 fields, the header has 2, so the file was not read: "
        "give the row 2 fields (in a CSV file, quote a cell that holds a comma)",
        f"{path}:6: duplicate id 'A' (first at line 3)",
        f"{path}:7: duplicate id 'B' (first at line 4)",
        # A placeholder is no row of its own: its id does not make line 3's a duplicate.
        f"{path}:2: row 'A' has no recommendation text, so it was left out ('text' is "
        "empty): write its text, or delete the row",
    ]
    path.write_text("id,text\nA,one\nB,two\n")
    assert [r.id for r in load_file(path)[0]] == ["A", "B"]


def test_the_filter_of_ids_never_forgets() -> None:
    from scrmap.sources.csv_file import _Seen

    ids = [f"R{i}" for i in range(20_000)]
    seen = _Seen(len(ids) * _Seen.ROW_BYTES)  # as sized for a file of 20,000 rows
    assert not any(seen.add(i) for i in ids[:1])
    assert all(seen.add(i) for i in ids[:1])
    wrong = sum(seen.add(i) for i in ids[1:])
    assert all(seen.add(i) for i in ids)
    assert wrong < 20  # rarely says yes to a new id: about 1 in 10,000 at this size


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_every_line_ending_excel_writes_is_a_line(ending: str, tmp_path: Path) -> None:
    # "\r" alone: Excel for Mac's "CSV (Macintosh)", once refused as a Python error about
    # "universal-newline mode".
    path = tmp_path / "mac.csv"
    rows = ["id,text", '1,"Share', 'information"', "2,Agencies staff"]
    path.write_bytes(ending.join(rows).encode() + ending.encode())
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.text, r.source.line) for r in recs] == [
        ("1", "Share information", 2),
        ("2", "Agencies staff", 4),
    ]


def test_mixed_line_endings_are_each_a_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,text\r\n1,Share\n2,Record\r3,Visit\r\n")
    recs, problems = load_file(path)
    assert problems == []
    assert [(r.id, r.source.line) for r in recs] == [("1", 2), ("2", 3), ("3", 4)]
    path.write_bytes(b"text\nShare\nA\rB")  # short lines, the last with no ending
    recs, problems = load_file(path)
    assert [(r.text, r.source.line) for r in recs] == [("Share", 2), ("A", 3), ("B", 4)]
    assert problems == []


@pytest.mark.parametrize("first", ["", "1,Share\n"])
def test_a_quote_that_never_closes_before_a_long_tail_says_so(first: str, tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("id,text\n" + first + '9,"Share\n' + "1,Record\n" * 30_000)
    line = 3 if first else 2
    assert [str(p) for p in load_file(path)[1]] == [
        f"{path}:{line}: not valid CSV: a cell longer than 131,072 characters starts in this "
        "row: a quote opened in it never closes, or the cell is too long to be a recommendation"
    ]


def test_a_quote_that_never_closes_in_the_header(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('"id,text\n1,Share\n')
    assert [str(p) for p in load_file(path)[1]] == [
        f"{path}:1: not valid CSV: a quote opened in this row never closes"
    ]


def test_a_header_of_many_or_long_columns_is_named_in_short(tmp_path: Path) -> None:
    """A sheet 16,384 columns wide made a message of tens of kilobytes."""
    path = tmp_path / "wide.csv"
    headers = [f"c{i}" for i in range(25)] + ["x" * 100]
    path.write_text(",".join(headers) + "\n" + "1," * 25 + "2\n")
    named = ", ".join(headers[:20])
    assert [str(p) for p in load_file(path)[1]] == [
        f"{path}:1:1: the header row has no column of recommendation text (call it "
        f"'Recommendation', 'Text' or 'Action'; found: {named} and 6 more)"
    ]
    path.write_text("x" * 100 + ",y\n1,2\n")
    assert [str(p) for p in load_file(path)[1]] == [
        f"{path}:1:1: the header row has no column of recommendation text (call it "
        f"'Recommendation', 'Text' or 'Action'; found: {'x' * 59}\u2026, y)"
    ]
