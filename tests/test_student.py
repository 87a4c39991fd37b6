"""Student editions hide every solution, keep the tags, run top to bottom, and self-check."""

import re
import stat
from pathlib import Path

import nbformat
import papermill
import pytest

import alliance_data as ad
from alliance_data import economics as ec
from alliance_data import exercises, forces, history
from alliance_data import sources_review as sr
from alliance_data.student import build_student_editions, student_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
KEPT_TAG = re.compile(r"^(parameters|raises-exception|nbval.*)$")
CHECK = "# NBVAL_CHECK_OUTPUT"


def tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def read(path: Path):
    return nbformat.read(path, as_version=4)


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    """Student editions of every chapter, built once."""
    out = tmp_path_factory.mktemp("student")
    assert build_student_editions(CHAPTERS, out) == [out / c.name for c in CHAPTERS]
    return out


def telling_lines(notebook) -> set[str]:
    """Solution lines (8+ characters) that occur in no other cell of the notebook."""
    solution, other = set(), set()
    for cell in notebook.cells:
        lines = {line.strip() for line in cell.source.split("\n")}
        (solution if "solution" in tags(cell) else other).update(lines)
    return {s for s in solution - other if len(s) >= 8 and not s.startswith("# NBVAL_")}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_solution_text_survives(chapter, editions):
    original, student = read(chapter), read(editions / chapter.name)
    lines = telling_lines(original)
    assert lines or not any("solution" in tags(c) for c in original.cells)
    text = "\n".join(c.source for c in student.cells) + str(student.metadata)
    assert sorted(line for line in lines if line in text) == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_tags_kept_and_outputs_cleared(chapter, editions):
    original, student = read(chapter), read(editions / chapter.name)
    assert student.metadata["alliance_notebooks"]["edition"] == "student"
    assert "jupytext" not in student.metadata
    for before, after in zip(original.cells, student.cells, strict=True):
        assert {t for t in tags(before) if KEPT_TAG.match(t)} <= tags(after)
        assert (CHECK in before.source) == (CHECK in after.source)
        if after.cell_type == "code":
            assert after.outputs == [] and after.execution_count is None
        if "solution" in tags(before):
            assert "exercise" in tags(after) and "Your answer here" in after.source


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_student_edition_runs_with_exercises_undone(chapter, editions, tmp_path):
    papermill.execute_notebook(
        editions / chapter.name,
        tmp_path / chapter.name,
        cwd=NOTEBOOKS,
        kernel_name="python3",
        progress_bar=False,
        request_save_on_cell_execute=False,
        start_timeout=60,
        execution_timeout=120,  # fail, not hang, if a kernel reply is ever lost
    )


def test_prompt_names_exercise_and_write_is_atomic(tmp_path):
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("### Exercise 2.3\nFind the year."),
            nbformat.v4.new_code_cell(
                "# NBVAL_CHECK_OUTPUT\nprint(2 + 2)", metadata={"tags": ["solution", "nbval-skip"]}
            ),
        ],
        metadata={"jupytext": {"formats": "ipynb,py:percent"}},
    )
    cell = student_notebook(notebook).cells[1]
    assert cell.source.startswith("# NBVAL_CHECK_OUTPUT\n# Your answer here (Exercise 2.3).")
    assert 'check("02.3", answer)' in cell.source.replace("'", '"')
    assert cell.metadata["tags"] == ["exercise", "nbval-skip"]
    source = tmp_path / "02_x.ipynb"
    nbformat.write(notebook, source)
    [written] = build_student_editions([source], tmp_path / "out")
    assert [p.name for p in written.parent.iterdir()] == ["02_x.ipynb"]  # no temp file left
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


# Each registered exercise's answer, computed from the data as the chapter's solution does.
EXPECTED = {}


def expected(exercise_id: str):
    def register(compute):
        EXPECTED[exercise_id] = compute
        return compute

    return register


def prime_minister_with_most(events):
    return events["date"].map(history.leader_on).value_counts().idxmax()


@expected("01.1")
def _():
    return prime_minister_with_most(history.events_between(1945, 1960))


@expected("01.2")
def _():
    split = history.personnel_by_area(1950, 1960).set_index("year")
    return (split["okinawa"] / split["total"]).idxmax()


@expected("02.3")
def _():
    return forces.lead_years(forces.troop_series(["JPN", "DEU"], 1950, 2025), "DEU")["since"]


@expected("03.1")
def _():
    counts = forces.base_counts_by_prefecture(ad.load("bases"))
    return counts.drop(["Okinawa", "(no coordinates)", "(outside outlines)"]).idxmax()


@expected("03.3")
def _():
    later = forces.event_date("Okinawa referendum on Henoko")
    return (later - forces.event_date("Okinawa referendum on bases")).days / 365.25


@expected("04.1")
def _():
    return ec.hns_annual("high")["fiscal_year"].nunique()


@expected("05.2")
def _():
    return history.gulf_war_figures()["amount_usd_bn"].sum()


@expected("05.3")
def _():
    kinds = ["legislation", "policy", "guidelines"]
    return prime_minister_with_most(history.events_between(1990, 2026, kinds))


@expected("06.1")
def _():
    series = sr.opinion_series("Cabinet Office", "affinity_toward_us")
    by_mode = series.groupby("mode_family")["value_pct"]
    return by_mode.get_group("mail").iloc[0] - by_mode.get_group("face-to-face").iloc[-1]


@expected("07.1")
def _():
    return ec.us_share_pct(2011, 2020)


@expected("08.3")
def _():
    claims = ad.load("claims")
    return len(claims) - claims["paraphrase"].nunique()


def wrong(answer):
    """A plausible but wrong answer of the same kind."""
    if isinstance(answer, str):
        return answer + " Jr"
    return answer + 1


def test_every_registered_exercise_has_an_expected_answer():
    assert sorted(EXPECTED) == sorted(exercises.REGISTRY)


@pytest.mark.parametrize("exercise_id", sorted(EXPECTED))
def test_check_accepts_right_and_rejects_wrong(exercise_id, capsys):
    answer = EXPECTED[exercise_id]()
    assert exercises.check(exercise_id, answer) is True
    assert exercises.check(exercise_id, wrong(answer)) is False
    printed = capsys.readouterr().out
    assert "correct." in printed and "Hint:" in printed


@pytest.mark.parametrize("exercise_id", sorted(EXPECTED))
def test_registry_holds_no_plain_answer(exercise_id):
    entry = exercises.REGISTRY[exercise_id]
    source = re.sub(r"[0-9a-f]{64}", "", Path(exercises.__file__).read_text(encoding="utf-8"))
    answer = exercises.normalise(EXPECTED[exercise_id](), entry.rule)
    assert not re.search(rf"(?<![\w.]){re.escape(answer)}(?![\w.])", source, re.IGNORECASE)


@pytest.mark.parametrize("exercise_id", sorted(EXPECTED))
def test_registered_exercise_exists_in_its_chapter(exercise_id):
    chapter, number = exercise_id.split(".")
    [path] = NOTEBOOKS.glob(f"{chapter}_*.ipynb")
    heading = f"### Exercise {int(chapter)}.{number}"
    assert any(heading in c.source for c in read(path).cells if c.cell_type == "markdown")


def test_unknown_exercise_lists_valid_ids():
    with pytest.raises(exercises.UnknownExerciseError, match=r"valid ids are: 01\.1, "):
        exercises.check("99.9", 1)
