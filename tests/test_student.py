"""Student editions hide every solution, keep the tags, run top to bottom, and self-check."""

import ast
import re
import stat
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

from alliance_notebooks import exercises
from alliance_notebooks.chapters import read_notebook
from alliance_notebooks.cli import main
from alliance_notebooks.parameters import ParameterError
from alliance_notebooks.student import build_student_editions, student_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
KEPT_TAG = re.compile(r"^(parameters|raises-exception|nbval.*)$")
CHECK = "# NBVAL_CHECK_OUTPUT"
NBVAL_CHAPTER = "01_origins"  # the quickest chapter to execute


def chapter_path(stem: str) -> Path:
    return NOTEBOOKS / f"{stem}.py"


def tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def read(path: Path):
    return read_notebook(path)


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    """Student editions of every chapter, built once."""
    out = tmp_path_factory.mktemp("student")
    assert build_student_editions(CHAPTERS, out) == [out / f"{c.stem}.ipynb" for c in CHAPTERS]
    return out


def telling_lines(notebook) -> set[str]:
    """Solution lines (8+ characters, not imports) found nowhere in the notebook's other cells."""
    solution = {
        line.strip()
        for cell in notebook.cells
        if "solution" in tags(cell)
        for line in cell.source.split("\n")
    }
    other = "\n".join(c.source for c in notebook.cells if "solution" not in tags(c))
    shown = ("# NBVAL_", "import ", "from ")  # kept comments and imports give nothing away
    return {s for s in solution if len(s) >= 8 and not s.startswith(shown) and s not in other}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_solution_text_survives(chapter, editions):
    original, student = read(chapter), read(editions / f"{chapter.stem}.ipynb")
    lines = telling_lines(original)
    assert lines or not any("solution" in tags(c) for c in original.cells)
    text = "\n".join(c.source for c in student.cells) + str(student.metadata)
    assert sorted(line for line in lines if line in text) == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_tags_kept_and_outputs_cleared(chapter, editions):
    original, student = read(chapter), read(editions / f"{chapter.stem}.ipynb")
    assert student.metadata["alliance_notebooks"]["edition"] == "student"
    assert "jupytext" not in student.metadata
    for before, after in zip(original.cells, student.cells, strict=True):
        assert {t for t in tags(before) if KEPT_TAG.match(t)} <= tags(after)
        assert (CHECK in before.source) == (CHECK in after.source)
        if after.cell_type == "code":
            assert after.outputs == [] and after.execution_count is None
        if "solution" in tags(before):
            assert "exercise" in tags(after) and "Your answer here" in after.source


def names(source: str) -> tuple[set[str], set[str]]:
    """(names a cell binds or changes in place, names it reads), IPython syntax allowed."""
    tree = ast.parse(TransformerManager().transform_cell(source))
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store | ast.Del) else read).add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.Attribute | ast.Subscript) and isinstance(node.ctx, ast.Store):
            base = node.value
            while isinstance(base, ast.Attribute | ast.Subscript):
                base = base.value
            if isinstance(base, ast.Name):
                bound.add(base.id)  # df["x"] = … changes df for the cells below
    return bound, read


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_no_later_cell_needs_what_a_solution_made(chapter):
    """A student edition is its chapter with each solution cell replaced by comments, so it
    runs as far as the chapter does (the session's runs show that every chapter runs) as
    long as no later cell reads a name that a solution bound or changed."""
    from_solutions, needed = set(), []
    for index, cell in enumerate(read(chapter).cells):
        if cell.cell_type != "code":
            continue
        bound, used = names(cell.source)
        if "solution" in tags(cell):
            from_solutions |= bound
        else:
            needed += [(index, name) for name in sorted(used & from_solutions)]
            from_solutions -= bound - used
    assert needed == []


def test_a_student_edition_runs_under_nbval(editions, tmp_path):
    """nbval (as the README promises) on the student edition of one chapter: every cell runs
    with the exercises undone, and only cells tagged raises-exception may raise. One
    chapter, because the session's shared runs already execute every chapter and the test
    above covers what differs in the other student editions."""
    notebook = tmp_path / f"{NBVAL_CHAPTER}.ipynb"
    notebook.write_bytes((editions / notebook.name).read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist",
         "-o", "addopts=", "--rootdir", str(tmp_path), "--nbval-lax", "--nbval-current-env",
         "--nbval-cell-timeout=120", "-q", str(notebook)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    cells = [c for c in read(chapter_path(NBVAL_CHAPTER)).cells if c.cell_type == "code"]
    assert f"{len(cells)} passed" in result.stdout


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


@pytest.mark.parametrize("exercise_id", sorted(exercises.REGISTRY))
def test_registered_exercise_exists_in_its_chapter(exercise_id):
    chapter, number = exercise_id.split(".")
    [path] = NOTEBOOKS.glob(f"{chapter}_*.py")
    heading = f"### Exercise {int(chapter)}.{number}"
    assert any(heading in c.source for c in read(path).cells if c.cell_type == "markdown")


def test_unknown_exercise_lists_valid_ids():
    with pytest.raises(exercises.UnknownExerciseError, match=r"valid ids are: \d\d\.\d, "):
        exercises.check("99.9", 1)


@pytest.fixture
def source(tmp_path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("answer = 42", metadata={"tags": ["solution"]})]
    )
    jupytext.write(notebook, folder / "01_x.py", fmt="py:percent")  # a chapter's text source
    return folder


@pytest.mark.parametrize("target", ["notebooks", "./notebooks/", "link", "."])
def test_student_refuses_the_solution_notebooks_folder(source, monkeypatch, capsys, target):
    monkeypatch.chdir(source.parent)
    (source.parent / "link").symlink_to(source)
    before = (source / "01_x.py").read_bytes()
    code = main(["student", "--notebooks-dir", "notebooks", "--output-dir", target])
    assert code == 2
    assert "folder of the solution notebooks" in capsys.readouterr().err
    assert (source / "01_x.py").read_bytes() == before


def test_student_does_not_overwrite_without_force(source, tmp_path):
    out = tmp_path / "student"
    build_student_editions([source / "01_x.py"], out)
    (out / "01_x.ipynb").write_text("my notes")
    with pytest.raises(ParameterError, match="already holds 01_x.ipynb; pass --force"):
        build_student_editions([source / "01_x.py"], out)
    assert (out / "01_x.ipynb").read_text() == "my notes"
    build_student_editions([source / "01_x.py"], out, force=True)
    assert "Your answer here" in (out / "01_x.ipynb").read_text()
