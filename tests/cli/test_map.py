import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrmap import exitcodes
from scrmap.cli import app

from ..conftest import ROOT, invoke

TEXT = "Professionals should offer to speak to women alone where domestic abuse is suspected."


def run(runner: CliRunner, *args: str, stdin: str | None = None):
    return invoke(runner, list(args), stdin=stdin, env={"COLUMNS": "200"})


def test_json_contract(runner: CliRunner) -> None:
    result = run(runner, "map", TEXT, "The council should repaint the town hall.", "-f", "json")
    assert result.exit_code == exitcodes.OK
    doc = json.loads(result.stdout)
    assert set(doc) == {"framework", "recommendations"}
    assert doc["framework"]["name"] == "norfolk-tlf"
    first, second = doc["recommendations"]
    assert set(first) == {
        "id",
        "source",
        "case",
        "kind",
        "text",
        "quadrants",
        "standards",
        "themes",
    }
    assert first["source"] == {"file": "<argument>", "line": None}
    assert first["themes"][0]["id"] == "domestic-abuse"
    for kind in ("quadrants", "standards", "themes"):
        scores = [m["score"] for m in first[kind]]
        assert scores == sorted(scores, reverse=True)
        for m in first[kind]:
            assert set(m) == {"id", "score", "evidence"}
            for e in m["evidence"]:
                assert {"cue", "matched", "start", "end"} <= set(e)
                assert TEXT[e["start"] : e["end"]] == e["matched"]
    assert (second["quadrants"], second["standards"], second["themes"]) == ([], [], [])


def test_jsonl_one_object_per_line(runner: CliRunner) -> None:
    result = run(runner, "map", str(ROOT / "data" / "recommendations"), "-f", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == 45
    assert all(json.loads(line)["source"]["line"] for line in lines)


def test_csv_rows_and_formula_neutralised(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "hostile.csv"
    path.write_text('id,text\n=1+1,"=HYPERLINK(""x"") fathers should be engaged"\n')
    result = run(runner, "map", str(path), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "'=1+1"
    assert rows[0]["text"].startswith("'=HYPERLINK")
    assert rows[0]["top_standard"] == "1.3"


def test_sub_bullets_are_their_items_text_and_ids_follow_the_document(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "nested.md"
    path.write_text(
        "# Child S\n\n## Recommendations\n\n"
        "1. The NSCP should improve supervision so that:\n"
        "   - managers review caseloads monthly;\n"
        "   - social workers get reflective supervision.\n"
        "2. Health visitors will ask about fathers at every new birth visit.\n",
        encoding="utf-8",
    )
    result = run(runner, "map", str(path), "-f", "csv")
    assert result.exit_code == exitcodes.OK, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["line"], r["text"].split(":")[-1].strip()) for r in rows] == [
        ("1", "5", "managers review caseloads monthly; social workers get reflective supervision."),
        ("2", "8", "Health visitors will ask about fathers at every new birth visit."),
    ]
    assert rows[1]["top_standard"] == "1.3"


def test_markdown_table(runner: CliRunner) -> None:
    result = run(runner, "map", TEXT, "-f", "markdown")
    assert "| Recommendation | Text | Quadrants | Standards | Themes | Evidence |" in result.stdout
    assert "domestic-abuse (98)" in result.stdout
    assert "“speak to women alone” (speak to women alone)" in result.stdout


def test_table_shows_evidence_and_summary(runner: CliRunner) -> None:
    result = run(runner, "map", TEXT, "--explain")
    assert "“speak to women alone”, “domestic abuse”" in result.stdout
    assert "near miss" in result.stdout
    assert "Score: 0 to 100, how strongly the text matches; 50 or more assigns" in result.stdout
    assert "cue" not in result.stdout and "via" not in result.stdout
    assert "1 recommendation, 1 mapped onto a standard, 0 unmapped" in result.stderr


@pytest.mark.parametrize("columns", ["60", "80", "99"])
def test_narrow_terminals_get_the_stacked_layout(runner: CliRunner, columns: str) -> None:
    result = runner.invoke(app, ["map", TEXT], env={"COLUMNS": columns})
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert not any("┃" in line or "│" in line for line in lines)
    assert "  theme domestic-abuse  Domestic abuse" in lines
    assert "      score 98 · “speak to women alone”, “domestic abuse”" in lines
    assert "Information sharing and fora for discussion" in result.stdout
    assert "Score: 0 to 100, how strongly the text matches;" in " ".join(lines)


def test_a_long_title_wraps_under_itself_in_the_stacked_layout(runner: CliRunner) -> None:
    # Wrapped back to the margin, "abuse and domestic abuse" read as the next match's label.
    lines = runner.invoke(app, ["map", TEXT], env={"COLUMNS": "60"}).stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("  standard 6.2  "))
    assert lines[at].rstrip() == "  standard 6.2  Practitioner confidence with neglect, sexual"
    assert lines[at + 1].rstrip() == " " * 16 + "abuse and domestic abuse"
    # On a very narrow terminal a long theme id leaves no room to hang the title: it runs
    # on after the id, never cut short.
    text = "The review found historical information was not used in the assessment."
    narrow = runner.invoke(app, ["map", text], env={"COLUMNS": "40"}).stdout
    assert all(len(line) <= 40 for line in narrow.splitlines())
    assert "…" not in narrow
    flat = " ".join(narrow.split())
    assert "theme historical-information Use of historical information in assessments" in flat


def test_wide_terminals_get_tables(runner: CliRunner) -> None:
    result = runner.invoke(app, ["map", TEXT], env={"COLUMNS": "100"})
    assert "┃ id " in result.stdout


def test_top_and_threshold(runner: CliRunner) -> None:
    text = "Fathers and the MASH should share information about domestic abuse."
    top1 = json.loads(run(runner, "map", text, "-f", "json", "--top", "1").stdout)
    assert len(top1["recommendations"][0]["standards"]) == 1
    strict = json.loads(run(runner, "map", text, "-f", "json", "--threshold", "99").stdout)
    assert strict["recommendations"][0]["standards"] == []
    assert strict["framework"]["threshold"] == 99


def test_stdin(runner: CliRunner) -> None:
    result = run(runner, "map", "-", "-f", "json", stdin="1. Engage fathers.\n2. Train staff.\n")
    recs = json.loads(result.stdout)["recommendations"]
    assert [(r["id"], r["source"]["file"], r["source"]["line"]) for r in recs] == [
        ("1", "<stdin>", 1),
        ("2", "<stdin>", 2),
    ]


def test_bad_file_reported_others_still_mapped(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("- Fathers should be engaged.\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("case: [unclosed\n")
    result = run(runner, "map", str(bad), str(good), "-f", "json")
    assert result.exit_code == exitcodes.USAGE
    assert len(json.loads(result.stdout)["recommendations"]) == 1
    assert result.stderr.startswith(f"{bad}:2:1: not valid YAML")
    assert "Traceback" not in result.output


def test_other_framework(runner: CliRunner) -> None:
    result = run(
        runner,
        "map",
        "Assess mental capacity.",
        "-f",
        "json",
        "--framework",
        str(ROOT / "examples" / "adult-sar-framework.yaml"),
    )
    rec = json.loads(result.stdout)["recommendations"][0]
    assert [m["id"] for m in rec["standards"]] == ["P2"]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown"])
def test_every_format_on_the_bundled_data(runner: CliRunner, fmt: str) -> None:
    result = run(runner, "map", str(ROOT / "data" / "recommendations"), "-f", fmt)
    assert result.exit_code == 0
    assert "L-F1" in result.stdout


def test_jobs_do_not_change_the_output(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.csv"
    rows = [["id", "text"]] + [
        [f"R{i}", f"{TEXT} Practitioners should escalate concerns about neglect ({i})."]
        for i in range(1200)
    ]
    with corpus.open("w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    outputs = {}
    for fmt in ("jsonl", "json"):
        for jobs in ("1", "2"):
            result = run(runner, "map", str(corpus), "-f", fmt, "--jobs", jobs)
            assert result.exit_code == exitcodes.OK
            outputs[(fmt, jobs)] = result.stdout
        assert outputs[(fmt, "1")] == outputs[(fmt, "2")]
    lines = outputs[("jsonl", "1")].splitlines()
    assert len(lines) == 1200
    assert json.loads(lines[-1])["id"] == "R1199"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_jobs_past_the_cores_are_the_cores(runner: CliRunner) -> None:
    """A number past a C int was an internal error; 10,000 started as many processes."""
    library = str(ROOT / "data" / "recommendations")
    expected = run(runner, "map", library, "-f", "jsonl", "--jobs", "1").stdout
    result = run(runner, "map", library, "-f", "jsonl", "-j", "99999999999999999999")
    assert (result.exit_code, result.stdout) == (exitcodes.OK, expected)


def test_explain_columns(runner: CliRunner) -> None:
    plan = str(ROOT / "examples" / "action-plan.xlsx")
    result = run(runner, "map", "--explain-columns", plan)
    assert result.exit_code == exitcodes.OK
    assert result.stdout.splitlines() == [
        f"{plan}:",
        "  'No.' is the id",
        "  'Recommendation' is the recommendation's text",
        "  'Lead agency' is the lead agency",
        "  'Target date' is the due date",
        "  'RAG' is the status",
        "  'Evidence of impact' is the evidence",
    ]
    draft = str(ROOT / "examples" / "draft.md")
    result = run(runner, "map", "--explain-columns", draft)
    assert result.exit_code == exitcodes.USAGE
    assert result.stderr == f"{draft}: not a spreadsheet: it has no columns\n"


def test_explain_columns_wraps_at_the_terminals_spaces() -> None:
    """Why a column was passed over runs past 100 characters, and a 60-column terminal
    broke it inside words; piped, it stays one line for scripts."""
    from scrmap.cli.edge import column_line

    why = (
        "kept as metadata ('RAG Jan 2027', dated on its right, is the later update of the "
        "status; the status where that cell is empty)"
    )
    lines = column_line("Status", why, 60).splitlines()
    assert all(len(line) <= 59 for line in lines) and len(lines) == 3
    assert lines[0].startswith("  'Status' is kept") and lines[1].startswith("      ")
    assert " ".join(" ".join(lines).split()) == f"'Status' is {why}"
    assert column_line("Status", why, None) == f"  'Status' is {why}"


def test_sheet_option(runner: CliRunner, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.create_sheet("Plan").append(["Action"])
    book["Plan"].append(["Fathers should be engaged in every assessment."])
    book.save(tmp_path / "plan.xlsx")
    result = run(runner, "map", str(tmp_path / "plan.xlsx"), "--sheet", "Plan", "-f", "json")
    assert result.exit_code == exitcodes.OK
    (rec,) = json.loads(result.stdout)["recommendations"]
    assert rec["text"] == "Fathers should be engaged in every assessment."
    # Without --sheet, the empty cover gives way to the plan.
    assert run(runner, "map", str(tmp_path / "plan.xlsx"), "-f", "json").stdout == result.stdout
    assert run(runner, "map", str(tmp_path / "plan.xlsx"), "--sheet", "Cover").exit_code == 2


def test_evidence_names_each_phrase_once_with_its_learned_weight(runner: CliRunner) -> None:
    plan = str(ROOT / "examples" / "action-plan.csv")
    data = json.loads(run(runner, "map", plan, "-f", "json").stdout)
    first = data["recommendations"][0]
    learned = {
        e["matched"] for m in first["standards"] for e in m["evidence"] if "(learned " in e["cue"]
    }
    assert learned  # the bundled learned weights add evidence to this action
    for columns in ("60", "200"):
        out = runner.invoke(app, ["map", plan], env={"COLUMNS": columns}).stdout
        text = " ".join(out.split())
        assert "“fathers”, “carers”, “fathers”" not in text
        assert "“record”, “record”" not in text
        assert re.search(r"“fathers” \(framework phrase; learned weight \+\d\.\d\d\)", text)
        assert "“male carers”, “fathers”" in text


def test_withheld_standards_show_why(runner: CliRunner) -> None:
    text = "Agencies should ensure fathers are engaged in assessments, and review taxi licensing."
    doc = json.loads(run(runner, "map", text, "-f", "json").stdout)
    (record,) = doc["recommendations"]
    assert record["standards"] == []
    assert record["fit"]["fits"] is False
    assert record["fit"]["score"] < 50
    assert [e["matched"] for e in record["fit"]["outside"]] == ["taxi", "licensing"]
    said = (
        f"fits the framework {record['fit']['score']} of 100 (needs 50); names a subject "
        "outside it: “taxi”, “licensing”; standards withheld"
    )
    for columns in ("200", "60"):  # the table, and the stacked layout
        shown = invoke(runner, ["map", text, "--explain"], env={"COLUMNS": columns}).stdout
        flat = " ".join(re.sub(r"[│┃]", " ", shown).split())
        assert said in flat
        assert "withheld 1.3" in flat  # over the threshold, but not given: not a near miss
    gold = run(runner, "map", text, "-f", "gold").stdout
    assert f"    # standards withheld: {said.removesuffix('; standards withheld')}" in gold
    assert re.search(r"# 1\.3 \d+ \(withheld\)", gold)
    # A text that fits carries the fit only when asked to explain.
    fitting = json.loads(run(runner, "map", TEXT, "-f", "json").stdout)["recommendations"][0]
    assert "fit" not in fitting
    explained = run(runner, "map", TEXT, "-f", "json", "--explain").stdout
    assert json.loads(explained)["recommendations"][0]["fit"]["fits"] is True


def test_with_cues_alone_an_outside_subject_needs_strong_evidence(runner: CliRunner) -> None:
    weak = "Agencies should ensure fathers are engaged in assessments, and review taxi licensing."
    strong = (
        "Practitioners should share information with the MASH about taxi drivers and refer "
        "concerns about child sexual exploitation to the multi-agency safeguarding hub."
    )
    args = ["map", weak, strong, "-f", "json", "--no-learned", "--explain"]
    first, second = json.loads(run(runner, *args).stdout)["recommendations"]
    assert first["standards"] == []
    assert (first["fit"]["score"], first["fit"]["fits"]) == (None, False)
    assert [e["matched"] for e in second["fit"]["outside"]] == ["taxi"]
    assert second["fit"]["fits"] is True
    assert second["standards"][0]["score"] >= 80
    shown = invoke(runner, ["map", weak, "--no-learned"], env={"COLUMNS": "200"}).stdout
    assert "names a subject outside it: “taxi”, “licensing”; standards withheld" in " ".join(
        shown.split()
    )


def test_text_about_nothing_in_the_framework_is_plainly_unmapped(runner: CliRunner) -> None:
    text = "The council should repaint the town hall."
    (record,) = json.loads(run(runner, "map", text, "-f", "json").stdout)["recommendations"]
    assert "fit" not in record  # nothing was withheld: there is nothing to explain
    shown = run(runner, "map", text).stdout
    assert "unmapped: no standard, theme or quadrant reached the threshold" in shown
    explained = json.loads(run(runner, "map", text, "-f", "json", "--explain").stdout)
    fit = explained["recommendations"][0]["fit"]
    assert (fit["fits"], fit["withheld"], fit["outside"]) == (False, False, [])


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_flat_formats_say_why_standards_were_withheld(runner: CliRunner, fmt: str) -> None:
    text = "The council should review taxi licensing checks with the MASH."
    out = run(runner, "map", text, "-f", fmt).stdout
    assert "standards withheld: fits the framework " in out
    assert "names a subject outside it: “taxi”, “licensing”" in out
    assert "withheld" not in run(runner, "map", TEXT, "-f", fmt).stdout


def test_a_standard_over_the_threshold_that_is_not_kept_says_why(runner: CliRunner) -> None:
    """More standards reach the threshold than a recommendation is given: the rest are
    "not kept", with the reason, never a "near miss" or "under the threshold"."""
    text = "Agencies must share information about domestic abuse with the MARAC."
    doc = json.loads(run(runner, "map", text, "-f", "json", "--explain").stdout)
    (record,) = doc["recommendations"]
    assert len(record["standards"]) == 3
    over = [m for m in record["near_misses"]["standards"] if m["score"] >= 50]
    assert over, "the example needs a fourth standard over the threshold"
    for columns in ("200", "60"):
        shown = invoke(runner, ["map", text, "--explain"], env={"COLUMNS": columns}).stdout
        flat = " ".join(re.sub(r"[│┃]", " ", shown).split())
        assert f"not kept {over[0]['id']}" in flat
        assert "over the threshold, but 3 standards score as high or higher" in flat
        assert f"near miss {over[0]['id']}" not in flat
    gold = run(runner, "map", text, "-f", "gold").stdout
    said = f"# {over[0]['id']} {over[0]['score']} (over the threshold, but 3 standards"
    assert said in gold


@pytest.mark.parametrize("columns", ["80", "200"])
def test_a_standard_and_a_theme_of_one_id_each_show_their_own_title(
    runner: CliRunner, tmp_path: Path, columns: str
) -> None:
    """A framework may call a standard and a theme both "self-neglect"; titled by id alone,
    the standard was shown with the theme's title."""
    framework = tmp_path / "sab.yaml"
    adult = (ROOT / "examples" / "adult-sar-framework.yaml").read_text()
    framework.write_text(adult.replace("  - id: P1\n", "  - id: self-neglect\n"))
    text = "Practitioners should record the desired outcomes of adults who self-neglect."
    args = ["map", text, "--framework", str(framework), "--no-learned"]
    result = invoke(runner, args, env={"COLUMNS": columns, "NO_COLOR": "1"})
    assert result.exit_code == exitcodes.OK, result.stderr
    rows = [" ".join(re.sub("[│┃]", " ", line).split()) for line in result.stdout.splitlines()]
    standard = "standard self-neglect The adult's views and wishes are sought and recorded"
    theme = "theme self-neglect Self-neglect"
    assert any(row.startswith(standard) for row in rows), result.stdout
    assert any(row == theme or row.startswith(f"{theme} 80") for row in rows), result.stdout


def test_explain_near_misses_over_the_threshold_are_withheld_or_not_kept(
    runner: CliRunner,
) -> None:
    """`near_misses` holds every standard scored and not assigned (README, "JSON output of
    `scrmap map`"): under the threshold, or over it and withheld (`fit.fits` false) or not
    kept (three score as high or higher, or it is under 0.6 of the best), which the
    terminal shows as "not kept". A reader of the JSON tells them apart by the threshold."""
    from scrmap.matcher import KEEP_RELATIVE, MAX_STANDARDS

    result = runner.invoke(
        app, ["map", str(ROOT / "data" / "recommendations"), "-f", "json", "--explain"]
    )
    doc = json.loads(result.stdout)
    threshold = doc["framework"]["threshold"]
    over = 0
    for record in doc["recommendations"]:
        kept = [m["score"] for m in record["standards"]]
        for miss in record["near_misses"]["standards"]:
            if miss["score"] < threshold:
                continue
            over += 1
            withheld = not record["fit"]["fits"]
            below_best = bool(kept) and miss["score"] < max(kept) * KEEP_RELATIVE
            crowded = sum(score >= miss["score"] for score in kept) >= MAX_STANDARDS
            assert withheld or below_best or crowded, (record["id"], miss["id"])
        assert all(m["score"] < threshold for m in record["near_misses"]["themes"])
    assert over  # the bundled library has standards not kept (Case L's L-F1: 1.4 at 52)


def test_map_names_a_case_as_written_where_coverage_counts_one_spelling(
    runner: CliRunner, tmp_path: Path
) -> None:
    """`map` gives each item's case as its file writes it, and none for text with no file
    (README, "JSON output of `scrmap map`"); `coverage` and `report` count a case spelt two
    ways as one, under the first spelling met, and text with no case as "(no case)". So a
    reader joins the two on the source, not on the case."""
    (tmp_path / "child-c.yaml").write_text(
        "case: Child C\nrecommendations:\n  - id: C-1\n    text: Health visitors will"
        " record the details of fathers at the first visit.\n",
        encoding="utf-8",
    )
    (tmp_path / "plan.csv").write_text(
        "Case,Ref,Recommendation\nchild c,C-2,The MASH will share domestic abuse"
        " notifications with schools within 24 hours.\n",
        encoding="utf-8",
    )
    mapped = json.loads(runner.invoke(app, ["map", str(tmp_path), "-f", "json"]).stdout)
    assert [(r["id"], r["case"]) for r in mapped["recommendations"]] == [
        ("C-1", "Child C"),
        ("C-2", "child c"),
    ]
    counted = json.loads(runner.invoke(app, ["coverage", str(tmp_path), "-f", "json"]).stdout)
    assert [c["id"] for c in counted["cases"]] == ["Child C"]
    report = runner.invoke(app, ["report", str(tmp_path), "-f", "csv"]).stdout
    assert [r["case"] for r in csv.DictReader(io.StringIO(report))] == ["Child C", "Child C"]
    loose = runner.invoke(app, ["map", "-", "-f", "json"], input="Staff should talk to fathers.\n")
    assert json.loads(loose.stdout)["recommendations"][0]["case"] is None
    alone = runner.invoke(
        app, ["coverage", "-", "-f", "json"], input="Staff should talk to fathers.\n"
    )
    assert [c["id"] for c in json.loads(alone.stdout)["cases"]] == ["(no case)"]


def test_a_framework_phrase_that_is_a_learned_word_too_says_it_is_both() -> None:
    """Shown once, in the framework phrase's place (first), the phrase says it is the
    framework's: as a learned word alone, its weight read as out of the learned words'
    order, strongest first ("domestic abuse" +0.23 before "abuse" +0.38)."""
    from scrmap.cli.views.map import _evidence

    def said(cue: str, matched: str) -> dict[str, object]:
        return {"cue": cue, "matched": matched, "start": 0, "end": len(matched)}

    match = {
        "id": "6.2",
        "score": 75,
        "evidence": [
            said("domestic abuse", "domestic abuse"),
            said("safe lives", "SafeLives"),
            said("abuse (learned +0.38)", "abuse"),
            said("domestic abuse (learned +0.23)", "domestic abuse"),
        ],
    }
    assert _evidence("standard", match) == (  # type: ignore[arg-type]
        "“domestic abuse” (framework phrase; learned weight +0.23), “SafeLives”, "
        "“abuse” (learned weight +0.38)"
    )
