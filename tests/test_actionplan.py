from datetime import date

import pytest

from scrmap.actionplan import (
    STATES,
    ActionItem,
    State,
    Vocabulary,
    assess,
    status_key,
)
from scrmap.due import due_not_read, parse_due


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("Complete", State.complete),
        ("completed", State.complete),
        ("COMPLETED.", State.complete),
        ("Blue", State.complete),
        ("on track", State.on_track),
        ("On-Track", State.on_track),
        ("on_track", State.on_track),
        ("In progress", State.on_track),
        ("Green", State.on_track),
        ("Partly met", State.partly_met),
        ("partially met", State.partly_met),
        ("Amber", State.partly_met),
        ("Amber - delayed by staffing", State.partly_met),
        ("Not met", State.not_met),
        ("not complete", State.not_met),
        ("Overdue", State.not_met),
        ("Red", State.not_met),
        ("RAG: red (off track)", State.not_met),
        ("Not started", State.not_started),
        ("not yet started", State.not_started),
        ("Met", State.complete),
        ("Partly met, remainder not met", State.partly_met),
        ("with the working group", State.unrecognised),
        ("", State.no_status),
        ("  - ", State.no_status),
        ("?", State.no_status),
        (None, State.no_status),
        # A tick was "no status": a done action listed as overdue with none recorded.
        ("\u2713", State.complete),
        (" \u2714 ", State.complete),
        ("\u2705", State.complete),
        ("\u2717", State.unrecognised),
        # A coloured circle or square, as a SharePoint or Teams list rates an action.
        ("\U0001f534", State.not_met),
        ("\U0001f7e0", State.partly_met),
        ("\U0001f7e1\ufe0f", State.partly_met),
        ("\U0001f7e2", State.on_track),
        (" \U0001f7e6 ", State.complete),
        ("\U0001f7e2\U0001f534", State.unrecognised),
        ("\u26aa", State.unrecognised),
        # Words of progress beside a warning were on track, the longer phrase winning.
        ("In progress \u2013 delayed", State.partly_met),
        ("Started but delayed", State.partly_met),
        ("Ongoing - behind schedule", State.not_met),
        ("In progress, not delayed", State.on_track),
        ("Delayed - now complete", State.complete),
        # A RAG column abbreviated to its letters was "unrecognised" throughout.
        ("R", State.not_met),
        ("A", State.partly_met),
        ("g", State.on_track),
        (" B ", State.complete),
        ("R; G", State.not_met),
        # A letter is a rating only as the whole status: "a" inside one is an article.
        ("a delay", State.unrecognised),
        ("A/G", State.unrecognised),
        ("X", State.unrecognised),
    ],
)
def test_status_words(word: str | None, state: State) -> None:
    assert Vocabulary.build().classify(word) is state


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("Not yet implemented", State.not_met),
        ("Not finished", State.not_met),
        ("unfinished", State.not_met),
        ("Uncompleted", State.not_met),
        ("yet to be implemented", State.not_met),
        ("has not been fully met", State.partly_met),
        ("Completed but not signed off", State.on_track),  # done, awaiting sign-off
        ("Not signed off", State.not_met),
        ("Not on track", State.not_met),
        ("No longer on track", State.not_met),
        ("Not progressing", State.not_met),
        ("isn't progressing", State.not_met),
        ("hasn't started", State.not_started),
        ("yet to start", State.not_started),
        ("Unstarted", State.not_started),
        ("Not delayed", State.unrecognised),
        ("not overdue", State.unrecognised),
        ("No longer red", State.unrecognised),
        ("no issues, on track", State.on_track),
        ("Closed (not met)", State.not_met),
        # A negating prefix written with a hyphen is still one.
        ("Un-met", State.not_met),
        ("In-complete", State.not_met),
        ("Un-finished", State.not_met),
        ("Un-started", State.not_started),
        ("In-progress", State.on_track),  # "in" there is no prefix
        # Work that has not begun is not started, not off track.
        ("Never started", State.not_started),
        ("Not been started", State.not_started),
        ("Not yet underway", State.not_started),
        ("Not yet in progress", State.not_started),
        ("Nonstarted", State.not_started),
    ],
)
def test_a_negated_status_is_never_read_as_itself(word: str, state: State) -> None:
    """Not done is not met, not on track is off track; a negation of anything else is
    not clear, so not recognised."""
    assert Vocabulary.build().classify(word) is state


@pytest.mark.parametrize(
    "word",
    [
        "Implemented in part", "partially implemented", "Partly implemented", "part implemented",
        "complete in part", "Completed in part", "achieved in part", "met in part",
        "implemented partially", "Done in part", "half done", "partially signed off",
        "Amber - partially implemented",
        # qualified completion: most of it done is not all of it
        "largely complete", "mostly complete", "substantially complete",
        "Completed but not embedded", "not fully met", "not fully implemented",
    ],
)  # fmt: skip
def test_done_only_in_part_is_partly_met_never_complete(word: str) -> None:
    assert Vocabulary.build().classify(word) is State.partly_met
    item = ActionItem("C", "1", "Share information.", due="2026-01-31", status=word)
    assert assess([item], date(2026, 6, 30)).items[0].days_overdue == 150


@pytest.mark.parametrize(
    "word",
    [
        "Implemented", "Part 1 complete", "implemented, part of plan",
        # punctuation parts the qualifier from the completion: it is about something else
        "Completed, partly funded by the LSCB", "Implemented; partially evaluated",
    ],
)  # fmt: skip
def test_a_part_that_does_not_qualify_the_word_leaves_it_complete(word: str) -> None:
    assert Vocabulary.build().classify(word) is State.complete


@pytest.mark.parametrize(
    ("word", "state"),
    [
        # Done by the agency's account, not yet checked by the Board: on track (green in
        # BRAG, blue once evidenced), never complete, so overdue once past its date.
        ("Complete (awaiting evidence)", State.on_track),
        ("Completed - evidence outstanding", State.on_track),
        ("Closed subject to evidence", State.on_track),
        ("Complete - assurance to follow", State.on_track),
        ("Complete pending evidence", State.on_track),
        ("Closed pending audit", State.on_track),
        ("Completed \u2013 awaiting Board sign-off", State.on_track),
        ("Complete - not yet signed off", State.on_track),
        ("Completed, evidence to be submitted", State.on_track),
        ("Implemented - impact to be evidenced", State.on_track),
        ("Complete - awaiting evidence of impact", State.on_track),
        ("Green - complete, awaiting evidence", State.on_track),
        ("\u2713 awaiting evidence", State.on_track),
        # Awaiting sign-off alone says the work is done, as far as its lead knows.
        ("Awaiting sign off", State.on_track),
        ("Evidence awaited", State.on_track),
        ("Proposed for closure", State.on_track),
        ("Pending sign-off", State.on_track),
        # Any other state is the status's own.
        ("Amber - awaiting evidence", State.partly_met),
        ("Largely complete, awaiting evidence", State.partly_met),
        ("Not complete - evidence outstanding", State.not_met),
        ("Not started - awaiting evidence", State.not_started),
        ("Yet to be started, evidence required", State.not_started),
        # An audit pending may be the work itself; nothing awaited is done.
        ("Audit pending", State.not_started),
        ("Complete - no further evidence required", State.complete),
        ("Complete - evidence not required", State.complete),
        ("Complete (evidence provided)", State.complete),
        ("Completed and evidenced", State.complete),
        ("Complete - signed off by the Board", State.complete),
        ("Closed - evidence provided for audit", State.complete),
        # A recommendation merged over its actions is as far on as the least advanced.
        ("Complete; Complete (awaiting evidence)", State.on_track),
    ],
)
def test_done_awaiting_evidence_or_sign_off_is_not_complete(word: str, state: State) -> None:
    assert Vocabulary.build().classify(word) is state


def test_a_board_that_counts_done_awaiting_evidence_as_complete_may_say_so() -> None:
    board = Vocabulary.build({State.complete: ["Complete (awaiting evidence)"]})
    assert board.classify("complete - awaiting evidence") is State.complete


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("100%", State.complete),
        ("100% complete", State.complete),
        ("50%", State.on_track),
        ("12.5 %", State.on_track),
        ("0%", State.not_started),
        ("150%", State.unrecognised),
    ],
)
def test_how_much_is_done_is_a_status(word: str, state: State) -> None:
    """A '% complete' column ("50%") was not recognised: all done is complete, none not
    started, some in progress."""
    assert Vocabulary.build().classify(word) is state


def test_a_board_may_still_call_done_in_part_complete() -> None:
    board = Vocabulary.build({State.complete: ["implemented in part"]})
    assert board.classify("Implemented in part") is State.complete


def test_a_negation_that_is_not_read_is_said_at_its_place() -> None:
    from scrmap.actionplan import status_problems
    from scrmap.recommendation import Recommendation, Source

    def rec(line: int, status: str) -> Recommendation:
        return Recommendation(str(line), "Share.", Source("plan.csv", line), status=status)

    recs = [rec(2, "Not delayed"), rec(3, "Not on track"), rec(4, "Purple"), rec(5, "no progress")]
    problems = status_problems(recs, Vocabulary.build())
    assert [(p.line, p.message.split(" is ")[0]) for p in problems] == [
        (2, "status 'Not delayed'"),
        (5, "status 'no progress'"),
    ]
    assert "never as its opposite" in problems[0].message
    assert not status_problems(recs[:1], Vocabulary.build({State.on_track: ["not delayed"]}))


def test_synonyms_add_words_and_win_over_built_in_ones() -> None:
    vocabulary = Vocabulary.build(
        {State.complete: ["Signed off by Board", "green"], State.not_started: ["Not yet due"]}
    )
    assert vocabulary.classify("signed off by board") is State.complete
    assert vocabulary.classify("GREEN") is State.complete
    assert vocabulary.classify("not-yet-due") is State.not_started
    assert Vocabulary.build().classify("not yet due") is State.unrecognised
    assert Vocabulary.build({State.complete: ["G"]}).classify("G") is State.complete


def test_synonyms_cannot_map_to_a_verdict_or_be_empty() -> None:
    with pytest.raises(ValueError, match="'unrecognised' cannot be given synonyms"):
        Vocabulary.build({State.unrecognised: ["tbc"]})
    with pytest.raises(ValueError, match="complete: '--' has no letters"):
        Vocabulary.build({State.complete: ["--"]})


def test_status_key() -> None:
    assert status_key("  On-Track!! ") == "on track"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-03-31", date(2021, 3, 31)),
        ("31/03/2021", date(2021, 3, 31)),
        ("31.3.21", date(2021, 3, 31)),
        ("31 March 2021", date(2021, 3, 31)),
        ("1 Sept 2021", date(2021, 9, 1)),
        ("1 Sep 2021", date(2021, 9, 1)),
        ("March 2021", date(2021, 3, 31)),
        ("Feb 2024", date(2024, 2, 29)),
        ("2021-02", date(2021, 2, 28)),
        ("02/2021", date(2021, 2, 28)),
        ("13/2021", None),
        ("2021", date(2021, 12, 31)),
        ("31/02/2021", None),
        ("Mar-26", date(2026, 3, 31)),  # Excel's default mmm-yy
        ("April 26", date(2026, 4, 30)),
        ("31 Mar 26", date(2026, 3, 31)),
        ("31/12/68", date(2068, 12, 31)),
        ("31/12/99", date(1999, 12, 31)),  # not 2099, never overdue
        ("Mar-0026", None),  # the year 26: a slip, never a date
        ("0026-03-31", None),
        ("31/03/1850", None),
        ("2206", None),
        ("end of March 2026", date(2026, 3, 31)),  # a month means its last day, "end" or not
        ("End March 2026", date(2026, 3, 31)),
        ("by the end of June 2026", date(2026, 6, 30)),
        ("by 2027", date(2027, 12, 31)),
        ("31st March 2026", date(2026, 3, 31)),
        ("31/03/2026 00:00", date(2026, 3, 31)),  # a date cell as Excel exports it
        ("2027-03-31 09:00", date(2027, 3, 31)),
        ("2027-03-31T00:00:00", date(2027, 3, 31)),  # as pandas writes it
        ("2027-03-31 00:00:00.000", date(2027, 3, 31)),
        ("31/03/2026 9:30 pm", date(2026, 3, 31)),
        ("2027-03-31T10:00:00+01:00", date(2027, 3, 31)),
        ("12:00", None),
        ("by 1st April 2027", date(2027, 4, 1)),
        ("22nd Feb 2026", date(2026, 2, 22)),
        ("March 31, 2026", date(2026, 3, 31)),
        ("03/31/2026", None),  # month first in figures: warned about, not guessed
        ("1/1/99999999999", None),
        ("99999999999 March 2026", None),
        ("Spring 2026", None),
        ("the end", None),
        ("ongoing", None),
        ("", None),
        (None, None),
    ],
)
def test_due_dates(text: str | None, expected: date | None) -> None:
    assert parse_due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Public bodies plan by the financial year, April to March: its end, or its quarter's.
        ("2026/27", date(2027, 3, 31)),
        ("FY 2026-27", date(2027, 3, 31)),
        ("2026/2027", date(2027, 3, 31)),
        ("Q1 2027/28", date(2027, 6, 30)),
        ("Q2 2027/28", date(2027, 9, 30)),
        ("end of Q3 2026/27", date(2026, 12, 31)),
        ("Q4 26/27", date(2027, 3, 31)),
        ("2026/27 Q4", date(2027, 3, 31)),
        ("Quarter 1 2027-28", date(2027, 6, 30)),
        ("Q1 FY2027/28", date(2027, 6, 30)),
        # As officers punctuate it.
        ("Q4 (2026/27)", date(2027, 3, 31)),
        ("Quarter 4, 2026/27", date(2027, 3, 31)),
        ("Q4 - 2026/27", date(2027, 3, 31)),
        ("Q4 of 2026/27", date(2027, 3, 31)),
        ("2026/27 - Q4", date(2027, 3, 31)),
        ("Q4 - 2026", None),
        # Not a financial year: read as before, or not at all.
        ("2026-03", date(2026, 3, 31)),
        ("2011/12", date(2011, 12, 31)),  # December 2011, as it always was
        ("11/12", None),  # the 11th of December, or 2011/12? Not guessed
        ("2026/28", None),
        ("Q5 2026/27", None),
        ("Q3 2026", None),  # a calendar quarter or a financial one? Not guessed
        ("End of Q4", None),
    ],
)
def test_a_financial_year_or_its_quarter_is_due_at_its_end(
    text: str, expected: date | None
) -> None:
    assert parse_due(text) == expected
    assert (due_not_read(text) is None) == (expected is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Excel's long date in a CSV file: the day of the week adds nothing.
        ("Wednesday, March 31, 2027", date(2027, 3, 31)),
        ("Wednesday, 31 March 2027", date(2027, 3, 31)),
        ("Wed 31/03/2027", date(2027, 3, 31)),
        ("Thurs 1 April 2027", date(2027, 4, 1)),
        # A range of months is due by its last.
        ("Jan-Mar 2027", date(2027, 3, 31)),
        ("Nov-Feb 27", date(2027, 2, 28)),
        ("Monday", None),
    ],
)
def test_a_weekday_or_a_range_of_months_is_read(text: str, expected: date | None) -> None:
    assert parse_due(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The date an action was moved to, kept in the cell beside the one first agreed.
        ("31/03/27 (revised 30/06/27)", date(2027, 6, 30)),
        ("31/03/2027 - extended to 30/06/2027", date(2027, 6, 30)),
        ("Revised to 30 June 2027", date(2027, 6, 30)),
        ("Revised 30/06/2027 (originally 31/03/2027)", date(2027, 6, 30)),
        ("31/03/2027 revised: Q1 2027/28", date(2027, 6, 30)),
        ("31/03/27 revised 30/06/27, revised 30/09/27", date(2027, 9, 30)),
        # The new date first, the one first agreed after it.
        ("30/06/2027 (was 31/03/2027)", date(2027, 6, 30)),
        ("June 2027 (originally March 2027)", date(2027, 6, 30)),
        ("30/06/2027 - previously 31/03/2027", date(2027, 6, 30)),
        ("30/06/2027 (orig. 31/03/2027)", date(2027, 6, 30)),
        # Two dates as a span, or the first agreed and the new with no word: the later.
        ("31/03/2027 - 30/06/2027", date(2027, 6, 30)),
        ("December 2026 to March 2027", date(2027, 3, 31)),
        ("30/06/2027 \u2013 31/03/2027", date(2027, 6, 30)),
        # Side by side in figures, or on two lines of the cell (read as one line).
        ("31/03/2027 30/06/2027", date(2027, 6, 30)),
        ("31/03/2027\n30/06/2027", date(2027, 6, 30)),
        ("31/03/2027, 30/06/2027", date(2027, 6, 30)),
        ("2027-03-31 2027-06-30", date(2027, 6, 30)),
        # Three dates, or a figure that is no date beside one, say nothing plain.
        ("31/03/2027 30/06/2027 30/09/2027", None),
        ("3 30/06/2027", None),
        # A revision with no date is no date: the cell is warned about, not half read.
        ("31/03/2027 (revised)", None),
        ("Deferred", None),
        ("was 31/03/2027", None),
        ("31/03/2027 - ongoing", None),
    ],
)
def test_a_due_date_moved_in_its_cell_is_the_new_one(text: str, expected: date | None) -> None:
    """A plan that keeps one due cell writes the new date after the first ("31/03/27
    (revised 30/06/27)"): "not a date scrmap can read", the action was never overdue."""
    assert parse_due(text) == expected


def test_progress_at_a_report_date() -> None:
    items = [
        ActionItem("A", "A-1", "t", "Police", "2021-01-31", "Completed", ("1.1",), ("neglect",)),
        ActionItem("A", "A-2", "t", "Health", "2021-01-31", "Amber", ("1.1",), ()),
        ActionItem("A", "A-3", "t", "Health", "2021-06-30", "on track", ("2.1",), ("neglect",)),
        ActionItem("B", "B-1", "t", None, "2020-12-01", None, (), ()),
        ActionItem("B", "B-2", "t", "LA", "ongoing", "with the group", ("9.9",), ()),
        ActionItem("B", "B-3", "t", "LA", "2021-03-01", "red", (), ()),
    ]
    progress = assess(items, date(2021, 3, 1), standards=["1.1", "2.1", "3.1"])
    assert progress.counts == {
        State.complete: 1,
        State.on_track: 1,
        State.partly_met: 1,
        State.not_met: 1,
        State.not_started: 0,
        State.unrecognised: 1,
        State.no_status: 1,
    }
    assert list(progress.counts) == list(STATES)
    # Due before the report date and not complete; due on the day is not yet late.
    assert [(a.item.id, a.item.owner, a.days_overdue) for a in progress.overdue] == [
        ("B-1", None, 90),
        ("A-2", "Health", 29),
    ]
    assert [a.item.id for a in progress.no_status] == ["B-1"]
    assert [a.item.id for a in progress.unrecognised] == ["B-2"]
    assert [a.item.id for a in progress.due_not_a_date] == ["B-2"]
    assert list(progress.by_standard) == ["1.1", "2.1", "3.1", "9.9"]
    assert progress.by_standard["1.1"][State.complete] == 1
    assert progress.by_standard["1.1"][State.partly_met] == 1
    assert sum(progress.by_standard["3.1"].values()) == 0
    assert progress.by_theme["neglect"][State.on_track] == 1


@pytest.mark.parametrize(
    "due", ["2025-13-01", "31/02/2027", "2027-02-29", "31 Febuary 2027", "Q3 2026", "end of March"]
)
def test_a_due_field_meant_as_a_date_that_names_none_is_said(due: str) -> None:
    message = due_not_read(due)
    assert message is not None
    assert message.startswith(f"due {due!r} is not a date scrmap can read")
    assert parse_due(due) is None  # and so it is in due_not_a_date: never overdue


@pytest.mark.parametrize(("due", "year"), [("Mar-0026", 26), ("0026-03-31", 26), ("2206", 2206)])
def test_a_due_date_in_an_impossible_year_is_said(due: str, year: int) -> None:
    assert due_not_read(due) == (
        f"due {due!r} is in the year {year}, which cannot be meant, so the action is never "
        "counted overdue; write it as 2027-03-31, 31/03/2027, 31 March 2027, March 2027, Q4 "
        "2026/27 or 2027"
    )


@pytest.mark.parametrize(
    "due", [None, "", "ongoing", "TBC", "2027-03-31", "31/03/2027", "2027", "Mar-26"]
)
def test_dates_and_words_are_not_complained_of(due: str | None) -> None:
    assert due_not_read(due) is None


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("Complete; Not started", State.not_started),
        ("Green; Red (cell colour)", State.not_met),
        ("Complete; In progress", State.on_track),
        ("Amber; delayed by staffing", State.partly_met),  # one state: as before
        ("Complete; with the working group", State.complete),  # a part not known: whole
        ("Complete; awaiting sign-off", State.on_track),  # done, not signed off
    ],
)
def test_the_statuses_of_merged_actions_read_as_the_least_advanced(
    status: str, state: State
) -> None:
    """A recommendation merged over its actions took its first action's status: one done
    and two not started counted as done."""
    assert Vocabulary.build().classify(status) is state
