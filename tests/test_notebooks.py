"""Every chapter: its declaration in chapters.yml, default key figures, readable figures,
committed and paired files, and clear errors for bad parameter values.

nbval checks that the committed notebooks run as they are (see pyproject's testpaths);
these tests execute them through papermill, and test_notebook_reruns.py with other values.
"""

import json
import subprocess
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml
from chapter_runs import CHAPTERS, DECLARED, execute, output_text

from alliance_notebooks import key_figures

KEY_FIGURES = Path(__file__).resolve().parent / "key_figures"


def test_every_chapter_is_declared_once():
    assert {p.stem for p in CHAPTERS} == set(DECLARED)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_parameters_cell_matches_the_declaration(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert set(papermill.inspect_notebook(str(path))) == set(DECLARED[path.stem]["parameters"])
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_defaults_give_the_checked_key_figures_and_readable_figures(path, tmp_path):
    executed = execute(path, tmp_path / path.name, check_figures=True)
    expected = yaml.safe_load((KEY_FIGURES / f"{path.stem}.yml").read_text(encoding="utf-8"))
    assert key_figures.read(executed) == expected
    report = json.loads(output_text(executed).split("FIGURE-CHECK", 1)[1].splitlines()[0])
    assert len(report) >= 2, "every chapter has at least two figures"
    assert {n: p for n, p in report.items() if p} == {}


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_invalid_parameter_stops_with_a_clear_error(path, tmp_path):
    invalid = DECLARED[path.stem]["invalid"]
    with pytest.raises(papermill.PapermillExecutionError) as error:
        execute(path, tmp_path / path.name, invalid)
    assert error.value.ename == "ParameterError"
    assert any(name in error.value.evalue for name in invalid)
    assert "allowed" in error.value.evalue


def committed(path: Path):
    """The notebook as git has it (after nbstripout's filter), else as on disk."""
    root = path.parent.parent
    if (root / ".git").exists():
        shown = subprocess.run(
            ["git", "show", f":{path.relative_to(root)}"], cwd=root, capture_output=True
        )
        if shown.returncode == 0:
            return nbformat.reads(shown.stdout.decode("utf-8"), as_version=4)
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_committed_notebook_has_no_outputs(path):
    notebook = committed(path)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None
    assert "widgets" not in notebook.metadata


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_paired_source_agrees_in_types_tags_and_sources(path):
    import jupytext

    def shape(notebook):
        return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in notebook.cells]

    assert shape(jupytext.read(path.with_suffix(".py"))) == shape(nbformat.read(path, as_version=4))
