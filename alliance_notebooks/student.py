"""Student editions of the chapters: solutions replaced by prompts, outputs cleared.

>>> from pathlib import Path
>>> from alliance_notebooks.student import build_student_editions
>>> build_student_editions(sorted(Path("notebooks").glob("[0-9][0-9]_*.py")), Path("student"))
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ClearOutputPreprocessor

from alliance_notebooks import exercises
from alliance_notebooks.chapters import read_notebook
from alliance_notebooks.folders import check_folder, check_targets, write_replacing
from alliance_notebooks.parameters import ParameterError

SOLUTION_TAG = "solution"
EXERCISE_TAG = "exercise"
EXERCISE_HEADING = re.compile(r"^#{1,6}\s*Exercise\s+(\d+\.\d+)", re.MULTILINE)
NBVAL_COMMENT = re.compile(r"^\s*# NBVAL_\w+\s*$")
CLEAR_OUTPUTS = ClearOutputPreprocessor(
    remove_metadata_fields={"collapsed", "scrolled", "execution", "papermill"}
)


def _prompt(cell: nbformat.NotebookNode, exercise: str | None) -> str:
    """The text that replaces a solution: kept NBVAL comments, then a prompt."""
    label = f" (Exercise {exercise})" if exercise else ""
    if cell.cell_type == "markdown":
        return f"*Your answer here{label}.*"
    lines = [line for line in cell.source.splitlines() if NBVAL_COMMENT.match(line)]
    lines.append(f"# Your answer here{label}. Run the cell when done.")
    if exercise and exercises.is_registered(exercise):
        exercise_id = exercises.canonical_id(exercise)
        lines += [
            f"# Then check it, where answer is {exercises.REGISTRY[exercise_id].expects}:",
            f"# from alliance_notebooks.exercises import check; check({exercise_id!r}, answer)",
        ]
    return "\n".join(lines)


def student_notebook(notebook: nbformat.NotebookNode, source: str = "") -> nbformat.NotebookNode:
    """A student copy of ``notebook``: prompts for solutions, no outputs, tags kept."""
    student = nbformat.from_dict(notebook)  # a deep copy
    CLEAR_OUTPUTS.preprocess(student, {})
    exercise = None
    for cell in student.cells:
        if cell.cell_type == "markdown" and (heading := EXERCISE_HEADING.search(cell.source)):
            exercise = heading.group(1)
        tags = cell.metadata.get("tags", [])
        if SOLUTION_TAG in tags:
            cell.source = _prompt(cell, exercise)
            cell.metadata["tags"] = [EXERCISE_TAG if t == SOLUTION_TAG else t for t in tags]
    student.metadata.pop("jupytext", None)  # a student copy must not re-pair with the .py
    student.metadata["alliance_notebooks"] = {"edition": "student", "source": source}
    return student


def build_student_edition(source: Path, output_dir: Path) -> Path:
    """Write the student edition of one notebook to ``output_dir/<name>.ipynb`` atomically."""
    output_dir.mkdir(parents=True, exist_ok=True)
    student = student_notebook(read_notebook(source), source=f"notebooks/{source.name}")
    return write_replacing(
        output_dir / f"{source.stem}.ipynb",
        lambda temporary: nbformat.write(student, temporary),
    )


def check_destination(sources: list[Path], output_dir: Path, *, force: bool = False) -> None:
    """Refuse a file, a folder that is or holds a source folder, and files that would be
    overwritten (unless ``force``)."""
    check_folder(Path(output_dir), "--output-dir")
    target = Path(output_dir).resolve()
    for folder in {Path(s).resolve().parent for s in sources}:
        if folder.is_relative_to(target):  # the same folder (also via a symlink), or above it
            raise ParameterError(
                f"{output_dir} is or overlaps {folder}, the folder of the solution notebooks; "
                "student editions would replace them; choose another --output-dir"
            )
    check_targets([Path(output_dir) / f"{Path(s).stem}.ipynb" for s in sources], force)


def build_student_editions(
    sources: list[Path], output_dir: Path, *, force: bool = False
) -> list[Path]:
    """Write a student edition of each solution notebook in ``sources`` into ``output_dir``.

    Cells tagged ``solution`` become a prompt naming their exercise (from the preceding
    ``### Exercise N.k`` heading) and are re-tagged ``exercise``; every output and
    execution count is cleared; ``parameters``, ``raises-exception`` and nbval tags and
    ``# NBVAL_…`` comment lines are kept. Returns the written paths, in input order.
    Refuses (``ParameterError``) an ``output_dir`` that is or overlaps a source folder, and
    existing editions unless ``force``.
    """
    check_destination(sources, output_dir, force=force)
    return [build_student_edition(Path(source), Path(output_dir)) for source in sources]
